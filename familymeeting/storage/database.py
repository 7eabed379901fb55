"""The one engine factory: opening, checking, creating and migrating the database.

Schema versions are kept in SQLite's own ``PRAGMA user_version`` with a ladder of
migration functions (see docs/architecture.md for why not Alembic). Our files are
marked with ``PRAGMA application_id`` so another program's SQLite file is refused
instead of being "migrated".
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, SQLModel, create_engine

from familymeeting.domain.errors import DatabaseError, DiskFullError
from familymeeting.storage import models
from familymeeting.storage.migrations import MIGRATIONS
from familymeeting.storage.paths import DB_FILENAME

APPLICATION_ID = 0x464D5447  # "FMTG"
BUSY_TIMEOUT_MS = 5000


# Failures of the machine, not of our code: the user gets a message, not a crash log.
_ENVIRONMENT_FAILURES = ("disk i/o error", "readonly database", "unable to open database")


def _is_disk_full(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return "disk is full" in text or "database or disk is full" in text


def read_header(path: Path) -> tuple[int, int]:
    """(application_id, user_version) of an existing file, read without changing it.

    Without a ``-wal`` file the main file holds everything, so it is opened
    ``immutable`` (no lock files are created beside it). With a WAL left by a
    crash, the newest state may be in the WAL, so it is read normally.
    """
    wal = path.with_name(path.name + "-wal")
    uri = path.resolve().as_uri() + "?mode=ro" + ("" if wal.exists() else "&immutable=1")
    try:
        con = sqlite3.connect(uri, uri=True)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            version = con.execute("PRAGMA user_version").fetchone()[0]
            tables = con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError("db_unreadable", path=str(path)) from exc
    if app_id == 0 and version == 0 and tables:
        raise DatabaseError("db_not_ours", path=str(path))
    return int(app_id), int(version)


class Database:
    """An open familymeeting database. Use :meth:`open`; close with :meth:`close`."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._local = threading.local()

    @classmethod
    def open(cls, data_dir: Path) -> Database:
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError("data_dir_unusable", path=str(data_dir)) from exc
        path = data_dir / DB_FILENAME
        if path.exists():
            if path.stat().st_size == 0:
                raise DatabaseError("db_unreadable", path=str(path))
            app_id, version = read_header(path)
            if app_id not in (0, APPLICATION_ID):
                raise DatabaseError("db_not_ours", path=str(path))
            if version > models.SCHEMA_VERSION:
                raise DatabaseError(
                    "db_too_new", path=str(path), found=version, supported=models.SCHEMA_VERSION
                )
        engine = _make_engine(path)
        db = cls(path, engine)
        try:
            db._prepare_schema()
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
        """One transaction: commits if the block ends normally, rolls back otherwise.

        Nested use (a service called inside :meth:`Services.batch`) joins the
        outer transaction, so several calls can be made all-or-nothing.
        """
        outer: Session | None = getattr(self._local, "session", None)
        if outer is not None:
            yield outer
            return
        with Session(self.engine, expire_on_commit=False) as session:
            self._local.session = session
            try:
                with session.begin():
                    yield session
            except OperationalError as exc:
                # The database could not do its part: say so plainly, change nothing.
                if _is_disk_full(exc):
                    raise DiskFullError("disk_full") from exc
                text = str(exc.orig).lower()
                if "locked" in text or "busy" in text:
                    raise DatabaseError("db_busy") from exc
                if any(cause in text for cause in _ENVIRONMENT_FAILURES):
                    raise DatabaseError("db_write_failed", reason=str(exc.orig)[:120]) from exc
                raise  # anything else (a missing table, bad SQL) is a bug, not the user's
            finally:
                self._local.session = None

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def close(self) -> None:
        self.engine.dispose()


def _make_engine(path: Path) -> Engine:
    def connect() -> sqlite3.Connection:
        # A creator, not a URL: a data dir may contain "?" or "#", which a URL would mangle.
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    engine = create_engine(
        "sqlite://",
        creator=connect,
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
        # IMMEDIATE takes the write lock up front: a transaction never fails half-way
        # because another process started writing between our read and our write.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


__all__ = ["APPLICATION_ID", "MIGRATIONS", "Database", "read_header"]
