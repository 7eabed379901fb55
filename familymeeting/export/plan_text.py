"""The plan's own words, in Danish and English.

The plan is written in the family's language, which need not be the language
of the app on the caseworker's laptop, so these are not Qt translations. Words
are warm and plain: the page hangs on a fridge and is read by parents and
children, not by a case file system.
"""

from __future__ import annotations

from familymeeting.domain.plan import (
    PLAN_LANGUAGES,
    date_words,
    datetime_words,
    join_names,
    time_words,
)

__all__ = [
    "PLAN_LANGUAGES",
    "TEXT",
    "date_words",
    "datetime_words",
    "join_names",
    "more_on_board",
    "text",
    "time_words",
]

TEXT: dict[str, dict[str, str]] = {
    "title": {"da": "Vores plan", "en": "Our plan"},
    "meeting": {"da": "Møde {when}", "en": "Meeting on {when}"},
    "who_took_part": {"da": "Hvem var med", "en": "Who took part"},
    "needs_to_happen": {"da": "Det skal der ske", "en": "What needs to happen"},
    "goal": {"da": "Det arbejder vi hen imod", "en": "What we are working towards"},
    "what": {"da": "Hvad", "en": "What"},
    "who": {"da": "Hvem", "en": "Who"},
    "when": {"da": "Hvornår", "en": "When"},
    "no_actions": {
        "da": "Vi har ikke aftalt noget endnu.",
        "en": "We have not agreed on anything yet.",
    },
    "working_well": {"da": "Det går godt", "en": "What's working well"},
    "worries": {"da": "Det er vi bekymrede for", "en": "What we are worried about"},
    "nothing_yet": {"da": "Ikke skrevet endnu.", "en": "Nothing written yet."},
    "not_agreed_one": {"da": "{names} er ikke enig", "en": "{names} does not agree"},
    "not_agreed_many": {"da": "{names} er ikke enige", "en": "{names} do not agree"},
    "scales": {"da": "Sådan ser vi det i dag", "en": "How we see it today"},
    "not_answered": {"da": "Ville ikke svare i dag: {names}", "en": "Chose not to answer: {names}"},
    "next_meeting": {"da": "Næste møde", "en": "Next meeting"},
    "not_agreed_yet": {"da": "Aftales senere", "en": "To be agreed"},
    "caseworker": {"da": "Rådgiver", "en": "Caseworker"},
    "phone": {"da": "Telefon {phone}", "en": "Phone {phone}"},
    "more_on_board": {"da": "+ %d mere på tavlen", "en": "+ %d more on the board"},
    "others": {"da": "%d andre", "en": "%d others"},
    "subject": {
        "da": "Familiens plan fra mødet {when}",
        "en": "The family's plan from the meeting on {when}",
    },
}


def text(key: str, lang: str, **params: object) -> str:
    """The wording for ``key`` in the plan's language (Danish when unknown)."""
    entry = TEXT[key]
    words = entry.get(lang, entry["da"])
    return words.format(**params) if params else words


def more_on_board(count: int, lang: str) -> str:
    """ "+ 12 mere på tavlen": what the page left out is still on the board."""
    return text("more_on_board", lang) % count
