"""The window on real screen sizes: where it opens, its toolbar, and its keys.

Each test here failed before its fix (issue 14): the window opened at 1280×800 on every
screen; the toolbar elided its words ("T…e") and pushed Settings and Lock off an upright
tablet; Redo was bound twice on Linux, so Ctrl+Shift+Z did nothing and Ctrl+Y was unbound.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fit import SCREENS, audit, screen_named, shortcut_problems, text_problems
from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QKeySequence, QScreen
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from familymeeting import settings
from familymeeting.settings import Settings
from familymeeting.storage.database import Database
from familymeeting.storage.services import Services
from familymeeting.storage.vault import Vault
from familymeeting.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled", "danish")


def screen(name: str) -> QScreen:
    found = screen_named(name)
    if found is None:
        pytest.fail(f"no offscreen screen {name}: tests/offscreen-screens.json is not in use")
    assert isinstance(found, QScreen)
    return found


@pytest.fixture
def vault(data_dir: Path, db: Database) -> Iterator[Vault]:
    """A window that can lock (the Lock button shows only then); the database stays open."""
    yield Vault(data_dir, db)


@pytest.fixture
def make_window(
    qtbot: QtBot, services: Services, data_dir: Path, vault: Vault
) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(on: str | None = None) -> MainWindow:
        window = MainWindow(services, Settings(data_dir), vault=vault, idle_ms=3_600_000)
        qtbot.addWidget(window)
        windows.append(window)
        if on is not None:
            window.show_on_screen(screen(on))
            qtbot.waitExposed(window)
        return window

    yield make
    for window in windows:
        if window.idle is not None:
            window.idle.dispose()
            window.idle = None


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


# ------------------------------------------------------------- where it opens
@pytest.mark.parametrize("name", SCREENS)
def test_first_start_opens_maximized_within_the_screen(
    make_window: Callable[..., MainWindow], qtbot: QtBot, name: str
) -> None:
    window = make_window(on=name)
    available = screen(name).availableGeometry()
    assert window.isMaximized()
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))
    # Un-maximized, it keeps to the screen too.
    window.showNormal()
    settle()
    assert window.width() <= available.width() and window.height() <= available.height()


def test_a_remembered_place_is_restored_where_it_fits(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    first = make_window(on="landscape-1920x1080")
    first.showNormal()
    big = screen("landscape-1920x1080").availableGeometry()
    first.setGeometry(QRect(big.x() + 100, big.y() + 80, 1500, 900))
    settle()
    first.close()  # remembers where it was
    saved = Settings(data_dir).get(settings.WINDOW_GEOMETRY)
    assert saved

    again = make_window(on="landscape-1920x1080")
    assert not again.isMaximized()
    assert again.geometry().size().toTuple() == (1500, 900)
    assert big.contains(again.frameGeometry())


@pytest.mark.parametrize("name", ["landscape-1024x768", "portrait-800x1280"])
def test_a_remembered_size_larger_than_this_screen_is_not_restored(
    make_window: Callable[..., MainWindow], qtbot: QtBot, data_dir: Path, name: str
) -> None:
    """Remembered on a large monitor, opened on the laptop's own screen: it must fit."""
    first = make_window(on="landscape-1920x1080")
    first.showNormal()
    big = screen("landscape-1920x1080").availableGeometry()
    first.setGeometry(QRect(big.x() + 10, big.y() + 10, 1800, 1000))
    settle()
    first.save_geometry()
    # The same remembered place, now with only the small screen attached: on a
    # machine that has just that screen, the place lies on no screen at all.
    app_settings = Settings(data_dir)
    saved = QByteArray.fromBase64(app_settings.get(settings.WINDOW_GEOMETRY).encode())
    probe = make_window()
    probe.restoreGeometry(saved)
    assert not screen(name).availableGeometry().contains(probe.geometry())

    window = make_window(on=name)
    available = screen(name).availableGeometry()
    qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))


def test_broken_remembered_place_is_ignored(
    make_window: Callable[..., MainWindow], data_dir: Path
) -> None:
    Settings(data_dir).set(settings.WINDOW_GEOMETRY, "not a geometry")
    window = make_window(on="landscape-1366x768")
    assert window.isMaximized()


# --------------------------------------------------------------------- toolbar
def toolbar_texts(window: MainWindow) -> dict[str, str]:
    """Each toolbar action a person can reach: on the row, or in the "More" menu."""
    reachable: dict[str, str] = {}
    for entry in window.toolbar.entries:
        if not entry.action.isVisible():
            continue
        if entry.holder.isVisible() and entry.button.isVisible():
            reachable[entry.action.text()] = "row"
    for action in window.toolbar.more_menu.actions():
        reachable[action.text()] = "menu"
    return reachable


