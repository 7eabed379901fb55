"""Where the data lives: --data-dir, then FAMILYMEETING_DATA_DIR, then platformdirs."""

from __future__ import annotations

import os
import stat
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


# Everything in the data dir is about children: readable by its owner only, whatever
# umask the session has. SQLite gives -wal and -shm the database file's mode, so the
# database being created 0600 (under this umask) keeps its side files 0600 too.
PRIVATE_UMASK = 0o077
_PRIVATE_FOLDERS = ("backups", "damaged", "logs")
# Names the data dir holds (storage/keys.py: the key file and its copy; the failure counter).
_OURS = ("familymeeting", "keys.json", "keys-copy.json", "unlock-failures.json", "settings.ini")


def keep_files_private() -> None:
    """Make every file and folder this process creates from now on 0600 / 0700 (POSIX).

    Called first thing by the entry point, before any thread starts (the umask is
    process-wide).
    """
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


def _tighten(path: Path) -> None:
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            return
        mode = stat.S_IMODE(st.st_mode)
        wanted = 0o700 if stat.S_ISDIR(st.st_mode) else 0o600
        if mode & 0o077 or mode & wanted != wanted:
            path.chmod(wanted)
    except OSError:
        pass  # not ours to change (another owner) or gone: nothing to tighten


def secure_data_dir(data_dir: Path) -> None:
    """Tighten a data dir an earlier version (or a loose umask) left readable by others.

    Only the folder itself and what this program writes in it are touched, so a data dir
    pointed at a folder with other files changes nothing else. Never creates the folder.
    """
    if os.name != "posix" or not data_dir.is_dir():
        return
    _tighten(data_dir)
    try:
        entries = list(data_dir.iterdir())
    except OSError:
        return
    for entry in entries:
        name = entry.name.lstrip(".")
        if entry.name in _PRIVATE_FOLDERS and entry.is_dir() and not entry.is_symlink():
            _tighten(entry)
            for inner in entry.rglob("*"):
                _tighten(inner)
        elif name.startswith(_OURS) and not entry.is_dir():
            _tighten(entry)
