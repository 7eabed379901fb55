"""One cold start, from process start to the first paint of the main window.

Run by ``benchmarks/run_all.py`` as a fresh subprocess per measurement::

    python benchmarks/startup.py bare  T0
    python benchmarks/startup.py app   T0 DATA_DIR     # $FAMILYMEETING_PASSWORD set
    python benchmarks/startup.py rawkey T0 DATA_DIR    # $FAMILYMEETING_BENCH_KEY (hex)
    python benchmarks/startup.py prompt T0 DATA_DIR    # no password: the password screen
    python benchmarks/startup.py typed  T0 DATA_DIR    # typed into it: Enter -> window

``T0`` is the parent's ``time.time()`` just before it started this process, so the
figure includes the interpreter starting and every import. ``bare`` is an empty
``QMainWindow`` of the same size (what any PySide6 app pays); ``app`` is the real start
(``familymeeting.app.run_gui``: translators, stylesheet, Argon2id unlock, the
database's open check, the window); ``rawkey`` is the same with the data key given, so
the password's key derivation is left out; ``prompt`` stops at the first paint of the
first window a caseworker sees, the password screen. Prints one line of JSON; the
database is closed as a clean close leaves it (seal included) and the process then
ends at once (``os._exit``), so no closing backup is written into the data dir.
"""

from __future__ import annotations

import time

_IMPORTED_AT = time.time()  # before anything heavy is imported

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QWidget  # noqa: E402


class FirstPaint(QObject):
    """Stops the clock at the first paint event of a top-level main window."""

    def __init__(self, t0: float) -> None:
        super().__init__()
        self.t0 = t0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and isinstance(watched.window(), QMainWindow)
        ):
            report(time.time() - self.t0, watched.window(), python_start=_IMPORTED_AT - self.t0)
        return False


def report(seconds: float, window: QWidget, **extra: float) -> None:
    """Print the figure as one line of JSON, close cleanly and end the process at once."""
    print(json.dumps({"seconds": seconds, **extra}))
    sys.stdout.flush()
    close_cleanly(window)
    os._exit(0)


def close_cleanly(window: QWidget) -> None:
    """Close the database as the app's own close does, leaving out the closing backup.

    The next measured start is then what a caseworker's normal start is: after a
    clean close. (``run_all.py`` measures the start after a crash separately.)
    """
    vault = getattr(window, "vault", None)
    if vault is not None and vault.db is not None:
        vault.db.close()


class TypedPassword(QObject):
    """The password screen as a caseworker meets it: typed, then Enter.

    At the screen's first paint, waits ``TYPING_S`` (typing takes at least that; the
    database layer is imported meanwhile), types the password into the screen's
    password field and presses Enter; the clock starts at Enter and stops at the
    first paint of the main window.
    """

    TYPING_S = 1.0

    def __init__(self, password: str) -> None:
        super().__init__()
        self.password = password
        self.started: float | None = None
        self.scheduled = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        if isinstance(watched.window(), QMainWindow) and self.started is not None:
            report(time.time() - self.started, watched.window())
        if not self.scheduled:
            self.scheduled = True
            dialog = watched.window()
            QTimer.singleShot(int(self.TYPING_S * 1000), lambda: self.enter(dialog))
        return False

    def enter(self, dialog: QWidget) -> None:
        from PySide6.QtTest import QTest

        field = next(
            e for e in dialog.findChildren(QLineEdit) if e.echoMode() == QLineEdit.EchoMode.Password
        )
        field.setText(self.password)
        self.started = time.time()
        QTest.keyClick(field, Qt.Key.Key_Return)


class FirstWindowPaint(QObject):
    """Stops the clock at the first paint of any top-level window: the password screen."""

    def __init__(self, t0: float) -> None:
        super().__init__()
        self.t0 = t0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            report(time.time() - self.t0, watched.window())
        return False


def main() -> None:
    mode, t0 = sys.argv[1], float(sys.argv[2])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if mode == "bare":
        app = QApplication(sys.argv[:1])
        watcher = FirstPaint(t0)
        app.installEventFilter(watcher)
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        app.exec()
        return
    data_dir = Path(sys.argv[3])
    from familymeeting.app import make_app, run_gui

    if mode in ("typed", "prompt"):
        # The password screen is shown: no password in the environment.
        password = os.environ.pop("FAMILYMEETING_PASSWORD", "")
        app = make_app()
        watcher = TypedPassword(password) if mode == "typed" else FirstWindowPaint(t0)
        app.installEventFilter(watcher)
        run_gui(data_dir)
        raise SystemExit("the window closed before it was painted")

    if mode == "rawkey":
        import familymeeting.storage.unlock as unlock
        from familymeeting.storage.database import Database

        key = bytes.fromhex(os.environ["FAMILYMEETING_BENCH_KEY"])
        # unlock_at_start imports open_unlocked when it runs: this leaves out Argon2id only.
        unlock.open_unlocked = lambda d, _pw, **_kw: unlock.UnlockResult(  # type: ignore[assignment]
            db=Database.open(Path(d), key)
        )
    app = make_app()  # run_gui reuses this application
    watcher = FirstPaint(t0)
    app.installEventFilter(watcher)
    run_gui(data_dir)
    raise SystemExit("the window closed before it was painted")


if __name__ == "__main__":
    main()
