"""Three Houses: the time per stroke segment with 5,000 points already on the pad.

    python benchmarks/houses_drawing.py [--points 5000] [--segments 300] [--size 1024x768]

Builds a ``DrawingPad`` (``ui/meeting/houses/drawing.py``) of the given size, puts
strokes with ``--points`` points on it (100 points a stroke), then draws a new stroke
with the mouse: each move is sent as a real QMouseEvent and the event loop runs until the
pad has painted it; the time from the event to the painted segment is one sample. For
comparison it also times a whole repaint of every stroke (what a pad without its cache
would do on each move). Offscreen unless QT_QPA_PLATFORM says otherwise (on Xvfb:
QT_QPA_PLATFORM=xcb DISPLAY=:N). Prints one line of JSON; the budget is 16 ms a segment
(one frame at 60 Hz). Written for issue 19.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=5000)
    parser.add_argument("--segments", type=int, default=300)
    parser.add_argument("--size", default="1024x768")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from familymeeting import palette
    from familymeeting.domain.houses import Stroke
    from familymeeting.ui.meeting.houses.drawing import PEN_WIDTH, DrawingPad

    app = QApplication.instance() or QApplication(sys.argv)
    width, height = (int(v) for v in args.size.split("x"))
    pad = DrawingPad()
    pad.resize(width, height)
    pad.show()
    app.processEvents()

    strokes = []
    per_stroke = 100
    for s in range(max(1, args.points // per_stroke)):
        colour = palette.CHILD_INK[s % len(palette.CHILD_INK)]
        points = tuple(
            (
                0.05 + 0.9 * (i / (per_stroke - 1)),
                0.5 + 0.4 * math.sin(i / 7 + s) * ((s % 10) / 10),
            )
            for i in range(per_stroke)
        )
        strokes.append(Stroke(colour, PEN_WIDTH, points))
    pad.set_strokes(tuple(strokes))
    pad.repaint()
    app.processEvents()

    def mouse(kind: QEvent.Type, x: float, y: float) -> None:
        pos = pad.to_widget(x, y)
        buttons = (
            Qt.MouseButton.NoButton
            if kind == QEvent.Type.MouseButtonRelease
            else (Qt.MouseButton.LeftButton)
        )
        event = QMouseEvent(
            kind,
            QPointF(pos),
            pad.mapToGlobal(QPointF(pos)),
            Qt.MouseButton.LeftButton,
            buttons,
            Qt.KeyboardModifier.NoModifier,
        )
        app.sendEvent(pad, event)

    samples = []
    mouse(QEvent.Type.MouseButtonPress, 0.1, 0.1)
    app.processEvents()
    for n in range(1, args.segments + 1):
        x = 0.1 + 0.8 * n / args.segments
        y = 0.5 + 0.35 * math.sin(n / 9)
        start = time.perf_counter()
        mouse(QEvent.Type.MouseMove, x, y)
        app.processEvents()  # the pad paints the segment's rectangle
        samples.append((time.perf_counter() - start) * 1000)
    mouse(QEvent.Type.MouseButtonRelease, 0.9, 0.5)
    app.processEvents()

    full = []
    for _ in range(20):
        start = time.perf_counter()
        pad.set_strokes(pad.strokes(), keep_history=True)  # drop the cache: all again
        pad.repaint()
        full.append((time.perf_counter() - start) * 1000)

    samples.sort()
    result = {
        "benchmark": "houses_drawing",
        "platform": app.platformName(),
        "size": args.size,
        "points_on_pad": sum(len(s.points) for s in strokes),
        "segments": args.segments,
        "segment_ms_median": round(statistics.median(samples), 3),
        "segment_ms_p95": round(samples[int(len(samples) * 0.95) - 1], 3),
        "segment_ms_max": round(samples[-1], 3),
        "full_repaint_ms_median": round(statistics.median(full), 2),
        "budget_ms": 16,
    }
    print(json.dumps(result))
    pad.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
