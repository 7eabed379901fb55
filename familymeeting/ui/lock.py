"""The password screens: choosing one, the recovery code, unlocking, and the vault.

Nothing here shows case content: these screens stand between the data and
whoever holds the laptop. Key derivation (Argon2id, about a second) runs on a
worker thread, so the window keeps answering while a password is checked.

The storage side does the cryptography (``storage/keys.py``, ``storage/unlock.py``);
it is imported when first needed, so these widgets can be built without it.
"""

from __future__ import annotations

import math
import re
import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.assets import resource
from familymeeting.domain.errors import UserError
from familymeeting.domain.passwords import (
    MIN_PASSWORD_LENGTH,
    is_acceptable,
    password_hint_code,
    password_strength,
)
from familymeeting.messages import user_message
from familymeeting.ui import theme
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.family_dialog import button_box, make_error_label
from familymeeting.ui.touch import BIG_INDICATOR, TouchCheckBox

if TYPE_CHECKING:
    from familymeeting.storage.backup import BackupInfo
    from familymeeting.storage.database import Database
    from familymeeting.storage.services import Services

WAIT_MARGIN_S = 0.2  # added to the key store's pause before the next try
PASSWORD_ENV = "FAMILYMEETING_PASSWORD"


# ------------------------------------------------------------------ helpers
class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    """Runs one call off the GUI thread and reports back on it."""

    def __init__(self, call: Callable[[], object]) -> None:
        super().__init__()
        self.call = call
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.call()
        except Exception as exc:  # reported on the GUI thread
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


def run_in_background(
    call: Callable[[], object],
    on_done: Callable[[object], None],
    on_failed: Callable[[object], None],
) -> _Job:
    """Start ``call`` on the thread pool. Pass bound methods of a QObject as the
    callbacks: Qt drops the connection if that object is gone before the answer."""
    job = _Job(call)
    job.signals.done.connect(on_done)
    job.signals.failed.connect(on_failed)
    QThreadPool.globalInstance().start(job)
    return job


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


def group_code(code: str) -> str:
    """A recovery code in groups of four, four groups to a line, easy to copy by hand."""
    chars = re.sub(r"[\s\-]", "", code)
    groups = [chars[i : i + 4] for i in range(0, len(chars), 4)]
    return "\n".join("-".join(groups[i : i + 4]) for i in range(0, len(groups), 4))


def _bug_text(error: object, data_dir: Path | None) -> str:
    """A message for an error: the user's, in words; a bug, with where its details went."""
    if isinstance(error, UserError):
        return user_message(error)
    if isinstance(error, BaseException) and data_dir is not None:
        from familymeeting.bugs import log_bug

        path = log_bug(data_dir, error)
        return QCoreApplication.translate(
            "Lock", "Something went wrong. Details are saved in %1."
        ).replace("%1", str(path))
    return QCoreApplication.translate("Lock", "Something went wrong.")


# ------------------------------------------------------------------ widgets
class PasswordField(QWidget):
    """A password line edit with a big Show/Hide button beside it.

    Signals: textChanged(str), returnPressed().
    """

    textChanged = Signal(str)
    returnPressed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(placeholder)
        self.edit.setMinimumHeight(theme.TOUCH + 8)
        # No completion, no spell check, no input method memory for a password.
        self.edit.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self.edit.textChanged.connect(self.textChanged)
        self.edit.returnPressed.connect(self.returnPressed)
        layout.addWidget(self.edit, 1)
        self.show_button = QToolButton()
        self.show_button.setCheckable(True)
        self.show_button.setText(self.tr("Show"))
        self.show_button.setAccessibleName(self.tr("Show the password"))
        self.show_button.setMinimumSize(theme.TOUCH + 24, theme.TOUCH + 8)
        self.show_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_button.toggled.connect(self._toggle)
        layout.addWidget(self.show_button)

    def _toggle(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_button.setText(self.tr("Hide") if shown else self.tr("Show"))

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()
        self.show_button.setChecked(False)

    def setFocus(self) -> None:  # type: ignore[override]
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)


