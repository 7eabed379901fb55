"""Text helpers that follow Danish conventions."""

from __future__ import annotations

import unicodedata

# Danish puts Æ, Ø, Å after Z, in that order; code points would give Å, Æ, Ø.
_DANISH_LAST = {"æ": "\U000f0001", "ø": "\U000f0002", "å": "\U000f0003"}


def sort_key(text: str) -> str:
    """A key that sorts names as a Danish reader expects, ignoring case and accents."""
    folded = text.casefold()
    for letter, stand_in in _DANISH_LAST.items():
        folded = folded.replace(letter, stand_in)
    # "å" may arrive as a + combining ring; fold that first.
    folded = folded.replace("a\u030a", _DANISH_LAST["å"])
    stripped = "".join(
        ch for ch in unicodedata.normalize("NFD", folded) if not unicodedata.combining(ch)
    )
    return stripped


# Characters no file system we ship to accepts in a name (Windows is the strictest),
# and the names Windows keeps for devices.
_NOT_IN_FILE_NAMES = set('<>:"/\\|?*')
_WINDOWS_DEVICES = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
FILE_NAME_MAX = 120  # characters before the extension: room for long family names


def file_name(text: str, *, fallback: str = "plan") -> str:
    """``text`` as a file name (no extension) that Windows, macOS and Linux all accept.

    Control characters and reserved characters become spaces, runs of spaces one,
    trailing dots and spaces go (Windows drops them silently), a device name such as
    "CON" gets an underscore, and the length is capped. Letters of every script stay.
    """
    chars = []
    for ch in unicodedata.normalize("NFC", text):
        bad = ch in _NOT_IN_FILE_NAMES or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")
        chars.append(" " if bad or ch.isspace() else ch)
    name = " ".join("".join(chars).split())[:FILE_NAME_MAX].rstrip(" .")
    if not name:
        return fallback
    if name.split(".")[0].casefold() in _WINDOWS_DEVICES:
        name = f"_{name}"
    return name
