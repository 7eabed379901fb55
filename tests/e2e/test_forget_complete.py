"""Deleting a family for good leaves it in no file of the data folder, even when killed.

The real command deletes one of two families in a data dir with three backups, stray
copies of a killed backup and a killed restore, and a damaged/ copy. It is killed
(``FAMILYMEETING_FAULT``, storage/faults.py) at each step in turn; the next start
finishes the job. Then the family's distinctive words are searched for in the raw bytes
of every file and in the decrypted database and backups: none, while the other family is
in every backup still.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import Runner
from passwords import TEST_PASSWORD, open_database

from familymeeting.domain.errors import DatabaseError
from familymeeting.storage.backup import damaged_dir, list_backups, make_backup
from familymeeting.storage.database import connect_file
from familymeeting.storage.forget import JOURNAL_FILENAME, RESTORING_NAME, pending_family_ids
from familymeeting.storage.keys import KeyStore
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

GONE_WORDS = ["Zylinderhut", "Kvasirmjød", "Brombærkrattet"]  # only in the deleted family
KEPT_WORD = "Ildfuglefjer"  # only in the family that stays
FAULT_POINTS = [
    "delete.after_journal",
    "delete.after_commit",
    "delete.after_vacuum",
    "delete.after_backup_rewritten",
    "delete.before_journal_removed",
]


def _family(services: Services, name: str, words: str) -> str:
    family = services.create_family(name)
    services.add_participant(family.id, f"Mor {name.split()[-1]}", "parent")
    meeting = services.create_meeting(family.id, datetime(2026, 11, 2, 10))
    services.add_card(meeting.id, "worries", words)
    services.add_action(meeting.id, words)
    return family.id


@pytest.fixture
def data_dir(run: Runner, tmp_path: Path) -> tuple[Path, str]:
    """Two families, three backups holding both, and copies a kill or damage left."""
    data = tmp_path / "data"
    made = run("--data-dir", data, "list", "--create")
    assert made.returncode == 0, made.stderr
    db = open_database(data)
    try:
        services = Services(db)
        gone = _family(services, "Familien Zylinderhut", "Kvasirmjød i Brombærkrattet")
        _family(services, "Familien Ildfuglefjer", f"{KEPT_WORD} på loftet")
        now = datetime.now(UTC)
        for minutes in (90, 60, 30):
            make_backup(db, now=now - timedelta(minutes=minutes))
    finally:
        db.close()
    newest = list_backups(data)[0].path
    # A killed `backup` and a killed `restore` each leave a whole copy behind.
    shutil.copyfile(newest, newest.with_name(f".{newest.name}.1a2b3c4d.tmp"))
    shutil.copyfile(newest, data / RESTORING_NAME)
    damaged_dir(data).mkdir()
    shutil.copyfile(newest, damaged_dir(data) / "familymeeting-20261101T100000Z.db")
    return data, gone


def decrypted_text(path: Path, key: bytes) -> str:
    """Every value of every row of the database file at ``path``, as one text."""
    con = connect_file(path, key, read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return "\n".join(
            " ".join(str(v) for v in row)
            for table in tables
            for row in con.execute(f'SELECT * FROM "{table}"')
        )
    finally:
        con.close()


def assert_forgotten(data: Path, backups_before: int) -> None:
    """Not a word of the family in any file; the access log keeps only its id."""
    assert not (data / JOURNAL_FILENAME).exists()
    assert not (data / RESTORING_NAME).exists()
    assert not [p for p in (data / "backups").iterdir() if p.name.endswith(".tmp")]
    key = KeyStore.unlock(data, TEST_PASSWORD)
    # Raw bytes of every file outside damaged/ (kept by promise, named to the user).
    for path in data.rglob("*"):
        if path.is_file() and damaged_dir(data) not in path.parents:
            raw = path.read_bytes()
            for word in GONE_WORDS:
                assert word.encode() not in raw, path
    main = decrypted_text(data / DB_FILENAME, key)
    assert KEPT_WORD in main
    assert not [w for w in GONE_WORDS if w in main]
    backups = list_backups(data)
    # Every restore point of the family that stays is still there (and a new one).
    assert len(backups) >= backups_before
    for backup in backups:
        text = decrypted_text(backup.path, key)
        assert KEPT_WORD in text, backup.path.name
        assert not [w for w in GONE_WORDS if w in text], backup.path.name


def test_delete_for_good_removes_the_family_from_every_backup_and_keeps_the_others(
    run: Runner, data_dir: tuple[Path, str]
) -> None:
    data, gone = data_dir
    result = run("--data-dir", data, "delete-family", gone[:8], "--yes")
    assert result.returncode == 0, result.stderr
    assert "3" in result.stdout  # three backups written again without it
    # The damaged/ copy is named, not silently deleted.
    assert "familymeeting-20261101T100000Z.db" in result.stdout
    assert (damaged_dir(data) / "familymeeting-20261101T100000Z.db").exists()
    assert_forgotten(data, backups_before=3)
    restored = run("--data-dir", data, "restore")
    assert restored.returncode == 0, restored.stderr
    listed = run("--data-dir", data, "list")
    assert "Zylinderhut" not in listed.stdout
    assert "Ildfuglefjer" in listed.stdout


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_a_kill_at_any_step_is_finished_at_the_next_start(
    run: Runner, data_dir: tuple[Path, str], point: str
) -> None:
    data, gone = data_dir
    killed = run(
        "--data-dir", data, "delete-family", gone[:8], "--yes", env={"FAMILYMEETING_FAULT": point}
    )
    assert killed.returncode in (137, -9), (killed.returncode, killed.stderr)
    assert (data / JOURNAL_FILENAME).exists()
    # The next start, whatever the command, finishes the deletion before anything else.
    listed = run("--data-dir", data, "list")
    assert listed.returncode == 0, listed.stderr
    assert "Zylinderhut" not in listed.stdout
    assert "Ildfuglefjer" in listed.stdout
    assert_forgotten(data, backups_before=3)
    # Bringing back the newest backup does not bring the family back.
    restored = run("--data-dir", data, "restore")
    assert restored.returncode == 0, restored.stderr
    assert "Zylinderhut" not in run("--data-dir", data, "list").stdout


def test_the_damaged_copies_are_deleted_when_asked(run: Runner, data_dir: tuple[Path, str]) -> None:
    data, gone = data_dir
    result = run("--data-dir", data, "delete-family", gone[:8], "--yes", "--delete-damaged")
    assert result.returncode == 0, result.stderr
    assert list(damaged_dir(data).iterdir()) == []


def test_without_confirmation_nothing_is_deleted(run: Runner, data_dir: tuple[Path, str]) -> None:
    data, gone = data_dir
    result = run("--data-dir", data, "delete-family", gone[:8])
    assert result.returncode == 2
    assert "--yes" in result.stderr
    # Nothing deleted: the family is still listed (the stray copies go at any start).
    assert "Zylinderhut" in run("--data-dir", data, "list").stdout
    assert not (data / JOURNAL_FILENAME).exists()


def test_a_busy_checkpoint_is_never_reported_as_done(
    run: Runner, data_dir: tuple[Path, str]
) -> None:
    """A reader holding the WAL keeps words in it: an error, and the journal stays."""
    data, gone = data_dir
    db = open_database(data)
    reader = connect_file(data / DB_FILENAME, db.key)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM family").fetchone()  # a snapshot held open
        with pytest.raises(DatabaseError) as info:
            Services(db).delete_family_permanently(gone)
        assert info.value.code == "checkpoint_busy"
        assert pending_family_ids(data) == [gone]
    finally:
        reader.close()
        db.close()
    listed = run("--data-dir", data, "list")
    assert listed.returncode == 0, listed.stderr
    assert_forgotten(data, backups_before=3)
