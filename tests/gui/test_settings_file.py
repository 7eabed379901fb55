"""settings.ini stays the file Qt's QSettings wrote: each reads what the other writes.

Earlier versions kept the settings with QSettings (IniFormat); familymeeting/settings.py
now reads and writes the file without Qt, so the command line can read it too. A
caseworker's settings.ini from before must read the same, and a version before this
one must still read what this one writes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TRICKY
from PySide6.QtCore import QSettings

from familymeeting import settings
from familymeeting.settings import SETTINGS_FILENAME, Settings


def qsettings(data_dir: Path) -> QSettings:
    return QSettings(str(data_dir / SETTINGS_FILENAME), QSettings.Format.IniFormat)


def test_a_file_qsettings_wrote_reads_the_same(data_dir: Path) -> None:
    qs = qsettings(data_dir)
    qs.setValue(settings.TEXT_SIZE.key, 2)
    qs.setValue(settings.FULL_SCREEN.key, True)
    qs.setValue(settings.LOCK_MINUTES.key, 15)
    qs.setValue(settings.LOG_KEEP_DAYS.key, 730)
    qs.setValue(settings.UI_LANGUAGE.key, "en")
    qs.setValue(settings.LAST_FAMILY.key, "3f2c9a1e-0d4b-4e8f-9a51-7c3b2d1e0f6a")
    qs.setValue(settings.WINDOW_GEOMETRY.key, "AdnQywADAAAAAAAAAAAAAAAAA/8AAAL/AAA=")
    qs.sync()
    app_settings = Settings(data_dir)
    assert app_settings.get(settings.TEXT_SIZE) == 2
    assert app_settings.get(settings.FULL_SCREEN) is True
    assert app_settings.get(settings.LOCK_MINUTES) == 15
    assert app_settings.get(settings.LOG_KEEP_DAYS) == 730
    assert app_settings.get(settings.UI_LANGUAGE) == "en"
    assert app_settings.get(settings.LAST_FAMILY) == "3f2c9a1e-0d4b-4e8f-9a51-7c3b2d1e0f6a"
    assert app_settings.get(settings.WINDOW_GEOMETRY) == "AdnQywADAAAAAAAAAAAAAAAAA/8AAAL/AAA="

    qs.setValue(settings.FULL_SCREEN.key, False)
    qs.sync()
    assert app_settings.get(settings.FULL_SCREEN) is False


@pytest.mark.parametrize("text", TRICKY)
def test_text_qsettings_wrote_reads_the_same_and_back(data_dir: Path, text: str) -> None:
    qs = qsettings(data_dir)
    qs.setValue(settings.LAST_SAVE_FOLDER.key, text)
    qs.sync()
    assert Settings(data_dir).get(settings.LAST_SAVE_FOLDER) == text

    Settings(data_dir).set(settings.LAST_SAVE_FOLDER, text + "!")
    assert qsettings(data_dir).value(settings.LAST_SAVE_FOLDER.key) == text + "!"


def test_qsettings_reads_what_settings_writes_and_keeps_its_own(data_dir: Path) -> None:
    qs = qsettings(data_dir)
    qs.setValue("other/kept", "a, b")
    qs.setValue("top", 3)
    qs.sync()
    app_settings = Settings(data_dir)
    app_settings.set(settings.TEXT_SIZE, 1)
    app_settings.set(settings.FULL_SCREEN, True)
    app_settings.set(settings.LOG_KEEP_DAYS, 365)
    back = qsettings(data_dir)
    assert back.status() == QSettings.Status.NoError
    assert back.value(settings.TEXT_SIZE.key, type=int) == 1
    assert back.value(settings.FULL_SCREEN.key, type=bool) is True
    assert back.value(settings.LOG_KEEP_DAYS.key, type=int) == 365
    assert back.value("other/kept") == "a, b"
    assert back.value("top", type=int) == 3
