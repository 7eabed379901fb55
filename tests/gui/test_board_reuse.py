"""The board reuses card widgets: it must still show exactly what is stored, always.

Switching meetings hands one card's widget to another card, and an edit updates only
the card it changed; every test compares what is on screen with the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from helpers import begins
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.enums import Column, Role
from familymeeting.storage.services import Services
from familymeeting.ui import words
from familymeeting.ui.meeting.board import card as card_module
from familymeeting.ui.meeting.board.card import CardWidget, chip_style, display_text
from familymeeting.ui.meeting.board.column import SPARE_CARDS
from familymeeting.ui.meeting.page import MeetingPage
from familymeeting.ui.theme import stylesheet

W, G, N = Column.WORRIES.value, Column.WORKING_WELL.value, Column.NEEDS_TO_HAPPEN.value


@pytest.fixture
def family(services: Services) -> str:
    family = services.create_family("Familien Test")
    for name, role in (("Mor", Role.PARENT), ("Far", Role.PARENT), ("Emma", Role.CHILD)):
        services.add_participant(family.id, name, role, birth_year=2017 if name == "Emma" else None)
    return family.id


@pytest.fixture
def meeting(services: Services, family: str) -> str:
    """Cards with every detail a card can show."""
    meeting = services.create_meeting(family, datetime(2026, 12, 3, 10, 0)).id
    mor, far, emma = services.list_participants(family)
    cards = [
        (W, "Far råber om aftenen", "danger_statement", far.id),
        (W, "Emma er bange", "harm", emma.id),
        (W, "Ingen ved, hvad der sker i weekenden", "plain", None),
        (G, "Mormor henter Emma", "strength", mor.id),
        (G, "x" * 60, "plain", None),
        (N, "Far går til samtaler", "safety_goal", far.id),
    ]
    for column, text, kind, whose in cards:
        card = services.add_card(meeting, column, text, kind=kind, whose_words_id=whose, index=99)
        if whose == far.id:
            services.set_stance(card.id, mor.id, True)
            services.set_stance(card.id, emma.id, False)
    return meeting


@pytest.fixture
def plain_meeting(services: Services, family: str) -> str:
    """Another meeting of the family: more cards, none with whose words or stances."""
    meeting = services.create_meeting(family, datetime(2027, 1, 7, 9, 0)).id
    for i in range(8):
        services.add_card(meeting, (W, G, N)[i % 3], f"Andet møde {i}", index=99)
    return meeting


@pytest.fixture
def board(
    show_board: Callable[..., MeetingPage], services: Services, meeting: str, danish: None
) -> MeetingPage:
    return show_board(services, meeting, active=True)


def shown(label: QLabel | None) -> str | None:
    """A label's text as the user sees it: None when it is not shown."""
    if label is None or label.isHidden():
        return None
    return label.text()


def assert_board_shows_what_is_stored(board: MeetingPage, services: Services) -> None:
    meeting_id = board.meeting_id
    assert meeting_id is not None
    people = services.list_participants(services.get_meeting(meeting_id).family_id)
    stances = services.card_stances(meeting_id)
    for column, col in board.columns.items():
        stored = services.list_cards(meeting_id, column)
        assert col.order == [c.id for c in stored]
        for card in stored:
            widget = col.cards[card.id]
            assert widget.data.id == card.id
            assert not widget.isHidden() or col.editing_card == card.id
            assert widget.text_label.text() == display_text(card.text)
            assert widget.accessibleName() == card.text
            kind = None if card.kind == "plain" else words.card_kind(card.kind).upper()
            assert shown(widget.kind_label) == kind
            whose = next((p for p in people if p.id == card.whose_words_id), None)
            assert shown(widget.whose_label) == (whose.name if whose else None)
            if whose is not None:
                assert widget.whose_label is not None
                person = widget.data.whose_words
                assert person is not None and person.index == people.index(whose)
                assert widget.whose_label.styleSheet() == chip_style(person)
            mine = stances.get(card.id, {})
            agree = ", ".join(p.name for p in people if mine.get(p.id) is True)
            disagree = ", ".join(p.name for p in people if mine.get(p.id) is False)
            assert shown(widget.agree_label) == (f"Enig: {agree}" if agree else None)
            assert shown(widget.disagree_label) == (f"Uenig: {disagree}" if disagree else None)
        # No other card is on screen in this column, and none is laid out twice.
        visible = [w for w in col.container.findChildren(CardWidget) if not w.isHidden()]
        assert sorted(map(id, visible)) == sorted(id(col.cards[c]) for c in col.order)
        assert len({id(w) for w in col.cards.values()}) == len(col.order)


