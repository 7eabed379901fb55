"""One meeting: its undo stack, and the edits its views ask for, as operations.

Every edit of a meeting (cards, the header, who is here, answers, questions, the plan,
the caseworker's contact on the plan) is an operation (``storage/operations.py``) run
through its QUndoStack (``commands.OperationCommand``): one write transaction each,
nothing read before or after it; the views update from the changes it returns.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message
from familymeeting.storage import operations as ops
from familymeeting.storage.operations import Applied, Changes
from familymeeting.storage.services import Services
from familymeeting.ui.meeting.commands import OperationCommand


class MeetingController(QObject):
    """Turns requests from a meeting's views into undoable, saved edits.

    Signals:
        changed(object): after an edit was saved (or undone/redone); the argument is
            the ``Changes`` the operation returned: what to show, as stored.
        saved(): an edit reached the database.
        failed(str): an edit was refused or could not be saved; the message is in
            the user's language and nothing was changed.
    """

    changed = Signal(object)
    saved = Signal()
    failed = Signal(str)

    def __init__(
        self,
        services: Services,
        meeting_id: str,
        parent: QObject | None = None,
        *,
        family_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.meeting_id = meeting_id
        self.family_id = family_id or services.get_meeting(meeting_id).family_id
        self.stack = QUndoStack(self)

    # Called by the commands (``commands.CommandHost``).
    def apply(self, operation: ops.Operation) -> Applied:
        """Run ``operation`` in one write transaction (what a command does and undoes)."""
        return self.services.run(operation)

    def report_saved(self, changes: Changes) -> None:
        self.saved.emit()
        self.changed.emit(changes)

    def report_failure(self, error: UserError) -> None:
        self.failed.emit(user_message(error))

    def run(self, text: str, operation: ops.Operation) -> Applied | None:
        """Push ``operation`` on the meeting's stack; its result, or None if refused."""
        command = OperationCommand(self, text, operation)
        self.stack.push(command)
        return None if command.failed else command.applied

    # ----------------------------------------------------------------- cards
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
        op = ops.AddCard(self.meeting_id, column, text, kind, whose_words_id, index)
        applied = self.run(self.tr("Add card"), op)
        return applied.changes.cards[0].id if applied is not None else None

    def edit_text(self, card_id: str, text: str) -> bool:
        op = ops.SetCardField(card_id, "text", text)
        return self.run(self.tr("Edit card"), op) is not None

    def move_card(self, card_id: str, column: str, index: int) -> bool:
        return self.run(self.tr("Move card"), ops.MoveCard(card_id, column, index)) is not None

    def move_card_by(self, card_id: str, step: int) -> bool:
        """Move a card up (-1) or down (+1) within its column."""
        return self.run(self.tr("Move card"), ops.MoveCardBy(card_id, step)) is not None

    def delete_card(self, card_id: str) -> bool:
        return self.run(self.tr("Delete card"), ops.DeleteCard(card_id)) is not None

    def set_kind(self, card_id: str, kind: str) -> bool:
        op = ops.SetCardField(card_id, "kind", kind)
        return self.run(self.tr("Change kind"), op) is not None

    def set_whose_words(self, card_id: str, participant_id: str | None) -> bool:
        op = ops.SetCardField(card_id, "whose_words_id", participant_id)
        return self.run(self.tr("Whose words"), op) is not None

    def set_stance(self, card_id: str, participant_id: str, agrees: bool | None) -> bool:
        op = ops.SetStance(card_id, participant_id, agrees)
        return self.run(self.tr("Agree or disagree"), op) is not None

    # ---------------------------------------------------------------- header
    def update_meeting(self, field: str, value: str | datetime | None) -> bool:
        op = ops.SetMeetingField(self.meeting_id, field, value)
        return self.run(self.tr("Change meeting details"), op) is not None

    def set_attendance(self, participant_id: str, present: bool) -> bool:
        op = ops.SetAttendance(self.meeting_id, participant_id, present)
        return self.run(self.tr("Who is here"), op) is not None

    # --------------------------------------------------------------- ratings
    def set_rating(
        self,
        question_id: str,
        participant_id: str,
        value: int | None,
        *,
        comment: str | None = None,
        alone: tuple[bool, bool] | None = None,
    ) -> bool:
        """Store an answer 1-10, or None for an explicit "not answered"; ``alone``:
        (given by a child alone in child mode, the grown-ups may see it)."""
        op = ops.SetAnswer(question_id, participant_id, (value, comment), alone)
        return self.run(self.tr("Answer"), op) is not None

    def clear_answer(self, question_id: str, participant_id: str) -> bool:
        """Forget an answer: the question is open again for this person."""
        op = ops.SetAnswer(question_id, participant_id, None)
        return self.run(self.tr("Answer"), op) is not None

    def set_comment(self, question_id: str, participant_id: str, comment: str) -> bool:
        op = ops.SetComment(question_id, participant_id, comment)
        return self.run(self.tr("Answer"), op) is not None

    def add_question(
        self,
        text: str,
        low_anchor: str = "",
        high_anchor: str = "",
        audience: str = "everyone",
        chosen: frozenset[str] = frozenset(),
    ) -> str | None:
        op = ops.AddQuestion(self.meeting_id, text, low_anchor, high_anchor, audience, chosen)
        applied = self.run(self.tr("Add question"), op)
        if applied is None or not isinstance(applied.undo, ops.DeleteQuestion):
            return None
        return applied.undo.question_id

    def edit_question(self, question_id: str, **fields: object) -> bool:
        op = ops.EditQuestion(question_id, dict(fields))
        return self.run(self.tr("Edit question"), op) is not None

    def delete_question(self, question_id: str) -> bool:
        op = ops.DeleteQuestion(question_id)
        return self.run(self.tr("Delete question"), op) is not None

    # ---------------------------------------------------------------- the plan
    def add_action(self, what: str, **fields: Any) -> str | None:
        """Add a line to the plan (what, who_participant_id/who_text, due_date/due_text)."""
        op = ops.AddAction(self.meeting_id, what, dict(fields))
        return self._action_id(self.run(self.tr("Add to the plan"), op))

    def edit_action(self, action_id: str, **fields: Any) -> bool:
        text = self.tr("Tick off") if set(fields) == {"done"} else self.tr("Change the plan")
        return self.run(text, ops.EditAction(action_id, dict(fields))) is not None

    def move_action_by(self, action_id: str, step: int) -> bool:
        op = ops.MoveActionBy(action_id, step)
        return self.run(self.tr("Move in the plan"), op) is not None

    def delete_action(self, action_id: str) -> bool:
        op = ops.DeleteAction(action_id)
        return self.run(self.tr("Remove from the plan"), op) is not None

    def action_from_card(self, card_id: str) -> str | None:
        """One tap: a card in "what needs to happen" becomes a line in the plan."""
        return self._action_id(self.run(self.tr("Add to the plan"), ops.ActionFromCard(card_id)))

    @staticmethod
    def _action_id(applied: Applied | None) -> str | None:
        if applied is None or not isinstance(applied.undo, ops.DeleteAction):
            return None
        return applied.undo.action_id

    def update_family(self, field: str, value: str) -> bool:
        op = ops.SetFamilyField(self.family_id, field, value)
        return self.run(self.tr("Change the plan"), op) is not None
