"""The text size the family chooses at the table (A−, A+): the look applied to the window.

One place decides how a new text size reaches the screen, so the main window and
the tests switch sizes the same way.

How a step reaches the screen, and why so (docs/benchmarks.md, "Text size"):

- The application's style sheet has the type scale of every size, each under
  ``[textSize="n"]`` (``theme.stylesheet``). A step sets that property on the window
  and restyles the window's widgets itself, once each. Setting a new sheet on the
  application instead makes Qt 6 polish every widget of the application once per
  ancestor (about ten times each on the board): 0.5 s a step on a 2-core machine.
- Only what is on screen, and the small windows it parents (pop-up lists and
  calendars, which measure themselves before they show), is restyled at once. A
  hidden part of the window (a page, the ratings or the plan, a card kept for reuse)
  is restyled when it is next shown, before it is painted: a step answers in the
  time the board takes, however many pages have been built.
- New widgets, dialogs, menus, pop-ups and tool tips parented to the window are made
  at the size the window shows. A window without a parent shows the size the
  application's sheet was made with (the size chosen at start).
- The idle lock's application-wide event filter is taken off while restyling: the
  thousands of font and style events are nobody's input.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLayout, QWidget

from familymeeting.ui import idle, theme

_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
_POLISHED = Qt.WidgetAttribute.WA_WState_Polished


def clamp(step: int) -> int:
    """A step within the sizes the app has (0 … len(theme.TEXT_SCALES) - 1)."""
    return max(0, min(step, len(theme.TEXT_SCALES) - 1))


def shown_size(window: QWidget) -> int | None:
    """The text size ``window`` shows (None: the application's, from the start)."""
    value = window.property(theme.TEXT_SIZE_PROPERTY)
    return value if isinstance(value, int) else None


def apply(window: QWidget, step: int) -> int:
    """Show ``window`` and everything it parents at text size ``step``; returns the step.

    What is on screen is restyled now; what is hidden, when it is next shown.
    """
    step = clamp(step)
    app = QApplication.instance()
    if isinstance(app, QApplication) and not _has_type_scale(app.styleSheet()):
        # The look itself (run_gui sets it before the first screen; a window made
        # without it, as in tests and tools, gets it here, before it is polished).
        app.setStyleSheet(theme.stylesheet(step))
    if shown_size(window) == step:
        return step
    restyler = window.findChild(Restyler, Restyler.NAME, _DIRECT) or Restyler(window)
    with idle.unwatched():
        window.setProperty(theme.TEXT_SIZE_PROPERTY, step)
        restyler.restyle(window)
    return step


def _has_type_scale(sheet: str) -> bool:
    return any(sheet == theme.stylesheet(n) for n in range(len(theme.TEXT_SCALES)))


class Restyler(QObject):
    """Brings a window's widgets to the style its sheet now gives them, each once.

    Restyles the visible part of a widget tree now; a hidden part that holds widgets
    waits, watched, until it is shown. Children of the window it belongs to.
    No signals.
    """

    NAME = "textSizeRestyler"

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName(self.NAME)
        self._style_change = QEvent(QEvent.Type.StyleChange)

    def restyle(self, root: QWidget) -> None:
        """Restyle ``root`` and what of it is shown; defer what is hidden."""
        shown: list[QWidget] = []
        pending = [root]
        while pending:
            widget = pending.pop()
            children = widget.findChildren(QWidget, options=_DIRECT)
            # Never polished yet (not shown since it was made): it will be polished at
            # its first show, with the window's size.
            polished = widget.testAttribute(_POLISHED)
            # A hidden window (a pop-up list or calendar, a dialog kept for later) is
            # restyled now: it measures itself before it shows, and it is small.
            hidden_part = widget.isHidden() and not widget.isWindow() and children
            if polished and widget is not root and hidden_part:
                self._defer(widget)
                continue
            if polished:
                shown.append(widget)
            pending.extend(reversed(children))
        # Children before their parents: a widget that measures its children when its
        # own font or style changes (a column keeps its hint two lines tall) then reads
        # their new size, not the old one.
        for widget in reversed(shown):
            if not shiboken6.isValid(widget):
                continue  # deleted by a restyled widget meanwhile
            style = widget.style()
            style.unpolish(widget)
            style.polish(widget)  # the new fonts: FontChange, layouts asked again
            QCoreApplication.sendEvent(widget, self._style_change)

    def _defer(self, widget: QWidget) -> None:
        # Installing the same filter again only moves it to the front: one restyle at
        # the next show, however many steps were taken meanwhile.
        widget.installEventFilter(self)
        # A window parented inside (a dialog, a pop-up) may be shown on its own.
        for inner in widget.findChildren(QWidget):
            if inner.isWindow():
                self.restyle(inner)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Show comes before the first paint (and after the children were shown): the
        # part is painted at the new size, never at the old one first.
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            with idle.unwatched():
                self.restyle(watched)
            # Widgets made while the part was hidden were measured then, and a hidden
            # widget's new size does not reach its parent's layout: lay it all out anew.
            for layout in watched.findChildren(QLayout):
                layout.invalidate()
        return False
