"""The meeting's scaling questions: one card per question, a slider per person."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
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
from familymeeting.storage.operations import Changes
from familymeeting.storage.records import ParticipantRecord, QuestionRecord, RatingRecord
from familymeeting.ui import words
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.meeting.board.card import Person, chip_style
from familymeeting.ui.meeting.controller import MeetingController
from familymeeting.ui.meeting.ratings.slider import RatingSlider
from familymeeting.ui.touch import TouchCheckBox


def people_for(
    question: QuestionRecord, people: list[ParticipantRecord]
) -> list[ParticipantRecord]:
    """Children first on a children's question; otherwise the adults first."""
    children = [p for p in people if p.role == "child"]
    others = [p for p in people if p.role != "child"]
    return children + others if question.for_children else others + children


class QuestionDialog(FittedDialog):
    """Write or change a question: wording, the words at 1 and at 10, for children or not."""

    def __init__(
        self, question: QuestionRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, preferred=QSize(720, 420))
        self.setWindowTitle(self.tr("Edit question") if question else self.tr("New question"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        self.text_edit = QPlainTextEdit(question.text if question else "")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(self.tr("On a scale from 1 to 10, …"))
        self.low_edit = QLineEdit(question.low_anchor if question else "")
        self.low_edit.setMaxLength(rules.ANCHOR_MAX)
        self.high_edit = QLineEdit(question.high_anchor if question else "")
        self.high_edit.setMaxLength(rules.ANCHOR_MAX)
        self.children_check = TouchCheckBox(self.tr("A question for children"))
        self.children_check.setChecked(bool(question and question.for_children))
        form.addRow(self.tr("Question"), self.text_edit)
        form.addRow(self.tr("The word at 1"), self.low_edit)
        form.addRow(self.tr("The word at 10"), self.high_edit)
        form.addRow("", self.children_check)
        layout.addLayout(form)
        self.error_label = QLabel()
        self.error_label.setObjectName("unsaved")
        self.error_label.setWordWrap(True)
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
        return {
            "text": self.text_edit.toPlainText().strip(),
            "low_anchor": self.low_edit.text().strip(),
            "high_anchor": self.high_edit.text().strip(),
            "for_children": self.children_check.isChecked(),
        }

    def _accept(self) -> None:
        if not self.fields()["text"]:
            self.error_label.setText(self.tr("Please write the question."))
            self.error_label.show()
            return
        self.accept()


class AnswerRow(QWidget):
    """One person's answer to one question: name, slider, "won't answer", comment.

    Signals:
        answered(object): a number 1-10 was chosen.
        declined(bool): "won't answer" was ticked (True) or unticked (False).
        commented(str): the comment was written.
    """

    answered = Signal(object)
    declined = Signal(bool)
    commented = Signal(str)

    def __init__(self, person: Person, role: str, question: QuestionRecord) -> None:
        super().__init__()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setHorizontalSpacing(12)
        self.name_label = QLabel(person.name)
        self.name_label.setObjectName("chip")
        self.name_label.setStyleSheet(chip_style(person))
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.role_label = QLabel(words.role(role))
        self.role_label.setObjectName("muted")
        who = QVBoxLayout()
        who.setSpacing(2)
        who.addWidget(self.name_label, 0, Qt.AlignmentFlag.AlignLeft)
        who.addWidget(self.role_label)
        who.addStretch()
        layout.addLayout(who, 0, 0)
        self.who = who
        self.slider = RatingSlider(question.text, question.low_anchor, question.high_anchor)
        self.slider.setAccessibleName(
            self.tr("%1: %2").replace("%1", person.name).replace("%2", question.text)
        )
        self.slider.committed.connect(self.answered)
        layout.addWidget(self.slider, 0, 1)
        self.decline = QPushButton(self.tr("Won't answer"))
        self.decline.setCheckable(True)
        self.decline.setObjectName("attendee")
        self.decline.toggled.connect(self.declined)
        self.comment_button = QPushButton(self.tr("Comment"))
        self.comment_button.setCheckable(True)
        self.comment_button.toggled.connect(self._toggle_comment)
        # Beside the slider where there is room, else in a row under it (upright tablet,
        # large text): never squeezed.
        self.side_box = QWidget()
        self.side = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.side_box)
        self.side.setContentsMargins(0, 0, 0, 0)
        self.side.addWidget(self.decline)
        self.side.addWidget(self.comment_button)
        self.side.addStretch()
        self.grid = layout
        self._side_below: bool | None = None
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("What would make it one higher?"))
        self.comment_edit.setMaxLength(rules.COMMENT_MAX)
        self.comment_edit.editingFinished.connect(
            lambda: self.commented.emit(self.comment_edit.text())
        )
        self.comment_edit.hide()
        layout.setColumnMinimumWidth(0, 150)
        layout.setColumnStretch(1, 1)
        self._place_side()

    def _place_side(self) -> None:
        """The two buttons beside the slider if the row is wide enough, else under it."""
        spacing = self.grid.horizontalSpacing()
        needs = (
            max(150, self.who.sizeHint().width())
            + self.slider.minimumSizeHint().width()
            + max(self.decline.sizeHint().width(), self.comment_button.sizeHint().width())
            + 2 * spacing
        )
        below = needs > self.width()
        if below == self._side_below:
            return
        self._side_below = below
        self.grid.removeWidget(self.side_box)
        self.grid.removeWidget(self.comment_edit)
        if below:
            self.side.setDirection(QBoxLayout.Direction.LeftToRight)
            self.grid.addWidget(self.side_box, 1, 1, Qt.AlignmentFlag.AlignRight)
            self.grid.addWidget(self.comment_edit, 2, 1)
        else:
            self.side.setDirection(QBoxLayout.Direction.TopToBottom)
            self.grid.addWidget(self.side_box, 0, 2)
            self.grid.addWidget(self.comment_edit, 1, 1, 1, 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_side()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._side_below = None  # the widths changed: decide again
            QTimer.singleShot(0, self, self._place_side)

    def _toggle_comment(self, on: bool) -> None:
        self.comment_edit.setVisible(on)
        if on:
            self.comment_edit.setFocus()

    def show_answer(self, rating: RatingRecord | None) -> None:
        """Show what is stored, without sending it back as an edit."""
        for widget in (self.slider, self.decline, self.comment_edit, self.comment_button):
            widget.blockSignals(True)
        try:
            self.slider.setValue(None if rating is None else rating.value)
            self.decline.setChecked(rating is not None and rating.value is None)
            comment = "" if rating is None else rating.comment
            if self.comment_edit.text() != comment:
                self.comment_edit.setText(comment)
            if comment:
                self.comment_button.setChecked(True)
                self.comment_edit.show()
        finally:
            for widget in (self.slider, self.decline, self.comment_edit, self.comment_button):
                widget.blockSignals(False)


class RatingsView(QWidget):
    """The scaling questions of a meeting, answered by everyone who is here.

    Signals:
        child_mode_requested(): the caseworker wants to hand the tablet to a child.
    """

    child_mode_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: MeetingController | None = None
        self.rows: dict[tuple[str, str], AnswerRow] = {}
        self.cards: dict[str, QFrame] = {}
        self._shape: tuple[object, ...] = ()
        self._everyone: list[ParticipantRecord] = []
        self._here: set[str] = set()
        self._questions: list[QuestionRecord] = []
        self._answers: dict[tuple[str, str], RatingRecord] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("New question"))
        self.add_button.clicked.connect(self.new_question)
        self.child_button = QPushButton(self.tr("Child's turn"))
        self.child_button.setProperty("primary", True)
        self.child_button.setToolTip(
            self.tr("One question at a time, big and simple, for a child to answer")
        )
        self.child_button.clicked.connect(self.child_mode_requested)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.child_button)
        layout.addLayout(bar)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setObjectName("cards")
        self.container = QWidget()
        self.container.setObjectName("cardsContainer")
        self.list_layout = QVBoxLayout(self.container)
        self.list_layout.setContentsMargins(0, 0, 8, 0)
        self.list_layout.setSpacing(14)
        self.list_layout.addStretch()
        self.scroll_area.setWidget(self.container)
        QScroller.grabGesture(
            self.scroll_area.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        layout.addWidget(self.scroll_area, 1)
        self.dialog: QuestionDialog | None = None

    def set_controller(self, controller: MeetingController) -> None:
        self.controller = controller
        self._shape = ()
        self.reload()

    def clear(self) -> None:
        """Show no meeting: nothing of a family stays in a view nobody is looking at."""
        self.controller = None
        self._rebuild([], [], [])
        self._shape = ()
        self._everyone, self._here, self._questions, self._answers = [], set(), [], {}
        self.hint.setText("")
        self.child_button.setEnabled(False)

    def people(self) -> list[ParticipantRecord]:
        """Who answers: the attendees, or everyone when nobody is marked as here yet."""
        return [p for p in self._everyone if p.id in self._here] or list(self._everyone)

    def reload(self) -> None:
        """Read the meeting's questions, people and answers (once, when first shown)."""
        if self.controller is None:
            return
        services, meeting_id = self.controller.services, self.controller.meeting_id
        with services.reading():  # one snapshot
            self._everyone = services.list_participants(self.controller.family_id)
            self._here = set(services.list_attendee_ids(meeting_id))
            questions = services.list_questions(meeting_id)
            ratings = services.list_ratings(meeting_id)
        self._show(questions, ratings)

    def show_changes(self, changes: Changes) -> None:
        """Show what an edit stored (questions, answers, who is here): nothing is read."""
        if self.controller is None:
            return
        if changes.attendees is not None:
            self._here = set(changes.attendees)
        if changes.attendees is None and changes.questions is None and changes.ratings is None:
            return
        questions = list(changes.questions) if changes.questions is not None else self._questions
        self._show(questions, changes.ratings)

    def _show(
        self, questions: list[QuestionRecord], ratings: Sequence[RatingRecord] | None
    ) -> None:
        """The questions, each person's slider and answer (``ratings`` None: as shown)."""
        self._questions = questions
        people = self.people()
        shape = (
            tuple((q.id, q.text, q.low_anchor, q.high_anchor, q.for_children) for q in questions),
            tuple((p.id, p.name, p.role) for p in people),
        )
        if shape != self._shape:
            self._rebuild(questions, people, self._everyone)
            self._shape = shape
        if ratings is not None:
            self._answers = {(r.question_id, r.participant_id): r for r in ratings}
        for key, row in self.rows.items():
            row.show_answer(self._answers.get(key))
        self.hint.setText(
            ""
            if self._here
            else self.tr("Nobody is marked as here yet, so everyone is shown. Tap the names above.")
        )
        self.child_button.setEnabled(any(p.role == "child" for p in people) and bool(questions))

    def _rebuild(
        self,
        questions: list[QuestionRecord],
        people: list[ParticipantRecord],
        everyone: list[ParticipantRecord],
    ) -> None:
        for card in self.cards.values():
            self.list_layout.removeWidget(card)
            card.hide()  # gone from the screen now, not at the next turn of the loop
            card.deleteLater()
        self.cards, self.rows = {}, {}
        index = {p.id: i for i, p in enumerate(everyone)}
        for position, question in enumerate(questions):
            card = QFrame()
            card.setObjectName("card")
            box = QVBoxLayout(card)
            box.setContentsMargins(18, 14, 14, 14)
            top = QHBoxLayout()
            title = QLabel(question.text)
            title.setObjectName("cardText")
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            top.addWidget(title, 1)
            if question.for_children:
                badge = QLabel(self.tr("For children"))
                badge.setObjectName("kind")
                top.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
            edit = QPushButton(self.tr("Edit"))
            edit.clicked.connect(partial(self.edit_question, question.id))
            delete = QPushButton(self.tr("Remove"))
            delete.clicked.connect(partial(self._delete, question.id))
            top.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
            top.addWidget(delete, 0, Qt.AlignmentFlag.AlignTop)
            box.addLayout(top)
            for person in people_for(question, people):
                row = AnswerRow(
                    Person(person.id, person.name, index.get(person.id, 0)), person.role, question
                )
                row.answered.connect(partial(self._answer, question.id, person.id))
                row.declined.connect(partial(self._decline, question.id, person.id))
                row.commented.connect(partial(self._comment, question.id, person.id))
                box.addWidget(row)
                self.rows[(question.id, person.id)] = row
            self.list_layout.insertWidget(position, card)
            self.cards[question.id] = card

    # ------------------------------------------------------------------ edits
    def _answer(self, question_id: str, participant_id: str, value: object) -> None:
        if self.controller is not None and isinstance(value, int):
            self.controller.set_rating(question_id, participant_id, value)

    def _decline(self, question_id: str, participant_id: str, declined: bool) -> None:
        if self.controller is None:
            return
        if declined:
            self.controller.set_rating(question_id, participant_id, None)
        else:
            # Unticking "won't answer" puts the question back to the person: no answer yet.
            stored = self.controller.services.get_rating(question_id, participant_id)
            if stored is not None and stored.value is None:
                self.controller.clear_answer(question_id, participant_id)

    def _comment(self, question_id: str, participant_id: str, comment: str) -> None:
        if self.controller is not None:
            stored = self.controller.services.get_rating(question_id, participant_id)
            if stored is None and not comment.strip():
                return
            self.controller.set_comment(question_id, participant_id, comment)

    def _delete(self, question_id: str) -> None:
        if self.controller is not None:
            self.controller.delete_question(question_id)

    def new_question(self) -> QuestionDialog:
        """Open the question dialog (not modal-blocking); saving adds the question."""
        dialog = QuestionDialog(parent=self)
        dialog.accepted.connect(lambda: self._added(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _added(self, dialog: QuestionDialog) -> None:
        if self.controller is not None:
            fields = dialog.fields()
            self.controller.add_question(
                str(fields["text"]),
                str(fields["low_anchor"]),
                str(fields["high_anchor"]),
                bool(fields["for_children"]),
            )

    def edit_question(self, question_id: str) -> QuestionDialog | None:
        if self.controller is None:
            return None
        questions = self.controller.services.list_questions(self.controller.meeting_id)
        question = next((q for q in questions if q.id == question_id), None)
        if question is None:
            return None
        dialog = QuestionDialog(question, parent=self)
        dialog.accepted.connect(lambda: self._edited(question_id, dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _edited(self, question_id: str, dialog: QuestionDialog) -> None:
        if self.controller is not None:
            self.controller.edit_question(question_id, **dialog.fields())
