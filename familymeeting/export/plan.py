"""The family's one-page plan as a PDF (ReportLab). No Qt.

The page is laid out by hand on one canvas: every block is a platypus
flowable that is measured (``wrap``) and drawn (``drawOn``) top to bottom, with
the next meeting and the caseworker pinned to the bottom of the page. Because
every height is known before anything is drawn, "exactly one page" is a
decision, not a hope: the body text shrinks in steps (12, 11, 10 pt), then the
lists are shortened with "+ N more on the board" lines until the content fits.

Text is printed with DejaVu Sans from ``resources/fonts`` (embedded as a
TrueType subset), never with the PDF standard fonts, which have no glyphs
beyond Latin-1. A character the font has no glyph for is shown as a visible
placeholder and reported in :attr:`PlanResult.missing_glyphs`.
"""

from __future__ import annotations

import io
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from familymeeting.assets import resource
from familymeeting.domain.plan import (
    PlanAction,
    PlanCard,
    PlanData,
    PlanMark,
    PlanRating,
)
from familymeeting.export import plan_text as words
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

FONT = "FamilyMeetingSans"
FONT_BOLD = "FamilyMeetingSans-Bold"
FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}

# The app's palette (familymeeting/ui/theme.py), copied: export/ must not import the UI.
INK = HexColor("#22313f")
MUTED = HexColor("#5c6b7a")
LINE = HexColor("#d9d4c7")
SCALE_LINE = HexColor("#b9b1a0")
DONE = HexColor("#3f7a4a")
WORRIES_BG, WORRIES_HEAD, WORRIES_ACCENT = (
    HexColor("#f8e9df"),
    HexColor("#8a4b2f"),
    HexColor("#d98e6a"),
)
WELL_BG, WELL_HEAD, WELL_ACCENT = HexColor("#e6f1e2"), HexColor("#3f6e3a"), HexColor("#7fb174")
NEEDS_BG, NEEDS_HEAD, NEEDS_ACCENT = (
    HexColor("#e3ecf6"),
    HexColor("#2f5b85"),
    HexColor("#75a0cc"),
)
PERSON_COLOURS: tuple[tuple[str, str], ...] = (
    ("#f3d9c9", "#5a3422"),
    ("#d6e8cf", "#2f4d29"),
    ("#d5e3f3", "#23405f"),
    ("#ece0f2", "#4a2f5a"),
    ("#f6ebc4", "#5a4810"),
    ("#d3ecea", "#1f4d49"),
    ("#f2d6df", "#5a2336"),
    ("#e4e1da", "#3b3a35"),
)


@dataclass(frozen=True)
class PlanResult:
    """A rendered plan: the PDF bytes and what the caseworker should know about it.

    ``shortened``: lists or texts were cut to fit the page ("+ N more on the board").
    ``missing_glyphs``: characters the font cannot show, printed as a placeholder.
    ``font_size``: the body text size the page was set in (never below 10 pt).
    """

    pdf: bytes
    shortened: bool
    missing_glyphs: list[str] = field(default_factory=list)
    font_size: float = BODY_SIZES[0]


# ------------------------------------------------------------------------ fonts
_font_lock = threading.Lock()  # the app renders in a worker thread


def _register_fonts() -> tuple[TTFont, TTFont]:
    """Register DejaVu Sans (regular, bold) once; ReportLab's registry is global."""
    with _font_lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in FONT_FILES.items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        return pdfmetrics.getFont(FONT), pdfmetrics.getFont(FONT_BOLD)


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

    def __init__(self, fonts: Sequence[TTFont]) -> None:
        maps = [set(f.face.charToGlyph) for f in fonts]
        # A character counts as printable only if every face has it (names appear in bold too).
        self.available: set[int] = set.intersection(*maps)
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
            actions=tuple(action(a) for a in plan.actions),
            working_well=tuple(card(x) for x in plan.working_well),
            worries=tuple(card(x) for x in plan.worries),
            ratings=tuple(rating(r) for r in plan.ratings),
            next_meeting_place=c(plan.next_meeting_place),
            caseworker_name=c(plan.caseworker_name),
            caseworker_phone=c(plan.caseworker_phone),
        )


def _markup(text: str) -> str:
    """Family text is never markup: escape it, keep its line breaks."""
    return escape(text).replace("\n", "<br/>")


