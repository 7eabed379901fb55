"""One column of the board: title, a big "+", and a scrollable list of cards."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.enums import Column
from familymeeting.ui import theme, words
from familymeeting.ui.meeting.board.card import CARD_MIME, CardData, CardEditor, CardWidget

# Card widgets a column keeps, hidden, when a meeting with fewer cards is shown: the
# next larger board reuses them instead of building new ones. Bounded, so memory is too.
SPARE_CARDS = 64


def chip_key(data: CardData) -> tuple[str, str] | None:
    return None if data.whose_words is None else theme.person_colours(data.whose_words.index)


class ColumnWidget(QFrame):
    """A board column. Keeps one CardWidget per card and reuses it across refreshes.

    Signals:
        add_requested(str, str): column, text of a new card written in the "+" editor.
        edit_finished(str, str): card id and new text from an in-place edit.
        drop_requested(str, str, int): card id dropped here, column, index.
        menu_requested(str, QPoint), stances_requested(str), delete_requested(str),
            move_requested(str, int): forwarded from the cards.
    """

    add_requested = Signal(str, str)
    edit_finished = Signal(str, str)
    drop_requested = Signal(str, str, int)
    menu_requested = Signal(str, QPoint)
    stances_requested = Signal(str)
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
        self._laid: list[CardWidget] = []  # the card widgets in the layout, top first
        self._spare: list[CardWidget] = []  # hidden, for cards still to come
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
        # The title and "+" share a row, so the cards get the room (issue 16); the hint
        # shows while the column is empty, and on the title's tooltip.
        self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top.setSpacing(8)
        self.top.addWidget(self.title, 1)
        self.top.addWidget(self.add_button)
        self.title.setToolTip(words.column_hint(column))
        outer.addLayout(self.top)
        outer.addWidget(self.hint)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("cards")
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.viewport().setAutoFillBackground(False)
        self.container = QWidget()
        self.container.setObjectName("cardsContainer")
        self.container.setAutoFillBackground(False)
        self.container.setAcceptDrops(True)
        self.container.installEventFilter(self)
        self.cards_layout = QVBoxLayout(self.container)
        self.cards_layout.setContentsMargins(0, 0, 4, 0)
        self.cards_layout.setSpacing(10)
        self.cards_layout.addStretch()
        self.scroll_area.setWidget(self.container)
        QScroller.grabGesture(
            self.scroll_area.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        outer.addWidget(self.scroll_area, 1)

        self.drop_marker = QFrame(self.container)
        self.drop_marker.setFixedHeight(4)
        self.drop_marker.setStyleSheet(
            f"background: {theme.COLUMNS[Column(column)].accent}; border-radius: 2px;"
        )
        self.drop_marker.hide()

    def event(self, event: QEvent) -> bool:
        # Keep the hints two lines tall in every column, so the three "+" line up.
        if event.type() in (QEvent.Type.Show, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.hint.ensurePolished()
            self.hint.setMinimumHeight(self.hint.fontMetrics().lineSpacing() * 2 + 2)
        handled = super().event(event)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit_add_button()
        return handled

    def _fit_add_button(self) -> None:
        """ "+  Add" beside the title where both fit on one line; else "+" beside it
        (the title wraps, never inside a word); where even that does not fit, "+  Add"
        below the title. Measured with the longest of the three titles, so the three
        columns look the same."""
        layout = self.layout()
        assert layout is not None  # made in __init__
        margins = layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        self.title.ensurePolished()
        self.add_button.ensurePolished()
        metrics = self.title.fontMetrics()
        titles = [words.column_title(c) for c in Column]
        line = max(metrics.horizontalAdvance(t) for t in titles)
        word = max(metrics.horizontalAdvance(w) for t in titles for w in t.split())
        full = self.tr("+  Add")
        self.add_button.setText(full)
        if line + 8 + self.add_button.sizeHint().width() <= room:
            text, direction = full, QBoxLayout.Direction.LeftToRight
        else:
            self.add_button.setText("+")
            beside = word + 8 + self.add_button.sizeHint().width() <= room
            text = "+" if beside else full
            direction = (
                QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
            )
        self.add_button.setText(text)
        self.title.setMinimumWidth(min(word, room))
        if self.top.direction() != direction:
            self.top.setDirection(direction)

    # ------------------------------------------------------------- refreshing
    def set_cards(self, cards: Sequence[CardData]) -> None:
        """Show exactly these cards in this order.

        A card keeps its widget while it stays in the column. Widgets of cards that
        left (and spare ones) are handed to cards that arrived, so opening another
        meeting mostly changes words in place: building 200 styled widgets afresh
        was what made a large board slow to open.
        """
        wanted = [c.id for c in cards]
        keep = set(wanted)
        if self.editing_card is not None and self.editing_card not in keep:
            self.close_editor()
        # Showing a widget (or a label in a card) lays out its visible parents at once:
        # 200 cards would lay out the column 200 times. Lay it out once, at the end.
        self.cards_layout.setEnabled(False)
        try:
            self._set_cards(cards, wanted, keep)
        finally:
            self.cards_layout.setEnabled(True)
        if self.container.isVisible():  # a hidden column is laid out when shown
            self.cards_layout.activate()

    def _set_cards(self, cards: Sequence[CardData], wanted: list[str], keep: set[str]) -> None:
        # Widgets free for the cards that arrived: those of cards that left, then spares.
        free = [self.cards.pop(cid) for cid in reversed(self.order) if cid not in keep]
        by_colours: dict[tuple[str, str] | None, list[CardWidget]] = {}
        for widget in [*self._spare, *free]:  # pop() takes cards that left, top first
            by_colours.setdefault(widget.chip_colours, []).append(widget)
        self._spare = []
        # Restyling a chip is the slowest part of showing another card in a widget:
        # first give each card with a chip a widget already in its colours.
        unmatched: list[CardData] = []
        for data in cards:
            if data.id in self.cards:
                continue
            same = by_colours.get(chip_key(data)) if data.whose_words is not None else None
            if same:
                self.cards[data.id] = same.pop()
            else:
                unmatched.append(data)
        rest = [widget for widgets in by_colours.values() for widget in widgets]
        for data in unmatched:
            self.cards[data.id] = rest.pop() if rest else self._new_card(data)
        for widget in rest:
            self._retire(widget)
        widgets: list[CardWidget] = []
        for data in cards:
            widget = self.cards[data.id]
            widget.set_data(data)
            widgets.append(widget)
        self._lay_out(widgets)
        self.order = wanted
        self.hint.setVisible(not wanted)
        for card_id, widget in zip(wanted, widgets, strict=True):
            if widget.isHidden() and card_id != self.editing_card:
                widget.show()

    def set_plan_cards(self, card_ids: Collection[str]) -> None:
        """Mark the cards the plan's lines were made from ("In the plan ✓")."""
        for card_id, widget in self.cards.items():
            in_plan = card_id in card_ids
            if widget.data.in_plan != in_plan:
                widget.set_data(replace(widget.data, in_plan=in_plan))

    def update_card(self, data: CardData) -> bool:
        """Show a card's new details; False when the card is not in this column."""
        widget = self.cards.get(data.id)
        if widget is None or data.column != self.column:
            return False
        widget.set_data(data)
        return True

    def _new_card(self, data: CardData) -> CardWidget:
        # Made inside the container: no reparenting (and re-styling) when laid out.
        widget = CardWidget(data, self.container)
        widget.edit_requested.connect(self.open_card_editor)
        widget.menu_requested.connect(self.menu_requested)
        widget.stances_requested.connect(self.stances_requested)
        widget.delete_requested.connect(self.delete_requested)
        widget.move_requested.connect(self.move_requested)
        return widget

    def _retire(self, widget: CardWidget) -> None:
        """A card left the column: keep its widget, hidden and blank, for the next one."""
        widget.hide()
        widget.blank()
        if len(self._spare) < SPARE_CARDS:
            self._spare.append(widget)
        else:
            widget.deleteLater()

    def _lay_out(self, widgets: list[CardWidget]) -> None:
        """Put the card widgets (and an open editor) into the layout in board order.

        Only the part from the first difference is laid out again: an edit near the
        end, or a meeting with the same number of cards, moves few or no widgets.
        """
        old = self._laid
        same = 0
        for before, after in zip(old, widgets, strict=False):
            if before is not after:
                break
            same += 1
        if same == len(old) == len(widgets):
            return
        if self.editor is not None:
            self.cards_layout.removeWidget(self.editor)
        for widget in old[same:]:
            self.cards_layout.removeWidget(widget)
        previous: QWidget = widgets[same - 1] if same else self.add_button
        for index in range(same, len(widgets)):
            card = widgets[index]
            self.cards_layout.insertWidget(index, card)
            # Tab goes down the cards as they are shown, then on to the next column.
            QWidget.setTabOrder(previous, card)
            previous = card
        self._laid = widgets
        if self.editor is not None:
            at = len(widgets)  # a new card is written where it will be: at the end
            if self.editing_card is not None and self.editing_card in self.cards:
                at = self.cards_layout.indexOf(self.cards[self.editing_card])
            self.cards_layout.insertWidget(at, self.editor)

    # ---------------------------------------------------------------- editing
    def open_new_card_editor(self) -> None:
        if self.editor is not None and self.editing_card is None:
            self.editor.start()
            self.scroll_to(self.editor)
            return
        # Another card is being written: save it first, never drop its words.
        self.commit_editor()
        if self.editor is not None:  # it could not be saved; keep it on screen
            return
        self.editor = CardEditor()
        self.editor.done.connect(self._new_card_done)
        self.editor.cancelled.connect(self.close_editor)
        # Where the card will land: after the last one (before the layout's stretch).
        self.cards_layout.insertWidget(self.cards_layout.count() - 1, self.editor)
        self.editor.show()  # now, not when the event loop comes round: it is laid out now
        self.editor.start()
        self.scroll_to(self.editor)

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
        self.editor.show()
        self.editor.start()
        self.scroll_to(self.editor)

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

    def reveal(self, card_id: str) -> None:
        """Scroll a card (a new one, say) into view and give it the keyboard."""
        card = self.cards.get(card_id)
        if card is not None:
            self.scroll_to(card)
            card.setFocus()

    def scroll_to(self, widget: QWidget) -> None:
        """Scroll the column so ``widget`` (a card or the editor) is in view, whole;
        if the column is too short for all of it, its top (where the words begin)."""
        # The scroll area sizes the container (and its scroll bar's range) when the
        # container's layout asks, later; a widget just added at the end is beyond
        # that range until then. Ask now, so it is reached at once.
        self.cards_layout.activate()
        QApplication.sendEvent(self.scroll_area, QEvent(QEvent.Type.LayoutRequest))
        margin = 12
        if widget.height() + 2 * margin > self.scroll_area.viewport().height():
            self.scroll_area.verticalScrollBar().setValue(widget.y())
        else:
            self.scroll_area.ensureWidgetVisible(widget, 0, margin)

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
