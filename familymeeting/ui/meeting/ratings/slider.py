"""The 1-10 rating slider: a big, custom-painted scale with a face that follows the value.

Painted by hand (no QSlider) so that "not answered yet" and "won't answer" can look like
no number at all (and unlike each other), the handle can be a face a child's finger fits
on, and the colours stay soft from end to end. ``ScaleWords`` shows a question's words at
1 and at 10 once, above the row sliders of everyone who answers it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleInterface,
    QAccessibleValueChangeEvent,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QAccessibleWidget, QHBoxLayout, QLabel, QSizePolicy, QWidget

from familymeeting.domain.rules import RATING_MAX, RATING_MIN
from familymeeting.ui import theme

NEUTRAL = 5  # where an arrow key starts from "not answered"
_STEPS = RATING_MAX - RATING_MIN

_FOCUS_PAD = 6.0  # room around the content for the focus ring
_KEYBOARD_FOCUS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
)
_RING = 4.0  # a row slider's room above and below for the focus ring
_MIN_HEIGHT_LARGE = 220
_NUMBER_GAP = 10.0  # between the happy face and the number of a row slider
_WHEEL_STEP = 120  # one notch of a mouse wheel, in eighths of a degree


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    t = max(0.0, min(1.0, t))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def face_colour(value: float) -> QColor:
    """The face's fill for a value on the 1-10 scale (in-between values blend)."""
    for (v0, c0), (v1, c1) in pairwise(theme.FACE_STOPS):
        if value <= v1:
            return _mix(QColor(c0), QColor(c1), (value - v0) / (v1 - v0))
    return QColor(theme.FACE_STOPS[-1][1])


def mouth_curve(value: float) -> float:
    """How much the mouth smiles: -1 (sad, at 1) through ~0 (5-6) to +1 (happy, at 10)."""
    return max(-1.0, min(1.0, (value - 5.5) / 4.5))


def paint_face(
    painter: QPainter, centre: QPointF, diameter: float, value: float, *, playful: bool = True
) -> None:
    """Paint a round face for ``value``: fill colour, eyes, mouth, brows when sad, cheeks
    when happy. Used for the handle and for the small faces at the two ends.

    ``playful`` False is the calmer face of a question only grown-ups answer (the safety
    scale): the same colour and mouth, plain dot eyes, no cheeks, glint or brows; a
    parent asked where the case stands is not shown a cartoon."""
    d = diameter
    cx, cy = centre.x(), centre.y()
    curve = mouth_curve(value)
    fill = face_colour(value)
    ink = QColor(theme.FACE_INK)

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(fill.darker(135), max(1.2, d * 0.035)))
    painter.setBrush(fill)
    painter.drawEllipse(centre, d / 2, d / 2)

    if playful and curve > 0.3:  # rosy cheeks fade in as the face gets happier
        cheek = QColor(theme.FACE_CHEEK)
        cheek.setAlphaF(0.75 * (curve - 0.3) / 0.7)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(cheek)
        for side in (-1, 1):
            painter.drawEllipse(QPointF(cx + side * 0.29 * d, cy + 0.09 * d), 0.08 * d, 0.055 * d)

    painter.setPen(Qt.PenStyle.NoPen)
    eye_y = cy - 0.08 * d
    for side in (-1, 1):
        eye = QPointF(cx + side * 0.165 * d, eye_y)
        painter.setBrush(ink)
        if not playful:
            painter.drawEllipse(eye, 0.045 * d, 0.045 * d)
            continue
        painter.drawEllipse(eye, 0.058 * d, 0.068 * d)
        if d >= 40:  # a tiny glint makes the big face look alive
            painter.setBrush(QColor(theme.SURFACE))
            painter.drawEllipse(eye + QPointF(0.02 * d, -0.025 * d), 0.018 * d, 0.018 * d)

    line = QPen(ink, max(1.4, d * 0.052))
    line.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if playful and curve < -0.3:  # worried brows: inner ends lifted
        lift = (-curve - 0.3) / 0.7
        brow = QPen(ink, max(1.2, d * 0.04))
        brow.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(brow)
        for side in (-1, 1):
            inner = QPointF(cx + side * 0.09 * d, cy - (0.22 + 0.05 * lift) * d)
            outer = QPointF(cx + side * 0.25 * d, cy - 0.2 * d + 0.02 * lift * d)
            painter.drawLine(inner, outer)

    # The mouth is one quadratic curve; its control point below the ends smiles, above frowns.
    half = (0.2 + 0.03 * max(0.0, curve)) * d
    ends_y = cy + 0.21 * d - curve * 0.05 * d
    mouth = QPainterPath(QPointF(cx - half, ends_y))
    mouth.quadTo(QPointF(cx, ends_y + curve * 0.24 * d), QPointF(cx + half, ends_y))
    painter.setPen(line)
    painter.drawPath(mouth)
    painter.restore()


