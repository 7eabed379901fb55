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
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realwindow import demo_window, paint_clock, run_children, settle


def child(size: str, steps: int) -> None:
    """One window at one screen size; prints one line of JSON."""
    from PySide6.QtWidgets import QApplication

    from familymeeting.ui import theme

    with demo_window(size) as demo:
        window = demo.window
        settle(800)
        window.open_meeting(demo.meeting_id)
        settle()
        for view in ("ratings", "plan"):
            window.meeting.show_view(view)
            settle()
        window.show_progress(demo.family_id)
        settle()
        window.open_meeting(demo.meeting_id)
        window.meeting.show_view("board")
        settle(800)

        timed = paint_clock(window)
        top = len(theme.TEXT_SCALES) - 1
        window.apply_text_size(0)
        settle(800)

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
    run_children(__file__, args.sizes.split(","), ["--steps", str(args.steps)], args.display)


if __name__ == "__main__":
    main()
