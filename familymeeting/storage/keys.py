"""The key file: one random data key, wrapped by the password and by a recovery code.

The database is encrypted (SQLCipher) with a random 256-bit *data key*. That key is
never stored in plain: ``keys.json`` beside the database holds it twice, each copy
encrypted with AES-256-GCM under a key derived with Argon2id, once from the
password and once from the one-time recovery code. Changing the password re-wraps
the data key; the database itself is never re-encrypted. See docs/security.md.

Failed attempts are counted in a small sidecar (``unlock-failures.json``) so that a
growing delay slows down guessing at the keyboard; a wrong password changes
neither ``keys.json`` nor the database. No Qt here.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import math
import os
import re
import secrets
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from familymeeting.domain.errors import DatabaseError, UserError
from familymeeting.domain.passwords import check_new_password
from familymeeting.storage.atomic import write_atomic

KEYS_FILENAME = "keys.json"
# The second copy of the key file: written after keys.json with the same bytes, checked
# on every load and repaired from whichever copy is sound (see _load).
KEYS_COPY_FILENAME = "keys-copy.json"
FAILURES_FILENAME = "unlock-failures.json"
KEY_FILE_FORMAT = "familymeeting-keys"
KEY_FILE_VERSION = 1
FAILURES_FORMAT = "familymeeting-unlock-failures"

DATA_KEY_BYTES = 32  # AES-256 / SQLCipher raw key
SALT_BYTES = 16
NONCE_BYTES = 12  # the size AES-GCM is designed for

# Recovery codes: 8 groups of 4 from 30 characters that cannot be mistaken for each
# other when written by hand and typed back (no 0/O, 1/I/L, and no U). 32 characters
# of log2(30) bits each is about 157 bits, far beyond guessing.
RECOVERY_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 8
RECOVERY_GROUP_SIZE = 4
RECOVERY_LENGTH = RECOVERY_GROUPS * RECOVERY_GROUP_SIZE
RECOVERY_BITS = RECOVERY_LENGTH * math.log2(len(RECOVERY_ALPHABET))

# The growing delay after failed attempts: up to FREE_ATTEMPTS failures in a row
# cost nothing (three tries in all), then each next try waits 1, 2, 4 ... s.
FREE_ATTEMPTS = 2
MAX_DELAY_S = 30.0
_KEPT_FAILURE_TIMES = 50

_SLOT_PASSWORD = "password"
_SLOT_RECOVERY = "recovery"
# A new recovery code's wrapped key waits here until the user has seen it and said so
# (KeyStore.acknowledge_recovery_code); only then does it become the recovery slot.
# Until then the recovery slot (the code written down before) stays valid; a key file
# with a pending slot and no recovery slot is a first start that was never finished.
_SLOT_PENDING = "recovery-pending"


# --------------------------------------------------------------------------- errors
class WrongPasswordError(UserError):
    """The password does not open the key file. Nothing was changed."""


class WrongRecoveryCodeError(UserError):
    """The recovery code does not open the key file, or is not shaped like one."""


class UnlockDelayedError(UserError):
    """Too many failed attempts: wait ``seconds`` before the next one (``wait=False``)."""


class KeyFileError(DatabaseError):
    """``keys.json`` is missing, damaged, of a newer version, or already exists."""


# ------------------------------------------------------------------------- argon2id
@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. RFC 9106's second recommended choice: t = 3, p = 4, m = 64 MiB.

    Stored in keys.json, so a later version can raise them for new wraps while old
    files still open.
    """

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def check(self) -> None:
        # Bounds keep a tampered key file from asking for terabytes of memory.
        if not (8 * 1024 <= self.memory_kib <= 4 * 1024 * 1024):
            raise ValueError("memory_kib out of range")
        if not (1 <= self.iterations <= 64) or not (1 <= self.lanes <= 64):
            raise ValueError("iterations or lanes out of range")

    def as_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "version": 19,
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }


DEFAULT_KDF = KdfParams()


def _secret_bytes(secret: str) -> bytes:
    # The same password typed on Windows, macOS (decomposed "ø"?) or a tablet keyboard
    # must give the same bytes.
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def load_crypto() -> None:
    """Import Argon2 and AES-GCM (about 35 ms), which the password screen does not need.

    They are imported where they are used; the app calls this on a thread while the
    password is typed (``app._preload_storage``), so Enter does not wait for them.
    """
    import argon2.low_level  # noqa: F401
    import cryptography.hazmat.primitives.ciphers.aead  # noqa: F401


