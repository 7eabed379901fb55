"""Dialogs as big as what they hold, and never bigger than the screen.

Qt sizes a new window from its size hint, at most two thirds of the screen, and a
word-wrapped label only asks for one line there: on a 768-high laptop, or at the
largest text size, a dialog's text and password fields came out squeezed and cut.
Every dialog of the app derives from ``FittedDialog``, which, each time it is shown
and whenever its content asks for more room, makes it as wide as it wants (or as its
``preferred`` size), as high as its wrapped text needs at that width, and no bigger
than the available area of the screen it is on. Content taller than the screen
scrolls, with the dialog's buttons kept in view below it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

FRAME_GUESS = QSize(16, 48)  # a window manager's borders and title bar, before one is known


class FittedDialog(QDialog):
    """A QDialog that fits its content within the screen; see the module's docstring.

    ``preferred`` is the size it opens at where the screen has room (it grows for its
    content). No signals beyond QDialog's.
    """

    def __init__(self, parent: QWidget | None = None, preferred: QSize | None = None) -> None:
        super().__init__(parent)
        self._preferred = preferred or QSize(0, 0)
        self._fitting = False
        self._refit_pending = False
        self._scrolls = False  # the content was moved into a scroll area

    def available(self) -> QRect:
        """The screen area the dialog opens on: its parent window's, else the primary."""
        parent = self.parentWidget()
        anchor = (parent.window() if parent is not None else self).geometry().center()
        screen = QGuiApplication.screenAt(anchor) or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def fit(self) -> None:
        """Resize to what the content needs at the width it gets, within the screen."""
        layout = self.layout()
        if layout is None or self._fitting:
            return
        self._fitting = True
        try:
            self.ensurePolished()
            layout.activate()
            room = self.available().size() - FRAME_GUESS
            if not self._scrolls and self._needs(layout, room.width()) > room.height():
                layout = self._scroll_content()
                layout.activate()
            width = max(
                self.width() if self.isVisible() else 0,
                self._preferred.width(),
                layout.totalMinimumSize().width(),
                self.sizeHint().width(),
                self._scrolled_width(),
            )
            width = min(width, room.width())
            needs = self._needs(layout, width)
            if self._scrolls:
                # The scroll area asks for little; the dialog is as tall as its content
                # would be (and the screen allows), so it scrolls only what must.
                inner = self._content.layout()
                assert inner is not None
                scroll_hint = self._content_scroll.sizeHint().height()
                needs += max(0, self._needs(inner, width) - scroll_hint)
            height = max(needs, self._preferred.height(), self.height() if self.isVisible() else 0)
            height = min(height, room.height())
            # The user may make it larger, never smaller than its words need.
            self.setMinimumSize(min(layout.totalMinimumSize().width(), width), min(needs, height))
            if (width, height) != (self.width(), self.height()):
                self.resize(width, height)
        finally:
            self._fitting = False

    def _scrolled_width(self) -> int:
        """The width scrolled content asks for now, with its scroll bar beside it.

        A QScrollArea measures its widget once, when it is given it, and keeps that
        as its size hint; content that grew since (its text restyled when the dialog
        was shown) would be squeezed, its words cut.
        """
        if not self._scrolls:
            return 0
        scroll = self._content_scroll
        bar = scroll.verticalScrollBar().sizeHint().width()
        return self._content.sizeHint().width() + bar + 2 * scroll.frameWidth()

    @staticmethod
    def _needs(layout: QLayout, width: int) -> int:
        """The height the content asks for at ``width`` (wrapped text included)."""
        needs = layout.totalSizeHint().height()
        if layout.hasHeightForWidth():
            needs = max(needs, layout.totalHeightForWidth(width))
        return needs

    def _scroll_content(self) -> QLayout:
        """More than the screen holds: the content scrolls, its buttons stay in view.

        The dialog's layout moves into a scroll area; its QDialogButtonBox (if any)
        stays below it, outside, so OK and Cancel are always one tap away. Returns the
        dialog's new layout (the scroll area and the buttons).
        """
        old = self.layout()
        assert old is not None
        box = next(
            (
                item.widget()
                for item in (old.itemAt(i) for i in range(old.count()))
                if item is not None and isinstance(item.widget(), QDialogButtonBox)
            ),
            None,
        )
        margins = old.contentsMargins()
        if box is not None:
            old.removeWidget(box)
        content = QWidget()
        content.setObjectName("page")
        content.setLayout(old)  # takes the layout and every widget in it
        scroll = QScrollArea()
        scroll.setObjectName("dialogScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self._content = content
        self._content_scroll = scroll
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        if box is not None:
            holder = QHBoxLayout()
            holder.setContentsMargins(margins.left(), 8, margins.right(), margins.bottom())
            holder.addWidget(box)
            outer.addLayout(holder)
        self._scrolls = True
        return outer

    def setVisible(self, visible: bool) -> None:
        if visible and not self.isVisible():
            # Before Qt centres it over its parent, so it is centred at its final size.
            self.fit()
        super().setVisible(visible)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # The content changed (a longer message, another text size): fit again, once.
        kinds = (QEvent.Type.LayoutRequest, QEvent.Type.FontChange, QEvent.Type.StyleChange)
        if event.type() in kinds and self.isVisible() and not self._refit_pending:
            self._refit_pending = True
            QTimer.singleShot(0, self, self._refit)
        return handled

    def _refit(self) -> None:
        self._refit_pending = False
        if self.isVisible():
            self.fit()
            self._keep_on_screen()

    def _keep_on_screen(self) -> None:
        """After growing, pull the dialog back inside the screen if it went over an edge."""
        area = self.available()
        frame = self.frameGeometry()
        x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.move(x, y)
