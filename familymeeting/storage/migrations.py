"""The schema ladder: MIGRATIONS[n] upgrades a database at user_version n to n + 1.

Each step runs inside the one transaction that opens the database (SQLite's DDL
is transactional), so a failed step leaves the file at its old version.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import Connection

Migration = Callable[[Connection], None]


def v1_to_v2(conn: Connection) -> None:
    """Version 2 adds the access log (who opened, exported, deleted what; ids only)."""
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


MIGRATIONS: dict[int, Migration] = {1: v1_to_v2}
