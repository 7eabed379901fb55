"""Ending the meeting: "Finish meeting" opens this short sheet over the board.

Finishing closes the meeting; the next meeting's time and place are agreed here
(offered: what was agreed already, else four weeks on, on a working day, at the same
place); then "Print plan" or "Save plan". The page applies it all as ONE edit of the
meeting (``FinishMeeting``: one Undo takes it back) and shows the plan with the
printer's or the file dialog: from the board to a printed plan in three taps.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain import rules
from familymeeting.domain.calendar import default_next_meeting
from familymeeting.storage.records import MeetingRecord
from familymeeting.ui import theme
from familymeeting.ui.controls import make_error_label, text_label, title_label
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.touch import BIG_INDICATOR, TouchCheckBox
from familymeeting.ui.when import WhenPicker

PRINT = "print"
SAVE = "save"


class FinishMeetingDialog(FittedDialog):
    """Close the meeting, agree the next one, and print or save the plan.

    ``can_save`` False (family view) leaves out "Save plan". The dialog does not
    close itself on "Print plan" or "Save plan": the page finishes the meeting and
    closes it, or shows why it could not (``show_error``).

    Signals:
    plan_requested(str): "print" or "save" was tapped.
    record_requested(): "Meeting record" was tapped (the caseworker's, so only where
    ``can_save``: never in family view).
    """

    plan_requested = Signal(str)
    record_requested = Signal()

    def __init__(
        self, meeting: MeetingRecord, *, can_save: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, preferred=QSize(720, 0))
        self.setWindowTitle(self.tr("Finish meeting"))
        self.setStyleSheet(BIG_INDICATOR)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("Finish the meeting")))
        layout.addWidget(
            text_label(
                self.tr(
                    "The meeting is marked as finished. Agree on the next meeting, "
                    "then print or save the plan for the family."
                ),
                "muted",
            )
        )

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(12)
        layout.addLayout(form)
        # Offered: what was agreed already, else four weeks on (a working day), and the
        # place agreed, else today's. Unticked, the plan names no next meeting.
        agreed = meeting.next_meeting_at
        self.next_enabled = TouchCheckBox(self.tr("Next meeting"))
        self.next_enabled.setChecked(True)
        self.next_enabled.toggled.connect(self._next_toggled)
        form.addRow(self.next_enabled)
        self.next_when = WhenPicker(agreed or default_next_meeting(meeting.starts_at))
        self.when_label = QLabel(self.tr("Date and time"))
        self.when_label.setBuddy(self.next_when.date_edit)
        form.addRow(self.when_label, self.next_when)
        self.next_place = QLineEdit(meeting.next_meeting_place or meeting.place)
        self.next_place.setMinimumHeight(theme.TOUCH)
        self.next_place.setMaxLength(rules.PLACE_MAX + 1)  # one more: the rule says so
        self.next_place.setPlaceholderText(self.tr("e.g. At the family's home"))
        self.next_place.setAccessibleName(self.tr("Place of the next meeting"))
        self.place_label = QLabel(self.tr("Place"))
        self.place_label.setBuddy(self.next_place)
        form.addRow(self.place_label, self.next_place)

        # The caseworker's record: on a row of its own, so the plan's buttons keep theirs
        # on an upright tablet with big text.
        self.record_button = QPushButton(self.tr("Meeting record"))
        self.record_button.setAutoDefault(False)
        self.record_button.setToolTip(self.tr("The record for the case journal"))
        self.record_button.clicked.connect(self.record_requested)
        record_row = QHBoxLayout()
        record_row.addWidget(self.record_button)
        record_row.addStretch()
        layout.addLayout(record_row)
        self.record_button.setVisible(can_save)  # the caseworker's, never the family's

        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        layout.addStretch()

        self.buttons = QDialogButtonBox()
        self.back_button = QPushButton(self.tr("Back to the meeting"))
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.reject)
        self.buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button = QPushButton(self.tr("Save plan"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(lambda: self._chosen(SAVE))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setVisible(can_save)  # after adding: the box shows what it gets
        self.print_button = QPushButton(self.tr("Print plan"))
        self.print_button.setProperty("primary", "true")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(lambda: self._chosen(PRINT))
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # "Udskriv plan" is the way on; no field is chosen (a tablet's keyboard would
        # come up over the sheet).
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ public
    def next_meeting_at(self) -> datetime | None:
        return self.next_when.value() if self.next_enabled.isChecked() else None

    def next_meeting_place(self) -> str:
        return self.next_place.text() if self.next_enabled.isChecked() else ""

    def show_error(self, message: str) -> None:
        """Finishing was refused: say why; everything stays as typed."""
        self.error_label.setText(message)
        self.error_label.show()

    # ----------------------------------------------------------------- helpers
    def _next_toggled(self, on: bool) -> None:
        for widget in (self.next_when, self.when_label, self.next_place, self.place_label):
            widget.setEnabled(on)

    def _chosen(self, step: str) -> None:
        self.error_label.hide()
        self.plan_requested.emit(step)


__all__ = ["PRINT", "SAVE", "FinishMeetingDialog"]
