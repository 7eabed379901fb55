"""Family view: the screen is handed to the family; only this meeting is within reach."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from helpers import open_unlocked
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from familymeeting.settings import SETTINGS_FILENAME, Settings
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import UnlockResult
from familymeeting.storage.vault import Vault
from familymeeting.ui.lock import UnlockDialog
from familymeeting.ui.main_window import MainWindow

Shot = Callable[[QWidget, str], Path]
PASSWORD = "Kaffe ved køkkenbordet 7"
UNLOCK_TIMEOUT = 20_000  # ms; Argon2id on a busy CI machine


pytestmark = pytest.mark.usefixtures("styled")  # the app's look (gui/conftest.py)


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    result: UnlockResult = open_unlocked(data_dir, PASSWORD)
    vault = Vault(data_dir, result.db)
    yield vault
    vault.close()


@pytest.fixture
def two_families(vault: Vault) -> dict[str, str]:
    """Our family with two meetings, and another family the family must not see."""
    services = vault.services()
    ours = services.create_family("Familien Aalund")
    services.add_participant(ours.id, "Maja", "child", birth_year=2014)
    first = services.create_meeting(ours.id, datetime(2026, 10, 1, 9))
    today = services.create_meeting(ours.id, datetime(2026, 12, 1, 9), kind="follow_up")
    services.add_card(today.id, "working_well", "Maja går i skole hver dag")
    other = services.create_family("Familien Andersen-Fremmed")
    services.create_meeting(other.id, datetime(2026, 11, 1, 9))
    return {"ours": ours.id, "first": first.id, "today": today.id, "other": other.id}


@pytest.fixture
def window(
    qtbot: QtBot, vault: Vault, data_dir: Path, two_families: dict[str, str], danish: None
) -> Iterator[MainWindow]:
    window = MainWindow(vault.services(), Settings(data_dir), vault=vault, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(two_families["today"])
    yield window
    window.close()


def visible_text(window: QWidget) -> str:
    """What a person can see in the window (and its open dialogs) right now."""
    parts = [window.windowTitle()]
    for w in QApplication.allWidgets():
        if not w.isVisible():
            continue
        parts += [w.toolTip(), w.accessibleName()]
        if isinstance(w, QLabel | QLineEdit | QAbstractButton):
            parts.append(w.text())
        if isinstance(w, QListWidget):
            parts += [w.item(i).text() for i in range(w.count())]
    return "\n".join(parts)


def test_family_view_reaches_only_this_meeting(
    qtbot: QtBot, window: MainWindow, two_families: dict[str, str], screenshot: Shot
) -> None:
    assert window.family_mode_action.isVisible()
    assert "Familien Aalund" in window.windowTitle()
    button = window.toolbar.widgetForAction(window.family_mode_action)
    assert button is not None
    with qtbot.waitSignal(window.family_mode_changed):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.family_mode
    assert window.windowTitle() == "familymeeting"
    assert not window.back_action.isVisible() and not window.back_action.isEnabled()
    assert not window.home_action.isVisible() and not window.home_action.isEnabled()
    assert not window.family_mode_action.isVisible()
    assert window.leave_family_action.isVisible()
    assert window.lock_action.isVisible()  # the caseworker can still lock
    qtbot.wait(50)
    screenshot(window, "family-mode")

    # Nothing leads away from this meeting.
    window.go_back()
    window.back_action.trigger()
    window.home_action.trigger()
    window.show_families()
    window.open_family(two_families["other"])
    window.families_page.family_opened.emit(two_families["other"])
    window.family_page.meeting_opened.emit(two_families["first"])
    window.open_meeting(two_families["first"])
    window.show_progress(two_families["ours"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.meeting
    assert window.meeting.meeting_id == two_families["today"]
    assert window.family_id == two_families["ours"]
    assert window.windowTitle() == "familymeeting"
    assert "Andersen-Fremmed" not in visible_text(window)

    # ...but the board, the ratings and the plan of this meeting are all there.
    for name in ("ratings", "plan", "board"):
        qtbot.mouseClick(window.meeting.view_buttons[name], Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.meeting
    assert "Maja går i skole hver dag" in visible_text(window)
    assert window.windowTitle() == "familymeeting"


def test_plan_preview_prints_but_cannot_save_in_family_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.enter_family_mode()
    window.meeting.show_view("plan")
    window.meeting.plan.preview_requested.emit()
    preview = window.preview_page
    assert window.stack.currentWidget() is preview
    qtbot.waitUntil(lambda: preview.print_button.isEnabled(), timeout=20_000)
    assert not preview.save_button.isEnabled()
    assert not preview.save_button.isVisible()
    assert preview.print_button.isVisible()
    assert preview.save_with_dialog() is None  # no file dialog in family view
    # Back to the plan of the meeting, still in family view.
    qtbot.mouseClick(preview.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.meeting
    assert window.family_mode


def test_leaving_family_view_needs_the_password(
    qtbot: QtBot, window: MainWindow, screenshot: Shot
) -> None:
    assert window.enter_family_mode()
    button = window.toolbar.widgetForAction(window.leave_family_action)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.leave_dialog
    assert isinstance(dialog, UnlockDialog)
    assert dialog.isVisible()
    form = dialog.unlock
    assert not form.forgot_button.isVisible()  # no recovery from the family's side

    form.password.edit.setText("forkert kodeord her")
    qtbot.mouseClick(form.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.busy, timeout=UNLOCK_TIMEOUT)
    assert form.message.isVisible()
    assert window.family_mode
    assert window.windowTitle() == "familymeeting"
    screenshot(dialog, "family-mode-leave-wrong")

    # Cancelling keeps family view, too.
    assert form.cancel_button is not None
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.family_mode

    dialog = window.ask_leave_family_mode()
    assert dialog is not None
    with qtbot.waitSignal(window.family_mode_changed, timeout=UNLOCK_TIMEOUT) as left:
        dialog.unlock.password.edit.setText(PASSWORD)
        qtbot.mouseClick(dialog.unlock.unlock_button, Qt.MouseButton.LeftButton)
    assert left.args == [False]
    assert not window.family_mode
    assert window.back_action.isVisible() and window.back_action.isEnabled()
    assert "Familien Aalund" in window.windowTitle()
    window.go_back()
    assert window.stack.currentWidget() is window.family_page
    # The wrong try and the right one are in the access log; ids and times only.
    events = [e.event for e in window.services.access_log()]
    assert "unlock_failed" in events and "unlock" in events


def test_family_view_survives_a_lock(
    qtbot: QtBot, window: MainWindow, two_families: dict[str, str]
) -> None:
    assert window.enter_family_mode()
    window.meeting.show_view("ratings")
    window.lock()
    assert window.locked and not window.family_mode
    assert window.lock_screen is not None
    form = window.lock_screen.unlock
    with qtbot.waitSignal(window.locked_changed, timeout=UNLOCK_TIMEOUT):
        form.password.edit.setText(PASSWORD)
        qtbot.mouseClick(form.unlock_button, Qt.MouseButton.LeftButton)
    assert window.family_mode
    assert window.meeting.meeting_id == two_families["today"]
    assert window.meeting.views.currentWidget() is window.meeting.ratings
    assert window.windowTitle() == "familymeeting"
    window.go_back()
    assert window.stack.currentWidget() is window.meeting


def leave_child_mode(qtbot: QtBot, window: MainWindow, password: str) -> UnlockDialog:
    """Tap "End child mode" and type ``password`` into the caseworker's question."""
    qtbot.mouseClick(window.child_mode.exit_button, Qt.MouseButton.LeftButton)
    dialog = window.leave_dialog
    assert isinstance(dialog, UnlockDialog) and dialog.isVisible()
    form = dialog.unlock
    form.password.edit.setText(password)
    qtbot.mouseClick(form.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.busy, timeout=UNLOCK_TIMEOUT)
    return dialog


