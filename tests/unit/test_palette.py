"""One palette: the widgets and the plan PDF take their colours from familymeeting/palette.py.

A colour written anywhere else in the package (a hex code, rgb(), a colour name in a
style sheet, QColor(255, 0, 0), Qt.GlobalColor.red, reportlab's colors.red) fails here,
unless its line says why with a ``# not from the palette: …`` comment.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from reportlab.lib.colors import HexColor

from familymeeting import palette
from familymeeting.domain.enums import Column
from familymeeting.export import plan as pdf
from familymeeting.ui import theme

PACKAGE = Path(palette.__file__).resolve().parent
EXEMPT_MARK = "# not from the palette:"
NAMES = ("white", "black", "red", "green", "blue", "yellow", "orange", "gray", "grey", "purple")
HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
FUNCTION = re.compile(r"\b(?:rgba?|hsla?|hsv)\s*\(", re.IGNORECASE)
STYLE_NAME = re.compile(
    r"(?:color|background|border[-a-z]*)\s*:[^;{}]*\b(?:" + "|".join(NAMES) + r")\b",
    re.IGNORECASE,
)


def _strings(node: ast.AST) -> Iterator[tuple[int, str]]:
    """Every piece of literal text (f-strings included) below ``node``, with its line."""
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            yield child.lineno, child.value


def colour_literals(path: Path, root: Path = PACKAGE) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    found: list[tuple[int, str]] = []
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                continue
            text = node.value
            if (
                HEX.search(text)
                or FUNCTION.search(text)
                or STYLE_NAME.search(text)
                or text.strip().lower() in NAMES
            ):
                found.append((node.lineno, text))
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            name = node.func.id if isinstance(node.func, ast.Name) else name
            numbers = [a for a in node.args if isinstance(a, ast.Constant)]
            if name in ("QColor", "fromRgb", "fromRgbF", "fromHsv", "Color") and any(
                isinstance(a.value, int | float) for a in numbers
            ):
                found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Attribute):
            is_qt_colour = (
                isinstance(node.value, ast.Attribute)
                and node.value.attr == "GlobalColor"
                and node.attr != "transparent"
            )
            is_reportlab_colour = (
                isinstance(node.value, ast.Name)
                and node.value.id == "colors"
                and node.attr.lower() in NAMES
            )
            if is_qt_colour or is_reportlab_colour:
                found.append((node.lineno, ast.unparse(node)))
    return [
        f"{path.relative_to(root)}:{line}: {text!r}"
        for line, text in sorted(found)
        if EXEMPT_MARK not in lines[line - 1]
    ]


def test_no_colour_outside_the_palette() -> None:
    offenders: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == Path(palette.__file__).resolve():
            continue
        offenders += colour_literals(path)
    assert offenders == [], (
        "colours belong in familymeeting/palette.py (widgets read them as theme.X, the PDF "
        "as palette.X):\n" + "\n".join(offenders)
    )


def test_the_check_finds_each_kind_of_colour(tmp_path: Path) -> None:
    """The check above is only worth something if it sees what it looks for."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QColor\n"
        "from reportlab.lib import colors\n"
        'A = "#12ab9f"\n'
        'B = f"QLabel {{ color: {A}; background: rgba(0, 0, 0, 0.5); }}"\n'
        'C = "QLabel { color: white; }"\n'
        "D = QColor(200, 10, 10)\n"
        "E = Qt.GlobalColor.red\n"
        "F = colors.black\n"
        'G = QColor("white")\n'
        'H = "#abcdef"  # not from the palette: a test of the exemption\n'
        'I = "QPushButton#addCard { border: none; }"\n',
        encoding="utf-8",
    )
    found = colour_literals(sample, tmp_path)
    lines = sorted(int(f.split(":")[1]) for f in found)
    assert lines == [4, 5, 6, 7, 8, 9, 10], found


def test_the_pdf_and_the_widgets_share_the_palette() -> None:
    assert theme.COLUMNS is palette.COLUMNS
    assert theme.PERSON_COLOURS is palette.PERSON_COLOURS
    assert (theme.TEXT, theme.SURFACE, theme.SAVED) == (
        palette.TEXT,
        palette.SURFACE,
        palette.SAVED,
    )
    # The plan's column colours are the board's, and its ink is the window's text.
    needs = palette.COLUMNS[Column.NEEDS_TO_HAPPEN]
    assert HexColor(needs.header) == pdf.NEEDS_HEAD
    assert HexColor(needs.background) == pdf.NEEDS_BG
    assert HexColor(palette.COLUMNS[Column.WORKING_WELL].accent) == pdf.WELL_ACCENT
    assert HexColor(palette.COLUMNS[Column.WORRIES].header) == pdf.WORRIES_HEAD
    assert HexColor(theme.TEXT) == pdf.INK
    assert HexColor(theme.SAVED) == pdf.DONE
