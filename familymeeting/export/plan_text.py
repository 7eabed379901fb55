"""The plan's own words, in the plan's language.

The plan is written in the family's language, which need not be the language
of the app on the caseworker's laptop, so these are not Qt translations: they
are the plan catalogues in ``familymeeting/domain/plan_catalogue/`` (one JSON
file per language, each with a note on who produced it). Words are warm and
plain: the page hangs on a fridge and is read by parents and children, not by
a case file system.
"""

from __future__ import annotations

from familymeeting.domain.languages import PLAN_LANGUAGES, is_rtl
from familymeeting.domain.plan import date_words, datetime_words, join_names, time_words
from familymeeting.domain.plan_catalogue import catalogue

NO_BREAK = "\u00a0"

__all__ = [
    "PLAN_LANGUAGES",
    "date_words",
    "datetime_words",
    "is_rtl",
    "join_names",
    "kept_together",
    "label",
    "more_left_out",
    "others",
    "text",
    "time_words",
]


def text(key: str, lang: str, **params: object) -> str:
    """The wording for ``key`` in the plan's language (Danish when unknown)."""
    return catalogue(lang).text(key, **params)


def kept_together(key: str, lang: str, **params: str) -> str:
    """A short label with what it labels, never broken across lines: "Ikke enig:
    Karsten", not "Ikke" | "enig: Karsten". Only the wording's own spaces are kept
    together; a list of names in ``params`` still breaks after a comma or "og"."""
    words = catalogue(lang)
    template = words.texts[key].replace(" ", NO_BREAK)
    return template.format(**params)


def label(key: str, lang: str) -> str:
    """A heading that introduces what follows: "Hvem var med:"."""
    words = catalogue(lang)
    return words.text("label", label=words.text(key))


def more_left_out(count: int, lang: str) -> str:
    """ "+ 12 mere – spørg jeres rådgiver": what the page had no room for.

    The family reads it at home, where there is no board: it tells them who
    has the rest, in words that make sense on paper.
    """
    return catalogue(lang).count("more_left_out", count)


def others(count: int, lang: str) -> str:
    """ "3 andre": the people left out of a list of names."""
    return catalogue(lang).count("others", count)
