"""The plan's fixed words, one catalogue per plan language. No Qt.

The plan is printed in the family's language, which need not be the language of
the app, so these are not Qt translations: each language is one JSON file here
(``da.json``, ``ar.json`` ...) that a translator can read and correct without
reading code. Every file has a ``_note`` saying who or what produced it and
whether a native speaker has reviewed it. The wording is warm and plain: the
page hangs on a fridge and is read by parents and children.

A catalogue holds:

- texts, with ``{placeholders}`` filled in by the plan (the same placeholders as
  Danish in every language);
- plurals (``more_left_out``, ``others``): one text per plural category of the
  language (CLDR: zero, one, two, few, many, other), chosen by :func:`plural`;
- ``weekdays`` (Monday first) and ``months`` (January first), in the form used in
  a date ("3 grudnia", not "grudzień"), and the ``date``/``time`` patterns.

Numbers are written with Western digits (0-9) in every language: phone numbers,
dates and the 1-10 scales then read the same on every plan, and families who
read Arabic-Indic digits also read these. A reviewer may change that per
language (see docs/plan.md).
"""

from __future__ import annotations

import json
import string
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from familymeeting.domain.languages import DEFAULT_LANGUAGE, PLAN_LANGUAGES

# Every catalogue has exactly these keys (tests/unit/test_plan_languages.py).
TEXT_KEYS: tuple[str, ...] = (
    "title",
    "meeting",
    "who_took_part",
    "needs_to_happen",
    "goal",
    "steps",
    "what",
    "who",
    "when",
    "overdue",
    "no_actions",
    "working_well",
    "worries",
    "nothing_yet",
    "whose",
    "agree",
    "disagree",
    "scales",
    "not_answered",
    "next_meeting",
    "not_agreed_yet",
    "caseworker",
    "phone",
    "subject",
    "label",
    "list_separator",
    "list_and",
    "date",
    "date_year",
    "time",
    "datetime",
    "news",
    "news_new",
    "news_done",
    "news_moved",
)
PLURAL_KEYS: tuple[str, ...] = ("more_left_out", "others")
# The child's own plan ("Min plan", export/child_plan.py): a section of its own,
# ``"child_plan": {...}``, in words a child of 10 reads; its own ``_note`` says who
# wrote it and whether a native speaker has read it.
CHILD_PLAN_KEYS: tuple[str, ...] = (
    "title",
    "for_child",
    "meeting",
    "grown_ups",
    "mine",
    "nothing",
    "when",
    "call",
    "caseworker",
    "phone",
    "my_words",
    "houses",
    "house_worries",
    "house_good_things",
    "house_dreams",
    "answers",
    "answer",
    "next_meeting",
    "not_agreed_yet",
    "more",
    "subject",
)
SECTION_KEYS: dict[str, tuple[str, ...]] = {"child_plan": CHILD_PLAN_KEYS}
LIST_KEYS: dict[str, int] = {"weekdays": 7, "months": 12}
META_KEYS: tuple[str, ...] = ("_note",)

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def _ones_few_many(n: int) -> str:
    """Polish and Ukrainian: 2-4 (not 12-14) is "few", 5+ and 11-14 "many"."""
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def plural(lang: str, n: int) -> str:
    """The CLDR plural category of a whole number ``n`` in ``lang``."""
    n = abs(n)
    if lang == "ar":
        if n in (0, 1, 2):
            return ("zero", "one", "two")[n]
        if 3 <= n % 100 <= 10:
            return "few"
        if 11 <= n % 100 <= 99:
            return "many"
        return "other"
    if lang == "pl":
        return "one" if n == 1 else _ones_few_many(n)
    if lang == "uk":
        return "one" if n % 10 == 1 and n % 100 != 11 else _ones_few_many(n)
    if lang in ("fa", "ti"):
        return "one" if n in (0, 1) else "other"  # CLDR: 0 and 1 take the singular
    return "one" if n == 1 else "other"


def categories(lang: str) -> tuple[str, ...]:
    """The plural categories a catalogue for ``lang`` must give, for whole numbers."""
    return tuple(c for c in PLURAL_CATEGORIES if c in {plural(lang, n) for n in range(200)})


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a text expects."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@dataclass(frozen=True)
class Catalogue:
    """One language's fixed words for the plan."""

    lang: str
    note: str
    texts: Mapping[str, str]
    plurals: Mapping[str, Mapping[str, str]]
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    child_plan: Mapping[str, str]
    child_plan_note: str = ""

    def child_text(self, key: str, **params: object) -> str:
        """A text of the child's own plan ("Min plan")."""
        words = self.child_plan[key]
        return words.format(**params) if params else words

    def text(self, key: str, **params: object) -> str:
        words = self.texts[key]
        return words.format(**params) if params else words

    def count(self, key: str, n: int, **params: object) -> str:
        """A plural text for the number ``n`` ("+ 3 mere – spørg jeres rådgiver")."""
        forms = self.plurals[key]
        words = forms.get(plural(self.lang, n), forms["other"])
        return words.format(count=n, **params)


_lock = threading.Lock()
_cache: dict[str, Catalogue] = {}


def load_raw(lang: str) -> dict[str, Any]:
    """The JSON of one catalogue as written (for tests and reviewers)."""
    path = resources.files(__name__).joinpath(f"{lang}.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"plan catalogue {lang}.json is not a JSON object")
    return data


def catalogue(lang: str) -> Catalogue:
    """The catalogue of a plan language (Danish for a code that is not one)."""
    if lang not in PLAN_LANGUAGES:
        lang = DEFAULT_LANGUAGE.value
    with _lock:
        found = _cache.get(lang)
        if found is None:
            raw = load_raw(lang)
            found = Catalogue(
                lang=lang,
                note=str(raw.get("_note", "")),
                texts={k: str(raw[k]) for k in TEXT_KEYS},
                plurals={k: {c: str(v) for c, v in raw[k].items()} for k in PLURAL_KEYS},
                weekdays=tuple(str(w) for w in raw["weekdays"]),
                months=tuple(str(m) for m in raw["months"]),
                child_plan={k: str(raw["child_plan"][k]) for k in CHILD_PLAN_KEYS},
                child_plan_note=str(raw["child_plan"].get("_note", "")),
            )
            _cache[lang] = found
        return found
