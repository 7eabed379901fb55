"""Text in every script the plan prints: a font per script, shaping, bidi. No Qt.

ReportLab draws a string in one font, left to right, letter by letter. A family's
plan needs more than that:

- A line mixes scripts (an Arabic plan with a Danish name in it, a Danish plan
  with a card in Tigrinya), so each run of text is set in the font of its script:
  DejaVu Sans for Latin, Cyrillic and Greek, Noto Naskh Arabic for Arabic, Farsi
  and Urdu, Noto Sans Ethiopic for Tigrinya. Digits, spaces and punctuation stay
  in the font of the text around them.
- Arabic letters take their shape from their neighbours. Runs in the Arabic font
  are shaped with HarfBuzz (``uharfbuzz``) and drawn through ReportLab's support
  for shaped text (:class:`~reportlab.pdfbase.ttfonts.ShapedStr`).
- Right-to-left text is wrapped in logical (reading) order; each wrapped line is
  then put in visual order with the Unicode bidi algorithm (``python-bidi``,
  per line as rule L2 requires), so a Danish name or a phone number inside an
  Arabic line still reads left to right. ReportLab's own right-to-left support
  needs ``rlbidi``, which is not on PyPI for our platforms.

Glyphs are written in visual order, as PDF readers expect; their Unicode mapping
(ToUnicode) is the letter's presentation form where Unicode has one and the
original letters otherwise, so copying or extracting the text gives the words
back in reading order.

:class:`RichText` is a paragraph flowable (wrapping, a bullet, alignment to the
start or end of the page's direction); :func:`measure_line` and :func:`draw_line`
set one line, for the scales' labels.
"""

from __future__ import annotations

import copy
import itertools
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uharfbuzz as hb  # type: ignore[import-untyped]
from bidi import algorithm as uba  # type: ignore[import-untyped]
from bidi.mirror import MIRRORED  # type: ignore[import-untyped]
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, ShapeData, ShapedStr, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from familymeeting.assets import resource

# ------------------------------------------------------------------- fonts
LATIN, ARABIC, ETHIOPIC = 0, 1, 2
FAMILY_FILES: dict[int, tuple[str, str, str, str]] = {
    # family: (regular name, bold name, regular file, bold file)
    LATIN: ("FamilyMeetingSans", "FamilyMeetingSans-Bold", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ARABIC: (
        "FamilyMeetingArabic",
        "FamilyMeetingArabic-Bold",
        "NotoNaskhArabic-Regular.ttf",
        "NotoNaskhArabic-Bold.ttf",
    ),
    ETHIOPIC: (
        "FamilyMeetingEthiopic",
        "FamilyMeetingEthiopic-Bold",
        "NotoSansEthiopic-Regular.ttf",
        "NotoSansEthiopic-Bold.ttf",
    ),
}
SHAPED_FAMILIES = frozenset({ARABIC})
# Naskh letters are small for their point size next to DejaVu Sans (whose x-height is
# large): Arabic is set this much larger, so that both read at the same size; the
# fine strokes that tell Ethiopic syllables apart get a little more room too.
SIZE_FACTOR = {ARABIC: 1.2, ETHIOPIC: 1.1}
# Naskh letters (at SIZE_FACTOR) reach higher and lower than Latin ones: a line
# with Arabic in it is at least this tall (in ems of the paragraph's size), so
# that the tails of one line (ع, ي) do not touch the hamza on an alef below.
MIN_LEADING = {ARABIC: 1.55}
LATIN_ASCENT = 0.928  # DejaVu Sans, where ReportLab puts the first baseline

# Arabic, its supplement and extended-A blocks, presentation forms A and B.
_ARABIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
# Ethiopic, its supplement, extended and extended-A blocks.
_ETHIOPIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x1200, 0x139F),
    (0x2D80, 0x2DDF),
    (0xAB00, 0xAB2F),
)


def script_family(ch: str) -> int | None:
    """The font family a character's script needs, or None if any font may show it."""
    cp = ord(ch)
    if cp < 0x0600:
        return None
    if any(lo <= cp <= hi for lo, hi in _ARABIC_RANGES):
        return ARABIC
    if any(lo <= cp <= hi for lo, hi in _ETHIOPIC_RANGES):
        return ETHIOPIC
    return None


