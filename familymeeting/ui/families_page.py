"""The first screen: every family, a search field, and a way to add one."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from PySide6.QtCore import (
    QDate,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScroller,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.caseload import DEFAULT_QUIET_WEEKS
from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message
from familymeeting.storage.caseload import Caseload, read_caseload
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import FamilyRow, Services, filter_family_rows
from familymeeting.ui import theme
from familymeeting.ui.caseload import CaseloadView
from familymeeting.ui.controls import make_error_label
from familymeeting.ui.family_dialog import FamilyDialog
from familymeeting.ui.touch import BIG_INDICATOR, TouchCheckBox

ID_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 2

# Details (participants, newest meeting) cost two queries per family, so they are
# fetched only for rows on screen, shortly after the list settles, and cached.
DETAIL_DELAY_MS = 120
# The families list beside the caseload is at least this many average characters wide;
# where both do not fit side by side, a switch shows one at a time.
LIST_MIN_CHARS = 30
PAGE_MARGIN_X = 40


class TwoLineDelegate(QStyledItemDelegate):
    """Paints a row as its text in bold with DETAIL_ROLE underneath in muted colour."""

    PAD_X = 16
    PAD_Y = 10
    GAP = 4

    @staticmethod
    def _fonts(option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        title.setWeight(QFont.Weight.DemiBold)
        title.setPointSizeF(theme.pt(1) * option.font.pointSizeF() / theme.pt(0))
        return title, QFont(option.font)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, detail = self._fonts(opt)
        height = (
            2 * self.PAD_Y + QFontMetrics(title).height() + self.GAP + QFontMetrics(detail).height()
        )
        return QSize(200, max(theme.TOUCH + 16, height))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""  # let the style paint background, selection and focus only
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        title_font, detail_font = self._fonts(opt)
        rect = opt.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        title_fm = QFontMetrics(title_font)
        detail_fm = QFontMetrics(detail_font)
        painter.save()
        painter.setFont(title_font)
        painter.setPen(QColor(theme.TEXT))
        painter.drawText(
            rect.x(),
            rect.y() + title_fm.ascent(),
            title_fm.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()),
        )
        detail = index.data(DETAIL_ROLE) or ""
        if detail:
            painter.setFont(detail_font)
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(
                rect.x(),
                rect.y() + title_fm.height() + self.GAP + detail_fm.ascent(),
                detail_fm.elidedText(str(detail), Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()


class TapListWidget(QListWidget):
    """A list for fingers: one tap, a click or Enter opens a row; flicks scroll it.

    Signals: ``opened(str)`` with the row's id (``ID_ROLE``).
    """

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(TwoLineDelegate(self))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        # itemClicked, not itemActivated: activation is a double click on some
        # platforms, and a tap must be enough.
        self.itemClicked.connect(self._open_item)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.opened.emit(str(item.data(ID_ROLE)))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self._open_item(item)
            return
        super().keyPressEvent(event)


class FamiliesPage(QWidget):
    """All families, searchable as you type, and beside them the caseload overview
    (``ui/caseload.py``); the door to a family. The window shows this page only
    outside family view and never while a meeting is open.

    Signals: ``family_opened(str)`` with the id of the family to show; ``saved()``
    after the family dialog saved a new family.
    """

    family_opened = Signal(str)
    saved = Signal()  # a new family was saved (there is no undo out here)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        quiet_weeks: int = DEFAULT_QUIET_WEEKS,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.quiet_weeks = quiet_weeks  # settings.QUIET_WEEKS, handed in by the window
        self.caseload_read: Caseload | None = None  # the overview as last read (load_caseload)
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._details: dict[str, str] = {}
        self._dialog: FamilyDialog | None = None
        # Every family, read once and filtered in memory as the user types;
        # None until the page is first shown or refreshed.
        self._rows: list[FamilyRow] | None = None
        self._shown_ids: list[str] | None = None  # the rows' ids as the list shows them now
        self._first_start = False  # no family yet: the two big buttons, no overview

        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN_X, 28, PAGE_MARGIN_X, 28)
        layout.setSpacing(16)

        header = QHBoxLayout()
        self.title_label = QLabel(self.tr("Families"))
        self.title_label.setObjectName("title")
        header.addWidget(self.title_label)
        header.addStretch()
        # Where the list and the overview do not fit side by side: one at a time.
        self.switch_row = QWidget()
        switch = QHBoxLayout(self.switch_row)
        switch.setContentsMargins(0, 0, 0, 0)
        switch.setSpacing(0)
        self.list_switch = QPushButton(self.tr("List"))
        self.caseload_switch = QPushButton(self.tr("Caseload"))
        self.switch_group = QButtonGroup(self)
        for button in (self.list_switch, self.caseload_switch):
            button.setCheckable(True)
            button.setMinimumHeight(theme.TOUCH)
            button.setObjectName("viewSwitch")
            self.switch_group.addButton(button)
            switch.addWidget(button)
        self.list_switch.setChecked(True)
        self.switch_group.buttonToggled.connect(self._arrange)
        header.addWidget(self.switch_row)
        self.new_button = QPushButton(self.tr("New family"))
        self.new_button.setProperty("primary", "true")
        self.new_button.clicked.connect(self.new_family)
        header.addWidget(self.new_button)
        layout.addLayout(header)

        self.filter_row = QWidget()
        filters = QHBoxLayout(self.filter_row)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setSpacing(16)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name"))
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumHeight(theme.TOUCH)
        self.search_edit.textChanged.connect(self._show_matches)
        self.search_edit.returnPressed.connect(self._open_current)
        filters.addWidget(self.search_edit, 1)
        self.archived_check = TouchCheckBox(self.tr("Show archived"))
        self.archived_check.setMinimumHeight(theme.TOUCH)
        self.archived_check.setStyleSheet(BIG_INDICATOR)
        self.archived_check.toggled.connect(self._show_matches)
        filters.addWidget(self.archived_check)

        self.error_label = make_error_label()

        body = QHBoxLayout()
        body.setSpacing(24)
        self.list_side = QWidget()
        side = QVBoxLayout(self.list_side)
        side.setContentsMargins(0, 0, 0, 0)
        side.setSpacing(16)
        body.addWidget(self.list_side, 1)
        self.caseload = CaseloadView()
        self.caseload.family_opened.connect(self.family_opened)
        self.caseload.width_changed.connect(self._arrange)
        body.addWidget(self.caseload, 1)
        layout.addLayout(body, 1)
        self._wide = True

        self.stack = QStackedWidget()
        layout.insertWidget(1, self.error_label)
        side.addWidget(self.filter_row)
        side.addWidget(self.stack, 1)

        self.family_list = TapListWidget()
        self.family_list.setAccessibleName(self.tr("Families"))
        self.family_list.opened.connect(self.family_opened)
        self.family_list.verticalScrollBar().valueChanged.connect(self._schedule_details)
        self.family_list.verticalScrollBar().rangeChanged.connect(self._schedule_details)
        self.stack.addWidget(self.family_list)

        # Shown instead of the list when a search or the archive hides every family.
        self.no_match_page = QWidget()
        no_match = QVBoxLayout(self.no_match_page)
        no_match.setContentsMargins(0, 24, 0, 0)
        self.no_match_label = QLabel()
        self.no_match_label.setObjectName("muted")
        self.no_match_label.setWordWrap(True)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        no_match.addWidget(self.no_match_label)
        no_match.addStretch()
        self.stack.addWidget(self.no_match_page)

        # A first start: nothing to search or filter, two ways forward.
        self.empty_page = QWidget()
        empty = QVBoxLayout(self.empty_page)
        empty.setSpacing(16)
        empty.addStretch(2)
        self.empty_title = QLabel(self.tr("No families yet"))
        self.empty_title.setObjectName("subtitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        empty.addWidget(self.empty_title)
        self.empty_text = QLabel(
            self.tr(
                "Create the first family before the visit, or try the app "
                "with a demo family you can change freely."
            )
        )
        self.empty_text.setObjectName("muted")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        empty.addWidget(self.empty_text)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addStretch()
        self.empty_new_button = QPushButton(self.tr("New family"))
        self.empty_new_button.setProperty("primary", "true")
        self.empty_new_button.setMinimumHeight(theme.TOUCH + 8)
        self.empty_new_button.clicked.connect(self.new_family)
        buttons.addWidget(self.empty_new_button)
        self.demo_button = QPushButton(self.tr("Create demo family"))
        self.demo_button.setMinimumHeight(theme.TOUCH + 8)
        self.demo_button.clicked.connect(self.create_demo)
        buttons.addWidget(self.demo_button)
        buttons.addStretch()
        empty.addLayout(buttons)
        empty.addStretch(3)
        self.stack.addWidget(self.empty_page)

        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self.load_visible_details)
        # No read here: the window refreshes the page before showing it, and a page
        # shown without a refresh reads in showEvent, so the list is read once.

    # ------------------------------------------------------------------ public
    def refresh(self, visited: Collection[str] | None = None) -> None:
        """Read the families again, e.g. after one was added, edited or archived.

        ``visited``: the families opened since this page was last shown, the only ones
        that can have changed; the overview reads just those again (None: all).
        """
        self._details.clear()
        self._load(visited)

    def load_caseload(self, visited: Collection[str] | None = None) -> None:
        """Read the overview (one snapshot, a fixed number of queries): all of it, or
        only the ``visited`` families while the rest is as it was read today."""
        now = datetime.now()
        kept = self.caseload_read
        try:
            if (
                visited is None
                or kept is None
                or kept.today != now.date()
                or kept.quiet_weeks != self.quiet_weeks
            ):
                caseload = read_caseload(self.services, now=now, quiet_weeks=self.quiet_weeks)
            elif visited:
                fresh = read_caseload(
                    self.services, now=now, quiet_weeks=self.quiet_weeks, family_ids=visited
                )
                caseload = kept.updated(visited, fresh)
            else:
                caseload = kept
        except UserError as err:
            self._show_error(err)
            return
        if caseload is not kept:
            self.caseload_read = caseload
            self.caseload.set_caseload(caseload)
        self._arrange()

    def new_family(self) -> FamilyDialog:
        """Open the family dialog (window-modal, not blocking) and return it."""
        dialog = FamilyDialog(self.services, None, self)
        dialog.accepted.connect(lambda: self._family_created(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = dialog
        dialog.open()
        return dialog

    def create_demo(self) -> None:
        try:
            family = create_demo_family(self.services)
        except UserError as err:
            self._show_error(err)
            return
        self.refresh(visited=[family.id])
        self.family_opened.emit(family.id)

    def load_visible_details(self) -> None:
        """Fill in the second line of the rows on screen that do not have one yet."""
        for row in self._visible_rows():
            item = self.family_list.item(row)
            family_id = str(item.data(ID_ROLE))
            if family_id not in self._details:
                self._details[family_id] = self._detail_text(family_id)
            item.setData(DETAIL_ROLE, self._prefix(item) + self._details[family_id])

    # ----------------------------------------------------------------- helpers
    def _load(self, visited: Collection[str] | None = None) -> None:
        """Read every family (one light query) and show those matching the search."""
        try:
            self._rows = self.services.list_family_rows()
            self._shown_ids = None  # names may have changed under the same ids
        except UserError as err:
            self._rows = None  # the next keystroke or showing tries again
            self._show_error(err)
            return
        self._show_matches()
        self.load_caseload(visited)

    def _show_matches(self) -> None:
        """Show the families matching the search and the archive tick; no query.

        The items are built anew rather than hidden: hidden rows would stay in the
        list's accessibility tree, and building even 2,000 items takes a few ms.
        """
        if self._rows is None:
            self._load()  # not read yet, or the read failed: try again
            return
        self.error_label.hide()
        searching = bool(self.search_edit.text().strip())
        include_archived = self.archived_check.isChecked()
        families = filter_family_rows(
            self._rows, self.search_edit.text(), include_archived=include_archived
        )
        shown_ids = [row.id for row in families]
        if shown_ids == self._shown_ids:
            # The same rows (e.g. "familien" typed over a list of "Familien …"): leave
            # the items and only reset what building them anew would have reset.
            self.family_list.clearSelection()
            self.family_list.scrollToTop()
        else:
            self._shown_ids = shown_ids
            self.family_list.clear()
            for family in families:
                self.family_list.addItem(self._make_item(family))
        if families:
            # Current (for Enter in the search field) but not highlighted as if chosen.
            self.family_list.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.stack.setCurrentWidget(self.family_list)
            self._set_first_start(False)
            self._schedule_details()
            return
        if searching:
            self.no_match_label.setText(self.tr("No family matches the search."))
            self.stack.setCurrentWidget(self.no_match_page)
            self._set_first_start(False)
        elif not include_archived and self._rows:
            self.no_match_label.setText(
                self.tr("All families are archived. Tick “Show archived” to see them.")
            )
            self.stack.setCurrentWidget(self.no_match_page)
            self._set_first_start(False)
        else:
            self.stack.setCurrentWidget(self.empty_page)
            self._set_first_start(True)

    def _set_first_start(self, first_start: bool) -> None:
        # On a first start there is nothing to search, filter or add beside the two big buttons.
        self.filter_row.setVisible(not first_start)
        self.new_button.setVisible(not first_start)
        self._first_start = first_start
        self._arrange()

    def _arrange(self, *_args: object) -> None:
        """Side by side where both fit, else the switch shows the list or the overview."""
        first_start = self._first_start
        room = self.width() - 2 * PAGE_MARGIN_X
        list_min = self.fontMetrics().averageCharWidth() * LIST_MIN_CHARS
        needed = list_min + 24 + self.caseload.needed_width + 4
        self._wide = room >= needed
        self.switch_row.setVisible(not first_start and not self._wide)
        if first_start:
            self.caseload.setMinimumWidth(0)
            self.list_side.show()
            self.caseload.hide()
        elif self._wide:
            # The table whole; the list takes the rest (at least LIST_MIN_CHARS wide).
            self.caseload.setMinimumWidth(self.caseload.needed_width + 4)
            self.list_side.show()
            self.caseload.show()
        else:
            self.caseload.setMinimumWidth(0)
            overview = self.caseload_switch.isChecked()
            self.list_side.setVisible(not overview)
            self.caseload.setVisible(overview)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _make_item(self, family: FamilyRow) -> QListWidgetItem:
        item = QListWidgetItem(family.display_name)
        item.setData(ID_ROLE, family.id)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, family.display_name)
        item.setData(ARCHIVED_ROLE, family.archived)
        cached = self._details.get(family.id)
        if cached is not None:
            item.setData(DETAIL_ROLE, self._prefix(item) + cached)
        elif family.archived:
            item.setData(DETAIL_ROLE, self._prefix(item))
        return item

    def _prefix(self, item: QListWidgetItem) -> str:
        return self.tr("Archived") + " · " if item.data(ARCHIVED_ROLE) else ""

    def _detail_text(self, family_id: str) -> str:
        count = len(self.services.list_participants(family_id))
        people = self.tr("1 participant") if count == 1 else self.tr("%n participants", "", count)
        meetings = self.services.list_meetings(family_id)
        if not meetings:
            return people + " · " + self.tr("No meetings yet")
        newest = meetings[0].starts_at
        day = self.locale().toString(
            QDate(newest.year, newest.month, newest.day), QLocale.FormatType.LongFormat
        )
        if newest >= datetime.now():
            return people + " · " + self.tr("Next meeting %1").replace("%1", day)
        return people + " · " + self.tr("Last meeting %1").replace("%1", day)

    def _visible_rows(self) -> range:
        count = self.family_list.count()
        if count == 0:
            return range(0)
        viewport = self.family_list.viewport().rect()
        top = self.family_list.indexAt(QPoint(1, viewport.top() + 1))
        bottom = self.family_list.indexAt(QPoint(1, viewport.bottom() - 1))
        first = top.row() if top.isValid() else 0
        last = bottom.row() if bottom.isValid() else count - 1
        return range(first, last + 1)

    def _schedule_details(self) -> None:
        self._detail_timer.start()

    def _open_current(self) -> None:
        item = self.family_list.currentItem()
        if item is not None and self.stack.currentWidget() is self.family_list:
            self.family_opened.emit(str(item.data(ID_ROLE)))

    def _family_created(self, dialog: FamilyDialog) -> None:
        # The new family must not be hidden by a search; the list is shown once, after
        # the read (clearing the field would otherwise show the old rows first).
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.refresh(visited=None if dialog.family_id is None else [dialog.family_id])
        if dialog.family_id is not None:
            self.family_opened.emit(dialog.family_id)
            self.saved.emit()

    def _show_error(self, err: UserError) -> None:
        self.error_label.setText(user_message(err))
        self.error_label.show()

    def showEvent(self, event: QShowEvent) -> None:
        if self._rows is None:
            self._load()  # shown without a refresh (the page on its own)
        # Which rows are on screen is known only once the page is laid out.
        super().showEvent(event)
        self._schedule_details()
