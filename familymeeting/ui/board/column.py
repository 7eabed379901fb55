"""One column of the board: title, a big "+", and a scrollable list of cards."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from familymeeting.ui import theme, words
from familymeeting.ui.board.card import CARD_MIME, CardData, CardEditor, CardWidget


class ColumnWidget(QFrame):
    """A board column. Keeps one CardWidget per card and reuses it across refreshes.

    Signals:
        add_requested(str, str): column, text of a new card written in the "+" editor.
        edit_finished(str, str): card id and new text from an in-place edit.
        drop_requested(str, str, int): card id dropped here, column, index.
        menu_requested(str, QPoint), delete_requested(str), move_requested(str, int):
            forwarded from the cards.
    """

    add_requested = Signal(str, str)
    edit_finished = Signal(str, str)
    drop_requested = Signal(str, str, int)
    menu_requested = Signal(str, QPoint)
    delete_requested = Signal(str)
    move_requested = Signal(str, int)

    def __init__(self, column: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = column
        self.setObjectName("column")
        self.setProperty("column", column)
        self.setMinimumWidth(230)
        self.cards: dict[str, CardWidget] = {}
        self.order: list[str] = []
        self.editor: CardEditor | None = None
        self.editing_card: str | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.setSpacing(8)
        self.title = QLabel(words.column_title(column))
        self.title.setObjectName("columnTitle")
        self.title.setProperty("column", column)
        self.title.setWordWrap(True)
        self.hint = QLabel(words.column_hint(column))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("+  Add"))
        self.add_button.setObjectName("addCard")
        self.add_button.setMinimumHeight(56)
        self.add_button.setAccessibleName(
            self.tr("Add a card to: %1").replace("%1", words.column_title(column))
        )
        self.add_button.clicked.connect(self.open_new_card_editor)
        outer.addWidget(self.title)
        outer.addWidget(self.hint)
        outer.addWidget(self.add_button)

        self.scroll = QScrollArea()
        self.scroll.setObjectName("cards")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.viewport().setAutoFillBackground(False)
        self.container = QWidget()
        self.container.setObjectName("cardsContainer")
        self.container.setAutoFillBackground(False)
        self.container.setAcceptDrops(True)
        self.container.installEventFilter(self)
        self.cards_layout = QVBoxLayout(self.container)
        self.cards_layout.setContentsMargins(0, 0, 4, 0)
        self.cards_layout.setSpacing(10)
        self.cards_layout.addStretch()
        self.scroll.setWidget(self.container)
        QScroller.grabGesture(self.scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        outer.addWidget(self.scroll, 1)

        self.drop_marker = QFrame(self.container)
        self.drop_marker.setFixedHeight(4)
        self.drop_marker.setStyleSheet(
            f"background: {theme.COLUMNS[column].accent}; border-radius: 2px;"  # type: ignore[index]
        )
        self.drop_marker.hide()

    def event(self, event: QEvent) -> bool:
        # Keep the hints two lines tall in every column, so the three "+" line up.
        if event.type() in (QEvent.Type.Show, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.hint.ensurePolished()
            self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing() * 2 + 2)
        return super().event(event)

    # ------------------------------------------------------------- refreshing
    def set_cards(self, cards: Sequence[CardData]) -> None:
        """Show exactly these cards in this order, reusing widgets by card id."""
        wanted = [c.id for c in cards]
        for gone in set(self.cards) - set(wanted):
            widget = self.cards.pop(gone)
            self.cards_layout.removeWidget(widget)
            widget.deleteLater()
            if self.editing_card == gone:
                self.close_editor()
        for data in cards:
            widget = self.cards.get(data.id)
            if widget is None:
                widget = CardWidget(data)
                widget.edit_requested.connect(self.open_card_editor)
                widget.menu_requested.connect(self.menu_requested)
                widget.delete_requested.connect(self.delete_requested)
                widget.move_requested.connect(self.move_requested)
                self.cards[data.id] = widget
            else:
                widget.set_data(data)
        if wanted != self.order:
            self._relayout(wanted)
        for card_id in wanted:
            if card_id != self.editing_card:
                self.cards[card_id].show()

    def _relayout(self, wanted: list[str]) -> None:
        """Put the card widgets (and an open editor) into the layout in board order."""
        for card_id in self.order:
            if card_id in self.cards:
                self.cards_layout.removeWidget(self.cards[card_id])
        if self.editor is not None:
            self.cards_layout.removeWidget(self.editor)
        previous: QWidget = self.add_button
        for index, card_id in enumerate(wanted):
            card = self.cards[card_id]
            self.cards_layout.insertWidget(index, card)
            # Tab goes down the cards as they are shown, then on to the next column.
            QWidget.setTabOrder(previous, card)
            previous = card
        self.order = wanted
        if self.editor is not None:
            at = 0
            if self.editing_card is not None and self.editing_card in self.cards:
                at = self.cards_layout.indexOf(self.cards[self.editing_card])
            self.cards_layout.insertWidget(at, self.editor)

    # ---------------------------------------------------------------- editing
    def open_new_card_editor(self) -> None:
        if self.editor is not None and self.editing_card is None:
            self.editor.start()
            return
        # Another card is being written: save it first, never drop its words.
        self.commit_editor()
        if self.editor is not None:  # it could not be saved; keep it on screen
            return
        self.editor = CardEditor()
        self.editor.done.connect(self._new_card_done)
        self.editor.cancelled.connect(self.close_editor)
        self.cards_layout.insertWidget(0, self.editor)
        self.scroll.verticalScrollBar().setValue(0)
        self.editor.start()

    def open_card_editor(self, card_id: str) -> None:
        if self.editing_card == card_id:
            return
        self.commit_editor()
        widget = self.cards.get(card_id)
        if widget is None or self.editor is not None:
            return
        self.editing_card = card_id
        self.editor = CardEditor(widget.data.text)
        self.editor.done.connect(lambda text: self._card_edit_done(card_id, text))
        self.editor.cancelled.connect(self.close_editor)
        self.cards_layout.insertWidget(self.cards_layout.indexOf(widget), self.editor)
        widget.hide()
        self.editor.start()
        self.scroll.ensureWidgetVisible(self.editor)

    # The board closes the editor (close_editor) once the words are saved; if saving
    # is refused the editor stays open with the words in it.
    def _new_card_done(self, text: str) -> None:
        self.add_requested.emit(self.column, text)

    def _card_edit_done(self, card_id: str, text: str) -> None:
        self.edit_finished.emit(card_id, text)

    def close_editor(self) -> None:
        if self.editor is None:
            return
        editor, self.editor = self.editor, None
        self.cards_layout.removeWidget(editor)
        editor.hide()
        editor.deleteLater()
        if self.editing_card is not None and self.editing_card in self.cards:
            card = self.cards[self.editing_card]
            card.show()
            card.setFocus()
        self.editing_card = None

    def commit_editor(self) -> None:
        """Save what is typed in an open editor (leaving the board must not lose words)."""
        if self.editor is not None:
            self.editor.finish()

    def is_editing(self) -> bool:
        return self.editor is not None

    # ----------------------------------------------------------- drag and drop
    def _index_at(self, y: int) -> int:
        """Where a card dropped at height y (container coordinates) would go."""
        for index, card_id in enumerate(self.order):
            widget = self.cards[card_id]
            if widget.isVisible() and y < widget.y() + widget.height() / 2:
                return index
        return len(self.order)

    def _show_marker(self, index: int) -> None:
        if index < len(self.order):
            y = self.cards[self.order[index]].y() - 7
        elif self.order:
            last = self.cards[self.order[-1]]
            y = last.y() + last.height() + 3
        else:
            y = 2
        self.drop_marker.setGeometry(0, max(0, y), self.container.width() - 4, 4)
        self.drop_marker.raise_()
        self.drop_marker.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.container:
            kind = event.type()
            if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
                if event.mimeData().hasFormat(CARD_MIME):
                    event.acceptProposedAction()
                    self._show_marker(self._index_at(event.position().toPoint().y()))
                    return True
            elif kind == QEvent.Type.DragLeave:
                self.drop_marker.hide()
            elif kind == QEvent.Type.Drop:
                assert isinstance(event, QDropEvent)
                self.drop_marker.hide()
                if event.mimeData().hasFormat(CARD_MIME):
                    card_id = bytes(event.mimeData().data(CARD_MIME).data()).decode("ascii")
                    index = self._index_at(event.position().toPoint().y())
                    # Dropping below itself in the same column: the card leaves its old place.
                    if card_id in self.order and self.order.index(card_id) < index:
                        index -= 1
                    event.acceptProposedAction()
                    self.drop_requested.emit(card_id, self.column, index)
                    return True
        return super().eventFilter(watched, event)
