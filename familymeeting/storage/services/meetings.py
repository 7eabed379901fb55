"""Meetings: their details, who attended, and follow-ups that carry the board forward."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import col, select

from familymeeting.domain import rules
from familymeeting.domain.defaults import default_questions
from familymeeting.domain.enums import MeetingKind, MeetingStatus
from familymeeting.storage.models import (
    Action,
    Card,
    CardStance,
    Family,
    Meeting,
    MeetingAttendee,
    Participant,
    Question,
    new_id,
    utcnow,
)
from familymeeting.storage.records import MeetingRecord
from familymeeting.storage.services.access import log_in
from familymeeting.storage.services.base import (
    UNSET,
    ServiceBase,
    Unset,
    check_participant_in_family,
    choice,
    chosen_of,
    fetch,
    meeting_family,
    minute,
    opt_minute,
    set_chosen,
    touch,
)


class MeetingServices(ServiceBase):
    # ---------------------------------------------------------------- meetings
    def create_meeting(
        self,
        family_id: str,
        starts_at: datetime,
        *,
        place: str = "",
        kind: str = MeetingKind.FIRST,
        status: str = MeetingStatus.PLANNED,
        attendee_ids: Iterable[str] = (),
        next_meeting_at: datetime | None = None,
        next_meeting_place: str = "",
        default_questions_: bool = True,
    ) -> MeetingRecord:
        meeting = Meeting(
            family_id=family_id,
            starts_at=minute(starts_at),
            place=rules.clean_text(place, "place", rules.PLACE_MAX),
            kind=choice(MeetingKind, kind, "kind").value,
            status=choice(MeetingStatus, status, "status").value,
            next_meeting_at=opt_minute(next_meeting_at),
            next_meeting_place=rules.clean_text(
                next_meeting_place, "next_meeting_place", rules.PLACE_MAX
            ),
        )
        attendees = list(dict.fromkeys(attendee_ids))
        with self.db.session() as s:
            family = fetch(s, Family, family_id)
            s.add(meeting)
            for pid in attendees:
                check_participant_in_family(s, pid, family_id)
                s.add(MeetingAttendee(meeting_id=meeting.id, participant_id=pid))
            if default_questions_:
                for position, template in enumerate(default_questions(family.language)):
                    s.add(
                        Question(
                            meeting_id=meeting.id,
                            text=template.text,
                            low_anchor=template.low_anchor,
                            high_anchor=template.high_anchor,
                            audience=template.audience,
                            kind=template.kind,
                            position=position,
                        )
                    )
            s.flush()
            return MeetingRecord.from_row(meeting)

    def update_meeting(
        self,
        meeting_id: str,
        *,
        starts_at: datetime | None = None,
        place: str | None = None,
        kind: str | None = None,
        status: str | None = None,
        next_meeting_at: datetime | Unset | None = UNSET,
        next_meeting_place: str | None = None,
    ) -> MeetingRecord:
        with self.db.session() as s:
            meeting = fetch(s, Meeting, meeting_id)
            if starts_at is not None:
                meeting.starts_at = minute(starts_at)
            if place is not None:
                meeting.place = rules.clean_text(place, "place", rules.PLACE_MAX)
            if kind is not None:
                meeting.kind = choice(MeetingKind, kind, "kind").value
            if status is not None:
                meeting.status = choice(MeetingStatus, status, "status").value
            if next_meeting_at is not UNSET:
                meeting.next_meeting_at = opt_minute(next_meeting_at)
            if next_meeting_place is not None:
                meeting.next_meeting_place = rules.clean_text(
                    next_meeting_place, "next_meeting_place", rules.PLACE_MAX
                )
            touch(meeting)
            return MeetingRecord.from_row(meeting)

    def update_meeting_record(
        self,
        meeting_id: str,
        *,
        assessment: str | None = None,
        minutes: str | None = None,
        other_attendees: str | None = None,
    ) -> MeetingRecord:
        """The caseworker's part of the record; logged (ids only) in the same transaction."""
        values: dict[str, str] = {}
        if assessment is not None:
            values["assessment"] = rules.clean_text(
                assessment, "assessment", rules.ASSESSMENT_MAX, multiline=True
            )
        if minutes is not None:
            values["minutes"] = rules.clean_text(
                minutes, "minutes", rules.MINUTES_MAX, multiline=True
            )
        if other_attendees is not None:
            values["other_attendees"] = rules.clean_name_lines(
                other_attendees, "other_attendees", rules.OTHER_ATTENDEES_MAX
            )
        with self.db.session() as s:
            meeting = fetch(s, Meeting, meeting_id)
            if any(getattr(meeting, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(meeting, key, value)
                touch(meeting)
                log_in(s, "edit_record", family_id=meeting.family_id, meeting_id=meeting.id)
            return MeetingRecord.from_row(meeting)

    def delete_meeting(self, meeting_id: str) -> None:
        with self.db.session() as s:
            s.delete(fetch(s, Meeting, meeting_id))

    def get_meeting(self, meeting_id: str) -> MeetingRecord:
        with self.db.reading() as s:
            return MeetingRecord.from_row(fetch(s, Meeting, meeting_id))

    def list_meetings(self, family_id: str) -> list[MeetingRecord]:
        """A family's meetings, newest first."""
        with self.db.reading() as s:
            stmt = (
                select(Meeting)
                .where(Meeting.family_id == family_id)
                .order_by(col(Meeting.starts_at).desc(), col(Meeting.id))
            )
            return [MeetingRecord.from_row(m) for m in s.exec(stmt).all()]

    def set_attendance(self, meeting_id: str, participant_id: str, present: bool) -> None:
        with self.db.session() as s:
            family_id = meeting_family(s, meeting_id)
            check_participant_in_family(s, participant_id, family_id)
            link = s.get(MeetingAttendee, (meeting_id, participant_id))
            if present and link is None:
                s.add(MeetingAttendee(meeting_id=meeting_id, participant_id=participant_id))
            elif not present and link is not None:
                s.delete(link)

    def list_attendee_ids(self, meeting_id: str) -> list[str]:
        """Attendees in the family's participant order."""
        with self.db.reading() as s:
            stmt = (
                select(MeetingAttendee.participant_id)
                .join(Participant, col(Participant.id) == col(MeetingAttendee.participant_id))
                .where(MeetingAttendee.meeting_id == meeting_id)
                .order_by(col(Participant.position), col(Participant.id))
            )
            return list(s.exec(stmt).all())

    def start_follow_up(
        self,
        previous_id: str,
        starts_at: datetime | None = None,
        *,
        place: str | None = None,
        kind: str = MeetingKind.FOLLOW_UP,
    ) -> MeetingRecord:
        """A new meeting that carries the previous board forward.

        Copies cards (with whose words and who agrees/disagrees), the rating
        questions (same series, no answers: everyone answers afresh), open
        actions and the attendees. Date and place default to the "next
        meeting" agreed last time.
        """
        with self.db.session() as s:
            prev = fetch(s, Meeting, previous_id)
            when = starts_at or prev.next_meeting_at or utcnow()
            meeting = Meeting(
                family_id=prev.family_id,
                starts_at=minute(when),
                place=rules.clean_text(
                    place if place is not None else (prev.next_meeting_place or prev.place),
                    "place",
                    rules.PLACE_MAX,
                ),
                kind=choice(MeetingKind, kind, "kind").value,
                status=MeetingStatus.PLANNED.value,
                follows_id=prev.id,
            )
            s.add(meeting)
            for pid in s.exec(
                select(MeetingAttendee.participant_id).where(MeetingAttendee.meeting_id == prev.id)
            ).all():
                s.add(MeetingAttendee(meeting_id=meeting.id, participant_id=pid))
            cards = s.exec(select(Card).where(Card.meeting_id == prev.id)).all()
            stances = s.exec(
                select(CardStance).where(col(CardStance.card_id).in_([c.id for c in cards]))
            ).all()
            new_card_ids = {c.id: new_id() for c in cards}
            for c in cards:
                s.add(
                    Card(
                        id=new_card_ids[c.id],
                        meeting_id=meeting.id,
                        column=c.column,
                        kind=c.kind,
                        text=c.text,
                        whose_words_id=c.whose_words_id,
                        position=c.position,
                    )
                )
            s.flush()
            for st in stances:
                s.add(
                    CardStance(
                        card_id=new_card_ids[st.card_id],
                        participant_id=st.participant_id,
                        agrees=st.agrees,
                    )
                )
            for q in s.exec(select(Question).where(Question.meeting_id == prev.id)).all():
                follow = Question(
                    meeting_id=meeting.id,
                    series_id=q.series_id,
                    text=q.text,
                    low_anchor=q.low_anchor,
                    high_anchor=q.high_anchor,
                    audience=q.audience,
                    kind=q.kind,
                    position=q.position,
                )
                s.add(follow)
                s.flush()
                # Who answers carries forward, the chosen people too.
                set_chosen(s, follow.id, chosen_of(s, q.id))
            open_actions = s.exec(
                select(Action)
                .where(Action.meeting_id == prev.id, col(Action.done).is_(False))
                .order_by(col(Action.position))
            ).all()
            for position, a in enumerate(open_actions):
                s.add(
                    Action(
                        meeting_id=meeting.id,
                        what=a.what,
                        who_participant_id=a.who_participant_id,
                        who_text=a.who_text,
                        due_date=a.due_date,
                        due_text=a.due_text,
                        position=position,
                        card_id=new_card_ids.get(a.card_id) if a.card_id else None,
                    )
                )
            s.flush()
            return MeetingRecord.from_row(meeting)
