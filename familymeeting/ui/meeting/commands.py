"""Undoable board edits.

Every change to a meeting's board and header is a ``QUndoCommand`` pushed on the
meeting's ``QUndoStack``. ``redo``/``undo`` call the storage services, so the
undo history and what is saved on disk are one mechanism: undo *is* a save of
the earlier state. A command whose first ``redo`` fails (bad input, full disk)
marks itself obsolete, so Qt drops it instead of recording an edit that never
happened; the controller reports the failure to the user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import SQLAlchemyError

from familymeeting.domain.errors import DatabaseError, UserError
from familymeeting.storage.models import Action
from familymeeting.storage.services import CardSnapshot, QuestionSnapshot

if TYPE_CHECKING:
    from familymeeting.ui.meeting.controller import MeetingController


@dataclass(frozen=True)
class Change:
    """What a saved edit changed, so the views re-read only that.

    ``cards``: cards whose details (text, kind, whose words, who agrees) changed in
    place. ``columns``: columns whose cards or card order changed. ``everything``:
    the header, the ratings or the plan may have changed too.
    """

    cards: frozenset[str] = frozenset()
    columns: frozenset[str] = frozenset()
    everything: bool = False


EVERYTHING = Change(everything=True)


class BoardCommand(QUndoCommand):
    """Base: runs a service call, reports success or failure to the controller."""

    def __init__(self, controller: MeetingController, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.failed = False

    def _run(self, action: Callable[[], Any], change: Change) -> None:
        try:
            try:
                action()
            except SQLAlchemyError as exc:
                # Normally Database.session has already said what went wrong; this is
                # the last line of defence so a failed save is never shown as saved.
                raise DatabaseError("db_write_failed", reason=type(exc).__name__) from exc
        except UserError as exc:
            self.failed = True
            self.setObsolete(True)
            self.controller.report_failure(exc)
            return
        self.controller.report_saved(change)

    def redo(self) -> None:
        self._run(self.do, self.change())

    def undo(self) -> None:
        self._run(self.undo_it, self.change())

    def do(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def undo_it(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def change(self) -> Change:
        """What the views must show again; everything unless a command knows better."""
        return EVERYTHING


class AddCard(BoardCommand):
    def __init__(
        self,
        controller: MeetingController,
        text: str,
        column: str,
        card_text: str,
        *,
        kind: str = "plain",
        whose_words_id: str | None = None,
        index: int | None = None,
    ) -> None:
        super().__init__(controller, text)
        self.column, self.card_text, self.kind = column, card_text, kind
        self.whose_words_id, self.index = whose_words_id, index
        self.card_id: str | None = None
        self.snapshot: CardSnapshot | None = None

    def do(self) -> None:
        services = self.controller.services
        if self.snapshot is not None:
            services.restore_card(self.snapshot)  # redo after undo: same id, same place
            return
        card = services.add_card(
            self.controller.meeting_id,
            self.column,
            self.card_text,
            kind=self.kind,
            whose_words_id=self.whose_words_id,
            index=self.index,
        )
        self.card_id = card.id

    def undo_it(self) -> None:
        assert self.card_id is not None
        self.snapshot = self.controller.services.delete_card(self.card_id)

    def change(self) -> Change:
        return Change(columns=frozenset({self.column}))


class DeleteCard(BoardCommand):
    def __init__(self, controller: MeetingController, text: str, card_id: str, column: str) -> None:
        super().__init__(controller, text)
        self.card_id, self.column = card_id, column
        self.snapshot: CardSnapshot | None = None

    def do(self) -> None:
        self.snapshot = self.controller.services.delete_card(self.card_id)

    def undo_it(self) -> None:
        assert self.snapshot is not None
        self.controller.services.restore_card(self.snapshot)

    def change(self) -> Change:
        return Change(columns=frozenset({self.column}))


class ChangeCard(BoardCommand):
    """One detail of a card (text, kind, whose words) from ``old`` to ``new``.

    ``setter`` is the service method that stores the detail, e.g.
    ``Services.update_card_text``; undo calls it with the old value.
    """

    def __init__(
        self,
        controller: MeetingController,
        text: str,
        setter: Callable[[str, Any], object],
        card_id: str,
        old: object,
        new: object,
    ) -> None:
        super().__init__(controller, text)
        self.setter, self.card_id, self.old, self.new = setter, card_id, old, new

    def do(self) -> None:
        self.setter(self.card_id, self.new)

    def undo_it(self) -> None:
        self.setter(self.card_id, self.old)

    def change(self) -> Change:
        return Change(cards=frozenset({self.card_id}))


class MoveCard(BoardCommand):
    """Move within or between columns; undo puts it back, kind included."""

    def __init__(
        self,
        controller: MeetingController,
        text: str,
        card_id: str,
        source: tuple[str, int],
        target: tuple[str, int],
        old_kind: str,
    ) -> None:
        super().__init__(controller, text)
        self.card_id, self.source, self.target, self.old_kind = card_id, source, target, old_kind

    def do(self) -> None:
        self.controller.services.move_card(self.card_id, *self.target)

    def undo_it(self) -> None:
        services = self.controller.services
        with services.batch():
            services.move_card(self.card_id, *self.source)
            if services.get_card(self.card_id).kind != self.old_kind:
                services.set_card_kind(self.card_id, self.old_kind)

    def change(self) -> Change:
        return Change(columns=frozenset({self.source[0], self.target[0]}))


class SetStance(BoardCommand):
    def __init__(
        self,
        controller: MeetingController,
        text: str,
        card_id: str,
        participant_id: str,
        old: bool | None,
        new: bool | None,
    ) -> None:
        super().__init__(controller, text)
        self.card_id, self.participant_id, self.old, self.new = card_id, participant_id, old, new

    def do(self) -> None:
        self.controller.services.set_stance(self.card_id, self.participant_id, self.new)

    def undo_it(self) -> None:
        self.controller.services.set_stance(self.card_id, self.participant_id, self.old)

    def change(self) -> Change:
        return Change(cards=frozenset({self.card_id}))


class UpdateMeeting(BoardCommand):
    """One header field: starts_at, place, status, next_meeting_at or next_meeting_place."""

    def __init__(
        self,
        controller: MeetingController,
        text: str,
        field: str,
        old: str | datetime | None,
        new: str | datetime | None,
    ) -> None:
        super().__init__(controller, text)
        self.field, self.old, self.new = field, old, new

    def _set(self, value: str | datetime | None) -> None:
        self.controller.services.update_meeting(self.controller.meeting_id, **{self.field: value})

    def do(self) -> None:
        self._set(self.new)

    def undo_it(self) -> None:
        self._set(self.old)


class SetAttendance(BoardCommand):
    def __init__(
        self, controller: MeetingController, text: str, participant_id: str, present: bool
    ) -> None:
        super().__init__(controller, text)
        self.participant_id, self.present = participant_id, present

    def do(self) -> None:
        self.controller.services.set_attendance(
            self.controller.meeting_id, self.participant_id, self.present
        )

    def undo_it(self) -> None:
        self.controller.services.set_attendance(
            self.controller.meeting_id, self.participant_id, not self.present
        )


class SetRating(BoardCommand):
    """One person's answer to one question: a number, "not answered", or a comment."""

    def __init__(
        self,
        controller: MeetingController,
        text: str,
        question_id: str,
        participant_id: str,
        old: tuple[int | None, str] | None,
        new: tuple[int | None, str | None] | None,
    ) -> None:
        """``old``/``new`` are (value, comment), or None for "never asked" (no answer row)."""
        super().__init__(controller, text)
        self.question_id, self.participant_id = question_id, participant_id
        self.old, self.new = old, new

    def do(self) -> None:
        services = self.controller.services
        if self.new is None:
            services.clear_rating(self.question_id, self.participant_id)
            return
        value, comment = self.new
        services.set_rating(self.question_id, self.participant_id, value, comment=comment)

    def undo_it(self) -> None:
        services = self.controller.services
        if self.old is None:  # the question had not been put to this person before
            services.clear_rating(self.question_id, self.participant_id)
        else:
            value, comment = self.old
            services.set_rating(self.question_id, self.participant_id, value, comment=comment)


