"""The meeting's plan in the app: who does what by when, next meeting, caseworker."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain import rules
from familymeeting.domain.calendar import is_overdue
from familymeeting.domain.plan_changes import news_of_lines
from familymeeting.storage.operations import Changes
from familymeeting.storage.records import ActionRecord, MeetingRecord, ParticipantRecord
from familymeeting.ui import theme
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.meeting.controller import MeetingController
from familymeeting.ui.touch import TouchCheckBox

NEWS_ITEMS = 3  # lines named per list in "new since the last plan"; the rest as "…"


class ActionDialog(FittedDialog):
    """What, who (a participant or free text) and by when (a date or free text)."""

    def __init__(
        self,
        people: list[ParticipantRecord],
        action: ActionRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, preferred=QSize(720, 460))
        self.setWindowTitle(self.tr("Change the plan") if action else self.tr("Add to the plan"))
        self.people = people
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        self.what_edit = QPlainTextEdit(action.what if action else "")
        self.what_edit.setTabChangesFocus(True)
        self.what_edit.setPlaceholderText(self.tr("What will happen, in plain words"))
        self.who_combo = QComboBox()
        self.who_combo.setEditable(True)
        self.who_combo.addItem("", None)
        for p in people:
            self.who_combo.addItem(p.name, p.id)
        who_line = self.who_combo.lineEdit()
        assert who_line is not None  # an editable combo box has its line edit
        who_line.setMaxLength(rules.WHO_TEXT_MAX)
        who_line.setPlaceholderText(self.tr("A name, or e.g. “Mor og far”"))
        if action is not None:
            index = self.who_combo.findData(action.who_participant_id)
            if action.who_participant_id and index >= 0:
                self.who_combo.setCurrentIndex(index)
            else:
                self.who_combo.setEditText(action.who_text)
        self.date_check = TouchCheckBox(self.tr("A date"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(QDate.currentDate().addDays(7))
        self.when_edit = QLineEdit(action.due_text if action else "")
        self.when_edit.setMaxLength(rules.DUE_TEXT_MAX)
        self.when_edit.setPlaceholderText(self.tr("or in words, e.g. “every Friday”"))
        if action is not None and action.due_date is not None:
            self.date_check.setChecked(True)
            due = action.due_date
            self.date_edit.setDate(QDate(due.year, due.month, due.day))
        self.date_edit.setEnabled(self.date_check.isChecked())
        self.date_check.toggled.connect(self.date_edit.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.date_check)
        when.addWidget(self.date_edit)
        when.addWidget(self.when_edit, 1)
        form.addRow(self.tr("What"), self.what_edit)
        form.addRow(self.tr("Who"), self.who_combo)
        form.addRow(self.tr("By when"), when)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("unsaved")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.setProperty("primary", "true")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def fields(self) -> dict[str, object]:
        who_text = self.who_combo.currentText().strip()
        index = self.who_combo.findText(who_text, Qt.MatchFlag.MatchExactly)
        who_id = self.who_combo.itemData(index) if who_text and index > 0 else None
        due: date | None = None
        if self.date_check.isChecked():
            d = self.date_edit.date()
            due = date(d.year(), d.month(), d.day())
        return {
            "what": self.what_edit.toPlainText().strip(),
            "who_participant_id": who_id,
            "who_text": "" if who_id else who_text,
            "due_date": due,
            "due_text": self.when_edit.text().strip(),
        }

    def _accept(self) -> None:
        if not self.fields()["what"]:
            self.error_label.setText(self.tr("Please write what will happen."))
            self.error_label.show()
            return
        self.accept()


class ActionRow(QFrame):
    """One line of the plan. Signals: done_toggled(bool), edit(), up(), down(), remove()."""

    done_toggled = Signal(bool)
    edit = Signal()
    up = Signal()
    down = Signal()
    remove = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        self.done_check = TouchCheckBox()  # the whole 48 px square takes the tap
        self.done_check.setMinimumSize(theme.TOUCH, theme.TOUCH)
        self.done_check.toggled.connect(self.done_toggled)
        layout.addWidget(self.done_check, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        self.what_label = QLabel()
        self.what_label.setObjectName("cardText")
        self.what_label.setTextFormat(Qt.TextFormat.PlainText)
        self.what_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("muted")
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setWordWrap(True)
        # An open line whose date has passed says so in a word, not colour alone.
        self.overdue_label = QLabel(self.tr("Overdue"))
        self.overdue_label.setObjectName("overdue")
        self.overdue_label.hide()
        text.addWidget(self.what_label)
        text.addWidget(self.detail_label)
        text.addWidget(self.overdue_label, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(text, 1)
        self.buttons: dict[str, QPushButton] = {}
        for name, title, signal in (
            ("edit", self.tr("Edit"), self.edit),
            ("up", "↑", self.up),
            ("down", "↓", self.down),
            ("remove", self.tr("Remove"), self.remove),
        ):
            button = QPushButton(title)
            button.clicked.connect(signal)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.buttons[name] = button
        self.buttons["up"].setAccessibleName(self.tr("Move up"))
        self.buttons["down"].setAccessibleName(self.tr("Move down"))

    def show_action(
        self,
        action: ActionRecord,
        who: str,
        when: str,
        first: bool,
        last: bool,
        today: date | None = None,
    ) -> None:
        self.done_check.blockSignals(True)
        self.done_check.setChecked(action.done)
        self.done_check.blockSignals(False)
        overdue = is_overdue(action.due_date, action.done, today or date.today())
        self.overdue_label.setVisible(overdue)
        name = self.tr("Done: %1").replace("%1", action.what)
        if overdue:
            name = f"{name} ({self.overdue_label.text()})"
        self.done_check.setAccessibleName(name)
        self.what_label.setText(action.what)
        font = self.what_label.font()
        font.setStrikeOut(action.done)
        self.what_label.setFont(font)
        parts = [
            self.tr("Who: %1").replace("%1", who) if who else "",
            self.tr("When: %1").replace("%1", when) if when else "",
        ]
        self.detail_label.setText("  ·  ".join(p for p in parts if p))
        self.detail_label.setVisible(any(parts))
        self.buttons["up"].setEnabled(not first)
        self.buttons["down"].setEnabled(not last)


class PlanView(QWidget):
    """Signals: preview_requested(): show the one-page plan."""

    preview_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: MeetingController | None = None
        self.rows: dict[str, ActionRow] = {}
        self.dialog: ActionDialog | None = None
        self._people: list[ParticipantRecord] = []
        self._actions: list[ActionRecord] = []
        self._meeting: MeetingRecord | None = None
        self._handed_out: list[str] = []  # the content of each plan the family got
        self._shown_meeting: str | None = None  # whose lines the rows are
        self._reveal_id: str | None = None  # a new line to scroll into view when shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.title = QLabel(self.tr("What needs to happen: who does what, and by when"))
        self.title.setObjectName("subtitle")
        self.title.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add to the plan"))
        self.add_button.clicked.connect(self.new_action)
        self.preview_button = QPushButton(self.tr("Preview the plan"))
        self.preview_button.setProperty("primary", True)
        self.preview_button.clicked.connect(self.preview_requested)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.preview_button)
        layout.addLayout(bar)

        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setObjectName("cards")
        container = QWidget()
        container.setObjectName("cardsContainer")
        body = QVBoxLayout(container)
        body.setContentsMargins(0, 0, 8, 0)
        body.setSpacing(10)
        # "Nyt siden sidst": what the next plan will say is new since the last one the
        # family got (the plan PDF says the same, in the plan's language).
        self.news_label = QLabel()
        self.news_label.setObjectName("hint")
        self.news_label.setWordWrap(True)
        self.news_label.hide()
        body.addWidget(self.news_label)
        self.actions_box = QVBoxLayout()
        self.actions_box.setSpacing(10)
        body.addLayout(self.actions_box)
        self.empty_label = QLabel(
            self.tr(
                "Nothing in the plan yet. Add a line here, or use “Make it part of the plan” "
                "on a card in “What needs to happen”."
            )
        )
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)
        body.addWidget(self.empty_label)

        details = QFrame()
        details.setObjectName("card")
        form = QFormLayout(details)
        form.setContentsMargins(18, 14, 18, 14)
        form.setVerticalSpacing(10)
        self.next_place = QLineEdit()
        self.next_place.setMaxLength(rules.PLACE_MAX)
        self.next_place.setPlaceholderText(self.tr("Where we meet next time"))
        self.next_place.editingFinished.connect(self._next_place_done)
        self.caseworker_name = QLineEdit()
        self.caseworker_name.setMaxLength(rules.NAME_MAX)
        self.caseworker_name.editingFinished.connect(
            lambda: self._family_field("caseworker_name", self.caseworker_name.text())
        )
        self.caseworker_phone = QLineEdit()
        self.caseworker_phone.setMaxLength(rules.PHONE_MAX)
        self.caseworker_phone.editingFinished.connect(
            lambda: self._family_field("caseworker_phone", self.caseworker_phone.text())
        )
        form.addRow(self.tr("Next meeting, place"), self.next_place)
        form.addRow(self.tr("Caseworker"), self.caseworker_name)
        form.addRow(self.tr("Caseworker's phone"), self.caseworker_phone)
        note = QLabel(
            self.tr('The date of the next meeting is set in "Meeting" or "Finish meeting" above.')
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        form.addRow("", note)
        body.addWidget(details)
        body.addStretch()
        scroll.setWidget(container)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        layout.addWidget(scroll, 1)

    def set_controller(self, controller: MeetingController) -> None:
        self.controller = controller
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.controller is not None and self._meeting is not None:
            # A plan printed or saved from the preview since is now the last one the
            # family got: one small read, on coming back to the plan.
            self._handed_out = self.controller.services.handout_contents(self.controller.family_id)
            self._show_news()
        if self._reveal_id is not None:
            QTimer.singleShot(0, self, self._reveal_now)

    def clear(self) -> None:
        """Show no meeting: nothing of a family stays in a view nobody is looking at."""
        self.controller = None
        for row in self.rows.values():
            self.actions_box.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows = {}
        self._people, self._actions = [], []
        self._meeting, self._handed_out = None, []
        self.news_label.hide()
        self.news_label.clear()
        self._shown_meeting = self._reveal_id = None
        for field in (self.next_place, self.caseworker_name, self.caseworker_phone):
            field.setText("")
        self.empty_label.setVisible(True)

    def people(self) -> list[ParticipantRecord]:
        """The family's participants (who can do a line of the plan), as last read."""
        return list(self._people)

    def when_text(self, action: ActionRecord) -> str:
        parts = []
        if action.due_date is not None:
            d = action.due_date
            parts.append(
                QLocale().toString(QDate(d.year, d.month, d.day), QLocale.FormatType.LongFormat)
            )
        if action.due_text:
            parts.append(action.due_text)
        return ", ".join(parts)

    def reload(self) -> None:
        """Read the meeting's plan (once, when first shown)."""
        if self.controller is None:
            return
        services, meeting_id = self.controller.services, self.controller.meeting_id
        with services.reading():  # one snapshot
            self._people = services.list_participants(self.controller.family_id)
            actions = services.list_actions(meeting_id)
            meeting = services.get_meeting(meeting_id)
            family = services.get_family(self.controller.family_id)
            self._handed_out = services.handout_contents(self.controller.family_id)
        self._meeting = meeting
        # Lines added while the plan was not shown (made from a card on the board) are
        # new to this view too: the newest is scrolled into view.
        self._show_actions(actions, reveal=self._shown_meeting == meeting_id)
        self._shown_meeting = meeting_id
        self._show_field(self.next_place, meeting.next_meeting_place)
        self._show_field(self.caseworker_name, family.caseworker_name)
        self._show_field(self.caseworker_phone, family.caseworker_phone)
        self._show_news()

    def show_changes(self, changes: Changes) -> None:
        """Show what an edit stored (the plan's lines, the next meeting's place, the
        caseworker's contact): nothing is read."""
        if self.controller is None:
            return
        if changes.actions is not None:
            self._show_actions(changes.actions, reveal=True)
        if changes.meeting is not None:
            self._meeting = changes.meeting
            self._show_field(self.next_place, changes.meeting.next_meeting_place)
        if changes.actions is not None or changes.meeting is not None:
            self._show_news()
        if changes.family is not None:
            self._show_field(self.caseworker_name, changes.family.caseworker_name)
            self._show_field(self.caseworker_phone, changes.family.caseworker_phone)

    def _show_news(self) -> None:
        """What is new since the last plan the family got; hidden for the first plan."""
        meeting = self._meeting
        news = None
        if meeting is not None and self._handed_out:
            news = news_of_lines(
                self._handed_out,
                meeting.starts_at,
                [(a.what, a.done) for a in self._actions],
                meeting.next_meeting_at,
                meeting.next_meeting_place,
            )
        if news is None:
            self.news_label.hide()
            return

        def listed(items: tuple[str, ...]) -> str:
            shown = [" ".join(i.split()) for i in items[:NEWS_ITEMS]]
            return ", ".join(shown + (["…"] if len(items) > NEWS_ITEMS else []))

        parts = []
        if news.new:
            parts.append(self.tr("new: %1").replace("%1", listed(news.new)))
        if news.done:
            parts.append(self.tr("done: %1").replace("%1", listed(news.done)))
        if news.moved:
            parts.append(self.tr("the next meeting has changed"))
        self.news_label.setText(
            self.tr("New since the last plan the family got: %1").replace("%1", " · ".join(parts))
        )
        self.news_label.show()

    @staticmethod
    def _show_field(field: QLineEdit, value: str) -> None:
        # A field the user is typing in keeps their words; it saves when they leave it.
        if field.text() != value and not (field.hasFocus() and field.isModified()):
            field.setText(value)
            field.setCursorPosition(0)

    def _show_actions(self, actions: Sequence[ActionRecord], *, reveal: bool = False) -> None:
        """Show the plan's lines in their order; ``reveal``: scroll to a new one.

        A new line lands where it was stored, at the end of the plan (an undone delete
        where it was), and comes into view: the same rule as a new card on the board.
        """
        names = {p.id: p.name for p in self._people}
        today = date.today()
        new = [a.id for a in actions if a.id not in self.rows]
        for gone in set(self.rows) - {a.id for a in actions}:
            gone_row = self.rows.pop(gone)
            self.actions_box.removeWidget(gone_row)
            gone_row.hide()  # gone from the screen now, not at the next turn of the loop
            gone_row.deleteLater()
        for index, action in enumerate(actions):
            row = self.rows.get(action.id)
            if row is None:
                row = ActionRow()
                row.done_toggled.connect(partial(self._done, action.id))
                row.edit.connect(partial(self.edit_action, action.id))
                row.up.connect(partial(self._move, action.id, -1))
                row.down.connect(partial(self._move, action.id, 1))
                row.remove.connect(partial(self._remove, action.id))
                self.rows[action.id] = row
            if self.actions_box.indexOf(row) != index:
                self.actions_box.removeWidget(row)
                self.actions_box.insertWidget(index, row)
            who = names.get(action.who_participant_id or "", action.who_text)
            row.show_action(
                action,
                who,
                self.when_text(action),
                index == 0,
                index == len(actions) - 1,
                today,
            )
        self._actions = list(actions)
        self.empty_label.setVisible(not actions)
        if reveal and new:
            self._reveal_id = new[-1]
            if self.isVisible():
                QTimer.singleShot(0, self, self._reveal_now)

    def _reveal_now(self) -> None:
        row = self.rows.get(self._reveal_id or "")
        self._reveal_id = None
        if row is None or not self.isVisible():
            return
        # The new row has its place, and the scroll area its new height, before
        # scrolling: else the scroll stops at the old end, short of the new line.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        self.scroll_area.ensureWidgetVisible(row, 0, 12)

    # ------------------------------------------------------------------ edits
    def _done(self, action_id: str, done: bool) -> None:
        if self.controller is not None:
            self.controller.edit_action(action_id, done=done)

    def _move(self, action_id: str, step: int) -> None:
        if self.controller is not None:
            self.controller.move_action_by(action_id, step)

    def _remove(self, action_id: str) -> None:
        if self.controller is not None:
            self.controller.delete_action(action_id)

    def _next_place_done(self) -> None:
        if self.controller is not None:
            self.controller.update_meeting("next_meeting_place", self.next_place.text())

    def _family_field(self, field: str, value: str) -> None:
        if self.controller is not None:
            self.controller.update_family(field, value)

    def new_action(self) -> ActionDialog:
        dialog = ActionDialog(self.people(), parent=self)
        dialog.accepted.connect(lambda: self._save(dialog, None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_action(self, action_id: str) -> ActionDialog | None:
        if self.controller is None:
            return None
        action = next((a for a in self._actions if a.id == action_id), None)
        if action is None:
            return None
        dialog = ActionDialog(self.people(), action, parent=self)
        dialog.accepted.connect(lambda: self._save(dialog, action_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save(self, dialog: ActionDialog, action_id: str | None) -> None:
        if self.controller is None:
            return
        fields = dialog.fields()
        if action_id is None:
            what = str(fields.pop("what"))
            self.controller.add_action(what, **fields)
        else:
            self.controller.edit_action(action_id, **fields)
