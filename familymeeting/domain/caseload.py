"""The caseload's rules: a child's rating direction, "this week", a case gone quiet.

Plain Python (no Qt, no SQL): ``storage/caseload.py`` reads the data in a few queries
and asks these rules; the start screen and ``familymeeting caseload`` show the result.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from enum import StrEnum

# "No meeting in the last N weeks": the setting's default (settings.QUIET_WEEKS).
DEFAULT_QUIET_WEEKS = 6


class Direction(StrEnum):
    """Where a child's latest answers went since the answers before them."""

    UP = "up"
    DOWN = "down"
    FLAT = "flat"


def rating_direction(answered: Sequence[Mapping[str, int]]) -> Direction | None:
    """Up, down or flat: a child's latest answers against the previous ones.

    ``answered`` holds, oldest meeting first, the child's numbers per question series
    for each meeting where the child gave at least one number. The latest two are
    compared over the series both have (the same question asked again); the sum of
    the changes decides. None when there is nothing to compare: fewer than two
    meetings with answers, or no series in common.
    """
    if len(answered) < 2:
        return None
    previous, latest = answered[-2], answered[-1]
    shared = previous.keys() & latest.keys()
    if not shared:
        return None
    change = sum(latest[s] - previous[s] for s in shared)
    if change > 0:
        return Direction.UP
    if change < 0:
        return Direction.DOWN
    return Direction.FLAT


def week_of(day: date) -> tuple[date, date]:
    """The Monday and the Sunday of ``day``'s week (a Danish week starts on Monday)."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def in_this_week(day: date | None, today: date) -> bool:
    """Whether ``day`` falls in the same Monday-to-Sunday week as ``today``."""
    if day is None:
        return False
    monday, sunday = week_of(today)
    return monday <= day <= sunday


def weeks_since(day: date | None, today: date) -> int | None:
    """Whole weeks from ``day`` to ``today`` (0 in the first week); None without a day."""
    if day is None:
        return None
    return max(0, (today - day).days) // 7


def gone_quiet(last_meeting: date | None, known_since: date, today: date, weeks: int) -> bool:
    """No meeting in the last ``weeks`` weeks.

    ``known_since`` is when the family was added: a family added last week that has
    not met yet has not gone quiet; one added two months ago and never met has.
    """
    since = last_meeting if last_meeting is not None else known_since
    return (today - since).days >= weeks * 7
