"""The families page over a real temporary database, in Danish."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.enums import Role
from familymeeting.storage.demo import DEMO_NAME
from familymeeting.storage.services import Services
from familymeeting.ui import theme
from familymeeting.ui.families_page import DETAIL_ROLE, FamiliesPage
from familymeeting.ui.family_dialog import FamilyDialog

Shot = Callable[[QWidget, str], Path]


pytestmark = pytest.mark.usefixtures("styled")  # the app's look (gui/conftest.py)


def make_page(qtbot: QtBot, services: Services) -> FamiliesPage:
    page = FamiliesPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def names(lst: QListWidget) -> list[str]:
    return [lst.item(row).text() for row in range(lst.count())]


def details(lst: QListWidget) -> list[str]:
    return [str(lst.item(row).data(DETAIL_ROLE) or "") for row in range(lst.count())]


def tap_row(qtbot: QtBot, lst: QListWidget, row: int) -> None:
    rect = lst.visualItemRect(lst.item(row))
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_empty_database_offers_demo_family_and_opens_it(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    page = make_page(qtbot, services)
    assert page.stack.currentWidget() is page.empty_page
    assert page.title_label.text() == "Familier"
    assert page.empty_title.text() == "Ingen familier endnu"
    assert page.demo_button.text() == "Opret demofamilie"
    assert page.empty_new_button.text() == "Ny familie"
    assert not page.search_edit.isVisible()  # nothing to search yet
    for button in (page.demo_button, page.empty_new_button):
        assert button.height() >= theme.TOUCH
    screenshot(page, "families-empty")

    with qtbot.waitSignal(page.family_opened) as opened:
        qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)

    families = services.list_families()
    assert [f.display_name for f in families] == [DEMO_NAME]
    assert opened.args == [families[0].id]
    assert page.stack.currentWidget() is page.family_list
    assert names(page.family_list) == [DEMO_NAME]
    assert page.search_edit.isVisible()


def test_rows_show_participants_and_newest_meeting(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    berg = services.create_family("Familien Berg")
    services.add_participant(berg.id, "Lea", Role.CHILD, birth_year=2016)
    services.add_participant(berg.id, "Karin", Role.PARENT)
    services.create_meeting(berg.id, datetime(2020, 3, 4, 10, 0))
    services.create_meeting(berg.id, datetime(2021, 5, 6, 9, 0))
    services.create_meeting(berg.id, datetime(2019, 1, 2, 9, 0))
    holm = services.create_family("Familien Holm")
    services.add_participant(holm.id, "Ib", Role.NETWORK)
    services.create_family("Familien Østergaard")

    page = make_page(qtbot, services)
    lst = page.family_list
    assert names(lst) == ["Familien Berg", "Familien Holm", "Familien Østergaard"]
    qtbot.waitUntil(lambda: all(details(lst)))
    assert details(lst) == [
        "2 deltagere · Seneste møde torsdag den 6. maj 2021",
        "1 deltager · Ingen møder endnu",
        "0 deltagere · Ingen møder endnu",
    ]
    for row in range(lst.count()):
        assert lst.visualItemRect(lst.item(row)).height() >= theme.TOUCH
    screenshot(page, "families-list")


def test_search_filters_as_you_type(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    for name in ("Familien Berg", "Familien Holm", "Familien Østergaard", "Hansen"):
        services.create_family(name)
    page = make_page(qtbot, services)
    assert page.search_edit.placeholderText() == "Søg efter navn"

    qtbot.keyClicks(page.search_edit, "fam")
    assert names(page.family_list) == ["Familien Berg", "Familien Holm", "Familien Østergaard"]
    qtbot.keyClicks(page.search_edit, "ilien h")
    assert names(page.family_list) == ["Familien Holm"]
    qtbot.waitUntil(lambda: all(details(page.family_list)))
    screenshot(page, "families-search")

    # Enter in the search field opens the match.
    with qtbot.waitSignal(page.family_opened) as opened:
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert opened.args == [services.list_families("Holm")[0].id]

    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "østerg")
    assert names(page.family_list) == ["Familien Østergaard"]

    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "zzz")
    assert page.stack.currentWidget() is page.no_match_page
    assert page.no_match_label.text() == "Ingen familie passer til søgningen."
    assert page.search_edit.isVisible()  # not mistaken for a first start


def test_tap_or_enter_opens_a_family(qtbot: QtBot, services: Services, danish: None) -> None:
    berg = services.create_family("Familien Berg")
    holm = services.create_family("Familien Holm")
    page = make_page(qtbot, services)

    with qtbot.waitSignal(page.family_opened) as opened:
        tap_row(qtbot, page.family_list, 1)
    assert opened.args == [holm.id]

    page.family_list.setFocus()
    page.family_list.setCurrentRow(0)
    with qtbot.waitSignal(page.family_opened) as opened:
        qtbot.keyClick(page.family_list, Qt.Key.Key_Return)
    assert opened.args == [berg.id]


def test_archived_families_show_only_when_asked(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    berg = services.create_family("Familien Berg")
    services.create_family("Familien Holm")
    services.update_family(berg.id, archived=True)
    page = make_page(qtbot, services)
    assert page.archived_check.text() == "Vis arkiverede"
    assert names(page.family_list) == ["Familien Holm"]

    qtbot.mouseClick(page.archived_check, Qt.MouseButton.LeftButton)
    assert page.archived_check.isChecked()
    assert names(page.family_list) == ["Familien Berg", "Familien Holm"]
    qtbot.waitUntil(lambda: all(details(page.family_list)))
    assert details(page.family_list)[0].startswith("Arkiveret · ")
    assert not details(page.family_list)[1].startswith("Arkiveret")
    screenshot(page, "families-archived")

    # Everything archived is not a first start: say where the families went.
    qtbot.mouseClick(page.archived_check, Qt.MouseButton.LeftButton)
    services.update_family(services.list_families()[0].id, archived=True)
    page.refresh()
    assert page.stack.currentWidget() is page.no_match_page
    assert "Vis arkiverede" in page.no_match_label.text()


def test_new_family_is_saved_and_opened(qtbot: QtBot, services: Services, danish: None) -> None:
    services.create_family("Familien Holm")
    page = make_page(qtbot, services)
    assert page.new_button.text() == "Ny familie"
    assert page.new_button.property("primary") == "true"

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page._dialog
    assert isinstance(dialog, FamilyDialog)
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.name_edit, "Familien Berg")
    qtbot.keyClicks(dialog.rows[0].name_edit, "Lea")
    qtbot.keyClicks(dialog.rows[0].birth_edit, "2016")

    with qtbot.waitSignal(page.family_opened) as opened:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    berg = services.list_families("Berg")[0]
    assert opened.args == [berg.id]
    assert not dialog.isVisible()
    assert [(p.name, p.role, p.birth_year) for p in services.list_participants(berg.id)] == [
        ("Lea", "child", 2016)
    ]
    assert names(page.family_list) == ["Familien Berg", "Familien Holm"]


def test_english_without_translators(qtbot: QtBot, services: Services) -> None:
    page = make_page(qtbot, services)
    assert page.demo_button.text() == "Create demo family"
    services.create_family("Familien Berg")
    page.refresh()
    qtbot.waitUntil(lambda: all(details(page.family_list)))
    assert details(page.family_list) == ["0 participants · No meetings yet"]
