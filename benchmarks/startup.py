"""One cold start, from process start to the first paint of the main window.

Run by ``benchmarks/run_all.py`` as a fresh subprocess per measurement::

    python benchmarks/startup.py bare  T0
    python benchmarks/startup.py app   T0 DATA_DIR     # $FAMILYMEETING_PASSWORD set
    python benchmarks/startup.py rawkey T0 DATA_DIR    # $FAMILYMEETING_BENCH_KEY (hex)

``T0`` is the parent's ``time.time()`` just before it started this process, so the
figure includes the interpreter starting and every import. ``bare`` is an empty
``QMainWindow`` of the same size (what any PySide6 app pays); ``app`` is the real start
(``familymeeting.app.run_gui``: translators, stylesheet, Argon2id unlock, the
database's open check, the window); ``rawkey`` is the same with the data key given, so
the password's key derivation is left out. Prints one line of JSON; the process then
ends at once (``os._exit``), so no closing backup is written into the data dir.
"""

from __future__ import annotations

import time

_IMPORTED_AT = time.time()  # before anything heavy is imported

import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget  # noqa: E402


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
            seconds = time.time() - self.t0
            print(json.dumps({"seconds": seconds, "python_start": _IMPORTED_AT - self.t0}))
            sys.stdout.flush()
            os._exit(0)
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
