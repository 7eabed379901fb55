"""The family's one-page plan as a PDF (ReportLab). No Qt.

The page is laid out by hand on one canvas: every block is a platypus
flowable that is measured (``wrap``) and drawn (``drawOn``) top to bottom, with
the next meeting and the caseworker pinned to the bottom of the page. Because
every height is known before anything is drawn, "exactly one page" is a
decision, not a hope: the body text shrinks in steps (12 ... 10 pt), the spacing
closes up, then the cards, goals, scales, names and long texts are shortened
with "+ N more – ask your caseworker" lines, and only then, if the page is still
too full, the actions; what still fits afterwards is given back.

Text is set by ``export/richtext.py``: each script in its own embedded font
(DejaVu Sans, Noto Naskh Arabic, Noto Sans Ethiopic), Arabic shaped with
HarfBuzz, each line in bidi order; never the PDF standard fonts, which have no
glyphs beyond Latin-1. A character no font has a glyph for is shown as a
visible placeholder and reported in :attr:`PlanResult.missing_glyphs`.

The plan's language decides the page's direction: an Arabic, Farsi or Urdu plan
is mirrored (headings, lists and bullets on the right, the table's columns and
the two boxes swapped, the 1-10 scales running from right to left), while the
family's own words keep the direction they were written in.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from familymeeting import palette
from familymeeting.domain.enums import Column
from familymeeting.domain.plan import (
    PlanAction,
    PlanCard,
    PlanData,
    PlanMark,
    PlanRating,
)
from familymeeting.export import plan_text as words
from familymeeting.export.richtext import (
    RichText,
    Span,
    base_is_rtl,
    draw_line,
    fonts,
    has_rtl,
    isolated,
    layout_line,
)
from familymeeting.storage.atomic import write_atomic

CREATOR = "familymeeting"
PLACEHOLDER = "\u25a1"  # WHITE SQUARE: visibly "a character we could not print"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 17 * mm
MARGIN_BOTTOM = 15 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

BODY_SIZES = (12.0, 11.5, 11.0, 10.5, 10.0)
MIN_BODY_SIZE = 10.0  # the floor: below this a parent without glasses stops reading

FONT = "FamilyMeetingSans"  # DejaVu Sans, registered by richtext.fonts()
FONT_BOLD = "FamilyMeetingSans-Bold"

# The app's palette: a column, a person and "done" are the same colour on the screen
# and on the page.
INK = HexColor(palette.TEXT)
MUTED = HexColor(palette.MUTED)
LINE = HexColor(palette.LINE)
SCALE_LINE = HexColor(palette.SCALE_LINE)
DONE = HexColor(palette.SAVED)
OVERDUE = HexColor(palette.WARNING)  # with the word "Overskredet": never colour alone
_WORRIES = palette.COLUMNS[Column.WORRIES]
_WELL = palette.COLUMNS[Column.WORKING_WELL]
_NEEDS = palette.COLUMNS[Column.NEEDS_TO_HAPPEN]
WORRIES_BG, WORRIES_HEAD, WORRIES_ACCENT = (
    HexColor(_WORRIES.background),
    HexColor(_WORRIES.header),
    HexColor(_WORRIES.accent),
)
WELL_BG, WELL_HEAD, WELL_ACCENT = (
    HexColor(_WELL.background),
    HexColor(_WELL.header),
    HexColor(_WELL.accent),
)
NEEDS_BG, NEEDS_HEAD, NEEDS_ACCENT = (
    HexColor(_NEEDS.background),
    HexColor(_NEEDS.header),
    HexColor(_NEEDS.accent),
)


@dataclass(frozen=True)
class PlanResult:
    """A rendered plan: the PDF bytes and what the caseworker should know about it.

    ``shortened``: lists or texts were cut to fit the page ("+ N more – ask your
    caseworker").
    ``missing_glyphs``: characters the font cannot show, printed as a placeholder.
    ``font_size``: the body text size the page was set in (never below 10 pt).
    """

    pdf: bytes
    shortened: bool
    missing_glyphs: list[str] = field(default_factory=list)
    font_size: float = BODY_SIZES[0]


# ------------------------------------------------------------------- cleaning
# Marks that only modify the character before them (emoji variation selectors,
# skin tones, joiners, tags): after a placeholder they would only add noise.
_JOINER = "\u200d"


def _is_modifier(ch: str) -> bool:
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Cf")
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


class _Glyphs:
    """Makes text printable with our font and remembers what it could not show."""

    def __init__(self, available: frozenset[int]) -> None:
        # Printable: some font family has it in both weights (names appear in bold too).
        self.available = available
        self.missing: dict[str, None] = {}  # ordered set, first seen first
        self._plain: set[str] = set()  # characters known to print as they are

    def _all_plain(self, chars: set[str]) -> bool:
        for ch in chars - self._plain:
            if (
                unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")
                or ord(ch) not in self.available
            ):
                return False
            self._plain.add(ch)
        return True

    def clean(self, text: str, *, multiline: bool = False) -> str:
        """Remove control characters; replace characters without a glyph by a placeholder."""
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        if self._all_plain(set(text) - ({"\n"} if multiline else set())):
            return text.strip()  # the common case, without a loop over every character
        out: list[str] = []
        after_placeholder = False  # inside an emoji sequence we could not print
        joined = False
        for ch in text:
            cat = unicodedata.category(ch)
            if ch == "\n" or cat in ("Zl", "Zp"):
                out.append("\n" if multiline else " ")
                after_placeholder = joined = False
                continue
            if cat in ("Cc", "Cs"):
                if ch == "\t":
                    out.append(" ")
                continue
            if cat == "Zs":
                out.append(ch if ord(ch) in self.available else " ")
                after_placeholder = joined = False
                continue
            if ord(ch) in self.available and not (after_placeholder and _is_modifier(ch)):
                out.append(ch)
                after_placeholder = joined = False
                continue
            if after_placeholder and (_is_modifier(ch) or joined):
                # Part of the sequence already shown as one placeholder.
                joined = ch == _JOINER
                if ord(ch) not in self.available and not _is_modifier(ch):
                    self.missing.setdefault(ch, None)
                continue
            if _is_modifier(ch):
                continue  # an invisible mark the font lacks: nothing to show, nothing lost
            self.missing.setdefault(ch, None)
            out.append(PLACEHOLDER)
            after_placeholder, joined = True, False
        return "".join(out).strip()

    def clean_plan(self, plan: PlanData) -> PlanData:
        c = self.clean

        def card(x: PlanCard) -> PlanCard:
            return replace(
                x,
                text=c(x.text, multiline=True),
                whose=c(x.whose),
                disagree=tuple(c(n) for n in x.disagree),
                agree=tuple(c(n) for n in x.agree),
            )

        def action(a: PlanAction) -> PlanAction:
            return replace(a, what=c(a.what, multiline=True), who=c(a.who), when=c(a.when))

        def rating(r: PlanRating) -> PlanRating:
            return replace(
                r,
                question=c(r.question),
                low_anchor=c(r.low_anchor),
                high_anchor=c(r.high_anchor),
                marks=tuple(replace(m, name=c(m.name)) for m in r.marks),
                not_answered=tuple(c(n) for n in r.not_answered),
            )

        return replace(
            plan,
            family_name=c(plan.family_name),
            place=c(plan.place),
            people=tuple(replace(p, name=c(p.name)) for p in plan.people),
            goals=tuple(card(x) for x in plan.goals),
            steps=tuple(card(x) for x in plan.steps),
            actions=tuple(action(a) for a in plan.actions),
            working_well=tuple(card(x) for x in plan.working_well),
            worries=tuple(card(x) for x in plan.worries),
            ratings=tuple(rating(r) for r in plan.ratings),
            next_meeting_place=c(plan.next_meeting_place),
            caseworker_name=c(plan.caseworker_name),
            caseworker_phone=c(plan.caseworker_phone),
            news=None
            if plan.news is None
            else replace(
                plan.news,
                new=tuple(c(x, multiline=True) for x in plan.news.new),
                done=tuple(c(x, multiline=True) for x in plan.news.done),
            ),
        )


# ------------------------------------------------------------------ fitting
@dataclass(frozen=True)
class _Limits:
    """How much of the plan the page shows (None: everything).

    ``text`` limits each text in the family's words (cards, goals, questions,
    names, places); the actions have their own ``action_text``, cut only once
    everything else is as short as it goes.
    """

    spacing: int = 0  # an index into SPACING: 0 as designed, the last the closest
    # "Nyt siden sidst": a summary of lines the table holds whole, so it goes first,
    # before anything of the plan itself is shortened.
    news: bool = True
    text: int | None = None  # characters per text
    goals: int | None = None
    steps: int | None = None  # next steps not made into lines, under the goals
    well: int | None = None  # cards under "Det går godt"
    worries: int | None = None  # cards under "Det er vi bekymrede for"
    scales: int | None = None
    people: int | None = None
    actions: int | None = None  # open actions first, then the done ones
    action_text: int | None = None  # characters per action text


@dataclass(frozen=True)
class _Spacing:
    """How much air the page has: between blocks and lines (in ems of the body
    text), the margins above the first block and below the footer, and at the sides."""

    blocks: float
    lines: float
    top: float = MARGIN_TOP
    bottom: float = MARGIN_BOTTOM
    side: float = MARGIN_X

    @property
    def width(self) -> float:
        """The width of the page's text."""
        return float(PAGE_WIDTH - 2 * self.side)


