"""The 1-10 rating slider: tap, drag, keys, wheel, "not answered", faces, accessibility."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.ui import theme
from familymeeting.ui.meeting.ratings.slider import (
    RatingSlider,
    ScaleWords,
    face_colour,
    mouth_curve,
    paint_face,
    row_insets,
)

Shot = Callable[[QWidget, str], Path]
QUESTION = "Hvor godt er det at være dig derhjemme lige nu?"
LOW, HIGH = "Rigtig skidt", "Rigtig godt"
LEFT = Qt.MouseButton.LeftButton


def make_slider(qtbot: QtBot, *, large: bool = False, width: int = 600) -> RatingSlider:
    slider = RatingSlider(QUESTION, LOW, HIGH, large=large)
    qtbot.addWidget(slider)
    slider.resize(width, slider.heightForWidth(width))
    with qtbot.waitExposed(slider):
        slider.show()
    return slider


@pytest.fixture(autouse=True)
def _restore_stylesheet(qapp: QApplication) -> Iterator[None]:
    """Tests here change the application's text size; leave it as it was found."""
    before = qapp.styleSheet()
    yield
    qapp.setStyleSheet(before)


@pytest.fixture
def slider(qtbot: QtBot, qapp: QApplication, danish: None) -> RatingSlider:
    qapp.setStyleSheet(theme.stylesheet())
    return make_slider(qtbot)


def on_track(slider: RatingSlider, x: float) -> QPoint:
    return QPoint(round(x), round(slider.track_y()))


def at_value(slider: RatingSlider, value: int) -> QPoint:
    return on_track(slider, slider.x_for(value))


def recorded(slider: RatingSlider) -> list[object]:
    values: list[object] = []
    slider.committed.connect(values.append)
    return values