def hidden_words(board: MeetingPage) -> list[str]:
    """Any text left in card widgets that are not shown (kept for reuse)."""
    found = []
    for col in board.columns.values():
        for widget in col.container.findChildren(CardWidget):
            if widget.isHidden() and widget.data.id not in col.cards:
                found += [label.text() for label in widget.findChildren(QLabel) if label.text()]
    return found


def test_switching_meetings_and_back_shows_exactly_the_stored_cards(
    board: MeetingPage, services: Services, meeting: str, plain_meeting: str
) -> None:
    assert_board_shows_what_is_stored(board, services)
    board.open_meeting(plain_meeting)
    assert_board_shows_what_is_stored(board, services)
    board.open_meeting(meeting)
    assert_board_shows_what_is_stored(board, services)
    board.open_meeting(plain_meeting)
    assert_board_shows_what_is_stored(board, services)


def test_a_reused_card_never_shows_another_cards_words_owner_or_stances(
    board: MeetingPage, services: Services, meeting: str, plain_meeting: str
) -> None:
    before = {w for col in board.columns.values() for w in col.cards.values()}
    board.open_meeting(plain_meeting)
    now = [w for col in board.columns.values() for w in col.cards.values()]
    assert before & set(now), "the widgets were not reused; this test would prove nothing"
    for widget in now:
        assert widget.text_label.text().startswith("Andet møde")
        assert shown(widget.kind_label) is None
        assert shown(widget.whose_label) is None
        assert shown(widget.agree_label) is None
        assert shown(widget.disagree_label) is None
    # Widgets kept aside for later hold no words of the other meeting either.
    board.open_meeting(meeting)
    family_id = services.get_meeting(meeting).family_id
    empty = services.create_meeting(family_id, datetime(2027, 2, 1)).id
    board.open_meeting(empty)
    assert all(not col.order for col in board.columns.values())
    assert hidden_words(board) == []


def test_edits_undo_and_redo_on_a_reused_board_show_what_is_stored(
    board: MeetingPage, services: Services, meeting: str, plain_meeting: str
) -> None:
    board.open_meeting(plain_meeting)
    board.open_meeting(meeting)  # every widget now has been another card's
    controller = board.controller
    assert controller is not None
    mor, far, emma = services.list_participants(controller.family_id)
    first, second, plain = (c.id for c in services.list_cards(meeting, W))
    steps = [
        lambda: controller.edit_text(first, "Far råber ikke mere"),
        lambda: controller.set_whose_words(plain, emma.id),
        lambda: controller.set_whose_words(second, mor.id),  # another colour, same chip
        lambda: controller.set_whose_words(first, None),
        lambda: controller.set_stance(second, far.id, False),
        lambda: controller.set_stance(first, emma.id, None),
        lambda: controller.set_kind(first, "plain"),
        lambda: controller.move_card(first, G, 0),
        lambda: controller.move_card(second, W, 1),
        lambda: controller.add_card(N, "Nyt kort", whose_words_id=mor.id, index=1),
        lambda: controller.delete_card(plain),
    ]
    for step in steps:
        assert step()
        assert_board_shows_what_is_stored(board, services)
    for _ in steps:
        controller.stack.undo()
        assert_board_shows_what_is_stored(board, services)
    for _ in steps:
        controller.stack.redo()
        assert_board_shows_what_is_stored(board, services)


