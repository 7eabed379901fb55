"""The board's cards at the table (issue 16).

Who agrees and who does not is one sheet per card with one tap per person; a new card
lands at the end of its column, in view; a card that became part of the plan says so.
Real widgets over a real temporary database; every test checks what is shown and what
is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from helpers import begins
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.enums import Column, Role
from familymeeting.settings import Settings
from familymeeting.storage.database import Database
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.board.card import CardWidget
from familymeeting.ui.meeting.board.column import ColumnWidget
from familymeeting.ui.meeting.board.stances import StanceSheet
from familymeeting.ui.meeting.page import MeetingPage

W, G, N = Column.WORRIES.value, Column.WORKING_WELL.value, Column.NEEDS_TO_HAPPEN.value
Shot = Callable[[QWidget, str], Path]


@pytest.fixture
def people(services: Services) -> dict[str, str]:
    family = services.create_family("Familien Test")
    return {
        name: services.add_participant(family.id, name, role, birth_year=year).id
        for name, role, year in (
            ("Mor", Role.PARENT, None),
            ("Far", Role.PARENT, None),
            ("Emma", Role.CHILD, 2017),
            ("Mormor", Role.NETWORK, None),
        )
    }


@pytest.fixture
def meeting(services: Services, people: dict[str, str]) -> str:
    """Far and Emma are here today; Mor and Mormor are not."""
    family_id = services.list_families()[0].id
    return services.create_meeting(
        family_id,
        datetime(2026, 12, 3, 10, 0),
        attendee_ids=[people["Far"], people["Emma"]],
    ).id


@pytest.fixture
def board(
    show_board: Callable[..., MeetingPage], services: Services, meeting: str, danish: None
) -> MeetingPage:
    return show_board(services, meeting, active=True)


def card_widget(board: MeetingPage, card_id: str) -> CardWidget:
    return next(c.cards[card_id] for c in board.columns.values() if card_id in c.cards)


def menu_action(menu: QMenu, name: str) -> Any:
    return next(a for a in menu.actions() if a.objectName() == name)


def open_sheet(board: MeetingPage, card_id: str) -> StanceSheet:
    """The card menu's first entry opens the sheet."""
    menu = board.build_card_menu(card_id)
    first = menu.actions()[0]
    assert first.objectName() == "stances"
    assert first.text() == "Hvem er enig, og hvem er ikke?"
    first.trigger()
    menu.deleteLater()
    sheet = board.stance_sheet
    assert isinstance(sheet, StanceSheet) and sheet.isVisible()
    return sheet


