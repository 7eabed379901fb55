"""The ratings view and child mode over a real temporary database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fit import screen_named
from helpers import begins
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QScreen
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.database import Database
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.models import Family
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.ratings.slider import RatingSlider
from familymeeting.ui.meeting.ratings.view import RatingsView

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


def menu_action(view: RatingsView, question_id: str, person_id: str, name: str) -> QAction:
    """The person's menu as "⋯" opens it, and one of its entries."""
    menu = view.person_menu(question_id, person_id)
    return next(a for a in menu.actions() if a.objectName() == name)


def test_wont_answer_is_stored_as_not_answered_never_a_number(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    safety = services.list_questions(meeting_id)[1]
    jonas = person(services, demo, "Jonas (far)")
    row = view.rows[(safety.id, jonas)]
    assert row.slider.value_text() == "Ikke svaret endnu"
    decline = menu_action(view, safety.id, jonas, "decline")
    assert decline.text() == "Vil ikke svare" and not decline.isChecked()
    decline.trigger()
    stored = services.get_rating(safety.id, jonas)
    assert stored is not None and stored.value is None
    assert row.slider.value() is None and row.slider.is_declined()
    assert row.slider.value_text() == "Vil ikke svare"
    assert row.slider.accessibleDescription() == "Vil ikke svare"
    decline = menu_action(view, safety.id, jonas, "decline")
    assert decline.isChecked()
    decline.trigger()  # unticked: the question is open again
    assert services.get_rating(safety.id, jonas) is None
    assert not row.slider.is_declined()
    assert row.slider.value_text() == "Ikke svaret endnu"
    # Undo and redo go through the same history.
    window.undo_action.trigger()
    assert services.get_rating(safety.id, jonas).value is None  # type: ignore[union-attr]
    assert row.slider.is_declined()
    window.undo_action.trigger()
    assert services.get_rating(safety.id, jonas) is None
    assert not row.slider.is_declined()
    window.redo_action.trigger()
    assert row.slider.is_declined()


def test_a_comment_is_written_from_the_menu_and_undone(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    safety = services.list_questions(meeting_id)[1]
    mette = person(services, demo, "Mette (mor)")
    jonas = person(services, demo, "Jonas (far)")
    # Before there is an answer, a comment has nothing to belong to.
    assert not menu_action(view, safety.id, jonas, "comment").isEnabled()
    row = view.rows[(safety.id, mette)]
    assert not row.comment_label.isVisible() and row.comment_edit is None
    menu_action(view, safety.id, mette, "comment").trigger()
    assert row.comment_edit is not None
    assert row.comment_edit.isVisible() and row.comment_edit.hasFocus()
    qtbot.keyClicks(row.comment_edit, "Hvis Jonas sover bedre")
    qtbot.keyClick(row.comment_edit, Qt.Key.Key_Return)
    stored = services.get_rating(safety.id, mette)
    assert stored is not None and (stored.value, stored.comment) == (7, "Hvis Jonas sover bedre")
    assert not row.comment_edit.isVisible()
    assert row.comment_label.isVisible()
    assert "Hvis Jonas sover bedre" in row.comment_label.text()
    # Escape leaves the comment as it was.
    menu_action(view, safety.id, mette, "comment").trigger()
    qtbot.keyClicks(row.comment_edit, " og mere")
    qtbot.keyClick(row.comment_edit, Qt.Key.Key_Escape)
    assert services.get_rating(safety.id, mette).comment == "Hvis Jonas sover bedre"  # type: ignore[union-attr]
    assert not row.comment_edit.isVisible()
    window.undo_action.trigger()
    assert services.get_rating(safety.id, mette).comment == ""  # type: ignore[union-attr]
    assert not row.comment_label.isVisible()
    # A comment stays with "won't answer", and with the number given after it.
    menu_action(view, safety.id, jonas, "decline").trigger()
    menu_action(view, safety.id, jonas, "comment").trigger()
    jonas_row = view.rows[(safety.id, jonas)]
    assert jonas_row.comment_edit is not None
    qtbot.keyClicks(jonas_row.comment_edit, "Vil tænke over det")
    qtbot.keyClick(jonas_row.comment_edit, Qt.Key.Key_Return)
    stored = services.get_rating(safety.id, jonas)
    assert stored is not None and (stored.value, stored.comment) == (None, "Vil tænke over det")
    tap(qtbot, jonas_row.slider, 6)
    stored = services.get_rating(safety.id, jonas)
    assert stored is not None and (stored.value, stored.comment) == (6, "Vil tænke over det")
    assert not jonas_row.slider.is_declined()


def test_an_answer_can_be_removed_from_the_menu(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    safety = services.list_questions(meeting_id)[1]
    mette = person(services, demo, "Mette (mor)")
    jonas = person(services, demo, "Jonas (far)")
    assert not menu_action(view, safety.id, jonas, "clear").isEnabled()  # nothing to remove
    menu_action(view, safety.id, mette, "clear").trigger()
    assert services.get_rating(safety.id, mette) is None
    assert view.rows[(safety.id, mette)].slider.value() is None
    window.undo_action.trigger()
    assert services.get_rating(safety.id, mette).value == 7  # type: ignore[union-attr]
    assert view.rows[(safety.id, mette)].slider.value() == 7


@pytest.mark.qt_log_ignore(
    "This plugin does not support raise\\(\\)",
    "This plugin does not support grabbing the keyboard",
)
def test_one_menu_button_per_person_instead_of_buttons_on_every_row(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family, db: Database
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    safety = services.list_questions(meeting_id)[1]
    jonas = person(services, demo, "Jonas (far)")
    shown = [b.text() for b in view.findChildren(QAbstractButton) if b.isVisible()]
    assert "Vil ikke svare" not in shown and "Kommentar" not in shown
    row = view.rows[(safety.id, jonas)]
    buttons = [b for b in row.widgets() if isinstance(b, QAbstractButton)]
    assert buttons == [row.menu_button]
    assert row.menu_button.accessibleName() == "Svar fra Jonas (far)"
    assert row.menu_button.width() >= 48 and row.menu_button.height() >= 48
    with begins(db) as seen:  # the menu shows what is on screen: nothing is read
        qtbot.mouseClick(row.menu_button, Qt.MouseButton.LeftButton)
    assert seen == []
    menu = view.menu
    assert menu is not None and menu.isVisible()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Vil ikke svare",
        "Kommentar …",
        "Fjern svaret",
    ]
    with begins(db) as seen:
        next(a for a in menu.actions() if a.objectName() == "decline").trigger()
    assert seen == ["BEGIN IMMEDIATE"]  # one write, nothing read again
    menu.close()
    assert services.get_rating(safety.id, jonas).value is None  # type: ignore[union-attr]


def test_wont_answer_looks_different_from_not_answered_yet(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family, screenshot: Shot
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    # Everyone's question: the adults have not answered it in the demo.
    home = services.list_questions(meeting_id)[0]
    jonas = person(services, demo, "Jonas (far)")
    mette = person(services, demo, "Mette (mor)")
    menu_action(view, home.id, jonas, "decline").trigger()
    declined, open_ = view.rows[(home.id, jonas)].slider, view.rows[(home.id, mette)].slider
    assert (declined.value(), open_.value()) == (None, None)
    assert declined.value_text() == "Vil ikke svare"
    assert open_.value_text() == "Ikke svaret endnu"
    assert declined.prompt_text() == "Vil ikke svare"
    assert open_.prompt_text() == "Ikke svaret endnu"
    assert declined.size() == open_.size()
    assert declined.grab().toImage() != open_.grab().toImage()
    qtbot.wait(50)
    screenshot(window, "ratings-declined")


def test_the_words_at_1_and_10_once_per_question(window: MainWindow, services: Services) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    for question in services.list_questions(meeting_id):
        card = view.cards[question.id]
        texts = visible_texts(card)
        assert texts.count(question.low_anchor) == 1, question.text
        assert texts.count(question.high_anchor) == 1, question.text
        for (qid, _pid), row in view.rows.items():
            if qid == question.id:
                assert row.slider.anchors() == ("", "")  # not under every person again


def test_five_people_of_one_question_are_seen_without_scrolling_at_1280x800(
    qtbot: QtBot, services: Services, data_dir: Path, demo: Family, danish: None, styled: None
) -> None:
    """The demo's meeting on a 1280x800 laptop, as the window opens, default text size."""
    window = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(window)
    screen = screen_named("landscape-1280x800")
    assert isinstance(screen, QScreen)
    window.show_on_screen(screen)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: screen.availableGeometry().contains(window.frameGeometry()))
    window.apply_text_size(0)
    window.open_meeting(services.list_meetings(demo.id)[0].id)
    window.meeting.show_view("ratings")
    qtbot.wait(30)
    QApplication.processEvents()
    view = window.meeting.ratings
    viewport = view.scroll_area.viewport()
    assert view.scroll_area.verticalScrollBar().value() == 0
    first = view.questions()[0]
    rows = [view.rows[(first.id, p.id)] for p in view.people_of(first)]
    assert len(rows) >= 5
    for row in rows[:5]:
        assert viewport.rect().contains(row.rect_in(viewport)), (
            row.slider.accessibleName(),
            row.rect_in(viewport),
            viewport.rect(),
        )
        chip = row.name_label  # a name on one line where there is room for it
        assert chip.height() == chip.heightForWidth(10_000), chip.text()


def test_switching_to_ratings_reads_once(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family, db: Database
) -> None:
    window.meeting.show_view("board")
    window.open_meeting(services.list_meetings(demo.id)[1].id)
    with begins(db) as seen:
        window.meeting.show_view("ratings")
    assert seen == ["BEGIN"]  # one snapshot: questions, people and answers


def test_each_question_shows_the_rows_of_its_audience(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    home, safety, plan = services.list_questions(meeting_id)[:3]
    assert (home.audience, safety.audience, plan.audience) == ("everyone", "adults", "everyone")
    names = {p.id: p.name for p in services.list_participants(demo.id)}

    def rows(question_id: str) -> list[str]:
        return [names[pid] for (qid, pid) in view.rows if qid == question_id]

    # Everyone's question: the children first; the safety scale is the adults' and the
    # professionals': no child has a slider on it.
    assert rows(home.id)[:2] == ["Emma", "Noah"] and len(rows(home.id)) == 7
    assert "Emma" not in rows(safety.id) and "Noah" not in rows(safety.id)
    assert "Sara (rådgiver)" in rows(safety.id)
    # The caseworker puts the home question to the children: their rows only, first.
    dialog = view.edit_question(home.id)
    assert dialog is not None
    qtbot.mouseClick(dialog.audience_buttons["children"], Qt.MouseButton.LeftButton)
    dialog.accept()
    assert services.list_questions(meeting_id)[0].audience == "children"
    assert rows(home.id) == ["Emma", "Noah"]
    card_texts = [label.text() for label in view.cards[home.id].findChildren(QLabel)]
    assert "For børnene" in card_texts
    # Chosen people: only Noah and Sara answer it.
    noah = next(pid for pid, n in names.items() if n == "Noah")
    sara = next(pid for pid, n in names.items() if n == "Sara (rådgiver)")
    dialog = view.edit_question(home.id)
    assert dialog is not None
    assert not dialog.people_box.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.audience_buttons["chosen"], Qt.MouseButton.LeftButton)
    assert dialog.people_box.isVisibleTo(dialog)
    dialog.person_checks[noah].setChecked(True)
    dialog.person_checks[sara].setChecked(True)
    dialog.accept()
    stored = services.list_questions(meeting_id)[0]
    assert (stored.audience, stored.chosen) == ("chosen", frozenset({noah, sara}))
    assert sorted(rows(home.id)) == ["Noah", "Sara (rådgiver)"]
    # Undo goes back to the children, then to everyone.
    window.undo_action.trigger()
    assert services.list_questions(meeting_id)[0].audience == "children"
    assert services.list_questions(meeting_id)[0].chosen == frozenset()
    window.undo_action.trigger()
    assert services.list_questions(meeting_id)[0].audience == "everyone"
    assert rows(home.id)[:2] == ["Emma", "Noah"] and len(rows(home.id)) == 7


def test_the_faces_follow_who_the_question_is_for(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    home, safety = services.list_questions(meeting_id)[:2]

    def faces(question_id: str) -> set[bool]:
        return {row.slider.childFaces() for (q, _), row in view.rows.items() if q == question_id}

    # The home question is everyone's, the children's too: the children's faces, on the
    # grown-ups' rows as well (one scale for one question). The safety scale is the
    # adults': their calmer faces.
    assert faces(home.id) == {True}
    assert faces(safety.id) == {False}
    # Chosen people: the children's faces only when a child is among them.
    names = {p.name: p.id for p in services.list_participants(demo.id)}
    for chosen, expected in (({"Sara (rådgiver)"}, False), ({"Noah", "Sara (rådgiver)"}, True)):
        dialog = view.edit_question(safety.id)
        assert dialog is not None
        qtbot.mouseClick(dialog.audience_buttons["chosen"], Qt.MouseButton.LeftButton)
        for name, pid in names.items():
            dialog.person_checks[pid].setChecked(name in chosen)
        dialog.accept()
        assert faces(safety.id) == {expected}


def test_chosen_without_anybody_is_refused_in_the_dialog(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    view = window.meeting.ratings
    meeting_id = window.meeting.meeting_id or ""
    before = services.list_questions(meeting_id)
    dialog = view.edit_question(before[0].id)
    assert dialog is not None
    qtbot.mouseClick(dialog.audience_buttons["chosen"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Vælg, hvem der skal svare på spørgsmålet."
    assert services.list_questions(meeting_id) == before
    dialog.reject()


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
    dialog.set_audience("children")
    dialog.accept()
    questions = services.list_questions(meeting_id)
    added = questions[-1]
    assert (added.text, added.low_anchor, added.high_anchor, added.audience) == (
        "Hvor glad er du for skolen?",
        "Slet ikke",
        "Meget",
        "children",
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
    child_q, _safety, plan_q = services.list_questions(meeting_id)[:3]
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
    # Noah's own answer at the last meeting, in words and as a faint mark.
    assert child.last_label.text() == "sidst: 5" and child.slider.lastValue() == 5
    # Noah answered at the table before: the question is there, neither yes nor no yet.
    assert not child.share_yes.isChecked() and not child.share_no.isChecked()
    tap(qtbot, child.slider, 9)
    stored = services.get_rating(child_q.id, noah)
    # Answered alone; not shared until Noah says yes.
    assert stored is not None and (stored.value, stored.answered_alone, stored.shared) == (
        9,
        True,
        False,
    )
    assert child.share_box.isVisible()
    assert child.share_title.text() == "Må de voksne se det?"
    qtbot.mouseClick(child.share_yes, Qt.MouseButton.LeftButton)
    stored = services.get_rating(child_q.id, noah)
    assert stored is not None and (stored.value, stored.shared) == (9, True)
    qtbot.wait(50)
    screenshot(window, "child-mode-question")
    # Only the questions for Noah: never the adults' safety scale.
    assert [q.id for q in child.questions] == [child_q.id, plan_q.id]
    qtbot.mouseClick(child.next_button, Qt.MouseButton.LeftButton)
    assert child.question_label.text() == plan_q.text
    # Last time Noah answered the plan question with 5 (at the second meeting).
    assert child.last_label.text() == "sidst: 5"
    qtbot.mouseClick(child.next_button, Qt.MouseButton.LeftButton)
    # Then the child's own feedback on the meeting (tests/gui/test_child_feedback_view.py).
    assert child.pages.currentWidget() is child.feedback
    qtbot.mouseClick(child.feedback.skip_all_button, Qt.MouseButton.LeftButton)
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
    child_q = services.list_questions(meeting_id)[0]
    emma = person(services, demo, "Emma")
    window.meeting.ratings.child_mode_requested.emit()
    window.child_mode.begin_for(
        next(p for p in services.list_participants(demo.id) if p.id == emma)
    )
    qtbot.mouseClick(window.child_mode.skip_button, Qt.MouseButton.LeftButton)
    stored = services.get_rating(child_q.id, emma)
    assert stored is not None and stored.value is None


def test_the_thank_you_button_is_as_big_as_the_question_pages(
    qtbot: QtBot, window: MainWindow, services: Services, demo: Family, styled: None
) -> None:
    window.enter_child_mode()
    child = window.child_mode
    qtbot.mouseClick(child.child_buttons[person(services, demo, "Emma")], Qt.MouseButton.LeftButton)
    qtbot.wait(20)
    next_size, next_font = child.next_button.size(), child.next_button.font()
    child.index = len(child.questions) - 1
    child.next_question()
    child.feedback.skip_all()
    assert child.pages.currentWidget() is child.done_page
    qtbot.wait(20)
    done = child.done_button
    assert done.height() == next_size.height()
    assert done.width() >= next_size.width()
    assert done.font().pointSizeF() == next_font.pointSizeF()
    assert done.font().weight() == next_font.weight()