# ------------------------------------------------------------------ fitting
@dataclass(frozen=True)
class _Limits:
    """How much of each list and text the page shows (None: everything)."""

    cards: int | None = None  # per list: working well, worries, goals
    actions: int | None = None
    done: bool = True  # show done actions
    scales: int | None = None
    text: int | None = None  # characters per text
    people: int | None = None
    tight: bool = False  # less space between blocks


# Tried in order at the 10 pt floor once shrinking alone is not enough. Cards go
# first (the page promises "short lists"), then done actions, then the open actions,
# the heart of the page, last of all.
SHORTEN_STEPS: tuple[_Limits, ...] = (
    _Limits(cards=8, text=500),
    _Limits(cards=6, text=400),
    _Limits(cards=5, text=300, done=False),
    _Limits(cards=4, text=250, done=False, actions=20, scales=3),
    _Limits(cards=3, text=200, done=False, actions=15, scales=2),
    _Limits(cards=3, text=160, done=False, actions=12, scales=1, people=12),
    _Limits(cards=2, text=140, done=False, actions=10, scales=1, people=12),
    _Limits(cards=2, text=120, done=False, actions=8, scales=0, people=10),
    _Limits(cards=1, text=100, done=False, actions=6, scales=0, people=8),
    _Limits(cards=1, text=80, done=False, actions=4, scales=0, people=6),
    _Limits(cards=0, text=60, done=False, actions=3, scales=0, people=4),
    _Limits(cards=0, text=40, done=False, actions=2, scales=0, people=3),
    _Limits(cards=0, text=30, done=False, actions=1, scales=0, people=2),
)


def _attempts() -> Iterator[tuple[float, _Limits]]:
    for size in BODY_SIZES:
        yield size, _Limits()
    # At the floor, closer spacing comes before leaving anything out.
    yield MIN_BODY_SIZE, _Limits(tight=True)
    for limits in SHORTEN_STEPS:
        yield MIN_BODY_SIZE, replace(limits, tight=True)


class _Cutter:
    """Applies limits and remembers whether anything was left out or cut short."""

    def __init__(self, limits: _Limits) -> None:
        self.limits = limits
        self.cut = False

    def text(self, value: str) -> str:
        n = self.limits.text
        if n is None or len(value) <= n:
            return value
        self.cut = True
        head = value[: n - 1]
        space = max(head.rfind(" "), head.rfind("\n"))
        if space > n * 0.6:
            head = head[:space]
        return head.rstrip(" ,.;:-\n") + "…"

    def items(self, values: Sequence[Any], limit: int | None) -> tuple[list[Any], int]:
        """The items to show and how many were left out."""
        if limit is None or len(values) <= limit:
            return list(values), 0
        self.cut = True
        return list(values[:limit]), len(values) - limit


# ------------------------------------------------------------------- styles
class _Styles:
    def __init__(self, body: float, *, tight: bool = False) -> None:
        self.body = body
        self.space = 0.55 if tight else 1.0
        self.small = max(MIN_BODY_SIZE, body - 1)
        lead = body * 1.3
        base = ParagraphStyle("body", fontName=FONT, fontSize=body, leading=lead, textColor=INK)
        self.text = base
        self.muted = ParagraphStyle("muted", parent=base, textColor=MUTED)
        self.title = ParagraphStyle(
            "title", parent=base, fontName=FONT_BOLD, fontSize=body * 2.2, leading=body * 2.45
        )
        self.family = ParagraphStyle(
            "family", parent=base, fontName=FONT_BOLD, fontSize=body * 1.35, leading=body * 1.7
        )
        self.h2 = ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=body * 1.4, leading=body * 1.75
        )
        self.h3 = ParagraphStyle(
            "h3", parent=base, fontName=FONT_BOLD, fontSize=body * 1.2, leading=body * 1.55
        )
        self.bold = ParagraphStyle("bold", parent=base, fontName=FONT_BOLD)
        self.bullet = ParagraphStyle(
            "bullet", parent=base, leftIndent=body * 1.1, bulletIndent=0, bulletFontName=FONT
        )
        self.box = ParagraphStyle(
            "box", parent=base, fontSize=body * 1.3, leading=lead, alignment=TA_LEFT
        )
        self.label = ParagraphStyle(
            "label", parent=base, fontSize=self.small, leading=self.small * 1.25
        )
        self.anchor_left = ParagraphStyle("anchor_left", parent=self.label, textColor=MUTED)
        self.anchor_right = ParagraphStyle(
            "anchor_right", parent=self.anchor_left, alignment=TA_RIGHT
        )

    def sp(self, ems: float) -> float:
        """Vertical space in body-text ems; tighter before anything is left out."""
        return self.body * ems * self.space

    def coloured(self, style: ParagraphStyle, colour: Color) -> ParagraphStyle:
        return ParagraphStyle(f"{style.name}-c", parent=style, textColor=colour)


