"""Gather one meeting's plan from the services: who, what, by when, in the family's words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from familymeeting.domain.audience import answers as answers_it
from familymeeting.domain.calendar import is_overdue
from familymeeting.domain.enums import CardKind, Column
from familymeeting.domain.errors import ValidationError
from familymeeting.domain.languages import PLAN_LANGUAGES
from familymeeting.domain.plan import (
    PlanAction,
    PlanCard,
    PlanData,
    PlanMark,
    PlanPerson,
    PlanRating,
    date_words,
)
from familymeeting.domain.plan_changes import last_plan_changes
from familymeeting.storage.records import ActionRecord, CardRecord, ParticipantRecord
from familymeeting.storage.services import Services


def plan_action(
    a: ActionRecord, name: Callable[[str | None], str], language: str, year: int, today: date
) -> PlanAction:
    """One line of a plan, worded: who by name (and the free text), by when in words
    (the year only when it is not the meeting's ``year``: "lørdag 5. december")."""
    who = ", ".join(part for part in (name(a.who_participant_id), a.who_text) if part)
    due = ""
    if a.due_date is not None:
        due = date_words(a.due_date, language, with_year=a.due_date.year != year)
    when = ", ".join(part for part in (due, a.due_text) if part)
    return PlanAction(
        what=a.what,
        who=who,
        when=when,
        done=a.done,
        due_date=a.due_date,
        overdue=is_overdue(a.due_date, a.done, today),
    )


def build_plan(
    services: Services, meeting_id: str, lang: str | None = None, *, today: date | None = None
) -> PlanData:
    """The plan of one meeting, worded in ``lang`` (default: the family's language).

    Read from one snapshot of the database: the page shows the meeting as it was at
    one moment, even if someone writes meanwhile. ``today`` (default: the computer's
    date) decides which open lines are overdue.
    """
    with services.reading():
        return _build_plan(services, meeting_id, lang, today or date.today())


def _build_plan(services: Services, meeting_id: str, lang: str | None, today: date) -> PlanData:
    meeting = services.get_meeting(meeting_id)
    family = services.get_family(meeting.family_id)
    language = lang or family.language
    if language not in PLAN_LANGUAGES:
        raise ValidationError("invalid_choice", field="language", value=language)

    participants = services.list_participants(family.id)
    by_id: dict[str, ParticipantRecord] = {p.id: p for p in participants}
    colour = {p.id: i for i, p in enumerate(participants)}

    def name(pid: str | None) -> str:
        person = by_id.get(pid) if pid else None
        return person.name if person else ""

    people = tuple(
        PlanPerson(name=by_id[pid].name, role=by_id[pid].role, colour=colour[pid])
        for pid in services.list_attendee_ids(meeting_id)
        if pid in by_id
    )

    def card(c: CardRecord) -> PlanCard:
        said = c.stances
        ordered = [p.id for p in participants if p.id in said]
        return PlanCard(
            text=c.text,
            whose=name(c.whose_words_id),
            disagree=tuple(by_id[pid].name for pid in ordered if not said[pid]),
            agree=tuple(by_id[pid].name for pid in ordered if said[pid]),
        )

    cards = services.list_cards(meeting_id)
    every = services.list_actions(meeting_id)
    # Everything in "Det skal der ske" reaches the page. A card that became a line of
    # the plan is there once, as that line; the goals say what the lines are for, and
    # the next steps and plain cards not (yet) made into lines follow them.
    made_into_lines = {a.card_id for a in every if a.card_id}
    needs = [c for c in cards if c.column == Column.NEEDS_TO_HAPPEN and c.id not in made_into_lines]
    goals = tuple(card(c) for c in needs if c.kind == CardKind.SAFETY_GOAL)
    steps = tuple(card(c) for c in needs if c.kind != CardKind.SAFETY_GOAL)
    working_well = tuple(card(c) for c in cards if c.column == Column.WORKING_WELL)
    worries = tuple(card(c) for c in cards if c.column == Column.WORRIES)

    def action(a: ActionRecord) -> PlanAction:
        return plan_action(a, name, language, meeting.starts_at.year, today)

    # Open actions first, in the order agreed; what is done follows, ticked. The family
    # needs to see at a glance what is still to do, and a few ticked lines show that the
    # plan is working (Signs of Safety builds on what already goes well). When the page
    # is full, done actions are the first thing left out (export/plan.py).
    actions = tuple(action(a) for a in every if not a.done) + tuple(
        action(a) for a in every if a.done
    )

    ratings_by_question: dict[str, list[tuple[str, int | None]]] = {}
    for r in services.list_ratings(meeting_id):
        if r.answered_alone and not r.shared:
            continue  # a child's answer given alone, not shared: never on the family's plan
        ratings_by_question.setdefault(r.question_id, []).append((r.participant_id, r.value))
    scales: list[PlanRating] = []
    for q in services.list_questions(meeting_id):
        # The answers of the people the question is for (it may have changed since).
        answers = [
            (pid, value)
            for pid, value in ratings_by_question.get(q.id, [])
            if pid in by_id and answers_it(q.audience, by_id[pid].role, pid, q.chosen)
        ]
        answers.sort(key=lambda item: (colour.get(item[0], len(colour)), item[0]))
        marks = tuple(
            PlanMark(name=name(pid), value=value, colour=colour.get(pid, 0))
            for pid, value in answers
            if value is not None
        )
        if not marks:
            continue  # nobody placed themselves: an empty scale says nothing
        scales.append(
            PlanRating(
                question=q.text,
                low_anchor=q.low_anchor,
                high_anchor=q.high_anchor,
                marks=marks,
                not_answered=tuple(name(pid) for pid, value in answers if value is None),
            )
        )

    plan = PlanData(
        family_name=family.display_name,
        language=language,
        meeting_at=meeting.starts_at,
        place=meeting.place,
        people=people,
        goals=goals,
        steps=steps,
        actions=actions,
        working_well=working_well,
        worries=worries,
        ratings=tuple(scales),
        next_meeting_at=meeting.next_meeting_at,
        next_meeting_place=meeting.next_meeting_place,
        caseworker_name=family.caseworker_name,
        caseworker_phone=family.caseworker_phone,
    )
    news = last_plan_changes(services.handout_contents(family.id), plan)
    return replace(plan, news=news) if news else plan
