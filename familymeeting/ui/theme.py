"""One palette, one type scale, generous spacing: the look of familymeeting.

The whole application is styled from here; widgets set object names and
dynamic properties (``column``, ``role``) and never hard-code colours. The
colours are ``familymeeting/palette.py``'s (the plan PDF reads the same module),
re-exported here so widgets name them ``theme.X``.
"""

from __future__ import annotations

from familymeeting import palette
from familymeeting.assets import resource
from familymeeting.domain.enums import Column

TEXT_SCALES = (1.0, 1.25, 1.5)  # the three text sizes the family can choose
BASE_PT = 12.0
TOUCH = 48  # minimum size of anything tappable, logical px
CALENDAR_MIN = 8 * TOUCH + 36  # a calendar's side: day cells of TOUCH px and more

# The palette's colours, under the names the widgets use (theme.X).
ADD_CARD_BACKGROUND = palette.ADD_CARD_BACKGROUND
BACKGROUND = palette.BACKGROUND
COLUMNS = palette.COLUMNS
DISABLED_BACKGROUND = palette.DISABLED_BACKGROUND
DISABLED_LINE = palette.DISABLED_LINE
DISABLED_TEXT = palette.DISABLED_TEXT
FACE_CHEEK = palette.FACE_CHEEK
FACE_INK = palette.FACE_INK
FACE_STOPS = palette.FACE_STOPS
FOCUS = palette.FOCUS
LINE = palette.LINE
MUTED = palette.MUTED
NOTICE = palette.NOTICE
ON_PRIMARY = palette.ON_PRIMARY
PERSON_COLOURS = palette.PERSON_COLOURS
PRESSED = palette.PRESSED
PRIMARY = palette.PRIMARY
PRIMARY_DARK = palette.PRIMARY_DARK
SAVED = palette.SAVED
SCALE_LINE = palette.SCALE_LINE
SCROLL_HANDLE = palette.SCROLL_HANDLE
SELECTED = palette.SELECTED
SURFACE = palette.SURFACE
TEXT = palette.TEXT
TRACK_STOPS = palette.TRACK_STOPS
WARNING = palette.WARNING
ColumnColours = palette.ColumnColours
person_colours = palette.person_colours


def pt(step: int, scale: float = 1.0) -> float:
    """The type scale: step 0 is body text; each step up is 1.2 times larger."""
    return round(BASE_PT * scale * (1.2**step), 1)


# The type scale, declared once: which text is how large, in steps of pt(). The first
# rule gives every widget the body size; the others, more specific, override it.
TYPE_SCALE: tuple[tuple[str, int], ...] = (
    ("QWidget", 0),
    ("QLabel#title", 3),
    ("QLabel#headerTitle", 2),
    ("QLabel#subtitle", 1),
    ("QCalendarWidget QAbstractItemView", 1),
    ("QLabel#columnTitle", 2),
    ("QLabel#cardText", 1),
    ("QLabel#kind", -1),
    ("QLabel#chip", -1),
    ("QLabel#disagree", -1),
    ("QLabel#inPlan", -1),
    ("QPushButton#addCard", 1),
    ("QToolButton#cardMenu", 1),
    ("QLabel#childQuestion", 4),
    ("QLabel#shareQuestion", 2),
    ("QPushButton#shareChoice", 2),
    ("QLabel#recoveryCode", 3),
    ("QPushButton#childName", 3),
    ("QPushButton#childNext", 3),
)

# A window (and all it parents: pages, dialogs, menus, pop-ups) shows the text size
# in this dynamic property (see ui/text_size.py); windows without it show the size
# the application's sheet was made with.
TEXT_SIZE_PROPERTY = "textSize"


def scale(text_size: int) -> float:
    """The factor of a text size (0 … len(TEXT_SCALES) - 1; out of range is clamped)."""
    return TEXT_SCALES[max(0, min(text_size, len(TEXT_SCALES) - 1))]