# Zero-width characters that steer shaping: non-joiner, joiner, direction marks.
_INVISIBLE = frozenset("\u200c\u200d\u200e\u200f\u061c")


@dataclass(frozen=True)
class _Shaped:
    """A run shaped by HarfBuzz: glyphs in visual order, ready for ReportLab to draw."""

    text: ShapedStr
    width: float  # in 1/1000 em
    sources: tuple[tuple[str, str], ...]  # (private character, the letters it shows)


class ShapingFont(TTFont):  # type: ignore[misc]
    """A TrueType font whose text is shaped with HarfBuzz before it is drawn.

    Each glyph HarfBuzz chooses is drawn through a character that ReportLab maps
    to it: the glyph's own character where the font's cmap has one (for Arabic,
    usually the presentation form, e.g. U+FEE3 for an initial meem), otherwise
    a private-use character added to the font's tables. The PDF's ToUnicode map
    of those private characters is rewritten to the letters they show
    (:meth:`addObjects`), so the text can be extracted and copied.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._hb = hb.Font(hb.Face(hb.Blob(Path(filename).read_bytes())))
        self._scale = 1000.0 / self._hb.face.upem
        self._lock = threading.Lock()
        # (glyph id, invisible character it stands for) -> private character
        self._private: dict[tuple[int, str], str] = {}
        self._private_chars: set[str] = set()
        self._cache: dict[tuple[str, bool], _Shaped] = {}

    def _char_for(self, gid: int, invisible: str) -> str:
        """The character to draw glyph ``gid`` with. ``invisible``: the zero-width
        character (a non-joiner in Farsi "می‌کنیم") HarfBuzz drew as an empty glyph;
        it gets a private character of its own, so that it extracts as itself and
        not as a space."""
        chars = self.face.glyphToChar.get(gid)
        if chars and not invisible:
            return chr(chars[0])
        found = self._private.get((gid, invisible))
        if found is None:
            code = 0xE000 + len(self._private)
            while code in self.face.charToGlyph:
                code += 1
            if code > 0xF8FF:  # pragma: no cover - a font has far fewer glyphs
                raise ValueError(f"{self.fontName}: no private character left")
            self.face.charToGlyph[code] = gid
            if not invisible:  # the glyph's own character from now on
                self.face.glyphToChar.setdefault(gid, []).append(code)
            self.face.charWidths[code] = self._hb.get_glyph_h_advance(gid) * self._scale
            found = self._private[gid, invisible] = chr(code)
            self._private_chars.add(found)
        return found

    def shape(self, text: str, rtl: bool) -> _Shaped:
        """Shape one run (logical order) in one direction; cached."""
        key = (text, rtl)
        found = self._cache.get(key)
        if found is not None:
            return found
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        buf.direction = "rtl" if rtl else "ltr"  # the bidi level decides, not the script
        buf.cluster_level = hb.BufferClusterLevel.MONOTONE_CHARACTERS
        hb.shape(self._hb, buf)
        infos, positions = buf.glyph_infos, buf.glyph_positions
        starts = [*sorted({info.cluster for info in infos}), len(text)]
        cluster_end = dict(itertools.pairwise(starts))
        s = self._scale
        chars: list[str] = []
        data: list[ShapeData] = []
        sources: dict[str, str] = {}
        width = 0.0
        with self._lock:
            for info, pos in zip(infos, positions, strict=True):
                letters = text[info.cluster : cluster_end[info.cluster]]
                invisible = letters if letters in _INVISIBLE and not pos.x_advance else ""
                ch = self._char_for(info.codepoint, invisible)
                chars.append(ch)
                if ch in self._private_chars and ch not in sources:
                    sources[ch] = letters
                advance = pos.x_advance * s
                width += advance
                data.append(
                    ShapeData(
                        info.cluster,
                        advance,
                        pos.y_advance * s,
                        pos.x_offset * s,
                        pos.y_offset * s,
                        self.face.charWidths[ord(ch)],
                    )
                )
        shaped = _Shaped(ShapedStr("".join(chars), shapeData=data), width, tuple(sources.items()))
        if len(self._cache) > 20_000:
            self._cache.clear()
        self._cache[key] = shaped
        return shaped

    def remember(self, canvas: Canvas, shaped: _Shaped) -> None:
        """Note, for this PDF, which letters the private characters of a run show."""
        if not shaped.sources:
            return
        state = self._assignState(canvas._doc)
        known: dict[str, str] = state.__dict__.setdefault("fm_sources", {})
        for ch, letters in shaped.sources:
            known.setdefault(ch, letters)  # the first use in this document decides

    def addObjects(self, doc: Any) -> None:  # ReportLab's name
        state = self.state.get(doc)  # ReportLab forgets it once the objects are made
        super().addObjects(doc)
        known: dict[str, str] = state.__dict__.get("fm_sources", {}) if state else {}
        if not known:
            return
        face = self.face
        for n, subset in enumerate(state.subsets):
            base = b"".join((SUBSETN(n), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject.get("toUnicodeCMap:" + base)
            if stream is None or not any(chr(code) in known for code in subset):
                continue
            stream.content = _to_unicode_cmap(base, [known.get(chr(c), chr(c)) for c in subset])


def _to_unicode_cmap(fontname: str, texts: Sequence[str]) -> str:
    """A ToUnicode CMap mapping each code of a subset to its text (UTF-16BE, may be long)."""

    def utf16(text: str) -> str:
        return text.encode("utf-16-be").hex().upper()

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(texts) - 1:02X}>",
            "endcodespacerange",
            f"{len(texts)} beginbfchar",
            *(f"<{i:02X}> <{utf16(t)}>" for i, t in enumerate(texts)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class Fonts:
    """The plan's fonts, registered with ReportLab once per process."""

    def __init__(self) -> None:
        self.names: dict[tuple[int, bool], str] = {}
        self.cover: dict[int, frozenset[int]] = {}
        for family, (regular, bold, regular_file, bold_file) in FAMILY_FILES.items():
            maps = []
            faces = ((regular, regular_file, False), (bold, bold_file, True))
            for name, filename, is_bold in faces:
                path = str(resource("fonts", filename))
                font = ShapingFont(name, path) if family in SHAPED_FAMILIES else TTFont(name, path)
                pdfmetrics.registerFont(font)
                self.names[family, is_bold] = name
                # A snapshot, before private characters are added for shaped glyphs.
                maps.append(frozenset(font.face.charToGlyph))
            pdfmetrics.registerFontFamily(
                regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
            )
            # Printable in a family only if both weights have it (names appear in bold too).
            self.cover[family] = maps[0] & maps[1]
        self.printable: frozenset[int] = frozenset().union(*self.cover.values())
        self.shaping = {
            name: font
            for name in self.names.values()
            if isinstance(font := pdfmetrics.getFont(name), ShapingFont)
        }

    def family_of(self, text: str) -> list[int]:
        """The font family for each character: its script's, else the one around it."""
        out: list[int] = []
        current: int | None = None
        cover = self.cover
        for ch in text:
            cp = ord(ch)
            family = script_family(ch)
            if family is None or cp not in cover[family]:
                if current is not None and cp in cover[current] and not _is_letter(ch):
                    family = current  # digits, spaces, marks: stay in the run's font
                elif cp in cover[LATIN]:
                    family = LATIN
                else:
                    family = next((f for f in cover if cp in cover[f]), LATIN)
            out.append(family)
            current = family
        return out


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "L"


