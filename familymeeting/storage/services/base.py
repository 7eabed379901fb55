"""What every part of the services shares: the database, transactions, checks, records.

A write is ``with self.db.session()`` (one write transaction, joined when nested); a
read is ``with self.db.reading()`` (deferred: no write lock; one snapshot inside).
Public methods take and return plain values and records (``storage/records.py``),
never ORM rows; the rows stay inside the transaction that loaded them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from enum import Enum, StrEnum
from typing import Any, TypeVar

from sqlmodel import Session, SQLModel, col, select

from familymeeting.domain.enums import Column
from familymeeting.domain.errors import NotFoundError, ValidationError
from familymeeting.domain.languages import FamilyLanguage
from familymeeting.storage.database import Database
from familymeeting.storage.models import (
    Card,
    CardStance,
    Meeting,
    Participant,
    Question,
    QuestionAudience,
    utcnow,
)
from familymeeting.storage.records import CardRecord, QuestionRecord

T = TypeVar("T", bound=SQLModel)
E = TypeVar("E", bound=StrEnum)

COLUMN_ORDER = {c: i for i, c in enumerate(Column)}


class _Unset(Enum):
    """Marks "leave as it is" where None is a meaningful new value."""

    UNSET = 0


UNSET = _Unset.UNSET
Unset = _Unset


def fetch(session: Session, model: type[T], record_id: str) -> T:
    """The row with this id, in this transaction; ``NotFoundError`` if there is none."""
    obj = session.get(model, record_id)
    if obj is None:
        raise NotFoundError("not_found", what=model.__tablename__, id=str(record_id))
    return obj


def choice(enum: type[E], value: Any, field_name: str) -> E:
    try:
        return enum(value)
    except ValueError:
        raise ValidationError("invalid_choice", field=field_name, value=str(value)) from None


def minute(value: datetime) -> datetime:
    """Calendar times are wall-clock times to the minute, without time zone."""
    if not isinstance(value, datetime):
        raise ValidationError("invalid_datetime", value=repr(value))
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return value.replace(second=0, microsecond=0)


def opt_minute(value: datetime | None) -> datetime | None:
    return None if value is None else minute(value)


def opt_date(value: date | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError("invalid_date", value=repr(value))
    return value


def language(value: str) -> str:
    """A family's language: any plan language (domain/languages.py), not only the app's."""
    return choice(FamilyLanguage, value, "language").value


def touch(obj: Any) -> None:
    obj.updated_at = utcnow()


def check_participant_in_family(
    session: Session, participant_id: str | None, family_id: str
) -> None:
    if participant_id is None:
        return
    participant = session.get(Participant, participant_id)
    if participant is None or participant.family_id != family_id:
        raise ValidationError("participant_not_in_family", id=str(participant_id))


def meeting_family(session: Session, meeting_id: str) -> str:
    return fetch(session, Meeting, meeting_id).family_id


def column_cards(session: Session, meeting_id: str, column: str) -> list[Card]:
    stmt = (
        select(Card)
        .where(Card.meeting_id == meeting_id, Card.column == column)
        .order_by(col(Card.position), col(Card.created_at), col(Card.id))
    )
    return list(session.exec(stmt).all())


def card_records(session: Session, cards: Iterable[Card]) -> list[CardRecord]:
    """Records of these cards, with who agrees and disagrees, in the order given."""
    cards = list(cards)
    if not cards:
        return []
    agree: dict[str, set[str]] = {}
    disagree: dict[str, set[str]] = {}
    stances = session.exec(
        select(CardStance).where(col(CardStance.card_id).in_([c.id for c in cards]))
    ).all()
    for st in stances:
        (agree if st.agrees else disagree).setdefault(st.card_id, set()).add(st.participant_id)
    return [
        CardRecord.from_row(
            c,
            agree=frozenset(agree.get(c.id, ())),
            disagree=frozenset(disagree.get(c.id, ())),
        )
        for c in cards
    ]


def question_records(session: Session, questions: Iterable[Question]) -> list[QuestionRecord]:
    """Records of these questions, with their chosen people, in the order given."""
    questions = list(questions)
    chosen: dict[str, set[str]] = {}
    if questions:
        rows = session.exec(
            select(QuestionAudience).where(
                col(QuestionAudience.question_id).in_([q.id for q in questions])
            )
        ).all()
        for row in rows:
            chosen.setdefault(row.question_id, set()).add(row.participant_id)
    return [QuestionRecord.from_row(q, chosen=frozenset(chosen.get(q.id, ()))) for q in questions]


def chosen_of(session: Session, question_id: str) -> set[str]:
    return set(
        session.exec(
            select(QuestionAudience.participant_id).where(
                QuestionAudience.question_id == question_id
            )
        ).all()
    )


def set_chosen(session: Session, question_id: str, people: Iterable[str]) -> None:
    """The question's chosen people become exactly ``people``."""
    for row in session.exec(
        select(QuestionAudience).where(QuestionAudience.question_id == question_id)
    ).all():
        session.delete(row)
    session.flush()
    for pid in sorted(set(people)):
        session.add(QuestionAudience(question_id=question_id, participant_id=pid))


def renumber(rows: Iterable[Any]) -> None:
    """Positions 0, 1, 2, … in the order given (positions are contiguous per list)."""
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position


class ServiceBase:
    """The database, and transactions over it."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Make every service call inside the block one write transaction: all or nothing."""
        with self.db.session():
            yield

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Make every read inside the block one snapshot (no write lock)."""
        with self.db.reading():
            yield
