"""The one engine factory: opening, checking, creating and migrating the database.

Schema versions are kept in SQLite's own ``PRAGMA user_version`` with a ladder of
migration functions (see docs/architecture.md for why not Alembic). Our files are
marked with ``PRAGMA application_id`` so another program's SQLite file is refused
instead of being "migrated".

With a key, the file is a SQLCipher database (AES-256, raw 256-bit key from
``storage/keys.py``); without one it is plain SQLite, as before. The header check,
the pragmas and the migrations are the same for both. See docs/security.md.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, SQLModel, create_engine

from familymeeting.domain.errors import DatabaseError, DiskFullError, UserError
from familymeeting.messages import os_error_reason
from familymeeting.storage import models
from familymeeting.storage.migrations import MIGRATIONS
from familymeeting.storage.paths import DB_FILENAME, is_plain_sqlite
from familymeeting.storage.wal import find_wal_damage

APPLICATION_ID = 0x464D5447  # "FMTG"
BUSY_TIMEOUT_MS = 5000
KEY_BYTES = 32
SIDE_FILES = ("-wal", "-shm", "-journal")
SEAL_SUFFIX = "-closed"  # written by a clean close; see Database.close
CONVERTING_SUFFIX = ".encrypting"  # the encrypted copy while a plain file is converted
REKEYING_SUFFIX = ".rekeying"  # the copy under the new key while the data key is changed


# SQLite's primary result codes (the low byte of an extended code such as
# SQLITE_IOERR_SHMSIZE). Errors are told apart by these, never by SQLite's English words.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

# Failures of the machine, not of the file: at open, each has its own message and none
# of them is damage (the file is never moved aside for them).
_OPEN_FAILURES = {
    SQLITE_PERM: "db_no_permission",
    SQLITE_READONLY: "db_read_only",
    SQLITE_IOERR: "db_io_error",
    SQLITE_CANTOPEN: "db_cannot_open",
}
# The same inside a transaction: "not saved", with the reason in the user's words.
_WRITE_REASONS = {
    SQLITE_PERM: "no_permission",
    SQLITE_READONLY: "read_only",
    SQLITE_IOERR: "io_error",
    SQLITE_CANTOPEN: "cannot_open",
}


def sqlite_error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a driver error (or SQLAlchemy's wrapper of one)."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def environment_error(exc: BaseException, path: Path | None = None) -> UserError | None:
    """The user's error for a driver error the machine caused; None if it is not one.

    With ``path`` the error happened while opening the database at ``path``; without
    it, inside a transaction (the change was not saved).
    """
    code = sqlite_error_code(exc)
    if code is None:
        return None
    if code == SQLITE_FULL:
        if path is None:
            return DiskFullError("disk_full")
        return DiskFullError("db_disk_full", path=str(path))
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseError("db_busy")
    if path is not None and code in _OPEN_FAILURES:
        return DatabaseError(_OPEN_FAILURES[code], path=str(path))
    if code in _WRITE_REASONS:
        return DatabaseError("db_write_failed", reason=_WRITE_REASONS[code])
    return None


def os_error(exc: OSError, path: Path) -> UserError:
    """The user's error for an OS error met while opening the database at ``path``."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError("db_disk_full", path=str(path))
    code = {
        errno.EACCES: "db_no_permission",
        errno.EPERM: "db_no_permission",
        errno.EROFS: "db_read_only",
        errno.EIO: "db_io_error",
    }.get(exc.errno or 0, "db_cannot_open")
    return DatabaseError(code, path=str(path))


def sqlite_reason(exc: BaseException) -> str:
    """A ``reason`` for a message about a driver error, shown in the reader's language:
    a key of ``messages.REASONS`` or SQLite's code name, never SQLite's English text."""
    code = sqlite_error_code(exc)
    if code in (SQLITE_NOTADB, SQLITE_CORRUPT):
        return "not_a_database" if code == SQLITE_NOTADB else "malformed"
    if code == SQLITE_FULL:
        return "os_disk_full"
    if code in _WRITE_REASONS:
        return _WRITE_REASONS[code]
    orig = getattr(exc, "orig", None) or exc
    name = getattr(orig, "sqlite_errorname", None)
    return str(name) if name else "SQLITE_ERROR"


