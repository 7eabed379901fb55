"""Opening the database when the machine, not the file, is at fault (issue 17, items 1, 3, 14).

A full disk, an I/O error, read-only storage, a side file that cannot be opened, a
folder without write permission, a busy database: each gets its own clear message,
and none of them may move the database into ``damaged/``. Only proven damage may.

The faults are real, made without root: a file size limit (RLIMIT_FSIZE) in a
subprocess, so the ``-shm`` cannot grow (SQLite: SQLITE_IOERR); a directory where the
``-wal`` belongs (SQLITE_CANTOPEN) or the ``-shm`` belongs (SQLite then maps the WAL
index read-only: SQLITE_READONLY); another connection holding the write lock
(SQLITE_BUSY).
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import PAGE, file_digest, open_unlocked

from familymeeting.domain.errors import DatabaseError, DiskFullError, UserError
from familymeeting.messages import os_error_reason, user_message
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.backup import BackupKind, make_backup, restore_backup, write_backup
from familymeeting.storage.database import connect_file, environment_error, is_sealed
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.keys import KeyStore
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import RestoreNeeded

PASSWORD = "Kaffe hos Lise kl 9"
# English words of the OS and SQLite that must not reach a Danish reader.
ENGLISH = ("disk i/o error", "unable to open", "readonly", "read-only", "locked", "errno")


@pytest.fixture
def sealed(data_dir: Path) -> Path:
    """An encrypted data dir with the demo family and a good backup, closed cleanly.

    The good backup matters: with one, a key that fails to read the file used to count
    as proven damage, and the file was moved aside.
    """
    result = open_unlocked(data_dir, PASSWORD)
    try:
        create_demo_family(Services(result.db))
        make_backup(result.db, BackupKind.MANUAL)
    finally:
        result.db.close()
    return data_dir


def assert_untouched(data_dir: Path, digest: str) -> None:
    assert file_digest(data_dir / DB_FILENAME) == digest
    assert not (data_dir / "damaged").exists()


def assert_plain_danish(error: UserError) -> str:
    message = user_message(error, "da")
    assert not any(word in message.lower() for word in ENGLISH), message
    assert "Intet er flyttet" in message, message
    return message


_OPEN_WITH_LIMIT = """
import json, resource, signal, sys
from pathlib import Path
from familymeeting.domain.errors import UserError
from familymeeting.storage.unlock import open_unlocked
# Writing past the limit fails with EFBIG instead of killing the process.
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
try:
    open_unlocked(Path(sys.argv[1]), sys.argv[2]).db.close()
    print(json.dumps({"code": None}))
