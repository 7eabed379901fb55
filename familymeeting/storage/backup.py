"""Backups, damage checks and restore. No Qt.

Backups are made with SQLite's online backup API from a connection of their own
(never a file copy of a live database), encrypted with the same data key as the
database, checked, flushed and renamed into ``backups/`` in the data dir::

    backups/familymeeting-20261125T143000Z-auto.db
    backups/familymeeting-20261125T143000Z-auto.db.keys

Each backup carries the key file as it was when the backup was made (issue 17): a
sidecar ``<backup>.keys`` (the key file's bytes, which hold only wrapped keys and
salts), written before the backup is renamed into place. ``backup -o FILE`` makes one
file to carry: a small header, the key file, then the SQLCipher file
(:data:`PORTABLE_MAGIC`). Either way a backup alone, with the password or recovery
code of its time, opens anywhere (:func:`restore_backup` installs its key file).
Backups from before have neither and are read with the data dir's key file.

Other code reads a backup only with :func:`open_backup` and writes one only with
:func:`write_backup`.

Which are kept (:func:`backups_to_keep`): the newest ten, plus the newest of each
of the last seven days. Ten cover a working day at one every 30 minutes; the
daily ones reach back past a weekend to a state from before a mistake someone
noticed late.

A database that fails its check is never opened for writing: :func:`move_aside`
moves it (and its WAL) into ``damaged/``, where it is kept, and the newest backup
that passes its own check is offered (:func:`newest_good_backup`,
:func:`restore_backup`). See docs/reliability.md.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from familymeeting.domain.errors import DatabaseError, DiskFullError, UserError
from familymeeting.messages import os_error_reason
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.database import (
    SIDE_FILES,
    Database,
    check_file,
    connect_file,
    fsync_dir,
    fsync_file,
    is_disk_full,
    looks_damaged,
    problem_reason,
    remove_with_side_files,
    sqlite_reason,
    unseal,
)
from familymeeting.storage.keys import KEYS_FILENAME, KeyFileError, KeyStore, key_file_bytes
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.wal import find_wal_damage

BACKUP_DIRNAME = "backups"
DAMAGED_DIRNAME = "damaged"
KEEP_NEWEST = 10
KEEP_DAYS = 7
BACKUP_EVERY_MINUTES = 30  # while the app is open, if something changed

KEYS_SUFFIX = ".keys"  # the key file beside a backup in backups/
# backup -o FILE: this line, the key file's length (4 bytes, big-endian), the key file,
# then the SQLCipher database. A SQLCipher file starts with a random salt and a plain
# SQLite file with "SQLite format 3", so neither is mistaken for it.
PORTABLE_MAGIC = b"familymeeting-backup 1\n"
_MAX_KEYS_BYTES = 1 << 16

_NAME = re.compile(r"^familymeeting-(\d{8}T\d{6})(\d{6})?Z-([a-z-]+)\.db$")
_STAMP = "%Y%m%dT%H%M%S"


class BackupKind(StrEnum):
    AUTO = "auto"  # on close, on lock, every 30 minutes
    MANUAL = "manual"  # "Make a backup now", `familymeeting backup`
    BEFORE_RESTORE = "before-restore"  # the state a restore replaced
    AFTER_DELETE = "after-delete"  # the first backup after a family was deleted for good


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # aware, UTC
    size: int
    kind: BackupKind


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    saved_current: BackupInfo | None  # the replaced, healthy database, kept as a backup
    moved_to: Path | None  # the replaced, damaged database, kept in damaged/


# ------------------------------------------------------------------ listing
def backup_dir(data_dir: Path) -> Path:
    return Path(data_dir) / BACKUP_DIRNAME


def damaged_dir(data_dir: Path) -> Path:
    return Path(data_dir) / DAMAGED_DIRNAME


def parse_backup_name(path: Path) -> tuple[datetime, BackupKind] | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        created = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
        kind = BackupKind(match.group(3))
    except ValueError:
        return None
    if match.group(2):
        created = created.replace(microsecond=int(match.group(2)))
    return created, kind


def backup_name(created: datetime, kind: BackupKind) -> str:
    utc = created.astimezone(UTC)
    return f"familymeeting-{utc.strftime(_STAMP)}{utc.microsecond:06d}Z-{kind.value}.db"


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """The backups in ``backups/``, newest first (other files there are ignored)."""
    folder = backup_dir(data_dir)
    found: list[BackupInfo] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_backup_name(path)
        if parsed is None or not path.is_file():
            continue
        with contextlib.suppress(OSError):
            found.append(BackupInfo(path, parsed[0], path.stat().st_size, parsed[1]))
    return sorted(found, key=lambda b: b.created, reverse=True)


def has_history(data_dir: Path) -> bool:
    """Whether this data dir ever had a database: backups, or a damaged file kept."""
    if list_backups(data_dir):
        return True
    folder = damaged_dir(data_dir)
    return folder.is_dir() and any(folder.iterdir())


def backups_to_keep(
    backups: Sequence[BackupInfo],
    now: datetime,
    *,
    newest: int = KEEP_NEWEST,
    days: int = KEEP_DAYS,
) -> set[Path]:
    """The newest ``newest`` backups, plus the newest of each of the last ``days`` local days."""
    ordered = sorted(backups, key=lambda b: b.created, reverse=True)
    keep = {b.path for b in ordered[:newest]}
    today = now.astimezone().date()
    first_day = today - timedelta(days=days - 1)
    seen: set[date] = set()
    for b in ordered:
        day = b.created.astimezone().date()
        if first_day <= day <= today and day not in seen:
            seen.add(day)
            keep.add(b.path)
    return keep


def rotate(data_dir: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups :func:`backups_to_keep` does not keep; returns what went."""
    backups = list_backups(data_dir)
    keep = backups_to_keep(backups, now or datetime.now(UTC))
    removed: list[Path] = []
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                remove_backup(b.path)
                removed.append(b.path)
    # A sidecar whose backup never arrived (a kill between the two renames).
    with contextlib.suppress(OSError):
        for sidecar in backup_dir(data_dir).glob("*.db" + KEYS_SUFFIX):
            if not sidecar.with_name(sidecar.name[: -len(KEYS_SUFFIX)]).exists():
                sidecar.unlink()
    return removed


