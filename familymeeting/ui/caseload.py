"""The caseload overview on the start screen: every active family's pace at a glance.

A table model over ``storage.caseload.Caseload`` (plain records, read by the families
page) and a view: a sortable table (tap a column header), a "This week" filter that
shows the meetings due this week, a tap on a row opens the family. Where the table's
columns do not fit (an upright tablet, the largest text), the same rows are shown as
blocks of "heading: words" that wrap, sorted with a "Sort by" choice. Directions are
words with an arrow (a screen reader reads the words; colour is never the only cue).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QScroller,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.caseload import Direction
from familymeeting.domain.text import sort_key
from familymeeting.storage.caseload import Caseload, CasePace, FamilyLine
from familymeeting.ui import theme

ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
THIS_WEEK_ROLE = Qt.ItemDataRole.UserRole + 2

FAMILY, CONCERN, DECISION, NEXT, OVERDUE, DIRECTION, LAST = range(7)
COLUMNS = 7
_DIRECTION_SCORE = {Direction.DOWN: -1, Direction.FLAT: 0, Direction.UP: 1, None: 0}


class CaseloadModel(QAbstractTableModel):
    """One row a family; the words of each cell, a sort key and the family's id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[FamilyLine, ...] = ()
        self._texts: list[list[str]] = []
        self.quiet_weeks = 0

    # ------------------------------------------------------------------ data
    def set_caseload(self, caseload: Caseload) -> None:
        self.beginResetModel()
        self._lines = caseload.families
        self.quiet_weeks = caseload.quiet_weeks
        self._texts = [self._row_texts(line) for line in self._lines]
        self.endResetModel()

    def family_id(self, row: int) -> str:
        return self._lines[row].family_id

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]

    def headers(self) -> list[str]:
        return [
            self.tr("Family"),
            self.tr("Concern"),
            self.tr("Decision"),
            self.tr("Next meeting"),
            self.tr("Overdue"),
            self.tr("Direction"),
            self.tr("Last meeting"),
        ]

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.AccessibleTextRole and column == FAMILY:
            # The whole row: the compact list shows a family as one item.
            return self.summary(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (CONCERN, DECISION, DIRECTION):
            return self._children_text(line) or None
        if role == ID_ROLE:
            return line.family_id
        if role == THIS_WEEK_ROLE:
            return line.next_meeting_this_week
        if role == SORT_ROLE:
            return self._sort_key(line, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._ink(line, column)
        if role == Qt.ItemDataRole.FontRole and column == FAMILY:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        return None

    def summary(self, row: int) -> str:
        """A family's row in words, heading by heading (for screen readers)."""
        texts = self._texts[row]
        headers = self.headers()
        return ", ".join([texts[FAMILY]] + [f"{headers[c]}: {texts[c]}" for c in range(1, COLUMNS)])

    # --------------------------------------------------------------- helpers
    def _row_texts(self, line: FamilyLine) -> list[str]:
        return [
            line.display_name,
            self._since(line.pace),
            self._decision(line.pace),
            self._next(line),
            self._overdue(line.overdue_actions),
            self._directions(line),
            self._last(line),
        ]

    def _days(self, n: int) -> str:
        return self.tr("1 day") if n == 1 else self.tr("%n days", "", n)

    def _since(self, pace: CasePace) -> str:
        if pace.days_since_concern is None:
            return "–"
        return self.tr("%1 ago").replace("%1", self._days(pace.days_since_concern))

    def _decision(self, pace: CasePace) -> str:
        if pace.waiting_days is not None:
            return self.tr("waiting %1").replace("%1", self._days(pace.waiting_days))
        if pace.days_to_decision is not None:
            return self.tr("after %1").replace("%1", self._days(pace.days_to_decision))
        return "–"

    def _next(self, line: FamilyLine) -> str:
        when = line.next_meeting
        if when is None:
            return "–"
        locale = QLocale()
        # "fre. 4. dec." in Danish, "Fri 4 Dec" in English: short, with the weekday.
        pattern = "ddd d. MMM" if locale.language() == QLocale.Language.Danish else "ddd d MMM"
        day = locale.toString(QDate(when.year, when.month, when.day), pattern)
        if line.next_meeting_this_week:
            return self.tr("%1 (this week)").replace("%1", day)
        return day

    def _overdue(self, count: int) -> str:
        if count == 0:
            return self.tr("none")
        return self.tr("1 overdue") if count == 1 else self.tr("%n overdue", "", count)

    def direction_word(self, direction: Direction | None) -> str:
        if direction is Direction.UP:
            return self.tr("↑ up")
        if direction is Direction.DOWN:
            return self.tr("↓ down")
        if direction is Direction.FLAT:
            return self.tr("→ same")
        return "–"

    def _directions(self, line: FamilyLine) -> str:
        if not line.children:
            return "–"
        return ", ".join(f"{c.name} {self.direction_word(c.direction)}" for c in line.children)

    def _last(self, line: FamilyLine) -> str:
        weeks = line.weeks_since_meeting
        if weeks is None:
            text = self.tr("no meeting yet")
        elif weeks == 0:
            text = self.tr("this week")
        else:
            text = self.tr("1 week ago") if weeks == 1 else self.tr("%n weeks ago", "", weeks)
        if line.quiet:
            text += " ⚠ " + self.tr("too long")
        return text

    def _children_text(self, line: FamilyLine) -> str:
        parts = []
        for c in line.children:
            parts.append(
                f"{c.name}: {self._since(c.pace)}, {self._decision(c.pace)}, "
                f"{self.direction_word(c.direction)}"
            )
        return "\n".join(parts)

    @staticmethod
    def _sort_key(line: FamilyLine, column: int) -> object:
        if column == FAMILY:
            return sort_key(line.display_name)  # æ, ø, å last, as a Danish reader expects
        if column == CONCERN:
            return line.pace.days_since_concern if line.pace.days_since_concern is not None else -1
        if column == DECISION:
            return line.pace.sort_key()
        if column == NEXT:
            return (line.next_meeting or datetime.max).isoformat()
        if column == OVERDUE:
            return line.overdue_actions
        if column == DIRECTION:
            return sum(_DIRECTION_SCORE[c.direction] for c in line.children)
        weeks = line.weeks_since_meeting
        return 10_000 if weeks is None else weeks

    @staticmethod
    def _ink(line: FamilyLine, column: int) -> QColor | None:
        # Colour only adds to the words ("2 overdue", "↓ down", "too long").
        if column == OVERDUE and line.overdue_actions:
            return QColor(theme.WARNING)
        if column == LAST and line.quiet:
            return QColor(theme.WARNING)
        if column == DIRECTION and any(c.direction is Direction.DOWN for c in line.children):
            return QColor(theme.WARNING)
        if line.pace.days_since_concern is None and column in (CONCERN, DECISION):
            return QColor(theme.MUTED)
        return None


class WeekFilter(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE``; with ``this_week`` on, only the meetings due this week."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.this_week = False
        self.setSortRole(SORT_ROLE)

    def set_this_week(self, on: bool) -> None:
        self.beginFilterChange()
        self.this_week = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self.this_week:
            return True
        source = self.sourceModel()
        return bool(source.index(source_row, 0, source_parent).data(THIS_WEEK_ROLE))


class CaseloadTable(QTableView):
    """The table: rows a finger can hit, flicks scroll it, a tap opens a family.

    Signals: ``opened(str)`` with the family's id; ``fitted(int)`` when the columns
    were measured again (a text size step), with their width in all.
    """

    opened = Signal(str)
    fitted = Signal(int)  # the columns were measured again: their width in all

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # columns fit their words
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionsClickable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # No stretched last column: it would shrink below its words where the table scrolls.
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.clicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        family_id = index.data(ID_ROLE)
        if family_id:
            self.opened.emit(str(family_id))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A text size step restyles the table: its columns are measured again.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fitted.emit(self.fit_columns())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self._open(index)
            return
        super().keyPressEvent(event)

    def fit_columns(self) -> int:
        """Each column as wide as its widest words (header included); returns the sum.

        Measured with font metrics over the model's texts, not with Qt's
        resize-to-contents, which asks the delegate for every cell.
        """
        model = self.model()
        if model is None:
            return 0
        body = QFontMetrics(self.font())
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        bold_metrics = QFontMetrics(bold)
        head = QFontMetrics(self.horizontalHeader().font())
        pad = 22  # the item padding (10 px a side) and a pixel of rounding each
        total = 0
        rows = model.rowCount()
        for column in range(model.columnCount()):
            widest = head.horizontalAdvance(
                str(model.headerData(column, Qt.Orientation.Horizontal))
            )
            widest += 20  # the sort arrow
            metrics = bold_metrics if column == FAMILY else body
            for row in range(rows):
                text = model.index(row, column).data()
                widest = max(widest, metrics.horizontalAdvance(str(text)))
            self.setColumnWidth(column, widest + pad)
            total += widest + pad
        total += 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()
        row_height = max(theme.TOUCH + 8, body.height() + 24)
        self.verticalHeader().setDefaultSectionSize(row_height)
        self.horizontalHeader().setMinimumHeight(max(theme.TOUCH, head.height() + 20))
        return total


class BlockDelegate(QStyledItemDelegate):
    """Paints a family as a block: its name, then "heading: words" pairs that flow and
    wrap to the list's width (the compact form of the table's row)."""

    PAD_X = 16
    PAD_Y = 10
    GAP_X = 28
    GAP_Y = 4

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        plain = QFont(option.font)
        plain.setWeight(QFont.Weight.Normal)  # the name's FontRole made the option bold
        return bold, plain

    def _pairs(self, index: QModelIndex | QPersistentModelIndex) -> list[tuple[str, str, int]]:
        model = index.model()
        return [
            (
                str(model.headerData(c, Qt.Orientation.Horizontal)),
                str(model.index(index.row(), c).data()),
                c,
            )
            for c in range(1, COLUMNS)
        ]

    def _lines(
        self, index: QModelIndex | QPersistentModelIndex, width: int, option: QStyleOptionViewItem
    ) -> list[list[tuple[str, str, int, int]]]:
        """The pairs placed on lines: (heading, words, column, x)."""
        bold, plain = self._fonts(option)
        heading_fm, words_fm = QFontMetrics(bold), QFontMetrics(plain)
        lines: list[list[tuple[str, str, int, int]]] = [[]]
        x = 0
        for heading, words, column in self._pairs(index):
            needed = heading_fm.horizontalAdvance(heading + ": ") + words_fm.horizontalAdvance(
                words
            )
            if lines[-1] and x + needed > width:
                lines.append([])
                x = 0
            lines[-1].append((heading, words, column, x))
            x += needed + self.GAP_X
        return lines

    def _width(self) -> int:
        return max(200, self.view.viewport().width() - 2 * self.PAD_X)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        line_height = QFontMetrics(self._fonts(opt)[0]).height()
        count = 1 + len(self._lines(index, self._width(), opt))
        height = 2 * self.PAD_Y + count * line_height + (count - 1) * self.GAP_Y
        return QSize(self._width(), max(theme.TOUCH + 8, height))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the style paints background, selection and focus only
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        bold, plain = self._fonts(opt)
        heading_fm, words_fm = QFontMetrics(bold), QFontMetrics(plain)
        line_height = heading_fm.height()
        left = opt.rect.x() + self.PAD_X
        y = opt.rect.y() + self.PAD_Y
        painter.save()
        painter.setFont(bold)
        painter.setPen(QColor(theme.TEXT))
        painter.drawText(left, y + heading_fm.ascent(), str(index.data()))
        for line in self._lines(index, opt.rect.width() - 2 * self.PAD_X, opt):
            y += line_height + self.GAP_Y
            for heading, words, column, x in line:
                label = heading + ": "
                painter.setFont(bold)
                painter.setPen(QColor(theme.MUTED))
                painter.drawText(left + x, y + heading_fm.ascent(), label)
                ink = index.model().index(index.row(), column).data(Qt.ItemDataRole.ForegroundRole)
                painter.setFont(plain)
                painter.setPen(ink if isinstance(ink, QColor) else QColor(theme.TEXT))
                painter.drawText(
                    left + x + heading_fm.horizontalAdvance(label), y + words_fm.ascent(), words
                )
        painter.restore()


class CaseloadList(QListView):
    """The compact form: a family a block, a tap opens it; flicks scroll it.

    Signals: ``opened(str)`` with the family's id.
    """

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(BlockDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # blocks wrap anew to the width
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.clicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        family_id = index.data(ID_ROLE)
        if family_id:
            self.opened.emit(str(family_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self._open(index)
            return
        super().keyPressEvent(event)


class CaseloadView(QWidget):
    """The overview: a title, "This week", the table, and words when nothing is shown.

    Signals: ``family_opened(str)``; ``width_changed()`` when the table's columns need
    another width (a text size step).
    """

    family_opened = Signal(str)
    width_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseload")
        self.needed_width = 0  # the table's columns in all (CaseloadTable.fit_columns)
        self.compact = False  # blocks instead of the table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        top = QHBoxLayout()
        top.setSpacing(12)
        self.title_label = QLabel(self.tr("Caseload"))
        self.title_label.setObjectName("subtitle")
        top.addWidget(self.title_label)
        top.addStretch()
        # "Sort by" stands in for the table's headers in the compact form.
        self.sort_combo = QComboBox()
        self.sort_combo.setMinimumHeight(theme.TOUCH)
        self.sort_combo.setAccessibleName(self.tr("Sort by"))
        self.sort_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort_combo.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.sort_combo.hide()
        top.addWidget(self.sort_combo)
        self.week_button = QPushButton(self.tr("This week"))
        self.week_button.setObjectName("viewSwitch")
        self.week_button.setCheckable(True)
        self.week_button.setMinimumHeight(theme.TOUCH)
        self.week_button.setAccessibleDescription(self.tr("Show only the meetings due this week"))
        self.week_button.toggled.connect(self._week_toggled)
        top.addWidget(self.week_button)
        layout.addLayout(top)

        self.model = CaseloadModel(self)
        self.proxy = WeekFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = CaseloadTable()
        self.table.setAccessibleName(self.tr("Caseload"))
        self.table.setModel(self.proxy)
        self.table.sortByColumn(FAMILY, Qt.SortOrder.AscendingOrder)
        self.table.opened.connect(self.family_opened)
        layout.addWidget(self.table, 1)
        self.list = CaseloadList()
        self.list.setAccessibleName(self.tr("Caseload"))
        self.list.setModel(self.proxy)
        self.list.opened.connect(self.family_opened)
        self.list.hide()
        layout.addWidget(self.list, 1)
        for column, text in enumerate(self.model.headers()):
            self.sort_combo.addItem(self.tr("Sort: %1").replace("%1", text), column)
        self.sort_combo.activated.connect(self._sort_chosen)
        self.table.fitted.connect(self._fitted)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        layout.addWidget(self.empty_label)
        self.legend_label = QLabel()
        self.legend_label.setObjectName("muted")
        self.legend_label.setWordWrap(True)
        layout.addWidget(self.legend_label)

    def set_caseload(self, caseload: Caseload) -> None:
        self.model.set_caseload(caseload)
        self.legend_label.setText(
            self.tr("⚠ too long: no meeting in the last %n weeks", "", caseload.quiet_weeks)
        )
        self.needed_width = self.table.fit_columns()
        self.compact = self.needed_width > self.width() - 4
        self._show_empty()

    def _fitted(self, width: int) -> None:
        if width != self.needed_width:
            self.needed_width = width
            self.width_changed.emit()
        self._choose_form()
        if self.compact:
            self.list.doItemsLayout()  # the blocks' heights follow the new text size

    def _sort_chosen(self, _row: int) -> None:
        column = int(self.sort_combo.currentData())
        # The name and the next meeting from the first; the rest most urgent first.
        ascending = column in (FAMILY, NEXT)
        order = Qt.SortOrder.AscendingOrder if ascending else Qt.SortOrder.DescendingOrder
        self.table.sortByColumn(column, order)

    def _choose_form(self) -> None:
        """The table where its columns fit, else the blocks (same rows, same order)."""
        compact = self.needed_width > self.width() - 4
        if compact != self.compact:
            self.compact = compact
            self._show_empty()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._choose_form()

    def rows_shown(self) -> list[str]:
        """The family ids in the order the table shows them (for tests and the CLI's twin)."""
        return [str(self.proxy.index(row, 0).data(ID_ROLE)) for row in range(self.proxy.rowCount())]

    def _week_toggled(self, on: bool) -> None:
        self.proxy.set_this_week(on)
        if on:
            self.table.sortByColumn(NEXT, Qt.SortOrder.AscendingOrder)
        self._show_empty()

    def _show_empty(self) -> None:
        empty = self.proxy.rowCount() == 0
        if empty:
            self.empty_label.setText(
                self.tr("No meetings are due this week.")
                if self.proxy.this_week
                else self.tr("No active families.")
            )
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty and not self.compact)
        self.list.setVisible(not empty and self.compact)
        self.sort_combo.setVisible(not empty and self.compact)
        if self.compact:
            self.list.doItemsLayout()
            column = self.table.horizontalHeader().sortIndicatorSection()
            self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(column)))
