"""What the family's one-page plan says: plain data, no Qt, no SQL, no PDF.

``storage.plan_data.build_plan`` fills these from one meeting; ``export.plan``
draws them. Texts are already in the plan's language and as the family wrote
them (names resolved, dates in words); the renderer only lays them out.

Dates in words live here rather than in ``export/`` because the storage layer
needs them to word an action's "by when", and storage must not import export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from familymeeting.domain.languages import PLAN_LANGUAGES
from familymeeting.domain.plan_catalogue import catalogue

# Our own tables in the plan catalogues (domain/plan_catalogue/*.json), not the
# ``locale`` module: that depends on what the machine has installed (a Windows
# laptop rarely has da_DK, let alone ti_ER), and it is process-global.


def _lang(lang: str) -> str:
    return lang if lang in PLAN_LANGUAGES else "da"


def date_words(day: date, lang: str, *, with_year: bool = True) -> str:
    """ "torsdag 3. december 2026" / "Thursday 3 December 2026" (year optional).

    The day and the month are joined by a no-break space, so "3. december" stays
    together when a narrow column wraps. The order of the parts is the language's
    ("3 Aralık 2026 Perşembe").
    """
    words = catalogue(_lang(lang))
    return words.text(
        "date_year" if with_year else "date",
        weekday=words.weekdays[day.weekday()],
        day=day.day,
        month=words.months[day.month - 1],
        year=day.year,
    )


def time_words(moment: datetime, lang: str) -> str:
    """ "kl. 10.00" / "at 10:00" (Danish writes the time with a full stop)."""
    return catalogue(_lang(lang)).text(
        "time", hour=f"{moment.hour:02d}", minute=f"{moment.minute:02d}"
    )


def datetime_words(moment: datetime, lang: str) -> str:
    """ "torsdag 3. december 2026 kl. 10.00" / "Thursday 3 December 2026 at 10:00"."""
    words = catalogue(_lang(lang))
    return words.text(
        "datetime", date=date_words(moment.date(), lang), time=time_words(moment, lang)
    )


def join_names(names: list[str] | tuple[str, ...], lang: str) -> str:
    """ "Emma, Noah og Mette" / "Emma, Noah and Mette" (no Oxford comma in either)."""
    if len(names) <= 1:
        return "".join(names)
    words = catalogue(_lang(lang))
    rest = words.texts["list_separator"].join(names[:-1])
    return words.text("list_and", rest=rest, last=names[-1])


@dataclass(frozen=True)
class PlanPerson:
    """Someone who took part. ``role`` is the stored role value ("child", "parent", ...)."""

    name: str
    role: str
    colour: int = 0  # the person's place in the family: the same colour on every plan


@dataclass(frozen=True)
class PlanAction:
    """One row of "Hvad / Hvem / Hvornår". ``who`` and ``when`` are ready to print."""

    what: str
    who: str
    when: str
    done: bool = False
    due_date: date | None = None
    overdue: bool = False  # open, and its date has passed (domain.calendar.is_overdue)


@dataclass(frozen=True)
class PlanCard:
    """A card in the family's words; ``whose`` is the name of who said it ("" if unknown).

    ``agree`` and ``disagree`` name the people who said they agree or do not, in the
    family's order; the page prints both, each under its own label.
    """

    text: str
    whose: str = ""
    disagree: tuple[str, ...] = ()  # names of people who said they do not agree
    agree: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanMark:
    """One person's place on a scale (1-10)."""

    name: str
    value: int
    colour: int = 0


@dataclass(frozen=True)
class PlanRating:
    """One scaling question of this meeting with everybody's mark on it."""

    question: str
    low_anchor: str
    high_anchor: str
    marks: tuple[PlanMark, ...] = ()
    not_answered: tuple[str, ...] = ()  # chose not to answer: shown as words, never a number


@dataclass(frozen=True)
class PlanChanges:
    """What is new on this plan compared with the last one the family got.

    ``since``: the meeting of that plan. ``new``: lines (their "what") not on it.
    ``done``: lines open on it and done now (or new and already done).
    ``moved``: the next meeting that plan named, still to come, was changed;
    ``next_meeting_at`` is then the new time (None: not agreed any more).
    """

    since: datetime
    new: tuple[str, ...] = ()
    done: tuple[str, ...] = ()
    moved: bool = False
    next_meeting_at: datetime | None = None

    def __bool__(self) -> bool:
        return bool(self.new or self.done or self.moved)


@dataclass(frozen=True)
class PlanData:
    """Everything printed on the family's one-page plan, in the plan's language."""

    family_name: str
    language: str
    meeting_at: datetime
    place: str = ""
    people: tuple[PlanPerson, ...] = ()
    goals: tuple[PlanCard, ...] = ()  # safety goals: what the actions are for
    # The other cards of "Det skal der ske" (next steps, plain cards) not made into a
    # line of the plan: a card that became a line is on the page once, as that line.
    steps: tuple[PlanCard, ...] = ()
    actions: tuple[PlanAction, ...] = ()
    working_well: tuple[PlanCard, ...] = ()
    worries: tuple[PlanCard, ...] = ()
    ratings: tuple[PlanRating, ...] = ()
    next_meeting_at: datetime | None = None
    next_meeting_place: str = ""
    caseworker_name: str = ""
    caseworker_phone: str = ""
    # "Nyt siden sidst": what changed since the last plan the family got (None: this
    # is the first, or nothing to compare with; see domain/plan_changes.py).
    news: PlanChanges | None = None
