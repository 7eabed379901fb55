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
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QEvent, QMargins, QObject, QPointF, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsSimpleTextItem,
    QLabel,
    QScrollArea,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.progress import answer_count, first_and_latest
from familymeeting.storage.progress import PersonLine, QuestionProgress, family_progress
from familymeeting.storage.services import Services
from familymeeting.ui import theme

CHART_HEIGHT = 300
DAY_MS = 24 * 60 * 60 * 1000
POINT_SIZE = 5.5  # QLineSeries takes a radius; QScatterSeries (LATEST_SIZE) a diameter
LATEST_SIZE = 18
LEGEND_MIN_WIDTH = 1000  # narrower: the summary under the chart is the key


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


class LatestLabels(QObject):
    """Each person's latest number, written just right of their last point.

    QtCharts' own point labels always sit above the point, where they cover the
    dot of someone one step higher (common: Emma 7, Noah 6). These sit beside the
    point, centred on it, and are nudged apart when the text is taller than one
    step (the largest text size). Placed again whenever the plot area changes.
    """

    def __init__(self, chart: QChart) -> None:
        super().__init__(chart)
        self.chart = chart
        self.entries: list[tuple[QPointF, QGraphicsSimpleTextItem]] = []
        chart.plotAreaChanged.connect(self.place)

    def add(self, point: QPointF, text: str, colour: QColor) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text, self.chart)
        item.setBrush(colour)
        item.setZValue(1000)  # above every series
        self.entries.append((point, item))
        return item

    def set_font(self, font: QFont) -> None:
        for _, item in self.entries:
            item.setFont(font)
        self.place()

    def place(self) -> None:
        series = self.chart.series()
        if not series:
            return
        spots = sorted(
            ((self.chart.mapToPosition(point, series[0]), item) for point, item in self.entries),
            key=lambda spot: (round(spot[0].x()), spot[0].y()),
        )
        column_x: float | None = None
        bottom = float("-inf")
        for pos, item in spots:
            height = item.boundingRect().height()
            if column_x is None or abs(pos.x() - column_x) > 1:
                bottom = float("-inf")  # a new meeting: nothing above to avoid
            top = max(pos.y() - height / 2, bottom)
            item.setPos(pos.x() + LATEST_SIZE / 2 + 4, top)
            bottom = top + height
            column_x = pos.x()


@dataclass
class ChartParts:
    chart: QChart
    view: QChartView | None = None
    dates: DateLabels | None = None
    latest: LatestLabels | None = None


