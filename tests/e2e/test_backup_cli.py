"""Backups, checks and restore from the command line, with damaged files of every kind.

The installed command as a subprocess, over a copy of the module's demo data dir.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DemoData, Runner
from helpers import DAMAGE, file_digest, flip_bytes

from familymeeting.storage.paths import DB_FILENAME

NO_PASSWORD = {"FAMILYMEETING_PASSWORD": None}


@pytest.fixture
def data(demo: DemoData, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(demo.data_dir, copy)
    return copy


def ok(result: object) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    return str(result.stdout)  # type: ignore[attr-defined]


def refused(result: object) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return str(result.stderr)  # type: ignore[attr-defined]


def test_backup_backups_and_check(run: Runner, data: Path, tmp_path: Path) -> None:
    assert "Ingen sikkerhedskopier endnu" in ok(run("--data-dir", data, "backups"))
    out = ok(run("--data-dir", data, "backup"))
    assert "Sikkerhedskopien er gemt i" in out and "kB" in out
    usb = tmp_path / "usb" / "familie.db"
    usb.parent.mkdir()
    assert str(usb) in ok(run("--data-dir", data, "backup", "-o", usb))
    assert usb.is_file() and b"Holm" not in usb.read_bytes()  # encrypted
    # Listing needs no password: only names, dates and sizes.
    listing = ok(run("--data-dir", data, "backups", env=NO_PASSWORD))
    assert "manuel" in listing and "-manual.db" in listing
    checked = ok(run("--data-dir", data, "check"))
    assert "Databasen er i orden" in checked
    assert "Sikkerhedskopier: 1 i orden, 0 beskadiget." in checked
    assert "export_backup" in ok(run("--data-dir", data, "log"))
    # The exported backup can be brought back (to its own state, access log included),
    # and the access log then says it was.
    assert "er hentet tilbage" in ok(run("--data-dir", data, "restore", usb))
    assert "restore_backup" in ok(run("--data-dir", data, "log"))


def test_a_backup_is_never_written_over_the_database(run: Runner, data: Path) -> None:
    before = file_digest(data / DB_FILENAME)
    message = refused(run("--data-dir", data, "backup", "-o", data / DB_FILENAME))
    assert "programmets datamappe" in message
    assert file_digest(data / DB_FILENAME) == before


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_database_is_kept_aside_and_the_backup_restored(
    run: Runner, data: Path, damage: str
) -> None:
    ok(run("--data-dir", data, "backup"))
    path = data / DB_FILENAME
    DAMAGE[damage](path)
    damaged = path.read_bytes()

    if damage != "empty":
        # `check` only reads: it reports the damage and moves nothing.
        assert "beskadiget" in refused(run("--data-dir", data, "check"))
        assert path.read_bytes() == damaged

    message = refused(run("--data-dir", data, "list"))
    assert "Databasen var beskadiget og er ikke åbnet" in message
    assert "familymeeting restore" in message
    kept = list((data / "damaged").iterdir())
    assert [p.read_bytes() for p in kept] == [damaged]
    assert str(kept[0]) in message

    assert "er hentet tilbage" in ok(run("--data-dir", data, "restore"))
    assert "Familien Holm (demo)" in ok(run("--data-dir", data, "list"))
    assert "Databasen er i orden" in ok(run("--data-dir", data, "check"))
    assert [p.read_bytes() for p in kept] == [damaged]  # still kept


def test_damage_without_a_backup_can_start_again_empty(run: Runner, data: Path) -> None:
    flip_bytes(data / DB_FILENAME)
    message = refused(run("--data-dir", data, "list"))
    assert "ingen god sikkerhedskopi" in message and "--empty" in message
    # The next start does not quietly make an empty database in its place.
    assert "Databasen mangler" in refused(run("--data-dir", data, "list"))
    assert "ingen sikkerhedskopi" in refused(run("--data-dir", data, "restore"))
    assert "startet forfra" in ok(run("--data-dir", data, "restore", "--empty"))
    assert "Ingen familier endnu" in ok(run("--data-dir", data, "list"))
    # --empty never replaces a database that is there.
    assert "Intet er ændret" in refused(run("--data-dir", data, "restore", "--empty"))


def test_a_damaged_or_foreign_backup_changes_nothing(
    run: Runner, data: Path, other_demo: DemoData, tmp_path: Path
) -> None:
    ok(run("--data-dir", data, "backup"))
    (backup,) = (data / "backups").glob("*.db")  # beside it: its key file (issue 17)
    flip_bytes(backup)
    before = {p.name: file_digest(p) for p in data.rglob("*") if p.is_file()}
    assert "beskadiget" in refused(run("--data-dir", data, "restore", backup.name))
    # A backup of another data dir (another key) is refused the same way.
    foreign = tmp_path / "foreign.db"
    other = tmp_path / "other"
    shutil.copytree(other_demo.data_dir, other)
    ok(run("--data-dir", other, "backup", "-o", foreign))
    assert "hører ikke til disse data" in refused(run("--data-dir", data, "restore", foreign))
    assert "findes ikke" in refused(run("--data-dir", data, "restore", "nothing-here.db"))
    after = {p.name: file_digest(p) for p in data.rglob("*") if p.is_file()}
    assert after == before
