"""The caseworker's meeting record as a PDF (ReportLab). No Qt.

The same fonts, embedding, text cleaning and determinism as the family's plan
(``export/richtext.py``, ``export/glyphs.py``), but the opposite promise: the plan is
exactly one page and shortens what does not fit; the record leaves nothing out. It
aims at two A4 pages for an ordinary meeting and flows onto more when the meeting
was longer: paragraphs break between lines, tables between rows, and every page
says "Side 1 af 3". It is laid out twice, the first time only to count the pages.
The wording is ``export.record_text``'s, so the PDF and the plain text agree.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Spacer,
    Table,
    TableStyle,
)

from familymeeting import palette
from familymeeting.domain.record import RecordData
from familymeeting.export.glyphs import Glyphs, build_pages
from familymeeting.export.record_text import (
    ITEM,
    NOTE,
    SUBHEADING,
    TABLE,
    Block,
    RecordDocument,
    record_document,
)
from familymeeting.export.richtext import RichText, Span, fonts
from familymeeting.messages import catalogue
from familymeeting.storage.atomic import write_atomic

PAGE_WIDTH = A4[0]
MARGIN_X = 20 * mm
MARGIN_TOP = 14 * mm
MARGIN_BOTTOM = 18 * mm  # room for the running title and the page number
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

FONT = "FamilyMeetingSans"  # DejaVu Sans, registered by richtext.fonts()
BODY = 10.0  # a professional reads this at a desk; the family's plan starts at 12
SMALL = 8.5

INK = HexColor(palette.TEXT)
MUTED = HexColor(palette.MUTED)
LINE = HexColor(palette.LINE)
OVERDUE = HexColor(palette.WARNING)


@dataclass(frozen=True)
class RecordResult:
    """The PDF bytes, its number of pages, and characters printed as a placeholder."""

    pdf: bytes
    pages: int
    missing_glyphs: list[str] = field(default_factory=list)


def _para(
    text: str,
    *,
    size: float = BODY,
    colour: Color = INK,
    bold: bool = False,
    own: bool = False,
    bullet: str | None = None,
) -> RichText:
    return RichText(
        [Span(text)],
        size=size,
        leading=size * 1.3,
        colour=colour,
        bold=bold,
        rtl=None if own else False,
        bullet=bullet,
        indent=size * 1.1,
    )


def _heading(text: str) -> Flowable:
    heading = _para(text, size=BODY * 1.3, bold=True)
    heading.keepWithNext = True  # with its rule
    return heading


class _Rule(Flowable):  # type: ignore[misc]
    """A thin line under a section heading."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, 3.0

    def draw(self) -> None:
        self.canv.setStrokeColor(LINE)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 1.5, self.width, 1.5)


def _table(block: Block, clean: Callable[[str], str]) -> Table:
    header, *rows = block.rows
    # The plan (what | who | when | status) wants a wide first column; the answers to
    # a scaling question (who | answer | last time | change) a wide third one.
    ratios = [0.34, 0.2, 0.34, 0.12] if block.lines else [0.44, 0.2, 0.2, 0.16]
    if len(header) == 2:  # a child's feedback: question | answer
        ratios = [0.7, 0.3]
    cells: list[list[Any]] = [
        [_para(clean(h), size=SMALL, bold=True, colour=MUTED) for h in header]
    ]
    for row in rows:
        cells.append([_para(clean(v), own=i == 0 or not block.lines) for i, v in enumerate(row)])
    table = Table(
        cells,
        colWidths=[CONTENT_WIDTH * r for r in ratios],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # never the standard Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
            ]
        )
    )
    return table


