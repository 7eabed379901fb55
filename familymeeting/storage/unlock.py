"""From a password to an open, encrypted database: the one way in for the CLI and the GUI.

::

    state = data_state(data_dir)          # NEW / PLAIN: ask for a new password twice
                                          # ENCRYPTED: ask for the password
    result = open_unlocked(data_dir, pw)  # -> UnlockResult(db, recovery_code, ...)
    if result.recovery_code:              # show it once; when the user has it:
        acknowledge_recovery_code(data_dir, result.recovery_code)
        # (not shown after all: withdraw_recovery_code(data_dir))

No Qt. Scripts and ``--screenshot`` runs use :func:`open_from_environment`.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from familymeeting.domain.errors import DatabaseError, UserError
from familymeeting.domain.passwords import check_new_password
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.faults import fault_point
from familymeeting.storage.keys import (
    FAILURES_FILENAME,
    KEYS_COPY_FILENAME,
    KEYS_FILENAME,
    KeyFileError,
    KeyStore,
    refuse_during_rekey,
)
from familymeeting.storage.paths import DB_FILENAME, is_plain_sqlite

if TYPE_CHECKING:
    # SQLAlchemy and SQLModel (about a third of a second) are imported when a database
    # is opened, not before: the password screen can show without them.
    from familymeeting.storage.backup import BackupInfo, RestoreResult
    from familymeeting.storage.database import Database

PASSWORD_ENV = "FAMILYMEETING_PASSWORD"
NEW_PASSWORD_ENV = "FAMILYMEETING_NEW_PASSWORD"
RECOVERY_CODE_ENV = "FAMILYMEETING_RECOVERY_CODE"
# Written before the key file of a conversion is made and removed when the database is
# encrypted: "key file + plain database + this" is our own conversion, cut short, to be
# finished; "key file + plain database" without it is a file put there from elsewhere.
CONVERTING_FILENAME = "familymeeting-converting.json"

# Written before anything else by a first start in a folder without data, removed when
# its recovery code is acknowledged. While it is there and the key file has no
# acknowledged code, everything the first start made is disposable: nothing can have
# been typed into the data yet (the window and the commands show the code first).
FIRST_START_FILENAME = "familymeeting-first-start.json"


class DataState(StrEnum):
    """What a data dir holds, which decides the first question to ask."""

    NEW = "new"  # nothing yet: choose a password (and confirm it)
    PLAIN = "plain"  # an unencrypted database from an earlier version: choose a password
    ENCRYPTED = "encrypted"  # keys.json exists: enter the password


# What Database.open says about a file the right key cannot read: damage. Only these
# move a file aside. A full disk, an I/O error, read-only storage, a missing permission
# or a busy lock (db_disk_full, db_io_error, db_read_only, db_no_permission,
# db_cannot_open, db_busy) say nothing about the file and leave it where it is.
DAMAGE_CODES = frozenset({"db_damaged", "db_unreadable", "db_wrong_key", "db_not_ours"})


class RestoreNeeded(DatabaseError):
    """The database is damaged (and has been moved aside) or missing while backups exist.

    ``backup`` is the newest backup that passes its own check (None if there is
    none); ``moved_to`` is where the damaged file now is (kept, never deleted).
    The caller offers :func:`restore_and_open`, or ``open_unlocked(start_empty=True)``.
    """

    def __init__(self, data_dir: Path, *, moved_to: Path | None, backup: BackupInfo | None) -> None:
        damaged = moved_to is not None
        code = ("db_damaged" if damaged else "db_missing") + (
            "_restore" if backup is not None else "_no_backup"
        )
        super().__init__(
            code,
            path=str(Path(data_dir) / DB_FILENAME),
            moved=str(moved_to or ""),
            backup_at=f"{backup.created.astimezone():%Y-%m-%d %H:%M}" if backup else "",
        )
        self.data_dir = Path(data_dir)
        self.damaged = damaged
        self.moved_to = moved_to
        self.backup = backup


@dataclass(frozen=True)
class UnlockResult:
    """An open database, and what the caller must tell the user once.

    ``recovery_code`` is set when keys were just made (first start, conversion of a
    plain database, or finishing a conversion that was interrupted): show it once,
    ask the user to write it down, then :func:`acknowledge_recovery_code` (only then
    is it valid), or :func:`withdraw_recovery_code` if it could not be shown. Do not
    keep it. ``failed_attempts`` are the
    times of wrong passwords since the last successful unlock, for the access log
    (which lives in the database and so could not record them when they happened).
    """

    db: Database
    recovery_code: str | None = None
    converted: bool = False
    failed_attempts: tuple[datetime, ...] = ()


def data_state(data_dir: Path) -> DataState:
    """What ``data_dir`` holds. A first start that never got its recovery code
    acknowledged is NEW again: it is started over (:func:`open_unlocked`)."""
    data_dir = Path(data_dir)
    if first_start_unfinished(data_dir):
        return DataState.NEW
    if KeyStore.exists(data_dir):
        return DataState.ENCRYPTED
    if (data_dir / DB_FILENAME).exists():
        return DataState.PLAIN
    return DataState.NEW


def _has_been_encrypted(data_dir: Path) -> bool:
    """A key file or its copy, or a backup carrying a key file: this folder's data was
    encrypted once, so a plain database in it did not come from an earlier version."""
    from familymeeting.storage.backup import KEYS_SUFFIX, backup_dir

    if KeyStore.exists(data_dir):
        return True
    try:
        return any(backup_dir(data_dir).glob("*.db" + KEYS_SUFFIX))
    except OSError:
        return False


def refuse_plain_swap(data_dir: Path) -> None:
    """``plain_db_beside_keys`` for a plain database in a folder that was encrypted before,
    unless it is our own conversion that a kill cut short (:data:`CONVERTING_FILENAME`).

    Converting it would make a new key and recovery code, and the code written down at
    the first start would stop working. Nothing is read or written.
    """
    data_dir = Path(data_dir)
    if (data_dir / CONVERTING_FILENAME).exists():
        return
    if _has_been_encrypted(data_dir):
        raise DatabaseError("plain_db_beside_keys", path=str(data_dir / DB_FILENAME))


def _first_start_path(data_dir: Path) -> Path:
    return Path(data_dir) / FIRST_START_FILENAME


def first_start_unfinished(data_dir: Path) -> bool:
    """A first start in an empty folder was killed (or its code could not be shown)
    before its recovery code was acknowledged. Reads only; changes nothing."""
    if not _first_start_path(data_dir).exists():
        return False
    if not KeyStore.exists(data_dir):
        return True
    try:
        return not KeyStore.is_finished(data_dir)
    except KeyFileError:
        # Unreadable keys made by a first start nobody finished: nothing depends on them.
        return True


def _start_over(data_dir: Path) -> None:
    """Remove what an unfinished first start left: key files, database, its side files,
    the counter and key-file staging copies; the marker last, so a kill in between
    leaves it to be done again. Only ever called when :func:`first_start_unfinished`."""
    from familymeeting.storage.database import remove_with_side_files

    remove_with_side_files(data_dir / DB_FILENAME)
    for name in (KEYS_FILENAME, KEYS_COPY_FILENAME, FAILURES_FILENAME):
        (data_dir / name).unlink(missing_ok=True)
    for stray in data_dir.glob(f".{KEYS_FILENAME}.*.new"):
        stray.unlink(missing_ok=True)
    _first_start_path(data_dir).unlink(missing_ok=True)


def acknowledge_recovery_code(data_dir: Path, code: str) -> None:
    """The user has the recovery code (shown, "written down" ticked, or printed and
    flushed on the command line): from now on it is valid, and a first start is
    finished. Call with the data folder's owner lock held."""
    data_dir = Path(data_dir)
    marker = _first_start_path(data_dir)
    if marker.exists():
        fault_point("first_start.before_ack")
    KeyStore.acknowledge_recovery_code(data_dir, code)
    # The key file now has a recovery code, so a marker a kill leaves here is ignored.
    with contextlib.suppress(OSError):
        marker.unlink(missing_ok=True)


