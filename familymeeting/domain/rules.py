"""Limits and value rules shared by the services, the case-file importer and the UI."""

from __future__ import annotations

import unicodedata
from datetime import date

from familymeeting.domain.errors import ValidationError

RATING_MIN = 1
RATING_MAX = 10

# Generous limits: a real card is a sentence or a paragraph; these stop absurd
# input (a pasted file, 50 MB of text) long before it can hurt the board or the plan.
DISPLAY_NAME_MAX = 200
NAME_MAX = 200
PHONE_MAX = 50
PLACE_MAX = 300
NOTES_MAX = 50_000
CARD_TEXT_MAX = 10_000
QUESTION_TEXT_MAX = 1_000
ANCHOR_MAX = 200
COMMENT_MAX = 2_000
ACTION_TEXT_MAX = 2_000
WHO_TEXT_MAX = 200
DUE_TEXT_MAX = 200
# The caseworker's record of a meeting (never on the family's plan).
ASSESSMENT_MAX = 20_000
MINUTES_MAX = 50_000
OTHER_ATTENDEES_MAX = 2_000

BIRTH_YEAR_MIN = 1900

_KEEP_IN_MULTILINE = {"\n", "\t"}

# Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069): in a name they can
# make "Jensen" display as another name, or turn the text around it in a list or the plan.
# ZWJ and ZWNJ are not among them: Farsi spelling and joined emoji need them.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def is_visible(text: str) -> bool:
    """True when ``text`` has something to see once format characters (zero-width,
    bidi marks) and spaces are set aside: what a required field must have."""
    return any(
        not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp")
        for ch in text
    )


def clean_text(
    value: str,
    field: str,
    max_len: int,
    *,
    required: bool = False,
    multiline: bool = False,
    name: bool = False,
) -> str:
    """Normalise text a person typed or imported, or refuse it.

    Removes control characters (keeping newlines and tabs in multi-line fields),
    lone surrogates and surrounding whitespace, and normalises to NFC so "æ"
    typed two ways compares equal. In a ``name`` the bidi controls go too. Required
    text with nothing visible (only spaces and zero-width or bidi characters) is
    refused. Raises ValidationError naming the field.
    """
    if not isinstance(value, str):
        raise ValidationError("value_not_text", field=field)
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if cat == "Cs" or (name and ch in BIDI_CONTROLS):
            continue
        if cat == "Cc" and not (multiline and ch in _KEEP_IN_MULTILINE):
            if ch in "\n\t":
                out.append(" ")
            continue
        out.append(ch)
    text = unicodedata.normalize("NFC", "".join(out)).strip()
    if required and not is_visible(text):
        raise ValidationError("value_required", field=field)
    if len(text) > max_len:
        raise ValidationError("value_too_long", field=field, max=max_len, length=len(text))
    return text


def validate_rating(value: int | None) -> int | None:
    """A rating is an integer 1-10, or None for an explicit "not answered"."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("rating_not_integer", value=repr(value))
    if not RATING_MIN <= value <= RATING_MAX:
        raise ValidationError("rating_out_of_range", value=value)
    return value


def validate_birth_year(value: int | None, today: date | None = None) -> int | None:
    if value is None:
        return None
    today = today or date.today()
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("birth_year_invalid", value=repr(value))
    if not BIRTH_YEAR_MIN <= value <= today.year:
        raise ValidationError("birth_year_invalid", value=value)
    return value


def age_in_year(birth_year: int, today: date | None = None) -> int:
    """The age a person reaches this calendar year (we store only the birth year)."""
    today = today or date.today()
    return today.year - birth_year


def clean_name_lines(value: str, field: str, max_len: int) -> str:
    """A list of names, one per line (the other professionals present at a meeting).

    Each line is cleaned like a name (control and bidi characters removed, so a line
    cannot turn the names around it); empty lines go.
    """
    text = clean_text(value, field, max_len, multiline=True)
    lines = (clean_text(line, field, max_len, name=True) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