def keys_sidecar(backup: Path) -> Path:
    """Where the key file of a backup in ``backups/`` is kept."""
    return Path(backup).with_name(Path(backup).name + KEYS_SUFFIX)


def remove_backup(path: Path) -> None:
    """Delete a backup and its key file (``FileNotFoundError`` if the backup is gone)."""
    path.unlink()
    with contextlib.suppress(FileNotFoundError):
        keys_sidecar(path).unlink()


# ------------------------------------------------------------------ checking
@dataclass(frozen=True)
class DataCheck:
    """A full check of the data dir: the database and every backup.

    ``problems``: SQLite's words about the database's pages (never row contents); empty
    when it is sound, None when there is no database file. ``damaged``: the backups that
    fail their own full check (they are never offered to bring back). ``encrypted``:
    the check proved each page's encryption too.
    """

    problems: tuple[str, ...] | None
    backups: tuple[BackupInfo, ...]
    damaged: tuple[BackupInfo, ...]
    encrypted: bool

    @property
    def database_damaged(self) -> bool:
        return bool(self.problems)


def check_data(data_dir: Path, key: bytes | None) -> DataCheck:
    """Check every page of the database in ``data_dir`` and of each backup (read-only).

    The window (Settings and backups: Check) and ``familymeeting check`` both run this.
    """
    path = data_dir / DB_FILENAME
    problems = tuple(check_file(path, key, full=True)) if path.exists() else None
    wal = find_wal_damage(path.with_name(path.name + "-wal"))
    if problems is not None and wal is not None:
        # The pages check out only because SQLite stops at the bad frame (storage/wal.py).
        problems = (
            *problems,
            f"WAL frame {wal.bad_frame} fails its checksum; "
            f"{wal.lost_commits} committed frame(s) after it would be lost",
        )
    backups = tuple(list_backups(data_dir))
    damaged = tuple(b for b in backups if check_file(b.path, key, full=True))
    return DataCheck(problems, backups, damaged, encrypted=key is not None)