# ------------------------------------------------------------------- scales
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
        self.size = styles.small
        self.row_height = self.size * 1.35
        self.dot = styles.body * 0.42
        self.end_label = pdfmetrics.stringWidth("10", FONT, self.size) + 5

    def _x(self, value: float) -> float:
        x0, x1 = self.end_label + self.dot, self.width - self.end_label - self.dot
        return float(x0 + (value - 1) / 9 * (x1 - x0))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        st = self.styles
        self.question = Paragraph(_markup(self.rating.question), st.bold)
        self.q_height = self.question.wrap(avail_width, avail_height)[1]

        names = _short_names([m.name for m in self.rating.marks])
        by_value: dict[int, list[tuple[PlanMark, str]]] = {}
        for mark, name in zip(self.rating.marks, names, strict=True):
            by_value.setdefault(mark.value, []).append((mark, name))
        tick = self._x(2) - self._x(1)
        self.groups: list[tuple[int, list[tuple[PlanMark, str]], float, float, int]] = []
        rows_right: list[float] = []  # right edge of the last label in each row
        for value in sorted(by_value):
            group = by_value[value]
            label_w = self._label_width(group, value)
            x = self._x(value)
            left = min(max(0.0, x - label_w / 2), max(0.0, avail_width - label_w))
            row = next((r for r, right in enumerate(rows_right) if left >= right + 6), None)
            if row is None:
                row = len(rows_right)
                rows_right.append(0.0)
            rows_right[row] = left + label_w
            self.groups.append((value, group, left, min(self.dot * 2 + 1.5, tick * 0.9), row))
        self.rows = max(1, len(rows_right))

        half = avail_width * 0.48
        self.low = Paragraph(_markup(self.rating.low_anchor), st.anchor_left)
        self.high = Paragraph(_markup(self.rating.high_anchor), st.anchor_right)
        self.anchor_height = max(self.low.wrap(half, 1e6)[1], self.high.wrap(half, 1e6)[1])
        self.na: Paragraph | None = None
        self.na_height = 0.0
        if self.rating.not_answered:
            who = words.join_names(self.rating.not_answered, self.lang)
            self.na = Paragraph(
                _markup(words.text("not_answered", self.lang, names=who)), st.anchor_left
            )
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

    def _label_width(self, group: list[tuple[PlanMark, str]], value: int) -> float:
        sep = pdfmetrics.stringWidth(", ", FONT, self.size)
        names = sum(pdfmetrics.stringWidth(n, FONT, self.size) for _, n in group)
        number = pdfmetrics.stringWidth(f" {value}", FONT_BOLD, self.size)
        return float(names + sep * (len(group) - 1) + number)

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
        c.drawRightString(self._x(1) - self.dot - 3, mid, "1")
        c.drawString(self._x(10) + self.dot + 3, mid, "10")
        # One label per answer, then the dots on top of the line.
        for value, group, left, spacing, row in self.groups:
            centre = self._x(value)
            baseline = labels_top - (self.rows - row) * self.row_height + self.size * 0.35
            if row > 0:
                c.setStrokeColor(MUTED)
                c.setLineWidth(0.5)
                c.line(centre, line_y + self.dot + 1, centre, baseline - 2)
            # One text object, so the label reads (and copies) as "Emma, Noah 6".
            label = c.beginText(left, baseline)
            for i, (mark, name) in enumerate(group):
                if i:
                    label.setFont(FONT, self.size)
                    label.setFillColor(MUTED)
                    label.textOut(", ")
                label.setFont(FONT, self.size)
                label.setFillColor(HexColor(PERSON_COLOURS[mark.colour % len(PERSON_COLOURS)][1]))
                label.textOut(name)
            label.setFont(FONT_BOLD, self.size)
            label.setFillColor(INK)
            label.textOut(f" {value}")
            c.drawText(label)
            for i, (mark, _) in enumerate(group):
                light, dark = PERSON_COLOURS[mark.colour % len(PERSON_COLOURS)]
                x = centre + (i - (len(group) - 1) / 2) * spacing
                c.setFillColor(HexColor(light))
                c.setStrokeColor(HexColor(dark))
                c.setLineWidth(1.2)
                c.circle(x, line_y, self.dot, stroke=1, fill=1)
        half = self.width * 0.48
        anchors_top = line_y - self.dot - 4
        self.low.drawOn(c, 0, anchors_top - self.low.height)
        self.high.drawOn(c, self.width - half, anchors_top - self.high.height)
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


