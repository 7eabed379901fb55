"""Unlocking: the password form, the unlock dialog and the lock screen.

Nothing here shows case content: these screens stand between the data and whoever
holds the laptop. Key derivation (Argon2id, about a second) runs on a worker thread
(``ui/background.py``), so the window keeps answering while a password is checked.
The first start's screens are in ``ui/startup.py``, the password widgets in
``ui/password.py``, and the open database with what opens it again is
``storage.vault.Vault``.

The storage side does the cryptography (``storage/keys.py``, ``storage/unlock.py``);
it is imported when first needed, so these widgets can be built without it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.assets import resource
from familymeeting.domain.errors import UserError
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
from familymeeting.ui.password import NewPasswordForm, PasswordField, RecoveryCodeDialog

WAIT_MARGIN_S = 0.2  # added to the key store's pause before the next try


def wait_seconds(error: object, data_dir: Path) -> float:
    """How long the storage layer asks us to wait before the next try (0 if not).

    ``UnlockDelayedError`` says so itself; after a wrong password or recovery code
    the key store's failure counter tells the next pause, shown as a countdown
    instead of a frozen button.
    """
    if isinstance(error, UserError) and error.code == "unlock_wait":
        seconds = error.params.get("seconds")
        if isinstance(seconds, int | float):
            return float(seconds)
    if isinstance(error, UserError) and error.code in ("wrong_password", "wrong_recovery_code"):
        from familymeeting.storage.keys import KeyStore

        return KeyStore.seconds_to_wait(data_dir)
    return 0.0


def is_wrong_password(error: object) -> bool:
    return isinstance(error, UserError) and error.code == "wrong_password"


class UnlockWidget(QWidget):
    """Password field, Unlock, and "Forgot password?" with the recovery code.

    ``open_with(password)`` runs in the background; its answer is emitted with
    ``unlocked``. A wrong password clears the field and says so; when the storage
    layer asks for a pause after repeated failures, the button counts it down.

    Signals:
    unlocked(object): the answer of ``open_with`` for the right password.
    cancelled(): the cancel button was pressed (only when ``cancel_text`` is set).
    busy_changed(bool): a password is being checked.
    """

    unlocked = Signal(object)
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(
        self,
        data_dir: Path,
        open_with: Callable[[str], object],
        *,
        title: str | None = None,
        prompt: str | None = None,
        allow_recovery: bool = True,
        cancel_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.open_with = open_with
        self._job: BackgroundJob | None = None
        self._wait_left = 0
        self._new_password = ""
        self.code_dialog: RecoveryCodeDialog | None = None
        self._wait_until = 0.0
        self._countdown = QTimer(self)
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Two pages, one shown. Not a QStackedWidget: its height-for-width is that of
        # its tallest page, which would stretch the short password form.

        # The password page.
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.title_label = title_label(title or self.tr("familymeeting is locked"))
        layout.addWidget(self.title_label)
        self.prompt_label = text_label(prompt or self.tr("Type your password to open your data."))
        layout.addWidget(self.prompt_label)
        self.password = PasswordField(self.tr("Password"))
        self.password.returnPressed.connect(self.submit)
        self.password.textChanged.connect(self._update)
        layout.addWidget(self.password)
        self.message = make_error_label()
        layout.addWidget(self.message)
        self.status = text_label("", "muted")
        self.status.hide()
        layout.addWidget(self.status)
        # The buttons of a dialog, in the platform's order (as in every dialog), also
        # where this form is the lock screen.
        row = QDialogButtonBox()
        self.unlock_button = primary_button(self.tr("Unlock"))
        self.unlock_button.setMinimumWidth(180)
        self.unlock_button.clicked.connect(self.submit)
        row.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button: QPushButton | None = None
        if cancel_text:
            self.cancel_button = QPushButton(cancel_text)
            self.cancel_button.setMinimumHeight(theme.TOUCH + 8)
            self.cancel_button.setAutoDefault(False)
            self.cancel_button.clicked.connect(self.cancelled)
            row.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.forgot_button = QPushButton(self.tr("Forgot password?"))
        self.forgot_button.setMinimumHeight(theme.TOUCH + 8)
        self.forgot_button.setAutoDefault(False)
        self.forgot_button.clicked.connect(self.show_recovery)
        row.addButton(self.forgot_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.forgot_button.setVisible(allow_recovery)
        layout.addWidget(row)
        layout.addStretch()
        outer.addWidget(page)
        self.password_page = page

        # The recovery page.
        rpage = QWidget()
        rl = QVBoxLayout(rpage)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(10)
        rl.addWidget(title_label(self.tr("Forgot your password?")))
        rl.addWidget(
            text_label(
                self.tr(
                    "Type the recovery code you wrote down when the password was chosen, "
                    "then choose a new password. Without the password or the recovery "
                    "code, the data cannot be read by anyone."
                )
            )
        )
        rl.addWidget(text_label(self.tr("Recovery code")))
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("Recovery code"))
        self.code_edit.setAccessibleName(self.tr("Recovery code"))
        self.code_edit.setMinimumHeight(theme.TOUCH + 8)
        self.code_edit.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.code_edit.textChanged.connect(self._update)
        rl.addWidget(self.code_edit)
        rl.addSpacing(6)
        self.new_form = NewPasswordForm()
        self.new_form.changed.connect(self._update)
        rl.addWidget(self.new_form)
        self.recovery_message = make_error_label()
        rl.addWidget(self.recovery_message)
        self.recovery_status = text_label("", "muted")
        self.recovery_status.hide()
        rl.addWidget(self.recovery_status)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setMinimumHeight(theme.TOUCH + 8)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.show_password)
        self.recover_button = primary_button(self.tr("Set new password"))
        self.recover_button.clicked.connect(self.submit_recovery)
        rl.addWidget(
            button_box(
                (self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole),
                (self.back_button, QDialogButtonBox.ButtonRole.RejectRole),
            )
        )
        rl.addStretch()
        outer.addWidget(rpage)
        self.recovery_page = rpage
        self._show_page(self.password_page)
        self._update()
        self.refresh_wait()

    # ------------------------------------------------------------- password
    @property
    def busy(self) -> bool:
        return self._job is not None

    def _update(self) -> None:
        idle = self._job is None and self._wait_left <= 0
        self.unlock_button.setEnabled(idle and bool(self.password.text()))
        self.password.setEnabled(self._job is None)
        self.recover_button.setEnabled(
            idle and bool(self.code_edit.text().strip()) and self.new_form.acceptable()
        )

    def focus_password(self) -> None:
        self.password.setFocus()

    def submit(self) -> None:
        if self._job is not None or self._wait_left > 0 or not self.password.text():
            return
        self._start(self.password.text(), self.tr("Checking the password…"))

    def _start(self, password: str, status: str) -> None:
        self.message.hide()
        self.status.setText(status)
        self.status.show()
        open_with = self.open_with
        self._job = run_in_background(lambda: open_with(password), self._done, self._failed)
        self._update()
        self.busy_changed.emit(True)

    def _done(self, result: object) -> None:
        self._job = None
        self.status.hide()
        self.password.clear()
        self._update()
        self.busy_changed.emit(False)
        self.unlocked.emit(result)

    def _failed(self, error: object) -> None:
        self._job = None
        self.status.hide()
        self.password.clear()
        self._show_page(self.password_page)
        if is_wrong_password(error):
            self.message.setText(
                self.tr("That is not the password. Check Caps Lock and try again.")
            )
        elif isinstance(error, UserError) and error.code == "unlock_wait":
            self.message.setText(self.tr("Too many wrong tries in a row."))
        else:
            self.message.setText(error_text(error, self.data_dir))
        self.message.show()
        self._wait(wait_seconds(error, self.data_dir))
        self._update()
        self.busy_changed.emit(False)
        self.password.setFocus()

    def refresh_wait(self) -> None:
        """Count down a pause left from earlier failures (e.g. before a restart)."""
        from familymeeting.storage.keys import KeyStore

        seconds = KeyStore.seconds_to_wait(self.data_dir)
        if seconds > 0:
            self.message.setText(self.tr("Too many wrong tries in a row."))
            self.message.show()
        self._wait(seconds)

    def _wait(self, seconds: float) -> None:
        # Counted against a deadline, with a little to spare: a timer may fire early,
        # and the key store would then refuse the next try.
        self._wait_until = time.monotonic() + seconds + WAIT_MARGIN_S
        self._wait_left = math.ceil(seconds) if seconds > 0 else 0
        if self._wait_left > 0:
            self._show_wait()
            self._countdown.start()
        self._update()

    def _tick(self) -> None:
        left = self._wait_until - time.monotonic()
        self._wait_left = math.ceil(left) if left > 0 else 0
        if self._wait_left <= 0:
            self._countdown.stop()
            self.unlock_button.setText(self.tr("Unlock"))
            for label in (self.status, self.recovery_status):
                label.hide()
        else:
            self._show_wait()
        self._update()

    def _show_wait(self) -> None:
        text = self.tr("Wait %n second(s) before the next try.", "", self._wait_left)
        for label in (self.status, self.recovery_status):
            label.setText(text)
            label.show()
        self.unlock_button.setText(self.tr("Wait %n s", "", self._wait_left))

    # ------------------------------------------------------------- recovery
    def _show_page(self, page: QWidget) -> None:
        for other in (self.password_page, self.recovery_page):
            other.setVisible(other is page)

    def current_page(self) -> QWidget:
        return self.recovery_page if self.recovery_page.isVisibleTo(self) else self.password_page

    def show_recovery(self) -> None:
        self.message.hide()
        self.recovery_message.hide()
        self._show_page(self.recovery_page)
        self.code_edit.setFocus()

    def show_password(self) -> None:
        self.code_edit.clear()
        self.new_form.clear()
        self._show_page(self.password_page)
        self.password.setFocus()

    def submit_recovery(self) -> None:
        if self._job is not None or self._wait_left > 0 or not self.new_form.acceptable():
            return
        code, new = self.code_edit.text().strip(), self.new_form.text()
        if not code:
            return
        self.recovery_message.hide()
        data_dir = self.data_dir

        def recover() -> object:
            from familymeeting.storage.keys import KeyStore

            return KeyStore.recover(data_dir, code, new)

        self._new_password = new
        self._job = run_in_background(recover, self._recovered, self._recovery_failed)
        self.new_form.setEnabled(False)
        self.code_edit.setEnabled(False)
        self._update()
        self.busy_changed.emit(True)

    def _recovery_failed(self, error: object) -> None:
        self._job = None
        self._new_password = ""
        self.new_form.setEnabled(True)
        self.code_edit.setEnabled(True)
        if isinstance(error, UserError) and error.code == "wrong_recovery_code":
            self.recovery_message.setText(
                self.tr("That is not the recovery code. Check each group of four and try again.")
            )
        else:
            self.recovery_message.setText(error_text(error, self.data_dir))
        self.recovery_message.show()
        self._wait(wait_seconds(error, self.data_dir))
        self._update()
        self.busy_changed.emit(False)

    def _recovered(self, new_code: object) -> None:
        """The password is changed: show the new code, then unlock with the new password."""
        self._job = None
        self.new_form.setEnabled(True)
        self.code_edit.setEnabled(True)
        self.code_edit.clear()
        self.new_form.clear()
        self.busy_changed.emit(False)
        from familymeeting.storage.unlock import acknowledge_recovery_code

        data_dir, code = self.data_dir, str(new_code)
        # The used code stays valid until the new one is acknowledged here.
        self.code_dialog = RecoveryCodeDialog(
            code, self.window(), acknowledge=lambda: acknowledge_recovery_code(data_dir, code)
        )
        self.code_dialog.accepted.connect(self._open_after_recovery)
        self.code_dialog.finished.connect(self.code_dialog.deleteLater)
        self.code_dialog.open()

    def _open_after_recovery(self) -> None:
        self.code_dialog = None
        self._show_page(self.password_page)
        password, self._new_password = self._new_password, ""
        self._start(password, self.tr("Opening your data…"))


class UnlockDialog(FittedDialog):
    """The unlock screen as a dialog (start-up, leaving family view).

    Accepted once ``open_with`` succeeded; its answer is in :attr:`result_value`.
    No signals beyond QDialog's.
    """

    def __init__(
        self,
        data_dir: Path,
        open_with: Callable[[str], object],
        *,
        title: str | None = None,
        prompt: str | None = None,
        allow_recovery: bool = True,
        cancel_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("familymeeting")
        self.setMinimumWidth(600)
        self.result_value: object = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        self.unlock = UnlockWidget(
            data_dir,
            open_with,
            title=title,
            prompt=prompt,
            allow_recovery=allow_recovery,
            cancel_text=cancel_text or self.tr("Quit"),
        )
        self.unlock.unlocked.connect(self._unlocked)
        self.unlock.cancelled.connect(self.reject)
        layout.addWidget(self.unlock)
        self.unlock.focus_password()

    def _unlocked(self, result: object) -> None:
        self.result_value = result
        self.accept()

    def reject(self) -> None:
        if not self.unlock.busy:
            super().reject()


class LockScreen(QWidget):
    """What the window shows while locked: the app's name and the unlock form.

    Signals: unlocked(object), passed on from :class:`UnlockWidget`.
    """

    unlocked = Signal(object)

    def __init__(
        self, data_dir: Path, open_with: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        row = QHBoxLayout()
        row.addStretch()
        card = QWidget()
        card.setObjectName("lockCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card.setStyleSheet(
            f"QWidget#lockCard {{ background: {theme.SURFACE}; border: 1px solid {theme.LINE};"
            " border-radius: 18px; }"
        )
        card.setMinimumWidth(520)
        card.setMaximumWidth(640)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(36, 32, 36, 32)
        inner.setSpacing(12)
        logo = QLabel()
        logo.setPixmap(QIcon(str(resource("icons", "familymeeting.svg"))).pixmap(QSize(64, 64)))
        logo.setAlignment(Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(logo)
        self.unlock = UnlockWidget(data_dir, open_with)
        self.unlock.unlocked.connect(self.unlocked)
        inner.addWidget(self.unlock)
        row.addWidget(card, 1)
        row.addStretch()
        outer.addLayout(row)
        outer.addStretch(3)
