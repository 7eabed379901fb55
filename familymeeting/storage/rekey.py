"""Changing the data key: the database and every backup re-encrypted, journaled. No Qt.

``passwd`` and ``recover`` only re-wrap the data key, so an old copy of ``keys.json``
with the old password still opens everything, backups made later included. A re-key
makes a new random data key and leaves the old one opening nothing in the data folder:

1. the journal ``familymeeting-rekey.json`` holds the new key file (wrapped keys only)
   and the new data key wrapped (AES-256-GCM) under the old one, before anything changes;
2. the database is exported under the new key into ``familymeeting.db.rekeying``,
   verified and renamed over the database (storage/database.py ``reencrypt_database``);
3. every backup in ``backups/`` is written again under the new key, carrying the new
   key file (storage/backup.py ``reencrypt_backup``);
4. the new key file becomes ``keys.json`` (and its copy);
5. the journal is removed.

A kill at any point leaves every file whole under the old or the new key. The next open
with the password (:func:`finish_interrupted`, called by storage/unlock.py) unlocks the
old key from ``keys.json`` (or the new one, after step 4), takes the new key from the
journal, re-encrypts what is still under the old key and finishes; as the recovery code
of the new key file may never have been shown, a fresh one is made and returned.
While the journal exists, ``passwd``, ``recover``, ``check`` and ``restore`` are refused
(``rekey_unfinished``): they would read or write the key file half-way.

Backups outside the data folder (``backup -o`` files) are not touched: they stay under
the old key and open with the password or recovery code of their time.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from familymeeting.domain.errors import DatabaseError
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.database import (
    REKEYING_SUFFIX,
    Database,
    reencrypt_database,
    remove_with_side_files,
)
from familymeeting.storage.faults import fault_point
from familymeeting.storage.keys import (
    REKEY_JOURNAL_FILENAME,
    KeyStore,
    install_key_file,
    key_file_bytes,
    new_key_file,
)
from familymeeting.storage.paths import DB_FILENAME

JOURNAL_FORMAT = "familymeeting-rekey"
_AAD = b"familymeeting-rekey/1/new-key"

# (done, total): backups re-encrypted so far, of how many. Called from the worker thread.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RekeyResult:
    recovery_code: str  # the new key's recovery code: show it once, never keep it
    backups_reencrypted: int
    backups_damaged: tuple[Path, ...]  # left as they were (under the old key)


@dataclass(frozen=True)
class _Journal:
    new_keys: bytes
    nonce: bytes
    wrapped: bytes


def journal_path(data_dir: Path) -> Path:
    return Path(data_dir) / REKEY_JOURNAL_FILENAME


def is_pending(data_dir: Path) -> bool:
    return journal_path(data_dir).exists()


def _write_journal(data_dir: Path, journal: _Journal, step: str) -> None:
    body = {
        "format": JOURNAL_FORMAT,
        "version": 1,
        "step": step,  # for people reading it; the next start probes each file's key
        "new_keys": base64.b64encode(journal.new_keys).decode("ascii"),
        "nonce": base64.b64encode(journal.nonce).decode("ascii"),
        "new_key_under_old": base64.b64encode(journal.wrapped).decode("ascii"),
    }
    write_atomic(journal_path(data_dir), (json.dumps(body) + "\n").encode("utf-8"))


def _read_journal(data_dir: Path) -> _Journal | None:
    path = journal_path(data_dir)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return _Journal(
            new_keys=base64.b64decode(doc["new_keys"], validate=True),
            nonce=base64.b64decode(doc["nonce"], validate=True),
            wrapped=base64.b64decode(doc["new_key_under_old"], validate=True),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DatabaseError("rekey_journal_unreadable", path=str(path)) from exc


def _wrap(old_key: bytes, new_key: bytes) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return nonce, AESGCM(old_key).encrypt(nonce, new_key, _AAD)


def _unwrap(old_key: bytes, journal: _Journal) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(old_key).decrypt(journal.nonce, journal.wrapped, _AAD)
    except InvalidTag:
        return None


def rekey(db: Database, password: str, progress: Progress | None = None) -> RekeyResult:
    """Give the open database ``db`` a new data key; ``password`` stays the password.

    ``db`` is re-opened under the new key (the same object, so the window keeps it).
    A wrong password raises ``WrongPasswordError`` and changes nothing.
    """
    data_dir = db.path.parent
    old_key = KeyStore.unlock(data_dir, password)
    if db.key is None or old_key != db.key:
        raise RuntimeError("the open database is not under the key file's data key")
    new_key, new_keys, code = new_key_file(data_dir, password)
    nonce, wrapped = _wrap(old_key, new_key)
    journal = _Journal(new_keys=new_keys, nonce=nonce, wrapped=wrapped)
    _write_journal(data_dir, journal, "database")
    fault_point("rekey.after_journal")
    db.engine.dispose()
    try:
        reencrypt_database(data_dir, old_key, new_key)
    except BaseException:
        # The database is whole under the old key (the rename is the last step):
        # nothing changed, so nothing is left to finish.
        db.use_key(old_key)
        journal_path(data_dir).unlink(missing_ok=True)
        raise
    db.use_key(new_key)
    fault_point("rekey.after_database")
    _write_journal(data_dir, journal, "backups")
    done, damaged = _reencrypt_backups(data_dir, old_key, new_key, new_keys, progress)
    fault_point("rekey.before_key_file")
    _set_key_file(data_dir, new_keys)
    _log_rekey(db, f"backups={done}")
    return RekeyResult(recovery_code=code, backups_reencrypted=done, backups_damaged=damaged)


def issue_recovery_code(data_dir: Path, password: str, code: str | None) -> str:
    """The recovery code the user is shown after a re-key.

    A re-key's code is valid at once (it is in the new key file, and the backups carry
    that file); acknowledging it afterwards changes nothing.
    ``code`` None: the new key file's code was never shown (a re-key finished at the
    next start), so a fresh one replaces it, in keys.json and in the backups' key files.
    """
    if code is not None:
        return code
    before = key_file_bytes(data_dir)
    fresh = KeyStore.new_recovery_code(data_dir, password)
    # Valid at once, as the new key file's code is after an uninterrupted re-key: the
    # backups carry this key file, so it must not change again when the code is shown.
    KeyStore.acknowledge_recovery_code(data_dir, fresh)
    from familymeeting.storage.backup import replace_carried_keys

    replace_carried_keys(data_dir, before, key_file_bytes(data_dir))
    return fresh


def _set_key_file(data_dir: Path, new_keys: bytes) -> None:
    install_key_file(data_dir, new_keys)
    fault_point("rekey.before_journal_removed")
    journal_path(data_dir).unlink(missing_ok=True)


def _reencrypt_backups(
    data_dir: Path,
    old_key: bytes | None,
    new_key: bytes,
    new_keys: bytes,
    progress: Progress | None,
) -> tuple[int, tuple[Path, ...]]:
    from familymeeting.storage.backup import backup_opens_with, list_backups, reencrypt_backup

    backups = list_backups(data_dir)
    done = 0
    damaged: list[Path] = []
    for i, backup in enumerate(backups):
        if progress is not None:
            progress(i, len(backups))
        if backup_opens_with(backup.path, new_key):
            continue  # done before a kill
        if old_key is None or not backup_opens_with(backup.path, old_key):
            damaged.append(backup.path)
            continue
        try:
            reencrypt_backup(backup.path, old_key, new_key, new_keys)
        except DatabaseError as exc:
            if exc.code != "backup_damaged":
                raise
            damaged.append(backup.path)
            continue
        done += 1
        fault_point("rekey.after_backup")
    if progress is not None:
        progress(len(backups), len(backups))
    return done, tuple(damaged)


def _log_rekey(db: Database, detail: str) -> None:
    """The access log says when the data key changed (the window and the CLI alike)."""
    from familymeeting.storage.services.access import log_in

    with db.session() as s:
        log_in(s, "rekey", detail=detail)


def finish_interrupted(data_dir: Path, key: bytes, password: str) -> tuple[bytes, str] | None:
    """Finish a re-key a kill cut short; ``key`` is what ``password`` unlocked from keys.json.

    Returns ``(the data key now, a new recovery code to show)``, or None if none was
    pending. No connection to the database may be open.
    """
    from familymeeting.storage.backup import backup_opens_with

    journal = _read_journal(data_dir)
    if journal is None:
        return None
    path = Path(data_dir) / DB_FILENAME
    remove_with_side_files(path.with_name(DB_FILENAME + REKEYING_SUFFIX))
    if key_file_bytes(data_dir) == journal.new_keys:
        old_key: bytes | None = None
        new_key = key
    else:
        old_key = key
        unwrapped = _unwrap(key, journal)
        if unwrapped is None:
            raise DatabaseError("rekey_journal_unreadable", path=str(journal_path(data_dir)))
        new_key = unwrapped
        if path.exists() and not backup_opens_with(path, new_key):
            reencrypt_database(data_dir, old_key, new_key)
    _reencrypt_backups(data_dir, old_key, new_key, journal.new_keys, None)
    _set_key_file(data_dir, journal.new_keys)
    return new_key, issue_recovery_code(data_dir, password, None)


__all__ = [
    "JOURNAL_FORMAT",
    "RekeyResult",
    "finish_interrupted",
    "is_pending",
    "issue_recovery_code",
    "journal_path",
    "rekey",
]