@dataclass(frozen=True)
class _Geometry:
    """Where everything goes for one width; all in widget pixels."""

    handle: float  # diameter of the face that follows the value
    end_face: float  # diameter of the small faces at the two ends
    left: float  # x of value 1
    right: float  # x of value 10
    number_top: float
    track_y: float  # centre line of the track
    track_height: float
    anchors_top: float
    anchor_width: float
    anchors_height: float
    height: float


def _scaled_font(base: QFont, factor: float, weight: QFont.Weight) -> QFont:
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    else:
        font.setPixelSize(max(1, round(base.pixelSize() * factor)))
    font.setWeight(weight)
    return font


def _number_font(base: QFont, large: bool) -> QFont:
    return _scaled_font(base, 3.0 if large else 1.6, QFont.Weight.Bold)


_NUMBER_BOXES: dict[str, float] = {}  # by font: asked for in every layout and paint


def _number_box(base: QFont) -> float:
    """The width a row slider keeps at its right end for the number ("10" the widest)."""
    key = base.key()
    box = _NUMBER_BOXES.get(key)
    if box is None:
        advance = QFontMetricsF(_number_font(base, False)).horizontalAdvance("10")
        box = _NUMBER_BOXES[key] = _NUMBER_GAP + advance + 2
    return box


def row_insets(base: QFont) -> tuple[float, float]:
    """How far in from a row slider's left and right edges its two end faces reach."""
    return _FOCUS_PAD, _FOCUS_PAD + _number_box(base)


class ScaleWords(QWidget):
    """A question's words at 1 and at 10, once, above the sliders of all who answer it.

    Laid out in the sliders' column: the word at 1 starts over their sad faces, the
    word at 10 ends over their happy faces (``row_insets``); long words wrap. Sliders
    and this widget take the same (body) font. No signals.
    """

    def __init__(self, low: str, high: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scaleWords")
        self.box = layout = QHBoxLayout(self)
        layout.setSpacing(24)
        self.low_label = QLabel(low)
        self.high_label = QLabel(high)
        for label, align in (
            (self.low_label, Qt.AlignmentFlag.AlignLeft),
            (self.high_label, Qt.AlignmentFlag.AlignRight),
        ):
            label.setObjectName("muted")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAlignment(align | Qt.AlignmentFlag.AlignBottom)
            layout.addWidget(label, 1)
        self._inset()

    def words(self) -> tuple[str, str]:
        return self.low_label.text(), self.high_label.text()

    def _inset(self) -> None:
        left, right = row_insets(self.font())
        self.box.setContentsMargins(round(left), 0, round(right), 0)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._inset()


class RatingSliderAccessible(QAccessibleWidget):
    """What assistive technology sees: a slider whose value is the answer or "not answered"."""

    def __init__(self, slider: RatingSlider) -> None:
        super().__init__(slider, QAccessible.Role.Slider)
        self.slider = slider

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Value:
            return self.slider.value_text()
        return super().text(kind)


def _accessible_factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    return RatingSliderAccessible(obj) if isinstance(obj, RatingSlider) else None


_factory_installed = False


def _install_accessible_factory() -> None:
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_accessible_factory)
        _factory_installed = True


