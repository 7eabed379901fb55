"""Plans given to the family, kept exactly as they were handed out.

Each distinct PDF is stored once in ``plan_document`` (keyed by its SHA-256), and every
time a plan is printed or saved a ``plan_handout`` row says when, how, in which language
and what the plan said (its content as JSON, for "Nyt siden sidst"). Reprinting the same
plan adds a handout, never a second copy of the PDF.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import func, literal_column
from sqlmodel import col, select

from familymeeting.domain.enums import HandoutHow
from familymeeting.domain.errors import NotFoundError
from familymeeting.storage.models import Meeting, PlanDocument, PlanHandout
from familymeeting.storage.records import HandoutEntry, PlanHandoutRecord
from familymeeting.storage.services.access import log_in
from familymeeting.storage.services.base import ServiceBase, choice, fetch, language


class HandoutServices(ServiceBase):
    def keep_handout(
        self, meeting_id: str, pdf: bytes, *, how: str, lang: str, content: str
    ) -> PlanHandoutRecord:
        """Keep one plan as handed out (joins the operation's transaction; logged)."""
        how = choice(HandoutHow, how, "how").value
        lang = language(lang)
        if not isinstance(pdf, bytes) or not pdf.startswith(b"%PDF"):
            raise ValueError("a plan handout must be the PDF's bytes")  # a bug, not the user's
        sha = hashlib.sha256(pdf).hexdigest()
        with self.db.session() as s:
            meeting = fetch(s, Meeting, meeting_id)
            if s.get(PlanDocument, sha) is None:
                s.add(PlanDocument(sha256=sha, pdf=pdf))
                s.flush()  # the document first: the handout's key refers to it
            handout = PlanHandout(
                family_id=meeting.family_id,
                meeting_id=meeting_id,
                sha256=sha,
                how=how,
                language=lang,
                content=content,
            )
            s.add(handout)
            log_in(
                s, "plan_handout", family_id=meeting.family_id, meeting_id=meeting_id, detail=how
            )
            s.flush()
            return PlanHandoutRecord.from_row(handout)

    def list_handouts(self, family_id: str) -> list[HandoutEntry]:
        """The family's handouts, newest first, numbered 1, 2, … from the first given."""
        with self.db.reading() as s:
            stmt = (
                select(PlanHandout, Meeting.starts_at, func.length(PlanDocument.pdf))
                .join(PlanDocument, col(PlanDocument.sha256) == col(PlanHandout.sha256))
                .outerjoin(Meeting, col(Meeting.id) == col(PlanHandout.meeting_id))
                .where(PlanHandout.family_id == family_id)
                # rowid breaks ties between handouts kept within the same millisecond.
                .order_by(col(PlanHandout.given_at), literal_column("plan_handout.rowid"))
            )
            rows = s.exec(stmt).all()
            entries = [
                HandoutEntry(
                    number=n,
                    handout=PlanHandoutRecord.from_row(handout),
                    meeting_at=starts_at,
                    size=int(size),
                )
                for n, (handout, starts_at, size) in enumerate(rows, start=1)
            ]
        entries.reverse()
        return entries

    def handout_by_number(self, family_id: str, number: int) -> HandoutEntry:
        """One of the family's handouts by its number; ``handout_not_found`` if none."""
        for entry in self.list_handouts(family_id):
            if entry.number == number:
                return entry
        raise NotFoundError("handout_not_found", number=number)

    def handout_pdf(self, handout_id: str) -> bytes:
        """The bytes of a kept plan, exactly as the family got them."""
        with self.db.reading() as s:
            handout = fetch(s, PlanHandout, handout_id)
            return bytes(fetch(s, PlanDocument, handout.sha256).pdf)

    def record_reprint(self, handout_id: str, *, via: str = "") -> None:
        """A kept plan was printed or written out again (logged once it was: a failed
        write or a cancelled print leaves no entry)."""
        with self.db.session() as s:
            handout = fetch(s, PlanHandout, handout_id)
            log_in(
                s,
                "plan_reprint",
                family_id=handout.family_id,
                meeting_id=handout.meeting_id,
                detail=via,
            )

    def handout_contents(self, family_id: str) -> list[str]:
        """The content (JSON) of each plan the family got, newest first."""
        with self.db.reading() as s:
            stmt = (
                select(PlanHandout.content)
                .where(PlanHandout.family_id == family_id)
                .order_by(
                    col(PlanHandout.given_at).desc(),
                    literal_column("plan_handout.rowid").desc(),
                )
            )
            return list(s.exec(stmt).all())
