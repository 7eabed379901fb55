"""How long one text-size step (A+ / A−) takes on a real window, to the end of its repaint.

    python benchmarks/text_size.py [--sizes 1280x800,1024x768] [--steps 8] [--display :91]

Starts the app's window on an X display with Qt's xcb platform (not offscreen: the
repaint is part of what the family waits for). With ``DISPLAY`` unset, or with
``--display``, it starts its own Xvfb on that display (default ``:91``) with openbox
as the window manager, and ends both when done.

For each screen size, a fresh process: a temporary data dir, encrypted, with the demo
family; the main window as the app builds it (vault, idle lock, Danish); the demo
family's newest meeting opened, its ratings and plan and the family's progress page
visited, then the board shown again. Then A+ and A− are triggered in turn (smallest to
largest and back), each timed from the action's trigger to the first moment the event
loop is idle again after the window has painted (``QAbstractEventDispatcher.aboutToBlock``
after the first paint). The result is one JSON line per size: the median and each step.

Speed is never asserted in tests; record the figures in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PASSWORD = "Kaffe ved køkkenbordet 7"


def child(size: str, steps: int) -> None:
    """One window at one screen size; prints one line of JSON."""
    from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from familymeeting import settings
    from familymeeting.app import make_app, parse_size
    from familymeeting.storage.demo import create_demo_family
    from familymeeting.storage.unlock import open_unlocked
    from familymeeting.storage.vault import Vault
    from familymeeting.ui import theme
    from familymeeting.ui.language import switch_language

    width, height = parse_size(size)
    data_dir = Path(tempfile.mkdtemp(prefix="fm-bench-text-"))
    try:
        app = make_app()
        app_settings = settings.Settings(data_dir)
        switch_language(app, "da")
        app.setStyleSheet(theme.stylesheet(0))
        result = open_unlocked(data_dir, PASSWORD)
        vault = Vault(data_dir, result.db)
        services = vault.services()
        family = create_demo_family(services)
        meeting = services.list_meetings(family.id)[0]

        from familymeeting.ui.main_window import MainWindow

        window = MainWindow(services, app_settings, vault=vault)
        window.resize(width, height)
        window.show()

        def settle(ms: int = 300) -> None:
            loop = QEventLoop()
            QTimer.singleShot(ms, loop.quit)
            loop.exec()

        settle(800)
        window.open_meeting(meeting.id)
        settle()
        for view in ("ratings", "plan"):
            window.meeting.show_view(view)
            settle()
        window.show_progress(family.id)
        settle()
        window.open_meeting(meeting.id)
        window.meeting.show_view("board")
        settle(800)

        class Clock(QObject):
            """Time from trigger to the loop's first idle moment after the window painted."""

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
        app.installEventFilter(clock)
        top = len(theme.TEXT_SCALES) - 1
        window.apply_text_size(0)
        settle(800)

        def timed(act: Callable[[], object]) -> float:
            """Milliseconds from ``act`` to the loop's first idle moment after a paint."""
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

        figures: list[dict[str, object]] = []
        direction = 1
        for _ in range(steps):
            if not 0 <= window.text_size + direction <= top:
                direction = -direction  # at the largest (or smallest): go back
            action = window.larger_action if direction > 0 else window.smaller_action
            figures.append({"to": window.text_size + direction, "ms": timed(action.trigger)})
            settle(400)

        # A hidden view is brought to the new size when it is next shown: the ratings
        # (built, then hidden behind the board) shown after a step, and without one.
        def show_ratings() -> None:
            window.meeting.show_view("ratings")

        def back_to_board() -> None:
            window.meeting.show_view("board")
            settle(400)

        show_ratings()
        settle(400)
        back_to_board()
        window.apply_text_size(1 if window.text_size != 1 else 0)
        settle(400)
        ratings_after_step = timed(show_ratings)
        settle(400)
        back_to_board()
        ratings_again = timed(show_ratings)
        settle(400)
        back_to_board()
        ms = [float(f["ms"]) for f in figures]  # type: ignore[arg-type]
        print(
            json.dumps(
                {
                    "size": size,
                    "platform": QApplication.platformName(),
                    "median_ms": round(statistics.median(ms), 1),
                    "max_ms": max(ms),
                    "steps": figures,
                    "ratings_shown_after_a_step_ms": ratings_after_step,
                    "ratings_shown_again_ms": ratings_again,
                }
            )
        )
        sys.stdout.flush()
        window.close()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


def free_display(preferred: str) -> str:
    number = int(preferred.lstrip(":"))
    while Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
        number += 1
    return f":{number}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1280x800,1024x768")
    parser.add_argument("--steps", type=int, default=8, help="steps per size (up, then down)")
    parser.add_argument("--display", default=None, help="start Xvfb on this display")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.steps)
        return

    started: list[subprocess.Popen[bytes]] = []
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env["QT_QPA_PLATFORM"] = "xcb"
    try:
        if args.display or not env.get("DISPLAY"):
            display = free_display(args.display or ":91")
            widest = max(
                (tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")),
                key=lambda wh: wh[0] * wh[1],
            )
            screen = f"{max(widest[0], 1280)}x{max(widest[1], 1024)}x24"
            started.append(
                subprocess.Popen(
                    ["Xvfb", display, "-screen", "0", screen, "-nolisten", "tcp"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            time.sleep(1.0)
            env["DISPLAY"] = display
            if shutil.which("openbox"):
                started.append(
                    subprocess.Popen(
                        ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                    )
                )
                time.sleep(1.0)
        for size in args.sizes.split(","):
            out = subprocess.run(
                [sys.executable, __file__, "--child", size, "--steps", str(args.steps)],
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


if __name__ == "__main__":
    main()
