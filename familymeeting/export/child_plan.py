"""A child's own one-page plan, "Min plan", as a PDF (ReportLab). No Qt.

The same fonts, cleaning and determinism as the family's plan (``export.plan``,
``export.glyphs``, ``export.richtext``), but a simpler page for a child of 10: big
text, few words per line, what the grown-ups will do, what I can do, what I said,
and who I can call at the bottom. The wording is the plan catalogue's ``child_plan``
section in the child's language (``domain/plan_catalogue/*.json``).

Exactly one A4 page: the text shrinks in steps (14 ... 10 pt); if it is still too
long, each list is shortened ("+ 3 mere") and long texts are cut, step by step.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from familymeeting import palette
from familymeeting.domain.child_plan import ChildPlanData
from familymeeting.domain.enums import Column, House
from familymeeting.domain.languages import is_rtl
from familymeeting.domain.plan import PlanAction, date_words, datetime_words
from familymeeting.domain.plan_catalogue import catalogue
from familymeeting.export.glyphs import Glyphs, new_canvas
from familymeeting.export.richtext import RichText, Span, base_is_rtl, fonts, has_rtl, isolated
from familymeeting.storage.atomic import write_atomic

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 18 * mm
MARGIN_BOTTOM = 16 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN_X
BODY_SIZES = (14.0, 13.0, 12.0, 11.0, 10.0)  # a child reads larger text; never below 10
LIST_STEPS = (None, 8, 6, 4, 3, 2, 1)  # lines shown per list once the text is at 10 pt
TEXT_STEPS = (None, 300, 200, 120, 80)  # characters of one line, after the lists

FONT = "FamilyMeetingSans"
INK = HexColor(palette.TEXT)
MUTED = HexColor(palette.MUTED)
LINE = HexColor(palette.LINE)
DONE = HexColor(palette.SAVED)
_NEEDS = palette.COLUMNS[Column.NEEDS_TO_HAPPEN]
_WELL = palette.COLUMNS[Column.WORKING_WELL]
_WORRIES = palette.COLUMNS[Column.WORRIES]
GROWN_UPS_BG = HexColor(_NEEDS.background)
MINE_BG = HexColor(_WELL.background)
WORDS_BG = HexColor(_WORRIES.background)
HOUSE_KEYS = {
    House.WORRIES.value: "house_worries",
    House.GOOD_THINGS.value: "house_good_things",
    House.DREAMS.value: "house_dreams",
}


@dataclass(frozen=True)
class ChildPlanResult:
    """A rendered child's plan: the bytes, whether lists were cut, unprintable characters."""

    pdf: bytes
    shortened: bool
    missing_glyphs: list[str]
    font_size: float


@dataclass(frozen=True)
class _Limits:
    items: int | None = None  # lines per list
    text: int | None = None  # characters per line


def _clean(glyphs: Glyphs, plan: ChildPlanData) -> ChildPlanData:
    c = glyphs.clean

    def action(a: PlanAction) -> PlanAction:
        return replace(a, what=c(a.what), who=c(a.who), when=c(a.when))

    return replace(
        plan,
        child_name=c(plan.child_name),
        grown_ups=tuple(action(a) for a in plan.grown_ups),
        mine=tuple(action(a) for a in plan.mine),
        contacts=tuple(replace(p, name=c(p.name), phone=c(p.phone)) for p in plan.contacts),
        my_words=tuple(c(w) for w in plan.my_words),
        houses=tuple(replace(h, text=c(h.text)) for h in plan.houses),
        answers=tuple(replace(a, question=c(a.question)) for a in plan.answers),
        next_meeting_place=c(plan.next_meeting_place),
    )


