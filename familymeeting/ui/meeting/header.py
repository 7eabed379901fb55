"""The meeting header: kind, date, place, status, next meeting and who is here."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.enums import MeetingStatus
from familymeeting.storage.records import MeetingRecord, ParticipantRecord
from familymeeting.ui import theme, words
from familymeeting.ui.flow import FlowLayout
from familymeeting.ui.meeting.board.card import Person, chip_style
from familymeeting.ui.touch import TouchCheckBox


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class MeetingHeader(QWidget):
    """Signals:
    field_changed(str, object): a meeting field (starts_at, place, status,
        next_meeting_at) and its new value (str, datetime or None), after the user
        finished editing it.
    attendance_changed(str, bool): participant id, present or not.
    """

    field_changed = Signal(str, object)
    attendance_changed = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 4)
        layout.setSpacing(6)

        # Everything wraps, so the header fits a tablet held in portrait too.
        top = QWidget()
        row = FlowLayout(top, spacing=10)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("headerTitle")
        row.addWidget(self.kind_label)
        self.starts_at = QDateTimeEdit()
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setAccessibleName(self.tr("Date and time"))
        self.starts_at.editingFinished.connect(self._starts_at_done)
        row.addWidget(self.starts_at)
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("Place"))
        self.place.setAccessibleName(self.tr("Place"))
        self.place.setMinimumWidth(200)
        self.place.editingFinished.connect(lambda: self._emit("place", self.place.text()))
        row.addWidget(self.place)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for status in MeetingStatus:
            self.status.addItem(words.meeting_status(status.value), status.value)
        self.status.currentIndexChanged.connect(
            lambda _i: self._emit("status", self.status.currentData())
        )
        row.addWidget(self.status)
        self.next_enabled = TouchCheckBox(self.tr("Next meeting"))  # the whole row takes a tap
        self.next_enabled.toggled.connect(self._next_toggled)
        row.addWidget(self.next_enabled)
        self.next_at = QDateTimeEdit()
        self.next_at.setCalendarPopup(True)
        self.next_at.setAccessibleName(self.tr("Next meeting"))
        self.next_at.editingFinished.connect(self._next_done)
        row.addWidget(self.next_at)
        layout.addWidget(top)

        # "Who is here" and its chips; the meeting's view switch (board, ratings, plan) at
        # the end of the row, or on a row of its own where the chips would be squeezed.
        self.who = QHBoxLayout()
        self.who.setSpacing(8)
        self.who_label = QLabel(self.tr("Who is here:"))
        self.who_label.setObjectName("muted")
        self.who.addWidget(self.who_label, 0, Qt.AlignmentFlag.AlignTop)
        self.attendee_box = QWidget()
        self.attendee_row = FlowLayout(self.attendee_box)
        self.who.addWidget(self.attendee_box, 1)
        self.side_box = QWidget()
        self.side = QHBoxLayout(self.side_box)
        self.side.setContentsMargins(0, 0, 0, 0)
        self.side.setSpacing(8)
        self.who.addWidget(self.side_box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(self.who)
        self.below = QHBoxLayout()  # the view switch's own row, when it has one
        self.below.addStretch()
        layout.addLayout(self.below)
        self._side_below = False
        self.attendee_buttons: dict[str, QPushButton] = {}
        # Scrolling past the header must not change the status or a date.
        for field in (self.status, self.starts_at, self.next_at):
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            field.installEventFilter(self)

    def _place_side(self) -> None:
        """The view switch beside the chips if two chips still fit beside it, else below."""
        widest = max((b.sizeHint().width() for b in self.attendee_buttons.values()), default=0)
        spacing = self.who.spacing()
        needs = (
            self.who_label.sizeHint().width()
            + 2 * widest
            + self.side_box.sizeHint().width()
            + 4 * spacing
        )
        margins = self.contentsMargins()
        below = needs > self.width() - margins.left() - margins.right()
        if below == self._side_below:
            return
        self._side_below = below
        if below:
            self.who.removeWidget(self.side_box)
            self.below.addWidget(self.side_box)
        else:
            self.below.removeWidget(self.side_box)
            self.who.addWidget(self.side_box, 0, Qt.AlignmentFlag.AlignTop)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_side()

    def event(self, event: QEvent) -> bool:
        # A new text size changes every width the choice above depends on.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            QTimer.singleShot(0, self, self._place_side)
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def _emit(self, field: str, value: str | datetime | None) -> None:
        if not self._loading:
            self.field_changed.emit(field, value)

    def _starts_at_done(self) -> None:
        self._emit("starts_at", from_qdatetime(self.starts_at.dateTime()))

    def _next_toggled(self, on: bool) -> None:
        self.next_at.setEnabled(on)
        self._emit("next_meeting_at", from_qdatetime(self.next_at.dateTime()) if on else None)

    def _next_done(self) -> None:
        if self.next_enabled.isChecked():
            self._emit("next_meeting_at", from_qdatetime(self.next_at.dateTime()))

    def set_meeting(
        self, meeting: MeetingRecord, people: list[ParticipantRecord], attendee_ids: list[str]
    ) -> None:
        """Show the stored state without echoing it back as edits."""
        self._loading = True
        try:
            fmt = self.locale().dateTimeFormat(self.locale().FormatType.ShortFormat)
            self.kind_label.setText(words.meeting_kind(meeting.kind))
            self.starts_at.setDisplayFormat(fmt)
            self.next_at.setDisplayFormat(fmt)
            # A field the user is typing in keeps their words; it saves when they leave it.
            if not self.starts_at.hasFocus():
                self.starts_at.setDateTime(to_qdatetime(meeting.starts_at))
            typing_place = self.place.hasFocus() and self.place.isModified()
            if self.place.text() != meeting.place and not typing_place:
                self.place.setText(meeting.place)
                self.place.setCursorPosition(0)  # a long place shows its start
            self.status.setCurrentIndex(max(0, self.status.findData(meeting.status)))
            has_next = meeting.next_meeting_at is not None
            self.next_enabled.setChecked(has_next)
            self.next_at.setEnabled(has_next)
            if not self.next_at.hasFocus():
                self.next_at.setDateTime(
                    to_qdatetime(meeting.next_meeting_at)
                    if meeting.next_meeting_at is not None
                    else to_qdatetime(meeting.starts_at).addDays(28)
                )
            self._set_attendees(people, set(attendee_ids))
        finally:
            self._loading = False

    def _set_attendees(self, people: list[ParticipantRecord], present: set[str]) -> None:
        shape = [(p.id, p.name, p.role) for p in people]
        if getattr(self, "_attendee_shape", None) != shape:
            self._attendee_shape = shape
            for button in self.attendee_buttons.values():
                self.attendee_row.removeWidget(button)
                button.hide()  # gone from the screen now, not at the next turn of the loop
                button.deleteLater()
            self.attendee_buttons = {}
            for index, p in enumerate(people):
                button = QPushButton(p.name)
                button.setObjectName("attendee")
                button.setCheckable(True)
                button.setMinimumHeight(theme.TOUCH)
                button.setToolTip(words.role(p.role))
                button.setStyleSheet(
                    "QPushButton#attendee:!checked {"
                    + chip_style(Person(p.id, p.name, index))
                    + "}"
                )
                button.toggled.connect(
                    lambda on, pid=p.id: (
                        None if self._loading else self.attendance_changed.emit(pid, on)
                    )
                )
                self.attendee_row.addWidget(button)
                self.attendee_buttons[p.id] = button
            self._place_side()
        for pid, button in self.attendee_buttons.items():
            button.setChecked(pid in present)
            button.setAccessibleName(
                (self.tr("%1 is here") if pid in present else self.tr("%1 is not here")).replace(
                    "%1", button.text()
                )
            )


__all__ = ["MeetingHeader", "from_qdatetime", "to_qdatetime"]
