"""The meeting's one-line header: what meeting, when, who is here, and the way on.

The board is the point, so the header takes one row: the kind of meeting, its date,
"Meeting" (the details sheet: date, place, status, next meeting), who is here, the
view switch (board, ratings, plan; added by the page) and "Finish meeting".

Who is here is always ONE row of chips: inline where the row has room, scrolling
sideways (a finger flicks it; a mouse wheel turns it) when the people do not all fit;
where even that has no room, a "7 here" button that shows the row below the header.
On a narrow screen or at a large text size, the date gives way first (it is in the
details sheet); where one row cannot hold the rest, the header wraps into rows.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from familymeeting.storage.records import MeetingRecord, ParticipantRecord
from familymeeting.ui import theme, words
from familymeeting.ui.flow import FlowLayout


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


def presence_style(index: int) -> str:
    """A present person's chip is filled in their colour (the same as on their cards);
    an absent one is outlined and muted (the application's sheet, ``#presence``)."""
    background, text = theme.person_colours(index)
    return (
        f"QPushButton#presence:checked {{ background: {background}; color: {text};"
        f" border-color: {text}; }}"
    )


class EdgeFade(QWidget):
    """A soft edge over the end of a row that goes on out of sight: "there is more"
    (a chip simply cut there looked broken). Takes no taps. No signals."""

    WIDTH = 36

    def __init__(self, side: Qt.Edge, parent: QWidget) -> None:
        super().__init__(parent)
        self.side = side
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.hide()

    def paintEvent(self, _event: QPaintEvent) -> None:
        solid = QColor(theme.BACKGROUND)
        clear = QColor(solid)
        clear.setAlpha(0)
        gradient = QLinearGradient(0, 0, self.width(), 0)
        left = self.side == Qt.Edge.LeftEdge
        gradient.setColorAt(0.0, solid if left else clear)
        gradient.setColorAt(1.0, clear if left else solid)
        QPainter(self).fillRect(self.rect(), gradient)


class ChipStrip(QScrollArea):
    """One row of chips that scrolls sideways when they do not all fit; a soft edge
    shows on a side where more chips are out of sight. No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenceStrip")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.box = QWidget()
        self.box.setObjectName("presenceRow")
        self.row = QHBoxLayout(self.box)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(8)
        # Every chip as wide as its name (their style sheet minimum is less): the row
        # scrolls, never squeezes.
        self.row.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.row.addStretch()
        self.setWidget(self.box)
        self.viewport().setAutoFillBackground(False)
        self.box.setAutoFillBackground(False)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.viewport().installEventFilter(self)
        self.fades = (EdgeFade(Qt.Edge.LeftEdge, self), EdgeFade(Qt.Edge.RightEdge, self))
        bar = self.horizontalScrollBar()
        bar.valueChanged.connect(self._show_fades)
        bar.rangeChanged.connect(self._show_fades)

    def add(self, chip: QWidget) -> None:
        self.row.insertWidget(self.row.count() - 1, chip)
        chip.installEventFilter(self)  # reached by the keyboard: scrolled into view

    def content_width(self) -> int:
        """The width every chip needs, side by side."""
        return self.row.sizeHint().width()

    def sizeHint(self) -> QSize:
        return QSize(self.content_width(), self.row.sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.row.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_fades()

    def _show_fades(self) -> None:
        bar = self.horizontalScrollBar()
        width = min(EdgeFade.WIDTH, self.width() // 4)
        left, right = self.fades
        left.setGeometry(0, 0, width, self.height())
        right.setGeometry(self.width() - width, 0, width, self.height())
        left.setVisible(bar.value() > bar.minimum())
        right.setVisible(bar.value() < bar.maximum())
        for fade in self.fades:
            fade.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A chip reached by the keyboard is scrolled into view.
        focus = event.type() == QEvent.Type.FocusIn
        if focus and isinstance(watched, QWidget) and watched.parentWidget() is self.box:
            self.ensureWidgetVisible(watched, 8, 0)
        # A mouse wheel turns the row sideways (it has no other way to go).
        if watched is self.viewport() and isinstance(event, QWheelEvent):
            bar = self.horizontalScrollBar()
            delta = event.angleDelta()
            step = delta.x() if abs(delta.x()) > abs(delta.y()) else delta.y()
            if bar.maximum() > 0 and step:
                bar.setValue(bar.value() - step)
                return True
        return super().eventFilter(watched, event)


class MeetingHeader(QWidget):
    """Signals:
    attendance_changed(str, bool): participant id, present or not (a chip was tapped).
    details_requested(): "Meeting" was tapped: the details sheet.
    finish_requested(): "Finish meeting" was tapped.
    """

    attendance_changed = Signal(str, bool)
    details_requested = Signal()
    finish_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._mode: tuple[str, bool, bool] | None = None  # (layout, chips inline, date shown)
        self._attendee_shape: list[tuple[str, str, str]] | None = None
        self.attendee_buttons: dict[str, QPushButton] = {}

        # All the header's own children, whichever row they are on (see below).
        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("headerTitle")
        self.date_label = QLabel(self)
        self.date_label.setObjectName("muted")
        self.details_button = QPushButton(self.tr("Meeting"), self)
        self.details_button.setObjectName("meetingDetails")
        self.details_button.setAccessibleName(self.tr("Meeting details"))
        self.details_button.setToolTip(self.tr("Date, place, status and the next meeting"))
        self.details_button.clicked.connect(self.details_requested)
        self.strip = ChipStrip(self)
        self.strip.setAccessibleName(self.tr("Who is here"))
        self.who_button = QPushButton(self)
        self.who_button.setObjectName("presenceToggle")
        self.who_button.setCheckable(True)
        self.who_button.setToolTip(self.tr("Who is here: tap to show everyone"))
        self.who_button.toggled.connect(self._show_strip_below)
        # The page puts the view switch (board, ratings, plan) in here.
        self.side_box = QWidget(self)
        self.side = QHBoxLayout(self.side_box)
        self.side.setContentsMargins(0, 0, 0, 0)
        self.side.setSpacing(8)
        self.finish_button = QPushButton(self.tr("Finish meeting"), self)
        self.finish_button.setObjectName("finishMeeting")
        self.finish_button.setProperty("primary", "true")
        self.finish_button.setToolTip(
            self.tr("Close the meeting, agree on the next one, print the plan")
        )
        self.finish_button.clicked.connect(self.finish_requested)
        for label in (self.kind_label, self.date_label):
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)

        # Three rows, of which the header shows one or two: everything on one row; or,
        # where one row cannot hold it, rows that wrap; and the chips on a row of their
        # own when "7 here" is tapped. Layouts, not widgets: moving a widget between
        # them keeps its parent, so the header looks the same however it got there.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self.line_layout = QHBoxLayout()
        self.line_layout.setSpacing(8)
        self.flow_layout = FlowLayout(spacing=8)
        self.strip_row_layout = QHBoxLayout()
        for part in (self.line_layout, self.flow_layout, self.strip_row_layout):
            outer.addLayout(part)
        self._arrange()

    # ----------------------------------------------------------------- showing
    def set_meeting(
        self, meeting: MeetingRecord, people: list[ParticipantRecord], attendee_ids: list[str]
    ) -> None:
        """Show the stored state without echoing it back as edits."""
        self._loading = True
        try:
            self.kind_label.setText(words.meeting_kind(meeting.kind))
            when = self.locale().toString(
                to_qdatetime(meeting.starts_at), self.locale().FormatType.ShortFormat
            )
            self.date_label.setText(when)
            self.details_button.setToolTip(
                self.tr("Date, place, status and the next meeting") + f" ({when})"
            )
            self._set_attendees(people, set(attendee_ids))
        finally:
            self._loading = False
        self._arrange()

    def _set_attendees(self, people: list[ParticipantRecord], present: set[str]) -> None:
        shape = [(p.id, p.name, p.role) for p in people]
        if self._attendee_shape != shape:
            self._attendee_shape = shape
            for button in self.attendee_buttons.values():
                self.strip.row.removeWidget(button)
                button.hide()  # gone from the screen now, not at the next turn of the loop
                button.deleteLater()
            self.attendee_buttons = {}
            for index, p in enumerate(people):
                button = QPushButton(p.name)
                button.setObjectName("presence")
                button.setCheckable(True)
                button.setMinimumHeight(theme.TOUCH)
                # Whole, always: the row scrolls rather than squeeze a name.
                button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
                button.setToolTip(words.role(p.role))
                button.setStyleSheet(presence_style(index))
                button.toggled.connect(
                    lambda on, pid=p.id: (
                        None if self._loading else self.attendance_changed.emit(pid, on)
                    )
                )
                self.strip.add(button)
                button.ensurePolished()  # measured in its look, as it will be laid out
                self.attendee_buttons[p.id] = button
            self._mode = None  # the chips' widths changed: choose the layout again
        for pid, button in self.attendee_buttons.items():
            button.setChecked(pid in present)
            button.setAccessibleName(
                (self.tr("%1 is here") if pid in present else self.tr("%1 is not here")).replace(
                    "%1", button.text()
                )
            )
        here = sum(pid in present for pid in self.attendee_buttons)
        everyone = len(self.attendee_buttons)
        self.who_button.setText(
            self.tr("%n here", "", here)
            if here == everyone
            else self.tr("%1 of %2 here").replace("%1", str(here)).replace("%2", str(everyone))
        )
        self.who_button.setAccessibleName(self.tr("Who is here"))

    # ------------------------------------------------------------------ layout
    def _arrange(self) -> None:
        """One row where it fits: the chips inline, else behind "7 here", else without
        the date; where even that does not fit, rows. Each change is made once."""
        for widget in (
            self.kind_label,
            self.date_label,
            self.details_button,
            self.who_button,
            self.side_box,
            self.finish_button,
            self.strip,
        ):
            widget.ensurePolished()
        spacing = self.line_layout.spacing()

        def width(widget: QWidget) -> int:
            return widget.sizeHint().width() + spacing

        room = self.width()
        fixed = (
            sum(width(w) for w in (self.kind_label, self.details_button, self.side_box))
            + self.finish_button.sizeHint().width()
        )
        date = width(self.date_label)
        chips = list(self.attendee_buttons.values())
        # Inline, the row shows at least two people whole (or everyone, if fewer).
        least = sum(c.sizeHint().width() + spacing for c in chips[:2])
        who = width(self.who_button)
        if chips and fixed + date + least <= room:
            mode = ("line", True, True)
        elif fixed + date + who <= room:
            mode = ("line", False, True)
        elif fixed + who <= room:
            mode = ("line", False, False)
        else:
            mode = ("flow", False, True)
        if mode == self._mode:
            return
        self._mode = mode
        layout, inline, dated = mode
        self.date_label.setVisible(dated)
        for item_layout in (self.line_layout, self.flow_layout):
            while (item := item_layout.takeAt(0)) is not None:
                del item
        self.strip_row_layout.removeWidget(self.strip)
        if layout == "line":
            row = self.line_layout
            for widget in (self.kind_label, self.date_label, self.details_button):
                if widget is not self.date_label or dated:
                    row.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
            if inline:
                row.addWidget(self.strip, 1, Qt.AlignmentFlag.AlignVCenter)
            else:
                row.addWidget(self.who_button, 0, Qt.AlignmentFlag.AlignVCenter)
                row.addStretch(1)
            row.addWidget(self.side_box, 0, Qt.AlignmentFlag.AlignVCenter)
            row.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignVCenter)
        else:
            for widget in (
                self.kind_label,
                self.date_label,
                self.details_button,
                self.who_button,
                self.side_box,
                self.finish_button,
            ):
                self.flow_layout.addWidget(widget)
        self.who_button.setVisible(not inline)
        # Labels as tall as the buttons beside them, so rows line up when they wrap.
        tall = self.details_button.sizeHint().height()
        for label in (self.kind_label, self.date_label):
            label.setMinimumHeight(tall)
        if inline:
            self.strip.show()
        else:
            self.strip_row_layout.addWidget(self.strip)
            self._show_strip_below(self.who_button.isChecked())
        self.updateGeometry()

    def _show_strip_below(self, shown: bool) -> None:
        if self._mode is not None and not self._mode[1]:
            self.strip.setVisible(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def event(self, event: QEvent) -> bool:
        # A new text size changes every width the choice above depends on.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._mode = None
            QTimer.singleShot(0, self, self._arrange)
        return super().event(event)


__all__ = [
    "ChipStrip",
    "EdgeFade",
    "MeetingHeader",
    "from_qdatetime",
    "presence_style",
    "to_qdatetime",
]