def test_an_edit_changes_only_its_own_card(
    qtbot: QtBot, board: MeetingPage, services: Services
) -> None:
    widgets = {cid: w for col in board.columns.values() for cid, w in col.cards.items()}
    card_id = board.columns[G].order[0]
    other = widgets[board.columns[W].order[1]]
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    board._edit(card_id, "Mormor henter Emma hver dag")  # what the card's editor sends
    assert services.get_card(card_id).text == "Mormor henter Emma hver dag"
    assert widgets[card_id].text_label.text() == "Mormor henter Emma hver dag"
    # Every card keeps its widget, so nothing flickers and the focus stays put.
    assert {cid: w for col in board.columns.values() for cid, w in col.cards.items()} == widgets
    assert other.hasFocus()
    assert_board_shows_what_is_stored(board, services)


def test_ratings_and_plan_follow_the_meeting_shown(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str, plain_meeting: str
) -> None:
    services.add_question(meeting, "Hvor trygt er der derhjemme?")
    services.add_question(plain_meeting, "Hvor glad er Emma for skolen?")
    services.add_action(plain_meeting, "Hente Emma om tirsdagen")
    # Written behind the page's back (the app writes through the page's operations), so
    # the page is shown the meeting again, as the window does: else the ratings built
    # behind the board 120 ms after the fixture opened it may already be the old ones.
    board.open_meeting(meeting)

    def questions() -> list[str]:
        qtbot.wait(1)  # replaced questions are deleted on the next turn of the loop
        return [title.text() for title in board.ratings.findChildren(QLabel, "cardText")]

    def plan_lines() -> list[str]:
        qtbot.wait(1)
        return [line.text() for line in board.plan.findChildren(QLabel, "cardText")]

    board.show_view("ratings")
    assert "Hvor trygt er der derhjemme?" in questions()
    board.show_view("board")
    board.open_meeting(plain_meeting)
    board.show_view("ratings")
    assert "Hvor glad er Emma for skolen?" in questions()
    assert "Hvor trygt er der derhjemme?" not in questions()
    # Opening a meeting while its ratings are shown shows them at once.
    board.open_meeting(meeting)
    assert "Hvor trygt er der derhjemme?" in questions()
    board.show_view("plan")
    assert "Hente Emma om tirsdagen" not in plan_lines()
    board.open_meeting(plain_meeting)
    assert "Hente Emma om tirsdagen" in plan_lines()


def test_larger_text_reflows_reused_cards_like_a_new_board(
    qtbot: QtBot,
    qapp: QApplication,
    board: MeetingPage,
    services: Services,
    meeting: str,
    plain_meeting: str,
) -> None:
    board.open_meeting(plain_meeting)
    board.open_meeting(meeting)
    qapp.setStyleSheet(stylesheet(2))
    qtbot.wait(20)
    # The new board must not borrow the reused one's remembered heights.
    card_module.forget_text_heights()
    fresh = MeetingPage(services)
    qtbot.addWidget(fresh)
    fresh.resize(board.size())
    fresh.open_meeting(meeting)
    fresh.show()
    qtbot.waitExposed(fresh)
    qtbot.wait(20)

    def heights(view: MeetingPage) -> list[list[int]]:
        return [[col.cards[c].height() for c in col.order] for col in view.columns.values()]

    assert heights(board) == heights(fresh)
    assert heights(board)[0][0] > 0
    # Each remembered text height is what Qt itself lays out for that width.
    for col in board.columns.values():
        for card_id in col.order:
            label = col.cards[card_id].text_label
            width = label.width()
            assert label.heightForWidth(width) == QLabel.heightForWidth(label, width)


def test_the_widgets_kept_for_reuse_are_bounded(
    qtbot: QtBot, board: MeetingPage, services: Services, family: str
) -> None:
    big = services.create_meeting(family, datetime(2027, 3, 1)).id
    with services.batch():
        for i in range(SPARE_CARDS + 20):
            services.add_card(big, W, f"Kort {i}", index=99)
    empty = services.create_meeting(family, datetime(2027, 4, 1)).id
    board.open_meeting(big)
    assert len(board.columns[W].order) == SPARE_CARDS + 20
    board.open_meeting(empty)
    qtbot.wait(10)  # widgets beyond the bound are deleted on the next turn of the loop
    kept = board.columns[W].container.findChildren(CardWidget)
    assert len(kept) == SPARE_CARDS and not any(w.isVisible() for w in kept)
    board.open_meeting(big)
    assert_board_shows_what_is_stored(board, services)


