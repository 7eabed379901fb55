"""A card on the board, and the in-place editor used to write or change one."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QDrag, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.ui import theme, words

CARD_MIME = "application/x-familymeeting-card"
LONG_PRESS_MS = 550

# Insert a zero-width space into very long unbroken runs so a pasted link or a
# 300-letter "word" wraps inside the card instead of widening the column.
LONG_RUN = 24
_ZWJ = "\u200d"


def _joins_previous(ch: str) -> bool:
    """Characters that belong to the one before them on screen (never break before)."""
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch == _ZWJ
        or "\ufe00" <= ch <= "\ufe0f"  # variation selectors
        or "\U0001f3fb" <= ch <= "\U0001f3ff"  # skin tones
        or "\U000e0020" <= ch <= "\U000e007f"  # emoji tag characters
    )


_LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN + 1},}}")


def display_text(text: str) -> str:
    # Most cards have no long run at all; the character loop below is the slow path.
    if _LONG_RUN_RE.search(text) is None:
        return text
    out: list[str] = []
    run = 0
    for i, ch in enumerate(text):
        if ch.isspace():
            run = 0
        elif run >= LONG_RUN and not _joins_previous(ch) and text[i - 1] != _ZWJ:
            out.append("\u200b")
            run = 0
        out.append(ch)
        if not ch.isspace():
            run += 1
    return "".join(out)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    index: int  # position in the family, picks the chip colour


@dataclass(frozen=True)
class CardData:
    id: str
    column: str
    kind: str
    text: str
    whose_words: Person | None
    agree: tuple[Person, ...] = field(default_factory=tuple)
    disagree: tuple[Person, ...] = field(default_factory=tuple)
    in_plan: bool = False  # a line of the plan was made from it


def chip_style(person: Person) -> str:
    background, foreground = theme.person_colours(person.index)
    return f"background: {background}; color: {foreground};"


# Heights of card texts by look (font, margins, screen), words (hashed) and width,
# shared by all cards: a board opened again needs no text laid out. Bounded.
_TEXT_HEIGHTS: dict[tuple[object, int, int], int] = {}
_TEXT_HEIGHTS_MAX = 20_000
_WIDTHS_PER_LABEL = 4  # a layout pass asks for one or two; a window being resized, many


def forget_text_heights() -> None:
    """Drop the shared heights (on lock: they are derived from case text, if hashed)."""
    _TEXT_HEIGHTS.clear()


class CardText(QLabel):
    """The card's words: a word-wrapped label that remembers its height for a width.

    QLabel lays its text out again for every heightForWidth() call, and the layouts
    of a column ask each card several times, at several widths, while a board
    opens. The answer changes only with the words or the look; any change event
    (font, style, screen) may change the look, so it is worked out again after one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = ""
        self._look: tuple[object, ...] | None = None
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:
        self._words = text
        self._heights.clear()
        super().setText(text)

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            if self._look is None:
                margins = self.contentsMargins()
                self._look = (
                    self.font().key(),
                    self.wordWrap(),
                    self.logicalDpiY(),
                    margins.left(),
                    margins.top(),
                    margins.right(),
                    margins.bottom(),
                    self.margin(),
                    self.indent(),
                )
            key = (self._look, hash(self._words), width)  # no case text kept here
            height = _TEXT_HEIGHTS.get(key)
            if height is None:
                height = super().heightForWidth(width)
                if len(_TEXT_HEIGHTS) >= _TEXT_HEIGHTS_MAX:
                    _TEXT_HEIGHTS.clear()
                _TEXT_HEIGHTS[key] = height
            if len(self._heights) >= _WIDTHS_PER_LABEL:
                self._heights.clear()
            self._heights[width] = height
        return height

    def clear(self) -> None:
        self.setText("")

    def changeEvent(self, event: QEvent) -> None:
        self._look = None
        self._heights.clear()
        super().changeEvent(event)


class CardEditor(QFrame):
    """Text box with Done and Cancel: Enter saves, Shift+Enter is a new line, Esc cancels.

    Signals:
        done(str): the text to save.
        cancelled(): the user cancelled.
    """

    done = Signal(str)
    cancelled = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        self.edit = QPlainTextEdit()
        self.edit.setPlainText(text)
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(self.tr("Write in your own words…"))
        self.edit.setMinimumHeight(96)
        self.edit.installEventFilter(self)
        layout.addWidget(self.edit)
        # In the platform's order, as in every dialog.
        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.done_button = QPushButton(self.tr("Done"))
        buttons.addButton(self.done_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.done_button.setProperty("primary", True)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.done_button.clicked.connect(self.finish)
        layout.addWidget(buttons)
        cursor = self.edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.edit.setTextCursor(cursor)

    def start(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self) -> None:
        """Done: emit the text, or cancel when nothing was written."""
        text = self.edit.toPlainText()
        if text.strip():
            self.done.emit(text)
        else:
            self.cancelled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
        ):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            ):
                self.finish()
                return True
            if key == Qt.Key.Key_Escape:
                self.cancelled.emit()
                return True
        return super().eventFilter(watched, event)


