"""The "Team" page: statistics files opened, the report's figures shown, "< 5" where a
figure describes fewer than five; a file it cannot use named in a message while the
page keeps what it showed; never reached in family view.

Real files: the hand-made team set with hand-computed figures (tests/team_stats_fixture.py)
and the benchmark generator's files at a small scale, read by the real reader (DuckDB)
off the GUI thread.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest
from helpers import open_unlocked
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot
from team_stats_fixture import write_team_files

from familymeeting.settings import Settings
from familymeeting.storage.team_report_data import read_team_report
from familymeeting.storage.vault import Vault
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.team_page import TeamFileProblemDialog, TeamPage

PASSWORD = "Kaffe ved køkkenbordet 7"
READ_TIMEOUT = 30_000  # ms: DuckDB on a busy CI machine
GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "stats_generate.py"

pytestmark = pytest.mark.usefixtures("styled")


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stats_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["stats_generate"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    vault = Vault(data_dir, open_unlocked(data_dir, PASSWORD).db)
    yield vault
    vault.close()


@pytest.fixture
def meeting_id(vault: Vault) -> str:
    services = vault.services()
    family = services.create_family("Familien Aalund")
    services.add_participant(family.id, "Maja", "child", birth_year=2014)
    return services.create_meeting(family.id, datetime(2026, 12, 1, 9)).id


@pytest.fixture
def window(
    qtbot: QtBot, vault: Vault, data_dir: Path, meeting_id: str, danish: None
) -> Iterator[MainWindow]:
    window = MainWindow(vault.services(), Settings(data_dir), vault=vault, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_families()
    yield window
    window.close()


def open_team(window: MainWindow) -> TeamPage:
    assert window.team_action.isVisible() and window.team_action.isEnabled()
    window.team_action.trigger()
    assert window.stack.currentWidget() is window.team_page
    assert not window.team_action.isEnabled()  # we are there
    return window.team_page


def read(qtbot: QtBot, page: TeamPage, paths: list[Path]) -> None:
    with qtbot.waitSignal(page.report_shown, timeout=READ_TIMEOUT):
        page.open_files(paths)
        assert page.busy.isVisible() and not page.open_button.isEnabled()
    assert not page.busy.isVisible() and page.open_button.isEnabled()
    QApplication.processEvents()  # the new tables are shown on the next turn


def visible_texts(page: TeamPage) -> list[str]:
    return [w.text() for w in page.findChildren(QLabel) if w.isVisible()]


def test_the_team_files_figures_are_shown_with_small_cells_as_under_five(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    files = write_team_files(tmp_path)
    page = open_team(window)
    assert not page.save_button.isEnabled()  # nothing to save yet
    read(qtbot, page, files)

    # What the page holds is the reader's report over the same files.
    assert page.report == read_team_report(files)
    # 2026Q3, concern -> decision: 10 20 30 40 50 100 days (hand-computed: mean 41.7,
    # median 35, quartiles 22.5 and 47.5); 2026Q4 has four families: "< 5", no number
    # (one decimal and the quarter's name as the PDF writes them).
    pace = page.tables["pace:concern_to_decision"]
    assert pace.cell_texts() == [
        ["3. kvt. 2026", "6", "41,7", "35,0", "22,5–47,5"],
        ["4. kvt. 2026", "< 5", "< 5", "< 5", "< 5"],
    ]
    shown = visible_texts(page)
    assert "22,5–47,5" in shown and "< 5" in shown
    # Meetings and plans per family: 2026Q3 six families, 12 meetings, 4 plans.
    assert page.tables["activity"].cell_texts()[0] == ["3. kvt. 2026", "6", "2,0", "0,7"]
    # The children's feedback uses the child's own words for the item.
    feedback = page.tables["feedback"].cell_texts()
    assert [
        "4. kvt. 2026",
        "Lyttede rådgiveren til dig?",
        "6",
        "40\u00a0%",
        "40\u00a0%",
    ] in feedback
    assert "3 filer læst" in page.status.text()
    assert "1 gentaget eksport" in page.status.text()
    assert page.save_button.isEnabled()


def test_tables_become_blocks_on_an_upright_tablet_at_the_largest_text(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = open_team(window)
    read(qtbot, page, write_team_files(tmp_path))
    assert not page.tables["movement"].compact
    window.apply_text_size(2)
    window.resize(800, 1200)
    qtbot.waitUntil(lambda: page.tables["movement"].compact)
    movement = page.tables["movement"]
    assert movement.blocks.isVisible() and not movement.grid.isVisible()
    blocks = [w.text() for w in movement.blocks.findChildren(QLabel)]
    assert any(text.startswith("<b>Hvor godt er det at være dig derhjemme</b>") for text in blocks)
    # Two network members: suppressed, in a block as in the grid.
    assert any("Netværk" in text and "&lt; 5" in text for text in blocks)
    room = page.scroll_area.viewport().width()
    QApplication.processEvents()  # the layout takes the blocks' widths
    assert page.scroll_area.widget().width() <= room  # nothing to scroll sideways
    window.apply_text_size(0)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: not page.tables["pace:concern_to_decision"].compact)


def test_the_generators_files_read_in_the_background(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A small municipality's files from benchmarks/stats_generate.py: every quarter of
    the three years, and at this size no quarter's activity is suppressed."""
    manifest = load_generator().generate(tmp_path / "stats", "municipality", scale=0.1, seed=7)
    files = sorted((tmp_path / "stats").glob("*.parquet"))
    assert len(files) == manifest.files
    page = open_team(window)
    read(qtbot, page, files)
    quarters = [f"{q}. kvt. {y}" for y in (2024, 2025, 2026) for q in range(1, 5)]
    assert [row[0] for row in page.tables["activity"].cell_texts()] == quarters
    assert all(row[1] != "< 5" for row in page.tables["activity"].cell_texts())
    assert page.report is not None and page.report.files == manifest.files
    assert f"{manifest.files} filer læst" in page.status.text()


