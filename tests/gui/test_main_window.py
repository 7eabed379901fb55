"""The main window over a real temporary database: navigation, toolbar, settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from familymeeting import settings
from familymeeting.settings import Settings
from familymeeting.storage.demo import DEMO_NAME
from familymeeting.storage.services import Services
from familymeeting.ui import keyboard, text_size, theme
from familymeeting.ui.main_window import MainWindow

Shot = Callable[[QWidget, str], Path]


@pytest.fixture
def make_window(
    qtbot: QtBot, services: Services, data_dir: Path, danish: None
) -> Callable[[], MainWindow]:
    def make() -> MainWindow:
        window = MainWindow(services, Settings(data_dir))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


def test_first_start_demo_family_to_board_and_back(
    qtbot: QtBot, make_window: Callable[[], MainWindow], services: Services, screenshot: Shot
) -> None:
    window = make_window()
    assert window.stack.currentWidget() is window.families_page
    assert window.families_page.demo_button.isVisible()
    assert not window.back_action.isEnabled()
    screenshot(window, "app-first-start")

    qtbot.mouseClick(window.families_page.demo_button, Qt.MouseButton.LeftButton)
    assert [f.display_name for f in services.list_families()] == [DEMO_NAME]
    assert window.stack.currentWidget() is window.family_page
    assert DEMO_NAME in window.location.text()
    screenshot(window, "app-family")

    newest = services.list_meetings(window.family_id or "")[0]
    window.family_page.meeting_opened.emit(newest.id)
    assert window.stack.currentWidget() is window.meeting
    assert window.meeting.meeting_id == newest.id
    assert "Opfølgningsmøde" in window.windowTitle()
    assert window.location.text() == DEMO_NAME
    qtbot.wait(50)
    screenshot(window, "app-board")

    window.back_action.trigger()
    assert window.stack.currentWidget() is window.family_page
    window.back_action.trigger()
    assert window.stack.currentWidget() is window.families_page


def test_toolbar_undo_redo_and_saved_indicator(
    qtbot: QtBot, make_window: Callable[[], MainWindow], services: Services
) -> None:
    family = services.create_family("Familien Berg")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    window = make_window()
    window.open_meeting(meeting.id)
    assert not window.undo_action.isEnabled()
    window.meeting.controller.add_card("worries", "Bekymring")  # type: ignore[union-attr]
    assert window.saved_label.text().startswith("Gemt ✓")
    assert window.undo_action.isEnabled()
    assert window.undo_action.iconText() == "Fortryd"
    window.undo_action.trigger()
    assert services.list_cards(meeting.id) == []
    window.redo_action.trigger()
    assert [c.text for c in services.list_cards(meeting.id)] == ["Bekymring"]
    # Leaving the board: undo belongs to the meeting, so the toolbar has nothing to undo.
    window.go_back()
    assert not window.undo_action.isEnabled()


def test_text_size_steps_and_is_remembered(
    make_window: Callable[[], MainWindow], data_dir: Path, qapp: QApplication
) -> None:
    window = make_window()
    assert window.text_size == 0 and not window.smaller_action.isEnabled()
    window.larger_action.trigger()
    window.larger_action.trigger()
    assert window.text_size == 2 and not window.larger_action.isEnabled()
    assert text_size.shown_size(window) == 2
    label = window.families_page.findChild(QLabel, "title")
    assert label is not None
    assert label.font().pointSizeF() == pytest.approx(theme.pt(3, theme.TEXT_SCALES[2]))
    assert Settings(data_dir).get(settings.TEXT_SIZE) == 2
    window.close()
    again = make_window()
    assert again.text_size == 2
    again.smaller_action.trigger()
    assert Settings(data_dir).get(settings.TEXT_SIZE) == 1


def test_full_screen_toggle_is_remembered(
    qtbot: QtBot, make_window: Callable[[], MainWindow], data_dir: Path
) -> None:
    window = make_window()
    window.full_screen_action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    assert Settings(data_dir).get(settings.FULL_SCREEN) is True
    window.full_screen_action.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert Settings(data_dir).get(settings.FULL_SCREEN) is False
    assert window.full_screen_action.shortcut().toString() == "F11"


def test_opens_on_the_last_used_family(
    make_window: Callable[[], MainWindow], services: Services
) -> None:
    services.create_family("Familien Ahmed")
    berg = services.create_family("Familien Berg")
    window = make_window()
    window.open_family(berg.id)
    window.close()
    again = make_window()
    assert again.stack.currentWidget() is again.family_page
    assert again.family_id == berg.id
    # An archived (or deleted) last family falls back to the list.
    services.update_family(berg.id, archived=True)
    third = make_window()
    assert third.stack.currentWidget() is third.families_page


def test_keyboard_button_only_where_a_touch_keyboard_exists(
    qtbot: QtBot, make_window: Callable[[], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field = window.families_page.search_edit
    assert isinstance(field, QLineEdit)
    window.families_page.demo_button.setFocus()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert not window.keyboard_action.isVisible()  # not a Windows tablet
    monkeypatch.setattr(keyboard, "available", lambda: True)
    window.families_page.demo_button.setFocus()
    field.setFocus()
    qtbot.waitUntil(lambda: window.keyboard_action.isVisible())
    window.families_page.demo_button.setFocus()
    qtbot.waitUntil(lambda: not window.keyboard_action.isVisible())


def test_leaving_or_closing_saves_a_card_still_being_written(
    qtbot: QtBot, make_window: Callable[[], MainWindow], services: Services
) -> None:
    family = services.create_family("Familien Berg")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    window = make_window()
    window.open_meeting(meeting.id)
    column = window.meeting.columns["working_well"]
    qtbot.mouseClick(column.add_button, Qt.MouseButton.LeftButton)
    assert column.editor is not None
    qtbot.keyClicks(column.editor.edit, "Far henter i skole")
    window.go_back()  # no Done pressed
    assert [c.text for c in services.list_cards(meeting.id)] == ["Far henter i skole"]
    window.open_meeting(meeting.id)
    card = column.cards[column.order[0]]
    column.open_card_editor(card.data.id)
    assert column.editor is not None
    column.editor.edit.selectAll()
    qtbot.keyClicks(column.editor.edit, "Far henter hver dag")
    window.close()
    assert [c.text for c in services.list_cards(meeting.id)] == ["Far henter hver dag"]


def test_family_progress_page_and_back(
    qtbot: QtBot, make_window: Callable[[], MainWindow], services: Services, screenshot: Shot
) -> None:
    from familymeeting.storage.demo import create_demo_family

    demo = create_demo_family(services)
    window = make_window()
    window.open_family(demo.id)
    assert window.family_page.progress_button.isEnabled()
    qtbot.mouseClick(window.family_page.progress_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.progress
    assert window.progress.charts
    window.go_back()
    assert window.stack.currentWidget() is window.family_page
