"""The children's feedback over time ("Børnenes feedback"), for the caseworker only.

Per child who has given feedback: the five questions (domain.feedback) down the side,
the latest meetings across, the child's number in each cell ("–": the child did not
want to answer; empty: not asked that time). Opened from the family page, which
family view cannot reach; the answers are never on the family's plan or board.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QSize, Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.feedback import FEEDBACK_ITEMS, feedback_wording
from familymeeting.messages import current_language
from familymeeting.storage.services import Services
from familymeeting.storage.services.feedback import ChildFeedbackHistory
from familymeeting.ui.controls import standard_button, text_label
from familymeeting.ui.dialog import FittedDialog

MAX_MEETINGS = 4  # columns a portrait tablet holds beside the questions, at large text
DECLINED = "\u2013"


class ChildFeedbackDialog(FittedDialog):
    """Each child's feedback on the meetings, newest meeting last. No signals beyond
    QDialog's. ``cells[(child_id, item, meeting_id)]`` is the label shown there."""

    def __init__(self, services: Services, family_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, preferred=QSize(820, 0))
        self.history = services.child_feedback_history(family_id)
        self.cells: dict[tuple[str, str, str], QLabel] = {}
        self.setWindowTitle(self.tr("Children's feedback"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(
            text_label(
                self.tr(
                    "What each child said about the meetings, on their own in child mode: "
                    "1 is not at all, 10 is fully. Only for you and the case: it is never "
                    "on the family's plan or the board."
                ),
                "muted",
            )
        )
        if not self.history:
            layout.addWidget(
                text_label(
                    self.tr(
                        "No child has given feedback yet. A child answers at the end of child mode."
                    )
                )
            )
        for child in self.history:
            layout.addWidget(self._child(child))
        layout.addStretch()
        self.buttons = QDialogButtonBox()
        self.close_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.buttons)

    def _child(self, child: ChildFeedbackHistory) -> QFrame:
        box = QFrame()
        box.setObjectName("childFeedback")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 8)
        column.setSpacing(6)
        name = QLabel(child.name)
        name.setObjectName("subtitle")
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)
        column.addWidget(name)
        meetings = child.meetings[-MAX_MEETINGS:]
        if len(child.meetings) > len(meetings):
            column.addWidget(
                text_label(
                    self.tr("The last %1 meetings; every meeting's record has its own.").replace(
                        "%1", str(len(meetings))
                    ),
                    "muted",
                )
            )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        for c, meeting in enumerate(meetings, start=1):
            day = QLabel(self.day_text(meeting.starts_at))
            day.setObjectName("muted")
            day.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(day, 0, c)
        lang = current_language()
        for r, item in enumerate(FEEDBACK_ITEMS, start=1):
            question = text_label(feedback_wording(item, lang).text)
            grid.addWidget(question, r, 0)
            for c, meeting in enumerate(meetings, start=1):
                if item.value in meeting.values:
                    value = meeting.values[item.value]
                    shown = DECLINED if value is None else str(value)
                else:
                    shown = ""
                cell = QLabel(shown)
                cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
                if shown == DECLINED:
                    cell.setToolTip(self.tr("Did not want to answer"))
                    cell.setAccessibleName(self.tr("Did not want to answer"))
                self.cells[(child.participant_id, item.value, meeting.meeting_id)] = cell
                grid.addWidget(cell, r, c)
        column.addLayout(grid)
        column.addWidget(text_label(self.tr("–: did not want to answer"), "muted"))
        return box

    def day_text(self, when: datetime) -> str:
        """A meeting's day, short (the column is narrow): e.g. "06.11.2026"."""
        return self.locale().toString(
            QDate(when.year, when.month, when.day), QLocale.FormatType.ShortFormat
        )
