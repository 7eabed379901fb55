"""The quarters a statistics export covers (docs/statistics.md, "Which quarters").

Whole calendar quarters only: ``--from``/``--to`` take a quarter (``2026Q4``) or a date,
which is rounded out to its quarter. Without either, the last quarter that has ended.
Plain Python: the CLI, the export and the Settings page share these rules.
"""

from __future__ import annotations

import re
from datetime import date

from familymeeting.domain.errors import UserError
from familymeeting.domain.statistics import quarter_bounds, quarter_of

_QUARTER = re.compile(r"^(\d{4})[Qq]([1-4])$")


def parse_quarter(text: str, *, option: str) -> str:
    """'2026Q4' or 'YYYY-MM-DD' (its quarter) as a quarter; ``option`` names the
    option or field in the message of a value that is neither."""
    value = text.strip()
    found = _QUARTER.match(value)
    if found:
        return f"{found.group(1)}Q{found.group(2)}"
    try:
        return quarter_of(date.fromisoformat(value))
    except ValueError:
        raise UserError("stats_bad_quarter", option=option, value=text) from None


def next_quarter(quarter: str) -> str:
    _, last = quarter_bounds(quarter)
    return quarter_of(date.fromordinal(last.toordinal() + 1))


def previous_quarter(quarter: str) -> str:
    first, _ = quarter_bounds(quarter)
    return quarter_of(date.fromordinal(first.toordinal() - 1))


def last_whole_quarter(today: date) -> str:
    """The newest quarter that has ended by ``today``: the default range."""
    return previous_quarter(quarter_of(today))


def quarter_days(first: str, last: str) -> tuple[date, date]:
    """The first day of ``first`` and the last day of ``last``; a range that runs
    backwards is refused (``stats_range_backwards``)."""
    start, _ = quarter_bounds(first)
    _, end = quarter_bounds(last)
    if end < start:
        raise UserError("stats_range_backwards", first=first, last=last)
    return start, end


def quarters_between(first: str, last: str) -> list[str]:
    """Every quarter from ``first`` to ``last``, oldest first."""
    out = [first]
    while out[-1] != last and len(out) < 400:
        out.append(next_quarter(out[-1]))
    return out
