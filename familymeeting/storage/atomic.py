"""Atomic file writes: a crash or a full disk leaves the old file or the whole new one.

A write killed before its rename leaves its temp file behind: a copy of case data
nobody asked for. The next write to the same file removes such leftovers first.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

from familymeeting.domain.errors import DiskFullError, UserError
from familymeeting.messages import os_error_reason


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, flush it to disk, then rename."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    remove_stale_temp_files(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UserError("output_unwritable", path=str(path), reason=os_error_reason(exc)) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_directory(directory)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno == 28:  # ENOSPC
            raise DiskFullError("disk_full") from exc
        raise UserError("output_unwritable", path=str(path), reason=os_error_reason(exc)) from exc


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (where the OS can open a folder)."""
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def _temp_name_pattern(path: Path) -> re.Pattern[str]:
    # mkstemp's names: prefix, 8 characters of [a-z0-9_], suffix.
    return re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}" + re.escape(".tmp"))


def remove_stale_temp_files(path: Path) -> list[Path]:
    """Remove temp files an earlier, interrupted :func:`write_atomic` to ``path`` left.

    Only regular files named exactly as ``write_atomic`` names them are touched.
    Never raises: a leftover that cannot be removed stays. Returns what was removed.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    pattern = _temp_name_pattern(path)
    removed: list[Path] = []
    try:
        with os.scandir(directory) as entries:
            stale = [
                Path(entry.path)
                for entry in entries
                if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
            ]
    except OSError:
        return removed
    for tmp in stale:
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed.append(tmp)
    return removed
