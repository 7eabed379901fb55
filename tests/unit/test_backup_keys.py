"""Backups carry the key file of their time (issue 17, item 4): storage layer, real files.

``open_backup`` and ``write_backup`` are the one way to read and write a backup; a
backup rewritten through them keeps the key material it had.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import open_unlocked

from familymeeting.storage.backup import (
    PORTABLE_MAGIC,
    BackupKind,
    backup_keys,
    export_backup,
    keys_sidecar,
    list_backups,
    make_backup,
    open_backup,
    purge_backups,
    rotate,
    write_backup,
)
from familymeeting.storage.database import Database, check_file
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.keys import KEYS_FILENAME, KeyStore, key_file_bytes
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import restore_and_open

PASSWORD = "Kaffe hos Lise kl 9"
NEW = "Et nyt kodeord til 2027"


@pytest.fixture
def encrypted(data_dir: Path) -> Path:
    result = open_unlocked(data_dir, PASSWORD)
    try:
        create_demo_family(Services(result.db))
    finally:
        result.db.close()
    return data_dir


def open_db(data_dir: Path, password: str = PASSWORD) -> Database:
    return Database.open(data_dir, KeyStore.unlock(data_dir, password))


def names(db: Database) -> list[str]:
    return sorted(f.display_name for f in Services(db).list_families(include_archived=True))


def test_a_backup_carries_the_key_file_as_it_was(encrypted: Path) -> None:
    db = open_db(encrypted)
    try:
        info = make_backup(db, BackupKind.MANUAL)
    finally:
        db.close()
    then = key_file_bytes(encrypted)
    assert keys_sidecar(info.path).read_bytes() == then
    assert backup_keys(info.path) == then
    KeyStore.change_password(encrypted, PASSWORD, NEW)
    assert backup_keys(info.path) == then  # the key file of its time, not today's


def test_backup_o_is_one_file_with_the_key_file_inside(encrypted: Path, tmp_path: Path) -> None:
    dest = tmp_path / "usb" / "familie.backup"
    dest.parent.mkdir()
    db = open_db(encrypted)
    try:
        export_backup(db, dest)
    finally:
        db.close()
    assert sorted(p.name for p in dest.parent.iterdir()) == [dest.name]
    assert dest.read_bytes().startswith(PORTABLE_MAGIC)
    assert backup_keys(dest) == key_file_bytes(encrypted)


def test_open_backup_and_write_backup_rewrite_a_backup_keeping_its_keys(encrypted: Path) -> None:
    """The way another change (delete for good, re-key) rewrites a backup."""
    db = open_db(encrypted)
    try:
        info = make_backup(db, BackupKind.MANUAL)
        family = Services(db).list_families()[0]
    finally:
        db.close()
    then = keys_sidecar(info.path).read_bytes()
    KeyStore.change_password(encrypted, PASSWORD, NEW)
    key = KeyStore.unlock(encrypted, NEW)
    with open_backup(info.path, key) as copy:
        Services(copy).delete_family_permanently(family.id)
        write_backup(copy, info.path)
    assert keys_sidecar(info.path).read_bytes() == then
    assert check_file(info.path, key, full=True) == []
    # No working copy left beside it.
    assert (
        sorted(
            p.name for p in info.path.parent.iterdir() if not p.name.startswith("familymeeting-")
        )
        == []
    )
    with open_backup(info.path, key) as copy:
        assert family.display_name not in names(copy)


def test_a_backup_from_before_backups_carried_keys_still_restores_here(encrypted: Path) -> None:
    db = open_db(encrypted)
    try:
        info = make_backup(db, BackupKind.MANUAL)
        before = names(db)
    finally:
        db.close()
    keys_sidecar(info.path).unlink()  # as every backup made before issue 17
    assert backup_keys(info.path) is None
    result, _restored = restore_and_open(encrypted, PASSWORD, info.path)
    try:
        assert names(result.db) == before
    finally:
        result.db.close()


def test_restoring_over_damaged_keys_installs_the_backups_key_file(encrypted: Path) -> None:
    db = open_db(encrypted)
    try:
        info = make_backup(db, BackupKind.MANUAL)
    finally:
        db.close()
    good = key_file_bytes(encrypted)
    for name in (KEYS_FILENAME, "keys-copy.json"):
        (encrypted / name).write_bytes(b"{}")
    result, _restored = restore_and_open(encrypted, PASSWORD, info.path)
    result.db.close()
    assert key_file_bytes(encrypted) == good
    assert (encrypted / DB_FILENAME).exists()


def test_rotation_and_purge_take_the_key_files_with_them(encrypted: Path) -> None:
    db = open_db(encrypted)
    try:
        now = datetime.now(UTC)
        for minutes in range(12, 0, -1):
            make_backup(db, now=now - timedelta(minutes=minutes))
    finally:
        db.close()
    rotate(encrypted, now)
    folder = encrypted / "backups"
    kept = {p.name for p in folder.glob("*.db")}
    assert {p.name[: -len(".keys")] for p in folder.glob("*.keys")} == kept
    purge_backups(encrypted)
    assert list_backups(encrypted) == [] and not list(folder.glob("*.keys"))
