"""Gather one child's own plan ("Min plan") from the services, read from one snapshot.

Only what the child may take home is read: the plan's lines, the people to call, the
child's own words on the board, and of the child's Three Houses sentences and answers
only those the child said the grown-ups may see (``shared``). The child's feedback on
the meeting is never read here.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import col, select

from familymeeting.domain.child_plan import (
    ChildAnswer,
    ChildContact,
    ChildHouseItem,
    ChildPlanData,
    has_own_plan,
)
from familymeeting.domain.enums import House, HouseItemKind, Role
from familymeeting.domain.errors import NotFoundError, ValidationError
from familymeeting.domain.languages import PLAN_LANGUAGES
from familymeeting.storage.models import HouseItem
from familymeeting.storage.plan_data import plan_action
from familymeeting.storage.records import MeetingRecord, ParticipantRecord
from familymeeting.storage.services import Services

HOUSE_ORDER = (House.WORRIES, House.GOOD_THINGS, House.DREAMS)


def child_has_own_plan(child: ParticipantRecord, meeting: MeetingRecord) -> bool:
    """Whether ``child`` gets a "Min plan" for ``meeting`` (domain.child_plan.has_own_plan)."""
    return has_own_plan(child.role, child.birth_year, child.own_plan, meeting.starts_at.date())


def children_with_own_plan(services: Services, meeting_id: str) -> list[ParticipantRecord]:
    """The family's children who get a plan of their own for this meeting, in order."""
    with services.reading():
        meeting = services.get_meeting(meeting_id)
        people = services.list_participants(meeting.family_id)
    return [p for p in people if child_has_own_plan(p, meeting)]


def resolve_child(services: Services, meeting_id: str, text: str) -> ParticipantRecord:
    """A person of the meeting's family by id, unique id prefix or name (any case)."""
    with services.reading():
        meeting = services.get_meeting(meeting_id)
        family = services.get_family(meeting.family_id)
        people = services.list_participants(family.id)
    wanted = text.strip()
    key = wanted.casefold()
    found = [p for p in people if p.id == key]
    if not found and key:
        found = [p for p in people if p.name.casefold() == key]
    if not found and key:
        found = [p for p in people if p.id.startswith(key)]
    if not found:
        children = ", ".join(p.name for p in people if p.role == Role.CHILD) or "-"
        raise NotFoundError(
            "child_not_found", name=wanted, family=family.display_name, children=children
        )
    if len(found) > 1:
        raise ValidationError("child_ambiguous", name=wanted, count=len(found))
    return found[0]


def build_child_plan(
    services: Services,
    meeting_id: str,
    participant_id: str,
    lang: str | None = None,
    *,
    today: date | None = None,
) -> ChildPlanData:
    """The plan of one child at one meeting, worded in ``lang`` (default: the child's
    language, else the family's). A person without a plan of their own is refused
    (``not_a_child``, ``child_plan_off``)."""
    with services.reading():
        return _build(services, meeting_id, participant_id, lang, today or date.today())


def _build(
    services: Services, meeting_id: str, participant_id: str, lang: str | None, today: date
) -> ChildPlanData:
    meeting = services.get_meeting(meeting_id)
    family = services.get_family(meeting.family_id)
    people = services.list_participants(family.id)
    by_id = {p.id: p for p in people}
    child = by_id.get(participant_id)
    if child is None:
        raise ValidationError("participant_not_in_family", id=participant_id)
    if child.role != Role.CHILD:
        raise ValidationError("not_a_child", name=child.name)
    if not child_has_own_plan(child, meeting):
        raise ValidationError("child_plan_off", name=child.name)
    language = lang or child.language or family.language
    if language not in PLAN_LANGUAGES:
        raise ValidationError("invalid_choice", field="language", value=language)

    def name(pid: str | None) -> str:
        person = by_id.get(pid) if pid else None
        return person.name if person else ""

    # Open lines first, in the order agreed; done ones follow, ticked (as on "Vores plan").
    actions = services.list_actions(meeting_id)
    actions = [a for a in actions if not a.done] + [a for a in actions if a.done]
    year = meeting.starts_at.year
    mine = tuple(
        plan_action(a, name, language, year, today)
        for a in actions
        if a.who_participant_id == child.id
    )

    def for_grown_ups(pid: str | None) -> bool:
        if pid is None:
            return True  # "Skolen", "Rådgiveren": written as words, never a child
        person = by_id.get(pid)
        return person is not None and person.role != Role.CHILD

    grown_ups = tuple(
        plan_action(a, name, language, year, today)
        for a in actions
        if a.who_participant_id != child.id
        and for_grown_ups(a.who_participant_id)
        and (a.who_participant_id or a.who_text)
    )

    contacts: list[ChildContact] = []
    if family.caseworker_name or family.caseworker_phone:
        contacts.append(
            ChildContact(family.caseworker_name, caseworker=True, phone=family.caseworker_phone)
        )
    contacts += [ChildContact(p.name) for p in people if p.role == Role.NETWORK]

    my_words = tuple(
        c.text for c in services.list_cards(meeting_id) if c.whose_words_id == child.id
    )

    with services.db.reading() as s:
        rows = s.exec(
            select(HouseItem)
            .where(HouseItem.meeting_id == meeting_id)
            .where(HouseItem.participant_id == child.id)
            .where(col(HouseItem.shared))
            .where(HouseItem.kind == HouseItemKind.TEXT.value)
            .order_by(col(HouseItem.position), col(HouseItem.id))
        ).all()
        items = [(r.house, r.text) for r in rows if r.text.strip()]
    order = {h.value: i for i, h in enumerate(HOUSE_ORDER)}
    items.sort(key=lambda item: order.get(item[0], len(order)))
    houses = tuple(ChildHouseItem(house, text) for house, text in items)

    questions = {q.id: q for q in services.list_questions(meeting_id)}
    answers = tuple(
        ChildAnswer(questions[r.question_id].text, r.value)
        for r in services.list_ratings(meeting_id)
        if r.participant_id == child.id
        and r.shared
        and r.value is not None
        and r.question_id in questions
    )

    return ChildPlanData(
        child_name=child.name,
        language=language,
        meeting_at=meeting.starts_at,
        grown_ups=grown_ups,
        mine=mine,
        contacts=tuple(contacts),
        my_words=my_words,
        houses=houses,
        answers=answers,
        next_meeting_at=meeting.next_meeting_at,
        next_meeting_place=meeting.next_meeting_place,
    )