# As designed, then closer blocks, closer lines, narrower top and bottom margins,
# and last narrower side margins too (all still well inside what any printer
# prints). All are tried, at 10 pt, before anything is left out.
SPACING: tuple[_Spacing, ...] = (
    _Spacing(1.0, 1.3),
    _Spacing(0.55, 1.3),
    _Spacing(0.45, 1.22),
    _Spacing(0.4, 1.2, top=12 * mm, bottom=11 * mm),
    _Spacing(0.35, 1.18, top=11 * mm, bottom=10 * mm, side=15 * mm),
)
# Character limits for the family's words and for the actions, longest first.
TEXT_STEPS = (600, 400, 300, 200, 160, 120, 100, 80, 60, 40, 30)
ACTION_TEXT_STEPS = (400, 300, 200, 150, 100, 60, 30)
PEOPLE_STEPS = (12, 8, 6, 4, 3, 2)


def _below(n: int, total: int) -> int | None:
    """A limit that leaves something out, or None where ``n`` would show everything."""
    return n if n < total else None


def _shown(limit: int | None, total: int) -> int:
    return total if limit is None else min(limit, total)


def _family_texts(plan: PlanData) -> Iterator[str]:
    """Every text the ``text`` limit applies to."""
    yield from (plan.family_name, plan.place, plan.next_meeting_place)
    yield from (plan.caseworker_name, plan.caseworker_phone)
    yield from (p.name for p in plan.people)
    for card in plan.goals + plan.steps + plan.working_well + plan.worries:
        yield from (card.text, card.whose, *card.disagree, *card.agree)
    for r in plan.ratings:
        yield from (r.question, r.low_anchor, r.high_anchor)


def _longest(texts: Iterable[str]) -> int:
    return max(map(len, texts), default=0)


@dataclass(frozen=True)
class _Ladder:
    """The layouts to try, in order, each showing no more than the one before;
    ``first_cut`` is the first that leaves anything out."""

    steps: list[tuple[float, _Limits]]
    first_cut: int