def newest_good_backup(data_dir: Path, key: bytes | None) -> BackupInfo | None:
    """The newest backup that passes its own full check, or None."""
    for b in list_backups(data_dir):
        if not check_file(b.path, key, full=True):
            return b
    return None


# ------------------------------------------------------------------ making
def _key_material(db: Database) -> bytes | None:
    """The key file that opens ``db`` (the data dir's, or a backup's in open_backup)."""
    if db.key is None or not KeyStore.exists(db.path.parent):
        return None
    try:
        return key_file_bytes(db.path.parent)
    except KeyFileError:
        # Both copies damaged: the backup is still made (it may be what saves the
        # data); it is then read with a key file from elsewhere.
        return None


def write_backup(db: Database, dest: Path, *, portable: bool = False) -> int:
    """Copy the open database to ``dest`` with the online backup API; returns its size.

    The copy is written beside ``dest`` under a temp name, checked, flushed and
    renamed, so ``dest`` is either the old file or a complete, checked backup. The
    key file that opens it goes with it: as the sidecar ``<dest>.keys``, written
    (atomically) before the rename, or, with ``portable``, inside the one file.
    """
    dest = Path(dest)
    folder = dest.parent if str(dest.parent) else Path(".")
    tmp = folder / f".{dest.name}.{uuid.uuid4().hex[:8]}.tmp"
    packed = folder / f".{dest.name}.{uuid.uuid4().hex[:8]}.pack.tmp"
    try:
        keys = _key_material(db)
        folder.mkdir(parents=True, exist_ok=True)
        src = connect_file(db.path, db.key)
        try:
            dst = connect_file(tmp, db.key)
            try:
                src.backup(dst)
                # One self-contained file: no WAL to go with it.
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        problems = check_file(tmp, db.key, full=False)
        if problems:
            # The copy holds what the database's pages hold: do not vouch for it at
            # the next open (Database.close seals only an unsuspected file).
            db.suspect = True
            raise DatabaseError("backup_failed", path=str(dest), reason=problem_reason(problems[0]))
        if portable and keys is not None:
            _pack(tmp, keys, packed)
            tmp.unlink()
            os.replace(packed, dest)
        else:
            fsync_file(tmp)
            sidecar = keys_sidecar(dest)
            if keys is not None:
                write_atomic(sidecar, keys)
            elif not portable:
                with contextlib.suppress(FileNotFoundError):
                    sidecar.unlink()
            os.replace(tmp, dest)
        fsync_dir(folder)
        return dest.stat().st_size
    except UserError:
        remove_with_side_files(tmp)
        remove_with_side_files(packed)
        raise
    except OSError as exc:
        remove_with_side_files(tmp)
        remove_with_side_files(packed)
        if exc.errno == 28:  # ENOSPC
            raise DiskFullError("disk_full_backup") from exc
        raise DatabaseError("backup_failed", path=str(dest), reason=os_error_reason(exc)) from exc
    except Exception as exc:  # sqlite3 / sqlcipher errors
        remove_with_side_files(tmp)
        remove_with_side_files(packed)
        if is_disk_full(exc):
            raise DiskFullError("disk_full_backup") from exc
        if looks_damaged(exc):
            db.suspect = True
        raise DatabaseError("backup_failed", path=str(dest), reason=sqlite_reason(exc)) from exc


def _pack(database: Path, keys: bytes, out: Path) -> None:
    with open(out, "wb") as fout:
        fout.write(PORTABLE_MAGIC)
        fout.write(len(keys).to_bytes(4, "big"))
        fout.write(keys)
        with open(database, "rb") as fin:
            shutil.copyfileobj(fin, fout, 1 << 20)
        fout.flush()
        os.fsync(fout.fileno())


