"""The schema ladder: MIGRATIONS[n] upgrades a database at user_version n to n + 1.

Each step runs inside the one transaction that opens the database (SQLite's DDL
is transactional), so a failed step leaves the file at its old version.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import Connection

Migration = Callable[[Connection], None]


def v1_to_v2(conn: Connection) -> None:
    """Version 2 adds the access log (who opened, exported, deleted what; ids only).

    Released as it is, so never changed: its ``DEFAULT ''`` on ``detail`` is not in
    the model (a database created at version 2 has none); v2_to_v3 evens that out.
    """
    conn.exec_driver_sql(
        """
        CREATE TABLE access_log (
            id VARCHAR NOT NULL PRIMARY KEY,
            at DATETIME NOT NULL,
            event VARCHAR NOT NULL,
            family_id VARCHAR,
            meeting_id VARCHAR,
            detail VARCHAR NOT NULL DEFAULT ''
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX ix_access_log_at ON access_log (at)")
    conn.exec_driver_sql("CREATE INDEX ix_access_log_family_id ON access_log (family_id)")


def v2_to_v3(conn: Connection) -> None:
    """Version 3 gives every file the access log a fresh database has.

    Files at version 2 came in two shapes: created at version 2 (from the model) or
    upgraded by v1_to_v2 (with a default on ``detail``). SQLite cannot drop a default
    in place, so the table is rebuilt in the model's shape, whichever shape it had:
    SQLite's recipe for other schema changes (new table, copy, drop, rename, indexes).
    No table refers to ``access_log``, so foreign keys are not involved. Every row
    keeps its rowid, which orders entries made within the same millisecond.
    """
    conn.exec_driver_sql(
        """
        CREATE TABLE access_log_v3 (
            id VARCHAR NOT NULL,
            at DATETIME NOT NULL,
            event VARCHAR NOT NULL,
            family_id VARCHAR,
            meeting_id VARCHAR,
            detail VARCHAR NOT NULL,
            PRIMARY KEY (id)
        )
        """
    )
    conn.exec_driver_sql(
        "INSERT INTO access_log_v3 (rowid, id, at, event, family_id, meeting_id, detail) "
        "SELECT rowid, id, at, event, family_id, meeting_id, detail FROM access_log"
    )
    conn.exec_driver_sql("DROP TABLE access_log")
    conn.exec_driver_sql("ALTER TABLE access_log_v3 RENAME TO access_log")
    conn.exec_driver_sql("CREATE INDEX ix_access_log_at ON access_log (at)")
    conn.exec_driver_sql("CREATE INDEX ix_access_log_family_id ON access_log (family_id)")


def v3_to_v4(conn: Connection) -> None:
    """Version 4 links a plan line to the card it was made from (``action.card_id``).

    A nullable column with a foreign key and no default: SQLite adds it in place, at
    the end of the table (where the model declares it too); existing lines have none.
    """
    conn.exec_driver_sql(
        "ALTER TABLE action ADD COLUMN card_id VARCHAR REFERENCES card (id) ON DELETE SET NULL"
    )
    conn.exec_driver_sql("CREATE INDEX ix_action_card_id ON action (card_id)")


# A step's SQL is written out, never generated from the models: a released step must
# do the same thing for ever. tests/unit/test_schema_fixtures.py checks that the ladder
# ends at the models' schema, column by column.
MIGRATIONS: dict[int, Migration] = {1: v1_to_v2, 2: v2_to_v3, 3: v3_to_v4}
