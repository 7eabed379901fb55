"""One palette, one type scale, generous spacing: the look of familymeeting.

The whole application is styled from here; widgets set object names and
dynamic properties (``column``, ``role``) and never hard-code colours.
"""

from __future__ import annotations

from dataclasses import dataclass

from familymeeting.assets import resource
from familymeeting.domain.enums import Column

TEXT_SCALES = (1.0, 1.25, 1.5)  # the three text sizes the family can choose
BASE_PT = 12.0
TOUCH = 48  # minimum size of anything tappable, logical px


@dataclass(frozen=True)
class ColumnColours:
    background: str
    header: str
    accent: str


BACKGROUND = "#f6f4ef"
SURFACE = "#ffffff"
TEXT = "#22313f"
MUTED = "#5c6b7a"
LINE = "#d9d4c7"
PRIMARY = "#3d6a8e"
PRIMARY_DARK = "#2f5573"
FOCUS = "#e0a526"
SAVED = "#3f7a4a"
NOTICE = "#fff3d6"
WARNING = "#9a5b13"

COLUMNS: dict[Column, ColumnColours] = {
    Column.WORRIES: ColumnColours("#f8e9df", "#8a4b2f", "#d98e6a"),
    Column.WORKING_WELL: ColumnColours("#e6f1e2", "#3f6e3a", "#7fb174"),
    Column.NEEDS_TO_HAPPEN: ColumnColours("#e3ecf6", "#2f5b85", "#75a0cc"),
}

# Soft, distinguishable chip colours for participants (background, text).
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


def pt(step: int, scale: float = 1.0) -> float:
    """The type scale: step 0 is body text; each step up is 1.2 times larger."""
    return round(BASE_PT * scale * (1.2**step), 1)


def stylesheet(text_size: int = 0) -> str:
    s = TEXT_SCALES[max(0, min(text_size, len(TEXT_SCALES) - 1))]
    col = COLUMNS
    chevron = resource("icons", "chevron-down.svg").as_posix()
    return f"""
QWidget {{
    color: {TEXT};
    font-size: {pt(0, s)}pt;
}}
QMainWindow, QDialog, #page {{
    background: {BACKGROUND};
}}
QLabel#title {{
    font-size: {pt(3, s)}pt;
    font-weight: 600;
}}
QLabel#headerTitle {{
    font-size: {pt(2, s)}pt;
    font-weight: 700;
}}
QLabel#subtitle {{
    font-size: {pt(1, s)}pt;
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
    background: #ebe7dc;
}}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QPlainTextEdit:focus,
QComboBox:focus, QSpinBox:focus, QDateTimeEdit:focus, QListWidget:focus {{
    border: 2px solid {FOCUS};
}}
QPushButton[primary="true"] {{
    background: {PRIMARY};
    color: white;
    border: none;
    font-weight: 600;
}}
QPushButton[primary="true"]:pressed {{
    background: {PRIMARY_DARK};
}}
QLineEdit:disabled, QComboBox:disabled, QDateTimeEdit:disabled, QDateEdit:disabled {{
    color: #a8b0b8;
    background: #f1efe9;
    border-color: #e6e2d8;
}}
QWidget#banner {{
    background: {NOTICE};
    border-radius: 10px;
}}
QPushButton:disabled, QToolButton:disabled {{
    color: #a8b0b8;
    background: #f1efe9;
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
    border-radius: 8px;
}}
QMenu::item:selected {{
    background: #dbe6ef;
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
QCalendarWidget QAbstractItemView {{
    font-size: {pt(1, s)}pt;
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
    background: #dbe6ef;
    color: {TEXT};
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
    background: #c9c3b4;
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
QFrame#column[column="worries"] {{ background: {col[Column.WORRIES].background}; }}
QFrame#column[column="working_well"] {{ background: {col[Column.WORKING_WELL].background}; }}
QFrame#column[column="needs_to_happen"] {{ background: {col[Column.NEEDS_TO_HAPPEN].background}; }}
QFrame#column {{
    border-radius: 14px;
}}
QLabel#columnTitle {{
    font-size: {pt(2, s)}pt;
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
    font-size: {pt(1, s)}pt;
}}
QLabel#kind {{
    color: {MUTED};
    font-size: {pt(-1, s)}pt;
    font-weight: 600;
}}
QLabel#chip {{
    border-radius: 9px;
    padding: 3px 10px;
    font-size: {pt(-1, s)}pt;
}}
QLabel#disagree {{
    border-radius: 8px;
    padding: 3px 10px;
    font-size: {pt(-1, s)}pt;
    background: #fff3d6;
    color: {WARNING};
    border: 1px dashed {WARNING};
}}
QPushButton#addCard {{
    font-size: {pt(2, s)}pt;
    font-weight: 700;
    border: 2px dashed {LINE};
    background: rgba(255, 255, 255, 0.6);
}}
QToolButton#cardMenu {{
    border: none;
    background: transparent;
    font-size: {pt(1, s)}pt;
    font-weight: 700;
}}
QLabel#childQuestion {{
    font-size: {pt(4, s)}pt;
    font-weight: 600;
}}
QPushButton#childName, QPushButton#childNext {{
    font-size: {pt(3, s)}pt;
    font-weight: 600;
    border-radius: 18px;
}}
QPushButton#viewSwitch {{
    border-radius: 20px;
    padding: 4px 22px;
    font-weight: 600;
}}
QPushButton#viewSwitch:checked {{
    background: {TEXT};
    color: white;
    border: none;
}}
QPushButton#attendee {{
    border-radius: 20px;
    padding: 4px 14px;
}}
QPushButton#attendee:checked {{
    background: {PRIMARY};
    color: white;
    border: none;
}}
"""