def _compose(plan: PlanData, body: float, limits: _Limits) -> _Page:
    """The page's blocks at one text size, with the lists cut to ``limits``."""
    lang = plan.language
    st = _Styles(body, tight=limits.tight)
    cut = _Cutter(limits)
    t = cut.text
    gap = st.sp(1.25)
    story: list[Flowable] = []

    # ---- title with the family's name, the meeting, who took part
    story.append(
        Paragraph(
            f"{_markup(words.text('title', lang))}"
            f'<font name="{FONT}" size="{body * 1.4:.1f}">'
            f"\u2002 {_markup(t(plan.family_name))}</font>",
            st.title,
        )
    )
    meeting = words.text("meeting", lang, when=words.datetime_words(plan.meeting_at, lang))
    if plan.place:
        meeting = f"{meeting} · {t(plan.place)}"
    story.append(Spacer(1, st.sp(0.15)))
    story.append(Paragraph(_markup(meeting), st.muted))
    if plan.people:
        people, more = cut.items(plan.people, limits.people)
        names = [t(p.name) for p in people]
        if more:
            names.append(words.text("others", lang) % more)
        story.append(Spacer(1, st.sp(0.4)))
        story.append(
            Paragraph(
                f"<b>{_markup(words.text('who_took_part', lang))}:</b> "
                + _markup(words.join_names(names, lang)),
                st.text,
            )
        )

    # ---- what needs to happen: the heart of the page
    story.append(Spacer(1, gap))
    story.append(
        Paragraph(_markup(words.text("needs_to_happen", lang)), st.coloured(st.h2, NEEDS_HEAD))
    )
    goal_limit = None if limits.cards is None else min(limits.cards, 2)
    goals, _ = cut.items(plan.goals, goal_limit)
    if goals:
        story.append(Spacer(1, st.sp(0.2)))
        story.append(
            Paragraph(
                f"<b>{_markup(words.text('goal', lang))}:</b>", st.coloured(st.text, NEEDS_HEAD)
            )
        )
        for goal in goals:
            story.append(Paragraph(_markup(t(goal.text)), st.bullet, bulletText="•"))
        story.append(Spacer(1, st.sp(0.5)))
    else:
        story.append(Spacer(1, st.sp(0.3)))
    story.extend(_actions_table(plan, st, cut))

    # ---- working well | worries, side by side like the board's columns
    story.append(Spacer(1, gap))
    story.append(_cards_boxes(plan, st, cut))

    # ---- this meeting's scales
    scales, more_scales = cut.items(plan.ratings, limits.scales)
    if scales or more_scales:
        story.append(Spacer(1, gap))
        story.append(Paragraph(_markup(words.text("scales", lang)), st.h2))
        for rating in scales:
            shown = replace(
                rating,
                question=t(rating.question),
                low_anchor=t(rating.low_anchor),
                high_anchor=t(rating.high_anchor),
            )
            story.append(Spacer(1, st.sp(1.1)))
            story.append(_Scale(shown, st, lang))
        if more_scales:
            story.append(Spacer(1, st.sp(0.4)))
            story.append(Paragraph(_markup(words.more_on_board(more_scales, lang)), st.muted))

    return _Page(story=story, footer=_footer(plan, st, cut), cut=cut.cut)


