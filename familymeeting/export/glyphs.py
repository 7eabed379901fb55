"""Text made printable in the PDFs' fonts, and the canvas every PDF starts from. No Qt.

The family's plan (``export.plan``), the caseworker's record (``export.record``) and the
team report (``export.team_report``) print the same way: control characters removed, a
character no embedded font has a glyph for shown as a visible placeholder (and
reported), and a deterministic document (the same content gives the same bytes).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

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


def build_pages(
    out: io.BytesIO,
    story: list[Flowable],
    *,
    margins: tuple[float, float, float],
    footer: Callable[[Canvas, BaseDocTemplate], None],
    lang: str,
    font: str,
    size: float,
    title: str,
    subject: str,
    dated: datetime,
) -> int:
    """Flow ``story`` onto as many A4 pages as it needs (``margins``: left and right, top,
    bottom), ``footer`` drawn on each, on a canvas from new_canvas. Returns the pages.

    The template sets its title and subject on the canvas it is given, so they are the
    same as new_canvas's."""
    margin_x, top, bottom = margins
    width, height = A4
    frame = Frame(
        margin_x,
        bottom,
        width - 2 * margin_x,
        height - top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    subject = subject.replace("\u00a0", " ")
    template = BaseDocTemplate(
        out,
        pagesize=A4,
        leftMargin=margin_x,
        rightMargin=margin_x,
        topMargin=top,
        bottomMargin=bottom,
        pageTemplates=[PageTemplate(id="page", frames=[frame], onPage=footer)],
        title=title,
        subject=subject,
        author=CREATOR,
        creator=CREATOR,
        invariant=1,
        pageCompression=1,
        initialFontName=font,
        initialFontSize=size,
        lang=lang,
    )

    def make_canvas(filename: Any, **_: Any) -> Canvas:
        return new_canvas(
            out, lang=lang, font=font, size=size, title=title, subject=subject, dated=dated
        )

    template.build(story, canvasmaker=make_canvas)
    return int(template.page)
