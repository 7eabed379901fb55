"""The meeting's details, from the header's "Meeting": when, where, status, next meeting.

A sheet over the board. Each change is an edit of the meeting like any other (the
page runs it through the meeting's controller as ``SetMeetingField``), saved at once
and undone by Undo; the sheet shows what was stored.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain import rules
from familymeeting.domain.calendar import default_next_meeting
from familymeeting.domain.enums import MeetingStatus
from familymeeting.storage.records import MeetingRecord
from familymeeting.ui import theme, words
from familymeeting.ui.controls import make_error_label, standard_button, title_label
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.flow import FlowLayout
from familymeeting.ui.touch import BIG_INDICATOR, TouchCheckBox, TouchRadioButton
from familymeeting.ui.when import WhenPicker


class MeetingDetailsDialog(FittedDialog):
    """The details of the meeting shown; each change is sent as it is made.

    Signals:
    field_changed(str, object): a meeting field (starts_at, place, status,
        next_meeting_at, next_meeting_place) and its new value (str, datetime or
        None), once the person has finished editing it.
    """

    field_changed = Signal(str, object)

    def __init__(self, meeting: MeetingRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent, preferred=QSize(720, 0))
        self._loading = False
        self.meeting = meeting
        self.setWindowTitle(self.tr("Meeting details"))
        self.setStyleSheet(BIG_INDICATOR)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        self.title_label = title_label(words.meeting_kind(meeting.kind))
        layout.addWidget(self.title_label)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(12)
        layout.addLayout(form)

        self.when = WhenPicker(meeting.starts_at)
        self.when.edited.connect(lambda value: self._emit("starts_at", value))
        when_label = QLabel(self.tr("Date and time"))
        when_label.setBuddy(self.when.date_edit)
        form.addRow(when_label, self.when)

        self.place = QLineEdit()
        self.place.setMinimumHeight(theme.TOUCH)
        self.place.setMaxLength(rules.PLACE_MAX + 1)  # one more: the rule says what is too long
        self.place.setPlaceholderText(self.tr("e.g. At the family's home"))
        self.place.setAccessibleName(self.tr("Place"))
        self.place.editingFinished.connect(self._place_done)
        place_label = QLabel(self.tr("Place"))
        place_label.setBuddy(self.place)
        form.addRow(place_label, self.place)

        # One tap each, wrapping where a row is too narrow.
        status_box = QWidget()
        status_row = FlowLayout(status_box, spacing=24)
        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[str, QRadioButton] = {}
        for status in MeetingStatus:
            button = TouchRadioButton(words.meeting_status(status.value))
            button.setMinimumHeight(theme.TOUCH)
            button.toggled.connect(partial(self._status_toggled, status.value))
            self.status_group.addButton(button)
            self.status_buttons[status.value] = button
            status_row.addWidget(button)
        form.addRow(QLabel(self.tr("Status")), status_box)

        self.next_enabled = TouchCheckBox(self.tr("Next meeting agreed"))
        self.next_enabled.toggled.connect(self._next_toggled)
        form.addRow(self.next_enabled)
        self.next_when = WhenPicker(default_next_meeting(meeting.starts_at))
        self.next_when.edited.connect(self._next_done)
        self.next_when_label = QLabel(self.tr("Next meeting"))
        self.next_when_label.setBuddy(self.next_when.date_edit)
        form.addRow(self.next_when_label, self.next_when)
        self.next_place = QLineEdit()
        self.next_place.setMinimumHeight(theme.TOUCH)
        self.next_place.setMaxLength(rules.PLACE_MAX + 1)
        self.next_place.setPlaceholderText(self.tr("Where the next meeting is"))
        self.next_place.setAccessibleName(self.tr("Place of the next meeting"))
        self.next_place.editingFinished.connect(self._next_place_done)
        next_place_label = QLabel(self.tr("Place of the next meeting"))
        next_place_label.setBuddy(self.next_place)
        form.addRow(next_place_label, self.next_place)

        self.saved_label = QLabel(self.tr("Every change is saved at once; Undo takes it back."))
        self.saved_label.setObjectName("muted")
        self.saved_label.setWordWrap(True)
        layout.addWidget(self.saved_label)
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        layout.addStretch()
        self.buttons = QDialogButtonBox()
        self.close_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self._close)
        # Enter finishes the field it is pressed in, not the sheet.
        self.close_button.setAutoDefault(False)
        layout.addWidget(self.buttons)
        self.set_meeting(meeting)

    # ----------------------------------------------------------------- showing
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # No field chosen for the person: on a tablet a focused field calls up the
        # on-screen keyboard over the sheet.
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_meeting(self, meeting: MeetingRecord) -> None:
        """Show what is stored, without sending it back; a field being typed in keeps
        its words (it is saved when it is left)."""
        self.meeting = meeting
        self._loading = True
        try:
            self.title_label.setText(words.meeting_kind(meeting.kind))
            if not self.when.isAncestorOf(self.focusWidget()):
                self.when.set_value(meeting.starts_at)
            typing = self.place.hasFocus() and self.place.isModified()
            if self.place.text() != meeting.place and not typing:
                self.place.setText(meeting.place)
                self.place.setCursorPosition(0)  # a long place shows its start
            self.status_buttons[meeting.status].setChecked(True)
            has_next = meeting.next_meeting_at is not None
            self.next_enabled.setChecked(has_next)
            self.next_when.setEnabled(has_next)
            self.next_when_label.setEnabled(has_next)
            if meeting.next_meeting_at is not None and not self.next_when.isAncestorOf(
                self.focusWidget()
            ):
                self.next_when.set_value(meeting.next_meeting_at)
            typing = self.next_place.hasFocus() and self.next_place.isModified()
            if self.next_place.text() != meeting.next_meeting_place and not typing:
                self.next_place.setText(meeting.next_meeting_place)
                self.next_place.setCursorPosition(0)
        finally:
            self._loading = False

    def show_error(self, message: str) -> None:
        """An edit was refused: say why (the fields show what is stored)."""
        self.error_label.setText(message)
        self.error_label.show()

    # ------------------------------------------------------------------- edits
    def _emit(self, field: str, value: str | datetime | None) -> None:
        if not self._loading:
            self.error_label.hide()
            self.field_changed.emit(field, value)

    def _status_toggled(self, status: str, on: bool) -> None:
        if on:
            self._emit("status", status)

    def _place_done(self) -> None:
        self.place.setModified(False)  # saved: no longer being typed
        if self.place.text() != self.meeting.place:
            self._emit("place", self.place.text())

    def _next_place_done(self) -> None:
        self.next_place.setModified(False)
        if self.next_place.text() != self.meeting.next_meeting_place:
            self._emit("next_meeting_place", self.next_place.text())

    def _next_toggled(self, on: bool) -> None:
        self.next_when.setEnabled(on)
        self.next_when_label.setEnabled(on)
        if self._loading:
            return
        if on:
            # Switched on without a date: four weeks on, on a working day.
            when = self.meeting.next_meeting_at or default_next_meeting(self.meeting.starts_at)
            self.next_when.set_value(when)
            self._emit("next_meeting_at", when)
        else:
            self._emit("next_meeting_at", None)

    def _next_done(self, value: datetime) -> None:
        if self.next_enabled.isChecked():
            self._emit("next_meeting_at", value)

    def _close(self) -> None:
        # A place still being typed is saved before the sheet goes.
        if self.place.isModified():
            self._place_done()
        if self.next_place.isModified():
            self._next_place_done()
        self.accept()


__all__ = ["MeetingDetailsDialog"]
