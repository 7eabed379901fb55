"""Every released schema opens and upgrades to exactly the schema of a fresh database,
with every row kept (one fixture per release).

tests/fixtures/schema-vN.db holds the demo family as schema version N stored it (made
with the demo's fixed date 2026-11-25). Add a fixture for each new released schema
version; never change an old one.

schema-v2.db was created at version 2, so its ``access_log`` came from the models; a
version-1 file upgraded by ``v1_to_v2`` got another shape at the same version (a default
on ``detail``). It also holds access-log entries, two of them in the same millisecond.

The schema is compared as SQLite reports it (tests/schema_signature.py): columns with
their types, NOT NULL and defaults, indexes, foreign keys and CHECK constraints. A
migration step whose table differs from the models fails here, naming the column.
"""

from __future__ import annotations

import secrets
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from schema_signature import Schema, schema_differences, schema_signature
from sqlalchemy import event
from sqlalchemy.engine import Connection

from familymeeting.storage import models
from familymeeting.storage.database import Database, connect_file, convert_to_encrypted
from familymeeting.storage.migrations import MIGRATIONS
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALL_FIXTURES = pytest.mark.parametrize(
    "fixture", sorted(FIXTURES.glob("schema-v*.db")), ids=lambda p: p.stem
)


def _signature(data_dir: Path) -> Schema:
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        return schema_signature(con)
    finally:
        con.close()


def _fresh_schema(tmp_path: Path) -> Schema:
    Database.open(tmp_path / "fresh").close()
    return _signature(tmp_path / "fresh")


def _upgraded(fixture: Path, data_dir: Path) -> Schema:
    shutil.copy(fixture, data_dir / DB_FILENAME)
    Database.open(data_dir).close()
    return _signature(data_dir)


def _rows(con: sqlite3.Connection, columns: dict[str, list[str]]) -> dict[str, list[Any]]:
    # With the rowid: the access log's order within one millisecond depends on it.
    out = {}
    for table, cols in columns.items():
        listed = ", ".join(f'"{c}"' for c in cols)
        out[table] = con.execute(f'SELECT rowid, {listed} FROM "{table}" ORDER BY rowid').fetchall()
    return out


