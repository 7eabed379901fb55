"""Settings declared once (familymeeting/settings.py), read and written without Qt.

The file's compatibility with Qt's QSettings, which wrote it before, is tested in
tests/gui/test_settings_file.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TRICKY

from familymeeting import settings
from familymeeting.settings import (
    ALL_SETTINGS,
    SETTINGS_FILENAME,
    Settings,
    escape_text,
    read_ini,
    unescape_text,
    write_ini,
)


def test_every_setting_is_declared_once_with_a_default_among_its_choices() -> None:
    keys = [s.key for s in ALL_SETTINGS]
    assert len(keys) == len(set(keys))
    for setting in ALL_SETTINGS:
        assert isinstance(setting.default, setting.type), setting.key
        assert not setting.choices or setting.default in setting.choices, setting.key
        assert setting.title, setting.key
    assert settings.LOG_KEEP_DAYS.choices == (31, 92, 183, 365, 730)


def test_defaults_without_a_file_and_reading_creates_none(data_dir: Path) -> None:
    app_settings = Settings(data_dir)
    for setting in ALL_SETTINGS:
        assert app_settings.get(setting) == setting.default
    assert list(data_dir.iterdir()) == []


def test_values_are_kept_by_type(data_dir: Path) -> None:
    app_settings = Settings(data_dir)
    app_settings.set(settings.TEXT_SIZE, 2)
    app_settings.set(settings.FULL_SCREEN, True)
    app_settings.set(settings.LOG_KEEP_DAYS, 730)
    app_settings.set(settings.LAST_SAVE_FOLDER, "C:\\Users\\Lise, Holm")
    again = Settings(data_dir)
    assert again.get(settings.TEXT_SIZE) == 2
    assert again.get(settings.FULL_SCREEN) is True
    assert again.get(settings.LOG_KEEP_DAYS) == 730
    assert again.get(settings.LAST_SAVE_FOLDER) == "C:\\Users\\Lise, Holm"
    with pytest.raises(TypeError):
        app_settings.set(settings.TEXT_SIZE, "2")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "setting", "expected"),
    [
        ("[display]\ntext_size=7\n", settings.TEXT_SIZE, 0),  # not a choice
        ("[display]\ntext_size=big\n", settings.TEXT_SIZE, 0),
        ("[display]\ntext_size=1_0\n", settings.TEXT_SIZE, 0),
        ("[display]\ntext_size= 2 \n", settings.TEXT_SIZE, 2),
        ("[display]\nfull_screen=maybe\n", settings.FULL_SCREEN, False),
        ("[display]\nfull_screen=1\n", settings.FULL_SCREEN, True),
        ("[display]\nlanguage=de\n", settings.UI_LANGUAGE, ""),
        ("[display]\nlanguage=en ; a comment\n", settings.UI_LANGUAGE, "en"),
        ("[session]\nlast_family=a, b\n", settings.LAST_FAMILY, ""),  # a list
        ("[session]\nlast_family=@Invalid()\n", settings.LAST_FAMILY, ""),
        ("[security]\nlog_keep_days=730\n", settings.LOG_KEEP_DAYS, 730),
        ("log_keep_days=730\n", settings.LOG_KEEP_DAYS, 183),  # another group
        ("garbage\n[security\n=1\nlog_keep_days=365", settings.LOG_KEEP_DAYS, 183),
    ],
)
def test_a_broken_or_foreign_value_reads_as_the_default(
    data_dir: Path, text: str, setting: settings.Setting[object], expected: object
) -> None:
    (data_dir / SETTINGS_FILENAME).write_text(text, encoding="utf-8")
    assert Settings(data_dir).get(setting) == expected  # type: ignore[arg-type]


def test_a_file_of_random_bytes_reads_as_defaults(data_dir: Path) -> None:
    (data_dir / SETTINGS_FILENAME).write_bytes(bytes(range(256)) * 4)
    assert Settings(data_dir).get(settings.LOG_KEEP_DAYS) == 183


def test_what_this_version_does_not_know_is_kept(data_dir: Path) -> None:
    path = data_dir / SETTINGS_FILENAME
    path.write_text(
        "[General]\nfrom_a_newer_version=@Variant(\\0\\0\\0\\x7f)\n\n"
        '[display]\ntext_size=1\nsome_list=a, "b c"\n',
        encoding="utf-8",
    )
    Settings(data_dir).set(settings.FULL_SCREEN, True)
    values = read_ini(path.read_text(encoding="utf-8"))
    assert values["from_a_newer_version"] == "@Variant(\\0\\0\\0\\x7f)"
    assert values["display/some_list"] == 'a, "b c"'
    assert values["display/text_size"] == "1"
    assert values["display/full_screen"] == "true"


def test_two_windows_on_one_data_dir_keep_each_others_values(data_dir: Path) -> None:
    first, second = Settings(data_dir), Settings(data_dir)
    first.set(settings.TEXT_SIZE, 2)
    second.set(settings.LOCK_MINUTES, 15)
    assert first.get(settings.LOCK_MINUTES) == 15  # read again: the file changed
    assert Settings(data_dir).get(settings.TEXT_SIZE) == 2


def test_a_value_that_cannot_be_written_still_holds_for_now(data_dir: Path) -> None:
    (data_dir / SETTINGS_FILENAME).mkdir()  # the file cannot be replaced
    app_settings = Settings(data_dir)
    app_settings.set(settings.TEXT_SIZE, 2)
    assert app_settings.get(settings.TEXT_SIZE) == 2
    assert Settings(data_dir).get(settings.TEXT_SIZE) == 0


@pytest.mark.parametrize("text", TRICKY)
def test_text_survives_escaping(text: str) -> None:
    assert unescape_text(escape_text(text)) == text
    raw = write_ini({"session/x": escape_text(text)})
    assert unescape_text(read_ini(raw)["session/x"]) == text
    assert "\n" not in escape_text(text)


def test_qt_escapes_are_read() -> None:
    assert unescape_text('"a, b" ') == "a, b"
    assert unescape_text("  x  ") == "x"
    assert unescape_text('"  x  "') == "  x  "
    assert unescape_text("\\x41\\102\\n\\q") == "AB\n"
    assert unescape_text("a,b") is None