def test_a_file_it_cannot_use_is_named_and_the_figures_stay(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = open_team(window)
    files = write_team_files(tmp_path)
    read(qtbot, page, files)
    before = {name: table.cell_texts() for name, table in page.tables.items()}
    status = page.status.text()
    bad = tmp_path / "caseload-2026Q4.parquet"
    bad.write_text("quarter;family\n2026Q4;x\n")

    with qtbot.waitSignal(page.read_failed, timeout=READ_TIMEOUT) as failed:
        page.open_files([*files, bad])
    message = str(failed.args[0])
    assert "caseload-2026Q4.parquet" in message
    assert "ikke en statistikfil" in message or "beskadiget" in message
    dialog = page.problem
    assert isinstance(dialog, TeamFileProblemDialog) and dialog.isVisible()
    assert dialog.message.text() == message
    # The page shows what it showed, and the files are as they were.
    assert {name: table.cell_texts() for name, table in page.tables.items()} == before
    assert page.status.text() == status
    assert page.report == read_team_report(files)
    assert bad.read_text() == "quarter;family\n2026Q4;x\n"
    dialog.accept()
    assert page.open_button.isEnabled() and page.save_button.isEnabled()


def test_the_team_page_is_out_of_reach_in_family_view(
    qtbot: QtBot, window: MainWindow, meeting_id: str
) -> None:
    window.open_meeting(meeting_id)
    assert window.enter_family_mode()
    assert not window.team_action.isVisible()
    window.show_team()
    assert window.stack.currentWidget() is window.meeting
    more = [a.text() for a in window.toolbar.more_menu.actions() if a.isVisible()]
    assert "Team" not in more
    QApplication.processEvents()


def test_the_team_button_is_not_at_the_family_s_table(
    qtbot: QtBot, window: MainWindow, meeting_id: str
) -> None:
    """In a meeting (board, ratings, plan preview) the toolbar has no Team button: the
    team's figures are for the office; back on the start screen it is there again."""
    window.open_meeting(meeting_id)
    assert not window.team_action.isVisible()
    more = [a.text() for a in window.toolbar.more_menu.actions() if a.isVisible()]
    assert "Team" not in more
    window.show_families()
    assert window.team_action.isVisible() and window.team_action.isEnabled()


def test_the_report_is_saved_as_pdf(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    page = open_team(window)
    read(qtbot, page, write_team_files(tmp_path))
    target = tmp_path / "out" / "teamrapport.pdf"
    target.parent.mkdir()

    with qtbot.waitSignal(page.saved, timeout=READ_TIMEOUT):
        page.save_to(target)
    assert page.saved_label.isVisible() and str(target) in page.saved_label.text()
    text = "\n".join(p.extract_text() for p in PdfReader(target).pages)
    assert "< 5" in text and "3. kvt. 2026" in text
    assert "22,5" in text and "47,5" in text  # the quartiles shown on the page
    assert [p.name for p in target.parent.iterdir()] == ["teamrapport.pdf"]


def test_a_folder_it_cannot_write_gives_a_message_and_no_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = open_team(window)
    read(qtbot, page, write_team_files(tmp_path))
    target = tmp_path / "no such folder" / "teamrapport.pdf"

    with qtbot.waitSignal(page.save_failed, timeout=READ_TIMEOUT) as failed:
        page.save_to(target)
    assert page.error_label.isVisible()
    assert page.error_label.text() == failed.args[0]
    assert "no such folder" in page.error_label.text()
    assert not target.parent.exists()
    assert page.save_button.isEnabled()  # try again elsewhere