_fonts: Fonts | None = None
_fonts_lock = threading.Lock()


def fonts() -> Fonts:
    """Register the plan's fonts (once; ReportLab's registry is global) and return them."""
    global _fonts
    with _fonts_lock:
        if _fonts is None:
            _fonts = Fonts()
        return _fonts


# ------------------------------------------------------------------- bidi
_RTL_CLASSES = frozenset({"R", "AL"})


def has_rtl(text: str) -> bool:
    """True if the text has a right-to-left letter (and so needs the bidi algorithm)."""
    return any(ord(ch) >= 0x0590 and unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def base_is_rtl(text: str, default: bool) -> bool:
    """The text's own direction: that of its first strong letter (rules P2, P3)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return False
        if kind in _RTL_CLASSES:
            return True
    return default


# Explicit embeddings (LRE, RLE, LRO, RLO, PDF) and isolates (LRI, RLI, FSI, PDI)
# steer the algorithm and are never drawn.
CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_INITIATORS = frozenset((LRI, RLI, FSI))
_NEUTRAL = "\ufffc"  # what an isolate is to the text around it (class ON)
_OPENING = dict(
    zip(
        "([{\u2045\u207d\u208d\u2329\u27e8\u3008\u300a\uff08\uff3b\uff5b",
        ")]}\u2046\u207e\u208e\u232a\u27e9\u3009\u300b\uff09\uff3d\uff5d",
        strict=True,
    )
)
_CLOSING = frozenset(_OPENING.values())


def isolated(text: str, rtl: bool) -> str:
    """``text`` as an isolate of its own direction (LRI or RLI ... PDI), so that a
    name like "Familien Holm (demo)" keeps its order inside a line of the other
    direction, and a list of such names keeps the order of the line."""
    return f"{RLI if rtl else LRI}{text}{PDI}" if text else text


def _strong(kind: str) -> str | None:
    if kind == "L":
        return "L"
    return "R" if kind in ("R", "AL", "EN", "AN") else None


def _paired_brackets(chars: list[dict[str, Any]]) -> None:
    """Rule N0 (bracket pairs), which python-bidi's Python algorithm predates.

    A pair of brackets takes the direction of the text inside it, so that
    "(mor)" after a Danish name in an Arabic line stays "(mor)" rather than
    losing its closing bracket to the other end of the name.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int, int]] = []
    for i, c in enumerate(chars):
        if c["type"] != "ON":
            continue
        if c["ch"] in _OPENING:
            if len(stack) == 63:
                break
            stack.append((_OPENING[c["ch"]], i, c["level"]))
        elif c["ch"] in _CLOSING:
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == c["ch"] and stack[k][2] == c["level"]:
                    pairs.append((stack[k][1], i))
                    del stack[k:]
                    break
    for opening, closing in sorted(pairs):
        level = chars[opening]["level"]
        embedding = "R" if level % 2 else "L"
        inside = {_strong(chars[k]["type"]) for k in range(opening + 1, closing)} - {None}
        if not inside:
            continue
        kind = embedding
        if embedding not in inside:
            before = embedding  # the start of the run: its embedding direction
            for k in range(opening - 1, -1, -1):
                if chars[k]["level"] < level:
                    break
                found = _strong(chars[k]["type"])
                if found:
                    before = found
                    break
            kind = before  # the other direction only if the text before is of it too
        chars[opening]["type"] = chars[closing]["type"] = kind


