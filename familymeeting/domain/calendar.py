"""Working days and the times a caseworker would pick first (no Qt, no SQL).

A new meeting is offered at the next whole hour within working hours, on a working day;
the next meeting four weeks after this one, moved forward to a working day: never a
weekend, a Danish public holiday, or one of the days most municipal offices are closed
(Constitution Day, Christmas Eve, New Year's Eve, Workers' Day). The holidays come from
the ``holidays`` package (moveable feasts such as Easter and Ascension Day are worked
out per year), not a list of our own.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

# A meeting may start from 08:00; the last start offered is 15:00, so it ends in office hours.
FIRST_START_HOUR = 8
LAST_START_HOUR = 15
FOLLOW_UP_AFTER = timedelta(weeks=4)
WEEKEND = (5, 6)  # Saturday, Sunday


@lru_cache(maxsize=16)
def _days_off(year: int) -> frozenset[date]:
    import holidays

    # Both the public holidays and the "optional" ones (Constitution Day, Christmas Eve,
    # New Year's Eve, Workers' Day): days a family meeting is not planned either.
    found = holidays.country_holidays("DK", years=year, categories=("public", "optional"))
    return frozenset(found)


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a Danish holiday or a day the offices are closed."""
    return day.weekday() not in WEEKEND and day not in _days_off(day.year)


def next_working_day(day: date) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def last_working_day(day: date) -> date:
    """``day`` itself if it is a working day, else the last working day before it."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def default_meeting_start(now: datetime) -> datetime:
    """When a new meeting is offered: the next whole hour in working hours on a working day.

    10:20 on a Tuesday gives 11:00 that day; 07:05 gives 08:00; 15:10 or a Saturday gives
    08:00 on the next working day. ``now`` is a wall-clock time, as meetings are stored.
    """
    start = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if start.date() == now.date() and start.hour < FIRST_START_HOUR:
        start = start.replace(hour=FIRST_START_HOUR)
    if start.date() != now.date() or start.hour > LAST_START_HOUR:
        start = datetime.combine(now.date() + timedelta(days=1), time(FIRST_START_HOUR))
    if not is_working_day(start.date()):
        start = datetime.combine(next_working_day(start.date()), time(FIRST_START_HOUR))
    return start


def default_next_meeting(starts_at: datetime) -> datetime:
    """The next meeting's time offered: four weeks later, at the same time of day, moved
    forward to the next working day if that day is not one."""
    later = starts_at + FOLLOW_UP_AFTER
    return datetime.combine(next_working_day(later.date()), later.time())


def is_overdue(due: date | None, done: bool, today: date) -> bool:
    """An action not done whose date has passed (the day itself is not overdue)."""
    return not done and due is not None and due < today
