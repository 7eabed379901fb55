"""The meeting's scaling questions: one card per question, a slider per person."""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain import rules
from familymeeting.domain.audience import answers, for_children
from familymeeting.domain.enums import Audience
from familymeeting.storage.operations import Changes
from familymeeting.storage.records import ParticipantRecord, QuestionRecord, RatingRecord
from familymeeting.ui import theme, words
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.meeting.board.card import Person, chip_style
from familymeeting.ui.meeting.controller import MeetingController
from familymeeting.ui.meeting.ratings.slider import RatingSlider, ScaleWords, row_insets
from familymeeting.ui.touch import TouchCheckBox


def people_for(
    question: QuestionRecord, people: list[ParticipantRecord]
) -> list[ParticipantRecord]:
    """The people the question is for (its audience), the children first: on a question
    they answer with the grown-ups, a child's row is not left at the bottom."""
    mine = [p for p in people if answers(question.audience, p.role, p.id, question.chosen)]
    children = [p for p in mine if p.role == "child"]
    others = [p for p in mine if p.role != "child"]
    return children + others


class QuestionDialog(FittedDialog):
    """Write or change a question: wording, the words at 1 and at 10, and who answers it
    (the children, the adults, everyone, or people chosen by name)."""

    def __init__(
        self,
        question: QuestionRecord | None = None,
        parent: QWidget | None = None,
        people: Sequence[ParticipantRecord] = (),
    ) -> None:
        super().__init__(parent, preferred=QSize(720, 560))
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
        # Who answers: four big choices, one at a time; "Chosen people" shows the names.
        who = QWidget()
        who_box = QVBoxLayout(who)
        who_box.setContentsMargins(0, 0, 0, 0)
        choices = QGridLayout()
        choices.setSpacing(8)
        self.audience_group = QButtonGroup(self)
        self.audience_buttons: dict[str, QPushButton] = {}
        current = question.audience if question else Audience.EVERYONE
        for i, value in enumerate(Audience):
            button = QPushButton(words.audience(value))
            button.setObjectName("choice")
            button.setCheckable(True)
            button.setChecked(value == current)
            button.setMinimumHeight(theme.TOUCH)
            self.audience_group.addButton(button)
            self.audience_buttons[value] = button
            choices.addWidget(button, i // 2, i % 2)
        who_box.addLayout(choices)
        self.people_box = QWidget()
        people_layout = QGridLayout(self.people_box)
        people_layout.setContentsMargins(0, 4, 0, 0)
        self.person_checks: dict[str, TouchCheckBox] = {}
        chosen = question.chosen if question else frozenset()
        for i, person in enumerate(people):
            check = TouchCheckBox(person.name)
            check.setChecked(person.id in chosen)
            self.person_checks[person.id] = check
            people_layout.addWidget(check, i // 2, i % 2)
        who_box.addWidget(self.people_box)
        self.audience_group.buttonToggled.connect(lambda *_: self._show_people())
        self._show_people()
        form.addRow(self.tr("Question"), self.text_edit)
        form.addRow(self.tr("The word at 1"), self.low_edit)
        form.addRow(self.tr("The word at 10"), self.high_edit)
        form.addRow(self.tr("Who answers"), who)
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

    def audience(self) -> str:
        return next(
            (value for value, b in self.audience_buttons.items() if b.isChecked()),
            Audience.EVERYONE.value,
        )

    def set_audience(self, audience: str) -> None:
        self.audience_buttons[audience].setChecked(True)

    def _show_people(self) -> None:
        self.people_box.setVisible(self.audience() == Audience.CHOSEN)

    def fields(self) -> dict[str, object]:
        audience = self.audience()
        chosen = frozenset(pid for pid, check in self.person_checks.items() if check.isChecked())
        return {
            "text": self.text_edit.toPlainText().strip(),
            "low_anchor": self.low_edit.text().strip(),
            "high_anchor": self.high_edit.text().strip(),
            "audience": audience,
            "chosen": chosen if audience == Audience.CHOSEN else frozenset(),
        }

    def _accept(self) -> None:
        fields = self.fields()
        if not fields["text"]:
            self.error_label.setText(self.tr("Please write the question."))
            self.error_label.show()
            return
        if fields["audience"] == Audience.CHOSEN and not fields["chosen"]:
            self.error_label.setText(self.tr("Please choose who answers the question."))
            self.error_label.show()
            return
        self.accept()


class NameChip(QLabel):
    """A person's name in their colour: on one line while the column has room for it,
    wrapped at spaces when it has not (a wrapping QLabel would balance even a short
    name into two lines). No signals."""

    def __init__(self, person: Person) -> None:
        super().__init__(person.name)
        self.setObjectName("chip")
        self.setStyleSheet(chip_style(person))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = (
            math.ceil(self.fontMetrics().horizontalAdvance(self.text()))
            + margins.left()
            + margins.right()
        )
        # The label's own wrapping measures a little differently: widen to one line.
        one_line = self.heightForWidth(10_000)
        for extra in range(0, 24, 2):
            if self.heightForWidth(width + extra) <= one_line:
                return QSize(width + extra, one_line)
        return QSize(width, self.heightForWidth(width))


class CommentEdit(QLineEdit):
    """A person's comment being written: Enter (or leaving it) keeps it, Escape does not.

    Signals:
        done(bool): writing ended; True to keep what was written.
    """

    done = Signal(bool)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.done.emit(False)
            return
        super().keyPressEvent(event)


class AnswerRow(QObject):
    """One person's answer to one question: who, the slider (its number at the right
    end), "⋯" for the rest, and the comment under the slider when there is one.

    Its widgets sit in the question's grid (``add_to``), so every row's slider starts and
    ends where the others do, under the question's words at 1 and 10.

    Signals:
        answered(object): a number 1-10 was chosen.
        menu_requested(QPoint): "⋯" was tapped; where its menu goes (global).
        commented(str): a comment was written (Enter, or the field was left).
    """

    answered = Signal(object)
    menu_requested = Signal(QPoint)
    commented = Signal(str)

    def __init__(
        self, person: Person, role: str, question: QuestionRecord, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.name = person.name
        self.who = QWidget()
        who = QVBoxLayout(self.who)
        who.setContentsMargins(0, 0, 0, 0)
        who.setSpacing(2)
        self.name_label = NameChip(person)
        self.role_label = QLabel(words.role(role))
        self.role_label.setObjectName("muted")
        name = QHBoxLayout()  # the chip as wide as the name, not the column
        name.addWidget(self.name_label)
        name.addStretch(1)
        # Last meeting's answer, in words beside the faint mark on the slider.
        self.last_label = QLabel()
        self.last_label.setObjectName("muted")
        self.last_label.hide()
        who.addStretch()
        who.addLayout(name)
        who.addWidget(self.role_label)
        who.addWidget(self.last_label)
        who.addStretch()
        # The words at 1 and 10 are the question's, shown once above everyone's sliders.
        self.slider = RatingSlider(question.text)
        self.slider.setAccessibleName(
            self.tr("%1: %2").replace("%1", person.name).replace("%2", question.text)
        )
        self.slider.committed.connect(self.answered)
        self.comment_label = QLabel()
        self.comment_label.setObjectName("muted")
        self.comment_label.setTextFormat(Qt.TextFormat.PlainText)
        self.comment_label.setWordWrap(True)
        # Under the slider's sad face, and a little apart from the next person.
        self.comment_label.setContentsMargins(round(row_insets(self.slider.font())[0]), 0, 0, 6)
        self.comment_label.hide()
        # A child's answer given alone and not shared: the number is not on this screen.
        self.private_label = QLabel(
            self.tr("Answered alone in child mode, not shared: only for the caseworker")
        )
        self.private_label.setObjectName("muted")
        self.private_label.setWordWrap(True)
        self.private_label.setContentsMargins(round(row_insets(self.slider.font())[0]), 0, 0, 6)
        self.private_label.hide()
        # The field to write a comment in is made when first asked for: a meeting's
        # ratings open faster without a hidden field in every row.
        self.comment_edit: CommentEdit | None = None
        self._comment_box: QVBoxLayout | None = None
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("cardMenu")
        self.menu_button.setText("⋯")
        self.menu_button.setFixedSize(theme.TOUCH, theme.TOUCH)
        self.menu_button.setAccessibleName(self.tr("Answer from %1").replace("%1", person.name))
        self.menu_button.setToolTip(self.tr("Won't answer, comment"))
        self.menu_button.clicked.connect(
            lambda: self.menu_requested.emit(
                self.menu_button.mapToGlobal(self.menu_button.rect().bottomLeft())
            )
        )
        self._comment = ""
        self._writing = False

    def add_to(self, grid: QGridLayout, row: int) -> None:
        """Who | slider | "⋯" in ``row`` of the question's grid, the comment in the next."""
        grid.addWidget(self.who, row, 0)
        grid.addWidget(self.slider, row, 1)
        grid.addWidget(self.menu_button, row, 2, Qt.AlignmentFlag.AlignVCenter)
        comment = QVBoxLayout()  # no margins: while empty the row takes no room
        comment.setContentsMargins(0, 0, 0, 0)
        comment.setSpacing(0)
        comment.addWidget(self.comment_label)
        comment.addWidget(self.private_label)
        self._comment_box = comment
        grid.addLayout(comment, row + 1, 1, 1, 2)

    def widgets(self) -> list[QWidget]:
        parts = [
            self.who,
            self.slider,
            self.comment_label,
            self.private_label,
            self.comment_edit,
            self.menu_button,
        ]
        return [part for part in parts if part is not None]

    def rect_in(self, widget: QWidget) -> QRect:
        """The row's visible part, in ``widget``'s coordinates."""
        rect = QRect()
        for part in self.widgets():
            if part.isVisible():
                rect = rect.united(QRect(part.mapTo(widget, QPoint(0, 0)), part.size()))
        return rect

    def show_last(self, value: int | None) -> None:
        """The person's answer at the last meeting that has one ("last: 4")."""
        self.slider.setLastValue(value)
        self.last_label.setText(
            "" if value is None else self.tr("last: %1").replace("%1", str(value))
        )
        self.last_label.setVisible(value is not None)

    def show_answer(self, rating: RatingRecord | None) -> None:
        """Show what is stored, without sending it back as an edit. A child's answer
        given alone and not shared is not shown here: this screen is the family's."""
        private = rating is not None and rating.answered_alone and not rating.shared
        self.private_label.setVisible(private)
        self.slider.setEnabled(not private)
        self.menu_button.setEnabled(not private)
        if private:
            rating = None
        self.slider.setValue(None if rating is None else rating.value)
        self.slider.setDeclined(rating is not None and rating.value is None)
        self._comment = "" if rating is None else rating.comment
        self.comment_label.setText(self.tr("Comment: %1").replace("%1", self._comment))
        self.comment_label.setVisible(bool(self._comment) and not self._writing)

    def start_comment(self) -> None:
        """Write or change the comment, in a field under the slider."""
        self._writing = True
        self.comment_label.hide()
        edit = self.comment_edit
        if edit is None:
            edit = self.comment_edit = CommentEdit()
            edit.setPlaceholderText(self.tr("What would make it one higher?"))
            edit.setAccessibleName(self.tr("Comment from %1").replace("%1", self.name))
            edit.setMaxLength(rules.COMMENT_MAX)
            edit.editingFinished.connect(lambda: self._end_comment(True))
            edit.done.connect(self._end_comment)
            if self._comment_box is not None:
                self._comment_box.addWidget(edit)
        edit.setText(self._comment)
        edit.show()
        edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _end_comment(self, keep: bool) -> None:
        if not self._writing:
            return  # the field lost the focus as it was hidden
        self._writing = False
        assert self.comment_edit is not None  # made by start_comment
        text = self.comment_edit.text().strip()
        self.comment_edit.hide()
        self.comment_label.setVisible(bool(self._comment))
        if keep and text != self._comment:
            self.commented.emit(text)


class RatingsView(QWidget):
    """The scaling questions of a meeting, answered by everyone who is here.

    One card per question: its words at 1 and 10 once, then a row per person (who, the
    slider, "⋯" with "won't answer", comment and removing the answer). Every change is
    an operation through the meeting's controller (so it undoes); what it stored comes
    back in its Changes, and the menu is built from what is shown: nothing is read.

    Signals:
        child_mode_requested(): the caseworker wants to hand the tablet to a child.
        houses_requested(): the caseworker opens a child's Three Houses.
    """

    child_mode_requested = Signal()
    houses_requested = Signal()

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
        self._last: dict[tuple[str, str], int] = {}
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
        self.houses_button = QPushButton(self.tr("Three houses"))
        self.houses_button.setToolTip(
            self.tr("A child draws and says worries, good things and dreams")
        )
        self.houses_button.clicked.connect(self.houses_requested)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        bar.addWidget(self.hint, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.houses_button)
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
        self.menu: QMenu | None = None

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
        self._last = {}
        self.hint.setText("")
        self.child_button.setEnabled(False)

    def people(self) -> list[ParticipantRecord]:
        """Who answers: the attendees, or everyone when nobody is marked as here yet."""
        return [p for p in self._everyone if p.id in self._here] or list(self._everyone)

    def questions(self) -> list[QuestionRecord]:
        """The meeting's questions, as shown."""
        return list(self._questions)

    def people_of(self, question: QuestionRecord) -> list[ParticipantRecord]:
        """Who answers ``question``, in the order of its rows."""
        return people_for(question, self.people())

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
            # Earlier meetings do not change during this one: read once.
            self._last = services.last_answers(meeting_id)
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
            tuple(
                (q.id, q.text, q.low_anchor, q.high_anchor, q.audience, q.chosen) for q in questions
            ),
            tuple((p.id, p.name, p.role) for p in people),
        )
        if shape != self._shape:
            self._rebuild(questions, people, self._everyone)
            self._shape = shape
        if ratings is not None:
            self._answers = {(r.question_id, r.participant_id): r for r in ratings}
        for key, row in self.rows.items():
            row.show_answer(self._answers.get(key))
            row.show_last(self._last.get(key))
        self.hint.setText(
            ""
            if self._here
            else self.tr("Nobody is marked as here yet, so everyone is shown. Tap the names above.")
        )
        self.child_button.setEnabled(
            any(
                answers(q.audience, p.role, p.id, q.chosen)
                for q in questions
                for p in people
                if p.role == "child"
            )
        )

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
            box.setContentsMargins(18, 10, 10, 12)
            box.setSpacing(4)
            top = QHBoxLayout()
            title = QLabel(question.text)
            title.setObjectName("cardText")
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            top.addWidget(title, 1)
            if words.audience_badge(question.audience):
                badge = QLabel(words.audience_badge(question.audience))
                badge.setObjectName("kind")
                top.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
            edit = QPushButton(self.tr("Edit"))
            edit.clicked.connect(partial(self.edit_question, question.id))
            delete = QPushButton(self.tr("Remove"))
            delete.clicked.connect(partial(self._delete, question.id))
            top.addWidget(edit, 0, Qt.AlignmentFlag.AlignTop)
            top.addWidget(delete, 0, Qt.AlignmentFlag.AlignTop)
            box.addLayout(top)
            # One grid per question: the words at 1 and 10 over the sliders' column.
            grid = QGridLayout()
            grid.setHorizontalSpacing(12)
            grid.setVerticalSpacing(2)
            grid.setColumnStretch(1, 1)
            if question.low_anchor or question.high_anchor:
                grid.addWidget(ScaleWords(question.low_anchor, question.high_anchor), 0, 1)
            # The faces follow who the question is for: the children's on a question a
            # child answers, the grown-ups' calmer ones on the adults' own questions.
            chosen_roles = [p.role for p in everyone if p.id in question.chosen]
            child_faces = for_children(question.audience, chosen_roles)
            for line, person in enumerate(people_for(question, people)):
                row = AnswerRow(
                    Person(person.id, person.name, index.get(person.id, 0)),
                    person.role,
                    question,
                    card,
                )
                row.slider.setChildFaces(child_faces)
                row.answered.connect(partial(self._answer, question.id, person.id))
                row.commented.connect(partial(self._comment, question.id, person.id))
                row.menu_requested.connect(partial(self.show_person_menu, question.id, person.id))
                row.add_to(grid, 1 + 2 * line)
                self.rows[(question.id, person.id)] = row
            box.addLayout(grid)
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
            self.controller.set_rating(question_id, participant_id, None)  # the comment stays
        else:
            # Unticking "won't answer" puts the question back to the person: no answer yet.
            self._clear(question_id, participant_id)

    def _clear(self, question_id: str, participant_id: str) -> None:
        if self.controller is not None and (question_id, participant_id) in self._answers:
            self.controller.clear_answer(question_id, participant_id)

    def _comment(self, question_id: str, participant_id: str, comment: str) -> None:
        if self.controller is None:
            return
        stored = self._answers.get((question_id, participant_id))
        if stored is None and not comment.strip():
            return
        self.controller.set_comment(question_id, participant_id, comment)

    # ------------------------------------------------------------ person menu
    def person_menu(self, question_id: str, participant_id: str) -> QMenu:
        """The menu of one person's answer, from what is shown: won't answer (ticked when
        so), comment (once there is an answer), remove the answer."""
        if self.menu is not None:
            self.menu.deleteLater()
        stored = self._answers.get((question_id, participant_id))
        menu = QMenu(self)
        menu.setObjectName("answerMenu")
        decline = menu.addAction(self.tr("Won't answer"))
        decline.setObjectName("decline")
        decline.setCheckable(True)
        decline.setChecked(stored is not None and stored.value is None)
        decline.toggled.connect(partial(self._decline, question_id, participant_id))
        comment = menu.addAction(
            self.tr("Change comment…") if stored and stored.comment else self.tr("Comment…")
        )
        comment.setObjectName("comment")
        comment.setEnabled(stored is not None)  # a comment belongs to an answer
        comment.triggered.connect(self.rows[(question_id, participant_id)].start_comment)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Remove the answer"))
        clear.setObjectName("clear")
        clear.setEnabled(stored is not None)
        clear.triggered.connect(partial(self._clear, question_id, participant_id))
        self.menu = menu
        return menu

    def show_person_menu(self, question_id: str, participant_id: str, pos: QPoint) -> None:
        self.person_menu(question_id, participant_id).popup(pos)

    def _delete(self, question_id: str) -> None:
        if self.controller is not None:
            self.controller.delete_question(question_id)

    def new_question(self) -> QuestionDialog:
        """Open the question dialog (not modal-blocking); saving adds the question."""
        dialog = QuestionDialog(parent=self, people=self._everyone)
        dialog.accepted.connect(lambda: self._added(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _added(self, dialog: QuestionDialog) -> None:
        if self.controller is not None:
            fields = dialog.fields()
            chosen = fields["chosen"]
            assert isinstance(chosen, frozenset)
            self.controller.add_question(
                str(fields["text"]),
                str(fields["low_anchor"]),
                str(fields["high_anchor"]),
                str(fields["audience"]),
                chosen,
            )

    def edit_question(self, question_id: str) -> QuestionDialog | None:
        if self.controller is None:
            return None
        question = next((q for q in self._questions if q.id == question_id), None)
        if question is None:
            return None
        dialog = QuestionDialog(question, parent=self, people=self._everyone)
        dialog.accepted.connect(lambda: self._edited(question_id, dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _edited(self, question_id: str, dialog: QuestionDialog) -> None:
        if self.controller is not None:
            self.controller.edit_question(question_id, **dialog.fields())