def wheel(slider: RatingSlider, notches: int) -> QWheelEvent:
    pos = QPointF(slider.x_for(5), slider.track_y())
    return QWheelEvent(
        pos,
        QPointF(slider.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )


# --- "not answered" -----------------------------------------------------------------------


def test_starts_not_answered(slider: RatingSlider) -> None:
    assert slider.value() is None
    assert slider.accessibleName() == QUESTION
    assert slider.accessibleDescription() == "Ikke svaret endnu"
    assert slider.prompt_text() == "Ikke svaret endnu"
    assert not slider.is_declined()


def test_english_texts(qtbot: QtBot) -> None:
    slider = RatingSlider("How good is it?")
    qtbot.addWidget(slider)
    assert slider.accessibleDescription() == "Not answered yet"
    assert slider.prompt_text() == "Not answered yet"
    slider.setDeclined(True)
    assert slider.accessibleDescription() == "Won't answer"
    assert slider.prompt_text() == "Won't answer"
    large = RatingSlider("How good is it?", large=True)
    qtbot.addWidget(large)
    assert large.prompt_text() == "Tap to answer"  # a child is shown what to do


def test_set_value_shows_it_and_emits_nothing(slider: RatingSlider) -> None:
    values = recorded(slider)
    slider.setValue(3)
    assert slider.value() == 3
    assert slider.accessibleDescription() == "3"
    slider.setValue(None)
    assert slider.value() is None
    assert slider.accessibleDescription() == "Ikke svaret endnu"
    assert values == []


def test_wont_answer_is_not_a_number_and_not_the_open_question(
    qtbot: QtBot, slider: RatingSlider
) -> None:
    """ "Won't answer" has its own words and look; a number given after it is an answer."""
    values = recorded(slider)
    open_question = slider.grab().toImage()
    slider.setDeclined(True)
    assert slider.is_declined() and slider.value() is None
    assert slider.accessibleDescription() == "Vil ikke svare"
    assert slider.prompt_text() == "Vil ikke svare"
    declined = slider.grab().toImage()
    assert declined != open_question
    for value in (1, 5, 10):
        slider.setDeclined(True)
        slider.setValue(value)  # a number shown is an answer: no longer "won't answer"
        assert not slider.is_declined()
        assert slider.grab().toImage() != declined
    slider.setValue(None)
    slider.setDeclined(True)
    assert slider.grab().toImage() == declined
    assert values == []
    qtbot.mouseClick(slider, LEFT, pos=at_value(slider, 6))  # they answer after all
    assert (slider.value(), values, slider.is_declined()) == (6, [6], False)
    assert slider.accessibleDescription() == "6"


def test_a_rows_number_is_at_its_right_end(slider: RatingSlider) -> None:
    """Right of the happy face, where the rows' numbers line up; the face stays free."""
    _, right_inset = row_insets(slider.font())
    assert slider.x_for(10) < slider.width() - right_inset
    number_area = QRect(round(slider.width() - right_inset + 8), 0, 60, slider.height())
    slider.setValue(3)
    three = slider.grab().toImage().copy(number_area)
    slider.setValue(4)
    assert slider.grab().toImage().copy(number_area) != three
    slider.setValue(None)
    blank = slider.grab().toImage().copy(number_area)
    slider.setDeclined(True)
    assert slider.grab().toImage().copy(number_area) == blank  # no number, no dash


def test_scale_words_stand_over_the_end_faces(
    qtbot: QtBot, qapp: QApplication, danish: None
) -> None:
    qapp.setStyleSheet(theme.stylesheet())
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    words = ScaleWords(LOW, HIGH)
    slider = RatingSlider(QUESTION)
    layout.addWidget(words)
    layout.addWidget(slider)
    page.resize(640, layout.totalHeightForWidth(640))
    with qtbot.waitExposed(page):
        page.show()
    assert words.words() == (LOW, HIGH)
    left_inset, right_inset = row_insets(slider.font())
    low = words.low_label.geometry()
    high = words.high_label.geometry()
    assert low.left() == round(left_inset)
    assert abs(high.right() + 1 - (words.width() - right_inset)) <= 1
    assert words.low_label.text() == LOW and words.high_label.text() == HIGH


@pytest.mark.parametrize("bad", [0, 11, -1, 5.0, True, "5"])
def test_set_value_refuses_what_is_not_a_rating(slider: RatingSlider, bad: object) -> None:
    with pytest.raises(ValueError):
        slider.setValue(bad)  # type: ignore[arg-type]
    assert slider.value() is None


def test_question_is_the_accessible_name(slider: RatingSlider) -> None:
    slider.setQuestion("Hvor sikker er du på planen?")
    assert slider.accessibleName() == "Hvor sikker er du på planen?"
    assert slider.question() == "Hvor sikker er du på planen?"


# --- taps and drags -----------------------------------------------------------------------


def test_geometry_maps_values_and_positions_both_ways(slider: RatingSlider) -> None:
    for value in range(1, 11):
        assert slider.value_at(slider.x_for(value)) == value
    step = slider.x_for(2) - slider.x_for(1)
    assert step >= theme.TOUCH * 0.66  # neighbours are far enough apart for a finger
    assert slider.value_at(slider.x_for(3) + step * 0.4) == 3
    assert slider.value_at(slider.x_for(3) + step * 0.6) == 4
    assert slider.value_at(-100) == 1
    assert slider.value_at(slider.width() + 100) == 10


def test_tap_at_far_right_answers_ten(qtbot: QtBot, slider: RatingSlider) -> None:
    values = recorded(slider)
    qtbot.mouseClick(slider, LEFT, pos=on_track(slider, slider.width() - 2))
    assert slider.value() == 10
    assert values == [10]
    assert slider.accessibleDescription() == "10"


def test_tap_at_far_left_answers_one(qtbot: QtBot, slider: RatingSlider) -> None:
    values = recorded(slider)
    qtbot.mouseClick(slider, LEFT, pos=on_track(slider, 2))
    assert (slider.value(), values) == (1, [1])


def test_tap_in_the_middle(qtbot: QtBot, slider: RatingSlider) -> None:
    values = recorded(slider)
    middle = slider.width() // 2
    expected = slider.value_at(middle)
    assert expected in (5, 6)
    qtbot.mouseClick(slider, LEFT, pos=on_track(slider, middle))
    assert slider.value() == expected
    assert values == [expected]


def test_drag_commits_once_on_release(qtbot: QtBot, slider: RatingSlider) -> None:
    values = recorded(slider)
    qtbot.mousePress(slider, LEFT, pos=at_value(slider, 2))
    assert slider.value() == 2  # shown at once, not committed yet
    for value in range(3, 9):
        qtbot.mouseMove(slider, at_value(slider, value))
        assert slider.value() == value  # the face follows the finger live
        assert slider.accessibleDescription() == str(value)
    assert values == []
    qtbot.mouseRelease(slider, LEFT, pos=at_value(slider, 8))
    assert slider.value() == 8
    assert values == [8]


def test_drag_snaps_to_whole_numbers(qtbot: QtBot, slider: RatingSlider) -> None:
    values = recorded(slider)
    step = slider.x_for(2) - slider.x_for(1)
    qtbot.mousePress(slider, LEFT, pos=at_value(slider, 4))
    qtbot.mouseMove(slider, on_track(slider, slider.x_for(6) + step * 0.3))
    assert slider.value() == 6
    qtbot.mouseRelease(slider, LEFT, pos=on_track(slider, slider.x_for(6) + step * 0.3))
    assert values == [6]


def test_tap_on_the_current_value_emits_nothing(qtbot: QtBot, slider: RatingSlider) -> None:
    slider.setValue(7)
    values = recorded(slider)
    qtbot.mouseClick(slider, LEFT, pos=at_value(slider, 7))
    assert slider.value() == 7
    # Dragging away and back again is no change either.
    qtbot.mousePress(slider, LEFT, pos=at_value(slider, 7))
    qtbot.mouseMove(slider, at_value(slider, 3))
    qtbot.mouseMove(slider, at_value(slider, 7))
    qtbot.mouseRelease(slider, LEFT, pos=at_value(slider, 7))
    assert values == []


def test_other_buttons_and_the_anchor_words_do_not_answer(
    qtbot: QtBot, slider: RatingSlider
) -> None:
    values = recorded(slider)
    qtbot.mouseClick(slider, Qt.MouseButton.RightButton, pos=at_value(slider, 8))
    # The words under the ends belong to the page (a scroll area may want that drag).
    qtbot.mouseClick(slider, LEFT, pos=QPoint(round(slider.x_for(8)), slider.height() - 4))
    assert slider.value() is None
    assert values == []


def test_large_slider_taps_and_drags(qtbot: QtBot, qapp: QApplication, danish: None) -> None:
    qapp.setStyleSheet(theme.stylesheet())
    big = make_slider(qtbot, large=True, width=1000)
    values = recorded(big)
    qtbot.mousePress(big, LEFT, pos=at_value(big, 9))
    qtbot.mouseMove(big, at_value(big, 3))
    qtbot.mouseRelease(big, LEFT, pos=at_value(big, 3))
    assert (big.value(), values) == (3, [3])


# --- keyboard and wheel -------------------------------------------------------------------


def test_keys_step_and_commit(qtbot: QtBot, slider: RatingSlider) -> None:
    values = recorded(slider)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert slider.value() == 5  # from "not answered" an arrow starts in the middle
    qtbot.keyClick(slider, Qt.Key.Key_Up)
    assert slider.value() == 6
    qtbot.keyClick(slider, Qt.Key.Key_End)
    assert slider.value() == 10
    qtbot.keyClick(slider, Qt.Key.Key_Right)  # already at the top: no change, no signal
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert slider.value() == 1
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_Down)
    assert slider.value() == 1
    qtbot.keyClick(slider, Qt.Key.Key_Up)
    assert values == [5, 6, 10, 1, 2]
    assert slider.accessibleDescription() == "2"