class _Page:
    """The flowables of one layout, at one text size and with one set of limits."""

    def __init__(self, plan: ChildPlanData, body: float, limits: _Limits) -> None:
        self.plan = plan
        self.lang = plan.language
        self.words = catalogue(plan.language)
        self.rtl = is_rtl(plan.language)
        self.body = body
        self.limits = limits
        self.cut = False
        self.story = self._story()
        self.footer = self._footer()

    # -------------------------------------------------------------- helpers
    def w(self, key: str, **params: object) -> str:
        return self.words.child_text(key, **params)

    def own(self, text: str) -> str:
        """The family's words inside a line of the catalogue's: in their own direction."""
        if not text or not (self.rtl or has_rtl(text)):
            return text
        return isolated(text, base_is_rtl(text, self.rtl))

    def para(
        self,
        content: str | Sequence[Span],
        *,
        scale: float = 1.0,
        bold: bool = False,
        colour: Color = INK,
        own: bool = False,
        bullet: str | None = None,
    ) -> RichText:
        size = self.body * scale
        spans = [Span(content)] if isinstance(content, str) else list(content)
        return RichText(
            spans,
            size=size,
            leading=size * 1.3,
            colour=colour,
            bold=bold,
            page_rtl=self.rtl,
            rtl=None if own else self.rtl,
            bullet=bullet,
            indent=self.body * 1.2,
        )

    def text(self, value: str) -> str:
        n = self.limits.text
        if n is None or len(value) <= n:
            return value
        self.cut = True
        return value[: n - 1].rstrip() + "…"

    def shown(self, values: Sequence[Any]) -> tuple[Sequence[Any], int]:
        n = self.limits.items
        if n is None or len(values) <= n:
            return values, 0
        self.cut = True
        return values[:n], len(values) - n

    def more(self, left: int) -> list[Flowable]:
        if not left:
            return []
        return [self.para(self.w("more", count=left), colour=MUTED)]

    def box(self, heading: str, inner: list[Flowable], background: Color) -> list[Flowable]:
        cell: list[Flowable] = [self.para(heading, scale=1.3, bold=True), *inner]
        table = Table([[cell]], colWidths=[WIDTH], hAlign="LEFT")
        pad = self.body * 0.7
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("BACKGROUND", (0, 0), (-1, -1), background),
                    ("LEFTPADDING", (0, 0), (-1, -1), pad),
                    ("RIGHTPADDING", (0, 0), (-1, -1), pad),
                    ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                ]
            )
        )
        return [table, Spacer(1, self.body * 0.8)]

    # -------------------------------------------------------------- blocks
    def _actions(self, actions: Sequence[PlanAction], with_who: bool) -> list[Flowable]:
        if not actions:
            return [self.para(self.w("nothing"), colour=MUTED)]
        rows, left = self.shown(actions)
        out: list[Flowable] = []
        for a in rows:
            mark = "\u2713" if a.done else "•"
            out.append(
                self.para(
                    [Span(self.text(a.what), colour=DONE if a.done else None)],
                    own=True,
                    bullet=mark,
                )
            )
            details = []
            if with_who and a.who:
                details.append(self.own(self.text(a.who)))
            if a.when:
                details.append(self.w("when", when=self.own(self.text(a.when))))
            if details:
                line = self.para(" · ".join(details), colour=MUTED, scale=0.9, bullet=" ")
                out.append(line)
        return out + self.more(left)

    def _story(self) -> list[Flowable]:
        plan = self.plan
        meeting_day = date_words(plan.meeting_at.date(), self.lang)
        story: list[Flowable] = [
            self.para(self.w("title"), scale=2.4, bold=True),
            self.para(self.w("for_child", name=self.own(plan.child_name)), scale=1.3, bold=True),
            self.para(self.w("meeting", when=meeting_day), colour=MUTED),
            Spacer(1, self.body * 1.0),
        ]
        story += self.box(self.w("grown_ups"), self._actions(plan.grown_ups, True), GROWN_UPS_BG)
        story += self.box(self.w("mine"), self._actions(plan.mine, False), MINE_BG)
        said: list[Flowable] = []
        if plan.my_words:
            rows, left = self.shown(plan.my_words)
            said += [self.para(self.text(t), own=True, bullet="•") for t in rows]
            said += self.more(left)
        if plan.houses:
            said.append(Spacer(1, self.body * 0.3))
            said.append(self.para(self.w("houses"), scale=1.1, bold=True))
            rows, left = self.shown(plan.houses)
            for house in HOUSE_KEYS:
                items = [h for h in rows if h.house == house]
                if items:
                    said.append(self.para(self.w(HOUSE_KEYS[house]), bold=True, colour=MUTED))
                    said += [self.para(self.text(h.text), own=True, bullet="•") for h in items]
            said += self.more(left)
        if plan.answers:
            said.append(Spacer(1, self.body * 0.3))
            said.append(self.para(self.w("answers"), scale=1.1, bold=True))
            rows, left = self.shown(plan.answers)
            for a in rows:
                value = self.w("answer", value=a.value)
                said.append(
                    self.para(
                        [Span(self.own(self.text(a.question)) + "  "), Span(value, bold=True)],
                        bullet="•",
                    )
                )
            said += self.more(left)
        if said:
            story += self.box(self.w("my_words"), said, WORDS_BG)
        return story

    def _footer(self) -> Table:
        plan = self.plan
        if plan.next_meeting_at is not None:
            when = datetime_words(plan.next_meeting_at, self.lang)
        else:
            when = self.w("not_agreed_yet")
        left: list[Flowable] = [
            self.para(self.w("next_meeting"), scale=1.15, bold=True),
            self.para(when),
        ]
        if plan.next_meeting_place:
            left.append(self.para(self.text(plan.next_meeting_place), own=True))
        right: list[Flowable] = [self.para(self.w("call"), scale=1.15, bold=True)]
        if not plan.contacts:
            right.append(self.para(self.w("nothing"), colour=MUTED))
        for person in plan.contacts:
            if person.caseworker and person.name:
                right.append(self.para(self.w("caseworker", name=self.own(person.name))))
            elif person.name:
                right.append(self.para(person.name, own=True, bullet="•"))
            if person.phone:
                phone = isolated(person.phone, False) if self.rtl else person.phone
                right.append(self.para(self.w("phone", phone=phone), bold=True))
        row = [left, right]
        widths = [WIDTH * 0.45, WIDTH * 0.55]
        if self.rtl:
            row, widths = row[::-1], widths[::-1]
        table = Table([row], colWidths=widths, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEABOVE", (0, 0), (-1, 0), 1.2, LINE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), self.body),
                    ("TOPPADDING", (0, 0), (-1, -1), self.body * 0.6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def fits(self) -> bool:
        footer = self.footer.wrap(WIDTH, PAGE_HEIGHT)[1]
        room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - footer - self.body
        used = sum(f.wrap(WIDTH, PAGE_HEIGHT * 10)[1] for f in self.story)
        return bool(used <= room)


def _fit(plan: ChildPlanData) -> _Page:
    """The largest text with nothing cut that fits; then shorter lists, then shorter texts."""
    steps = [(body, _Limits()) for body in BODY_SIZES]
    steps += [(BODY_SIZES[-1], _Limits(items=n)) for n in LIST_STEPS[1:]]
    steps += [(BODY_SIZES[-1], _Limits(items=1, text=n)) for n in TEXT_STEPS[1:]]
    page = None
    for body, limits in steps:
        page = _Page(plan, body, limits)
        if page.fits():
            return page
    assert page is not None
    return page  # the last step: one short line per list


def render_child_plan(plan: ChildPlanData) -> ChildPlanResult:
    """Lay the child's plan out on one A4 page; the same plan gives the same bytes."""
    glyphs = Glyphs(fonts().printable)
    clean = _clean(glyphs, plan)
    page = _fit(clean)
    lang = clean.language
    buffer = io.BytesIO()
    meeting_day = date_words(clean.meeting_at.date(), lang)
    canvas = new_canvas(
        buffer,
        lang=lang,
        font=FONT,
        size=page.body,
        title=f"{page.w('title')} – {clean.child_name}",
        subject=page.w("subject", when=meeting_day),
        dated=clean.meeting_at,
    )
    y = PAGE_HEIGHT - MARGIN_TOP
    for flowable in page.story:
        height = flowable.wrap(WIDTH, y - MARGIN_BOTTOM)[1]
        flowable.drawOn(canvas, MARGIN_X, y - height)
        y -= height
    page.footer.wrap(WIDTH, PAGE_HEIGHT)
    page.footer.drawOn(canvas, MARGIN_X, MARGIN_BOTTOM)
    canvas.showPage()
    canvas.save()
    return ChildPlanResult(
        pdf=buffer.getvalue(),
        shortened=page.cut,
        missing_glyphs=list(glyphs.missing),
        font_size=page.body,
    )


def export_child_plan(plan: ChildPlanData, path: Path) -> ChildPlanResult:
    """Render the child's plan and write it atomically to ``path``."""
    result = render_child_plan(plan)
    write_atomic(Path(path), result.pdf)
    return result


__all__ = ["ChildPlanResult", "export_child_plan", "render_child_plan"]
