"""Three Houses in the window (issue 19): a child draws with the mouse and a finger on
the real pad, the caseworker types the child's words, the child decides what the
parents may see, a shared sentence goes on the board in one tap; all as stored."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.domain.houses import MAX_STROKES, Stroke, strokes_from_json
from familymeeting.settings import Settings
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.houses.drawing import DrawingPad
from familymeeting.ui.meeting.houses.page import ThreeHousesDialog
from familymeeting.ui.meeting.page import MeetingPage

ShowBoard = Callable[..., MeetingPage]

pytestmark = pytest.mark.usefixtures("styled", "danish")


@pytest.fixture
def ids(services: Services) -> dict[str, str]:
    family = services.create_family("Familien Holm")
    emma = services.add_participant(family.id, "Emma", "child", birth_year=2017)
    noah = services.add_participant(family.id, "Noah", "child", birth_year=2014)
    services.add_participant(family.id, "Mette", "parent")
    meeting = services.create_meeting(family.id, datetime(2026, 11, 20, 10))
    return {"family": family.id, "meeting": meeting.id, "emma": emma.id, "noah": noah.id}


def open_houses(
    show_board: ShowBoard, services: Services, ids: dict[str, str]
) -> ThreeHousesDialog:
    page = show_board(services, ids["meeting"])
    page.show_view("ratings")
    page.ratings.houses_button.click()
    dialog = page.houses_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def at(pad: DrawingPad, x: float, y: float) -> QPoint:
    return pad.to_widget(x, y).toPoint()


def show_whole(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 0, 0)


def drawn(services: Services, ids: dict[str, str], house: str) -> tuple[Stroke, ...]:
    for item in services.list_house_items(ids["meeting"], ids["emma"]):
        if item.house == house and item.kind == "drawing":
            return strokes_from_json(item.strokes)
    return ()


def test_mouse_and_finger_strokes_are_stored_as_vectors(
    qtbot: QtBot, show_board: ShowBoard, services: Services, ids: dict[str, str]
) -> None:
    dialog = open_houses(show_board, services, ids)
    assert dialog.child_buttons[ids["emma"]].isChecked()  # the first child; Noah a tap away
    assert dialog.house_buttons["worries"].isChecked()
    pad = dialog.pad
    show_whole(pad)
    QApplication.processEvents()
    # The mouse: press, three moves, release.
    QTest.mousePress(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(pad, 0.1, 0.1)
    )
    for x, y in ((0.3, 0.2), (0.5, 0.4), (0.7, 0.6)):
        QTest.mouseMove(pad, at(pad, x, y))
    QTest.mouseRelease(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(pad, 0.8, 0.8)
    )
    (stroke,) = drawn(services, ids, "worries")
    assert stroke.colour == "#22313f"
    assert stroke.points[0] == pytest.approx((0.1, 0.1), abs=0.01)
    assert stroke.points[-1] == pytest.approx((0.8, 0.8), abs=0.01)
    assert len(stroke.points) == 5
    # A finger, in red: touch begin, moves, end on the real window.
    dialog.colour_buttons[1].click()
    show_whole(pad)  # Qt's 800x600 test screen: the dialog scrolls
    QApplication.processEvents()  # its layout settles before the finger lands
    window = dialog.windowHandle()
    device = QTest.createTouchDevice()

    def touch(x: float, y: float) -> QPoint:
        return pad.mapTo(dialog, at(pad, x, y))

    QTest.touchEvent(window, device).press(0, touch(0.2, 0.9), window).commit()
    QTest.touchEvent(window, device).move(0, touch(0.5, 0.5), window).commit()
    QTest.touchEvent(window, device).move(0, touch(0.9, 0.1), window).commit()
    QTest.touchEvent(window, device).release(0, touch(0.9, 0.1), window).commit()
    first, finger = drawn(services, ids, "worries")
    assert first == stroke
    assert finger.colour == "#d64541"
    assert finger.points[0] == pytest.approx((0.2, 0.9), abs=0.01)
    assert finger.points[-1] == pytest.approx((0.9, 0.1), abs=0.01)
    # "Undo line" takes the finger's stroke back, in the database too.
    dialog.undo_button.click()
    assert drawn(services, ids, "worries") == (stroke,)
    # The eraser takes a whole stroke it touches; then there is no drawing at all.
    dialog.eraser.click()
    QTest.mousePress(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(pad, 0.5, 0.4)
    )
    QTest.mouseRelease(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(pad, 0.5, 0.4)
    )
    assert drawn(services, ids, "worries") == ()
    assert pad.strokes() == ()
    # Another house has its own drawing.
    dialog.house_buttons["dreams"].click()
    assert pad.strokes() == ()


def test_the_childs_choice_and_the_board(
    qtbot: QtBot, show_board: ShowBoard, services: Services, ids: dict[str, str], tmp_path: Path
) -> None:
    dialog = open_houses(show_board, services, ids)
    page = dialog.parent()
    dialog.house_buttons["good_things"].click()
    for words in ("Jeg har en god ven", "Fodbold om tirsdagen"):
        qtbot.keyClicks(dialog.sentence_edit, words)
        dialog.add_button.click()
    assert [r.text.text() for r in dialog.rows] == ["Jeg har en god ven", "Fodbold om tirsdagen"]
    first = dialog.rows[0]
    # "No" until the child says yes; the board is only for what the child shares.
    assert first.choice.no.isChecked() and not first.board.isEnabled()
    assert first.choice.label.text() == "Må dine forældre se det?"
    first.choice.yes.click()
    first = dialog.rows[0]
    assert first.choice.yes.isChecked() and first.board.isEnabled()
    assert first.board.text() == "Sæt på tavlen"
    first.board.click()
    assert dialog.rows[0].board.text() == "På tavlen ✓"
    (card,) = services.list_cards(ids["meeting"], "working_well")
    assert (card.text, card.whose_words_id) == ("Jeg har en god ven", ids["emma"])
    column = page.columns["working_well"]
    shown = [column.cards[cid].data for cid in column.order]
    assert [(d.text, d.whose_words.name if d.whose_words else None) for d in shown] == [
        ("Jeg har en god ven", "Emma")
    ]
    # The stored choices; undo (the meeting's stack) takes the card off the board again.
    items = services.list_house_items(ids["meeting"], ids["emma"])
    assert [(i.text, i.shared, i.card_id is not None) for i in items] == [
        ("Jeg har en god ven", True, True),
        ("Fodbold om tirsdagen", False, False),
    ]
    page.undo()
    assert services.list_cards(ids["meeting"], "working_well") == []
    assert dialog.rows[0].board.text() == "Sæt på tavlen"
    # The child's paper holds only what is shared; the full one everything.
    target = tmp_path / "huse.pdf"
    assert dialog.save_paper_to(target, False)
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert "Jeg har en god ven" in text and "Fodbold" not in text
    assert dialog.save_paper_to(tmp_path / "sag.pdf", True)
    full = PdfReader(tmp_path / "sag.pdf").pages[0].extract_text()
    assert "Fodbold" in full
    assert [e.event for e in services.access_log(ids["family"])][:2] == [
        "export_houses",
        "export_houses",
    ]
    # Noah's houses are his own.
    dialog.child_buttons[ids["noah"]].click()
    assert dialog.rows == []


def test_a_refused_sentence_says_why_and_changes_nothing(
    qtbot: QtBot, show_board: ShowBoard, services: Services, ids: dict[str, str]
) -> None:
    dialog = open_houses(show_board, services, ids)
    dialog.sentence_edit.setText("x" * 1001)
    assert not dialog.add_button.click() and dialog.rows == []
    assert dialog.error_label.isVisible()
    assert "for lang" in dialog.error_label.text()
    assert dialog.sentence_edit.text() == "x" * 1001  # kept to shorten
    assert services.list_house_items(ids["meeting"], ids["emma"]) == []


def test_a_full_drawing_takes_no_more_strokes(qtbot: QtBot) -> None:
    pad = DrawingPad()
    qtbot.addWidget(pad)
    pad.resize(400, 300)
    pad.show()
    qtbot.waitExposed(pad)
    pad.set_strokes(tuple(Stroke("#22313f", 0.01, ((0.5, 0.5),)) for _ in range(MAX_STROKES)))
    with qtbot.waitSignal(pad.full, timeout=1000):
        QTest.mousePress(
            pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(pad, 0.2, 0.2)
        )
    QTest.mouseRelease(
        pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at(pad, 0.3, 0.3)
    )
    assert len(pad.strokes()) == MAX_STROKES


def test_child_mode_offers_no_way_to_the_houses(
    qtbot: QtBot, services: Services, ids: dict[str, str], data_dir: Path
) -> None:
    """Handed to a child, the screen has no "Tre huse": the houses are the caseworker's
    to open, next to the child, never from the child's locked screen."""
    window = MainWindow(services, Settings(data_dir), idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(ids["meeting"])
    window.meeting.show_view("ratings")
    assert window.meeting.ratings.houses_button.isVisible()
    window.enter_child_mode()
    assert window.stack.currentWidget() is window.child_mode
    visible = [b.text() for b in window.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    assert "Tre huse" not in visible
    assert not window.meeting.ratings.houses_button.isVisible()
    window.close()
