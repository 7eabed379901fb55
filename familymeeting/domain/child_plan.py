"""A child's own one-page plan ("Min plan"): who gets one, and what it says. No Qt, no SQL.

Since 2024 (Barnets Lov) a child is a party to its own case from the year it turns 10,
so a child of 10 or more by birth year at the meeting date gets a plan of its own; the
caseworker can switch it on for a younger child, or off (``participant.own_plan``: None
follows the age, True/False is the caseworker's choice).

``storage.child_plan_data.build_child_plan`` fills :class:`ChildPlanData` from one
snapshot; ``export.child_plan`` draws it. Only what the child agreed the grown-ups may
see is ever put in it: the paper goes home, where the parents may read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from familymeeting.domain.enums import Role
from familymeeting.domain.plan import PlanAction
from familymeeting.domain.rules import age_in_year

OWN_PLAN_AGE = 10  # a party to the case from the year the child turns 10


def has_own_plan(
    role: str, birth_year: int | None, own_plan: bool | None, meeting_day: date
) -> bool:
    """Whether this person gets a "Min plan" for a meeting on ``meeting_day``.

    Only children; the caseworker's choice first; otherwise by the age reached in
    the meeting's year (we store only the birth year). A child without a birth year
    gets one only when the caseworker switches it on.
    """
    if role != Role.CHILD:
        return False
    if own_plan is not None:
        return own_plan
    return birth_year is not None and age_in_year(birth_year, meeting_day) >= OWN_PLAN_AGE


@dataclass(frozen=True)
class ChildContact:
    """Someone the child can call: the caseworker (with a phone) or a network person."""

    name: str
    caseworker: bool = False
    phone: str = ""


@dataclass(frozen=True)
class ChildAnswer:
    """One of the child's own answers that the child said the grown-ups may see."""

    question: str
    value: int


@dataclass(frozen=True)
class ChildHouseItem:
    """A sentence from one of the child's Three Houses (``house``: domain.enums.House)."""

    house: str
    text: str


@dataclass(frozen=True)
class ChildPlanData:
    """Everything printed on one child's plan, in the child's language."""

    child_name: str
    language: str
    meeting_at: datetime
    grown_ups: tuple[PlanAction, ...] = ()  # lines of the plan an adult will do
    mine: tuple[PlanAction, ...] = ()  # lines of the plan for this child
    contacts: tuple[ChildContact, ...] = ()
    my_words: tuple[str, ...] = ()  # cards whose words are this child's
    houses: tuple[ChildHouseItem, ...] = ()  # shared sentences only
    answers: tuple[ChildAnswer, ...] = ()  # shared answers only
    next_meeting_at: datetime | None = None
    next_meeting_place: str = ""
