"""The last resort for a bug nobody caught: log it, tell the user their data is safe, go on.

``install_excepthook(data_dir)`` makes ``sys.excepthook`` (which PySide6 calls for an
exception escaping a slot or an overridden Qt method) write the traceback to the bug
log (``familymeeting.bugs``) and show one plain message box. Every change is saved
the moment it is made, so the honest thing to tell the user is that they can go on.

- One box at a time: a second error while it is open is logged, not shown again.
- Ctrl+C (KeyboardInterrupt) goes to the hook that was there before.
- An error inside the hook itself falls back to Python's own hook, never to us again.
- Inside a running event loop, or on a worker thread, the box is opened later from the
  GUI thread's event loop, after the failing code has unwound (a painter or a lock it
  held is released by then); with no loop running (a start-up error) it opens at once.

:func:`error_text` words a failure a screen caught itself for its message line: the
user's own mistake, or a bug, logged the same way.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from familymeeting.bugs import log_bug
from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
Show = Callable[[QMessageBox], object]


def open_folder(folder: Path) -> None:
    """Open ``folder`` in the system's file manager (a module function, so tests replace it)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def error_text(error: object, data_dir: Path | None) -> str:
    """A failure in words for a screen's message line: the user's own mistake as its
    message; a bug logged (as the crash box does), with where its details went."""
    if isinstance(error, UserError):
        return user_message(error)
    if isinstance(error, BaseException) and data_dir is not None:
        path = log_bug(data_dir, error)
        return QCoreApplication.translate(
            "CrashDialog", "Something went wrong. Details are saved in %1."
        ).replace("%1", str(path))
    return QCoreApplication.translate("CrashDialog", "Something went wrong.")


def build_crash_dialog(log_file: Path, parent: QWidget | None = None) -> QMessageBox:
    """The message box: what happened, that the data is safe, where the details are.

    Buttons: OK (the default) and "Open folder", which opens the folder of ``log_file``.
    """
    box = QMessageBox(parent)
    box.setObjectName("crashDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("familymeeting")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(QCoreApplication.translate("CrashDialog", "Something went wrong."))
    box.setInformativeText(
        QCoreApplication.translate(
            "CrashDialog",
            "Your data is safe: every change was saved the moment it was made. "
            "You can go on working; if this happens again, restart the program. "
            "Details for support (no case text) are in:",
        )
        + "\n"
        + str(log_file)
    )
    # Wide enough to read in a few lines, the headline in bold, the path copyable.
    box.setStyleSheet(
        "QLabel#qt_msgbox_label { font-weight: bold; }"
        "QLabel#qt_msgbox_informativelabel { min-width: 30em; }"
    )
    info = box.findChild(QLabel, "qt_msgbox_informativelabel")
    if info is not None:
        info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    ok = box.addButton(QMessageBox.StandardButton.Ok)
    box.setDefaultButton(ok)
    box.setEscapeButton(ok)
    folder_button = box.addButton(
        QCoreApplication.translate("CrashDialog", "Open folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    folder_button.setObjectName("openLogFolder")
    # If the log could not be written, its folder may not exist: show the data dir.
    folder = log_file.parent
    folder_button.clicked.connect(lambda: open_folder(folder if folder.is_dir() else folder.parent))
    return box


class CrashHandler(QObject):
    """The ``sys.excepthook`` installed by :func:`install_excepthook`; call it like one.

    Attributes: ``dialog`` is the open box (None when none is open), ``previous`` the
    hook it replaced. ``uninstall()`` (or leaving a ``with`` block) puts that back.

    Signals: none public (``_show_requested`` carries a request to the GUI thread).
    """

    _show_requested = Signal(str)

    def __init__(self, data_dir: Path, previous: ExceptHook, show: Show | None = None) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.previous = previous
        self.dialog: QMessageBox | None = None
        self._show: Show = show or (lambda box: box.exec())
        self._pending = False  # a box is open or on its way: log further errors only
        self._state_lock = threading.Lock()
        # Queued even from the GUI thread: the box opens once the failing code unwound.
        self._show_requested.connect(self._show_dialog, Qt.ConnectionType.QueuedConnection)

    def __call__(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        try:
            if exc.__traceback__ is None and tb is not None:
                exc = exc.with_traceback(tb)
            path = log_bug(self.data_dir, exc)
            with self._state_lock:
                if self._pending:
                    return
                self._pending = True
            app = QApplication.instance()
            if not isinstance(app, QApplication):
                # No GUI (any more): the log has it; say so where someone may read it.
                self._pending = False
                sys.__excepthook__(exc_type, exc, tb)
                return
            # The application lives on the main thread (app.py makes it there).
            on_gui_thread = threading.current_thread() is threading.main_thread()
            if on_gui_thread and QThread.currentThread().loopLevel() == 0:
                self._show_dialog(str(path))  # no event loop yet (or any more): now
            else:
                self._show_requested.emit(str(path))
        except BaseException:
            self._pending = self.dialog is not None
            # Never ourselves again: Python's own hook prints both errors.
            sys.__excepthook__(exc_type, exc, tb)
            sys.__excepthook__(*sys.exc_info())

    def _show_dialog(self, path: str) -> None:
        try:
            # Over the window the person is using, and at its text size.
            box = build_crash_dialog(Path(path), QApplication.activeWindow())
            box.setWindowModality(Qt.WindowModality.ApplicationModal)
            box.finished.connect(lambda _result: self._closed(box))
            self.dialog = box
            self._show(box)
        except BaseException:
            self._closed(self.dialog)
            sys.__excepthook__(*sys.exc_info())

    def _closed(self, box: QMessageBox | None) -> None:
        if box is not None and box is self.dialog:
            self.dialog = None
            box.deleteLater()
        if self.dialog is None:
            self._pending = False

    def uninstall(self) -> None:
        """Put back the hook this one replaced (if this one is still installed)."""
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __enter__(self) -> CrashHandler:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.uninstall()


def install_excepthook(data_dir: Path, show: Show | None = None) -> CrashHandler:
    """Make uncaught errors a logged bug and one calm message box; returns the hook.

    ``show`` opens the box; by default ``QMessageBox.exec`` (modal, its own event
    loop, so the window keeps painting). Tests pass ``lambda box: box.open()``.
    """
    handler = CrashHandler(data_dir, sys.excepthook, show)
    sys.excepthook = handler
    return handler
