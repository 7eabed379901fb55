"""A card on the board, and the in-place editor used to write or change one."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QDrag, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
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


def display_text(text: str) -> str:
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


def chip_style(person: Person) -> str:
    background, foreground = theme.person_colours(person.index)
    return f"background: {background}; color: {foreground};"


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
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setProperty("primary", True)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.done_button.clicked.connect(self.finish)
        buttons.addStretch()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
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

    def eventFilter(self, watched: object, event: object) -> bool:
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
        return super().eventFilter(watched, event)  # type: ignore[arg-type]


class CardWidget(QFrame):
    """One card: kind, text in the family's words, whose words, who agrees or disagrees.

    Tap to edit; drag to move (mouse at once, touch after a long press); "⋯",
    long press or the Menu key opens the card menu.

    Signals:
        edit_requested(str): card id; the user tapped the card or pressed Enter/F2.
        menu_requested(str, QPoint): card id and global position for the card menu.
        delete_requested(str): Delete key on a focused card.
        move_requested(str, int): Ctrl+Up/Down moves the card by -1/+1.
    """

    edit_requested = Signal(str)
    menu_requested = Signal(str, QPoint)
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
        self._long_press = QTimer(self)
        self._long_press.setSingleShot(True)
        self._long_press.setInterval(LONG_PRESS_MS)
        self._long_press.timeout.connect(self._on_long_press)

        # Content on the left, the "⋯" button in its own column at the top right, so
        # a plain one-line card stays one line tall.
        layout = QGridLayout(self)
        layout.setContentsMargins(14, 10, 4, 12)
        layout.setHorizontalSpacing(4)
        layout.setVerticalSpacing(6)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("kind")
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("cardMenu")
        self.menu_button.setText("⋯")
        self.menu_button.setFixedSize(theme.TOUCH, theme.TOUCH)
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu_button.setAccessibleName(self.tr("Card menu"))
        self.menu_button.clicked.connect(self._open_menu_from_button)

        self.text_label = QLabel()
        self.text_label.setObjectName("cardText")
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)  # case text is never markup
        self.text_label.setWordWrap(True)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.whose_label = QLabel()
        self.whose_label.setObjectName("chip")
        self.agree_label = QLabel()
        self.agree_label.setObjectName("muted")
        self.agree_label.setWordWrap(True)
        self.disagree_label = QLabel()
        self.disagree_label.setObjectName("disagree")
        self.disagree_label.setWordWrap(True)
        content = QVBoxLayout()
        content.setSpacing(6)
        content.addWidget(self.kind_label)
        content.addWidget(self.text_label)
        chips = QHBoxLayout()
        chips.addWidget(self.whose_label)
        chips.addStretch()
        content.addLayout(chips)
        content.addWidget(self.agree_label)
        content.addWidget(self.disagree_label)
        layout.addLayout(content, 0, 0)
        layout.addWidget(self.menu_button, 0, 1, Qt.AlignmentFlag.AlignTop)
        layout.setColumnStretch(0, 1)
        self.set_data(data, force=True)

    def set_data(self, data: CardData, *, force: bool = False) -> None:
        if data == self.data and not force:
            return
        self.data = data
        self.setProperty("column", data.column)
        self.kind_label.setText(words.card_kind(data.kind).upper() if data.kind != "plain" else "")
        self.kind_label.setVisible(data.kind != "plain")
        self.text_label.setText(display_text(data.text))
        self.setAccessibleName(data.text)
        if data.whose_words is not None:
            self.whose_label.setText(data.whose_words.name)
            self.whose_label.setStyleSheet(chip_style(data.whose_words))
            self.whose_label.setToolTip(self.tr("Whose words"))
        self.whose_label.setVisible(data.whose_words is not None)
        if data.agree:
            self.agree_label.setText(
                self.tr("Agrees: %1").replace("%1", ", ".join(p.name for p in data.agree))
            )
        self.agree_label.setVisible(bool(data.agree))
        if data.disagree:
            self.disagree_label.setText(
                self.tr("Disagrees: %1").replace("%1", ", ".join(p.name for p in data.disagree))
            )
        self.disagree_label.setVisible(bool(data.disagree))

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
        self._long_press.stop()
        # A finger swipe scrolls the column; a finger drags a card only after a long press.
        if self._is_touch(event) and not self._long_pressed:
            self._press_pos = None
            event.ignore()
            return
        self._press_pos = None
        self._set_lifted(False)
        self.start_drag()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._long_press.stop()
        pressed_at = self._press_pos
        self._press_pos = None
        if pressed_at is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            if self._long_pressed:
                self._set_lifted(False)
                self.menu_requested.emit(self.data.id, self.mapToGlobal(pressed_at))
            else:
                self.edit_requested.emit(self.data.id)
            return
        super().mouseReleaseEvent(event)

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