def withdraw_recovery_code(data_dir: Path) -> None:
    """A new recovery code could not be shown: it never becomes valid. The code from
    before stays valid; a first start is undone (the next start begins again)."""
    data_dir = Path(data_dir)
    if first_start_unfinished(data_dir):
        _start_over(data_dir)
    else:
        KeyStore.withdraw_recovery_code(data_dir)


def check_plain_database(data_dir: Path) -> None:
    """Refuse, untouched, a file that cannot be converted; before a password is asked for.

    A plain database of ours (any older version) in a folder that was never encrypted
    passes; it is opened once, so it is also migrated. A file that is not plain SQLite
    and has no ``keys.json`` beside it is either damaged or an encrypted database whose
    key file is missing. A plain file in a folder encrypted before is refused
    (:func:`refuse_plain_swap`).
    """
    path = Path(data_dir) / DB_FILENAME
    if path.is_file() and is_plain_sqlite(path):
        refuse_plain_swap(data_dir)
    if path.is_file() and path.stat().st_size > 0 and not is_plain_sqlite(path):
        raise DatabaseError(
            "db_unreadable_no_keys", path=str(path), keys=str(Path(data_dir) / KEYS_FILENAME)
        )
    from familymeeting.storage.database import Database

    Database.open(Path(data_dir)).close()