def test_left_from_not_answered_also_starts_at_five(qtbot: QtBot, slider: RatingSlider) -> None:
    values = recorded(slider)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert values == [5]


def test_home_and_end_answer_from_not_answered(qtbot: QtBot, slider: RatingSlider) -> None:
    values = recorded(slider)
    qtbot.keyClick(slider, Qt.Key.Key_End)
    slider.setValue(None)
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    assert values == [10, 1]


def test_is_focusable_with_tab(slider: RatingSlider) -> None:
    assert slider.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_wheel_is_ignored_by_default(slider: RatingSlider) -> None:
    values = recorded(slider)
    assert slider.wheel_enabled is False
    event = wheel(slider, 1)
    event.accept()
    slider.wheelEvent(event)
    assert not event.isAccepted()
    assert slider.value() is None
    assert values == []


def in_scroll_area(qtbot: QtBot, slider: RatingSlider) -> QScrollArea:
    area = QScrollArea()
    qtbot.addWidget(area)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(slider)
    layout.addSpacing(3000)
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.resize(640, 400)
    with qtbot.waitExposed(area):
        area.show()
    return area


def test_wheel_scrolls_the_page_not_the_answer(qtbot: QtBot) -> None:
    slider = RatingSlider(QUESTION, LOW, HIGH)
    slider.setValue(4)
    values = recorded(slider)
    area = in_scroll_area(qtbot, slider)
    where = slider.mapTo(area, on_track(slider, slider.x_for(6)))
    # A real (spontaneous) wheel event, as from a mouse: Qt passes it on to the scroll area.
    QTest.wheelEvent(area.windowHandle(), QPointF(where), QPoint(0, -120))
    assert area.verticalScrollBar().value() > 0
    assert slider.value() == 4
    assert values == []