def is_disk_full(exc: BaseException) -> bool:
    if sqlite_error_code(exc) == SQLITE_FULL:
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return "disk is full" in text or "database or disk is full" in text


def _sqlcipher() -> ModuleType:
    # Imported on first use: plain databases (and the tests that make them) never load it.
    from sqlcipher3 import dbapi2

    module: ModuleType = dbapi2
    return module


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")


def _connect_encrypted(target: str, key: bytes, *, uri: bool = False, timeout: float = 5.0) -> Any:
    """A SQLCipher connection keyed with the raw 256-bit key (no KDF on every open).

    ``PRAGMA key`` must come before anything reads the file. SQLCipher's own log
    (which prints decryption failures to stderr) is switched off: a wrong key is
    reported to the user once, by us.
    """
    sqlcipher = _sqlcipher()
    con = sqlcipher.connect(target, uri=uri, timeout=timeout, check_same_thread=False)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    except BaseException:
        con.close()
        raise
    return con


def _header_uri(path: Path) -> str:
    wal = path.with_name(path.name + "-wal")
    return path.resolve().as_uri() + "?mode=ro" + ("" if wal.exists() else "&immutable=1")


def read_header(path: Path, key: bytes | None = None) -> tuple[int, int]:
    """(application_id, user_version) of an existing file, read without changing it.

    Without a ``-wal`` file the main file holds everything, so it is opened
    ``immutable`` (no lock files are created beside it). With a WAL left by a
    crash, the newest state may be in the WAL, so it is read normally.

    With ``key`` the file is read through SQLCipher the same way, so a newer
    encrypted file is refused as untouched as a plain one. A key that does not
    decrypt it raises ``db_wrong_key``.
    """
    uri = _header_uri(path)
    if key is not None:
        _check_key(key)
        if is_plain_sqlite(path):
            raise DatabaseError("db_not_encrypted", path=str(path))
        sqlcipher = _sqlcipher()
        try:
            con = _connect_encrypted(uri, key, uri=True)
        except sqlcipher.DatabaseError as exc:
            raise environment_error(exc, path) or DatabaseError(
                "db_wrong_key", path=str(path)
            ) from exc
        try:
            try:
                # The first page alone: if it decrypts (its HMAC holds), the key is right.
                con.execute("PRAGMA user_version").fetchone()
            except sqlcipher.DatabaseError as exc:
                raise environment_error(exc, path) or DatabaseError(
                    "db_wrong_key", path=str(path)
                ) from exc
            try:
                app_id, version, tables = _read_header_values(con)
            except sqlcipher.DatabaseError as exc:
                raise environment_error(exc, path) or DatabaseError(
                    "db_damaged", path=str(path), reason=sqlite_reason(exc)
                ) from exc
        finally:
            con.close()
    else:
        try:
            con = sqlite3.connect(uri, uri=True)
            try:
                app_id, version, tables = _read_header_values(con)
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            raise environment_error(exc, path) or DatabaseError(
                "db_unreadable", path=str(path)
            ) from exc
    if app_id == 0 and version == 0 and tables:
        raise DatabaseError("db_not_ours", path=str(path))
    return int(app_id), int(version)


def _read_header_values(con: Any) -> tuple[int, int, int]:
    app_id = con.execute("PRAGMA application_id").fetchone()[0]
    version = con.execute("PRAGMA user_version").fetchone()[0]
    tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return int(app_id), int(version), int(tables)


def connect_file(path: Path, key: bytes | None, *, read_only: bool = False) -> Any:
    """A bare DB-API connection to ``path`` (plain, or keyed with ``key``).

    ``read_only`` opens it with ``mode=ro`` (and ``immutable`` when no WAL is
    beside it), so nothing is written, not even a lock file. Used for checks and
    backups, which must not go through the engine's write pragmas.
    """
    target = _header_uri(path) if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only, check_same_thread=False)
    _check_key(key)
    con = _connect_encrypted(target, key, uri=read_only)
    con.execute("PRAGMA temp_store = MEMORY")
    return con


