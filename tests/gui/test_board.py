"""The Signs of Safety board: real widgets over a real temporary database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.enums import Column, Role
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.ui.meeting.board.card import CARD_MIME, CardWidget, display_text
from familymeeting.ui.meeting.page import MeetingPage

W, G, N = Column.WORRIES.value, Column.WORKING_WELL.value, Column.NEEDS_TO_HAPPEN.value
Shot = Callable[[QWidget, str], Path]


@pytest.fixture
def meeting(services: Services) -> str:
    family = services.create_family("Familien Test")
    services.add_participant(family.id, "Mor", Role.PARENT)
    services.add_participant(family.id, "Far", Role.PARENT)
    services.add_participant(family.id, "Emma", Role.CHILD, birth_year=2017)
    return services.create_meeting(family.id, datetime(2026, 12, 3, 10, 0), place="Køkkenet").id


@pytest.fixture
def board(
    show_board: Callable[..., MeetingPage], services: Services, meeting: str, danish: None
) -> MeetingPage:
    return show_board(services, meeting)


def shown_texts(board: MeetingPage, column: str) -> list[str]:
    col = board.columns[column]
    return [col.cards[cid].data.text for cid in col.order]


def stored_texts(services: Services, meeting: str, column: str) -> list[str]:
    return [c.text for c in services.list_cards(meeting, column)]


def add_by_typing(qtbot: QtBot, board: MeetingPage, column: str, text: str) -> None:
    col = board.columns[column]
    qtbot.mouseClick(col.add_button, Qt.MouseButton.LeftButton)
    assert col.editor is not None
    qtbot.keyClicks(col.editor.edit, text)
    qtbot.keyClick(col.editor.edit, Qt.Key.Key_Return)


def test_columns_have_danish_titles(board: MeetingPage, screenshot: Shot) -> None:
    titles = [board.columns[c].title.text() for c in (W, G, N)]
    assert titles == ["Det er vi bekymrede for", "Det går godt", "Det skal der ske"]
    assert all(board.columns[c].add_button.height() >= 48 for c in (W, G, N))
    screenshot(board, "board-empty")


def test_add_card_by_typing_saves_at_once(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    saved: list[bool] = []
    board.saved.connect(lambda: saved.append(True))
    add_by_typing(qtbot, board, W, "Far drikker, når han er stresset")
    assert shown_texts(board, W) == ["Far drikker, når han er stresset"]
    assert stored_texts(services, meeting, W) == ["Far drikker, når han er stresset"]
    assert saved == [True]
    assert board.columns[W].editor is None


def test_shift_enter_makes_a_new_line_and_escape_cancels(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    col = board.columns[G]
    qtbot.mouseClick(col.add_button, Qt.MouseButton.LeftButton)
    assert col.editor is not None
    qtbot.keyClicks(col.editor.edit, "Linje et")
    qtbot.keyClick(col.editor.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(col.editor.edit, "Linje to")
    qtbot.mouseClick(col.editor.done_button, Qt.MouseButton.LeftButton)
    assert stored_texts(services, meeting, G) == ["Linje et\nLinje to"]
    qtbot.mouseClick(col.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(col.editor.edit, "fortrudt")
    qtbot.keyClick(col.editor.edit, Qt.Key.Key_Escape)
    assert col.editor is None
    assert stored_texts(services, meeting, G) == ["Linje et\nLinje to"]


def test_edit_in_place_by_tapping_the_card(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    card_id = board.controller.add_card(W, "Gammel tekst")  # type: ignore[union-attr]
    col = board.columns[W]
    card = col.cards[card_id]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(30, card.height() - 20))
    assert col.editing_card == card_id and col.editor is not None
    assert col.editor.edit.toPlainText() == "Gammel tekst"
    col.editor.edit.selectAll()
    qtbot.keyClicks(col.editor.edit, "Ny tekst")
    qtbot.keyClick(col.editor.edit, Qt.Key.Key_Return)
    assert services.get_card(card_id).text == "Ny tekst"
    assert col.cards[card_id].text_label.text() == "Ny tekst"
    assert col.cards[card_id].isVisible()


def test_undo_and_redo_every_kind_of_edit(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    controller = board.controller
    assert controller is not None
    stack = controller.stack
    mor = services.list_participants(controller.family_id)[0]
    a = controller.add_card(W, "a")
    b = controller.add_card(W, "b")
    assert a and b
    controller.edit_text(a, "a2")
    controller.move_card(a, N, 0)
    controller.set_whose_words(a, mor.id)
    controller.set_stance(a, mor.id, False)
    controller.delete_card(b)
    assert stored_texts(services, meeting, W) == []
    assert shown_texts(board, N) == ["a2"]
    assert board.columns[N].cards[a].disagree_label.text() == "Uenig: Mor"

    steps = stack.count()
    for _ in range(steps):
        stack.undo()
    assert services.list_cards(meeting) == []
    assert shown_texts(board, W) == [] and shown_texts(board, N) == []
    for _ in range(steps):
        stack.redo()
    card = services.get_card(a)
    assert (card.column, card.text, card.whose_words_id) == (N, "a2", mor.id)
    assert services.card_stances(meeting) == {a: {mor.id: False}}
    assert shown_texts(board, N) == ["a2"] and shown_texts(board, W) == []


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo_a_delete(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut

    undo = QShortcut(QKeySequence.StandardKey.Undo, board, board.undo_group.undo)
    redo = QShortcut(QKeySequence("Ctrl+Shift+Z"), board, board.undo_group.redo)
    assert undo and redo
    card_id = board.controller.add_card(G, "Mormor hjælper")  # type: ignore[union-attr]
    board.columns[G].cards[card_id].setFocus()
    qtbot.keyClick(board.columns[G].cards[card_id], Qt.Key.Key_Delete)  # deleting asks nothing
    assert stored_texts(services, meeting, G) == []
    qtbot.keyClick(board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_texts(services, meeting, G) == ["Mormor hjælper"]
    assert services.get_card(card_id).id == card_id
    qtbot.keyClick(
        board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert stored_texts(services, meeting, G) == []


def test_menu_moves_reorders_and_sets_whose_words(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str, screenshot: Shot
) -> None:
    controller = board.controller
    assert controller is not None
    ids = [controller.add_card(W, t, index=99) for t in ("en", "to", "tre")]
    far = services.list_participants(controller.family_id)[1]

    def trigger(card_id: str, name: str) -> None:
        menu = board.build_card_menu(card_id)
        action = next(a for a in _all_actions(menu) if a.objectName() == name)
        assert action.isEnabled(), name
        action.trigger()
        menu.deleteLater()

    menu = board.build_card_menu(ids[0])  # type: ignore[arg-type]
    names = {a.objectName() for a in _all_actions(menu)}
    assert {
        "stances",
        "edit",
        "up",
        "down",
        "delete",
        f"moveTo:{G}",
        f"moveTo:{N}",
        f"whose:{far.id}",
    } <= names
    assert not next(a for a in _all_actions(menu) if a.objectName() == "up").isEnabled()
    # Not popped up: the offscreen platform cannot grab the keyboard for a popup.
    menu.adjustSize()
    assert all(a.isVisible() for a in menu.actions())
    screenshot(menu, "board-card-menu")

    trigger(ids[0], "down")  # type: ignore[arg-type]
    assert stored_texts(services, meeting, W) == ["to", "en", "tre"]
    trigger(ids[2], "up")  # type: ignore[arg-type]
    assert stored_texts(services, meeting, W) == ["to", "tre", "en"]
    trigger(ids[1], f"moveTo:{G}")  # type: ignore[arg-type]
    assert stored_texts(services, meeting, G) == ["to"]
    assert shown_texts(board, G) == ["to"] and shown_texts(board, W) == ["tre", "en"]
    trigger(ids[1], f"whose:{far.id}")  # type: ignore[arg-type]
    trigger(ids[1], "stances")  # type: ignore[arg-type]
    sheet = board.stance_sheet
    assert sheet is not None
    qtbot.mouseClick(sheet.rows[far.id].buttons["disagree"], Qt.MouseButton.LeftButton)
    sheet.close()
    assert board.columns[G].cards[ids[1]].whose_label.text() == "Far"  # type: ignore[index]
    assert services.card_stances(meeting)[ids[1]] == {far.id: False}  # type: ignore[index]
    trigger(ids[1], "kind:strength")  # type: ignore[arg-type]
    assert board.columns[G].cards[ids[1]].kind_label.text() == "STYRKE"  # type: ignore[index]
    trigger(ids[1], "delete")  # type: ignore[arg-type]
    assert stored_texts(services, meeting, G) == []


def _all_actions(menu: object) -> list:  # type: ignore[type-arg]
    from PySide6.QtWidgets import QMenu

    assert isinstance(menu, QMenu)
    out = []
    for action in menu.actions():
        out.append(action)
        if action.menu() is not None:
            out.extend(_all_actions(action.menu()))
    return out


def _drop(board: MeetingPage, card_id: str, column: str, y: int) -> None:
    # Qt delivers drop events only during a real drag, so the column's handler is
    # called as Qt would call it.
    col = board.columns[column]
    container = col.container
    mime = QMimeData()
    mime.setData(CARD_MIME, card_id.encode("ascii"))
    event = QDropEvent(
        QPointF(40, y),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert col.eventFilter(container, event) is True
    assert event.isAccepted()


def test_drag_and_drop_moves_between_columns_and_reorders(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    controller = board.controller
    assert controller is not None
    a, b, c = (controller.add_card(W, t, index=99) for t in ("a", "b", "c"))
    x = controller.add_card(N, "x")
    assert a and b and c and x
    qtbot.wait(10)
    # Drop "a" below "c" in its own column.
    col = board.columns[W]
    _drop(board, a, W, col.cards[c].y() + col.cards[c].height() - 2)
    assert stored_texts(services, meeting, W) == ["b", "c", "a"]
    # Drop "b" above "x" in another column.
    target = board.columns[N]
    _drop(board, b, N, target.cards[x].y() + 2)
    assert stored_texts(services, meeting, N) == ["b", "x"]
    assert shown_texts(board, N) == ["b", "x"] and shown_texts(board, W) == ["c", "a"]
    controller.stack.undo()
    assert stored_texts(services, meeting, W) == ["b", "c", "a"]


def test_mouse_drag_starts_a_drag_but_a_finger_swipe_does_not(
    qtbot: QtBot, board: MeetingPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    card_id = board.controller.add_card(W, "træk mig")  # type: ignore[union-attr]
    card = board.columns[W].cards[card_id]
    started: list[str] = []
    monkeypatch.setattr(CardWidget, "start_drag", lambda self: started.append(self.data.id))
    qtbot.mousePress(card, Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    qtbot.mouseMove(card, QPoint(30, 90))
    qtbot.mouseRelease(card, Qt.MouseButton.LeftButton, pos=QPoint(30, 90))
    assert started == [card_id]


def test_switching_meetings_and_reopening_shows_the_same_board(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    controller = board.controller
    assert controller is not None
    controller.add_card(W, "bekymring")
    controller.add_card(G, "styrke")
    other = services.create_meeting(controller.family_id, datetime(2027, 1, 5, 9, 0))
    board.open_meeting(other.id)
    assert shown_texts(board, W) == [] and shown_texts(board, G) == []
    assert board.undo_group.activeStack() is board.controllers[other.id].stack
    board.open_meeting(meeting)
    assert shown_texts(board, W) == ["bekymring"] and shown_texts(board, G) == ["styrke"]
    # A brand-new view over the same database (the app reopened) shows the same.
    fresh = MeetingPage(services)
    qtbot.addWidget(fresh)
    fresh.open_meeting(meeting)
    assert shown_texts(fresh, W) == ["bekymring"] and shown_texts(fresh, G) == ["styrke"]


def test_follow_up_meeting_shows_the_carried_board(
    qtbot: QtBot, board: MeetingPage, services: Services, screenshot: Shot
) -> None:
    demo = create_demo_family(services)
    latest = services.list_meetings(demo.id)[0]
    follow = services.start_follow_up(latest.id)
    board.open_meeting(follow.id)
    for column in (W, G, N):
        assert shown_texts(board, column) == stored_texts(services, latest.id, column)
    danger = next(w for w in board.columns[W].cards.values() if w.data.kind == "danger_statement")
    assert danger.kind_label.text() == "BEKYMRINGSUDSAGN"
    assert danger.disagree_label.text() == "Uenig: Jonas (far)"
    assert board.header.kind_label.text() == "Opfølgningsmøde"
    qtbot.wait(50)
    screenshot(board, "board-demo-1280x800")
    board.resize(800, 1280)
    qtbot.wait(50)
    assert board.tabs.isVisible()
    assert sum(c.isVisible() for c in board.columns.values()) == 1
    screenshot(board, "board-demo-800x1280")


def test_header_edits_are_saved_and_undoable(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    """The meeting's details (the header's "Møde" sheet) and who is here: each change
    saved at once, each undone."""
    header = board.header
    sheet = board.show_details()
    assert sheet is not None
    sheet.place.setFocus()
    sheet.place.selectAll()
    qtbot.keyClicks(sheet.place, "Skolen")
    qtbot.keyClick(sheet.place, Qt.Key.Key_Return)
    assert services.get_meeting(meeting).place == "Skolen"
    qtbot.mouseClick(sheet.status_buttons["in_progress"], Qt.MouseButton.LeftButton)
    assert services.get_meeting(meeting).status == "in_progress"
    sheet.next_enabled.setChecked(True)
    assert services.get_meeting(meeting).next_meeting_at is not None
    sheet.close_button.click()
    mor = services.list_participants(services.get_meeting(meeting).family_id)[0]
    qtbot.mouseClick(header.attendee_buttons[mor.id], Qt.MouseButton.LeftButton)
    assert services.list_attendee_ids(meeting) == [mor.id]
    stack = board.controller.stack  # type: ignore[union-attr]
    while stack.canUndo():
        stack.undo()
    stored = services.get_meeting(meeting)
    assert (stored.place, stored.status, stored.next_meeting_at) == ("Køkkenet", "planned", None)
    assert services.list_attendee_ids(meeting) == []
    assert not header.attendee_buttons[mor.id].isChecked()
    sheet = board.show_details()
    assert sheet is not None
    assert sheet.place.text() == "Køkkenet"
    assert sheet.status_buttons["planned"].isChecked()
    sheet.reject()


def test_refused_edit_shows_a_message_and_changes_nothing(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    failures: list[str] = []
    board.failed.connect(failures.append)
    card_id = board.controller.add_card(W, "kort")  # type: ignore[union-attr]
    assert card_id
    result = board.controller.edit_text(card_id, "x" * 10_001)  # type: ignore[union-attr]
    assert result is False
    assert failures and "for lang" in failures[0]
    assert board.banner.isVisible() and "for lang" in board.banner_label.text()
    assert services.get_card(card_id).text == "kort"
    assert board.controller.stack.count() == 1  # type: ignore[union-attr]


def test_200_cards_and_long_and_foreign_text(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str, screenshot: Shot
) -> None:
    with services.batch():
        for i in range(200):
            services.add_card(meeting, (W, G, N)[i % 3], f"Kort nummer {i} med lidt tekst")
        services.add_card(meeting, G, "Ord " * 500, index=0)
        services.add_card(meeting, G, "Żółć gęślą jaźń 😀👍 مرحبا بالعائلة — Привет", index=0)
        services.add_card(meeting, W, "x" * 300, index=0)
    board.reload()
    assert sum(len(c.order) for c in board.columns.values()) == 203
    long_card = board.columns[G].cards[board.columns[G].order[1]]
    assert len(long_card.data.text) == 1999
    unbroken = board.columns[W].cards[board.columns[W].order[0]]
    assert "\u200b" in unbroken.text_label.text()
    assert unbroken.text_label.text().replace("\u200b", "") == "x" * 300
    assert display_text("kort tekst") == "kort tekst"
    qtbot.wait(20)
    # Nothing is wider than its column: long words wrap.
    for col in board.columns.values():
        assert col.container.width() <= col.scroll_area.viewport().width()
    screenshot(board, "board-200-cards")


def test_long_press_lifts_the_card_then_opens_its_menu_on_release(
    qtbot: QtBot, board: MeetingPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    card_id = board.controller.add_card(W, "hold mig")  # type: ignore[union-attr]
    card = board.columns[W].cards[card_id]
    # The offscreen platform cannot show a popup menu; record the request instead.
    board.columns[W].menu_requested.disconnect(board.show_card_menu)
    menus: list[str] = []
    edits: list[str] = []
    card.menu_requested.connect(lambda cid, _pos: menus.append(cid))
    card.edit_requested.connect(edits.append)
    qtbot.mousePress(card, Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    qtbot.waitUntil(lambda: bool(card.property("selected")))
    assert menus == []  # nothing opens while the finger is still down
    qtbot.mouseRelease(card, Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    assert menus == [card_id] and edits == []
    assert not card.property("selected")
    # Held, then moved: a drag, not a menu.
    started: list[str] = []
    monkeypatch.setattr(CardWidget, "start_drag", lambda self: started.append(self.data.id))
    qtbot.mousePress(card, Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    qtbot.waitUntil(lambda: bool(card.property("selected")))
    qtbot.mouseMove(card, QPoint(30, 80))
    assert started == [card_id] and menus == [card_id]


def test_scrolling_over_the_details_does_not_change_them(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    """A finger or wheel scrolling the sheet past the time list must not change it."""
    from PySide6.QtGui import QWheelEvent

    sheet = board.show_details()
    assert sheet is not None
    combo = sheet.when.time_combo
    before = combo.currentData()
    event = QWheelEvent(
        QPointF(10, 10),
        QPointF(combo.mapToGlobal(QPoint(10, 10))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(combo, event)
    assert combo.currentData() == before
    assert services.get_meeting(meeting).starts_at == datetime(2026, 12, 3, 10, 0)
    sheet.reject()


def test_a_full_disk_is_explained_and_nothing_is_shown_as_saved(
    qtbot: QtBot, board: MeetingPage, services: Services, meeting: str
) -> None:
    controller = board.controller
    assert controller is not None
    controller.add_card(W, "gemt før")
    failures: list[str] = []
    board.failed.connect(failures.append)
    db = services.db
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
    for _ in range(3):  # every pooled connection is capped at the file's current size
        with db.engine.connect() as conn:
            conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
            conn.commit()
    col = board.columns[G]
    qtbot.mouseClick(col.add_button, Qt.MouseButton.LeftButton)
    assert col.editor is not None
    col.editor.edit.setPlainText("lang tekst " * 900)
    qtbot.keyClick(col.editor.edit, Qt.Key.Key_Return)
    assert failures and "Disken er fuld" in failures[0]
    assert board.banner.isVisible()
    assert col.editor is not None  # the words stay on screen, not lost
    assert stored_texts(services, meeting, G) == []
    assert stored_texts(services, meeting, W) == ["gemt før"]
    assert controller.stack.count() == 1  # the failed edit is not in the history
