"""The small building blocks of every dialog and form: labels, buttons, a button row.

One place for them, so a title, a message line or the main button looks and behaves
the same on every screen (the password screens, the family and meeting dialogs,
settings and backups).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from familymeeting.ui import theme


def title_label(text: str) -> QLabel:
    """A screen's or dialog's heading (the stylesheet's ``title``), wrapped."""
    label = QLabel(text)
    label.setObjectName("title")
    label.setWordWrap(True)
    return label


def text_label(text: str, name: str = "") -> QLabel:
    """Wrapped text; ``name`` is a stylesheet role such as ``muted`` or ``hint``."""
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def make_error_label() -> QLabel:
    """A hidden label for a message the user must read before going on."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(f"QLabel#error {{ color: {theme.WARNING}; font-weight: 600; }}")
    label.hide()
    return label


def primary_button(text: str) -> QPushButton:
    """The one button a screen leads to (Unlock, Continue), default for Enter."""
    button = QPushButton(text)
    button.setProperty("primary", "true")
    button.setMinimumHeight(theme.TOUCH + 8)
    button.setDefault(True)
    return button


def button_box(*buttons: tuple[QPushButton, QDialogButtonBox.ButtonRole]) -> QDialogButtonBox:
    """A dialog's buttons in the platform's one order, each in its role.

    The caller connects each button's ``clicked`` (a dialog may check before closing).
    """
    box = QDialogButtonBox()
    for button, role in buttons:
        box.addButton(button, role)
    return box


def standard_button(box: QDialogButtonBox, which: QDialogButtonBox.StandardButton) -> QPushButton:
    """One of Qt's own buttons (Save, Cancel, Close: Qt's words, in the user's language)."""
    button = box.addButton(which)
    assert button is not None
    return button
