"""Opening, creating, versioning and refusing database files."""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from helpers import PAGE, file_digest, flip_bytes
from schema_signature import schema_differences, schema_signature
from sqlalchemy.engine import Connection

from familymeeting.domain.errors import DatabaseError, DiskFullError
from familymeeting.messages import user_message
from familymeeting.storage import database as database_module
from familymeeting.storage import models
from familymeeting.storage.database import APPLICATION_ID, Database
from familymeeting.storage.paths import DB_FILENAME, resolve_data_dir
from familymeeting.storage.services import Services


def test_new_database_is_marked_and_versioned(data_dir: Path) -> None:
    db = Database.open(data_dir)
    db.close()
    con = sqlite3.connect(data_dir / DB_FILENAME)
    assert con.execute("PRAGMA user_version").fetchone()[0] == models.SCHEMA_VERSION
    assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()


def test_every_connection_gets_the_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar_one()
            for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
        }
    assert pragma == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 5000,
    }


def test_data_dir_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FAMILYMEETING_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(None) == tmp_path / "env"
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"
    monkeypatch.delenv("FAMILYMEETING_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if os.name == "posix":
        assert resolve_data_dir(None) == tmp_path / "xdg" / "familymeeting"


def _make_db(data_dir: Path) -> Path:
    db = Database.open(data_dir)
    services = Services(db)
    services.create_family("Familien Test")
    db.close()
    return data_dir / DB_FILENAME


def test_newer_database_is_refused_and_left_untouched(data_dir: Path) -> None:
    path = _make_db(data_dir)
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 99")
    con.commit()
    con.close()
    before = file_digest(path)
    with pytest.raises(DatabaseError) as info:
        Database.open(data_dir)
    assert info.value.code == "db_too_new"
    assert "nyere udgave" in user_message(info.value, "da")
    assert "newer familymeeting" in user_message(info.value, "en")
    assert file_digest(path) == before
    # The seal of the clean close that made the file (stale now: the file changed).
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_FILENAME, DB_FILENAME + "-closed"]


def test_another_programs_sqlite_file_is_refused(data_dir: Path) -> None:
    path = data_dir / DB_FILENAME
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x TEXT)")
    con.commit()
    con.close()
    before = file_digest(path)
    with pytest.raises(DatabaseError) as info:
        Database.open(data_dir)
    assert info.value.code == "db_not_ours"
    assert file_digest(path) == before


@pytest.mark.parametrize(
    "content",
    [b"", os.urandom(4096), b"SQLite format 3\x00" + b"\xff" * 100],
    ids=["empty", "random", "truncated-header"],
)
def test_unreadable_file_is_refused_and_kept(data_dir: Path, content: bytes) -> None:
    path = data_dir / DB_FILENAME
    path.write_bytes(content)
    with pytest.raises(DatabaseError) as info:
        Database.open(data_dir)
    assert info.value.code in {"db_unreadable", "db_not_ours"}
    assert path.read_bytes() == content


def test_unusable_data_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseError) as info:
        Database.open(blocker / "data")
    assert info.value.code == "data_dir_unusable"


