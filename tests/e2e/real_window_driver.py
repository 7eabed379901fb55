"""Drive the real app in a real X window with real input (tests/e2e/test_real_window.py).

Run by the test as a subprocess on a virtual screen (Xvfb + openbox) with Qt's xcb
platform, never offscreen::

    DISPLAY=:N QT_QPA_PLATFORM=xcb python real_window_driver.py --data-dir D --out O

It starts the app in-process exactly as ``familymeeting --data-dir D`` does
(``familymeeting.cli.main``), and while the app runs its own event loops (the
password screen's, the window's, a modal dialog's) a timer walks through the steps
below. Every tap, keystroke and text goes through the X server with xdotool, at
screen coordinates worked out from the widgets found on screen; after each input the
driver waits until Qt has received it, then until what should follow is there (with a
guard against hanging, never a timed assertion), and asserts on what the user sees and
on what is stored (an independent SQLCipher connection to the data dir).

After every step each window on screen is checked against the screen (the frame
within the available geometry, every visible toolbar button whole inside the window
and on screen, Lock one tap away). Qt's warnings and Python's warnings are recorded;
the test fails on any.

The results go to ``O/report.json`` after every step (so a killed run still says how far
it got), with a screenshot of the screen for a failed step. Nothing here writes outside
``O`` and the data dir, both in the test's temp dir. ``--screenshot PATH`` only saves a
picture of the screen (the test uses it when the driver stopped answering).
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import subprocess
import sys
import threading
import time
import traceback
import warnings
from collections import Counter
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# The steps, in order; the test makes one pytest item of each (per screen size).
STEPS = (
    "password_screen",  # the password screen is up, whole, with the caret in the field
    "unlock",  # type the password, Enter: the window with the families
    "open_family",  # tap the demo family
    "open_meeting",  # tap its newest meeting: the board, as stored
    "add_card",  # tap "+ Tilføj", type, Enter: on the board and in the database
    "undo_ctrl_z",  # Ctrl+Z: gone from both
    "redo_ctrl_shift_z",  # Ctrl+Shift+Z: back in both
    "redo_ctrl_y",  # Ctrl+Z, then Ctrl+Y: back in both
    "preview",  # tap Plan, tap "Forhåndsvis plan": one page, Print and Save whole on screen
    "save_pdf",  # tap Save, type a file name in the file dialog, Enter: a one-page PDF
    "save_dialog_in_documents",  # the file dialog opened in Documents (first save)
    "lock_by_tap",  # tap Lock: the lock screen, and no board widget or case text left
)

PASSWORD_ENV = "FAMILYMEETING_PASSWORD"
DEMO_FAMILY = "Familien Holm (demo)"  # familymeeting.storage.demo.DEMO_NAME
CARD_TEXT = "Mormor Grethe henter Emma hver tirsdag"  # ASCII: xdotool types it reliably
PDF_NAME = "familiens-plan.pdf"
COLUMN = "worries"  # shown first on a wide board and as the first tab on a narrow one
DARK = 100  # grey level (0-255) below which a pixel is ink: the plan's text, not paper

TICK_MS = 20  # how often the driver looks at the app
INPUT_S = 10.0  # guard: an input xdotool sent reaches Qt
EFFECT_S = 5.0  # guard: what a tap or key does synchronously shows (slower only if broken)
SLOW_S = 30.0  # guard: work on a thread (Argon2 unlock, the plan's PDF, a file written)
RUN_S = 150.0  # guard for the whole run; the test's own timeout is longer
SETTLE_S = 0.25  # after a step, before its picture and the fit check (not an assertion)
STALL_S = 20.0  # the driver's timer has not run this long: the app stopped answering

# Qt messages that are not faults; compared exactly (none so far on xcb with openbox).
ALLOWED_QT_MESSAGES: frozenset[str] = frozenset()
QT_PREFIX = "QT-MESSAGE"  # stderr lines the test scans, also those printed after the report


class StepFailed(Exception):
    """What the user would see go wrong, in words, for the report."""


class NotReached(Exception):
    """The step cannot start: an earlier step did not leave the app where it needs it."""


@dataclass
class Wait:
    """A condition the driver waits for, with a guard against hanging."""

    what: str
    until: Callable[[], object]
    timeout: float = EFFECT_S
    deadline: float = 0.0


@dataclass
class Report:
    path: Path
    size: str
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    fit: dict[str, list[str]] = field(default_factory=dict)  # problem -> steps after
    messages: list[str] = field(default_factory=list)
    current: str | None = None
    finished: bool = False
    exit_code: int | None = None

    def write(self) -> None:
        data = {
            "size": self.size,
            "steps": self.steps,
            "fit": self.fit,
            "messages": self.messages,
            "current": self.current,
            "finished": self.finished,
            "exit_code": self.exit_code,
        }
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.path)


# ------------------------------------------------------------------ X input (xdotool)
def xdotool(*args: str) -> None:
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, timeout=INPUT_S, check=False
    )
    if done.returncode != 0:
        raise StepFailed(f"xdotool {' '.join(args[:1])} failed: {done.stderr.strip()}")


def save_screen(path: Path) -> bool:
    """A picture of the whole X screen (the root window), taken through Qt."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.primaryScreen()
    return screen is not None and screen.grabWindow(0).save(str(path))


