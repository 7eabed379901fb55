"""The vocabulary of a Signs of Safety meeting.

Values are stable strings: they are stored in the database and in case files,
so never rename a value; add a new one and migrate instead. Turning them into
words for people is the job of the UI and CLI layers.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CHILD = "child"
    PARENT = "parent"
    CAREGIVER = "caregiver"
    NETWORK = "network"
    PROFESSIONAL = "professional"
    CASEWORKER = "caseworker"


class MeetingKind(StrEnum):
    FIRST = "first"
    FOLLOW_UP = "follow_up"
    NETWORK = "network"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"


class Column(StrEnum):
    """The three columns of the board, left to right."""

    WORRIES = "worries"
    WORKING_WELL = "working_well"
    NEEDS_TO_HAPPEN = "needs_to_happen"


class CardKind(StrEnum):
    PLAIN = "plain"
    # What are we worried about?
    HARM = "harm"
    DANGER_STATEMENT = "danger_statement"
    COMPLICATING_FACTOR = "complicating_factor"
    # What's working well?
    STRENGTH = "strength"
    EXISTING_SAFETY = "existing_safety"
    # What needs to happen?
    SAFETY_GOAL = "safety_goal"
    NEXT_STEP = "next_step"


CARD_KINDS_BY_COLUMN: dict[Column, tuple[CardKind, ...]] = {
    Column.WORRIES: (
        CardKind.PLAIN,
        CardKind.HARM,
        CardKind.DANGER_STATEMENT,
        CardKind.COMPLICATING_FACTOR,
    ),
    Column.WORKING_WELL: (CardKind.PLAIN, CardKind.STRENGTH, CardKind.EXISTING_SAFETY),
    Column.NEEDS_TO_HAPPEN: (CardKind.PLAIN, CardKind.SAFETY_GOAL, CardKind.NEXT_STEP),
}


def kind_fits_column(kind: CardKind, column: Column) -> bool:
    return kind in CARD_KINDS_BY_COLUMN[column]


class Language(StrEnum):
    """Languages the app itself speaks (its UI, messages and the CLI).

    A family's plan can be in more languages: ``domain.languages.FamilyLanguage``.
    """

    DA = "da"
    EN = "en"


class LogEvent(StrEnum):
    """What the access log records (with ids, never case text)."""

    OPEN_FAMILY = "open_family"
    OPEN_MEETING = "open_meeting"
    EXPORT_CASE = "export_case"
    IMPORT_CASE = "import_case"
    PLAN_PDF = "plan_pdf"
    PRINT_PLAN = "print_plan"
    DELETE_FAMILY = "delete_family"
    UNLOCK = "unlock"
    UNLOCK_FAILED = "unlock_failed"
    EXPORT_BACKUP = "export_backup"  # a backup written to a file the user chose
    RESTORE_BACKUP = "restore_backup"
    REKEY = "rekey"  # the data key changed (passwd --rekey, "Change the data key")
    PLAN_HANDOUT = "plan_handout"  # a plan given to the family was kept
    PLAN_REPRINT = "plan_reprint"  # a kept plan printed or written out again
    EDIT_RECORD = "edit_record"  # the caseworker's assessment, minutes or others present
    EXPORT_RECORD = "export_record"  # a meeting record saved, printed, copied or written
    CASE_DATES = "case_dates"  # the case's key dates set or cleared
    HOUSES = "houses"  # a child's Three Houses changed (detail: the child's id)
    EXPORT_HOUSES = "export_houses"  # "Mine tre huse" saved (detail: shared/full)
    CHILD_FEEDBACK = "child_feedback"  # a child's feedback on a meeting given or changed
    TEAM_KEY = "team_key"  # the statistics team key loaded or removed (detail: set/removed)
    EXPORT_STATISTICS = "export_statistics"  # a statistics file (detail: quarters, via)


class HandoutHow(StrEnum):
    """How a plan reached the family: printed or saved in the app, or written by the CLI."""

    PRINT = "print"
    SAVE = "save"
    CLI = "cli"


class CaseDateKind(StrEnum):
    """The key dates of a child's case, in the order a case goes through them."""

    CONCERN = "concern"  # underretning / henvendelse received
    SCREENING = "screening"
    DECISION = "decision"
    HELP_STARTED = "help_started"
    CLOSED = "closed"


class Audience(StrEnum):
    """Who answers a rating question."""

    CHILDREN = "children"
    ADULTS = "adults"  # parents, caregivers, network and professionals
    EVERYONE = "everyone"
    CHOSEN = "chosen"  # the people in question_audience


class House(StrEnum):
    """The Three Houses, the child's version of the three columns."""

    WORRIES = "worries"
    GOOD_THINGS = "good_things"
    DREAMS = "dreams"


class HouseItemKind(StrEnum):
    TEXT = "text"  # a sentence the caseworker typed for the child
    DRAWING = "drawing"  # one house's drawing (strokes)
