"""Before any case data: the first start's password, or the unlock, then a new code.

:class:`StartupFlow` chooses the first screen from the data dir's state (no keys: choose
a password, for a new database or one of an earlier version, or bring back a backup
file on a new laptop; keys: unlock) and goes on to the damaged-database offer
(``ui/recovery.py``) or the recovery code when needed. Key derivation and restoring
run on a worker thread (``ui/background.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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
from familymeeting.ui.file_dialog import documents_folder, open_file_dialog
from familymeeting.ui.lock import UnlockDialog
from familymeeting.ui.password import NewPasswordForm, PasswordField, RecoveryCodeDialog
from familymeeting.ui.recovery import RestoreOfferDialog
from familymeeting.ui.touch import BIG_INDICATOR, TouchRadioButton


def restore_backup_file(
    data_dir: Path,
    backup: Path,
    *,
    password: str | None = None,
    recovery_code: str | None = None,
    new_password: str | None = None,
) -> object:
    """Runs on a worker thread: ``storage.unlock.restore_file``, as ``familymeeting
    restore FILE [--recovery-code]`` runs it; the ``UnlockResult`` (with the code, a
    new recovery code to show and acknowledge)."""
    from familymeeting.storage.unlock import restore_file

    result, _restored = restore_file(
        data_dir,
        backup,
        password=password,
        recovery_code=recovery_code,
        new_password=new_password,
        via="app",
        wait=False,
    )
    return result


class RestoreFileForm(QWidget):
    """A new laptop: bring back a backup file instead of starting empty.

    The file (a ``backup -o`` file, or an automatic backup with its ``.keys`` file
    beside it), then the password of the backup's time, or its recovery code and a
    new password. Restoring runs in the background; a failure is shown here and
    leaves the data folder as it was.

    Signals:
    restored(object): the ``UnlockResult`` of the restored data.
    back(): the person wants to choose a new password after all.
    busy_changed(bool): a restore is running.
    """

    restored = Signal(object)
    back = Signal()
    busy_changed = Signal(bool)

    def __init__(self, data_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.backup_file: Path | None = None
        self.file_dialog: QFileDialog | None = None
        self._job: BackgroundJob | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Bring back a backup file")))
        layout.addWidget(
            text_label(
                self.tr(
                    "On a new computer, your data comes back from a backup file, for "
                    "example one on a USB stick. An automatic backup needs its .keys file "
                    "beside it. The backup opens with the password or the recovery code "
                    "from the time it was made."
                )
            )
        )
        row = QHBoxLayout()
        row.setSpacing(8)
        self.file_label = text_label(self.tr("No file chosen yet."), "muted")
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.file_label, 1)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setMinimumHeight(theme.TOUCH + 8)
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.choose_button)
        layout.addLayout(row)

        self.use_password = TouchRadioButton(self.tr("I know the password of that time"))
        self.use_code = TouchRadioButton(self.tr("I have the recovery code of that time"))
        self.kind = QButtonGroup(self)
        for button in (self.use_password, self.use_code):
            button.setStyleSheet(BIG_INDICATOR)
            button.setMinimumHeight(theme.TOUCH)
            self.kind.addButton(button)
            layout.addWidget(button)
        self.use_password.setChecked(True)
        self.kind.buttonToggled.connect(self._kind_changed)

        self.password = PasswordField(self.tr("Password"))
        self.password.textChanged.connect(self._update)
        self.password.returnPressed.connect(self.submit)
        layout.addWidget(self.password)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Recovery code"))
        self.code_edit.setAccessibleName(self.tr("Recovery code"))
        self.code_edit.setMinimumHeight(theme.TOUCH + 8)
        self.code_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.code_edit.textChanged.connect(self._update)
        layout.addWidget(self.code_edit)
        self.new_intro = text_label(
            self.tr("Then choose a new password; the old one stops working.")
        )
        layout.addWidget(self.new_intro)
        self.new_form = NewPasswordForm()
        self.new_form.changed.connect(self._update)
        layout.addWidget(self.new_form)

        self.status = text_label("", "muted")
        self.status.hide()
        layout.addWidget(self.status)
        self.message = make_error_label()
        layout.addWidget(self.message)
        layout.addStretch()  # what there is sits at the top; the buttons at the bottom
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setMinimumHeight(theme.TOUCH + 8)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.restore_button = primary_button(self.tr("Bring it back"))
        self.restore_button.clicked.connect(self.submit)
        layout.addWidget(
            button_box(
                (self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole),
                (self.back_button, QDialogButtonBox.ButtonRole.RejectRole),
            )
        )
        self._kind_changed()

    @property
    def busy(self) -> bool:
        return self._job is not None

    def with_code(self) -> bool:
        return self.use_code.isChecked()

    def _kind_changed(self) -> None:
        code = self.with_code()
        self.password.setVisible(not code)
        for widget in (self.code_edit, self.new_intro, self.new_form):
            widget.setVisible(code)
        self._update()

    def _update(self) -> None:
        idle = self._job is None
        if self.with_code():
            secret = bool(self.code_edit.text().strip()) and self.new_form.acceptable()
        else:
            secret = bool(self.password.text())
        self.restore_button.setEnabled(idle and self.backup_file is not None and secret)
        for widget in (
            self.choose_button,
            self.use_password,
            self.use_code,
            self.password,
            self.code_edit,
            self.new_form,
            self.back_button,
        ):
            widget.setEnabled(idle)

    # ------------------------------------------------------------------ the file
    def choose_file(self) -> QFileDialog:
        """Qt's file dialog (window-modal, not blocking); a chosen file is taken."""
        self.file_dialog = open_file_dialog(
            self,
            self.tr("Choose the backup file"),
            documents_folder(),
            self.tr("Backups (*.fmbackup *.db);;All files (*)"),
            self._file_chosen,
        )
        return self.file_dialog

    def _file_chosen(self, path: Path) -> None:
        self.file_dialog = None
        self.set_backup_file(path)

    def set_backup_file(self, path: Path) -> None:
        self.backup_file = Path(path)
        self.file_label.setObjectName("")
        self.file_label.setText(self.tr("Backup file: %1").replace("%1", self.backup_file.name))
        self.file_label.setToolTip(str(self.backup_file))
        self.file_label.style().unpolish(self.file_label)
        self.file_label.style().polish(self.file_label)
        self.message.hide()
        self._update()

    # --------------------------------------------------------------- restoring
    def submit(self) -> None:
        if not self.restore_button.isEnabled() or self.backup_file is None:
            return
        backup, data_dir = self.backup_file, self.data_dir
        assert data_dir is not None
        password: str | None = None
        code: str | None = None
        new: str | None = None
        if self.with_code():
            code, new = self.code_edit.text().strip(), self.new_form.text()
        else:
            password = self.password.text()
        self.message.hide()
        self.status.setText(self.tr("Bringing back the backup… This takes a moment."))
        self.status.show()

        def work() -> object:
            return restore_backup_file(
                data_dir, backup, password=password, recovery_code=code, new_password=new
            )

        self._job = run_in_background(work, self._done, self._failed)
        self._update()
        self.busy_changed.emit(True)

    def _done(self, result: object) -> None:
        self._job = None
        self.status.hide()
        self.password.clear()
        self.code_edit.clear()
        self.new_form.clear()
        self._update()
        self.busy_changed.emit(False)
        self.restored.emit(result)

    def _failed(self, error: object) -> None:
        self._job = None
        self.status.hide()
        self.password.clear()
        self.message.setText(error_text(error, self.data_dir))
        self.message.show()
        self._update()
        self.busy_changed.emit(False)
        if self.with_code():
            self.code_edit.setFocus()
        else:
            self.password.setFocus()


