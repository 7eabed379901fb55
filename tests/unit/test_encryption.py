"""Encryption at rest: what is on disk, wrong passwords, recovery, and converting old files."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from helpers import file_digest
from sqlalchemy.exc import OperationalError

from familymeeting.domain.enums import Column, Role
from familymeeting.domain.errors import DatabaseError
from familymeeting.messages import user_message
from familymeeting.storage import database as database_module
from familymeeting.storage import models, unlock
from familymeeting.storage.database import (
    CONVERTING_SUFFIX,
    Database,
    convert_to_encrypted,
    is_plain_sqlite,
)
from familymeeting.storage.keys import (
    KEYS_COPY_FILENAME,
    KEYS_FILENAME,
    KdfParams,
    KeyStore,
    WrongPasswordError,
    WrongRecoveryCodeError,
)
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import DataState, begin_conversion, data_state


def open_unlocked(data_dir: Path, password: str, **kwargs: Any) -> unlock.UnlockResult:
    """The real open, with a new recovery code acknowledged at once, as the window and
    the command line do once it has been shown (tests/unit/test_recovery_pending.py)."""
    result = unlock.open_unlocked(data_dir, password, **kwargs)
    if result.recovery_code:
        unlock.acknowledge_recovery_code(data_dir, result.recovery_code)
    return result


SEAL = DB_FILENAME + "-closed"  # written by every clean close (Database.close)
PASSWORD = "Kaffe hos Lise kl 9"
NEW_PASSWORD = "Blæksprutten svømmer 3"
# Words that must never be found in plain in any file of the data dir.
SEEDS = (
    "Zanzibarkrokodille",
    "Mormor-Quetzalcoatl",
    "Hemmeligt-Xylofon-42",
    "Brandbil i Ølstykke",
    "Rødgrød med fløde-Zyx",
)


def seed(services: Services) -> None:
    with services.batch():
        family = services.create_family(SEEDS[0], notes=SEEDS[1])
        child = services.add_participant(family.id, SEEDS[2], Role.CHILD, birth_year=2015)
        meeting = services.create_meeting(family.id, datetime(2026, 12, 3, 10), place=SEEDS[3])
        services.add_card(meeting.id, Column.WORRIES, SEEDS[4], whose_words_id=child.id)
        services.add_action(meeting.id, f"Ring til {SEEDS[2]}")


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file())


def leaked(data_dir: Path) -> list[tuple[str, str]]:
    """(file, word) for every seeded word found in any file, as UTF-8 or UTF-16."""
    hits = []
    for path in files_under(data_dir):
        raw = path.read_bytes()
        for word in SEEDS:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if word.encode(encoding) in raw:
                    hits.append((path.name, word))
    return hits


def digests(data_dir: Path) -> dict[str, str]:
    return {p.name: file_digest(p) for p in files_under(data_dir)}


def rows(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order."""
    out: dict[str, list[tuple[object, ...]]] = {}
    with db.engine.connect() as conn:
        tables = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        for table in tables:
            found = conn.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY 1').all()
            out[table] = [tuple(r) for r in found]
    return out


# The encrypted database, its seal, the key file and its second copy (issue 17).
DATA_FILES = sorted([DB_FILENAME, SEAL, KEYS_FILENAME, KEYS_COPY_FILENAME])


@pytest.fixture
def encrypted(data_dir: Path) -> Iterator[tuple[Path, str]]:
    """A data dir with the seeded family, encrypted with PASSWORD; yields its recovery code."""
    result = open_unlocked(data_dir, PASSWORD)
    assert result.recovery_code
    seed(Services(result.db))
    result.db.close()
    yield data_dir, result.recovery_code


# ---------------------------------------------------------------- on the disk
def test_a_new_data_dir_gets_keys_and_an_encrypted_database(data_dir: Path) -> None:
    assert data_state(data_dir) is DataState.NEW
    result = open_unlocked(data_dir, PASSWORD)
    try:
        assert result.recovery_code and not result.converted
        assert data_state(data_dir) is DataState.ENCRYPTED
        assert result.db.schema_version() == models.SCHEMA_VERSION
        with result.db.engine.connect() as conn:
            pragma = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()
                for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
            }
            assert conn.exec_driver_sql("PRAGMA temp_store").scalar_one() == 2  # memory
            assert conn.exec_driver_sql("PRAGMA cipher_version").scalar_one()
    finally:
        result.db.close()
    assert pragma == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 5000,
    }
    assert sorted(p.name for p in data_dir.iterdir()) == DATA_FILES
    assert not is_plain_sqlite(data_dir / DB_FILENAME)


