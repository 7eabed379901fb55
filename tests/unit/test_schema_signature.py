"""The schema comparison itself: spelling that means the same is equal, real changes are named.

Each case is two real SQLite files made from two DDL scripts; the migration tests
(test_schema_fixtures.py) rely on this comparison, so it must fail where they must.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from schema_signature import Schema, UnreadSchema, schema_differences, schema_signature

PARENT = "CREATE TABLE p (id TEXT NOT NULL PRIMARY KEY);"


def _signature(path: Path, ddl: str) -> Schema:
    con = sqlite3.connect(path)
    try:
        con.executescript(ddl)
        return schema_signature(con)
    finally:
        con.close()


def _differences(tmp_path: Path, first: str, second: str) -> list[str]:
    return schema_differences(
        _signature(tmp_path / "first.db", first),
        _signature(tmp_path / "second.db", second),
        ("first", "second"),
    )


SAME = {
    "type spelling": ("CREATE TABLE t (x varchar(20))", "CREATE TABLE t (x VARCHAR ( 20 ))"),
    "default in parentheses": (
        "CREATE TABLE t (x TEXT NOT NULL DEFAULT (''))",
        "CREATE TABLE t (x TEXT NOT NULL DEFAULT '')",
    ),
    "DEFAULT NULL is no default": (
        "CREATE TABLE t (x TEXT DEFAULT NULL)",
        "CREATE TABLE t (x TEXT)",
    ),
    "double-quoted default": (
        'CREATE TABLE t (x TEXT DEFAULT "da")',
        "CREATE TABLE t (x TEXT DEFAULT 'da')",
    ),
    "names in another case": (
        "CREATE TABLE Family (Display_Name TEXT)",
        "CREATE TABLE family (display_name TEXT)",
    ),
    "column order": ("CREATE TABLE t (a TEXT, b INTEGER)", "CREATE TABLE t (b INTEGER, a TEXT)"),
    "quoted table name, as a rebuilt table has": (
        'CREATE TABLE "t" ("a" TEXT)',
        "CREATE TABLE t (a TEXT)",
    ),
    "constraint order numbers the automatic indexes differently": (
        "CREATE TABLE t (id TEXT PRIMARY KEY, u TEXT, UNIQUE (u))",
        "CREATE TABLE t (u TEXT UNIQUE, id TEXT, PRIMARY KEY (id))",
    ),
    "reference to the parent's primary key, implicit or named": (
        PARENT + "CREATE TABLE t (p_id TEXT REFERENCES p ON DELETE cascade)",
        PARENT
        + "CREATE TABLE t (p_id TEXT, FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE)",
    ),
    "CHECK spacing, case and identifier quoting": (
        "CREATE TABLE t (kind TEXT, CONSTRAINT ck CHECK (\"kind\" IN ('a','b')))",
        "CREATE TABLE t (kind TEXT, constraint CK check(  kind in ( 'a', 'b' ) ) )",
    ),
    "CHECK on the column or on the table": (
        "CREATE TABLE t (v INTEGER CHECK (v BETWEEN 1 AND 10))",
        "CREATE TABLE t (v INTEGER, CHECK ((v between 1 and 10)))",
    ),
    "index written with another spacing and case": (
        "CREATE TABLE t (a TEXT, b TEXT); CREATE INDEX ix ON t (a, b) WHERE a IS NOT NULL",
        "CREATE TABLE t (a TEXT, b TEXT); create index IX on T(A,B) where (a is not null)",
    ),
    "view with another spacing": (
        "CREATE TABLE t (a TEXT); CREATE VIEW v AS SELECT a FROM t",
        "CREATE TABLE t (a TEXT); CREATE VIEW v AS\n  select a from t",
    ),
}


@pytest.mark.parametrize(("first", "second"), SAME.values(), ids=SAME.keys())
def test_what_is_only_spelled_differently_is_the_same(
    tmp_path: Path, first: str, second: str
) -> None:
    assert _differences(tmp_path, first, second) == []


DIFFERENT = {
    "type": ("CREATE TABLE t (x VARCHAR)", "CREATE TABLE t (x TEXT)", "t.x: type"),
    "nullability": ("CREATE TABLE t (x TEXT NOT NULL)", "CREATE TABLE t (x TEXT)", "t.x: not null"),
    "default added": (
        "CREATE TABLE t (x TEXT NOT NULL)",
        "CREATE TABLE t (x TEXT NOT NULL DEFAULT '')",
        "t.x: default: none (first) != '' (second)",
    ),
    "default value": (
        "CREATE TABLE t (x TEXT DEFAULT 'da')",
        "CREATE TABLE t (x TEXT DEFAULT 'DA')",
        "t.x: default",
    ),
    "default string or number": (
        "CREATE TABLE t (x TEXT DEFAULT '0')",
        "CREATE TABLE t (x TEXT DEFAULT 0)",
        "t.x: default",
    ),
    "primary key order": (
        "CREATE TABLE t (a TEXT, b TEXT, PRIMARY KEY (a, b))",
        "CREATE TABLE t (a TEXT, b TEXT, PRIMARY KEY (b, a))",
        "t.a: primary key position",
    ),
    "column missing": (
        "CREATE TABLE t (a TEXT, b TEXT)",
        "CREATE TABLE t (a TEXT)",
        "t.b: only in first",
    ),
    "table missing": (
        "CREATE TABLE t (a TEXT)",
        "CREATE TABLE u (a TEXT)",
        "table t: only in first",
    ),
    "WITHOUT ROWID": (
        "CREATE TABLE t (a TEXT PRIMARY KEY)",
        "CREATE TABLE t (a TEXT PRIMARY KEY) WITHOUT ROWID",
        "t: WITHOUT ROWID",
    ),
    "index columns in another order": (
        "CREATE TABLE t (a TEXT, b TEXT); CREATE INDEX ix ON t (a, b)",
        "CREATE TABLE t (a TEXT, b TEXT); CREATE INDEX ix ON t (b, a)",
        "t: index ix: columns: a, b (first) != b, a (second)",
    ),
    "index sorted descending": (
        "CREATE TABLE t (a TEXT); CREATE INDEX ix ON t (a)",
        "CREATE TABLE t (a TEXT); CREATE INDEX ix ON t (a DESC)",
        "t: index ix: columns: a (first) != a DESC (second)",
    ),
    "index collation": (
        "CREATE TABLE t (a TEXT); CREATE INDEX ix ON t (a)",
        "CREATE TABLE t (a TEXT); CREATE INDEX ix ON t (a COLLATE NOCASE)",
        "t: index ix: columns: a (first) != a COLLATE NOCASE (second)",
    ),
    "index unique": (
        "CREATE TABLE t (a TEXT); CREATE INDEX ix ON t (a)",
        "CREATE TABLE t (a TEXT); CREATE UNIQUE INDEX ix ON t (a)",
        "t: index ix: unique",
    ),
    "index renamed": (
        "CREATE TABLE t (a TEXT); CREATE INDEX ix ON t (a)",
        "CREATE TABLE t (a TEXT); CREATE INDEX ix_t_a ON t (a)",
        "t: index ix: only in first",
    ),
    "partial index condition": (
        "CREATE TABLE t (a TEXT); CREATE INDEX ix ON t (a) WHERE a IS NOT NULL",
        "CREATE TABLE t (a TEXT); CREATE INDEX ix ON t (a) WHERE a IS NULL",
        "t: index ix: WHERE",
    ),
    "UNIQUE constraint on other columns": (
        "CREATE TABLE t (a TEXT, b TEXT, UNIQUE (a, b))",
        "CREATE TABLE t (a TEXT, b TEXT, UNIQUE (b, a))",
        "t: index u (a, b): only in first",
    ),
    "foreign key action": (
        PARENT + "CREATE TABLE t (p_id TEXT REFERENCES p (id) ON DELETE CASCADE)",
        PARENT + "CREATE TABLE t (p_id TEXT REFERENCES p (id) ON DELETE SET NULL)",
        "t: foreign key (p_id) -> p (id): ON DELETE: CASCADE (first) != SET NULL (second)",
    ),
    "foreign key missing": (
        PARENT + "CREATE TABLE t (p_id TEXT REFERENCES p (id))",
        PARENT + "CREATE TABLE t (p_id TEXT)",
        "t: foreign key (p_id) -> p (id): only in first",
    ),
    "CHECK bounds": (
        "CREATE TABLE t (v INTEGER, CONSTRAINT ck_v CHECK (v BETWEEN 1 AND 10))",
        "CREATE TABLE t (v INTEGER, CONSTRAINT ck_v CHECK (v BETWEEN 0 AND 10))",
        "t: CHECK ck_v (v between 1 and 10): only in first",
    ),
    "CHECK string literal case": (
        "CREATE TABLE t (k TEXT, CHECK (k IN ('a', 'b')))",
        "CREATE TABLE t (k TEXT, CHECK (k IN ('A', 'b')))",
        "t: CHECK (unnamed) (k in ( 'A' , 'b' )): only in second",
    ),
    "CHECK renamed": (
        "CREATE TABLE t (v INTEGER, CONSTRAINT ck_a CHECK (v > 0))",
        "CREATE TABLE t (v INTEGER, CONSTRAINT ck_b CHECK (v > 0))",
        "t: CHECK ck_a (v > 0): only in first",
    ),
    "view": (
        "CREATE TABLE t (a TEXT, b TEXT); CREATE VIEW v AS SELECT a FROM t",
        "CREATE TABLE t (a TEXT, b TEXT); CREATE VIEW v AS SELECT b FROM t",
        "view v: SQL",
    ),
}


@pytest.mark.parametrize(("first", "second", "named"), DIFFERENT.values(), ids=DIFFERENT.keys())
def test_a_real_difference_is_found_and_named(
    tmp_path: Path, first: str, second: str, named: str
) -> None:
    found = _differences(tmp_path, first, second)
    assert found, "the comparison missed a real difference"
    assert any(named in line for line in found), found


@pytest.mark.parametrize(
    "ddl",
    [
        "CREATE TABLE t (a TEXT COLLATE NOCASE)",
        "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT)",
        "CREATE TABLE t (a TEXT UNIQUE ON CONFLICT REPLACE)",
        PARENT + "CREATE TABLE t (p_id TEXT REFERENCES p DEFERRABLE INITIALLY DEFERRED)",
        "CREATE TABLE t (a INTEGER, b INTEGER GENERATED ALWAYS AS (a + 1))",
        "CREATE TABLE t (a TEXT); CREATE INDEX ix ON t (lower(a))",
    ],
    ids=["collate", "autoincrement", "on-conflict", "deferrable", "generated", "expression-index"],
)
def test_a_clause_it_does_not_read_stops_it(tmp_path: Path, ddl: str) -> None:
    with pytest.raises(UnreadSchema):
        _signature(tmp_path / "t.db", ddl)
