"""Before any case data: the first start's password, or the unlock, then a new code.

:class:`StartupFlow` chooses the first screen from the data dir's state (no keys: choose
a password, for a new database or one of an earlier version; keys: unlock) and goes on
to the damaged-database offer (``ui/recovery.py``) or the recovery code when needed.
Key derivation runs on a worker thread (``ui/background.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from familymeeting.ui import theme
from familymeeting.ui.background import BackgroundJob, run_in_background
from familymeeting.ui.controls import (
    button_box,
    make_error_label,
    primary_button,
    text_label,
    title_label,
)
from familymeeting.ui.crash import error_text
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.lock import UnlockDialog
from familymeeting.ui.password import NewPasswordForm, RecoveryCodeDialog
from familymeeting.ui.recovery import RestoreOfferDialog


class SetupPasswordDialog(FittedDialog):
    """First start: choose the password that encrypts everything.

    With ``open_with`` set, Continue runs ``open_with(password)`` in the background
    (creating the keys, or encrypting the database of an earlier version) and the
    dialog is accepted with its answer in :attr:`result_value`. No signals beyond
    QDialog's.
    """

    def __init__(
        self,
        open_with: Callable[[str], object] | None = None,
        *,
        converting: bool = False,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("familymeeting")
        self.setMinimumWidth(640)
        self.open_with = open_with
        self.data_dir = data_dir
        self.result_value: object = None
        self._job: BackgroundJob | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Choose a password")))
        if converting:
            intro = self.tr(
                "This version of familymeeting keeps your data encrypted. Choose a "
                "password: your families and meetings are kept, now locked with it."
            )
        else:
            intro = self.tr(
                "familymeeting keeps what families tell you encrypted on this computer. "
                "You will type this password every time you open the app."
            )
        self.intro = text_label(intro)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        self.form = NewPasswordForm()
        self.form.changed.connect(self._update)
        layout.addWidget(self.form)
        self.status = text_label("", "muted")
        self.status.hide()
        layout.addWidget(self.status)
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        layout.addStretch()

        self.cancel_button = QPushButton(self.tr("Quit"))
        self.cancel_button.setMinimumHeight(theme.TOUCH + 8)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = primary_button(self.tr("Continue"))
        self.ok_button.clicked.connect(self.submit)
        layout.addWidget(
            button_box(
                (self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole),
                (self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole),
            )
        )
        self.form.confirm.returnPressed.connect(self.submit)
        self._update()
        self.form.password.setFocus()

    def password(self) -> str:
        return self.form.text()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.form.acceptable() and self._job is None)

    def submit(self) -> None:
        if not self.form.acceptable() or self._job is not None:
            return
        if self.open_with is None:
            self.accept()
            return
        self.error_label.hide()
        self.status.setText(self.tr("Encrypting your data… This takes a moment."))
        self.status.show()
        self.form.setEnabled(False)
        self.cancel_button.setEnabled(False)
        open_with, password = self.open_with, self.password()
        self._job = run_in_background(lambda: open_with(password), self._done, self._failed)
        self._update()

    def _done(self, result: object) -> None:
        self._job = None
        self.result_value = result
        self.accept()

    def _failed(self, error: object) -> None:
        self._job = None
        self.status.hide()
        self.form.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.error_label.setText(error_text(error, self.data_dir))
        self.error_label.show()
        self._update()


class StartupFlow(QObject):
    """Before any case data: set up a password, or unlock, and show a new recovery code.

    - no keys and no database: :class:`SetupPasswordDialog` (new, encrypted database);
    - no keys but a plain database from an earlier version: the same, worded for
      converting it;
    - keys: :class:`UnlockDialog`; if the database then proves damaged (moved aside
      untouched) or missing while backups exist, ``ui.recovery.RestoreOfferDialog``
      offers the newest good backup, or starting empty.

    Signals: finished(object): the ``UnlockResult``, or None if the user quit.
    """

    finished = Signal(object)

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.dialog: QDialog | None = None
        self.result: Any = None
        # Kept only while a damaged or missing database waits for the user's choice.
        self._password = ""

    def _open(self, password: str) -> object:
        """Runs on a worker thread. A damaged or missing database is an answer, not a
        failure: the password was right, and the next screen offers the backup."""
        from familymeeting.storage.unlock import RestoreNeeded, open_unlocked

        try:
            return open_unlocked(self.data_dir, password, wait=False)
        except RestoreNeeded as problem:
            self._password = password
            return problem

    def start(self) -> QDialog:
        """Open the first screen (not blocking) and return it.

        A database that cannot be converted is refused here, untouched, before a
        password is chosen for it (``UserError``).
        """
        from familymeeting.storage.unlock import DataState, check_plain_database, data_state

        state = data_state(self.data_dir)
        dialog: QDialog
        if state is DataState.ENCRYPTED:
            dialog = UnlockDialog(
                self.data_dir,
                self._open,
                title=self.tr("Welcome back"),
                cancel_text=self.tr("Quit"),
            )
        else:
            if state is DataState.PLAIN:
                check_plain_database(self.data_dir)
            dialog = SetupPasswordDialog(
                self._open, converting=state is DataState.PLAIN, data_dir=self.data_dir
            )
        dialog.accepted.connect(self._opened)
        dialog.rejected.connect(self._quit)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _opened(self) -> None:
        from familymeeting.storage.unlock import RestoreNeeded

        assert self.dialog is not None
        self.result = getattr(self.dialog, "result_value", None)
        self.dialog.deleteLater()
        if isinstance(self.result, RestoreNeeded):
            offer = RestoreOfferDialog(self.result, self.data_dir, self._password)
            self._password = ""
            offer.accepted.connect(self._opened)
            offer.rejected.connect(self._quit)
            self.dialog = offer
            offer.open()
            return
        code = getattr(self.result, "recovery_code", None)
        if code:
            from familymeeting.storage.unlock import acknowledge_recovery_code

            data_dir, text = self.data_dir, str(code)
            # Valid only once ticked and Continue pressed; a kill before starts over.
            shown = RecoveryCodeDialog(
                text, acknowledge=lambda: acknowledge_recovery_code(data_dir, text)
            )
            shown.accepted.connect(self._done)
            self.dialog = shown
            shown.open()
        else:
            self._done()

    def _done(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.finished.emit(self.result)

    def _quit(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.finished.emit(None)