def begin_conversion(data_dir: Path) -> None:
    """Mark a conversion of a plain database as ours, before its key file is made."""
    from familymeeting.storage.atomic import write_atomic

    write_atomic(
        Path(data_dir) / CONVERTING_FILENAME,
        b'{"format": "familymeeting-converting", "version": 1}\n',
    )


def open_unlocked(
    data_dir: Path, password: str, *, wait: bool = True, start_empty: bool = False
) -> UnlockResult:
    """Open the data dir's database with ``password``, setting up encryption if needed.

    - keys.json exists: unlock (wrong password -> ``WrongPasswordError``, nothing
      changed) and open the encrypted database. If the database is still plain or
      missing, a first start was interrupted: it is finished (converted or
      created) and a fresh recovery code is returned, as the first may never have
      been shown.
    - no keys.json but a plain database: ``password`` becomes the password; the
      database is converted (verified before the plain file goes).
    - nothing yet: ``password`` becomes the password of a new encrypted database.

    ``wait=False``: after repeated failures raise ``UnlockDelayedError`` instead of
    sleeping (for a window that counts down).

    A database the right key cannot read, or that fails ``quick_check``, is moved
    into ``damaged/`` and ``RestoreNeeded`` is raised; so is a missing database
    where backups exist, unless ``start_empty`` (the user chose to start again).
    """
    from familymeeting.storage.backup import has_history, newest_good_backup
    from familymeeting.storage.database import Database, convert_to_encrypted
    from familymeeting.storage.rekey import finish_interrupted as finish_rekey

    data_dir = Path(data_dir)
    state = data_state(data_dir)
    if state is not DataState.ENCRYPTED:
        if state is DataState.PLAIN:
            check_plain_database(data_dir)
        check_new_password(password)
        marker = data_dir / CONVERTING_FILENAME
        if state is DataState.PLAIN:
            begin_conversion(data_dir)
        if state is DataState.NEW:
            if first_start_unfinished(data_dir):
                _start_over(data_dir)
            # Marks everything made from here until the code is acknowledged as disposable.
            data_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(
                _first_start_path(data_dir),
                json.dumps({"format": "familymeeting-first-start", "version": 1}).encode(),
            )
        try:
            key, first_code = KeyStore.create(data_dir, password)
        except KeyFileError as exc:
            marker.unlink(missing_ok=True)
            if exc.code != "keys_exist":
                raise
            # Another process set up the keys a moment ago: this is now a normal unlock.
            return open_unlocked(data_dir, password, wait=wait)
        except BaseException:
            marker.unlink(missing_ok=True)
            raise
        fault_point("first_start.after_keys")
        if state is DataState.PLAIN:
            fault_point("convert.after_keys")
            try:
                convert_to_encrypted(data_dir, key)
            except BaseException:
                # Nothing is encrypted with the new key yet: take it back, so the next
                # try starts from the same place and may choose another password.
                if is_plain_sqlite(data_dir / DB_FILENAME):
                    KeyStore.discard(data_dir)
                    marker.unlink(missing_ok=True)
                raise
            marker.unlink(missing_ok=True)
        db = Database.open(data_dir, key)
        fault_point("first_start.after_database")
        return UnlockResult(db=db, recovery_code=first_code, converted=state is DataState.PLAIN)

    path = data_dir / DB_FILENAME
    plain = path.is_file() and is_plain_sqlite(path)
    if plain:
        refuse_plain_swap(data_dir)  # before a password is tried: nothing is written
    failed = tuple(KeyStore.failed_attempts(data_dir))
    key = KeyStore.unlock(data_dir, password, wait=wait)
    code: str | None = None
    converted = False
    rekeyed = finish_rekey(data_dir, key, password)
    if rekeyed is not None:
        key, code = rekeyed  # a change of the data key, cut short, is finished first
    if plain:
        # Our own conversion, cut short by a kill after the key file was made.
        check_plain_database(data_dir)
        convert_to_encrypted(data_dir, key)
        converted = True
        code = KeyStore.new_recovery_code(data_dir, password)
    elif not path.exists():
        if has_history(data_dir):
            if not start_empty:
                raise RestoreNeeded(
                    data_dir, moved_to=None, backup=newest_good_backup(data_dir, key)
                )
        else:
            code = KeyStore.new_recovery_code(data_dir, password)
    if code is None and not KeyStore.is_finished(data_dir):
        # A conversion finished but its code was never acknowledged: the data is in the
        # encrypted file, so it is kept, and a new code is shown.
        code = KeyStore.new_recovery_code(data_dir, password)
    db = _finish_forgetting(_open_or_move_aside(data_dir, key))
    (data_dir / CONVERTING_FILENAME).unlink(missing_ok=True)  # the conversion is done
    return UnlockResult(db=db, recovery_code=code, converted=converted, failed_attempts=failed)


