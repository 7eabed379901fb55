"""The progress charts: the demo family's answers across its meetings, in Danish."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCharts import QCategoryAxis, QChart, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QScroller, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.enums import Role
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.ui import theme
from familymeeting.ui.family_page import FamilyPage
from familymeeting.ui.progress import ProgressView

Shot = Callable[[QWidget, str], Path]
TODAY = date(2026, 11, 25)
DEMO_DATES = [date(2026, 9, 30), date(2026, 10, 28), date(2026, 11, 25)]


pytestmark = pytest.mark.usefixtures("styled")  # the app's look (gui/conftest.py)


def make_view(
    qtbot: QtBot, services: Services, family_id: str, size: tuple[int, int] = (1280, 800)
) -> ProgressView:
    view = ProgressView(services)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show_family(family_id)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()  # let the scroll area lay out (its scroll bar appears)
    return view


def lines(chart: QChart, name: str) -> list[list[tuple[date, float]]]:
    """A person's line segments as (meeting date, value) points."""
    return [
        [
            (QDateTime.fromMSecsSinceEpoch(round(p.x())).date().toPython(), p.y())
            for p in series.points()
        ]
        for series in chart.series()
        if isinstance(series, QLineSeries)
        and not isinstance(series, QScatterSeries)
        and series.name() == name
    ]


def latest_point(chart: QChart, name: str) -> tuple[date, float]:
    (series,) = [s for s in chart.series() if isinstance(s, QScatterSeries) and s.name() == name]
    (point,) = series.points()
    return QDateTime.fromMSecsSinceEpoch(round(point.x())).date().toPython(), point.y()


def visible_legend(chart: QChart) -> list[str]:
    return [m.label() for m in chart.legend().markers() if m.isVisible()]


def summary(label: QLabel) -> list[str]:
    """The label's text as read, one "name first → latest" per person."""
    doc = QTextDocument()
    doc.setHtml(label.text())
    text = doc.toPlainText().replace("\xa0", " ")
    return [part.strip() for part in text.split("●") if part.strip()]


@pytest.fixture
def demo(services: Services) -> str:
    return create_demo_family(services, TODAY).id


def series_ids(services: Services, family_id: str) -> list[str]:
    newest = services.list_meetings(family_id)[0]
    return [q.series_id for q in services.list_questions(newest.id)]


def test_demo_charts_have_the_right_points(
    qtbot: QtBot, services: Services, demo: str, danish: None, screenshot: Shot
) -> None:
    view = make_view(qtbot, services, demo)
    child, safe, plan = series_ids(services, demo)
    assert list(view.charts) == [child, safe, plan]  # children's question first
    assert view.title_label.text() == "Udvikling"
    assert view.subtitle_label.text() == "Familien Holm (demo) · 3 møder med svar"

    chart = view.charts[child]
    assert lines(chart, "Emma") == [list(zip(DEMO_DATES, [4.0, 6.0, 7.0], strict=True))]
    assert lines(chart, "Noah") == [list(zip(DEMO_DATES, [3.0, 5.0, 6.0], strict=True))]
    assert visible_legend(chart) == ["Emma", "Noah"]
    assert chart.animationOptions() == QChart.AnimationOption.NoAnimation

    x_axis, y_axis = chart.axes(Qt.Orientation.Horizontal), chart.axes(Qt.Orientation.Vertical)
    (x,) = x_axis
    (y,) = y_axis
    assert isinstance(x, QCategoryAxis)
    assert x.categoriesLabels() == ["30. sep.", "28. okt.", "25. nov."]
    assert [
        QDateTime.fromMSecsSinceEpoch(round(x.endValue(label))).date().toPython()
        for label in x.categoriesLabels()
    ] == DEMO_DATES
    assert isinstance(y, QValueAxis)
    assert (y.min(), y.max()) == (0.5, 10.5)  # half a step of air around 1 and 10
    assert (y.tickType(), y.tickAnchor(), y.tickInterval()) == (
        QValueAxis.TickType.TicksDynamic,
        1.0,
        1.0,
    )
    assert y.labelFormat() == "%d"

    # Each person's line is their colour, the latest point labelled with the number.
    emma = [s for s in chart.series() if s.name() == "Emma"]
    pens = {s.pen().color().name() for s in emma if isinstance(s, QLineSeries)}
    assert len(pens) == 1
    assert latest_point(chart, "Emma") == (DEMO_DATES[-1], 7.0)
    people = {p.name: p.id for p in services.list_participants(demo)}
    label = view.latest_labels[child][people["Emma"]]
    assert label.text() == "7"
    assert label.isVisible()
    assert view.latest_labels[child][people["Noah"]].text() == "6"

    assert summary(view.summary_labels[child]) == ["Emma 4 → 7", "Noah 3 → 6"]

    # Jonas was not asked today, Noah said "not answered" first time: no zeros, no points.
    assert lines(view.charts[safe], "Jonas (far)") == [
        list(zip(DEMO_DATES[:2], [6.0, 7.0], strict=True))
    ]
    assert lines(view.charts[plan], "Noah") == [[(DEMO_DATES[1], 5.0)]]
    assert summary(view.summary_labels[plan]) == [
        "Noah 5",
        "Mette (mor) 6 → 7",
        "Jonas (far) 5 → 7",
        "Mormor Grethe 5 → 6",
        "Sara (rådgiver) 4 → 6",
    ]
    assert "Noah" not in visible_legend(view.charts[safe])

    screenshot(view, "progress-1280x800")