def tap(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def agree_text(board: MeetingPage, card_id: str) -> str:
    label = card_widget(board, card_id).agree_label
    return label.text() if label is not None and not label.isHidden() else ""


def disagree_text(board: MeetingPage, card_id: str) -> str:
    label = card_widget(board, card_id).disagree_label
    return label.text() if label is not None and not label.isHidden() else ""


def checked(sheet: StanceSheet) -> dict[str, str]:
    """Person's name -> the state shown as chosen ("Enig", "Uenig", "Ikke sagt")."""
    return {
        row.name_label.text(): next(b.text() for b in row.buttons.values() if b.isChecked())
        for row in sheet.rows.values()
    }


# ------------------------------------------------------------- who agrees
def test_the_sheet_lists_everyone_with_those_here_today_first(
    qtbot: QtBot,
    board: MeetingPage,
    services: Services,
    people: dict[str, str],
    screenshot: Shot,
) -> None:
    card_id = board.controller.add_card(W, "Far råber om aftenen")  # type: ignore[union-attr]
    assert card_id
    services.set_stance(card_id, people["Mormor"], False)  # said before the meeting
    board.reload()
    sheet = open_sheet(board, card_id)
    assert "Far råber om aftenen" in sheet.card_label.text()
    assert [row.name_label.text() for row in sheet.rows.values()] == [
        "Far",
        "Emma",
        "Mor",
        "Mormor",
    ]
    assert sheet.absent_heading.text() == "Ikke med i dag"
    assert sheet.absent_heading.y() > sheet.rows[people["Emma"]].name_label.y()
    assert sheet.absent_heading.y() < sheet.rows[people["Mor"]].name_label.y()
    assert checked(sheet) == {
        "Far": "Ikke sagt",
        "Emma": "Ikke sagt",
        "Mor": "Ikke sagt",
        "Mormor": "Uenig",
    }
    for row in sheet.rows.values():
        assert [b.text() for b in row.buttons.values()] == ["Enig", "Uenig", "Ikke sagt"]
        assert all(b.height() >= 48 and b.width() >= 48 for b in row.buttons.values())
    screenshot(sheet, "board-stance-sheet")


def test_one_tap_per_person_is_saved_shown_and_undone_one_tap_at_a_time(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str, people: dict[str, str]
) -> None:
    controller = board.controller
    assert controller is not None
    card_id = controller.add_card(W, "Far råber om aftenen")
    assert card_id
    sheet = open_sheet(board, card_id)
    steps = controller.stack.count()

    tap(qtbot, sheet.rows[people["Far"]].buttons["agree"])
    assert services.get_card(card_id).stances == {people["Far"]: True}
    assert agree_text(board, card_id) == "Enig: Far"
    assert checked(sheet)["Far"] == "Enig"
    assert controller.stack.count() == steps + 1

    tap(qtbot, sheet.rows[people["Mor"]].buttons["disagree"])
    tap(qtbot, sheet.rows[people["Emma"]].buttons["agree"])
    assert services.get_card(card_id).stances == {
        people["Far"]: True,
        people["Mor"]: False,
        people["Emma"]: True,
    }
    assert agree_text(board, card_id) == "Enig: Far, Emma"
    assert disagree_text(board, card_id) == "Uenig: Mor"

    tap(qtbot, sheet.rows[people["Far"]].buttons["unsaid"])
    assert services.get_card(card_id).stances == {people["Mor"]: False, people["Emma"]: True}
    assert agree_text(board, card_id) == "Enig: Emma"
    assert checked(sheet)["Far"] == "Ikke sagt"
    assert controller.stack.count() == steps + 4

    # The state already shown: nothing to save, nothing in the history.
    tap(qtbot, sheet.rows[people["Mor"]].buttons["disagree"])
    assert controller.stack.count() == steps + 4

    controller.stack.undo()  # takes back one tap: Far agrees again
    assert services.get_card(card_id).stances == {
        people["Far"]: True,
        people["Mor"]: False,
        people["Emma"]: True,
    }
    assert checked(sheet)["Far"] == "Enig"
    assert agree_text(board, card_id) == "Enig: Far, Emma"
    controller.stack.undo()  # and the next: Emma has not said
    assert services.get_card(card_id).stances == {people["Far"]: True, people["Mor"]: False}
    assert checked(sheet)["Emma"] == "Ikke sagt"
    assert agree_text(board, card_id) == "Enig: Far"

    qtbot.mouseClick(sheet.done_button, Qt.MouseButton.LeftButton)
    assert not sheet.isVisible()


def test_tapping_who_agrees_on_the_card_opens_the_sheet(
    qtbot: QtBot, board: MeetingPage, services: Services, people: dict[str, str]
) -> None:
    card_id = board.controller.add_card(G, "Mormor henter Emma")  # type: ignore[union-attr]
    assert card_id
    board.controller.set_stance(card_id, people["Far"], True)  # type: ignore[union-attr]
    card = card_widget(board, card_id)
    label = card.agree_label
    assert label is not None and label.text() == "Enig: Far"
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=label.geometry().center())
    assert board.columns[G].editor is None  # not the text editor
    sheet = board.stance_sheet
    assert sheet is not None and sheet.isVisible()
    assert checked(sheet)["Far"] == "Enig"


def test_a_refused_tap_says_why_and_shows_what_is_stored(
    qtbot: QtBot, board: MeetingPage, services: Services, people: dict[str, str]
) -> None:
    card_id = board.controller.add_card(W, "kort")  # type: ignore[union-attr]
    assert card_id
    sheet = open_sheet(board, card_id)
    services.delete_participant(people["Mormor"])  # removed from the family meanwhile
    tap(qtbot, sheet.rows[people["Mormor"]].buttons["agree"])
    assert board.banner.isVisible() and board.banner_label.text()
    assert services.get_card(card_id).stances == {}
    assert checked(sheet)["Mormor"] == "Ikke sagt"
    assert agree_text(board, card_id) == ""


