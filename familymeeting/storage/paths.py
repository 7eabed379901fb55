"""Where the data lives: --data-dir, then FAMILYMEETING_DATA_DIR, then platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "familymeeting"
DB_FILENAME = "familymeeting.db"
DATA_DIR_ENV = "FAMILYMEETING_DATA_DIR"
SQLITE_MAGIC = b"SQLite format 3\x00"  # the first 16 bytes of every plain SQLite file


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def is_plain_sqlite(path: Path) -> bool:
    """Whether the file starts like a plain SQLite database (an encrypted one never does)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
