"""A child's case timeline: which key date applies, and the days between them.

Decisions are made per child, so dates are per child; a date entered for the whole
family applies to each child that has no date of its own for that kind. These rules
are used by the family page, ``familymeeting timeline`` and the caseload alike.
"""

from __future__ import annotations

from collections.abc import Mapping
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