def _finish_forgetting(db: Database) -> Database:
    """A deletion for good that a kill interrupted is finished before anything reads the
    data (storage/forget.py); stray copies of killed backups and restores go."""
    from familymeeting.storage.forget import finish_interrupted

    try:
        finish_interrupted(db)
    except BaseException:
        db.close()
        raise
    return db


def _open_or_move_aside(data_dir: Path, key: bytes) -> Database:
    from familymeeting.storage.backup import move_aside, newest_good_backup
    from familymeeting.storage.database import Database

    try:
        return Database.open(data_dir, key)
    except DatabaseError as exc:
        if exc.code not in DAMAGE_CODES:
            raise
        good = newest_good_backup(data_dir, key)
        if exc.code in ("db_wrong_key", "db_not_ours") and good is None:
            # Nothing proves the key right for this data dir: random bytes and a file
            # meant for another keys.json look the same. Leave it where it is.
            raise
        moved = move_aside(data_dir)
        raise RestoreNeeded(data_dir, moved_to=moved, backup=good) from exc


def unlock_key(data_dir: Path, password: str, *, wait: bool = True) -> bytes:
    """The data key from ``password`` (keys.json must exist), for backups and restore."""
    if not KeyStore.exists(data_dir):
        raise UserError("no_password_yet", path=str(data_dir))
    refuse_during_rekey(data_dir)  # files may be under either key until it is finished
    return KeyStore.unlock(data_dir, password, wait=wait)


def restore_and_open(
    data_dir: Path,
    password: str | None,
    backup: Path | None = None,
    *,
    wait: bool = True,
    recovery_code: str | None = None,
) -> tuple[UnlockResult, RestoreResult]:
    """Put a backup in place (the newest good one if ``backup`` is None) and open it.

    What it replaces is kept: a sound database as a ``before-restore`` backup, a
    damaged one in ``damaged/``. A damaged or foreign backup is refused, nothing changed.

    A backup carries the key file of its time. If this data dir's key file opens it,
    that stays (and with it today's password); otherwise (an empty folder, a damaged
    key file, a backup from before a re-key or from another laptop) the backup's key
    file is installed, and ``password`` or ``recovery_code`` must be of the backup's
    time. A sound current database is only replaced by someone who knows its password.
    """
    from familymeeting.storage.backup import backup_dir, newest_good_backup, restore_backup
    from familymeeting.storage.database import Database

    data_dir = Path(data_dir)
    refuse_during_rekey(data_dir)
    failed = tuple(KeyStore.failed_attempts(data_dir)) if KeyStore.exists(data_dir) else ()
    if backup is None:
        if password is None:
            raise UserError("password_needed", env=PASSWORD_ENV)
        key = unlock_key(data_dir, password, wait=wait)
        good = newest_good_backup(data_dir, key)
        if good is None:
            raise UserError("no_good_backup", path=str(backup_dir(data_dir)))
        restored = restore_backup(data_dir, key, good.path)
    else:
        key, current_key, keys = _backup_key(data_dir, Path(backup), password, recovery_code, wait)
        restored = restore_backup(data_dir, key, backup, keys=keys, current_key=current_key)
    db = _finish_forgetting(Database.open(data_dir, key))
    return UnlockResult(db=db, failed_attempts=failed), restored


