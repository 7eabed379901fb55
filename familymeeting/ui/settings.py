"""User settings, declared once with type, default and a translatable title.

Stored with QSettings in an INI file inside the data dir, so a test's temporary
data dir also isolates its settings, and a caseworker's settings travel with
their data. The file is not encrypted: settings hold ids and choices, never case
text (no names, no card text, no search words).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QSettings

T = TypeVar("T", int, str, bool)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T
    title: str  # source text; shown through QCoreApplication.translate("Settings", title)
    choices: tuple[T, ...] = ()

    def translated_title(self) -> str:
        return QCoreApplication.translate("Settings", self.title)


TEXT_SIZE: Setting[int] = Setting(
    "display/text_size", int, 0, QT_TRANSLATE_NOOP("Settings", "Text size"), (0, 1, 2)
)
FULL_SCREEN: Setting[bool] = Setting(
    "display/full_screen", bool, False, QT_TRANSLATE_NOOP("Settings", "Full screen")
)
LAST_FAMILY: Setting[str] = Setting(
    "session/last_family", str, "", QT_TRANSLATE_NOOP("Settings", "Last family opened")
)
LAST_MEETING: Setting[str] = Setting(
    "session/last_meeting", str, "", QT_TRANSLATE_NOOP("Settings", "Last meeting opened")
)

LOCK_MINUTES: Setting[int] = Setting(
    "security/lock_minutes",
    int,
    5,
    QT_TRANSLATE_NOOP("Settings", "Lock after this long without use"),
    (1, 2, 3, 5, 10, 15, 30),
)

LOG_KEEP_DAYS: Setting[int] = Setting(
    "security/log_keep_days",
    int,
    183,
    QT_TRANSLATE_NOOP("Settings", "Keep the access log for"),
    (31, 92, 183, 365, 730),
)

UI_LANGUAGE: Setting[str] = Setting(
    "display/language",
    str,
    "",  # the system's language if Danish or English, else Danish
    QT_TRANSLATE_NOOP("Settings", "Language"),
    ("", "da", "en"),
)

# Where the window was when it closed (Qt's saveGeometry, base64): restored only where
# it still fits the screen; empty means maximized (the board gets the screen).
WINDOW_GEOMETRY: Setting[str] = Setting(
    "display/window_geometry", str, "", QT_TRANSLATE_NOOP("Settings", "Window size and place")
)

# The folder the plan was last saved in ("Save as PDF…" starts there). A path on this
# same disk, where the folder itself already stands in plain sight.
LAST_SAVE_FOLDER: Setting[str] = Setting(
    "session/last_save_folder", str, "", QT_TRANSLATE_NOOP("Settings", "Last folder saved in")
)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    UI_LANGUAGE,
    TEXT_SIZE,
    FULL_SCREEN,
    WINDOW_GEOMETRY,
    LAST_FAMILY,
    LAST_MEETING,
    LAST_SAVE_FOLDER,
    LOCK_MINUTES,
    LOG_KEEP_DAYS,
)

SETTINGS_FILENAME = "settings.ini"


class Settings:
    """Typed access to the declared settings; unknown or broken values fall back to defaults."""

    def __init__(self, data_dir: Path) -> None:
        self._qs = QSettings(str(data_dir / SETTINGS_FILENAME), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        raw = self._qs.value(setting.key, setting.default)
        try:
            if setting.type is bool:
                value: Any = raw if isinstance(raw, bool) else str(raw).lower() in ("true", "1")
            else:
                value = setting.type(raw)
        except (TypeError, ValueError):
            return setting.default
        if setting.choices and value not in setting.choices:
            return setting.default
        return value  # type: ignore[no-any-return]

    def set(self, setting: Setting[T], value: T) -> None:
        self._qs.setValue(setting.key, value)
        self._qs.sync()