def check_file(
    path: Path, key: bytes | None, *, full: bool = False, raise_environment: bool = False
) -> list[str]:
    """Problems found in the database file at ``path``; an empty list means it is sound.

    ``full=False`` runs ``PRAGMA quick_check``: every page of every table and index
    is read, which for an encrypted file also proves each page's HMAC. ``full=True``
    runs ``integrity_check`` and, when encrypted, ``cipher_integrity_check`` (every
    page, free ones too). Also reported: a file that is not ours, or is from a
    newer version. The file is opened read-only. The problems are SQLite's words
    about pages and indexes, never row contents.

    ``raise_environment``: a failure of the machine (I/O error, full disk, read-only
    or busy; see :func:`environment_error`) is raised as the user's error instead of
    being listed as a problem, because it says nothing about the file's pages. The
    open uses it, so such a failure never counts as damage.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        if raise_environment:
            raise os_error(exc, path) from exc
        return [f"cannot read the file: {exc.strerror or exc}"]
    if size == 0:
        return ["the file is empty"]
    try:
        con = connect_file(path, key, read_only=True)
    except Exception as exc:  # sqlite3's or SQLCipher's error: not readable
        _raise_environment(exc, path, raise_environment)
        return [f"cannot open the file: {_short(exc)}"]
    try:
        problems: list[str] = []
        app_id = int(con.execute("PRAGMA application_id").fetchone()[0])
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        if app_id != APPLICATION_ID:
            problems.append("not a familymeeting database (application id)")
        if version > models.SCHEMA_VERSION:
            problems.append(f"made by a newer version (schema {version})")
        pragma = "integrity_check" if full else "quick_check"
        rows = [str(r[0]) for r in con.execute(f"PRAGMA {pragma}").fetchall()]
        if rows != ["ok"]:
            problems.extend(rows)
        if full and key is not None:
            problems.extend(str(r[0]) for r in con.execute("PRAGMA cipher_integrity_check"))
        return problems
    except Exception as exc:  # any driver's error while reading: the file is not sound
        _raise_environment(exc, path, raise_environment)
        return [f"cannot read the file: {_short(exc)}"]
    finally:
        con.close()


def problem_reason(problem: str) -> str:
    """A ``reason`` for a user message from one of :func:`check_file`'s lines, which are
    SQLite's English words for IT support (``familymeeting check`` prints them)."""
    if problem == "the file is empty":
        return "file_empty"
    if problem.startswith("not a familymeeting database"):
        return "not_ours"
    if problem.startswith("made by a newer version"):
        return "too_new"
    return "failed_check"


def _raise_environment(exc: BaseException, path: Path, wanted: bool) -> None:
    error = environment_error(exc, path) if wanted else None
    if error is not None:
        raise error from exc


def looks_damaged(exc: BaseException) -> bool:
    """A driver error that means a page could not be read as written (not a busy lock)."""
    if sqlite_error_code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return True
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "not a database" in text or "malformed" in text or "hmac" in text


# ------------------------------------------------------------------ the clean-close seal
# After a clean close, the file's identity (inode, size, modification time in ns) is
# written beside it. If the file is found exactly so at the next open, with no WAL
# waiting, nothing has touched it since it was last known sound, and the full
# ``quick_check`` is skipped. Anything else (a crash leaves a WAL or no seal, a
# checkpoint or another program changes the time, a restore brings a new inode)
# makes the next open check every page. Damage to pages while the program is closed
# (failing storage) is still found: SQLCipher verifies each page's HMAC as it is
# read, and every backup reads and checks every page; a read or backup that meets
# such a page marks the database suspect, so it is not sealed again.


def _seal_path(path: Path) -> Path:
    return path.with_name(path.name + SEAL_SUFFIX)