def _type_scale(text_size: int, scope: str = "") -> str:
    s = scale(text_size)
    rules = []
    for selector, step in TYPE_SCALE:
        # The scope root itself takes the body size too.
        selectors = f"{scope}, {scope} {selector}" if scope and step == 0 else f"{scope} {selector}"
        rules.append(f"{selectors.strip()} {{ font-size: {pt(step, s)}pt; }}")
    # The calendar measures its columns by its own font, a step smaller than its days
    # and their names: it grows with the text, so "man." is never cut to "m…".
    rules.append(f"{scope} QCalendarWidget {{ min-width: {round(CALENDAR_MIN * s)}px; }}".strip())
    return "\n".join(rules)


def stylesheet(text_size: int = 0) -> str:
    """The application's style sheet: the look, and the type scale.

    Unscoped, the type scale is at ``text_size``. Each size also has its rules under
    ``[textSize="n"]``: one attribute more, so they win wherever an ancestor (the main
    window) carries the property. A step then changes that property and restyles the
    window's widgets once each (ui/text_size.py) instead of setting a new sheet on the
    application, which Qt 6 answers by polishing every widget of the application once
    per ancestor (about ten times each on the board): 0.4 s a step.
    """
    scoped = (_type_scale(n, f'*[{TEXT_SIZE_PROPERTY}="{n}"]') for n in range(len(TEXT_SCALES)))
    return "\n".join((_look(), _type_scale(text_size), *scoped))


