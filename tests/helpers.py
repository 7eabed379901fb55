"""Helpers for tests (import as ``from helpers import ...``; tests/ is on sys.path)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from familymeeting.storage.paths import DB_FILENAME


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def db_state(data_dir: Path) -> str:
    """A digest of the database's logical content (all rows of all tables)."""
    import sqlite3

    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        h = hashlib.sha256()
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        for table in tables:
            h.update(table.encode())
            for row in con.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()