_levels_cache: dict[tuple[str, bool], tuple[int, ...]] = {}


def bidi_levels(text: str, rtl: bool) -> tuple[int, ...]:
    """Resolved embedding levels of one line (rules X1-I2, N0 and L1), per character.

    Characters the algorithm removes (X9: embedding controls, joiners) get the
    level of the character before them, so that a zero-width non-joiner stays in
    its word.
    """
    key = (text, rtl)
    found = _levels_cache.get(key)
    if found is not None:
        return found
    if _INITIATORS.intersection(text) or PDI in text:
        found = _isolates(text, rtl)
    else:
        found = _levels(text, rtl)
    if len(_levels_cache) > 20_000:
        _levels_cache.clear()
    _levels_cache[key] = found
    return found


def _isolates(text: str, rtl: bool) -> tuple[int, ...]:
    """Levels of a line with isolates (UBA 6.3, which python-bidi's Python algorithm
    predates): each isolate is one neutral character to the line around it, and
    its text gets levels of its own, above the line's."""
    outer: list[str] = []
    spans: list[tuple[int, int, str]] = []  # (start, end incl. PDI, initiator)
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _INITIATORS:
            depth, j = 1, i + 1
            while j < len(text) and depth:
                depth += text[j] in _INITIATORS
                depth -= text[j] == PDI
                j += 1
            spans.append((i, j, ch))
            outer.append(_NEUTRAL)
            i = j
        else:
            outer.append(_NEUTRAL if ch == PDI else ch)
            i += 1
    outer_levels = _levels("".join(outer), rtl)
    base = 1 if rtl else 0
    levels: list[int] = []
    k = 0  # index into outer
    i = 0
    for start, end, initiator in [*spans, (len(text), len(text), "")]:
        while i < start:
            levels.append(outer_levels[k])
            i += 1
            k += 1
        if not initiator:
            break
        closed = text[end - 1] == PDI and end - 1 > start
        inner = text[start + 1 : end - 1 if closed else end]
        inner_rtl = initiator == RLI or (initiator == FSI and base_is_rtl(inner, False))
        # LRI: the least even level above the line's; RLI: the least odd one.
        lift = (base + 2) & ~1 if not inner_rtl else (base + 1) | 1
        own = bidi_levels(inner, inner_rtl)
        levels.append(outer_levels[k])  # the initiator
        levels.extend(level - (1 if inner_rtl else 0) + lift for level in own)
        if closed:
            levels.append(outer_levels[k])  # the PDI
        i = end
        k += 1
    return tuple(levels)


