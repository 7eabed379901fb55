"""The team report as PDF and text (export/team_report.py, export/team_report_text.py),
read back with pypdf over the hand-made files of tests/team_stats_fixture.py."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from team_stats_fixture import Q3, Q4, write_team_files

from familymeeting.domain.statistics import Measure
from familymeeting.domain.team_report import FeedbackRow, TeamReport
from familymeeting.export.team_report import pace_chart, render_team_report
from familymeeting.export.team_report_text import (
    ReportWords,
    team_report_document,
    team_report_text,
)
from familymeeting.storage.team_report_data import read_team_report


@pytest.fixture
def report(tmp_path: Path) -> TeamReport:
    return read_team_report(write_team_files(tmp_path))


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"\s+", " ", text)


def test_the_danish_report_has_its_headings_and_figures(report: TeamReport) -> None:
    result = render_team_report(report, "da")
    pages, text = _text(result.pdf)
    assert 1 <= pages == result.pages <= 3
    for heading in (
        "Teamrapport: familiemøder",
        "Periode: 3. kvt. 2026 – 4. kvt. 2026",
        "Læst fra 3 statistikfiler. 1 gentaget eksport er udeladt",
        "Sagernes tempo",
        "Skalaer: første svar mod seneste",
        "Børnenes egen feedback på møderne",
        "Møder og planer pr. familie",
        "forsøget, før: 111",
        "forsøget, efter: 49",
        "Side 1 af",
    ):
        assert heading in text
    # The pace of 2026Q3 (mean, median, quartiles) and the shares, the Danish way.
    assert "3. kvt. 2026 bekymring til beslutning 6 41,7 35,0 22,5 – 47,5" in text
    # The quarter is written once for its rows.
    assert "35,0 22,5 – 47,5 beslutning til hjælp 5 14,0 14,0 12,0 – 16,0" in text
    assert "børn 6–9 år 6 50 % 33 % 17 %" in text
    assert "4. kvt. 2026 Lyttede rådgiveren til dig? 6 40 % 40 %" in text
    assert "3. kvt. 2026 6 2,0 0,7" in text


def test_a_quarter_of_four_families_says_under_five_not_its_numbers(report: TeamReport) -> None:
    _, text = _text(render_team_report(report, "da").pdf)
    # 2026Q4: four families, 5 6 7 8 days (mean and median 6,5): only "< 5" is shown.
    assert "4. kvt. 2026 bekymring til beslutning < 5 < 5 < 5 < 5" in text
    assert "4. kvt. 2026 < 5 < 5 < 5" in text  # meetings and plans of four families
    assert "6,5" not in text and "6.5" not in text
    assert "netværk voksen < 5 < 5 < 5 < 5" in text
    # The chart draws nothing for the suppressed quarter: its points are gaps.
    chart = pace_chart(ReportWords("da"), Measure.CONCERN_TO_DECISION, report.pace, [Q3, Q4])
    line_chart = next(c for c in chart.contents if hasattr(c, "data"))
    assert line_chart.data == [[pytest.approx(250 / 6), None], [35.0, None]]


def test_the_english_report(report: TeamReport) -> None:
    _, text = _text(render_team_report(report, "en").pdf)
    for expected in (
        "Team report: family meetings",
        "Period: Q3 2026 – Q4 2026",
        "Read from 3 statistics files. 1 repeated export was left out",
        "Q3 2026 concern to decision 6 41.7 35.0 22.5 – 47.5",
        "parents and caregivers adult 5 60% 20% 20%",
        "Did the caseworker listen to you? 6 40% 40%",
        "trial, before: 34",
        "Page 1 of",
    ):
        assert expected in text
    assert "6.5" not in text


def test_fonts_are_embedded_and_the_bytes_are_the_same_each_time(report: TeamReport) -> None:
    result = render_team_report(report, "da")
    reader = PdfReader(io.BytesIO(result.pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "DejaVuSans" in str(font["/BaseFont"])
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"Helvetica" not in result.pdf
    assert render_team_report(report, "da").pdf == result.pdf
    assert reader.metadata is not None and reader.metadata.title == "Teamrapport: familiemøder"


def test_the_text_says_what_the_pdf_says(report: TeamReport) -> None:
    text = team_report_text(team_report_document(report, "en"))
    assert "Q3 2026  concern to decision  6         41.7  35.0    22.5 – 47.5" in text
    assert "Q4 2026  concern to decision  < 5       < 5   < 5     < 5" in text
    assert "6.5" not in text


def test_a_report_without_figures_says_so(tmp_path: Path) -> None:
    empty = TeamReport(
        files=1,
        repeated_exports_dropped=0,
        quarters=(),
        pace=(),
        movement=(),
        feedback=(),
        activity=(),
    )
    pages, text = _text(render_team_report(empty, "da").pdf)
    assert pages == 1
    assert text.count("Filerne har ingen tal til denne del.") == 4
    assert "Periode: ingen kvartaler" in text


def test_a_table_going_on_a_new_page_names_its_quarter_again() -> None:
    items = ("said_what_i_wanted", "listened", "what_matters", "liked_meeting", "understood")
    quarters = tuple(f"{y}Q{q}" for y in (2024, 2025, 2026) for q in (1, 2, 3, 4))
    feedback = tuple(FeedbackRow(q, item, 20, 0.5, 0.1, False) for q in quarters for item in items)
    report = TeamReport(
        files=1,
        repeated_exports_dropped=0,
        quarters=quarters,
        pace=(),
        movement=(),
        feedback=feedback,
        activity=(),
    )
    reader = PdfReader(io.BytesIO(render_team_report(report, "en").pdf))
    assert len(reader.pages) >= 2
    # On every page the table continues on: its header, then a quarter, then a question.
    continued = [
        text
        for page in reader.pages[1:]
        if "Answered 1–3" in (text := re.sub(r"\s+", " ", page.extract_text()))
    ]
    assert continued
    for text in continued:
        assert re.search(r"Answered 1–3 Q\d \d{4} [A-Z]", text), text[:300]
