"""Three Houses: a child's drawing as plain data, and the rules that bound it (no Qt).

A drawing is a list of strokes; each stroke has a colour (``#rrggbb``), a width and
its points. Coordinates are normalised to 0..1 of the drawing's width and height
(and the width to the drawing's width), so a drawing made on a tablet held upright
shows whole on a laptop and scales into the PDF. Stored as compact JSON in
``house_item.strokes``; the bounds keep a runaway finger (or a hostile case file)
from filling the database.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from familymeeting.domain.errors import ValidationError

HOUSE_TEXT_MAX = 1_000  # a sentence the caseworker types for the child
MAX_STROKES = 500
MAX_POINTS_PER_STROKE = 2_000
MAX_POINTS = 20_000  # in one drawing
MAX_JSON_CHARS = 1_000_000  # checked before parsing
WIDTH_MIN = 0.001
WIDTH_MAX = 0.2
_PRECISION = 4  # 1/10,000 of the drawing: finer than any screen's pixel
_COLOUR = re.compile(r"#[0-9a-f]{6}")


@dataclass(frozen=True, slots=True)
class Stroke:
    colour: str
    width: float  # a fraction of the drawing's width
    points: tuple[tuple[float, float], ...]


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError("drawing_invalid")
    number = float(value)
    if number != number:  # NaN
        raise ValidationError("drawing_invalid")
    return number


def _coordinate(value: object) -> float:
    number = _number(value)
    if not 0.0 <= number <= 1.0:
        raise ValidationError("drawing_invalid")
    return round(number, _PRECISION)


def check_strokes(strokes: list[Stroke] | tuple[Stroke, ...]) -> tuple[Stroke, ...]:
    """The strokes, rounded and checked: colours, widths, 0..1 points, the bounds."""
    if len(strokes) > MAX_STROKES:
        raise ValidationError("drawing_too_big", max=MAX_STROKES)
    out: list[Stroke] = []
    total = 0
    for stroke in strokes:
        colour = str(stroke.colour).lower()
        if not _COLOUR.fullmatch(colour):
            raise ValidationError("drawing_invalid")
        width = _number(stroke.width)
        if not WIDTH_MIN <= width <= WIDTH_MAX:
            raise ValidationError("drawing_invalid")
        if not stroke.points or len(stroke.points) > MAX_POINTS_PER_STROKE:
            raise ValidationError("drawing_too_big", max=MAX_POINTS_PER_STROKE)
        total += len(stroke.points)
        if total > MAX_POINTS:
            raise ValidationError("drawing_too_big", max=MAX_POINTS)
        points = tuple((_coordinate(x), _coordinate(y)) for x, y in stroke.points)
        out.append(Stroke(colour, round(width, _PRECISION), points))
    return tuple(out)


def strokes_to_json(strokes: list[Stroke] | tuple[Stroke, ...]) -> str:
    """Compact JSON of checked strokes; '' for no strokes (no drawing)."""
    checked = check_strokes(strokes)
    if not checked:
        return ""
    data = [{"c": s.colour, "w": s.width, "p": [list(p) for p in s.points]} for s in checked]
    return json.dumps(data, separators=(",", ":"))


def strokes_from_json(text: str) -> tuple[Stroke, ...]:
    """The strokes of stored or imported JSON, checked; ValidationError if it is not one."""
    if not text:
        return ()
    if not isinstance(text, str) or len(text) > MAX_JSON_CHARS:
        raise ValidationError("drawing_too_big", max=MAX_POINTS)
    try:
        data = json.loads(text)
    except ValueError:
        raise ValidationError("drawing_invalid") from None
    if not isinstance(data, list):
        raise ValidationError("drawing_invalid")
    strokes: list[Stroke] = []
    for entry in data:
        if not isinstance(entry, dict) or set(entry) != {"c", "w", "p"}:
            raise ValidationError("drawing_invalid")
        points = entry["p"]
        if not isinstance(points, list) or not isinstance(entry["c"], str):
            raise ValidationError("drawing_invalid")
        pairs: list[tuple[float, float]] = []
        for point in points:
            if not isinstance(point, list) or len(point) != 2:
                raise ValidationError("drawing_invalid")
            pairs.append((_number(point[0]), _number(point[1])))
        strokes.append(Stroke(entry["c"], _number(entry["w"]), tuple(pairs)))
    return check_strokes(strokes)


def normalise_json(text: str) -> str:
    """Stored form of a drawing's JSON (checked, rounded, compact; '' when empty)."""
    return strokes_to_json(strokes_from_json(text))


# The drawing area's shape, width : height, on the screen and on the paper: the points
# are fractions of it, so the same shape everywhere keeps a circle round.
DRAWING_ASPECT = 4 / 3


@dataclass(frozen=True, slots=True)
class PaperSentence:
    text: str
    shared: bool


@dataclass(frozen=True, slots=True)
class PaperHouse:
    """One house on the paper: its drawing (None: none, or not shared) and sentences."""

    house: str  # domain.enums.House
    drawing: tuple[Stroke, ...] | None
    drawing_shared: bool
    sentences: tuple[PaperSentence, ...]


@dataclass(frozen=True, slots=True)
class HousesPaper:
    """ "Mine tre huse" as plain data. ``full``: everything, for the case file (each
    item marked shared or not); otherwise only what the child chose to share."""

    child_name: str
    family_name: str
    meeting_at: datetime
    language: str
    full: bool
    houses: tuple[PaperHouse, ...]
