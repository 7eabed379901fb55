"""Who agrees with a card, and who does not: one sheet, one tap per person.

Every person of the family is a row (those here today first) with three states:
agrees, disagrees, has not said. A tap asks for the change (``stance_chosen``); the
page runs it as one undoable operation, and the sheet shows what the operation
returned (``show_changes``), never what the tap alone would suggest: a refused tap
leaves the row as it is stored.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import partial

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from familymeeting.storage.operations import Changes
from familymeeting.ui import controls
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.meeting.board.card import Person, chip_style, display_text

# The card's words above the rows: enough to know which card it is, never a wall.
CARD_TEXT_SHOWN = 160

# A person's stance as the operation takes it: agrees, disagrees, has not said.
STATES: tuple[tuple[str, bool | None], ...] = (
    ("agree", True),
    ("disagree", False),
    ("unsaid", None),
)


class StanceButton(QPushButton):
    """One of a person's three states; never narrower than its word."""

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class StanceRow:
    """One person in the sheet: their name and the three buttons, one of them checked."""

    def __init__(self, person: Person, name_label: QLabel) -> None:
        self.person = person
        self.name_label = name_label
        self.buttons: dict[str, QPushButton] = {}
        self.group: QButtonGroup | None = None

    def show(self, agrees: bool | None) -> None:
        chosen = next(name for name, value in STATES if value is agrees)
        self.buttons[chosen].setChecked(True)


class StanceSheet(FittedDialog):
    """Who agrees with one card: a row per person, three one-tap states.

    Signals:
        stance_chosen(str, object): participant id and True (agrees), False
            (disagrees) or None (has not said); only when it differs from what is shown.
    """

    stance_chosen = Signal(str, object)

    def __init__(
        self,
        card_id: str,
        column: str,
        text: str,
        people: Sequence[Person],
        here: Collection[str],
        stances: Mapping[str, bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.card_id = card_id
        self.column = column
        self.setObjectName("stanceSheet")
        self.setWindowTitle(self.tr("Who agrees?"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._stances: dict[str, bool] = dict(stances)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(controls.title_label(self.tr("Who agrees, and who does not?")))
        shown = text if len(text) <= CARD_TEXT_SHOWN else text[: CARD_TEXT_SHOWN - 1] + "…"
        self.card_label = controls.text_label(f"“{display_text(shown)}”", "muted")
        self.card_label.setTextFormat(Qt.TextFormat.PlainText)  # case text is never markup
        layout.addWidget(self.card_label)

        # Those here today first: they are the ones asked at the table.
        present = [p for p in people if p.id in here]
        absent = [p for p in people if p.id not in here]
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(0, 1)
        self.absent_heading = QLabel(self.tr("Not here today"))
        self.absent_heading.setObjectName("subtitle")
        self.rows: dict[str, StanceRow] = {}
        line = 0
        for person in present:
            self._add_row(grid, line, person)
            line += 1
        if absent and present:
            grid.addWidget(self.absent_heading, line, 0, 1, 4)
            line += 1
        else:
            self.absent_heading.hide()
        for person in absent:
            self._add_row(grid, line, person)
            line += 1
        layout.addLayout(grid)
        layout.addStretch()

        self.done_button = controls.primary_button(self.tr("Done"))
        self.done_button.clicked.connect(self.accept)
        layout.addWidget(
            controls.button_box((self.done_button, QDialogButtonBox.ButtonRole.AcceptRole))
        )
        self.show_stances(self._stances)
        # No person's state looks picked out by the keyboard's ring when it opens.
        self.done_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_row(self, grid: QGridLayout, line: int, person: Person) -> None:
        name = QLabel(person.name)
        name.setObjectName("chip")
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setStyleSheet(chip_style(person))
        name.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        grid.addWidget(name, line, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row = StanceRow(person, name)
        row.group = QButtonGroup(self)
        row.group.setExclusive(True)
        titles = {
            "agree": self.tr("Agrees"),
            "disagree": self.tr("Disagrees"),
            "unsaid": self.tr("Not said"),
        }
        for column, (state, agrees) in enumerate(STATES, start=1):
            button = StanceButton(titles[state])
            button.setObjectName("stance")
            button.setProperty("stance", state)
            button.setCheckable(True)
            button.setAccessibleName(f"{person.name}: {titles[state]}")
            button.clicked.connect(partial(self._chosen, person.id, agrees))
            row.group.addButton(button)
            row.buttons[state] = button
            grid.addWidget(button, line, column)
        self.rows[person.id] = row

    # ---------------------------------------------------------------- showing
    def show_stances(self, stances: Mapping[str, bool]) -> None:
        """Show who agrees and who does not, as stored."""
        self._stances = dict(stances)
        for person_id, row in self.rows.items():
            row.show(self._stances.get(person_id))

    def show_changes(self, changes: Changes) -> None:
        """An edit of the meeting was saved or undone: show this card as it returned it.

        Its column returned without it (its adding undone, deleted): nothing is left
        to agree on, and the sheet closes.
        """
        returned = [*changes.cards, *(c for cards in changes.columns.values() for c in cards)]
        card = next((c for c in returned if c.id == self.card_id), None)
        if card is not None:
            self.column = card.column
            self.show_stances(card.stances)
        elif self.column in changes.columns:
            self.close()

    # ------------------------------------------------------------------ taps
    def _chosen(self, person_id: str, agrees: bool | None) -> None:
        if self._stances.get(person_id) is agrees:
            return  # already so: nothing to save
        self.stance_chosen.emit(person_id, agrees)
        # What is stored now: the new state if it was saved (show_changes came first),
        # the old one if it was refused.
        self.show_stances(self._stances)
