"""The child's own feedback on the meeting: the last step of child mode.

After the child's questions and before the thank-you, the child answers five short
questions about the meeting (``domain.feedback``), one per screen, with the same big
slider and faces, alone. First a screen says, in a child's words, what happens to the
answers (the caseworker sees them and keeps them in the case; they are not on the
family's plan): no promise of secrecy the law does not give. The child can skip it
all, or any one question ("I don't want to answer", stored as not answered).

Each answer is ``SetChildFeedback`` run straight away, without the meeting's undo
stack: the answers are the child's own, and nobody at the table should undo them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.errors import UserError
from familymeeting.domain.feedback import FEEDBACK_ITEMS, feedback_wording
from familymeeting.messages import current_language, user_message
from familymeeting.storage.operations import SetChildFeedback
from familymeeting.storage.records import ParticipantRecord
from familymeeting.ui.meeting.controller import MeetingController
from familymeeting.ui.meeting.ratings.big_button import BIG_BUTTON, BigButton
from familymeeting.ui.meeting.ratings.slider import RatingSlider


def _label(object_name: str, *, centred: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class FeedbackStep(QWidget):
    """Signals: finished(): the child answered or skipped the feedback; child mode then
    says thank you."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller: MeetingController | None = None
        self.child: ParticipantRecord | None = None
        self.index = 0
        self.pages = QStackedWidget()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        # What the child is told first.
        self.intro_page = QWidget()
        intro = QVBoxLayout(self.intro_page)
        intro.setSpacing(18)
        intro.addStretch(1)
        self.intro_title = _label("childQuestion")
        self.intro_title.setText(self.tr("How was the meeting for you?"))
        intro.addWidget(self.intro_title)
        self.intro_text = _label("subtitle")
        self.intro_text.setText(
            self.tr("Five short questions about today. You answer them on your own.")
        )
        intro.addWidget(self.intro_text)
        self.who_sees = _label("subtitle")
        self.who_sees.setText(
            self.tr(
                "Your caseworker sees your answers and keeps them in your case. "
                "They are not put on the family's plan."
            )
        )
        intro.addWidget(self.who_sees)
        intro.addStretch(1)
        row = QHBoxLayout()
        self.skip_all_button = QPushButton(self.tr("Skip these questions"))
        self.skip_all_button.clicked.connect(self.skip_all)
        self.start_button = BigButton(self.tr("Start"), BIG_BUTTON)
        self.start_button.setObjectName("childNext")
        self.start_button.setProperty("primary", True)
        self.start_button.clicked.connect(self.begin)
        row.addWidget(self.skip_all_button)
        row.addStretch()
        row.addWidget(self.start_button)
        intro.addLayout(row)
        self.pages.addWidget(self.intro_page)

        # One feedback question.
        self.item_page = QWidget()
        page = QVBoxLayout(self.item_page)
        page.setSpacing(18)
        head = QHBoxLayout()
        self.about_label = _label("subtitle", centred=False)
        self.about_label.setWordWrap(False)
        self.about_label.setText(self.tr("About the meeting"))
        self.step_label = QLabel()
        self.step_label.setObjectName("muted")
        head.addWidget(self.about_label)
        head.addStretch()
        head.addWidget(self.step_label)
        page.addLayout(head)
        page.addStretch(1)
        self.question_label = _label("childQuestion")
        page.addWidget(self.question_label)
        self.slider = RatingSlider(large=True)
        self.slider.committed.connect(self._answered)
        page.addWidget(self.slider)
        self.error_label = _label("muted")
        self.error_label.hide()
        page.addWidget(self.error_label)
        page.addStretch(1)
        buttons = QHBoxLayout()
        self.decline_button = QPushButton(self.tr("I don't want to answer"))
        self.decline_button.clicked.connect(self._decline)
        self.next_button = BigButton(self.tr("Next"), BIG_BUTTON)
        self.next_button.setObjectName("childNext")
        self.next_button.setProperty("primary", True)
        self.next_button.clicked.connect(self.next_item)
        buttons.addWidget(self.decline_button)
        buttons.addStretch()
        buttons.addWidget(self.next_button)
        page.addLayout(buttons)
        self.pages.addWidget(self.item_page)

    # ----------------------------------------------------------------- flow
    def start(self, controller: MeetingController, child: ParticipantRecord) -> None:
        """Show what happens to the answers; the questions follow on "Start"."""
        self.controller = controller
        self.child = child
        self.index = 0
        self.pages.setCurrentWidget(self.intro_page)
        self.start_button.setFocus()

    def begin(self) -> None:
        self.index = 0
        self._show_item()

    def skip_all(self) -> None:
        """Nothing is stored: the child chose not to give feedback this time."""
        self.finished.emit()

    @property
    def item(self) -> str:
        return FEEDBACK_ITEMS[self.index].value

    def _show_item(self) -> None:
        assert self.controller is not None and self.child is not None
        if self.index >= len(FEEDBACK_ITEMS):
            self.finished.emit()
            return
        words = feedback_wording(self.item, current_language())
        self.question_label.setText(words.text)
        self.slider.setQuestion(words.text)
        self.slider.setAnchors(words.low, words.high)
        stored = {
            r.item: r.value
            for r in self.controller.services.list_child_feedback(
                self.controller.meeting_id, self.child.id
            )
        }
        self.slider.setValue(stored.get(self.item))
        self.error_label.hide()
        self.step_label.setText(
            self.tr("%1 of %2")
            .replace("%1", str(self.index + 1))
            .replace("%2", str(len(FEEDBACK_ITEMS)))
        )
        last = self.index == len(FEEDBACK_ITEMS) - 1
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next"))
        self.pages.setCurrentWidget(self.item_page)
        self.slider.setFocus()

    def _store(self, value: int | None) -> bool:
        assert self.controller is not None and self.child is not None
        operation = SetChildFeedback(self.controller.meeting_id, self.child.id, self.item, value)
        try:
            self.controller.apply(operation)
        except UserError as error:
            self.error_label.setText(user_message(error))
            self.error_label.show()
            return False
        return True

    def _answered(self, value: object) -> None:
        if self.controller is not None and self.child is not None and isinstance(value, int):
            self._store(value)

    def _decline(self) -> None:
        if self._store(None):
            self.next_item()

    def next_item(self) -> None:
        self.index += 1
        self._show_item()
