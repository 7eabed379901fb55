"""The access log: who did what to which family and when; ids and event names only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import literal_column
from sqlmodel import Session, col, select

from familymeeting.domain import rules
from familymeeting.domain.enums import LogEvent
from familymeeting.domain.errors import UserError
from familymeeting.storage.models import AccessLog, Family, Meeting, utcnow
from familymeeting.storage.records import AccessLogRecord, FamilyRecord, MeetingRecord
from familymeeting.storage.services.base import ServiceBase, choice, fetch

if TYPE_CHECKING:
    from familymeeting.storage.backup import BackupInfo, DataCheck


def log_in(
    session: Session,
    event: str,
    *,
    family_id: str | None = None,
    meeting_id: str | None = None,
    detail: str = "",
) -> None:
    """Add an access-log entry to the transaction under way (operations call this)."""
    session.add(
        AccessLog(
            event=choice(LogEvent, event, "event").value,
            family_id=family_id,
            meeting_id=meeting_id,
            detail=rules.clean_text(detail, "detail", 200),
        )
    )


class AccessServices(ServiceBase):
    def log_event(
        self,
        event: str,
        *,
        family_id: str | None = None,
        meeting_id: str | None = None,
        detail: str = "",
    ) -> None:
        """Record who-did-what for the access log: event names and ids, never case text."""
        with self.db.session() as s:
            log_in(s, event, family_id=family_id, meeting_id=meeting_id, detail=detail)

    def record_unlock(self, failed: Sequence[datetime], detail: str) -> None:
        """Log an unlock and the wrong passwords before it (the log is inside the
        encrypted database, so failures are written once the right password opened it).
        A full disk must not keep anyone out, so a refused write is ignored here."""
        try:
            with self.db.session() as s:
                for when in failed:
                    log_in(s, "unlock_failed", detail=when.isoformat(timespec="seconds"))
                log_in(s, "unlock", detail=detail)
        except UserError:
            pass

    # Reads that are also events: what a person looked at or took away is logged in the
    # same transaction that reads it, so no caller can forget (or fake) the entry.
    def open_family(self, family_id: str) -> FamilyRecord:
        """A family opened in the app (logged)."""
        with self.db.session() as s:
            family = fetch(s, Family, family_id)
            log_in(s, "open_family", family_id=family_id)
            return FamilyRecord.from_row(family)

    def open_meeting(self, meeting_id: str) -> MeetingRecord:
        """A meeting's board opened in the app (logged)."""
        with self.db.session() as s:
            meeting = fetch(s, Meeting, meeting_id)
            log_in(s, "open_meeting", family_id=meeting.family_id, meeting_id=meeting_id)
            return MeetingRecord.from_row(meeting)

    def record_meeting_event(self, event: str, meeting_id: str, detail: str = "") -> None:
        """A plan saved, printed or exported for a meeting (logged with its family)."""
        with self.db.session() as s:
            meeting = fetch(s, Meeting, meeting_id)
            log_in(s, event, family_id=meeting.family_id, meeting_id=meeting_id, detail=detail)

    def export_backup(self, dest: Path, *, via: str = "") -> BackupInfo:
        """A backup written to a file the person chose (logged once it is written)."""
        from familymeeting.storage.backup import export_backup

        info = export_backup(self.db, dest)
        self.log_event("export_backup", detail=via)
        return info

    def check_data(self) -> DataCheck:
        """A full check of this database and the backups beside it (read-only; slow: it
        reads every page, so the window runs it off the GUI thread)."""
        from familymeeting.storage.backup import check_data

        return check_data(self.db.path.parent, self.db.key)

    def note_restored(self, *, via: str = "") -> None:
        """A backup was brought back into this database (logged in the restored data)."""
        self.log_event("restore_backup", detail=via)

    def access_log(
        self, family_id: str | None = None, limit: int | None = None
    ) -> list[AccessLogRecord]:
        """Newest first; one family's entries, or all."""
        with self.db.reading() as s:
            # rowid breaks ties between entries made within the same millisecond.
            stmt = select(AccessLog).order_by(
                col(AccessLog.at).desc(), literal_column("access_log.rowid").desc()
            )
            if family_id is not None:
                stmt = stmt.where(AccessLog.family_id == family_id)
            if limit is not None:
                stmt = stmt.limit(limit)
            return [AccessLogRecord.from_row(e) for e in s.exec(stmt).all()]

    def prune_access_log(self, keep_days: int) -> int:
        """Remove entries older than the retention period; returns how many went."""
        cutoff = utcnow() - timedelta(days=keep_days)
        with self.db.session() as s:
            old = s.exec(select(AccessLog).where(col(AccessLog.at) < cutoff)).all()
            for entry in old:
                s.delete(entry)
            return len(old)
