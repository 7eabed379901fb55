"""Child mode: the caseworker hands the tablet to a child.

One question at a time, full width, a huge slider with a face and a big "Next"
button. Nothing else from the case is on the screen: no cards, no other names
than the children to choose from, no toolbar.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from familymeeting.storage.models import Participant, Question
from familymeeting.ui.board.controller import BoardController
from familymeeting.ui.flow import FlowLayout
from familymeeting.ui.ratings.slider import RatingSlider


def questions_for_child(questions: list[Question]) -> list[Question]:
    """The children's questions; if a meeting has none, all its questions."""
    return [q for q in questions if q.for_children] or list(questions)


class ChildModeView(QWidget):
    """Signals: finished(): the child is done (or the caseworker ended child mode)."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.controller: BoardController | None = None
        self.child: Participant | None = None
        self.questions: list[Question] = []
        self.index = 0

        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 24, 40, 32)
        top = QHBoxLayout()
        top.addStretch()
        self.exit_button = QPushButton(self.tr("End child mode"))
        self.exit_button.clicked.connect(self.finish)
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
        self.pick_box = QWidget()
        self.pick_layout = FlowLayout(self.pick_box, spacing=16)
        pick.addWidget(self.pick_box, 0, Qt.AlignmentFlag.AlignHCenter)
        pick.addStretch()
        self.pages.addWidget(self.pick_page)
        self.child_buttons: dict[str, QPushButton] = {}

        # One question.
        self.question_page = QWidget()
        q = QVBoxLayout(self.question_page)
        q.setSpacing(18)
        self.name_label = QLabel()
        self.name_label.setObjectName("subtitle")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.step_label = QLabel()
        self.step_label.setObjectName("muted")
        head = QHBoxLayout()
        head.addWidget(self.name_label)
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
        q.addStretch(1)
        buttons = QHBoxLayout()
        self.skip_button = QPushButton(self.tr("I don't want to answer"))
        self.skip_button.clicked.connect(self._skip)
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("childNext")
        self.next_button.setProperty("primary", True)
        self.next_button.setMinimumSize(220, 80)
        self.next_button.clicked.connect(self.next_question)
        buttons.addWidget(self.skip_button)
        buttons.addStretch()
        buttons.addWidget(self.next_button)
        q.addLayout(buttons)
        self.pages.addWidget(self.question_page)

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
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setProperty("primary", True)
        self.done_button.setMinimumSize(220, 80)
        self.done_button.clicked.connect(self.finish)
        done.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignHCenter)
        done.addStretch()
        self.pages.addWidget(self.done_page)

    # ----------------------------------------------------------------- flow
    def start(self, controller: BoardController, children: list[Participant]) -> None:
        """Begin with the child picker, or straight at the questions for one child."""
        self.controller = controller
        self.questions = questions_for_child(
            controller.services.list_questions(controller.meeting_id)
        )
        for button in self.child_buttons.values():
            self.pick_layout.removeWidget(button)
            button.deleteLater()
        self.child_buttons = {}
        for child in children:
            button = QPushButton(child.name)
            button.setObjectName("childName")
            button.setMinimumSize(200, 90)
            button.clicked.connect(partial(self.begin_for, child))
            self.pick_layout.addWidget(button)
            self.child_buttons[child.id] = button
        if len(children) == 1:
            self.begin_for(children[0])
        else:
            self.pages.setCurrentWidget(self.pick_page)

    def begin_for(self, child: Participant) -> None:
        self.child = child
        self.index = 0
        self.name_label.setText(child.name)
        self._show_question()

    def _show_question(self) -> None:
        assert self.controller is not None and self.child is not None
        if self.index >= len(self.questions):
            self.thanks_label.setText(self.tr("Thank you, %1!").replace("%1", self.child.name))
            self.pages.setCurrentWidget(self.done_page)
            return
        question = self.questions[self.index]
        self.question_label.setText(question.text)
        self.slider.setQuestion(question.text)
        self.slider.setAnchors(question.low_anchor, question.high_anchor)
        stored = self.controller.services.get_rating(question.id, self.child.id)
        self.slider.setValue(None if stored is None else stored.value)
        self.step_label.setText(
            self.tr("Question %1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(self.questions)))
        )
        last = self.index == len(self.questions) - 1
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        self.pages.setCurrentWidget(self.question_page)
        self.slider.setFocus()

    def _answered(self, value: object) -> None:
        if self.controller is not None and self.child is not None and isinstance(value, int):
            question = self.questions[self.index]
            self.controller.set_rating(question.id, self.child.id, value)

    def _skip(self) -> None:
        if self.controller is not None and self.child is not None:
            question = self.questions[self.index]
            self.controller.set_rating(question.id, self.child.id, None)
        self.next_question()

    def next_question(self) -> None:
        self.index += 1
        self._show_question()

    def finish(self) -> None:
        self.child = None
        self.finished.emit()
