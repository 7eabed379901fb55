"""A family's progress: each rating question as a chart of everyone's answers across meetings.

The charts use QtCharts. It ships inside PySide6, so it adds no dependency to the
wheel or the installer (pyqtgraph would add itself and numpy); it draws through
QPainter, so it renders on the offscreen platform used by tests and screenshots;
and every pen, brush and font can be set from ``theme``, so the chart looks like
the rest of the app rather than like a plotting tool.

The x axis is a QCategoryAxis over real time (milliseconds since the epoch, as
QDateTimeAxis would use): points sit at their meeting's date, so a long pause
between meetings looks long, and the labels and grid lines sit exactly on the
meeting dates (a QDateTimeAxis spaces its ticks evenly instead).

The charts of a page are read together, so they share what lets the eye go from
one to the next: one legend above them all (not one per chart, which also took a
different width in each), one time axis from the family's first meeting with
answers to its latest, and the same room right of every plot for the words at
the last meeting, so every plot has the same left and right edges and a date sits
at the same place in each.
"""

from __future__ import annotations

import functools
import html
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QDate,
    QDateTime,
    QEvent,
    QLineF,
    QMargins,
    QObject,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QTime,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsObject,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QStyleOptionGraphicsItem,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.enums import Audience, Role
from familymeeting.domain.progress import answer_count, first_and_latest
from familymeeting.storage.progress import PersonLine, QuestionProgress, family_progress
from familymeeting.storage.services import Services
from familymeeting.ui import theme
from familymeeting.ui.child_feedback import ChildFeedbackDialog

CHART_HEIGHT = 300
DAY_MS = 24 * 60 * 60 * 1000
POINT_SIZE = 5.5  # QLineSeries takes a radius; QScatterSeries (LATEST_SIZE) a diameter
LATEST_SIZE = 18
# The halo round the words of a label: the text drawn this far to each side.
HALO_OFFSETS = [(dx, dy) for dx in (-2, 0, 2) for dy in (-2, 0, 2) if dx or dy]
RING_SIZE = 10  # where people meet on the way: the innermost ring's diameter...
RING_STEP = 7  # ...and each ring round it this much wider
GUTTER_SHARE = 0.2  # of a chart's width kept for words right of the plot, at most...
NAME_SHARE = 0.3  # ...or more, to keep a name on one line


@functools.lru_cache(maxsize=512)
def to_ms(when: datetime) -> float:
    """A wall-clock meeting time as the chart's x value (local time, like QDateTimeAxis)."""
    moment = QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute))
    return float(moment.toMSecsSinceEpoch())


def line_colour(index: int) -> QColor:
    """A person's colour for lines and dots: their chip colour's hue, deep enough to see.

    theme.person_colours gives a pale chip background and a near-black text colour;
    lines in the pale shade vanish on white and the dark shades look alike, so the
    chart keeps the chip's hue at a calm middle tone. The grey chip stays grey.
    """
    chip = QColor(theme.person_colours(index)[0])
    saturation = 0.5 if chip.hslSaturationF() > 0.25 else chip.hslSaturationF()
    return QColor.fromHslF(chip.hslHueF(), saturation, 0.45)