except UserError as exc:
    print(json.dumps({"code": exc.code, "type": type(exc).__name__}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_an_io_error_at_start_moves_nothing(sealed: Path) -> None:
    digest = file_digest(sealed / DB_FILENAME)
    done = subprocess.run(
        [sys.executable, "-c", _OPEN_WITH_LIMIT, str(sealed), PASSWORD],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": "db_io_error", "type": "DatabaseError"}
    assert_untouched(sealed, digest)
    message = assert_plain_danish(DatabaseError("db_io_error", path=str(sealed / DB_FILENAME)))
    assert "disken" in message.lower()
    # Once the disk has room again, the data opens as it was.
    again = open_unlocked(sealed, PASSWORD).db
    try:
        assert Services(again).list_families()
    finally:
        again.close()


def test_a_side_file_that_cannot_be_opened_moves_nothing(sealed: Path) -> None:
    digest = file_digest(sealed / DB_FILENAME)
    wal = sealed / (DB_FILENAME + "-wal")
    wal.mkdir()  # SQLite cannot open its WAL: SQLITE_CANTOPEN
    with pytest.raises(DatabaseError) as info:
        open_unlocked(sealed, PASSWORD)
    assert not isinstance(info.value, RestoreNeeded)
    assert info.value.code == "db_cannot_open"
    assert_untouched(sealed, digest)
    assert_plain_danish(info.value)
    wal.rmdir()
    open_unlocked(sealed, PASSWORD).db.close()


def test_read_only_storage_moves_nothing(sealed: Path) -> None:
    digest = file_digest(sealed / DB_FILENAME)
    shm = sealed / (DB_FILENAME + "-shm")
    shm.mkdir()  # the WAL index can only be read: SQLITE_READONLY at the first write
    with pytest.raises(DatabaseError) as info:
        open_unlocked(sealed, PASSWORD)
    assert not isinstance(info.value, RestoreNeeded)
    assert info.value.code == "db_read_only"
    assert_untouched(sealed, digest)
    assert_plain_danish(info.value)


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root writes into a 0500 folder anyway"
)
def test_a_folder_without_write_permission_moves_nothing(sealed: Path) -> None:
    digest = file_digest(sealed / DB_FILENAME)
    os.chmod(sealed, 0o500)
    try:
        with pytest.raises(UserError) as info:
            open_unlocked(sealed, PASSWORD)
    finally:
        os.chmod(sealed, 0o700)
    assert info.value.code in {"db_read_only", "db_cannot_open", "db_no_permission"}
    assert_untouched(sealed, digest)
    assert_plain_danish(info.value)


def test_environment_errors_are_told_apart_by_sqlite_error_code(tmp_path: Path) -> None:
    """The classes come from SQLite's result codes, not from its English words."""
    path = tmp_path / "x.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    # SQLITE_FULL: the file may not grow.
    con.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.Error) as full:
        con.execute("INSERT INTO t VALUES (randomblob(100000))")
    con.rollback()
    # SQLITE_CANTOPEN: a folder that does not exist.
    with pytest.raises(sqlite3.Error) as cantopen:
        sqlite3.connect(tmp_path / "missing" / "x.db")
    # SQLITE_BUSY: another connection holds the write lock.
    other = sqlite3.connect(path, timeout=0)
    con.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.Error) as busy:
        other.execute("BEGIN IMMEDIATE")
    con.rollback()
    other.close()
    con.close()
    # SQLITE_NOTADB is damage, not the machine: no environment error.
    path.write_bytes(os.urandom(8192))
    with pytest.raises(sqlite3.Error) as notadb:
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()

    full_error = environment_error(full.value, path)
    assert isinstance(full_error, DiskFullError) and full_error.code == "db_disk_full"
    assert getattr(environment_error(cantopen.value, path), "code", None) == "db_cannot_open"
    assert getattr(environment_error(busy.value, path), "code", None) == "db_busy"
    assert environment_error(notadb.value, path) is None
    # The words do not matter: an error with another text but the same code is the same.
    renamed = sqlite3.OperationalError("ganz andere Worte")
    renamed.sqlite_errorcode = sqlite3.SQLITE_IOERR_SHMSIZE  # type: ignore[attr-defined]
    assert getattr(environment_error(renamed, path), "code", None) == "db_io_error"


def test_a_key_that_cannot_read_the_file_is_still_damage(sealed: Path) -> None:
    """The other side: a page the key cannot read is still proven damage (moved aside)."""
    path = sealed / DB_FILENAME
    with path.open("r+b") as f:
        f.write(os.urandom(4096))
    with pytest.raises(RestoreNeeded) as info:
        open_unlocked(sealed, PASSWORD)
    assert info.value.damaged
    assert info.value.moved_to is not None and info.value.moved_to.parent == sealed / "damaged"


# ------------------------------------------------------------------ item 3: busy, rot
def test_a_database_busy_at_open_is_explained_and_nothing_moves(sealed: Path) -> None:
    """Another program holds the write lock past the busy timeout while we open."""
    digest = file_digest(sealed / DB_FILENAME)
    other = connect_file(sealed / DB_FILENAME, KeyStore.unlock(sealed, PASSWORD))
    try:
        other.isolation_level = None
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseError) as info:
            open_unlocked(sealed, PASSWORD)
    finally:
        other.close()
    assert info.value.code == "db_busy"
    assert not (sealed / "damaged").exists()
    assert file_digest(sealed / DB_FILENAME) == digest
    assert "optaget" in user_message(info.value, "da")


