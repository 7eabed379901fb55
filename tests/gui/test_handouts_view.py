"""Plans given to the family (issue 18), in the window: the preview keeps what it prints
or saves (and nothing it did not), the family page prints a kept plan again from its
bytes, and the plan view says what is new since the last plan the family got."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from familymeeting.domain.plan_changes import plan_content
from familymeeting.export.plan import render_plan
from familymeeting.settings import Settings
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.operations import KeepHandout
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services
from familymeeting.ui.family_page import FamilyPage
from familymeeting.ui.handouts import HandoutsDialog
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.plan.preview import PlanPreviewPage

pytestmark = pytest.mark.usefixtures("styled", "danish")


def counts(data_dir: Path) -> tuple[int, int]:
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        return tuple(  # type: ignore[return-value]
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("plan_document", "plan_handout")
        )
    finally:
        con.close()


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def cancel_the_print_dialog(seen: list[bool]) -> Callable[[], None]:
    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(20, cancel)
            return
        seen.append(True)
        dialog.reject()

    return cancel


def demo_meetings(services: Services) -> tuple[str, list[str]]:
    """The demo family and its meetings, first meeting first."""
    family = create_demo_family(services)
    return family.id, [m.id for m in reversed(services.list_meetings(family.id))]


def keep(services: Services, meeting_id: str, how: str = "print") -> bytes:
    plan = build_plan(services, meeting_id)
    pdf = render_plan(plan).pdf
    services.run(KeepHandout(meeting_id, pdf, how, plan.language, plan_content(plan)))
    return pdf


def test_the_preview_keeps_what_it_saved_or_printed_and_nothing_else(
    qtbot: QtBot, services: Services, data_dir: Path, tmp_path: Path
) -> None:
    family_id, meetings = demo_meetings(services)
    page = PlanPreviewPage(services, Settings(data_dir))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ready, timeout=30_000):
        page.show_plan(meetings[0])
    assert page.result is not None

    # A save that fails (no such folder) keeps nothing.
    assert not page.save_to(tmp_path / "no such folder" / "plan.pdf")
    assert counts(data_dir) == (0, 0)
    # A cancelled print dialog keeps nothing.
    seen: list[bool] = []
    QTimer.singleShot(0, cancel_the_print_dialog(seen))
    page.print_with_dialog()
    assert seen == [True]
    assert counts(data_dir) == (0, 0)

    target = tmp_path / "vores plan.pdf"
    assert page.save_to(target)
    [entry] = services.list_handouts(family_id)
    assert entry.handout.how == "save" and entry.number == 1
    assert entry.handout.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert services.handout_pdf(entry.handout.id) == target.read_bytes()
    # Printed too: the same plan, so one document and two handouts.
    printed = tmp_path / "printed.pdf"
    assert page.print_to(pdf_printer(printed))
    assert len(PdfReader(printed).pages) == 1
    assert counts(data_dir) == (1, 2)
    assert [e.handout.how for e in services.list_handouts(family_id)] == ["print", "save"]
    assert "plan_handout" in [e.event for e in services.access_log(family_id)]


def test_the_family_page_lists_the_plans_and_prints_one_again_exactly(
    qtbot: QtBot, services: Services, data_dir: Path, tmp_path: Path
) -> None:
    family_id, meetings = demo_meetings(services)
    page = FamilyPage(services)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show_family(family_id)
    page.show()
    qtbot.waitExposed(page)
    assert page.handouts_button.text() == "Planer givet til familien"

    empty = page.show_handouts()
    assert isinstance(empty, HandoutsDialog)
    qtbot.waitExposed(empty)
    texts = [label.text() for label in empty.findChildren(QLabel) if label.isVisible()]
    assert any(t.startswith("Familien har ikke fået en plan endnu") for t in texts)
    empty.reject()

    first = keep(services, meetings[0], "print")
    second = keep(services, meetings[1], "save")
    qtbot.mouseClick(page.handouts_button, Qt.MouseButton.LeftButton)
    dialog = page._extra_dialog
    assert isinstance(dialog, HandoutsDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Planer givet til familien"
    assert [e.number for e in dialog.entries] == [2, 1]
    titles = [row.findChild(QLabel, "subtitle").text() for row in dialog.rows]
    assert titles[0].startswith("Plan 2 · givet ") and titles[1].startswith("Plan 1 · givet ")
    details = [label.text() for label in dialog.findChildren(QLabel, "muted")]
    assert any("Møde fredag den 9. oktober 2026" in t and "Udskrevet" in t for t in details)
    assert any("Gemt som PDF" in t for t in details)
    assert [b.text() for b in dialog.print_buttons] == ["Udskriv igen…"] * 2
    assert [b.text() for b in dialog.save_buttons] == ["Gem som PDF…"] * 2

    # Save as PDF: the stored bytes, exactly; an unwritable place says so, logs nothing.
    log_before = len(services.access_log(family_id))
    assert not dialog.save_to(dialog.entries[1], tmp_path / "missing" / "plan.pdf")
    assert "Kan ikke skrive" in dialog.status.text()
    assert len(services.access_log(family_id)) == log_before
    out = tmp_path / "igen.pdf"
    assert dialog.save_to(dialog.entries[1], out)
    assert out.read_bytes() == first
    assert services.access_log(family_id)[0].event == "plan_reprint"
    assert dialog.suggested_name(dialog.entries[0]) == (
        "Vores plan 2026-11-06 Familien Holm (demo) (2).pdf"
    )

    # Print again: the kept PDF goes to the printer; a cancelled dialog prints nothing.
    seen: list[bool] = []
    QTimer.singleShot(0, cancel_the_print_dialog(seen))
    log_before = len(services.access_log(family_id))
    dialog.print_with_dialog(dialog.entries[0])
    assert seen == [True] and len(services.access_log(family_id)) == log_before
    printed = tmp_path / "printed.pdf"
    assert dialog.print_again(dialog.entries[0], pdf_printer(printed))
    assert len(PdfReader(printed).pages) == 1
    assert "Plan 2 er sendt til printeren." in dialog.status.text()
    assert services.access_log(family_id)[0].event == "plan_reprint"
    # Nothing new was kept: reprinting is not handing out a new plan.
    assert counts(data_dir) == (2, 2)
    assert services.handout_pdf(dialog.entries[0].handout.id) == second


def test_the_plan_view_says_what_is_new_since_the_last_plan(
    qtbot: QtBot, services: Services, data_dir: Path
) -> None:
    _, meetings = demo_meetings(services)
    window = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(meetings[2])
    window.meeting.show_view("plan")
    plan = window.meeting.plan
    assert not plan.news_label.isVisible()  # nothing handed out yet: nothing to say

    keep(services, meetings[1])
    window.meeting.show_view("board")
    window.meeting.show_view("plan")  # back on the plan: the new handout is read
    assert plan.news_label.isVisible()
    assert plan.news_label.text() == (
        "Nyt siden den sidste plan, familien fik: nyt: Fejre Emmas fødselsdag hos mormor"
    )
    # A line ticked off now is news too, at once (from the edit, nothing read).
    line = services.list_actions(meetings[2])[0]
    plan.rows[line.id].done_check.click()
    assert "klaret: " + line.what in plan.news_label.text()
    # The PDF says the same.
    news = build_plan(services, meetings[2]).news
    assert news is not None and news.done == (line.what,)
