"""Choosing a password: the field, the strength meter, the new-password form, and the
recovery code shown once, on the first start and after "Forgot password?".

Nothing here shows case content. Whether a new password is taken is decided by the
rule the command line applies too (``domain.passwords.check_new_password``); the
meter shows the same rule's strength and hint as the person types.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPaintEvent
from PySide6.QtWidgets import (
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
from familymeeting.ui import theme
from familymeeting.ui.controls import (
    button_box,
    make_error_label,
    primary_button,
    text_label,
    title_label,
)
from familymeeting.ui.crash import error_text
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.touch import BIG_INDICATOR, TouchCheckBox


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

    def setFocus(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:
        self.edit.setFocus(reason)


class StrengthMeter(QWidget):
    """Four bars and a word for how hard a password is to guess, with a tip."""

    # By score (0-4): a password the rule refuses, a fair one, a good or strong one.
    COLOURS = (theme.WARNING, theme.WARNING, theme.FOCUS, theme.SAVED, theme.SAVED)

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
        layout.addWidget(text_label(self.tr("Password")))
        self.password = PasswordField(self.tr("Password"))
        layout.addWidget(self.password)
        self.meter = StrengthMeter()
        layout.addWidget(self.meter)
        layout.addSpacing(8)
        layout.addWidget(text_label(self.tr("The same password again")))
        self.confirm = PasswordField(self.tr("The same password again"))
        layout.addWidget(self.confirm)
        self.mismatch = text_label("", "hint")
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


# ------------------------------------------------------------ recovery code
def group_code(code: str) -> str:
    """A recovery code in groups of four, four groups to a line, easy to copy by hand."""
    chars = re.sub(r"[\s\-]", "", code)
    groups = [chars[i : i + 4] for i in range(0, len(chars), 4)]
    return "\n".join("-".join(groups[i : i + 4]) for i in range(0, len(groups), 4))


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


class RecoveryCodeDialog(FittedDialog):
    """The recovery code, shown once: write it down before going on.

    Continue is enabled only once "I have written it down" is ticked; until
    then Escape and the close button do nothing. Continue runs ``acknowledge``
    (``storage.unlock.acknowledge_recovery_code``): only then is the code valid; if it
    fails, the message is shown and the dialog stays. ``cancellable`` adds Cancel
    (a new code asked for in the settings): rejected, the new code never becomes
    valid and the old one keeps working. ``note``: a line above the code saying why a
    new one is shown (after a change of the data key, that the old code no longer
    works). No signals beyond QDialog's.
    """

    def __init__(
        self,
        code: str,
        parent: QWidget | None = None,
        *,
        acknowledge: Callable[[], None] | None = None,
        cancellable: bool = False,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self._acknowledge = acknowledge
        self.cancellable = cancellable
        self.setWindowTitle("familymeeting")
        self.setMinimumWidth(680)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(14)
        layout.addWidget(title_label(self.tr("Your recovery code")))
        self.note = text_label(note)
        self.note.setStyleSheet("font-weight: 600;")
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        layout.addWidget(
            text_label(
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
        self.warning = text_label(
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
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        self.continue_button = primary_button(self.tr("Continue"))
        self.continue_button.setEnabled(False)
        self.continue_button.clicked.connect(self.accept)
        self.written.toggled.connect(self.continue_button.setEnabled)
        buttons = [(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)]
        self.cancel_button: QPushButton | None = None
        if cancellable:
            self.cancel_button = QPushButton(self.tr("Cancel"))
            self.cancel_button.setAutoDefault(False)
            self.cancel_button.clicked.connect(self.reject)
            buttons.append((self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole))
        layout.addWidget(button_box(*buttons))

    def reject(self) -> None:
        # Escape or the window's close button: not before the code is written down,
        # unless the new code may be given up (the old one then stays valid).
        if self.cancellable or (self.written.isChecked() and self._acknowledge is None):
            super().reject()

    def accept(self) -> None:
        if not self.written.isChecked():
            return
        if self._acknowledge is not None:
            try:
                self._acknowledge()
            except UserError as error:
                self.error_label.setText(error_text(error, None))
                self.error_label.show()
                return
        super().accept()
