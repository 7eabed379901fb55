"""SQLModel tables.

Every record has a UUID primary key (text, stable across machines and case
files) and created/updated timestamps: aware UTC datetimes in Python, stored as
UTC. Calendar times a person enters (a meeting at 10:00 in the family's
kitchen) are wall-clock times, naive, stored as entered.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlmodel import Field, SQLModel

SCHEMA_VERSION = 7


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    # Millisecond precision keeps case files short and round trips exact.
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


class UTCTimestamp(TypeDecorator[datetime]):
    """A moment in time: aware UTC in Python, naive UTC text in SQLite."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]


class WallClock(TypeDecorator[datetime]):
    """A calendar time as a person entered it (10:00 at the family's home): naive."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            raise ValueError("wall-clock times are stored without a time zone")
        return value


def _created() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCTimestamp)


def _text_added_later() -> Any:
    # A text column added to an existing table: NOT NULL needs a default in SQLite's
    # ALTER TABLE, so a fresh database declares the same default.
    return Field(default="", sa_column_kwargs={"server_default": ""})


def _fk(target: str, *, on_delete: str, nullable: bool = False, index: bool = True) -> Column:  # type: ignore[type-arg]
    return Column(
        String,
        ForeignKey(target, ondelete=on_delete),
        nullable=nullable,
        index=index,
    )


class Family(SQLModel, table=True):
    __tablename__ = "family"

    id: str = Field(default_factory=new_id, primary_key=True)
    display_name: str
    notes: str = ""
    caseworker_name: str = ""
    caseworker_phone: str = ""
    language: str = "da"
    archived: bool = False
    created_at: datetime = _created()
    updated_at: datetime = _created()


class Participant(SQLModel, table=True):
    __tablename__ = "participant"

    id: str = Field(default_factory=new_id, primary_key=True)
    family_id: str = Field(sa_column=_fk("family.id", on_delete="CASCADE"))
    name: str
    role: str
    birth_year: int | None = None
    position: int = 0
    created_at: datetime = _created()
    updated_at: datetime = _created()
    # Added in place by v5_to_v6. A child's own language for its own papers ('' = the
    # family's); whether a child gets a plan of its own (None: by age, 10 or more).
    language: str = _text_added_later()
    own_plan: bool | None = None


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"

    id: str = Field(default_factory=new_id, primary_key=True)
    family_id: str = Field(sa_column=_fk("family.id", on_delete="CASCADE"))
    starts_at: datetime = Field(sa_type=WallClock)
    place: str = ""
    kind: str
    status: str
    next_meeting_at: datetime | None = Field(default=None, sa_type=WallClock)
    next_meeting_place: str = ""
    follows_id: str | None = Field(
        default=None, sa_column=_fk("meeting.id", on_delete="SET NULL", nullable=True)
    )
    created_at: datetime = _created()
    updated_at: datetime = _created()
    # The caseworker's record of the meeting (never on the family's plan). Last, with a
    # default: added in place by v4_to_v5. other_attendees: professionals who were
    # there without being participants (a teacher, a health visitor), one per line.
    assessment: str = _text_added_later()
    minutes: str = _text_added_later()
    other_attendees: str = _text_added_later()


class MeetingAttendee(SQLModel, table=True):
    __tablename__ = "meeting_attendee"

    meeting_id: str = Field(
        sa_column=Column(String, ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    )
    participant_id: str = Field(
        sa_column=Column(
            String, ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )


class Card(SQLModel, table=True):
    __tablename__ = "card"
    __table_args__ = (
        Index("ix_card_meeting_column_position", "meeting_id", "column", "position"),
        CheckConstraint(
            "\"column\" IN ('worries', 'working_well', 'needs_to_happen')", name="ck_card_column"
        ),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    meeting_id: str = Field(sa_column=_fk("meeting.id", on_delete="CASCADE", index=False))
    column: str
    kind: str = "plain"
    text: str
    whose_words_id: str | None = Field(
        default=None, sa_column=_fk("participant.id", on_delete="SET NULL", nullable=True)
    )
    position: int = 0
    created_at: datetime = _created()
    updated_at: datetime = _created()


class CardStance(SQLModel, table=True):
    """One participant agreeing or disagreeing with one card."""

    __tablename__ = "card_stance"

    card_id: str = Field(
        sa_column=Column(String, ForeignKey("card.id", ondelete="CASCADE"), primary_key=True)
    )
    participant_id: str = Field(
        sa_column=Column(
            String, ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )
    agrees: bool


class Question(SQLModel, table=True):
    __tablename__ = "question"

    id: str = Field(default_factory=new_id, primary_key=True)
    meeting_id: str = Field(sa_column=_fk("meeting.id", on_delete="CASCADE"))
    # The same question asked again in follow-up meetings shares a series id,
    # so answers can be followed across meetings even if the wording is edited.
    series_id: str = Field(default_factory=new_id, index=True)
    text: str
    low_anchor: str = ""
    high_anchor: str = ""
    position: int = 0
    created_at: datetime = _created()
    updated_at: datetime = _created()
    # Who answers it (domain.enums.Audience): children, adults, everyone, or the
    # people chosen in question_audience. Added in place by v5_to_v6.
    audience: str = Field(default="everyone", sa_column_kwargs={"server_default": "everyone"})
    # The default question's stable key (domain.defaults.QUESTION_KINDS), '' for one the
    # caseworker wrote; kept when the wording is edited, copied to a follow-up. For the
    # statistics file, which counts answers by kind, never by wording. Added by v6_to_v7.
    kind: str = _text_added_later()


class Rating(SQLModel, table=True):
    """One participant's answer to one question. value None = explicitly not answered."""

    __tablename__ = "rating"
    __table_args__ = (
        CheckConstraint("value IS NULL OR (value BETWEEN 1 AND 10)", name="ck_rating_value"),
        UniqueConstraint("question_id", "participant_id", name="uq_rating_question_participant"),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    question_id: str = Field(sa_column=_fk("question.id", on_delete="CASCADE"))
    participant_id: str = Field(sa_column=_fk("participant.id", on_delete="CASCADE"))
    value: int | None = None
    comment: str = ""
    created_at: datetime = _created()
    updated_at: datetime = _created()
    # Added in place by v5_to_v6: answered by a child alone in child mode, and whether
    # the child said the grown-ups may see it (only then on the shared screen and plan).
    answered_alone: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    shared: bool = Field(default=True, sa_column_kwargs={"server_default": "1"})


class Action(SQLModel, table=True):
    __tablename__ = "action"

    id: str = Field(default_factory=new_id, primary_key=True)
    meeting_id: str = Field(sa_column=_fk("meeting.id", on_delete="CASCADE"))
    what: str
    who_participant_id: str | None = Field(
        default=None, sa_column=_fk("participant.id", on_delete="SET NULL", nullable=True)
    )
    who_text: str = ""
    due_date: date | None = None
    due_text: str = ""
    done: bool = False
    position: int = 0
    created_at: datetime = _created()
    updated_at: datetime = _created()
    # The card of "what needs to happen" this line was made from ("make it part of the
    # plan"), so the board can show it and the plan lists it once. Last: added by v3_to_v4.
    card_id: str | None = Field(
        default=None, sa_column=_fk("card.id", on_delete="SET NULL", nullable=True)
    )


class QuestionAudience(SQLModel, table=True):
    """The people chosen to answer a question whose audience is "chosen"."""

    __tablename__ = "question_audience"

    question_id: str = Field(
        sa_column=Column(String, ForeignKey("question.id", ondelete="CASCADE"), primary_key=True)
    )
    participant_id: str = Field(
        sa_column=Column(
            String, ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )


class ChildFeedback(SQLModel, table=True):
    """A child's own feedback on a meeting (1-10, answered alone): never the family's.

    ``item`` is the key of one of the feedback questions (domain, not a question row).
    """

    __tablename__ = "child_feedback"
    __table_args__ = (
        CheckConstraint(
            "value IS NULL OR (value BETWEEN 1 AND 10)", name="ck_child_feedback_value"
        ),
        UniqueConstraint(
            "meeting_id", "participant_id", "item", name="uq_child_feedback_meeting_child_item"
        ),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    meeting_id: str = Field(sa_column=_fk("meeting.id", on_delete="CASCADE"))
    participant_id: str = Field(sa_column=_fk("participant.id", on_delete="CASCADE"))
    item: str
    value: int | None = None
    created_at: datetime = _created()
    updated_at: datetime = _created()


class HouseItem(SQLModel, table=True):
    """One item of a child's Three Houses at a meeting: a typed sentence or a house's
    drawing (strokes as JSON: colour, width, points). ``shared``: the child said the
    parents may see it; only shared items reach the board (``card_id``) or the parents.
    """

    __tablename__ = "house_item"
    __table_args__ = (
        CheckConstraint(
            "house IN ('worries', 'good_things', 'dreams')", name="ck_house_item_house"
        ),
        CheckConstraint("kind IN ('text', 'drawing')", name="ck_house_item_kind"),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    meeting_id: str = Field(sa_column=_fk("meeting.id", on_delete="CASCADE"))
    participant_id: str = Field(sa_column=_fk("participant.id", on_delete="CASCADE"))
    house: str
    kind: str
    text: str = ""
    strokes: str = ""
    shared: bool = False
    card_id: str | None = Field(
        default=None, sa_column=_fk("card.id", on_delete="SET NULL", nullable=True)
    )
    position: int = 0
    created_at: datetime = _created()
    updated_at: datetime = _created()


class CaseDate(SQLModel, table=True):
    """A key date of the case (the seeds' measure: concern to decision to help).

    ``participant_id`` None: the date applies to every child of the family that has
    no date of its own for that kind. One row per (family, child or none, kind); the
    services keep it so.
    """

    __tablename__ = "case_date"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('concern', 'screening', 'decision', 'help_started', 'closed')",
            name="ck_case_date_kind",
        ),
    )

    id: str = Field(default_factory=new_id, primary_key=True)
    family_id: str = Field(sa_column=_fk("family.id", on_delete="CASCADE"))
    participant_id: str | None = Field(
        default=None, sa_column=_fk("participant.id", on_delete="CASCADE", nullable=True)
    )
    kind: str
    on_date: date
    created_at: datetime = _created()
    updated_at: datetime = _created()


class PlanDocument(SQLModel, table=True):
    """A plan PDF exactly as a family got it, stored once by its SHA-256."""

    __tablename__ = "plan_document"

    sha256: str = Field(primary_key=True)
    pdf: bytes = Field(sa_type=LargeBinary)
    created_at: datetime = _created()


class PlanHandout(SQLModel, table=True):
    """One time a plan was handed to the family (printed or saved), and what it said.

    ``content`` is the plan's content as JSON (plain data, for "what is new since the
    last plan"); the PDF itself is in ``plan_document``, shared by identical handouts.
    """

    __tablename__ = "plan_handout"

    id: str = Field(default_factory=new_id, primary_key=True)
    family_id: str = Field(sa_column=_fk("family.id", on_delete="CASCADE"))
    meeting_id: str | None = Field(
        default=None, sa_column=_fk("meeting.id", on_delete="SET NULL", nullable=True)
    )
    sha256: str = Field(sa_column=_fk("plan_document.sha256", on_delete="RESTRICT"))
    given_at: datetime = Field(default_factory=utcnow, sa_type=UTCTimestamp)
    how: str
    language: str
    content: str = ""
    created_at: datetime = _created()


class AccessLog(SQLModel, table=True):
    """Who did what to which family, when: ids and event names only, never case text."""

    __tablename__ = "access_log"

    id: str = Field(default_factory=new_id, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCTimestamp, index=True)
    event: str
    family_id: str | None = Field(default=None, index=True)
    meeting_id: str | None = None
    detail: str = ""


class StatisticsKey(SQLModel, table=True):
    """This installation's statistics secrets (one row, made when first needed).

    ``installation_id``: random bytes made once per data folder; its keyed hash tells
    the team report that two files came from the same laptop. ``team_key``: the key a
    team leader handed out (None: not loaded). ``exports``: statistics files written so
    far (the next file's number). In the encrypted database, never in settings.ini;
    never in a case file.
    """

    __tablename__ = "statistics_key"
    __table_args__ = (CheckConstraint("id = 1", name="ck_statistics_key_single"),)

    id: int = Field(default=1, primary_key=True)
    installation_id: bytes = Field(sa_type=LargeBinary)
    team_key: bytes | None = Field(default=None, sa_type=LargeBinary)
    exports: int = 0