def test_a_card_held_down_is_not_still_lifted_as_another_card(
    qtbot: QtBot, board: MeetingPage, plain_meeting: str
) -> None:
    widget = board.columns[W].cards[board.columns[W].order[0]]
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton)
    widget._on_long_press()  # held still long enough: the card lifts
    assert widget.property("selected")
    board.open_meeting(plain_meeting)
    for col in board.columns.values():
        for card in col.cards.values():
            assert not card.property("selected")
            assert card._press_pos is None
            assert card._long_press is None or not card._long_press.isActive()


def test_a_hidden_ratings_or_plan_view_keeps_no_words_of_another_family(
    board: MeetingPage, services: Services, meeting: str
) -> None:
    services.add_question(meeting, "Hvor bange er Emma for far?")
    services.add_action(meeting, "Emma flytter til mormor")
    board.show_view("ratings")
    board.show_view("plan")
    board.show_view("board")
    other = services.create_family("Familien Berg")
    services.add_participant(other.id, "Bo", Role.PARENT)
    board.open_meeting(services.create_meeting(other.id, datetime(2027, 1, 2, 10, 0)).id)
    # The old rows go with the next turn of the event loop (deleteLater).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def words_in(view: QWidget) -> list[str]:
        texts = [label.text() for label in view.findChildren(QLabel)]
        texts += [field.text() for field in view.findChildren(QLineEdit)]
        return [t for t in texts if "Emma" in t or "mormor" in t]

    assert words_in(board.ratings) == []
    assert words_in(board.plan) == []
    # Shown again, they show the meeting on the board.
    board.show_view("ratings")
    assert "Hvor bange er Emma for far?" not in [
        label.text() for label in board.ratings.findChildren(QLabel)
    ]
    board.open_meeting(meeting)
    assert "Hvor bange er Emma for far?" in [
        label.text() for label in board.ratings.findChildren(QLabel)
    ]


def test_the_ratings_are_ready_behind_the_board_and_switching_to_them_reads_nothing(
    board: MeetingPage, services: Services, meeting: str, qtbot: QtBot
) -> None:
    """The ratings of the meeting opened are built while the board is shown (issue 16:
    the switch answered in 80-170 ms when it built them), with this meeting's rows."""
    question = services.add_question(meeting, "Hvor godt går det i dag?")
    board.open_meeting(meeting)  # again, so the new question is read
    other = services.create_family("Familien Berg")
    services.add_participant(other.id, "Bo", Role.PARENT)
    board.open_meeting(services.create_meeting(other.id, datetime(2027, 1, 2, 10, 0)).id)
    assert board.ratings.rows == {}  # the other family has no questions
    board.open_meeting(meeting)
    qtbot.waitUntil(lambda: bool(board.ratings.rows))
    people = {p.name for p in board.ratings.people()}
    assert people == {"Mor", "Far", "Emma"}
    assert {q for q, _ in board.ratings.rows} >= {question.id}
    assert board.views.currentWidget() is board.board_page  # still the board on screen
    with begins(services.db) as seen:
        board.show_view("ratings")
    assert seen == []
    titles = [label.text() for label in board.ratings.findChildren(QLabel)]
    assert "Hvor godt går det i dag?" in titles
    assert "Bo" not in titles


def test_a_hidden_meeting_page_builds_no_ratings(
    board: MeetingPage, services: Services, meeting: str, qtbot: QtBot
) -> None:
    """Locked or left, the page is hidden: nothing is read for it meanwhile."""
    services.add_question(meeting, "Hvor godt går det i dag?")
    with begins(services.db) as seen:
        board.open_meeting(meeting)  # the same meeting: nothing to log or read but the board
        opened = list(seen)
        board.hide()
        qtbot.wait(400)
    assert seen == opened
    assert board.ratings.rows == {}