def _ladder(plan: PlanData) -> _Ladder:
    """Larger text, then closer spacing, then the rest shortened, the actions last.

    Only steps that change something for this plan are listed, one change at a
    time where a list is long, so the search never jumps further than it must.
    """
    steps = [(size, _Limits()) for size in BODY_SIZES]
    limits = _Limits()

    def add(**changes: Any) -> None:
        nonlocal limits
        new = replace(limits, **changes)
        if new != limits:
            limits = new
            steps.append((MIN_BODY_SIZE, new))

    for spacing in range(1, len(SPACING)):
        add(spacing=spacing)
    if plan.news:
        add(news=False)
    first_cut = len(steps)

    longest = _longest(_family_texts(plan))
    goals, next_steps = len(plan.goals), len(plan.steps)
    well, worries = len(plan.working_well), len(plan.worries)

    def cards(n: int) -> dict[str, int | None]:  # the longer list is shortened first
        return {"well": _below(n, well), "worries": _below(n, worries)}

    # 1. Everything but the actions, least needed first: very long texts, cards
    #    one at a time down to three a list, then the next steps, the goals to three,
    #    the scales down to one, cards, next steps and goals down to one, shorter
    #    texts; then no cards, scales, next steps or goals at all (their "+ N more"
    #    lines stay), fewer names, and the shortest texts.
    for n in TEXT_STEPS[:3]:
        add(text=_below(n, longest))
    for n in range(max(well, worries) - 1, 2, -1):
        add(**cards(n))
    for n in range(next_steps - 1, 2, -1):
        add(steps=n)
    add(goals=_below(3, goals))
    for n in range(len(plan.ratings) - 1, 0, -1):
        add(scales=n)
    for n in (2, 1):
        add(**cards(n))
    add(steps=_below(1, next_steps))
    add(goals=_below(1, goals))
    for n in TEXT_STEPS[3:7]:
        add(text=_below(n, longest))
    add(scales=_below(0, len(plan.ratings)), **cards(0))
    add(steps=_below(0, next_steps))
    add(goals=_below(0, goals))
    for n in PEOPLE_STEPS:
        add(people=_below(n, len(plan.people)))
    for n in TEXT_STEPS[7:]:
        add(text=_below(n, longest))

    # 2. Only then the actions: done ones from the end of the table, very long
    #    action texts, open ones from the end; one always stays.
    total = len(plan.actions)
    open_actions = sum(1 for a in plan.actions if not a.done)
    longest_action = _longest(t for a in plan.actions for t in (a.what, a.who, a.when))
    for n in range(total - 1, max(open_actions, 1) - 1, -1):
        add(actions=n)
    for n in ACTION_TEXT_STEPS[:4]:
        add(action_text=_below(n, longest_action))
    for n in range(min(open_actions, total) - 1, 0, -1):
        add(actions=n)
    for n in ACTION_TEXT_STEPS[4:]:
        add(action_text=_below(n, longest_action))
    return _Ladder(steps, first_cut)


def _shorten(value: str, n: int | None) -> str:
    if n is None or len(value) <= n:
        return value
    head = value[: n - 1]
    space = max(head.rfind(" "), head.rfind("\n"))
    if space > n * 0.6:
        head = head[:space]
    return head.rstrip(" ,.;:-\n") + "…"


class _Cutter:
    """Applies limits and remembers whether anything was left out or cut short."""

    def __init__(self, limits: _Limits) -> None:
        self.limits = limits
        self.cut = False

    def text(self, value: str) -> str:
        """A text in the family's words, cut to the ``text`` limit."""
        short = _shorten(value, self.limits.text)
        self.cut = self.cut or short is not value
        return short

    def action(self, value: str) -> str:
        """A text of an action, cut to the ``action_text`` limit."""
        short = _shorten(value, self.limits.action_text)
        self.cut = self.cut or short is not value
        return short

    def items(self, values: Sequence[Any], limit: int | None) -> tuple[list[Any], int]:
        """The items to show and how many were left out."""
        if limit is None or len(values) <= limit:
            return list(values), 0
        self.cut = True
        return list(values[:limit]), len(values) - limit


# ------------------------------------------------------------------- styles
@dataclass(frozen=True)
class _Look:
    """How a block of text looks: size, space between lines, colour, weight."""

    size: float
    leading: float
    colour: Color
    bold: bool = False


class _Styles:
    def __init__(self, body: float, *, spacing: int = 0, rtl: bool = False) -> None:
        self.body = body
        self.rtl = rtl  # the page's direction: the plan's language's
        self.spacing = SPACING[spacing]
        self.width = self.spacing.width
        self.space = self.spacing.blocks
        self.small = max(MIN_BODY_SIZE, body - 1)
        lead = body * self.spacing.lines
        self.text = _Look(body, lead, INK)
        self.muted = _Look(body, lead, MUTED)
        self.title = _Look(body * 2.2, body * 2.45, INK, bold=True)
        self.h2 = _Look(body * 1.4, body * 1.75, INK, bold=True)
        self.h3 = _Look(body * 1.2, body * 1.55, INK, bold=True)
        self.bold = _Look(body, lead, INK, bold=True)
        self.overdue = _Look(body, lead, OVERDUE, bold=True)
        self.box = _Look(body * 1.3, lead, INK)
        self.label = _Look(self.small, self.small * 1.25, INK)
        self.anchor = _Look(self.small, self.small * 1.25, MUTED)

    def sp(self, ems: float) -> float:
        """Vertical space in body-text ems; closer before anything is left out."""
        return self.body * ems * self.space

    def own(self, text: str) -> str:
        """The family's words inside a line of the plan's words (a Danish name in an
        Arabic sentence): isolated in their own direction, so they read as written."""
        if not text or not (self.rtl or has_rtl(text)):
            return text
        return isolated(text, base_is_rtl(text, self.rtl))

    def ltr(self, text: str) -> str:
        """A number that reads left to right whatever the page: "41 22 33 44"."""
        return isolated(text, False) if self.rtl else text

    @staticmethod
    def coloured(look: _Look, colour: Color) -> _Look:
        return replace(look, colour=colour)

    def para(
        self,
        content: str | Sequence[Span],
        look: _Look,
        *,
        own: bool = False,
        align: str = "start",
        bullet: str | None = None,
    ) -> RichText:
        """A paragraph in the page's direction; ``own``: the family's words, which keep
        the direction they were written in (a Danish card in an Arabic plan)."""
        spans = [Span(content)] if isinstance(content, str) else list(content)
        return RichText(
            spans,
            size=look.size,
            leading=look.leading,
            colour=look.colour,
            bold=look.bold,
            page_rtl=self.rtl,
            rtl=None if own else self.rtl,
            align=align,
            bullet=bullet,
            indent=self.body * 1.1,
        )


def _mirrored(commands: list[tuple[Any, ...]], columns: int) -> list[tuple[Any, ...]]:
    """Table style commands for the same table with its columns in reverse order."""

    def flip(col: int) -> int:
        return columns - 1 - (col if col >= 0 else columns + col)

    swap = {"LEFTPADDING": "RIGHTPADDING", "RIGHTPADDING": "LEFTPADDING"}
    out: list[tuple[Any, ...]] = []
    for name, (c0, r0), (c1, r1), *rest in commands:
        out.append((swap.get(name, name), (flip(c1), r0), (flip(c0), r1), *rest))
    return out


def _table(
    rows: list[list[Any]], widths: list[float], commands: list[tuple[Any, ...]], rtl: bool
) -> Table:
    """A table laid out left to right, or mirrored for a right-to-left plan."""
    if rtl:
        rows = [row[::-1] for row in rows]
        widths = widths[::-1]
        commands = _mirrored(commands, len(widths))
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