def _levels(text: str, rtl: bool) -> tuple[int, ...]:
    base = 1 if rtl else 0
    storage = uba.get_empty_storage()
    storage["base_level"] = base
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(text, storage)
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    _paired_brackets(storage["chars"])
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    kept = iter(storage["chars"])
    levels: list[int] = []
    for ch in text:
        if unicodedata.bidirectional(ch) in uba.X9_REMOVED:
            levels.append(levels[-1] if levels else base)
        else:
            levels.append(int(next(kept)["level"]))
    # L1: white space at the end of the line takes the paragraph's level.
    i = len(text) - 1
    while i >= 0 and (text[i].isspace() or text[i] in CONTROLS):
        levels[i] = base
        i -= 1
    return tuple(levels)


def _reversed_visually(text: str) -> str:
    """A right-to-left run in a font that is not shaped: letters reversed (marks kept
    after their letter) and brackets mirrored."""
    clusters: list[str] = []
    for ch in text:
        if clusters and unicodedata.category(ch)[0] == "M":
            clusters[-1] += ch
        else:
            clusters.append(MIRRORED.get(ch, ch))
    return "".join(reversed(clusters))


# ------------------------------------------------------------------- spans
@dataclass(frozen=True)
class Span:
    """A piece of text in one style; None takes the paragraph's weight, colour, size."""

    text: str
    bold: bool | None = None
    colour: Color | None = None
    size: float | None = None


@dataclass(frozen=True)
class _Style:
    font: str
    size: float
    colour: Color
    family: int


@dataclass
class _Piece:
    text: str
    style: _Style
    width: float  # points


_width_cache: dict[tuple[str, str], float] = {}


def _width(text: str, style: _Style) -> float:
    """The width of ``text`` in points, shaped if its font is shaped."""
    key = (text, style.font)
    per_em = _width_cache.get(key)
    if per_em is None:
        if CONTROLS.intersection(text):
            text = "".join(ch for ch in text if ch not in CONTROLS)
        font = fonts().shaping.get(style.font)
        if font is not None:
            per_em = font.shape(text, has_rtl(text)).width
        else:
            per_em = pdfmetrics.stringWidth(text, style.font, 1000)
        if len(_width_cache) > 50_000:
            _width_cache.clear()
        _width_cache[key] = per_em
    return per_em * style.size / 1000


_segment_cache: dict[str, tuple[tuple[str, int], ...]] = {}


def _segments(text: str) -> tuple[tuple[str, int], ...]:
    """``text`` cut where the font family changes."""
    found = _segment_cache.get(text)
    if found is None:
        families = fonts().family_of(text)
        out: list[tuple[str, int]] = []
        start = 0
        for i in range(1, len(text) + 1):
            if i == len(text) or families[i] != families[start]:
                out.append((text[start:i], families[start]))
                start = i
        if len(_segment_cache) > 20_000:
            _segment_cache.clear()
        found = _segment_cache[text] = tuple(out)
    return found


