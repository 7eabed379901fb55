"""Settings' "Change the data key": the window's side of ``familymeeting passwd --rekey``.

The current password, then the database and every backup in the data folder are
encrypted again under a new data key, off the GUI thread with a progress bar
(``Vault.rekey``, the same storage steps as the command line), then the new recovery
code is shown once in the app's one recovery-code dialog (``ui/password.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QProgressBar, QVBoxLayout, QWidget

from familymeeting.ui.background import BackgroundJob, ProgressRelay, run_in_background
from familymeeting.ui.controls import (
    button_box,
    make_error_label,
    primary_button,
    standard_button,
    text_label,
    title_label,
)
from familymeeting.ui.crash import error_text
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.password import PasswordField, RecoveryCodeDialog

if TYPE_CHECKING:
    from familymeeting.storage.rekey import RekeyResult
    from familymeeting.storage.vault import Vault


class RekeyDialog(FittedDialog):
    """ "Change the data key": the password, the work with its progress, the new code.

    It cannot be closed while the files are being encrypted again, nor until the new
    recovery code was written down; then it is accepted (the result in ``result_``).
    A wrong password is said in the dialog, and nothing changes.

    Signals: ``running(bool)``: True when the work starts; False when it failed (the
    dialog stays) or the code was written down. The window holds its lock meanwhile.
    """

    running = Signal(bool)

    def __init__(self, vault: Vault, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.busy = False
        self.result_: RekeyResult | None = None
        self.code_dialog: RecoveryCodeDialog | None = None
        self._job: BackgroundJob | None = None
        self.setWindowTitle(self.tr("Change the data key"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Change the data key?")))
        layout.addWidget(
            text_label(
                self.tr(
                    "The data and every backup in its folder are encrypted again with a new "
                    "key. Do it if a laptop or an old copy of the key file may have been "
                    "lost: old key files and old passwords then open nothing in this folder."
                )
            )
        )
        layout.addWidget(
            text_label(
                self.tr(
                    "Your password stays the same. You get a new recovery code, and the old "
                    "one stops working. It takes a while with many backups."
                ),
                "muted",
            )
        )
        self.password = PasswordField(self.tr("Current password"))
        self.password.textChanged.connect(self._typed)
        self.password.returnPressed.connect(self.submit)
        layout.addWidget(self.password)
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        self.status_label = text_label("", "muted")
        self.status_label.hide()
        layout.addWidget(self.status_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Progress"))
        self.progress_bar.setRange(0, 0)  # busy until the backups are counted
        self.progress_bar.hide()
        layout.addWidget(self.progress_bar)
        layout.addStretch()

        self.start_button = primary_button(self.tr("Change the key"))
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.submit)
        buttons = button_box((self.start_button, QDialogButtonBox.ButtonRole.AcceptRole))
        self.cancel_button = standard_button(buttons, QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        # No parent: the worker may still report after this dialog is gone, and a relay
        # deleted with it would be emitted on from that thread (a crash).
        self._relay = ProgressRelay()
        self._relay.step.connect(self._step)
        self.password.setFocus()

    def _typed(self, text: str) -> None:
        self.start_button.setEnabled(bool(text) and not self.busy)

    def submit(self) -> bool:
        """Start the change (in the background); False if no password is typed."""
        password = self.password.text()
        if self.busy or not password:
            return False
        self.busy = True
        self.running.emit(True)
        self.password.setEnabled(False)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(False)  # half a change is finished, never abandoned
        self.error_label.hide()
        self.status_label.setText(self.tr("Encrypting the data with the new key…"))
        self.status_label.show()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.resetFormat()
        self.progress_bar.show()
        vault, relay = self.vault, self._relay  # the work holds the relay (see ProgressRelay)
        self._job = run_in_background(
            lambda: vault.rekey(password, relay.step.emit), self._done, self._failed
        )
        return True

    def _step(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.status_label.setText(self.tr("Encrypting the backups with the new key…"))
        self.progress_bar.setFormat(self.tr("Backups: %v of %m"))
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)

    def _done(self, answer: object) -> None:
        self._job = None
        result = cast("RekeyResult", answer)
        self.result_ = result
        self.password.clear()
        self.status_label.setText(self.tr("The data key is changed."))
        self.progress_bar.hide()
        dialog = RecoveryCodeDialog(
            result.recovery_code,
            self,
            note=self.tr(
                "The data key is changed. The old recovery code no longer works: "
                "write down this new one."
            ),
        )
        dialog.finished.connect(self._code_written)
        self.code_dialog = dialog
        dialog.open()

    def _code_written(self) -> None:
        dialog, self.code_dialog = self.code_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.busy = False
        self.running.emit(False)
        self.accept()

    def _failed(self, error: object) -> None:
        self._job = None
        self.busy = False
        self.progress_bar.hide()
        self.status_label.hide()
        self.password.setEnabled(True)
        self.password.clear()
        self.cancel_button.setEnabled(True)
        self.error_label.setText(error_text(error, self.vault.data_dir))
        self.error_label.show()
        self.password.setFocus()
        self.running.emit(False)

    def reject(self) -> None:
        if not self.busy:
            self.password.clear()
            super().reject()