# ------------------------------------------------------------------- scales
# A right-to-left plan mirrors its 1-10 lines too (1 on the right, 10 on the left),
# as right-to-left readers expect of a scale or slider; the numbers themselves are
# written left to right.
class _Scale(Flowable):  # type: ignore[misc]
    """One scaling question: a 1-10 line with ticks and each person's mark as a dot.

    People who gave the same answer share one label above their dots ("Emma,
    Noah 6"), each name in that person's colour; where labels would overlap they
    move up a row, with a thin line down to the dots. The anchors ("Rigtig
    skidt" ... "Rigtig godt") sit under the ends, so the scale reads without the
    numbers.
    """

    def __init__(self, rating: PlanRating, styles: _Styles, lang: str) -> None:
        super().__init__()
        self.rating = rating
        self.styles = styles
        self.lang = lang
        self.rtl = styles.rtl
        self.size = styles.small
        self.row_height = self.size * 1.35
        self.dot = styles.body * 0.42
        self.end_label = pdfmetrics.stringWidth("10", FONT, self.size) + 5

    def _along(self, value: float) -> float:
        """How far from the line's start (left, or right on a right-to-left page)."""
        x0, x1 = self.end_label + self.dot, self.width - self.end_label - self.dot
        return float(x0 + (value - 1) / 9 * (x1 - x0))

    def _x(self, value: float) -> float:
        along = self._along(value)
        return self.width - along if self.rtl else along

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = avail_width = availWidth
        st = self.styles
        self.question = st.para(self.rating.question, st.bold, own=True)
        self.q_height = self.question.wrap(avail_width, availHeight)[1]

        names = _short_names([m.name for m in self.rating.marks])
        by_value: dict[int, list[tuple[PlanMark, str]]] = {}
        for mark, name in zip(self.rating.marks, names, strict=True):
            by_value.setdefault(mark.value, []).append((mark, name))
        tick = abs(self._x(2) - self._x(1))
        self.groups: list[tuple[int, list[tuple[PlanMark, str]], float, float, int, Any]] = []
        rows_end: list[float] = []  # where the last label in each row ends
        # From 1 to 10, measured from the start of the line (the right end on a
        # right-to-left page): both directions pack their labels the same way.
        for value in sorted(by_value):
            group = by_value[value]
            label = self._label(group, value)
            label_w = label.width
            along = self._along(value)
            start = min(max(0.0, along - label_w / 2), max(0.0, avail_width - label_w))
            row = next((r for r, end in enumerate(rows_end) if start >= end + 6), None)
            if row is None:
                row = len(rows_end)
                rows_end.append(0.0)
            rows_end[row] = start + label_w
            left = avail_width - start - label_w if self.rtl else start
            spacing = min(self.dot * 2 + 1.5, tick * 0.9)
            self.groups.append((value, group, left, spacing, row, label))
        self.rows = max(1, len(rows_end))

        half = avail_width * 0.48
        self.low = st.para(self.rating.low_anchor, st.anchor, own=True)
        self.high = st.para(self.rating.high_anchor, st.anchor, own=True, align="end")
        self.anchor_height = max(self.low.wrap(half, 1e6)[1], self.high.wrap(half, 1e6)[1])
        self.na: RichText | None = None
        self.na_height = 0.0
        if self.rating.not_answered:
            who = words.join_names([st.own(n) for n in self.rating.not_answered], self.lang)
            self.na = st.para(words.text("not_answered", self.lang, names=who), st.anchor)
            self.na_height = self.na.wrap(avail_width, 1e6)[1]
        self.height = (
            self.q_height
            + 3
            + self.rows * self.row_height
            + 2 * self.dot
            + 4
            + self.anchor_height
            + self.na_height
        )
        return avail_width, self.height

    def _label(self, group: list[tuple[PlanMark, str]], value: int) -> Any:
        """ "Emma, Noah 6": each name in its person's colour, the number in bold."""
        spans: list[Span] = []
        comma = words.text("list_separator", self.lang)  # "، " in Arabic, Farsi, Urdu
        for i, (mark, name) in enumerate(group):
            if i:
                spans.append(Span(comma, colour=MUTED))
            colour = HexColor(palette.person_colours(mark.colour)[1])
            spans.append(Span(name, colour=colour))
        spans.append(Span(f" {value}", bold=True, colour=INK))
        return layout_line(spans, size=self.size, colour=INK, rtl=self.rtl)

    def draw(self) -> None:
        c = self.canv
        y = self.height - self.q_height
        self.question.drawOn(c, 0, y)
        labels_top = y - 3
        line_y = labels_top - self.rows * self.row_height - self.dot - 1
        # The line, its ticks, and 1 and 10 at the ends.
        c.setStrokeColor(SCALE_LINE)
        c.setLineCap(1)
        c.setLineWidth(2.2)
        c.line(self._x(1), line_y, self._x(10), line_y)
        c.setLineWidth(1)
        for v in range(1, 11):
            x = self._x(v)
            c.line(x, line_y - 3.5, x, line_y + 3.5)
        c.setFont(FONT, self.size)
        c.setFillColor(MUTED)
        mid = line_y - self.size * 0.35
        gap = self.dot + 3
        if self.rtl:
            c.drawString(self._x(1) + gap, mid, "1")
            c.drawRightString(self._x(10) - gap, mid, "10")
        else:
            c.drawRightString(self._x(1) - gap, mid, "1")
            c.drawString(self._x(10) + gap, mid, "10")
        # One label per answer, then the dots on top of the line.
        for value, group, left, spacing, row, label in self.groups:
            centre = self._x(value)
            baseline = labels_top - (self.rows - row) * self.row_height + self.size * 0.35
            if row > 0:
                c.setStrokeColor(MUTED)
                c.setLineWidth(0.5)
                c.line(centre, line_y + self.dot + 1, centre, baseline - 2)
            # One text object, so the label reads (and copies) as "Emma, Noah 6".
            draw_line(c, left, baseline, label)
            for i, (mark, _) in enumerate(group):
                light, dark = palette.person_colours(mark.colour)
                x = centre + (i - (len(group) - 1) / 2) * spacing
                c.setFillColor(HexColor(light))
                c.setStrokeColor(HexColor(dark))
                c.setLineWidth(1.2)
                c.circle(x, line_y, self.dot, stroke=1, fill=1)
        half = self.width * 0.48
        anchors_top = line_y - self.dot - 4
        # The low anchor sits under 1, the high one under 10.
        low_x, high_x = (self.width - half, 0.0) if self.rtl else (0.0, self.width - half)
        self.low.drawOn(c, low_x, anchors_top - self.low.height)
        self.high.drawOn(c, high_x, anchors_top - self.high.height)
        if self.na is not None:
            self.na.drawOn(c, 0, anchors_top - self.anchor_height - self.na_height)


