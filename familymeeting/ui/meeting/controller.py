"""One meeting's board: its undo stack and the edits the widgets ask for."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message
from familymeeting.storage.services import Services
from familymeeting.ui.meeting import commands
from familymeeting.ui.meeting.commands import EVERYTHING, Change

F = TypeVar("F", bound=Callable[..., Any])


def guarded(method: F) -> F:
    """A request the database refuses (or cannot store) is reported, never raised into Qt."""

    @functools.wraps(method)
    def wrapper(self: MeetingController, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except UserError as exc:
            self.report_failure(exc)
            return None

    return wrapper  # type: ignore[return-value]


class MeetingController(QObject):
    """Turns requests from the board's widgets into undoable, saved edits.

    Signals:
        changed(object): after an edit was saved (or undone/redone); the argument is
            a ``Change`` saying what to show again.
        saved(): an edit reached the database.
        failed(str): an edit was refused or could not be saved; the message is in
            the user's language and nothing was changed.
    """

    changed = Signal(object)
    saved = Signal()
    failed = Signal(str)

    def __init__(self, services: Services, meeting_id: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.family_id = services.get_meeting(meeting_id).family_id
        self.stack = QUndoStack(self)

    # Called by the commands.
    def report_saved(self, change: Change = EVERYTHING) -> None:
        self.saved.emit()
        self.changed.emit(change)

    def report_failure(self, error: UserError) -> None:
        self.failed.emit(user_message(error))

    def _push(self, command: commands.BoardCommand) -> bool:
        self.stack.push(command)
        return not command.failed

    # ----------------------------------------------------------------- cards
    @guarded
    def add_card(
        self,
        column: str,
        text: str,
        *,
        kind: str = "plain",
        whose_words_id: str | None = None,
        index: int | None = None,
    ) -> str | None:
        """Add a card; returns its id, or None when it was refused."""
        command = commands.AddCard(
            self,
            self.tr("Add card"),
            column,
            text,
            kind=kind,
            whose_words_id=whose_words_id,
            index=index,
        )
        return command.card_id if self._push(command) else None

    @guarded
    def edit_text(self, card_id: str, text: str) -> bool:
        old = self.services.get_card(card_id).text
        if old == text.strip():
            return True
        return self._push(
            commands.ChangeCard(
                self, self.tr("Edit card"), self.services.update_card_text, card_id, old, text
            )
        )

    @guarded
    def move_card(self, card_id: str, column: str, index: int) -> bool:
        card = self.services.get_card(card_id)
        if card.column == column and card.position == index:
            return True
        return self._push(
            commands.MoveCard(
                self,
                self.tr("Move card"),
                card_id,
                (card.column, card.position),
                (column, index),
                card.kind,
            )
        )

    @guarded
    def move_card_by(self, card_id: str, step: int) -> bool:
        """Move a card up (-1) or down (+1) within its column."""
        card = self.services.get_card(card_id)
        count = len(self.services.list_cards(self.meeting_id, card.column))
        target = max(0, min(count - 1, card.position + step))
        return self.move_card(card_id, card.column, target)

    @guarded
    def delete_card(self, card_id: str) -> bool:
        card = self.services.get_card(card_id)
        return self._push(commands.DeleteCard(self, self.tr("Delete card"), card_id, card.column))

    @guarded
    def set_kind(self, card_id: str, kind: str) -> bool:
        old = self.services.get_card(card_id).kind
        if old == kind:
            return True
        return self._push(
            commands.ChangeCard(
                self, self.tr("Change kind"), self.services.set_card_kind, card_id, old, kind
            )
        )

    @guarded
    def set_whose_words(self, card_id: str, participant_id: str | None) -> bool:
        old = self.services.get_card(card_id).whose_words_id
        if old == participant_id:
            return True
        return self._push(
            commands.ChangeCard(
                self,
                self.tr("Whose words"),
                self.services.set_whose_words,
                card_id,
                old,
                participant_id,
            )
        )

    @guarded
    def set_stance(self, card_id: str, participant_id: str, agrees: bool | None) -> bool:
        stances = self.services.card_stances(self.meeting_id).get(card_id, {})
        old = stances.get(participant_id)
        if old == agrees:
            return True
        return self._push(
            commands.SetStance(
                self, self.tr("Agree or disagree"), card_id, participant_id, old, agrees
            )
        )

    # ---------------------------------------------------------------- header
    @guarded
    def update_meeting(self, field: str, value: str | datetime | None) -> bool:
        meeting = self.services.get_meeting(self.meeting_id)
        old = getattr(meeting, field)
        if old == value:
            return True
        return self._push(
            commands.UpdateMeeting(self, self.tr("Change meeting details"), field, old, value)
        )

    @guarded
    def set_attendance(self, participant_id: str, present: bool) -> bool:
        attending = participant_id in self.services.list_attendee_ids(self.meeting_id)
        if attending == present:
            return True
        return self._push(
            commands.SetAttendance(self, self.tr("Who is here"), participant_id, present)
        )

    # --------------------------------------------------------------- ratings
    @guarded
    def set_rating(
        self,
        question_id: str,
        participant_id: str,
        value: int | None,
        *,
        comment: str | None = None,
    ) -> bool:
        """Store an answer 1-10, or None for an explicit "not answered"."""
        stored = self.services.get_rating(question_id, participant_id)
        old = None if stored is None else (stored.value, stored.comment)
        if old is not None and old[0] == value and (comment is None or comment == old[1]):
            return True
        return self._push(
            commands.SetRating(
                self, self.tr("Answer"), question_id, participant_id, old, (value, comment)
            )
        )

    @guarded
    def clear_answer(self, question_id: str, participant_id: str) -> bool:
        """Forget an answer: the question is open again for this person."""
        stored = self.services.get_rating(question_id, participant_id)
        if stored is None:
            return True
        return self._push(
            commands.SetRating(
                self,
                self.tr("Answer"),
                question_id,
                participant_id,
                (stored.value, stored.comment),
                None,
            )
        )

    @guarded
    def set_comment(self, question_id: str, participant_id: str, comment: str) -> bool:
        stored = self.services.get_rating(question_id, participant_id)
        if stored is None:
            # A comment without a number is an answer of its own: "not answered", and why.
            return self.set_rating(question_id, participant_id, None, comment=comment)
        return self.set_rating(question_id, participant_id, stored.value, comment=comment)

    @guarded
    def add_question(
        self, text: str, low_anchor: str = "", high_anchor: str = "", for_children: bool = False
    ) -> str | None:
        command = commands.AddQuestion(
            self, self.tr("Add question"), text, low_anchor, high_anchor, for_children
        )
        return command.question_id if self._push(command) else None

    @guarded
    def edit_question(self, question_id: str, **fields: object) -> bool:
        question = self.services.list_questions(self.meeting_id)
        current = next(q for q in question if q.id == question_id)
        old = {key: getattr(current, key) for key in fields}
        if old == fields:
            return True
        return self._push(
            commands.EditQuestion(self, self.tr("Edit question"), question_id, old, dict(fields))
        )

    @guarded
    def delete_question(self, question_id: str) -> bool:
        return self._push(commands.DeleteQuestion(self, self.tr("Delete question"), question_id))

    # ---------------------------------------------------------------- the plan
    @guarded
    def add_action(self, what: str, **fields: Any) -> str | None:
        """Add a line to the plan (what, who_participant_id/who_text, due_date/due_text)."""
        command = commands.AddAction(self, self.tr("Add to the plan"), {"what": what, **fields})
        return command.action_id if self._push(command) else None

    @guarded
    def edit_action(self, action_id: str, **fields: Any) -> bool:
        current = next(a for a in self.services.list_actions(self.meeting_id) if a.id == action_id)
        old = {key: getattr(current, key) for key in fields}
        if old == fields:
            return True
        text = self.tr("Tick off") if set(fields) == {"done"} else self.tr("Change the plan")
        return self._push(commands.EditAction(self, text, action_id, old, dict(fields)))

    @guarded
    def move_action_by(self, action_id: str, step: int) -> bool:
        actions = self.services.list_actions(self.meeting_id)
        index = next(i for i, a in enumerate(actions) if a.id == action_id)
        target = max(0, min(len(actions) - 1, index + step))
        if target == index:
            return True
        return self._push(
            commands.MoveAction(self, self.tr("Move in the plan"), action_id, index, target)
        )

    @guarded
    def delete_action(self, action_id: str) -> bool:
        return self._push(commands.DeleteAction(self, self.tr("Remove from the plan"), action_id))

    @guarded
    def action_from_card(self, card_id: str) -> str | None:
        """One tap: a card in "what needs to happen" becomes a line in the plan."""
        card = self.services.get_card(card_id)
        # Who does it is agreed in the meeting; whose words the card was is not the same.
        return self.add_action(card.text)

    @guarded
    def update_family(self, field: str, value: str) -> bool:
        old = getattr(self.services.get_family(self.family_id), field)
        if old == value:
            return True
        return self._push(
            commands.UpdateFamily(self, self.tr("Change the plan"), field, old, value)
        )