class RatingSlider(QWidget):
    """A 1-10 scale for one person and one question, big enough for a child's finger.

    Two layouts: a row (the default: one line, the face as tall as the row, the number at
    the right end, where the rows' numbers line up) and ``large`` (child mode: a big face
    with the number above it and the words at 1 and 10 below).

    Until it is answered it shows no value: "not answered yet" (a quiet track and a dashed
    "Not answered yet", large: "Tap to answer") and "won't answer" (``setDeclined``: a
    grey track, pale faces and a solid "Won't answer") are both ``None`` and never look
    like a number, nor like each other. Tap anywhere along the track to answer, drag to adjust
    (it snaps to whole numbers and the face follows live), or use the keyboard: Left/Down and
    Right/Up step by one (from "not answered" they start at 5), Home is 1, End is 10. The
    mouse wheel is off unless ``wheel_enabled`` is set, so scrolling a page of sliders never
    changes an answer by accident. Presses on the anchor words below the track are ignored
    and left to the parent (a scroll area). The focus ring (theme.FOCUS) shows after Tab or
    a key press, not after a tap.

    Accessibility: the accessible name is the question; the accessible *value*
    (``QAccessible.Text.Value`` of the slider-role interface installed below) and the
    description are the answer as text ("7", "Not answered yet" or "Won't answer"), updated
    on every change with a value-change event for screen readers.

    Signals:
        committed(object): the new value, an int 1-10, after a release (only if it differs
            from the value at the press) or a key press/wheel notch that changed it.
            ``setValue`` never emits.
    """

    committed = Signal(object)

    def __init__(
        self,
        question: str = "",
        low: str = "",
        high: str = "",
        *,
        large: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        _install_accessible_factory()
        self.setObjectName("ratingSlider")
        self.wheel_enabled: bool = False
        self._large = large
        self._child_faces = True
        self._value: int | None = None
        self._last: int | None = None
        self._declined = False
        self._low = low
        self._high = high
        self._question = ""
        self._dragging = False
        self._press_value: int | None = None
        self._wheel_rest = 0
        self._focus_visible = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setQuestion(question)
        self._sync_accessible()

    # --- public API -------------------------------------------------------------------

    def value(self) -> int | None:
        """The answer 1-10, or None while not answered."""
        return self._value

    def setValue(self, value: int | None) -> None:
        """Show ``value`` (1-10, or None for "not answered"); emits nothing."""
        if value is not None and (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not RATING_MIN <= value <= RATING_MAX
        ):
            raise ValueError(f"a rating is an integer {RATING_MIN}-{RATING_MAX} or None")
        self._set(value)

    def childFaces(self) -> bool:
        """Whether the faces are the children's (playful) or the grown-ups' calmer ones."""
        return self._child_faces

    def setChildFaces(self, child_faces: bool) -> None:
        """The children's faces on a question a child answers, else the calmer ones."""
        if child_faces != self._child_faces:
            self._child_faces = child_faces
            self.update()

    def lastValue(self) -> int | None:
        """The person's answer at the last meeting that has one, shown as a faint mark."""
        return self._last

    def setLastValue(self, value: int | None) -> None:
        """Mark the last meeting's answer (None: no mark); the words ("last: 4") are the
        caller's, beside the slider, so they can be read and translated."""
        if value is not None and not RATING_MIN <= value <= RATING_MAX:
            raise ValueError(f"a rating is an integer {RATING_MIN}-{RATING_MAX} or None")
        if value != self._last:
            self._last = value
            self.update()

    def question(self) -> str:
        return self._question

    def setQuestion(self, text: str) -> None:
        """The question this slider answers; screen readers read it as the name."""
        self._question = text
        self.setAccessibleName(text)

    def anchors(self) -> tuple[str, str]:
        return self._low, self._high

    def setAnchors(self, low: str, high: str) -> None:
        """The words under the two ends, e.g. "Really bad" and "Really good"."""
        self._low, self._high = low, high
        self.updateGeometry()
        self.update()

    def is_large(self) -> bool:
        return self._large

    def is_declined(self) -> bool:
        """True while the person has said they won't answer (the value is then None)."""
        return self._declined and self._value is None

    def setDeclined(self, declined: bool) -> None:
        """Show "won't answer" (muted, its own words) instead of "not answered yet"."""
        if declined == self._declined:
            return
        self._declined = declined
        self._sync_accessible()
        self.update()

    def prompt_text(self) -> str:
        """What the slider says while it shows no number."""
        if self.is_declined():
            return self.tr("Won't answer")
        if self._large:
            return self.tr("Tap to answer")  # a child is shown what to do
        return self.tr("Not answered yet")

    def handle_diameter(self) -> int:
        """The face under the finger: at least a touch target (96 px large), more with
        larger text."""
        text_height = QFontMetricsF(self.font()).height()
        if self._large:
            return max(96, round(text_height * 4.0))
        return max(theme.TOUCH, round(text_height * 2.4))

    def x_for(self, value: int) -> float:
        """The x coordinate of ``value``'s centre on the track."""
        g = self._geometry(self.width())
        return g.left + (value - RATING_MIN) * (g.right - g.left) / _STEPS

    def value_at(self, x: float) -> int:
        """The value a press at ``x`` picks: the nearest whole number, clamped to 1-10."""
        g = self._geometry(self.width())
        span = max(1.0, g.right - g.left)
        step = math.floor((x - g.left) / span * _STEPS + 0.5)
        return max(RATING_MIN, min(RATING_MAX, RATING_MIN + step))

    def track_y(self) -> float:
        """The y coordinate of the track's centre line (where a finger lands)."""
        return self._geometry(self.width()).track_y

    # --- size -------------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return math.ceil(self._geometry(width).height)

    def sizeHint(self) -> QSize:
        width = 900 if self._large else 560
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        # Half a touch target between neighbouring values at the least: a tap still lands
        # on the nearest value, and the live face shows a dragging finger where it is.
        side = self._side(float(self.handle_diameter()))
        number = 0.0 if self._large else _number_box(self.font())
        width = math.ceil(2 * side + number + _STEPS * theme.TOUCH * 0.5)
        return QSize(width, self.heightForWidth(max(width, self.width())))

    # --- events -----------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if (
            event.button() != Qt.MouseButton.LeftButton
            or pos.y() >= self._geometry(self.width()).anchors_top
        ):
            event.ignore()
            return
        event.accept()
        self._dragging = True
        self._press_value = self._value
        self._set(self.value_at(pos.x()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not self._dragging:
            event.ignore()
            return
        event.accept()
        self._set(self.value_at(event.position().x()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if not self._dragging or event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        event.accept()
        self._dragging = False
        self._set(self.value_at(event.position().x()))
        self.update()
        if self._value is not None and self._value != self._press_value:
            self.committed.emit(self._value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        current = self._value
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            new = NEUTRAL if current is None else max(RATING_MIN, current - 1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            new = NEUTRAL if current is None else min(RATING_MAX, current + 1)
        elif key == Qt.Key.Key_Home:
            new = RATING_MIN
        elif key == Qt.Key.Key_End:
            new = RATING_MAX
        else:
            super().keyPressEvent(event)
            return
        event.accept()
        if not self._focus_visible:
            self._focus_visible = True
            self.update()
        self._commit(new)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not self.wheel_enabled:
            event.ignore()  # let the scroll area around us scroll
            return
        event.accept()
        delta = event.angleDelta()
        self._wheel_rest += delta.y() if delta.y() else delta.x()
        steps = int(self._wheel_rest / _WHEEL_STEP)  # towards zero: small touchpad deltas add up
        if steps == 0:
            return
        self._wheel_rest -= steps * _WHEEL_STEP
        if self._value is None:
            new = NEUTRAL
        else:
            new = max(RATING_MIN, min(RATING_MAX, self._value + steps))
        self._commit(new)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Like CSS :focus-visible: a ring after a tap is noise on a touch screen, but after
        # Tab (or any key press, see keyPressEvent) it is how a keyboard user finds us.
        reason = event.reason()
        if reason in _KEYBOARD_FOCUS:
            self._focus_visible = True
        elif reason != Qt.FocusReason.ActiveWindowFocusReason:
            self._focus_visible = False
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.ActiveWindowFocusReason:
            self._focus_visible = False  # switching windows and back keeps the ring as it was
        super().focusOutEvent(event)
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.LanguageChange:
            self._sync_accessible()
            self.update()
        elif kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        g = self._geometry(self.width())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if not self.isEnabled():
            painter.setOpacity(0.45)
        if self.hasFocus() and self._focus_visible:
            self._paint_focus_ring(painter)
        self._paint_track(painter, g)
        self._paint_end_faces(painter, g)
        if self._last is not None and not self.is_declined():
            self._paint_last(painter, g, self._last)
        if self._value is None:
            self._paint_prompt(painter, g)
        else:
            self._paint_handle(painter, g, self._value)
            if not self._large:
                self._paint_number(painter, g, self._value)
        self._paint_anchors(painter, g)
        painter.end()

    # --- internals --------------------------------------------------------------------

    def _set(self, value: int | None) -> None:
        if value == self._value:
            return
        if value is not None:
            self._declined = False  # a number given is an answer after all
        self._value = value
        self._sync_accessible()
        self.update()

    def _commit(self, value: int) -> None:
        if value == self._value:
            return
        self._set(value)
        self.committed.emit(value)

    def value_text(self) -> str:
        """The answer as words, as a screen reader says it: never a number unless given."""
        if self._value is not None:
            return str(self._value)
        return self.tr("Won't answer") if self._declined else self.tr("Not answered yet")

    def _sync_accessible(self) -> None:
        self.setAccessibleDescription(self.value_text())
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleValueChangeEvent(self, self.value_text()))

    def _number_font(self) -> QFont:
        return _number_font(self.font(), self._large)

    def _prompt_font(self, factor: float = 1.0) -> QFont:
        size = (1.5 if self._large else 1.0) * factor
        return _scaled_font(self.font(), size, QFont.Weight.DemiBold)

    def _anchor_font(self) -> QFont:
        return _scaled_font(self.font(), 1.35 if self._large else 1.0, QFont.Weight.Normal)

    def _anchor_rects(self, g: _Geometry) -> tuple[QRectF, QRectF]:
        left = QRectF(_FOCUS_PAD + 4, g.anchors_top, g.anchor_width, g.anchors_height)
        right = QRectF(
            self._right_end(self.width()) - 4 - g.anchor_width,
            g.anchors_top,
            g.anchor_width,
            g.anchors_height,
        )
        return left, right

    def _end_face(self, d: float) -> float:
        return round(d * (0.5 if self._large else 0.6))

    def _side(self, d: float) -> float:
        """From the edge to the centre of value 1: focus pad, small face, gap, half a handle."""
        return _FOCUS_PAD + self._end_face(d) + d * 0.22 + d / 2

    def _right_end(self, width: float) -> float:
        """The x where the happy face ends: a row slider's number is right of it."""
        return width - _FOCUS_PAD - (0.0 if self._large else _number_box(self.font()))

    def _geometry(self, width: float) -> _Geometry:
        d = float(self.handle_diameter())
        end_face = self._end_face(d)
        left = self._side(d)
        right = max(left + 1.0, self._right_end(width) - left + _FOCUS_PAD)
        track_height = round(d * (0.24 if self._large else 0.26))
        if self._large:
            # The number sits just above the face (a child sees it over the finger); the
            # face may grow a little while dragged.
            number_top = _FOCUS_PAD
            number_height = QFontMetricsF(self._number_font()).height()
            track_y = number_top + number_height + d * 0.06 + d / 2
            anchors_top = track_y + d * 0.56 + 8
        else:
            # A row: the face fills the height (its white rim and a dragged face's growth
            # included), the number is at the right end; short, so many people fit.
            track_y = _RING + 3 + d / 2
            number_top = track_y
            anchors_top = track_y + d / 2 + 5 + _RING
        # Each anchor gets (a little less than) half the width, so they can never overlap.
        anchor_width = max(10.0, (self._right_end(width) - _FOCUS_PAD - 8) / 2 - 12)
        metrics = QFontMetricsF(self._anchor_font())
        flags = int(Qt.TextFlag.TextWordWrap)
        anchors_height = 0.0
        for text in (self._low, self._high):
            if text:
                box = metrics.boundingRect(QRectF(0, 0, anchor_width, 1e6), flags, text)
                anchors_height = max(anchors_height, box.height())
        # Never shorter than a comfortable target, even before the stylesheet's font arrives.
        floor = _MIN_HEIGHT_LARGE if self._large else theme.TOUCH
        below = _FOCUS_PAD + 4 if anchors_height or self._large else 0.0
        height = max(float(floor), anchors_top + anchors_height + below)
        return _Geometry(
            handle=d,
            end_face=end_face,
            left=left,
            right=right,
            number_top=number_top,
            track_y=track_y,
            track_height=track_height,
            anchors_top=anchors_top,
            anchor_width=anchor_width,
            anchors_height=anchors_height,
            height=height,
        )

    def _paint_focus_ring(self, painter: QPainter) -> None:
        painter.save()
        painter.setPen(QPen(QColor(theme.FOCUS), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 16, 16)
        painter.restore()

    def _paint_track(self, painter: QPainter, g: _Geometry) -> None:
        th = g.track_height
        rect = QRectF(g.left - th, g.track_y - th / 2, g.right - g.left + 2 * th, th)
        gradient = QLinearGradient(rect.left(), 0, rect.right(), 0)
        for at, colour in theme.TRACK_STOPS:
            gradient.setColorAt(at, QColor(colour))
        painter.save()
        if self.is_declined():
            # "Won't answer": no colours at all, set apart from a question still open.
            painter.setPen(QPen(QColor(theme.LINE), 1))
            painter.setBrush(QColor(theme.DISABLED_BACKGROUND))
        else:
            if self._value is None:
                painter.setOpacity(painter.opacity() * 0.6)  # quieter until answered
            painter.setPen(QPen(QColor(theme.LINE), 1))
            painter.setBrush(gradient)
        painter.drawRoundedRect(rect, th / 2, th / 2)
        rim = QColor(theme.MUTED)
        rim.setAlphaF(0.25)  # keeps the white dots visible on the pale middle of the track
        painter.setPen(QPen(rim, 1))
        painter.setBrush(QColor(theme.SURFACE))
        for value in range(RATING_MIN, RATING_MAX + 1):
            x = g.left + (value - RATING_MIN) * (g.right - g.left) / _STEPS
            painter.drawEllipse(QPointF(x, g.track_y), th * 0.2, th * 0.2)
        painter.restore()

    def _paint_end_faces(self, painter: QPainter, g: _Geometry) -> None:
        y = g.track_y
        painter.save()
        if self.is_declined():
            painter.setOpacity(painter.opacity() * 0.35)
        left = QPointF(_FOCUS_PAD + g.end_face / 2, y)
        paint_face(painter, left, g.end_face, RATING_MIN, playful=self._child_faces)
        right_x = self._right_end(self.width()) - g.end_face / 2
        paint_face(painter, QPointF(right_x, y), g.end_face, RATING_MAX, playful=self._child_faces)
        painter.restore()

    def _paint_prompt(self, painter: QPainter, g: _Geometry) -> None:
        text = self.prompt_text()
        available = g.right - g.left + g.handle * 0.6
        # Whole words in a short track (upright tablet, largest text): a smaller font
        # first; "…" only if even that does not fit.
        for factor in (1.0, 0.9, 0.8, 0.7):
            font = self._prompt_font(factor)
            metrics = QFontMetricsF(font)
            room = available - 1.2 * metrics.height()  # the pill's round ends
            if metrics.horizontalAdvance(text) <= room:
                break
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        width = min(available, metrics.horizontalAdvance(text) + 2.2 * metrics.height())
        height = max(g.handle * 0.72, metrics.height() * 1.9)
        if not self._large:
            height = min(height, g.handle - 4)
        centre_x = (g.left + g.right) / 2
        pill = QRectF(centre_x - width / 2, g.track_y - height / 2, width, height)
        painter.save()
        if self.is_declined():
            # Settled, not waiting: a solid grey pill in muted words.
            painter.setPen(QPen(QColor(theme.LINE), 1))
            painter.setBrush(QColor(theme.PRESSED))
            ink = QColor(theme.MUTED)
        else:
            # Still open: an inviting dashed outline.
            border = QColor(theme.PRIMARY)
            border.setAlphaF(0.55)
            pen = QPen(border, 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor(theme.SURFACE))
            ink = QColor(theme.PRIMARY_DARK)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(ink)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def _paint_last(self, painter: QPainter, g: _Geometry, value: int) -> None:
        """Last time's answer: a faint dashed ring where it was, under today's face."""
        x = g.left + (value - RATING_MIN) * (g.right - g.left) / _STEPS
        ink = QColor(theme.MUTED)
        ink.setAlphaF(0.7)
        pen = QPen(ink, 2.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.save()
        painter.setPen(pen)
        fill = QColor(theme.SURFACE)
        fill.setAlphaF(0.55)
        painter.setBrush(fill)
        painter.drawEllipse(QPointF(x, g.track_y), g.handle * 0.42, g.handle * 0.42)
        painter.restore()

    def _paint_handle(self, painter: QPainter, g: _Geometry, value: int) -> None:
        d = g.handle * (1.06 if self._dragging else 1.0)
        x = g.left + (value - RATING_MIN) * (g.right - g.left) / _STEPS
        centre = QPointF(x, g.track_y)
        painter.save()
        shadow = QColor(theme.TEXT)
        shadow.setAlphaF(0.16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(shadow)
        painter.drawEllipse(QPointF(x, g.track_y + d * 0.06), d / 2 + 2, d / 2 + 2)
        # A white rim sets the moving face apart from the small ones at the ends.
        painter.setBrush(QColor(theme.SURFACE))
        painter.drawEllipse(centre, d / 2 + 3, d / 2 + 3)
        painter.restore()
        paint_face(painter, centre, d, value, playful=self._child_faces)

        if not self._large:
            return  # a row's number is at its right end (_paint_number)
        font = self._number_font()
        number_height = QFontMetricsF(font).height()
        box = QRectF(x - g.handle, g.number_top, 2 * g.handle, number_height)
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor(theme.TEXT))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(value))
        painter.restore()

    def _paint_number(self, painter: QPainter, g: _Geometry, value: int) -> None:
        """A row's answer as a number at its right end, where a column of rows lines up."""
        font = self._number_font()
        height = QFontMetricsF(font).height()
        left = self._right_end(self.width()) + _NUMBER_GAP
        box = QRectF(left, g.track_y - height / 2, self.width() - left, height)
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor(theme.TEXT))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(value))
        painter.restore()

    def _paint_anchors(self, painter: QPainter, g: _Geometry) -> None:
        if not (self._low or self._high) or g.anchors_height <= 0:
            return
        left_rect, right_rect = self._anchor_rects(g)
        painter.save()
        painter.setFont(self._anchor_font())
        painter.setPen(QColor(theme.TEXT if self._large else theme.MUTED))
        wrap = Qt.TextFlag.TextWordWrap
        for rect, text, align in (
            (left_rect, self._low, Qt.AlignmentFlag.AlignLeft),
            (right_rect, self._high, Qt.AlignmentFlag.AlignRight),
        ):
            if text:
                painter.setClipRect(rect)  # a long unbroken word must not reach the other
                painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignTop | wrap), text)
        painter.restore()