def test_wheel_works_when_enabled(slider: RatingSlider) -> None:
    slider.wheel_enabled = True
    values = recorded(slider)
    for notches in (1, 1, -1, 3):
        event = wheel(slider, notches)
        slider.wheelEvent(event)
        assert event.isAccepted()
    assert slider.value() == 8
    assert values == [5, 6, 5, 8]


def test_a_finger_on_a_touch_screen(qtbot: QtBot) -> None:
    """Touch points become mouse events for us; press, slide and lift answer once."""
    slider = RatingSlider(QUESTION, LOW, HIGH)
    values = recorded(slider)
    area = in_scroll_area(qtbot, slider)
    window = area.windowHandle()
    device = QTest.createTouchDevice()

    def touch(value: int) -> QPoint:
        return slider.mapTo(area, at_value(slider, value))

    QTest.touchEvent(window, device).press(0, touch(9), window).commit()
    assert slider.value() == 9
    QTest.touchEvent(window, device).move(0, touch(7), window).commit()
    assert slider.value() == 7
    assert values == []
    QTest.touchEvent(window, device).release(0, touch(7), window).commit()
    assert values == [7]


# --- size, faces, colours -----------------------------------------------------------------


def test_big_enough_for_a_finger(qtbot: QtBot, slider: RatingSlider) -> None:
    assert slider.handle_diameter() >= theme.TOUCH
    assert slider.height() >= theme.TOUCH
    assert slider.sizeHint().height() >= theme.TOUCH
    assert slider.minimumSizeHint().height() >= theme.TOUCH
    row = RatingSlider(QUESTION)  # a row of the ratings view: no words under its ends
    qtbot.addWidget(row)
    assert row.heightForWidth(600) >= row.handle_diameter() + 8  # the face is whole
    large = RatingSlider(QUESTION, LOW, HIGH, large=True)
    qtbot.addWidget(large)
    assert large.handle_diameter() >= 96
    assert large.sizeHint().height() >= 220
    assert large.heightForWidth(900) >= 220


def test_larger_text_makes_a_larger_slider(qtbot: QtBot, qapp: QApplication) -> None:
    qapp.setStyleSheet(theme.stylesheet(0))
    slider = make_slider(qtbot)
    small = (slider.handle_diameter(), slider.heightForWidth(600))
    qapp.setStyleSheet(theme.stylesheet(2))
    big = (slider.handle_diameter(), slider.heightForWidth(600))
    assert big[0] >= small[0]
    assert big[1] > small[1]


def test_long_anchor_words_wrap_instead_of_overlapping(slider: RatingSlider) -> None:
    short = slider.heightForWidth(600)
    slider.setAnchors(
        "Det står så slemt til, at børnene ikke kan blive boende hjemme",
        "Alle er sikre på, at børnene er trygge, og vi kan lukke sagen",
    )
    assert slider.heightForWidth(600) > short  # more lines, more room below the ends
    assert slider.anchors()[0].startswith("Det står")


