"""The plan in the app: actions, the details printed on the plan, preview, save and print."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.models import Family
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow

Shot = Callable[[QWidget, str], Path]


@pytest.fixture
def demo(services: Services) -> Family:
    return create_demo_family(services)


@pytest.fixture
def window(
    qtbot: QtBot, services: Services, data_dir: Path, demo: Family, danish: None
) -> MainWindow:
    win = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.open_meeting(services.list_meetings(demo.id)[0].id)
    win.meeting.show_view("plan")
    win.show()
    qtbot.waitExposed(win)
    return win


def whats(services: Services, meeting_id: str) -> list[str]:
    return [a.what for a in services.list_actions(meeting_id)]


def test_actions_add_edit_tick_reorder_delete_and_undo(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family, screenshot: Shot
) -> None:
    plan = window.meeting.plan
    meeting_id = window.meeting.meeting_id or ""
    before = whats(services, meeting_id)
    dialog = plan.new_action()
    qtbot.keyClicks(dialog.what_edit, "Hente Emma fra skole")
    dialog.who_combo.setCurrentIndex(dialog.who_combo.findText("Jonas (far)"))
    qtbot.keyClicks(dialog.when_edit, "hver tirsdag")
    dialog.accept()
    actions = services.list_actions(meeting_id)
    added = actions[-1]
    jonas = next(p.id for p in services.list_participants(demo.id) if p.name == "Jonas (far)")
    assert (added.what, added.who_participant_id, added.due_text) == (
        "Hente Emma fra skole",
        jonas,
        "hver tirsdag",
    )
    row = plan.rows[added.id]
    assert row.what_label.text() == "Hente Emma fra skole"
    assert row.detail_label.text() == "Hvem: Jonas (far)  ·  Hvornår: hver tirsdag"
    # Free-text who and a date.
    edit = plan.edit_action(added.id)
    assert edit is not None
    edit.who_combo.setEditText("Mor og far")
    edit.date_check.setChecked(True)
    edit.accept()
    stored = services.list_actions(meeting_id)[-1]
    assert (stored.who_participant_id, stored.who_text) == (None, "Mor og far")
    assert isinstance(stored.due_date, date)
    # Tick off, move up, remove; then undo them all.
    qtbot.mouseClick(row.done_check, Qt.MouseButton.LeftButton)
    assert services.list_actions(meeting_id)[-1].done is True
    qtbot.mouseClick(row.buttons["up"], Qt.MouseButton.LeftButton)
    assert whats(services, meeting_id)[-2] == "Hente Emma fra skole"
    qtbot.mouseClick(row.buttons["remove"], Qt.MouseButton.LeftButton)
    assert "Hente Emma fra skole" not in whats(services, meeting_id)
    for _ in range(5):
        window.undo_action.trigger()
    assert whats(services, meeting_id) == before
    qtbot.wait(50)
    screenshot(window, "plan-1280x800")


def test_a_card_becomes_part_of_the_plan_in_one_tap(window: MainWindow, services: Services) -> None:
    meeting_id = window.meeting.meeting_id or ""
    card = services.list_cards(meeting_id, "needs_to_happen")[0]
    menu = window.meeting.build_card_menu(card.id)
    to_plan = next(a for a in menu.actions() if a.objectName() == "toPlan")
    to_plan.trigger()
    assert whats(services, meeting_id)[-1] == card.text
    worry = services.list_cards(meeting_id, "worries")[0]
    assert not any(
        a.objectName() == "toPlan" for a in window.meeting.build_card_menu(worry.id).actions()
    )


def test_next_meeting_place_and_caseworker_are_edited_here(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    plan = window.meeting.plan
    meeting_id = window.meeting.meeting_id or ""
    for field, text in (
        (plan.next_place, "Skolen, lokale 4"),
        (plan.caseworker_phone, "22 33 44 55"),
    ):
        field.selectAll()
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert services.get_meeting(meeting_id).next_meeting_place == "Skolen, lokale 4"
    assert services.get_family(demo.id).caseworker_phone == "22 33 44 55"
    window.undo_action.trigger()
    assert services.get_family(demo.id).caseworker_phone == "41 22 33 44"
    assert plan.caseworker_phone.text() == "41 22 33 44"


def test_preview_shows_one_page_saves_and_prints(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, screenshot: Shot
) -> None:
    preview = window.preview_page
    with qtbot.waitSignal(preview.ready, timeout=30_000):
        window.meeting.plan.preview_button.click()
    assert window.stack.currentWidget() is preview
    assert preview.result is not None and preview.document.pageCount() == 1
    assert preview.save_button.isEnabled()
    qtbot.wait(100)
    screenshot(window, "plan-preview")
    target = tmp_path / "vores plan.pdf"
    assert preview.save_to(target)
    assert target.read_bytes() == preview.result.pdf
    assert len(PdfReader(target).pages) == 1
    assert str(target) in preview.status.text()
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    preview.print_to(printer)
    assert len(PdfReader(printed).pages) == 1
    # Back to the meeting's plan; the page forgets the PDF.
    qtbot.mouseClick(preview.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.meeting
    assert window.meeting.view_buttons["plan"].isChecked()
    assert preview.result is None and preview.document.pageCount() == 0


def test_saving_to_an_unwritable_place_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    preview = window.preview_page
    with qtbot.waitSignal(preview.ready, timeout=30_000):
        window.meeting.preview_plan()
    assert not preview.save_to(tmp_path / "missing folder" / "plan.pdf")
    assert "Kan ikke skrive" in preview.status.text()
    assert not (tmp_path / "missing folder").exists()


# ------------------------------------------------------------ issue 16
def test_an_overdue_line_says_so_in_words_a_done_one_never(
    qtbot: QtBot, window: MainWindow, services: Services, screenshot: Shot
) -> None:
    plan = window.meeting.plan
    meeting_id = window.meeting.meeting_id or ""
    with services.batch():
        today = services.add_action(meeting_id, "Ringe i dag", due_date=date.today())
        later = services.add_action(
            meeting_id, "Ringe senere", due_date=date.today() + timedelta(days=3)
        )
    window.meeting.show_view("board")
    window.open_meeting(meeting_id)  # read again, with the two lines added above
    window.meeting.show_view("plan")
    actions = {a.what: a for a in services.list_actions(meeting_id)}
    # The demo's carried line with the school had its date five weeks ago.
    late = actions["Holde møde med skolen om Noahs fravær"]
    assert late.due_date is not None and late.due_date < date.today() and not late.done
    row = plan.rows[late.id]
    assert row.overdue_label.isVisible()
    assert row.overdue_label.text() == "Overskredet"
    assert "Overskredet" in row.done_check.accessibleName()
    for other in (today.id, later.id, actions["Fejre Emmas fødselsdag hos mormor"].id):
        assert not plan.rows[other].overdue_label.isVisible()
    qtbot.wait(50)
    screenshot(window, "plan-overdue-1280x800")
    # Done is never overdue; undo brings the word back.
    qtbot.mouseClick(row.done_check, Qt.MouseButton.LeftButton)
    assert next(a for a in services.list_actions(meeting_id) if a.id == late.id).done
    assert not row.overdue_label.isVisible()
    window.undo_action.trigger()
    assert row.overdue_label.isVisible()


def test_a_new_line_lands_at_the_end_and_is_scrolled_into_view(
    qtbot: QtBot, services: Services, data_dir: Path, demo: Family, danish: None
) -> None:
    meeting_id = services.list_meetings(demo.id)[0].id
    with services.batch():
        for i in range(12):
            services.add_action(meeting_id, f"Aftale {i:02d}: ringe til skolen", due_text="fredag")
    win = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.open_meeting(meeting_id)
    win.meeting.show_view("plan")
    win.show()
    qtbot.waitExposed(win)
    plan = win.meeting.plan
    viewport = plan.scroll_area.viewport()

    def in_view(action_id: str) -> bool:
        row = plan.rows[action_id]
        top = row.mapTo(viewport, row.rect().topLeft()).y()
        return top >= 0 and top + row.height() <= viewport.height()

    first = services.list_actions(meeting_id)[0].id
    assert in_view(first)  # opened at the top
    dialog = plan.new_action()
    qtbot.keyClicks(dialog.what_edit, "Hente Emma fra skole")
    dialog.accept()
    added = services.list_actions(meeting_id)[-1]
    assert added.what == "Hente Emma fra skole"
    assert plan.actions_box.indexOf(plan.rows[added.id]) == plan.actions_box.count() - 1
    # Until the view has scrolled: a row just made sits at the top until it is laid out.
    qtbot.waitUntil(lambda: in_view(added.id) and not in_view(first))
    # Made from a card on the board while the plan is not shown: in view when it is.
    qtbot.mouseClick(win.meeting.view_buttons["board"], Qt.MouseButton.LeftButton)
    plan.scroll_area.verticalScrollBar().setValue(0)
    card = services.list_cards(meeting_id, "needs_to_happen")[-1]
    menu = win.meeting.build_card_menu(card.id)
    next(a for a in menu.actions() if a.objectName() == "toPlan").trigger()
    from_card = services.list_actions(meeting_id)[-1]
    assert from_card.card_id == card.id
    qtbot.mouseClick(win.meeting.view_buttons["plan"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: in_view(from_card.id))
