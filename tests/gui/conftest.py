"""GUI fixtures: a real QApplication with the Danish translators, and window screenshots."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from familymeeting.storage.services import Services
from familymeeting.ui.meeting.page import MeetingPage
from familymeeting.ui.theme import stylesheet

SHOTS_ENV = "FAMILYMEETING_SCREENSHOTS"


@pytest.fixture(autouse=True)
def _qt_user_settings_in_profile() -> None:
    """Qt's own per-user settings (e.g. its file dialog's) into this test's profile.

    QSettings reads $XDG_CONFIG_HOME once per process; each test has its own.
    """
    config = os.environ["XDG_CONFIG_HOME"]
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, config)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The app's look, as run_gui sets it before the first dialog (text size 0)."""
    from familymeeting.ui import theme

    before = qapp.styleSheet()
    qapp.setStyleSheet(theme.stylesheet(0))
    yield
    qapp.setStyleSheet(before)


@pytest.fixture
def screenshot(tmp_path: Path) -> object:
    """Save a widget's picture; into $FAMILYMEETING_SCREENSHOTS when set, to look at."""

    def save(widget: QWidget, name: str) -> Path:
        folder = Path(os.environ.get(SHOTS_ENV) or tmp_path)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        assert widget.grab().save(str(path)), path
        return path

    return save


ShowBoard = Callable[..., MeetingPage]


@pytest.fixture
def show_board(qtbot: object, qapp: QApplication) -> ShowBoard:
    """A shown 1280×800 board of a meeting in the app's look; the active window if asked."""

    def show(services: Services, meeting: str, *, active: bool = False) -> MeetingPage:
        qapp.setStyleSheet(stylesheet())
        view = MeetingPage(services)
        qtbot.addWidget(view)  # type: ignore[attr-defined]
        view.resize(1280, 800)
        view.open_meeting(meeting)
        view.show()
        qtbot.waitExposed(view)  # type: ignore[attr-defined]
        if active:
            view.activateWindow()
            qtbot.waitUntil(view.isActiveWindow)  # type: ignore[attr-defined]
        return view

    return show
