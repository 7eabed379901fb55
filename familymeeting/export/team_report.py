"""The team report as a PDF (ReportLab, with its own chart module). No Qt.

A short A4 report for a team leader over the figures of ``storage/team_report_data``,
in the words of ``export.team_report_text`` (the plain text says the same): case pace
(a chart per measure of mean and median days per quarter, with the trial's
before/after averages as reference lines, then a table), ratings first -> latest, the
children's own feedback, and meetings and plans per family. A suppressed figure is
"< 5" in a table and absent from the chart. The fonts, embedding and determinism are
the plan's: the same figures give the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from familymeeting import palette
from familymeeting.domain.statistics import Measure, quarter_bounds
from familymeeting.domain.team_report import TRIAL_REFERENCE_DAYS, PaceRow, TeamReport
from familymeeting.export.glyphs import build_pages
from familymeeting.export.richtext import fonts
from familymeeting.export.team_report_text import (
    PACE,
    ReportWords,
    Section,
    TeamReportDocument,
    team_report_document,
)
from familymeeting.messages import measure_words
from familymeeting.storage.atomic import write_atomic

PAGE_WIDTH = A4[0]
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 16 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

FONT = "FamilyMeetingSans"  # DejaVu Sans, registered by richtext.fonts()
BOLD = "FamilyMeetingSans-Bold"
BODY = 9.5
SMALL = 8.0

INK = HexColor(palette.TEXT)
MUTED = HexColor(palette.MUTED)
LINE = HexColor(palette.LINE)
MEAN_COLOUR = HexColor(palette.PRIMARY)
MEDIAN_COLOUR = HexColor(palette.SAVED)
BEFORE_COLOUR = HexColor(palette.WARNING)
AFTER_COLOUR = HexColor(palette.MUTED)

# A report without quarters (empty files) is dated like ReportLab's invariant mode.
UNDATED = datetime(2000, 1, 1)


@dataclass(frozen=True)
class TeamReportResult:
    pdf: bytes
    pages: int


def _para(text: str, size: float = BODY, *, bold: bool = False, colour: Color = INK) -> Paragraph:
    # Only the catalogue's words and numbers are printed, but escape for the markup.
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    style = ParagraphStyle(
        "team",
        fontName=BOLD if bold else FONT,
        bulletFontName=FONT,  # ReportLab's default is Helvetica, which is never embedded
        fontSize=size,
        leading=size * 1.3,
        textColor=colour,
    )
    return Paragraph(escaped, style)


class _GroupedTable(Table):  # type: ignore[misc]
    """A table whose first column is written once per group of rows, and again on the
    first row of a page it continues on."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight)
        for part in parts[1:]:
            rows = part._cellvalues
            first = part.repeatRows
            if len(rows) > first:
                cell = rows[first][0]
                # ReportLab keeps a flowable cell wrapped in a tuple.
                inner = cell[0] if isinstance(cell, (list, tuple)) and cell else cell
                label = getattr(inner, "group_label", None)
                if label:
                    rows[first][0] = _para(label)
        return parts


def _table(section: Section) -> Table:
    cells: list[list[Any]] = [[_para(h, SMALL, bold=True, colour=MUTED) for h in section.header]]
    previous: tuple[str, ...] = ()
    for row in section.rows:
        # The first column (a quarter, a question) is written once for its rows.
        if previous and row[0] == previous[0]:
            blank = _para("")
            blank.group_label = row[0]  # written again where the table goes on a new page
            cells.append([blank, *(_para(v) for v in row[1:])])
        else:
            cells.append([_para(v) for v in row])
        previous = row
    table = _GroupedTable(
        cells,
        colWidths=[CONTENT_WIDTH * r for r in section.ratios],
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # never the standard Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, LINE),
            ]
        )
    )
    return table


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def pace_chart(
    w: ReportWords, measure: Measure, rows: Sequence[PaceRow], quarters: Sequence[str]
) -> Drawing:
    """Mean and median days per quarter for one measure. A suppressed quarter is a gap:
    its numbers are None, so nothing about it can be drawn."""
    width, height = CONTENT_WIDTH / 2 - 4 * mm, 62 * mm
    drawing = Drawing(width, height)
    # The renderer starts every drawing in its default font (Helvetica, not embedded).
    drawing.initialFontName, drawing.initialFontSize = FONT, SMALL
    by_quarter = {r.quarter: r for r in rows if r.measure == measure}
    means = [by_quarter[q].mean if q in by_quarter else None for q in quarters]
    medians = [by_quarter[q].median if q in by_quarter else None for q in quarters]
    before, after = TRIAL_REFERENCE_DAYS[measure]
    shown = [v for v in means + medians if v is not None]
    top = max([before, *shown]) * 1.15

    title = _capitalised(measure_words(measure, w.lang))
    drawing.add(String(0, height - BODY, title, fontName=BOLD, fontSize=BODY, fillColor=INK))
    chart = HorizontalLineChart()
    slanted = len(quarters) > 12  # years of quarters: slanted labels that do not overlap
    bottom = 58 if slanted else 40  # room for the quarters and the legend under them
    chart.x, chart.y = 26, bottom
    chart.width, chart.height = width - 34, height - bottom - BODY * 2.2
    chart.data = [means, medians]
    chart.joinedLines = 1
    chart.categoryAxis.categoryNames = [
        w.quarter(q) if slanted else w.quarter_label(q, with_year=i == 0 or q.endswith("Q1"))
        for i, q in enumerate(quarters)
    ]
    chart.categoryAxis.strokeColor = LINE
    chart.valueAxis.strokeColor = LINE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = SMALL - 1
        axis.labels.fillColor = MUTED
    if slanted:
        chart.categoryAxis.labels.angle = 45
        chart.categoryAxis.labels.boxAnchor = "ne"
    for i, (colour, marker) in enumerate(
        ((MEAN_COLOUR, "FilledCircle"), (MEDIAN_COLOUR, "FilledSquare"))
    ):
        chart.lines[i].strokeColor = colour
        chart.lines[i].strokeWidth = 1.4
        chart.lines[i].symbol = makeMarker(marker, size=4, fillColor=colour, strokeColor=colour)
    drawing.add(chart)
    for days, colour, label in (
        (before, BEFORE_COLOUR, w._("trial, before: {days}", days=before)),
        (after, AFTER_COLOUR, w._("trial, after: {days}", days=after)),
    ):
        y = chart.y + chart.height * days / top
        x_end = chart.x + chart.width
        drawing.add(
            Line(chart.x, y, x_end, y, strokeColor=colour, strokeWidth=0.8, strokeDashArray=[3, 2])
        )
        drawing.add(
            String(
                chart.x + 3,
                y + 2,
                label,
                fontName=FONT,
                fontSize=SMALL - 1.5,
                fillColor=colour,
            )
        )
    legend = Legend()
    legend.x, legend.y = chart.x, 6
    legend.fontName = FONT
    legend.fontSize = SMALL - 1
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx, legend.dy = 6, 6
    legend.deltax = 70
    legend.colorNamePairs = [(MEAN_COLOUR, w._("mean")), (MEDIAN_COLOUR, w._("median"))]
    drawing.add(legend)
    return drawing


