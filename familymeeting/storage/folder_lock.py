"""One owner per data folder: an OS-level lock held by the window and by every command.

Two processes on one data folder lose data: a ``restore`` replaces the database under
an open window, whose next edits then go to a file nobody will read again. So the app
and every command that opens the database hold ``familymeeting.lock`` in the data
folder for as long as they run; a second process is refused at once
(``UserError("data_in_use")``) and changes nothing.

The lock is the operating system's (``flock`` on Linux and macOS, ``LockFileEx`` on
Windows, through the ``filelock`` library), not the file's existence: it goes with
the process, so the lock of a killed process is free again and taken over without
any cleanup. The empty lock file stays in place, since removing it on release would
let two processes lock two different files of the same name. Qt's ``QLockFile``
would not do: the Qt-free command line could not see it. No Qt here.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from familymeeting.domain.errors import UserError

LOCK_FILENAME = "familymeeting.lock"


class FolderLock:
    """The data folder's owner lock; ``with FolderLock(data_dir):`` or acquire/release.

    Acquiring never waits: another owner means ``UserError("data_in_use")``. The
    folder must exist. The hold belongs to the process (not one thread), so the
    window's worker threads work under it too.
    """

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / LOCK_FILENAME
        self._lock = FileLock(
            str(self.path),
            timeout=0,
            mode=0o600,
            thread_local=False,
            # A lock file whose mere existence is the lock would outlive a killed
            # process and lock the caseworker out: only a real OS lock will do.
            fallback_to_soft=False,
        )

    @property
    def held(self) -> bool:
        return bool(self._lock.is_locked)

    def acquire(self) -> FolderLock:
        if self.held:
            return self
        if not self.data_dir.is_dir():
            # filelock would make the folder: a mistyped folder must stay unmade.
            raise UserError("data_dir_unusable", path=str(self.data_dir))
        try:
            self._lock.acquire(blocking=False)
        except Timeout:
            raise UserError("data_in_use", path=str(self.data_dir)) from None
        except OSError as exc:
            raise UserError("data_dir_unusable", path=str(self.data_dir)) from exc
        return self

    def release(self) -> None:
        if self.held:
            self._lock.release(force=True)

    def __enter__(self) -> FolderLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def make_data_folder(data_dir: Path) -> None:
    """Make the data folder (and its parents) for data that may start there."""
    try:
        Path(data_dir).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError("data_dir_unusable", path=str(data_dir)) from exc


__all__ = ["LOCK_FILENAME", "FolderLock", "make_data_folder"]
