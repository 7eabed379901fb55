"""The meeting board: a one-line header and three columns of cards, saved as you go."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QResizeEvent, QUndoGroup
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.enums import CARD_KINDS_BY_COLUMN, Column, Role
from familymeeting.storage.operations import Changes, FinishMeeting
from familymeeting.storage.records import (
    ActionRecord,
    CardRecord,
    MeetingRecord,
    ParticipantRecord,
)
from familymeeting.storage.services import Services
from familymeeting.ui import words
from familymeeting.ui.meeting.board.card import CardData, Person
from familymeeting.ui.meeting.board.column import ColumnWidget
from familymeeting.ui.meeting.board.stances import StanceSheet
from familymeeting.ui.meeting.controller import MeetingController
from familymeeting.ui.meeting.details import MeetingDetailsDialog
from familymeeting.ui.meeting.finish import FinishMeetingDialog
from familymeeting.ui.meeting.header import MeetingHeader
from familymeeting.ui.meeting.houses.page import ThreeHousesDialog
from familymeeting.ui.meeting.plan.view import PlanView
from familymeeting.ui.meeting.ratings.view import RatingsView
from familymeeting.ui.record import MeetingRecordDialog

Sheet = TypeVar("Sheet", MeetingDetailsDialog, FinishMeetingDialog)

NARROW_WIDTH = 1000  # below this (a tablet in portrait) one column is shown at a time
# How long after the board settles the hidden ratings are built: after its first paint,
# before a person has reached for "Skalaer" (docs/benchmarks.md, "The meeting at the table").
PREPARE_DELAY_MS = 120


def plan_cards(actions: Sequence[ActionRecord]) -> frozenset[str]:
    """The cards the plan's lines were made from."""
    return frozenset(a.card_id for a in actions if a.card_id is not None)


