"""A child's case timeline: which key date applies, and the days between them.

Decisions are made per child, so dates are per child; a date entered for the whole
family applies to each child that has no date of its own for that kind. These rules
are used by the family page, ``familymeeting timeline`` and the caseload alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from familymeeting.domain.enums import CaseDateKind

# The spans the seeds measure (the trial: concern to decision 111 -> 49 days, decision
# to help 34 -> 22), in the order they are shown.
SPANS: tuple[tuple[CaseDateKind, CaseDateKind], ...] = (
    (CaseDateKind.CONCERN, CaseDateKind.DECISION),
    (CaseDateKind.DECISION, CaseDateKind.HELP_STARTED),
)


@dataclass(frozen=True, slots=True)
class Span:
    start: CaseDateKind
    end: CaseDateKind
    days: int | None  # None: the end has not come yet
    # Days since the start when the end has not come yet (a case waiting for a
    # decision); None when the start is not known either or the span is complete.
    waiting_days: int | None


def effective_dates(
    family_dates: Mapping[CaseDateKind, date],
    child_dates: Mapping[CaseDateKind, date],
) -> dict[CaseDateKind, date]:
    """The dates that apply to one child: its own, else the family's, in case order."""
    out: dict[CaseDateKind, date] = {}
    for kind in CaseDateKind:
        if kind in child_dates:
            out[kind] = child_dates[kind]
        elif kind in family_dates:
            out[kind] = family_dates[kind]
    return out


def days_between(start: date, end: date) -> int:
    return (end - start).days


def spans(dates: Mapping[CaseDateKind, date], today: date) -> list[Span]:
    """The measured spans for one child's dates (see SPANS)."""
    out = []
    for start, end in SPANS:
        began, ended = dates.get(start), dates.get(end)
        if began is not None and ended is not None:
            out.append(Span(start, end, days_between(began, ended), None))
        elif began is not None and CaseDateKind.CLOSED not in dates:
            out.append(Span(start, end, None, max(0, days_between(began, today))))
        else:
            out.append(Span(start, end, None, None))
    return out


# ----------------------------------------------------------------- checks
@dataclass(frozen=True, slots=True)
class OrderProblem:
    """Two dates of one child's case in the wrong order: ``later`` is before ``earlier``."""

    earlier: CaseDateKind
    earlier_date: date
    later: CaseDateKind
    later_date: date


def order_problem(dates: Mapping[CaseDateKind, date]) -> OrderProblem | None:
    """The first pair out of case order (concern ≤ screening ≤ decision ≤ help ≤ closed).

    The same day twice is fine: a decision on the day the concern came in happens.
    """
    kinds = [kind for kind in CaseDateKind if kind in dates]
    for i, earlier in enumerate(kinds):
        for later in kinds[i + 1 :]:
            if dates[later] < dates[earlier]:
                return OrderProblem(earlier, dates[earlier], later, dates[later])
    return None


def is_future(on_date: date, today: date) -> bool:
    """Every key date records something that happened, so none lies after today."""
    return on_date > today


# --------------------------------------------------------------- one line
@dataclass(frozen=True, slots=True)
class ChildLine:
    """One line of the timeline: a child (None: the family, when it has no child yet),
    the dates that apply to it (``own``: the kinds the child has its own date for), the
    family's meeting days, and the spans the seeds measure."""

    participant_id: str | None
    name: str
    dates: Mapping[CaseDateKind, date]
    own: frozenset[CaseDateKind]
    meetings: tuple[date, ...]
    spans: tuple[Span, ...]


def child_lines(
    children: Sequence[tuple[str, str]],
    family_dates: Mapping[CaseDateKind, date],
    child_dates: Mapping[str, Mapping[CaseDateKind, date]],
    meetings: Sequence[date],
    today: date,
) -> list[ChildLine]:
    """A line per child (id, name) in the order given; one line for the family alone
    when it has no children."""
    days = tuple(sorted(meetings))
    if not children:
        return [
            ChildLine(
                None, "", dict(family_dates), frozenset(), days, tuple(spans(family_dates, today))
            )
        ]
    lines = []
    for child_id, name in children:
        own = child_dates.get(child_id, {})
        dates = effective_dates(family_dates, own)
        lines.append(
            ChildLine(child_id, name, dates, frozenset(own), days, tuple(spans(dates, today)))
        )
    return lines