class StrengthMeter(QWidget):
    """Four bars and a word for how hard a password is to guess, with a tip."""

    COLOURS = ("#c0392b", "#d35400", "#c9a227", "#5b9a4f", "#3f7a4a")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = 0
        self.empty = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.bars = _Bars(self)
        layout.addWidget(self.bars)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("muted")
        layout.addWidget(self.label)
        self.set_password("")

    def words(self, score: int) -> str:
        return (
            self.tr("Very weak"),
            self.tr("Weak"),
            self.tr("Fair"),
            self.tr("Good"),
            self.tr("Strong"),
        )[max(0, min(score, 4))]

    def hint(self, code: str | None) -> str:
        """The password rule's hint code (``domain.passwords.password_hint_code``) in words."""
        hints = {
            "password_too_short": self.tr("Use at least %1 characters.").replace(
                "%1", str(MIN_PASSWORD_LENGTH)
            ),
            "password_repeated": self.tr("Avoid repeating the same characters."),
            "password_one_kind": self.tr("Mix letters with digits or signs, or add another word."),
            "password_common": self.tr(
                "Words like months, seasons or “password” are guessed first. Choose others."
            ),
        }
        if code is None:
            return ""
        return hints.get(
            code,
            self.tr("Several unrelated words are easy to remember and hard to guess."),
        )

    def set_password(self, password: str) -> int:
        self.empty = not password
        if self.empty:
            self.score = 0
            self.label.setText(
                self.tr("Several unrelated words are easy to remember and hard to guess.")
            )
        else:
            self.score = max(0, min(int(password_strength(password)), 4))
            text = self.tr("Strength: %1").replace("%1", self.words(self.score))
            tip = self.hint(password_hint_code(password))
            self.label.setText(f"{text}. {tip}" if tip else text)
        self.bars.update()
        return self.score


class _Bars(QWidget):
    def __init__(self, meter: StrengthMeter) -> None:
        super().__init__(meter)
        self.meter = meter
        self.setFixedHeight(10)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 6
        width = (self.width() - 3 * gap) / 4
        lit = 0 if self.meter.empty else max(1, self.meter.score)
        colour = QColor(StrengthMeter.COLOURS[self.meter.score])
        for i in range(4):
            x = i * (width + gap)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour if i < lit else QColor(theme.LINE))
            painter.drawRoundedRect(int(x), 0, int(width), self.height(), 4, 4)
        painter.end()


CODE_FONT = "DejaVu Sans Mono"
CODE_FONT_FILES = ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")


def code_font() -> QFont:
    """A truly fixed-pitch font for a code to copy by hand: every character as wide.

    The app ships DejaVu Sans Mono (resources/fonts, loaded at start by app.make_app,
    or here when a screen is made without it): a system's "monospace" may resolve to
    a font Qt does not treat as fixed-pitch (Noto Sans Mono on Debian). The system's
    fixed font is the fallback if the file cannot be loaded.
    """
    if CODE_FONT not in QFontDatabase.families():
        for name in CODE_FONT_FILES:
            QFontDatabase.addApplicationFont(str(resource("fonts", name)))
    if CODE_FONT in QFontDatabase.families():
        font = QFont(CODE_FONT)
    else:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.TypeWriter)
    font.setFixedPitch(True)
    return font


def _title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("title")
    label.setWordWrap(True)
    return label


