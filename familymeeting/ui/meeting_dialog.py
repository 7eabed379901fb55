"""Plan a meeting: when, where, what kind, and who takes part."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QSize
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain import rules
from familymeeting.domain.calendar import default_meeting_start, default_next_meeting
from familymeeting.domain.enums import MeetingKind
from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message
from familymeeting.storage.operations import CreateMeeting
from familymeeting.storage.services import Services
from familymeeting.ui import theme, words
from familymeeting.ui.controls import make_error_label, standard_button
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.flow import FlowLayout
from familymeeting.ui.touch import BIG_INDICATOR, TouchCheckBox, TouchRadioButton
from familymeeting.ui.when import WhenPicker


class MeetingDialog(FittedDialog):
    """Create a meeting for a family, or a follow-up of ``follows_id``.

    A follow-up carries the previous board, questions and open actions forward
    (``Services.start_follow_up``). After ``accepted``, ``meeting_id`` holds the
    new meeting's id. No signals beyond QDialog's.
    """

    def __init__(
        self,
        services: Services,
        family_id: str,
        follows_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, preferred=QSize(880, 660))
        self.services = services
        self.family_id = family_id
        self.follows_id = follows_id
        self.meeting_id: str | None = None

        family = services.get_family(family_id)
        participants = services.list_participants(family_id)
        previous = services.get_meeting(follows_id) if follows_id else None

        # Defaults: the next whole hour in working hours on a working day; a follow-up
        # starts when and where the family agreed last time, else four weeks after it
        # (on a working day) if that is still ahead.
        now = datetime.now()
        when = default_meeting_start(now)
        place = ""
        attending = {p.id for p in participants}
        if previous is not None:
            agreed = previous.next_meeting_at or default_next_meeting(previous.starts_at)
            when = agreed if agreed > now else when
            place = previous.next_meeting_place or previous.place
            attending = set(services.list_attendee_ids(previous.id)) or attending

        self.setWindowTitle(self.tr("Follow-up meeting") if follows_id else self.tr("New meeting"))
        self.setStyleSheet(BIG_INDICATOR)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        self.title_label = QLabel(self.windowTitle())
        self.title_label.setObjectName("title")
        layout.addWidget(self.title_label)
        subtitle = family.display_name
        if previous is not None:
            day = self.locale().toString(
                QDate(previous.starts_at.year, previous.starts_at.month, previous.starts_at.day),
                QLocale.FormatType.LongFormat,
            )
            subtitle += " · " + self.tr(
                "Carries the board, the questions and the open actions forward "
                "from the meeting of %1."
            ).replace("%1", day)
        self.subtitle_label = QLabel(subtitle)
        self.subtitle_label.setObjectName("muted")
        self.subtitle_label.setWordWrap(True)
        layout.addWidget(self.subtitle_label)
        layout.addSpacing(8)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(14)
        layout.addLayout(form)

        self.when = WhenPicker(when)
        self.date_edit = self.when.date_edit
        self.time_combo = self.when.time_combo
        when_row = QHBoxLayout()
        when_row.addWidget(self.when)
        when_row.addStretch()
        date_label = QLabel(self.tr("Date and time"))
        date_label.setBuddy(self.date_edit)
        form.addRow(date_label, when_row)

        self.place_edit = QLineEdit(place)
        self.place_edit.setMinimumHeight(theme.TOUCH)
        self.place_edit.setMaxLength(rules.PLACE_MAX + 1)
        self.place_edit.setPlaceholderText(self.tr("e.g. At the family's home"))
        place_label = QLabel(self.tr("Place"))
        place_label.setBuddy(self.place_edit)
        form.addRow(place_label, self.place_edit)

        # Choices wrap onto more rows where one row is too narrow (upright tablet, large
        # text), never squeezed.
        kind_box = QWidget()
        kind_row = FlowLayout(kind_box, spacing=24)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[str, QRadioButton] = {}
        for kind in MeetingKind:
            button = TouchRadioButton(words.meeting_kind(kind))
            button.setMinimumHeight(theme.TOUCH)
            self.kind_group.addButton(button)
            self.kind_buttons[kind.value] = button
            kind_row.addWidget(button)
        default_kind = MeetingKind.FOLLOW_UP if follows_id else MeetingKind.FIRST
        self.kind_buttons[default_kind.value].setChecked(True)
        form.addRow(QLabel(self.tr("Kind of meeting")), kind_box)

        attendee_box = QWidget()
        attendees = FlowLayout(attendee_box, spacing=24)
        self.attendee_boxes: dict[str, QCheckBox] = {}
        for p in participants:
            box = TouchCheckBox(p.name)
            box.setMinimumHeight(theme.TOUCH)
            box.setChecked(p.id in attending)
            self.attendee_boxes[p.id] = box
            attendees.addWidget(box)
        if not participants:
            none = QLabel(self.tr("The family has no participants yet."))
            none.setObjectName("muted")
            attendees.addWidget(none)
        form.addRow(QLabel(self.tr("Who is taking part?")), attendee_box)

        layout.addStretch()
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox()
        self.cancel_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = QPushButton(
            self.tr("Start follow-up") if follows_id else self.tr("Create meeting")
        )
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setProperty("primary", "true")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save_clicked)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ public
    def starts_at(self) -> datetime:
        return self.when.value()

    def kind(self) -> str:
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return kind
        return MeetingKind.FIRST.value

    def attendee_ids(self) -> list[str]:
        return [pid for pid, box in self.attendee_boxes.items() if box.isChecked()]

    def save(self) -> bool:
        """Create the meeting in one transaction; False (message shown) if refused."""
        self.error_label.hide()
        operation = CreateMeeting(
            self.family_id,
            self.starts_at(),
            place=self.place_edit.text(),
            kind=self.kind(),
            attendee_ids=tuple(self.attendee_ids()),
            follows_id=self.follows_id,
        )
        try:
            applied = self.services.run(operation)
        except UserError as err:
            self.error_label.setText(user_message(err))
            self.error_label.show()
            if err.params.get("field") == "place":
                self.place_edit.setFocus()
            return False
        assert applied.changes.meeting is not None
        self.meeting_id = applied.changes.meeting.id
        return True

    # ----------------------------------------------------------------- helpers
    def _save_clicked(self) -> None:
        if self.save():
            self.accept()
