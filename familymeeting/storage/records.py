"""Plain data handed up from storage: frozen dataclasses, never ORM rows.

The services and the operations return these; the window, the command line and the
exports read them. Field names are the tables' (``storage/models.py``), so a record
reads like the row it came from, but it is a value: it cannot be changed, lazily
loaded or written back behind the services' backs, and it carries no SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar

R = TypeVar("R", bound="Record")


@dataclass(frozen=True, slots=True)
class Record:
    """Base: ``from_row`` copies a table row's columns into the record."""

    table: ClassVar[str] = ""

    @classmethod
    def from_row(cls: type[R], row: Any, **extra: Any) -> R:
        values = {
            f.name: getattr(row, f.name)
            for f in fields(cls)
            if f.name not in extra and (f.default is MISSING or hasattr(row, f.name))
        }
        return cls(**values, **extra)


@dataclass(frozen=True, slots=True)
class FamilyRecord(Record):
    table: ClassVar[str] = "family"

    id: str
    display_name: str
    notes: str
    caseworker_name: str
    caseworker_phone: str
    language: str
    archived: bool
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ParticipantRecord(Record):
    table: ClassVar[str] = "participant"

    id: str
    family_id: str
    name: str
    role: str
    birth_year: int | None
    position: int
    created_at: datetime
    updated_at: datetime
    language: str = ""  # a child's own language for its papers ('' = the family's)
    own_plan: bool | None = None  # a plan of its own (None: by age)


@dataclass(frozen=True, slots=True)
class MeetingRecord(Record):
    table: ClassVar[str] = "meeting"

    id: str
    family_id: str
    starts_at: datetime
    place: str
    kind: str
    status: str
    next_meeting_at: datetime | None
    next_meeting_place: str
    follows_id: str | None
    created_at: datetime
    updated_at: datetime
    # The caseworker's record only (schema v5); never on the family's plan.
    assessment: str = ""
    minutes: str = ""
    other_attendees: str = ""


@dataclass(frozen=True, slots=True)
class CardRecord(Record):
    """A card, with who agrees and who disagrees with it (participant ids)."""

    table: ClassVar[str] = "card"

    id: str
    meeting_id: str
    column: str
    kind: str
    text: str
    whose_words_id: str | None
    position: int
    created_at: datetime
    updated_at: datetime
    agree: frozenset[str] = frozenset()
    disagree: frozenset[str] = frozenset()

    @property
    def stances(self) -> dict[str, bool]:
        """participant id -> agrees, for those who said either."""
        return {**dict.fromkeys(self.agree, True), **dict.fromkeys(self.disagree, False)}


@dataclass(frozen=True, slots=True)
class QuestionRecord(Record):
    table: ClassVar[str] = "question"

    id: str
    meeting_id: str
    series_id: str
    text: str
    low_anchor: str
    high_anchor: str
    position: int
    created_at: datetime
    updated_at: datetime
    audience: str = "everyone"  # domain.enums.Audience
    kind: str = ""  # the default question's key (domain.defaults), '' for a custom one
    # The people chosen to answer (question_audience), when the audience is "chosen".
    chosen: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class RatingRecord(Record):
    """One answer; ``value`` None is an explicit "not answered"."""

    table: ClassVar[str] = "rating"

    id: str
    question_id: str
    participant_id: str
    value: int | None
    comment: str
    created_at: datetime
    updated_at: datetime
    answered_alone: bool = False  # by a child alone, in child mode
    shared: bool = True  # the grown-ups may see it (the child said yes)


@dataclass(frozen=True, slots=True)
class ActionRecord(Record):
    table: ClassVar[str] = "action"

    id: str
    meeting_id: str
    what: str
    who_participant_id: str | None
    who_text: str
    due_date: date | None
    due_text: str
    done: bool
    position: int
    created_at: datetime
    updated_at: datetime
    card_id: str | None = None  # the card it was made from, if any


@dataclass(frozen=True, slots=True)
class ChildFeedbackRecord(Record):
    """A child's answer to one of the feedback questions about a meeting."""

    table: ClassVar[str] = "child_feedback"

    id: str
    meeting_id: str
    participant_id: str
    item: str
    value: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class HouseItemRecord(Record):
    """One item of a child's Three Houses (a sentence, or one house's drawing)."""

    table: ClassVar[str] = "house_item"

    id: str
    meeting_id: str
    participant_id: str
    house: str
    kind: str
    text: str
    strokes: str
    shared: bool
    card_id: str | None
    position: int
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class CaseDateRecord(Record):
    """A key date of the case; ``participant_id`` None: the whole family's."""

    table: ClassVar[str] = "case_date"

    id: str
    family_id: str
    participant_id: str | None
    kind: str
    on_date: date
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class PlanHandoutRecord(Record):
    """One plan handed to the family (the PDF itself is read on demand)."""

    table: ClassVar[str] = "plan_handout"

    id: str
    family_id: str
    meeting_id: str | None
    sha256: str
    given_at: datetime
    how: str
    language: str
    content: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AccessLogRecord(Record):
    table: ClassVar[str] = "access_log"

    id: str
    at: datetime
    event: str
    family_id: str | None
    meeting_id: str | None
    detail: str


@dataclass(frozen=True, slots=True)
class FamilyRow:
    """What a list of families shows of one family: a plain row, not an ORM object."""

    id: str
    display_name: str
    archived: bool
    folded_name: str  # display_name.casefold(), what a search is matched against


@dataclass(frozen=True)
class CardSnapshot:
    """Everything needed to bring a deleted card back exactly as it was (undo)."""

    card: CardRecord
    action_ids: tuple[str, ...] = ()  # plan lines made from it, linked again on restore


@dataclass(frozen=True)
class QuestionSnapshot:
    """A deleted question with its answers, to bring back exactly (undo)."""

    question: QuestionRecord
    ratings: tuple[RatingRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class HandoutEntry:
    """A plan handed out, as the family page and ``familymeeting plans`` list it.

    ``number``: 1 for the first plan the family got, counting up. ``meeting_at``: the
    meeting's time (None if the meeting was deleted since). ``size``: the PDF's bytes.
    """

    number: int
    handout: PlanHandoutRecord
    meeting_at: datetime | None
    size: int


@dataclass(frozen=True, slots=True)
class TeamKeyState:
    """What Settings shows of the statistics secrets: the loaded team key's fingerprint
    (None: no key loaded) and how many statistics files were written. Never the key."""

    fingerprint: str | None
    exports: int


@dataclass(frozen=True, slots=True)
class StatsExported:
    """A statistics file written: where, its quarters, rows and number (docs/statistics.md)."""

    path: str
    first_quarter: str
    last_quarter: str
    rows: int
    export_number: int
