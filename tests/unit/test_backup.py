"""Backups, damage detection and restore (storage layer, real encrypted files)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import DAMAGE as FILE_DAMAGE
from helpers import file_digest, flip_bytes, open_unlocked

from familymeeting.domain.errors import DatabaseError, UserError
from familymeeting.messages import user_message
from familymeeting.storage import backup as backup_module
from familymeeting.storage.backup import (
    BackupInfo,
    BackupKind,
    BackupSchedule,
    backup_keys,
    backups_to_keep,
    list_backups,
    make_backup,
    restore_backup,
)
from familymeeting.storage.database import Database, check_file, is_plain_sqlite
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.keys import KeyStore, key_file_bytes
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import RestoreNeeded, restore_and_open

PASSWORD = "Kaffe hos Lise kl 9"


def family_names(db: Database) -> list[str]:
    return sorted(f.display_name for f in Services(db).list_families(include_archived=True))


@pytest.fixture
def encrypted(data_dir: Path) -> Path:
    """An encrypted data dir with the demo family and no backups yet."""
    result = open_unlocked(data_dir, PASSWORD)
    try:
        create_demo_family(Services(result.db))
    finally:
        result.db.close()
    return data_dir


def open_db(data_dir: Path) -> Database:
    return Database.open(data_dir, KeyStore.unlock(data_dir, PASSWORD))


# --------------------------------------------------------------------- making
def test_a_backup_is_encrypted_checked_and_holds_the_data(encrypted: Path) -> None:
    db = open_db(encrypted)
    try:
        info = make_backup(db, BackupKind.MANUAL)
        names = family_names(db)
    finally:
        db.close()
    assert info.path.parent == encrypted / "backups"
    assert info.path.name.endswith("-manual.db")
    assert info.size == info.path.stat().st_size > 0
    assert not is_plain_sqlite(info.path)  # encrypted like the database
    assert b"Mormor Grethe" not in info.path.read_bytes()
    key = KeyStore.unlock(encrypted, PASSWORD)
    assert check_file(info.path, key, full=True) == []
    assert check_file(info.path, bytes(32), full=True)  # only our key opens it
    # Nothing else was left behind: no temp file, no WAL beside the backup; only the
    # key file it carries (issue 17).
    assert sorted(p.name for p in (encrypted / "backups").iterdir()) == [
        info.path.name,
        info.path.name + ".keys",
    ]
    assert list_backups(encrypted) == [info]
    # The backup is a whole database: restored, it has the same families.
    restored = encrypted.parent / "restored"
    restored.mkdir()
    (restored / DB_FILENAME).write_bytes(info.path.read_bytes())
    copy = Database.open(restored, key)
    try:
        assert family_names(copy) == names
    finally:
        copy.close()


def test_a_plain_database_is_backed_up_too(services: Services, db: Database) -> None:
    create_demo_family(services)
    info = make_backup(db)
    assert is_plain_sqlite(info.path)
    assert check_file(info.path, None, full=True) == []


def test_only_a_changed_database_is_backed_up_again(encrypted: Path) -> None:
    db = open_db(encrypted)
    try:
        schedule = BackupSchedule()
        first = schedule.backup_if_changed(db)
        assert first is not None  # no backup yet
        assert schedule.backup_if_changed(db) is None  # nothing changed since
        Services(db).create_family("Familien Nørgaard")
        second = schedule.backup_if_changed(db)
        assert second is not None
        assert schedule.backup_if_changed(db) is None
    finally:
        db.close()
    assert [b.path for b in list_backups(encrypted)] == [second.path, first.path]


def test_a_backup_that_cannot_be_written_is_explained_and_changes_nothing(
    encrypted: Path,
) -> None:
    (encrypted / "backups").write_text("not a folder")  # the folder cannot be made
    before = file_digest(encrypted / DB_FILENAME)
    db = open_db(encrypted)
    try:
        with pytest.raises(DatabaseError) as info:
            make_backup(db)
    finally:
        db.close()
    assert info.value.code == "backup_failed"
    assert "Sikkerhedskopien" in user_message(info.value, "da")
    assert file_digest(encrypted / DB_FILENAME) == before


# --------------------------------------------------------------------- rotation
def fake(created: datetime, name: str = "") -> BackupInfo:
    return BackupInfo(Path(name or created.isoformat()), created, 1, BackupKind.AUTO)


def test_rotation_keeps_the_newest_ten_and_one_a_day_for_a_week() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    # Three a day (every four hours) for fifteen days.
    backups = [fake(now - timedelta(hours=4 * i)) for i in range(45)]
    keep = backups_to_keep(backups, now)
    newest_ten = {b.path for b in backups[:10]}
    assert newest_ten <= keep
    days_kept = {b.created.astimezone().date() for b in backups if b.path in keep}
    today = now.astimezone().date()
    assert {today - timedelta(days=d) for d in range(7)} <= days_kept
    # Nothing older than a week beyond the newest ten.
    week_ago = today - timedelta(days=6)
    for b in backups:
        if b.path in keep and b.path not in newest_ten:
            assert b.created.astimezone().date() >= week_ago
    # One per day beyond the newest ten: the newest of that day.
    extra = [b for b in backups if b.path in keep and b.path not in newest_ten]
    assert len({b.created.astimezone().date() for b in extra}) == len(extra)
    assert len(keep) <= 10 + 7


def test_rotation_deletes_only_backups_it_does_not_keep(encrypted: Path) -> None:
    db = open_db(encrypted)
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    try:
        for i in range(14):
            make_backup(db, now=start + timedelta(minutes=30 * i))
    finally:
        db.close()
    other = encrypted / "backups" / "notes.txt"
    other.write_text("the caseworker's own file")
    left = list_backups(encrypted)
    # All fourteen are on one day long ago: only the newest ten stay.
    assert len(left) == 10
    assert left[0].created == start + timedelta(minutes=30 * 13)
    assert other.exists()


# ------------------------------------------------------------- damage at start
def flip_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100] ^= 0xFF
    path.write_bytes(bytes(data))


DAMAGE: dict[str, Callable[[Path], None]] = {**FILE_DAMAGE, "flipped first page": flip_header}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_database_is_moved_aside_and_the_newest_good_backup_offered(
    encrypted: Path, damage: str
) -> None:
    db = open_db(encrypted)
    try:
        good = make_backup(db, now=datetime.now(UTC) - timedelta(hours=1))
        Services(db).create_family("Familien Efter Kopien")
        Services(db).compact()  # everything in the main file, no WAL
    finally:
        db.close()
    # An older backup that is itself damaged is not offered ahead of a good one.
    bad = encrypted / "backups" / backup_module.backup_name(datetime.now(UTC), BackupKind.AUTO)
    bad.write_bytes(good.path.read_bytes()[:5000])

    path = encrypted / DB_FILENAME
    DAMAGE[damage](path)
    damaged_bytes = path.read_bytes()

    with pytest.raises(RestoreNeeded) as info:
        open_unlocked(encrypted, PASSWORD)
    error = info.value
    assert error.damaged
    assert error.backup is not None and error.backup.path == good.path
    message = user_message(error, "da")
    assert "beskadiget" in message and "familymeeting restore" in message
    assert error.moved_to is not None and str(error.moved_to) in message
    # The damaged file was not opened for writing: moved, byte for byte.
    assert not path.exists()
    assert error.moved_to.parent == encrypted / "damaged"
    assert error.moved_to.read_bytes() == damaged_bytes

    result, restored = restore_and_open(encrypted, PASSWORD)
    try:
        assert restored.restored_from == good.path
        assert "Familien Efter Kopien" not in family_names(result.db)
        assert family_names(result.db)  # the demo family is back
    finally:
        result.db.close()
    assert error.moved_to.read_bytes() == damaged_bytes  # still kept
    # The next start opens normally.
    open_unlocked(encrypted, PASSWORD).db.close()


def test_damage_without_any_backup_is_explained_and_starting_again_is_possible(
    encrypted: Path,
) -> None:
    flip_bytes(encrypted / DB_FILENAME)
    with pytest.raises(RestoreNeeded) as info:
        open_unlocked(encrypted, PASSWORD)
    assert info.value.backup is None
    assert info.value.code == "db_damaged_no_backup"
    assert "ingen god sikkerhedskopi" in user_message(info.value, "da")
    # Not silently replaced by an empty database on the next start either.
    with pytest.raises(RestoreNeeded) as again:
        open_unlocked(encrypted, PASSWORD)
    assert again.value.code == "db_missing_no_backup"
    with pytest.raises(UserError) as none:
        restore_and_open(encrypted, PASSWORD)
    assert none.value.code == "no_good_backup"
    result = open_unlocked(encrypted, PASSWORD, start_empty=True)
    try:
        assert family_names(result.db) == []
        assert result.recovery_code is None  # the keys are the same; the code still works
    finally:
        result.db.close()
    assert len(list((encrypted / "damaged").iterdir())) == 1


def test_a_missing_database_with_backups_is_not_replaced_by_an_empty_one(
    encrypted: Path,
) -> None:
    db = open_db(encrypted)
    try:
        good = make_backup(db)
    finally:
        db.close()
    (encrypted / DB_FILENAME).unlink()
    with pytest.raises(RestoreNeeded) as info:
        open_unlocked(encrypted, PASSWORD)
    assert info.value.code == "db_missing_restore"
    assert info.value.backup is not None and info.value.backup.path == good.path
    assert not (encrypted / DB_FILENAME).exists()


def test_a_wrong_password_restores_nothing(encrypted: Path) -> None:
    db = open_db(encrypted)
    try:
        make_backup(db)
    finally:
        db.close()
    before = file_digest(encrypted / DB_FILENAME)
    with pytest.raises(UserError) as info:
        restore_and_open(encrypted, "ikke det rigtige kodeord")
    assert info.value.code == "wrong_password"
    assert file_digest(encrypted / DB_FILENAME) == before


# --------------------------------------------------------------------- restore
def test_restoring_over_a_sound_database_keeps_it_as_a_backup(encrypted: Path) -> None:
    db = open_db(encrypted)
    try:
        old = make_backup(db, now=datetime.now(UTC) - timedelta(minutes=5))
        Services(db).create_family("Familien Senere")
    finally:
        db.close()
    result, restored = restore_and_open(encrypted, PASSWORD, old.path)
    try:
        assert "Familien Senere" not in family_names(result.db)
    finally:
        result.db.close()
    assert restored.moved_to is None
    saved = restored.saved_current
    assert saved is not None and saved.kind is BackupKind.BEFORE_RESTORE
    # Changed her mind: the state before the restore comes back the same way.
    result, _again = restore_and_open(encrypted, PASSWORD, saved.path)
    try:
        assert "Familien Senere" in family_names(result.db)
    finally:
        result.db.close()
    assert not (encrypted / "damaged").exists()


@pytest.mark.parametrize("damage", ["truncated", "random bytes", "flipped bytes", "empty"])
def test_a_damaged_backup_is_refused_and_nothing_changes(encrypted: Path, damage: str) -> None:
    db = open_db(encrypted)
    try:
        info = make_backup(db)
    finally:
        db.close()
    DAMAGE[damage](info.path)
    before = {p.name: file_digest(p) for p in encrypted.rglob("*") if p.is_file()}
    key = KeyStore.unlock(encrypted, PASSWORD)
    with pytest.raises(DatabaseError) as error:
        restore_backup(encrypted, key, info.path)
    assert error.value.code == "backup_damaged"
    assert "Intet er ændret" in user_message(error.value, "da")
    after = {p.name: file_digest(p) for p in encrypted.rglob("*") if p.is_file()}
    assert after == before


def test_a_backup_of_other_data_is_refused(encrypted: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    result = open_unlocked(other, "Et helt andet kodeord 7")
    try:
        foreign = make_backup(result.db)
    finally:
        result.db.close()
    before = file_digest(encrypted / DB_FILENAME)
    with pytest.raises(DatabaseError) as error:
        restore_and_open(encrypted, PASSWORD, foreign.path)
    assert error.value.code == "backup_damaged"
    assert file_digest(encrypted / DB_FILENAME) == before


def test_deleting_a_family_for_good_also_removes_it_from_backups(encrypted: Path) -> None:
    db = open_db(encrypted)
    try:
        services = Services(db)
        family = services.list_families()[0]
        for minutes in (90, 60, 30):
            make_backup(db, now=datetime.now(UTC) - timedelta(minutes=minutes))
        services.delete_family_permanently(family.id)
    finally:
        db.close()
    left = list_backups(encrypted)
    # The old backups held the family: they are written again without it and kept (other
    # families' restore points stay), with a fresh one beside them (issue 17).
    assert [b.kind for b in left] == [BackupKind.AFTER_DELETE] + [BackupKind.AUTO] * 3
    key = KeyStore.unlock(encrypted, PASSWORD)
    for n, backup in enumerate(left):
        restored = encrypted.parent / f"check-{n}"
        restored.mkdir()
        (restored / DB_FILENAME).write_bytes(backup.path.read_bytes())
        copy = Database.open(restored, key)
        try:
            assert family.display_name not in family_names(copy)
        finally:
            copy.close()
        # Rewritten, each still carries the key file of its time (it opens anywhere).
        assert backup_keys(backup.path) == key_file_bytes(encrypted)


def test_check_file_reports_sound_and_damaged_files(encrypted: Path) -> None:
    key = KeyStore.unlock(encrypted, PASSWORD)
    path = encrypted / DB_FILENAME
    assert check_file(path, key, full=True) == []
    assert check_file(path, key) == []
    flip_bytes(path)
    problems = check_file(path, key, full=True)
    assert problems
    assert all("Grethe" not in p for p in problems)  # SQLite's words, no case text
    assert check_file(encrypted / "nothing.db", key)  # a missing file is not sound
    os.truncate(path, 0)
    assert check_file(path, key) == ["the file is empty"]