class AddQuestion(BoardCommand):
    def __init__(
        self,
        controller: MeetingController,
        text: str,
        wording: str,
        low_anchor: str,
        high_anchor: str,
        for_children: bool,
    ) -> None:
        super().__init__(controller, text)
        self.fields = (wording, low_anchor, high_anchor, for_children)
        self.question_id: str | None = None
        self.snapshot: QuestionSnapshot | None = None

    def do(self) -> None:
        services = self.controller.services
        if self.snapshot is not None:
            services.restore_question(self.snapshot)
            return
        wording, low, high, for_children = self.fields
        question = services.add_question(
            self.controller.meeting_id,
            wording,
            low_anchor=low,
            high_anchor=high,
            for_children=for_children,
        )
        self.question_id = question.id

    def undo_it(self) -> None:
        assert self.question_id is not None
        self.snapshot = self.controller.services.delete_question(self.question_id)


class EditQuestion(BoardCommand):
    def __init__(
        self,
        controller: MeetingController,
        text: str,
        question_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
    ) -> None:
        super().__init__(controller, text)
        self.question_id, self.old, self.new = question_id, old, new

    def do(self) -> None:
        self.controller.services.update_question(self.question_id, **self.new)

    def undo_it(self) -> None:
        self.controller.services.update_question(self.question_id, **self.old)


