"""One way to change anything: operations (Qt-free).

Each user-level change (a card, an answer, a question, a plan line, the meeting's
details, who is here, the family's contact on the plan, …) is an ``Operation``.
``Services.run(op)`` runs it in ONE write transaction: the operation validates (the
services' rules), writes, and returns an ``Applied``: what changed, as records read
inside that same transaction (the views update from it and read nothing again), and
the operation that undoes it, worked out from what was stored, not from what a screen
showed. Undo is running that inverse; redo is running the inverse's inverse.

The window wraps an operation in a QUndoCommand (``ui/meeting/commands.py``); dialogs
and the command line run the same operations; an operation that must be in the access
log writes its entry in its own transaction.

A field change remembers the value it replaced and the value it wrote; its inverse puts
the old value back only if the field still holds the written one. If something else
changed it meanwhile (a dialog, the command line), the undo is refused with a message,
never writing back a stale value.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import col, select

from familymeeting.domain.errors import ConflictError, UserError
from familymeeting.storage.models import Action, Question
from familymeeting.storage.records import (
    ActionRecord,
    CardRecord,
    CardSnapshot,
    CaseDateRecord,
    ChildFeedbackRecord,
    FamilyRecord,
    HouseItemRecord,
    MeetingRecord,
    PlanHandoutRecord,
    QuestionRecord,
    QuestionSnapshot,
    RatingRecord,
    StatsExported,
    TeamKeyState,
)
from familymeeting.storage.services.access import log_in
from familymeeting.storage.services.base import (
    UNSET,
    card_records,
    column_cards,
    fetch,
)
from familymeeting.storage.services.case_dates import CaseDateChange
from familymeeting.storage.statistics import export_statistics

if TYPE_CHECKING:
    from familymeeting.storage.services import Services


# ------------------------------------------------------------------------- changes
@dataclass(frozen=True)
class Changes:
    """What an operation changed, as stored after it: the views show these, read nothing.

    ``cards``: cards changed in place. ``columns``: whole columns (every card, in order)
    whose cards or order changed. ``meeting``/``attendees``: the header. ``questions``
    and ``ratings``: the scaling questions (all of the meeting's, in order) and every
    answer to them, when either changed. ``actions``: the whole plan, in order, when a
    line changed. ``family``: the family's contact details on the plan.
    """

    cards: tuple[CardRecord, ...] = ()
    columns: Mapping[str, tuple[CardRecord, ...]] = field(default_factory=dict)
    meeting: MeetingRecord | None = None
    attendees: tuple[str, ...] | None = None
    questions: tuple[QuestionRecord, ...] | None = None
    ratings: tuple[RatingRecord, ...] | None = None
    actions: tuple[ActionRecord, ...] | None = None
    family: FamilyRecord | None = None
    case_dates: tuple[CaseDateRecord, ...] | None = None
    # One child's Three Houses at the meeting (every item, in order), when one changed.
    houses: tuple[HouseItemRecord, ...] | None = None
    # A child's feedback on the meeting: that child's answers, never the family's ratings.
    feedback: tuple[ChildFeedbackRecord, ...] | None = None

    @property
    def board_only(self) -> bool:
        """Only cards (or a child's houses) changed: the header, the ratings and the plan
        stay as they are."""
        return (
            self.meeting is None
            and self.attendees is None
            and self.questions is None
            and self.ratings is None
            and self.actions is None
            and self.family is None
            and self.case_dates is None
            and self.feedback is None
        )


@dataclass(frozen=True)
class Applied:
    """An operation's result: what it changed, and the operation that undoes it.

    ``undo`` is None for the changes made outside a meeting (a family and its people,
    a new meeting), which have no undo history: the window says they are saved.
    ``changed`` is False when the operation found nothing to change (the same words
    again, a move to where the card already is): there is nothing to undo.
    """

    changes: Changes
    undo: Operation | None
    changed: bool = True


class Operation(ABC):
    """Base: ``apply`` runs inside the transaction ``Services.run`` opened."""

    @abstractmethod
    def apply(self, services: Services) -> Applied: ...


# ------------------------------------------------------------ what to hand back
def _column(services: Services, meeting_id: str, column: str) -> tuple[CardRecord, ...]:
    with services.db.session() as s:  # joins the operation's transaction
        return tuple(card_records(s, column_cards(s, meeting_id, column)))


def _columns(
    services: Services, meeting_id: str, *columns: str
) -> dict[str, tuple[CardRecord, ...]]:
    return {c: _column(services, meeting_id, c) for c in dict.fromkeys(columns)}


def _card(services: Services, card_id: str) -> CardRecord:
    return services.get_card(card_id)


def _questions_and_ratings(services: Services, meeting_id: str) -> Changes:
    return Changes(
        questions=tuple(services.list_questions(meeting_id)),
        ratings=tuple(services.list_ratings(meeting_id)),
    )


def _plan(services: Services, meeting_id: str) -> tuple[ActionRecord, ...]:
    return tuple(services.list_actions(meeting_id))


def _header(services: Services, meeting_id: str) -> Changes:
    return Changes(
        meeting=services.get_meeting(meeting_id),
        attendees=tuple(services.list_attendee_ids(meeting_id)),
    )


def _refuse_if_changed(current: Any, expected: Any) -> None:
    """An undo (or redo) only where the field still holds what the edit wrote."""
    if current != expected:
        raise ConflictError("changed_meanwhile")


# --------------------------------------------------------------------------- cards
@dataclass(frozen=True)
class AddCard(Operation):
    meeting_id: str
    column: str
    text: str
    kind: str = "plain"
    whose_words_id: str | None = None
    index: int | None = None

    def apply(self, services: Services) -> Applied:
        card = services.add_card(
            self.meeting_id,
            self.column,
            self.text,
            kind=self.kind,
            whose_words_id=self.whose_words_id,
            index=self.index,
        )
        changes = Changes(cards=(card,), columns=_columns(services, self.meeting_id, card.column))
        return Applied(changes, DeleteCard(card.id))


@dataclass(frozen=True)
class DeleteCard(Operation):
    card_id: str

    def apply(self, services: Services) -> Applied:
        snapshot = services.delete_card(self.card_id)
        card = snapshot.card
        changes = Changes(
            columns=_columns(services, card.meeting_id, card.column),
            # The plan's lines made from it lost their link to it.
            actions=_plan(services, card.meeting_id) if snapshot.action_ids else None,
        )
        return Applied(changes, RestoreCard(snapshot))


@dataclass(frozen=True)
class RestoreCard(Operation):
    """A deleted card back with its id, place, words and stances."""

    snapshot: CardSnapshot

    def apply(self, services: Services) -> Applied:
        card = services.restore_card(self.snapshot)
        changes = Changes(
            cards=(card,),
            columns=_columns(services, card.meeting_id, card.column),
            # The plan's lines made from it point at it again.
            actions=_plan(services, card.meeting_id) if self.snapshot.action_ids else None,
        )
        return Applied(changes, DeleteCard(card.id))


CARD_SETTERS = {
    "text": "update_card_text",
    "kind": "set_card_kind",
    "whose_words_id": "set_whose_words",
}


@dataclass(frozen=True)
class SetCardField(Operation):
    """A card's text, kind or whose words. ``expect``: refuse unless the field holds it."""

    card_id: str
    field: str
    value: Any
    expect: Any = UNSET

    def apply(self, services: Services) -> Applied:
        before = services.get_card(self.card_id)
        old = getattr(before, self.field)
        if self.expect is not UNSET:
            _refuse_if_changed(old, self.expect)
        after: CardRecord = getattr(services, CARD_SETTERS[self.field])(self.card_id, self.value)
        new = getattr(after, self.field)
        undo = SetCardField(self.card_id, self.field, old, new)
        return Applied(Changes(cards=(after,)), undo, changed=new != old)


@dataclass(frozen=True)
class SetStance(Operation):
    """Someone agrees (True), disagrees (False) or has not said (None)."""

    card_id: str
    participant_id: str
    agrees: bool | None
    expect: bool | object | None = UNSET

    def apply(self, services: Services) -> Applied:
        before = services.get_card(self.card_id).stances.get(self.participant_id)
        if self.expect is not UNSET:
            _refuse_if_changed(before, self.expect)
        after = services.set_stance(self.card_id, self.participant_id, self.agrees)
        undo = SetStance(self.card_id, self.participant_id, before, self.agrees)
        return Applied(Changes(cards=(after,)), undo, changed=before != self.agrees)


@dataclass(frozen=True)
class MoveCard(Operation):
    """To ``index`` in ``column``; a kind that does not fit the new column becomes plain,
    and moving back restores the kind it had (``kind``)."""

    card_id: str
    column: str
    index: int
    kind: str | None = None

    def apply(self, services: Services) -> Applied:
        before = services.get_card(self.card_id)
        after = services.move_card(self.card_id, self.column, self.index)
        if self.kind is not None and after.kind != self.kind:
            after = services.set_card_kind(self.card_id, self.kind)
        changes = Changes(
            cards=(after,),
            columns=_columns(services, before.meeting_id, before.column, after.column),
        )
        undo = MoveCard(self.card_id, before.column, before.position, before.kind)
        moved = (after.column, after.position, after.kind) != (
            before.column,
            before.position,
            before.kind,
        )
        return Applied(changes, undo, changed=moved)


@dataclass(frozen=True)
class MoveCardBy(Operation):
    """Up (-1) or down (+1) within its column; at the top or bottom it stays."""

    card_id: str
    step: int

    def apply(self, services: Services) -> Applied:
        card = services.get_card(self.card_id)
        count = len(_column(services, card.meeting_id, card.column))
        target = max(0, min(count - 1, card.position + self.step))
        return MoveCard(self.card_id, card.column, target).apply(services)


# ------------------------------------------------------------------ the meeting
MEETING_FIELDS = ("starts_at", "place", "status", "next_meeting_at", "next_meeting_place")


@dataclass(frozen=True)
class SetMeetingField(Operation):
    meeting_id: str
    field: str
    value: str | datetime | None
    expect: Any = UNSET

    def apply(self, services: Services) -> Applied:
        if self.field not in MEETING_FIELDS:
            raise ValueError(self.field)
        old = getattr(services.get_meeting(self.meeting_id), self.field)
        if self.expect is not UNSET:
            _refuse_if_changed(old, self.expect)
        values: dict[str, Any] = {self.field: self.value}
        after = services.update_meeting(self.meeting_id, **values)
        new = getattr(after, self.field)
        undo = SetMeetingField(self.meeting_id, self.field, old, new)
        changes = Changes(
            meeting=after, attendees=tuple(services.list_attendee_ids(self.meeting_id))
        )
        return Applied(changes, undo, changed=new != old)


@dataclass(frozen=True)
class SetAttendance(Operation):
    meeting_id: str
    participant_id: str
    present: bool

    def apply(self, services: Services) -> Applied:
        was = self.participant_id in services.list_attendee_ids(self.meeting_id)
        services.set_attendance(self.meeting_id, self.participant_id, self.present)
        undo = SetAttendance(self.meeting_id, self.participant_id, was)
        return Applied(_header(services, self.meeting_id), undo, changed=was != self.present)


FAMILY_FIELDS = ("caseworker_name", "caseworker_phone")


@dataclass(frozen=True)
class SetFamilyField(Operation):
    """The caseworker's name or phone, shown on the plan (stored on the family)."""

    family_id: str
    field: str
    value: str
    expect: Any = UNSET

    def apply(self, services: Services) -> Applied:
        if self.field not in FAMILY_FIELDS:
            raise ValueError(self.field)
        old = getattr(services.get_family(self.family_id), self.field)
        if self.expect is not UNSET:
            _refuse_if_changed(old, self.expect)
        values: dict[str, Any] = {self.field: self.value}
        after = services.update_family(self.family_id, **values)
        new = getattr(after, self.field)
        undo = SetFamilyField(self.family_id, self.field, old, new)
        return Applied(Changes(family=after), undo, changed=new != old)


# ------------------------------------------------------------- questions, answers
@dataclass(frozen=True)
class SetAnswer(Operation):
    """One person's answer: ``answer`` is (value or None, comment or None to keep it),
    or None for "never asked" (no answer at all). ``alone`` is (answered alone in child
    mode, shared with the grown-ups), or None to keep what is stored."""

    question_id: str
    participant_id: str
    answer: tuple[int | None, str | None] | None
    alone: tuple[bool, bool] | None = None

    def apply(self, services: Services) -> Applied:
        stored = services.get_rating(self.question_id, self.participant_id)
        old = None if stored is None else (stored.value, stored.comment)
        old_alone = None if stored is None else (stored.answered_alone, stored.shared)
        new: tuple[int | None, str] | None = None
        new_alone: tuple[bool, bool] | None = None
        if self.answer is None:
            services.clear_rating(self.question_id, self.participant_id)
        else:
            value, comment = self.answer
            answered_alone, shared = (None, None) if self.alone is None else self.alone
            after = services.set_rating(
                self.question_id,
                self.participant_id,
                value,
                comment=comment,
                answered_alone=answered_alone,
                shared=shared,
            )
            new = (after.value, after.comment)
            new_alone = (after.answered_alone, after.shared)
        meeting_id = _question_meeting(services, self.question_id)
        undo = SetAnswer(self.question_id, self.participant_id, old, old_alone)
        changed = (new, new_alone) != (old, old_alone)
        return Applied(_questions_and_ratings(services, meeting_id), undo, changed=changed)


@dataclass(frozen=True)
class SetComment(Operation):
    """Why (or what would make it one higher): kept with the number given, if any; a
    comment without a number is an answer of its own, "not answered"."""

    question_id: str
    participant_id: str
    comment: str

    def apply(self, services: Services) -> Applied:
        stored = services.get_rating(self.question_id, self.participant_id)
        value = None if stored is None else stored.value
        return SetAnswer(self.question_id, self.participant_id, (value, self.comment)).apply(
            services
        )


def _question_meeting(services: Services, question_id: str) -> str:
    with services.db.session() as s:
        return fetch(s, Question, question_id).meeting_id


@dataclass(frozen=True)
class AddQuestion(Operation):
    meeting_id: str
    text: str
    low_anchor: str = ""
    high_anchor: str = ""
    audience: str = "everyone"  # domain.enums.Audience
    chosen: frozenset[str] = frozenset()

    def apply(self, services: Services) -> Applied:
        question = services.add_question(
            self.meeting_id,
            self.text,
            low_anchor=self.low_anchor,
            high_anchor=self.high_anchor,
            audience=self.audience,
            chosen=self.chosen,
        )
        return Applied(
            _questions_and_ratings(services, self.meeting_id), DeleteQuestion(question.id)
        )


@dataclass(frozen=True)
class DeleteQuestion(Operation):
    question_id: str

    def apply(self, services: Services) -> Applied:
        snapshot = services.delete_question(self.question_id)
        meeting_id = snapshot.question.meeting_id
        return Applied(_questions_and_ratings(services, meeting_id), RestoreQuestion(snapshot))


@dataclass(frozen=True)
class RestoreQuestion(Operation):
    snapshot: QuestionSnapshot

    def apply(self, services: Services) -> Applied:
        question = services.restore_question(self.snapshot)
        return Applied(
            _questions_and_ratings(services, question.meeting_id), DeleteQuestion(question.id)
        )


QUESTION_FIELDS = ("text", "low_anchor", "high_anchor", "audience", "chosen")


@dataclass(frozen=True)
class EditQuestion(Operation):
    question_id: str
    values: Mapping[str, Any]
    expect: Mapping[str, Any] | None = None

    def apply(self, services: Services) -> Applied:
        unknown = set(self.values) - set(QUESTION_FIELDS)
        if unknown:
            raise ValueError(sorted(unknown))
        meeting_id = _question_meeting(services, self.question_id)
        before = next(q for q in services.list_questions(meeting_id) if q.id == self.question_id)
        old = {k: getattr(before, k) for k in self.values}
        if self.expect is not None:
            _refuse_if_changed(old, dict(self.expect))
        after = services.update_question(self.question_id, **dict(self.values))
        new = {k: getattr(after, k) for k in self.values}
        undo = EditQuestion(self.question_id, old, new)
        return Applied(_questions_and_ratings(services, meeting_id), undo, changed=new != old)


# ---------------------------------------------------------------------- the plan
@dataclass(frozen=True)
class AddAction(Operation):
    """A line of the plan: what, who (a participant or words), by when, done."""

    meeting_id: str
    what: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    def apply(self, services: Services) -> Applied:
        action = services.add_action(self.meeting_id, self.what, **dict(self.fields))
        return Applied(Changes(actions=_plan(services, self.meeting_id)), DeleteAction(action.id))


@dataclass(frozen=True)
class DeleteAction(Operation):
    action_id: str

    def apply(self, services: Services) -> Applied:
        snapshot = services.delete_action(self.action_id)
        return Applied(
            Changes(actions=_plan(services, snapshot.meeting_id)), RestoreAction(snapshot)
        )


@dataclass(frozen=True)
class RestoreAction(Operation):
    snapshot: ActionRecord

    def apply(self, services: Services) -> Applied:
        action = services.restore_action(self.snapshot)
        return Applied(Changes(actions=_plan(services, action.meeting_id)), DeleteAction(action.id))


ACTION_FIELDS = ("what", "who_participant_id", "who_text", "due_date", "due_text", "done")


@dataclass(frozen=True)
class EditAction(Operation):
    action_id: str
    values: Mapping[str, Any]
    expect: Mapping[str, Any] | None = None

    def apply(self, services: Services) -> Applied:
        unknown = set(self.values) - set(ACTION_FIELDS)
        if unknown:
            raise ValueError(sorted(unknown))
        with services.db.session() as s:
            before = ActionRecord.from_row(fetch(s, Action, self.action_id))
        old = {k: getattr(before, k) for k in self.values}
        if self.expect is not None:
            _refuse_if_changed(old, dict(self.expect))
        after = services.update_action(self.action_id, **dict(self.values))
        new = {k: getattr(after, k) for k in self.values}
        undo = EditAction(self.action_id, old, new)
        return Applied(Changes(actions=_plan(services, after.meeting_id)), undo, changed=new != old)


@dataclass(frozen=True)
class MoveAction(Operation):
    action_id: str
    index: int

    def apply(self, services: Services) -> Applied:
        with services.db.session() as s:
            action = fetch(s, Action, self.action_id)
            meeting_id = action.meeting_id
            ids = list(
                s.exec(
                    select(Action.id)
                    .where(Action.meeting_id == meeting_id)
                    .order_by(col(Action.position), col(Action.id))
                ).all()
            )
        old = ids.index(self.action_id)
        target = max(0, min(self.index, len(ids) - 1))
        services.move_action(self.action_id, target)
        return Applied(
            Changes(actions=_plan(services, meeting_id)),
            MoveAction(self.action_id, old),
            changed=target != old,
        )


@dataclass(frozen=True)
class MoveActionBy(Operation):
    """Up (-1) or down (+1) in the plan."""

    action_id: str
    step: int

    def apply(self, services: Services) -> Applied:
        with services.db.session() as s:
            action = fetch(s, Action, self.action_id)
            ids = list(
                s.exec(
                    select(Action.id)
                    .where(Action.meeting_id == action.meeting_id)
                    .order_by(col(Action.position), col(Action.id))
                ).all()
            )
        return MoveAction(self.action_id, ids.index(self.action_id) + self.step).apply(services)


@dataclass(frozen=True)
class ActionFromCard(Operation):
    """One tap: a card in "what needs to happen" becomes a line of the plan.

    Who does it is agreed in the meeting; whose words the card was is not the same.
    """

    card_id: str

    def apply(self, services: Services) -> Applied:
        card = services.get_card(self.card_id)
        plan = _plan(services, card.meeting_id)
        if any(a.card_id == card.id for a in plan):
            # Already part of the plan: once is enough (nothing to undo).
            return Applied(Changes(actions=plan), None, changed=False)
        return AddAction(card.meeting_id, card.text, {"card_id": card.id}).apply(services)


# --------------------------------------------------- outside a meeting: no undo
@dataclass(frozen=True)
class ParticipantEdit:
    """One row of the family dialog: a new person (``participant_id`` None) or a change.

    ``birth_year`` UNSET leaves it as it was (a grown-up's is not shown, so not edited).
    """

    participant_id: str | None
    name: str
    role: str
    birth_year: int | object | None = UNSET
    # A child's own language for its papers ('' = the family's) and whether it gets a
    # plan of its own (None: by age); UNSET leaves them as they were.
    language: str | object = UNSET
    own_plan: bool | object | None = UNSET


@dataclass(frozen=True)
class SaveFamily(Operation):
    """A family and its participants as the family dialog has them, all or nothing.

    A refused participant raises the ``UserError`` with ``row`` set to its index in
    ``participants``, so the dialog can point at it.
    """

    family_id: str | None
    display_name: str
    notes: str = ""
    caseworker_name: str = ""
    caseworker_phone: str = ""
    language: str = "da"
    archived: bool | None = None
    removed: tuple[str, ...] = ()
    participants: tuple[ParticipantEdit, ...] = ()

    def apply(self, services: Services) -> Applied:
        common = {
            "notes": self.notes,
            "caseworker_name": self.caseworker_name,
            "caseworker_phone": self.caseworker_phone,
            "language": self.language,
        }
        if self.family_id is None:
            family = services.create_family(self.display_name, **common)
        else:
            family = services.update_family(
                self.family_id, display_name=self.display_name, archived=self.archived, **common
            )
        for participant_id in self.removed:
            services.delete_participant(participant_id)
        for row, edit in enumerate(self.participants):
            try:
                if edit.participant_id is None:
                    year = None if edit.birth_year is UNSET else edit.birth_year
                    services.add_participant(
                        family.id,
                        edit.name,
                        edit.role,
                        birth_year=year,  # type: ignore[arg-type]
                        language="" if edit.language is UNSET else edit.language,  # type: ignore[arg-type]
                        own_plan=None if edit.own_plan is UNSET else edit.own_plan,  # type: ignore[arg-type]
                    )
                else:
                    services.update_participant(
                        edit.participant_id,
                        name=edit.name,
                        role=edit.role,
                        birth_year=edit.birth_year,  # type: ignore[arg-type]
                        language=edit.language,  # type: ignore[arg-type]
                        own_plan=edit.own_plan,  # type: ignore[arg-type]
                    )
            except UserError as exc:
                exc.row = row  # type: ignore[attr-defined]
                raise
        return Applied(Changes(family=family), None)


@dataclass(frozen=True)
class CreateMeeting(Operation):
    """A new meeting, or a follow-up (``follows_id``) that carries the board forward;
    who takes part as chosen (a follow-up starts from last time's)."""

    family_id: str
    starts_at: datetime
    place: str = ""
    kind: str = "first"
    attendee_ids: tuple[str, ...] = ()
    follows_id: str | None = None

    def apply(self, services: Services) -> Applied:
        if self.follows_id is None:
            meeting = services.create_meeting(
                self.family_id,
                self.starts_at,
                place=self.place,
                kind=self.kind,
                attendee_ids=self.attendee_ids,
            )
        else:
            meeting = services.start_follow_up(
                self.follows_id, self.starts_at, place=self.place, kind=self.kind
            )
            chosen = set(self.attendee_ids)
            for participant in services.list_participants(meeting.family_id):
                services.set_attendance(meeting.id, participant.id, participant.id in chosen)
        changes = Changes(meeting=meeting, attendees=tuple(services.list_attendee_ids(meeting.id)))
        return Applied(changes, None)


__all__ = [
    "ActionFromCard",
    "AddAction",
    "AddCard",
    "AddQuestion",
    "Applied",
    "Changes",
    "CreateMeeting",
    "DeleteAction",
    "DeleteCard",
    "DeleteQuestion",
    "EditAction",
    "EditQuestion",
    "MoveAction",
    "MoveActionBy",
    "MoveCard",
    "MoveCardBy",
    "Operation",
    "ParticipantEdit",
    "RestoreAction",
    "RestoreCard",
    "RestoreQuestion",
    "SaveFamily",
    "SetAnswer",
    "SetAttendance",
    "SetCardField",
    "SetComment",
    "SetFamilyField",
    "SetMeetingField",
    "SetStance",
]


# ------------------------------------------------------- finishing a meeting (issue 16)
@dataclass(frozen=True)
class SetMeetingFields(Operation):
    """Several of a meeting's details at once (``MEETING_FIELDS``), as one step.

    With ``expect`` (the inverse of an edit), only if every field still holds what
    that edit wrote; else nothing is written and the undo is refused.
    """

    meeting_id: str
    values: tuple[tuple[str, Any], ...]
    expect: tuple[tuple[str, Any], ...] | None = None

    def apply(self, services: Services) -> Applied:
        fields = [name for name, _ in self.values]
        if any(name not in MEETING_FIELDS for name in fields):
            raise ValueError(fields)
        before = services.get_meeting(self.meeting_id)
        if self.expect is not None:
            for name, value in self.expect:
                _refuse_if_changed(getattr(before, name), value)
        after = services.update_meeting(self.meeting_id, **dict(self.values))
        old = tuple((name, getattr(before, name)) for name in fields)
        new = tuple((name, getattr(after, name)) for name in fields)
        changes = Changes(
            meeting=after, attendees=tuple(services.list_attendee_ids(self.meeting_id))
        )
        return Applied(changes, SetMeetingFields(self.meeting_id, old, new), changed=new != old)


@dataclass(frozen=True)
class FinishMeeting(Operation):
    """The end of a meeting: it is closed, and the next one agreed (or left open: None
    and an empty place). One step, so one undo takes it all back."""

    meeting_id: str
    next_meeting_at: datetime | None
    next_meeting_place: str

    def apply(self, services: Services) -> Applied:
        values = (
            ("status", "closed"),
            ("next_meeting_at", self.next_meeting_at),
            ("next_meeting_place", self.next_meeting_place),
        )
        return SetMeetingFields(self.meeting_id, values).apply(services)


__all__ += ["FinishMeeting", "SetMeetingFields"]


# ------------------------------------------------------------ plans handed out
@dataclass(frozen=True)
class KeepHandout:
    """Keep a plan as it was handed to the family (printed, saved, or written by the CLI).

    Run once the plan really reached the family: after the file was written or the
    printer took the pages, never for a cancelled dialog or a failed save. ``pdf`` is
    the bytes exactly as handed out; ``content`` is ``plan_changes.plan_content`` of
    the plan. One transaction: the PDF (once per distinct file), the handout, the
    access-log entry. There is nothing to undo: the family has the paper.
    """

    meeting_id: str
    pdf: bytes
    how: str
    language: str
    content: str

    def apply(self, services: Services) -> PlanHandoutRecord:
        return services.keep_handout(
            self.meeting_id, self.pdf, how=self.how, lang=self.language, content=self.content
        )


__all__ += ["KeepHandout"]
# ------------------------------------------------------ the meeting record (issue 18)
RECORD_FIELDS = ("assessment", "minutes", "other_attendees")


@dataclass(frozen=True)
class SetMeetingRecord(Operation):
    """The caseworker's part of a meeting's record: the professional assessment, the
    minutes and the other professionals present (one per line). None leaves a field.

    For the record only: the family's plan never shows them. Saved from a dialog, so
    no undo history; the access log gets the ids, never the text.
    """

    meeting_id: str
    assessment: str | None = None
    minutes: str | None = None
    other_attendees: str | None = None

    def apply(self, services: Services) -> Applied:
        before = services.get_meeting(self.meeting_id)
        after = services.update_meeting_record(
            self.meeting_id,
            assessment=self.assessment,
            minutes=self.minutes,
            other_attendees=self.other_attendees,
        )
        changed = any(getattr(before, f) != getattr(after, f) for f in RECORD_FIELDS)
        return Applied(Changes(meeting=after), None, changed=changed)


__all__ += ["RECORD_FIELDS", "SetMeetingRecord"]


# ------------------------------------------------------ the case timeline (issue 18)
@dataclass(frozen=True)
class SetCaseDates(Operation):
    """Set or clear some of a family's key dates (the family's or a child's), all or
    nothing; the dates after it must be in case order and none in the future. Outside a
    meeting: no undo (the dialog and the CLI say it is saved). ``today``: for tests."""

    family_id: str
    changes: tuple[CaseDateChange, ...]
    today: date | None = None

    def apply(self, services: Services) -> Applied:
        before = services.list_case_dates(self.family_id)
        after = services.set_case_dates(self.family_id, self.changes, today=self.today)
        changed = _dates(before) != _dates(after)
        if changed:  # a change of the case is in the access log, with ids only
            with services.db.session() as s:  # joins the operation's transaction
                log_in(s, "case_dates", family_id=self.family_id)
        return Applied(Changes(case_dates=tuple(after)), None, changed=changed)


def _dates(records: list[CaseDateRecord]) -> set[tuple[str | None, str, date]]:
    return {(r.participant_id, r.kind, r.on_date) for r in records}


__all__ += ["CaseDateChange", "SetCaseDates"]


# ------------------------------------------------------ Three Houses (issue 19)
def _houses(services: Services, item: HouseItemRecord) -> Changes:
    """The child's items as they are now; logged (ids only) in the same transaction."""
    with services.db.session() as s:  # joins the operation's transaction
        log_in(
            s,
            "houses",
            family_id=services.get_meeting(item.meeting_id).family_id,
            meeting_id=item.meeting_id,
            detail=item.participant_id,
        )
    items = services.list_house_items(item.meeting_id, item.participant_id)
    return Changes(houses=tuple(items))


@dataclass(frozen=True)
class AddHouseSentence(Operation):
    """A sentence the caseworker typed for the child, in one of the three houses."""

    meeting_id: str
    participant_id: str
    house: str
    text: str
    shared: bool = False

    def apply(self, services: Services) -> Applied:
        item = services.add_house_sentence(
            self.meeting_id, self.participant_id, self.house, self.text, shared=self.shared
        )
        return Applied(_houses(services, item), DeleteHouseItem(item.id))


@dataclass(frozen=True)
class DeleteHouseItem(Operation):
    item_id: str

    def apply(self, services: Services) -> Applied:
        item = services.delete_house_item(self.item_id)
        return Applied(_houses(services, item), RestoreHouseItem(item))


@dataclass(frozen=True)
class RestoreHouseItem(Operation):
    item: HouseItemRecord

    def apply(self, services: Services) -> Applied:
        item = services.restore_house_item(self.item)
        return Applied(_houses(services, item), DeleteHouseItem(item.id))


@dataclass(frozen=True)
class SetHouseText(Operation):
    item_id: str
    text: str
    expect: str | object = UNSET

    def apply(self, services: Services) -> Applied:
        before = services.get_house_item(self.item_id)
        if self.expect is not UNSET:
            _refuse_if_changed(before.text, self.expect)
        after = services.update_house_text(self.item_id, self.text)
        undo = SetHouseText(self.item_id, before.text, after.text)
        return Applied(_houses(services, after), undo, changed=after.text != before.text)


@dataclass(frozen=True)
class SetHouseShared(Operation):
    """The child's choice: may the parents see it (one tap, Ja / Nej)."""

    item_id: str
    shared: bool
    expect: bool | object = UNSET

    def apply(self, services: Services) -> Applied:
        before = services.get_house_item(self.item_id)
        if self.expect is not UNSET:
            _refuse_if_changed(before.shared, self.expect)
        after = services.set_house_shared(self.item_id, self.shared)
        undo = SetHouseShared(self.item_id, before.shared, after.shared)
        return Applied(_houses(services, after), undo, changed=after.shared != before.shared)


@dataclass(frozen=True)
class SaveHouseDrawing(Operation):
    """A house's drawing (strokes JSON, ``domain/houses.py``); '' removes it. Undo puts
    the drawing before it back, if the drawing is still the one this saved."""

    meeting_id: str
    participant_id: str
    house: str
    strokes: str
    expect: str | object = UNSET

    def _current(self, services: Services) -> str:
        for item in services.list_house_items(self.meeting_id, self.participant_id):
            if item.house == self.house and item.kind == "drawing":
                return item.strokes
        return ""

    def apply(self, services: Services) -> Applied:
        before = self._current(services)
        if self.expect is not UNSET:
            _refuse_if_changed(before, self.expect)
        after = services.save_house_drawing(
            self.meeting_id, self.participant_id, self.house, self.strokes
        )
        stored = after.strokes if after is not None else ""
        undo = SaveHouseDrawing(self.meeting_id, self.participant_id, self.house, before, stored)
        probe = after or HouseItemRecord(
            id="",
            meeting_id=self.meeting_id,
            participant_id=self.participant_id,
            house=self.house,
            kind="drawing",
            text="",
            strokes="",
            shared=False,
            card_id=None,
            position=0,
            created_at=datetime.min,
            updated_at=datetime.min,
        )
        return Applied(_houses(services, probe), undo, changed=stored != before)


@dataclass(frozen=True)
class HouseToBoard(Operation):
    """ "Sæt på tavlen": a shared sentence becomes a card in its house's column, in the
    child's words. Undo takes the card off the board again."""

    item_id: str

    def apply(self, services: Services) -> Applied:
        item, card = services.house_item_to_board(self.item_id)
        changes = replace(
            _houses(services, item),
            cards=(card,),
            columns=_columns(services, card.meeting_id, card.column),
        )
        return Applied(changes, HouseOffBoard(item.id))


@dataclass(frozen=True)
class HouseOffBoard(Operation):
    item_id: str

    def apply(self, services: Services) -> Applied:
        before = services.get_house_item(self.item_id)
        column = None
        if before.card_id is not None:
            column = services.get_card(before.card_id).column
        item = services.house_item_off_board(self.item_id)
        changes = _houses(services, item)
        if column is not None:
            changes = replace(changes, columns=_columns(services, item.meeting_id, column))
        return Applied(changes, HouseToBoard(item.id))


__all__ += [
    "AddHouseSentence",
    "DeleteHouseItem",
    "HouseOffBoard",
    "HouseToBoard",
    "RestoreHouseItem",
    "SaveHouseDrawing",
    "SetHouseShared",
    "SetHouseText",
]


# ------------------------------------------------------------ the child's feedback
@dataclass(frozen=True)
class SetChildFeedback(Operation):
    """A child's answer to one feedback question about a meeting (1-10, None: did not
    want to answer; ``clear``: never asked, the undo of a first answer). Logged by ids;
    the child's own, so it never touches the family's ratings, board or plan."""

    meeting_id: str
    participant_id: str
    item: str
    value: int | None
    clear: bool = False

    def apply(self, services: Services) -> Applied:
        before = {
            r.item: r.value
            for r in services.list_child_feedback(self.meeting_id, self.participant_id)
        }
        if self.clear:
            services.clear_child_feedback(self.meeting_id, self.participant_id, self.item)
        else:
            services.set_child_feedback(self.meeting_id, self.participant_id, self.item, self.value)
        after = tuple(services.list_child_feedback(self.meeting_id, self.participant_id))
        changed = {r.item: r.value for r in after} != before
        if changed:
            with services.db.session() as s:
                family_id = services.get_meeting(self.meeting_id).family_id
                log_in(s, "child_feedback", family_id=family_id, meeting_id=self.meeting_id)
        if self.item in before:
            undo = SetChildFeedback(
                self.meeting_id, self.participant_id, self.item, before[self.item]
            )
        else:
            undo = SetChildFeedback(self.meeting_id, self.participant_id, self.item, None, True)
        return Applied(Changes(feedback=after), undo, changed=changed)


# ------------------------------------------------------ statistics (issue 20)
@dataclass(frozen=True)
class SetTeamKey:
    """Load the team key a leader handed out (``key``), or remove it (None).

    Kept in the encrypted database; the screen gets its fingerprint, never the key.
    Logged without the key. Nothing to undo: loading the file again is the way back.
    """

    key: bytes | None

    def apply(self, services: Services) -> TeamKeyState:
        state = services.set_team_key(self.key)
        services.log_event("team_key", detail="set" if self.key else "removed")
        return state


@dataclass(frozen=True)
class ExportStatistics:
    """Write this laptop's pseudonymous statistics file for whole quarters
    (docs/statistics.md): refused without a team key; the export's number and its
    access-log entry are stored only if the file was written. ``via``: app or cli."""

    path: Path
    first_quarter: str
    last_quarter: str
    via: str
    now: datetime | None = None

    def apply(self, services: Services) -> StatsExported:
        return export_statistics(
            services, self.path, self.first_quarter, self.last_quarter, via=self.via, now=self.now
        )


__all__ += ["ExportStatistics", "SetTeamKey"]
