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
from familymeeting.settings import Settings
from familymeeting.storage.database import Database
from familymeeting.storage.demo import DEMO_NAME
from familymeeting.storage.models import Family
from familymeeting.storage.services import FamilyRow, Services
from familymeeting.ui import theme
from familymeeting.ui.families_page import DETAIL_ROLE, FamiliesPage
from familymeeting.ui.family_dialog import FamilyDialog
from familymeeting.ui.main_window import MainWindow

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


class CountingServices(Services):
    """The real services over the real database, counting how often family lists are read."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self.family_reads = 0

    def list_family_rows(self) -> list[FamilyRow]:
        self.family_reads += 1
        return super().list_family_rows()

    def list_families(self, search: str = "", *, include_archived: bool = False) -> list[Family]:
        self.family_reads += 1
        return super().list_families(search, include_archived=include_archived)


def clear_search(qtbot: QtBot, page: FamiliesPage) -> None:
    # As a user does: select everything in the field and delete it.
    qtbot.keyClick(page.search_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Backspace)


def test_search_matches_anywhere_ignoring_case_with_danish_letters(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    for name in (
        "Familien Ærø",
        "Familien Østergaard",
        "Familien Ågård",
        "Jensen-Åberg",
        "Hansen",
        "familien bæk",
    ):
        services.create_family(name)
    page = make_page(qtbot, services)

    typed = {
        "ÆRØ": ["Familien Ærø"],
        "ø": ["Familien Ærø", "Familien Østergaard"],
        "Å": ["Familien Ågård", "Jensen-Åberg"],
        "BERG": ["Jensen-Åberg"],  # at the end, in another case
        "æ": ["familien bæk", "Familien Ærø"],
        "  sen ": ["Hansen", "Jensen-Åberg"],  # spaces around the search do not count
    }
    for text, expected in typed.items():
        clear_search(qtbot, page)
        qtbot.keyClicks(page.search_edit, text)
        assert names(page.family_list) == expected, text
        # The same families, in the same order, as the service's own search.
        assert expected == [f.display_name for f in services.list_families(text)], text
        assert page.stack.currentWidget() is page.family_list


def test_clearing_the_search_shows_every_family_again_in_order(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    for name in ("Familien Østergaard", "Hansen", "Familien Ærø", "Familien Berg", "Aagaard"):
        services.create_family(name)
    page = make_page(qtbot, services)
    everyone = names(page.family_list)
    assert everyone == [f.display_name for f in services.list_families()]

    qtbot.keyClicks(page.search_edit, "familien ø")
    assert names(page.family_list) == ["Familien Østergaard"]
    for _ in "ien ø":  # widening the search a letter at a time
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Backspace)
    assert page.search_edit.text() == "famil"
    assert names(page.family_list) == ["Familien Berg", "Familien Ærø", "Familien Østergaard"]

    clear_search(qtbot, page)
    assert page.search_edit.text() == ""
    assert names(page.family_list) == everyone
    qtbot.waitUntil(lambda: all(details(page.family_list)))
    # Enter in the search field opens the first family again.
    with qtbot.waitSignal(page.family_opened) as opened:
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert opened.args == [services.list_families()[0].id]


def test_a_letter_that_keeps_every_family_resets_the_list_like_any_other(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    for n in range(30):
        services.create_family(f"Familien {n:02d}")
    page = make_page(qtbot, services)
    lst = page.family_list
    bar = lst.verticalScrollBar()
    assert bar.maximum() > 0  # more families than fit
    lst.setFocus()
    qtbot.keyClick(lst, Qt.Key.Key_Down)  # the second family, chosen
    assert lst.currentRow() == 1 and len(lst.selectedItems()) == 1
    bar.setValue(bar.maximum())  # scrolled down, as by a flick

    qtbot.keyClicks(page.search_edit, "f")  # every family still matches
    assert names(lst) == [f"Familien {n:02d}" for n in range(30)]
    assert bar.value() == 0
    assert lst.currentRow() == 0
    assert lst.selectedItems() == []

    lst.setCurrentRow(0)  # the first family chosen, the list scrolled down again
    bar.setValue(bar.maximum())
    qtbot.keyClicks(page.search_edit, "am")
    assert names(lst) == [f"Familien {n:02d}" for n in range(30)]
    assert bar.value() == 0
    assert lst.selectedItems() == []
    with qtbot.waitSignal(page.family_opened) as opened:
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert opened.args == [services.list_families()[0].id]


def test_changes_show_after_a_refresh_with_the_search_kept(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    berg = services.create_family("Familien Berg")
    holm = services.create_family("Familien Holm")
    lund = services.create_family("Familien Lund")
    page = make_page(qtbot, services)
    qtbot.keyClicks(page.search_edit, "familien")
    assert names(page.family_list) == ["Familien Berg", "Familien Holm", "Familien Lund"]
    qtbot.waitUntil(lambda: all(details(page.family_list)))

    # Renamed in place: the same families in the same order, new words.
    services.update_family(lund.id, display_name="Familien Lunde")
    services.add_participant(berg.id, "Ib", Role.PARENT)
    page.refresh()
    assert names(page.family_list) == ["Familien Berg", "Familien Holm", "Familien Lunde"]
    qtbot.waitUntil(lambda: all(details(page.family_list)))
    assert details(page.family_list)[0] == "1 deltager · Ingen møder endnu"

    services.create_family("Familien Dahl")
    services.update_family(holm.id, display_name="Familien Åholm")
    services.update_family(berg.id, archived=True)
    services.delete_family(lund.id)
    services.add_participant(holm.id, "Ib", Role.PARENT)
    page.refresh()

    assert page.search_edit.text() == "familien"
    assert names(page.family_list) == ["Familien Dahl", "Familien Åholm"]
    qtbot.waitUntil(lambda: all(details(page.family_list)))
    assert details(page.family_list) == [
        "0 deltagere · Ingen møder endnu",
        "1 deltager · Ingen møder endnu",  # not the count from before the refresh
    ]
    qtbot.mouseClick(page.archived_check, Qt.MouseButton.LeftButton)
    assert names(page.family_list) == ["Familien Berg", "Familien Dahl", "Familien Åholm"]
    qtbot.waitUntil(lambda: all(details(page.family_list)))
    assert details(page.family_list)[0].startswith("Arkiveret · ")

    clear_search(qtbot, page)
    qtbot.keyClicks(page.search_edit, "holm")
    assert names(page.family_list) == ["Familien Åholm"]
    assert [f.display_name for f in services.list_families(include_archived=True)] == [
        "Familien Berg",
        "Familien Dahl",
        "Familien Åholm",
    ]


def test_families_are_read_once_at_start_and_not_per_keystroke(
    qtbot: QtBot, db: Database, data_dir: Path, danish: None
) -> None:
    services = CountingServices(db)
    holm = services.create_family("Familien Holm")
    services.create_family("Familien Berg")
    window = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    page = window.families_page
    assert window.stack.currentWidget() is page
    assert names(page.family_list) == ["Familien Berg", "Familien Holm"]
    assert services.family_reads == 1

    qtbot.keyClicks(page.search_edit, "holm")
    assert names(page.family_list) == ["Familien Holm"]
    qtbot.mouseClick(page.archived_check, Qt.MouseButton.LeftButton)
    clear_search(qtbot, page)
    assert names(page.family_list) == ["Familien Berg", "Familien Holm"]
    assert services.family_reads == 1

    # Away to a family and back: the list can have changed, so it is read again, once.
    window.open_family(holm.id)
    services.create_family("Familien Dahl")
    reads = services.family_reads
    window.show_families()
    assert services.family_reads == reads + 1
    assert names(page.family_list) == ["Familien Berg", "Familien Dahl", "Familien Holm"]


def test_a_page_on_its_own_reads_when_shown(qtbot: QtBot, db: Database, danish: None) -> None:
    services = CountingServices(db)
    services.create_family("Familien Holm")
    page = FamiliesPage(services)
    qtbot.addWidget(page)
    assert services.family_reads == 0  # nothing read before it is needed
    page.show()
    qtbot.waitExposed(page)
    assert names(page.family_list) == ["Familien Holm"]
    assert services.family_reads == 1