_BREAK = None  # a forced line break between words
Word = list[_Piece]


def _words(spans: Sequence[Span], size: float, colour: Color, bold: bool) -> list[Word | None]:
    """The spans as words (pieces of styled text between spaces) and forced breaks."""
    names = fonts().names
    items: list[Word | None] = []
    word: Word = []
    for span in spans:
        span_size = span.size or size
        span_colour = span.colour or colour
        for text, family in _segments(span.text):
            weight = bold if span.bold is None else span.bold
            scaled = span_size * SIZE_FACTOR.get(family, 1.0)
            style = _Style(names[family, weight], scaled, span_colour, family)
            lines = text.split("\n")
            for n, line in enumerate(lines):
                if n:
                    if word:
                        items.append(word)
                        word = []
                    items.append(_BREAK)
                parts = line.split(" ")
                for k, part in enumerate(parts):
                    if k and word:
                        items.append(word)
                        word = []
                    if part:
                        word.append(_Piece(part, style, _width(part, style)))
    if word:
        items.append(word)
    return items


def _split_word(word: Word, width: float) -> list[Word]:
    """A word wider than the line, cut into pieces that fit (marks stay on their letter).

    Letters are measured one by one (exact for unshaped fonts, close enough for a
    shaped one), so a 2,000-letter "word" costs 2,000 look-ups, not a million.
    """
    chunks: list[Word] = []
    current: Word = []
    used = 0.0
    for piece in word:
        clusters: list[str] = []
        for ch in piece.text:
            if clusters and unicodedata.category(ch)[0] == "M":
                clusters[-1] += ch
            else:
                clusters.append(ch)
        part = ""
        for cluster in clusters:
            w = _width(cluster, piece.style)
            if used + w > width and (part or current):
                if part:
                    current.append(_Piece(part, piece.style, _width(part, piece.style)))
                chunks.append(current)
                current, used, part = [], 0.0, ""
            part += cluster
            used += w
        if part:
            current.append(_Piece(part, piece.style, _width(part, piece.style)))
    if current:
        chunks.append(current)
    return chunks


def _space(piece: _Piece) -> float:
    return _width(" ", piece.style)


@dataclass(frozen=True)
class _Run:
    text: str
    style: _Style
    rtl: bool


@dataclass(frozen=True)
class _Line:
    """One wrapped line: runs in visual order, left to right."""

    runs: tuple[tuple[_Run, Any, float], ...]  # run, what to draw, width in points
    width: float

    def height(self, size: float, leading: float) -> float:
        """The space from this line's top to the next line's: more for Arabic."""
        extra = max((MIN_LEADING.get(r.style.family, 0.0) for r, _, _ in self.runs), default=0)
        return max(leading, extra * size)


