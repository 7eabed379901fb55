"""Errors a user cannot cause are bugs: their tracebacks go to logs/error.log in the data dir.

Tracebacks name code locations and exception types; the engine hides SQL
parameters, so case text does not end up in the log.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from familymeeting import __version__


def log_bug(data_dir: Path, error: BaseException | None = None) -> Path:
    """Append a traceback (of ``error``, or of the exception being handled) to the log."""
    path = data_dir / "logs" / "error.log"
    exc_info = (type(error), error, error.__traceback__) if error is not None else sys.exc_info()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        traceback.print_exception(*exc_info)
        return path
    logger = logging.getLogger("familymeeting.bugs")
    logger.addHandler(handler)
    try:
        logger.error("unexpected error in familymeeting %s", __version__, exc_info=exc_info)
    finally:
        logger.removeHandler(handler)
        handler.close()
    return path
