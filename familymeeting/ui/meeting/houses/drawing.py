"""The drawing pad of Three Houses: a child draws with a finger, a pen or the mouse.

Strokes are vectors (``domain.houses.Stroke``: colour, width, points), in 0..1 of a
drawing area of one shape (``DRAWING_ASPECT``), letterboxed in the widget, so a drawing
made on an upright tablet shows whole on a laptop and prints the same.

Smooth with thousands of points: the finished strokes are painted once into a pixmap;
a new segment is drawn onto that pixmap and only its small rectangle is repainted, so a
move costs the same with 50 or 5,000 points on the pad (``benchmarks/houses_drawing.py``).
The pixmap is drawn again only when strokes go away (undo, eraser) or the size changes.

The eraser removes whole strokes it touches rather than painting the paper's colour
over them: what the child sees is exactly what is stored and printed (painted-over ink
would still be in the data, and in the PDF the parents may get), and a drawing does not
grow with rubbing out.
"""

from __future__ import annotations

import math
from itertools import pairwise

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from familymeeting import palette
from familymeeting.domain.houses import (
    DRAWING_ASPECT,
    MAX_POINTS,
    MAX_POINTS_PER_STROKE,
    MAX_STROKES,
    Stroke,
)

PEN_WIDTH = 0.014  # of the drawing's width: a felt-tip on a tablet
ERASER_REACH = 0.025  # how near (of the width) the eraser must come to take a stroke
MIN_STEP_PX = 1.5  # a point closer than this to the last one adds nothing


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length = dx * dx + dy * dy
    t = (
        0.0
        if length == 0
        else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length))
    )
    return math.hypot(p.x() - a.x() - t * dx, p.y() - a.y() - t * dy)


