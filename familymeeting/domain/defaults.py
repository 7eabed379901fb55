"""Default rating questions that every new meeting starts with.

Our own plain-language wording (FIT's ORS/SRS are licensed and are not copied).
Each default has a stable key (``question.kind``, schema 7): the statistics file counts
answers by it, whatever the language or a later change of wording; a question the
caseworker wrote has the kind '' (``domain/statistics.py`` calls it "custom").
"""

from __future__ import annotations

from dataclasses import dataclass

from familymeeting.domain.enums import Audience, Language


@dataclass(frozen=True)
class QuestionTemplate:
    text: str
    low_anchor: str
    high_anchor: str
    audience: Audience
    kind: str  # the stable key (QUESTION_KINDS)


# The default questions' keys, in the order a new meeting asks them. Never rename one:
# they are stored in the database and written to statistics files.
HOME = "home"
SAFETY_SCALE = "safety_scale"
CONFIDENCE = "confidence"
QUESTION_KINDS: tuple[str, ...] = (HOME, SAFETY_SCALE, CONFIDENCE)


DEFAULT_QUESTIONS: dict[Language, tuple[QuestionTemplate, ...]] = {
    Language.DA: (
        QuestionTemplate(
            "Hvor godt er det at være dig derhjemme lige nu?",
            "Rigtig skidt",
            "Rigtig godt",
            Audience.EVERYONE,
            HOME,
        ),
        QuestionTemplate(
            "På en skala fra 1 til 10, hvor 10 betyder, at alle er sikre på, at børnene er "
            "trygge og har det godt nok til, at vi kan lukke sagen, og 1 betyder, at det står "
            "så slemt til, at børnene ikke kan blive boende hjemme — hvor er vi i dag?",
            "Børnene kan ikke blive hjemme",
            "Vi kan lukke sagen",
            Audience.ADULTS,
            SAFETY_SCALE,
        ),
        QuestionTemplate(
            "Hvor sikker er du på, at vores plan kan lykkes?",
            "Slet ikke sikker",
            "Helt sikker",
            Audience.EVERYONE,
            CONFIDENCE,
        ),
    ),
    Language.EN: (
        QuestionTemplate(
            "How good is it to be you at home right now?",
            "Really bad",
            "Really good",
            Audience.EVERYONE,
            HOME,
        ),
        QuestionTemplate(
            "On a scale from 1 to 10, where 10 means everyone is sure the children are safe "
            "and well enough that we can close the case, and 1 means things are so bad the "
            "children cannot stay at home — where are we today?",
            "The children cannot stay at home",
            "We can close the case",
            Audience.ADULTS,
            SAFETY_SCALE,
        ),
        QuestionTemplate(
            "How sure are you that our plan will work?",
            "Not sure at all",
            "Completely sure",
            Audience.EVERYONE,
            CONFIDENCE,
        ),
    ),
}


def default_questions(language: str) -> tuple[QuestionTemplate, ...]:
    """Defaults in the family's language; Danish where we have no wording yet."""
    try:
        return DEFAULT_QUESTIONS[Language(language)]
    except ValueError:
        return DEFAULT_QUESTIONS[Language.DA]


def question_kind_of(*texts: str) -> str:
    """The key of the default question worded as one of ``texts`` in any language
    (tried in order), else '' (a question the caseworker wrote). Used where a kind
    was not stored: the schema 7 upgrade and case files before version 5."""
    for text in texts:
        wording = " ".join(text.split())
        for templates in DEFAULT_QUESTIONS.values():
            for template in templates:
                if " ".join(template.text.split()) == wording:
                    return template.kind
    return ""