def segments(values: Sequence[int | None]) -> list[list[tuple[int, int]]]:
    """Runs of consecutive answers as (meeting index, value); a None ends a run (a gap)."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for i, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((i, value))
    if current:
        runs.append(current)
    return runs


def labelled_meetings(times: Sequence[float], min_gap: float) -> list[int]:
    """Which meetings get a date on the axis: all of them, unless dates would collide.

    The latest meeting is always labelled; going back in time, a date is only
    added when it is at least ``min_gap`` (x units) from the one labelled after it.
    """
    if not times:
        return []
    chosen = [len(times) - 1]
    for i in range(len(times) - 2, -1, -1):
        if times[chosen[-1]] - times[i] >= min_gap:
            chosen.append(i)
    return sorted(chosen)


class DateLabels(QObject):
    """The meeting dates under a chart, as many as fit at its current width.

    A date carries its year where the year changes (and on the first date when
    that is not this year). Refitted when the plot area changes width.
    """

    GAP_PX = 24
    REFIT_PX = 40  # ignore tiny width changes, so refitting cannot oscillate

    def __init__(
        self,
        chart: QChart,
        axis: QCategoryAxis,
        meetings: Sequence[datetime],
        times: Sequence[float],
        label: Callable[[datetime, bool], str],
    ) -> None:
        super().__init__(chart)
        self.chart, self.axis, self.label = chart, axis, label
        self.meetings, self.times = list(meetings), list(times)
        self.fitted_width: float | None = None
        chart.plotAreaChanged.connect(self.fit)

    def refit(self) -> None:
        self.fitted_width = None
        self.fit()

    def fit(self) -> None:
        width = self.chart.plotArea().width()
        if width <= 0:
            width = 900.0  # not laid out yet: a tablet-sized guess, refitted later
        if self.fitted_width is not None and abs(width - self.fitted_width) < self.REFIT_PX:
            return
        self.fitted_width = width
        metrics = QFontMetricsF(self.axis.labelsFont())
        widest = max(metrics.horizontalAdvance(self.label(m, True)) for m in self.meetings)
        per_px = (self.axis.max() - self.axis.min()) / width
        chosen = labelled_meetings(self.times, (widest + self.GAP_PX) * per_px)

        start, low, high = self.axis.startValue(), self.axis.min(), self.axis.max()
        for old in self.axis.categoriesLabels():
            self.axis.remove(old)
        used: set[str] = set()
        previous_year = date.today().year
        for i in chosen:
            when = self.meetings[i]
            text = self.label(when, when.year != previous_year)
            previous_year = when.year
            while text in used:  # category labels must be unique (two meetings one day)
                text += "\u200b"
            used.add(text)
            self.axis.append(text, self.times[i])
        self.axis.setStartValue(start)
        self.axis.setRange(low, high)


class PointLabel(QGraphicsItem):
    """The words beside one point: a person's number, or the names of everyone at
    the point and their number ("Karsten, Oliver 7").

    Names in the body font, the number bold and a little larger, as the latest
    numbers always were; with a halo of the chart's background, so a line
    passing behind does not cross the words out. Wrapped to a width between
    names, inside a name only when one name alone is wider.
    """

    PAD = 3.0  # room for the halo
    VEIL = 0.7  # how much of a line behind the words is hidden

    def __init__(
        self, chart: QChart, point: QPointF, names: Sequence[str], value: int, colour: QColor
    ) -> None:
        super().__init__(chart)
        self.point, self.names, self.value, self.colour = point, list(names), value, colour
        self.name_font = QFont()
        self.number_font = QFont()
        self.lines: list[str] = [", ".join(self.names)]  # the names; the number ends the last
        self.box = QRectF()
        self.leader: QLineF | None = None  # to the point, when the words had to move
        self.setZValue(1000)  # above every series

    def text(self) -> str:
        """What the label reads, one line of the chart per line."""
        number = str(self.value)
        lines = [*self.lines[:-1], f"{self.lines[-1]} {number}" if self.names else number]
        return "\n".join(lines)

    def set_fonts(self, names: QFont, number: QFont) -> None:
        self.name_font, self.number_font = QFont(names), QFont(number)
        self.wrap(float("inf"))

    def _number_width(self) -> float:
        return QFontMetricsF(self.number_font).horizontalAdvance(str(self.value))

    def _space(self) -> float:
        return QFontMetricsF(self.name_font).horizontalAdvance(" ") if self.names else 0.0

    def one_line_width(self) -> float:
        names = QFontMetricsF(self.name_font).horizontalAdvance(", ".join(self.names))
        return names + self._space() + self._number_width()

    def widest_name(self) -> float:
        """The narrowest the label can be wrapped to without breaking a name."""
        return self._widest(self.names)

    def widest_word(self) -> float:
        """The narrowest the label can be wrapped to at all."""
        return self._widest(" ".join(self.names).split())

    def _widest(self, pieces: Sequence[str]) -> float:
        """The widest line of ``pieces`` one per line: a comma after each, the
        number after the last (the number alone when there are no names)."""
        metrics = QFontMetricsF(self.name_font)
        last = self._space() + self._number_width()
        if not pieces:
            return last
        widths = [metrics.horizontalAdvance(piece + ",") for piece in pieces[:-1]]
        return max([*widths, metrics.horizontalAdvance(pieces[-1]) + last])

    def wrap(self, width: float) -> None:
        """Lines no wider than ``width``: break between names, inside a name only
        when it alone is wider; a word wider than ``width`` stands alone."""
        metrics = QFontMetricsF(self.name_font)
        last = self._space() + self._number_width()
        lines: list[str] = []
        for k, name in enumerate(self.names):
            token = name + ("," if k < len(self.names) - 1 else "")
            extra = last if k == len(self.names) - 1 else 0.0
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {token}") + extra <= width:
                lines[-1] += f" {token}"
            elif metrics.horizontalAdvance(token) + extra <= width:
                lines.append(token)
            else:
                words = token.split()
                current = words[0]
                for j, word in enumerate(words[1:], start=1):
                    end = extra if j == len(words) - 1 else 0.0
                    if metrics.horizontalAdvance(f"{current} {word}") + end <= width:
                        current += f" {word}"
                    else:
                        lines.append(current)
                        current = word
                lines.append(current)
        self.lines = lines or [""]
        widths = [metrics.horizontalAdvance(line) for line in self.lines]
        widths[-1] += last
        self.prepareGeometryChange()
        height = self._line_height() * len(self.lines)
        self.box = QRectF(-self.PAD, 0, max(widths) + 2 * self.PAD, height)
        self.update()

    def _runs(self) -> list[tuple[QPointF, QFont, str]]:
        """Where each piece of text goes: (baseline start, font, text)."""
        runs = []
        names = QFontMetricsF(self.name_font)
        ascent = max(names.ascent(), QFontMetricsF(self.number_font).ascent())
        for n, line in enumerate(self.lines):
            baseline = n * self._line_height() + ascent
            runs.append((QPointF(0, baseline), self.name_font, line))
            if n == len(self.lines) - 1:
                x = names.horizontalAdvance(line) + self._space()
                runs.append((QPointF(x, baseline), self.number_font, str(self.value)))
        return runs

    def _line_height(self) -> float:
        return max(QFontMetricsF(self.name_font).height(), QFontMetricsF(self.number_font).height())

    def point_to(self, anchor: QPointF | None) -> None:
        """A thin line from ``anchor`` (the point's edge, in the label's
        coordinates) to the nearest edge of the words; None: no line."""
        self.prepareGeometryChange()
        if anchor is None:
            self.leader = None
            return
        near = QPointF(
            min(max(anchor.x(), self.box.left()), self.box.right()),
            min(max(anchor.y(), self.box.top()), self.box.bottom()),
        )
        self.leader = QLineF(anchor, near)

    def boundingRect(self) -> QRectF:
        if self.leader is None:
            return self.box
        ends = QRectF(self.leader.p1(), self.leader.p2()).normalized()
        return self.box.united(ends.adjusted(-1, -1, 1, 1))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.leader is not None:
            painter.setPen(QPen(QColor(theme.MUTED), 1))
            painter.drawLine(self.leader)
        # Lines passing behind show faintly through a veil of the background, and
        # a halo round each letter (the text drawn in the background's colour a
        # little to every side) keeps them from running through it.
        veil = QColor(theme.SURFACE)
        veil.setAlphaF(self.VEIL)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(veil)
        painter.drawRoundedRect(self.box, 4, 4)
        runs = self._runs()
        painter.setPen(QColor(theme.SURFACE))
        for dx, dy in HALO_OFFSETS:
            for at, font, text in runs:
                painter.setFont(font)
                painter.drawText(at + QPointF(dx, dy), text)
        painter.setPen(self.colour)
        for at, font, text in runs:
            painter.setFont(font)
            painter.drawText(at, text)


class PointLabels(QObject):
    """The words by the points of one chart: each person's latest number, or, where
    several people's latest answers meet, all their names and the number.

    QtCharts' own point labels always sit above the point, where they cover the
    dot of someone one step higher (common: Emma 7, Noah 6), and they cannot name
    two people. These sit right of their point, centred on it: at the page's last
    meeting in the room kept free right of the plot, at an earlier one wrapped
    between names to the room before the next meeting. A label that would cover
    another label or a dot moves up or down to the nearest free place on the
    chart. Placed again whenever the plot area changes.
    """

    STEP = 2.0  # px, the search for a free place

    def __init__(
        self,
        chart: QChart,
        meeting_times: Sequence[float],
        last_time: float,
        dots: Sequence[QPointF],
    ) -> None:
        super().__init__(chart)
        self.chart = chart
        self.meeting_times = sorted(meeting_times)
        self.dots = list(dots)  # every answer's point: no label covers one
        self.bounds = QRectF()
        self.last_time = last_time
        self.items: list[PointLabel] = []
        chart.plotAreaChanged.connect(self.place)

    def add(self, point: QPointF, names: Sequence[str], value: int, colour: QColor) -> PointLabel:
        item = PointLabel(self.chart, point, names, value, colour)
        self.items.append(item)
        return item

    def set_fonts(self, names: QFont, number: QFont) -> None:
        for item in self.items:
            item.set_fonts(names, number)
        self.place()

    def in_gutter(self, item: PointLabel) -> bool:
        return item.point.x() >= self.last_time

    def place(self) -> None:
        series = self.chart.series()
        if not series or not self.items or self.chart.plotArea().isEmpty():
            return  # nothing to place, or not laid out yet
        self.bounds = QRectF(QPointF(0, 0), self.chart.size()).adjusted(2, 2, -2, -2)
        at = {id(item): self.chart.mapToPosition(item.point, series[0]) for item in self.items}
        half = QPointF(LATEST_SIZE / 2, LATEST_SIZE / 2)
        dot = QSizeF(LATEST_SIZE, LATEST_SIZE)
        taken = [
            QRectF(self.chart.mapToPosition(point, series[0]) - half, dot) for point in self.dots
        ]
        # One step of the scale, in px: a label moved up to 1.2 of it is still
        # read as its point's; further, a thin line leads back to the point.
        step = abs(
            self.chart.mapToPosition(QPointF(0, 1), series[0]).y()
            - self.chart.mapToPosition(QPointF(0, 2), series[0]).y()
        )
        # The latest meeting first (the words most read), then right to left.
        order = sorted(
            self.items,
            key=lambda item: (not self.in_gutter(item), -at[id(item)].x(), at[id(item)].y()),
        )
        for item in order:
            pos = at[id(item)]
            left = pos.x() + LATEST_SIZE / 2 + 4 + PointLabel.PAD
            later = [t for t in self.meeting_times if t > item.point.x()]
            if later:
                next_x = self.chart.mapToPosition(QPointF(later[0], 1), series[0]).x()
                room = next_x - LATEST_SIZE / 2 - 4 - left
            else:
                room = self.bounds.right() - PointLabel.PAD - left
            # Near the point with whole names; near it with names broken between
            # words; else whole names at the nearest free place.
            tries = [
                (item.widest_name(), step * 1.2),
                (item.widest_word(), step * 1.2),
                (item.widest_name(), self.bounds.height()),
            ]
            for narrowest, reach in tries:
                item.wrap(max(room, narrowest))
                size = item.boundingRect().size()
                start = min(left - PointLabel.PAD, self.bounds.right() - size.width())
                centre = QRectF(QPointF(start, pos.y() - size.height() / 2), size)
                rect = self.free_place(centre, reach, taken)
                if rect is not None:
                    break
            else:
                rect = QRectF(centre)
                top = min(max(rect.top(), self.bounds.top()), self.bounds.bottom() - size.height())
                rect.moveTop(top)
            item.setPos(rect.left() + PointLabel.PAD, rect.top())
            moved = abs(rect.center().y() - pos.y()) > step * 0.6
            edge = QPointF(pos.x() + LATEST_SIZE / 2, pos.y()) - item.pos()
            item.point_to(edge if moved else None)
            taken.append(rect)

    def free_place(self, rect: QRectF, reach: float, taken: Sequence[QRectF]) -> QRectF | None:
        """The nearest place up or down from ``rect``, at most ``reach`` away and on
        the chart, that covers nothing in ``taken``; None if there is none."""
        # Only what lies beside the words can be in their way.
        band = [r for r in taken if r.right() > rect.left() and r.left() < rect.right()]
        for n in range(int(reach / self.STEP) + 1):
            for shift in (n * self.STEP, -n * self.STEP) if n else (0.0,):
                candidate = rect.translated(0, shift)
                if not self.bounds.contains(candidate):
                    continue
                if not any(candidate.intersects(other) for other in band):
                    return candidate
        return None


class Rings(QGraphicsObject):
    """Where people meet on the way (the same number at a meeting that is not
    their latest): a ring per person, one inside the other, the first outermost,
    so each colour shows where a dot of one would hide the other's.

    One item paints every such point of a chart (a series per ring costs far
    more); placed again whenever the plot area changes.
    """

    def __init__(self, chart: QChart) -> None:
        super().__init__(chart)
        self.chart = chart
        self.points: list[tuple[QPointF, list[QColor]]] = []
        self.box = QRectF()
        self.setZValue(500)  # above the lines and dots, under the words
        chart.plotAreaChanged.connect(self.place)

    def add(self, point: QPointF, colours: Sequence[QColor]) -> None:
        self.points.append((point, list(colours)))

    def rings(self) -> list[tuple[QPointF, list[tuple[QColor, float]]]]:
        """Each point (in the chart's values) with its rings, outermost first:
        (colour, diameter in px)."""
        return [
            (point, [(c, ring_size(n, len(colours))) for n, c in enumerate(colours)])
            for point, colours in self.points
        ]

    def place(self) -> None:
        self.prepareGeometryChange()
        widest = max((ring_size(0, len(colours)) for _, colours in self.points), default=0.0)
        reach = widest / 2 + 1
        self.box = self.chart.plotArea().adjusted(-reach, -reach, reach, reach)
        self.update()

    def boundingRect(self) -> QRectF:
        return self.box

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        series = self.chart.series()
        if not series:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(theme.SURFACE), 1))
        for point, rings in self.rings():
            centre = self.chart.mapToPosition(point, series[0])
            for colour, size in rings:
                painter.setBrush(colour)
                painter.drawEllipse(centre, size / 2, size / 2)


def ring_size(n: int, count: int) -> float:
    """The diameter of the n-th of ``count`` rings at one point (0: outermost)."""
    return RING_SIZE + (count - 1 - n) * RING_STEP


class ChartView(QChartView):
    """A chart on the page. Tells the page its new width, so the room kept right of
    every plot (for the words at the last meeting) follows the width."""

    def __init__(self, chart: QChart, resized: Callable[[float], None]) -> None:
        super().__init__(chart)
        self.resized = resized

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The room first, so the chart is laid out once, at its new size with it.
        self.resized(float(event.size().width()))
        super().resizeEvent(event)


@dataclass
class ChartParts:
    chart: QChart
    dates: DateLabels
    labels: PointLabels
    rings: Rings
    view: ChartView | None = None


def last_answer(values: Sequence[int | None]) -> tuple[int, int] | None:
    """(meeting index, value) of the latest actual answer."""
    runs = segments(values)
    return runs[-1][-1] if runs else None


class ProgressView(QWidget):
    """Every rating question of a family as a chart, oldest meeting on the left.

    One line per person in their own colour, a gap where they did not answer,
    their latest number written by the last point (with all their names where
    several people's latest answers meet: "Karsten, Oliver 7"), a ring each where
    people meet on the way, and under the chart a "first → latest" line per
    person. Children's questions come first. One legend
    for the page, above the charts; every chart spans the same dates with the same
    plot width, so a meeting sits at the same place in each.

    Signals: none. Exposed for tests: ``charts``, ``summary_labels``,
    ``latest_labels`` (the label at each person's latest point),
    ``point_labels`` (all of a chart's labels) and ``rings``, by series id;
    ``legend_label``.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.family_id: str | None = None
        self.charts: dict[str, QChart] = {}
        self.summary_labels: dict[str, QLabel] = {}
        # series id -> participant id -> the label at their latest answer
        self.latest_labels: dict[str, dict[str, PointLabel]] = {}
        self.point_labels: dict[str, list[PointLabel]] = {}
        self.rings: dict[str, Rings] = {}  # where people meet on the way
        self._parts: dict[str, ChartParts] = {}
        self._cards: list[QFrame] = []
        self._gutter_for: tuple[float, float] | None = None  # (chart width, font size)
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Only the frame of each question card is styled here; sizes come from the
        # application stylesheet, so the three text sizes apply.
        self.setStyleSheet(
            f"QFrame#progressCard {{ background: {theme.SURFACE};"
            f" border: 1px solid {theme.LINE}; border-radius: 14px; }}"
            " QScrollArea#progressScroll, QWidget#progressContent { background: transparent; }"
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 28, 40, 0)
        layout.setSpacing(6)
        self.title_label = QLabel(self.tr("Progress"))
        self.title_label.setObjectName("title")
        # The children's own feedback on the meetings: over time too, but never among
        # the family's ratings, so a dialog of its own (ui/child_feedback.py).
        self.feedback_button = QPushButton(self.tr("Children's feedback"))
        self.feedback_button.setToolTip(self.tr("What the children said about the meetings"))
        self.feedback_button.clicked.connect(self.show_child_feedback)
        self.feedback_dialog: ChildFeedbackDialog | None = None
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.title_label, 1)
        head.addWidget(self.feedback_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(head)
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("subtitle")
        self.subtitle_label.setWordWrap(True)
        layout.addWidget(self.subtitle_label)
        # The one legend: above the scrolling charts, so it stays in sight.
        self.legend_label = QLabel()
        self.legend_label.setObjectName("progressLegend")
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setWordWrap(True)
        layout.addWidget(self.legend_label)

        self.stack = QStackedWidget()
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("progressScroll")
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content = QWidget()
        self.content.setObjectName("progressContent")
        self.content_layout = QVBoxLayout(self.content)
        self.content_layout.setContentsMargins(0, 12, 4, 28)
        self.content_layout.setSpacing(20)
        self.content_layout.addStretch()
        self.scroll_area.setWidget(self.content)
        QScroller.grabGesture(
            self.scroll_area.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        self.stack.addWidget(self.scroll_area)

        self.empty_label = QLabel(
            self.tr(
                "No ratings yet. When people have answered the rating questions in a meeting,"
                " their answers appear here, meeting by meeting."
            )
        )
        self.empty_label.setObjectName("muted")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.setContentsMargins(0, 24, 0, 0)
        self.stack.addWidget(self.empty_label)
        layout.addWidget(self.stack, 1)

    # ------------------------------------------------------------------ public
    def show_family(self, family_id: str) -> None:
        """Show this family's progress, read fresh from the database."""
        self.family_id = family_id
        family = self.services.get_family(family_id)
        progress = family_progress(self.services, family_id)
        self.feedback_button.setVisible(
            any(p.role == Role.CHILD for p in self.services.list_participants(family_id))
        )
        # The storage layer already orders them; the view guarantees children first.
        progress = sorted(progress, key=lambda q: q.audience != Audience.CHILDREN)

        for card in self._cards:
            self.content_layout.removeWidget(card)
            card.hide()  # gone from the screen now, not at the next turn of the loop
            card.deleteLater()
        self._cards = []
        self.charts = {}
        self.summary_labels = {}
        self.latest_labels = {}
        self.point_labels = {}
        self.rings = {}
        self._parts = {}
        self._gutter_for = None

        meeting_ids = {m.meeting_id for q in progress for m in q.meetings}
        self.subtitle_label.setText(
            family.display_name
            if not meeting_ids
            else f"{family.display_name} · "
            + self.tr("%n meeting(s) with answers", "", len(meeting_ids))
        )
        self.legend_label.setText(self._legend_html(progress))
        self.legend_label.setVisible(bool(progress))
        self.ensurePolished()
        # One time axis for the page: every chart from the family's first meeting
        # with answers to its latest, so a date sits at the same place in each.
        times = sorted({to_ms(m.starts_at) for q in progress for m in q.meetings})
        if times:
            pad = max((times[-1] - times[0]) * 0.06, 5 * DAY_MS)
            span = (times[0] - pad, times[-1] + pad)
        for question in progress:
            card = self._question_card(question, span, times[-1])
            self.content_layout.insertWidget(self.content_layout.count() - 1, card)
            self._cards.append(card)
        self.stack.setCurrentWidget(self.scroll_area if progress else self.empty_label)
        self.scroll_area.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        if self.family_id is not None:
            self.show_family(self.family_id)

    def show_child_feedback(self) -> ChildFeedbackDialog | None:
        """Each child's own feedback across the meetings (caseworker only: family view
        never reaches this page)."""
        if self.family_id is None:
            return None
        dialog = ChildFeedbackDialog(self.services, self.family_id, self)
        dialog.finished.connect(dialog.deleteLater)
        self.feedback_dialog = dialog
        dialog.open()
        return dialog

    def changeEvent(self, event: QEvent) -> None:
        # The text size setting re-applies the stylesheet; chart text follows it.
        if event.type() == QEvent.Type.FontChange:
            for parts in self._parts.values():
                self._apply_fonts(parts)
            self._fit_gutter()
        super().changeEvent(event)

    # --------------------------------------------------------------- building
    def _question_card(
        self, question: QuestionProgress, span: tuple[float, float], last_time: float
    ) -> QFrame:
        card = QFrame()
        card.setObjectName("progressCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        if question.audience == Audience.CHILDREN:
            tag = QLabel(self.tr("Question for the children"))
            tag.setObjectName("kind")
            layout.addWidget(tag)
        heading = QLabel(question.text)
        heading.setObjectName("cardText")  # the type scale's step 1, like card text
        heading.setStyleSheet("font-weight: 600;")
        heading.setWordWrap(True)
        layout.addWidget(heading)

        parts = self._chart(question, span, last_time)
        view = parts.view = ChartView(parts.chart, lambda width: self._fit_gutter(width))
        view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        view.setFrameShape(QFrame.Shape.NoFrame)
        self._size_view(view)
        view.setStyleSheet("background: transparent;")
        # Nothing in the chart is interactive: let taps, drags and the wheel reach
        # the scroll area, so a flick over a chart scrolls the page.
        view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        layout.addWidget(view)

        summary = QLabel(self._summary_html(question.people))
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setWordWrap(True)
        layout.addWidget(summary)
        view.setAccessibleName(question.text)
        view.setAccessibleDescription(
            "; ".join(self.summary_text(p) for p in question.people if self.summary_text(p))
        )

        self.charts[question.series_id] = parts.chart
        self.summary_labels[question.series_id] = summary
        return card

    def _chart(
        self, question: QuestionProgress, span: tuple[float, float], last_time: float
    ) -> ChartParts:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundBrush(QBrush(QColor(theme.SURFACE)))
        chart.setBackgroundRoundness(0)
        chart.setDropShadowEnabled(False)
        chart.setMargins(QMargins(4, 8, 4, 4))
        chart.legend().setVisible(False)  # the page has one legend for all charts
        layout = chart.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, 0)

        times = [to_ms(m.starts_at) for m in question.meetings]
        x_axis = QCategoryAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x_axis.setStartValue(span[0])
        x_axis.setRange(*span)
        dates = DateLabels(
            chart,
            x_axis,
            [m.starts_at for m in question.meetings],
            times,
            lambda when, with_year: self.date_label(when, with_year=with_year),
        )

        y_axis = QValueAxis()
        # Half a step of air above 10 and below 1, so markers and labels are not cut.
        y_axis.setRange(0.5, 10.5)
        y_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        y_axis.setTickAnchor(1)
        y_axis.setTickInterval(1)
        y_axis.setLabelFormat("%d")
        y_axis.setMinorTickCount(0)

        for axis in (x_axis, y_axis):
            axis.setGridLinePen(QPen(QColor(theme.LINE), 1))
            axis.setLinePen(QPen(QColor(theme.LINE), 1))
            axis.setLabelsColor(QColor(theme.MUTED))
            axis.setTitleVisible(False)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)

        # Who is at each point (meeting, value), in the family's order.
        at_point: dict[tuple[int, int], list[PersonLine]] = {}
        for person in question.people:
            self._add_person(chart, x_axis, y_axis, person, times)
            for i, value in enumerate(person.values):
                if value is not None:
                    at_point.setdefault((i, value), []).append(person)
        dots = [QPointF(times[i], value) for i, value in at_point]
        labels = PointLabels(chart, times, last_time, dots)
        rings = Rings(chart)
        parts = ChartParts(chart, dates, labels, rings)
        self._parts[question.series_id] = parts
        # A label by each latest answer: the number, or, where several people's
        # latest answers meet (one big dot covers the other), all their names.
        latest: dict[str, PointLabel] = {}
        for (i, value), people in at_point.items():
            ending = [p for p in people if last_answer(p.values) == (i, value)]
            point = QPointF(times[i], value)
            if not ending:
                if len(people) > 1:
                    rings.add(point, [line_colour(p.index) for p in people])
                continue
            if len(ending) == 1:
                item = labels.add(point, [], value, line_colour(ending[0].index))
            else:  # in the text colour, as it is nobody's alone
                item = labels.add(point, [p.name for p in ending], value, QColor(theme.TEXT))
            for person in ending:
                latest[person.participant_id] = item
        self.latest_labels[question.series_id] = latest
        self.point_labels[question.series_id] = labels.items
        self.rings[question.series_id] = rings
        self._apply_fonts(parts)
        return parts

    def _add_person(
        self,
        chart: QChart,
        x_axis: QCategoryAxis,
        y_axis: QValueAxis,
        person: PersonLine,
        times: list[float],
    ) -> None:
        colour = line_colour(person.index)
        pen = QPen(colour, 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        runs = segments(person.values)
        for run in runs:
            # A gap is a real gap: each run of answers is its own series, same pen.
            line = QLineSeries()
            line.setName(person.name)
            line.setPen(pen)
            line.setPointsVisible(True)
            line.setMarkerSize(POINT_SIZE)
            for i, value in run:
                line.append(QPointF(times[i], value))
            chart.addSeries(line)
            line.attachAxis(x_axis)
            line.attachAxis(y_axis)

        # The latest answer gets a bigger dot with a white ring.
        last_i, last_value = runs[-1][-1]
        latest = QScatterSeries()
        latest.setName(person.name)
        latest.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
        latest.setMarkerSize(LATEST_SIZE)
        latest.setColor(colour)
        latest.setBorderColor(QColor(theme.SURFACE))
        latest.append(QPointF(times[last_i], last_value))
        chart.addSeries(latest)
        latest.attachAxis(x_axis)
        latest.attachAxis(y_axis)

    def _apply_fonts(self, parts: ChartParts) -> None:
        """Chart text in the app's font and current text size (QGraphicsItems miss the
        stylesheet)."""
        body = QFont(self.font())
        for axis in parts.chart.axes():
            axis.setLabelsFont(body)
        bold = QFont(body)
        bold.setWeight(QFont.Weight.Bold)
        if bold.pointSizeF() > 0:
            bold.setPointSizeF(bold.pointSizeF() * 1.15)
        parts.labels.set_fonts(body, bold)
        parts.dates.refit()
        if parts.view is not None:
            self._size_view(parts.view)

    def _fit_gutter(self, width: float | None = None) -> None:
        """The same room right of every plot, for the words at the last meeting.

        As wide as the widest of them on one line, but at most GUTTER_SHARE of the
        chart (wider text wraps between names) and, unless a name is longer than
        NAME_SHARE of the chart, never narrower than its widest name. The same for
        every chart, so every plot has the same right edge.
        """
        views = [parts.view for parts in self._parts.values() if parts.view is not None]
        if not views:
            return
        if width is None:
            width = float(views[0].width())
        key = (width, self.font().pointSizeF())
        if key == self._gutter_for:
            return
        self._gutter_for = key
        ending = [
            item
            for parts in self._parts.values()
            for item in parts.labels.items
            if parts.labels.in_gutter(item)
        ]
        text = 0.0
        if ending:
            widest = max(item.one_line_width() for item in ending)
            longest_name = max(item.widest_name() for item in ending)
            text = min(widest, max(width * GUTTER_SHARE, min(longest_name, width * NAME_SHARE)))
        right = math.ceil(LATEST_SIZE / 2 + 4 + 2 * PointLabel.PAD + text + 4)
        for parts in self._parts.values():
            margins = parts.chart.margins()
            if margins.right() != right:
                margins.setRight(right)
                parts.chart.setMargins(margins)

    def _size_view(self, view: QChartView) -> None:
        # Taller with larger text, so the ten numbers on the y axis keep their room
        # (QtCharts elides axis labels that would touch).
        scale = max(1.0, self.font().pointSizeF() / theme.BASE_PT)
        view.setFixedHeight(round(CHART_HEIGHT * scale))

    # ------------------------------------------------------------------ words
    def date_label(self, when: datetime, *, with_year: bool) -> str:
        """A meeting's date for the axis, e.g. "25. nov." in Danish."""
        fmt = (
            self.tr("d MMM yyyy", "Qt date format: a meeting date on the chart, with year")
            if with_year
            else self.tr("d MMM", "Qt date format: a meeting date on the chart")
        )
        return self.locale().toString(QDate(when.year, when.month, when.day), fmt)

    def summary_text(self, person: PersonLine) -> str:
        """ "Emma 3 → 7", or "Emma 5" when there is one answer; "" when there is none."""
        pair = first_and_latest(person.values)
        if pair is None:
            return ""
        first, latest = pair
        if answer_count(person.values) == 1:
            return (
                self.tr("%1 %2", "a person's only answer so far: name, number")
                .replace("%1", person.name)
                .replace("%2", str(latest))
            )
        return (
            self.tr("%1 %2 → %3", "name, first answer → latest answer")
            .replace("%1", person.name)
            .replace("%2", str(first))
            .replace("%3", str(latest))
        )

    def _summary_html(self, people: Sequence[PersonLine]) -> str:
        """The summaries in a row that wraps between people, never inside one."""
        return dot_row(
            (line_colour(person.index), self.summary_text(person))
            for person in people
            if self.summary_text(person)
        )

    def _legend_html(self, progress: Sequence[QuestionProgress]) -> str:
        """Everyone with a line on the page, once, in the family's order."""
        people = {p.participant_id: p for q in progress for p in q.people}
        ordered = sorted(people.values(), key=lambda p: p.index)
        return dot_row((line_colour(p.index), p.name) for p in ordered)


def dot_row(entries: Iterable[tuple[QColor, str]]) -> str:
    """Coloured dots with their words, in a row that wraps between entries, never
    inside one (the legend and the summaries under the charts)."""
    parts = []
    for colour, text in entries:
        unbreakable = html.escape(text).replace(" ", "&nbsp;")
        parts.append(f'<span style="color: {colour.name()};">●</span>&nbsp;{unbreakable}')
    # Wide gaps between entries; the one plain space is where a line may wrap.
    return '<p style="line-height: 150%;">' + "&nbsp;&nbsp;&nbsp;&nbsp; ".join(parts) + "</p>"
