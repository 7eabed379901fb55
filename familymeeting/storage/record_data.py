"""Gather one meeting's record from the services, read from one snapshot.

The plan's reading (``storage.plan_data.build_plan``: the actions with who and when,
overdue marks) and the progress chart's (``storage.progress.family_progress``: each
person's answers per question series across meetings) are reused inside the same
read transaction, so the record and the family's plan of a meeting never disagree.
"""

from __future__ import annotations

from datetime import date, datetime

from familymeeting.domain.audience import answers as answers_it
from familymeeting.domain.enums import Column, HouseItemKind, Role
from familymeeting.domain.houses import strokes_from_json
from familymeeting.domain.record import (
    ANSWERED,
    DECLINED,
    NOT_ANSWERED,
    RecordAnswer,
    RecordCard,
    RecordColumn,
    RecordData,
    RecordFeedback,
    RecordHouseItem,
    RecordHouses,
    RecordPerson,
    RecordQuestion,
    attendee_lines,
)
from familymeeting.domain.rules import age_in_year
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.progress import family_progress
from familymeeting.storage.records import CardRecord, ParticipantRecord
from familymeeting.storage.services import Services

RECORD_LANGUAGES = ("da", "en")


def build_record(
    services: Services, meeting_id: str, lang: str = "da", *, today: date | None = None
) -> RecordData:
    """The record of one meeting, worded in ``lang`` ("da" or "en": the app's language,
    not the family's: the record is for the municipality). ``today`` (default: the
    computer's date) decides which open actions are overdue."""
    language = lang if lang in RECORD_LANGUAGES else "da"
    with services.reading():
        return _build_record(services, meeting_id, language, today or date.today())


def _build_record(services: Services, meeting_id: str, lang: str, today: date) -> RecordData:
    meeting = services.get_meeting(meeting_id)
    family = services.get_family(meeting.family_id)
    plan = build_plan(services, meeting_id, lang, today=today)
    participants = services.list_participants(family.id)
    by_id: dict[str, ParticipantRecord] = {p.id: p for p in participants}
    order = {p.id: i for i, p in enumerate(participants)}
    present = set(services.list_attendee_ids(meeting_id))

    def age(p: ParticipantRecord) -> int | None:
        if p.role != Role.CHILD or p.birth_year is None:
            return None
        return age_in_year(p.birth_year, meeting.starts_at.date())

    people = tuple(
        RecordPerson(name=p.name, role=p.role, age=age(p), attended=p.id in present)
        for p in participants
    )

    def name(pid: str | None) -> str:
        person = by_id.get(pid) if pid else None
        return person.name if person else ""

    def card(c: CardRecord) -> RecordCard:
        said = c.stances
        ordered = sorted(said, key=lambda pid: (order.get(pid, len(order)), pid))
        whose = by_id.get(c.whose_words_id) if c.whose_words_id else None
        return RecordCard(
            text=c.text,
            kind=c.kind,
            whose=whose.name if whose else "",
            whose_is_child=whose is not None and whose.role == Role.CHILD,
            agree=tuple(name(pid) for pid in ordered if said[pid]),
            disagree=tuple(name(pid) for pid in ordered if not said[pid]),
        )

    cards = services.list_cards(meeting_id)
    columns = tuple(
        RecordColumn(column.value, tuple(card(c) for c in cards if c.column == column))
        for column in Column
    )

    # Each person's earlier numbers per question series, oldest meeting first.
    earlier: dict[tuple[str, str], list[tuple[datetime, int]]] = {}
    for series in family_progress(services, family.id, shared_only=False):
        for line in series.people:
            for point, value in zip(series.meetings, line.values, strict=True):
                if value is not None and (point.starts_at, point.meeting_id) < (
                    meeting.starts_at,
                    meeting.id,
                ):
                    key = (series.series_id, line.participant_id)
                    earlier.setdefault(key, []).append((point.starts_at, value))

    answers: dict[str, dict[str, int | None]] = {}
    hidden: set[tuple[str, str]] = set()
    for r in services.list_ratings(meeting_id):
        answers.setdefault(r.question_id, {})[r.participant_id] = r.value
        if r.answered_alone and not r.shared:
            hidden.add((r.question_id, r.participant_id))
    questions: list[RecordQuestion] = []
    for q in services.list_questions(meeting_id):
        given = answers.get(q.id, {})
        asked = [
            p.id
            for p in participants
            if p.id in given or (p.id in present and answers_it(q.audience, p.role, p.id, q.chosen))
        ]
        rows: list[RecordAnswer] = []
        for pid in asked:
            before = earlier.get((q.series_id, pid))
            previous_at, previous = before[-1] if before else (None, None)
            if pid not in given:
                state, value = NOT_ANSWERED, None
            else:
                value = given[pid]
                state = ANSWERED if value is not None else DECLINED
            rows.append(
                RecordAnswer(
                    name(pid),
                    state,
                    value,
                    previous,
                    previous_at,
                    not_shared=(q.id, pid) in hidden,
                )
            )
        questions.append(
            RecordQuestion(
                text=q.text,
                low_anchor=q.low_anchor,
                high_anchor=q.high_anchor,
                audience=q.audience,
                answers=tuple(rows),
            )
        )

    given_feedback: dict[str, list[tuple[str, int | None]]] = {}
    for fb in services.list_child_feedback(meeting_id):
        given_feedback.setdefault(fb.participant_id, []).append((fb.item, fb.value))
    feedback = tuple(
        RecordFeedback(p.name, tuple(given_feedback[p.id]))
        for p in participants
        if p.id in given_feedback
    )

    # Every item of the child's houses, shared or not (the record is the caseworker's);
    # a drawing with no strokes left (all rubbed out) is no item.
    house_items: dict[str, list[RecordHouseItem]] = {}
    for item in services.list_house_items(meeting_id):
        if item.kind == HouseItemKind.DRAWING and not strokes_from_json(item.strokes):
            continue
        house_items.setdefault(item.participant_id, []).append(
            RecordHouseItem(
                house=item.house,
                kind=item.kind,
                text=item.text,
                shared=item.shared,
                on_board=item.card_id is not None,
            )
        )
    houses = tuple(
        RecordHouses(p.name, tuple(house_items[p.id])) for p in participants if p.id in house_items
    )

    return RecordData(
        family_name=family.display_name,
        language=lang,
        meeting_kind=meeting.kind,
        meeting_status=meeting.status,
        meeting_at=meeting.starts_at,
        place=meeting.place,
        caseworker_name=family.caseworker_name,
        people=people,
        other_attendees=attendee_lines(meeting.other_attendees),
        columns=columns,
        questions=tuple(questions),
        actions=plan.actions,
        next_meeting_at=meeting.next_meeting_at,
        next_meeting_place=meeting.next_meeting_place,
        assessment=meeting.assessment,
        minutes=meeting.minutes,
        feedback=feedback,
        houses=houses,
    )