def _backup_key(
    data_dir: Path, backup: Path, password: str | None, recovery_code: str | None, wait: bool
) -> tuple[bytes, bytes | None, bytes | None]:
    """``(key of the backup, key of the current database, key file to install)``."""
    from familymeeting.storage.backup import backup_keys, backup_opens_with
    from familymeeting.storage.keys import WrongPasswordError, key_file_bytes, unwrap_key_file

    if not Path(backup).is_file():
        raise UserError("file_not_found", path=str(backup))
    carried = backup_keys(backup)
    current: bytes | None = None
    has_keys = KeyStore.exists(data_dir)
    keys_sound = True
    try:
        if has_keys and password is not None:
            current = KeyStore.unlock(data_dir, password, wait=wait)
        elif has_keys and recovery_code is not None:
            current = unwrap_key_file(key_file_bytes(data_dir), recovery_code=recovery_code)
    except KeyFileError:
        keys_sound = False
        has_keys = False
    except WrongPasswordError:
        if carried is None:
            raise
    if keys_sound and has_keys and (data_dir / DB_FILENAME).exists():
        # Today's data is only replaced by someone who can open it, and only by a
        # backup of it: another key's backup goes into an empty folder (or over a
        # damaged key file), never over sound data.
        if current is None:
            raise WrongPasswordError("wrong_password")
        if carried is not None and not backup_opens_with(backup, current):
            raise DatabaseError("backup_damaged", path=str(backup), reason="key")
        return current, current, None
    if current is not None and (carried is None or backup_opens_with(backup, current)):
        return current, current, None
    if carried is None:
        if not has_keys:
            raise UserError("backup_no_keys", path=str(backup))
        raise DatabaseError("backup_damaged", path=str(backup), reason="key")
    key = unwrap_key_file(carried, password=password) if password is not None else None
    if key is None and recovery_code is not None:
        key = unwrap_key_file(carried, recovery_code=recovery_code)
    if key is None:
        raise WrongPasswordError("backup_wrong_secret", path=str(backup))
    return key, current, carried


def restore_file(
    data_dir: Path,
    backup: Path,
    *,
    password: str | None = None,
    recovery_code: str | None = None,
    new_password: str | None = None,
    via: str,
    wait: bool = True,
) -> tuple[UnlockResult, RestoreResult]:
    """Bring the backup file ``backup`` into ``data_dir``: the one way for the window's
    first start and ``familymeeting restore FILE [--recovery-code]``.

    With the password of the backup's time; or with its recovery code and
    ``new_password``, which replaces the password: the new recovery code, pending
    until acknowledged (:func:`acknowledge_recovery_code`), is the result's
    ``recovery_code``. A mistyped code or a refused new password is reported before
    anything is restored; a wrong secret changes nothing. The restore is logged
    (``via``: "app" or "cli").
    """
    from familymeeting.storage.keys import normalize_recovery_code
    from familymeeting.storage.services import Services

    if recovery_code is not None:
        normalize_recovery_code(recovery_code)
        check_new_password(new_password or "")
    result, restored = restore_and_open(
        data_dir, password, backup, wait=wait, recovery_code=recovery_code
    )
    try:
        Services(result.db).note_restored(via=via)
        if recovery_code is not None:
            new_code = KeyStore.recover(data_dir, recovery_code, new_password or "")
            result = replace(result, recovery_code=new_code)
    except BaseException:
        result.db.close()
        raise
    return result, restored


def password_from_environment(name: str = PASSWORD_ENV) -> str | None:
    """The password a script put in the environment (empty counts as not set)."""
    value = os.environ.get(name)
    return value if value else None


def open_from_environment(data_dir: Path) -> UnlockResult:
    """:func:`open_unlocked` with ``$FAMILYMEETING_PASSWORD``, for scripted runs.

    Used by ``--screenshot`` runs of the window, which must not wait for a dialog.
    Without the variable: ``UserError("password_needed")``.
    """
    password = password_from_environment()
    if password is None:
        raise UserError("password_needed", env=PASSWORD_ENV)
    return open_unlocked(data_dir, password)


__all__ = [
    "CONVERTING_FILENAME",
    "DAMAGE_CODES",
    "FIRST_START_FILENAME",
    "NEW_PASSWORD_ENV",
    "PASSWORD_ENV",
    "RECOVERY_CODE_ENV",
    "DataState",
    "RestoreNeeded",
    "UnlockResult",
    "acknowledge_recovery_code",
    "begin_conversion",
    "check_plain_database",
    "data_state",
    "first_start_unfinished",
    "open_from_environment",
    "open_unlocked",
    "password_from_environment",
    "refuse_plain_swap",
    "restore_and_open",
    "restore_file",
    "unlock_key",
    "withdraw_recovery_code",
]
