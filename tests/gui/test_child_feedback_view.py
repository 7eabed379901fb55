"""The child's own feedback on the meeting, in child mode and for the caseworker.

Over a real database file and the real window: after the child's questions child mode
tells the child what happens to the answers, then asks the five feedback questions one
per screen with the big slider (a tap stores the answer, "I don't want to answer"
stores not answered, "Skip these questions" stores nothing), then says thank you. The
progress page's "Børnenes feedback" (from the family page) shows each child's answers
across the meetings; family view reaches neither, and the ratings view never shows them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_unlocked
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.enums import Language
from familymeeting.domain.feedback import FEEDBACK_ITEMS, FEEDBACK_WORDING
from familymeeting.settings import Settings
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.records import FamilyRecord
from familymeeting.storage.services import Services
from familymeeting.storage.vault import Vault
from familymeeting.ui.child_feedback import ChildFeedbackDialog
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.ratings.slider import RatingSlider

DANISH = FEEDBACK_WORDING[Language.DA]
PASSWORD = "Kaffe ved køkkenbordet 7"


@pytest.fixture
def demo(services: Services) -> FamilyRecord:
    return create_demo_family(services)


@pytest.fixture
def window(
    qtbot: QtBot, services: Services, data_dir: Path, demo: FamilyRecord, danish: None
) -> MainWindow:
    win = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.open_meeting(services.list_meetings(demo.id)[0].id)  # today's meeting
    win.show()
    qtbot.waitExposed(win)
    return win


def person(services: Services, family: FamilyRecord, name: str) -> str:
    return next(p.id for p in services.list_participants(family.id) if p.name == name)


def tap(qtbot: QtBot, slider: RatingSlider, value: int) -> None:
    point = QPoint(round(slider.x_for(value)), round(slider.track_y()))
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=point)


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visible_text(root: QWidget) -> str:
    """The words shown in ``root`` and the windows it opened."""
    return "\n".join(
        w.text()
        for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton)
        if w.isVisible()
    )


def test_the_child_answers_the_feedback_alone_after_the_questions(
    qtbot: QtBot, window: MainWindow, services: Services, demo: FamilyRecord
) -> None:
    meeting_id = window.meeting.meeting_id or ""
    emma = person(services, demo, "Emma")
    window.enter_child_mode()
    child = window.child_mode
    click(qtbot, child.child_buttons[emma])
    for _ in child.questions:
        click(qtbot, child.next_button)
    step = child.feedback
    assert child.pages.currentWidget() is step
    assert step.pages.currentWidget() is step.intro_page
    told = visible_text(window)
    assert "Hvordan var mødet for dig?" in told
    assert "Din rådgiver ser dine svar og gemmer dem i din sag." in told
    assert "De kommer ikke på familiens plan." in told
    assert "hemmelig" not in told and "ingen får" not in told.lower()  # no promise of secrecy
    assert services.list_child_feedback(meeting_id, emma) == []

    click(qtbot, step.start_button)
    assert step.pages.currentWidget() is step.item_page
    assert step.question_label.text() == DANISH[FEEDBACK_ITEMS[0]].text
    assert step.slider.anchors() == (DANISH[FEEDBACK_ITEMS[0]].low, DANISH[FEEDBACK_ITEMS[0]].high)
    assert step.step_label.text() == "1 af 5"
    assert step.slider.is_large() and step.slider.handle_diameter() >= 80
    # Nothing of the case on the child's screen: no card, no family name, no other child.
    shown = visible_text(window)
    for card in services.list_cards(meeting_id):
        assert card.text not in shown
    assert demo.display_name not in shown and "Noah" not in shown
    tap(qtbot, step.slider, 8)
    click(qtbot, step.next_button)
    click(qtbot, step.decline_button)  # "Jeg vil ikke svare": stored, not a number
    assert step.question_label.text() == DANISH[FEEDBACK_ITEMS[2]].text
    tap(qtbot, step.slider, 3)
    click(qtbot, step.next_button)
    click(qtbot, step.next_button)  # passed by: never asked
    tap(qtbot, step.slider, 6)
    assert step.step_label.text() == "5 af 5"
    assert step.next_button.text() == "Færdig"
    click(qtbot, step.next_button)
    assert child.pages.currentWidget() is child.done_page
    assert child.thanks_label.text() == "Tak, Emma!"

    stored = {r.item: r.value for r in services.list_child_feedback(meeting_id, emma)}
    assert stored == {
        "said_what_i_wanted": 8,
        "listened": None,
        "what_matters": 3,
        "understood": 6,
    }
    # The child's answers are not the family's ratings, and not on the caseworker's undo.
    assert not window.meeting.controller or not window.meeting.controller.stack.canUndo()
    entries = [e for e in services.access_log(demo.id) if e.event == "child_feedback"]
    assert len(entries) == 4 and all(e.detail == "" for e in entries)


def test_the_child_can_skip_the_feedback_and_nothing_is_stored(
    qtbot: QtBot, window: MainWindow, services: Services, demo: FamilyRecord
) -> None:
    meeting_id = window.meeting.meeting_id or ""
    emma = person(services, demo, "Emma")
    window.enter_child_mode()
    child = window.child_mode
    click(qtbot, child.child_buttons[emma])
    child.index = len(child.questions) - 1
    child.next_question()
    assert child.pages.currentWidget() is child.feedback
    click(qtbot, child.feedback.skip_all_button)
    assert child.pages.currentWidget() is child.done_page
    assert services.list_child_feedback(meeting_id, emma) == []


def test_an_earlier_answer_is_shown_again_to_the_same_child(
    qtbot: QtBot, window: MainWindow, services: Services, demo: FamilyRecord
) -> None:
    """Noah answered today already (the demo): he sees his own numbers, and can change one."""
    meeting_id = window.meeting.meeting_id or ""
    noah = person(services, demo, "Noah")
    window.enter_child_mode()
    child = window.child_mode
    click(qtbot, child.child_buttons[noah])
    child.index = len(child.questions) - 1
    child.next_question()
    click(qtbot, child.feedback.start_button)
    assert child.feedback.slider.value() == 7
    click(qtbot, child.feedback.next_button)
    assert child.feedback.slider.value() == 9
    tap(qtbot, child.feedback.slider, 10)
    values = [r.value for r in services.list_child_feedback(meeting_id, noah)]
    assert values == [7, 10, 6, 5, 7]


def test_the_caseworker_sees_each_child_s_feedback_over_time(
    qtbot: QtBot, window: MainWindow, services: Services, demo: FamilyRecord, styled: None
) -> None:
    # From the family page's "Udvikling" (progress), which family view never reaches.
    window.open_family(demo.id)
    click(qtbot, window.family_page.progress_button)
    page = window.progress
    assert window.stack.currentWidget() is page
    assert page.feedback_button.isVisible()
    assert page.feedback_button.text() == "Børnenes feedback"
    click(qtbot, page.feedback_button)
    (dialog,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ChildFeedbackDialog) and w.isVisible()
    ]
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Børnenes feedback"
    noah = person(services, demo, "Noah")
    second, third = (
        m.id for m in sorted(services.list_meetings(demo.id), key=lambda m: m.starts_at)[1:]
    )
    cells = dialog.cells  # type: ignore[union-attr]
    assert cells[(noah, "liked_meeting", second)].text() == "3"
    assert cells[(noah, "liked_meeting", third)].text() == "5"
    assert cells[(noah, "understood", second)].text() == "–"
    assert cells[(noah, "understood", second)].toolTip() == "Ville ikke svare"
    shown = visible_text(dialog)
    assert "Noah" in shown and "Emma" not in shown  # Emma gave none
    for wording in DANISH.values():
        assert wording.text in shown
    dialog.close()


def test_family_view_never_reaches_the_child_s_feedback(
    qtbot: QtBot, data_dir: Path, danish: None
) -> None:
    result = open_unlocked(data_dir, PASSWORD)
    vault = Vault(data_dir, result.db)
    try:
        services = vault.services()
        demo = create_demo_family(services)
        win = MainWindow(services, Settings(data_dir), vault=vault, idle_ms=3_600_000)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        win.open_meeting(services.list_meetings(demo.id)[0].id)
        assert win.enter_family_mode()
        # Nothing leads to the progress page, where "Børnenes feedback" is.
        win.go_back()
        win.home_action.trigger()
        win.open_family(demo.id)
        win.show_progress(demo.id)
        assert win.stack.currentWidget() is win.meeting
        assert not win.progress.feedback_button.isVisible()
        for view in ("board", "ratings", "plan"):
            win.meeting.show_view(view)
            shown = visible_text(win)
            for wording in DANISH.values():
                assert wording.text not in shown
            assert "feedback" not in shown.lower()
        win.close()
    finally:
        vault.close()