def _story(doc: RecordDocument, glyphs: Glyphs) -> list[Flowable]:
    def clean(text: str) -> str:
        return glyphs.clean(text, multiline=True)

    tr = catalogue(doc.language)
    story: list[Flowable] = [
        _para(clean(doc.title), size=BODY * 2, bold=True),
        _para(clean(doc.family_name), size=BODY * 1.5, bold=True, own=True),
        _para(tr.gettext("For the case journal. Not the family's plan."), colour=MUTED),
        Spacer(1, BODY * 0.6),
    ]
    for label, value in doc.facts:
        story.append(_para(f"{clean(label)}: {clean(value)}"))
    for section in doc.sections:
        # A heading never ends a page: with less than a few lines' room left, it starts
        # the next one (keeping it with a whole block would leave half pages empty).
        heading, rule = _heading(clean(section.title)), _Rule()
        heading.spaceBefore = BODY * 0.9
        rule.spaceAfter = BODY * 0.3
        starts_with_question = bool(section.blocks) and section.blocks[0].kind == SUBHEADING
        story += [CondPageBreak(BODY * (12 if starts_with_question else 5)), heading, rule]
        for block in section.blocks:
            if block.kind == SUBHEADING:
                sub = _para(clean(block.text), bold=True, own=block.own)
                sub.keepWithNext = True
                sub.spaceBefore = BODY * 0.35
                story.append(CondPageBreak(BODY * 7))
                story.append(sub)
            elif block.kind == ITEM:
                item = _para(clean(block.text), own=block.own, bullet="•")
                story.append(item)
                if block.detail:
                    item = _para(clean(block.detail), size=SMALL, colour=MUTED, own=True)
                    story.append(item)
                item.spaceAfter = BODY * 0.2
            elif block.kind == TABLE:
                story.append(_table(block, clean))
            elif block.kind == NOTE:
                story.append(_para(clean(block.text), colour=MUTED))
            else:
                for paragraph in block.text.split("\n"):
                    if paragraph.strip():
                        story.append(_para(clean(paragraph), own=block.own))
                    else:
                        story.append(Spacer(1, BODY * 0.6))
    return story


def _layout(
    doc: RecordDocument, dated: datetime, glyphs: Glyphs, total: int, out: io.BytesIO
) -> int:
    tr = catalogue(doc.language)
    running = glyphs.clean(doc.running_title)

    def footer(canvas: Canvas, template: BaseDocTemplate) -> None:
        number = canvas.getPageNumber()
        page = tr.gettext("Page {page} of {pages}", page=number, pages=max(total, number))
        line = _para(f"{running}", size=SMALL, colour=MUTED, own=True)
        width = CONTENT_WIDTH * 0.78
        line.wrap(width, MARGIN_BOTTOM)
        line.drawOn(canvas, MARGIN_X, MARGIN_BOTTOM * 0.45)
        numbered = RichText([Span(page)], size=SMALL, leading=SMALL * 1.3, colour=MUTED)
        numbered.align = "end"
        numbered.wrap(CONTENT_WIDTH * 0.22, MARGIN_BOTTOM)
        numbered.drawOn(canvas, MARGIN_X + CONTENT_WIDTH * 0.78, MARGIN_BOTTOM * 0.45)

    return build_pages(
        out,
        _story(doc, glyphs),
        margins=(MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM),
        footer=footer,
        lang=doc.language,
        font=FONT,
        size=BODY,
        title=glyphs.clean(f"{doc.title} – {doc.family_name}"),
        subject=glyphs.clean(doc.running_title),
        dated=dated,
    )


def render_record(data: RecordData) -> RecordResult:
    """The record as PDF bytes: every card, answer and action; two pages for an
    ordinary meeting, more when there is more. Deterministic: the same record gives
    the same bytes."""
    doc = record_document(data)
    glyphs = Glyphs(fonts().printable)
    pages = _layout(doc, data.meeting_at, glyphs, 0, io.BytesIO())  # to count the pages
    out = io.BytesIO()
    final = _layout(doc, data.meeting_at, glyphs, pages, out)
    return RecordResult(pdf=out.getvalue(), pages=final, missing_glyphs=list(glyphs.missing))


def export_record(data: RecordData, path: Path) -> RecordResult:
    """Render the record and write it atomically (temp file, fsync, rename) to ``path``."""
    result = render_record(data)
    write_atomic(Path(path), result.pdf)
    return result


__all__ = ["RecordResult", "export_record", "render_record"]