def test_leaving_child_mode_needs_the_caseworkers_password(
    qtbot: QtBot, window: MainWindow, screenshot: Shot
) -> None:
    window.meeting.show_view("ratings")
    window.enter_child_mode()
    child = window.child_mode
    assert window.stack.currentWidget() is child

    dialog = leave_child_mode(qtbot, window, "forkert kodeord her")
    form = dialog.unlock
    assert dialog.isVisible()  # asked again, and told why
    assert form.message.isVisible()
    assert form.message.text().startswith("Det er ikke adgangskoden")
    assert not form.forgot_button.isVisible()  # no recovery from the child's side
    assert window.stack.currentWidget() is child  # the child's screen, nothing else
    assert not window.toolbar.isVisible()
    assert window.windowTitle() == "familymeeting"
    screenshot(window, "child-mode-leave-wrong")

    # Going back to the child keeps child mode.
    assert form.cancel_button is not None
    assert form.cancel_button.text() == "Tilbage til barnets skærm"
    qtbot.mouseClick(form.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.stack.currentWidget() is child
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the dialog is gone

    # So does the thank-you page's button: it needs the caseworker too.
    child.begin_for(next(p for p in window.services.list_participants(window.family_id or "")))
    child.index = len(child.questions) - 1
    child.next_question()
    child.feedback.skip_all()  # the child's feedback on the meeting comes before the thanks
    assert child.pages.currentWidget() is child.done_page
    qtbot.mouseClick(child.done_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.leave_dialog, UnlockDialog) and window.leave_dialog.isVisible()
    assert window.stack.currentWidget() is child
    window.leave_dialog.reject()

    with qtbot.waitSignal(window.child_mode_changed, timeout=UNLOCK_TIMEOUT) as left:
        leave_child_mode(qtbot, window, PASSWORD)
    assert left.args == [False]
    assert window.stack.currentWidget() is window.meeting
    assert window.meeting.views.currentWidget() is window.meeting.ratings
    assert window.toolbar.isVisible()
    events = [(e.event, e.detail) for e in window.services.access_log()]
    assert ("unlock", "child mode") in events
    assert any(event == "unlock_failed" for event, _ in events)


def test_child_mode_inside_family_view_comes_back_to_family_view(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.enter_family_mode()
    window.enter_child_mode()
    assert window.stack.currentWidget() is window.child_mode
    with qtbot.waitSignal(window.child_mode_changed, timeout=UNLOCK_TIMEOUT):
        leave_child_mode(qtbot, window, PASSWORD)
    assert window.stack.currentWidget() is window.meeting
    assert window.family_mode
    assert window.windowTitle() == "familymeeting"
    assert not window.back_action.isVisible()


def test_family_view_only_from_a_meeting(qtbot: QtBot, window: MainWindow) -> None:
    window.go_back()
    assert window.stack.currentWidget() is window.family_page
    assert not window.family_mode_action.isVisible()
    assert not window.enter_family_mode()
    assert not window.family_mode


def test_no_case_text_in_settings_or_logs(
    qtbot: QtBot, window: MainWindow, data_dir: Path, two_families: dict[str, str]
) -> None:
    window.enter_family_mode()
    window.meeting.show_view("plan")
    window.lock()
    form = window.lock_screen.unlock  # type: ignore[union-attr]
    with qtbot.waitSignal(window.locked_changed, timeout=UNLOCK_TIMEOUT):
        form.password.edit.setText(PASSWORD)
        qtbot.mouseClick(form.unlock_button, Qt.MouseButton.LeftButton)
    window.close()
    settings_text = (data_dir / SETTINGS_FILENAME).read_text(encoding="utf-8")
    assert two_families["ours"] in settings_text  # ids are fine
    for secret in ("Aalund", "Andersen", "Maja", "skole", PASSWORD):
        for path in data_dir.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), (secret, path.name)


def test_without_a_vault_there_is_no_family_view(
    qtbot: QtBot, services: Services, data_dir: Path, danish: None
) -> None:
    family = services.create_family("Familien Uden-Boks")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    window = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(window)
    window.show()
    window.open_meeting(meeting.id)
    assert not window.family_mode_action.isVisible()
    assert not window.enter_family_mode()
