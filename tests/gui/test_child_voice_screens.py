"""Child mode for one child, answers given alone and shared or not (issue 19), on the
real window over a real temporary database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.models import Family
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.ratings.slider import RatingSlider


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
    today = max(services.list_meetings(demo.id), key=lambda m: m.starts_at)
    win.open_meeting(today.id)
    win.meeting.show_view("ratings")
    win.show()
    qtbot.waitExposed(win)
    return win


def person(services: Services, family: Family, name: str) -> str:
    return next(p.id for p in services.list_participants(family.id) if p.name == name)


def tap(qtbot: QtBot, slider: RatingSlider, value: int) -> None:
    pos = QPoint(round(slider.x_for(value)), round(slider.track_y()))
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=pos)


def shown_texts(widget: QWidget) -> str:
    return "\n".join(
        w.text()
        for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)
        if w.isVisible()
    )


def test_the_childs_screen_has_no_control_that_reaches_a_sibling(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    """Tries every control on Noah's screen, question after question: none of them
    shows Emma's name, her slider or the picker again."""
    window.enter_child_mode()
    child = window.child_mode
    noah = person(services, demo, "Noah")
    qtbot.mouseClick(child.child_buttons[noah], Qt.MouseButton.LeftButton)
    meeting_id = window.meeting.meeting_id or ""
    before = {(r.question_id, r.participant_id): r for r in services.list_ratings(meeting_id)}
    emma = person(services, demo, "Emma")
    seen_pages = set()
    # The questions, then the child's own feedback (its own controls), then thanks.
    for _ in range(40):
        page = child.pages.currentWidget()
        seen_pages.add(page)
        assert page is not child.pick_page
        assert child.child is not None and child.child.id == noah
        assert "Emma" not in shown_texts(window)
        controls = [
            b
            for b in page.findChildren(QAbstractButton)
            if b.isVisible() and b.isEnabled() and b not in (child.next_button, child.done_button)
        ]
        for control in controls:
            qtbot.mouseClick(control, Qt.MouseButton.LeftButton)
            QApplication.processEvents()
            assert child.pages.currentWidget() is not child.pick_page
            assert child.child is not None and child.child.id == noah
            assert "Emma" not in shown_texts(window)
        if page is child.done_page:
            break
        step = child.feedback
        if child.pages.currentWidget() is step:  # the child's own feedback: on to thanks
            on = step.skip_all_button if step.skip_all_button.isVisible() else step.next_button
            qtbot.mouseClick(on, Qt.MouseButton.LeftButton)
            continue
        qtbot.mouseClick(child.next_button, Qt.MouseButton.LeftButton)
    assert child.done_page in seen_pages
    # Nothing of Emma's was changed by anything Noah could tap.
    after = {(r.question_id, r.participant_id): r for r in services.list_ratings(meeting_id)}
    assert {k: v for k, v in after.items() if k[1] == emma} == {
        k: v for k, v in before.items() if k[1] == emma
    }


def test_an_answer_not_shared_is_not_on_the_shared_screen(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    meeting_id = window.meeting.meeting_id or ""
    home = services.list_questions(meeting_id)[0]
    noah = person(services, demo, "Noah")
    window.enter_child_mode()
    child = window.child_mode
    qtbot.mouseClick(child.child_buttons[noah], Qt.MouseButton.LeftButton)
    tap(qtbot, child.slider, 2)
    qtbot.mouseClick(child.share_no, Qt.MouseButton.LeftButton)
    stored = services.get_rating(home.id, noah)
    assert stored is not None
    assert (stored.value, stored.answered_alone, stored.shared) == (2, True, False)
    child.leave_requested.emit()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.meeting)
    row = window.meeting.ratings.rows[(home.id, noah)]
    # The number is not on the family's screen; the caseworker sees why.
    assert row.slider.value() is None and not row.slider.isEnabled()
    assert row.private_label.isVisible()
    assert row.private_label.text() == (
        "Svaret alene i børnetilstand, ikke delt: kun til rådgiveren"
    )
    # Emma's row on the same question is as it was, with her last answer in words.
    emma = person(services, demo, "Emma")
    emma_row = window.meeting.ratings.rows[(home.id, emma)]
    assert emma_row.slider.value() == 7 and emma_row.last_label.text() == "sidst: 6"
    assert emma_row.slider.lastValue() == 6
