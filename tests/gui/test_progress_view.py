"""The progress charts: the demo family's answers across its meetings, in Danish."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCharts import QCategoryAxis, QChart, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDateTime, QPointF, QRect, QRectF, Qt, QTime
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QScroller, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.enums import Role
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.ui import theme
from familymeeting.ui.family_page import FamilyPage
from familymeeting.ui.progress import ProgressView, line_colour

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
    assert not chart.legend().isVisible()  # the page has the one legend
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
    assert lines(view.charts[safe], "Noah") == []

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
    # Two pieces of line, one colour, and Emma once in the legend.
    pieces = [s for s in chart.series() if s.name() == "Emma" and type(s) is QLineSeries]
    assert len(pieces) == 2
    assert len({s.pen().color().name() for s in pieces}) == 1
    assert summary(view.legend_label).count("Emma") == 1
    assert summary(view.summary_labels[child]) == ["Emma 4 → 7", "Noah 3 → 6"]
    screenshot(view, "progress-gap")


def test_same_latest_number_shares_one_label(
    qtbot: QtBot, services: Services, demo: str, danish: None
) -> None:
    view = make_view(qtbot, services, demo)
    people = {p.name: p.id for p in services.list_participants(demo)}
    labels = view.latest_labels[series_ids(services, demo)[1]]
    # Mette, Grethe and Anne all say 7 today: one label naming all three, in the text
    # colour (wrapped between names where the room right of the chart is narrow).
    shared = labels[people["Mette (mor)"]]
    assert shared is labels[people["Mormor Grethe"]] is labels[people["Anne (Emmas lærer)"]]
    assert " ".join(shared.text().split()) == "Mette (mor), Mormor Grethe, Anne (Emmas lærer) 7"
    assert shared.colour.name() == theme.TEXT
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
    before = chart.axes()[0].labelsFont().pointSizeF()
    label_before = view.latest_labels[child][people["Emma"]].number_font.pointSizeF()
    height = view._parts[child].view.height()  # type: ignore[union-attr]
    qapp.setStyleSheet(theme.stylesheet(2))
    qtbot.wait(1)
    assert view._parts[child].view.height() == round(height * 1.5)  # type: ignore[union-attr]
    assert chart.axes()[0].labelsFont().pointSizeF() == pytest.approx(before * 1.5, rel=0.05)
    assert view.latest_labels[child][people["Emma"]].number_font.pointSizeF() > label_before


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


def test_portrait_has_the_same_one_legend(
    qtbot: QtBot, services: Services, demo: str, danish: None, screenshot: Shot
) -> None:
    view = make_view(qtbot, services, demo, size=(800, 1280))
    assert all(not chart.legend().isVisible() for chart in view.charts.values())
    assert view.legend_label.isVisible()
    screenshot(view, "progress-800x1280")


# ------------------------------------------------------------------ issue 16
def as_date(x: float) -> date:
    """A chart's x value as the meeting's date."""
    return QDateTime.fromMSecsSinceEpoch(round(x)).date().toPython()


def point_label_texts(view: ProgressView, series_id: str) -> dict[str, str]:
    """Every label drawn by a point, as read on one line, by participant id."""
    return {
        pid: " ".join(item.text().split()) for pid, item in view.latest_labels[series_id].items()
    }


def page_rect(view: ProgressView, chart: QChart) -> QRectF:
    """A chart's plot area in the page's coordinates."""
    chart_view = view._parts[next(s for s, c in view.charts.items() if c is chart)].view
    assert chart_view is not None
    area = chart_view.mapFromScene(chart.plotArea()).boundingRect()
    return QRectF(chart_view.mapTo(view, area.topLeft()), area.size().toSizeF())


def equal_answers_family(services: Services) -> tuple[str, str, dict[str, str]]:
    """Karsten and Oliver give the same number at the first meeting and at the latest;
    Bent and Hanne last answered at the second meeting, both 8."""
    family = services.create_family("Familien Dahl")
    people = {
        name: services.add_participant(family.id, name, role, birth_year=year).id
        for name, role, year in (
            ("Karsten", Role.PARENT, None),
            ("Oliver", Role.CHILD, 2014),
            ("Lise", Role.PARENT, None),
            ("Bent", Role.NETWORK, None),
            ("Hanne", Role.NETWORK, None),
        )
    }
    first = services.create_meeting(family.id, datetime(2026, 9, 2, 10, 0))
    second = services.start_follow_up(first.id, datetime(2026, 9, 30, 10, 0))
    third = services.start_follow_up(second.id, datetime(2026, 10, 28, 10, 0))
    answers = {
        first.id: (5, 5, 3, 7, 6),
        second.id: (6, 4, 5, 8, 8),
        third.id: (7, 7, 4, None, None),  # Bent and Hanne were not asked today
    }
    series = ""
    for meeting_id, values in answers.items():
        question = services.list_questions(meeting_id)[1]  # the safety question
        series = question.series_id
        for pid, value in zip(people.values(), values, strict=True):
            if value is not None:
                services.set_rating(question.id, pid, value)
    return family.id, series, people


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280)])
def test_equal_answers_name_everyone_at_the_point(
    qtbot: QtBot,
    services: Services,
    danish: None,
    screenshot: Shot,
    size: tuple[int, int],
) -> None:
    family_id, series, people = equal_answers_family(services)
    view = make_view(qtbot, services, family_id, size=size)
    chart = view.charts[series]
    labels = view.latest_labels[series]
    texts = point_label_texts(view, series)

    # The latest meeting: one label for both, naming both, in the text colour.
    karsten, oliver, lise = people["Karsten"], people["Oliver"], people["Lise"]
    assert labels[karsten] is labels[oliver]
    assert texts[karsten] == "Karsten, Oliver 7"
    assert labels[karsten].colour.name() == theme.TEXT
    # Someone alone at their latest point keeps the number in their colour.
    assert texts[lise] == "4"
    # An earlier meeting where two people's latest answers meet: both named.
    assert labels[people["Bent"]] is labels[people["Hanne"]]
    assert texts[people["Bent"]] == "Bent, Hanne 8"
    assert len(view.point_labels[series]) == 3  # one label per latest point

    # Where Karsten and Oliver meet on the way (5 at the first meeting), a ring
    # each, Karsten's round Oliver's: both colours show, neither dot hides the other.
    ((point, rings),) = view.rings[series].rings()
    assert (as_date(point.x()), point.y()) == (date(2026, 9, 2), 5.0)
    assert [colour.name() for colour, _ in rings] == [line_colour(0).name(), line_colour(1).name()]
    (outer, inner) = (size for _, size in rings)
    assert outer > inner + 4  # a ring of Karsten's colour shows round Oliver's dot
    assert view.rings[series].isVisible()

    # Every label whole on the chart, none on another.
    items = view.point_labels[series]
    bounds = chart.rect()
    for item in items:
        assert item.isVisible()
        assert bounds.contains(item.sceneBoundingRect()), item.text()
    for a, b in itertools.combinations(items, 2):
        assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect()), (a.text(), b.text())
    screenshot(view, f"progress-equal-{size[0]}x{size[1]}")


def test_equal_answers_at_the_largest_text_size(
    qtbot: QtBot, qapp: QApplication, services: Services, danish: None
) -> None:
    family_id, series, people = equal_answers_family(services)
    view = make_view(qtbot, services, family_id, size=(800, 1280))
    qapp.setStyleSheet(theme.stylesheet(2))
    qtbot.wait(1)
    QApplication.processEvents()
    chart = view.charts[series]
    items = view.point_labels[series]
    assert point_label_texts(view, series)[people["Karsten"]] == "Karsten, Oliver 7"
    assert point_label_texts(view, series)[people["Hanne"]] == "Bent, Hanne 8"
    for item in items:
        assert chart.rect().contains(item.sceneBoundingRect()), item.text()
    for a, b in itertools.combinations(items, 2):
        assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect())


def test_demo_shared_points_name_everyone(
    qtbot: QtBot, services: Services, demo: str, danish: None
) -> None:
    view = make_view(qtbot, services, demo, size=(1366, 768))
    _, safe, plan = series_ids(services, demo)
    people = {p.name: p.id for p in services.list_participants(demo)}
    texts = point_label_texts(view, safe)
    assert texts[people["Mette (mor)"]] == "Mette (mor), Mormor Grethe, Anne (Emmas lærer) 7"
    assert texts[people["Jonas (far)"]] == "7"  # his latest answer is from last meeting
    assert texts[people["Sara (rådgiver)"]] == "6"
    plan_texts = point_label_texts(view, plan)
    assert plan_texts[people["Mette (mor)"]] == "Mette (mor), Jonas (far) 7"
    assert plan_texts[people["Mormor Grethe"]] == "Mormor Grethe, Sara (rådgiver) 6"
    assert plan_texts[people["Noah"]] == "5"
    # Four weeks ago Mette, Grethe and Anne all said 6 on the way to today's 7.
    ((point, rings),) = view.rings[safe].rings()
    assert (as_date(point.x()), point.y()) == (DEMO_DATES[1], 6.0)
    index = {p.name: i for i, p in enumerate(services.list_participants(demo))}
    assert [colour.name() for colour, _ in rings] == [
        line_colour(index[name]).name()
        for name in ("Mette (mor)", "Mormor Grethe", "Anne (Emmas lærer)")
    ]
    for series in (safe, plan):
        items = view.point_labels[series]
        for item in items:
            assert view.charts[series].rect().contains(item.sceneBoundingRect()), item.text()
        for a, b in itertools.combinations(items, 2):
            assert not a.sceneBoundingRect().intersects(b.sceneBoundingRect())


def legend_entries(view: ProgressView) -> list[tuple[str, str]]:
    """The page legend as read: (colour of the dot, name) per person."""
    html_text = view.legend_label.text()
    colours = re.findall(r'color: (#[0-9a-fA-F]{6});">●', html_text)
    return list(zip(colours, summary(view.legend_label), strict=True))


@pytest.mark.parametrize("size", [(1366, 768), (800, 1280)])
def test_one_legend_for_the_page(
    qtbot: QtBot, services: Services, demo: str, danish: None, size: tuple[int, int]
) -> None:
    view = make_view(qtbot, services, demo, size=size)
    assert all(not chart.legend().isVisible() for chart in view.charts.values())
    participants = services.list_participants(demo)
    assert legend_entries(view) == [
        (line_colour(i).name(), p.name) for i, p in enumerate(participants)
    ]
    # Each chart draws a person in their legend colour.
    colours = dict((name, colour) for colour, name in legend_entries(view))
    for chart in view.charts.values():
        for series in chart.series():
            if isinstance(series, QLineSeries) and not isinstance(series, QScatterSeries):
                assert series.pen().color().name() == colours[series.name()]
    # Once on the page, and still in sight after scrolling to the last chart.
    legend = view.legend_label
    assert view.findChildren(QLabel, "progressLegend") == [legend]
    view.scroll_area.verticalScrollBar().setValue(view.scroll_area.verticalScrollBar().maximum())
    QApplication.processEvents()
    top_left = legend.mapTo(view, legend.rect().topLeft())
    assert legend.isVisible()
    assert view.rect().contains(QRect(top_left, legend.size()))


def test_one_legend_lists_only_people_with_answers(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    family_id, _series, _people = equal_answers_family(services)
    services.add_participant(family_id, "Ib (morfar)", Role.NETWORK)
    view = make_view(qtbot, services, family_id)
    names = ["Karsten", "Oliver", "Lise", "Bent", "Hanne"]
    assert [name for _, name in legend_entries(view)] == names


@pytest.mark.parametrize("size", [(1366, 768), (1024, 768), (800, 1280)])
def test_charts_share_one_time_axis(
    qtbot: QtBot, services: Services, demo: str, danish: None, size: tuple[int, int]
) -> None:
    # A question asked only today, and the demo's plan question, last answered four
    # weeks ago: three charts with different meetings.
    today = services.list_meetings(demo)[0]
    new = services.add_question(today.id, "Hvor godt sover I om natten?")
    for person in services.list_participants(demo)[:2]:
        services.set_rating(new.id, person.id, 8)
    view = make_view(qtbot, services, demo, size=size)
    assert len(view.charts) == 4

    ranges = set()
    for chart in view.charts.values():
        (x,) = chart.axes(Qt.Orientation.Horizontal)
        assert isinstance(x, QValueAxis | QCategoryAxis)
        ranges.add((x.min(), x.max()))
    assert len(ranges) == 1  # the same dates, first to latest, on every chart

    rects = [page_rect(view, chart) for chart in view.charts.values()]
    lefts = {round(r.left()) for r in rects}
    rights = {round(r.right()) for r in rects}
    assert len(lefts) == 1, rects
    assert len(rights) == 1, rects

    # The same meeting sits at the same place across the page.
    def page_x(series_id: str, when: date) -> float:
        chart = view.charts[series_id]
        point = chart.mapToPosition(
            QPointF(float(QDateTime(when, QTime(10, 0)).toMSecsSinceEpoch()), 5),
            chart.series()[0],
        )
        chart_view = view._parts[series_id].view
        assert chart_view is not None
        return float(chart_view.mapTo(view, chart_view.mapFromScene(point)).x())

    child, safe, plan = series_ids(services, demo)[:3]
    assert page_x(child, DEMO_DATES[1]) == pytest.approx(page_x(plan, DEMO_DATES[1]), abs=1)
    assert page_x(new.series_id, DEMO_DATES[2]) == pytest.approx(page_x(safe, DEMO_DATES[2]), abs=1)


@pytest.mark.parametrize("meetings", [1, 2])
def test_the_english_count_of_meetings_takes_the_singular(
    qtbot: QtBot, services: Services, qapp: QApplication, meetings: int
) -> None:
    """English is the source language; its plural forms come from familymeeting_en.ts
    (it read "1 meeting(s) with answers")."""
    from PySide6.QtCore import QCoreApplication

    from familymeeting.messages import set_language
    from familymeeting.ui.language import switch_language

    family = services.create_family("The Bergs")
    lea = services.add_participant(family.id, "Lea", Role.CHILD, birth_year=2016)
    for day in range(meetings):
        meeting = services.create_meeting(family.id, datetime(2026, 12, 2 + day, 10, 0))
        services.set_rating(services.list_questions(meeting.id)[0].id, lea.id, 5)
    switch_language(qapp, "en")
    try:
        view = make_view(qtbot, services, family.id)
        word = "meeting" if meetings == 1 else "meetings"
        assert view.subtitle_label.text() == f"The Bergs · {meetings} {word} with answers"
    finally:  # as the other tests expect: no translator, the language detected
        for translator in qapp.property("translators") or []:
            QCoreApplication.removeTranslator(translator)
        qapp.setProperty("translators", [])
        set_language(None)
