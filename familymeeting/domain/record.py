"""What the caseworker's meeting record says: plain data, no Qt, no SQL, no PDF.

``storage.record_data.build_record`` fills these from one meeting (one snapshot);
``export.record_text`` words them (the plain text and the PDF's content) and
``export.record`` draws the PDF. Unlike the family's plan, the record leaves
nothing out: every card with its kind and whose words, every answer, every action,
and the caseworker's own assessment and minutes, which the plan never shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from familymeeting.domain.plan import PlanAction


@dataclass(frozen=True)
class RecordPerson:
    """A participant of the family; ``attended``: present at this meeting."""

    name: str
    role: str  # the stored role value ("child", "parent", ...)
    age: int | None  # children: the age they reach in the meeting's year
    attended: bool


@dataclass(frozen=True)
class RecordCard:
    """A card as it stands on the board. ``whose`` names who said it ("" if unknown);
    ``whose_is_child``: the words are a child's own."""

    text: str
    kind: str  # CardKind value
    whose: str = ""
    whose_is_child: bool = False
    agree: tuple[str, ...] = ()
    disagree: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordColumn:
    column: str  # Column value
    cards: tuple[RecordCard, ...] = ()


# One person's answer to a question of this meeting.
ANSWERED, DECLINED, NOT_ANSWERED = "answered", "declined", "not_answered"


@dataclass(frozen=True)
class RecordAnswer:
    """``state``: ANSWERED (``value`` 1-10), DECLINED ("won't answer": the person chose
    not to) or NOT_ANSWERED (present, but no answer was given). ``previous``: the
    same person's latest number in the same question series at an earlier meeting."""

    name: str
    state: str
    value: int | None = None
    previous: int | None = None
    previous_at: datetime | None = None
    # A child's answer given alone in child mode that the child did not share with the
    # grown-ups: in the record, marked, never on the family's screens or plan.
    not_shared: bool = False

    @property
    def change(self) -> int | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True)
class RecordQuestion:
    text: str
    low_anchor: str
    high_anchor: str
    audience: str  # domain.enums.Audience
    answers: tuple[RecordAnswer, ...] = ()


@dataclass(frozen=True)
class RecordFeedback:
    """A child's own feedback on this meeting: (item key, value or None) in the set's
    order, only the items the child reached."""

    name: str
    answers: tuple[tuple[str, int | None], ...] = ()


@dataclass(frozen=True)
class RecordHouseItem:
    """One item of a child's Three Houses: a sentence, or one house's drawing."""

    house: str  # domain.enums.House value
    kind: str  # domain.enums.HouseItemKind value
    text: str = ""
    shared: bool = False  # the child said the grown-ups may see it
    on_board: bool = False  # moved to the board as a card in the child's words


@dataclass(frozen=True)
class RecordHouses:
    """A child's Three Houses at this meeting, house by house, the drawing first."""

    name: str
    items: tuple[RecordHouseItem, ...] = ()


@dataclass(frozen=True)
class RecordData:
    """One meeting's record, for the municipality's case journal (not for the family)."""

    family_name: str
    language: str  # the record's language (the app's: "da" or "en")
    meeting_kind: str  # MeetingKind value
    meeting_status: str  # MeetingStatus value
    meeting_at: datetime
    place: str = ""
    caseworker_name: str = ""
    people: tuple[RecordPerson, ...] = ()  # every participant, in the family's order
    other_attendees: tuple[str, ...] = ()  # professionals present who are not participants
    columns: tuple[RecordColumn, ...] = ()  # the three columns, in board order
    questions: tuple[RecordQuestion, ...] = ()
    actions: tuple[PlanAction, ...] = ()
    next_meeting_at: datetime | None = None
    next_meeting_place: str = ""
    assessment: str = ""
    minutes: str = ""
    feedback: tuple[RecordFeedback, ...] = ()  # the children's, in the family's order
    houses: tuple[RecordHouses, ...] = ()  # the children's, in the family's order

    @property
    def attended(self) -> tuple[RecordPerson, ...]:
        return tuple(p for p in self.people if p.attended)

    @property
    def absent(self) -> tuple[RecordPerson, ...]:
        return tuple(p for p in self.people if not p.attended)


def attendee_lines(text: str) -> tuple[str, ...]:
    """The other professionals present, one per line, without empty lines."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())