# ------------------------------------------------------- new cards at the end
def visible_in(column: ColumnWidget, widget: QWidget) -> bool:
    viewport = column.scroll_area.viewport()
    shown = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(shown)


def test_a_new_card_lands_at_the_end_of_a_long_column_and_in_view(
    qtbot: QtBot,
    show_board: Callable[..., MeetingPage],
    services: Services,
    danish: None,
    screenshot: Shot,
) -> None:
    demo = create_demo_family(services)
    meeting_id = services.list_meetings(demo.id)[0].id
    with services.batch():  # a long conversation: the column scrolls
        for i in range(8):
            services.add_card(meeting_id, W, f"Bekymring nummer {i} fra samtalen i dag")
    board = show_board(services, meeting_id, active=True)
    column = board.columns[W]
    bar = column.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0

    qtbot.mouseClick(column.add_button, Qt.MouseButton.LeftButton)
    editor = column.editor
    assert editor is not None
    # The editor opens where the card will be: after the last card, scrolled into view.
    last = column.cards[column.order[-1]]
    assert column.cards_layout.indexOf(editor) == column.cards_layout.indexOf(last) + 1
    assert visible_in(column, editor)
    qtbot.keyClicks(editor.edit, "Emma sover dårligt")
    qtbot.keyClick(editor.edit, Qt.Key.Key_Return)

    stored = services.list_cards(meeting_id, W)
    assert stored[-1].text == "Emma sover dårligt"
    assert column.order[-1] == stored[-1].id
    new_card = column.cards[stored[-1].id]
    assert new_card.isVisible() and visible_in(column, new_card)
    screenshot(board, "board-new-card-at-the-end")


