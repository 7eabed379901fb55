"""The case timeline on the family page, and the dialog that edits the case's dates.

Decisions are made per child, so there is a line per child: the key dates (concern,
screening, decision, help started, closed) as marks with their dates under them, the
family's meetings as squares on the same line, and the days between in words ("fra
bekymring til beslutning: 23 dage"). The dates come from ``Services.case_timeline``
(the family's date unless a child has its own) and change only through the
``SetCaseDates`` operation. Caseworker only: the family page is never shown in family
mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.enums import CaseDateKind, Column, Role
from familymeeting.domain.errors import UserError
from familymeeting.domain.timeline import ChildLine, Span
from familymeeting.messages import user_message
from familymeeting.storage.operations import CaseDateChange, SetCaseDates
from familymeeting.storage.services import Services
from familymeeting.ui import theme, words
from familymeeting.ui.controls import make_error_label, standard_button, text_label
from familymeeting.ui.dialog import FittedDialog

# A mark's colour per kind: the worry column's for the concern, the plan's blue for the
# decision, the working-well green once help has started.
MARK_COLOURS: dict[CaseDateKind, str] = {
    CaseDateKind.CONCERN: theme.COLUMNS[Column.WORRIES].header,
    CaseDateKind.SCREENING: theme.COLUMNS[Column.WORRIES].accent,
    CaseDateKind.DECISION: theme.PRIMARY,
    CaseDateKind.HELP_STARTED: theme.SAVED,
    CaseDateKind.CLOSED: theme.MUTED,
}
MARK = 14  # a date's dot, px
MEETING = 10  # a meeting's square, px
GAP = 12  # between two dates' words on one row


@dataclass(frozen=True)
class _Placed:
    text: str
    x: float  # the mark's centre
    left: float  # the words' left edge
    row: int
    colour: str


class CaseLine(QWidget):
    """One child's line, painted: the dates as dots with their words under them (on as
    many rows as they need not to overlap), the meetings as squares, a dashed end while
    the case waits. No signals."""

    def __init__(
        self, line: ChildLine, spans: list[str], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.line = line
        self.spans = spans  # the days between, in words
        self.today = today
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self._describe())

    # ---------------------------------------------------------------- sizes
    # The words of close dates go on rows of their own; how many rows depends on the
    # width, so the height is worked out again when the width changes (one more layout
    # pass, never a clipped row).
    def _height(self, width: int) -> int:
        rows = max((p.row for p in self._place(width)), default=-1) + 1
        return MARK + 8 + rows * QFontMetrics(self.font()).height()

    def sizeHint(self) -> QSize:
        return QSize(400, self._height(max(self.width(), 400)))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self._height(max(self.width(), 200)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._height(event.size().width()) != self._height(event.oldSize().width()):
            self.updateGeometry()
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
        super().changeEvent(event)

    # --------------------------------------------------------------- layout
    def _range(self) -> tuple[date, date] | None:
        days = [*self.line.dates.values(), *self.line.meetings]
        if not days:
            return None
        end = max(days)
        if self._waiting():
            end = max(end, self.today)
        return min(days), end

    def _waiting(self) -> bool:
        return any(s.waiting_days is not None for s in self.line.spans)

    def _x(self, day: date, width: int) -> float:
        bounds = self._range()
        assert bounds is not None
        first, last = bounds
        room = max(1.0, width - 2 * MARK)
        total = max(1, (last - first).days)
        return MARK + room * (day - first).days / total

    def _place(self, width: int) -> list[_Placed]:
        if self._range() is None:
            return []
        metrics = QFontMetrics(self.font())
        ends: list[float] = []  # each row's right edge so far
        placed = []
        for kind, day in sorted(self.line.dates.items(), key=lambda item: (item[1], item[0])):
            text = f"{words.case_date_kind(kind)} {self._day(day)}"
            x = self._x(day, width)
            text_width = metrics.horizontalAdvance(text)
            left = min(max(0.0, x - text_width / 2), max(0.0, width - text_width))
            row = next((r for r, end in enumerate(ends) if end + GAP <= left), len(ends))
            if row == len(ends):
                ends.append(0.0)
            ends[row] = left + text_width
            placed.append(_Placed(text, x, left, row, MARK_COLOURS[kind]))
        return placed

    def _day(self, day: date) -> str:
        qdate = QDate(day.year, day.month, day.day)
        return self.locale().toString(qdate, QLocale.FormatType.ShortFormat)

    def _describe(self) -> str:
        parts = [f"{words.case_date_kind(k)} {d.isoformat()}" for k, d in self.line.dates.items()]
        return ", ".join([*parts, *self.spans])

    # ---------------------------------------------------------------- paint
    def paintEvent(self, event: QPaintEvent) -> None:
        bounds = self._range()
        if bounds is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width()
        y = MARK / 2 + 2
        first, last = bounds
        known_end = max([*self.line.dates.values(), *self.line.meetings])
        painter.setPen(QPen(QColor(theme.SCALE_LINE), 3))
        painter.drawLine(QPointF(self._x(first, width), y), QPointF(self._x(known_end, width), y))
        if last > known_end:
            pen = QPen(QColor(theme.SCALE_LINE), 3, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(
                QPointF(self._x(known_end, width), y), QPointF(self._x(last, width), y)
            )
        painter.setPen(QPen(QColor(theme.PRIMARY_DARK), 2))
        painter.setBrush(QColor(theme.SURFACE))
        for day in self.line.meetings:
            x = self._x(day, width)
            painter.drawRect(QRectF(x - MEETING / 2, y - MEETING / 2, MEETING, MEETING))
        metrics = QFontMetrics(self.font())
        for placed in self._place(width):
            painter.setPen(QPen(QColor(theme.SURFACE), 2))
            painter.setBrush(QColor(placed.colour))
            painter.drawEllipse(QPointF(placed.x, y), MARK / 2, MARK / 2)
            painter.setPen(QColor(theme.TEXT))
            top = MARK + 6 + placed.row * metrics.height()
            painter.drawText(QPointF(placed.left, top + metrics.ascent()), placed.text)
        painter.end()


class TimelineSection(QWidget):
    """ "Sagens forløb" on the family page: a line per child, and "Sagens datoer…".

    Signals: ``saved()`` after the dialog saved dates (the page says so).
    """

    saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.family_id: str | None = None
        self.lines: list[ChildLine] = []
        self.dialog: CaseDatesDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The page places this button among its own (a row of its own would take room
        # a short screen at the largest text does not have).
        self.edit_button = QPushButton(self.tr("Case dates…"))
        self.edit_button.clicked.connect(self.edit_dates)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.body_layout.setSpacing(4)
        self.title_label = QLabel(self.tr("Case timeline"))  # two words: never wrapped
        self.title_label.setObjectName("subtitle")
        # What the marks on the lines are: the dots carry their words, the squares not.
        self.legend_label = QLabel(self.tr("● key dates · □ meetings"))
        self.legend_label.setObjectName("muted")  # short: one line at every size
        # Where the page is short (a low screen, the largest text) the lines scroll, a
        # finger flicks them, and the meetings below keep their room.
        self.lines_area = _FittedScroll()
        self.lines_area.setWidget(self.body)
        QScroller.grabGesture(
            self.lines_area.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        layout.addWidget(self.lines_area)

    def show_family(self, family_id: str, today: date | None = None) -> None:
        self.family_id = family_id
        self.today = today or date.today()
        self.show_lines(self.services.case_timeline(family_id, self.today))

    def show_lines(self, lines: list[ChildLine]) -> None:
        self.lines = lines
        while (item := self.body_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None and widget not in (self.title_label, self.legend_label):
                widget.hide()
                widget.deleteLater()
        # No dates yet: nothing to show but the page's "Case dates…" button.
        has_dates = any(line.dates for line in lines)
        self.setVisible(has_dates)
        if not has_dates:
            return
        self.body_layout.addWidget(self.title_label)
        self.body_layout.addWidget(self.legend_label)
        for line in lines:
            spans = [words for s in line.spans if (words := self.span_words(s))]
            name = line.name or self.tr("The whole family")
            label = QLabel(" · ".join([f"<b>{_escape(name)}</b>", *map(_escape, spans)]))
            label.setWordWrap(True)
            label.setObjectName("timelineSpans")
            self.body_layout.addWidget(label)
            self.body_layout.addWidget(CaseLine(line, spans, self.today))
        self.lines_area.updateGeometry()

    def span_words(self, span: Span) -> str:
        """The days between, in words; "" when neither end is known yet."""
        concern = span.start == CaseDateKind.CONCERN
        if span.days is not None:
            if concern:
                return self.tr("from concern to decision: %n days", "", span.days)
            return self.tr("from decision to help: %n days", "", span.days)
        if span.waiting_days is not None:
            if concern:
                return self.tr("waiting for a decision: %n days", "", span.waiting_days)
            return self.tr("waiting for help: %n days", "", span.waiting_days)
        return ""

    def edit_dates(self) -> CaseDatesDialog | None:
        if self.family_id is None:
            return None
        dialog = CaseDatesDialog(self.services, self.family_id, self)
        dialog.accepted.connect(self._dates_saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dates_saved(self) -> None:
        if self.family_id is not None:
            self.show_family(self.family_id, self.today)
        self.saved.emit()


class _FittedScroll(QScrollArea):
    """A scroll area as tall as its content wants, which may shrink to a finger's height
    and scroll. No signals."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setObjectName("timelineLines")
        # The page's own background shows through: the lines are part of the page.
        self.setStyleSheet(
            "QScrollArea#timelineLines, QScrollArea#timelineLines > QWidget > QWidget"
            " { background: transparent; }"
        )

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)  # its lines change: so does the height we want

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._hold()
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._hold()

    def _content_height(self) -> int:
        body = self.widget()
        layout = body.layout() if body is not None else None
        if layout is None:
            return 0
        width = self.viewport().width()
        if layout.hasHeightForWidth() and width > 0:
            return layout.totalHeightForWidth(width)
        return layout.totalSizeHint().height()

    def _hold(self) -> None:
        """The lines are never squeezed to fit: what does not fit scrolls."""
        body = self.widget()
        height = self._content_height()
        if body is not None and body.minimumHeight() != height:
            body.setMinimumHeight(height)

    def sizeHint(self) -> QSize:
        body = self.widget()
        if body is None:
            return super().sizeHint()
        return QSize(body.sizeHint().width(), self._content_height())

    def minimumSizeHint(self) -> QSize:
        # On the shortest screens at the largest text the page has no room to spare:
        # the lines give way first (a finger's height, scrolling) so the buttons above
        # keep theirs.
        return QSize(0, min(self.sizeHint().height(), theme.TOUCH))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class DateField(QWidget):
    """A date a finger can set or take away: "No date" (a button that sets today, to
    be moved in the calendar), or the date with a calendar pop-up and a "×" that clears
    it. ``empty_text``: what "no date" means here (a child: "as the family"). No signals."""

    def __init__(self, value: date | None, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = QStackedWidget()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.stack)
        self.empty_button = QPushButton(empty_text)
        self.empty_button.setObjectName("dateEmpty")
        self.empty_button.setAutoDefault(False)
        self.empty_button.setToolTip(self.tr("Tap to give a date"))
        self.empty_button.clicked.connect(lambda: self.set_value(date.today()))
        self.stack.addWidget(self.empty_button)
        filled = QWidget()
        filled_row = QHBoxLayout(filled)
        filled_row.setContentsMargins(0, 0, 0, 0)
        filled_row.setSpacing(8)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumHeight(theme.TOUCH)
        self.date_edit.setMaximumDate(QDate.currentDate())  # dates of what happened
        filled_row.addWidget(self.date_edit, 1)
        self.clear_button = QPushButton("×")
        self.clear_button.setAutoDefault(False)
        self.clear_button.setAccessibleName(self.tr("No date"))
        self.clear_button.setToolTip(self.tr("No date"))
        self.clear_button.setMinimumSize(theme.TOUCH, theme.TOUCH)
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        filled_row.addWidget(self.clear_button)
        self.stack.addWidget(filled)
        self.set_value(value)

    def value(self) -> date | None:
        if self.stack.currentIndex() == 0:
            return None
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.stack.setCurrentIndex(0)
            return
        self.date_edit.setDate(QDate(value.year, value.month, value.day))
        self.stack.setCurrentIndex(1)


