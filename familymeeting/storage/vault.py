"""The open database of the window, and what opens it again. No Qt.

The window holds one :class:`Vault`: locking closes the database (after an automatic
backup if anything changed, on a thread of its own) and forgets it; unlocking, a
restore and the periodic backup go through it. The password screens are in
``ui/lock.py`` and ``ui/startup.py``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from familymeeting.domain.errors import UserError

if TYPE_CHECKING:
    from familymeeting.storage.backup import BackupInfo
    from familymeeting.storage.database import Database
    from familymeeting.storage.rekey import Progress, RekeyResult
    from familymeeting.storage.services import Services


class Vault:
    """The open database of one data dir, and what opens it again.

    Locking closes the database and forgets it; unlocking needs the password
    (``storage.unlock.open_unlocked``). Leaving family view checks the password
    with ``KeyStore.unlock`` without opening anything. Wrong passwords are counted
    by the key store; they are written to the access log at the next right one
    (:meth:`take_failed_attempts`), when the database is open to take them.
    """

    def __init__(
        self,
        data_dir: Path,
        db: Database,
        failed_attempts: Sequence[datetime] = (),
    ) -> None:
        from familymeeting.storage.backup import BackupSchedule

        self.data_dir = data_dir
        self.db: Database | None = db
        self._failed: tuple[datetime, ...] = tuple(failed_attempts)
        self.backups = BackupSchedule()
        # The last automatic backup's failure (Settings shows it in the user's words).
        self.backup_error: UserError | None = None
        # A lock's closing backup, still running (see close(wait=False)).
        self._closing: threading.Thread | None = None
        # Held by a re-key, and by every backup, restore and close: none of them may
        # read or write the folder's files while they are moved to a new key.
        self._files = threading.RLock()

    @property
    def is_open(self) -> bool:
        return self.db is not None

    def services(self) -> Services:
        from familymeeting.storage.services import Services

        if self.db is None:
            raise RuntimeError("the vault is locked")
        return Services(self.db)

    def take_failed_attempts(self) -> tuple[datetime, ...]:
        """The wrong passwords before the last right one, once."""
        failed, self._failed = self._failed, ()
        return failed

    def check_password(self, password: str) -> None:
        """Raises ``WrongPasswordError`` unless ``password`` opens the keys.

        ``wait=False``: during a pause after failures this raises ``UnlockDelayedError``
        at once, and the form counts down, instead of a worker sleeping.
        """
        from familymeeting.storage.keys import KeyStore

        failed = tuple(KeyStore.failed_attempts(self.data_dir))
        KeyStore.unlock(self.data_dir, password, wait=False)
        self._failed += failed

    def reopen(self, password: str) -> object:
        """Open the database again (after a lock); safe to call off the GUI thread.

        Returns the ``Services``; or, if the database proved damaged (moved aside) or
        is missing while backups exist, the ``RestoreNeeded`` problem, and the
        password is kept for :meth:`take_restore_password` until the window offers
        the backup.
        """
        from familymeeting.storage.unlock import RestoreNeeded, open_unlocked

        self.wait_closed()
        try:
            result = open_unlocked(self.data_dir, password, wait=False)
        except RestoreNeeded as problem:
            self._restore_password = password
            return problem
        self.close()
        self.db = result.db
        self._failed += tuple(result.failed_attempts)
        return self.services()

    def take_restore_password(self) -> str:
        password, self._restore_password = getattr(self, "_restore_password", ""), ""
        return password

    def adopt(self, result: object) -> Services:
        """Take the database a restore opened (``UnlockResult``) as this vault's."""
        db = getattr(result, "db", None)
        if db is None:
            raise RuntimeError("no database to adopt")
        self.close()
        self.db = db
        self.backups = type(self.backups)()
        return self.services()

    def backup_if_changed(self, db: Database | None = None) -> BackupInfo | None:
        """An automatic backup if anything changed since the last; safe off the GUI thread.

        Backups use connections of their own, so this may run while the window edits.
        A failure is kept in :attr:`backup_error` and raised.
        """
        with self._files:
            return self._backup_if_changed(db or self.db)

    def _backup_if_changed(self, db: Database | None) -> BackupInfo | None:
        if db is None:
            return None
        try:
            info = self.backups.backup_if_changed(db)
        except UserError as exc:
            self.backup_error = exc
            raise
        self.backup_error = None
        return info

    def backup_now(self) -> BackupInfo:
        from familymeeting.storage.backup import BackupKind

        with self._files:
            if self.db is None:
                raise RuntimeError("the vault is locked")
            info = self.backups.backup_now(self.db, BackupKind.MANUAL)
        self.backup_error = None
        return info

    def rekey(self, password: str, progress: Progress | None = None) -> RekeyResult:
        """A new data key for the database and every backup; safe off the GUI thread.

        The same steps as ``familymeeting passwd --rekey`` (storage/rekey.py): the open
        database carries on under the new key, so the window's services keep working.
        A wrong password raises before anything changes (at once during a pause after
        failures, as :meth:`check_password`). The result's ``recovery_code`` is the
        one to show. Backups, restores and closing wait until it is finished.
        """
        from dataclasses import replace

        from familymeeting.storage.rekey import issue_recovery_code, rekey

        self.check_password(password)
        with self._files:
            if self.db is None:
                raise RuntimeError("the vault is locked")
            result = rekey(self.db, password, progress)
            code = issue_recovery_code(self.data_dir, password, result.recovery_code)
        return replace(result, recovery_code=code)

    def restore(self, password: str, backup: Path) -> Services:
        """Bring back ``backup`` in place of the open database; safe off the GUI thread.

        The password is checked before anything closes. What is replaced is kept as a
        ``before-restore`` backup (``storage.backup.restore_backup``). If the restore
        is refused (a damaged backup), the database is opened again as it was.
        """
        from familymeeting.storage.keys import KeyStore

        KeyStore.unlock(self.data_dir, password, wait=False)
        self.wait_closed()
        with self._files:
            return self._restore(password, backup)

    def _restore(self, password: str, backup: Path) -> Services:
        from familymeeting.storage.unlock import open_unlocked, restore_and_open

        if self.db is not None:
            db, self.db = self.db, None
            db.close()
        try:
            result, _restored = restore_and_open(self.data_dir, password, backup, wait=False)
        except BaseException:
            self.db = open_unlocked(self.data_dir, password, wait=False).db
            raise
        self.db = result.db
        self.backups = type(self.backups)()
        return self.services()

    def close(self, *, wait: bool = True) -> None:
        """Close the database, after an automatic backup if anything changed.

        ``wait=False`` (locking) forgets the database at once and makes the backup and
        the close on a thread: copying years of families takes seconds, and the lock
        screen must not wait for it. Opening again, restoring and quitting wait for
        that thread first (:meth:`wait_closed`). A backup that fails (a full disk)
        must not stop the program from closing or locking: it is kept in
        :attr:`backup_error`; a bug is logged.
        """
        self.wait_closed()
        if self.db is None:
            return
        db, self.db = self.db, None
        if wait:
            self._back_up_and_close(db)
            return
        # Not a daemon: the interpreter waits for it, so a quit never cuts a backup short.
        self._closing = threading.Thread(
            target=self._back_up_and_close, args=(db,), name="lock-backup"
        )
        self._closing.start()

    def wait_closed(self) -> None:
        """Wait for a lock's closing backup, if one is still running."""
        closing, self._closing = self._closing, None
        if closing is not None:
            closing.join()

    def _back_up_and_close(self, db: Database) -> None:
        with self._files:
            try:
                self._backup_if_changed(db)
            except UserError:
                pass
            except Exception as exc:
                from familymeeting.bugs import log_bug

                log_bug(self.data_dir, exc)
            finally:
                db.close()


def log_unlock(services: Services, failed: Sequence[datetime], detail: str) -> None:
    """Write an unlock, and the wrong passwords before it, to the access log.

    The log lives in the encrypted database, so failures are written when the
    right password has opened it. A full disk must not keep anyone out.
    """
    services.record_unlock(failed, detail)
