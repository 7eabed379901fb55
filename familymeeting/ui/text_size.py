"""The text size the family chooses at the table (A−, A+): the look applied to the window.

One place decides how a new text size reaches the screen, so the main window and
the tests switch sizes the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from familymeeting.ui import theme


def clamp(step: int) -> int:
    """A step within the sizes the app has (0 … len(theme.TEXT_SCALES) - 1)."""
    return max(0, min(step, len(theme.TEXT_SCALES) - 1))


def apply(window: QWidget, step: int) -> int:
    """Show ``window`` (and every other window of the app) at text size ``step``."""
    step = clamp(step)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setStyleSheet(theme.stylesheet(step))
    return step
