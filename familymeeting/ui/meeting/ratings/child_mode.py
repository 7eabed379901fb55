"""Child mode: the caseworker hands the tablet to a child.

One question at a time, full width, a huge slider with a face and a big "Next"
button. Nothing else from the case is on the screen: no cards, no other names
than the children to choose from, no toolbar. Leaving it needs the caseworker:
"End child mode" and the thank-you page's "Done" only ask (``leave_requested``);
the window asks for the password before it shows anything else.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.audience import answers
from familymeeting.storage.records import ParticipantRecord, QuestionRecord, RatingRecord
from familymeeting.ui.meeting.controller import MeetingController
from familymeeting.ui.meeting.ratings.big_button import (
    BIG_BUTTON,
    CHILD_BUTTON,
    SHARE_BUTTON,
    BigButton,
)
from familymeeting.ui.meeting.ratings.feedback import FeedbackStep
from familymeeting.ui.meeting.ratings.slider import RatingSlider


def questions_for_child(
    questions: list[QuestionRecord], child: ParticipantRecord
) -> list[QuestionRecord]:
    """The questions this child answers (its audience): never one for the adults only,
    never one chosen for someone else."""
    return [q for q in questions if answers(q.audience, child.role, child.id, q.chosen)]


class ChildPicker(QWidget):
    """The caseworker's choice of child: every child's name whole, on big buttons.

    Centred rows of equal buttons, as many per row as the width holds (two children
    in portrait sit side by side; five wrap). No signals: each button calls ``pick``.
    """

    SPACING = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(self.SPACING)
        self._columns = 0

    def set_children(
        self, children: list[ParticipantRecord], pick: Callable[[ParticipantRecord], None]
    ) -> None:
        for button in self.buttons.values():
            self.grid.removeWidget(button)
            button.hide()  # gone from the screen now, not at the next turn of the loop
            button.deleteLater()
        self.buttons = {}
        for child in children:
            button = BigButton(child.name, CHILD_BUTTON)
            button.setObjectName("childName")
            button.clicked.connect(partial(pick, child))
            self.buttons[child.id] = button
        self._columns = 0
        self._place()

    def _button_width(self) -> int:
        return max(
            (b.sizeHint().width() for b in self.buttons.values()), default=CHILD_BUTTON.width()
        )

    def _place(self) -> None:
        """As many equal buttons per row as fit the width, the rows centred."""
        width = self._button_width()
        fits = max(1, (self.width() + self.SPACING) // (width + self.SPACING))
        columns = min(len(self.buttons), fits) or 1
        if columns == self._columns:
            return
        self._columns = columns
        for button in self.buttons.values():
            self.grid.removeWidget(button)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        # Column 0 and the last one are empty and stretch: the rows sit in the middle.
        for i, button in enumerate(self.buttons.values()):
            self.grid.addWidget(button, i // columns, 1 + i % columns)
            button.setMinimumWidth(width)  # equal buttons
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(columns + 1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._columns = 0  # the names' widths changed
            QTimer.singleShot(0, self, self._place)


class ChildModeView(QWidget):
    """Signals: leave_requested(): the child is done, or "End child mode" was tapped; the
    window asks for the caseworker's password before leaving."""

    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.controller: MeetingController | None = None
        self.child: ParticipantRecord | None = None
        self.questions: list[QuestionRecord] = []
        self._all_questions: list[QuestionRecord] = []
        self._last: dict[tuple[str, str], int] = {}
        self.index = 0

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 16, 40, 20)
        top = QHBoxLayout()
        top.addStretch()
        self.exit_button = QPushButton(self.tr("End child mode"))
        self.exit_button.clicked.connect(self.leave_requested)
        top.addWidget(self.exit_button)
        outer.addLayout(top)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages, 1)

        # Who answers?
        self.pick_page = QWidget()
        pick = QVBoxLayout(self.pick_page)
        pick.addStretch()
        self.pick_title = QLabel(self.tr("Who is answering?"))
        self.pick_title.setObjectName("childQuestion")
        self.pick_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pick.addWidget(self.pick_title)
        self.picker = ChildPicker()
        pick.addWidget(self.picker)
        pick.addStretch()
        self.pages.addWidget(self.pick_page)

        # One question.
        self.question_page = QWidget()
        q = QVBoxLayout(self.question_page)
        q.setSpacing(12)  # room for "May the grown-ups see this?" on a short screen
        self.name_label = QLabel()
        self.name_label.setObjectName("subtitle")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label = QLabel()
        self.step_label.setObjectName("muted")
        # Only the child's own answer from last time: never another person's.
        self.last_label = QLabel()
        self.last_label.setObjectName("subtitle")
        self.last_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head = QHBoxLayout()
        head.addWidget(self.name_label)
        head.addStretch()
        head.addWidget(self.last_label)
        head.addStretch()
        head.addWidget(self.step_label)
        q.addLayout(head)
        q.addStretch(1)
        self.question_label = QLabel()
        self.question_label.setObjectName("childQuestion")
        self.question_label.setTextFormat(Qt.TextFormat.PlainText)
        self.question_label.setWordWrap(True)
        self.question_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        q.addWidget(self.question_label)
        self.slider = RatingSlider(large=True)
        self.slider.committed.connect(self._answered)
        q.addWidget(self.slider)
        # After each answer, one tap: may the grown-ups see it? Honest about who does:
        # the caseworker always sees it (and the parents may read the case file).
        self.share_box = QWidget()
        share = QHBoxLayout(self.share_box)
        share.setContentsMargins(0, 0, 0, 0)
        share.setSpacing(16)
        words = QVBoxLayout()
        words.setSpacing(4)
        self.share_title = QLabel(self.tr("May the grown-ups see this?"))
        self.share_title.setObjectName("shareQuestion")
        self.share_title.setWordWrap(True)
        self.share_note = QLabel(
            self.tr(
                "Your caseworker always sees your answer. Should it also be on the screen "
                "and in the family's plan?"
            )
        )
        self.share_note.setObjectName("muted")
        self.share_note.setWordWrap(True)
        # Big and side by side, like the child's other buttons; the chosen one is filled.
        self.share_yes = BigButton(self.tr("Yes"), SHARE_BUTTON)
        self.share_no = BigButton(self.tr("No"), SHARE_BUTTON)
        for button in (self.share_yes, self.share_no):
            button.setObjectName("shareChoice")
            button.setCheckable(True)
        self.share_yes.clicked.connect(lambda: self._share(True))
        self.share_no.clicked.connect(lambda: self._share(False))
        words.addStretch(1)  # the title and its note together, in the middle
        words.addWidget(self.share_title)
        words.addWidget(self.share_note)
        words.addStretch(1)
        share.addLayout(words, 1)
        yes_no = QHBoxLayout()
        yes_no.setSpacing(12)
        yes_no.addWidget(self.share_yes)
        yes_no.addWidget(self.share_no)
        share.addLayout(yes_no)
        # Upright, the question has its own row under the slider; on a wide screen the
        # height is short, so it sits between "I don't want to answer" and "Next".
        self._share_below = QVBoxLayout()
        self._share_below.setContentsMargins(0, 0, 0, 0)
        q.addLayout(self._share_below)
        q.addStretch(1)
        buttons = QHBoxLayout()
        self.skip_button = QPushButton(self.tr("I don't want to answer"))
        self.skip_button.clicked.connect(self._skip)
        self.next_button = BigButton(self.tr("Next"), BIG_BUTTON)
        self.next_button.setObjectName("childNext")
        self.next_button.setProperty("primary", True)
        self.next_button.clicked.connect(self.next_question)
        buttons.addWidget(self.skip_button, 0, Qt.AlignmentFlag.AlignBottom)
        self._share_beside = QHBoxLayout()
        self._share_beside.setContentsMargins(12, 0, 12, 0)
        buttons.addLayout(self._share_beside, 1)
        buttons.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignBottom)
        self._share_wide: bool | None = None
        self.share_box.hide()  # until the child has answered
        self._place_share()
        q.addLayout(buttons)
        self.pages.addWidget(self.question_page)

        # The child's own feedback on the meeting, after the questions (ui/.../feedback.py).
        self.feedback = FeedbackStep()
        self.feedback.finished.connect(self._show_thanks)
        self.pages.addWidget(self.feedback)

        # Thank you.
        self.done_page = QWidget()
        done = QVBoxLayout(self.done_page)
        done.addStretch()
        self.thanks_label = QLabel()
        self.thanks_label.setObjectName("childQuestion")
        self.thanks_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thanks_label.setWordWrap(True)
        done.addWidget(self.thanks_label)
        self.hand_back = QLabel(self.tr("Please give the tablet back."))
        self.hand_back.setObjectName("subtitle")
        self.hand_back.setAlignment(Qt.AlignmentFlag.AlignCenter)
        done.addWidget(self.hand_back)
        done.addSpacing(24)
        # As big as "Next": the same size, words and shape for the child's last tap.
        self.done_button = BigButton(self.tr("Done"), BIG_BUTTON)
        self.done_button.setObjectName("childNext")
        self.done_button.setProperty("primary", True)
        self.done_button.clicked.connect(self.leave_requested)
        done.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        done.addStretch()
        self.pages.addWidget(self.done_page)

    def _place_share(self) -> None:
        wide = self.width() > self.height()
        if wide == self._share_wide:
            return
        first = self._share_wide is None
        self._share_wide = wide
        visible = not self.share_box.isHidden()
        (self._share_below if wide else self._share_beside).removeWidget(self.share_box)
        (self._share_beside if wide else self._share_below).addWidget(self.share_box)
        self.share_box.setVisible(visible)
        if not first:  # showing a button while the window is built would take the focus
            self._sync_skip()

    def _sync_skip(self) -> None:
        """On a wide screen, once answered, the share question takes the place of "I don't
        want to answer" (the height is short there; "Next" still goes on without a yes)."""
        answered = not self.share_box.isHidden()  # its page may not be shown yet
        hide = bool(answered and self._share_wide)
        if self.skip_button.isHidden() != hide:  # showing it at start would take the focus
            self.skip_button.setHidden(hide)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_share()

    # ----------------------------------------------------------------- flow
    def start(self, controller: MeetingController, children: list[ParticipantRecord]) -> None:
        """Begin with the child picker, or straight at the questions for one child."""
        self.controller = controller
        self._all_questions = controller.services.list_questions(controller.meeting_id)
        # Only children with a question of their own are offered.
        children = [c for c in children if questions_for_child(self._all_questions, c)]
        self.picker.set_children(children, self.begin_for)
        if len(children) == 1:
            self.begin_for(children[0])
        else:
            self.pages.setCurrentWidget(self.pick_page)
            # Not on "End child mode": Enter must not end it by accident.
            next(iter(self.picker.buttons.values())).setFocus()

    @property
    def child_buttons(self) -> dict[str, QPushButton]:
        return self.picker.buttons

    def begin_for(self, child: ParticipantRecord) -> None:
        """Hand the tablet to ``child``: from here on only its questions and answers are
        on the screen, and nothing on it leads to another child's (the picker is the
        caseworker's, before the hand-over)."""
        assert self.controller is not None
        self.child = child
        self.questions = questions_for_child(self._all_questions, child)
        self._last = {
            key: value
            for key, value in self.controller.services.last_answers(
                self.controller.meeting_id, private_of=child.id
            ).items()
            if key[1] == child.id
        }
        self.index = 0
        self.name_label.setText(child.name)
        self._show_question()

    def _show_question(self) -> None:
        assert self.controller is not None and self.child is not None
        if self.index >= len(self.questions):
            self.feedback.start(self.controller, self.child)
            self.pages.setCurrentWidget(self.feedback)
            return
        question = self.questions[self.index]
        self.question_label.setText(question.text)
        self.slider.setQuestion(question.text)
        self.slider.setAnchors(question.low_anchor, question.high_anchor)
        stored = self.controller.services.get_rating(question.id, self.child.id)
        self.slider.setValue(None if stored is None else stored.value)
        last = self._last.get((question.id, self.child.id))
        self.slider.setLastValue(last)
        self.last_label.setText(
            "" if last is None else self.tr("last: %1").replace("%1", str(last))
        )
        self.last_label.setVisible(last is not None)
        self._show_share(stored is not None and stored.value is not None, stored)
        self.step_label.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.questions)))
        )
        last = self.index == len(self.questions) - 1
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        self.pages.setCurrentWidget(self.question_page)
        self.slider.setFocus()

    def _show_thanks(self) -> None:
        assert self.child is not None
        self.thanks_label.setText(self.tr("Thank you, %1!").replace("%1", self.child.name))
        self.pages.setCurrentWidget(self.done_page)

    def _show_share(self, answered: bool, stored: RatingRecord | None) -> None:
        self.share_box.setVisible(answered)
        self._sync_skip()
        shared = stored is not None and stored.shared and stored.answered_alone
        chosen = stored is not None and stored.answered_alone
        self.share_yes.setChecked(chosen and shared)
        self.share_no.setChecked(chosen and not shared)

    def _answered(self, value: object) -> None:
        if self.controller is not None and self.child is not None and isinstance(value, int):
            question = self.questions[self.index]
            # Answered alone: not shared until the child says yes.
            shared = self.share_yes.isChecked()
            self.controller.set_rating(question.id, self.child.id, value, alone=(True, shared))
            self.share_box.show()
            self._sync_skip()

    def _share(self, yes: bool) -> None:
        """The child's one tap: may the grown-ups see this answer?"""
        self.share_yes.setChecked(yes)
        self.share_no.setChecked(not yes)
        value = self.slider.value()
        if self.controller is not None and self.child is not None and value is not None:
            question = self.questions[self.index]
            self.controller.set_rating(question.id, self.child.id, value, alone=(True, yes))

    def _skip(self) -> None:
        if self.controller is not None and self.child is not None:
            question = self.questions[self.index]
            self.controller.set_rating(question.id, self.child.id, None, alone=(True, True))
        self.next_question()

    def next_question(self) -> None:
        self.index += 1
        self._show_question()

    def clear(self) -> None:
        """Child mode has ended: forget the child (the window shows another page)."""
        self.child = None
        self.pages.setCurrentWidget(self.pick_page)
