"""An uncaught error: logged with its traceback, and one calm box saying the data is safe.

The hook is called directly (as PySide6 calls ``sys.excepthook`` for an error in a
slot): pytest-qt puts its own hook in place around each test, and the handler's
``show`` opens the box without blocking (``open()`` instead of ``exec()``).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from familymeeting.bugs import log_path
from familymeeting.ui import crash
from familymeeting.ui.crash import CrashHandler, build_crash_dialog, install_excepthook

Shot = Callable[[QWidget, str], Path]
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]

SAFE = "Your data is safe: every change was saved the moment it was made."
DANISH_MAIN = "Noget gik galt."
DANISH_SAFE = "Dine data er i sikkerhed"


def board_slot_that_fails() -> None:
    raise ZeroDivisionError("a bug in a slot")


def caught(fn: Callable[[], object] = board_slot_that_fails) -> ExcInfo:
    """A real exception with its traceback, as the hook receives it."""
    try:
        fn()
    except BaseException as exc:
        return type(exc), exc, exc.__traceback__
    raise AssertionError("did not raise")


def log_text(data_dir: Path) -> str:
    return log_path(data_dir).read_text(encoding="utf-8")


def open_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def button(box: QMessageBox, name: str) -> QPushButton:
    found = box.findChild(QPushButton, name)
    assert isinstance(found, QPushButton), name
    return found


# ------------------------------------------------------------------ fixtures
pytestmark = pytest.mark.usefixtures("styled")  # the app's look (gui/conftest.py)


@pytest.fixture
def opened_folders(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What "Open folder" would have opened (no file manager starts in a test)."""
    folders: list[Path] = []
    monkeypatch.setattr(crash, "open_folder", folders.append)
    return folders


@pytest.fixture
def hook(qtbot: QtBot, data_dir: Path) -> Iterator[CrashHandler]:
    """The installed hook, opening its box with open(); removed and closed afterwards."""
    before = sys.excepthook
    handler = install_excepthook(data_dir, show=lambda box: box.open())
    assert sys.excepthook is handler
    yield handler
    if handler.dialog is not None:
        handler.dialog.done(0)
    handler.uninstall()
    assert sys.excepthook is before
    assert open_boxes() == []


# ------------------------------------------------------------------ the box
def test_the_box_says_what_happened_that_the_data_is_safe_and_where_details_are(
    qtbot: QtBot, data_dir: Path, opened_folders: list[Path], screenshot: Shot
) -> None:
    path = log_path(data_dir)
    path.parent.mkdir()
    box = build_crash_dialog(path)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    assert box.windowTitle() == "familymeeting"
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == "Something went wrong."
    info = box.informativeText()
    assert info.startswith(SAFE)
    assert "You can go on working; if this happens again, restart the program." in info
    assert "(no case text)" in info
    assert info.endswith(":\n" + str(path))
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok is not None and box.defaultButton() is ok and box.escapeButton() is ok
    folder_button = button(box, "openLogFolder")
    assert folder_button.text() == "Open folder"
    assert len(box.buttons()) == 2
    for b in box.buttons():
        assert b.height() >= 48  # a finger can hit it
    screenshot(box, "crash-dialog")
    qtbot.mouseClick(folder_button, Qt.MouseButton.LeftButton)
    assert opened_folders == [path.parent]


def test_open_folder_falls_back_to_the_data_dir_when_there_is_no_log_folder(
    qtbot: QtBot, data_dir: Path, opened_folders: list[Path]
) -> None:
    box = build_crash_dialog(log_path(data_dir))  # logs/ was never made
    qtbot.addWidget(box)
    box.button(QMessageBox.StandardButton.Ok)  # built
    button(box, "openLogFolder").click()
    assert opened_folders == [data_dir]


def test_the_box_in_danish(qtbot: QtBot, data_dir: Path, danish: None) -> None:
    if QCoreApplication.translate("CrashDialog", "Something went wrong.") == (
        "Something went wrong."
    ):
        pytest.skip("the CrashDialog strings are not in familymeeting_da.qm yet")
    box = build_crash_dialog(log_path(data_dir))
    qtbot.addWidget(box)
    assert box.text() == DANISH_MAIN
    assert box.informativeText().startswith(DANISH_SAFE)
    assert box.informativeText().endswith(str(log_path(data_dir)))
    assert button(box, "openLogFolder").text() == "Åbn mappen"