def _actions_table(plan: PlanData, st: _Styles, cut: _Cutter) -> list[Flowable]:
    lang = plan.language
    limits = cut.limits
    actions = [a for a in plan.actions if limits.done or not a.done]
    hidden_done = len(plan.actions) - len(actions)
    if hidden_done:
        cut.cut = True
    shown, more = cut.items(actions, limits.actions)
    more += hidden_done
    if not plan.actions:
        return [Paragraph(_markup(words.text("no_actions", lang)), st.muted)]

    head = st.coloured(st.bold, NEEDS_HEAD)
    rows: list[list[Any]] = [
        [
            "",
            Paragraph(_markup(words.text("what", lang)), head),
            Paragraph(_markup(words.text("who", lang)), head),
            Paragraph(_markup(words.text("when", lang)), head),
        ]
    ]
    done_text = st.coloured(st.text, MUTED)
    for a in shown:
        # An empty box to tick with a pen on the fridge; a tick for what is already done.
        box = Paragraph(
            "\u2713" if a.done else "\u2610",
            st.coloured(st.box, DONE if a.done else NEEDS_HEAD),
        )
        text_style = done_text if a.done else st.text
        rows.append(
            [
                box,
                Paragraph(_markup(cut.text(a.what)), text_style),
                Paragraph(_markup(cut.text(a.who)), text_style),
                Paragraph(_markup(cut.text(a.when)), text_style),
            ]
        )
    box_w = st.body * 2.1
    # "torsdag 10. december" fits one line at 10-11 pt and breaks after the weekday at 12.
    who_w = CONTENT_WIDTH * 0.21
    when_w = CONTENT_WIDTH * 0.27
    table = Table(
        rows,
        colWidths=[box_w, CONTENT_WIDTH - box_w - who_w - when_w, who_w, when_w],
        hAlign="LEFT",
    )
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
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
    table.setStyle(TableStyle(style))
    out: list[Flowable] = [table]
    if more:
        out.append(Spacer(1, st.sp(0.3)))
        out.append(Paragraph(_markup(words.more_on_board(more, lang)), st.muted))
    return out


def _card_line(card: PlanCard, st: _Styles, cut: _Cutter, lang: str) -> Paragraph:
    text = _markup(cut.text(card.text))
    notes: list[str] = []
    if card.whose:
        notes.append(f"— {_markup(cut.text(card.whose))}")
    if card.disagree:
        key = "not_agreed_one" if len(card.disagree) == 1 else "not_agreed_many"
        names = words.join_names([cut.text(n) for n in card.disagree], lang)
        notes.append(_markup(words.text(key, lang, names=names)))
    if notes:
        hexmuted = MUTED.hexval()[2:]
        text += f' <font color="#{hexmuted}">{" · ".join(notes)}</font>'
    return Paragraph(text, st.bullet, bulletText="•")


def _cards_boxes(plan: PlanData, st: _Styles, cut: _Cutter) -> Table:
    lang = plan.language
    cells: list[list[Flowable]] = []
    for key, cards, head in (
        ("working_well", plan.working_well, WELL_HEAD),
        ("worries", plan.worries, WORRIES_HEAD),
    ):
        shown, more = cut.items(cards, cut.limits.cards)
        cell: list[Flowable] = [
            Paragraph(_markup(words.text(key, lang)), st.coloured(st.h3, head)),
            Spacer(1, st.sp(0.3)),
        ]
        for i, card in enumerate(shown):
            if i:
                cell.append(Spacer(1, st.sp(0.3)))
            cell.append(_card_line(card, st, cut, lang))
        if not cards:
            cell.append(Paragraph(_markup(words.text("nothing_yet", lang)), st.muted))
        if more:
            cell.append(Spacer(1, st.sp(0.35)))
            cell.append(Paragraph(_markup(words.more_on_board(more, lang)), st.muted))
        cells.append(cell)
    between = st.body * 1.0
    half = (CONTENT_WIDTH - between) / 2
    table = Table([[cells[0], "", cells[1]]], colWidths=[half, between, half], hAlign="LEFT")
    pad = st.body * 0.8
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
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
        )
    )
    return table