def test_new_cards_come_in_the_order_they_are_said(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    column = board.columns[N]
    for text in ("først", "så", "til sidst"):
        qtbot.mouseClick(column.add_button, Qt.MouseButton.LeftButton)
        assert column.editor is not None
        qtbot.keyClicks(column.editor.edit, text)
        qtbot.keyClick(column.editor.edit, Qt.Key.Key_Return)
    assert [c.text for c in services.list_cards(meeting, N)] == ["først", "så", "til sidst"]
    assert [column.cards[c].data.text for c in column.order] == ["først", "så", "til sidst"]


def test_the_new_card_editor_stays_at_the_end_while_the_column_changes(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    controller = board.controller
    assert controller is not None
    column = board.columns[W]
    first = controller.add_card(W, "en")
    assert first
    qtbot.mouseClick(column.add_button, Qt.MouseButton.LeftButton)
    editor = column.editor
    assert editor is not None
    qtbot.keyClicks(editor.edit, "halvt skrevet")
    controller.add_card(W, "to")  # the column changes while Mum is still writing
    controller.delete_card(first)
    controller.stack.undo()
    assert [column.cards[c].data.text for c in column.order] == ["en", "to"]
    last = column.cards[column.order[-1]]
    assert column.cards_layout.indexOf(editor) == column.cards_layout.indexOf(last) + 1
    assert editor.edit.toPlainText() == "halvt skrevet"


# ----------------------------------------------------- part of the plan
def badge(board: MeetingPage, card_id: str) -> str:
    label = card_widget(board, card_id).plan_label
    return label.text() if label is not None and not label.isHidden() else ""


def test_making_a_card_part_of_the_plan_shows_on_the_card_until_undone(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str, screenshot: Shot
) -> None:
    controller = board.controller
    assert controller is not None
    card_id = controller.add_card(N, "Far går til samtaler hver uge")
    other = controller.add_card(N, "Mormor henter Emma om tirsdagen")
    assert card_id and other
    assert badge(board, card_id) == ""
    menu_action(board.build_card_menu(card_id), "toPlan").trigger()
    assert [a.card_id for a in services.list_actions(meeting)] == [card_id]
    assert badge(board, card_id) == "I planen ✓"
    assert badge(board, other) == ""
    screenshot(board, "board-card-in-the-plan")

    # Its menu says so, and does not offer a second line.
    to_plan = menu_action(board.build_card_menu(card_id), "toPlan")
    assert not to_plan.isEnabled()
    assert to_plan.text() == "Er med i planen ✓"
    assert menu_action(board.build_card_menu(other), "toPlan").isEnabled()
    steps = controller.stack.count()
    controller.action_from_card(card_id)  # asked again anyway: still one line
    assert len(services.list_actions(meeting)) == 1
    assert controller.stack.count() == steps

    controller.stack.undo()
    assert services.list_actions(meeting) == []
    assert badge(board, card_id) == ""
    assert menu_action(board.build_card_menu(card_id), "toPlan").isEnabled()
    controller.stack.redo()
    assert badge(board, card_id) == "I planen ✓"


def test_a_card_in_the_plan_says_so_when_the_meeting_is_opened_again(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    card_id = board.controller.add_card(N, "Far går til samtaler")  # type: ignore[union-attr]
    plain = board.controller.add_card(N, "Noget andet")  # type: ignore[union-attr]
    assert card_id and plain
    board.controller.action_from_card(card_id)  # type: ignore[union-attr]
    fresh = MeetingPage(services)  # the app opened again
    qtbot.addWidget(fresh)
    fresh.open_meeting(meeting)
    assert badge(fresh, card_id) == "I planen ✓"
    assert badge(fresh, plain) == ""
    assert not menu_action(fresh.build_card_menu(card_id), "toPlan").isEnabled()


def test_a_plan_line_written_by_hand_marks_no_card(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    card_id = board.controller.add_card(N, "Far går til samtaler")  # type: ignore[union-attr]
    assert card_id
    board.controller.add_action("Far går til samtaler")  # type: ignore[union-attr]
    assert badge(board, card_id) == ""


def test_a_deleted_card_in_the_plan_comes_back_marked(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    controller = board.controller
    assert controller is not None
    card_id = controller.add_card(N, "Far går til samtaler")
    assert card_id
    controller.action_from_card(card_id)
    controller.delete_card(card_id)
    line = services.list_actions(meeting)[0]
    assert line.card_id is None  # the line stays, without its card
    controller.edit_action(line.id, done=True)  # the plan changes meanwhile
    controller.stack.undo()  # the tick
    controller.stack.undo()  # the delete: the card comes back, linked again
    assert services.list_actions(meeting)[0].card_id == card_id
    assert badge(board, card_id) == "I planen ✓"


# --------------------------------------------------------- one write each
@pytest.fixture
def window(qtbot: QtBot, services: Services, data_dir: Path, styled: None, danish: None) -> Any:
    win = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_adding_a_card_a_stance_or_a_plan_line_is_one_write_and_no_read(
    qtbot: QtBot, window: MainWindow, db: Database, services: Services
) -> None:
    demo = create_demo_family(services)
    meeting_id = services.list_meetings(demo.id)[0].id
    window.open_meeting(meeting_id)
    page = window.meeting
    column = page.columns[N]
    qtbot.mouseClick(column.add_button, Qt.MouseButton.LeftButton)
    assert column.editor is not None
    qtbot.keyClicks(column.editor.edit, "Noah spiller fodbold igen")
    with begins(db) as seen:
        qtbot.keyClick(column.editor.edit, Qt.Key.Key_Return)
    assert seen == ["BEGIN IMMEDIATE"]
    card_id = column.order[-1]
    assert column.cards[card_id].data.text == "Noah spiller fodbold igen"

    sheet = open_sheet(page, card_id)
    row = next(iter(sheet.rows.values()))
    with begins(db) as seen:
        tap(qtbot, row.buttons["agree"])
    assert seen == ["BEGIN IMMEDIATE"]
    sheet.close()

    to_plan = menu_action(page.build_card_menu(card_id), "toPlan")
    with begins(db) as seen:
        to_plan.trigger()
    assert seen == ["BEGIN IMMEDIATE"]
    assert badge(page, card_id) == "I planen ✓"
