"""The colours of familymeeting, declared once. No Qt.

The widgets read them through ``ui/theme.py`` (the style sheet and the painted
widgets) and the plan PDF through ``export/plan.py``, so a column is the same
colour on the screen and on the paper the family keeps. Colours are plain
``#rrggbb`` strings, which Qt's style sheets, ``QColor`` and ReportLab's
``HexColor`` all read. ``tests/unit/test_palette.py`` fails on a colour literal
anywhere else in the package.
"""

from __future__ import annotations

from dataclasses import dataclass

from familymeeting.domain.enums import Column

# ------------------------------------------------------------------ the page
BACKGROUND = "#f6f4ef"
SURFACE = "#ffffff"  # cards, fields, buttons; also the rims and glints on the slider
TEXT = "#22313f"  # the ink, on the screen and in the PDF
MUTED = "#5c6b7a"
LINE = "#d9d4c7"
PRIMARY = "#3d6a8e"
PRIMARY_DARK = "#2f5573"
ON_PRIMARY = "#ffffff"  # text on PRIMARY or TEXT backgrounds (checked buttons)
FOCUS = "#e0a526"
SAVED = "#3f7a4a"  # "Saved ✓", a sound check, an action that is done (the PDF's tick)
NOTICE = "#fff3d6"  # banners, and the "does not agree" chip
WARNING = "#9a5b13"

# States of controls.
PRESSED = "#ebe7dc"
SELECTED = "#dbe6ef"  # a selected row of a list or a menu
DISABLED_TEXT = "#a8b0b8"
DISABLED_BACKGROUND = "#f1efe9"
DISABLED_LINE = "#e6e2d8"
SCROLL_HANDLE = "#c9c3b4"
# "+ Add" lies on the column's colour: white, a little see-through.
ADD_CARD_BACKGROUND = "rgba(255, 255, 255, 0.6)"

# The plan's 1-10 scales: the line a family's marks sit on (a shade darker than LINE
# on white paper).
SCALE_LINE = "#b9b1a0"


# --------------------------------------------------------------- the columns
@dataclass(frozen=True)
class ColumnColours:
    background: str
    header: str
    accent: str


COLUMNS: dict[Column, ColumnColours] = {
    Column.WORRIES: ColumnColours("#f8e9df", "#8a4b2f", "#d98e6a"),
    Column.WORKING_WELL: ColumnColours("#e6f1e2", "#3f6e3a", "#7fb174"),
    Column.NEEDS_TO_HAPPEN: ColumnColours("#e3ecf6", "#2f5b85", "#75a0cc"),
}

# Soft, distinguishable chip colours for participants (background, text): the chips
# on the board, the lines of the progress chart and the marks on the plan's scales.
PERSON_COLOURS: tuple[tuple[str, str], ...] = (
    ("#f3d9c9", "#5a3422"),
    ("#d6e8cf", "#2f4d29"),
    ("#d5e3f3", "#23405f"),
    ("#ece0f2", "#4a2f5a"),
    ("#f6ebc4", "#5a4810"),
    ("#d3ecea", "#1f4d49"),
    ("#f2d6df", "#5a2336"),
    ("#e4e1da", "#3b3a35"),
)


def person_colours(index: int) -> tuple[str, str]:
    return PERSON_COLOURS[index % len(PERSON_COLOURS)]


# ---------------------------------------------------------- the rating faces
# Soft colours along the 1-10 scale: pale blue-lilac, pale yellow, soft green. No red
# anywhere: a low answer is a feeling to talk about, not an alarm. Lilac and yellow
# are opposites, so a straight blend would pass through a muddy grey; the near-white
# stop between them keeps the low-middle faces light.
FACE_STOPS: tuple[tuple[float, str], ...] = (  # (rating, fill)
    (1.0, "#dcd6f4"),
    (3.5, "#eeeaf1"),
    (5.5, "#fbefb8"),
    (10.0, "#cce9c1"),
)
TRACK_STOPS: tuple[tuple[float, str], ...] = (  # (0-1 along the track, colour)
    (0.0, "#cfc7ee"),
    (0.28, "#ebe6ee"),
    (0.5, "#f5e29b"),
    (1.0, "#b5dba9"),
)
FACE_INK = "#3a4656"  # eyes and mouth: soft dark blue-grey, not black
FACE_CHEEK = "#f2bccb"


# ------------------------------------------------------- a child's drawing (Three Houses)
# A few big, clear crayons; stored in the drawing, so the PDF prints the same colour.
CHILD_INK: tuple[str, ...] = (
    "#22313f",  # dark blue-black (the ink)
    "#d64541",  # red
    "#2f7fd1",  # blue
    "#3f9a4a",  # green
    "#f2b630",  # yellow
    "#8e5cc2",  # purple
    "#8a5a3c",  # brown
)
DRAWING_PAPER = SURFACE
