"""The caseload: its rules (domain/caseload.py) and its read (storage/caseload.py)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from familymeeting.domain.caseload import (
    Direction,
    gone_quiet,
    in_this_week,
    rating_direction,
    week_of,
    weeks_since,
)
from familymeeting.domain.enums import CaseDateKind, MeetingStatus, Role
from familymeeting.storage import models
from familymeeting.storage.caseload import FamilyLine, read_caseload
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services

TODAY = date(2026, 11, 25)  # a Wednesday
NOW = datetime(2026, 11, 25, 12, 0)


# ------------------------------------------------------------------ the rules
@pytest.mark.parametrize(
    ("answered", "expected"),
    [
        ([], None),
        ([{"a": 5}], None),  # nothing to compare with
        ([{"a": 5}, {"b": 7}], None),  # no question in common
        ([{"a": 5}, {"a": 7}], Direction.UP),
        ([{"a": 7}, {"a": 5}], Direction.DOWN),
        ([{"a": 5}, {"a": 5}], Direction.FLAT),
        ([{"a": 9}, {"a": 2}, {"a": 4}], Direction.UP),  # only the latest two count
        ([{"a": 5, "b": 5}, {"a": 7, "b": 2}], Direction.DOWN),  # the sum decides
        ([{"a": 5, "b": 5}, {"a": 6, "b": 4}], Direction.FLAT),
        ([{"a": 5, "b": 9}, {"a": 6, "c": 1}], Direction.UP),  # shared series only
    ],
)
def test_rating_direction(answered: list[dict[str, int]], expected: Direction | None) -> None:
    assert rating_direction(answered) == expected


def test_this_week_runs_monday_to_sunday() -> None:
    assert week_of(TODAY) == (date(2026, 11, 23), date(2026, 11, 29))
    assert in_this_week(date(2026, 11, 23), TODAY)
    assert in_this_week(date(2026, 11, 29), TODAY)
    assert not in_this_week(date(2026, 11, 22), TODAY)
    assert not in_this_week(date(2026, 11, 30), TODAY)
    assert not in_this_week(None, TODAY)


def test_weeks_since_and_gone_quiet() -> None:
    assert weeks_since(None, TODAY) is None
    assert weeks_since(TODAY, TODAY) == 0
    assert weeks_since(TODAY - timedelta(days=13), TODAY) == 1
    assert weeks_since(TODAY - timedelta(days=42), TODAY) == 6
    added = TODAY - timedelta(days=100)
    assert gone_quiet(TODAY - timedelta(days=42), added, TODAY, 6)
    assert not gone_quiet(TODAY - timedelta(days=41), added, TODAY, 6)
    assert gone_quiet(None, added, TODAY, 6)  # never met, added long ago
    assert not gone_quiet(None, TODAY - timedelta(days=3), TODAY, 6)  # just added


# ------------------------------------------------------------------- the read
def add_dates(services: Services, family_id: str, *dates: tuple[str | None, str, date]) -> None:
    """Case dates written directly (their services are another part of issue 18)."""
    with services.db.session() as s:
        for participant_id, kind, on_date in dates:
            s.add(
                models.CaseDate(
                    family_id=family_id, participant_id=participant_id, kind=kind, on_date=on_date
                )
            )


def line(services: Services, family_id: str, **kwargs: object) -> FamilyLine:
    caseload = read_caseload(services, now=NOW, **kwargs)  # type: ignore[arg-type]
    return next(f for f in caseload.families if f.family_id == family_id)


def test_the_demo_family_children_rate_up(services: Services) -> None:
    demo = create_demo_family(services, TODAY)
    got = line(services, demo.id)
    assert got.display_name == demo.display_name
    assert [(c.name, c.direction) for c in got.children] == [
        ("Emma", Direction.UP),
        ("Noah", Direction.UP),
    ]
    meetings = sorted(services.list_meetings(demo.id), key=lambda m: m.starts_at)
    assert got.last_meeting == meetings[-1].starts_at  # today's meeting has begun
    assert got.weeks_since_meeting == 0
    assert not got.quiet


def test_a_childs_own_dates_else_the_familys(services: Services) -> None:
    family = services.create_family("Familien Berg")
    anna = services.add_participant(family.id, "Anna", Role.CHILD)
    bo = services.add_participant(family.id, "Bo", Role.CHILD)
    add_dates(
        services,
        family.id,
        (None, CaseDateKind.CONCERN, TODAY - timedelta(days=30)),
        (anna.id, CaseDateKind.CONCERN, TODAY - timedelta(days=60)),
        (anna.id, CaseDateKind.DECISION, TODAY - timedelta(days=37)),
    )
    got = line(services, family.id)
    a, b = got.children
    assert (a.name, a.pace.days_since_concern, a.pace.days_to_decision, a.pace.waiting_days) == (
        "Anna",
        60,
        23,
        None,
    )
    assert (b.name, b.pace.days_since_concern, b.pace.days_to_decision, b.pace.waiting_days) == (
        "Bo",
        30,
        None,
        30,
    )
    # The family's line is its longest-running child: Bo has waited 30 days.
    assert got.pace == b.pace
    assert bo.id == b.participant_id


def test_a_family_without_children_shows_its_own_dates(services: Services) -> None:
    family = services.create_family("Familien Dam")
    add_dates(services, family.id, (None, CaseDateKind.CONCERN, TODAY - timedelta(days=9)))
    got = line(services, family.id)
    assert got.children == ()
    assert (got.pace.days_since_concern, got.pace.waiting_days) == (9, 9)


def test_next_meeting_overdue_actions_and_quiet(services: Services) -> None:
    family = services.create_family("Familien Holm")
    old = services.create_meeting(
        family.id, NOW - timedelta(weeks=8), status=MeetingStatus.CLOSED,
        next_meeting_at=datetime(2026, 11, 27, 9, 0),
    )  # fmt: skip
    services.add_action(old.id, "Ringe til skolen", due_date=TODAY - timedelta(days=40))
    current = services.start_follow_up(old.id, datetime(2026, 12, 10, 10, 0))
    services.add_action(current.id, "Lave madplan", due_date=TODAY - timedelta(days=1))
    services.add_action(current.id, "I dag er ikke overskredet", due_date=TODAY)
    services.add_action(current.id, "Gjort", due_date=TODAY - timedelta(days=3), done=True)

    got = line(services, family.id)
    # The old meeting's open line was carried into the follow-up: counted once.
    assert got.overdue_actions == 2
    assert got.next_meeting == datetime(2026, 11, 27, 9, 0)  # agreed, sooner than the planned
    assert got.next_meeting_this_week
    assert got.last_meeting == NOW - timedelta(weeks=8)
    assert got.weeks_since_meeting == 8
    assert got.quiet
    assert not line(services, family.id, quiet_weeks=12).quiet

    caseload = read_caseload(services, now=NOW)
    assert [f.family_id for f in caseload.this_week()] == [family.id]
    assert read_caseload(services, now=NOW + timedelta(days=7)).this_week() == ()


def test_archived_families_are_left_out_and_names_sorted(services: Services) -> None:
    for name in ("Familien Øst", "familien Aas", "Familien Berg"):
        services.create_family(name)
    gone = services.create_family("Familien Arkiv")
    services.update_family(gone.id, archived=True)
    names = [f.display_name for f in read_caseload(services, now=NOW).families]
    assert names == ["familien Aas", "Familien Berg", "Familien Øst"]


@pytest.fixture
def statements(services: Services) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(services.db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(services.db.engine, "before_cursor_execute", record)


def test_a_fixed_number_of_queries_whatever_the_number_of_families(
    services: Services, statements: list[str]
) -> None:
    create_demo_family(services, TODAY)
    statements.clear()
    read_caseload(services, now=NOW)
    small = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    for n in range(5):
        create_demo_family(services, TODAY - timedelta(days=n))
    statements.clear()
    caseload = read_caseload(services, now=NOW)
    large = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(caseload.families) == 6
    assert len(small) == len(large) == 7


def test_reading_some_families_gives_their_lines_as_the_whole_read_does(
    services: Services, statements: list[str]
) -> None:
    """The start screen re-reads only the families visited; their lines must be the
    lines a whole read gives, and a family deleted or archived meanwhile goes."""
    first = create_demo_family(services, TODAY)
    second = create_demo_family(services, TODAY - timedelta(days=3))
    other = services.create_family("Familien Berg")
    whole = read_caseload(services, now=NOW)
    statements.clear()
    some = read_caseload(services, now=NOW, family_ids=[second.id])
    assert some.families == tuple(f for f in whole.families if f.family_id == second.id)
    assert some.families[0].children  # the demo's children and their directions
    # Every query of the partial read is limited to the family asked for.
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) == 7 and all(" IN (" in s for s in selects)

    # The visited family changes: an overdue line on its current plan.
    current = services.list_meetings(second.id)[0]
    services.add_action(current.id, "Ringe til lægen", due_date=TODAY - timedelta(days=2))
    services.update_family(other.id, archived=True)
    merged = whole.updated(
        [second.id, other.id],
        read_caseload(services, now=NOW, family_ids=[second.id, other.id]),
    )
    assert merged == read_caseload(services, now=NOW)
    by_id = {f.family_id: f for f in merged.families}
    assert other.id not in by_id and first.id in by_id
    assert by_id[second.id].overdue_actions == (
        next(f for f in whole.families if f.family_id == second.id).overdue_actions + 1
    )
