"""Scaling questions of a meeting and everyone's answers (1-10, or not answered)."""

from __future__ import annotations

from dataclasses import asdict

from sqlmodel import col, delete, func, select

from familymeeting.domain import rules
from familymeeting.storage.models import Meeting, Participant, Question, Rating
from familymeeting.storage.records import QuestionRecord, QuestionSnapshot, RatingRecord
from familymeeting.storage.services.base import (
    ServiceBase,
    check_participant_in_family,
    fetch,
    meeting_family,
    touch,
)


class RatingServices(ServiceBase):
    # --------------------------------------------------------------- questions
    def add_question(
        self,
        meeting_id: str,
        text: str,
        *,
        low_anchor: str = "",
        high_anchor: str = "",
        for_children: bool = False,
    ) -> QuestionRecord:
        question = Question(
            meeting_id=meeting_id,
            text=rules.clean_text(text, "text", rules.QUESTION_TEXT_MAX, required=True),
            low_anchor=rules.clean_text(low_anchor, "low_anchor", rules.ANCHOR_MAX),
            high_anchor=rules.clean_text(high_anchor, "high_anchor", rules.ANCHOR_MAX),
            for_children=bool(for_children),
        )
        with self.db.session() as s:
            fetch(s, Meeting, meeting_id)
            count = s.exec(
                select(func.count()).select_from(Question).where(Question.meeting_id == meeting_id)
            ).one()
            question.position = int(count)
            s.add(question)
            return QuestionRecord.from_row(question)

    def update_question(
        self,
        question_id: str,
        *,
        text: str | None = None,
        low_anchor: str | None = None,
        high_anchor: str | None = None,
        for_children: bool | None = None,
    ) -> QuestionRecord:
        with self.db.session() as s:
            q = fetch(s, Question, question_id)
            if text is not None:
                q.text = rules.clean_text(text, "text", rules.QUESTION_TEXT_MAX, required=True)
            if low_anchor is not None:
                q.low_anchor = rules.clean_text(low_anchor, "low_anchor", rules.ANCHOR_MAX)
            if high_anchor is not None:
                q.high_anchor = rules.clean_text(high_anchor, "high_anchor", rules.ANCHOR_MAX)
            if for_children is not None:
                q.for_children = bool(for_children)
            touch(q)
            return QuestionRecord.from_row(q)

    def delete_question(self, question_id: str) -> QuestionSnapshot:
        """Delete a question and its answers; the snapshot can restore both."""
        with self.db.session() as s:
            q = fetch(s, Question, question_id)
            ratings = s.exec(select(Rating).where(Rating.question_id == question_id)).all()
            snapshot = QuestionSnapshot(
                question=QuestionRecord.from_row(q),
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
            for rating in snapshot.ratings:
                if s.get(Participant, rating.participant_id) is not None:
                    s.add(Rating(**asdict(rating)))
            return QuestionRecord.from_row(question)

    def list_questions(self, meeting_id: str) -> list[QuestionRecord]:
        with self.db.reading() as s:
            stmt = (
                select(Question)
                .where(Question.meeting_id == meeting_id)
                .order_by(col(Question.position), col(Question.id))
            )
            return [QuestionRecord.from_row(x) for x in s.exec(stmt).all()]

    # ----------------------------------------------------------------- ratings
    def set_rating(
        self,
        question_id: str,
        participant_id: str,
        value: int | None,
        *,
        comment: str | None = None,
    ) -> RatingRecord:
        """Store an answer 1-10, or None for an explicit "not answered"."""
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