def _portable_header(path: Path) -> tuple[bytes, int] | None:
    """``(key file, offset of the database)`` of a ``backup -o`` file; None for others.

    ``backup_damaged`` if it starts like one but its header is cut short.
    """
    with open(path, "rb") as fh:
        if fh.read(len(PORTABLE_MAGIC)) != PORTABLE_MAGIC:
            return None
        size = int.from_bytes(fh.read(4), "big")
        keys = fh.read(size) if 0 < size <= _MAX_KEYS_BYTES else b""
    if len(keys) != size or not keys:
        raise DatabaseError("backup_damaged", path=str(path), reason="header")
    return keys, len(PORTABLE_MAGIC) + 4 + size


def backup_keys(path: Path) -> bytes | None:
    """The key file a backup carries (as it was when the backup was made), or None.

    None for a backup made before backups carried one: it opens with the key file of
    the data dir it came from.
    """
    path = Path(path)
    try:
        header = _portable_header(path)
        if header is not None:
            return header[0]
        return keys_sidecar(path).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DatabaseError("backup_damaged", path=str(path), reason=os_error_reason(exc)) from exc


def _copy_database(backup: Path, dst: Path) -> None:
    """The backup's SQLCipher file (without a ``backup -o`` header) to ``dst``, flushed."""
    header = _portable_header(backup)
    with open(backup, "rb") as fin, open(dst, "wb") as fout:
        fin.seek(header[1] if header else 0)
        shutil.copyfileobj(fin, fout, 1 << 20)
        fout.flush()
        os.fsync(fout.fileno())


def backup_opens_with(path: Path, key: bytes) -> bool:
    """Whether ``key`` decrypts the backup (its first page's HMAC holds); read-only.

    A ``backup -o`` file's database is first copied out whole (ciphertext) to a temp
    file: SQLite does not read a database at an offset, nor a cut-short one.
    """
    import tempfile

    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="familymeeting-") as folder:
        probe = path
        if _portable_header(path) is not None:
            probe = Path(folder) / "probe.db"
            _copy_database(path, probe)
        try:
            con = connect_file(probe, key, read_only=True)
            try:
                con.execute("PRAGMA user_version").fetchone()
            finally:
                con.close()
        except Exception:  # SQLCipher's error: the key does not decrypt it
            return False
    return True


@contextlib.contextmanager
def open_backup(path: Path, key: bytes | None) -> Iterator[Database]:
    """A backup's database, opened from a working copy beside it; removed at the end.

    The working folder holds the backup's own key file (or, for a backup from before
    backups carried one, the data dir's), so :func:`write_backup` from the yielded
    database writes a backup with the key material of the original. To rewrite a
    backup in place: ``with open_backup(p, key) as db: ...; write_backup(db, p)``.
    """
    path = Path(path)
    work = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.open"
    keys = backup_keys(path)
    if keys is None and key is not None:
        data_dir = path.parent.parent if path.parent.name == BACKUP_DIRNAME else path.parent
        if KeyStore.exists(data_dir):
            keys = key_file_bytes(data_dir)
    try:
        work.mkdir()
        _copy_database(path, work / DB_FILENAME)
        if keys is not None:
            write_atomic(work / KEYS_FILENAME, keys)
        db = Database.open(work, key)
        try:
            yield db
        finally:
            db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def reencrypt_backup(path: Path, old_key: bytes, new_key: bytes, keys: bytes) -> None:
    """Write the backup at ``path`` again, encrypted with ``new_key`` and carrying the key
    file ``keys`` (a change of the data key, storage/rekey.py); a ``backup -o`` file stays
    one file. The backup's pages are checked under ``old_key`` first (``backup_damaged``
    if they fail, nothing changed); the rewrite goes through :func:`write_backup`, so the
    backup is always the old one or the whole new one.
    """
    from familymeeting.storage.database import export_encrypted

    path = Path(path)
    portable = _portable_header(path) is not None
    work = path.parent / f".{path.name}.{uuid.uuid4().hex[:8]}.open"
    try:
        work.mkdir()
        old = work / "old.db"
        _copy_database(path, old)
        problems = check_file(old, old_key, full=True)
        if problems:
            raise DatabaseError(
                "backup_damaged", path=str(path), reason=problem_reason(problems[0])
            )
        export_encrypted(old, old_key, work / DB_FILENAME, new_key)
        remove_with_side_files(old)
        write_atomic(work / KEYS_FILENAME, keys)
        db = Database.open(work, new_key)
        try:
            write_backup(db, path, portable=portable)
        finally:
            db.close()
    except OSError as exc:
        if exc.errno == 28:  # ENOSPC
            raise DiskFullError("disk_full_backup") from exc
        raise DatabaseError("backup_failed", path=str(path), reason=os_error_reason(exc)) from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)