def test_plain_sqlite_cannot_read_the_file(encrypted: tuple[Path, str]) -> None:
    data_dir, _code = encrypted
    path = data_dir / DB_FILENAME
    assert not path.read_bytes().startswith(b"SQLite format 3")
    con = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        con.close()
    # And Database.open without the key refuses it untouched, as any unreadable file.
    before = digests(data_dir)
    with pytest.raises(DatabaseError) as info:
        Database.open(data_dir)
    assert info.value.code == "db_unreadable"
    assert digests(data_dir) == before


def test_no_seeded_word_in_any_file_open_or_closed(data_dir: Path) -> None:
    result = open_unlocked(data_dir, PASSWORD)
    services = Services(result.db)
    seed(services)
    try:
        # While open, the newest writes sit in the -wal: it is encrypted as well.
        assert (data_dir / (DB_FILENAME + "-wal")).exists()
        assert leaked(data_dir) == []
        families = services.list_families()
        assert [f.display_name for f in families] == [SEEDS[0]]  # but the app reads them
        services.compact()  # VACUUM's scratch copy must not leak either
        assert leaked(data_dir) == []
    finally:
        result.db.close()
    assert leaked(data_dir) == []
    # The control: the same words in a plain database are found by the same search.
    plain_dir = data_dir.parent / "plain"
    plain = Database.open(plain_dir)
    seed(Services(plain))
    plain.close()
    assert {word for _file, word in leaked(plain_dir)} == set(SEEDS)


def test_reopening_with_the_password_reads_everything(encrypted: tuple[Path, str]) -> None:
    data_dir, _code = encrypted
    result = open_unlocked(data_dir, PASSWORD)
    try:
        assert result.recovery_code is None  # shown once only, at the first start
        family = Services(result.db).list_families()[0]
        assert family.display_name == SEEDS[0]
        assert family.notes == SEEDS[1]
    finally:
        result.db.close()


def test_database_errors_are_wrapped_as_with_sqlite(encrypted: tuple[Path, str]) -> None:
    """The engine knows its driver is SQLCipher: its errors arrive as SQLAlchemy errors,
    so "disk full" and "busy" are recognised as with plain SQLite."""
    data_dir, _code = encrypted
    db = open_unlocked(data_dir, PASSWORD).db
    try:
        with pytest.raises(OperationalError), db.session() as s:
            s.connection().exec_driver_sql("SELECT * FROM no_such_table")
    finally:
        db.close()


# ------------------------------------------------------------ wrong password
def test_wrong_password_is_refused_and_changes_nothing(encrypted: tuple[Path, str]) -> None:
    data_dir, _code = encrypted
    before = digests(data_dir)
    with pytest.raises(WrongPasswordError) as info:
        open_unlocked(data_dir, "det forkerte kodeord")
    assert "Forkert adgangskode" in user_message(info.value, "da")
    after = digests(data_dir)
    # Only the failure counter is new; the database and keys.json are byte-identical.
    assert after.pop("unlock-failures.json")
    assert after == before

    result = open_unlocked(data_dir, PASSWORD)
    result.db.close()
    assert len(result.failed_attempts) == 1  # for the access log
    assert not (data_dir / "unlock-failures.json").exists()


def test_a_key_file_from_another_data_dir(encrypted: tuple[Path, str], tmp_path: Path) -> None:
    data_dir, _code = encrypted
    other = tmp_path / "other"
    open_unlocked(other, PASSWORD).db.close()
    for name in (KEYS_FILENAME, KEYS_COPY_FILENAME):
        (data_dir / name).write_bytes((other / name).read_bytes())
    before = digests(data_dir)
    with pytest.raises(DatabaseError) as info:
        open_unlocked(data_dir, PASSWORD)
    assert info.value.code == "db_wrong_key"
    assert digests(data_dir) == before


def test_the_raw_key_opens_the_file_and_a_wrong_key_does_not(
    encrypted: tuple[Path, str],
) -> None:
    data_dir, _code = encrypted
    key = KeyStore.unlock(data_dir, PASSWORD)
    Database.open(data_dir, key).close()
    before = digests(data_dir)
    with pytest.raises(DatabaseError) as info:
        Database.open(data_dir, bytes(32))
    assert info.value.code == "db_wrong_key"
    assert digests(data_dir) == before
    with pytest.raises(ValueError):
        Database.open(data_dir, b"short")


# --------------------------------------------------- password change, recovery
def test_password_change_never_touches_the_database(encrypted: tuple[Path, str]) -> None:
    data_dir, _code = encrypted
    db_before = file_digest(data_dir / DB_FILENAME)
    KeyStore.change_password(data_dir, PASSWORD, NEW_PASSWORD)
    assert file_digest(data_dir / DB_FILENAME) == db_before
    with pytest.raises(WrongPasswordError):
        open_unlocked(data_dir, PASSWORD)
    result = open_unlocked(data_dir, NEW_PASSWORD)
    try:
        assert Services(result.db).list_families()[0].display_name == SEEDS[0]
    finally:
        result.db.close()