def test_not_answered_makes_a_gap(
    qtbot: QtBot, services: Services, demo: str, danish: None, screenshot: Shot
) -> None:
    people = {p.name: p.id for p in services.list_participants(demo)}
    middle = services.list_meetings(demo)[1]
    services.set_rating(services.list_questions(middle.id)[0].id, people["Emma"], None)
    view = make_view(qtbot, services, demo)
    child = series_ids(services, demo)[0]
    chart = view.charts[child]

    assert lines(chart, "Emma") == [[(DEMO_DATES[0], 4.0)], [(DEMO_DATES[2], 7.0)]]
    emma_markers = [m for m in chart.legend().markers() if m.label() == "Emma"]
    assert len(emma_markers) == 3  # two pieces of line and the latest dot...
    assert [m.isVisible() for m in emma_markers].count(True) == 1  # ...one legend entry
    assert visible_legend(chart) == ["Emma", "Noah"]
    assert summary(view.summary_labels[child]) == ["Emma 4 → 7", "Noah 3 → 6"]
    screenshot(view, "progress-gap")


def test_same_latest_number_shares_one_label(
    qtbot: QtBot, services: Services, demo: str, danish: None
) -> None:
    view = make_view(qtbot, services, demo)
    people = {p.name: p.id for p in services.list_participants(demo)}
    labels = view.latest_labels[series_ids(services, demo)[1]]
    # Mette, Grethe and Anne all say 7 today: one "7" beside the dot, in the text colour.
    shared = labels[people["Mette (mor)"]]
    assert shared is labels[people["Mormor Grethe"]] is labels[people["Anne (Emmas lærer)"]]
    assert shared.text() == "7"
    assert shared.brush().color().name() == theme.TEXT
    assert labels[people["Jonas (far)"]].text() == "7"
    assert labels[people["Jonas (far)"]] is not shared  # his latest is from last meeting
    # Labels of one meeting never overlap.
    sara = labels[people["Sara (rådgiver)"]]
    assert not shared.sceneBoundingRect().intersects(sara.sceneBoundingRect())