# ---------------------------------------------------------------------------- driver
class Driver:
    """Walks through STEPS while the app runs; see the module docstring."""

    def __init__(self, data_dir: Path, out: Path, report: Report, password: str) -> None:
        from PySide6.QtCore import QTimer

        self.data_dir, self.out, self.password = data_dir, out, password
        self.report = report
        self.queue = list(STEPS)
        self.gen: Generator[Wait, None, None] | None = None
        self.waiting: Wait | None = None
        self.settling: float | None = None  # when the screen has settled after a step
        self.busy = False
        self.last_tick = time.monotonic()
        self.done = False
        self.notes: dict[str, Any] = {}
        self.key: bytes | None = None
        self.input = _input_log()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.watchdog = QTimer()
        self.watchdog.setSingleShot(True)
        self.watchdog.setInterval(int(RUN_S * 1000))
        self.watchdog.timeout.connect(self.give_up)

    # ---------------------------------------------------------------- the pump
    def start(self) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self.input)
        self.report.write()
        self.timer.start()
        self.watchdog.start()
        threading.Thread(target=self.watch_for_stall, name="stall-watch", daemon=True).start()

    def tick(self) -> None:
        self.last_tick = time.monotonic()
        self.input.recent.clear()  # what Qt handled between two ticks
        if self.busy:
            return
        self.busy = True
        try:
            self._advance()
        finally:
            self.busy = False

    def _advance(self) -> None:
        while True:
            if self.settling is not None:
                if time.monotonic() < self.settling:
                    return
                self.settling = None
                self._after_step()
                return
            if self.gen is None:
                if not self.queue:
                    self.finish()
                    return
                name = self.queue.pop(0)
                self.report.current = name
                self.report.steps[name] = {"status": "running"}
                self.report.write()
                self.gen = getattr(self, f"step_{name}")()
                self.waiting = None
            if self.waiting is not None:
                try:
                    ready = self.waiting.until()
                except Exception:
                    self._end("failed", f"checking '{self.waiting.what}':\n{_trace()}")
                    return
                if not ready:
                    if time.monotonic() > self.waiting.deadline:
                        self._end(
                            "failed",
                            f"waited {self.waiting.timeout:.0f} s for: {self.waiting.what}",
                        )
                    return  # look again on the next tick
            assert self.gen is not None
            try:
                wait = next(self.gen)
            except StopIteration:
                self._end("passed", "")
                return  # the next step starts once Qt has handled what this one did
            except StepFailed as exc:
                self._end("failed", str(exc))
                return
            except NotReached as exc:
                self._end("not reached", str(exc))
                return
            except Exception:
                self._end("failed", f"the driver stopped:\n{_trace()}")
                return
            wait.deadline = time.monotonic() + wait.timeout
            self.waiting = wait

    def _end(self, status: str, detail: str) -> None:
        """The step is over; its pictures and the fit check follow once the screen has
        settled (the X server repaints what a closed dialog uncovered, openbox places a
        new window), so they show what the user sees after the step."""
        name = self.report.current
        assert name is not None
        if self.gen is not None:
            self.gen.close()
        self.gen, self.waiting = None, None
        self.report.steps[name] = {"status": status, "detail": detail}
        self.settling = time.monotonic() + SETTLE_S

    def _after_step(self) -> None:
        name = self.report.current
        assert name is not None
        entry = self.report.steps[name]
        if entry["status"] == "failed":
            shot = self.out / f"failed-{name}.png"
            if save_screen(shot):
                entry["screenshot"] = str(shot)
        self._check_fit(name)
        shots = os.environ.get("FAMILYMEETING_SCREENSHOTS")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            number = STEPS.index(name) + 1
            save_screen(Path(shots) / f"real-{self.report.size}-{number:02d}-{name}.png")
        self.report.current = None
        self.report.write()

    def finish(self) -> None:
        """All steps done: close the windows as a user would, so the app exits."""
        from PySide6.QtWidgets import QApplication, QDialog

        self.done = True
        self.timer.stop()
        self.watchdog.stop()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                if isinstance(widget, QDialog):
                    widget.reject()
                widget.close()
        QApplication.quit()

    def watch_for_stall(self) -> None:
        """On a thread of its own: when the GUI thread stops running the driver's timer
        (a busy loop of events, a deadlock), say so with what Qt was busy with, leave a
        picture (taken by another process) and end the run."""
        while not self.done:
            time.sleep(1.0)
            idle = time.monotonic() - self.last_tick
            if idle < STALL_S or self.done:
                continue
            busy = ", ".join(
                f"{_event_name(kind)} to {receiver} x{count}"
                for (kind, receiver), count in _copy(self.input.recent).most_common(6)
            )
            name = self.report.current or "(between steps)"
            detail = (
                f"the app stopped answering: the GUI thread did not come back to the event "
                f"loop's timers for {idle:.0f} s; Qt was busy with: {busy or 'nothing'}"
            )
            entry: dict[str, Any] = {"status": "failed", "detail": detail}
            shot = self.out / f"failed-{name}.png"
            subprocess.run(
                [sys.executable, __file__, "--screenshot", str(shot)], timeout=30, check=False
            )
            if shot.exists():
                entry["screenshot"] = str(shot)
            self.report.steps[name] = entry
            self.report.exit_code = 4
            self.report.write()
            print(f"real_window_driver: {detail}", file=sys.stderr, flush=True)
            os._exit(4)

    def give_up(self) -> None:
        """The whole run took too long: say where, leave a picture, end the process."""
        name = self.report.current or "(between steps)"
        detail = f"the run did not finish within {RUN_S:.0f} s"
        if self.waiting is not None:
            detail += f"; waiting for: {self.waiting.what}"
        shot = self.out / f"failed-{name}.png"
        self.report.steps[name] = {"status": "failed", "detail": detail}
        if save_screen(shot):
            self.report.steps[name]["screenshot"] = str(shot)
        self.report.exit_code = 3
        self.report.write()
        sys.stderr.flush()
        os._exit(3)

    # ------------------------------------------------------------ finding things
    def main_window(self) -> Any:
        return _top_level("MainWindow")

    def need_main(self) -> Any:
        window = self.main_window()
        if window is None:
            raise NotReached("the main window is not shown")
        if getattr(window, "locked", False):
            raise NotReached("the window is locked")
        return window

    def need_board(self) -> tuple[Any, Any]:
        window = self.need_main()
        board = _attr(window, "meeting")
        if not board.isVisible() or board.meeting_id is None:
            raise NotReached("no meeting's board is shown")
        return window, board

    def stored(self, sql: str, *params: str) -> list[str]:
        """The first column of a query's rows, read from the data dir by a connection of
        the driver's own (SQLCipher with the data key), not through the app."""
        from sqlcipher3 import dbapi2

        from familymeeting.storage.paths import DB_FILENAME

        if self.key is None:  # Argon2, once (about a second)
            from familymeeting.storage.keys import KeyStore

            self.key = KeyStore.unlock(self.data_dir, self.password)
        con = dbapi2.connect(str(self.data_dir / DB_FILENAME))
        try:
            con.execute(f"PRAGMA key = \"x'{self.key.hex()}'\"")
            return [str(row[0]) for row in con.execute(sql, params).fetchall()]
        finally:
            con.close()

    def stored_cards(self, meeting_id: str, text: str) -> list[str]:
        """The columns of the stored cards of this meeting with exactly this text."""
        return self.stored(
            'SELECT "column" FROM card WHERE meeting_id = ? AND text = ?', meeting_id, text
        )

    def stored_texts(self, meeting_id: str, column: str) -> list[str]:
        """The texts of a column's stored cards, top first."""
        return self.stored(
            'SELECT text FROM card WHERE meeting_id = ? AND "column" = ? ORDER BY position',
            meeting_id,
            column,
        )

    # ------------------------------------------------------------------ input
    def ready_for_input(self, window: Any, what: str) -> Generator[Wait, None, None]:
        """The window is shown, exposed and has the keyboard (openbox gave it focus)."""

        def ready() -> bool:
            handle = window.windowHandle()
            return bool(
                window.isVisible()
                and handle is not None
                and handle.isExposed()
                and window.isActiveWindow()
            )

        yield Wait(f"{what} is shown and active", ready, SLOW_S)

    def tap(self, widget: Any, what: str, part: Any = None) -> Generator[Wait, None, None]:
        """Tap ``widget`` (or the ``part`` of it, a QRect in its coordinates) where the
        user sees it: on screen, not covered; then check the tap reached it."""
        from PySide6.QtWidgets import QApplication, QToolTip

        yield from self.ready_for_input(widget.window(), f"the window of {what}")
        if not widget.isVisible():
            raise StepFailed(f"{what} is not shown")
        if not widget.isEnabled():
            raise StepFailed(f"{what} is shown but disabled")
        rect = _global_rect(widget)
        if part is not None:
            rect = part.translated(rect.topLeft()).intersected(rect)
        screen = widget.screen().geometry()
        seen = rect.intersected(screen).intersected(_global_rect(widget.window()))
        if seen.isEmpty():
            raise StepFailed(f"{what} is off screen: at {_fmt(rect)} on a screen of {_fmt(screen)}")
        point = seen.center()
        if _tooltip_shown():  # the mouse hovered on a button: a finger would not
            QToolTip.hideText()
            yield Wait("the tooltip hides", lambda: not _tooltip_shown())
        under = QApplication.widgetAt(point)
        if under is None or not (under is widget or widget.isAncestorOf(under)):
            raise StepFailed(f"{what} is covered at {point.x()},{point.y()} by {_name(under)}")
        before = self.input.mouse_releases
        self.input.press_target = None
        xdotool("mousemove", "--sync", str(point.x()), str(point.y()), "click", "1")
        yield Wait(f"the tap on {what} reaches the app", lambda: self.input.mouse_releases > before)
        target = self.input.press_target
        if target is None or not (target is widget or widget.isAncestorOf(target)):
            raise StepFailed(f"the tap meant for {what} reached {_name(target)}")

    def tap_row(self, widget: Any, row: int, what: str) -> Generator[Wait, None, None]:
        """Tap a row of a list widget."""
        yield from self.tap(widget.viewport(), what, widget.visualItemRect(widget.item(row)))

    def keys(self, chord: str) -> Generator[Wait, None, None]:
        """Press a key or chord (xdotool's names, e.g. ctrl+shift+z) and wait until Qt
        has received the release of every key in it."""
        from PySide6.QtWidgets import QApplication

        yield Wait(f"a window that has the keyboard, for {chord}", QApplication.activeWindow)
        yield from self.ready_for_input(QApplication.activeWindow(), "the active window")
        qt_keys = [_qt_key(k) for k in chord.split("+")]
        before = {k: self.input.releases[k] for k in qt_keys}
        xdotool("key", chord)
        yield Wait(
            f"{chord} reaches the app",
            lambda: all(self.input.releases[k] > n for k, n in before.items()),
            INPUT_S,
        )

    def type_into(self, field_: Any, text: str, what: str) -> Generator[Wait, None, None]:
        """Type ``text`` with the keyboard; wait until ``field_`` holds exactly it."""
        xdotool("type", "--delay", "15", text)
        yield Wait(f"{what} holds the typed text", lambda: _field_text(field_) == text, INPUT_S)

    # ----------------------------------------------------------------- checks
    def fit_problem(self, step: str, problem: str) -> None:
        self.report.fit.setdefault(problem, []).append(step)

    def _check_fit(self, step: str) -> None:
        """Every window on screen fits it; the toolbar's buttons are whole and on it."""
        from PySide6.QtWidgets import QApplication, QToolButton

        for window in QApplication.topLevelWidgets():
            if not window.isVisible():
                continue
            if window.windowType() in (_qt().WindowType.ToolTip, _qt().WindowType.Popup):
                continue
            avail = window.screen().availableGeometry()
            frame = window.frameGeometry()
            if not avail.contains(frame):
                self.fit_problem(
                    step,
                    f"{_name(window)} has its frame at {_fmt(frame)}, outside the "
                    f"screen's available {_fmt(avail)}",
                )
        window = self.main_window()
        if window is None or getattr(window, "locked", False):
            return
        toolbar = getattr(window, "toolbar", None)
        if toolbar is None or not toolbar.isVisible():
            return
        inside = _global_rect(window)
        screen = window.screen().availableGeometry()
        for button in toolbar.findChildren(QToolButton):
            if not button.isVisible():
                continue
            rect = _global_rect(button)
            where = _fmt(rect)
            if not inside.contains(rect):
                self.fit_problem(
                    step,
                    f"toolbar button {_name(button)} at {where} is not whole inside the "
                    f"window ({_fmt(inside)})",
                )
            elif not screen.contains(rect):
                self.fit_problem(
                    step,
                    f"toolbar button {_name(button)} at {where} is off screen ({_fmt(screen)})",
                )
        lock_action = getattr(window, "lock_action", None)
        if lock_action is not None and lock_action.isVisible():
            button = toolbar.widgetForAction(lock_action)
            if button is None or not button.isVisible():
                self.fit_problem(step, "Lock is not a button on the toolbar")

    def card_on_board(self, board: Any, text: str) -> bool:
        """A visible label in the column shows exactly ``text``."""
        from PySide6.QtWidgets import QLabel

        column = board.columns[COLUMN]
        return any(
            label.isVisible() and label.text() == text for label in column.findChildren(QLabel)
        )

    def expect_card(self, board: Any, present: bool, after: str) -> Generator[Wait, None, None]:
        meeting_id = board.meeting_id
        want = [COLUMN] if present else []
        yield Wait(
            f"after {after} the card is {'on' if present else 'gone from'} the board",
            lambda: self.card_on_board(board, CARD_TEXT) == present,
        )
        stored = self.stored_cards(meeting_id, CARD_TEXT)
        if stored != want:
            raise StepFailed(
                f"after {after} the board is right but the database holds {stored!r} "
                f"(columns of cards with the text), not {want!r}"
            )

    # ------------------------------------------------------------------- steps
    def step_password_screen(self) -> Generator[Wait, None, None]:
        from PySide6.QtWidgets import QApplication

        yield Wait("the password screen", lambda: _top_level("UnlockDialog"), SLOW_S)
        dialog = _top_level("UnlockDialog")
        yield from self.ready_for_input(dialog, "the password screen")
        field_ = _password_field(dialog)
        if field_ is None:
            raise StepFailed("the password screen shows no password field")
        _whole_on_screen(field_, "the password field")
        if QApplication.focusWidget() is not field_:
            raise StepFailed(f"the caret is not in the password field but in {_focus_name()}")

    def step_unlock(self) -> Generator[Wait, None, None]:
        dialog = _top_level("UnlockDialog")
        if dialog is None:
            raise NotReached("no password screen")
        field_ = _password_field(dialog)
        yield from self.tap(field_, "the password field")
        yield from self.type_into(field_, self.password, "the password field")
        yield from self.keys("Return")
        yield Wait("the window after the password", self.main_window, SLOW_S)
        window = self.main_window()
        yield from self.ready_for_input(window, "the main window")
        page = _attr(window, "families_page")
        yield Wait("the list of families", page.isVisible, SLOW_S)
        family_list = _attr(page, "family_list")
        yield Wait(
            f"{DEMO_FAMILY!r} in the list of families",
            lambda: _list_row(family_list, DEMO_FAMILY) is not None,
        )

    def step_open_family(self) -> Generator[Wait, None, None]:
        window = self.need_main()
        family_list = _attr(window, "families_page.family_list")
        row = _list_row(family_list, DEMO_FAMILY)
        if row is None or not family_list.isVisible():
            raise NotReached("the demo family is not listed")
        yield from self.tap_row(family_list, row, f"the row of {DEMO_FAMILY!r}")
        page = _attr(window, "family_page")
        yield Wait("the family's page", page.isVisible)
        title = _attr(page, "title_label")
        if title.text() != DEMO_FAMILY:
            raise StepFailed(f"the family page's title is {title.text()!r}")
        meetings = _attr(page, "meeting_list")
        if meetings.count() != 3:
            raise StepFailed(f"the demo family lists {meetings.count()} meetings, not 3")

    def step_open_meeting(self) -> Generator[Wait, None, None]:
        from PySide6.QtCore import Qt

        window = self.need_main()
        meetings = _attr(window, "family_page.meeting_list")
        if not meetings.isVisible() or meetings.count() == 0:
            raise NotReached("the family's meetings are not shown")
        meeting_id = meetings.item(0).data(Qt.ItemDataRole.UserRole)  # newest first
        yield from self.tap_row(meetings, 0, "the newest meeting")
        board = _attr(window, "meeting")
        yield Wait(
            "the meeting's board",
            lambda: board.isVisible() and board.meeting_id == meeting_id,
        )
        self.notes["meeting_id"] = meeting_id
        shown = _column_texts(board.columns[COLUMN])
        stored = self.stored_texts(meeting_id, COLUMN)
        if shown != stored:
            raise StepFailed(
                f"the {COLUMN} column shows {len(shown)} cards, the database holds "
                f"{len(stored)} (or another order)"
            )
        if not board.columns[COLUMN].add_button.isVisible():
            raise StepFailed(f"the {COLUMN} column's add button is not shown")

    def step_add_card(self) -> Generator[Wait, None, None]:
        window, board = self.need_board()
        column = board.columns[COLUMN]
        yield from self.tap(column.add_button, "the column's add button")
        yield Wait("an editor for the new card", lambda: column.editor is not None)
        edit = column.editor.edit
        yield Wait("the caret in the card editor", edit.hasFocus)
        _whole_on_screen(edit, "the card editor")
        yield from self.type_into(edit, CARD_TEXT, "the card editor")
        yield from self.keys("Return")
        yield from self.expect_card(board, True, "Enter")
        saved = _attr(window, "saved_label").text()
        if not saved.startswith("Gemt"):
            raise StepFailed(f"the toolbar says {saved!r}, not 'Gemt ✓ …'")
        if column.editor is not None:
            raise StepFailed("the card editor is still open after Enter")

    def step_undo_ctrl_z(self) -> Generator[Wait, None, None]:
        _, board = self.need_board()
        if not self.card_on_board(board, CARD_TEXT):
            raise NotReached("the new card is not on the board")
        yield from self.keys("ctrl+z")
        yield from self.expect_card(board, False, "Ctrl+Z")

    def step_redo_ctrl_shift_z(self) -> Generator[Wait, None, None]:
        _, board = self.need_board()
        if self.card_on_board(board, CARD_TEXT):
            raise NotReached("the new card was not undone")
        yield from self.keys("ctrl+shift+z")
        yield from self.expect_card(board, True, "Ctrl+Shift+Z")

    def step_redo_ctrl_y(self) -> Generator[Wait, None, None]:
        _, board = self.need_board()
        if self.card_on_board(board, CARD_TEXT):
            yield from self.keys("ctrl+z")
            yield from self.expect_card(board, False, "Ctrl+Z")
        elif self.stored_cards(board.meeting_id, CARD_TEXT):
            raise NotReached("the board and the database disagree about the new card")
        yield from self.keys("ctrl+y")
        yield from self.expect_card(board, True, "Ctrl+Y")

    def find_preview(self) -> Any:
        """The plan preview shown: a page of the window (a dialog before issue 14)."""
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.allWidgets():
            named = any("Preview" in cls.__name__ for cls in type(widget).__mro__)
            if named and widget.isVisible() and hasattr(widget, "save_button"):
                return widget
        return None

    def step_preview(self) -> Generator[Wait, None, None]:
        _, board = self.need_board()
        yield from self.tap(board.view_buttons["plan"], "the Plan switch")
        plan = _attr(board, "plan")
        yield Wait("the plan view", plan.isVisible)
        yield from self.tap(_attr(plan, "preview_button"), "'Forhåndsvis plan'")
        yield Wait("the plan preview", self.find_preview, SLOW_S)
        preview = self.find_preview()
        save = _attr(preview, "save_button")
        yield Wait("the plan made, Save enabled", save.isEnabled, SLOW_S)
        document = getattr(preview, "document", None)
        if document is not None and document.pageCount() != 1:
            raise StepFailed(f"the preview shows {document.pageCount()} pages, not one")
        view = _pdf_view(preview)
        if view is None:
            raise StepFailed("the preview shows no page view (QPdfView)")
        yield Wait("the page drawn on the screen (dark text)", lambda: _shows_text(view), SLOW_S)
        for name, what in (("print_button", "Print"), ("save_button", "Save")):
            button = _attr(preview, name)
            if not button.isVisible() or not button.isEnabled():
                raise StepFailed(f"{what} is not shown and enabled in the preview")
            _whole_on_screen(button, f"the preview's {what} button")

    def step_save_pdf(self) -> Generator[Wait, None, None]:
        from pypdf import PdfReader
        from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

        preview = self.find_preview()
        if preview is None:
            raise NotReached("no plan preview is shown")
        yield from self.tap(_attr(preview, "save_button"), "the preview's Save button")
        yield Wait("the file dialog", lambda: _visible_widget("QFileDialog"), SLOW_S)
        dialog = _visible_widget("QFileDialog")
        assert isinstance(dialog, QFileDialog)
        yield from self.ready_for_input(dialog, "the file dialog")
        self.notes["dialog_dir"] = dialog.directory().absolutePath()
        frame, avail = dialog.frameGeometry(), dialog.screen().availableGeometry()
        if not avail.contains(frame):
            raise StepFailed(f"the file dialog at {_fmt(frame)} does not fit {_fmt(avail)}")
        name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
        if name_edit is None or not name_edit.isVisible():
            raise StepFailed("the file dialog shows no file name field (not Qt's own dialog?)")
        _whole_on_screen(name_edit, "the file name field")
        yield from self.tap(name_edit, "the file name field")
        yield from self.keys("ctrl+a")
        yield from self.type_into(name_edit, PDF_NAME, "the file name field")
        folder = Path(dialog.directory().absolutePath())
        target = folder / PDF_NAME
        if target.exists():
            raise StepFailed(f"{target} is there before saving")
        if QApplication.activePopupWidget() is not None:  # the name completer's list
            yield from self.keys("Escape")
        yield from self.keys("Return")
        yield Wait("the file dialog closes", lambda: not _shown(dialog), SLOW_S)
        yield Wait(f"{PDF_NAME} in {folder}", target.exists, SLOW_S)
        reader = PdfReader(target)
        if len(reader.pages) != 1:
            raise StepFailed(f"the saved plan has {len(reader.pages)} pages, not one")
        text = " ".join(reader.pages[0].extract_text().split())
        if "Familien Holm" not in text:
            raise StepFailed("the saved plan does not name the family")
        stored = bool(self.stored_cards(self.notes["meeting_id"], CARD_TEXT))
        if (CARD_TEXT in text) != stored:
            raise StepFailed(
                "the saved plan "
                + ("lacks the new card, which is stored" if stored else "holds an undone card")
            )

    def step_save_dialog_in_documents(self) -> Generator[Wait, None, None]:
        from PySide6.QtCore import QStandardPaths

        opened = self.notes.get("dialog_dir")
        if opened is None:
            raise NotReached("the file dialog was not opened")
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        if Path(opened).resolve() != Path(documents).resolve():
            raise StepFailed(f"the file dialog opened in {opened}, not in Documents ({documents})")
        yield from ()

    def step_lock_by_tap(self) -> Generator[Wait, None, None]:
        from PySide6.QtWidgets import QApplication

        window = self.need_main()
        # Whatever the earlier steps left open (a dialog, the file dialog) is closed
        # with Escape first, as a user would; this is set-up, not what is checked.
        for _ in range(3):
            modal = QApplication.activeModalWidget()
            if modal is None or modal is window:
                break
            modal.activateWindow()  # set-up: the keyboard to the dialog, then Escape
            yield Wait("the open dialog has the keyboard", modal.isActiveWindow)
            yield from self.keys("Escape")
            yield Wait("the open dialog closes", lambda m=modal: not _shown(m))
        lock_action = _attr(window, "lock_action")
        button = _attr(window, "toolbar").widgetForAction(lock_action)
        if button is None:
            raise StepFailed("Lock is not a button on the toolbar")
        _whole_on_screen(button, "the Lock button")
        yield from self.tap(button, "the Lock button")
        yield Wait("the lock screen", lambda: _visible_widget("LockScreen"), SLOW_S)
        lock_screen = _visible_widget("LockScreen")
        field_ = _password_field(lock_screen)
        if field_ is None:
            raise StepFailed("the lock screen shows no password field")
        _whole_on_screen(field_, "the lock screen's password field")
        yield Wait("the caret in the lock screen's password field", field_.hasFocus)
        gone = ("MeetingPage", "ColumnWidget", "CardWidget", "PlanPreview", "FamiliesPage")
        yield Wait(
            "every board widget deleted",
            lambda: not [w for w in QApplication.allWidgets() if _is_a(w, *gone)],
            SLOW_S,
        )
        left = [t for t in _all_texts() if CARD_TEXT in t or "Holm" in t]
        if left:
            raise StepFailed(f"{len(left)} widgets still show case text after locking")
        if window.windowTitle() != "familymeeting":
            raise StepFailed("the window title still names the family")


