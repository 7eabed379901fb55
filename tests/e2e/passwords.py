"""The password side of the e2e tests: the test password, and reading encrypted data dirs.

Every CLI run gets ``FAMILYMEETING_PASSWORD`` (tests/e2e/conftest.py), so a data dir a
test made with the command is encrypted with :data:`TEST_PASSWORD`; the helpers here
open such a dir in-process the same way the command does.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from helpers import open_unlocked

from familymeeting.storage.database import SEAL_SUFFIX, Database
from familymeeting.storage.folder_lock import LOCK_FILENAME
from familymeeting.storage.keys import KEYS_COPY_FILENAME, KEYS_FILENAME, KeyStore
from familymeeting.storage.paths import DB_FILENAME

TEST_PASSWORD = "e2e-test-password-42"
RECOVERY_CODE = re.compile(r"\b[2-9A-Z]{4}(?:-[2-9A-Z]{4}){7}\b")
# What a data dir holds after a command has run: the encrypted database, its key file and
# that file's second copy, the seal of the database's clean close (storage/database.py)
# and the empty file the folder's owner locks (storage/folder_lock.py).
DATA_FILES = sorted(
    [DB_FILENAME, DB_FILENAME + SEAL_SUFFIX, KEYS_FILENAME, KEYS_COPY_FILENAME, LOCK_FILENAME]
)
FIRST_RUN_MARKERS = ("gendannelseskode", "recovery code")


def open_database(data_dir: Path, password: str = TEST_PASSWORD) -> Database:
    """The data dir's database, opened as the command opens it."""
    return open_unlocked(data_dir, password).db


def recovery_notice(stderr: str) -> str:
    """The recovery code from a first run's stderr; fails unless it is there exactly once."""
    codes = RECOVERY_CODE.findall(stderr)
    assert len(codes) == 1, stderr
    assert any(marker in stderr.lower() for marker in FIRST_RUN_MARKERS), stderr
    return str(codes[0])


def without_recovery_notice(stderr: str) -> str:
    """stderr with a first run's recovery-code notice taken out (it must be there)."""
    recovery_notice(stderr)
    kept = [
        line
        for line in stderr.splitlines()
        if line.strip()
        and not RECOVERY_CODE.search(line)
        and not any(marker in line.lower() for marker in FIRST_RUN_MARKERS)
    ]
    return "".join(line + "\n" for line in kept)


def db_state(data_dir: Path, password: str = TEST_PASSWORD) -> str:
    """A digest of an encrypted database's case content (all rows of all tables).

    The access log is left out: a successful command adds its own entry there. Tests
    that a refused command changed nothing compare the file's bytes as well.
    """
    from sqlcipher3 import dbapi2

    key = KeyStore.unlock(data_dir, password)
    con = dbapi2.connect(str(data_dir / DB_FILENAME))
    try:
        con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        h = hashlib.sha256()
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        for table in tables:
            if table == "access_log":
                continue
            h.update(table.encode())
            for row in con.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        con.close()


def set_user_version(data_dir: Path, version: int, password: str = TEST_PASSWORD) -> None:
    """Stamp an encrypted database with another schema version (as a newer app would)."""
    from sqlcipher3 import dbapi2

    key = KeyStore.unlock(data_dir, password)
    con = dbapi2.connect(str(data_dir / DB_FILENAME))
    try:
        con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        con.execute(f"PRAGMA user_version = {version}")
        con.commit()
    finally:
        con.close()