def test_recovery_code_opens_the_data_once(encrypted: tuple[Path, str]) -> None:
    data_dir, code = encrypted
    new_code = KeyStore.recover(data_dir, code, NEW_PASSWORD)
    KeyStore.acknowledge_recovery_code(data_dir, new_code)
    result = open_unlocked(data_dir, NEW_PASSWORD)
    try:
        assert Services(result.db).list_families()[0].display_name == SEEDS[0]
    finally:
        result.db.close()
    with pytest.raises(WrongRecoveryCodeError):
        KeyStore.recover(data_dir, code, "en tredje adgangskode")
    assert KeyStore.recover(data_dir, new_code, PASSWORD) != new_code
    open_unlocked(data_dir, PASSWORD).db.close()


# ---------------------------------------------------------------- newer files
def test_a_newer_encrypted_database_is_refused_untouched(encrypted: tuple[Path, str]) -> None:
    data_dir, _code = encrypted
    key = KeyStore.unlock(data_dir, PASSWORD)
    from sqlcipher3 import dbapi2

    con = dbapi2.connect(str(data_dir / DB_FILENAME))
    con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    before = digests(data_dir)
    with pytest.raises(DatabaseError) as info:
        open_unlocked(data_dir, PASSWORD)
    assert info.value.code == "db_too_new"
    assert "nyere udgave" in user_message(info.value, "da")
    assert digests(data_dir) == before  # no -wal, no -shm, not a byte changed


def test_an_encrypted_database_without_its_key_file(encrypted: tuple[Path, str]) -> None:
    data_dir, _code = encrypted
    (data_dir / KEYS_FILENAME).unlink()
    (data_dir / KEYS_COPY_FILENAME).unlink()
    before = digests(data_dir)
    assert data_state(data_dir) is DataState.PLAIN
    with pytest.raises(DatabaseError) as info:
        open_unlocked(data_dir, PASSWORD)
    assert info.value.code == "db_unreadable_no_keys"
    assert "keys.json" in user_message(info.value, "da")
    assert digests(data_dir) == before  # and no new keys.json was made


# ------------------------------------------------------------------ conversion
@pytest.fixture
def plain(data_dir: Path) -> Iterator[tuple[Path, dict[str, list[tuple[object, ...]]]]]:
    """A plain database of an earlier version, with the seeded family; yields its rows."""
    db = Database.open(data_dir)
    seed(Services(db))
    before = rows(db)
    db.close()
    yield data_dir, before


def test_a_plain_database_is_converted_keeping_every_row(
    plain: tuple[Path, dict[str, list[tuple[object, ...]]]],
) -> None:
    data_dir, before = plain
    assert data_state(data_dir) is DataState.PLAIN
    assert leaked(data_dir)  # the control: the plain file shows the words
    result = open_unlocked(data_dir, PASSWORD)
    try:
        assert result.converted
        assert result.recovery_code
        assert rows(result.db) == before
        assert sum(len(r) for r in before.values()) > 5
    finally:
        result.db.close()
    assert sorted(p.name for p in data_dir.iterdir()) == DATA_FILES
    assert not is_plain_sqlite(data_dir / DB_FILENAME)
    assert leaked(data_dir) == []
    again = open_unlocked(data_dir, PASSWORD)
    try:
        assert not again.converted and again.recovery_code is None
        assert rows(again.db) == before
    finally:
        again.db.close()


def test_a_plain_database_with_a_wal_left_by_a_crash(data_dir: Path) -> None:
    """Rows still in the -wal are converted too, and no plain -wal is left behind."""
    db = Database.open(data_dir)
    seed(Services(db))
    raw = db.engine.raw_connection()  # keep a connection so the WAL is not checkpointed
    try:
        assert (data_dir / (DB_FILENAME + "-wal")).stat().st_size > 0
        wal_copy = (data_dir / (DB_FILENAME + "-wal")).read_bytes()
        main_copy = (data_dir / DB_FILENAME).read_bytes()
    finally:
        raw.close()
        db.close()
    # As a crash would leave it: the main file plus a WAL holding the newest rows.
    (data_dir / DB_FILENAME).write_bytes(main_copy)
    (data_dir / (DB_FILENAME + "-wal")).write_bytes(wal_copy)
    result = open_unlocked(data_dir, PASSWORD)
    try:
        assert Services(result.db).list_families()[0].display_name == SEEDS[0]
    finally:
        result.db.close()
    assert leaked(data_dir) == []
    assert sorted(p.name for p in data_dir.iterdir()) == DATA_FILES


