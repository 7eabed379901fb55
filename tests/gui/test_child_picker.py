"""Child mode's picker: every child whole and big, on every screen (issue 14, fault 1).

Before: with two children the picker showed one cut-off button ("Emn") and the second
child could only be reached by Tab, because the picker got the width of one button.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fit import audit, screen_named, text_problems
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled", "danish")

CHILDREN = ("Emma", "Noah", "Sofie-Marie", "Oliver", "Ida")


@pytest.fixture
def window(qtbot: QtBot, services: Services, data_dir: Path) -> Iterator[MainWindow]:
    win = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(win)
    yield win


def seed(services: Services, children: int) -> str:
    family = services.create_family("Familien Holm")
    for name in CHILDREN[:children]:
        services.add_participant(family.id, name, "child", birth_year=2015)
    services.add_participant(family.id, "Mette", "parent")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 4, 10))
    return meeting.id


def show(qtbot: QtBot, window: MainWindow, screen_name: str, text_size: int) -> None:
    screen = screen_named(screen_name)
    assert isinstance(screen, QScreen)
    window.show_on_screen(screen)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: screen.availableGeometry().contains(window.frameGeometry()))
    window.apply_text_size(text_size)


def settle(qtbot: QtBot) -> None:
    qtbot.wait(30)
    QApplication.processEvents()


def visible_texts(widget: QWidget) -> str:
    return "\n".join(
        w.text()
        for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)
        if w.isVisible()
    )


@pytest.mark.parametrize(
    ("screen_name", "children", "text_size"),
    [
        ("landscape-1280x800", 2, 0),
        ("landscape-1366x768", 2, 2),
        ("portrait-800x1280", 2, 0),
        ("portrait-768x1024", 3, 2),
        ("landscape-1024x768", 5, 2),
        ("portrait-800x1280", 5, 1),
    ],
)
def test_every_child_is_whole_and_reachable(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    screen_name: str,
    children: int,
    text_size: int,
) -> None:
    meeting_id = seed(services, children)
    show(qtbot, window, screen_name, text_size)
    window.open_meeting(meeting_id)
    window.enter_child_mode()
    settle(qtbot)
    picker = window.child_mode
    assert picker.pages.currentWidget() is picker.pick_page
    buttons = list(picker.child_buttons.values())
    assert sorted(b.text() for b in buttons) == sorted(CHILDREN[:children])
    for button in buttons:
        assert button.isVisible()
        at = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        assert window.rect().contains(at), (button.text(), at, window.rect())
        assert text_problems(button) == [], button.text()
        assert button.width() >= 200 and button.height() >= 90  # big, for the caseworker
    assert audit(window, screen_name) == []

    # A tap on the last child gives that child the tablet.
    last = buttons[-1]
    qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
    assert picker.pages.currentWidget() is picker.question_page
    assert picker.child is not None and picker.child.name == last.text()


def test_the_childs_screen_offers_no_way_to_a_sibling(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    meeting_id = seed(services, 2)
    show(qtbot, window, "portrait-800x1280", 0)
    window.open_meeting(meeting_id)
    window.enter_child_mode()
    picker = window.child_mode
    qtbot.mouseClick(
        picker.child_buttons[next(iter(picker.child_buttons))], Qt.MouseButton.LeftButton
    )
    settle(qtbot)
    assert picker.child is not None and picker.child.name == "Emma"
    shown = visible_texts(window)
    assert "Emma" in shown and "Noah" not in shown
    assert not any(b.isVisible() for b in picker.child_buttons.values())
    assert not window.toolbar.isVisible()
