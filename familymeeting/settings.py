"""User settings, declared once with type, default, allowed values and a title. No Qt.

Picard's way (picard/options.py): every setting is one :class:`Setting` below, and
the window and the command line read the same declaration and the same file. The
window shows a setting's title through Qt's translator (``ui.words.setting_title``;
the titles are marked for lupdate with :func:`QT_TRANSLATE_NOOP`); the command line
reads the values it needs (``familymeeting log`` prunes by :data:`LOG_KEEP_DAYS`).

The file is ``settings.ini`` in the data dir, so a test's temporary data dir isolates
it too and a caseworker's settings travel with their data. It is written in the
format of Qt's ``QSettings`` IniFormat (which wrote it before this module existed):
``[group]`` sections, ``key=value`` lines, Qt's quoting and escapes, ``@@`` before a
text that starts with ``@``; entries this version does not know are kept as they
are. The file is not encrypted: settings hold ids and choices, never case text (no
names, no card text, no search words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from familymeeting.domain.caseload import DEFAULT_QUIET_WEEKS
from familymeeting.domain.errors import UserError
from familymeeting.storage.atomic import write_atomic

T = TypeVar("T", int, str, bool)

SETTINGS_FILENAME = "settings.ini"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context`` (lupdate reads it); returns it as is."""
    return text


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str  # "group/name", as QSettings names it
    type: type[T]
    default: T
    title: str  # source text, translated in the "Settings" context
    choices: tuple[T, ...] = ()  # the allowed values; empty: any value of the type


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

# Read by the window (at start and when chosen) and by ``familymeeting log``.
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

# The caseload flags a family without a meeting in this many weeks (the start screen
# and ``familymeeting caseload``).
QUIET_WEEKS: Setting[int] = Setting(
    "caseload/quiet_weeks",
    int,
    DEFAULT_QUIET_WEEKS,
    QT_TRANSLATE_NOOP("Settings", "Flag families without a meeting for"),
    (2, 4, 6, 8, 12),
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
    QUIET_WEEKS,
)


class Settings:
    """Typed access to the declared settings of one data dir.

    A value that is missing, of the wrong type or not one of the choices reads as the
    default. ``set`` writes the file at once (atomically), merged with what another
    instance or process wrote meanwhile; if it cannot be written (a full disk, a
    read-only folder), the value still holds for this instance, as QSettings did.
    Reading never creates the file.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / SETTINGS_FILENAME
        self._stamp: tuple[int, int, int] | None = None
        self._raw: dict[str, str] = {}  # key -> the value as written in the file
        self._pending: dict[str, str] = {}  # written values the file did not take

    def get(self, setting: Setting[T]) -> T:
        raw = self._values().get(setting.key)
        if raw is None:
            return setting.default
        value = parse_value(raw, setting.type)
        if value is None or (setting.choices and value not in setting.choices):
            return setting.default
        return value

    def set(self, setting: Setting[T], value: T) -> None:
        if not isinstance(value, setting.type):
            raise TypeError(f"{setting.key} takes {setting.type.__name__}")
        self._reload()
        self._raw[setting.key] = format_value(value)
        try:
            write_atomic(self.path, write_ini(self._raw).encode("utf-8"))
        except UserError:
            self._pending[setting.key] = self._raw[setting.key]
            return
        self._pending.pop(setting.key, None)
        self._stamp = _stamp(self.path)

    def _values(self) -> dict[str, str]:
        if _stamp(self.path) != self._stamp:
            self._reload()
        return self._raw

    def _reload(self) -> None:
        self._stamp = _stamp(self.path)
        try:
            text = self.path.read_bytes().decode("utf-8", errors="replace")
        except OSError:
            text = ""
        self._raw = {**read_ini(text), **self._pending}


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """What tells a changed file: each write is a new file (renamed into place)."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


# ------------------------------------------------------------ the file format
# Qt's IniFormat (qsettings.cpp: iniEscapedString, iniUnescapedStringList,
# variantToString, stringToVariant), for the values settings hold: text, whole
# numbers and true/false.

GENERAL = "General"  # the section of keys without a group
_ESCAPES = {
    "\a": "\\a",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\v": "\\v",
    '"': '\\"',
    "\\": "\\\\",
}
_UNESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    '"': '"',
    "?": "?",
    "'": "'",
    "\\": "\\",
}
_HEX = "0123456789abcdefABCDEF"
_OCT = "01234567"
_INT = re.compile(r"[+-]?[0-9]+")


