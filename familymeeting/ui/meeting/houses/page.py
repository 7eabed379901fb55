"""A child's Three Houses at a meeting: worries, good things, dreams.

The caseworker opens it from the meeting's ratings view and chooses the child; the
child draws in each house (``DrawingPad``) and says things the caseworker types. The
child decides, item by item, whether the parents may see it ("Må dine forældre se
det?", Ja / Nej, No until the child says yes); only a shared sentence can go on the
board ("Sæt på tavlen": a card in the house's column, in the child's words). The
wording never promises secrecy: what is not shared stays off the board and the child's
paper, but it is kept in the case, which parents can sometimes read.

Every change is an operation on the meeting's undo stack (``MeetingController.run``);
the page shows what the operation returned (``Changes.houses``), nothing is read again.
The papers: "Mine tre huse" with what the child shared, and the full one for the case
file (not in family view).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from familymeeting import palette
from familymeeting.domain.enums import House, HouseItemKind
from familymeeting.domain.errors import UserError
from familymeeting.domain.houses import strokes_from_json, strokes_to_json
from familymeeting.domain.text import file_name
from familymeeting.export.houses import render_houses
from familymeeting.messages import user_message
from familymeeting.storage import operations as ops
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.houses_data import build_houses
from familymeeting.storage.operations import Changes
from familymeeting.storage.records import HouseItemRecord, ParticipantRecord
from familymeeting.storage.services.houses import HOUSE_COLUMN
from familymeeting.ui import theme
from familymeeting.ui.controls import make_error_label, text_label, title_label
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.file_dialog import documents_folder, open_file_dialog
from familymeeting.ui.flow import FlowLayout
from familymeeting.ui.meeting.controller import MeetingController
from familymeeting.ui.meeting.houses.drawing import DrawingPad

WIDE = 900  # from this width on, the drawing and the sentences sit side by side


def house_title(house: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        House.WORRIES.value: QCoreApplication.translate("Houses", "Worries"),
        House.GOOD_THINGS.value: QCoreApplication.translate("Houses", "Good things"),
        House.DREAMS.value: QCoreApplication.translate("Houses", "Dreams"),
    }[house]


class ColourButton(QAbstractButton):
    """A crayon: a big round swatch of one colour; a ring when chosen."""

    def __init__(self, colour: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setCheckable(True)
        self.setFixedSize(theme.TOUCH + 4, theme.TOUCH + 4)
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(theme.TOUCH + 4, theme.TOUCH + 4)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        if self.isChecked():
            painter.setPen(QPen(QColor(palette.FOCUS), 4))
            painter.drawEllipse(QRectF(self.rect()).adjusted(2, 2, -2, -2))
        painter.setPen(QPen(QColor(palette.LINE), 1))
        painter.setBrush(QColor(self.colour))
        painter.drawEllipse(rect)
        painter.end()


class ShareChoice(QWidget):
    """ "Må dine forældre se det?" Ja / Nej: one tap.

    Signals: none; the page connects ``yes`` and ``no`` (their ``clicked``).
    """

    def __init__(self, question: str, shared: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = FlowLayout(self, spacing=8)
        row.setContentsMargins(0, 0, 0, 0)
        self.flow = row
        self.label = QLabel(question)
        self.label.setMinimumHeight(theme.TOUCH)
        self.label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
        self.yes = QPushButton(self.tr("Yes"))
        self.no = QPushButton(self.tr("No"))
        self.group = QButtonGroup(self)
        for button in (self.yes, self.no):
            button.setCheckable(True)
            button.setObjectName("viewSwitch")
            button.setMinimumHeight(theme.TOUCH)
            self.group.addButton(button)
        self.yes.setAccessibleName(f"{question} {self.tr('Yes')}")
        self.no.setAccessibleName(f"{question} {self.tr('No')}")
        (self.yes if shared else self.no).setChecked(True)
        # Ja and Nej wrap together, never one on each row.
        pair = QWidget()
        pair_row = QHBoxLayout(pair)
        pair_row.setContentsMargins(0, 0, 0, 0)
        pair_row.setSpacing(8)
        pair_row.addWidget(self.yes)
        pair_row.addWidget(self.no)
        row.addWidget(self.label)
        row.addWidget(pair)


class ListArea(QScrollArea):
    """The sentences scroll by themselves: they ask for a modest height, so the house
    (drawing and sentences) fits the screen instead of the whole dialog scrolling."""

    def sizeHint(self) -> QSize:
        return QSize(360, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)


class SentenceRow(QFrame):
    """One sentence: its words, the child's choice, to the board, change, delete."""

    def __init__(self, item: HouseItemRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(4)
        self.text = QLabel(item.text)
        self.text.setObjectName("cardText")
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.choice = ShareChoice(self.tr("May your parents see it?"), item.shared)
        row = self.choice.flow  # the actions follow the choice, and wrap where narrow
        if item.card_id is not None:
            self.board = QPushButton(self.tr("On the board ✓"))
            self.board.setEnabled(False)
        else:
            self.board = QPushButton(self.tr("Put on the board"))
            self.board.setEnabled(item.shared)
            if not item.shared:
                self.board.setToolTip(self.tr("Only what the child shares can go on the board"))
        self.edit = QPushButton(self.tr("Change"))
        self.delete = QPushButton(self.tr("Delete"))
        for button in (self.board, self.edit, self.delete):
            button.setMinimumHeight(theme.TOUCH)
            row.addWidget(button)
        layout.addWidget(self.choice)


class ThreeHousesDialog(FittedDialog):
    """A child's Three Houses at a meeting (opened by the caseworker).

    Signals: none beyond QDialog's; every change goes through the meeting's controller,
    whose ``changed`` the page and this dialog both follow.
    """

    def __init__(
        self,
        controller: MeetingController,
        children: list[ParticipantRecord],
        child_id: str | None = None,
        *,
        full_paper: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, preferred=QSize(1300, 760))
        self.controller = controller
        self.services = controller.services
        self.meeting_id = controller.meeting_id
        self.kids = children
        self.child_id = child_id or (children[0].id if children else "")
        self.house = House.WORRIES.value
        self.items: list[HouseItemRecord] = []
        self.rows: list[SentenceRow] = []
        self.editing: str | None = None  # the sentence being changed
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Three houses"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(8)
        top = QWidget()
        top_row = FlowLayout(top, spacing=8)
        top_row.setContentsMargins(0, 0, 0, 0)
        self.title = title_label(self.tr("Three houses"))
        self.title.setWordWrap(False)
        top_row.addWidget(self.title)
        self.child_group = QButtonGroup(self)
        self.child_buttons: dict[str, QPushButton] = {}
        for child in children:
            button = QPushButton(child.name)
            button.setCheckable(True)
            button.setObjectName("viewSwitch")
            button.setMinimumHeight(theme.TOUCH)
            button.setAccessibleName(self.tr("Houses of %1").replace("%1", child.name))
            button.clicked.connect(partial(self.show_child, child.id))
            self.child_group.addButton(button)
            self.child_buttons[child.id] = button
            top_row.addWidget(button)
        self.honest = text_label(
            self.tr(
                "You decide for each thing if your parents may see it. If you say yes, it "
                "can go on the board and on your paper. If you say no, it does not, but it "
                "is kept in your case, and parents can sometimes be allowed to read that."
            ),
            "muted",
        )

        spacer = QWidget()
        spacer.setFixedWidth(16)
        top_row.addWidget(spacer)
        tab_row = top_row
        self.house_group = QButtonGroup(self)
        self.house_buttons: dict[str, QPushButton] = {}
        for house in House:
            button = QPushButton(house_title(house.value))
            button.setCheckable(True)
            button.setObjectName("viewSwitch")
            button.setMinimumHeight(theme.TOUCH)
            button.clicked.connect(partial(self.show_house, house.value))
            self.house_group.addButton(button)
            self.house_buttons[house.value] = button
            tab_row.addWidget(button)
        layout.addWidget(top)
        layout.addWidget(self.honest)

        # The house: the drawing beside (or above) the sentences, in the column's colour.
        self.house_frame = QFrame()
        self.house_frame.setObjectName("column")
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.house_frame)
        self.body.setContentsMargins(12, 10, 12, 10)
        self.body.setSpacing(14)
        layout.addWidget(self.house_frame, 1)

        drawing = QWidget()
        drawing_layout = QVBoxLayout(drawing)
        drawing_layout.setContentsMargins(0, 0, 0, 0)
        drawing_layout.setSpacing(6)
        tools = QWidget()
        tool_row = FlowLayout(tools, spacing=6)
        tool_row.setContentsMargins(0, 0, 0, 0)
        self.tool_group = QButtonGroup(self)
        self.colour_buttons: list[ColourButton] = []
        for index, colour in enumerate(palette.CHILD_INK):
            crayon = ColourButton(colour, self.tr("Colour %1").replace("%1", str(index + 1)))
            crayon.clicked.connect(partial(self._choose_colour, colour))
            self.tool_group.addButton(crayon)
            self.colour_buttons.append(crayon)
            tool_row.addWidget(crayon)
        self.eraser = QPushButton(self.tr("Eraser"))
        self.eraser.setCheckable(True)
        self.eraser.setObjectName("viewSwitch")
        self.eraser.setToolTip(self.tr("Takes away each line it touches"))
        self.eraser.clicked.connect(self._choose_eraser)
        self.tool_group.addButton(self.eraser)
        self.undo_button = QPushButton(self.tr("Undo line"))
        for button in (self.eraser, self.undo_button):
            button.setMinimumHeight(theme.TOUCH + 8)
            tool_row.addWidget(button)
        self.undo_button.clicked.connect(self._undo_line)
        self.colour_buttons[0].setChecked(True)
        drawing_layout.addWidget(tools)
        self.pad = DrawingPad()
        self.pad.setAccessibleName(self.tr("Drawing"))
        self.pad.stroke_finished.connect(self._save_drawing)
        self.pad.full.connect(self._drawing_full)
        drawing_layout.addWidget(self.pad, 1)
        self.drawing_choice_box = QWidget()
        self.drawing_choice_layout = QVBoxLayout(self.drawing_choice_box)
        self.drawing_choice_layout.setContentsMargins(0, 0, 0, 0)
        self.drawing_choice: ShareChoice | None = None
        drawing_layout.addWidget(self.drawing_choice_box)
        self.body.addWidget(drawing, 3)

        words = QWidget()
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 0, 0, 0)
        words_layout.setSpacing(6)
        self.words_title = QLabel(self.tr("What the child says"))
        self.words_title.setObjectName("subtitle")
        words_layout.addWidget(self.words_title)
        self.scroll_area = ListArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setObjectName("cards")
        self.list_widget = QWidget()
        self.list_widget.setObjectName("cardsContainer")
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 4, 0)
        self.list_layout.setSpacing(8)
        self.list_layout.addStretch()
        self.scroll_area.setWidget(self.list_widget)
        QScroller.grabGesture(
            self.scroll_area.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        words_layout.addWidget(self.scroll_area, 1)
        add_row = QHBoxLayout()
        self.sentence_edit = QLineEdit()
        self.sentence_edit.setPlaceholderText(self.tr("Type what the child says"))
        self.sentence_edit.setAccessibleName(self.tr("What the child says"))
        self.sentence_edit.setMinimumHeight(theme.TOUCH)
        self.sentence_edit.returnPressed.connect(self.add_sentence)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setMinimumHeight(theme.TOUCH)
        self.add_button.clicked.connect(self.add_sentence)
        add_row.addWidget(self.sentence_edit, 1)
        add_row.addWidget(self.add_button)
        words_layout.addLayout(add_row)
        self.body.addWidget(words, 2)

        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        self.status_label = text_label("", "muted")
        self.status_label.hide()
        layout.addWidget(self.status_label)
        # A row that wraps (large text, upright tablet): every button stays whole.
        self.buttons = QWidget()
        button_row = FlowLayout(self.buttons, spacing=8)
        button_row.setContentsMargins(0, 0, 0, 0)
        self.shared_button = QPushButton(self.tr("The child's paper (PDF)…"))
        self.shared_button.setToolTip(self.tr("My three houses: only what the child shared"))
        self.shared_button.clicked.connect(partial(self.save_paper_with_dialog, False))
        self.full_button = QPushButton(self.tr("For the case file (PDF)…"))
        self.full_button.setToolTip(self.tr("Everything, also what the child did not share"))
        self.full_button.clicked.connect(partial(self.save_paper_with_dialog, True))
        self.full_button.setVisible(full_paper)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        for button in (self.shared_button, self.full_button, self.close_button):
            button.setAutoDefault(False)
            button.setMinimumHeight(theme.TOUCH)
            button_row.addWidget(button)
        layout.addWidget(self.buttons)

        controller.changed.connect(self._changed)
        controller.failed.connect(self._failed)
        self.house_buttons[self.house].setChecked(True)
        if self.child_id:
            self.show_child(self.child_id)

    # ------------------------------------------------------------------ showing
    def show_child(self, child_id: str) -> None:
        self.child_id = child_id
        if child_id in self.child_buttons:
            self.child_buttons[child_id].setChecked(True)
        self.items = self.services.list_house_items(self.meeting_id, child_id)
        self._show_house(reset_pad=True)

    def show_house(self, house: str) -> None:
        self.house = house
        self.house_buttons[house].setChecked(True)
        self._show_house(reset_pad=True)

    def drawing_item(self) -> HouseItemRecord | None:
        return next(
            (
                i
                for i in self.items
                if i.house == self.house and i.kind == HouseItemKind.DRAWING.value
            ),
            None,
        )

    def sentences(self) -> list[HouseItemRecord]:
        return [
            i for i in self.items if i.house == self.house and i.kind == HouseItemKind.TEXT.value
        ]

    def _show_house(self, *, reset_pad: bool) -> None:
        self.error_label.hide()
        self.house_frame.setProperty("column", HOUSE_COLUMN[House(self.house)].value)
        self.house_frame.style().unpolish(self.house_frame)
        self.house_frame.style().polish(self.house_frame)
        drawing = self.drawing_item()
        stored = strokes_from_json(drawing.strokes) if drawing is not None else ()
        if reset_pad or stored != self.pad.strokes():
            self.pad.set_strokes(stored, keep_history=not reset_pad)
        self._show_drawing_choice(drawing)
        self._show_sentences()

    def _show_drawing_choice(self, drawing: HouseItemRecord | None) -> None:
        # Always there (greyed out until there is a drawing): the pad never jumps when
        # the first line is drawn.
        if self.drawing_choice is not None:
            self.drawing_choice.deleteLater()
        choice = ShareChoice(
            self.tr("May your parents see the drawing?"),
            drawing is not None and drawing.shared,
        )
        if drawing is None:
            choice.setEnabled(False)
        else:
            choice.yes.clicked.connect(partial(self.set_shared, drawing.id, True))
            choice.no.clicked.connect(partial(self.set_shared, drawing.id, False))
        self.drawing_choice_layout.addWidget(choice)
        self.drawing_choice = choice

    def _show_sentences(self) -> None:
        for row in self.rows:
            row.deleteLater()
        self.rows = []
        for item in self.sentences():
            row = SentenceRow(item)
            row.choice.yes.clicked.connect(partial(self.set_shared, item.id, True))
            row.choice.no.clicked.connect(partial(self.set_shared, item.id, False))
            row.board.clicked.connect(partial(self.to_board, item.id))
            row.edit.clicked.connect(partial(self.start_edit, item.id))
            row.delete.clicked.connect(partial(self.delete_item, item.id))
            self.list_layout.insertWidget(self.list_layout.count() - 1, row)
            self.rows.append(row)

    def _changed(self, changes: Changes) -> None:
        if changes.houses is None:
            return
        if changes.houses and changes.houses[0].participant_id != self.child_id:
            return
        self.items = list(changes.houses)
        self._show_house(reset_pad=False)

    def _failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # ------------------------------------------------------------------ edits
    def _run(self, text: str, operation: ops.Operation) -> bool:
        self.error_label.hide()
        return self.controller.run(text, operation) is not None

    def add_sentence(self) -> bool:
        """Add what is typed (or store the change of the sentence being changed)."""
        text = self.sentence_edit.text()
        if self.editing is not None:
            done = self._run(self.tr("Change a sentence"), ops.SetHouseText(self.editing, text))
        else:
            op = ops.AddHouseSentence(self.meeting_id, self.child_id, self.house, text)
            done = self._run(self.tr("Add a sentence"), op)
        if done:
            self.editing = None
            self.add_button.setText(self.tr("Add"))
            self.sentence_edit.clear()
        return done

    def start_edit(self, item_id: str) -> None:
        item = next(i for i in self.items if i.id == item_id)
        self.editing = item_id
        self.sentence_edit.setText(item.text)
        self.add_button.setText(self.tr("Save"))
        self.sentence_edit.setFocus()

    def set_shared(self, item_id: str, shared: bool) -> bool:
        op = ops.SetHouseShared(item_id, shared)
        if not self._run(self.tr("May the parents see it"), op):
            self._show_house(reset_pad=False)  # the buttons show what is stored
            return False
        return True

    def to_board(self, item_id: str) -> bool:
        return self._run(self.tr("Put on the board"), ops.HouseToBoard(item_id))

    def delete_item(self, item_id: str) -> bool:
        if self.editing == item_id:
            self.editing = None
            self.add_button.setText(self.tr("Add"))
            self.sentence_edit.clear()
        return self._run(self.tr("Delete a sentence"), ops.DeleteHouseItem(item_id))

    def _save_drawing(self) -> None:
        try:
            strokes = strokes_to_json(self.pad.strokes())
        except UserError as exc:
            self._failed(user_message(exc))
            return
        op = ops.SaveHouseDrawing(self.meeting_id, self.child_id, self.house, strokes)
        if not self._run(self.tr("Drawing"), op):
            self._show_house(reset_pad=True)  # show the drawing as stored

    def _drawing_full(self) -> None:
        self._failed(self.tr("The drawing is full. Take a line away to draw more."))

    def _choose_colour(self, colour: str) -> None:
        self.pad.set_colour(colour)

    def _choose_eraser(self) -> None:
        self.pad.set_erasing(True)

    def _undo_line(self) -> None:
        self.pad.undo()

    # ------------------------------------------------------------------ papers
    def paper_pdf(self, full: bool) -> bytes:
        paper = build_houses(self.services, self.meeting_id, self.child_id, full=full)
        return render_houses(paper).pdf

    def save_paper_to(self, path: Path, full: bool) -> bool:
        try:
            write_atomic(path, self.paper_pdf(full))
        except UserError as exc:
            self._failed(user_message(exc))
            return False
        detail = "app full" if full else "app shared"
        self.services.record_meeting_event("export_houses", self.meeting_id, detail)
        self.status_label.setText(self.tr("Saved in %1").replace("%1", str(path)))
        self.status_label.show()
        return True

    def suggested_name(self, full: bool) -> str:
        child = next((c.name for c in self.kids if c.id == self.child_id), "")
        title = self.tr("For the case file") if full else self.tr("My three houses")
        return f"{file_name(f'{title} {child}', fallback='houses')}.pdf"

    def save_paper_with_dialog(self, full: bool) -> QFileDialog:
        self.file_dialog = open_file_dialog(
            self,
            self.tr("Save the three houses"),
            documents_folder() / self.suggested_name(full),
            self.tr("PDF files (*.pdf)"),
            partial(self._paper_chosen, full),
            save_suffix="pdf",
        )
        return self.file_dialog

    def _paper_chosen(self, full: bool, path: Path) -> None:
        self.file_dialog = None
        self.save_paper_to(path, full)

    # ------------------------------------------------------------------ layout
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() >= WIDE
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.body.direction() != direction:
            self.body.setDirection(direction)


__all__ = ["ColourButton", "ShareChoice", "ThreeHousesDialog", "house_title"]
