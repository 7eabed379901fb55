"""What the real-window benchmarks share: an X display, the app's window over the demo
family, and a clock from an action to the first idle moment after the window painted.

Used by benchmarks/text_size.py and benchmarks/meeting_speed.py. Each benchmark runs
one child process per screen size (``run_children``), so every size starts fresh.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PASSWORD = "Kaffe ved køkkenbordet 7"


def free_display(preferred: str) -> str:
    number = int(preferred.lstrip(":"))
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    return f":{number}"


def run_children(script: str, sizes: list[str], child_args: list[str], display: str | None) -> None:
    """Run ``script --child SIZE *child_args`` once per size on Qt's xcb platform, on
    ``DISPLAY`` or (if unset, or ``display`` is given) an Xvfb of our own with openbox;
    print each child's last JSON line."""
    started: list[subprocess.Popen[bytes]] = []
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "xcb"
    try:
        if display or not env.get("DISPLAY"):
            chosen = free_display(display or ":91")
            widest = max(
                (tuple(int(v) for v in s.split("x")) for s in sizes),
                key=lambda wh: wh[0] * wh[1],
            )
            screen = f"{max(widest[0], 1280)}x{max(widest[1], 1024)}x24"
            started.append(
                subprocess.Popen(
                    ["Xvfb", chosen, "-screen", "0", screen, "-nolisten", "tcp"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            time.sleep(1.0)
            env["DISPLAY"] = chosen
            if shutil.which("openbox"):
                started.append(
                    subprocess.Popen(
                        ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                    )
                )
                time.sleep(1.0)
        for size in sizes:
            out = subprocess.run(
                [sys.executable, script, "--child", size, *child_args],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
            print(lines[-1] if lines else out.stdout + out.stderr)
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=10)


@dataclass
class DemoWindow:
    app: Any
    window: Any
    services: Any
    family_id: str
    meeting_id: str  # the demo family's newest meeting


@contextmanager
def demo_window(size: str) -> Iterator[DemoWindow]:
    """The main window as the app builds it (encrypted data dir, vault, idle lock,
    Danish, text size 0) over a temporary data dir with the demo family, shown at
    ``size``; the data dir is removed afterwards."""
    from familymeeting import settings
    from familymeeting.app import make_app, parse_size
    from familymeeting.storage.demo import create_demo_family
    from familymeeting.storage.unlock import open_unlocked
    from familymeeting.storage.vault import Vault
    from familymeeting.ui import theme
    from familymeeting.ui.language import switch_language

    width, height = parse_size(size)
    data_dir = Path(tempfile.mkdtemp(prefix="fm-bench-window-"))
    try:
        app = make_app()
        switch_language(app, "da")
        app.setStyleSheet(theme.stylesheet(0))
        result = open_unlocked(data_dir, PASSWORD)
        vault = Vault(data_dir, result.db)
        services = vault.services()
        family = create_demo_family(services)
        meeting = services.list_meetings(family.id)[0]

        from familymeeting.ui.main_window import MainWindow

        window = MainWindow(services, settings.Settings(data_dir), vault=vault)
        window.resize(width, height)
        window.show()
        yield DemoWindow(app, window, services, family.id, meeting.id)
        window.close()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def settle(ms: int = 300) -> None:
    """Let the event loop run for ``ms`` milliseconds (layouts, paints, timers)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def paint_clock(window: Any) -> Callable[[Callable[[], object]], float]:
    """A function that runs an action and returns the milliseconds from its start to
    the event loop's first idle moment after ``window`` painted
    (``QAbstractEventDispatcher.aboutToBlock`` after a Paint event of the window)."""
    from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class Clock(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.start = 0.0
            self.painted = False
            self.idle_at: float | None = None
            self.loop = QEventLoop()
            dispatcher = QAbstractEventDispatcher.instance()
            assert dispatcher is not None
            dispatcher.aboutToBlock.connect(self._idle)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and watched.window() is window
            ):
                self.painted = True
            return False

        def _idle(self) -> None:
            if self.painted and self.idle_at is None and self.start:
                self.idle_at = time.perf_counter()
                self.loop.quit()

    clock = Clock()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(clock)

    def timed(act: Callable[[], object]) -> float:
        clock.painted, clock.idle_at = False, None
        start = time.perf_counter()
        clock.start = start
        act()
        if clock.idle_at is None:
            QTimer.singleShot(10_000, clock.loop.quit)
            clock.loop.exec()
        clock.start = 0.0
        if clock.idle_at is None:
            raise SystemExit("no repaint within 10 s")
        return round((clock.idle_at - start) * 1000, 1)

    timed.clock = clock  # type: ignore[attr-defined]  # kept alive with the function
    return timed
