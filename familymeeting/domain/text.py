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