class MeetingPage(QWidget):
    """Signals:
    saved(): an edit reached the database.
    failed(str): an edit could not be saved (message in the user's language).
    child_mode_requested(): the ratings view asks to hand the tablet to a child.
    plan_preview_requested(str): show the meeting's one-page plan (the window's page).
    plan_output_requested(str, str): the meeting was finished: show its plan and then
        "print" (the print dialog) or "save" (the file dialog).
    """

    saved = Signal()
    failed = Signal(str)
    child_mode_requested = Signal()
    plan_preview_requested = Signal(str)
    plan_output_requested = Signal(str, str)

    def __init__(
        self,
        services: Services,
        undo_group: QUndoGroup | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        # The board itself takes focus on opening, so no field starts out selected.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.services = services
        self.undo_group = undo_group or QUndoGroup(self)
        self.controllers: dict[str, MeetingController] = {}
        self.controller: MeetingController | None = None
        self.people: list[ParticipantRecord] = []
        self._meeting: MeetingRecord | None = None
        self._attendees: tuple[str, ...] = ()
        self._persons: dict[str, Person] = {}
        self._plan_cards: frozenset[str] = frozenset()  # cards the plan's lines came from
        self.stance_sheet: StanceSheet | None = None
        # Ratings and plan not yet given the meeting shown: they get it when first shown.
        self._stale_views: set[str] = set()
        # Building the ratings (a row and a painted slider per person and question) is the
        # slowest part of a meeting; it is done while the board is shown and nobody waits.
        self._prepare_timer = QTimer(self)
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(PREPARE_DELAY_MS)
        self._prepare_timer.timeout.connect(self._prepare_ratings)
        self.menu: QMenu | None = None
        # The sheets over the board ("Meeting", "Finish meeting"), while open.
        self.details: MeetingDetailsDialog | None = None
        self.finish_sheet: FinishMeetingDialog | None = None
        self.record_dialog: MeetingRecordDialog | None = None
        self.houses_dialog: ThreeHousesDialog | None = None
        self.family_view = False  # set by the window: the plan may be printed, not saved

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(6)
        self.header = MeetingHeader()
        self.header.attendance_changed.connect(self._attendance)
        self.header.details_requested.connect(self.show_details)
        self.header.finish_requested.connect(self.finish_meeting)
        layout.addWidget(self.header)

        self.banner = QWidget()
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 4, 4, 4)
        self.banner_label = QLabel()
        self.banner_label.setObjectName("unsaved")
        self.banner_label.setWordWrap(True)
        close = QToolButton()
        close.setText("✕")
        close.setAccessibleName(self.tr("Close message"))
        close.clicked.connect(self.banner.hide)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(close)
        self.banner.setObjectName("banner")
        self.banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.banner.hide()
        layout.addWidget(self.banner)

        # The meeting's views: the board and the scaling questions (the plan comes next).
        switch = self.header.side
        self.view_group = QButtonGroup(self)
        self.view_buttons: dict[str, QPushButton] = {}
        views = (
            ("board", self.tr("Board")),
            ("ratings", self.tr("Ratings")),
            ("plan", self.tr("Plan")),
        )
        for name, title in views:
            button = QPushButton(title)
            button.setCheckable(True)
            button.setObjectName("viewSwitch")
            button.clicked.connect(partial(self.show_view, name))
            self.view_group.addButton(button)
            switch.addWidget(button)
            self.view_buttons[name] = button
        self.views = QStackedWidget()
        layout.addWidget(self.views, 1)
        self.board_page = QWidget()
        board_layout = QVBoxLayout(self.board_page)
        board_layout.setContentsMargins(0, 0, 0, 0)
        self.views.addWidget(self.board_page)
        self.ratings = RatingsView()
        self.ratings.child_mode_requested.connect(self.child_mode_requested)
        self.ratings.houses_requested.connect(self.open_houses)
        self.views.addWidget(self.ratings)
        self.plan = PlanView()
        self.plan.preview_requested.connect(self.preview_plan)
        self.views.addWidget(self.plan)
        self.view_buttons["board"].setChecked(True)

        # Portrait: a row of column tabs; only the chosen column is shown.
        self.tabs = QWidget()
        tabs_layout = QHBoxLayout(self.tabs)
        tabs_layout.setContentsMargins(0, 0, 0, 0)
        self.tab_group = QButtonGroup(self)
        self.tab_buttons: dict[str, QPushButton] = {}
        for column in Column:
            button = QPushButton(words.column_short(column.value))
            button.setAccessibleName(words.column_title(column.value))
            button.setCheckable(True)
            button.setObjectName("attendee")
            self.tab_group.addButton(button)
            button.clicked.connect(partial(self._show_only, column.value))
            tabs_layout.addWidget(button)
            self.tab_buttons[column.value] = button
        self.tab_buttons[Column.WORRIES.value].setChecked(True)
        self.tabs.hide()
        board_layout.addWidget(self.tabs)

        row = QHBoxLayout()
        row.setSpacing(12)
        self.columns: dict[str, ColumnWidget] = {}
        for column in Column:
            widget = ColumnWidget(column.value)
            widget.add_requested.connect(self._add)
            widget.edit_finished.connect(self._edit)
            widget.drop_requested.connect(self._drop)
            widget.menu_requested.connect(self.show_card_menu)
            widget.stances_requested.connect(self.open_stance_sheet)
            widget.delete_requested.connect(self._delete)
            widget.move_requested.connect(self._move_by)
            row.addWidget(widget, 1)
            self.columns[column.value] = widget
        board_layout.addLayout(row, 1)
        self._narrow = False

    # ---------------------------------------------------------------- meeting
    @property
    def record(self) -> MeetingRecord | None:
        """The meeting shown, as it is stored (its edits included)."""
        return self._meeting if self.controller is not None else None

    @property
    def meeting_id(self) -> str | None:
        return self.controller.meeting_id if self.controller else None

    def commit_edits(self) -> None:
        """Save any card still being written; called before leaving the board."""
        for column in self.columns.values():
            column.commit_editor()

    def open_meeting(self, meeting_id: str) -> None:
        self.commit_edits()
        opened = meeting_id != self.meeting_id
        controller = self.controllers.get(meeting_id)
        if controller is None:
            controller = MeetingController(self.services, meeting_id, self)
            controller.changed.connect(partial(self._on_changed, controller))
            controller.saved.connect(self.saved)
            controller.failed.connect(self._on_failed)
            self.undo_group.addStack(controller.stack)
            self.controllers[meeting_id] = controller
        if opened:
            self.services.open_meeting(meeting_id)  # logged
        self.controller = controller
        self.undo_group.setActiveStack(controller.stack)
        self.banner.hide()
        # A hidden view never keeps another meeting's (or family's) words: it is emptied
        # here, and given this meeting when shown, or (the ratings) soon after the board.
        self._stale_views = {"ratings", "plan"}
        current = self._current_view()
        for name in ("ratings", "plan"):
            if name == current:
                self._refresh_view(name)
            elif opened:
                self._view(name).clear()
        self.reload()
        self._prepare_timer.start()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _prepare_ratings(self) -> None:
        """Build the hidden ratings of the meeting shown, so switching to them only
        paints (was 80-170 ms, a whole build, on the tap)."""
        if self.controller is None or not self.isVisible() or self._current_view() == "ratings":
            return  # nothing open, or locked or left (the page is hidden), or built on showing
        if "ratings" in self._stale_views:
            self._refresh_view("ratings")

    def reload(self) -> None:
        """Show what is stored: header and every column (read once, on opening)."""
        if self.controller is None:
            return
        services, meeting_id = self.services, self.controller.meeting_id
        with services.reading():  # one snapshot
            self._meeting = services.get_meeting(meeting_id)
            self.people = services.list_participants(self._meeting.family_id)
            self._attendees = tuple(services.list_attendee_ids(meeting_id))
            cards = services.list_cards(meeting_id)
            self._plan_cards = plan_cards(services.list_actions(meeting_id))
        self._persons = {p.id: Person(p.id, p.name, i) for i, p in enumerate(self.people)}
        self.header.set_meeting(self._meeting, self.people, list(self._attendees))
        by_column: dict[str, list[CardData]] = {c.value: [] for c in Column}
        for card in cards:
            by_column[card.column].append(self._card_data(card))
        for column, data in by_column.items():
            self.columns[column].set_cards(data)

    def _card_data(self, card: CardRecord) -> CardData:
        persons = self._persons
        stances = card.stances
        return CardData(
            id=card.id,
            column=card.column,
            kind=card.kind,
            text=card.text,
            whose_words=persons.get(card.whose_words_id or ""),
            agree=tuple(persons[p] for p in persons if stances.get(p) is True),
            disagree=tuple(persons[p] for p in persons if stances.get(p) is False),
            in_plan=card.id in self._plan_cards,
        )

    def _on_changed(self, controller: MeetingController, changes: Changes) -> None:
        """Show what an edit (or its undo) stored, from what it returned: nothing is read.

        A whole column when its cards or their order changed, else each changed card in
        place; the header when the meeting or who is here changed; the ratings or the
        plan when on screen (hidden, they read the meeting when next shown).
        """
        if controller is not self.controller:
            return  # another meeting's stack (not shown): it is read when opened
        for column, cards in changes.columns.items():
            self.columns[column].set_cards([self._card_data(c) for c in cards])
        for card in changes.cards:
            if card.column in changes.columns:
                continue
            if not self.columns[card.column].update_card(self._card_data(card)):
                self.reload()  # not where the view thought it was: show what is stored
                return
        if changes.actions is not None:
            self._plan_cards = plan_cards(changes.actions)
            for column_widget in self.columns.values():
                column_widget.set_plan_cards(self._plan_cards)
        if changes.meeting is not None or changes.attendees is not None:
            self._meeting = changes.meeting or self._meeting
            assert self._meeting is not None  # read by reload() when the meeting opened
            if changes.attendees is not None:
                self._attendees = changes.attendees
            self.header.set_meeting(self._meeting, self.people, list(self._attendees))
            if self.details is not None:
                self.details.set_meeting(self._meeting)
        if changes.board_only:
            return
        current = self._current_view()
        for name in ("ratings", "plan"):
            if name == current and name not in self._stale_views:
                self._view(name).show_changes(changes)
            else:
                self._stale_views.add(name)
                if name == "ratings":
                    self._prepare_timer.start()

    def undo(self) -> None:
        """Undo the last edit of the meeting shown; a card being written is saved first."""
        self.commit_edits()
        self.undo_group.undo()

    def redo(self) -> None:
        self.commit_edits()
        self.undo_group.redo()

    def _pages(self) -> dict[str, QWidget]:
        return {"board": self.board_page, "ratings": self.ratings, "plan": self.plan}

    def _current_view(self) -> str:
        current = self.views.currentWidget()
        return next(name for name, page in self._pages().items() if page is current)

    def _view(self, name: str) -> RatingsView | PlanView:
        return self.ratings if name == "ratings" else self.plan

    def _refresh_view(self, name: str) -> None:
        """Give the ratings or plan view the meeting shown, or have it re-read it."""
        assert self.controller is not None
        view = self._view(name)
        if name in self._stale_views:
            self._stale_views.discard(name)
            view.set_controller(self.controller)
        # Else it is up to date: the edits made since reached it as they were saved.

    def show_view(self, name: str) -> None:
        """Show the board, the ratings or the plan of the meeting."""
        self.commit_edits()
        self.view_buttons[name].setChecked(True)
        self.views.setCurrentWidget(self._pages()[name])
        if name != "board" and self.controller is not None:
            self._refresh_view(name)

    def preview_plan(self) -> None:
        """Ask for the one-page plan of the meeting shown (with Print and Save)."""
        if self.controller is None:
            return
        self.commit_edits()
        self.plan_preview_requested.emit(self.controller.meeting_id)

    def _on_failed(self, message: str) -> None:
        self.banner_label.setText(message)
        self.banner.show()
        self.reload()  # show what is really stored
        for sheet in (self.details, self.finish_sheet):
            if sheet is not None:
                sheet.show_error(message)
        self.failed.emit(message)

    # ----------------------------------------------------------------- sheets
    def show_details(self) -> MeetingDetailsDialog | None:
        """The meeting's details (window-modal, not blocking); each change an edit."""
        if self.controller is None or self._meeting is None:
            return None
        self.commit_edits()
        dialog = MeetingDetailsDialog(self._meeting, self)
        dialog.field_changed.connect(self._header_field)
        self.details = dialog
        return self._open_sheet(dialog)

    def finish_meeting(self) -> FinishMeetingDialog | None:
        """ "Finish meeting": the short sheet that closes it and prints or saves the plan."""
        if self.controller is None or self._meeting is None:
            return None
        self.commit_edits()
        dialog = FinishMeetingDialog(self._meeting, can_save=not self.family_view, parent=self)
        dialog.plan_requested.connect(self._finish)
        dialog.record_requested.connect(self.open_record)
        self.finish_sheet = dialog
        return self._open_sheet(dialog)

    def open_record(self) -> MeetingRecordDialog | None:
        """The caseworker's record of this meeting; never in family view."""
        if self.controller is None or self.family_view:
            return None
        self.commit_edits()
        dialog = MeetingRecordDialog(self.services, self.controller.meeting_id, self)
        dialog.finished.connect(dialog.deleteLater)
        self.record_dialog = dialog
        dialog.open()
        return dialog

    def open_houses(self, child_id: str | None = None) -> ThreeHousesDialog | None:
        """A child's Three Houses (the caseworker chooses the child); its edits are the
        meeting's, on its undo stack. The full paper for the case file is not offered in
        family view."""
        if self.controller is None:
            return None
        children = [p for p in self.people if p.role == Role.CHILD]
        if not children:
            self._on_failed(self.tr("The family has no child to draw the houses."))
            return None
        self.commit_edits()
        dialog = ThreeHousesDialog(
            self.controller, children, child_id, full_paper=not self.family_view, parent=self
        )
        dialog.finished.connect(dialog.deleteLater)
        self.houses_dialog = dialog
        dialog.open()
        return dialog

    def _open_sheet(self, dialog: Sheet) -> Sheet:
        dialog.finished.connect(partial(self._meeting_sheet_closed, dialog))
        dialog.open()
        return dialog

    def _meeting_sheet_closed(
        self, dialog: MeetingDetailsDialog | FinishMeetingDialog, _result: int = 0
    ) -> None:
        if self.details is dialog:
            self.details = None
        if self.finish_sheet is dialog:
            self.finish_sheet = None
        dialog.deleteLater()

    def _finish(self, step: str) -> None:
        """Close the meeting and agree the next one, as ONE edit; then the plan."""
        sheet = self.finish_sheet
        if self.controller is None or sheet is None:
            return
        meeting_id = self.controller.meeting_id
        operation = FinishMeeting(meeting_id, sheet.next_meeting_at(), sheet.next_meeting_place())
        if self.controller.run(self.tr("Finish meeting"), operation) is None:
            return  # refused: the sheet says why and keeps what was typed
        sheet.accept()
        self.plan_output_requested.emit(meeting_id, step)

    # ------------------------------------------------------------------ edits
    def _add(self, column: str, text: str) -> None:
        if self.controller is None:
            return
        card_id = self.controller.add_card(column, text)  # at the end, as it was said
        if card_id is not None:
            col = self.columns[column]
            col.close_editor()
            col.reveal(card_id)

    def _edit(self, card_id: str, text: str) -> None:
        if self.controller is None:
            return
        if self.controller.edit_text(card_id, text):
            for col in self.columns.values():
                if col.editing_card == card_id:
                    col.close_editor()

    def _drop(self, card_id: str, column: str, index: int) -> None:
        if self.controller is not None:
            self.controller.move_card(card_id, column, index)

    def _delete(self, card_id: str) -> None:
        if self.controller is None:
            return
        column = next((c for c in self.columns.values() if card_id in c.cards), None)
        at = column.order.index(card_id) if column else 0
        if self.controller.delete_card(card_id) and column is not None and column.order:
            # Keep the keyboard on the board: the card that took its place, or the last one.
            column.cards[column.order[min(at, len(column.order) - 1)]].setFocus()

    def _move_by(self, card_id: str, step: int) -> None:
        if self.controller is not None and self.controller.move_card_by(card_id, step):
            for column in self.columns.values():
                if card_id in column.cards:
                    column.cards[card_id].setFocus()

    def _header_field(self, field: str, value: str | datetime | None) -> None:
        if self.controller is not None:
            self.controller.update_meeting(field, value)

    def _attendance(self, participant_id: str, present: bool) -> None:
        if self.controller is not None:
            self.controller.set_attendance(participant_id, present)

    # -------------------------------------------------------------- card menu
    def build_card_menu(self, card_id: str) -> QMenu:
        """The card's menu: everything drag-and-drop does, and more, by tapping."""
        assert self.controller is not None
        controller = self.controller
        card = self.services.get_card(card_id)
        menu = QMenu(self)
        menu.setObjectName("cardMenu")

        def add(text: str, name: str, slot: object, parent: QMenu = menu) -> QAction:
            action = parent.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
            return action

        # First, as it is asked of every card at the table.
        add(
            self.tr("Who agrees, and who does not?"),
            "stances",
            partial(self.open_stance_sheet, card_id),
        )
        add(
            self.tr("Edit text"),
            "edit",
            lambda: self.columns[card.column].open_card_editor(card_id),
        )
        move_to = menu.addMenu(self.tr("Move to"))
        move_to.setObjectName("moveTo")
        for column in Column:
            if column.value != card.column:
                add(
                    words.column_title(column.value),
                    f"moveTo:{column.value}",
                    partial(controller.move_card, card_id, column.value, 0),
                    move_to,
                )
        up = add(self.tr("Move up"), "up", partial(controller.move_card_by, card_id, -1))
        up.setEnabled(card.position > 0)
        count = len(self.columns[card.column].order)
        down = add(self.tr("Move down"), "down", partial(controller.move_card_by, card_id, 1))
        down.setEnabled(card.position < count - 1)
        menu.addSeparator()

        kinds = menu.addMenu(self.tr("Kind"))
        kinds.setObjectName("kind")
        kind_group = QActionGroup(kinds)
        for kind in CARD_KINDS_BY_COLUMN[Column(card.column)]:
            action = add(
                words.card_kind(kind.value),
                f"kind:{kind.value}",
                partial(controller.set_kind, card_id, kind.value),
                kinds,
            )
            action.setCheckable(True)
            action.setChecked(kind.value == card.kind)
            kind_group.addAction(action)

        whose = menu.addMenu(self.tr("Whose words?"))
        whose.setObjectName("whose")
        whose_group = QActionGroup(whose)
        nobody = add(
            self.tr("Nobody in particular"),
            "whose:",
            partial(controller.set_whose_words, card_id, None),
            whose,
        )
        nobody.setCheckable(True)
        nobody.setChecked(card.whose_words_id is None)
        whose_group.addAction(nobody)
        for p in self.people:
            action = add(
                p.name, f"whose:{p.id}", partial(controller.set_whose_words, card_id, p.id), whose
            )
            action.setCheckable(True)
            action.setChecked(card.whose_words_id == p.id)
            whose_group.addAction(action)

        menu.addSeparator()
        if card.column == Column.NEEDS_TO_HAPPEN.value:
            in_plan = card_id in self._plan_cards
            to_plan = add(
                self.tr("Part of the plan ✓") if in_plan else self.tr("Make it part of the plan"),
                "toPlan",
                partial(controller.action_from_card, card_id),
            )
            to_plan.setEnabled(not in_plan)  # once is enough
        menu.addSeparator()
        add(self.tr("Delete card"), "delete", partial(controller.delete_card, card_id))
        return menu

    def open_stance_sheet(self, card_id: str) -> StanceSheet | None:
        """Who agrees with a card, one tap per person (each tap one undoable edit)."""
        controller = self.controller
        column = next((c for c in self.columns.values() if card_id in c.cards), None)
        if controller is None or column is None:
            return None
        self.commit_edits()
        data = column.cards[card_id].data
        stances = {p.id: True for p in data.agree} | {p.id: False for p in data.disagree}
        sheet = StanceSheet(
            card_id,
            data.column,
            data.text,
            list(self._persons.values()),
            self._attendees,
            stances,
            self,
        )
        sheet.stance_chosen.connect(partial(controller.set_stance, card_id))
        controller.changed.connect(sheet.show_changes)
        sheet.finished.connect(partial(self._sheet_closed, sheet))
        self.stance_sheet = sheet
        sheet.open()
        return sheet

    def _sheet_closed(self, sheet: StanceSheet, _result: int = 0) -> None:
        if self.stance_sheet is sheet:
            self.stance_sheet = None

    def show_card_menu(self, card_id: str, pos: QPoint) -> None:
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.build_card_menu(card_id)
        self.menu.popup(pos)

    # ------------------------------------------------------------ responsive
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW_WIDTH
        if narrow != self._narrow:
            self._narrow = narrow
            self.tabs.setVisible(narrow)
            if narrow:
                checked = next(
                    (c for c, b in self.tab_buttons.items() if b.isChecked()), Column.WORRIES.value
                )
                self._show_only(checked)
            else:
                for widget in self.columns.values():
                    widget.show()

    def _show_only(self, column: str) -> None:
        self.tab_buttons[column].setChecked(True)
        for name, widget in self.columns.items():
            widget.setVisible(name == column)