def _identity(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_ino, st.st_size, st.st_mtime_ns]


def _wal_is_empty(path: Path) -> bool:
    try:
        return path.with_name(path.name + "-wal").stat().st_size == 0
    except FileNotFoundError:
        return True


def _seal(path: Path) -> None:
    seal = _seal_path(path)
    try:
        if not path.exists() or not _wal_is_empty(path):
            # Another connection (another process) still has work in the WAL.
            seal.unlink(missing_ok=True)
            return
        tmp = seal.with_name(seal.name + ".tmp")
        tmp.write_text(json.dumps({"file": _identity(path)}), encoding="utf-8")
        os.replace(tmp, seal)
    except OSError:
        # No seal only means a full check at the next open.
        with contextlib.suppress(OSError):
            seal.unlink(missing_ok=True)


def unseal(path: Path) -> None:
    """Forget the seal of ``path`` (the file is moved away, replaced or opened)."""
    with contextlib.suppress(OSError):
        _seal_path(path).unlink(missing_ok=True)


def is_sealed(path: Path) -> bool:
    """True if ``path`` is exactly as a clean close of this program left it."""
    try:
        data = json.loads(_seal_path(path).read_text(encoding="utf-8"))
        return bool(data["file"] == _identity(path) and _wal_is_empty(path))
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _short(exc: BaseException) -> str:
    return str(exc)[:200] or type(exc).__name__


READ_ONLY = "familymeeting_read_only"  # execution option: a deferred, read-only transaction


