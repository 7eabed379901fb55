"""A family's answers across meetings, read for the progress chart (no Qt)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from familymeeting.domain.defaults import DEFAULT_QUESTIONS
from familymeeting.domain.enums import Language, Role
from familymeeting.domain.progress import answer_count, first_and_latest
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.progress import QuestionProgress, family_progress
from familymeeting.storage.services import Services

TODAY = date(2026, 11, 25)


@pytest.fixture
def demo(services: Services) -> str:
    return create_demo_family(services, TODAY).id


def people(qp: QuestionProgress) -> dict[str, list[int | None]]:
    return {p.name: p.values for p in qp.people}


def test_demo_family_has_the_three_default_series_children_first(
    services: Services, demo: str
) -> None:
    progress = family_progress(services, demo)
    defaults = DEFAULT_QUESTIONS[Language.DA]
    assert [qp.text for qp in progress] == [q.text for q in defaults]
    # The home question goes to everyone, the safety scale to the adults.
    assert [qp.audience for qp in progress] == ["everyone", "adults", "everyone"]
    assert len({qp.series_id for qp in progress}) == 3

    meetings = sorted(services.list_meetings(demo), key=lambda m: m.starts_at)
    child, safe, plan = progress
    assert [m.meeting_id for m in child.meetings] == [m.id for m in meetings]
    assert [m.starts_at for m in child.meetings] == [m.starts_at for m in meetings]
    assert [m.starts_at.date() for m in child.meetings] == [
        date(2026, 9, 30),
        date(2026, 10, 28),
        date(2026, 11, 25),
    ]
    assert [m.meeting_id for m in safe.meetings] == [m.id for m in meetings]
    # Nobody has answered the plan question in today's meeting yet: it has not been
    # asked there, so today is not an (empty) point on that chart.
    assert [m.meeting_id for m in plan.meetings] == [m.id for m in meetings[:2]]


def test_demo_values_per_person(services: Services, demo: str) -> None:
    child, safe, plan = family_progress(services, demo)
    assert people(child) == {"Emma": [4, 6, 7], "Noah": [3, 5, 6]}
    assert people(safe) == {
        "Mette (mor)": [5, 6, 7],
        "Jonas (far)": [6, 7, None],  # not asked today (no row): a gap
        "Mormor Grethe": [4, 6, 7],
        "Anne (Emmas lærer)": [None, 6, 7],  # not at the first meeting
        "Sara (rådgiver)": [3, 5, 6],
    }
    # Noah said "not answered" at the first meeting: None, never a number.
    assert people(plan)["Noah"] == [None, 5]
    assert people(plan) == {
        "Noah": [None, 5],
        "Mette (mor)": [6, 7],
        "Jonas (far)": [5, 7],
        "Mormor Grethe": [5, 6],
        "Sara (rådgiver)": [4, 6],
    }


def test_people_who_never_answered_a_series_are_absent(services: Services, demo: str) -> None:
    child, safe, plan = family_progress(services, demo)
    assert "Noah" not in people(safe)
    assert "Emma" not in people(safe)
    assert "Emma" not in people(plan)
    assert "Anne (Emmas lærer)" not in people(plan)
    assert "Sara (rådgiver)" not in people(child)


def test_a_person_with_only_not_answered_has_no_line(services: Services, demo: str) -> None:
    participants = {p.name: p.id for p in services.list_participants(demo)}
    newest = services.list_meetings(demo)[0]
    q_plan = services.list_questions(newest.id)[2]
    services.set_rating(q_plan.id, participants["Emma"], None)
    plan = family_progress(services, demo)[2]
    assert "Emma" not in people(plan)
    # ...but the explicit "not answered" means the question was asked today.
    assert len(plan.meetings) == 3
    assert people(plan)["Mette (mor)"] == [6, 7, None]


def test_person_fields_and_colour_index(services: Services, demo: str) -> None:
    participants = services.list_participants(demo)
    child, safe, _ = family_progress(services, demo)
    emma, noah = child.people
    assert (emma.participant_id, emma.name, emma.role, emma.index) == (
        participants[0].id,
        "Emma",
        Role.CHILD,
        0,
    )
    assert noah.index == 1
    assert [p.index for p in safe.people] == [2, 3, 4, 5, 6]
    assert [p.participant_id for p in safe.people] == [p.id for p in participants[2:]]


def test_text_is_the_newest_wording_and_order_follows_the_newest_meeting(
    services: Services, demo: str
) -> None:
    meetings = services.list_meetings(demo)  # newest first
    newest, oldest = meetings[0], meetings[-1]
    q_child_new = services.list_questions(newest.id)[0]
    q_child_old = services.list_questions(oldest.id)[0]
    services.update_question(q_child_old.id, text="Gammel formulering")
    services.update_question(q_child_new.id, text="Hvordan har du det derhjemme?")
    child = family_progress(services, demo)[0]
    assert child.series_id == q_child_new.series_id
    assert child.text == "Hvordan har du det derhjemme?"
    assert people(child)["Emma"] == [4, 6, 7]


def test_another_familys_answers_do_not_leak_in(services: Services, demo: str) -> None:
    other = create_demo_family(services, TODAY)
    progress = family_progress(services, demo)
    other_progress = family_progress(services, other.id)
    assert {qp.series_id for qp in progress}.isdisjoint({qp.series_id for qp in other_progress})
    own = {m.id for m in services.list_meetings(demo)}
    assert all(m.meeting_id in own for qp in progress for m in qp.meetings)
    assert [people(qp) for qp in progress] == [people(qp) for qp in other_progress]


def test_planned_follow_up_without_answers_adds_no_point(services: Services, demo: str) -> None:
    newest = services.list_meetings(demo)[0]
    services.start_follow_up(newest.id, datetime(2026, 12, 23, 10, 0))
    child = family_progress(services, demo)[0]
    assert len(child.meetings) == 3
    assert people(child)["Emma"] == [4, 6, 7]


def test_family_without_answers_or_meetings(services: Services) -> None:
    family = services.create_family("Familien Berg")
    assert family_progress(services, family.id) == []
    lea = services.add_participant(family.id, "Lea", Role.CHILD, birth_year=2016)
    meeting = services.create_meeting(
        family.id, datetime(2026, 12, 1, 10, 0), attendee_ids=[lea.id]
    )
    assert family_progress(services, family.id) == []
    q = services.list_questions(meeting.id)[0]
    services.set_rating(q.id, lea.id, 5)
    (only,) = family_progress(services, family.id)
    assert only.audience == "everyone"
    assert [p.values for p in only.people] == [[5]]


def test_meetings_are_ordered_by_date_not_by_creation(services: Services) -> None:
    family = services.create_family("Familien Berg")
    lea = services.add_participant(family.id, "Lea", Role.CHILD, birth_year=2016)
    later = services.create_meeting(family.id, datetime(2027, 2, 1, 10, 0))
    earlier = services.create_meeting(family.id, datetime(2027, 1, 1, 10, 0))
    for meeting, value in ((later, 8), (earlier, 2)):
        services.set_rating(services.list_questions(meeting.id)[0].id, lea.id, value)
    # Two meetings made separately: two series (no follow-up links them).
    progress = family_progress(services, family.id)
    home = DEFAULT_QUESTIONS[Language.DA][0].text
    assert sorted(p.people[0].values[0] for p in progress if p.text == home) == [2, 8]

    follow = services.start_follow_up(earlier.id, datetime(2026, 12, 1, 10, 0))
    services.set_rating(services.list_questions(follow.id)[0].id, lea.id, 5)
    series = services.list_questions(earlier.id)[0].series_id
    (linked,) = [p for p in family_progress(services, family.id) if p.series_id == series]
    assert [m.meeting_id for m in linked.meetings] == [follow.id, earlier.id]
    assert linked.people[0].values == [5, 2]


@pytest.fixture
def statements(services: Services) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(services.db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(services.db.engine, "before_cursor_execute", record)


def test_a_fixed_number_of_queries_whatever_the_size(
    services: Services, demo: str, statements: list[str]
) -> None:
    family_progress(services, demo)
    small = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    newest = services.list_meetings(demo)[0]
    emma = services.list_participants(demo)[0].id
    for week, value in ((8, 8), (12, 9), (16, 10)):
        newest = services.start_follow_up(newest.id, datetime(2027, 1, 1) + timedelta(weeks=week))
        for q in services.list_questions(newest.id):
            services.set_rating(q.id, emma, value)
    statements.clear()
    family_progress(services, demo)
    large = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(small) == len(large) == 3
    assert family_progress(services, demo)[0].people[0].values == [4, 6, 7, 8, 9, 10]


# ------------------------------------------------------------ domain helper
@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], None),
        ([None], None),
        ([None, None], None),
        ([5], (5, 5)),
        ([None, 5, None], (5, 5)),
        ([4, 6, 7], (4, 7)),
        ([3, None, 7], (3, 7)),
        ([None, 3, None, 7, None], (3, 7)),
        ([8, 2], (8, 2)),
        ((1, 10), (1, 10)),
    ],
)
def test_first_and_latest(values: list[int | None], expected: tuple[int, int] | None) -> None:
    assert first_and_latest(values) == expected


def test_answer_count() -> None:
    assert answer_count([]) == 0
    assert answer_count([None, 4, None, 4]) == 2