def _line(words: Sequence[Word], base_rtl: bool, bidi: bool, opened: str = "") -> _Line:
    """Put one line's words in visual order and get each run ready to draw.

    ``opened``: the isolates a line before this one opened and did not close (a
    name wrapped over two lines), so that its second half keeps its direction.
    """
    segments: list[tuple[str, _Style]] = []
    for n, word in enumerate(words):
        for piece in word:
            if segments and segments[-1][1] == piece.style:
                segments[-1] = (segments[-1][0] + piece.text, piece.style)
            else:
                segments.append((piece.text, piece.style))
        if n < len(words) - 1:
            text, style = segments[-1]
            segments[-1] = (text + " ", style)  # the space between words, in the font before it
    runs: list[tuple[str, _Style, int]] = []
    if bidi and segments:
        full = opened + "".join(text for text, _ in segments)
        levels = bidi_levels(full, base_rtl)[len(opened) :]
        i = 0
        for text, style in segments:
            start = 0
            for k in range(1, len(text) + 1):
                if k == len(text) or levels[i + k] != levels[i + start]:
                    runs.append((text[start:k], style, levels[i + start]))
                    start = k
            i += len(text)
        # L2: from the highest level to the lowest odd one, reverse every sequence of
        # runs at that level or higher.
        highest = max(level for _, _, level in runs)
        odd = [level for _, _, level in runs if level % 2]
        for level in range(highest, min(odd, default=highest + 1) - 1, -1):
            k = 0
            while k < len(runs):
                if runs[k][2] >= level:
                    end = k
                    while end < len(runs) and runs[end][2] >= level:
                        end += 1
                    runs[k:end] = runs[k:end][::-1]
                    k = end
                else:
                    k += 1
    else:
        runs = [(text, style, 0) for text, style in segments]
    shaping = fonts().shaping
    drawn: list[tuple[_Run, Any, float]] = []
    for text, style, level in runs:
        if CONTROLS.intersection(text):
            text = "".join(ch for ch in text if ch not in CONTROLS)
            if not text:
                continue
        run = _Run(text, style, level % 2 == 1)
        font = shaping.get(style.font)
        if font is not None:
            shaped = font.shape(text, run.rtl)
            drawn.append((run, shaped, shaped.width * style.size / 1000))
        else:
            shown = _reversed_visually(text) if run.rtl else text
            drawn.append((run, shown, _width(text, style)))
    return _Line(tuple(drawn), sum(w for _, _, w in drawn))


def _draw(canvas: Canvas, x: float, y: float, line: _Line) -> None:
    """Draw a line's runs from ``x`` on the baseline ``y``, in one text object."""
    tx = canvas.beginText(x, y)
    current: tuple[str, float] | None = None
    colour: Color | None = None
    for run, shown, _ in line.runs:
        style = run.style
        # A shaped run always sets its font again: ReportLab (5.1) fails on a shaped
        # run whose first glyph is raised (a mark such as the fathatan in "جيداً")
        # unless the run starts with its font's operator.
        if current != (style.font, style.size) or isinstance(shown, _Shaped):
            tx.setFont(style.font, style.size)
            current = (style.font, style.size)
        if colour != style.colour:
            tx.setFillColor(style.colour)
            colour = style.colour
        if isinstance(shown, _Shaped):
            fonts().shaping[style.font].remember(canvas, shown)
            tx.textOut(shown.text)
        else:
            tx.textOut(shown)
    canvas.drawText(tx)


# ------------------------------------------------------------------- lines
def _needs_bidi(spans: Iterable[Span], base_rtl: bool) -> bool:
    return base_rtl or any(has_rtl(span.text) for span in spans)


def layout_line(
    spans: Sequence[Span], *, size: float, colour: Color, rtl: bool, bold: bool = False
) -> _Line:
    """One line of text (no wrapping), in visual order; ``rtl`` is its base direction."""
    words = [w for w in _words(spans, size, colour, bold) if w is not None]
    return _line(words, rtl, _needs_bidi(spans, rtl))


def measure_line(
    spans: Sequence[Span], *, size: float, colour: Color, rtl: bool, bold: bool = False
) -> float:
    """The width of one line of text in points."""
    return layout_line(spans, size=size, colour=colour, rtl=rtl, bold=bold).width


def draw_line(canvas: Canvas, x: float, y: float, line: _Line) -> None:
    """Draw a line from :func:`layout_line` with its left end at ``x`` on baseline ``y``."""
    _draw(canvas, x, y, line)


