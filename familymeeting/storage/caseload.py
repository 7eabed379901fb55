"""The caseload: every active family at a glance, read from one snapshot.

Seven queries, whatever the number of families (families, children, meetings, the
next meetings agreed, case dates, overdue actions per meeting, children's answers);
everything else is grouping in Python and the rules of ``domain/caseload.py`` and
``domain/timeline.py``. The start screen and ``familymeeting caseload`` show the same
records.

- Case dates: a child's own date, else the family's (``timeline.effective_dates``);
  the family's line shows its longest-running child (the most days since the
  concern, the longest wait), a family without children its own dates.
- Next meeting: the earliest meeting not closed from today on, or the earliest
  "next meeting" agreed at a meeting, whichever comes first.
- Overdue actions: open lines of the family's current plan (its newest meeting, which
  carries the open lines forward) whose date has passed.
- Direction: per child, the latest meeting's answers against the previous meeting
  with answers, same question series (``caseload.rating_direction``).
- Last meeting: the newest meeting that has begun (its time has come).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlmodel import col, func, select

from familymeeting.domain.caseload import (
    DEFAULT_QUIET_WEEKS,
    Direction,
    gone_quiet,
    in_this_week,
    rating_direction,
    weeks_since,
)
from familymeeting.domain.enums import CaseDateKind, MeetingStatus, Role
from familymeeting.domain.text import sort_key
from familymeeting.domain.timeline import effective_dates, spans
from familymeeting.storage.models import (
    Action,
    CaseDate,
    Family,
    Meeting,
    Participant,
    Question,
    Rating,
)
from familymeeting.storage.services import Services


@dataclass(frozen=True, slots=True)
class CasePace:
    """The seeds' measure for one child (or a family without children)."""

    days_since_concern: int | None  # None: no concern date
    days_to_decision: int | None  # concern to decision, when both are known
    waiting_days: int | None  # days waiting for a decision since the concern

    def sort_key(self) -> int:
        """Longer is more urgent: the wait, else the days it took, else nothing (-1)."""
        if self.waiting_days is not None:
            return self.waiting_days
        return self.days_to_decision if self.days_to_decision is not None else -1


@dataclass(frozen=True, slots=True)
class ChildLine:
    participant_id: str
    name: str
    pace: CasePace
    direction: Direction | None  # None: nothing to compare yet


@dataclass(frozen=True, slots=True)
class FamilyLine:
    family_id: str
    display_name: str
    pace: CasePace  # the longest-running child's, or the family's own
    children: tuple[ChildLine, ...]
    next_meeting: datetime | None
    next_meeting_this_week: bool
    overdue_actions: int
    last_meeting: datetime | None
    weeks_since_meeting: int | None
    quiet: bool  # no meeting in the last ``Caseload.quiet_weeks`` weeks


@dataclass(frozen=True, slots=True)
class Caseload:
    today: date
    quiet_weeks: int
    families: tuple[FamilyLine, ...]  # by name

    def this_week(self) -> tuple[FamilyLine, ...]:
        """The families whose next meeting is due this week, soonest first."""
        due = [f for f in self.families if f.next_meeting_this_week]
        return tuple(sorted(due, key=lambda f: (f.next_meeting or datetime.max, f.display_name)))

    def updated(self, family_ids: Collection[str], fresh: Caseload) -> Caseload:
        """This caseload with the lines of ``family_ids`` taken from ``fresh`` (a read of
        just those families): a family no longer in ``fresh`` (deleted, archived) goes."""
        ids = set(family_ids)
        kept = [line for line in self.families if line.family_id not in ids]
        lines = sorted([*kept, *fresh.families], key=_by_name)
        return replace(self, families=tuple(lines))


def _by_name(line: FamilyLine) -> tuple[str, str]:
    return (sort_key(line.display_name), line.family_id)


def pace(dates: dict[CaseDateKind, date], today: date) -> CasePace:
    concern = dates.get(CaseDateKind.CONCERN)
    to_decision = spans(dates, today)[0]
    return CasePace(
        days_since_concern=None if concern is None else max(0, (today - concern).days),
        days_to_decision=to_decision.days,
        waiting_days=to_decision.waiting_days,
    )


def _longest(paces: list[CasePace]) -> CasePace:
    return max(
        paces,
        key=lambda p: (p.sort_key(), p.days_since_concern if p.days_since_concern else -1),
    )


