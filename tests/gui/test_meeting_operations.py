"""The meeting's edits as operations (issue 15), as the window does them.

A card edit on the board is one write transaction and nothing more: the board shows what
the operation returned. An undo after the family dialog changed the same thing is
refused with a message instead of writing back a stale value. Dialog edits inside a
meeting undo; outside a meeting the window says they are saved.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from helpers import begins
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.database import Database
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled", "danish")


@pytest.fixture
def family(services: Services) -> tuple[str, str]:
    family = services.create_family("Familien Berg", caseworker_phone="11 11 11 11")
    services.add_participant(family.id, "Mette", "parent")
    services.add_participant(family.id, "Emma", "child", birth_year=2016)
    meeting = services.create_meeting(family.id, datetime(2026, 12, 4, 10))
    services.add_card(meeting.id, "worries", "Far drikker")
    return family.id, meeting.id


@pytest.fixture
def window(qtbot: QtBot, services: Services, data_dir: Path) -> MainWindow:
    win = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_a_card_edit_is_one_write_transaction_and_no_read(
    qtbot: QtBot, window: MainWindow, db: Database, services: Services, family: tuple[str, str]
) -> None:
    _, meeting_id = family
    window.open_meeting(meeting_id)
    column = window.meeting.columns["worries"]
    card_id = column.order[0]
    column.open_card_editor(card_id)
    assert column.editor is not None
    column.editor.edit.selectAll()
    qtbot.keyClicks(column.editor.edit, "Far drikker i weekenden")
    with begins(db) as seen:
        qtbot.keyClick(column.editor.edit, Qt.Key.Key_Return)
    assert seen == ["BEGIN IMMEDIATE"]
    assert column.cards[card_id].data.text == "Far drikker i weekenden"
    assert services.get_card(card_id).text == "Far drikker i weekenden"
    # Undo is one transaction too.
    with begins(db) as seen:
        window.undo_action.trigger()
    assert seen == ["BEGIN IMMEDIATE"]
    assert column.cards[card_id].data.text == "Far drikker"


def test_undo_after_the_family_dialog_changed_the_phone_is_refused(
    qtbot: QtBot, window: MainWindow, services: Services, family: tuple[str, str]
) -> None:
    family_id, meeting_id = family
    window.open_meeting(meeting_id)
    window.meeting.show_view("plan")
    plan = window.meeting.plan
    plan.caseworker_phone.selectAll()
    qtbot.keyClicks(plan.caseworker_phone, "22 22 22 22")
    qtbot.keyClick(plan.caseworker_phone, Qt.Key.Key_Return)
    assert services.get_family(family_id).caseworker_phone == "22 22 22 22"

    # The family dialog, on the family's page, changes the phone again.
    window.open_family(family_id)
    dialog = window.family_page.edit_family()
    assert dialog is not None
    dialog.phone_edit.setText("33 33 33 33")
    dialog.save_button.click()
    assert services.get_family(family_id).caseworker_phone == "33 33 33 33"
    assert window.saved_label.text().startswith("Gemt ✓")  # said plainly, no undo here

    window.open_meeting(meeting_id)
    window.meeting.show_view("plan")
    window.undo_action.trigger()
    assert services.get_family(family_id).caseworker_phone == "33 33 33 33"
    assert window.meeting.banner.isVisible()
    assert "ændret et andet sted" in window.meeting.banner_label.text()
    assert not window.undo_action.isEnabled()  # the refused step left the history


def test_dialog_edits_inside_a_meeting_undo(
    qtbot: QtBot, window: MainWindow, services: Services, family: tuple[str, str]
) -> None:
    _, meeting_id = family
    window.open_meeting(meeting_id)
    window.meeting.show_view("ratings")
    dialog = window.meeting.ratings.new_question()
    qtbot.keyClicks(dialog.text_edit, "Hvor glad er du i dag?")
    dialog.accept()
    texts = [q.text for q in services.list_questions(meeting_id)]
    assert "Hvor glad er du i dag?" in texts
    window.undo_action.trigger()
    assert "Hvor glad er du i dag?" not in [q.text for q in services.list_questions(meeting_id)]

    window.meeting.show_view("plan")
    dialog = window.meeting.plan.new_action()
    qtbot.keyClicks(dialog.what_edit, "Ringe til skolen")
    dialog.accept()
    assert [a.what for a in services.list_actions(meeting_id)] == ["Ringe til skolen"]
    assert window.meeting.plan.rows  # shown from what the operation returned
    window.undo_action.trigger()
    assert services.list_actions(meeting_id) == []
    assert not window.meeting.plan.rows


def test_a_new_meeting_from_the_dialog_says_it_is_saved(
    qtbot: QtBot, window: MainWindow, services: Services, family: tuple[str, str]
) -> None:
    family_id, _ = family
    window.open_family(family_id)
    window.saved_label.clear()
    dialog = window.family_page.new_meeting()
    assert dialog is not None
    dialog.save_button.click()
    assert len(services.list_meetings(family_id)) == 2
    assert window.saved_label.text().startswith("Gemt ✓")