def replace_carried_keys(data_dir: Path, old: bytes, new: bytes) -> None:
    """Every backup in ``backups/`` carrying the key file ``old`` carries ``new`` instead
    (the same data key, another recovery code)."""
    for b in list_backups(data_dir):
        sidecar = keys_sidecar(b.path)
        with contextlib.suppress(FileNotFoundError):
            if sidecar.read_bytes() == old:
                write_atomic(sidecar, new)


def make_backup(
    db: Database, kind: BackupKind = BackupKind.AUTO, now: datetime | None = None
) -> BackupInfo:
    """A new backup in ``backups/`` beside the database, then the old ones rotated."""
    data_dir = db.path.parent
    created = (now or datetime.now(UTC)).astimezone(UTC)
    dest = backup_dir(data_dir) / backup_name(created, kind)
    size = write_backup(db, dest)
    rotate(data_dir, created)
    return BackupInfo(dest, created, size, kind)


def database_signature(db_path: Path) -> tuple[tuple[int, int], ...]:
    """Changes whenever a transaction is committed: the size and time of the file and its WAL."""
    out: list[tuple[int, int]] = []
    for p in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            st = p.stat()
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((0, 0))
    return tuple(out)


class BackupSchedule:
    """Remembers what the last backup saw, so a backup is only made when something changed.

    Before the first backup of a session, "changed" means: the database or its WAL
    was written after the newest backup in ``backups/`` was made.
    """

    def __init__(self) -> None:
        self._seen: tuple[tuple[int, int], ...] | None = None

    def changed(self, db: Database) -> bool:
        signature = database_signature(db.path)
        if self._seen is not None:
            return signature != self._seen
        backups = list_backups(db.path.parent)
        if not backups:
            return True
        try:
            made = backups[0].path.stat().st_mtime_ns
        except OSError:
            return True
        return max(mtime for mtime, _size in signature) > made

    def backup_if_changed(
        self, db: Database, kind: BackupKind = BackupKind.AUTO
    ) -> BackupInfo | None:
        signature = database_signature(db.path)
        if not self.changed(db):
            return None
        info = make_backup(db, kind)
        self._seen = signature
        return info

    def backup_now(self, db: Database, kind: BackupKind = BackupKind.MANUAL) -> BackupInfo:
        signature = database_signature(db.path)
        info = make_backup(db, kind)
        self._seen = signature
        return info


def purge_backups(data_dir: Path) -> int:
    """Delete every backup (after a family was deleted for good); returns how many."""
    removed = 0
    for b in list_backups(data_dir):
        with contextlib.suppress(FileNotFoundError):
            remove_backup(b.path)
            removed += 1
    return removed


# ------------------------------------------------------------------ damage and restore
def move_aside(data_dir: Path, now: datetime | None = None) -> Path | None:
    """Move the database and its side files into ``damaged/`` (kept, never deleted).

    Returns the new path of the database file (None if there was none). The move
    is a rename on the same disk: no byte of the file is changed.
    """
    data_dir = Path(data_dir)
    path = data_dir / DB_FILENAME
    names = [n for n in (DB_FILENAME, *(DB_FILENAME + s for s in SIDE_FILES))]
    present = [n for n in names if (data_dir / n).exists()]
    if not present:
        return None
    unseal(path)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    folder = damaged_dir(data_dir)
    try:
        folder.mkdir(exist_ok=True)
        base = f"familymeeting-{stamp}Z"
        n = 1
        while (folder / f"{base}.db").exists():
            n += 1
            base = f"familymeeting-{stamp}Z-{n}"
        for name in present:
            suffix = name[len(DB_FILENAME) :]
            os.replace(data_dir / name, folder / f"{base}.db{suffix}")
        fsync_dir(folder)
        fsync_dir(data_dir)
    except OSError as exc:
        raise DatabaseError(
            "move_aside_failed", path=str(path), reason=os_error_reason(exc)
        ) from exc
    return folder / f"{base}.db" if DB_FILENAME in present else None


