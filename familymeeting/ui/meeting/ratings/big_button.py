"""The big buttons of the child's screens (child mode, its feedback step)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton, QWidget


class BigButton(QPushButton):
    """A button at least ``size`` big, whatever the style sheet's minimum says.

    The style sheet's min-height applies when a widget is polished, after (and over)
    setMinimumSize; the size hint is what the layout gives a fixed-height button.
    """

    def __init__(self, text: str, size: QSize, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._least = size

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(self._least)

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(self._least)


CHILD_BUTTON = QSize(200, 90)  # a child's name, for the caseworker to tap
BIG_BUTTON = QSize(220, 80)  # "Next" and "Done", for a child's finger
SHARE_BUTTON = QSize(120, 72)  # "Yes" / "No" to "May the grown-ups see this?"
