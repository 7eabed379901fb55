"""Helpers for tests (import as ``from helpers import ...``; tests/ is on sys.path)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


# ------------------------------------------------------------ damaging a file
PAGE = 4096  # SQLite's and SQLCipher's page size here


def truncate(path: Path) -> None:
    """Cut the file to half its length, as an interrupted copy would."""
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])


def random_bytes(path: Path) -> None:
    """Replace the file with random bytes of the same length (seeded)."""
    import random

    path.write_bytes(random.Random(7).randbytes(path.stat().st_size))


def flip_bytes(path: Path) -> None:
    """Flip one byte in every page after the first, as failing storage would."""
    raw = bytearray(path.read_bytes())
    for start in range(PAGE, len(raw), PAGE):
        raw[start + 200] ^= 0x5A
    path.write_bytes(bytes(raw))


def empty(path: Path) -> None:
    path.write_bytes(b"")


DAMAGE = {
    "truncated": truncate,
    "random bytes": random_bytes,
    "flipped bytes": flip_bytes,
    "empty": empty,
}


def without_translators(app: object) -> None:
    """Back to how a test starts: no translator installed, the language detected.

    ``switch_language`` keeps its translators on the application; a test that used it
    takes them off again, or every later test in that process reads Danish.
    """
    from PySide6.QtCore import QCoreApplication

    from familymeeting.messages import set_language

    assert isinstance(app, QCoreApplication)
    for translator in app.property("translators") or []:
        QCoreApplication.removeTranslator(translator)
    app.setProperty("translators", [])
    set_language(None)


@contextmanager
def begins(db: Any) -> Iterator[list[str]]:
    """Every transaction begun on ``db`` meanwhile: "BEGIN" (a read) or "BEGIN IMMEDIATE"
    (a write, which takes the write lock), in order."""
    from sqlalchemy import event

    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.strip().upper().startswith("BEGIN"):
            seen.append(statement.strip().upper())

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


# Setting values that are hard to store in an INI file (the settings tests, both ways).
TRICKY = [
    "",
    "plain",
    "a, b; c=d",
    'q"uo\\te',
    "æøå Ω 中 العربية",
    "@at",
    "@@two",
    " lead and trail ",
    "tab\there\nnew line\r",
    "C:\\Users\\Lise\\Documents\\Familien Holm, 2026",
    "x\x01y\x1f",
    "\x00a1",
    "#hash",
    ";semi",
    "100%",
    "a\\x41",
    "\x7f\x80",
    "=",
    '"',
]


def open_unlocked(data_dir: Any, password: str, **kwargs: Any) -> Any:
    """storage.unlock.open_unlocked, with a new recovery code acknowledged at once, as
    the window (the tick) and the command line (printed and flushed) do once it was
    shown; unacknowledged, a first start is undone by the next open (issue 17, item 5)."""
    from familymeeting.storage import unlock

    result = unlock.open_unlocked(data_dir, password, **kwargs)
    if result.recovery_code:
        unlock.acknowledge_recovery_code(data_dir, result.recovery_code)
    return result