def test_one_meeting_and_one_answer(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    family = services.create_family("Familien Berg")
    lea = services.add_participant(family.id, "Lea", Role.CHILD, birth_year=2016)
    meeting = services.create_meeting(family.id, datetime(2026, 12, 2, 10, 0))
    child_q = services.list_questions(meeting.id)[0]
    services.set_rating(child_q.id, lea.id, 5)

    view = make_view(qtbot, services, family.id)
    chart = view.charts[child_q.series_id]
    assert lines(chart, "Lea") == [[(date(2026, 12, 2), 5.0)]]
    assert summary(view.summary_labels[child_q.series_id]) == ["Lea 5"]
    assert view.latest_labels[child_q.series_id][lea.id].text() == "5"
    (x,) = chart.axes(Qt.Orientation.Horizontal)
    assert isinstance(x, QCategoryAxis)
    assert x.min() < x.endValue(x.categoriesLabels()[0]) < x.max()
    assert view.subtitle_label.text() == "Familien Berg · 1 møde med svar"


def test_empty_state_without_answers(
    qtbot: QtBot, services: Services, danish: None, screenshot: Shot
) -> None:
    family = services.create_family("Familien Berg")
    services.create_meeting(family.id, datetime(2026, 12, 2, 10, 0))
    view = make_view(qtbot, services, family.id)
    assert view.charts == {}
    assert view.stack.currentWidget() is view.empty_label
    assert view.empty_label.text().startswith("Ingen svar endnu.")
    screenshot(view, "progress-empty")


def test_showing_again_rebuilds_without_duplicates_and_scrolls_by_touch(
    qtbot: QtBot, services: Services, demo: str, danish: None
) -> None:
    view = make_view(qtbot, services, demo)
    view.show_family(demo)
    qtbot.wait(1)  # let deleteLater run
    assert len(view.charts) == 3
    assert len(view._cards) == 3
    assert view.content_layout.count() == 4  # three cards and the stretch
    assert QScroller.hasScroller(view.scroll_area.viewport())
    for chart_view in view.findChildren(QWidget):
        if chart_view.metaObject().className() == "QChartView":
            assert chart_view.height() >= 280
            assert chart_view.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


def test_chart_text_follows_the_text_size(
    qtbot: QtBot, qapp: QApplication, services: Services, demo: str, danish: None
) -> None:
    view = make_view(qtbot, services, demo)
    child = series_ids(services, demo)[0]
    chart = view.charts[child]
    people = {p.name: p.id for p in services.list_participants(demo)}
    before = chart.legend().font().pointSizeF()
    label_before = view.latest_labels[child][people["Emma"]].font().pointSizeF()
    height = view._parts[child].view.height()  # type: ignore[union-attr]
    qapp.setStyleSheet(theme.stylesheet(2))
    qtbot.wait(1)
    assert view._parts[child].view.height() == round(height * 1.5)  # type: ignore[union-attr]
    assert chart.legend().font().pointSizeF() == pytest.approx(before * 1.5, rel=0.05)
    assert view.latest_labels[child][people["Emma"]].font().pointSizeF() > label_before


def test_family_page_progress_button(
    qtbot: QtBot, services: Services, demo: str, danish: None
) -> None:
    page = FamilyPage(services)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show_family(demo)
    page.show()
    qtbot.waitExposed(page)
    assert page.progress_button.text() == "Udvikling"
    assert page.progress_button.height() >= theme.TOUCH
    with qtbot.waitSignal(page.progress_requested) as requested:
        qtbot.mouseClick(page.progress_button, Qt.MouseButton.LeftButton)
    assert requested.args == [demo]

    empty = services.create_family("Familien Berg")
    page.show_family(empty.id)
    assert not page.progress_button.isEnabled()


def test_portrait_uses_the_summary_as_the_key(
    qtbot: QtBot, services: Services, demo: str, danish: None, screenshot: Shot
) -> None:
    view = make_view(qtbot, services, demo, size=(800, 1280))
    assert all(not chart.legend().isVisible() for chart in view.charts.values())
    screenshot(view, "progress-800x1280")
    view.resize(1280, 800)
    assert all(chart.legend().isVisible() for chart in view.charts.values())