@ALL_FIXTURES
def test_an_old_database_opens_upgrades_and_keeps_its_data(fixture: Path, data_dir: Path) -> None:
    shutil.copy(fixture, data_dir / DB_FILENAME)
    con = sqlite3.connect(data_dir / DB_FILENAME)
    found = con.execute("PRAGMA user_version").fetchone()[0]
    columns = {
        table: [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    # Version 6 drops question.for_children (its value lives on as the audience: see
    # test_a_question_for_children_is_answered_by_the_children_after_version_6).
    # SQLite would read a missing "column" in double quotes as a string, so leave it out.
    columns = {
        t: [c for c in cols if (t, c) != ("question", "for_children")]
        for t, cols in columns.items()
    }
    before = _rows(con, columns)
    con.close()
    assert found < models.SCHEMA_VERSION or fixture.stem == f"schema-v{models.SCHEMA_VERSION}"
    db = Database.open(data_dir)
    assert db.schema_version() == models.SCHEMA_VERSION
    con = sqlite3.connect(data_dir / DB_FILENAME)
    assert _rows(con, columns) == before  # every row of every table, as it was
    con.close()
    services = Services(db)
    families = services.list_families()
    assert [f.display_name for f in families] == ["Familien Holm (demo)"]
    meetings = services.list_meetings(families[0].id)
    assert len(meetings) == 3
    assert sum(len(services.list_cards(m.id)) for m in meetings) == len(before["card"])
    assert sum(len(services.list_ratings(m.id)) for m in meetings) == len(before["rating"])
    # The upgraded database takes new writes, including the access log.
    logged = services.access_log(families[0].id)
    services.log_event("open_family", family_id=families[0].id)
    assert services.access_log(families[0].id)[1:] == logged
    db.close()


@ALL_FIXTURES
def test_an_upgraded_database_has_the_schema_of_a_fresh_one(
    fixture: Path, data_dir: Path, tmp_path: Path
) -> None:
    differences = schema_differences(
        _fresh_schema(tmp_path), _upgraded(fixture, data_dir), ("fresh", "upgraded")
    )
    assert differences == [], "\n".join(differences)


@ALL_FIXTURES
def test_an_encrypted_old_database_upgrades_the_same(
    fixture: Path, data_dir: Path, tmp_path: Path
) -> None:
    """The users' files are SQLCipher files: the ladder runs there too, to the same schema."""
    shutil.copy(fixture, data_dir / DB_FILENAME)
    key = secrets.token_bytes(32)
    convert_to_encrypted(data_dir, key)
    Database.open(data_dir, key).close()
    con = connect_file(data_dir / DB_FILENAME, key, read_only=True)
    try:
        upgraded = schema_signature(con)
    finally:
        con.close()
    differences = schema_differences(_fresh_schema(tmp_path), upgraded, ("fresh", "upgraded"))
    assert differences == [], "\n".join(differences)


# A migration step changed on purpose, the way a slip would change it: its SQL with
# one column's type, nullability or default (or one index) unlike the models. Each
# names the step that last builds that table, since a later rebuild would undo it.
DRIFTS = {
    "type": (
        2,
        "event VARCHAR NOT NULL",
        "event TEXT NOT NULL",
        "access_log.event: type: VARCHAR (fresh) != TEXT (upgraded)",
    ),
    "nullability": (
        2,
        "meeting_id VARCHAR,",
        "meeting_id VARCHAR NOT NULL,",
        "access_log.meeting_id: not null: False (fresh) != True (upgraded)",
    ),
    "default": (
        2,
        "detail VARCHAR NOT NULL",
        "detail VARCHAR NOT NULL DEFAULT ''",
        "access_log.detail: default: none (fresh) != '' (upgraded)",
    ),
    "index columns": (
        2,
        "ON access_log (family_id)",
        "ON access_log (family_id, at)",
        "access_log: index ix_access_log_family_id: columns: family_id (fresh) "
        "!= family_id, at (upgraded)",
    ),
}


@pytest.mark.parametrize(("step", "written", "drifted", "named"), DRIFTS.values(), ids=DRIFTS)
def test_a_migration_that_drifts_from_the_models_is_caught(
    step: int,
    written: str,
    drifted: str,
    named: str,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = MIGRATIONS[step]
    rewritten: list[str] = []

    def rewrite(
        _conn: Connection, _cursor: Any, statement: str, parameters: Any, *_: Any
    ) -> tuple[str, Any]:
        if written in statement:
            rewritten.append(statement)
            statement = statement.replace(written, drifted)
        return statement, parameters

    def drifted_step(conn: Connection) -> None:
        event.listen(conn, "before_cursor_execute", rewrite, retval=True)
        try:
            real(conn)
        finally:
            event.remove(conn, "before_cursor_execute", rewrite)

    monkeypatch.setitem(MIGRATIONS, step, drifted_step)
    upgraded = _upgraded(FIXTURES / "schema-v1.db", data_dir)
    # Else the step's SQL has changed and this case no longer drifts anything.
    assert rewritten, f"{real.__name__} no longer contains {written!r}"
    differences = schema_differences(_fresh_schema(tmp_path), upgraded, ("fresh", "upgraded"))
    assert named in differences, "\n".join(differences)


BEFORE_V6 = pytest.mark.parametrize(
    "fixture",
    [p for p in sorted(FIXTURES.glob("schema-v*.db")) if int(p.stem.rsplit("v", 1)[1]) < 6],
    ids=lambda p: p.stem,
)


@BEFORE_V6
def test_a_question_for_children_is_answered_by_the_children_after_version_6(
    fixture: Path, data_dir: Path
) -> None:
    """Version 6 replaces the for_children flag by an audience: the flag's questions go
    to the children, every other question to everyone, as they were asked before."""
    con = sqlite3.connect(fixture)
    try:
        before = dict(con.execute("SELECT id, for_children FROM question").fetchall())
    finally:
        con.close()
    shutil.copy(fixture, data_dir / DB_FILENAME)
    Database.open(data_dir).close()
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        after = dict(con.execute("SELECT id, audience FROM question").fetchall())
        columns = {row[1] for row in con.execute("PRAGMA table_info(question)")}
    finally:
        con.close()
    assert before and set(after) == set(before)
    assert after == {qid: "children" if flag else "everyone" for qid, flag in before.items()}
    assert any(before.values())  # the demo has a question for the children
    assert "for_children" not in columns  # the audience is the one truth now


@ALL_FIXTURES
def test_a_question_gets_its_kind_after_version_7(fixture: Path, data_dir: Path) -> None:
    """Version 7 gives each question the key of the default it is (by its wording, in
    any language, else by the wording its series was first asked with), '' for one the
    caseworker wrote; the statistics file counts answers by it."""
    shutil.copy(fixture, data_dir / DB_FILENAME)
    con = sqlite3.connect(data_dir / DB_FILENAME)
    texts = dict(con.execute("SELECT id, text FROM question").fetchall())
    # The newest meeting's "home" question reworded (its series says what it is), and
    # one question of the first meeting in English words: both keep their kind.
    newest = con.execute("SELECT id FROM meeting ORDER BY starts_at DESC LIMIT 1").fetchone()[0]
    oldest = con.execute("SELECT id FROM meeting ORDER BY starts_at LIMIT 1").fetchone()[0]
    home_da = "Hvor godt er det at være dig derhjemme lige nu?"
    con.execute(
        "UPDATE question SET text = 'Hvordan er det at være dig hjemme nu?' "
        "WHERE meeting_id = ? AND text = ?",
        (newest, home_da),
    )
    con.execute(
        "UPDATE question SET text = 'How sure are you that our plan will work?' "
        "WHERE meeting_id = ? AND text LIKE 'Hvor sikker%'",
        (oldest,),
    )
    con.commit()
    con.close()
    Database.open(data_dir).close()
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        kinds = dict(con.execute("SELECT id, kind FROM question").fetchall())
        keys = con.execute("SELECT count(*) FROM statistics_key").fetchone()[0]
    finally:
        con.close()
    expected = {}
    for qid, text in texts.items():
        if text == home_da:
            expected[qid] = "home"
        elif text.startswith("På en skala"):
            expected[qid] = "safety_scale"
        elif text.startswith("Hvor sikker"):
            expected[qid] = "confidence"
        else:
            expected[qid] = ""
    assert kinds == expected
    assert sorted(set(kinds.values())) == (
        ["", "confidence", "home", "safety_scale"]
        if "v6" in fixture.stem
        else ["confidence", "home", "safety_scale"]
    )
    assert keys == 0  # made when first needed, never by the upgrade