def read_caseload(
    services: Services,
    *,
    now: datetime | None = None,
    quiet_weeks: int = DEFAULT_QUIET_WEEKS,
    family_ids: Collection[str] | None = None,
) -> Caseload:
    """Every family not archived, as the caseload shows it (``now``: wall-clock time).

    With ``family_ids``, only those families (each query filtered through its
    family_id index): the start screen keeps the whole caseload and re-reads only the
    families visited since, which is what keeps it quick at municipal scale (see
    docs/benchmarks.md); merge with ``Caseload.updated``.
    """
    now = now if now is not None else datetime.now()
    only = None if family_ids is None else sorted(set(family_ids))
    today = now.date()
    midnight = datetime.combine(today, datetime.min.time())
    # Only the family query filters the archive: the others read every family's rows,
    # and the archived ones are never looked up. A join to filter them would cost a
    # lookup per row, more than the rows it leaves out.
    with services.db.reading() as s:
        family_query = select(Family.id, Family.display_name, Family.created_at).where(
            col(Family.archived).is_(False)
        )
        child_query = (
            select(Participant.id, Participant.family_id, Participant.name)
            .where(Participant.role == Role.CHILD)
            .order_by(col(Participant.position), col(Participant.id))
        )
        meeting_query = select(Meeting.id, Meeting.family_id, Meeting.starts_at, Meeting.status)
        agreed_query = (
            select(Meeting.family_id, func.min(Meeting.next_meeting_at))
            .where(col(Meeting.next_meeting_at) >= midnight)
            .group_by(col(Meeting.family_id))
        )
        date_query = select(
            col(CaseDate.family_id),
            col(CaseDate.participant_id),
            col(CaseDate.kind),
            col(CaseDate.on_date),
        )
        if only is not None:
            family_query = family_query.where(col(Family.id).in_(only))
            child_query = child_query.where(col(Participant.family_id).in_(only))
            meeting_query = meeting_query.where(col(Meeting.family_id).in_(only))
            agreed_query = agreed_query.where(col(Meeting.family_id).in_(only))
            date_query = date_query.where(col(CaseDate.family_id).in_(only))
        families = s.exec(family_query).all()
        children = s.exec(child_query).all()
        meetings = s.exec(meeting_query).all()
        agreed = s.exec(agreed_query).all()
        case_dates = s.exec(date_query).all()
        newest: dict[str, tuple[datetime, str]] = {}
        for mid, fid, starts_at, _status in meetings:
            if fid not in newest or (starts_at, mid) > newest[fid]:
                newest[fid] = (starts_at, mid)
        # The current plans' lines only, through the index on action.meeting_id.
        current_ids = [newest[fid][1] for fid, _name, _at in families if fid in newest]
        overdue_rows = s.exec(
            select(Action.meeting_id, func.count())
            .where(
                col(Action.meeting_id).in_(current_ids),
                col(Action.done).is_(False),
                col(Action.due_date) < today,
            )
            .group_by(col(Action.meeting_id))
        ).all()
        child_ids = (
            [pid for pid, _fid, _name in children]
            if only is not None
            else select(Participant.id).where(Participant.role == Role.CHILD)
        )
        answers = s.exec(
            select(Rating.participant_id, Question.meeting_id, Question.series_id, Rating.value)
            .join(Question, col(Question.id) == col(Rating.question_id))
            .where(col(Rating.participant_id).in_(child_ids), col(Rating.value).is_not(None))
        ).all()

    kids: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pid, fid, name in children:
        kids[fid].append((pid, name))

    family_dates: dict[str, dict[CaseDateKind, date]] = defaultdict(dict)
    child_dates: dict[str, dict[CaseDateKind, date]] = defaultdict(dict)
    for fid, child, kind, on_date in case_dates:
        target = family_dates[fid] if child is None else child_dates[child]
        target[CaseDateKind(kind)] = on_date

    overdue_by_meeting = dict(overdue_rows)
    last: dict[str, datetime] = {}
    upcoming: dict[str, datetime] = {fid: when for fid, when in agreed if when is not None}
    meeting_time: dict[str, datetime] = {}
    for mid, fid, starts_at, status in meetings:
        meeting_time[mid] = starts_at
        if starts_at <= now and (fid not in last or starts_at > last[fid]):
            last[fid] = starts_at
        if (
            status != MeetingStatus.CLOSED
            and starts_at >= midnight
            and (fid not in upcoming or starts_at < upcoming[fid])
        ):
            upcoming[fid] = starts_at

    # child -> meeting (time, id) -> series -> value
    given: dict[str, dict[tuple[datetime, str], dict[str, int]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for pid, mid, series_id, value in answers:
        if value is None:  # the query leaves "not answered" out; this tells mypy
            continue
        given[pid][(meeting_time[mid], mid)][series_id] = value

    lines: list[FamilyLine] = []
    for fid, name, created_at in families:
        own = family_dates.get(fid, {})
        child_lines = []
        for pid, child_name in kids.get(fid, ()):
            dates = effective_dates(own, child_dates.get(pid, {}))
            by_meeting = given.get(pid, {})
            direction = rating_direction([by_meeting[k] for k in sorted(by_meeting)])
            child_lines.append(ChildLine(pid, child_name, pace(dates, today), direction))
        family_pace = (
            _longest([c.pace for c in child_lines]) if child_lines else pace(dict(own), today)
        )
        last_at = last.get(fid)
        next_at = upcoming.get(fid)
        current = newest.get(fid)
        lines.append(
            FamilyLine(
                family_id=fid,
                display_name=name,
                pace=family_pace,
                children=tuple(child_lines),
                next_meeting=next_at,
                next_meeting_this_week=in_this_week(next_at.date() if next_at else None, today),
                overdue_actions=overdue_by_meeting.get(current[1], 0) if current else 0,
                last_meeting=last_at,
                weeks_since_meeting=weeks_since(last_at.date() if last_at else None, today),
                quiet=gone_quiet(
                    last_at.date() if last_at else None,
                    created_at.astimezone().date(),
                    today,
                    quiet_weeks,
                ),
            )
        )
    lines.sort(key=_by_name)
    return Caseload(today=today, quiet_weeks=quiet_weeks, families=tuple(lines))
