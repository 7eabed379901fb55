"""Settings, "Statistik til teamet" (issue 20): load the team key, save the statistics.

Real window, real encrypted database, real files: the key file a leader made, the
Parquet file read back with DuckDB. What the caseworker sees (the fingerprint, the
messages in Danish) and what is stored (the key in the database, the export counter)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import duckdb
import pytest
from helpers import open_unlocked
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from familymeeting.domain.enums import MeetingStatus, Role
from familymeeting.domain.statistics import COLUMN_NAMES, quarter_bounds, quarter_of
from familymeeting.settings import Settings
from familymeeting.storage.services import Services
from familymeeting.storage.team_key import write_team_key_file
from familymeeting.storage.vault import Vault
from familymeeting.ui.main_window import MainWindow

PASSWORD = "Kaffe ved køkkenbordet 7"
TIMEOUT = 20_000

pytestmark = pytest.mark.usefixtures("styled")


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    result = open_unlocked(data_dir, PASSWORD)
    services = Services(result.db)
    family = services.create_family("Familien Brink")
    maja = services.add_participant(family.id, "Maja", Role.CHILD, birth_year=2014).id
    # A meeting in the last quarter that has ended: the block's default choice.
    this_quarter = quarter_bounds(quarter_of(date.today()))[0]
    held = datetime.combine(this_quarter - timedelta(days=45), time(10))
    meeting = services.create_meeting(
        family.id, held, status=MeetingStatus.CLOSED, attendee_ids=[maja]
    )
    services.set_rating(services.list_questions(meeting.id)[0].id, maja, 8)
    vault = Vault(data_dir, result.db)
    yield vault
    vault.close()


@pytest.fixture
def window(qtbot: QtBot, vault: Vault, data_dir: Path, danish: None) -> Iterator[MainWindow]:
    win = MainWindow(vault.services(), Settings(data_dir), vault=vault, idle_ms=3_600_000)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_without_a_key_saving_is_off_and_the_block_says_where_it_comes_from(
    window: MainWindow,
) -> None:
    window.settings_action.trigger()
    block = window.maintenance.team_statistics
    assert block.isVisible()
    assert "Der er ikke indlæst en teamnøgle" in block.key_label.text()
    assert not block.save_button.isEnabled() and not block.remove_button.isEnabled()
    assert block.load_button.isEnabled()
    assert block.load_button.text() == "Indlæs teamnøgle…"
    assert block.save_button.text() == "Gem statistik…"
    assert block.choose_output() is None
    assert "Indlæs teamnøglen først" in block.status_label.text()


def test_load_a_key_save_the_statistics_and_remove_the_key(
    qtbot: QtBot, window: MainWindow, vault: Vault, tmp_path: Path
) -> None:
    services = vault.services()
    key_file = tmp_path / "team.json"
    fingerprint = write_team_key_file(key_file)
    window.settings_action.trigger()
    block = window.maintenance.team_statistics

    dialog = block.choose_key_file()
    assert dialog.isVisible()
    dialog.fileSelected.emit(str(key_file))
    dialog.reject()
    assert f"Teamnøglen er indlæst: {fingerprint}" in block.key_label.text()
    assert services.team_key_state().fingerprint == fingerprint
    assert block.save_button.isEnabled() and block.remove_button.isEnabled()

    last = block.quarters()
    assert last[0] == last[1] != quarter_of(date.today())  # the last quarter that ended
    assert block.first_combo.currentText().endswith(last[0][:4])
    assert "kvartal" in block.first_combo.currentText()
    out = tmp_path / block.suggested_name()
    assert out.name == f"caseload-{last[0]}.parquet"
    with qtbot.waitSignal(block.exported, timeout=TIMEOUT):
        block.export_to(out)
    assert "Statistikken for" in block.status_label.text() and str(out) in block.status_label.text()
    assert services.team_key_state().exports == 1
    with duckdb.connect() as con:
        rel = con.sql(f"SELECT * FROM read_parquet('{out}')")
        assert tuple(rel.columns) == COLUMN_NAMES
        rows = rel.fetchall()
    assert any(r[COLUMN_NAMES.index("value")] == 8 for r in rows)
    assert not any("Maja" in str(v) or "Brink" in str(v) for r in rows for v in r)

    qtbot.mouseClick(block.remove_button, Qt.MouseButton.LeftButton)
    assert services.team_key_state().fingerprint is None
    assert "Teamnøglen er fjernet" in block.status_label.text()
    assert not block.save_button.isEnabled()


def test_a_bad_key_file_is_refused_and_nothing_changes(
    window: MainWindow, vault: Vault, tmp_path: Path
) -> None:
    bad = tmp_path / "not-a-key.json"
    bad.write_text('{"format": "familymeeting-case", "version": 4}')
    window.settings_action.trigger()
    block = window.maintenance.team_statistics
    assert not block.load_key(bad)
    assert "ikke en teamnøglefil" in block.status_label.text()
    assert vault.services().team_key_state().fingerprint is None
    assert not block.save_button.isEnabled()


def test_a_failed_save_says_why_and_counts_nothing(
    qtbot: QtBot, window: MainWindow, vault: Vault, tmp_path: Path
) -> None:
    key_file = tmp_path / "team.json"
    write_team_key_file(key_file)
    window.settings_action.trigger()
    block = window.maintenance.team_statistics
    assert block.load_key(key_file)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    block.export_to(blocker / "s.parquet")
    qtbot.waitUntil(lambda: block.job is None, timeout=TIMEOUT)
    assert (
        "Kan ikke skrive" in block.status_label.text() or str(blocker) in block.status_label.text()
    )
    assert vault.services().team_key_state().exports == 0
    assert block.save_button.isEnabled()


def test_family_view_never_shows_the_statistics(window: MainWindow, vault: Vault) -> None:
    services = vault.services()
    family = services.list_families()[0]
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    window.open_meeting(meeting.id)
    assert window.enter_family_mode()
    window.show_maintenance()
    assert window.stack.currentWidget() is window.meeting
    assert not window.maintenance.team_statistics.isVisible()
