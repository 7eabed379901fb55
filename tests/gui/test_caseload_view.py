"""The caseload overview on the start screen, over a real temporary database, in Danish."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from helpers import open_unlocked
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from familymeeting import settings
from familymeeting.domain.enums import CaseDateKind, MeetingStatus, Role
from familymeeting.settings import Settings
from familymeeting.storage import models
from familymeeting.storage.caseload import read_caseload
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.storage.vault import Vault
from familymeeting.ui.caseload import CONCERN, FAMILY, LAST, NEXT, OVERDUE, CaseloadView
from familymeeting.ui.families_page import FamiliesPage
from familymeeting.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled", "danish")

PASSWORD = "Overblik over sagerne 7"


def add_dates(services: Services, *dates: tuple[str, str | None, str, int]) -> None:
    """Case dates written directly (their services are another part of issue 18)."""
    today = date.today()
    with services.db.session() as s:
        for family_id, participant_id, kind, days_ago in dates:
            s.add(
                models.CaseDate(
                    family_id=family_id,
                    participant_id=participant_id,
                    kind=kind,
                    on_date=today - timedelta(days=days_ago),
                )
            )


@pytest.fixture
def caseload(services: Services) -> dict[str, str]:
    """Three active families and an archived one."""
    today = date.today()
    now = datetime.now().replace(second=0, microsecond=0)
    sunday = today + timedelta(days=6 - today.weekday())
    berg = services.create_family("Familien Berg")
    bo = services.add_participant(berg.id, "Bo", Role.CHILD)
    old = services.create_meeting(berg.id, now - timedelta(weeks=9), status=MeetingStatus.CLOSED)
    services.add_action(old.id, "Ringe til skolen", due_date=today - timedelta(days=5))
    services.add_action(old.id, "Lave madplan", due_date=today - timedelta(days=2))
    aabo = services.create_family("Familien Aabo")
    services.add_participant(aabo.id, "Ida", Role.CHILD)
    services.create_meeting(aabo.id, datetime.combine(sunday, now.time()))
    cole = services.create_family("Familien Cole")
    archived = services.create_family("Familien Arkiv")
    services.update_family(archived.id, archived=True)
    add_dates(
        services,
        (berg.id, None, CaseDateKind.CONCERN, 120),
        (berg.id, bo.id, CaseDateKind.DECISION, 30),
        (aabo.id, None, CaseDateKind.CONCERN, 10),
        (cole.id, None, CaseDateKind.CONCERN, 45),
    )
    return {"berg": berg.id, "aabo": aabo.id, "cole": cole.id, "archived": archived.id}


def make_page(qtbot: QtBot, services: Services, width: int = 1920) -> FamiliesPage:
    page = FamiliesPage(services)
    qtbot.addWidget(page)
    page.resize(width, 1000)
    page.show()
    qtbot.waitExposed(page)
    return page


def cell(view: CaseloadView, row: int, column: int) -> str:
    return str(view.proxy.index(row, column).data())


def column_texts(view: CaseloadView, column: int) -> list[str]:
    return [cell(view, row, column) for row in range(view.proxy.rowCount())]


def tap_header(qtbot: QtBot, view: CaseloadView, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 10))


def test_the_overview_shows_every_active_family_beside_the_list(
    qtbot: QtBot, services: Services, caseload: dict[str, str]
) -> None:
    page = make_page(qtbot, services)
    view = page.caseload
    # Wide enough: the list and the overview side by side, no switch.
    assert view.isVisible() and page.family_list.isVisible()
    assert not page.switch_row.isVisible()
    assert view.table.isVisible() and not view.list.isVisible()
    assert view.title_label.text() == "Overblik"
    assert view.model.headers() == [
        "Familie",
        "Bekymring",
        "Beslutning",
        "Næste møde",
        "Overskredet",
        "Retning",
        "Sidste møde",
    ]
    assert column_texts(view, FAMILY) == ["Familien Aabo", "Familien Berg", "Familien Cole"]
    berg = [cell(view, 1, c) for c in range(7)]
    assert berg[1:5] == ["120 dage siden", "efter 90 dage", "–", "2 overskredne"]
    assert berg[5] == "Bo –"
    assert berg[6] == "9 uger siden ⚠ for længe"
    assert cell(view, 0, 2) == "venter 10 dage"
    assert cell(view, 0, NEXT).endswith("(denne uge)")
    assert cell(view, 2, LAST) == "intet møde endnu"
    assert view.legend_label.text() == "⚠ for længe: intet møde i de seneste 6 uger"
    # What is shown is what is stored: the same records the command line prints.
    stored = read_caseload(services)
    assert [f.family_id for f in stored.families] == view.rows_shown()
    assert caseload["archived"] not in view.rows_shown()


def test_tapping_a_header_sorts_and_a_row_opens_the_family(
    qtbot: QtBot, services: Services, caseload: dict[str, str]
) -> None:
    page = make_page(qtbot, services)
    view = page.caseload
    tap_header(qtbot, view, OVERDUE)  # most first is a second tap away: both orders work
    first = column_texts(view, OVERDUE)
    tap_header(qtbot, view, OVERDUE)
    assert column_texts(view, OVERDUE) == list(reversed(first))
    tap_header(qtbot, view, CONCERN)
    order = [view.proxy.index(r, CONCERN).data(Qt.ItemDataRole.UserRole + 1) for r in range(3)]
    assert order in (sorted(order), sorted(order, reverse=True))

    opened: list[str] = []
    page.family_opened.connect(opened.append)
    row = view.rows_shown().index(caseload["berg"])
    rect = view.table.visualRect(view.proxy.index(row, FAMILY))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [caseload["berg"]]


def test_this_week_shows_the_meetings_due(
    qtbot: QtBot, services: Services, caseload: dict[str, str]
) -> None:
    page = make_page(qtbot, services)
    view = page.caseload
    assert view.week_button.text() == "Denne uge"
    qtbot.mouseClick(view.week_button, Qt.MouseButton.LeftButton)
    assert view.rows_shown() == [caseload["aabo"]]
    qtbot.mouseClick(view.week_button, Qt.MouseButton.LeftButton)
    assert len(view.rows_shown()) == 3


def test_no_meeting_this_week_says_so(qtbot: QtBot, services: Services) -> None:
    services.create_family("Familien Dam")
    page = make_page(qtbot, services)
    view = page.caseload
    qtbot.mouseClick(view.week_button, Qt.MouseButton.LeftButton)
    assert view.rows_shown() == []
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == "Ingen møder i denne uge."
    assert not view.table.isVisible()


def test_a_first_start_shows_no_overview(qtbot: QtBot, services: Services) -> None:
    page = make_page(qtbot, services)
    assert page.empty_page.isVisible()
    assert not page.caseload.isVisible() and not page.switch_row.isVisible()


def test_narrow_screens_switch_and_show_blocks(
    qtbot: QtBot, services: Services, caseload: dict[str, str]
) -> None:
    page = make_page(qtbot, services, width=800)  # an upright tablet
    view = page.caseload
    assert page.switch_row.isVisible()
    assert page.family_list.isVisible() and not view.isVisible()
    qtbot.mouseClick(page.caseload_switch, Qt.MouseButton.LeftButton)
    assert view.isVisible() and not page.family_list.isVisible()
    # The table's columns do not fit: each family is a block, sorted with a choice.
    assert view.list.isVisible() and not view.table.isVisible()
    assert view.sort_combo.isVisible()
    assert view.sort_combo.currentText() == "Sortér: Familie"
    summary = str(view.proxy.index(1, FAMILY).data(Qt.ItemDataRole.AccessibleTextRole))
    assert summary.startswith("Familien Berg, Bekymring: 120 dage siden, Beslutning: efter 90")
    view.sort_combo.setCurrentIndex(OVERDUE)
    view.sort_combo.activated.emit(OVERDUE)
    assert view.rows_shown()[0] == caseload["berg"]  # the most overdue first
    opened: list[str] = []
    page.family_opened.connect(opened.append)
    rect = view.list.visualRect(view.proxy.index(0, FAMILY))
    assert rect.height() >= 48
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [caseload["berg"]]


# ------------------------------------------------------------------ the window
@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    vault = Vault(data_dir, open_unlocked(data_dir, PASSWORD).db)
    yield vault
    vault.close()


@pytest.fixture
def window(qtbot: QtBot, vault: Vault, data_dir: Path) -> Iterator[MainWindow]:
    app_settings = Settings(data_dir)
    app_settings.set(settings.QUIET_WEEKS, 12)
    services = vault.services()
    create_demo_family(services)
    window = MainWindow(services, app_settings, vault=vault, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def test_the_window_passes_the_setting_and_a_row_opens_the_family(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_families()
    view = window.families_page.caseload
    assert view.isVisible()
    assert view.legend_label.text() == "⚠ for længe: intet møde i de seneste 12 uger"
    family_id = view.rows_shown()[0]
    rect = view.table.visualRect(view.proxy.index(0, FAMILY))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.family_page
    assert window.family_id == family_id


def test_never_on_screen_while_a_meeting_is_open(qtbot: QtBot, window: MainWindow) -> None:
    window.show_families()
    family_id = window.families_page.caseload.rows_shown()[0]
    meeting = window.services.list_meetings(family_id)[0]
    window.open_meeting(meeting.id)
    assert window.stack.currentWidget() is window.meeting
    assert not window.families_page.isVisible()
    assert not window.families_page.caseload.isVisible()


def test_not_reachable_in_family_view(qtbot: QtBot, window: MainWindow) -> None:
    window.show_families()
    family_id = window.families_page.caseload.rows_shown()[0]
    meeting = window.services.list_meetings(family_id)[0]
    window.open_meeting(meeting.id)
    assert window.enter_family_mode()
    window.show_families()  # the home button's way: refused in family view
    window.go_back()
    assert window.stack.currentWidget() is window.meeting
    assert not window.families_page.caseload.isVisible()
    assert not window.home_action.isEnabled()


def test_the_weeks_are_chosen_in_settings(qtbot: QtBot, window: MainWindow) -> None:
    window.show_maintenance()
    combo = window.maintenance.quiet_combo
    assert combo.currentText() == "12 uger"
    assert [combo.itemText(i) for i in range(combo.count())][:2] == ["2 uger", "4 uger"]
    combo.setCurrentIndex(combo.findData(4))
    assert Settings(window.settings.path.parent).get(settings.QUIET_WEEKS) == 4
    window.show_families()
    view = window.families_page.caseload
    assert view.legend_label.text() == "⚠ for længe: intet møde i de seneste 4 uger"


def test_back_on_the_start_screen_only_the_visited_family_is_read_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    """At municipal scale a whole read takes most of a second (docs/benchmarks.md); the
    start screen keeps what it read and reads again only the families opened since."""
    services = window.services
    other = services.create_family("Familien Berg")
    window.families_page.refresh()  # a family added: the whole overview again
    window.show_families()
    view = window.families_page.caseload
    demo_id = next(f for f in view.rows_shown() if f != other.id)
    before = {f.family_id: f for f in window.families_page.caseload_read.families}
    meeting = services.list_meetings(demo_id)[0]
    window.open_meeting(meeting.id)
    services.add_action(meeting.id, "Ringe til lægen", due_date=date.today() - timedelta(days=2))

    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(services.db.engine, "before_cursor_execute", record)
    try:
        window.show_families()
    finally:
        event.remove(services.db.engine, "before_cursor_execute", record)
    caseload_reads = [s for s in seen if "FROM rating" in s or "FROM case_date" in s]
    assert caseload_reads and all(" IN (" in s for s in caseload_reads)
    row = view.rows_shown().index(demo_id)
    overdue = before[demo_id].overdue_actions + 1
    assert cell(view, row, OVERDUE) == f"{overdue} overskredne"
    # What is shown is what a whole read gives.
    assert read_caseload(services).families == window.families_page.caseload_read.families