class SetupPasswordDialog(FittedDialog):
    """First start: choose the password that encrypts everything, or bring back a
    backup file (a new laptop; not when converting a database of an earlier version).

    With ``open_with`` set, Continue runs ``open_with(password)`` in the background
    (creating the keys, or encrypting the database of an earlier version) and the
    dialog is accepted with its answer in :attr:`result_value`; a restored backup's
    ``UnlockResult`` is accepted the same way. No signals beyond QDialog's.
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

        outer = QVBoxLayout(self)
        outer.setContentsMargins(36, 28, 36, 28)
        # Two pages, one shown (as in the unlock form): not a QStackedWidget, whose
        # height is that of its tallest page.
        self.password_page = QWidget()
        layout = QVBoxLayout(self.password_page)
        layout.setContentsMargins(0, 0, 0, 0)
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
        # A new laptop: the data of the old one comes back from a backup file.
        self.restore_hint = text_label(
            self.tr("Have you used familymeeting on another computer?"), "muted"
        )
        layout.addSpacing(6)
        layout.addWidget(self.restore_hint)
        self.restore_button = QPushButton(self.tr("Bring back a backup file instead…"))
        self.restore_button.setMinimumHeight(theme.TOUCH + 8)
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.show_restore)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch()
        layout.addLayout(restore_row)
        for widget in (self.restore_hint, self.restore_button):
            widget.setVisible(not converting)
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
        outer.addWidget(self.password_page)

        self.restore_form = RestoreFileForm(data_dir)
        self.restore_form.back.connect(self.show_password)
        self.restore_form.restored.connect(self._done)
        self.restore_form.hide()
        outer.addWidget(self.restore_form)

        self.form.confirm.returnPressed.connect(self.submit)
        self._update()
        self.form.password.setFocus()

    def show_restore(self) -> None:
        self.password_page.hide()
        self.restore_form.show()
        self.restore_form.choose_button.setFocus()

    def show_password(self) -> None:
        self.restore_form.hide()
        self.password_page.show()
        self.form.password.setFocus()

    def reject(self) -> None:
        # Not while a backup is being brought back: it finishes or fails first.
        if not self.restore_form.busy:
            super().reject()

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