class Database:
    """An open familymeeting database. Use :meth:`open`; close with :meth:`close`."""

    def __init__(self, path: Path, engine: Engine, key: bytes | None = None) -> None:
        self.path = path
        self.engine = engine
        self.key = key  # for backups, which are encrypted with the same key
        # Set when reading the file failed in a way that points at damage (a page
        # SQLCipher could not verify, a malformed page): the close then does not
        # vouch for the file, so the next open checks every page.
        self.suspect = False
        self._local = threading.local()

    @classmethod
    def open(cls, data_dir: Path, key: bytes | None = None) -> Database:
        """Open (or create) ``familymeeting.db`` in ``data_dir``; plain, or with ``key``.

        An existing file is checked read-only first (header, then ``quick_check``);
        a damaged one raises ``db_damaged`` and is never opened for writing. The
        ``quick_check`` reads every page, which takes seconds for years of families,
        so it is left out when the file is exactly as this program last closed it
        cleanly (see :meth:`close`); after a crash, a kill, a restore or any other
        change, it runs.
        Callers that start from a password use :func:`storage.unlock.open_unlocked`.
        """
        if key is not None:
            _check_key(key)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError("data_dir_unusable", path=str(data_dir)) from exc
        path = data_dir / DB_FILENAME
        try:
            size = path.stat().st_size if path.exists() else None
        except OSError as exc:
            raise os_error(exc, path) from exc
        if size is not None:
            if size == 0:
                raise DatabaseError("db_unreadable", path=str(path))
            wal = path.with_name(path.name + "-wal")
            if find_wal_damage(wal) is not None:
                # Opening would replay the WAL only up to the bad frame and drop the
                # committed changes after it; the WAL is kept as it is, never deleted.
                raise DatabaseError("db_wal_damaged", path=str(path), wal=str(wal))
            app_id, version = read_header(path, key)
            if app_id not in (0, APPLICATION_ID):
                raise DatabaseError("db_not_ours", path=str(path))
            if version > models.SCHEMA_VERSION:
                raise DatabaseError(
                    "db_too_new", path=str(path), found=version, supported=models.SCHEMA_VERSION
                )
            if app_id == APPLICATION_ID and not is_sealed(path):
                problems = check_file(path, key, raise_environment=True)
                if problems:
                    reason = problem_reason(problems[0])
                    raise DatabaseError("db_damaged", path=str(path), reason=reason)
        # Open for writing: from now on only a clean close vouches for the file.
        unseal(path)
        engine = _make_engine(path, key)
        db = cls(path, engine, key)
        try:
            db._prepare_schema()
        except SADatabaseError as exc:
            engine.dispose()
            # The first write transaction: a busy lock, read-only storage or an I/O
            # error gets its message here (it runs outside session()); a page that
            # cannot be read is damage, found by the full check at the next open.
            error = environment_error(exc, path)
            if error is not None:
                raise error from exc
            if looks_damaged(exc):
                raise DatabaseError("db_damaged_found", path=str(path)) from exc
            raise
        except BaseException:
            engine.dispose()
            raise
        return db

    def _prepare_schema(self) -> None:
        with self.engine.begin() as conn:
            version = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
            if version > models.SCHEMA_VERSION:
                # Also checked before opening; this catches a header read stale.
                raise DatabaseError(
                    "db_too_new",
                    path=str(self.path),
                    found=version,
                    supported=models.SCHEMA_VERSION,
                )
            if version == 0:
                SQLModel.metadata.create_all(conn)
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.exec_driver_sql(f"PRAGMA user_version = {models.SCHEMA_VERSION}")
                return
            while version < models.SCHEMA_VERSION:
                MIGRATIONS[version](conn)
                version += 1
                conn.exec_driver_sql(f"PRAGMA user_version = {version}")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One write transaction: commits if the block ends normally, rolls back otherwise.

        ``BEGIN IMMEDIATE``: the write lock is taken up front, so a transaction never
        fails half-way because another process started writing between our read and
        our write. Nested use (a service called inside :meth:`Services.batch` or an
        operation) joins the outer transaction, so several calls are all-or-nothing.
        """
        with self._transaction(read=False) as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """One read transaction: deferred (``BEGIN``), so it takes no write lock.

        Every read inside sees the same snapshot of the database (WAL), which is how
        a plan or a case file is read whole. Inside a write transaction it joins it.
        """
        with self._transaction(read=True) as session:
            yield session

    @contextmanager
    def _transaction(self, *, read: bool) -> Iterator[Session]:
        outer: Session | None = getattr(self._local, "session", None)
        if outer is not None:
            if not read and getattr(self._local, "read_only", False):
                raise RuntimeError("a write inside a read transaction")  # a bug, not the user's
            yield outer
            return
        with Session(self.engine, expire_on_commit=False) as session:
            self._local.session = session
            self._local.read_only = read
            try:
                with session.begin():
                    session.connection(execution_options={READ_ONLY: read})
                    yield session
            except OperationalError as exc:
                # The database could not do its part: say so plainly, change nothing.
                error = environment_error(exc)
                if error is not None:
                    raise error from exc
                raise  # anything else (a missing table, bad SQL) is a bug, not the user's
            except SADatabaseError as exc:
                if looks_damaged(exc):
                    # Not sealed at close: the next open checks every page, says which
                    # backup is good, and keeps the damaged file.
                    self.suspect = True
                    raise DatabaseError("db_damaged_found", path=str(self.path)) from exc
                raise
            finally:
                self._local.session = None
                self._local.read_only = False

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def use_key(self, key: bytes) -> None:
        """Close every connection and go on under ``key`` (the file was re-encrypted)."""
        _check_key(key)
        self.engine.dispose()
        self.engine = _make_engine(self.path, key)
        self.key = key

    def close(self) -> None:
        """Close every connection; a clean close seals the file (see :func:`is_sealed`)."""
        self.engine.dispose()
        if not self.suspect:
            _seal(self.path)


def _make_engine(path: Path, key: bytes | None = None) -> Engine:
    module: ModuleType = sqlite3

    def connect() -> Any:
        # A creator, not a URL: a data dir may contain "?" or "#", which a URL would mangle.
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    if key is not None:
        module = _sqlcipher()

        def connect() -> Any:
            con = _connect_encrypted(str(path), key, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                # Proves the key before anything else runs (SQLCipher only finds
                # out when it first reads a page).
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except module.DatabaseError as exc:
                con.close()
                # A full disk, an I/O error or a -shm that cannot be made is not a
                # wrong key: the file must not be taken for damaged.
                raise environment_error(exc, path) or DatabaseError(
                    "db_wrong_key", path=str(path)
                ) from exc
            # Sorts and VACUUM's scratch copy stay in memory, never in a temp file.
            con.execute("PRAGMA temp_store = MEMORY")
            return con

    engine = create_engine(
        "sqlite://",
        creator=connect,
        # SQLAlchemy's pysqlite dialect, told which driver the connections come
        # from, so SQLCipher's errors are wrapped like sqlite3's (disk full, busy).
        module=module,
        poolclass=QueuePool,
        pool_size=2,
        # Never put case text into exception messages (they can end up in crash logs).
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin,
        # so a service call's reads and writes are one transaction (SQLAlchemy's
        # documented pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A write takes the write lock up front (IMMEDIATE): it never fails half-way
        # because another process started writing between our read and our write.
        # A read (Database.reading) defers it and takes none.
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


# ------------------------------------------------------------- plain -> encrypted
def _table_counts(con: Any, schema: str = "main") -> dict[str, int]:
    names = [
        row[0]
        for row in con.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' ORDER BY name"
        )
    ]
    return {
        name: int(con.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
        for name in names
    }


def fsync_file(path: Path) -> None:
    # Read-write: Windows cannot flush a file opened read-only.
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_with_side_files(path: Path) -> None:
    """Delete a database file, its -wal/-shm/-journal and its seal, as far as they exist."""
    for name in (path.name, *(path.name + s for s in (*SIDE_FILES, SEAL_SUFFIX))):
        with contextlib.suppress(OSError):
            (path.parent / name).unlink()


def convert_to_encrypted(data_dir: Path, key: bytes) -> None:
    """Encrypt the plain ``familymeeting.db`` in place, all or nothing.

    1. The plain file's WAL is checkpointed and switched off, so the file alone
       holds everything and no plain ``-wal``/``-shm`` is left to be mistaken for
       the encrypted file's.
    2. ``sqlcipher_export`` copies it into ``familymeeting.db.encrypting`` (same
       folder, same disk), with the schema version and application id.
    3. The copy is checked: ``integrity_check``, ``cipher_integrity_check`` and the
       row count of every table equal to the original's; then it is fsynced.
    4. ``os.replace`` swaps it in, which is atomic: a crash at any moment leaves
       either the whole plain file or the whole encrypted one (and at most a stale
       ``.encrypting`` copy, removed on the next attempt).

    The caller must already hold ``key`` in ``keys.json``: once the swap is done,
    only the key opens the data.
    """
    _check_key(key)
    path = Path(data_dir) / DB_FILENAME
    if not is_plain_sqlite(path):
        raise DatabaseError("db_not_plain", path=str(path))
    _replace_encrypted(path, None, key, path.with_name(DB_FILENAME + CONVERTING_SUFFIX))


def reencrypt_database(data_dir: Path, old_key: bytes, new_key: bytes) -> None:
    """Encrypt ``familymeeting.db`` with ``new_key`` instead of ``old_key``, all or nothing.

    The same steps as :func:`convert_to_encrypted` (checkpoint, ``sqlcipher_export`` into
    ``familymeeting.db.rekeying``, verify, fsync, atomic rename), so a kill leaves the
    whole file under one key or the other. No connection to the file may be open (the
    caller holds the folder's lock and has closed its engine).
    """
    _check_key(old_key)
    _check_key(new_key)
    path = Path(data_dir) / DB_FILENAME
    _replace_encrypted(path, old_key, new_key, path.with_name(DB_FILENAME + REKEYING_SUFFIX))


def export_encrypted(src: Path, src_key: bytes | None, dst: Path, key: bytes) -> None:
    """Copy the database ``src`` (plain, or under ``src_key``) into a new file ``dst``
    encrypted with ``key``, verified and fsynced; ``src``'s WAL is checkpointed and
    switched off first, so ``src`` alone holds everything.

    Raises ``db_convert_failed`` if the copy does not match (rows, header, checks).
    """
    sqlcipher = _sqlcipher()
    con = (
        sqlcipher.connect(str(src), timeout=BUSY_TIMEOUT_MS / 1000)
        if src_key is None
        # sqlcipher3 without a key reads and writes plain SQLite files.
        else _connect_encrypted(str(src), src_key, timeout=BUSY_TIMEOUT_MS / 1000)
    )
    try:
        con.isolation_level = None
        con.execute("PRAGMA cipher_log_level = NONE")
        con.execute("PRAGMA temp_store = MEMORY")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = con.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() != "delete":
            raise DatabaseError("db_busy")  # another program still has it open
        con.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(dst), f"x'{key.hex()}'"))
        # One write-locked transaction: the counts and the copy see the same rows.
        con.execute("BEGIN IMMEDIATE")
        version = int(con.execute("PRAGMA main.user_version").fetchone()[0])
        app_id = int(con.execute("PRAGMA main.application_id").fetchone()[0])
        before = _table_counts(con)
        con.execute("SELECT sqlcipher_export('encrypted')")
        # sqlcipher_export copies the rows, not these header fields.
        con.execute(f"PRAGMA encrypted.user_version = {version}")
        con.execute(f"PRAGMA encrypted.application_id = {app_id}")
        con.execute("COMMIT")
        con.execute("DETACH DATABASE encrypted")
    finally:
        con.close()
    check = _connect_encrypted(str(dst), key)
    try:
        check.execute("PRAGMA temp_store = MEMORY")
        ok = check.execute("PRAGMA integrity_check").fetchall()
        cipher_problems = check.execute("PRAGMA cipher_integrity_check").fetchall()
        after = _table_counts(check)
        header = (
            int(check.execute("PRAGMA user_version").fetchone()[0]),
            int(check.execute("PRAGMA application_id").fetchone()[0]),
        )
    finally:
        check.close()
    if ok != [("ok",)] or cipher_problems or after != before or header != (version, app_id):
        raise DatabaseError("db_convert_failed", path=str(src), reason="copy_mismatch")
    if any(dst.with_name(dst.name + s).exists() for s in SIDE_FILES) or any(
        src.with_name(src.name + s).exists() for s in ("-wal", "-journal")
    ):
        raise DatabaseError("db_convert_failed", path=str(src), reason="side_files_left")
    fsync_file(dst)


def _replace_encrypted(path: Path, old_key: bytes | None, key: bytes, tmp: Path) -> None:
    """:func:`export_encrypted` into ``tmp``, then ``tmp`` renamed over ``path``."""
    data_dir = path.parent
    remove_with_side_files(tmp)
    sqlcipher = _sqlcipher()
    try:
        export_encrypted(path, old_key, tmp, key)
        with contextlib.suppress(FileNotFoundError):
            # Only WAL indexes, no content; it must not meet the new file.
            path.with_name(path.name + "-shm").unlink()
        unseal(path)
        os.replace(tmp, path)
        fsync_dir(data_dir)
    except UserError:
        remove_with_side_files(tmp)
        raise
    except sqlcipher.Error as exc:
        remove_with_side_files(tmp)
        text = str(exc).lower()
        if is_disk_full(exc):
            raise DiskFullError("disk_full") from exc
        if "locked" in text or "busy" in text:
            raise DatabaseError("db_busy") from exc
        raise DatabaseError("db_convert_failed", path=str(path), reason=sqlite_reason(exc)) from exc
    except OSError as exc:
        remove_with_side_files(tmp)
        if exc.errno == 28:  # ENOSPC
            raise DiskFullError("disk_full") from exc
        raise DatabaseError(
            "db_convert_failed", path=str(path), reason=os_error_reason(exc)
        ) from exc


__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "Database",
    "check_file",
    "connect_file",
    "convert_to_encrypted",
    "export_encrypted",
    "is_plain_sqlite",
    "read_header",
    "reencrypt_database",
]