def _short_names(names: Sequence[str], limit: int = 24) -> list[str]:
    """Labels on a scale have little room: "Mette (mor)" becomes "Mette" where that
    still tells the people apart; the full names are under "who took part"."""
    short = [n.split(" (", 1)[0] if " (" in n and not n.startswith("(") else n for n in names]
    if len(set(short)) != len(set(names)):
        short = list(names)
    return [n if len(n) <= limit else n[: limit - 1].rstrip() + "…" for n in short]


# ----------------------------------------------------------------- composing
@dataclass
class _Page:
    story: list[Flowable]
    footer: Flowable
    cut: bool
    top: float = MARGIN_TOP  # where the story starts, below the top of the page
    bottom: float = MARGIN_BOTTOM  # where the footer ends, above the bottom
    side: float = MARGIN_X  # the left and right margins

    @property
    def width(self) -> float:
        return float(PAGE_WIDTH - 2 * self.side)


class _Measured(Flowable):  # type: ignore[misc]
    """A block laid out once and reused by the layouts of one plan that show it alike
    (its size is remembered per width): the search tries many layouts that differ in
    one list only, and the actions' table is most of the work of each."""

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner
        self._sizes: dict[float, tuple[float, float]] = {}
        self._wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size = self._sizes.get(availWidth)
        if size is None:
            width, height = self.inner.wrap(availWidth, availHeight)
            size = self._sizes[availWidth] = (float(width), float(height))
            self._wrapped_at = availWidth
        self.width: float = size[0]
        self.height: float = size[1]
        return size

    def draw(self) -> None:
        if self._wrapped_at != self.width:
            self.inner.wrap(self.width, self.height)
            self._wrapped_at = self.width
        self.inner.drawOn(self.canv, 0, 0)


# Blocks already laid out during one plan's search: (what, text size, limits) -> the
# block's flowables and whether it left anything out.
_Blocks = dict[tuple[Any, ...], tuple[list[Flowable], bool]]


def _compose(plan: PlanData, body: float, limits: _Limits, blocks: _Blocks | None = None) -> _Page:
    """The page's blocks at one text size, with the lists cut to ``limits``.

    ``blocks``: the blocks earlier layouts of this plan built, reused where the same
    text size, spacing and limits make them the same.
    """
    lang = plan.language
    st = _Styles(body, spacing=limits.spacing, rtl=words.is_rtl(lang))
    cut = _Cutter(limits)
    t = cut.text
    gap = st.sp(1.25)
    story: list[Flowable] = []

    def block(key: tuple[Any, ...], build: Callable[[], list[Flowable]]) -> list[Flowable]:
        if blocks is None:
            return build()
        key = (key, body, limits.spacing)
        found = blocks.get(key)
        if found is None:
            before, cut.cut = cut.cut, False
            found = blocks[key] = ([_Measured(f) for f in build()], cut.cut)
            cut.cut = before
        cut.cut = cut.cut or found[1]
        return found[0]

    # ---- title with the family's name, the meeting, who took part
    story.append(
        st.para(
            [
                Span(words.text("title", lang)),
                Span(f"\u2002 {st.own(t(plan.family_name))}", bold=False, size=body * 1.4),
            ],
            st.title,
        )
    )
    meeting = words.text("meeting", lang, when=words.datetime_words(plan.meeting_at, lang))
    if plan.place:
        meeting = f"{meeting} · {st.own(t(plan.place))}"
    story.append(Spacer(1, st.sp(0.15)))
    story.append(st.para(meeting, st.muted))
    if plan.people:
        people, more = cut.items(plan.people, limits.people)
        names = [st.own(t(p.name)) for p in people]
        if more:
            names.append(words.others(more, lang))
        story.append(Spacer(1, st.sp(0.4)))
        story.append(
            st.para(
                [
                    Span(words.label("who_took_part", lang), bold=True),
                    Span(" " + words.join_names(names, lang)),
                ],
                st.text,
            )
        )

    # ---- what is new since the last plan the family got (not on the first plan)
    if plan.news and limits.news:
        story.extend(block(("news", limits.action_text), lambda: _news(plan, st, cut)))

    # ---- what needs to happen: the heart of the page
    story.append(Spacer(1, gap))
    story.append(st.para(words.text("needs_to_happen", lang), st.coloured(st.h2, NEEDS_HEAD)))
    # What we work towards, then the next steps not yet made into lines of the plan,
    # then who does what by when: from the why to the who and when. A card made into
    # a line is only in the table (storage/plan_data.py leaves it out of the lists).
    story.extend(
        block(
            ("goals", limits.goals, limits.steps, limits.text),
            lambda: _goals_and_steps(plan, st, cut),
        )
    )
    story.extend(
        block(
            ("actions", limits.actions, limits.action_text),
            lambda: _actions_table(plan, st, cut),
        )
    )

    # ---- working well | worries, side by side like the board's columns
    story.append(Spacer(1, gap))
    story.extend(
        block(
            ("cards", limits.well, limits.worries, limits.text),
            lambda: [_cards_boxes(plan, st, cut)],
        )
    )

    # ---- this meeting's scales
    story.extend(block(("scales", limits.scales, limits.text), lambda: _scales(plan, st, cut)))

    footer = _footer(plan, st, cut)
    return _Page(
        story,
        footer,
        cut.cut,
        top=st.spacing.top,
        bottom=st.spacing.bottom,
        side=st.spacing.side,
    )


NEWS_ITEMS = 3  # lines named per list; the rest are counted ("og 2 andre")
NEWS_TEXT = 80  # characters per line named: the table below has them whole