class CaseDatesDialog(FittedDialog):
    """ "Sagens datoer": the family's date per kind, and each child's own where it differs.

    Save runs one ``SetCaseDates`` with what changed; a refused change (out of case
    order, in the future) shows its message and keeps the dialog open, nothing saved.
    No signals beyond QDialog's.
    """

    def __init__(self, services: Services, family_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, preferred=QSize(720, 640))
        self.services = services
        self.family_id = family_id
        self.setWindowTitle(self.tr("Case dates"))
        stored = {
            (r.participant_id, CaseDateKind(r.kind)): r.on_date
            for r in services.list_case_dates(family_id)
        }
        self.stored = stored
        self.fields: dict[tuple[str | None, CaseDateKind], DateField] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(
            text_label(
                self.tr(
                    "The family's dates apply to every child. Decisions are made per child: "
                    "give a child its own date only where it differs."
                ),
                "muted",
            )
        )
        children = [p for p in services.list_participants(family_id) if p.role == Role.CHILD]
        people: list[tuple[str | None, str]] = [(None, self.tr("The whole family"))]
        people += [(c.id, self.tr("%1's own dates").replace("%1", c.name)) for c in children]
        for participant_id, heading in people:
            title = QLabel(heading)
            title.setObjectName("subtitle")
            title.setWordWrap(True)
            layout.addWidget(title)
            grid = QGridLayout()
            grid.setHorizontalSpacing(16)
            grid.setVerticalSpacing(8)
            grid.setColumnStretch(1, 1)
            for row, kind in enumerate(CaseDateKind):
                label = QLabel(words.case_date_kind(kind))
                label.setWordWrap(True)
                grid.addWidget(label, row, 0)
                empty = self.tr("No date") if participant_id is None else self.tr("As the family")
                field = DateField(stored.get((participant_id, kind)), empty)
                label.setBuddy(field.date_edit)
                grid.addWidget(field, row, 1)
                self.fields[(participant_id, kind)] = field
            layout.addLayout(grid)
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox()
        self.cancel_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Save)
        self.save_button.setProperty("primary", "true")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._save_clicked)
        layout.addWidget(self.buttons)

    def changes(self) -> tuple[CaseDateChange, ...]:
        """The dates that differ from what is stored."""
        out = []
        for (participant_id, kind), field in self.fields.items():
            value = field.value()
            if value != self.stored.get((participant_id, kind)):
                out.append(CaseDateChange(kind.value, value, participant_id))
        return tuple(out)

    def save(self) -> bool:
        changes = self.changes()
        if not changes:
            return True
        try:
            self.services.run(SetCaseDates(self.family_id, changes))
        except UserError as err:
            self.error_label.setText(user_message(err))
            self.error_label.show()
            return False
        return True

    def _save_clicked(self) -> None:
        if self.save():
            self.accept()