def restore_backup(
    data_dir: Path,
    key: bytes | None,
    backup: Path,
    *,
    keys: bytes | None = None,
    current_key: bytes | None = None,
) -> RestoreResult:
    """Put ``backup`` in place of the database, keeping what it replaces.

    The backup's database is copied beside the database and must pass its full check
    with ``key`` (else ``backup_damaged``, nothing changed). A current database that
    opens with ``current_key`` (default: ``key``) is first saved as a
    ``before-restore`` backup; one that does not is moved into ``damaged/``. With
    ``keys`` (the backup's key file, when the data dir's does not open it), that key
    file is installed just before the database is renamed into place.
    """
    data_dir = Path(data_dir)
    backup = Path(backup)
    current_key = key if current_key is None else current_key
    if not backup.is_file():
        raise UserError("file_not_found", path=str(backup))
    path = data_dir / DB_FILENAME
    saved: BackupInfo | None = None
    moved: Path | None = None
    tmp = data_dir / (DB_FILENAME + ".restoring")
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        remove_with_side_files(tmp)
        _copy_database(backup, tmp)
        problems = check_file(tmp, key, full=True)
        if problems:
            raise DatabaseError(
                "backup_damaged", path=str(backup), reason=problem_reason(problems[0])
            )
    except OSError as exc:
        remove_with_side_files(tmp)
        if exc.errno == 28:
            raise DiskFullError("disk_full_backup") from exc
        raise DatabaseError("backup_failed", path=str(tmp), reason=os_error_reason(exc)) from exc
    except UserError:
        remove_with_side_files(tmp)
        raise
    try:
        if path.exists() and not check_file(path, current_key, full=False):
            db = Database.open(data_dir, current_key)
            try:
                saved = make_backup(db, BackupKind.BEFORE_RESTORE)
            finally:
                db.close()
            # Saved and checked: the old file and its WAL go, so the WAL can never be
            # replayed onto the restored file.
            remove_with_side_files(path)
        else:
            moved = move_aside(data_dir)
        if keys is not None:
            from familymeeting.storage.keys import install_key_file

            # Before the database: a kill in between leaves the key file that opens
            # the backup, and the same restore run again finishes the job.
            install_key_file(data_dir, keys)
        os.replace(tmp, path)
        fsync_dir(data_dir)
    except BaseException:
        remove_with_side_files(tmp)
        raise
    return RestoreResult(restored_from=backup, saved_current=saved, moved_to=moved)


def export_backup(db: Database, dest: Path) -> BackupInfo:
    """``familymeeting backup -o FILE``: one file, key file inside, at a place the user chose."""
    size = write_backup(db, Path(dest), portable=True)
    return BackupInfo(Path(dest), datetime.now(UTC), size, BackupKind.MANUAL)


__all__ = [
    "BACKUP_DIRNAME",
    "BACKUP_EVERY_MINUTES",
    "DAMAGED_DIRNAME",
    "KEYS_SUFFIX",
    "PORTABLE_MAGIC",
    "BackupInfo",
    "BackupKind",
    "BackupSchedule",
    "RestoreResult",
    "backup_dir",
    "backup_keys",
    "backup_opens_with",
    "backups_to_keep",
    "check_file",
    "damaged_dir",
    "export_backup",
    "has_history",
    "keys_sidecar",
    "list_backups",
    "make_backup",
    "move_aside",
    "newest_good_backup",
    "open_backup",
    "purge_backups",
    "reencrypt_backup",
    "remove_backup",
    "replace_carried_keys",
    "restore_backup",
    "rotate",
    "write_backup",
]