@pytest.mark.parametrize("name", SCREENS)
@pytest.mark.parametrize("text_size", [0, 1, 2])
def test_toolbar_is_whole_at_every_size(
    make_window: Callable[..., MainWindow],
    services: Services,
    qtbot: QtBot,
    name: str,
    text_size: int,
) -> None:
    family = services.create_family("Familien Vestergaard-Christensen")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    window = make_window(on=name)
    window.apply_text_size(text_size)
    window.open_meeting(meeting.id)
    # "Gemt ✓ 21:25" takes room once something is saved (that elided the buttons).
    assert window.meeting.controller is not None
    window.meeting.controller.add_card("worries", "Bekymring")
    qtbot.waitUntil(lambda: not window.toolbar._pending)
    settle()
    assert window.saved_label.text().startswith("Gemt ✓")

    problems = []
    for entry in window.toolbar.entries:
        if entry.holder.isVisible():
            problems += [f"{entry.action.text()}: {p}" for p in text_problems(entry.button)]
    problems += [p for p in audit(window, name) if "QToolButton" in p or "saved" in p]
    assert problems == []

    # Everything is reachable: on the row or, with its full words, in the menu.
    reachable = toolbar_texts(window)
    wanted = {
        e.action.text() for e in window.toolbar.entries if e.action.isVisible() and e.action.text()
    }
    assert set(reachable) == wanted
    # Lock is always one tap away, whole, on the row.
    assert reachable["Lås"] == "row"
    lock = window.toolbar.widgetForAction(window.lock_action)
    assert isinstance(lock, QToolButton) and lock.isVisible()
    at = QRect(lock.mapTo(window, lock.rect().topLeft()), lock.size())
    assert window.rect().contains(at)
    assert lock.width() >= 48 and lock.height() >= 48
    if window.toolbar.overflow:
        more = window.toolbar.more_button
        assert more.isVisible() and more.accessibleName() == "Mere"


def test_toolbar_menu_actions_keep_their_keys(
    make_window: Callable[..., MainWindow], services: Services, qtbot: QtBot
) -> None:
    """A button moved into the "More" menu still answers its key (here F11)."""
    family = services.create_family("Familien Berg")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    window = make_window(on="portrait-768x1024")
    window.apply_text_size(2)
    window.open_meeting(meeting.id)
    assert window.meeting.controller is not None
    window.meeting.controller.add_card("worries", "Bekymring")
    qtbot.waitUntil(lambda: window.full_screen_action in window.toolbar.overflow)
    assert window.full_screen_action in window.toolbar.more_menu.actions()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.full_screen_action.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.full_screen_action.isChecked()


# ------------------------------------------------------------------------ keys
def test_every_key_is_bound_once(make_window: Callable[..., MainWindow]) -> None:
    window = make_window(on="landscape-1366x768")
    assert shortcut_problems(window) == []
    for action in (window.undo_action, window.redo_action, window.larger_action):
        keys = [k.toString() for k in action.shortcuts()]
        assert len(keys) == len(set(keys)), (action.text(), keys)


def test_redo_by_ctrl_y_and_ctrl_shift_z(
    make_window: Callable[..., MainWindow], services: Services, qtbot: QtBot
) -> None:
    family = services.create_family("Familien Berg")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    window = make_window(on="landscape-1366x768")
    window.open_meeting(meeting.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.meeting.controller is not None
    window.meeting.controller.add_card("worries", "Bekymring")
    window.meeting.setFocus()

    def cards() -> list[str]:
        return [c.text for c in services.list_cards(meeting.id)]

    assert QKeySequence("Ctrl+Y") in window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    qtbot.keyClick(window.meeting, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cards() == []
    qtbot.keyClick(
        window.meeting,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert cards() == ["Bekymring"]
    qtbot.keyClick(window.meeting, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cards() == []
    qtbot.keyClick(window.meeting, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert cards() == ["Bekymring"]


def test_backspace_does_not_leave_the_board(
    make_window: Callable[..., MainWindow], services: Services, qtbot: QtBot
) -> None:
    """On Windows the platform's Back keys include Backspace: a card with the focus
    and a Backspace took the family off the board."""
    family = services.create_family("Familien Berg")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    window = make_window(on="landscape-1366x768")
    window.open_meeting(meeting.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert QKeySequence("Backspace") not in window.back_action.shortcuts()
    window.meeting.setFocus()
    qtbot.keyClick(window.meeting, Qt.Key.Key_Backspace)
    assert window.stack.currentWidget() is window.meeting
    qtbot.keyClick(window.meeting, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.family_page
