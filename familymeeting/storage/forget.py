"""Deleting a family for good, journaled, from the database and from every backup.

The steps (each can be cut short by a kill or a power cut):

1. the journal ``familymeeting-forget.json`` names the family's id (ids only, never
   names) before anything is deleted;
2. the family's rows are deleted (``secure_delete``) with the access-log entry, in one
   transaction; so are the plans it was given, and every kept plan PDF no family
   refers to any more;
3. the WAL is checkpointed and truncated and the file rebuilt (``VACUUM``); a checkpoint
   a reader keeps busy is an error, never a success;
4. every backup that holds the family is rewritten without it (the other families'
   restore points stay, under the same names and dates);
5. stray copies are removed: temp files of a killed backup, ``familymeeting.db.restoring``
   of a killed restore, and this module's work folder; a fresh backup is made;
6. the journal is removed.

Every open of the data dir (:func:`finish_interrupted`, called by storage/unlock.py)
removes the stray copies and, if a journal was left behind, does steps 2-6 again before
anything else sees the data. ``damaged/`` copies are kept by promise (they are never
deleted without asking); :class:`ForgetResult` names them so the caller can offer to.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete
from sqlmodel import col, select

from familymeeting.domain.errors import DatabaseError, NotFoundError, UserError
from familymeeting.messages import os_error_reason
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.database import Database, remove_with_side_files
from familymeeting.storage.faults import fault_point
from familymeeting.storage.models import AccessLog, Family, PlanDocument, PlanHandout
from familymeeting.storage.paths import DB_FILENAME

JOURNAL_FILENAME = "familymeeting-forget.json"
JOURNAL_FORMAT = "familymeeting-forget"
WORK_DIRNAME = ".familymeeting-forget"  # copies of backups while they are rewritten
RESTORING_NAME = DB_FILENAME + ".restoring"  # storage/backup.py restore_backup's temp copy

# (done, total): backups looked at so far, of how many. Called from the worker thread.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ForgetResult:
    backups_rewritten: int  # backups that held the family and were written again without it
    backups_kept: int  # backups in backups/ afterwards (the others' restore points stay)
    damaged_copies: tuple[Path, ...]  # files in damaged/ that may still hold the family


# ------------------------------------------------------------------ journal
def journal_path(data_dir: Path) -> Path:
    return Path(data_dir) / JOURNAL_FILENAME


def pending_family_ids(data_dir: Path) -> list[str]:
    """The families a deletion was started for and not finished (empty: none)."""
    path = journal_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError) as exc:
        # A journal we cannot read must not be skipped silently: a family may be in backups.
        raise DatabaseError("forget_journal_unreadable", path=str(path)) from exc
    ids = data.get("families") if isinstance(data, dict) else None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise DatabaseError("forget_journal_unreadable", path=str(path))
    return list(dict.fromkeys(ids))


def _write_journal(data_dir: Path, ids: Iterable[str]) -> None:
    body = {"format": JOURNAL_FORMAT, "version": 1, "families": sorted(set(ids))}
    write_atomic(journal_path(data_dir), (json.dumps(body) + "\n").encode("utf-8"))


# ------------------------------------------------------------------ the steps
def forget_family(db: Database, family_id: str, progress: Progress | None = None) -> ForgetResult:
    """Delete ``family_id`` for good: from the database and from every backup.

    Raises NotFoundError (nothing changed) for an unknown family. If a later step fails
    (a busy checkpoint, a full disk), the journal stays and the next open finishes it.
    """
    data_dir = db.path.parent
    with db.reading() as s:
        if s.get(Family, family_id) is None:  # refused before anything is written
            raise NotFoundError("not_found", what=Family.__tablename__, id=family_id)
    _write_journal(data_dir, [*pending_family_ids(data_dir), family_id])
    fault_point("delete.after_journal")
    _delete_rows(db, family_id, log=True)
    fault_point("delete.after_commit")
    return _finish(db, progress)


def finish_interrupted(db: Database, progress: Progress | None = None) -> ForgetResult | None:
    """On open: remove stray copies, and finish a deletion a kill interrupted.

    Returns None when no deletion was pending.
    """
    data_dir = db.path.parent
    remove_stray_copies(data_dir)
    if not pending_family_ids(data_dir):
        return None
    return _finish(db, progress)


def _finish(db: Database, progress: Progress | None) -> ForgetResult:
    from familymeeting.storage.backup import BackupKind, list_backups, make_backup

    data_dir = db.path.parent
    ids = pending_family_ids(data_dir)
    for family_id in ids:
        _delete_rows(db, family_id, log=False)  # again, if the kill came before the commit
    compact(db)
    fault_point("delete.after_vacuum")
    rewritten = rewrite_backups_without(data_dir, db.key, ids, progress)
    remove_stray_copies(data_dir)
    # The restore points were rewritten; this one holds what was done since the last.
    make_backup(db, BackupKind.AFTER_DELETE)
    fault_point("delete.before_journal_removed")
    journal_path(data_dir).unlink(missing_ok=True)
    return ForgetResult(
        backups_rewritten=rewritten,
        backups_kept=len(list_backups(data_dir)),
        damaged_copies=tuple(damaged_copies(data_dir)),
    )


def _delete_rows(db: Database, family_id: str, *, log: bool) -> bool:
    """Delete the family's rows, overwriting them as they go; False if it was not there."""
    with db.session() as s:
        s.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        family = s.get(Family, family_id)
        if family is None:
            return False
        s.delete(family)  # participants, meetings, cards, handouts... cascade in SQLite
        s.flush()
        # The plans it was given: each PDF is stored once for every family that got it,
        # so a document goes with the last handout that refers to it.
        s.execute(
            delete(PlanDocument).where(col(PlanDocument.sha256).not_in(select(PlanHandout.sha256)))
        )
        if log:
            s.add(AccessLog(event="delete_family", family_id=family_id))
    return True