def _news(plan: PlanData, st: _Styles, cut: _Cutter) -> list[Flowable]:
    """ "Nyt siden sidst: Nyt: … Klaret: … Næste møde er ændret: …" in one short
    paragraph, so the page stays one page: the new lines of the plan, the lines done
    since, a changed next meeting (domain/plan_changes.py). The table has them whole."""
    news, lang = plan.news, plan.language
    if not news:
        return []
    parts: list[str] = []
    for key, items in (("news_new", news.new), ("news_done", news.done)):
        if not items:
            continue
        names = [st.own(cut.action(_shorten(i, NEWS_TEXT))) for i in items[:NEWS_ITEMS]]
        if len(items) > NEWS_ITEMS:
            names.append(words.others(len(items) - NEWS_ITEMS, lang))
        parts.append(words.text(key, lang, items=words.join_names(names, lang)))
    if news.moved:
        when = (
            words.text("not_agreed_yet", lang)
            if news.next_meeting_at is None
            else words.datetime_words(news.next_meeting_at, lang)
        )
        parts.append(words.text("news_moved", lang, when=when))
    heading = words.label("news", lang)
    return [
        Spacer(1, st.sp(0.5)),
        st.para(
            [
                Span(heading, bold=True, colour=NEEDS_HEAD),
                Span(" " + " · ".join(parts)),
            ],
            st.text,
        ),
    ]


def _goals_and_steps(plan: PlanData, st: _Styles, cut: _Cutter) -> list[Flowable]:
    """What we work towards, then the next steps not yet made into lines of the plan
    (the table follows): from the why to the who and when. A card made into a line is
    only in the table (storage/plan_data.py leaves it out of these lists)."""
    lang, limits = plan.language, cut.limits
    out: list[Flowable] = []
    listed = False
    for key, cards, limit in (
        ("goal", plan.goals, limits.goals),
        ("steps", plan.steps, limits.steps),
    ):
        shown, more = cut.items(cards, limit)
        if not (shown or more):
            continue
        out.append(Spacer(1, st.sp(0.35 if listed else 0.2)))
        out.append(st.para(words.label(key, lang), st.coloured(st.bold, NEEDS_HEAD)))
        for card in shown:
            out.append(_card_line(card, st, cut, lang))
        if more:
            out.append(st.para(words.more_left_out(more, lang), st.muted))
        listed = True
    out.append(Spacer(1, st.sp(0.5 if listed else 0.3)))
    return out


def _scales(plan: PlanData, st: _Styles, cut: _Cutter) -> list[Flowable]:
    """ "Sådan ser vi det i dag": this meeting's scales, as many as the limit shows."""
    lang, t = plan.language, cut.text
    scales, more_scales = cut.items(plan.ratings, cut.limits.scales)
    out: list[Flowable] = []
    if not (scales or more_scales):
        return out
    out.append(Spacer(1, st.sp(1.25)))
    out.append(st.para(words.text("scales", lang), st.h2))
    for rating in scales:
        shown = replace(
            rating,
            question=t(rating.question),
            low_anchor=t(rating.low_anchor),
            high_anchor=t(rating.high_anchor),
        )
        out.append(Spacer(1, st.sp(1.1)))
        out.append(_Scale(shown, st, lang))
    if more_scales:
        out.append(Spacer(1, st.sp(0.4)))
        out.append(st.para(words.more_left_out(more_scales, lang), st.muted))
    return out


def _actions_table(plan: PlanData, st: _Styles, cut: _Cutter) -> list[Flowable]:
    lang = plan.language
    limits = cut.limits
    # Open actions first, then the done ones: a full page leaves out done ones first.
    actions = [a for a in plan.actions if not a.done] + [a for a in plan.actions if a.done]
    shown, more = cut.items(actions, limits.actions)
    if not plan.actions:
        return [st.para(words.text("no_actions", lang), st.muted)]

    head = st.coloured(st.bold, NEEDS_HEAD)
    rows: list[list[Any]] = [
        [
            "",
            st.para(words.text("what", lang), head),
            st.para(words.text("who", lang), head),
            st.para(words.text("when", lang), head),
        ]
    ]
    done_text = st.coloured(st.text, MUTED)
    for a in shown:
        # An empty box to tick with a pen on the fridge; a tick for what is already done.
        box = st.para(
            "\u2713" if a.done else "\u2610",
            st.coloured(st.box, DONE if a.done else NEEDS_HEAD),
        )
        text_style = done_text if a.done else st.text
        when: Any = st.para(cut.action(a.when), text_style, own=True)
        if a.overdue:
            # In words, not colour alone: the plan is often printed in black and white.
            when = [when, st.para(words.text("overdue", lang), st.overdue)]
        rows.append(
            [
                box,
                st.para(cut.action(a.what), text_style, own=True),
                st.para(cut.action(a.who), text_style, own=True),
                when,
            ]
        )
    box_w = st.body * 2.1
    # "torsdag 10. december" fits one line at 10-11 pt and breaks after the weekday at 12.
    who_w = st.width * 0.21
    when_w = st.width * 0.27
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # empty cells too: never Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), NEEDS_BG),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, NEEDS_ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), st.sp(0.4)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.sp(0.5)),
        ("LEFTPADDING", (0, 0), (0, -1), 5),
        ("RIGHTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 1), (0, -1), st.sp(0.25)),
    ]
    if len(rows) > 2:
        style.append(("LINEBELOW", (0, 1), (-1, -2), 0.6, LINE))
    widths = [box_w, st.width - box_w - who_w - when_w, who_w, when_w]
    out: list[Flowable] = [_table(rows, widths, style, st.rtl)]
    if more:
        out.append(Spacer(1, st.sp(0.3)))
        out.append(st.para(words.more_left_out(more, lang), st.muted))
    return out


NAME_ON_ONE_LINE = 24  # characters: a longer name may break like any text


def _card_line(card: PlanCard, st: _Styles, cut: _Cutter, lang: str) -> RichText:
    """ "Søvnen  Sagt af: Emma · Enig: Mette · Ikke enig: Karsten".

    Whose words, who agrees and who does not each have their own label, so no name
    reads as part of another's note ("— Emma · Karsten er ikke enig" read as if both
    disagreed). A label stays on one line with the name after it, and so does a name.
    """
    text = cut.text(card.text)

    def name(who: str) -> str:
        # "Sara (rådgiver)", never "Sara" | "(rådgiver)".
        who = cut.text(who)
        return st.own(who.replace(" ", words.NO_BREAK) if len(who) <= NAME_ON_ONE_LINE else who)

    notes: list[str] = []
    if card.whose:
        notes.append(words.kept_together("whose", lang, name=name(card.whose)))
    for key, people in (("agree", card.agree), ("disagree", card.disagree)):
        if people:
            names = words.join_names([name(n) for n in people], lang)
            notes.append(words.kept_together(key, lang, names=names))
    if not notes:
        return st.para(text, st.text, own=True, bullet="•")
    note = f"{words.NO_BREAK}· ".join(notes)  # "·" ends a line, never starts one
    if base_is_rtl(text, st.rtl) != st.rtl:
        # A card in the other direction (a Danish card on an Arabic plan) reads as
        # written; its notes, in the plan's words, keep the plan's order inside it.
        note = isolated(note, st.rtl)
    return st.para([Span(text), Span("  " + note, colour=MUTED)], st.text, own=True, bullet="•")


