"""The team report's figures (docs/statistics.md): what storage/team_report_data.py reads
out of any number of statistics files with DuckDB, and what export/team_report.py (the
PDF) and ui/team_page.py (the "Team" page) show. Plain data, no Qt, no SQL.

Grouped by quarter, never by caseworker (figures per person would be staff monitoring).
A figure describing fewer than MIN_CELL families or children is suppressed: its numbers
are None and ``suppressed`` is True, so a view shows "< 5" and cannot show the number.
The counts (cases, people, children, families) are kept as read; a view shows a count
under MIN_CELL as "< 5" too (export/team_report_text.ReportWords.count).
"""

from __future__ import annotations

from dataclasses import dataclass

from familymeeting.domain.statistics import Measure

# The trial's averages (seeds: the evaluation of the trial), before -> after, in days:
# the report draws them as reference lines against the means.
TRIAL_REFERENCE_DAYS: dict[Measure, tuple[int, int]] = {
    Measure.CONCERN_TO_DECISION: (111, 49),
    Measure.DECISION_TO_HELP: (34, 22),
}


@dataclass(frozen=True)
class PaceRow:
    """Days of one measure for the cases whose duration ended in one quarter."""

    quarter: str
    measure: Measure
    cases: int  # families (or children) counted
    mean: float | None
    median: float | None
    q1: float | None  # quantile_cont 0.25
    q3: float | None  # quantile_cont 0.75
    suppressed: bool


@dataclass(frozen=True)
class MovementRow:
    """First -> latest answer of one question kind, per role group and age band."""

    question: str  # a default question's key, or "custom"
    role: str  # "child" | "parent" | … as in the file
    age_band: str  # the band at the person's latest answer
    people: int
    up: float | None  # shares 0..1 of ``people``
    down: float | None
    same: float | None
    suppressed: bool


@dataclass(frozen=True)
class FeedbackRow:
    """The children's own feedback on meetings: one item in one quarter."""

    quarter: str
    item: str
    children: int  # children asked (answered or not)
    high: float | None  # share answering 9-10
    low: float | None  # share answering 1-3
    suppressed: bool


@dataclass(frozen=True)
class ActivityRow:
    """Meetings held and plans given per family in one quarter."""

    quarter: str
    families: int
    meetings_per_family: float | None
    plans_per_family: float | None
    suppressed: bool


@dataclass(frozen=True)
class TeamReport:
    files: int  # files read
    repeated_exports_dropped: int  # (installation, quarter) exports superseded by a newer one
    quarters: tuple[str, ...]  # oldest first
    pace: tuple[PaceRow, ...]
    movement: tuple[MovementRow, ...]
    feedback: tuple[FeedbackRow, ...]
    activity: tuple[ActivityRow, ...]
