"""The main window over a real temporary database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from familymeeting.storage.demo import DEMO_NAME
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow


def test_first_start_offers_demo_family_and_shows_it(
    qtbot: QtBot, services: Services, danish: None, screenshot: Callable[[QWidget, str], Path]
) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    assert window.stack.currentWidget() is window.empty_page
    assert window.empty_label.text() == "Der er ingen familier endnu."
    assert window.demo_button.text() == "Opret demofamilie"
    assert window.demo_button.height() >= 48
    screenshot(window, "main-empty")

    with qtbot.waitSignal(window.family_selected):
        qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)

    assert [f.display_name for f in services.list_families()] == [DEMO_NAME]
    assert window.stack.currentWidget() is window.list_page
    assert window.family_list.item(0).text() == DEMO_NAME
    rows = [
        [window.meeting_tree.topLevelItem(i).text(c) for c in range(4)]
        for i in range(window.meeting_tree.topLevelItemCount())
    ]
    assert [r[1] for r in rows] == ["Opfølgningsmøde", "Opfølgningsmøde", "Første møde"]
    assert [r[2] for r in rows] == ["I gang", "Afsluttet", "Afsluttet"]
    assert all(r[3] == "Hjemme hos familien" for r in rows)
    screenshot(window, "main-demo")


def test_english_without_translators(qtbot: QtBot, services: Services) -> None:
    services.create_family("Familien Berg")
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.family_list.count() == 1
    assert window.meeting_tree.headerItem().text(0) == "Date"
