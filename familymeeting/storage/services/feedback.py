"""A child's own feedback on a meeting (``child_feedback``): never the family's ratings.

One row per meeting, child and item (``domain.feedback.FeedbackItem``); value 1-10, or
None for "did not want to answer". Read per meeting (the record) and per family across
meetings (the caseworker's "Children's feedback" view), always as plain records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from familymeeting.domain import rules
from familymeeting.domain.enums import Role
from familymeeting.domain.errors import ValidationError
from familymeeting.domain.feedback import FEEDBACK_ITEMS, is_feedback_item
from familymeeting.storage.models import ChildFeedback, Meeting, Participant, utcnow
from familymeeting.storage.records import ChildFeedbackRecord
from familymeeting.storage.services.base import ServiceBase, fetch


@dataclass(frozen=True)
class FeedbackMeeting:
    """One meeting in a child's feedback over time: its date and the child's values per
    item (only items the child reached: a missing key was never asked)."""

    meeting_id: str
    starts_at: datetime
    values: dict[str, int | None]


@dataclass(frozen=True)
class ChildFeedbackHistory:
    """A child's feedback across the family's meetings, oldest meeting first."""

    participant_id: str
    name: str
    meetings: tuple[FeedbackMeeting, ...]


def _item_order(item: str) -> int:
    return FEEDBACK_ITEMS.index(item) if is_feedback_item(item) else len(FEEDBACK_ITEMS)


class FeedbackServices(ServiceBase):
    def set_child_feedback(
        self, meeting_id: str, participant_id: str, item: str, value: int | None
    ) -> ChildFeedbackRecord:
        """Store one answer (1-10, or None: not answered). Only a child of the meeting's
        family gives it; the item must be one of the set."""
        if not is_feedback_item(item):
            raise ValidationError("feedback_item_unknown", item=item)
        checked = rules.validate_rating(value)
        with self.db.session() as s:
            meeting = fetch(s, Meeting, meeting_id)
            child = s.get(Participant, participant_id)
            if child is None or child.family_id != meeting.family_id:
                raise ValidationError("participant_not_in_family", id=participant_id)
            if child.role != Role.CHILD:
                raise ValidationError("feedback_not_a_child", name=child.name)
            row = s.exec(
                select(ChildFeedback).where(
                    ChildFeedback.meeting_id == meeting_id,
                    ChildFeedback.participant_id == participant_id,
                    ChildFeedback.item == item,
                )
            ).first()
            if row is None:
                row = ChildFeedback(meeting_id=meeting_id, participant_id=participant_id, item=item)
                s.add(row)
            elif row.value != checked:
                row.updated_at = utcnow()
            row.value = checked
            s.flush()
            return ChildFeedbackRecord.from_row(row)

    def clear_child_feedback(self, meeting_id: str, participant_id: str, item: str) -> None:
        """Remove an answer altogether (never asked): the undo of a first answer."""
        with self.db.session() as s:
            row = s.exec(
                select(ChildFeedback).where(
                    ChildFeedback.meeting_id == meeting_id,
                    ChildFeedback.participant_id == participant_id,
                    ChildFeedback.item == item,
                )
            ).first()
            if row is not None:
                s.delete(row)

    def list_child_feedback(
        self, meeting_id: str, participant_id: str | None = None
    ) -> list[ChildFeedbackRecord]:
        """A meeting's feedback (one child's, if given), in the set's order."""
        with self.db.reading() as s:
            stmt = select(ChildFeedback).where(ChildFeedback.meeting_id == meeting_id)
            if participant_id is not None:
                stmt = stmt.where(ChildFeedback.participant_id == participant_id)
            rows = [ChildFeedbackRecord.from_row(r) for r in s.exec(stmt).all()]
        return sorted(rows, key=lambda r: (r.participant_id, _item_order(r.item)))

    def child_feedback_history(self, family_id: str) -> list[ChildFeedbackHistory]:
        """Each child's feedback over the family's meetings (children who gave none are
        left out), in the family's order of people; one snapshot, two queries."""
        with self.db.reading() as s:
            children = s.exec(
                select(Participant)
                .where(Participant.family_id == family_id, Participant.role == Role.CHILD)
                .order_by(col(Participant.position), col(Participant.id))
            ).all()
            rows = s.exec(
                select(ChildFeedback, Meeting)
                .join(Meeting, col(Meeting.id) == col(ChildFeedback.meeting_id))
                .where(Meeting.family_id == family_id)
                .order_by(col(Meeting.starts_at), col(Meeting.id))
            ).all()
            per_child: dict[str, dict[str, tuple[datetime, dict[str, int | None]]]] = {}
            for fb, meeting in rows:
                meetings = per_child.setdefault(fb.participant_id, {})
                _, values = meetings.setdefault(meeting.id, (meeting.starts_at, {}))
                values[fb.item] = fb.value
            history: list[ChildFeedbackHistory] = []
            for child in children:
                given = per_child.get(child.id)
                if not given:
                    continue
                history.append(
                    ChildFeedbackHistory(
                        participant_id=child.id,
                        name=child.name,
                        meetings=tuple(
                            FeedbackMeeting(mid, when, values)
                            for mid, (when, values) in given.items()
                        ),
                    )
                )
            return history