# ------------------------------------------------------------------ the hook
def test_an_uncaught_error_is_logged_and_shown(
    qtbot: QtBot, data_dir: Path, hook: CrashHandler
) -> None:
    hook(*caught())
    text = log_text(data_dir)
    assert "Traceback (most recent call last)" in text
    assert "ZeroDivisionError" in text and "board_slot_that_fails" in text
    box = hook.dialog
    assert box is not None
    qtbot.waitExposed(box)
    assert open_boxes() == [box]
    assert box.text() == "Something went wrong."
    assert SAFE in box.informativeText()
    assert str(log_path(data_dir)) in box.informativeText()


def test_by_default_the_box_is_modal_and_waits_for_ok(qtbot: QtBot, data_dir: Path) -> None:
    """The real hook runs the box's own event loop (exec) until the user presses OK."""
    seen: list[tuple[bool, Qt.WindowModality]] = []

    def press_ok() -> None:
        # No assertions in here: an error would go to the hook under test, not to pytest.
        box = handler.dialog
        if box is not None:
            seen.append((box.isVisible(), box.windowModality()))
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    with install_excepthook(data_dir) as handler:
        QTimer.singleShot(50, press_ok)
        handler(*caught())  # returns once OK was pressed
        assert seen == [(True, Qt.WindowModality.ApplicationModal)]
        assert handler.dialog is None
    assert open_boxes() == []


def test_a_second_error_while_the_box_is_open_is_logged_not_shown(
    qtbot: QtBot, data_dir: Path, hook: CrashHandler
) -> None:
    hook(*caught())
    first = hook.dialog
    assert first is not None
    qtbot.waitExposed(first)
    hook(*caught(lambda: {}["no such key"]))
    assert hook.dialog is first
    assert open_boxes() == [first]
    text = log_text(data_dir)
    assert text.count("Traceback (most recent call last)") == 2
    assert "KeyError" in text
    # Once the user has pressed OK, the next error is shown again.
    with qtbot.waitSignal(first.finished):
        qtbot.mouseClick(first.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert hook.dialog is None and open_boxes() == []
    hook(*caught())
    assert hook.dialog is not None and hook.dialog is not first
    assert len(open_boxes()) == 1


def test_ctrl_c_goes_to_the_previous_hook(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(t))
    with install_excepthook(data_dir, show=lambda box: box.open()) as handler:
        handler(*caught(lambda: (_ for _ in ()).throw(KeyboardInterrupt())))
        assert seen == [KeyboardInterrupt]
        assert handler.dialog is None
        assert not log_path(data_dir).exists()
    assert sys.excepthook is not handler


def test_an_error_inside_the_hook_falls_back_to_pythons_hook(
    qtbot: QtBot, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken_show(box: QMessageBox) -> None:
        raise RuntimeError("the box itself failed")

    with install_excepthook(data_dir, show=broken_show) as handler:
        handler(*caught())  # does not raise, does not call itself again
        err = capsys.readouterr().err
        assert "the box itself failed" in err
        assert handler.dialog is None and open_boxes() == []
        assert "board_slot_that_fails" in log_text(data_dir)  # logged before the box
        # Not stuck: the next error is handled (and fails the same way) again.
        handler(*caught())
        assert "the box itself failed" in capsys.readouterr().err
    assert log_text(data_dir).count("Traceback") == 2


def test_a_failing_log_falls_back_to_pythons_hook(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken_log(*args: object) -> Path:
        raise RuntimeError("the log itself failed")

    monkeypatch.setattr(crash, "log_bug", broken_log)
    with install_excepthook(data_dir, show=lambda box: box.open()) as handler:
        handler(*caught())
        err = capsys.readouterr().err
    assert "board_slot_that_fails" in err and "the log itself failed" in err
    assert handler.dialog is None and open_boxes() == []


def test_inside_a_running_event_loop_the_box_opens_once_the_slot_has_returned(
    qtbot: QtBot, data_dir: Path, hook: CrashHandler
) -> None:
    shown_during_slot: list[bool] = []

    def slot() -> None:
        hook(*caught())
        shown_during_slot.append(hook.dialog is not None)

    QTimer.singleShot(0, slot)
    qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible())
    assert shown_during_slot == [False]
    assert "board_slot_that_fails" in log_text(data_dir)


def test_an_error_on_a_worker_thread_opens_the_box_on_the_gui_thread(
    qtbot: QtBot, data_dir: Path, hook: CrashHandler, qapp: QApplication
) -> None:
    worker = threading.Thread(target=lambda: hook(*caught()))
    worker.start()
    worker.join(timeout=10)
    assert "board_slot_that_fails" in log_text(data_dir)
    qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible())
    assert hook.dialog is not None and hook.dialog.thread() is qapp.thread()