# ------------------------------------------------------------------------ helpers
def _input_log() -> Any:
    """Built when the driver starts: Qt is imported in main() only."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    class InputLog(QObject):
        """Counts the key and mouse releases Qt's windows received, and where a press
        landed: how the driver knows an input has arrived, without sleeping."""

        def __init__(self) -> None:
            super().__init__()
            self.releases: Counter[int] = Counter()
            self.mouse_releases = 0
            self.press_target: QWidget | None = None
            self._pressing = False
            # Every event since the driver's last tick, by type and receiver's class.
            self.recent: Counter[tuple[int, str]] = Counter()

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            self.recent[(int(kind), type(watched).__name__)] += 1
            if kind == QEvent.Type.KeyRelease and watched.isWindowType():
                if not event.isAutoRepeat():  # type: ignore[attr-defined]
                    self.releases[int(event.key())] += 1  # type: ignore[attr-defined]
            elif kind == QEvent.Type.MouseButtonPress:
                if watched.isWindowType():
                    self._pressing = True
                elif self._pressing and isinstance(watched, QWidget):
                    self.press_target = watched  # the deepest widget gets it first
                    self._pressing = False
            elif kind == QEvent.Type.MouseButtonRelease and watched.isWindowType():
                self.mouse_releases += 1
            return False

    return InputLog()


def _copy(counter: Counter[Any]) -> Counter[Any]:
    """A copy of a counter the GUI thread may be adding to meanwhile."""
    for _ in range(100):
        try:
            return Counter(dict(counter))
        except RuntimeError:  # it grew while being copied
            continue
    return Counter()


def _event_name(kind: int) -> str:
    from PySide6.QtCore import QEvent

    try:
        return QEvent.Type(kind).name
    except ValueError:
        return str(kind)


def _tooltip_shown() -> bool:
    from PySide6.QtWidgets import QApplication

    return any(
        w.isVisible() and w.windowType() == _qt().WindowType.ToolTip
        for w in QApplication.topLevelWidgets()
    )


def _qt() -> Any:
    from PySide6.QtCore import Qt

    return Qt


def _qt_key(name: str) -> int:
    Key = _qt().Key
    special = {
        "ctrl": Key.Key_Control,
        "shift": Key.Key_Shift,
        "alt": Key.Key_Alt,
        "return": Key.Key_Return,
        "escape": Key.Key_Escape,
        "tab": Key.Key_Tab,
    }
    if name.lower() in special:
        return int(special[name.lower()])
    if len(name) == 1 and name.isalnum():
        return ord(name.upper())
    raise ValueError(f"no Qt key for xdotool's {name!r}")


def _trace() -> str:
    return "".join(traceback.format_exc(limit=6))


def _is_a(widget: object, *names: str) -> bool:
    return any(cls.__name__ in names for cls in type(widget).__mro__)


def _top_level(name: str) -> Any:
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and _is_a(widget, name):
            return widget
    return None


def _visible_widget(name: str) -> Any:
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.allWidgets():
        if _is_a(widget, name) and widget.isVisible():
            return widget
    return None


def _shown(widget: Any) -> bool:
    """Shown on screen; False once hidden or deleted (a static QFileDialog deletes itself)."""
    from shiboken6 import isValid

    return bool(isValid(widget) and widget.isVisible())


def _attr(obj: Any, path: str) -> Any:
    """``obj.a.b`` by name; a clear failure when the app has renamed something."""
    for part in path.split("."):
        if not hasattr(obj, part):
            raise StepFailed(f"{type(obj).__name__} has no attribute {part!r} (renamed?)")
        obj = getattr(obj, part)
    return obj


def _password_field(root: Any) -> Any:
    from PySide6.QtWidgets import QLineEdit

    for edit in root.findChildren(QLineEdit):
        if edit.isVisible() and edit.echoMode() == QLineEdit.EchoMode.Password:
            return edit
    return None


def _list_row(widget: Any, text: str) -> int | None:
    for row in range(widget.count()):
        if widget.item(row).text() == text:
            return row
    return None


def _pdf_view(root: Any) -> Any:
    from PySide6.QtPdfWidgets import QPdfView

    views = [v for v in root.findChildren(QPdfView) if v.isVisible()]
    return views[0] if views else None


def _shows_text(view: Any) -> bool:
    """The screen, where the view is, has dark pixels: the page's text is drawn (an empty
    page is white on the view's grey, and nothing in the view's frame is that dark)."""
    from PySide6.QtGui import QImage

    viewport = view.viewport()
    rect = _global_rect(viewport).intersected(viewport.screen().geometry())
    picture = viewport.screen().grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height())
    image = picture.toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    data, line, width = bytes(image.constBits()), image.bytesPerLine(), image.width()
    return any(
        min(data[y * line : y * line + width], default=255) < DARK for y in range(image.height())
    )


def _column_texts(column: Any) -> list[str]:
    """The words of the cards a column shows, top first."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLabel

    labels = [label for label in column.findChildren(QLabel, "cardText") if label.isVisible()]
    labels.sort(key=lambda label: label.mapTo(column, QPoint(0, 0)).y())
    return [label.text() for label in labels]


