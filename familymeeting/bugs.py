"""Errors a user cannot cause are bugs: their tracebacks go to logs/error.log in the data dir.

Tracebacks name code locations and exception types. An exception's message can
quote what it failed on (a name, a card's words, a file name), so messages are
left out, except the database driver's: the engine hides SQL parameters, so
those say only which statement or constraint failed. The log rotates (about
1 MB a file, three old files kept), so years of use cannot fill the disk.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from familymeeting import __version__

LOG_PATH_PARTS = ("logs", "error.log")
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3  # error.log.1 (newest) … error.log.3 (oldest)
FORMAT = "%(asctime)s %(levelname)s %(message)s"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

# One writer at a time in this process: two handlers rotating the same file would
# rename it from under each other.
_lock = threading.Lock()


# Exceptions whose messages are about the program, never about the case.
SAFE_MESSAGE_MODULES = ("sqlite3", "sqlcipher3", "sqlalchemy")


def _safe_message(exc_type: type[BaseException]) -> bool:
    return exc_type.__module__.split(".")[0] in SAFE_MESSAGE_MODULES


def safe_traceback(exc: BaseException) -> str:
    """The traceback of ``exc`` and its causes: frames and types, no case text."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    for i, item in enumerate(reversed(chain)):
        if i:
            parts.append("\nThe above exception led to the following one:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(item.__traceback__))
        name = f"{type(item).__module__}.{type(item).__qualname__}"
        if _safe_message(type(item)):
            parts.append(f"{name}: {str(item)[:500]}\n")
        else:
            parts.append(f"{name} (message left out: it may quote case text)\n")
    return "".join(parts).rstrip("\n")


class _SafeFormatter(logging.Formatter):
    def formatException(self, ei: object) -> str:
        exc = ei[1] if isinstance(ei, tuple) else None
        return safe_traceback(exc) if isinstance(exc, BaseException) else ""


def log_path(data_dir: Path) -> Path:
    """Where :func:`log_bug` writes, for showing the user (the newest file)."""
    return Path(data_dir).joinpath(*LOG_PATH_PARTS)


class _Handler(RotatingFileHandler):
    """Remembers a failed write instead of printing logging's own error report."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        self.failed = True


def log_bug(data_dir: Path, error: BaseException | None = None) -> Path:
    """Append a traceback (of ``error``, or of the exception being handled) to the log.

    Never raises: when the log cannot be written the traceback goes to stderr.
    Returns the log's path either way.
    """
    path = log_path(data_dir)
    exc_info: ExcInfo | tuple[None, None, None] = (
        (type(error), error, error.__traceback__) if error is not None else sys.exc_info()
    )
    record = logging.LogRecord(
        name="familymeeting.bugs",
        level=logging.ERROR,
        pathname=__file__,
        lineno=0,
        msg="unexpected error in familymeeting %s",
        args=(__version__,),
        exc_info=exc_info,
    )
    with _lock:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
        except OSError:
            _print(exc_info)
            return path
        handler.setFormatter(_SafeFormatter(FORMAT))
        try:
            # Straight to the handler, not through a logger: nothing else (a root
            # handler someone configured) gets the record, and no shared state.
            handler.handle(record)
        finally:
            handler.close()
        if handler.failed:
            _print(exc_info)
    return path


def _print(exc_info: ExcInfo | tuple[None, None, None]) -> None:
    # A windowed app may have no stderr at all (sys.stderr is None): then nothing.
    with contextlib.suppress(Exception):
        if exc_info[1] is not None:
            print(safe_traceback(exc_info[1]), file=sys.stderr)
