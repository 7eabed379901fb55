"""The text size (A−, A+) on a whole window: every page and dialog follows, each widget
is restyled once per step, and the idle lock does not watch the restyle.

Speed itself is measured in benchmarks/text_size.py, never here; these tests pin down
what makes a step cheap (one polish per widget, no Python filter on the restyle's
events) and what the family sees after it (every font at the new size).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from familymeeting import settings
from familymeeting.settings import Settings
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.ui import idle, text_size, theme
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.board.card import CardText

LARGEST = len(theme.TEXT_SCALES) - 1
RATIO = theme.TEXT_SCALES[LARGEST] / theme.TEXT_SCALES[0]

pytestmark = pytest.mark.usefixtures("styled")


@pytest.fixture
def demo(services: Services) -> tuple[str, str]:
    family = create_demo_family(services)
    return family.id, services.list_meetings(family.id)[0].id


@pytest.fixture
def window(
    qtbot: QtBot, services: Services, data_dir: Path, danish: None, demo: tuple[str, str]
) -> Iterator[MainWindow]:
    """The window at the smallest size with every page built: board, ratings, plan,
    progress, settings; then the board shown again (what the benchmark does)."""
    family_id, meeting_id = demo
    win = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.apply_text_size(0)
    win.show()
    qtbot.waitExposed(win)
    win.open_meeting(meeting_id)
    for view in ("ratings", "plan", "board"):
        win.meeting.show_view(view)
        qtbot.wait(1)
    win.show_progress(family_id)
    win.show_maintenance()
    win.open_meeting(meeting_id)
    qtbot.wait(10)
    yield win
    win.close()


def key(widget: QObject) -> int:
    return int(shiboken6.getCppPointer(widget)[0])


Fonts = dict[int, tuple[QWidget, str, float]]


def fonts(root: QWidget) -> Fonts:
    """Each widget of ``root`` (itself included), its name and font size in points."""
    return {
        key(w): (w, f"{type(w).__name__}#{w.objectName()}", w.font().pointSizeF())
        for w in [root, *root.findChildren(QWidget)]
    }


def assert_scaled(before: Fonts, after: Fonts) -> None:
    """Every widget in both is ``RATIO`` times larger (the type scale rounds to 0.1 pt).

    Only the same widgets are compared: a page may have built new ones meanwhile.
    """
    common = [
        k
        for k in set(before) & set(after)
        if shiboken6.isValid(before[k][0]) and before[k][0] is after[k][0]
    ]
    assert common
    wrong = [
        f"{before[k][1]}: {before[k][2]} pt -> {after[k][2]} pt"
        for k in common
        if abs(after[k][2] - before[k][2] * RATIO) > 0.11
    ]
    assert not wrong, "\n".join(wrong[:20])


class StyleChanges(QObject):
    """Counts each widget's StyleChange events (one per polish) while installed."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[int] = Counter()
        self.names: dict[int, str] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.StyleChange and isinstance(watched, QWidget):
            self.counts[key(watched)] += 1
            self.names[key(watched)] = type(watched).__name__ + "#" + watched.objectName()
        return False


# ------------------------------------------------------------------ the step
def shown(root: QWidget) -> set[int]:
    return {key(w) for w in [root, *root.findChildren(QWidget)] if w.isVisible()}


def test_a_step_restyles_what_is_shown_once_and_the_rest_when_shown(
    window: MainWindow, qapp: QApplication, qtbot: QtBot
) -> None:
    counter = StyleChanges()
    qapp.installEventFilter(counter)
    try:
        window.larger_action.trigger()
        assert window.text_size == 1
        on_screen = shown(window)
        # Everything on screen is brought to the new size in the step, each widget once:
        # QApplication.setStyleSheet polished a widget again for each of its ancestors
        # (about ten times on the board), which made a step take 0.4 s.
        assert on_screen <= set(counter.counts)
        most = counter.counts.most_common(3)
        assert most[0][1] == 1, [(counter.names[k], n) for k, n in most]
        # A hidden page waits for its turn (the small windows it parents, pop-up lists,
        # do not: they measure themselves before they show) ...
        settings_page = [
            w for w in window.maintenance.findChildren(QWidget) if w.window() is window
        ]
        assert len(settings_page) > 20
        assert not {key(w) for w in settings_page} & set(counter.counts)
        counter.counts.clear()
        # ... which comes when it is shown, once for each of its widgets.
        window.show_maintenance()
        qtbot.wait(1)
        restyled = [w for w in settings_page if w.isVisible()]
        assert {key(w) for w in restyled} <= set(counter.counts)
        assert max(counter.counts[key(w)] for w in restyled) == 1
    finally:
        qapp.removeEventFilter(counter)