# ------------------------------------------------------------------- paragraphs
class RichText(Flowable):  # type: ignore[misc]
    """A paragraph of styled spans: wrapped, aligned, optionally with a bullet.

    ``page_rtl`` is the page's direction: it decides where "start" is (the left
    edge, or the right edge of an Arabic, Farsi or Urdu plan) and on which side
    the bullet hangs. ``rtl`` is the text's own direction; None takes it from
    the text's first letter, so the family's words read the way they were
    written, whatever the plan's language.
    """

    def __init__(
        self,
        spans: Sequence[Span],
        *,
        size: float,
        leading: float,
        colour: Color,
        bold: bool = False,
        page_rtl: bool = False,
        rtl: bool | None = None,
        align: str = "start",
        bullet: str | None = None,
        indent: float = 0.0,
    ) -> None:
        super().__init__()
        self.spans = tuple(s for s in spans if s.text)
        self.size = size
        self.colour = colour
        self.bold = bold
        self.page_rtl = page_rtl
        text = "".join(s.text for s in self.spans)
        self.rtl = base_is_rtl(text, page_rtl) if rtl is None else rtl
        self.bidi = _needs_bidi(self.spans, self.rtl)
        self.align = align
        self.bullet = bullet
        self.indent = indent if bullet else 0.0
        self.leading = leading
        self._items = _words(self.spans, size, colour, bold)
        self._wrapped: tuple[float, list[_Line]] | None = None

    def _lines(self, width: float) -> list[_Line]:
        if self._wrapped is not None and self._wrapped[0] == width:
            return self._wrapped[1]
        room = width - self.indent
        lines: list[list[Word]] = []
        current: list[Word] = []
        used = 0.0
        for item in self._items:
            if item is _BREAK:
                lines.append(current)
                current, used = [], 0.0
                continue
            w = sum(p.width for p in item)
            gap = _space(current[-1][-1]) if current else 0.0
            if current and used + gap + w > room + 1e-6:
                lines.append(current)
                current, used, gap = [], 0.0, 0.0
            if w > room + 1e-6:
                *full, last = _split_word(item, room)
                lines.extend([chunk] for chunk in full)
                current, used = [last], sum(p.width for p in last)
                continue
            current.append(item)
            used += gap + w
        if current or not lines:
            lines.append(current)
        if lines == [[]]:
            lines = []
        laid: list[_Line] = []
        opened: list[str] = []  # isolates still open at the start of the line
        for words in lines:
            laid.append(_line(words, self.rtl, self.bidi, "".join(opened)))
            if self.bidi:
                for ch in "".join(p.text for word in words for p in word):
                    if ch in _INITIATORS:
                        opened.append(ch)
                    elif ch == PDI and opened:
                        opened.pop()
        self._wrapped = (width, laid)
        return laid

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = sum(line.height(self.size, self.leading) for line in self._lines(availWidth))
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Break between lines where the frame ends (a document that flows onto more
        pages, such as the meeting record; the one-page plan never splits)."""
        lines = self._lines(availWidth)
        used, n = 0.0, 0
        for line in lines:
            height = line.height(self.size, self.leading)
            if used + height > availHeight + 1e-6:
                break
            used, n = used + height, n + 1
        if n == 0 or n == len(lines):
            return []
        first, rest = copy.copy(self), copy.copy(self)
        first._wrapped = (availWidth, lines[:n])
        rest._wrapped = (availWidth, lines[n:])
        rest.bullet = None  # the bullet belongs to the first line only
        return [first, rest]

    def _right_aligned(self) -> bool:
        return self.page_rtl != (self.align == "end")

    def draw(self) -> None:
        canvas = self.canv
        lines = self._lines(self.width)
        left = 0.0 if self.page_rtl else self.indent
        room = self.width - self.indent
        top = self.height
        for n, line in enumerate(lines):
            height = line.height(self.size, self.leading)
            # The baseline where ReportLab's Paragraph puts it, lowered by half of any
            # extra height the line's script needs.
            y = top - LATIN_ASCENT * self.size - (height - self.leading) / 2
            if n == 0 and self.bullet:
                bullet = layout_line(
                    [Span(self.bullet)], size=self.size, colour=self.colour, rtl=self.page_rtl
                )
                _draw(canvas, self.width - bullet.width if self.page_rtl else 0.0, y, bullet)
            x = left + (room - line.width if self._right_aligned() else 0.0)
            _draw(canvas, x, y, line)
            top -= height


__all__ = [
    "ARABIC",
    "ETHIOPIC",
    "LATIN",
    "Fonts",
    "RichText",
    "ShapingFont",
    "Span",
    "base_is_rtl",
    "bidi_levels",
    "draw_line",
    "fonts",
    "has_rtl",
    "isolated",
    "layout_line",
    "measure_line",
    "script_family",
]