def _look() -> str:
    """Colours, borders, spacing and touch sizes: everything but the type scale."""
    col = COLUMNS
    chevron = resource("icons", "chevron-down.svg").as_posix()
    return f"""
QWidget {{
    color: {TEXT};
}}
QMainWindow, QDialog, #page {{
    background: {BACKGROUND};
}}
QLabel#title {{
    font-weight: 600;
}}
QLabel#headerTitle {{
    font-weight: 700;
}}
QLabel#subtitle {{
    color: {MUTED};
}}
QLabel#muted, QLabel#hint {{
    color: {MUTED};
}}
QPushButton, QToolButton {{
    min-height: {TOUCH}px;
    min-width: {TOUCH}px;
    padding: 4px 16px;
    border: 1px solid {LINE};
    border-radius: 10px;
    background: {SURFACE};
}}
QPushButton:pressed, QToolButton:pressed {{
    background: {PRESSED};
}}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QPlainTextEdit:focus,
QComboBox:focus, QSpinBox:focus, QDateTimeEdit:focus, QListWidget:focus {{
    border: 2px solid {FOCUS};
}}
QPushButton[primary="true"] {{
    background: {PRIMARY};
    color: {ON_PRIMARY};
    border: none;
    font-weight: 600;
}}
QPushButton[primary="true"]:pressed {{
    background: {PRIMARY_DARK};
}}
QLineEdit:disabled, QComboBox:disabled, QDateTimeEdit:disabled, QDateEdit:disabled {{
    color: {DISABLED_TEXT};
    background: {DISABLED_BACKGROUND};
    border-color: {DISABLED_LINE};
}}
QWidget#banner {{
    background: {NOTICE};
    border-radius: 10px;
}}
QPushButton:disabled, QToolButton:disabled {{
    color: {DISABLED_TEXT};
    background: {DISABLED_BACKGROUND};
}}
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDateTimeEdit, QDateEdit {{
    min-height: {TOUCH - 8}px;
    padding: 4px 10px;
    border: 1px solid {LINE};
    border-radius: 8px;
    background: {SURFACE};
}}
QCheckBox, QRadioButton {{
    min-height: {TOUCH}px;
    spacing: 10px;
}}
QCheckBox::indicator, QRadioButton::indicator {{
    width: 26px;
    height: 26px;
}}
QMenu {{
    background: {SURFACE};
    border: 1px solid {LINE};
    padding: 6px;
}}
QMenu::item {{
    padding: 12px 32px 12px 36px;
    min-height: {TOUCH - 24}px;
    border-radius: 8px;
}}
QMenu::item:selected {{
    background: {SELECTED};
}}
QMenu::separator {{
    height: 1px;
    background: {LINE};
    margin: 6px 10px;
}}
QComboBox::drop-down, QDateTimeEdit::drop-down, QDateEdit::drop-down {{
    subcontrol-origin: padding;
    subcontrol-position: center right;
    width: 36px;
    border: none;
    border-left: 1px solid {LINE};
}}
QComboBox::down-arrow, QDateTimeEdit::down-arrow, QDateEdit::down-arrow {{
    image: url("{chevron}");
    width: 18px;
    height: 18px;
}}
QCalendarWidget QToolButton {{
    min-height: {TOUCH}px;
}}
QCalendarWidget QSpinBox {{
    min-height: {TOUCH}px;
}}
/* Day cells of at least 48 px: the calendar's rows and columns share its size (7 rows
   under the navigation bar, 8 columns with the week numbers; its width is in the type
   scale below). Still whole on a 1024×768 screen and on a tablet held upright. */
QCalendarWidget {{
    min-height: {CALENDAR_MIN}px;
}}
/* Words on dialog buttons, no platform pictures: the same look in every dialog. */
QDialogButtonBox {{
    dialogbuttonbox-buttons-have-icons: 0;
}}
/* A combo box opens a list (not a menu) whose rows take a finger. */
QComboBox {{
    combobox-popup: 0;
}}
QComboBox QAbstractItemView {{
    background: {SURFACE};
    border: 1px solid {LINE};
    outline: none;
    selection-background-color: {SELECTED};
    selection-color: {TEXT};
}}
QComboBox QAbstractItemView::item {{
    min-height: {TOUCH}px;
    padding: 0px 12px;
}}
QListWidget, QTreeWidget, QTableWidget {{
    border: 1px solid {LINE};
    border-radius: 10px;
    background: {SURFACE};
    outline: none;
}}
QListWidget::item, QTreeWidget::item {{
    min-height: {TOUCH}px;
    padding: 2px 8px;
}}
QListWidget::item:selected, QTreeWidget::item:selected {{
    background: {SELECTED};
    color: {TEXT};
}}
QTableView {{
    border: 1px solid {LINE};
    border-radius: 10px;
    background: {SURFACE};
    alternate-background-color: {BACKGROUND};
    outline: none;
    selection-background-color: {SELECTED};
    selection-color: {TEXT};
}}
QTableView::item {{
    padding: 0px 10px;
}}
QTableView QHeaderView::section {{
    background: {SURFACE};
    color: {MUTED};
    font-weight: 600;
    border: none;
    border-bottom: 1px solid {LINE};
    padding: 6px 12px;
}}
QToolBar {{
    background: {SURFACE};
    border-bottom: 1px solid {LINE};
    spacing: 6px;
    padding: 4px;
}}
QScrollBar:vertical {{
    width: 14px;
    background: transparent;
}}
QScrollBar::handle:vertical {{
    background: {SCROLL_HANDLE};
    border-radius: 6px;
    min-height: 40px;
}}
QScrollBar::add-line, QScrollBar::sub-line {{
    height: 0px;
}}
QLabel#saved {{
    color: {SAVED};
    font-weight: 600;
}}
QLabel#unsaved {{
    color: {WARNING};
    font-weight: 600;
}}
/* A line of the plan whose date has passed: the word says it, the colours help. */
QLabel#overdue {{
    border-radius: 8px;
    padding: 2px 10px;
    background: {NOTICE};
    color: {WARNING};
    border: 1px solid {WARNING};
    font-weight: 700;
}}
QFrame#column[column="worries"] {{ background: {col[Column.WORRIES].background}; }}
QFrame#column[column="working_well"] {{ background: {col[Column.WORKING_WELL].background}; }}
QFrame#column[column="needs_to_happen"] {{ background: {col[Column.NEEDS_TO_HAPPEN].background}; }}
QFrame#column {{
    border-radius: 14px;
}}
QLabel#columnTitle {{
    font-weight: 700;
}}
QLabel#columnTitle[column="worries"] {{ color: {col[Column.WORRIES].header}; }}
QLabel#columnTitle[column="working_well"] {{ color: {col[Column.WORKING_WELL].header}; }}
QLabel#columnTitle[column="needs_to_happen"] {{ color: {col[Column.NEEDS_TO_HAPPEN].header}; }}
QScrollArea#cards, QWidget#cardsContainer {{
    background: transparent;
}}
QFrame#card {{
    background: {SURFACE};
    border: 1px solid {LINE};
    border-radius: 12px;
}}
QFrame#card[selected="true"] {{
    border: 2px solid {FOCUS};
}}
QLabel#cardText {{
}}
QLabel#kind {{
    color: {MUTED};
    font-weight: 600;
}}
QLabel#chip {{
    border-radius: 9px;
    padding: 3px 10px;
}}
QLabel#disagree {{
    border-radius: 8px;
    padding: 3px 10px;
    background: {NOTICE};
    color: {WARNING};
    border: 1px dashed {WARNING};
}}
QLabel#inPlan {{
    border-radius: 9px;
    padding: 3px 10px;
    color: {SAVED};
    border: 1px solid {SAVED};
    font-weight: 600;
}}
/* Who agrees: the chosen state is filled, its border as wide as the others' (a tap
   must not move the row). Agrees in the colour of what is done, disagrees as on the
   card; "not said", where everyone starts, stays quiet. */
QPushButton#stance {{
    padding: 4px 14px;
}}
QPushButton#stance:checked {{
    background: {SELECTED};
    border: 1px solid {PRIMARY};
}}
QPushButton#stance[stance="agree"]:checked {{
    background: {SAVED};
    color: {ON_PRIMARY};
    border: 1px solid {SAVED};
}}
QPushButton#stance[stance="disagree"]:checked {{
    background: {NOTICE};
    color: {WARNING};
    border: 1px dashed {WARNING};
}}
QPushButton#addCard {{
    font-weight: 700;
    border: 2px dashed {LINE};
    background: {ADD_CARD_BACKGROUND};
}}
QToolButton#cardMenu {{
    border: none;
    background: transparent;
    font-weight: 700;
}}
QLabel#childQuestion {{
    font-weight: 600;
}}
QPushButton#childName, QPushButton#childNext {{
    font-weight: 600;
    border-radius: 18px;
}}
/* "May the grown-ups see this?" in child mode: the child's own question, in full
   colour, and two big answers; the chosen one filled. */
QLabel#shareQuestion {{
    font-weight: 600;
}}
QPushButton#shareChoice {{
    font-weight: 600;
    border-radius: 18px;
    border: 2px solid {LINE};
    padding: 4px 18px;
}}
QPushButton#shareChoice:checked {{
    background: {PRIMARY};
    color: {ON_PRIMARY};
    border: 2px solid {PRIMARY};  /* as wide as unchecked: a tap must not move the row */
}}
QPushButton#viewSwitch {{
    border-radius: 20px;
    padding: 4px 22px;
    font-weight: 600;
}}
QPushButton#viewSwitch:checked {{
    background: {TEXT};
    color: {ON_PRIMARY};
    border: 1px solid {TEXT};  /* as wide as unchecked: a tap must not move the row */
}}
QPushButton#attendee {{
    border-radius: 20px;
    padding: 4px 14px;
}}
QPushButton#attendee:checked {{
    background: {PRIMARY};
    color: {ON_PRIMARY};
    border: 1px solid {PRIMARY};  /* as wide as unchecked: a tap must not move the row */
}}
/* Who is here: present filled (in the person's colour, set on the chip), absent
   outlined, dashed and muted. The same border width both ways: a tap moves nothing. */
QPushButton#presence {{
    border-radius: 20px;
    padding: 4px 14px;
    border: 2px solid {LINE};
}}
QPushButton#presence:!checked {{
    background: transparent;
    color: {MUTED};
    border: 2px dashed {LINE};
}}
"""