def test_the_idle_lock_does_not_watch_the_restyle(
    window: MainWindow, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    watcher = idle.IdleWatcher(3_600_000)
    watcher.start()
    seen: list[int] = []
    original = idle.IdleWatcher.eventFilter

    def counting(self: idle.IdleWatcher, watched: QObject, event: QEvent) -> bool:
        seen.append(1)
        return original(self, watched, event)

    monkeypatch.setattr(idle.IdleWatcher, "eventFilter", counting)
    try:
        text_size.apply(window, 2)
        assert seen == []  # thousands of font and style events, none of them input
        assert watcher.running
        # Watching again afterwards: input still counts.
        shift = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
        qapp.sendEvent(window, shift)
        assert seen
    finally:
        watcher.dispose()


def test_every_page_shows_the_new_size(window: MainWindow, qtbot: QtBot) -> None:
    before = fonts(window)
    window.larger_action.trigger()
    window.larger_action.trigger()
    assert window.text_size == LARGEST
    qtbot.wait(10)
    body = theme.pt(0, theme.TEXT_SCALES[LARGEST])
    board = window.meeting
    pages: list[tuple[Callable[[], None], QWidget]] = [
        (lambda: None, board),
        (lambda: board.show_view("ratings"), board.ratings),
        (lambda: board.show_view("plan"), board.plan),
        (lambda: window.show_progress(window.family_id or ""), window.progress),
        (window.show_maintenance, window.maintenance),
        (lambda: window.open_family(window.family_id or ""), window.family_page),
        (window.show_families, window.families_page),
    ]
    for show, page in pages:
        show()
        qtbot.wait(1)
        assert page.isVisible()
        assert page.font().pointSizeF() == body
        # Everything the family sees (the window's toolbar too) is at the new size.
        on_screen = {k: v for k, v in fonts(window).items() if k in shown(window)}
        assert_scaled(before, on_screen)
        # New widgets too (pages build theirs when shown): every size is one of the
        # type scale's at the largest size, none of the smallest's.
        sizes = {theme.pt(step, theme.TEXT_SCALES[LARGEST]) for _, step in theme.TYPE_SCALE}
        assert not sizes & {theme.pt(step) for _, step in theme.TYPE_SCALE}
        odd = {name: size for _, name, size in on_screen.values() if size not in sizes}
        assert not odd, odd


def test_a_hidden_page_is_painted_at_the_new_size_first(
    window: MainWindow, qapp: QApplication, qtbot: QtBot
) -> None:
    painted: dict[str, float] = {}

    class Paints(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QLabel):
                painted.setdefault(watched.objectName(), watched.font().pointSizeF())
            return False

    window.apply_text_size(LARGEST)
    paints = Paints()
    qapp.installEventFilter(paints)
    try:
        window.meeting.show_view("plan")
        qtbot.waitUntil(lambda: "cardText" in painted)
    finally:
        qapp.removeEventFilter(paints)
    assert painted["cardText"] == theme.pt(1, theme.TEXT_SCALES[LARGEST])
    assert painted["muted"] == theme.pt(0, theme.TEXT_SCALES[LARGEST])


def test_dialogs_opened_after_a_step_show_the_new_size(window: MainWindow, qtbot: QtBot) -> None:
    board, page = window.meeting, window.family_page
    card_id = next(iter(board.columns["worries"].cards))
    openers: dict[str, Callable[[], QWidget | None]] = {
        "family": page.edit_family,
        "meeting": page.new_meeting,
        "follow-up": page.follow_up,
        "access log": page.show_access_log,
        "delete": page.delete_family,
        "question": board.ratings.new_question,
        "action": board.plan.new_action,
        "card menu": lambda: board.build_card_menu(card_id),
    }

    def shown(open_it: Callable[[], QWidget | None]) -> list[tuple[str, float]]:
        widget = open_it()
        assert widget is not None
        if isinstance(widget, QMenu):
            widget.ensurePolished()  # a popup grabs input, which offscreen cannot
        else:
            widget.show()
            qtbot.waitExposed(widget)
        sizes = [
            (type(w).__name__, w.font().pointSizeF())
            for w in [widget, *widget.findChildren(QWidget)]
        ]
        if isinstance(widget, QDialog):
            widget.reject()
        widget.hide()
        widget.deleteLater()
        return sizes

    small = {name: shown(open_it) for name, open_it in openers.items()}
    text_size.apply(window, LARGEST)
    for name, open_it in openers.items():
        large = shown(open_it)
        assert [n for n, _ in large] == [n for n, _ in small[name]], name
        wrong = [
            (n, a, b)
            for (n, a), (_, b) in zip(small[name], large, strict=True)
            if abs(b - a * RATIO) > 0.11
        ]
        assert not wrong, (name, wrong[:10])


def test_card_heights_follow_the_size(window: MainWindow, qtbot: QtBot) -> None:
    """The shared text-height cache answers for the new font, not the old one."""
    window.apply_text_size(LARGEST)
    qtbot.wait(10)
    texts = [t for c in window.meeting.columns.values() for t in c.container.findChildren(CardText)]
    assert texts
    for text in texts:
        if not text.isVisible():
            continue
        fresh = QLabel(text.text())
        fresh.setWordWrap(True)
        fresh.setFont(text.font())
        fresh.setContentsMargins(text.contentsMargins())
        assert text.heightForWidth(text.width()) == fresh.heightForWidth(text.width())
        assert text.height() >= fresh.heightForWidth(text.width())
        fresh.deleteLater()


def looks(window: QWidget) -> list[tuple[str, float, int, int]]:
    """What is on screen, widget by widget: kind, font size, height, and a label's width.

    (A button's width may differ by its border: Qt sizes a button for the state it had
    when first measured, checked or not; that is not the text size's doing.)
    """
    return [
        (
            f"{type(w).__name__}#{w.objectName()}",
            w.font().pointSizeF(),
            w.height(),
            w.width() if isinstance(w, QLabel) else 0,
        )
        for w in window.findChildren(QWidget)
        if w.isVisible()
    ]


def settle_layouts(qtbot: QtBot) -> None:
    """Every posted layout request and zero-timer handled, however busy the machine is
    (a fixed wait let a loaded machine compare a header still being laid out)."""
    for _ in range(6):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
    qtbot.wait(20)
    QApplication.processEvents()


def test_after_a_step_every_page_looks_as_if_opened_at_that_size(
    window: MainWindow,
    qtbot: QtBot,
    services: Services,
    data_dir: Path,
    demo: tuple[str, str],
) -> None:
    """Nothing is left behind by a step (a height measured before a child's font
    changed, a hint cut to the old line height) on any page."""
    family_id, meeting_id = demo
    window.apply_text_size(LARGEST)
    Settings(data_dir).set(settings.TEXT_SIZE, LARGEST)
    fresh = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(fresh)
    fresh.resize(window.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    assert fresh.text_size == LARGEST
    shows: dict[str, Callable[[MainWindow], None]] = {
        "board": lambda w: w.open_meeting(meeting_id),
        "ratings": lambda w: w.meeting.show_view("ratings"),
        "plan": lambda w: w.meeting.show_view("plan"),
        "progress": lambda w: w.show_progress(family_id),
        "settings": lambda w: w.show_maintenance(),
        "family": lambda w: w.open_family(family_id),
        "families": lambda w: w.show_families(),
    }
    for name, show in shows.items():
        seen = []
        for each in (window, fresh):
            show(each)
            each.saved_label.clear()
            settle_layouts(qtbot)
            seen.append(looks(each))
        stepped, opened = seen
        assert len(stepped) == len(opened), name
        wrong = [(a, b) for a, b in zip(stepped, opened, strict=True) if a != b]
        assert not wrong, (name, wrong[:12])
    fresh.close()


def test_a_pop_up_measures_itself_at_the_new_size(window: MainWindow) -> None:
    """A calendar or list opened before a step is sized for the new text when it next
    opens (a pop-up takes its size before it shows)."""
    sheet = window.meeting.show_details()  # the header's "Møde"
    assert sheet is not None
    calendar = sheet.when.date_edit.calendarWidget()  # made now, as at the first tap
    calendar.window().ensurePolished()
    calendar.ensurePolished()
    small = calendar.minimumWidth()
    window.apply_text_size(LARGEST)
    assert calendar.minimumWidth() == round(small * RATIO)
    assert calendar.window().sizeHint().width() >= calendar.minimumWidth()
    combo = sheet.when.time_combo
    assert combo.view().font().pointSizeF() == theme.pt(0, theme.TEXT_SCALES[LARGEST])
    sheet.reject()


def test_widgets_made_in_a_hidden_page_are_laid_out_for_their_size(
    qtbot: QtBot, services: Services, data_dir: Path, danish: None, demo: tuple[str, str]
) -> None:
    """A page builds its widgets before it is first shown (the family page its chips
    when a meeting opens); shown after a step, each chip is as wide as its words at the
    new size, not as they were when the chips were made."""
    family_id, meeting_id = demo
    window = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(meeting_id)
    window.retranslate()  # pages built anew (as after unlocking), back on the board:
    qtbot.wait(10)  # the new family page has its chips, never shown yet
    window.apply_text_size(1)
    qtbot.wait(10)
    window.show_families()
    qtbot.wait(10)
    window.open_family(family_id)
    qtbot.wait(10)
    chips = [c for c in window.family_page.chips.findChildren(QLabel) if c.isVisible()]
    assert chips
    for chip in chips:
        assert chip.font().pointSizeF() == theme.pt(-1, theme.TEXT_SCALES[1])
        assert chip.width() >= chip.sizeHint().width(), chip.text()
    window.close()
