"""The meeting screen at the table (issue 16): the board gets the room, the meeting's
details are one tap away, and the meeting ends in three taps to a printed plan.

Real windows on the offscreen platform, over a real SQLite file, in Danish.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from familymeeting.domain.calendar import default_next_meeting
from familymeeting.domain.enums import Column
from familymeeting.settings import Settings
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.ui import theme
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.details import MeetingDetailsDialog
from familymeeting.ui.meeting.finish import FinishMeetingDialog
from familymeeting.ui.meeting.header import MeetingHeader
from familymeeting.ui.meeting_dialog import MeetingDialog

pytestmark = pytest.mark.usefixtures("styled", "danish")

Shot = Callable[[QWidget, str], Path]

# The demo's "today" (a Thursday): the dates the tests expect do not move with the clock.
DEMO_DAY = date(2026, 12, 3)

# Two lines of words on a card at 1280 and 1366 wide (its kind above them).
TWO_LINES = {
    Column.WORRIES: ("harm", "Far råber, når han er træt, og børnene bliver bange"),
    Column.WORKING_WELL: ("strength", "Mormor henter børnene hver tirsdag og torsdag"),
    Column.NEEDS_TO_HAPPEN: ("safety_goal", "Mor og far aftaler, hvem der henter i skolen"),
}
SIZES = [(1024, 768), (1366, 768), (1280, 800), (1920, 1080), (800, 1280), (768, 1024)]


@pytest.fixture
def demo(services: Services) -> tuple[str, str]:
    family = create_demo_family(services, today=DEMO_DAY)
    return family.id, services.list_meetings(family.id)[0].id


@pytest.fixture
def window(qtbot: QtBot, services: Services, data_dir: Path) -> Iterator[MainWindow]:
    win = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(win)
    yield win
    for dialog in QApplication.topLevelWidgets():
        if dialog is not win and dialog.isVisible():
            dialog.close()


def show(qtbot: QtBot, window: MainWindow, size: tuple[int, int], meeting_id: str) -> None:
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(meeting_id)
    settle(qtbot)


def settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def tap(qtbot: QtBot, widget: QWidget, taps: list[str] | None = None) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    if taps is not None:
        taps.append(widget.accessibleName() or getattr(widget, "text", lambda: "")())
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def rows_of_chips(header: MeetingHeader) -> set[int]:
    """The distinct heights at which the shown chips sit (one row: one value)."""
    return {
        b.mapTo(header, QPoint(0, 0)).y() for b in header.attendee_buttons.values() if b.isVisible()
    }


# -------------------------------------------------------------- the board's room
@pytest.mark.parametrize("size", [(1280, 800), (1366, 768)], ids=["1280x800", "1366x768"])
def test_the_board_gets_the_room(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    demo: tuple[str, str],
    size: tuple[int, int],
    screenshot: Shot,
) -> None:
    _, meeting_id = demo
    for column, (kind, text) in TWO_LINES.items():
        for index in range(4):
            services.add_card(meeting_id, column, text, kind=kind, index=index)
    show(qtbot, window, size, meeting_id)
    board = window.meeting
    height = window.height()
    for column, widget in board.columns.items():
        first = widget.cards[widget.order[0]]
        top = in_window(first, window).top()
        assert top <= 0.3 * height, (column, top, height)
        viewport = widget.scroll_area.viewport()
        seen = QRect(viewport.mapTo(window, QPoint(0, 0)), viewport.size())
        whole = [
            card_id
            for card_id in widget.order[:4]
            if seen.contains(in_window(widget.cards[card_id], window))
        ]
        assert len(whole) == 4, (column, whole, seen)
        for card_id in widget.order[:4]:  # the premise: two lines of words each
            label = widget.cards[card_id].text_label
            lines = round(label.height() / label.fontMetrics().lineSpacing())
            assert lines == 2, (column, label.text(), label.height())
    # The meeting's details are one line; who is here is one row of chips.
    header = board.header
    assert header.kind_label.text() == "Opfølgningsmøde"
    assert header.details_button.text() == "Møde" and header.details_button.isVisible()
    assert header.finish_button.text() == "Afslut møde" and header.finish_button.isVisible()
    assert all(b.isVisible() for b in board.view_buttons.values())
    assert len(rows_of_chips(header)) <= 1
    screenshot(window, f"board-room-{size[0]}x{size[1]}")


def test_who_is_here_is_one_row_at_every_size(
    qtbot: QtBot, window: MainWindow, demo: tuple[str, str], screenshot: Shot
) -> None:
    """Inline and scrolling where there is room, else "7 med" that shows the row below:
    never two rows of chips, at any supported size and text size."""
    show(qtbot, window, (1366, 768), demo[1])
    header = window.meeting.header
    chips = list(header.attendee_buttons.values())
    assert len(chips) == 7
    for text_size in (0, 2):
        window.apply_text_size(text_size)
        for size in SIZES:
            window.resize(*size)
            settle(qtbot)
            where = (size, text_size)
            if header.who_button.isVisible():  # collapsed: "7 med" shows the row below
                assert header.who_button.text() == "7 med", where
                assert not any(c.isVisible() for c in chips), where
                tap(qtbot, header.who_button)
                settle(qtbot)
                assert all(c.isVisible() for c in chips), where
                assert len(rows_of_chips(header)) == 1, where
                if size == (800, 1280) and text_size == 0:
                    screenshot(window, "who-is-here-800x1280")
                tap(qtbot, header.who_button)
                settle(qtbot)
                assert not any(c.isVisible() for c in chips), where
            else:
                assert all(c.isVisible() for c in chips), where
                assert len(rows_of_chips(header)) == 1, where
            strip = header.strip
            if strip.isVisible():
                assert strip.height() <= chips[0].height() + 2, where
            # Everything of the header inside the window.
            for part in (
                header.finish_button,
                header.details_button,
                *window.meeting.view_buttons.values(),
            ):
                assert window.rect().contains(in_window(part, window)), (where, part.text())
    window.apply_text_size(0)


def test_the_row_of_people_scrolls_when_they_do_not_all_fit(
    qtbot: QtBot, window: MainWindow, demo: tuple[str, str]
) -> None:
    show(qtbot, window, (1366, 768), demo[1])
    strip = window.meeting.header.strip
    assert strip.isVisible()
    assert strip.box.width() > strip.viewport().width()  # seven people, less room
    bar = strip.horizontalScrollBar()
    last = list(window.meeting.header.attendee_buttons.values())[-1]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    last.setFocus()  # the keyboard reaches everyone: the row follows
    settle(qtbot)
    assert bar.value() > 0
    assert (
        strip.viewport()
        .rect()
        .contains(QRect(last.mapTo(strip.viewport(), QPoint(0, 0)), last.size()))
    )


def test_present_and_absent_look_different(
    qtbot: QtBot, window: MainWindow, services: Services, demo: tuple[str, str]
) -> None:
    """Present: filled in the person's colour. Absent: outlined, dashed, muted; it used to
    be the absent ones that looked highlighted."""
    family_id, meeting_id = demo
    show(qtbot, window, (1920, 1080), meeting_id)
    header = window.meeting.header
    people = services.list_participants(family_id)
    emma = people[0]
    chip = header.attendee_buttons[emma.id]
    assert chip.objectName() == "presence" and chip.isCheckable()
    sheet = theme.stylesheet(0)
    assert "QPushButton#presence:!checked" in sheet
    rule = sheet.split("QPushButton#presence:!checked")[1].split("}")[0]
    assert "dashed" in rule and theme.MUTED in rule and "transparent" in rule

    def fill() -> QColor:
        # As the window shows it: above the name, inside the border.
        image = window.grab(in_window(chip, window)).toImage()
        return image.pixelColor(image.width() // 2, 6)

    present_fill = fill()
    assert chip.isChecked() and chip.accessibleName() == "Emma er med"
    assert present_fill.name() == theme.person_colours(0)[0]
    tap(qtbot, chip)
    assert services.list_attendee_ids(meeting_id).count(emma.id) == 0
    assert not chip.isChecked() and chip.accessibleName() == "Emma er ikke med"
    absent_fill = fill()
    assert absent_fill.name() == theme.BACKGROUND  # no fill: the page shows through
    assert chip.palette().buttonText().color() != QColor(theme.person_colours(0)[1])
    assert header.who_button.text() == "6 af 7 med"
    window.undo_action.trigger()  # tapped by mistake: Undo
    assert emma.id in services.list_attendee_ids(meeting_id)
    assert chip.isChecked() and fill().name() == present_fill.name()


# ------------------------------------------------------------ the meeting's details
def open_details(qtbot: QtBot, window: MainWindow) -> MeetingDetailsDialog:
    tap(qtbot, window.meeting.header.details_button)
    sheet = window.meeting.details
    assert isinstance(sheet, MeetingDetailsDialog)
    qtbot.waitExposed(sheet)
    return sheet


def test_the_details_sheet_edits_the_meeting_and_undo_takes_each_back(
    qtbot: QtBot, window: MainWindow, services: Services, demo: tuple[str, str], screenshot: Shot
) -> None:
    _, meeting_id = demo
    show(qtbot, window, (1366, 768), meeting_id)
    before = services.get_meeting(meeting_id)
    sheet = open_details(qtbot, window)
    assert sheet.place.text() == before.place
    assert sheet.status_buttons[before.status].isChecked()
    screenshot(sheet, "meeting-details")

    sheet.place.setFocus()
    sheet.place.selectAll()
    qtbot.keyClicks(sheet.place, "Skolen")
    qtbot.keyClick(sheet.place, Qt.Key.Key_Return)
    assert services.get_meeting(meeting_id).place == "Skolen"
    tap(qtbot, sheet.status_buttons["closed"])
    assert services.get_meeting(meeting_id).status == "closed"
    sheet.when.time_combo.setCurrentIndex(sheet.when.time_combo.findText("13.30"))
    assert services.get_meeting(meeting_id).starts_at.time().isoformat() == "13:30:00"
    tap(qtbot, sheet.next_enabled)  # the demo had a next meeting: now none
    assert services.get_meeting(meeting_id).next_meeting_at is None
    sheet.next_place.setFocus()
    sheet.next_place.selectAll()
    qtbot.keyClicks(sheet.next_place, "Rådhuset")
    tap(qtbot, sheet.close_button)  # leaving the field saves it; then the sheet goes
    assert not sheet.isVisible()
    assert services.get_meeting(meeting_id).next_meeting_place == "Rådhuset"
    assert window.meeting.header.date_label.text() == "03.12.2026 13.30"

    for _ in range(5):
        window.undo_action.trigger()
    after = services.get_meeting(meeting_id)
    fields = ("place", "status", "starts_at", "next_meeting_at", "next_meeting_place")
    assert [getattr(after, f) for f in fields] == [getattr(before, f) for f in fields]
    assert window.meeting.header.date_label.text() == "03.12.2026 10.00"


def test_switching_the_next_meeting_on_offers_four_weeks_on(
    qtbot: QtBot, window: MainWindow, services: Services, demo: tuple[str, str]
) -> None:
    _, meeting_id = demo
    services.update_meeting(meeting_id, next_meeting_at=None)
    show(qtbot, window, (1366, 768), meeting_id)
    sheet = open_details(qtbot, window)
    assert not sheet.next_enabled.isChecked() and not sheet.next_when.isEnabled()
    tap(qtbot, sheet.next_enabled)
    stored = services.get_meeting(meeting_id)
    assert stored.next_meeting_at == default_next_meeting(stored.starts_at)
    assert sheet.next_when.value() == stored.next_meeting_at
    # Undone while the sheet is open: the sheet shows what is stored again.
    window.meeting.undo()
    assert services.get_meeting(meeting_id).next_meeting_at is None
    assert not sheet.next_enabled.isChecked()


def test_a_refused_detail_says_why_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, demo: tuple[str, str]
) -> None:
    _, meeting_id = demo
    show(qtbot, window, (1366, 768), meeting_id)
    sheet = open_details(qtbot, window)
    sheet.place.setFocus()
    sheet.place.setText("x" * 301)
    qtbot.keyClick(sheet.place, Qt.Key.Key_Return)
    assert sheet.error_label.isVisible()
    assert sheet.error_label.text() == "Sted er for lang (301 tegn); højst 300 tegn."
    assert services.get_meeting(meeting_id).place == "Hjemme hos familien"
    assert not window.meeting.controller.stack.canUndo()  # type: ignore[union-attr]


# ---------------------------------------------------------------- ending the meeting
def open_finish(qtbot: QtBot, window: MainWindow, taps: list[str]) -> FinishMeetingDialog:
    tap(qtbot, window.meeting.header.finish_button, taps)
    sheet = window.meeting.finish_sheet
    assert isinstance(sheet, FinishMeetingDialog)
    qtbot.waitExposed(sheet)
    return sheet


def test_from_the_board_to_a_printed_plan_in_three_taps(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    demo: tuple[str, str],
    tmp_path: Path,
    screenshot: Shot,
) -> None:
    family_id, meeting_id = demo
    services.update_meeting(meeting_id, status="in_progress", next_meeting_at=None)
    show(qtbot, window, (1366, 768), meeting_id)
    before = services.get_meeting(meeting_id)
    taps: list[str] = []
    printed = tmp_path / "printed.pdf"
    at_printer: list[QPrintDialog] = []

    def at_the_printer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(20, at_the_printer)
            return
        at_printer.append(dialog)
        # This machine has no printer: Qt's dialog prints to a file, which is ours.
        field = dialog.findChild(QLineEdit, "filename")
        assert field is not None
        field.setText(str(printed))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        tap(qtbot, ok, taps)  # tap 3: the print dialog's Print

    # Tap 1: "Afslut møde" on the board.
    sheet = open_finish(qtbot, window, taps)
    assert sheet.next_enabled.isChecked()
    assert sheet.next_meeting_at() == default_next_meeting(before.starts_at)
    assert sheet.next_place.text() == "Familiens hus"  # agreed already on the demo's plan
    assert sheet.save_button.isVisible()
    screenshot(sheet, "finish-meeting")
    QTimer.singleShot(0, at_the_printer)
    # Tap 2: "Udskriv plan". The plan is made, shown, and the print dialog opens.
    with qtbot.waitSignal(window.preview_page.ready, timeout=30_000):
        tap(qtbot, sheet.print_button, taps)
    qtbot.waitUntil(lambda: printed.exists() and printed.stat().st_size > 0, timeout=30_000)

    assert len(taps) == 3, taps
    assert at_printer and len(PdfReader(printed).pages) == 1
    assert window.stack.currentWidget() is window.preview_page
    events = [e.event for e in services.access_log(family_id)]
    assert "print_plan" in events
    # The plan the family got is kept, as printed (issue 18).
    [kept] = services.list_handouts(family_id)
    assert (kept.handout.how, kept.handout.meeting_id) == ("print", meeting_id)
    stored = services.get_meeting(meeting_id)
    assert stored.status == "closed"
    assert stored.next_meeting_at == default_next_meeting(before.starts_at)
    assert stored.next_meeting_place == "Familiens hus"
    # One step: back on the meeting, one Undo takes the whole finish back.
    tap(qtbot, window.preview_page.back_button)
    assert window.stack.currentWidget() is window.meeting
    window.undo_action.trigger()
    undone = services.get_meeting(meeting_id)
    assert (undone.status, undone.next_meeting_at, undone.next_meeting_place) == (
        "in_progress",
        None,
        before.next_meeting_place,
    )


def test_finish_and_save_the_plan_through_the_save_dialog(
    qtbot: QtBot, window: MainWindow, services: Services, demo: tuple[str, str], tmp_path: Path
) -> None:
    family_id, meeting_id = demo
    show(qtbot, window, (1366, 768), meeting_id)
    sheet = open_finish(qtbot, window, [])
    tap(qtbot, sheet.next_enabled)  # no next meeting agreed yet
    with qtbot.waitSignal(window.preview_page.ready, timeout=30_000):
        tap(qtbot, sheet.save_button)
    qtbot.waitUntil(lambda: window.preview_page.file_dialog is not None)
    dialog = window.preview_page.file_dialog
    assert isinstance(dialog, QFileDialog)
    # The save path's rules: the last folder (first: Documents or home), the plan's name.
    preview = window.preview_page
    suggested = preview.suggested_name()
    assert suggested == "Vores plan 2026-12-03 Familien Holm (demo).pdf"
    assert dialog.selectedFiles()[0].endswith(suggested)
    target = tmp_path / "plan.pdf"
    dialog.fileSelected.emit(str(target))  # as the dialog does when Save is pressed
    dialog.reject()
    assert target.exists() and len(PdfReader(target).pages) == 1
    stored = services.get_meeting(meeting_id)
    assert (stored.status, stored.next_meeting_at, stored.next_meeting_place) == (
        "closed",
        None,
        "",
    )
    assert "plan_pdf" in [e.event for e in services.access_log(family_id)]
    [kept] = services.list_handouts(family_id)
    assert services.handout_pdf(kept.handout.id) == target.read_bytes()


def test_a_refused_finish_says_why_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, demo: tuple[str, str]
) -> None:
    _, meeting_id = demo
    show(qtbot, window, (1366, 768), meeting_id)
    before = services.get_meeting(meeting_id)
    sheet = open_finish(qtbot, window, [])
    sheet.next_place.setText("x" * 301)
    tap(qtbot, sheet.print_button)
    assert sheet.isVisible() and sheet.error_label.isVisible()
    assert "højst 300 tegn" in sheet.error_label.text()
    assert services.get_meeting(meeting_id) == before
    assert window.stack.currentWidget() is window.meeting
    tap(qtbot, sheet.back_button)
    assert not sheet.isVisible()


# -------------------------------------------------------- a new meeting opens at once
@pytest.mark.parametrize("follow_up", [False, True], ids=["new meeting", "follow-up"])
def test_a_new_meeting_opens_on_its_board(
    qtbot: QtBot, window: MainWindow, services: Services, demo: tuple[str, str], follow_up: bool
) -> None:
    family_id, newest = demo
    window.resize(1366, 768)
    window.show()
    window.open_family(family_id)
    page = window.family_page
    tap(qtbot, page.follow_up_button if follow_up else page.new_meeting_button)
    dialog = page._dialog
    assert isinstance(dialog, MeetingDialog)
    assert dialog.save_button.text() == ("Start opfølgning" if follow_up else "Opret møde")
    tap(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    created = services.list_meetings(family_id)
    assert len(created) == 4
    new_id = dialog.meeting_id
    assert new_id is not None and new_id != newest
    assert window.stack.currentWidget() is window.meeting
    assert window.meeting.meeting_id == new_id
    assert window.meeting.view_buttons["board"].isChecked()
    assert window.saved_label.text().startswith("Gemt ✓")  # and it says it is saved
    cards = sum(len(c.order) for c in window.meeting.columns.values())
    assert cards == (len(services.list_cards(newest)) if follow_up else 0)
    # Back goes to the family, where the new meeting is in the list.
    window.go_back()
    assert window.stack.currentWidget() is page
    assert page.meeting_list.count() == 4


def test_family_view_finishes_and_prints_but_does_not_save(
    qtbot: QtBot, window: MainWindow, demo: tuple[str, str]
) -> None:
    show(qtbot, window, (1366, 768), demo[1])
    window.meeting.family_view = True  # what entering family view sets
    sheet = open_finish(qtbot, window, [])
    assert sheet.print_button.isVisible()
    assert not sheet.save_button.isVisible()


def test_buttons_of_the_sheets_take_a_finger(
    qtbot: QtBot, window: MainWindow, demo: tuple[str, str]
) -> None:
    show(qtbot, window, (1024, 768), demo[1])
    for opener in (window.meeting.show_details, window.meeting.finish_meeting):
        sheet = opener()
        assert sheet is not None
        qtbot.waitExposed(sheet)
        for button in sheet.findChildren(QPushButton):
            if button.isVisible():
                assert button.height() >= theme.TOUCH, button.text()
        sheet.reject()
