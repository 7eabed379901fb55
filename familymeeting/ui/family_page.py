"""One family: who is in it, its meetings, and the way to the next meeting."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain import rules
from familymeeting.domain.enums import Role
from familymeeting.storage.records import FamilyRecord, MeetingRecord, ParticipantRecord
from familymeeting.storage.services import Services
from familymeeting.ui import theme, words
from familymeeting.ui.access import AccessLogDialog, DeleteFamilyDialog
from familymeeting.ui.families_page import DETAIL_ROLE, ID_ROLE, TapListWidget
from familymeeting.ui.family_dialog import FamilyDialog
from familymeeting.ui.flow import FlowLayout
from familymeeting.ui.handouts import HandoutsDialog
from familymeeting.ui.meeting_dialog import MeetingDialog
from familymeeting.ui.record import MeetingRecordDialog
from familymeeting.ui.timeline import TimelineSection

D = TypeVar("D", FamilyDialog, MeetingDialog)
TIMELINE_SHARE = 33  # per cent of the page's height the case timeline may take above
SIDE_BY_SIDE_MIN = 150  # average characters of width for meetings beside the timeline
QWIDGETSIZE_MAX = 16_777_215  # Qt's "no maximum" for a widget's size


class FamilyPage(QWidget):
    """A family's participants and meetings, newest first.

    Signals: ``meeting_opened(str)`` with a meeting id when a meeting is tapped, or
    was just made with "Create meeting" or "Start follow-up" (it opens on its board);
    ``family_changed(str)`` with the family id after it was edited or (un)archived;
    ``progress_requested(str)`` with the family id when "Progress" is tapped;
    ``family_deleted(str)`` with the id of a family that was deleted for good;
    ``saved()`` after a dialog saved the family or a new meeting (no undo out here, so
    the window says plainly that it is saved).
    """

    meeting_opened = Signal(str)
    family_changed = Signal(str)
    progress_requested = Signal(str)
    family_deleted = Signal(str)
    saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.family_id: str | None = None
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._meetings: list[MeetingRecord] = []
        self.family: FamilyRecord | None = None  # the family shown, as last read
        self._dialog: FamilyDialog | MeetingDialog | None = None
        self._extra_dialog: AccessLogDialog | DeleteFamilyDialog | HandoutsDialog | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(12)

        header = QHBoxLayout()
        self.title_label = QLabel()
        self.title_label.setObjectName("title")
        self.title_label.setWordWrap(True)
        header.addWidget(self.title_label, 1)
        self.edit_button = QPushButton(self.tr("Edit family"))
        self.edit_button.clicked.connect(self.edit_family)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)

        self.info_label = QLabel()
        self.info_label.setObjectName("muted")
        self.info_label.setWordWrap(True)
        layout.addWidget(self.info_label)

        self.chips = QWidget()
        self.chip_layout = FlowLayout(self.chips, spacing=8)
        layout.addWidget(self.chips)

        # The buttons wrap to a second row where one row is too narrow (an upright
        # tablet, the largest text): never squeezed, never cut.
        action_box = QWidget()
        actions = FlowLayout(action_box, spacing=12)
        actions.setContentsMargins(0, 12, 0, 4)
        self.new_meeting_button = QPushButton(self.tr("New meeting"))
        self.new_meeting_button.setProperty("primary", "true")
        self.new_meeting_button.clicked.connect(self.new_meeting)
        actions.addWidget(self.new_meeting_button)
        self.follow_up_button = QPushButton(self.tr("Follow-up meeting"))
        self.follow_up_button.setToolTip(
            self.tr("Starts from the chosen meeting's board, or else the newest one's.")
        )
        self.follow_up_button.clicked.connect(self.follow_up)
        actions.addWidget(self.follow_up_button)
        self.record_button = QPushButton(self.tr("Meeting record"))
        self.record_button.setToolTip(
            self.tr(
                "The record of the chosen meeting, or else the newest one, for the case journal"
            )
        )
        self.record_button.clicked.connect(self.open_record)
        actions.addWidget(self.record_button)
        self.progress_button = QPushButton(self.tr("Progress"))
        self.progress_button.setToolTip(self.tr("Everyone's ratings across the meetings"))
        self.progress_button.clicked.connect(self._progress_clicked)
        actions.addWidget(self.progress_button)
        self.handouts_button = QPushButton(self.tr("Plans given to the family"))
        self.handouts_button.setToolTip(self.tr("Every plan printed or saved, to print again"))
        self.handouts_button.clicked.connect(self.show_handouts)
        actions.addWidget(self.handouts_button)
        self.timeline = TimelineSection(services)  # "Sagens forløb" (ui/timeline.py)
        self.timeline.saved.connect(self.saved)
        actions.addWidget(self.timeline.edit_button)
        self.log_button = QPushButton(self.tr("Access log"))
        self.log_button.clicked.connect(self.show_access_log)
        actions.addWidget(self.log_button)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_family)
        actions.addWidget(self.delete_button)
        layout.addWidget(action_box)

        # The meetings and the case's pace per child: side by side on a wide screen,
        # the timeline above the meetings on an upright or narrow one (resizeEvent).
        self.pace_and_meetings = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.pace_and_meetings.setSpacing(12)
        layout.addLayout(self.pace_and_meetings, 1)
        meetings_box = QWidget()
        meetings_column = QVBoxLayout(meetings_box)
        meetings_column.setContentsMargins(0, 0, 0, 0)
        meetings_column.setSpacing(12)
        meetings_title = QLabel(self.tr("Meetings"))
        meetings_title.setObjectName("subtitle")
        meetings_column.addWidget(meetings_title)

        self.stack = QStackedWidget()
        self.meeting_list = TapListWidget()
        self.meeting_list.setAccessibleName(self.tr("Meetings"))
        self.meeting_list.opened.connect(self.meeting_opened)
        self.stack.addWidget(self.meeting_list)
        self.no_meetings_label = QLabel(
            self.tr("No meetings yet. Plan the first one with “New meeting”.")
        )
        self.no_meetings_label.setObjectName("muted")
        self.no_meetings_label.setWordWrap(True)  # its width is the page's minimum otherwise
        self.no_meetings_label.setAlignment(
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        )
        self.no_meetings_label.setContentsMargins(0, 24, 0, 0)
        self.stack.addWidget(self.no_meetings_label)
        meetings_column.addWidget(self.stack, 1)
        self.pace_and_meetings.addWidget(self.timeline)  # the case's pace, per child
        self.pace_and_meetings.addWidget(meetings_box, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The meetings are what a caseworker comes here for. Where the page is wide, the
        # timeline sits beside them with the whole height; else above them, taking at
        # most a third of the page and scrolling beyond that.
        size = event.size()
        side_by_side = size.width() >= SIDE_BY_SIDE_MIN * self.fontMetrics().averageCharWidth()
        if side_by_side:
            self.pace_and_meetings.setDirection(QBoxLayout.Direction.RightToLeft)
            self.pace_and_meetings.setStretch(0, 1)
            self.timeline.lines_area.setMaximumHeight(QWIDGETSIZE_MAX)
        else:
            self.pace_and_meetings.setDirection(QBoxLayout.Direction.TopToBottom)
            self.pace_and_meetings.setStretch(0, 0)
            self.timeline.lines_area.setMaximumHeight(
                max(theme.TOUCH, size.height() * TIMELINE_SHARE // 100)
            )
        super().resizeEvent(event)

    # ------------------------------------------------------------------ public
    def show_family(self, family_id: str) -> None:
        """Show this family, read fresh from the database."""
        if family_id != self.family_id:
            family = self.services.open_family(family_id)  # logged
        else:
            family = self.services.get_family(family_id)
        self.family_id = family_id
        self.family = family
        participants = self.services.list_participants(family_id)
        self._meetings = self.services.list_meetings(family_id)

        self.title_label.setText(family.display_name)
        info = []
        if family.caseworker_name or family.caseworker_phone:
            who = ", ".join(x for x in (family.caseworker_name, family.caseworker_phone) if x)
            info.append(self.tr("Caseworker: %1").replace("%1", who))
        if family.archived:
            info.append(self.tr("Archived"))
        self.info_label.setText(" · ".join(info))
        self.info_label.setVisible(bool(info))
        self._show_chips(participants)
        self.timeline.show_family(family_id)

        self.meeting_list.clear()
        for meeting in self._meetings:
            item = QListWidgetItem(self.when_text(meeting.starts_at))
            item.setData(ID_ROLE, meeting.id)
            parts = [words.meeting_kind(meeting.kind), words.meeting_status(meeting.status)]
            if meeting.place:
                parts.append(meeting.place)
            item.setData(DETAIL_ROLE, " · ".join(parts))
            self.meeting_list.addItem(item)
        self.stack.setCurrentWidget(self.meeting_list if self._meetings else self.no_meetings_label)
        self.follow_up_button.setEnabled(bool(self._meetings))
        self.progress_button.setEnabled(bool(self._meetings))
        self.record_button.setEnabled(bool(self._meetings))

    def refresh(self) -> None:
        if self.family_id is not None:
            self.show_family(self.family_id)

    def edit_family(self) -> FamilyDialog | None:
        """Open the family dialog (window-modal, not blocking) and return it."""
        if self.family_id is None:
            return None
        dialog = FamilyDialog(self.services, self.family_id, self)
        dialog.accepted.connect(self._family_edited)
        return self._open(dialog)

    def new_meeting(self) -> MeetingDialog | None:
        if self.family_id is None:
            return None
        return self._open(MeetingDialog(self.services, self.family_id, None, self))

    def follow_up(self) -> MeetingDialog | None:
        """Plan a follow-up of the chosen meeting, or else of the newest one."""
        previous = self.follow_up_source()
        if self.family_id is None or previous is None:
            return None
        return self._open(MeetingDialog(self.services, self.family_id, previous, self))

    def follow_up_source(self) -> str | None:
        """The meeting a follow-up would carry forward."""
        selected = self.meeting_list.selectedItems()
        if selected:
            return str(selected[0].data(ID_ROLE))
        return self._meetings[0].id if self._meetings else None

    def open_record(self) -> MeetingRecordDialog | None:
        """The caseworker's record of the chosen meeting, or else the newest one."""
        meeting_id = self.follow_up_source()
        if meeting_id is None:
            return None
        dialog = MeetingRecordDialog(self.services, meeting_id, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def when_text(self, when: datetime) -> str:
        """E.g. "onsdag den 25. november 2026 kl. 10.00" in the user's locale."""
        locale = self.locale()
        day = locale.toString(QDate(when.year, when.month, when.day), QLocale.FormatType.LongFormat)
        time = locale.toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
        return self.tr("%1 at %2").replace("%1", day).replace("%2", time)

    # ----------------------------------------------------------------- helpers
    def _show_chips(self, participants: list[ParticipantRecord]) -> None:
        while (item := self.chip_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.hide()  # gone from the screen now, not at the next turn of the loop
                widget.deleteLater()
        for index, p in enumerate(participants):
            parts = [p.name, words.role(p.role)]
            if p.role == Role.CHILD and p.birth_year is not None:
                age = rules.age_in_year(p.birth_year)
                parts.append(self.tr("1 year") if age == 1 else self.tr("%n years", "", age))
            chip = QLabel(" · ".join(parts))
            chip.setObjectName("chip")
            background, text = theme.person_colours(index)
            # Each person keeps one colour everywhere (same index as on the board).
            chip.setStyleSheet(
                f"QLabel#chip {{ background: {background}; color: {text};"
                " border-radius: 14px; padding: 6px 14px; }"
            )
            self.chip_layout.addWidget(chip)
        self.chips.setVisible(bool(participants))
        self.chip_layout.invalidate()

    def _open(self, dialog: D) -> D:
        if isinstance(dialog, MeetingDialog):
            dialog.accepted.connect(lambda: self._meeting_created(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        return dialog

    def show_access_log(self) -> AccessLogDialog | None:
        if self.family_id is None:
            return None
        dialog = AccessLogDialog(self.services, self.family_id, self)
        self._extra_dialog = dialog
        dialog.open()
        return dialog

    def show_handouts(self) -> HandoutsDialog | None:
        """The plans the family was given (ui/handouts.py)."""
        if self.family_id is None:
            return None
        dialog = HandoutsDialog(self.services, self.family_id, self)
        dialog.finished.connect(dialog.deleteLater)
        self._extra_dialog = dialog
        dialog.open()
        return dialog

    def delete_family(self) -> DeleteFamilyDialog | None:
        if self.family_id is None:
            return None
        family_id = self.family_id
        dialog = DeleteFamilyDialog(self.services, family_id, self)
        dialog.accepted.connect(lambda: self.family_deleted.emit(family_id))
        self._extra_dialog = dialog
        dialog.open()
        return dialog

    def _progress_clicked(self) -> None:
        if self.family_id is not None:
            self.progress_requested.emit(self.family_id)

    def _family_edited(self) -> None:
        self.saved.emit()
        self.refresh()
        if self.family_id is not None:
            self.family_changed.emit(self.family_id)

    def _meeting_created(self, dialog: MeetingDialog) -> None:
        self.refresh()
        # Highlight the new meeting so, back here, the next tap (or follow-up) finds it.
        for row in range(self.meeting_list.count()):
            item = self.meeting_list.item(row)
            if item.data(ID_ROLE) == dialog.meeting_id:
                self.meeting_list.setCurrentItem(item)
                self.meeting_list.scrollToItem(item)
        # The meeting was made to be held: straight to its board, where the window then
        # says it is saved (opening a meeting clears what the toolbar said before).
        if dialog.meeting_id is not None:
            self.meeting_opened.emit(dialog.meeting_id)
        self.saved.emit()
