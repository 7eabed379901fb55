"""One meeting's board: its undo stack and the edits the widgets ask for."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message
from familymeeting.storage.services import Services
from familymeeting.ui.board import commands


class BoardController(QObject):
    """Turns requests from the board's widgets into undoable, saved edits.

    Signals:
        changed(object): after an edit was saved (or undone/redone); the argument is
            the set of column values whose card order changed, or None when only a
            card's details or the header changed.
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
    def report_saved(self, columns: set[str] | None) -> None:
        self.saved.emit()
        self.changed.emit(columns)

    def report_failure(self, error: UserError) -> None:
        self.failed.emit(user_message(error))

    def _push(self, command: commands.BoardCommand) -> bool:
        self.stack.push(command)
        return not command.failed

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

    def edit_text(self, card_id: str, text: str) -> bool:
        old = self.services.get_card(card_id).text
        if old == text.strip():
            return True
        return self._push(
            commands.ChangeCard(
                self, self.tr("Edit card"), self.services.update_card_text, card_id, old, text
            )
        )

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

    def move_card_by(self, card_id: str, step: int) -> bool:
        """Move a card up (-1) or down (+1) within its column."""
        card = self.services.get_card(card_id)
        count = len(self.services.list_cards(self.meeting_id, card.column))
        target = max(0, min(count - 1, card.position + step))
        return self.move_card(card_id, card.column, target)

    def delete_card(self, card_id: str) -> bool:
        card = self.services.get_card(card_id)
        return self._push(commands.DeleteCard(self, self.tr("Delete card"), card_id, card.column))

    def set_kind(self, card_id: str, kind: str) -> bool:
        old = self.services.get_card(card_id).kind
        if old == kind:
            return True
        return self._push(
            commands.ChangeCard(
                self, self.tr("Change kind"), self.services.set_card_kind, card_id, old, kind
            )
        )

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
    def update_meeting(self, field: str, value: str | datetime | None) -> bool:
        meeting = self.services.get_meeting(self.meeting_id)
        old = getattr(meeting, field)
        if old == value:
            return True
        return self._push(
            commands.UpdateMeeting(self, self.tr("Change meeting details"), field, old, value)
        )

    def set_attendance(self, participant_id: str, present: bool) -> bool:
        attending = participant_id in self.services.list_attendee_ids(self.meeting_id)
        if attending == present:
            return True
        return self._push(
            commands.SetAttendance(self, self.tr("Who is here"), participant_id, present)
        )