def _cards_boxes(plan: PlanData, st: _Styles, cut: _Cutter) -> Table:
    lang = plan.language
    cells: list[list[Flowable]] = []
    weights: list[int] = []
    for key, cards, limit, head in (
        ("working_well", plan.working_well, cut.limits.well, WELL_HEAD),
        ("worries", plan.worries, cut.limits.worries, WORRIES_HEAD),
    ):
        shown, more = cut.items(cards, limit)
        weights.append(sum(_card_weight(card) for card in shown) + (40 if more else 0) + 40)
        cell: list[Flowable] = [
            st.para(words.text(key, lang), st.coloured(st.h3, head)),
            Spacer(1, st.sp(0.3)),
        ]
        for i, card in enumerate(shown):
            if i:
                cell.append(Spacer(1, st.sp(0.3)))
            cell.append(_card_line(card, st, cut, lang))
        if not cards:
            cell.append(st.para(words.text("nothing_yet", lang), st.muted))
        if more:
            cell.append(Spacer(1, st.sp(0.35)))
            cell.append(st.para(words.more_left_out(more, lang), st.muted))
        cells.append(cell)
    between = st.body * 1.0
    # The two boxes share the width as their words need it (within 38-62 %), so a
    # long box does not run on far below a short one.
    share = min(0.62, max(0.38, weights[0] / sum(weights)))
    share = round(share * 50) / 50  # in steps of 2 %: the same plan, the same widths
    well_w = (st.width - between) * share
    worries_w = st.width - between - well_w
    pad = st.body * 0.8
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # empty cells too: never Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, 0), WELL_BG),
        ("BACKGROUND", (2, 0), (2, 0), WORRIES_BG),
        ("LINEABOVE", (0, 0), (0, 0), 3, WELL_ACCENT),
        ("LINEABOVE", (2, 0), (2, 0), 3, WORRIES_ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), st.sp(0.65)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.sp(0.65)),
    ]
    return _table([[cells[0], "", cells[1]]], [well_w, between, worries_w], style, st.rtl)


def _card_weight(card: PlanCard) -> int:
    """Roughly how much room a card takes in its box: its characters and its notes',
    and the part of a line its last line leaves empty."""
    names = sum(len(n) + 2 for n in (card.whose, *card.agree, *card.disagree) if n)
    return len(card.text) + names + 12 * (bool(card.agree) + bool(card.disagree)) + 25