class ProgressView(QWidget):
    """Every rating question of a family as a chart, oldest meeting on the left.

    One line per person in their own colour, a gap where they did not answer,
    their latest number written by the last point, and under the chart a
    "first → latest" line per person. Children's questions come first.

    Signals: none. Exposed for tests: ``charts`` and ``summary_labels``, by series id.
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.family_id: str | None = None
        self.charts: dict[str, QChart] = {}
        self.summary_labels: dict[str, QLabel] = {}
        # series id -> participant id -> the label showing their latest number
        self.latest_labels: dict[str, dict[str, QGraphicsSimpleTextItem]] = {}
        self._parts: dict[str, ChartParts] = {}
        self._cards: list[QFrame] = []
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
        layout.addWidget(self.title_label)
        self.subtitle_label = QLabel()
        self.subtitle_label.setObjectName("subtitle")
        self.subtitle_label.setWordWrap(True)
        layout.addWidget(self.subtitle_label)

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
        # The storage layer already orders them; the view guarantees children first.
        progress = sorted(progress, key=lambda q: not q.for_children)

        for card in self._cards:
            self.content_layout.removeWidget(card)
            card.hide()  # gone from the screen now, not at the next turn of the loop
            card.deleteLater()
        self._cards = []
        self.charts = {}
        self.summary_labels = {}
        self.latest_labels = {}
        self._parts = {}

        meeting_ids = {m.meeting_id for q in progress for m in q.meetings}
        self.subtitle_label.setText(
            family.display_name
            if not meeting_ids
            else f"{family.display_name} · "
            + self.tr("%n meeting(s) with answers", "", len(meeting_ids))
        )
        self.ensurePolished()
        for question in progress:
            card = self._question_card(question)
            self.content_layout.insertWidget(self.content_layout.count() - 1, card)
            self._cards.append(card)
        self._show_legends()
        self.stack.setCurrentWidget(self.scroll_area if progress else self.empty_label)
        self.scroll_area.verticalScrollBar().setValue(0)

    def refresh(self) -> None:
        if self.family_id is not None:
            self.show_family(self.family_id)

    def changeEvent(self, event: QEvent) -> None:
        # The text size setting re-applies the stylesheet; chart text follows it.
        if event.type() == QEvent.Type.FontChange:
            for parts in self._parts.values():
                self._apply_fonts(parts)
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_legends()

    def _show_legends(self) -> None:
        # On a narrow (portrait) screen the legend would squeeze the plot; the
        # summary under each chart has the same coloured dots and names.
        for chart in self.charts.values():
            chart.legend().setVisible(self.width() >= LEGEND_MIN_WIDTH)

    # --------------------------------------------------------------- building
    def _question_card(self, question: QuestionProgress) -> QFrame:
        card = QFrame()
        card.setObjectName("progressCard")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        if question.for_children:
            tag = QLabel(self.tr("Question for the children"))
            tag.setObjectName("kind")
            layout.addWidget(tag)
        heading = QLabel(question.text)
        heading.setObjectName("cardText")  # the type scale's step 1, like card text
        heading.setStyleSheet("font-weight: 600;")
        heading.setWordWrap(True)
        layout.addWidget(heading)

        chart = self._chart(question)
        view = QChartView(chart)
        view.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        view.setFrameShape(QFrame.Shape.NoFrame)
        self._parts[question.series_id].view = view
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

        self.charts[question.series_id] = chart
        self.summary_labels[question.series_id] = summary
        return card

    def _chart(self, question: QuestionProgress) -> QChart:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundBrush(QBrush(QColor(theme.SURFACE)))
        chart.setBackgroundRoundness(0)
        chart.setDropShadowEnabled(False)
        chart.setMargins(QMargins(4, 8, 4, 4))
        layout = chart.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, 0)

        times = [to_ms(m.starts_at) for m in question.meetings]
        x_axis = QCategoryAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        span = times[-1] - times[0]
        pad = max(span * 0.06, 5 * DAY_MS)
        x_axis.setStartValue(times[0] - pad)
        x_axis.setRange(times[0] - pad, times[-1] + pad)
        parts = ChartParts(chart)
        parts.dates = DateLabels(
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

        legend = chart.legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeCircle)
        legend.setLabelColor(QColor(theme.TEXT))
        legend.setShowToolTips(True)

        labels = parts.latest = LatestLabels(chart)
        self._parts[question.series_id] = parts
        ends: dict[tuple[int, int], list[PersonLine]] = {}
        for person in question.people:
            self._add_person(chart, x_axis, y_axis, person, times)
            ends.setdefault(segments(person.values)[-1][-1], []).append(person)
        # One number per spot: people who end on the same number at the same
        # meeting share a label (in the text colour, as it is nobody's alone).
        items: dict[str, QGraphicsSimpleTextItem] = {}
        for (i, value), people in ends.items():
            colour = line_colour(people[0].index) if len(people) == 1 else QColor(theme.TEXT)
            item = labels.add(QPointF(times[i], value), str(value), colour)
            for person in people:
                items[person.participant_id] = item
        self.latest_labels[question.series_id] = items
        self._apply_fonts(parts)
        return chart

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
        for n, run in enumerate(runs):
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
            if n > 0:  # one legend entry per person, however many pieces the line has
                for marker in chart.legend().markers(line):
                    marker.setVisible(False)

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
        for marker in chart.legend().markers(latest):
            marker.setVisible(False)

    def _apply_fonts(self, parts: ChartParts) -> None:
        """Chart text in the app's font and current text size (QGraphicsItems miss the
        stylesheet)."""
        body = QFont(self.font())
        for axis in parts.chart.axes():
            axis.setLabelsFont(body)
        parts.chart.legend().setFont(body)
        bold = QFont(body)
        bold.setWeight(QFont.Weight.Bold)
        if bold.pointSizeF() > 0:
            bold.setPointSizeF(bold.pointSizeF() * 1.15)
        if parts.latest is not None:
            parts.latest.set_font(bold)
        if parts.dates is not None:
            parts.dates.refit()
        if parts.view is not None:
            self._size_view(parts.view)

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
        entries = []
        for person in people:
            text = self.summary_text(person)
            if not text:
                continue
            colour = line_colour(person.index).name()
            unbreakable = html.escape(text).replace(" ", "&nbsp;")
            entries.append(f'<span style="color: {colour};">●</span>&nbsp;{unbreakable}')
        # Wide gaps between people; the one plain space is where a line may wrap.
        return '<p style="line-height: 150%;">' + "&nbsp;&nbsp;&nbsp;&nbsp; ".join(entries) + "</p>"