def test_a_failed_conversion_leaves_the_plain_database_as_it_was(
    plain: tuple[Path, dict[str, list[tuple[object, ...]]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, before = plain
    real_counts = database_module._table_counts
    calls: list[str] = []

    def lose_a_row(con: object, schema: str = "main") -> dict[str, int]:
        """The copy (counted second) seems to lack a family: verification must catch it."""
        counts = real_counts(con, schema)
        calls.append(schema)
        if len(calls) == 2:
            counts["family"] -= 1
        return counts

    monkeypatch.setattr(database_module, "_table_counts", lose_a_row)
    with pytest.raises(DatabaseError) as info:
        open_unlocked(data_dir, PASSWORD)
    assert info.value.code == "db_convert_failed"
    assert "uændret" in user_message(info.value, "da")
    # The plain file is still there and whole; no half-made copy and no key file remain.
    assert sorted(p.name for p in data_dir.iterdir()) == sorted([DB_FILENAME, SEAL])
    assert is_plain_sqlite(data_dir / DB_FILENAME)
    monkeypatch.undo()
    db = Database.open(data_dir)
    try:
        assert rows(db) == before
    finally:
        db.close()
    # ... and the next attempt may choose another password.
    result = open_unlocked(data_dir, NEW_PASSWORD)
    try:
        assert rows(result.db) == before
    finally:
        result.db.close()


@pytest.mark.parametrize("moment", ["before-replace", "after-replace"])
def test_a_crash_during_conversion_leaves_one_whole_file(
    plain: tuple[Path, dict[str, list[tuple[object, ...]]]],
    monkeypatch: pytest.MonkeyPatch,
    moment: str,
) -> None:
    """Killed just before or just after the swap: the next start opens the data either way."""
    data_dir, before = plain
    # As open_unlocked does it: the conversion is marked as ours before its key is made.
    begin_conversion(data_dir)
    key, _code = KeyStore.create(data_dir, PASSWORD, kdf=KdfParams(8 * 1024, 1, 1))

    class Crash(BaseException):
        pass

    real_replace = os.replace

    def crash(src: object, dst: object) -> None:
        if moment == "after-replace":
            real_replace(src, dst)  # type: ignore[arg-type]
        raise Crash

    monkeypatch.setattr(database_module.os, "replace", crash)
    with pytest.raises(Crash):
        convert_to_encrypted(data_dir, key)
    monkeypatch.undo()
    copy = data_dir / (DB_FILENAME + CONVERTING_SUFFIX)
    if moment == "before-replace":
        assert is_plain_sqlite(data_dir / DB_FILENAME)
        assert copy.exists()  # a real crash leaves the half-way copy too
    else:
        assert not is_plain_sqlite(data_dir / DB_FILENAME)
        assert not copy.exists()
    # The next start: keys exist; a still-plain file is converted then, with a new code.
    result = open_unlocked(data_dir, PASSWORD)
    try:
        assert rows(result.db) == before
        assert result.converted == (moment == "before-replace")
        # The killed start's code was never acknowledged: a new one is shown either way.
        assert result.recovery_code is not None
    finally:
        result.db.close()
    assert leaked(data_dir) == []
    assert sorted(p.name for p in data_dir.iterdir()) == DATA_FILES


def test_a_stale_half_made_copy_is_cleared(
    plain: tuple[Path, dict[str, list[tuple[object, ...]]]],
) -> None:
    data_dir, before = plain
    stale = data_dir / (DB_FILENAME + CONVERTING_SUFFIX)
    stale.write_bytes(os.urandom(4096))
    result = open_unlocked(data_dir, PASSWORD)
    try:
        assert rows(result.db) == before
    finally:
        result.db.close()
    assert not stale.exists()


def test_a_file_that_is_not_ours_is_refused_before_any_key_is_made(data_dir: Path) -> None:
    path = data_dir / DB_FILENAME
    for content, code in (
        (os.urandom(64 * 1024), "db_unreadable_no_keys"),
        (b"", "db_unreadable"),
    ):
        path.write_bytes(content)
        with pytest.raises(DatabaseError) as info:
            open_unlocked(data_dir, PASSWORD)
        assert info.value.code == code
        assert path.read_bytes() == content
        assert sorted(p.name for p in data_dir.iterdir()) == [DB_FILENAME]
    with pytest.raises(DatabaseError) as info:
        convert_to_encrypted(data_dir, bytes(32))
    assert info.value.code == "db_not_plain"


def test_a_plain_file_next_to_a_key_file_is_not_opened_as_encrypted(
    plain: tuple[Path, dict[str, list[tuple[object, ...]]]],
) -> None:
    data_dir, _before = plain
    with pytest.raises(DatabaseError) as info:
        Database.open(data_dir, bytes(32))
    assert info.value.code == "db_not_encrypted"
