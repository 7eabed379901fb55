"""The times offered first: working hours, working days, Danish holidays."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from familymeeting.domain.calendar import (
    default_meeting_start,
    default_next_meeting,
    is_overdue,
    is_working_day,
    last_working_day,
    next_working_day,
)
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 12, 7), True),  # a Monday
        (date(2026, 12, 5), False),  # Saturday
        (date(2026, 12, 6), False),  # Sunday
        (date(2026, 12, 24), False),  # Christmas Eve
        (date(2026, 12, 25), False),  # Christmas Day
        (date(2026, 12, 31), False),  # New Year's Eve
        (date(2027, 1, 1), False),  # New Year's Day
        (date(2027, 3, 25), False),  # Maundy Thursday 2027 (Easter moves)
        (date(2027, 3, 29), False),  # Easter Monday 2027
        (date(2027, 5, 6), False),  # Ascension Day 2027
        (date(2027, 5, 17), False),  # Whit Monday 2027
        (date(2027, 6, 4), True),  # Friday before Constitution Day
        (date(2028, 6, 5), False),  # Constitution Day on a Monday
    ],
)
def test_working_days_know_weekends_and_danish_holidays(day: date, working: bool) -> None:
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("now", "offered"),
    [
        (datetime(2026, 12, 8, 10, 20), datetime(2026, 12, 8, 11, 0)),  # Tuesday morning
        (datetime(2026, 12, 8, 10, 0), datetime(2026, 12, 8, 11, 0)),  # on the hour: next
        (datetime(2026, 12, 8, 6, 45), datetime(2026, 12, 8, 8, 0)),  # early: opening
        (datetime(2026, 12, 8, 14, 59), datetime(2026, 12, 8, 15, 0)),  # the last start
        (datetime(2026, 12, 8, 15, 1), datetime(2026, 12, 9, 8, 0)),  # late: tomorrow
        (datetime(2026, 12, 8, 23, 30), datetime(2026, 12, 9, 8, 0)),  # near midnight
        (datetime(2026, 12, 11, 16, 0), datetime(2026, 12, 14, 8, 0)),  # Friday -> Monday
        (datetime(2026, 12, 5, 10, 0), datetime(2026, 12, 7, 8, 0)),  # Saturday -> Monday
        (datetime(2026, 12, 23, 17, 0), datetime(2026, 12, 28, 8, 0)),  # over Christmas
    ],
)
def test_a_new_meeting_is_offered_at_the_next_whole_working_hour(
    now: datetime, offered: datetime
) -> None:
    assert default_meeting_start(now) == offered


@pytest.mark.parametrize(
    ("meeting", "offered"),
    [
        (datetime(2026, 12, 7, 10, 0), datetime(2027, 1, 4, 10, 0)),  # 4 weeks, a Monday
        (datetime(2026, 11, 26, 13, 30), datetime(2026, 12, 28, 13, 30)),  # not Christmas Eve
        (datetime(2026, 12, 3, 9, 0), datetime(2027, 1, 4, 9, 0)),  # not New Year's Eve
        # Maundy Thursday, Good Friday, the weekend and Easter Monday: the Tuesday after
        (datetime(2027, 2, 25, 10, 0), datetime(2027, 3, 30, 10, 0)),
        (datetime(2027, 4, 8, 10, 0), datetime(2027, 5, 7, 10, 0)),  # not Ascension Day
    ],
)
def test_the_next_meeting_is_four_weeks_later_on_a_working_day(
    meeting: datetime, offered: datetime
) -> None:
    assert default_next_meeting(meeting) == offered
    assert is_working_day(offered.date())


def test_next_working_day_keeps_a_working_day() -> None:
    assert next_working_day(date(2026, 12, 8)) == date(2026, 12, 8)
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)


def test_an_action_is_overdue_the_day_after_its_date_unless_done() -> None:
    today = date(2026, 12, 8)
    assert is_overdue(date(2026, 12, 7), False, today)
    assert not is_overdue(date(2026, 12, 8), False, today)  # due today: not yet
    assert not is_overdue(date(2026, 12, 7), True, today)  # done
    assert not is_overdue(None, False, today)  # no date


def test_last_working_day_goes_back_over_weekends_and_holidays() -> None:
    assert last_working_day(date(2026, 12, 7)) == date(2026, 12, 7)  # a Monday itself
    assert last_working_day(date(2026, 12, 6)) == date(2026, 12, 4)  # Sunday -> Friday
    assert last_working_day(date(2026, 12, 27)) == date(2026, 12, 23)  # over Christmas


@pytest.mark.parametrize(
    "today",
    [date(2026, 12, 5), date(2026, 12, 25), date(2027, 1, 1), date(2026, 12, 7)],
    ids=["Saturday", "Christmas Day", "New Year", "Monday"],
)
def test_the_demo_familys_meetings_are_on_working_days(services: Services, today: date) -> None:
    """The demo shows meetings as a caseworker holds them, whatever day it is made on."""
    family = create_demo_family(services, today=today)
    meetings = services.list_meetings(family.id)
    days = [m.starts_at.date() for m in meetings]
    days += [m.next_meeting_at.date() for m in meetings if m.next_meeting_at is not None]
    assert len(days) == 6
    assert [d for d in days if not is_working_day(d)] == []
    assert max(m.starts_at.date() for m in meetings) <= today
