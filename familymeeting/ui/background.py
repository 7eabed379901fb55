"""Work off the GUI thread, answered on it: the one helper every screen uses.

Key derivation (about a second), backups, checks, restores and the plan's PDF run
on Qt's global thread pool, so the window keeps answering meanwhile. The answer
(or the exception) comes back on the GUI thread. Pass bound methods of a QObject
as the callbacks: Qt drops the connection if that object is gone before the answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class ProgressRelay(QObject):
    """Carries ``(done, total)`` from a worker thread to a progress bar (queued: the
    slot runs on the GUI thread). Pass ``relay.step.emit`` as the work's progress, and
    make it without a parent: the work keeps it alive, so a dialog closed (deleted)
    before the work ends does not take it along while the worker still emits on it.

    Signals:
        step(int, int): done so far, and of how many.
    """

    step = Signal(int, int)


class _Relay(QObject):
    """Made on the GUI thread: takes the worker's answer there and hands it on, unless
    the job was cancelled meanwhile (an answer already queued cannot be taken back)."""

    finished = Signal(object)  # emitted on the worker thread
    crashed = Signal(object)
    done = Signal(object)  # emitted on the GUI thread, to the caller's callbacks
    failed = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.cancelled = False
        self.finished.connect(self._finished)
        self.crashed.connect(self._crashed)

    def _finished(self, result: object) -> None:
        _waiting.discard(self)
        if not self.cancelled:
            self.done.emit(result)

    def _crashed(self, error: object) -> None:
        _waiting.discard(self)
        if not self.cancelled:
            self.failed.emit(error)


# Relays whose answer has not arrived: kept alive here, whoever keeps the job.
_waiting: set[_Relay] = set()


class _Runnable(QRunnable):
    """The thread pool's task (deleted by the pool when it has run)."""

    def __init__(self, call: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self.call = call
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.call()
        except Exception as exc:  # reported on the GUI thread
            self.relay.crashed.emit(exc)
            return
        self.relay.finished.emit(result)


class BackgroundJob:
    """A call started by :func:`run_in_background`; cancel it to drop its answer."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay

    def cancel(self) -> None:
        """Neither callback is called after this, whenever the answer arrives (the call
        itself, once started, runs to its end). Call it on the GUI thread."""
        self._relay.cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._relay.cancelled


T = TypeVar("T")


def run_in_background(
    call: Callable[[], T],
    on_done: Callable[[T], None],
    on_failed: Callable[[object], None],
) -> BackgroundJob:
    """Start ``call`` on the thread pool; ``on_done(result)`` or ``on_failed(exception)``
    follows on the GUI thread, unless the job is cancelled before.

    Call it on the GUI thread. Keep the job where an answer may come too late to be
    wanted (another request was made since): cancel it then.
    """
    relay = _Relay()
    relay.done.connect(on_done)
    relay.failed.connect(on_failed)
    _waiting.add(relay)
    QThreadPool.globalInstance().start(_Runnable(call, relay))
    return BackgroundJob(relay)
