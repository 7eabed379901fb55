"""The ratings view and child mode over a real temporary database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.models import Family
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.ratings.slider import RatingSlider

Shot = Callable[[QWidget, str], Path]


@pytest.fixture
def demo(services: Services) -> Family:
    return create_demo_family(services)


@pytest.fixture
def window(
    qtbot: QtBot, services: Services, data_dir: Path, demo: Family, danish: None
) -> MainWindow:
    win = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    meeting = services.list_meetings(demo.id)[0]
    win.open_meeting(meeting.id)
    win.meeting.show_view("ratings")
    win.show()
    qtbot.waitExposed(win)
    return win


def person(services: Services, family: Family, name: str) -> str:
    return next(p.id for p in services.list_participants(family.id) if p.name == name)


def tap(qtbot: QtBot, slider: RatingSlider, value: int) -> None:
    x = round(slider.x_for(value))
    y = round(slider.track_y())
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, y))


def test_answering_stores_the_rating_and_undo_removes_it(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family, screenshot: Shot
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    questions = services.list_questions(meeting_id)
    jonas = person(services, demo, "Jonas (far)")
    safety = questions[1]
    assert services.get_rating(safety.id, jonas) is None  # the demo leaves Jonas unasked
    row = view.rows[(safety.id, jonas)]
    assert row.slider.value() is None
    tap(qtbot, row.slider, 8)
    stored = services.get_rating(safety.id, jonas)
    assert stored is not None and stored.value == 8
    assert window.saved_label.text().startswith("Gemt")
    window.undo_action.trigger()
    assert services.get_rating(safety.id, jonas) is None
    assert view.rows[(safety.id, jonas)].slider.value() is None
    window.redo_action.trigger()
    assert services.get_rating(safety.id, jonas).value == 8  # type: ignore[union-attr]
    qtbot.wait(50)
    screenshot(window, "ratings-1280x800")


def test_wont_answer_is_stored_as_not_answered_never_a_number(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    safety = services.list_questions(meeting_id)[1]
    jonas = person(services, demo, "Jonas (far)")
    row = view.rows[(safety.id, jonas)]
    qtbot.mouseClick(row.decline, Qt.MouseButton.LeftButton)
    stored = services.get_rating(safety.id, jonas)
    assert stored is not None and stored.value is None
    assert row.slider.value() is None
    assert row.slider.accessibleDescription() == "Ikke besvaret"
    qtbot.mouseClick(row.decline, Qt.MouseButton.LeftButton)
    assert services.get_rating(safety.id, jonas) is None
    # A comment is kept with the answer.
    qtbot.mouseClick(row.comment_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(row.comment_edit, "Vil tænke over det")
    qtbot.keyClick(row.comment_edit, Qt.Key.Key_Return)
    stored = services.get_rating(safety.id, jonas)
    assert stored is not None and (stored.value, stored.comment) == (None, "Vil tænke over det")
    tap(qtbot, row.slider, 6)
    stored = services.get_rating(safety.id, jonas)
    assert stored is not None and (stored.value, stored.comment) == (6, "Vil tænke over det")


def test_children_first_on_the_childrens_question(
    window: MainWindow, services: Services, demo: Family
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    child_q, safety = services.list_questions(meeting_id)[:2]
    names = {p.id: p.name for p in services.list_participants(demo.id)}
    child_rows = [names[pid] for (qid, pid) in view.rows if qid == child_q.id]
    adult_rows = [names[pid] for (qid, pid) in view.rows if qid == safety.id]
    assert child_rows[:2] == ["Emma", "Noah"]
    assert adult_rows[-2:] == ["Emma", "Noah"]


def test_questions_can_be_added_edited_and_removed_with_undo(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    before = [q.id for q in services.list_questions(meeting_id)]
    dialog = view.new_question()
    qtbot.keyClicks(dialog.text_edit, "Hvor glad er du for skolen?")
    qtbot.keyClicks(dialog.low_edit, "Slet ikke")
    qtbot.keyClicks(dialog.high_edit, "Meget")
    dialog.children_check.setChecked(True)
    dialog.accept()
    questions = services.list_questions(meeting_id)
    added = questions[-1]
    assert (added.text, added.low_anchor, added.high_anchor, added.for_children) == (
        "Hvor glad er du for skolen?",
        "Slet ikke",
        "Meget",
        True,
    )
    assert added.id in view.cards
    edit = view.edit_question(added.id)
    assert edit is not None
    edit.high_edit.setText("Rigtig glad")
    edit.accept()
    assert services.list_questions(meeting_id)[-1].high_anchor == "Rigtig glad"
    # Removing a question with answers, then undo: answers are back.
    first = questions[0]
    answers_before = [(r.participant_id, r.value) for r in services.list_ratings(meeting_id)]
    view._delete(first.id)
    assert first.id not in [q.id for q in services.list_questions(meeting_id)]
    window.undo_action.trigger()
    assert [q.id for q in services.list_questions(meeting_id)][: len(before)] == before
    assert [
        (r.participant_id, r.value) for r in services.list_ratings(meeting_id)
    ] == answers_before


def test_an_empty_question_is_refused_in_the_dialog(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    count = len(services.list_questions(meeting_id))
    dialog = view.new_question()
    dialog._accept()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Skriv spørgsmålet."
    dialog.reject()
    assert len(services.list_questions(meeting_id)) == count


def visible_texts(widget: QWidget) -> list[str]:
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if label.isVisibleTo(widget) and label.text()
    ]


def test_child_mode_one_question_no_case_text(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family, screenshot: Shot
) -> None:
    meeting_id = window.meeting.meeting_id or ""
    child_q = next(q for q in services.list_questions(meeting_id) if q.for_children)
    qtbot.mouseClick(window.meeting.ratings.child_button, Qt.MouseButton.LeftButton)
    child = window.child_mode
    assert window.stack.currentWidget() is child
    assert not window.toolbar.isVisible()
    # Two children are here: who answers?
    assert child.pages.currentWidget() is child.pick_page
    assert sorted(b.text() for b in child.child_buttons.values()) == ["Emma", "Noah"]
    screenshot(window, "child-mode-pick")
    noah = person(services, demo, "Noah")
    qtbot.mouseClick(child.child_buttons[noah], Qt.MouseButton.LeftButton)
    assert child.pages.currentWidget() is child.question_page
    assert child.question_label.text() == child_q.text
    shown = " ".join(visible_texts(window))
    for card in services.list_cards(meeting_id):
        assert card.text not in shown
    assert demo.display_name not in shown
    assert window.windowTitle() == "familymeeting"
    assert child.slider.handle_diameter() >= 80
    tap(qtbot, child.slider, 9)
    stored = services.get_rating(child_q.id, noah)
    assert stored is not None and stored.value == 9
    qtbot.wait(50)
    screenshot(window, "child-mode-question")
    qtbot.mouseClick(child.next_button, Qt.MouseButton.LeftButton)
    assert child.pages.currentWidget() is child.done_page
    assert child.thanks_label.text() == "Tak, Noah!"
    qtbot.mouseClick(child.done_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.meeting
    assert window.toolbar.isVisible()
    # Back in the ratings view, Noah's answer is shown.
    assert window.meeting.ratings.rows[(child_q.id, noah)].slider.value() == 9


def test_child_can_decline_in_child_mode(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    meeting_id = window.meeting.meeting_id or ""
    child_q = next(q for q in services.list_questions(meeting_id) if q.for_children)
    emma = person(services, demo, "Emma")
    window.meeting.ratings.child_mode_requested.emit()
    window.child_mode.begin_for(
        next(p for p in services.list_participants(demo.id) if p.id == emma)
    )
    qtbot.mouseClick(window.child_mode.skip_button, Qt.MouseButton.LeftButton)
    stored = services.get_rating(child_q.id, emma)
    assert stored is not None and stored.value is None