def _text(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _primary(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("primary", "true")
    button.setMinimumHeight(theme.TOUCH + 8)
    button.setDefault(True)
    return button


class NewPasswordForm(QWidget):
    """A new password twice, with a live strength meter.

    Signals: changed(): the input changed; check :meth:`acceptable`.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(_text(self.tr("Password")))
        self.password = PasswordField(self.tr("Password"))
        layout.addWidget(self.password)
        self.meter = StrengthMeter()
        layout.addWidget(self.meter)
        layout.addSpacing(8)
        layout.addWidget(_text(self.tr("The same password again")))
        self.confirm = PasswordField(self.tr("The same password again"))
        layout.addWidget(self.confirm)
        self.mismatch = _text("", "hint")
        layout.addWidget(self.mismatch)
        self.password.textChanged.connect(self._changed)
        self.confirm.textChanged.connect(self._changed)

    def _changed(self) -> None:
        self.meter.set_password(self.password.text())
        both = bool(self.password.text()) and bool(self.confirm.text())
        same = self.password.text() == self.confirm.text()
        self.mismatch.setText(
            ""
            if not both
            else self.tr("The passwords are the same.")
            if same
            else self.tr("The two passwords are not the same yet.")
        )
        self.changed.emit()

    def acceptable(self) -> bool:
        """Typed the same twice, and taken by the rule the command line applies too."""
        pw = self.password.text()
        return pw == self.confirm.text() and is_acceptable(pw)

    def text(self) -> str:
        return self.password.text()

    def clear(self) -> None:
        self.password.clear()
        self.confirm.clear()


# -------------------------------------------------------------- first start
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
        self._job: _Job | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        layout.addWidget(_title(self.tr("Choose a password")))
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
        self.intro = _text(intro)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        self.form = NewPasswordForm()
        self.form.changed.connect(self._update)
        layout.addWidget(self.form)
        self.status = _text("", "muted")
        self.status.hide()
        layout.addWidget(self.status)
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        layout.addStretch()

        self.cancel_button = QPushButton(self.tr("Quit"))
        self.cancel_button.setMinimumHeight(theme.TOUCH + 8)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button = _primary(self.tr("Continue"))
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
        self.error_label.setText(_bug_text(error, self.data_dir))
        self.error_label.show()
        self._update()


class RecoveryCodeDialog(FittedDialog):
    """The recovery code, shown once: write it down before going on.

    Continue is enabled only once "I have written it down" is ticked; until
    then Escape and the close button do nothing. No signals beyond QDialog's.
    """

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("familymeeting")
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(14)
        layout.addWidget(_title(self.tr("Your recovery code")))
        layout.addWidget(
            _text(
                self.tr(
                    "If you forget your password, this code is the only other way to "
                    "open your data. Write it on paper now and keep it somewhere safe, "
                    "away from this computer. It is shown only this once."
                )
            )
        )
        self.code_label = QLabel(group_code(code))
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setWordWrap(True)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Its size is the type scale's (theme.TYPE_SCALE), so it follows the text size.
        font = code_font()
        font.setWeight(QFont.Weight.DemiBold)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 1.5)
        self.code_label.setFont(font)
        self.code_label.setStyleSheet(
            f"QLabel#recoveryCode {{ background: {theme.SURFACE}; border: 2px dashed "
            f"{theme.LINE}; border-radius: 12px; padding: 22px; "
            f"font-family: '{font.family()}'; }}"
        )
        layout.addWidget(self.code_label)
        self.warning = _text(
            self.tr(
                "Without the password and without this code, nobody can read the data "
                "again — not you, not your IT support, not the makers of familymeeting."
            ),
            "error",
        )
        self.warning.setStyleSheet(f"QLabel#error {{ color: {theme.WARNING}; font-weight: 600; }}")
        layout.addWidget(self.warning)
        # The whole row takes the tap (TouchCheckBox), across the dialog's width.
        self.written = TouchCheckBox(self.tr("I have written the code down"))
        self.written.setStyleSheet(BIG_INDICATOR)
        layout.addWidget(self.written)
        self.continue_button = _primary(self.tr("Continue"))
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.accept)
        self.written.toggled.connect(self.continue_button.setEnabled)
        layout.addWidget(button_box((self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)))

    def reject(self) -> None:
        # Escape or the window's close button: not before the code is written down.
        if self.written.isChecked():
            super().reject()

    def accept(self) -> None:
        if self.written.isChecked():
            super().accept()


# ---------------------------------------------------------------- unlocking
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
        self._job: _Job | None = None
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
        self.title_label = _title(title or self.tr("familymeeting is locked"))
        layout.addWidget(self.title_label)
        self.prompt_label = _text(prompt or self.tr("Type your password to open your data."))
        layout.addWidget(self.prompt_label)
        self.password = PasswordField(self.tr("Password"))
        self.password.returnPressed.connect(self.submit)
        self.password.textChanged.connect(self._update)
        layout.addWidget(self.password)
        self.message = make_error_label()
        layout.addWidget(self.message)
        self.status = _text("", "muted")
        self.status.hide()
        layout.addWidget(self.status)
        # The buttons of a dialog, in the platform's order (as in every dialog), also
        # where this form is the lock screen.
        row = QDialogButtonBox()
        self.unlock_button = _primary(self.tr("Unlock"))
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
        rl.addWidget(_title(self.tr("Forgot your password?")))
        rl.addWidget(
            _text(
                self.tr(
                    "Type the recovery code you wrote down when the password was chosen, "
                    "then choose a new password. Without the password or the recovery "
                    "code, the data cannot be read by anyone."
                )
            )
        )
        rl.addWidget(_text(self.tr("Recovery code")))
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
        self.recovery_status = _text("", "muted")
        self.recovery_status.hide()
        rl.addWidget(self.recovery_status)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setMinimumHeight(theme.TOUCH + 8)
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.show_password)
        self.recover_button = _primary(self.tr("Set new password"))
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
            self.message.setText(_bug_text(error, self.data_dir))
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
            self.recovery_message.setText(_bug_text(error, self.data_dir))
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
        self.code_dialog = RecoveryCodeDialog(str(new_code), self.window())
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


# -------------------------------------------------------------------- vault
class Vault:
    """The open database of one data dir, and what opens it again.

    Locking closes the database and forgets it; unlocking needs the password
    (``storage.unlock.open_unlocked``). Leaving family view checks the password
    with ``KeyStore.unlock`` without opening anything. Wrong passwords are counted
    by the key store; they are written to the access log at the next right one
    (:meth:`take_failed_attempts`), when the database is open to take them.
    """

    def __init__(
        self,
        data_dir: Path,
        db: Database,
        failed_attempts: Sequence[datetime] = (),
    ) -> None:
        from familymeeting.storage.backup import BackupSchedule

        self.data_dir = data_dir
        self.db: Database | None = db
        self._failed: tuple[datetime, ...] = tuple(failed_attempts)
        self.backups = BackupSchedule()
        # The last automatic backup's failure, in the user's words (shown in Settings).
        self.backup_error: str | None = None
        # A lock's closing backup, still running (see close(wait=False)).
        self._closing: threading.Thread | None = None

    @property
    def is_open(self) -> bool:
        return self.db is not None

    def services(self) -> Services:
        from familymeeting.storage.services import Services

        if self.db is None:
            raise RuntimeError("the vault is locked")
        return Services(self.db)

    def take_failed_attempts(self) -> tuple[datetime, ...]:
        """The wrong passwords before the last right one, once."""
        failed, self._failed = self._failed, ()
        return failed

    def check_password(self, password: str) -> None:
        """Raises ``WrongPasswordError`` unless ``password`` opens the keys.

        ``wait=False``: during a pause after failures this raises ``UnlockDelayedError``
        at once, and the form counts down, instead of a worker sleeping.
        """
        from familymeeting.storage.keys import KeyStore

        failed = tuple(KeyStore.failed_attempts(self.data_dir))
        KeyStore.unlock(self.data_dir, password, wait=False)
        self._failed += failed

    def reopen(self, password: str) -> object:
        """Open the database again (after a lock); safe to call off the GUI thread.

        Returns the ``Services``; or, if the database proved damaged (moved aside) or
        is missing while backups exist, the ``RestoreNeeded`` problem, and the
        password is kept for :meth:`take_restore_password` until the window offers
        the backup.
        """
        from familymeeting.storage.unlock import RestoreNeeded, open_unlocked

        self.wait_closed()
        try:
            result = open_unlocked(self.data_dir, password, wait=False)
        except RestoreNeeded as problem:
            self._restore_password = password
            return problem
        self.close()
        self.db = result.db
        self._failed += tuple(result.failed_attempts)
        return self.services()

    def take_restore_password(self) -> str:
        password, self._restore_password = getattr(self, "_restore_password", ""), ""
        return password

    def adopt(self, result: object) -> Services:
        """Take the database a restore opened (``UnlockResult``) as this vault's."""
        db = getattr(result, "db", None)
        if db is None:
            raise RuntimeError("no database to adopt")
        self.close()
        self.db = db
        self.backups = type(self.backups)()
        return self.services()

    def backup_if_changed(self, db: Database | None = None) -> BackupInfo | None:
        """An automatic backup if anything changed since the last; safe off the GUI thread.

        Backups use connections of their own, so this may run while the window edits.
        A failure is kept in :attr:`backup_error` and raised.
        """
        db = db or self.db
        if db is None:
            return None
        try:
            info = self.backups.backup_if_changed(db)
        except UserError as exc:
            self.backup_error = user_message(exc)
            raise
        self.backup_error = None
        return info

    def backup_now(self) -> BackupInfo:
        from familymeeting.storage.backup import BackupKind

        if self.db is None:
            raise RuntimeError("the vault is locked")
        info = self.backups.backup_now(self.db, BackupKind.MANUAL)
        self.backup_error = None
        return info

    def restore(self, password: str, backup: Path) -> Services:
        """Bring back ``backup`` in place of the open database; safe off the GUI thread.

        The password is checked before anything closes. What is replaced is kept as a
        ``before-restore`` backup (``storage.backup.restore_backup``). If the restore
        is refused (a damaged backup), the database is opened again as it was.
        """
        from familymeeting.storage.keys import KeyStore
        from familymeeting.storage.unlock import open_unlocked, restore_and_open

        KeyStore.unlock(self.data_dir, password, wait=False)
        self.wait_closed()
        if self.db is not None:
            db, self.db = self.db, None
            db.close()
        try:
            result, _restored = restore_and_open(self.data_dir, password, backup, wait=False)
        except BaseException:
            self.db = open_unlocked(self.data_dir, password, wait=False).db
            raise
        self.db = result.db
        self.backups = type(self.backups)()
        return self.services()

    def close(self, *, wait: bool = True) -> None:
        """Close the database, after an automatic backup if anything changed.

        ``wait=False`` (locking) forgets the database at once and makes the backup and
        the close on a thread: copying years of families takes seconds, and the lock
        screen must not wait for it. Opening again, restoring and quitting wait for
        that thread first (:meth:`wait_closed`). A backup that fails (a full disk)
        must not stop the program from closing or locking: it is kept in
        :attr:`backup_error`; a bug is logged.
        """
        self.wait_closed()
        if self.db is None:
            return
        db, self.db = self.db, None
        if wait:
            self._back_up_and_close(db)
            return
        # Not a daemon: the interpreter waits for it, so a quit never cuts a backup short.
        self._closing = threading.Thread(
            target=self._back_up_and_close, args=(db,), name="lock-backup"
        )
        self._closing.start()

    def wait_closed(self) -> None:
        """Wait for a lock's closing backup, if one is still running."""
        closing, self._closing = self._closing, None
        if closing is not None:
            closing.join()

    def _back_up_and_close(self, db: Database) -> None:
        try:
            self.backup_if_changed(db)
        except UserError:
            pass
        except Exception as exc:
            from familymeeting.bugs import log_bug

            log_bug(self.data_dir, exc)
        finally:
            db.close()


def log_unlock(services: Services, failed: Sequence[datetime], detail: str) -> None:
    """Write an unlock, and the wrong passwords before it, to the access log.

    The log lives in the encrypted database, so failures are written when the
    right password has opened it. A full disk must not keep anyone out.
    """
    services.record_unlock(failed, detail)


# ------------------------------------------------------------------ start-up
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
            from familymeeting.ui.recovery import RestoreOfferDialog

            offer = RestoreOfferDialog(self.result, self.data_dir, self._password)
            self._password = ""
            offer.accepted.connect(self._opened)
            offer.rejected.connect(self._quit)
            self.dialog = offer
            offer.open()
            return
        code = getattr(self.result, "recovery_code", None)
        if code:
            shown = RecoveryCodeDialog(str(code))
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
