"""Scaling questions of a meeting and everyone's answers (1-10, or not answered)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime

from sqlmodel import Session, col, delete, func, select

from familymeeting.domain import rules
from familymeeting.domain.audience import check_audience
from familymeeting.domain.enums import Audience
from familymeeting.storage.models import Meeting, Participant, Question, Rating
from familymeeting.storage.records import QuestionRecord, QuestionSnapshot, RatingRecord
from familymeeting.storage.services.base import (
    ServiceBase,
    check_participant_in_family,
    fetch,
    meeting_family,
    question_records,
    set_chosen,
    touch,
)


def _family_ids(s: Session, family_id: str) -> list[str]:
    return list(s.exec(select(Participant.id).where(Participant.family_id == family_id)).all())


class RatingServices(ServiceBase):
    # --------------------------------------------------------------- questions
    def add_question(
        self,
        meeting_id: str,
        text: str,
        *,
        low_anchor: str = "",
        high_anchor: str = "",
        audience: str = Audience.EVERYONE,
        chosen: Iterable[str] = (),
        series_id: str | None = None,
    ) -> QuestionRecord:
        question = Question(
            meeting_id=meeting_id,
            text=rules.clean_text(text, "text", rules.QUESTION_TEXT_MAX, required=True),
            low_anchor=rules.clean_text(low_anchor, "low_anchor", rules.ANCHOR_MAX),
            high_anchor=rules.clean_text(high_anchor, "high_anchor", rules.ANCHOR_MAX),
        )
        if series_id is not None:
            question.series_id = series_id
        with self.db.session() as s:
            meeting = fetch(s, Meeting, meeting_id)
            checked, people = check_audience(audience, chosen, _family_ids(s, meeting.family_id))
            question.audience = checked.value
            count = s.exec(
                select(func.count()).select_from(Question).where(Question.meeting_id == meeting_id)
            ).one()
            question.position = int(count)
            s.add(question)
            s.flush()
            set_chosen(s, question.id, people)
            s.flush()
            return question_records(s, [question])[0]

    def update_question(
        self,
        question_id: str,
        *,
        text: str | None = None,
        low_anchor: str | None = None,
        high_anchor: str | None = None,
        audience: str | None = None,
        chosen: Iterable[str] | None = None,
    ) -> QuestionRecord:
        with self.db.session() as s:
            q = fetch(s, Question, question_id)
            if text is not None:
                q.text = rules.clean_text(text, "text", rules.QUESTION_TEXT_MAX, required=True)
            if low_anchor is not None:
                q.low_anchor = rules.clean_text(low_anchor, "low_anchor", rules.ANCHOR_MAX)
            if high_anchor is not None:
                q.high_anchor = rules.clean_text(high_anchor, "high_anchor", rules.ANCHOR_MAX)
            if audience is not None or chosen is not None:
                checked, people = check_audience(
                    q.audience if audience is None else audience,
                    () if chosen is None else chosen,
                    _family_ids(s, meeting_family(s, q.meeting_id)),
                )
                q.audience = checked.value
                set_chosen(s, q.id, people)
            touch(q)
            s.flush()
            return question_records(s, [q])[0]

    def delete_question(self, question_id: str) -> QuestionSnapshot:
        """Delete a question and its answers; the snapshot can restore both."""
        with self.db.session() as s:
            q = fetch(s, Question, question_id)
            ratings = s.exec(select(Rating).where(Rating.question_id == question_id)).all()
            snapshot = QuestionSnapshot(
                question=question_records(s, [q])[0],
                ratings=tuple(RatingRecord.from_row(r) for r in ratings),
            )
            meeting_id = q.meeting_id
            s.delete(q)
            s.flush()
            rest = s.exec(
                select(Question)
                .where(Question.meeting_id == meeting_id)
                .order_by(col(Question.position))
            ).all()
            for position, other in enumerate(rest):
                other.position = position
        return snapshot

    def restore_question(self, snapshot: QuestionSnapshot) -> QuestionRecord:
        """Bring a deleted question back at its place, with the answers of people still here."""
        with self.db.session() as s:
            data = asdict(snapshot.question)
            chosen = data.pop("chosen")
            fetch(s, Meeting, data["meeting_id"])
            question = Question(**data)
            rest = list(
                s.exec(
                    select(Question)
                    .where(Question.meeting_id == question.meeting_id)
                    .order_by(col(Question.position))
                ).all()
            )
            rest.insert(max(0, min(question.position, len(rest))), question)
            s.add(question)
            for position, other in enumerate(rest):
                other.position = position
            s.flush()
            set_chosen(s, question.id, [p for p in chosen if s.get(Participant, p) is not None])
            for rating in snapshot.ratings:
                if s.get(Participant, rating.participant_id) is not None:
                    s.add(Rating(**asdict(rating)))
            s.flush()
            return question_records(s, [question])[0]

    def list_questions(self, meeting_id: str) -> list[QuestionRecord]:
        with self.db.reading() as s:
            stmt = (
                select(Question)
                .where(Question.meeting_id == meeting_id)
                .order_by(col(Question.position), col(Question.id))
            )
            return question_records(s, s.exec(stmt).all())

    # ----------------------------------------------------------------- ratings
    def set_rating(
        self,
        question_id: str,
        participant_id: str,
        value: int | None,
        *,
        comment: str | None = None,
        answered_alone: bool | None = None,
        shared: bool | None = None,
    ) -> RatingRecord:
        """Store an answer 1-10, or None for an explicit "not answered".

        ``answered_alone``: given by a child alone in child mode; ``shared``: the child
        said the grown-ups may see it (None: leave as stored).
        """
        checked = rules.validate_rating(value)
        clean_comment = (
            None
            if comment is None
            else rules.clean_text(comment, "comment", rules.COMMENT_MAX, multiline=True)
        )
        with self.db.session() as s:
            q = fetch(s, Question, question_id)
            check_participant_in_family(s, participant_id, meeting_family(s, q.meeting_id))
            rating = s.exec(
                select(Rating).where(
                    Rating.question_id == question_id, Rating.participant_id == participant_id
                )
            ).first()
            if rating is None:
                rating = Rating(question_id=question_id, participant_id=participant_id)
                s.add(rating)
            rating.value = checked
            if clean_comment is not None:
                rating.comment = clean_comment
            if answered_alone is not None:
                rating.answered_alone = bool(answered_alone)
            if shared is not None:
                rating.shared = bool(shared)
            touch(rating)
            s.flush()
            return RatingRecord.from_row(rating)

    def get_rating(self, question_id: str, participant_id: str) -> RatingRecord | None:
        """The stored answer, or None when the question was never put to this person."""
        with self.db.reading() as s:
            found = s.exec(
                select(Rating).where(
                    Rating.question_id == question_id, Rating.participant_id == participant_id
                )
            ).first()
            return None if found is None else RatingRecord.from_row(found)

    def clear_rating(self, question_id: str, participant_id: str) -> None:
        """Forget an answer entirely (the question was never put to this person)."""
        with self.db.session() as s:
            s.exec(
                delete(Rating).where(
                    col(Rating.question_id) == question_id,
                    col(Rating.participant_id) == participant_id,
                )
            )

    def list_ratings(self, meeting_id: str) -> list[RatingRecord]:
        with self.db.reading() as s:
            stmt = (
                select(Rating)
                .join(Question, col(Question.id) == col(Rating.question_id))
                .where(Question.meeting_id == meeting_id)
                .order_by(col(Question.position), col(Rating.participant_id))
            )
            return [RatingRecord.from_row(r) for r in s.exec(stmt).all()]

    def last_answers(
        self, meeting_id: str, *, private_of: str | None = None
    ) -> dict[tuple[str, str], int]:
        """(question id of this meeting, participant id) -> the number that person gave
        in the same question series at the latest earlier meeting that has one.

        An answer a child gave alone and did not share is left out (these marks are on
        the shared screen), except the child ``private_of``'s own (its own screen).
        """
        with self.db.reading() as s:
            meeting = fetch(s, Meeting, meeting_id)
            here = {
                q.series_id: q.id
                for q in s.exec(select(Question).where(Question.meeting_id == meeting_id)).all()
            }
            if not here:
                return {}
            rows = s.exec(
                select(Rating, Question.series_id, Meeting.starts_at, Meeting.id)
                .join(Question, col(Question.id) == col(Rating.question_id))
                .join(Meeting, col(Meeting.id) == col(Question.meeting_id))
                .where(
                    Meeting.family_id == meeting.family_id,
                    col(Meeting.id) != meeting_id,
                    col(Question.series_id).in_(list(here)),
                    col(Rating.value).is_not(None),
                )
            ).all()
        latest: dict[tuple[str, str], tuple[tuple[datetime, str], int]] = {}
        now = (meeting.starts_at, meeting.id)
        for rating, series_id, starts_at, mid in rows:
            when = (starts_at, mid)
            pid, value = rating.participant_id, rating.value
            if when >= now or value is None:
                continue
            if rating.answered_alone and not rating.shared and pid != private_of:
                continue
            key = (here[series_id], pid)
            if key not in latest or when > latest[key][0]:
                latest[key] = (when, value)
        return {key: value for key, (_, value) in latest.items()}