class CardWidget(QFrame):
    """One card: kind, text in the family's words, whose words, who agrees or disagrees.

    Tap to edit; drag to move (mouse at once, touch after a long press); "⋯",
    long press or the Menu key opens the card menu; a tap on who agrees or disagrees
    opens the sheet where that is changed.

    Signals:
        edit_requested(str): card id; the user tapped the card or pressed Enter/F2.
        menu_requested(str, QPoint): card id and global position for the card menu.
        stances_requested(str): card id; the user tapped "Agrees: …" or "Disagrees: …".
        delete_requested(str): Delete key on a focused card.
        move_requested(str, int): Ctrl+Up/Down moves the card by -1/+1.
    """

    edit_requested = Signal(str)
    menu_requested = Signal(str, QPoint)
    stances_requested = Signal(str)
    delete_requested = Signal(str)
    move_requested = Signal(str, int)

    def __init__(self, data: CardData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.data = data
        self._press_pos: QPoint | None = None
        self._long_pressed = False
        self._long_press: QTimer | None = None  # made on the first press

        # Content on the left, the "⋯" button in its own column at the top right, so
        # a plain one-line card stays one line tall.
        self._grid = layout = QGridLayout(self)
        layout.setContentsMargins(14, 10, 4, 12)
        layout.setHorizontalSpacing(4)
        layout.setVerticalSpacing(6)
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("cardMenu")
        self.menu_button.setText("⋯")
        self.menu_button.setFixedSize(theme.TOUCH, theme.TOUCH)
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu_button.setAccessibleName(self.tr("Card menu"))
        self.menu_button.clicked.connect(self._open_menu_from_button)

        self.text_label = CardText()
        self.text_label.setObjectName("cardText")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)  # case text is never markup
        self.text_label.setWordWrap(True)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        # Kind, whose words, agrees and disagrees are made when a card first needs them:
        # most cards show only some, and every label costs time when a board opens.
        self.kind_label: QLabel | None = None
        self.whose_label: QLabel | None = None
        self.agree_label: QLabel | None = None
        self.disagree_label: QLabel | None = None
        self.plan_label: QLabel | None = None  # "In the plan ✓"
        # The colours the chip is styled in (kept while hidden): a reused widget whose
        # chip already has them needs no restyling.
        self.chip_colours: tuple[str, str] | None = None
        self._content = QVBoxLayout()
        self._content.setSpacing(6)
        self._content.addWidget(self.text_label)
        self._chips = QHBoxLayout()
        self._chips.addStretch()
        self._content.addLayout(self._chips)
        layout.addLayout(self._content, 0, 0)
        layout.addWidget(self.menu_button, 0, 1, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(0, 1)
        self._show(data, None)

    def _label(self, name: str, *, wrap: bool = False) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(wrap)
        return label

    def set_data(self, data: CardData) -> None:
        """Show this card; a widget reused for another card is reset first."""
        if data == self.data:
            return
        old = self.data
        if old.id != data.id:
            self._reset_gesture()
        self.data = data
        # Showing or hiding a label lays the visible card out at once, once per label;
        # lay it out once, later, instead.
        self._grid.setEnabled(False)
        try:
            self._show(data, old)
        finally:
            self._grid.setEnabled(True)

    def blank(self) -> None:
        """Forget the card shown (kept hidden for reuse, it holds no family's words)."""
        self.set_data(
            CardData(id="", column=self.data.column, kind="plain", text="", whose_words=None)
        )

    def _show(self, data: CardData, old: CardData | None) -> None:
        """Update only what differs from ``old`` (None: everything).

        A hidden label is emptied too: a reused widget keeps no other card's words.
        """
        if old is None or old.column != data.column:
            self.setProperty("column", data.column)
        if old is None or old.kind != data.kind:
            plain = data.kind == "plain"
            if not plain and self.kind_label is None:
                self.kind_label = self._label("kind")
                self._content.insertWidget(0, self.kind_label)
            if self.kind_label is not None:
                self.kind_label.setText("" if plain else words.card_kind(data.kind).upper())
                self.kind_label.setVisible(not plain)
        if old is None or old.text != data.text:
            self.text_label.setText(display_text(data.text))
            self.setAccessibleName(data.text)
        if old is None or old.whose_words != data.whose_words:
            self._show_whose(data.whose_words)
        if old is None or old.agree != data.agree:
            if data.agree and self.agree_label is None:
                self.agree_label = self._label("muted", wrap=True)
                # Below the chips row, above "disagrees".
                at = self._content.indexOf(self.text_label) + 2
                self._content.insertWidget(at, self.agree_label)
            if self.agree_label is not None:
                names = ", ".join(p.name for p in data.agree)
                self.agree_label.setText(
                    self.tr("Agrees: %1").replace("%1", names) if names else ""
                )
                self.agree_label.setVisible(bool(data.agree))
        if old is None or old.disagree != data.disagree:
            if data.disagree and self.disagree_label is None:
                self.disagree_label = self._label("disagree", wrap=True)
                self._content.addWidget(self.disagree_label)
            if self.disagree_label is not None:
                names = ", ".join(p.name for p in data.disagree)
                self.disagree_label.setText(
                    self.tr("Disagrees: %1").replace("%1", names) if names else ""
                )
                self.disagree_label.setVisible(bool(data.disagree))

        shown = data.in_plan or self.plan_label is not None
        if (old is None or old.in_plan != data.in_plan) and shown:
            if self.plan_label is None:
                self.plan_label = self._label("inPlan")
                self.plan_label.setText(self.tr("In the plan ✓"))
                # After whose words, before the row's stretch.
                self._chips.insertWidget(self._chips.count() - 1, self.plan_label)
            self.plan_label.setVisible(data.in_plan)

    def _show_whose(self, person: Person | None) -> None:
        if person is not None and self.whose_label is None:
            self.whose_label = self._label("chip")
            self.whose_label.setToolTip(self.tr("Whose words"))
            self._chips.insertWidget(0, self.whose_label)
        if self.whose_label is None:
            return
        self.whose_label.setText(person.name if person is not None else "")
        if person is not None:
            # A style sheet of its own re-polishes the label: only when the colours change.
            colours = theme.person_colours(person.index)
            if colours != self.chip_colours:
                self.whose_label.setStyleSheet(chip_style(person))
                self.chip_colours = colours
        self.whose_label.setVisible(person is not None)

    # ------------------------------------------------------------ interaction
    def _open_menu_from_button(self) -> None:
        self.menu_requested.emit(
            self.data.id, self.menu_button.mapToGlobal(QPoint(0, self.menu_button.height()))
        )

    def _on_long_press(self) -> None:
        # Held still: the card "lifts". Moving now drags it; letting go opens its menu.
        if self._press_pos is not None:
            self._long_pressed = True
            self._set_lifted(True)

    def _stop_long_press(self) -> None:
        if self._long_press is not None:
            self._long_press.stop()

    def _reset_gesture(self) -> None:
        """A press, hold or lift belongs to the card it started on, not the next one shown."""
        self._stop_long_press()
        self._press_pos = None
        self._long_pressed = False
        self._set_lifted(False)

    def _set_lifted(self, lifted: bool) -> None:
        if bool(self.property("selected")) != lifted:
            self.setProperty("selected", lifted)
            self.style().unpolish(self)
            self.style().polish(self)

    def _is_touch(self, event: QMouseEvent) -> bool:
        return event.source() != Qt.MouseEventSource.MouseEventNotSynthesized

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = event.position().toPoint()
            self._long_pressed = False
            if self._long_press is None:
                self._long_press = QTimer(self)
                self._long_press.setSingleShot(True)
                self._long_press.setInterval(LONG_PRESS_MS)
                self._long_press.timeout.connect(self._on_long_press)
            self._long_press.start()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press_pos is None:
            return
        moved = (event.position().toPoint() - self._press_pos).manhattanLength()
        if moved < QApplication.startDragDistance():
            return
        self._stop_long_press()
        # A finger swipe scrolls the column; a finger drags a card only after a long press.
        if self._is_touch(event) and not self._long_pressed:
            self._press_pos = None
            event.ignore()
            return
        self._press_pos = None
        self._set_lifted(False)
        self.start_drag()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._stop_long_press()
        pressed_at = self._press_pos
        self._press_pos = None
        if pressed_at is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            if self._long_pressed:
                self._set_lifted(False)
                self.menu_requested.emit(self.data.id, self.mapToGlobal(pressed_at))
            elif self._on_stances(pressed_at):
                self.stances_requested.emit(self.data.id)
            else:
                self.edit_requested.emit(self.data.id)
            return
        super().mouseReleaseEvent(event)

    def _on_stances(self, pos: QPoint) -> bool:
        """Whether ``pos`` (card coordinates) is on who agrees or who disagrees."""
        return any(
            label is not None and label.isVisible() and label.geometry().contains(pos)
            for label in (self.agree_label, self.disagree_label)
        )

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # Right click, Shift+F10 or the Menu key: the same menu as "⋯".
        self.menu_requested.emit(self.data.id, event.globalPos())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit(self.data.id)
        elif key == Qt.Key.Key_Delete:
            self.delete_requested.emit(self.data.id)
        elif key == Qt.Key.Key_Menu:
            self.menu_requested.emit(self.data.id, self.mapToGlobal(QPoint(20, 20)))
        elif ctrl and key == Qt.Key.Key_Up:
            self.move_requested.emit(self.data.id, -1)
        elif ctrl and key == Qt.Key.Key_Down:
            self.move_requested.emit(self.data.id, 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def start_drag(self) -> None:
        mime = QMimeData()
        mime.setData(CARD_MIME, self.data.id.encode("ascii"))
        drag = QDrag(self)
        drag.setMimeData(mime)
        picture = QPixmap(self.size())
        picture.fill(Qt.GlobalColor.transparent)
        self.render(picture)
        drag.setPixmap(picture.scaledToWidth(max(1, int(self.width() * 0.9))))
        drag.setHotSpot(QPoint(20, 20))
        drag.exec(Qt.DropAction.MoveAction)
