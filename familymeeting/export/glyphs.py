"""Text made printable in the PDFs' fonts, and the canvas every PDF starts from. No Qt.

The family's plan (``export.plan``) and the caseworker's record (``export.record``)
print the same way: control characters removed, a character no embedded font has a
glyph for shown as a visible placeholder (and reported), and a deterministic
document (the same content gives the same bytes).
"""

from __future__ import annotations

import io
import unicodedata
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

CREATOR = "familymeeting"
PLACEHOLDER = "\u25a1"  # WHITE SQUARE: visibly "a character we could not print"

# ------------------------------------------------------------------- cleaning
# Marks that only modify the character before them (emoji variation selectors,
# skin tones, joiners, tags): after a placeholder they would only add noise.
_JOINER = "\u200d"


def _is_modifier(ch: str) -> bool:
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Cf")
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F
    )


class Glyphs:
    """Makes text printable with our font and remembers what it could not show."""

    def __init__(self, available: frozenset[int]) -> None:
        # Printable: some font family has it in both weights (names appear in bold too).
        self.available = available
        self.missing: dict[str, None] = {}  # ordered set, first seen first
        self._plain: set[str] = set()  # characters known to print as they are

    def _all_plain(self, chars: set[str]) -> bool:
        for ch in chars - self._plain:
            if (
                unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp")
                or ord(ch) not in self.available
            ):
                return False
            self._plain.add(ch)
        return True

    def clean(self, text: str, *, multiline: bool = False) -> str:
        """Remove control characters; replace characters without a glyph by a placeholder."""
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        if self._all_plain(set(text) - ({"\n"} if multiline else set())):
            return text.strip()  # the common case, without a loop over every character
        out: list[str] = []
        after_placeholder = False  # inside an emoji sequence we could not print
        joined = False
        for ch in text:
            cat = unicodedata.category(ch)
            if ch == "\n" or cat in ("Zl", "Zp"):
                out.append("\n" if multiline else " ")
                after_placeholder = joined = False
                continue
            if cat in ("Cc", "Cs"):
                if ch == "\t":
                    out.append(" ")
                continue
            if cat == "Zs":
                out.append(ch if ord(ch) in self.available else " ")
                after_placeholder = joined = False
                continue
            if ord(ch) in self.available and not (after_placeholder and _is_modifier(ch)):
                out.append(ch)
                after_placeholder = joined = False
                continue
            if after_placeholder and (_is_modifier(ch) or joined):
                # Part of the sequence already shown as one placeholder.
                joined = ch == _JOINER
                if ord(ch) not in self.available and not _is_modifier(ch):
                    self.missing.setdefault(ch, None)
                continue
            if _is_modifier(ch):
                continue  # an invisible mark the font lacks: nothing to show, nothing lost
            self.missing.setdefault(ch, None)
            out.append(PLACEHOLDER)
            after_placeholder, joined = True, False
        return "".join(out).strip()


def new_canvas(
    buffer: io.BytesIO,
    *,
    lang: str,
    font: str,
    size: float,
    title: str,
    subject: str,
    dated: datetime,
) -> Canvas:
    """An A4 canvas that writes the same bytes for the same content: ReportLab's
    invariant mode fixes the document id, and the date is the meeting's own (invariant
    mode alone would date every document 1 January 2000)."""
    canvas = Canvas(
        buffer,
        pagesize=A4,
        invariant=1,
        pageCompression=1,
        lang=lang,
        initialFontName=font,
        initialFontSize=size,
    )
    canvas.setTitle(title)
    canvas.setAuthor(CREATOR)
    canvas.setCreator(CREATOR)
    canvas.setSubject(subject.replace("\u00a0", " "))
    stamp = dated.strftime("D:%Y%m%d%H%M%S")
    canvas.setDateFormatter(lambda *_: stamp)
    canvas.setViewerPreference("DisplayDocTitle", "true")
    return canvas


__all__ = ["CREATOR", "PLACEHOLDER", "Glyphs", "new_canvas"]
