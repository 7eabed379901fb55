""" "Mine tre huse": a child's Three Houses on one A4 page (ReportLab). No Qt.

The paper the child (and the parents) get holds only what the child chose to share;
the full paper, for the case file, holds everything and says on top that it is not for
the parents. The drawings are the child's strokes as vector paths, scaled from their
0..1 points into a box of the drawing's own shape (``domain.houses.DRAWING_ASPECT``).
Same fonts, embedding, text cleaning and determinism as the plan and the record
(``export/richtext.py``, ``export/glyphs.py``). The sentences shrink to fit the page;
what still does not fit is cut with a note (one page is the promise).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from familymeeting import palette
from familymeeting.domain.enums import Column, House
from familymeeting.domain.houses import DRAWING_ASPECT, HousesPaper, PaperHouse, Stroke
from familymeeting.export.glyphs import Glyphs, new_canvas
from familymeeting.export.richtext import RichText, Span, draw_line, fonts, layout_line
from familymeeting.messages import N_, Catalogue, catalogue, day_text
from familymeeting.storage.atomic import write_atomic

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 16 * mm
FONT = "FamilyMeetingSans"
INK = HexColor(palette.TEXT)
MUTED = HexColor(palette.MUTED)
WARNING = HexColor(palette.WARNING)

HOUSE_WORDS = {
    House.WORRIES.value: N_("Worries"),
    House.GOOD_THINGS.value: N_("Good things"),
    House.DREAMS.value: N_("Dreams"),
}
# Each house in the colours of the column of the board it belongs to.
HOUSE_COLOURS = {
    House.WORRIES.value: palette.COLUMNS[Column.WORRIES],
    House.GOOD_THINGS.value: palette.COLUMNS[Column.WORKING_WELL],
    House.DREAMS.value: palette.COLUMNS[Column.NEEDS_TO_HAPPEN],
}
SIZES = (13.0, 12.0, 11.0, 10.0, 9.0, 8.0)  # sentence text, largest first


@dataclass(frozen=True)
class HousesResult:
    """The PDF bytes, and characters printed as a placeholder."""

    pdf: bytes
    shortened: bool = False
    missing_glyphs: list[str] = field(default_factory=list)


def _para(text: str, size: float, colour: Color = INK, *, bold: bool = False) -> RichText:
    return RichText([Span(text)], size=size, leading=size * 1.25, colour=colour, bold=bold)


def draw_strokes(
    canvas: Canvas, strokes: tuple[Stroke, ...], x: float, y: float, w: float, h: float
) -> None:
    """The strokes as paths in the box (x, y: its lower left corner)."""
    canvas.saveState()
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for stroke in strokes:
        colour = HexColor(stroke.colour)
        width = stroke.width * w
        if len(stroke.points) == 1:
            px, py = stroke.points[0]
            canvas.setFillColor(colour)
            canvas.circle(x + px * w, y + (1 - py) * h, width / 2, stroke=0, fill=1)
            continue
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(width)
        path = canvas.beginPath()
        (px, py), *rest = stroke.points
        path.moveTo(x + px * w, y + (1 - py) * h)
        for px, py in rest:
            path.lineTo(x + px * w, y + (1 - py) * h)
        canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


def _sentences(
    house: PaperHouse, tr: Catalogue, glyphs: Glyphs, full: bool, size: float
) -> list[RichText]:
    out = []
    for sentence in house.sentences:
        spans = [Span(glyphs.clean(sentence.text, multiline=True))]
        if full and not sentence.shared:
            spans.append(Span(" (" + tr.gettext("not shared") + ")", colour=WARNING))
        out.append(
            RichText(
                spans,
                size=size,
                leading=size * 1.25,
                colour=INK,
                rtl=None,
                bullet="•",
                indent=size * 1.1,
            )
        )
    return out


def _fit(paras: list[RichText], width: float, height: float) -> tuple[list[RichText], bool]:
    """As many whole sentences as fit ``height``; True if some were left out."""
    used = 0.0
    for i, para in enumerate(paras):
        _, h = para.wrap(width, height)
        if used + h > height:
            return paras[:i], True
        used += h + 2
    return paras, False


def _house(
    canvas: Canvas,
    house: PaperHouse,
    paper: HousesPaper,
    tr: Catalogue,
    glyphs: Glyphs,
    top: float,
    height: float,
) -> bool:
    """One house, its top edge at ``top``; True if sentences had to be left out."""
    colours = HOUSE_COLOURS[house.house]
    left, width = MARGIN, PAGE_WIDTH - 2 * MARGIN
    roof = 16 * mm
    body_top = top - roof
    bottom = top - height
    # The house: a roof over a wall, in the column's colours.
    canvas.saveState()
    canvas.setFillColor(HexColor(colours.background))
    canvas.setStrokeColor(HexColor(colours.accent))
    canvas.setLineWidth(1.5)
    path = canvas.beginPath()
    path.moveTo(left, body_top)
    path.lineTo(left + width / 2, top)
    path.lineTo(left + width, body_top)
    path.lineTo(left + width, bottom)
    path.lineTo(left, bottom)
    path.close()
    canvas.drawPath(path, stroke=1, fill=1)
    canvas.restoreState()
    # The house's name in its roof, in the middle.
    name = [Span(tr.gettext(HOUSE_WORDS[house.house]))]
    ink = HexColor(colours.header)
    line = layout_line(name, size=15, colour=ink, rtl=False, bold=True)
    draw_line(canvas, left + (width - line.width) / 2, body_top + 4, line)

    pad = 4 * mm
    inner_h = body_top - bottom - 2 * pad
    text_left = left + pad
    text_width = width - 2 * pad
    if house.drawing:
        box_h = inner_h - (5 * mm if paper.full else 0)
        box_w = min(box_h * DRAWING_ASPECT, width * 0.48)
        box_h = box_w / DRAWING_ASPECT
        box_x, box_y = left + pad, body_top - pad - box_h
        canvas.saveState()
        canvas.setFillColor(HexColor(palette.SURFACE))
        canvas.setStrokeColor(HexColor(palette.LINE))
        canvas.setLineWidth(0.6)
        canvas.rect(box_x, box_y, box_w, box_h, stroke=1, fill=1)
        canvas.restoreState()
        draw_strokes(canvas, house.drawing, box_x, box_y, box_w, box_h)
        if paper.full and not house.drawing_shared:
            note = _para(tr.gettext("not shared"), 8.5, WARNING)
            note.wrap(box_w, 5 * mm)
            note.drawOn(canvas, box_x, box_y - 4 * mm)
        text_left = box_x + box_w + pad
        text_width = left + width - pad - text_left
    if not house.sentences and not house.drawing:
        empty = _para(tr.gettext("Nothing here."), 11, MUTED)
        empty.wrap(text_width, inner_h)
        empty.drawOn(canvas, text_left, body_top - pad - empty.height)
        return False
    for size in SIZES:
        paras = _sentences(house, tr, glyphs, paper.full, size)
        shown, cut = _fit(paras, text_width, inner_h)
        if not cut:
            break
    if cut:
        more = _para(tr.gettext("More in the program."), 8.5, MUTED)
        more.wrap(text_width, inner_h)
        shown, _ = _fit(paras, text_width, inner_h - more.height - 2)
    y = body_top - pad
    for para in shown:
        _, h = para.wrap(text_width, inner_h)
        para.drawOn(canvas, text_left, y - h)
        y -= h + 2
    if cut:
        more.drawOn(canvas, text_left, y - more.height)
    return cut


def render_houses(paper: HousesPaper) -> HousesResult:
    """The paper as one A4 page of PDF bytes; the same paper gives the same bytes."""
    tr = catalogue(paper.language)
    glyphs = Glyphs(fonts().printable)
    title = tr.gettext("My three houses")
    name = glyphs.clean(paper.child_name)
    out = io.BytesIO()
    canvas = new_canvas(
        out,
        lang=tr.language,
        font=FONT,
        size=12,
        title=f"{title} – {name}",
        subject=glyphs.clean(paper.family_name),
        dated=paper.meeting_at,
    )
    top = PAGE_HEIGHT - MARGIN
    heading = RichText(
        [Span(f"{title} – "), Span(name)], size=22, leading=27, colour=INK, bold=True
    )
    heading.wrap(PAGE_WIDTH - 2 * MARGIN, 40)
    heading.drawOn(canvas, MARGIN, top - heading.height)
    top -= heading.height + 2
    line = tr.gettext(
        "From the meeting on {day}", day=day_text(paper.meeting_at.date(), tr.language)
    )
    sub = _para(line, 11, MUTED)
    sub.wrap(PAGE_WIDTH - 2 * MARGIN, 20)
    sub.drawOn(canvas, MARGIN, top - sub.height)
    top -= sub.height + 3
    if paper.full:
        words = tr.gettext(
            "For the case file – not for the parents. It holds what the child did not "
            "want to show too."
        )
    else:
        words = tr.gettext("What I said my parents may see.")
    note = _para(words, 11, WARNING if paper.full else INK, bold=paper.full)
    note.wrap(PAGE_WIDTH - 2 * MARGIN, 40)
    note.drawOn(canvas, MARGIN, top - note.height)
    top -= note.height + 6 * mm
    gap = 5 * mm
    height = (top - MARGIN - 2 * gap) / 3
    shortened = False
    for house in paper.houses:
        shortened |= _house(canvas, house, paper, tr, glyphs, top, height)
        top -= height + gap
    canvas.showPage()
    canvas.save()
    return HousesResult(out.getvalue(), shortened, list(glyphs.missing))


def export_houses(paper: HousesPaper, path: Path) -> HousesResult:
    """Render the paper and write it atomically (temp file, fsync, rename)."""
    result = render_houses(paper)
    write_atomic(Path(path), result.pdf)
    return result


__all__ = ["HOUSE_WORDS", "HousesResult", "draw_strokes", "export_houses", "render_houses"]