def _footer(plan: PlanData, st: _Styles, cut: _Cutter) -> Table:
    lang = plan.language
    t = cut.text
    if plan.next_meeting_at is not None:
        when = words.datetime_words(plan.next_meeting_at, lang)
    else:
        when = words.text("not_agreed_yet", lang)
    # (text, the family's own words?)
    next_lines = [(when, False), (t(plan.next_meeting_place), True)]
    cw_lines = [(t(plan.caseworker_name), True)]
    if plan.caseworker_phone:
        phone = st.ltr(t(plan.caseworker_phone))
        cw_lines.append((words.text("phone", lang, phone=phone), False))

    def cell(title: str, lines: list[tuple[str, bool]]) -> list[Flowable]:
        out: list[Flowable] = [st.para(title, st.h3)]
        out += [st.para(line, st.text, own=own) for line, own in lines if line]
        return out

    half = st.width / 2
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # empty cells too: never Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, LINE),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), st.body),
        ("TOPPADDING", (0, 0), (-1, -1), st.sp(0.6)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    row = [
        cell(words.text("next_meeting", lang), next_lines),
        cell(words.text("caseworker", lang), cw_lines),
    ]
    return _table([row], [half, half], style, st.rtl)


def _height(flowables: Sequence[Flowable], width: float) -> float:
    return float(sum(f.wrap(width, PAGE_HEIGHT * 10)[1] for f in flowables))


def _fits(
    plan: PlanData, body: float, limits: _Limits, blocks: _Blocks | None = None
) -> _Page | None:
    page = _compose(plan, body, limits, blocks)
    footer_height = _height([page.footer], page.width)
    room = PAGE_HEIGHT - page.top - page.bottom - footer_height - body * 1.5
    return page if _height(page.story, page.width) <= room else None


# A page at 10 pt holds about 5,000 characters; a plan with far more cannot fit
# whole, so laying it all out (a 10,000-character card wraps slowly) is skipped.
MAX_WHOLE_CHARACTERS = 9_000


def _characters(plan: PlanData) -> int:
    cards = plan.goals + plan.steps + plan.working_well + plan.worries
    return (
        sum(
            len(c.text) + len(c.whose) + sum(map(len, c.disagree)) + sum(map(len, c.agree))
            for c in cards
        )
        + sum(len(a.what) + len(a.who) + len(a.when) for a in plan.actions)
        + sum(len(r.question) + len(r.low_anchor) + len(r.high_anchor) for r in plan.ratings)
        + sum(len(p.name) for p in plan.people)
        + len(plan.family_name + plan.place + plan.next_meeting_place)
        + (
            sum(min(len(i), NEWS_TEXT) for i in plan.news.new[:NEWS_ITEMS])
            + sum(min(len(i), NEWS_TEXT) for i in plan.news.done[:NEWS_ITEMS])
            if plan.news
            else 0
        )
    )


def _fit(plan: PlanData) -> tuple[_Page, float]:
    """The first step of the ladder (largest text, fewest cuts) whose blocks fit the
    page; then whatever its cuts took that still fits is given back.

    Each step shows no more than the one before, so the heights only go down and
    a binary search finds the first that fits in a handful of layouts.
    """
    ladder = _ladder(plan)
    steps = ladder.steps
    blocks: _Blocks = {}
    lo = 0
    if _characters(plan) > MAX_WHOLE_CHARACTERS:
        lo = ladder.first_cut  # straight to the shortened layouts
    found: tuple[_Page, int] | None = None
    hi = len(steps) - 1
    while lo <= hi:
        # Try the largest, uncut layout first: most plans fit it, in one layout.
        mid = 0 if lo == 0 and found is None and hi == len(steps) - 1 else (lo + hi) // 2
        body, limits = steps[mid]
        page = _fits(plan, body, limits, blocks)
        if page is not None:
            found, hi = (page, mid), mid - 1
        else:
            lo = mid + 1
    if found is None:
        # Unreachable in practice: the last step shows one short line of each list.
        body, limits = steps[-1]
        return _compose(plan, body, limits), body
    page, index = found
    body, limits = steps[index]
    if index >= ladder.first_cut:
        page = _give_back(plan, page, limits, blocks)
    return page, body


def _with(limits: _Limits, name: str, value: int | None) -> _Limits:
    changes: dict[str, Any] = {name: value}
    return replace(limits, **changes)


def _give_back(plan: PlanData, page: _Page, limits: _Limits, blocks: _Blocks) -> _Page:
    """Give back, most needed first, what the ladder's steps took and still fits.

    A step can free more room than was missing (a whole scale where one line was
    too much), and the steps before it were taken while it was not needed yet; so
    each list and text limit is raised again as far as the page allows: the
    actions first, then the goals, scales, cards, names and texts. No blank is
    left that could hold one more of what was cut; last, the spacing opens up
    again where the room left allows.
    """

    def most_that_fits(trials: list[_Limits]) -> None:
        """Keep the last of ``trials`` (each showing more than the one before) that fits.

        One step back, then two, four ... and a binary search between the last that
        fitted and the first that did not: mostly none or a few fit, in one to three
        layouts.
        """
        nonlocal limits, page
        trials = [t for i, t in enumerate(trials) if t != (trials[i - 1] if i else limits)]
        lo, hi, step = 0, len(trials) - 1, 1
        while lo <= hi:  # gallop
            at = min(lo + step - 1, hi)
            bigger = _fits(plan, MIN_BODY_SIZE, trials[at], blocks)
            if bigger is None:
                hi = at - 1
                break
            limits, page = trials[at], bigger
            lo, step = at + 1, step * 2
        while lo <= hi:
            mid = (lo + hi) // 2
            bigger = _fits(plan, MIN_BODY_SIZE, trials[mid], blocks)
            if bigger is None:
                hi = mid - 1
            else:
                limits, page = trials[mid], bigger
                lo = mid + 1

    def counts(name: str, total: int) -> list[_Limits]:
        now = _shown(getattr(limits, name), total)
        return [_with(limits, name, _below(n, total)) for n in range(now + 1, total + 1)]

    def lengths(name: str, steps: Sequence[int], longest: int) -> list[_Limits]:
        now = getattr(limits, name)
        if now is None:
            return []
        wider = [n for n in reversed(steps) if now < n < longest]
        return [_with(limits, name, n) for n in wider] + [_with(limits, name, None)]

    longest_action = _longest(t for a in plan.actions for t in (a.what, a.who, a.when))
    most_that_fits(counts("actions", len(plan.actions)))
    most_that_fits(lengths("action_text", ACTION_TEXT_STEPS, longest_action))
    most_that_fits(counts("goals", len(plan.goals)))
    most_that_fits(counts("steps", len(plan.steps)))
    most_that_fits(counts("scales", len(plan.ratings)))
    # Both boxes a card at a time, then either one: they stand side by side, so a
    # card in the shorter box may take no room at all.
    well, worries = len(plan.working_well), len(plan.worries)
    low = min(_shown(limits.well, well), _shown(limits.worries, worries))
    most_that_fits(
        [
            replace(
                limits,
                well=_below(max(n, _shown(limits.well, well)), well),
                worries=_below(max(n, _shown(limits.worries, worries)), worries),
            )
            for n in range(low + 1, max(well, worries) + 1)
        ]
    )
    most_that_fits(counts("well", well))
    most_that_fits(counts("worries", worries))
    most_that_fits(counts("people", len(plan.people)))
    most_that_fits(lengths("text", TEXT_STEPS, _longest(_family_texts(plan))))
    most_that_fits([replace(limits, spacing=n) for n in range(limits.spacing - 1, -1, -1)])
    return page


# ------------------------------------------------------------------- public
def render_plan(plan: PlanData) -> PlanResult:
    """Lay the plan out on exactly one A4 page and return the PDF's bytes.

    Deterministic: the same plan gives the same bytes (ReportLab's invariant
    mode fixes the dates and the document id).
    """
    glyphs = _Glyphs(fonts().printable)
    clean = glyphs.clean_plan(plan)
    lang = clean.language
    page, body = _fit(clean)

    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=A4,
        invariant=1,
        pageCompression=1,
        lang=lang,
        initialFontName=FONT,
        initialFontSize=body,
    )
    meeting_day = words.date_words(clean.meeting_at.date(), lang)
    canvas.setTitle(f"{words.text('title', lang)} – {clean.family_name}")
    canvas.setAuthor(CREATOR)
    canvas.setCreator(CREATOR)
    canvas.setSubject(words.text("subject", lang, when=meeting_day).replace("\u00a0", " "))
    # Invariant mode would date every plan 1 January 2000; the meeting's own time is
    # just as deterministic and tells a case file reader what the plan is from.
    stamp = clean.meeting_at.strftime("D:%Y%m%d%H%M%S")
    canvas.setDateFormatter(lambda *_: stamp)
    canvas.setViewerPreference("DisplayDocTitle", "true")

    y = PAGE_HEIGHT - page.top
    for flowable in page.story:
        height = flowable.wrap(page.width, y - page.bottom)[1]
        flowable.drawOn(canvas, page.side, y - height)
        y -= height
    page.footer.wrap(page.width, PAGE_HEIGHT)
    page.footer.drawOn(canvas, page.side, page.bottom)
    canvas.showPage()
    canvas.save()
    return PlanResult(
        pdf=buffer.getvalue(),
        shortened=page.cut,
        missing_glyphs=list(glyphs.missing),
        font_size=body,
    )


def export_plan(plan: PlanData, path: Path) -> PlanResult:
    """Render the plan and write it atomically (temp file, fsync, rename) to ``path``."""
    result = render_plan(plan)
    write_atomic(Path(path), result.pdf)
    return result


__all__ = [
    "CREATOR",
    "MIN_BODY_SIZE",
    "PLACEHOLDER",
    "PlanData",
    "PlanResult",
    "export_plan",
    "render_plan",
]
