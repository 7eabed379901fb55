"""GUI fixtures: a real QApplication with the Danish translators, and window screenshots."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from familymeeting.messages import set_language
from familymeeting.ui.language import install_translators

SHOTS_ENV = "FAMILYMEETING_SCREENSHOTS"


@pytest.fixture
def danish(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "da")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    set_language(None)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The app's look, as run_gui sets it before the first dialog (text size 0)."""
    from familymeeting.ui import theme

    before = qapp.styleSheet()
    qapp.setStyleSheet(theme.stylesheet(0))
    yield
    qapp.setStyleSheet(before)


@pytest.fixture
def screenshot(tmp_path: Path) -> object:
    """Save a widget's picture; into $FAMILYMEETING_SCREENSHOTS when set, to look at."""

    def save(widget: QWidget, name: str) -> Path:
        folder = Path(os.environ.get(SHOTS_ENV) or tmp_path)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        assert widget.grab().save(str(path)), path
        return path

    return save