def _footer(plan: PlanData, st: _Styles, cut: _Cutter) -> Table:
    lang = plan.language
    t = cut.text
    if plan.next_meeting_at is not None:
        when = words.datetime_words(plan.next_meeting_at, lang)
    else:
        when = words.text("not_agreed_yet", lang)
    next_lines = [when, t(plan.next_meeting_place)]
    cw_lines = [t(plan.caseworker_name)]
    if plan.caseworker_phone:
        cw_lines.append(words.text("phone", lang, phone=t(plan.caseworker_phone)))

    def cell(title: str, lines: list[str]) -> list[Flowable]:
        out: list[Flowable] = [Paragraph(_markup(title), st.h3)]
        out += [Paragraph(_markup(line), st.text) for line in lines if line]
        return out

    half = CONTENT_WIDTH / 2
    table = Table(
        [
            [
                cell(words.text("next_meeting", lang), next_lines),
                cell(words.text("caseworker", lang), cw_lines),
            ]
        ],
        colWidths=[half, half],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEABOVE", (0, 0), (-1, 0), 1.2, LINE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), st.body),
                ("TOPPADDING", (0, 0), (-1, -1), st.sp(0.6)),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _height(flowables: Sequence[Flowable], width: float) -> float:
    return float(sum(f.wrap(width, PAGE_HEIGHT * 10)[1] for f in flowables))


def _fits(plan: PlanData, body: float, limits: _Limits) -> _Page | None:
    page = _compose(plan, body, limits)
    footer_height = _height([page.footer], CONTENT_WIDTH)
    room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - footer_height - body * 1.5
    return page if _height(page.story, CONTENT_WIDTH) <= room else None


# A page at 10 pt holds about 5,000 characters; a plan with far more cannot fit
# whole, so laying it all out (a 10,000-character card wraps slowly) is skipped.
MAX_WHOLE_CHARACTERS = 9_000


def _characters(plan: PlanData) -> int:
    cards = plan.goals + plan.working_well + plan.worries
    return (
        sum(len(c.text) + len(c.whose) + sum(map(len, c.disagree)) for c in cards)
        + sum(len(a.what) + len(a.who) + len(a.when) for a in plan.actions)
        + sum(len(r.question) + len(r.low_anchor) + len(r.high_anchor) for r in plan.ratings)
        + sum(len(p.name) for p in plan.people)
        + len(plan.family_name + plan.place + plan.next_meeting_place)
    )


def _fit(plan: PlanData) -> tuple[_Page, float]:
    """The first attempt (largest text, fewest cuts) whose blocks fit the page.

    Each attempt shows no more than the one before, so the heights only go down
    and a binary search finds the first that fits in four or five layouts.
    """
    attempts = list(_attempts())
    lo = 0
    if _characters(plan) > MAX_WHOLE_CHARACTERS:
        lo = len(BODY_SIZES) + 1  # straight to the shortened layouts
    found: tuple[_Page, int] | None = None
    hi = len(attempts) - 1
    while lo <= hi:
        # Try the largest, uncut layout first: most plans fit it, in one layout.
        mid = 0 if lo == 0 and found is None and hi == len(attempts) - 1 else (lo + hi) // 2
        body, limits = attempts[mid]
        page = _fits(plan, body, limits)
        if page is not None:
            found, hi = (page, mid), mid - 1
        else:
            lo = mid + 1
    if found is None:
        # Unreachable in practice: the last step shows one short line of each list.
        body, limits = attempts[-1]
        return _compose(plan, body, limits), body
    page, index = found
    body, limits = attempts[index]
    if index > len(BODY_SIZES):
        page = _refine(plan, page, limits, attempts[index - 1][1])
    return page, body


def _refine(plan: PlanData, page: _Page, limits: _Limits, before: _Limits) -> _Page:
    """Give back, one at a time, the actions, cards and scales the step took away."""
    open_actions = sum(1 for a in plan.actions if not a.done)
    totals = {
        "actions": len(plan.actions) if limits.done else open_actions,
        "cards": max(len(plan.working_well), len(plan.worries)),
        "scales": len(plan.ratings),
    }
    for name, total in totals.items():  # the heart of the page, then the family's words
        for _ in range(6):
            now, ceiling = getattr(limits, name), getattr(before, name)
            if now is None or now >= total or (ceiling is not None and now >= ceiling):
                break
            trial = replace(limits, **{name: now + 1})
            bigger = _fits(plan, MIN_BODY_SIZE, trial)
            if bigger is None:
                break
            limits, page = trial, bigger
    return page


# ------------------------------------------------------------------- public
def render_plan(plan: PlanData) -> PlanResult:
    """Lay the plan out on exactly one A4 page and return the PDF's bytes.

    Deterministic: the same plan gives the same bytes (ReportLab's invariant
    mode fixes the dates and the document id).
    """
    fonts = _register_fonts()
    glyphs = _Glyphs(fonts)
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

    y = PAGE_HEIGHT - MARGIN_TOP
    for flowable in page.story:
        height = flowable.wrap(CONTENT_WIDTH, y - MARGIN_BOTTOM)[1]
        flowable.drawOn(canvas, MARGIN_X, y - height)
        y -= height
    page.footer.wrap(CONTENT_WIDTH, PAGE_HEIGHT)
    page.footer.drawOn(canvas, MARGIN_X, MARGIN_BOTTOM)
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