def compact(db: Database) -> None:
    """Checkpoint the WAL into the file, rebuild the file, and empty the WAL.

    A checkpoint that a reader keeps from finishing leaves old pages in the WAL:
    ``checkpoint_busy``, never a silent success.
    """
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA secure_delete = ON")
        _checkpoint(cursor, db.path)
        cursor.execute("VACUUM")
        _checkpoint(cursor, db.path)
        cursor.close()
    finally:
        raw.close()


def _checkpoint(cursor: Any, path: Path) -> None:
    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    busy, _log, _done = cursor.fetchone()
    if busy:
        raise DatabaseError("checkpoint_busy", path=str(path))


# ------------------------------------------------------------------ backups
def rewrite_backups_without(
    data_dir: Path, key: bytes | None, family_ids: list[str], progress: Progress | None = None
) -> int:
    """Write every backup in ``backups/`` that holds one of ``family_ids`` again, without it.

    Each is copied into a work folder, opened, the family deleted and the copy rebuilt,
    then written back over the backup with ``write_backup`` (temp file, check, rename),
    so a backup is always either the old one or the complete new one. Returns how many
    were rewritten.
    """
    from familymeeting.storage.backup import list_backups, open_backup, write_backup

    backups = list_backups(data_dir)
    rewritten = 0
    for done, backup in enumerate(backups):
        if progress is not None:
            progress(done, len(backups))
        held: list[str] = []
        try:
            # open_backup keeps the backup's own key file, so the rewritten backup still
            # opens anywhere with the password or recovery code of its time.
            with open_backup(backup.path, key) as copy:
                held = [i for i in family_ids if _delete_rows(copy, i, log=False)]
                if held:
                    compact(copy)
                    write_backup(copy, backup.path)
        except OSError as exc:
            raise DatabaseError(
                "forget_backup_failed", path=str(backup.path), reason=os_error_reason(exc)
            ) from exc
        if held:
            rewritten += 1
            fault_point("delete.after_backup_rewritten")
    if progress is not None:
        progress(len(backups), len(backups))
    return rewritten


# ------------------------------------------------------------------ strays and damaged/
def remove_stray_copies(data_dir: Path) -> list[str]:
    """Remove copies a killed backup, restore or deletion left; returns their names.

    ``backups/.familymeeting-….tmp`` (write_backup's temp copy), ``familymeeting.db.restoring``
    (restore_backup's) and this module's work folder all hold the whole database.
    """
    from familymeeting.storage.backup import backup_dir

    data_dir = Path(data_dir)
    removed: list[str] = []
    folder = backup_dir(data_dir)
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            if not entry.name.startswith(".familymeeting-"):
                continue
            if entry.name.endswith(".open") and entry.is_dir():  # open_backup's work copy
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(f"{folder.name}/{entry.name}")
            elif ".tmp" in entry.name:
                with contextlib.suppress(OSError):
                    entry.unlink()
                    removed.append(f"{folder.name}/{entry.name}")
    restoring = data_dir / RESTORING_NAME
    if any(restoring.with_name(restoring.name + s).exists() for s in ("", "-wal", "-journal")):
        remove_with_side_files(restoring)
        removed.append(RESTORING_NAME)
    work = data_dir / WORK_DIRNAME
    if work.exists():
        shutil.rmtree(work, ignore_errors=True)
        removed.append(WORK_DIRNAME)
    return removed


def damaged_copies(data_dir: Path) -> list[Path]:
    """The files in ``damaged/``: databases moved aside as damaged, which cannot be
    searched reliably and so may still hold a family deleted since."""
    from familymeeting.storage.backup import damaged_dir

    folder = damaged_dir(data_dir)
    try:
        return sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return []


def delete_damaged_copies(data_dir: Path, copies: Iterable[Path]) -> int:
    """Delete the named ``damaged/`` copies (the user agreed); returns how many went."""
    from familymeeting.storage.backup import damaged_dir

    folder = damaged_dir(data_dir).resolve()
    removed = 0
    for path in copies:
        if path.resolve().parent != folder:
            continue  # only ever files inside damaged/
        try:
            path.unlink()
            removed += 1
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise UserError(
                "output_unwritable", path=str(path), reason=os_error_reason(exc)
            ) from exc
    return removed