def derive_key(secret: str, salt: bytes, params: KdfParams) -> bytes:
    """A 256-bit wrapping key from a password or recovery code (Argon2id)."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        _secret_bytes(secret),
        salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.lanes,
        hash_len=32,
        type=Type.ID,
    )


# ------------------------------------------------------------------ recovery codes
def new_recovery_code() -> str:
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return format_recovery_code(chars)


def format_recovery_code(chars: str) -> str:
    """``ABCDEFGH...`` -> ``ABCD-EFGH-...`` (how it is shown and written down)."""
    size = RECOVERY_GROUP_SIZE
    return "-".join(chars[i : i + size] for i in range(0, len(chars), size))


def normalize_recovery_code(text: str) -> str:
    """The code as typed (any case, spaces or dashes) -> its 32 characters.

    Raises :class:`WrongRecoveryCodeError` ("recovery_code_format") if it cannot be
    a recovery code at all; such a typo does not count as a failed attempt.
    """
    chars = re.sub(r"[\s\-_.]", "", text).upper()
    if len(chars) != RECOVERY_LENGTH or any(c not in RECOVERY_ALPHABET for c in chars):
        raise WrongRecoveryCodeError(
            "recovery_code_format", groups=RECOVERY_GROUPS, size=RECOVERY_GROUP_SIZE
        )
    return chars


# ----------------------------------------------------------------- failure delays
def failure_delay(failures: int) -> float:
    """Seconds to wait before the next attempt after ``failures`` failed ones in a row.

    0, 0, 0 (three free tries), then 1, 2, 4, 8, 16 and at most 30 s.
    """
    if failures <= FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY_S, float(2 ** min(failures - FREE_ATTEMPTS - 1, 16)))


@dataclass(frozen=True)
class _Failures:
    count: int = 0
    last: float = 0.0  # time.time() of the last failure
    times: tuple[str, ...] = ()


# --------------------------------------------------------------------- key file
@dataclass(frozen=True)
class _Slot:
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def as_json(self) -> dict[str, str]:
        return {
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped),
        }


@dataclass(frozen=True)
class _KeyFile:
    kdf: KdfParams
    slots: dict[str, _Slot]

    def to_bytes(self) -> bytes:
        kdf = self.kdf.as_json()
        slots = {name: slot.as_json() for name, slot in self.slots.items()}
        doc = {
            "format": KEY_FILE_FORMAT,
            "version": KEY_FILE_VERSION,
            "about": (
                "The key of familymeeting.db, encrypted with the password and with the "
                "recovery code. Keep this file with the database: without it, and without "
                "the password or the recovery code, the data cannot be read."
            ),
            "kdf": kdf,
            "slots": slots,
            "check": _checksum(kdf, slots),
        }
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")


def _checksum(kdf: object, slots: object) -> str:
    """SHA-256 over what unlocking depends on, so damage is told from a wrong password.

    Not a secret: it finds a flipped byte in the KDF numbers or swapped slots, which
    would otherwise only make every unwrap fail as if the password were wrong. (The
    AAD in _aad still keeps a deliberate edit from weakening anything.)
    """
    canonical = json.dumps(
        {"format": KEY_FILE_FORMAT, "version": KEY_FILE_VERSION, "kdf": kdf, "slots": slots},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    data = base64.b64decode(text.encode("ascii"), validate=True)
    if size is not None and len(data) != size:
        raise ValueError("wrong length")
    return data


def _aad(slot: str, kdf: KdfParams) -> bytes:
    # Binds each wrapped copy to its slot, the file version and the KDF cost, so
    # swapping slots or lowering the cost in the file makes unwrapping fail. A pending
    # recovery code is bound as a recovery code: acknowledging it moves it into the
    # recovery slot unchanged (no second derivation), and it still opens nothing before.
    if slot == _SLOT_PENDING:
        slot = _SLOT_RECOVERY
    return (
        f"{KEY_FILE_FORMAT}/{KEY_FILE_VERSION}/{slot}/{kdf.memory_kib}/{kdf.iterations}/{kdf.lanes}"
    ).encode("ascii")


def _wrap(data_key: bytes, secret: str, slot: str, kdf: KdfParams) -> _Slot:
    salt = secrets.token_bytes(SALT_BYTES)
    nonce = secrets.token_bytes(NONCE_BYTES)
    wrapping_key = derive_key(secret, salt, kdf)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    wrapped = AESGCM(wrapping_key).encrypt(nonce, data_key, _aad(slot, kdf))
    return _Slot(salt=salt, nonce=nonce, wrapped=wrapped)


def _unwrap(keyfile: _KeyFile, slot_name: str, secret: str) -> bytes | None:
    slot = keyfile.slots.get(slot_name)
    if slot is None:
        return None  # no recovery slot yet: a first start whose code was never acknowledged
    wrapping_key = derive_key(secret, slot.salt, keyfile.kdf)
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        data_key = AESGCM(wrapping_key).decrypt(
            slot.nonce, slot.wrapped, _aad(slot_name, keyfile.kdf)
        )
    except InvalidTag:
        return None
    if len(data_key) != DATA_KEY_BYTES:
        return None
    return data_key


def _keys_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_FILENAME


def _copy_path(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_COPY_FILENAME


def _parse_key_file(raw: bytes, path: Path) -> _KeyFile:
    """The key file in ``raw``; ``KeyFileError`` ("keys_corrupt", "keys_too_new") if not.

    A file written since the second copy came (issue 17) carries a checksum, so one
    changed byte anywhere that matters is found here, not taken for a wrong password.
    An older file without one is still read.
    """
    try:
        doc = json.loads(raw.decode("utf-8"))
        if not isinstance(doc, dict) or doc.get("format") != KEY_FILE_FORMAT:
            raise ValueError("not a key file")
        version = doc.get("version")
        if isinstance(version, int) and version > KEY_FILE_VERSION:
            raise KeyFileError(
                "keys_too_new", path=str(path), found=version, supported=KEY_FILE_VERSION
            )
        if version != KEY_FILE_VERSION:
            raise ValueError("bad version")
        if "check" in doc and doc["check"] != _checksum(doc.get("kdf"), doc.get("slots")):
            raise ValueError("checksum")
        kdf_doc = doc["kdf"]
        if kdf_doc.get("algorithm") != "argon2id" or kdf_doc.get("version") != 19:
            raise ValueError("unknown kdf")
        kdf = KdfParams(
            memory_kib=int(kdf_doc["memory_kib"]),
            iterations=int(kdf_doc["iterations"]),
            lanes=int(kdf_doc["lanes"]),
        )
        kdf.check()
        slots: dict[str, _Slot] = {}
        pending = doc["slots"].get(_SLOT_PENDING) is not None
        for name in (_SLOT_PASSWORD, _SLOT_RECOVERY, _SLOT_PENDING):
            slot_doc = doc["slots"].get(name)
            if slot_doc is None and name == _SLOT_PENDING:
                continue  # optional: only while a new recovery code waits to be acknowledged
            if slot_doc is None and name == _SLOT_RECOVERY and pending:
                continue  # a first start whose code was not acknowledged yet
            slots[name] = _Slot(
                salt=_unb64(slot_doc["salt"], SALT_BYTES),
                nonce=_unb64(slot_doc["nonce"], NONCE_BYTES),
                wrapped=_unb64(slot_doc["wrapped_key"], DATA_KEY_BYTES + 16),
            )
    except KeyFileError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as exc:
        # json.JSONDecodeError and UnicodeDecodeError are ValueErrors too.
        raise KeyFileError("keys_corrupt", path=str(path)) from exc
    return _KeyFile(kdf=kdf, slots=slots)


def _read_one(path: Path) -> tuple[_KeyFile, bytes] | KeyFileError:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        error = KeyFileError("keys_missing", path=str(path))
        error.__cause__ = exc
        return error
    except OSError as exc:
        error = KeyFileError("keys_corrupt", path=str(path))
        error.__cause__ = exc
        return error
    try:
        return _parse_key_file(raw, path), raw
    except KeyFileError as exc:
        return exc


def _repair(path: Path, raw: bytes) -> None:
    # Best effort: a read-only data dir must still open with the sound copy.
    with contextlib.suppress(UserError, OSError):
        write_atomic(path, raw)


def _load_raw(data_dir: Path) -> tuple[_KeyFile, bytes]:
    """The sound key file of ``data_dir`` and its bytes; a damaged copy is repaired.

    keys.json is written first and keys-copy.json second (:func:`_save`), so when
    both are sound but differ, keys.json is the newer one. Only when neither copy is
    sound is the key file reported as damaged ("keys_corrupt"), or as missing.
    """
    path, copy_path = _keys_path(data_dir), _copy_path(data_dir)
    main = _read_one(path)
    if isinstance(main, KeyFileError) and main.code == "keys_too_new":
        raise main
    copy = _read_one(copy_path)
    if not isinstance(main, KeyFileError):
        if isinstance(copy, KeyFileError) or copy[1] != main[1]:
            _repair(copy_path, main[1])
        return main
    if not isinstance(copy, KeyFileError):
        _repair(path, copy[1])
        return copy
    if copy.code == "keys_too_new":
        raise copy
    if main.code == "keys_missing" and copy.code == "keys_missing":
        raise main
    raise KeyFileError("keys_corrupt", path=str(path))


def _load(data_dir: Path) -> _KeyFile:
    return _load_raw(data_dir)[0]


def _save(data_dir: Path, keyfile: _KeyFile) -> None:
    raw = keyfile.to_bytes()
    write_atomic(_keys_path(data_dir), raw)
    write_atomic(_copy_path(data_dir), raw)


def key_file_bytes(data_dir: Path) -> bytes:
    """The sound key file of ``data_dir``, byte for byte (for backups to carry).

    It holds only wrapped keys, salts and the KDF cost: no secret in plain.
    """
    return _load_raw(Path(data_dir))[1]


def install_key_file(data_dir: Path, raw: bytes) -> None:
    """Make ``raw`` (a key file, e.g. from a backup) the key file of ``data_dir``.

    Checked first; written atomically, keys.json then its copy.
    """
    _parse_key_file(raw, _keys_path(data_dir))
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    write_atomic(_keys_path(data_dir), raw)
    write_atomic(_copy_path(data_dir), raw)


def unwrap_key_file(
    raw: bytes, *, password: str | None = None, recovery_code: str | None = None
) -> bytes | None:
    """The data key in the key file ``raw`` (a backup's), or None if the secret is wrong.

    ``KeyFileError`` if ``raw`` is not a sound key file. No failure is counted: a
    backup's key file is not this data dir's, and guessing at it offline is what
    Argon2id's cost is for.
    """
    keyfile = _parse_key_file(raw, Path(KEYS_FILENAME))
    if password is not None:
        return _unwrap(keyfile, _SLOT_PASSWORD, password)
    if recovery_code is not None:
        return _unwrap(keyfile, _SLOT_RECOVERY, normalize_recovery_code(recovery_code))
    return None


def _create_exclusive(path: Path, data: bytes) -> None:
    """Write a new file atomically, refusing to replace one that appeared meanwhile.

    Two first starts at once (the app and a script) must not both create keys:
    the loser's key would be lost and, with it, whatever it encrypted. The whole
    file is written beside the target and then hard-linked into place, which
    fails if the name exists; where hard links are not supported (FAT), the
    existence check above is all there is.
    """
    staging = path.with_name(f".{path.name}.{secrets.token_hex(4)}.new")
    write_atomic(staging, data)
    try:
        os.link(staging, path)
    except FileExistsError as exc:
        raise KeyFileError("keys_exist", path=str(path)) from exc
    except OSError:
        os.replace(staging, path)
    finally:
        with contextlib.suppress(OSError):
            staging.unlink()
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


# ------------------------------------------------------------------- the store
class KeyStore:
    """Create, unlock and re-wrap the data key of a data dir. Stateless; all static."""

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return _keys_path(data_dir).is_file() or _copy_path(data_dir).is_file()

    @staticmethod
    def discard(data_dir: Path) -> None:
        """Remove a key file that nothing was encrypted with yet (a failed first start)."""
        for path in (_keys_path(data_dir), _copy_path(data_dir)):
            path.unlink(missing_ok=True)

    @staticmethod
    def create(data_dir: Path, password: str, *, kdf: KdfParams = DEFAULT_KDF) -> tuple[bytes, str]:
        """A new random data key and recovery code, written to keys.json.

        Returns ``(data_key, recovery_code)``; show the code once, never store it.
        The code is written as the *pending* slot: the key file is unfinished (see
        :meth:`is_finished`) until :meth:`acknowledge_recovery_code` is called once
        the code was shown and the user said it is written down.
        An existing key file is never replaced (that would lock the data away).
        """
        check_new_password(password)
        kdf.check()
        data_dir = Path(data_dir)
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError("data_dir_unusable", path=str(data_dir)) from exc
        if KeyStore.exists(data_dir):
            raise KeyFileError("keys_exist", path=str(_keys_path(data_dir)))
        data_key = secrets.token_bytes(DATA_KEY_BYTES)
        code = new_recovery_code()
        keyfile = _KeyFile(
            kdf=kdf,
            slots={
                _SLOT_PASSWORD: _wrap(data_key, password, _SLOT_PASSWORD, kdf),
                _SLOT_PENDING: _wrap(data_key, normalize_recovery_code(code), _SLOT_PENDING, kdf),
            },
        )
        raw = keyfile.to_bytes()
        _create_exclusive(_keys_path(data_dir), raw)
        write_atomic(_copy_path(data_dir), raw)
        return data_key, code

    @staticmethod
    def unlock(
        data_dir: Path,
        password: str,
        *,
        wait: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> bytes:
        """The data key, if ``password`` is right; else :class:`WrongPasswordError`.

        After repeated failures the next attempt first waits :func:`failure_delay`
        seconds (``wait=False`` raises :class:`UnlockDelayedError` instead, so a
        window can count down rather than freeze).
        """
        keyfile = _load(data_dir)
        _wait_if_needed(data_dir, wait=wait, sleep=sleep)
        data_key = _unwrap(keyfile, _SLOT_PASSWORD, password)
        if data_key is None:
            _record_failure(data_dir)
            raise WrongPasswordError("wrong_password")
        _reset_failures(data_dir)
        return data_key

    @staticmethod
    def change_password(
        data_dir: Path,
        old: str,
        new: str,
        *,
        wait: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Re-wrap the data key with ``new``; the database is not touched."""
        check_new_password(new)
        refuse_during_rekey(data_dir)
        keyfile = _load(data_dir)
        _wait_if_needed(data_dir, wait=wait, sleep=sleep)
        data_key = _unwrap(keyfile, _SLOT_PASSWORD, old)
        if data_key is None:
            _record_failure(data_dir)
            raise WrongPasswordError("wrong_password")
        slots = dict(keyfile.slots)
        slots[_SLOT_PASSWORD] = _wrap(data_key, new, _SLOT_PASSWORD, keyfile.kdf)
        _save(data_dir, _KeyFile(kdf=keyfile.kdf, slots=slots))
        _reset_failures(data_dir)

    @staticmethod
    def recover(
        data_dir: Path,
        recovery_code: str,
        new_password: str,
        *,
        wait: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> str:
        """Set ``new_password`` with the recovery code; returns a NEW recovery code.

        The new password and the new code (pending) are written in one atomic key-file
        write. The code just used stays valid until the new one is acknowledged
        (:meth:`acknowledge_recovery_code`): a new code that was never seen must not
        leave the data with no working recovery code.
        """
        check_new_password(new_password)
        chars = normalize_recovery_code(recovery_code)
        refuse_during_rekey(data_dir)
        keyfile = _load(data_dir)
        _wait_if_needed(data_dir, wait=wait, sleep=sleep)
        data_key = _unwrap(keyfile, _SLOT_RECOVERY, chars)
        if data_key is None:
            _record_failure(data_dir)
            raise WrongRecoveryCodeError("wrong_recovery_code")
        code = new_recovery_code()
        slots = dict(keyfile.slots)
        slots[_SLOT_PASSWORD] = _wrap(data_key, new_password, _SLOT_PASSWORD, keyfile.kdf)
        slots[_SLOT_PENDING] = _wrap(
            data_key, normalize_recovery_code(code), _SLOT_PENDING, keyfile.kdf
        )
        _save(data_dir, _KeyFile(kdf=keyfile.kdf, slots=slots))
        _reset_failures(data_dir)
        return code

    @staticmethod
    def new_recovery_code(data_dir: Path, password: str, *, wait: bool = True) -> str:
        """A new recovery code, pending until acknowledged; needs the password.

        For a lost slip of paper, and for a first start that was interrupted before
        the code could be shown. The old code keeps working until
        :meth:`acknowledge_recovery_code`; :meth:`withdraw_recovery_code` drops the
        new one.
        """
        keyfile = _load(data_dir)
        _wait_if_needed(data_dir, wait=wait, sleep=time.sleep)
        data_key = _unwrap(keyfile, _SLOT_PASSWORD, password)
        if data_key is None:
            _record_failure(data_dir)
            raise WrongPasswordError("wrong_password")
        code = new_recovery_code()
        slots = dict(keyfile.slots)
        slots[_SLOT_PENDING] = _wrap(
            data_key, normalize_recovery_code(code), _SLOT_PENDING, keyfile.kdf
        )
        _save(data_dir, _KeyFile(kdf=keyfile.kdf, slots=slots))
        _reset_failures(data_dir)
        return code

    @staticmethod
    def acknowledge_recovery_code(data_dir: Path, code: str) -> None:
        """The user has the new ``code`` (seen and written down): make it the recovery code.

        The pending slot replaces the recovery slot in one atomic write of both copies;
        from then on only ``code`` works. ``code`` must be the pending one (checked by
        unwrapping it); else ``KeyFileError("recovery_code_stale")`` and nothing changes.
        A code that already is the recovery code (nothing pending) changes nothing.
        """
        keyfile = _load(data_dir)
        chars = normalize_recovery_code(code)
        if _SLOT_PENDING not in keyfile.slots and _unwrap(keyfile, _SLOT_RECOVERY, chars):
            return  # already the recovery code (valid at once: a re-key's new key file)
        if _unwrap(keyfile, _SLOT_PENDING, chars) is None:
            raise KeyFileError("recovery_code_stale", path=str(_keys_path(data_dir)))
        slots = dict(keyfile.slots)
        slots[_SLOT_RECOVERY] = slots.pop(_SLOT_PENDING)
        _save(data_dir, _KeyFile(kdf=keyfile.kdf, slots=slots))

    @staticmethod
    def withdraw_recovery_code(data_dir: Path) -> None:
        """Drop a pending recovery code that was not shown or not acknowledged.

        The recovery code from before stays valid. An unfinished first start (no
        recovery code yet) keeps its pending slot: it is started over as a whole
        (``storage.unlock``), not left without any code.
        """
        keyfile = _load(data_dir)
        if _SLOT_PENDING not in keyfile.slots or _SLOT_RECOVERY not in keyfile.slots:
            return
        slots = dict(keyfile.slots)
        del slots[_SLOT_PENDING]
        _save(data_dir, _KeyFile(kdf=keyfile.kdf, slots=slots))

    @staticmethod
    def is_finished(data_dir: Path) -> bool:
        """Whether the key file has an acknowledged recovery code.

        False only for a first start killed (or refused) before its code was
        acknowledged. ``KeyFileError`` if the key file is missing or damaged.
        """
        return _SLOT_RECOVERY in _load(data_dir).slots

    @staticmethod
    def has_pending_recovery_code(data_dir: Path) -> bool:
        return _SLOT_PENDING in _load(data_dir).slots

    @staticmethod
    def seconds_to_wait(data_dir: Path, now: float | None = None) -> float:
        """How long until the next attempt is allowed (0 if it is allowed now)."""
        failures = _read_failures(data_dir)
        delay = failure_delay(failures.count)
        if delay <= 0:
            return 0.0
        elapsed = (time.time() if now is None else now) - failures.last
        # A clock set back must not stretch the wait beyond one delay.
        return max(0.0, min(delay, delay - elapsed))

    @staticmethod
    def failed_attempts(data_dir: Path) -> list[datetime]:
        """When the failed attempts since the last success happened (for the access log)."""
        out: list[datetime] = []
        for text in _read_failures(data_dir).times:
            with contextlib.suppress(ValueError):
                out.append(datetime.fromisoformat(text))
        return out


# ------------------------------------------------------------- data key change
# storage/rekey.py's journal: while it exists, the database and backups may be under the
# old or the new data key, so the key file is changed by nobody but that module.
REKEY_JOURNAL_FILENAME = "familymeeting-rekey.json"


def refuse_during_rekey(data_dir: Path) -> None:
    """``rekey_unfinished`` while a change of the data key waits to be finished."""
    if (Path(data_dir) / REKEY_JOURNAL_FILENAME).exists():
        raise UserError("rekey_unfinished", path=str(data_dir))


def new_key_file(data_dir: Path, password: str) -> tuple[bytes, bytes, str]:
    """A new random data key and a key file for it: ``(data key, key file, recovery code)``.

    The password slot is wrapped with ``password``, the recovery slot with a new code;
    the KDF cost is the current key file's. Nothing is written.
    """
    kdf = _load(data_dir).kdf
    data_key = secrets.token_bytes(DATA_KEY_BYTES)
    code = new_recovery_code()
    keyfile = _KeyFile(
        kdf=kdf,
        slots={
            _SLOT_PASSWORD: _wrap(data_key, password, _SLOT_PASSWORD, kdf),
            _SLOT_RECOVERY: _wrap(data_key, normalize_recovery_code(code), _SLOT_RECOVERY, kdf),
        },
    )
    return data_key, keyfile.to_bytes(), code


# ------------------------------------------------------------- failure sidecar
def _failures_path(data_dir: Path) -> Path:
    return Path(data_dir) / FAILURES_FILENAME


def _read_failures(data_dir: Path) -> _Failures:
    try:
        doc = json.loads(_failures_path(data_dir).read_bytes().decode("utf-8"))
        count = int(doc["count"])
        last = float(doc["last"])
        times = tuple(str(t) for t in doc.get("times", []))
    except FileNotFoundError:
        return _Failures()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        # The counter is a speed bump at the keyboard, not a lock: whoever can edit
        # this file can also copy keys.json and guess offline, which is what the
        # Argon2id cost is for. A damaged counter starts again.
        return _Failures()
    return _Failures(count=max(0, count), last=last, times=times)


def _write_failures(data_dir: Path, failures: _Failures) -> None:
    doc = {
        "format": FAILURES_FORMAT,
        "version": 1,
        "count": failures.count,
        "last": failures.last,
        "times": list(failures.times[-_KEPT_FAILURE_TIMES:]),
    }
    try:
        write_atomic(_failures_path(data_dir), json.dumps(doc).encode("utf-8"))
    except UserError as exc:
        raise UserError("unlock_counter_unwritable", path=str(data_dir)) from exc


def _record_failure(data_dir: Path) -> None:
    # Attempts are serialized by the data folder's one owner (storage/folder_lock.py:
    # the window and every command hold it before a password is tried), so this
    # read-then-write loses no count.
    old = _read_failures(data_dir)
    now = time.time()
    stamp = datetime.fromtimestamp(now, UTC).isoformat(timespec="seconds")
    failures = _Failures(count=old.count + 1, last=now, times=(*old.times, stamp))
    # _wait_if_needed has just written the counter, so this write fails only if the
    # disk filled in between; the answer is still "wrong password".
    with contextlib.suppress(UserError):
        _write_failures(data_dir, failures)


def _reset_failures(data_dir: Path) -> None:
    with contextlib.suppress(FileNotFoundError, OSError):
        _failures_path(data_dir).unlink()


def _wait_if_needed(data_dir: Path, *, wait: bool, sleep: Callable[[float], None]) -> None:
    """Wait out the delay, then prove the counter can be written before a password is
    tried: on a full disk or a read-only folder, guesses would never be counted."""
    seconds = KeyStore.seconds_to_wait(data_dir)
    if seconds > 0:
        if not wait:
            raise UnlockDelayedError("unlock_wait", seconds=math.ceil(seconds))
        sleep(seconds)
    _write_failures(data_dir, _read_failures(data_dir))


__all__ = [
    "DEFAULT_KDF",
    "FAILURES_FILENAME",
    "KEYS_COPY_FILENAME",
    "KEYS_FILENAME",
    "REKEY_JOURNAL_FILENAME",
    "KdfParams",
    "KeyFileError",
    "KeyStore",
    "UnlockDelayedError",
    "WrongPasswordError",
    "WrongRecoveryCodeError",
    "failure_delay",
    "format_recovery_code",
    "install_key_file",
    "key_file_bytes",
    "new_key_file",
    "normalize_recovery_code",
    "refuse_during_rekey",
    "unwrap_key_file",
]