class DeleteQuestion(BoardCommand):
    def __init__(self, controller: MeetingController, text: str, question_id: str) -> None:
        super().__init__(controller, text)
        self.question_id = question_id
        self.snapshot: QuestionSnapshot | None = None

    def do(self) -> None:
        self.snapshot = self.controller.services.delete_question(self.question_id)

    def undo_it(self) -> None:
        assert self.snapshot is not None
        self.controller.services.restore_question(self.snapshot)


class AddAction(BoardCommand):
    """A new line in the plan: what, who, by when."""

    def __init__(self, controller: MeetingController, text: str, fields: dict[str, Any]) -> None:
        super().__init__(controller, text)
        self.fields = fields
        self.action_id: str | None = None
        self.snapshot: Action | None = None

    def do(self) -> None:
        services = self.controller.services
        if self.snapshot is not None:
            services.restore_action(self.snapshot)
            return
        what = self.fields["what"]
        rest = {k: v for k, v in self.fields.items() if k != "what"}
        self.action_id = services.add_action(self.controller.meeting_id, what, **rest).id

    def undo_it(self) -> None:
        assert self.action_id is not None
        self.snapshot = self.controller.services.delete_action(self.action_id)


class EditAction(BoardCommand):
    def __init__(
        self,
        controller: MeetingController,
        text: str,
        action_id: str,
        old: dict[str, Any],
        new: dict[str, Any],
    ) -> None:
        super().__init__(controller, text)
        self.action_id, self.old, self.new = action_id, old, new

    def do(self) -> None:
        self.controller.services.update_action(self.action_id, **self.new)

    def undo_it(self) -> None:
        self.controller.services.update_action(self.action_id, **self.old)


class MoveAction(BoardCommand):
    def __init__(
        self, controller: MeetingController, text: str, action_id: str, old: int, new: int
    ) -> None:
        super().__init__(controller, text)
        self.action_id, self.old, self.new = action_id, old, new

    def do(self) -> None:
        self.controller.services.move_action(self.action_id, self.new)

    def undo_it(self) -> None:
        self.controller.services.move_action(self.action_id, self.old)


class DeleteAction(BoardCommand):
    def __init__(self, controller: MeetingController, text: str, action_id: str) -> None:
        super().__init__(controller, text)
        self.action_id = action_id
        self.snapshot: Action | None = None

    def do(self) -> None:
        self.snapshot = self.controller.services.delete_action(self.action_id)

    def undo_it(self) -> None:
        assert self.snapshot is not None
        self.controller.services.restore_action(self.snapshot)


class UpdateFamily(BoardCommand):
    """The caseworker's name or phone on the plan (stored on the family)."""

    def __init__(
        self,
        controller: MeetingController,
        text: str,
        field: str,
        old: str,
        new: str,
    ) -> None:
        super().__init__(controller, text)
        self.field, self.old, self.new = field, old, new

    def do(self) -> None:
        self.controller.services.update_family(self.controller.family_id, **{self.field: self.new})

    def undo_it(self) -> None:
        self.controller.services.update_family(self.controller.family_id, **{self.field: self.old})