def _rot_a_page_keeping_the_seal(path: Path) -> None:
    """Change bytes in the middle of the file, keeping its size and time (failing
    storage): the clean-close seal still fits, so the open does not read every page."""
    st = path.stat()
    with path.open("r+b") as f:
        for page in (st.st_size // PAGE - 1, st.st_size // PAGE - 2):
            f.seek(page * PAGE + 300)
            f.write(os.urandom(16))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_page_damaged_behind_the_seal_is_explained_and_the_next_open_finds_it(
    sealed: Path,
) -> None:
    path = sealed / DB_FILENAME
    db = open_unlocked(sealed, PASSWORD).db
    try:
        services = Services(db)
        meeting = services.list_meetings(services.list_families()[0].id)[0]
        for n in range(150):  # cards on many pages, the newest at the end of the file
            services.add_card(meeting.id, "worries", f"Bekymring nummer {n} " + "x" * 80)
        services.compact()  # everything in the main file
    finally:
        db.close()
    _rot_a_page_keeping_the_seal(path)
    assert is_sealed(path)
    db = open_unlocked(sealed, PASSWORD).db
    try:
        with pytest.raises(DatabaseError) as info, db.reading() as session:
            # Reading every row of every table meets the damaged pages, wherever they are.
            conn = session.connection()
            names = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            for (name,) in names.fetchall():
                conn.exec_driver_sql(f'SELECT * FROM "{name}"').fetchall()
    finally:
        db.close()
    assert info.value.code == "db_damaged_found"
    assert "beskadiget" in user_message(info.value, "da")
    # Not sealed again: the next open checks every page and keeps the file aside.
    with pytest.raises(RestoreNeeded) as found:
        open_unlocked(sealed, PASSWORD)
    assert found.value.damaged and found.value.backup is not None


# ------------------------------------------------------- item 14: OS errors in Danish
ERRNO_WORDS = {
    errno.ENOENT: "findes ikke",
    errno.EACCES: "ingen tilladelse",
    errno.EPERM: "ingen tilladelse",
    errno.ENOSPC: "disken er fuld",
    errno.EROFS: "der kan ikke skrives",
    errno.EEXIST: "findes allerede",
    errno.EISDIR: "mappe",
    errno.ENOTDIR: "ikke en mappe",
    errno.EBUSY: "i brug",
    errno.EIO: "læse eller skrive",
}


@pytest.mark.parametrize("number", list(ERRNO_WORDS))
def test_an_os_error_is_told_in_danish(number: int) -> None:
    exc = OSError(number, os.strerror(number))
    error = UserError("output_unwritable", path="/x/plan.pdf", reason=os_error_reason(exc))
    message = user_message(error, "da")
    assert ERRNO_WORDS[number] in message, message
    assert os.strerror(number) not in message
    # In English, the English words of the program (not the OS's) are used.
    assert os.strerror(number) not in user_message(error, "en")


def test_an_os_error_without_words_names_its_code_not_english_prose() -> None:
    exc = OSError(errno.EXDEV, os.strerror(errno.EXDEV))
    message = user_message(UserError("output_unwritable", path="/x", reason=os_error_reason(exc)))
    assert "systemfejl EXDEV" in message
    assert os.strerror(errno.EXDEV) not in message


def test_real_os_and_sqlite_errors_reach_the_reader_in_danish(sealed: Path, tmp_path: Path) -> None:
    # A file where the folder should be: the OS says "File exists" / "Not a directory".
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UserError) as written:
        write_atomic(blocker / "plan.pdf", b"%PDF")
    db = open_unlocked(sealed, PASSWORD).db
    try:
        with pytest.raises(UserError) as backed_up:
            write_backup(db, blocker / "copy.db")
    finally:
        db.close()
    # A backup of random bytes: SQLite says "file is not a database".
    bad = tmp_path / "bad.db"
    bad.write_bytes(os.urandom(8192))
    with pytest.raises(UserError) as restored:
        restore_backup(sealed, KeyStore.unlock(sealed, PASSWORD), bad)
    assert "tjekket" in user_message(restored.value, "da") or "tjek" in user_message(
        restored.value, "da"
    )
    for info in (written, backed_up, restored):
        message = user_message(info.value, "da")
        assert not any(
            english in message
            for english in ("Not a directory", "File exists", "not a database", "Errno")
        ), message
