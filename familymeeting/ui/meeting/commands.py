"""A meeting's undo history: each edit is an operation wrapped in a QUndoCommand.

The operation (``storage/operations.py``, Qt-free) does the work in one transaction
and hands back what changed and the operation that undoes it; this command only runs
it on the meeting's ``QUndoStack`` and passes the changes to the views. Undo runs the
inverse; redo runs the inverse's inverse (a card brought back keeps its id). A command
whose first run is refused, or that changes nothing, marks itself obsolete, so Qt
drops it instead of recording an edit that never happened; an undo refused (the thing
was changed elsewhere meanwhile) drops the command too, and the message says why.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand

from familymeeting.domain.errors import UserError
from familymeeting.storage.operations import Applied, Changes, Operation


class CommandHost(Protocol):
    """What a command needs from the meeting it belongs to (the ``MeetingController``)."""

    def apply(self, operation: Operation) -> Applied: ...

    def report_saved(self, changes: Changes) -> None: ...

    def report_failure(self, error: UserError) -> None: ...


class OperationCommand(QUndoCommand):
    """One undoable edit of a meeting: ``operation`` now, its inverse on undo."""

    def __init__(self, controller: CommandHost, text: str, operation: Operation) -> None:
        super().__init__(text)
        self.controller = controller
        self.operation = operation
        self.inverse: Operation | None = None
        self.applied: Applied | None = None  # the first run's result, for the caller
        self.failed = False

    def _run(self, operation: Operation) -> Applied | None:
        try:
            applied = self.controller.apply(operation)
        except UserError as exc:
            self.controller.report_failure(exc)
            return None
        self.controller.report_saved(applied.changes)
        return applied

    def redo(self) -> None:
        applied = self._run(self.operation)
        if applied is None:
            self.failed = True
            self.setObsolete(True)
            return
        if self.applied is None:
            self.applied = applied
            if not applied.changed:
                self.setObsolete(True)  # nothing to undo: no entry in the history
        self.inverse = applied.undo

    def undo(self) -> None:
        assert self.inverse is not None
        applied = self._run(self.inverse)
        if applied is None:
            self.setObsolete(True)  # cannot be undone any more: leave the history
            return
        # A meeting edit's inverse is itself undoable: every operation that has an
        # inverse hands one back (``storage/operations.py``), so redo has work to do.
        assert applied.undo is not None
        self.operation = applied.undo