def _field_text(widget: Any) -> str:
    text = getattr(widget, "toPlainText", None) or widget.text
    return str(text())


def _global_rect(widget: Any) -> Any:
    from PySide6.QtCore import QPoint, QRect

    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _whole_on_screen(widget: Any, what: str) -> None:
    """The widget is whole inside its window and on the screen."""
    rect = _global_rect(widget)
    window = _global_rect(widget.window())
    screen = widget.screen().availableGeometry()
    if not window.contains(rect):
        raise StepFailed(f"{what} at {_fmt(rect)} is cut off by its window ({_fmt(window)})")
    if not screen.contains(rect):
        raise StepFailed(f"{what} at {_fmt(rect)} is off screen ({_fmt(screen)})")


def _fmt(rect: Any) -> str:
    return f"{rect.width()}x{rect.height()}+{rect.x()}+{rect.y()}"


def _name(widget: Any) -> str:
    """A widget by class and object name, a toolbar button also by its accessible name
    (the action's words); never by words that may be case text (a card's, a name)."""
    from PySide6.QtWidgets import QToolBar

    if widget is None:
        return "nothing"
    parts = [type(widget).__name__]
    if widget.objectName():
        parts.append(f"#{widget.objectName()}")
    if isinstance(widget.parentWidget(), QToolBar) and widget.accessibleName():
        parts.append(f"'{widget.accessibleName()}'")
    return " ".join(parts)


