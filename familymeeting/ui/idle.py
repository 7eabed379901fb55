"""Notices when the app should lock: no input for a while, or the system going away.

What Qt reports, per platform (Qt 6.8–6.11):

- **Idle**: nothing built in. :class:`IdleWatcher` filters every event the
  application delivers and restarts its countdown on keyboard, mouse, wheel, touch
  and pen input. Time is measured with both the monotonic and the wall clock,
  because the monotonic clock stops while a laptop sleeps on Linux and macOS:
  the first touch after waking a machine that slept past the limit locks instead
  of counting as use (that touch is swallowed, so it edits nothing).
- **Suspend / app sent to the background**: ``QGuiApplication.applicationStateChanged``
  reports ``ApplicationSuspended`` on Android and iOS, and ``ApplicationHidden``
  on macOS (Cmd+H) and Android. Both lock. Windows, X11 and Wayland report only
  Active/Inactive; a window merely losing focus does not lock (the caseworker may
  look something up in another program).
- **Session lock and system sleep**: Qt has no event for either. On Windows,
  :class:`WindowsSessionFilter` reads the native messages ``WM_WTSSESSION_CHANGE``
  (``WTS_SESSION_LOCK``, after ``WTSRegisterSessionNotification``) and
  ``WM_POWERBROADCAST`` (``PBT_APMSUSPEND``) and locks. On Linux and macOS the
  idle limit (checked against the wall clock on wake-up, see above) is what locks.
"""

from __future__ import annotations

import sys
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication

# Events that mean a person is using the app. Paint, timer and focus events do not.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
        QEvent.Type.TabletRelease,
        QEvent.Type.InputMethod,
    }
)

# Application states in which the app is no longer in front of anyone.
AWAY_STATES = (Qt.ApplicationState.ApplicationSuspended, Qt.ApplicationState.ApplicationHidden)

# The watchers whose filter is on the application (see unwatched()).
_FILTERING: weakref.WeakSet[IdleWatcher] = weakref.WeakSet()


@contextmanager
def unwatched() -> Iterator[None]:
    """Take every idle watcher's filter off the application for a moment of pure work.

    For a restyle of the whole window (``ui/text_size.py``): it sends thousands of
    font, palette and style events, each of which would pass through Python here,
    and runs on the GUI thread without returning to the event loop, so no input
    can arrive meanwhile. The filters are back before the block's events are painted.
    """
    app = QCoreApplication.instance()
    if app is None:
        yield  # no application, no filters on it
        return
    watchers = list(_FILTERING)
    for watcher in watchers:
        app.removeEventFilter(watcher)
    try:
        yield
    finally:
        for watcher in watchers:
            app.installEventFilter(watcher)


class IdleWatcher(QObject):
    """Counts down while nobody touches the app.

    Signals:
    idle(): no input for ``timeout_ms`` (checked against both clocks).
    away(): the system or session is going away (suspend, hidden, session lock).
    """

    idle = Signal()
    away = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_ms = max(1, timeout_ms)
        self._running = False
        self._last_mono = time.monotonic()
        self._last_wall = time.time()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)
        self._native: WindowsSessionFilter | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            _FILTERING.add(self)
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)

    # ---------------------------------------------------------------- control
    def start(self) -> None:
        """Start (or restart) counting from now."""
        self._running = True
        self._touch()

    def stop(self) -> None:
        self._running = False
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._running

    def set_timeout(self, timeout_ms: int) -> None:
        self.timeout_ms = max(1, timeout_ms)
        if self._running:
            self._touch()

    def idle_ms(self) -> float:
        """How long nobody has used the app; the longer of the two clocks' answers."""
        mono = time.monotonic() - self._last_mono
        wall = time.time() - self._last_wall
        return max(mono, wall) * 1000

    def watch_native_session(self, win_id: int) -> None:
        """Also lock on session lock and sleep where the system tells us (Windows)."""
        if sys.platform != "win32" or self._native is not None:
            return
        self._native = WindowsSessionFilter(self.away.emit)
        self._native.register(win_id)
        app = QCoreApplication.instance()
        if app is not None:
            app.installNativeEventFilter(self._native)

    def dispose(self) -> None:
        """Stop watching for good (the window is closing)."""
        self.stop()
        _FILTERING.discard(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.applicationStateChanged.disconnect(self._state_changed)
            if self._native is not None:
                app.removeNativeEventFilter(self._native)
                self._native = None

    # --------------------------------------------------------------- watching
    def _touch(self) -> None:
        self._last_mono = time.monotonic()
        self._last_wall = time.time()
        self._timer.start(self.timeout_ms)

    def _check(self) -> None:
        if not self._running:
            return
        left = self.timeout_ms - self.idle_ms()
        if left > 0:  # input came in meanwhile, or a timer fired early
            self._timer.start(int(left) + 1)
            return
        self.stop()
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._running and event.type() in INPUT_EVENTS:
            if self.idle_ms() >= self.timeout_ms:
                # Woken after the limit (the timer slept with the machine): this touch
                # locks instead of reaching the board.
                self.stop()
                self.idle.emit()
                return True
            self._touch()
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if self._running and state in AWAY_STATES:
            self.away.emit()


# ------------------------------------------------------------------ Windows
WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
NOTIFY_FOR_THIS_SESSION = 0


def windows_message_locks(message: int, wparam: int) -> bool:
    """True for the native messages that mean the session locks or the machine sleeps."""
    return (message == WM_WTSSESSION_CHANGE and wparam == WTS_SESSION_LOCK) or (
        message == WM_POWERBROADCAST and wparam == PBT_APMSUSPEND
    )


class WindowsSessionFilter(QAbstractNativeEventFilter):
    """Reads Windows messages Qt does not turn into events (session lock, sleep)."""

    def __init__(self, on_lock: Any) -> None:
        super().__init__()
        self._on_lock = on_lock

    def register(self, win_id: int) -> None:
        """Ask Windows to send this window session-change messages."""
        if sys.platform != "win32":
            return  # ctypes has WinDLL on Windows only
        try:
            import ctypes

            wtsapi32 = ctypes.WinDLL("wtsapi32")
            wtsapi32.WTSRegisterSessionNotification(
                ctypes.c_void_p(int(win_id)), NOTIFY_FOR_THIS_SESSION
            )
        except (OSError, AttributeError):
            pass  # no session messages; idle locking still works

    def nativeEventFilter(
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind != b"windows_generic_MSG":
            return False, 0
        import ctypes.wintypes

        msg = ctypes.wintypes.MSG.from_address(int(message))
        if windows_message_locks(int(msg.message), int(msg.wParam or 0)):
            self._on_lock()
        return False, 0