def _charts(w: ReportWords, report: TeamReport) -> Table:
    quarters = sorted({r.quarter for r in report.pace})
    charts = Table(
        [[pace_chart(w, m, report.pace, quarters) for m in Measure]],
        colWidths=[CONTENT_WIDTH / 2] * 2,
        hAlign="LEFT",
    )
    charts.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),  # never the standard Helvetica
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return charts


def _story(doc: TeamReportDocument, report: TeamReport) -> list[Flowable]:
    w = ReportWords(doc.language)
    story: list[Flowable] = [
        _para(doc.title, BODY * 2, bold=True),
        Spacer(1, BODY * 0.5),
        *(_para(fact) for fact in doc.facts),
        Spacer(1, BODY * 0.4),
        KeepTogether(
            [
                _para(doc.privacy_title, SMALL, bold=True, colour=MUTED),
                _para(doc.privacy, SMALL, colour=MUTED),
            ]
        ),
    ]
    for section in doc.sections:
        heading = _para(section.title, BODY * 1.35, bold=True)
        heading.keepWithNext = True
        rule = HRFlowable(width="100%", thickness=0.6, color=LINE, spaceBefore=1, spaceAfter=4)
        # A heading never ends a page.
        story += [CondPageBreak(BODY * 10), Spacer(1, BODY * 0.8), heading, rule]
        if section.key == PACE and section.rows:
            story += [_charts(w, report), Spacer(1, 3)]
        story += [_para(section.note, SMALL, colour=MUTED), Spacer(1, 4)]
        story.append(_table(section) if section.rows else _para(doc.empty, colour=MUTED))
    return story


def _dated(report: TeamReport) -> datetime:
    """The document's date: the last day of its last quarter (the same figures give the
    same bytes; never the day it was made)."""
    if not report.quarters:
        return UNDATED
    last = quarter_bounds(report.quarters[-1])[1]
    return datetime(last.year, last.month, last.day)


def _layout(doc: TeamReportDocument, report: TeamReport, total: int, out: io.BytesIO) -> int:
    w = ReportWords(doc.language)
    running = f"{doc.title} · {doc.period}"

    def footer(canvas: Canvas, template: BaseDocTemplate) -> None:
        number = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont(FONT, SMALL)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X, MARGIN_BOTTOM * 0.45, running)
        page = w._("Page {page} of {pages}", page=number, pages=max(total, number))
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM * 0.45, page)
        canvas.restoreState()

    return build_pages(
        out,
        _story(doc, report),
        margins=(MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM),
        footer=footer,
        lang=doc.language,
        font=FONT,
        size=BODY,
        title=doc.title,
        subject=running,
        dated=_dated(report),
    )


def render_team_report(report: TeamReport, lang: str) -> TeamReportResult:
    """The report as PDF bytes in ``lang`` ("da" or "en"). Deterministic."""
    fonts()  # registers FamilyMeetingSans and its bold (the plan's fonts, embedded)
    doc = team_report_document(report, lang)
    pages = _layout(doc, report, 0, io.BytesIO())  # to count the pages
    out = io.BytesIO()
    final = _layout(doc, report, pages, out)
    return TeamReportResult(pdf=out.getvalue(), pages=final)


def export_team_report(report: TeamReport, path: Path, lang: str) -> TeamReportResult:
    """Render the report and write it atomically (temp file, fsync, rename) to ``path``."""
    result = render_team_report(report, lang)
    write_atomic(Path(path), result.pdf)
    return result


__all__ = ["TeamReportResult", "export_team_report", "pace_chart", "render_team_report"]