class DrawingPad(QWidget):
    """The paper a child draws on.

    Signals:
        stroke_finished(): a stroke was drawn, or the eraser took strokes away: the
            drawing changed (``strokes()``); the page saves it.
        full(): the drawing holds as much as a drawing may; no more strokes.
    """

    stroke_finished = Signal()
    full = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drawingPad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.colour = palette.CHILD_INK[0]
        self.erasing = False
        self._strokes: list[Stroke] = []
        self._history: list[tuple[Stroke, ...]] = []  # before each change, for undo
        self._live: list[QPointF] | None = None  # the stroke being drawn, in pixels
        self._erased = False
        self._cache: QPixmap | None = None
        self._total = 0
        self._boxes: dict[Stroke, tuple[float, float, float, float]] = {}  # for the eraser

    # ---------------------------------------------------------------- public
    def strokes(self) -> tuple[Stroke, ...]:
        return tuple(self._strokes)

    def set_strokes(self, strokes: tuple[Stroke, ...], *, keep_history: bool = False) -> None:
        """Show these strokes (a stored drawing); the undo history starts again."""
        self._strokes = list(strokes)
        self._total = sum(len(s.points) for s in strokes)
        if not keep_history:
            self._history = []
            self._boxes = {}
        self._live = None
        self._invalidate()

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self.erasing = False

    def set_erasing(self, erasing: bool) -> None:
        self.erasing = erasing

    def can_undo(self) -> bool:
        return bool(self._history)

    def undo(self) -> bool:
        """Take back the last stroke or rubbing out; False if there is nothing to undo."""
        if not self._history:
            return False
        self.set_strokes(self._history.pop(), keep_history=True)
        self.stroke_finished.emit()
        return True

    def paper_rect(self) -> QRectF:
        """Where the drawing area is: the largest rectangle of its shape, centred."""
        w, h = self.width(), self.height()
        if w / max(1, h) > DRAWING_ASPECT:
            pw, ph = h * DRAWING_ASPECT, float(h)
        else:
            pw, ph = float(w), w / DRAWING_ASPECT
        return QRectF((w - pw) / 2, (h - ph) / 2, pw, ph)

    def to_widget(self, x: float, y: float) -> QPointF:
        r = self.paper_rect()
        return QPointF(r.x() + x * r.width(), r.y() + y * r.height())

    def sizeHint(self) -> QSize:
        return QSize(400, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 150)

    # ---------------------------------------------------------------- input
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self._end()
        event.accept()

    def event(self, event: QEvent) -> bool:
        # One finger draws; Qt sends no mouse events for touches we accept.
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if kind == QEvent.Type.TouchBegin and points:
                self._begin(points[0].position())
            elif kind == QEvent.Type.TouchUpdate and points:
                self._extend(points[0].position())
            elif kind == QEvent.Type.TouchEnd:
                if points:
                    self._extend(points[0].position())
                self._end()
            else:
                self._live = None
                self._invalidate()
            event.accept()
            return True
        return super().event(event)

    def _begin(self, pos: QPointF) -> None:
        self._erased = False
        if self.erasing:
            self._history.append(tuple(self._strokes))
            self._live = [pos]
            self._erase_at(pos)
            return
        if len(self._strokes) >= MAX_STROKES or self._total >= MAX_POINTS:
            self._live = None
            self.full.emit()
            return
        self._live = [self._clamp(pos)]
        self._paint_segment(self._live[0], self._live[0])

    def _extend(self, pos: QPointF) -> None:
        if self._live is None:
            return
        if self.erasing:
            self._erase_at(pos)
            return
        pos = self._clamp(pos)
        last = self._live[-1]
        if math.hypot(pos.x() - last.x(), pos.y() - last.y()) < MIN_STEP_PX:
            return
        if self._total + len(self._live) >= MAX_POINTS:
            return
        self._live.append(pos)
        self._paint_segment(last, pos)
        if len(self._live) >= MAX_POINTS_PER_STROKE:
            # A very long stroke goes on as a new one from the same point.
            self._end()
            self._live = [pos]

    def _end(self) -> None:
        live, self._live = self._live, None
        if live is None:
            return
        if self.erasing:
            if self._erased:
                self.stroke_finished.emit()
            else:
                self._history.pop()  # touched nothing: nothing to undo
            return
        r = self.paper_rect()
        points = tuple(
            (
                round(min(1.0, max(0.0, (p.x() - r.x()) / r.width())), 4),
                round(min(1.0, max(0.0, (p.y() - r.y()) / r.height())), 4),
            )
            for p in live
        )
        self._history.append(tuple(self._strokes))
        self._strokes.append(Stroke(self.colour, PEN_WIDTH, points))
        self._total += len(points)
        self.stroke_finished.emit()

    def _clamp(self, pos: QPointF) -> QPointF:
        r = self.paper_rect()
        return QPointF(
            min(r.right(), max(r.left(), pos.x())), min(r.bottom(), max(r.top(), pos.y()))
        )

    def _erase_at(self, pos: QPointF) -> None:
        assert self._live is not None
        last = self._live[-1]
        self._live.append(pos)
        r = self.paper_rect()
        reach = ERASER_REACH * r.width()
        keep: list[Stroke] = []
        # A stroke whose box the eraser is nowhere near is skipped without looking at
        # its points: rubbing out stays quick with thousands of points on the pad.
        lo_x = (min(pos.x(), last.x()) - r.x() - reach * 2) / r.width()
        hi_x = (max(pos.x(), last.x()) - r.x() + reach * 2) / r.width()
        lo_y = (min(pos.y(), last.y()) - r.y() - reach * 2) / r.height()
        hi_y = (max(pos.y(), last.y()) - r.y() + reach * 2) / r.height()
        for stroke in self._strokes:
            x0, y0, x1, y1 = self._box(stroke)
            if x1 < lo_x or x0 > hi_x or y1 < lo_y or y0 > hi_y:
                keep.append(stroke)
                continue
            pts = [self.to_widget(x, y) for x, y in stroke.points]
            near = reach + stroke.width * r.width() / 2
            segments = list(pairwise(pts)) if len(pts) > 1 else [(pts[0], pts[0])]
            touched = any(
                min(_distance_to_segment(pos, a, b), _distance_to_segment(last, a, b)) <= near
                for a, b in segments
            )
            if touched:
                self._erased = True
                self._total -= len(stroke.points)
            else:
                keep.append(stroke)
        if len(keep) != len(self._strokes):
            self._strokes = keep
            self._invalidate()

    def _box(self, stroke: Stroke) -> tuple[float, float, float, float]:
        box = self._boxes.get(stroke)
        if box is None:
            xs = [x for x, _ in stroke.points]
            ys = [y for _, y in stroke.points]
            pad = stroke.width / 2
            box = (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)
            self._boxes[stroke] = box
        return box

    # ---------------------------------------------------------------- painting
    def _pen(self, colour: str, width_px: float) -> QPen:
        pen = QPen(QColor(colour), max(1.0, width_px))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _invalidate(self) -> None:
        self._cache = None
        self.update()

    def _ensure_cache(self) -> QPixmap:
        if self._cache is not None:
            return self._cache
        ratio = self.devicePixelRatioF()
        cache = QPixmap(QSize(max(1, self.width()), max(1, self.height())) * ratio)
        cache.setDevicePixelRatio(ratio)
        cache.fill(QColor(palette.BACKGROUND))
        painter = QPainter(cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self.paper_rect()
        painter.fillRect(r, QColor(palette.DRAWING_PAPER))
        painter.setPen(QPen(QColor(palette.LINE), 1))
        painter.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
        for stroke in self._strokes:
            painter.setPen(self._pen(stroke.colour, stroke.width * r.width()))
            if len(stroke.points) == 1:
                p = self.to_widget(*stroke.points[0])
                painter.drawPoint(p)
                continue
            path = QPainterPath(self.to_widget(*stroke.points[0]))
            for x, y in stroke.points[1:]:
                path.lineTo(self.to_widget(x, y))
            painter.drawPath(path)
        painter.end()
        self._cache = cache
        return cache

    def _paint_segment(self, a: QPointF, b: QPointF) -> None:
        """Draw one new segment onto the cache and repaint only around it."""
        cache = self._ensure_cache()
        width = PEN_WIDTH * self.paper_rect().width()
        painter = QPainter(cache)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen(self.colour, width))
        if a == b:
            painter.drawPoint(a)
        else:
            painter.drawLine(a, b)
        painter.end()
        pad = int(width) + 2
        rect = QRect(
            int(min(a.x(), b.x())) - pad,
            int(min(a.y(), b.y())) - pad,
            int(abs(a.x() - b.x())) + 2 * pad,
            int(abs(a.y() - b.y())) + 2 * pad,
        )
        self.update(rect)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(QRectF(event.rect()), self._ensure_cache(), self._source(event.rect()))
        painter.end()

    def _source(self, rect: QRect) -> QRectF:
        ratio = self.devicePixelRatioF()
        return QRectF(
            rect.x() * ratio, rect.y() * ratio, rect.width() * ratio, rect.height() * ratio
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._invalidate()


__all__ = ["ERASER_REACH", "PEN_WIDTH", "DrawingPad"]
