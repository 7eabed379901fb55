"""storage/rekey.py on an open database, as the window will call it (issue 17, item 8).

The window keeps its Database object: after a re-key the same object reads and writes
under the new key, the backups in backups/ are under it too, and a wrong password
changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_unlocked

from familymeeting.storage.backup import backup_opens_with, list_backups, make_backup
from familymeeting.storage.keys import KEYS_FILENAME, WrongPasswordError, unwrap_key_file
from familymeeting.storage.rekey import journal_path, rekey
from familymeeting.storage.services import Services

PASSWORD = "Kaffe hos Lise kl 9"


def _files(data_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data_dir)): p.read_bytes()
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and p.name != "unlock-failures.json"
    }


def test_the_open_database_goes_on_under_the_new_key(data_dir: Path) -> None:
    db = open_unlocked(data_dir, PASSWORD).db
    try:
        Services(db).create_family("Familien Nøgle")
        make_backup(db)
        old_key = db.key
        seen: list[tuple[int, int]] = []
        result = rekey(db, PASSWORD, lambda done, total: seen.append((done, total)))
        assert db.key is not None and db.key != old_key
        assert result.backups_reencrypted == 1 and result.recovery_code
        assert seen[-1] == (1, 1)
        # The same object reads and writes.
        Services(db).create_family("Familien Efter")
        names = {f.display_name for f in Services(db).list_families()}
        assert {"Familien Nøgle", "Familien Efter"} <= names
        # The access log says the key changed (ids and counts, no case text).
        logged = [(e.event, e.detail) for e in Services(db).access_log()]
        assert ("rekey", "backups=1") in logged
    finally:
        db.close()
    raw = (data_dir / KEYS_FILENAME).read_bytes()
    assert unwrap_key_file(raw, password=PASSWORD) == db.key
    assert unwrap_key_file(raw, recovery_code=result.recovery_code) == db.key
    assert old_key is not None
    for backup in list_backups(data_dir):
        assert backup_opens_with(backup.path, db.key)
        assert not backup_opens_with(backup.path, old_key)
    assert not journal_path(data_dir).exists()


def test_a_wrong_password_changes_nothing(data_dir: Path) -> None:
    db = open_unlocked(data_dir, PASSWORD).db
    try:
        make_backup(db)
        key = db.key
        before = _files(data_dir)
        with pytest.raises(WrongPasswordError):
            rekey(db, "not the password at all", None)
        assert db.key == key
        assert _files(data_dir) == before
    finally:
        db.close()