def _focus_name() -> str:
    from PySide6.QtWidgets import QApplication

    return _name(QApplication.focusWidget())


def _all_texts() -> Iterable[str]:
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit

    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            yield widget.text()
        if widget.isWindow():
            yield widget.windowTitle()


# --------------------------------------------------------------------------- main
def _record_messages(report: Report) -> None:
    """Qt's and Python's warnings go into the report and to stderr, prefixed."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def on_qt(kind: QtMsgType, _context: object, message: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: "debug",
            QtMsgType.QtInfoMsg: "info",
            QtMsgType.QtWarningMsg: "warning",
            QtMsgType.QtCriticalMsg: "critical",
            QtMsgType.QtFatalMsg: "fatal",
        }.get(kind, "?")
        print(f"{QT_PREFIX} {level}: {message}", file=sys.stderr, flush=True)
        if level in ("warning", "critical", "fatal") and message not in ALLOWED_QT_MESSAGES:
            report.messages.append(f"Qt {level} during {report.current or 'start-up'}: {message}")

    qInstallMessageHandler(on_qt)

    def on_python(message: Any, category: Any, filename: str, lineno: int, *_: Any) -> None:
        text = f"{category.__name__}: {message} ({Path(filename).name}:{lineno})"
        print(f"PYTHON-WARNING {text}", file=sys.stderr, flush=True)
        report.messages.append(f"Python warning during {report.current or 'start-up'}: {text}")

    warnings.simplefilter("always")
    warnings.showwarning = on_python


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--size", default="")
    parser.add_argument("--screenshot", type=Path, help="only save a picture of the screen")
    args = parser.parse_args(argv)
    if os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"):
        print("real_window_driver: needs QT_QPA_PLATFORM=xcb and DISPLAY", file=sys.stderr)
        return 2
    if args.screenshot:
        from PySide6.QtGui import QGuiApplication

        _app = QGuiApplication(sys.argv[:1])
        return 0 if save_screen(args.screenshot) else 1

    password = os.environ.pop("DRIVER_PASSWORD", "")
    if not password or os.environ.get(PASSWORD_ENV):
        print(f"real_window_driver: DRIVER_PASSWORD set and {PASSWORD_ENV} not", file=sys.stderr)
        return 2
    report = Report(args.out / "report.json", args.size)
    _record_messages(report)
    # If the GUI thread itself hangs, Qt's watchdog cannot run: Python's prints every
    # thread's stack (into the driver's log) and ends the process.
    faulthandler.dump_traceback_later(RUN_S + 10, exit=True)

    from PySide6.QtCore import QTimer

    from familymeeting import cli
    from familymeeting.app import make_app

    make_app()  # the app's own: run_gui takes this one
    driver = Driver(args.data_dir, args.out, report, password)
    QTimer.singleShot(0, driver.start)
    code = cli.main(["--data-dir", str(args.data_dir)])
    driver.done = True
    report.finished = not driver.queue and driver.gen is None
    report.exit_code = code
    report.write()
    return code


if __name__ == "__main__":
    # The test starts this file as a script; its own folder is on sys.path.
    sys.exit(main())