def test_mouth_goes_from_sad_to_happy() -> None:
    curves = [mouth_curve(v) for v in range(1, 11)]
    assert curves == sorted(curves)
    assert curves[0] == -1.0 and curves[-1] == 1.0
    assert abs(mouth_curve(5)) < 0.15 and abs(mouth_curve(6)) < 0.15


def test_soft_colours_and_no_red() -> None:
    for value in range(1, 11):
        colour = face_colour(value)
        assert colour.hsvSaturationF() < 0.35, value  # pale, calm fills
        hue = colour.hsvHueF() * 360
        assert not (hue < 20 or hue > 340), (value, colour.name())  # nothing red-ish


def face_image(value: int) -> QImage:
    image = QImage(96, 96, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_face(painter, QPointF(48, 48), 90, value)
    painter.end()
    return image


def test_faces_differ_between_one_five_and_ten() -> None:
    sad, neutral, happy = face_image(1), face_image(5), face_image(10)
    assert sad != neutral
    assert neutral != happy
    assert sad != happy


def test_painted_slider_differs_with_the_value(slider: RatingSlider) -> None:
    images = []
    for value in (None, 1, 5, 10):
        slider.setValue(value)
        images.append(slider.grab().toImage())
    for i, first in enumerate(images):
        for second in images[i + 1 :]:
            assert first != second


def test_focus_ring_after_keyboard_focus(qtbot: QtBot, slider: RatingSlider) -> None:
    focus = QColor(theme.FOCUS)

    def ring_shown() -> bool:
        pixel = slider.grab().toImage().pixelColor(2, slider.height() // 2)
        return abs(pixel.red() - focus.red()) + abs(pixel.green() - focus.green()) < 40

    with qtbot.waitActive(slider):
        slider.activateWindow()
    slider.clearFocus()
    slider.setFocus(Qt.FocusReason.MouseFocusReason)
    assert slider.hasFocus()
    assert not ring_shown()  # after a tap the ring would only be noise on a touch screen
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert ring_shown()  # but as soon as the keyboard is used, you can see where you are
    slider.clearFocus()
    slider.setFocus(Qt.FocusReason.TabFocusReason)
    assert ring_shown()


# --- how it looks -------------------------------------------------------------------------


def sampler(large: bool, width: int) -> QWidget:
    page = QWidget()
    page.setObjectName("page")
    page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    layout = QVBoxLayout(page)
    layout.setSpacing(10)
    for value in (None, "declined", 1, 5, 10):
        label = QLabel(QUESTION)
        label.setObjectName("subtitle")
        layout.addWidget(label)
        slider = RatingSlider(QUESTION, LOW, HIGH, large=large)
        slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no focus ring in the picture
        slider.setValue(value if isinstance(value, int) else None)
        slider.setDeclined(value == "declined")
        layout.addWidget(slider)
    page.resize(width, layout.totalHeightForWidth(width))
    return page


@pytest.mark.parametrize(("large", "width", "text_size"), [(False, 640, 0), (True, 1000, 0)])
def test_screenshots(
    qtbot: QtBot,
    qapp: QApplication,
    danish: None,
    screenshot: Shot,
    large: bool,
    width: int,
    text_size: int,
) -> None:
    qapp.setStyleSheet(theme.stylesheet(text_size))
    page = sampler(large, width)
    qtbot.addWidget(page)
    with qtbot.waitExposed(page):
        page.show()
    sliders = page.findChildren(RatingSlider)
    assert [s.value() for s in sliders] == [None, None, 1, 5, 10]
    path = screenshot(page, f"rating-slider-{'large' if large else 'normal'}")
    assert path.stat().st_size > 0


def test_screenshot_largest_text_focus_and_drag(
    qtbot: QtBot, qapp: QApplication, danish: None, screenshot: Shot
) -> None:
    """Largest text size, a narrow column, long anchors; focused, and mid-drag."""
    qapp.setStyleSheet(theme.stylesheet(2))
    page = QWidget()
    page.setObjectName("page")
    page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    layout = QVBoxLayout(page)
    focused = RatingSlider(QUESTION, "Børnene kan ikke blive hjemme", "Vi kan lukke sagen")
    focused.setValue(7)
    layout.addWidget(focused)
    dragged = RatingSlider(QUESTION, "Slet ikke sikker", "Helt sikker")
    layout.addWidget(dragged)
    qtbot.addWidget(page)
    page.resize(520, layout.totalHeightForWidth(520))
    with qtbot.waitExposed(page):
        page.show()
    with qtbot.waitActive(page):
        page.activateWindow()
    qtbot.mousePress(dragged, LEFT, pos=at_value(dragged, 3))
    focused.setFocus(Qt.FocusReason.TabFocusReason)
    screenshot(page, "rating-slider-large-text")
    qtbot.mouseRelease(dragged, LEFT, pos=at_value(dragged, 3))
    assert (focused.value(), dragged.value()) == (7, 3)
    for slider in (focused, dragged):
        assert slider.height() >= slider.heightForWidth(slider.width())


def test_accessible_value_is_the_answer_or_not_answered(qtbot: QtBot, danish: None) -> None:
    from PySide6.QtGui import QAccessible

    slider = RatingSlider("Hvor godt er det at være dig derhjemme lige nu?", "Skidt", "Godt")
    qtbot.addWidget(slider)
    slider.show()
    interface = QAccessible.queryAccessibleInterface(slider)
    assert interface is not None
    assert interface.role() == QAccessible.Role.Slider
    assert (
        interface.text(QAccessible.Text.Name) == "Hvor godt er det at være dig derhjemme lige nu?"
    )
    assert interface.text(QAccessible.Text.Value) == "Ikke svaret endnu"
    slider.setDeclined(True)
    assert interface.text(QAccessible.Text.Value) == "Vil ikke svare"
    slider.setValue(7)
    assert interface.text(QAccessible.Text.Value) == "7"


def test_the_words_in_a_short_track_stay_whole(
    qtbot: QtBot, qapp: QApplication, danish: None
) -> None:
    """An upright tablet at the largest text: "Ikke svaret endnu" shrinks, never "Ikke sv…"."""
    qapp.setStyleSheet(theme.stylesheet(2))
    slider = RatingSlider(QUESTION)
    qtbot.addWidget(slider)
    slider.ensurePolished()  # the largest text's font
    width = slider.minimumSizeHint().width()
    slider.resize(width, slider.heightForWidth(width))
    drawn: list[str] = []
    original = QPainter.drawText

    def record(painter: QPainter, *args: object) -> None:
        drawn.extend(a for a in args if isinstance(a, str))
        original(painter, *args)  # type: ignore[call-overload]

    QPainter.drawText = record  # type: ignore[method-assign]
    try:
        slider.grab()
        slider.setDeclined(True)
        slider.grab()
    finally:
        QPainter.drawText = original  # type: ignore[method-assign]
    assert drawn == ["Ikke svaret endnu", "Vil ikke svare"]


def test_the_grown_ups_face_is_calmer_than_the_childrens(qapp: QApplication) -> None:
    """Same colour and mouth; no cheeks (at 10) and no worried brows (at 1)."""

    def face(value: int, playful: bool) -> QImage:
        image = QImage(200, 200, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        paint_face(painter, QPointF(100, 100), 160, value, playful=playful)
        painter.end()
        return image

    d, cx, cy = 160, 100, 100
    cheek = (round(cx + 0.29 * d), round(cy + 0.09 * d))
    happy_child, happy_adult = face(10, True), face(10, False)
    fill = face_colour(10).rgb()
    assert happy_adult.pixel(*cheek) == fill
    assert happy_child.pixel(*cheek) != fill
    brow = (round(cx - 0.17 * d), round(cy - 0.22 * d))
    assert face(1, True).pixel(*brow) != face_colour(1).rgb()
    assert face(1, False).pixel(*brow) == face_colour(1).rgb()


def test_a_slider_can_show_the_grown_ups_faces(slider: RatingSlider) -> None:
    assert slider.childFaces()
    slider.setValue(10)
    before = slider.grab().toImage()
    slider.setChildFaces(False)
    assert not slider.childFaces()
    assert slider.grab().toImage() != before