def test_migration_ladder_upgrades_in_one_transaction(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _make_db(data_dir)

    def add_column(conn: Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE family ADD COLUMN nickname TEXT NOT NULL DEFAULT ''")

    monkeypatch.setattr(models, "SCHEMA_VERSION", models.SCHEMA_VERSION + 1)
    monkeypatch.setitem(database_module.MIGRATIONS, models.SCHEMA_VERSION - 1, add_column)
    db = Database.open(data_dir)
    assert db.schema_version() == models.SCHEMA_VERSION
    db.close()
    con = sqlite3.connect(path)
    columns = [row[1] for row in con.execute("PRAGMA table_info(family)")]
    con.close()
    assert "nickname" in columns


def test_failed_migration_leaves_the_old_version(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _make_db(data_dir)
    old_version = models.SCHEMA_VERSION

    def broken(conn: Connection) -> None:
        conn.exec_driver_sql("ALTER TABLE family ADD COLUMN half_done TEXT")
        raise RuntimeError("migration bug")

    monkeypatch.setattr(models, "SCHEMA_VERSION", old_version + 1)
    monkeypatch.setitem(database_module.MIGRATIONS, old_version, broken)
    with pytest.raises(RuntimeError):
        Database.open(data_dir)
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == old_version
    assert "half_done" not in [row[1] for row in con.execute("PRAGMA table_info(family)")]
    assert con.execute("SELECT display_name FROM family").fetchall() == [("Familien Test",)]
    con.close()


def test_full_disk_gives_a_clear_error_and_keeps_earlier_data(db: Database) -> None:
    services = Services(db)
    family = services.create_family("Familien Fuld")
    meeting = services.create_meeting(family.id, models.utcnow().replace(tzinfo=None))
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
    # Cap the file at its current size on every pooled connection.
    for _ in range(3):
        with db.engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
            conn.commit()
    with pytest.raises(DiskFullError) as info:
        services.add_card(meeting.id, "worries", "x" * 9000 + " " + "y" * 900)
    assert "Disken er fuld" in user_message(info.value, "da")
    assert services.list_cards(meeting.id) == []
    assert services.get_family(family.id).display_name == "Familien Fuld"


def test_data_dir_with_awkward_characters(tmp_path: Path) -> None:
    data_dir = tmp_path / "Jørgen's data ?#%20 x"
    db = Database.open(data_dir)
    Services(db).create_family("Familien Ø")
    db.close()
    assert (data_dir / DB_FILENAME).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [data_dir.name]
    again = Database.open(data_dir)
    assert [f.display_name for f in Services(again).list_families()] == ["Familien Ø"]
    again.close()


def _without_the_card_link(con: sqlite3.Connection) -> None:
    """Take version 4's ``action.card_id`` out of an empty action table again (SQLite
    cannot drop a column that has a foreign key, so the table is made anew)."""
    ddl = con.execute("SELECT sql FROM sqlite_master WHERE name = 'action'").fetchone()[0]
    indexes = [
        sql
        for name, sql in con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'action'"
        )
        if sql and name != "ix_action_card_id"
    ]
    old = re.sub(r"\s*card_id VARCHAR,", "", ddl)
    old = re.sub(r",\s*FOREIGN KEY\(card_id\) REFERENCES card \(id\) ON DELETE SET NULL", "", old)
    assert "card_id" not in old
    con.execute("DROP TABLE action")
    con.execute(old)
    for sql in indexes:
        con.execute(sql)


def _without_version_7(con: sqlite3.Connection) -> None:
    """Take version 7's table and column out again (plain column: droppable)."""
    con.execute("DROP TABLE statistics_key")
    con.execute("ALTER TABLE question DROP COLUMN kind")


def _without_version_6(con: sqlite3.Connection) -> None:
    """Take version 6's tables and columns out again (plain columns: droppable)."""
    for table in ("house_item", "child_feedback", "question_audience"):
        con.execute(f"DROP TABLE {table}")
    for table, column in (
        ("question", "audience"),
        ("rating", "answered_alone"),
        ("rating", "shared"),
        ("participant", "language"),
        ("participant", "own_plan"),
    ):
        con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    # Version 6 dropped the flag the audience replaced: put it back as version 5 had it.
    con.execute("ALTER TABLE question ADD COLUMN for_children BOOLEAN DEFAULT 0 NOT NULL")


def _without_version_5(con: sqlite3.Connection) -> None:
    """Take version 5's tables and meeting columns out again (plain columns: droppable)."""
    for table in ("plan_handout", "plan_document", "case_date"):
        con.execute(f"DROP TABLE {table}")
    for column in ("assessment", "minutes", "other_attendees"):
        con.execute(f"ALTER TABLE meeting DROP COLUMN {column}")


def test_a_version_1_database_gets_the_access_log(data_dir: Path) -> None:
    path = _make_db(data_dir)
    con = sqlite3.connect(path)
    fresh = schema_signature(con)
    con.execute("DROP TABLE access_log")
    _without_the_card_link(con)
    _without_version_7(con)
    _without_version_6(con)
    _without_version_5(con)
    con.execute("PRAGMA user_version = 1")
    con.commit()
    con.close()
    db = Database.open(data_dir)
    assert db.schema_version() == models.SCHEMA_VERSION
    db.close()
    con = sqlite3.connect(path)
    differences = schema_differences(fresh, schema_signature(con), ("fresh", "upgraded"))
    assert differences == [], "\n".join(differences)
    assert con.execute("SELECT display_name FROM family").fetchall() == [("Familien Test",)]
    con.close()


# ------------------------------------------------------------------ the clean-close seal
def _family_with_cards(data_dir: Path, key: bytes) -> None:
    db = Database.open(data_dir, key)
    try:
        services = Services(db)
        family = services.create_family("Familien Holm")
        meeting = services.create_meeting(family.id, datetime(2026, 12, 4, 9, 0))
        for n in range(150):  # enough rows for many pages
            services.add_card(meeting.id, "worries", f"Bekymring nummer {n} " + "x" * 80)
    finally:
        db.close()


def _rot_pages_keeping_the_time(path: Path) -> None:
    """Failing storage: bytes of the last pages (cards) change in place; time and size do not."""
    st = path.stat()
    raw = bytearray(path.read_bytes())
    for page in (len(raw) // PAGE - 1, len(raw) // PAGE - 2):
        raw[page * PAGE + 300] ^= 0x5A
    path.write_bytes(bytes(raw))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_clean_close_seals_the_file_and_any_change_unseals_it(data_dir: Path) -> None:
    key = os.urandom(32)
    _family_with_cards(data_dir, key)
    path = data_dir / DB_FILENAME
    assert database_module.is_sealed(path)
    db = Database.open(data_dir, key)
    # Open for writing: a crash from here on must leave the file unsealed.
    assert not database_module.is_sealed(path)
    Services(db).create_family("Familien Berg")
    assert (data_dir / (DB_FILENAME + "-wal")).stat().st_size > 0
    # No close (as after a kill): the next open checks every page.
    assert not database_module.is_sealed(path)
    db.close()
    assert database_module.is_sealed(path)
    # Another program (or a copy) changes the file: its time changes, the seal no longer fits.
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1))
    assert not database_module.is_sealed(path)


def test_a_changed_file_is_checked_in_full_at_open(data_dir: Path) -> None:
    key = os.urandom(32)
    _family_with_cards(data_dir, key)
    path = data_dir / DB_FILENAME
    flip_bytes(path)  # the time changes with the bytes
    before = file_digest(path)
    with pytest.raises(DatabaseError) as info:
        Database.open(data_dir, key)
    assert info.value.code == "db_damaged"
    assert file_digest(path) == before


def test_pages_rotting_while_closed_are_found_by_reading_and_by_the_backup(
    data_dir: Path,
) -> None:
    from familymeeting.storage.backup import make_backup

    key = os.urandom(32)
    _family_with_cards(data_dir, key)
    path = data_dir / DB_FILENAME
    _rot_pages_keeping_the_time(path)
    # The seal still fits, so the open does not read every page ...
    db = Database.open(data_dir, key)
    try:
        services = Services(db)
        assert [f.display_name for f in services.list_families()] == ["Familien Holm"]
        assert not db.suspect
        # ... SQLCipher verifies each page as it is read: the damaged cards are not
        # shown as something else, and the database is no longer trusted,
        meeting = services.list_meetings(services.list_families()[0].id)[0]
        with pytest.raises(DatabaseError) as read:
            services.list_cards(meeting.id)
        assert read.value.code == "db_damaged_found"  # a clear message, not a crash
        assert db.suspect
        # and a backup, which reads every page, refuses to copy the damage.
        with pytest.raises(DatabaseError) as info:
            make_backup(db)
        assert info.value.code == "backup_failed"
        assert db.suspect
        assert not list((data_dir / "backups").glob("*.db"))
    finally:
        db.close()
    # A suspect database is not sealed: the next open checks every page and says so.
    assert not database_module.is_sealed(path)
    with pytest.raises(DatabaseError) as damaged:
        Database.open(data_dir, key)
    assert damaged.value.code == "db_damaged"


def test_a_backup_that_meets_damage_unseals_the_file(data_dir: Path) -> None:
    from familymeeting.storage.backup import make_backup

    key = os.urandom(32)
    _family_with_cards(data_dir, key)
    path = data_dir / DB_FILENAME
    _rot_pages_keeping_the_time(path)
    db = Database.open(data_dir, key)
    with pytest.raises(DatabaseError):
        make_backup(db)  # the first thing to read the damaged pages
    db.close()
    assert not database_module.is_sealed(path)