def read_ini(text: str) -> dict[str, str]:
    """``{"group/key": raw value}`` from the text of an INI file QSettings could write.

    Lines that are neither a section, nor ``key=value``, nor a comment (``;``) are skipped.
    """
    values: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip()
            section = "" if section == GENERAL else section
            continue
        name, equals, raw = line.partition("=")
        name = name.strip().replace("\\", "/")
        if not equals or not name:
            continue
        values[f"{section}/{name}" if section else name] = raw.strip(" \t")
    return values


def write_ini(values: dict[str, str]) -> str:
    """The INI text of ``{"group/key": raw value}``, grouped and sorted as QSettings does."""
    sections: dict[str, dict[str, str]] = {}
    for key, raw in values.items():
        section, slash, name = key.partition("/")
        if not slash:
            section, name = GENERAL, key
        sections.setdefault(section, {})[name.replace("/", "\\")] = raw
    order = sorted(sections, key=lambda s: (s != GENERAL, s))
    blocks = [
        f"[{section}]\n"
        + "".join(f"{n}={sections[section][n]}\n" for n in sorted(sections[section]))
        for section in order
    ]
    return "\n".join(blocks)


def format_value(value: int | str | bool) -> str:
    """A value as QSettings writes it: true/false, a number, or escaped text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return escape_text("@" + value if value.startswith("@") else value)


def parse_value(raw: str, kind: type[T]) -> T | None:
    """The value of ``raw`` as ``kind``, or None if it is not one."""
    text = unescape_text(raw)
    if text is None:
        return None  # a list ("a, b"): no setting holds one
    if text.startswith("@"):
        if text.startswith("@@"):
            text = text[1:]
        elif text.startswith("@String(") and text.endswith(")"):
            text = text[len("@String(") : -1]
        else:
            return None  # @Invalid(), @ByteArray(...), @Variant(...): not ours
    if kind is bool:
        return text.lower() in ("true", "1")
    if kind is int:
        return int(text) if _INT.fullmatch(text) else None  # type: ignore[return-value]
    return text  # type: ignore[return-value]


def escape_text(text: str) -> str:
    """Qt's iniEscapedString: escapes, and quotes where ; , = or outer spaces need them."""
    out: list[str] = []
    quote = False
    escape_next_if_hex = False
    for ch in text:
        if ch in ";,=":
            quote = True
        if escape_next_if_hex and ch in _HEX:
            out.append(f"\\x{ord(ch):x}")
            continue
        escape_next_if_hex = False
        if ch == "\0":
            out.append("\\0")
            escape_next_if_hex = True
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) <= 0x1F:
            out.append(f"\\x{ord(ch):x}")
            escape_next_if_hex = True
        else:
            out.append(ch)
    result = "".join(out)
    if quote or result.startswith(" ") or result.endswith(" "):
        result = f'"{result}"'
    return result


def unescape_text(raw: str) -> str | None:
    """Qt's iniUnescapedStringList for one value: the text, or None for a list."""
    parts: list[str] = []
    current: list[str] = []
    quoted_now = False  # inside "…"
    quoted = False  # this part had quotes: its trailing spaces are kept
    keep = 0  # characters of ``current`` trailing-space chopping may not remove
    raw = raw.lstrip(" \t")
    i, n = 0, len(raw)

    def chop() -> None:
        while len(current) > keep and current[-1] in " \t":
            current.pop()

    while i < n:
        ch = raw[i]
        if ch == "\\":
            i += 1
            if i >= n:
                break
            esc = raw[i]
            i += 1
            if esc in _UNESCAPES:
                current.append(_UNESCAPES[esc])
            elif esc == "x" and i < n and raw[i] in _HEX:
                j = i
                while j < n and raw[j] in _HEX:
                    j += 1
                current.append(chr(int(raw[i:j], 16) & 0xFFFF))
                i = j
            elif esc in _OCT:
                j = i
                while j < n and raw[j] in _OCT:
                    j += 1
                current.append(chr(int(raw[i - 1 : j], 8) & 0xFFFF))
                i = j
            keep = len(current)
        elif ch == '"':
            i += 1
            quoted = True
            quoted_now = not quoted_now
            if not quoted_now:
                while i < n and raw[i] in " \t":
                    i += 1
        elif ch == "," and not quoted_now:
            if not quoted:
                chop()
            parts.append("".join(current))
            current.clear()
            keep = 0
            quoted = False
            i += 1
            while i < n and raw[i] in " \t":
                i += 1
        elif ch == ";" and not quoted_now:
            break  # a comment to the end of the line
        else:
            current.append(ch)
            i += 1
    if not quoted:
        chop()
    if parts:
        return None
    return "".join(current)
