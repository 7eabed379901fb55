"""The pseudonymous statistics export of one laptop (docs/statistics.md).

``stat_rows`` reads the database in ten queries, whatever the number of families
(families are not read one by one: see storage/caseload.py for the same shape), and
turns it into ``domain.statistics.StatRow``s for whole quarters; ``export_statistics``
writes them with ``storage/stats_file.write_stats_file`` and counts the export, in one
write transaction with its access-log entry (the number is stored only if the file was
written).

What a row holds, by record (see domain/statistics.py for the columns):

- pace: a duration that ended in the range: per family its own dates, per child its
  effective dates (its own, else the family's: ``domain/timeline.py``), in days.
- activity: per family and quarter, the meetings held (a meeting of the quarter that is
  closed or whose time has come) and the plans given (kept handouts of the quarter).
- rating: per meeting held in the range, per question, per person the question was
  for (its audience among those at the meeting, or everyone of the family when nobody
  was marked as there; and anyone who answered): the value, or empty for "not
  answered". A child's answer given alone and not shared with the grown-ups is left
  out altogether (docs/statistics.md, "Unshared answers").
- feedback: the children's own feedback items on the meetings held in the range.

Names, free text, birth years, dates and database ids never reach a row: families and
people become keyed hashes under the team key, ages become age bands, dates quarters
and day counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import and_, not_
from sqlmodel import col, select

from familymeeting.domain.audience import answers
from familymeeting.domain.enums import CaseDateKind, LogEvent, MeetingStatus, Role
from familymeeting.domain.errors import UserError
from familymeeting.domain.statistics import (
    CUSTOM_QUESTION,
    Measure,
    RecordKind,
    StatRow,
    age_band,
    keyed_hash,
    quarter_of,
)
from familymeeting.domain.stats_range import quarter_days
from familymeeting.domain.timeline import effective_dates
from familymeeting.storage.models import (
    CaseDate,
    ChildFeedback,
    Family,
    Meeting,
    MeetingAttendee,
    Participant,
    PlanHandout,
    Question,
    QuestionAudience,
    Rating,
)
from familymeeting.storage.records import StatsExported
from familymeeting.storage.services import Services
from familymeeting.storage.services.access import log_in
from familymeeting.storage.stats_file import write_stats_file

_MEASURES = (
    (Measure.CONCERN_TO_DECISION, CaseDateKind.CONCERN, CaseDateKind.DECISION),
    (Measure.DECISION_TO_HELP, CaseDateKind.DECISION, CaseDateKind.HELP_STARTED),
)
_DAY = timedelta(days=1)


# ---------------------------------------------------------------------- rows
@dataclass(frozen=True)
class _Person:
    family_id: str
    role: str
    birth_year: int | None


def stat_rows(
    services: Services, team_key: bytes, first_day: date, last_day: date, now: datetime
) -> list[StatRow]:
    """Every row for the days ``first_day`` to ``last_day`` (whole quarters), read from
    one snapshot. ``now``: wall-clock time (a meeting whose time has come was held)."""
    with services.db.reading() as s:
        families = s.exec(select(Family.id)).all()
        people = s.exec(
            select(Participant.id, Participant.family_id, Participant.role, Participant.birth_year)
        ).all()
        meetings = s.exec(
            select(Meeting.id, Meeting.family_id, Meeting.starts_at, Meeting.status).order_by(
                col(Meeting.starts_at), col(Meeting.created_at), col(Meeting.id)
            )
        ).all()
        case_dates = s.exec(
            select(
                col(CaseDate.family_id),
                col(CaseDate.participant_id),
                col(CaseDate.kind),
                col(CaseDate.on_date),
            )
        ).all()
        # Handouts by UTC time, turned into local days below; a day's margin either side.
        handouts = s.exec(
            select(PlanHandout.family_id, PlanHandout.given_at).where(
                col(PlanHandout.given_at) >= datetime.combine(first_day - _DAY, time(), UTC),
                col(PlanHandout.given_at) < datetime.combine(last_day + 2 * _DAY, time(), UTC),
            )
        ).all()
        # Meeting times are wall-clock times, stored naive.
        in_range = (
            col(Meeting.starts_at) >= datetime.combine(first_day, time()),
            col(Meeting.starts_at) < datetime.combine(last_day + _DAY, time()),
        )
        attendees = s.exec(
            select(MeetingAttendee.meeting_id, MeetingAttendee.participant_id)
            .join(Meeting, col(Meeting.id) == col(MeetingAttendee.meeting_id))
            .where(*in_range)
        ).all()
        questions = s.exec(
            select(Question.id, Question.meeting_id, Question.kind, Question.audience)
            .join(Meeting, col(Meeting.id) == col(Question.meeting_id))
            .where(*in_range)
        ).all()
        chosen = s.exec(
            select(QuestionAudience.question_id, QuestionAudience.participant_id)
            .join(Question, col(Question.id) == col(QuestionAudience.question_id))
            .join(Meeting, col(Meeting.id) == col(Question.meeting_id))
            .where(*in_range)
        ).all()
        ratings = s.exec(
            select(
                col(Rating.question_id),
                col(Rating.participant_id),
                col(Rating.value),
                # A child's answer given alone and kept from the grown-ups.
                and_(col(Rating.answered_alone), not_(col(Rating.shared))),
            )
            .join(Question, col(Question.id) == col(Rating.question_id))
            .join(Meeting, col(Meeting.id) == col(Question.meeting_id))
            .where(*in_range)
        ).all()
        feedback = s.exec(
            select(
                ChildFeedback.meeting_id,
                ChildFeedback.participant_id,
                ChildFeedback.item,
                ChildFeedback.value,
            )
            .join(Meeting, col(Meeting.id) == col(ChildFeedback.meeting_id))
            .where(*in_range)
            .order_by(col(ChildFeedback.meeting_id), col(ChildFeedback.participant_id))
        ).all()

    fkey = {fid: keyed_hash(team_key, "family", fid) for fid in families}
    person: dict[str, _Person] = {pid: _Person(fid, role, by) for pid, fid, role, by in people}
    pkey: dict[str, str] = {}

    def who(pid: str) -> str:
        if pid not in pkey:
            pkey[pid] = keyed_hash(team_key, "person", pid)
        return pkey[pid]

    def in_days(day: date) -> bool:
        return first_day <= day <= last_day

    def answer_row(
        record: RecordKind, mid: str, pid: str, question: str, value: int | None
    ) -> StatRow:
        """A rating or a child's feedback answer: the meeting's place in the family's
        series, the person's role and age band on the meeting's day."""
        fid, day, number, since = held[mid]
        p = person[pid]
        return StatRow(
            quarter=quarter_of(day),
            record=record,
            family=fkey[fid],
            person=who(pid),
            role=p.role,
            age_band=age_band(p.role == Role.CHILD, p.birth_year, day),
            question=question,
            meeting_seq=number,
            days_since_first=since,
            value=value,
        )

    rows: list[StatRow] = []

    # ---- pace: durations that ended in the range
    family_dates: dict[str, dict[CaseDateKind, date]] = defaultdict(dict)
    child_dates: dict[str, dict[CaseDateKind, date]] = defaultdict(dict)
    for fid, pid, kind, on_date in case_dates:
        (family_dates[fid] if pid is None else child_dates[pid])[CaseDateKind(kind)] = on_date
    children: dict[str, list[str]] = defaultdict(list)
    for pid, p in person.items():
        if p.role == Role.CHILD:
            children[p.family_id].append(pid)
    for fid in families:
        own = family_dates.get(fid, {})
        rows.extend(_pace(fkey[fid], None, None, own, in_days))
        for pid in sorted(children.get(fid, ()), key=who):
            dates = effective_dates(own, child_dates.get(pid, {}))
            rows.extend(_pace(fkey[fid], who(pid), person[pid], dates, in_days))

    # ---- meetings held: their number in the family and the days since its first
    held: dict[str, tuple[str, date, int, int]] = {}  # meeting -> family, day, seq, days
    first_held: dict[str, date] = {}
    seq: dict[str, int] = defaultdict(int)
    for mid, fid, starts_at, status in meetings:
        if status != MeetingStatus.CLOSED and starts_at > now:
            continue  # planned, not held
        day = starts_at.date()
        first_held.setdefault(fid, day)
        seq[fid] += 1
        held[mid] = (fid, day, seq[fid], (day - first_held[fid]).days)

    # ---- activity per family and quarter
    meetings_in: dict[tuple[str, str], int] = defaultdict(int)
    plans_in: dict[tuple[str, str], int] = defaultdict(int)
    for fid, day, _seq, _days in held.values():
        if in_days(day):
            meetings_in[(fid, quarter_of(day))] += 1
    for fid, given_at in handouts:
        day = given_at.astimezone().date()  # the caseworker's own day
        if in_days(day):
            plans_in[(fid, quarter_of(day))] += 1
    for fid, quarter in sorted(set(meetings_in) | set(plans_in), key=lambda k: (k[1], fkey[k[0]])):
        rows.append(
            StatRow(
                quarter=quarter,
                record=RecordKind.ACTIVITY,
                family=fkey[fid],
                meetings=meetings_in.get((fid, quarter), 0),
                plans=plans_in.get((fid, quarter), 0),
            )
        )

    # ---- ratings: every person a question was for, at the meetings held in the range
    here: dict[str, set[str]] = defaultdict(set)
    for mid, pid in attendees:
        here[mid].add(pid)
    chosen_of: dict[str, set[str]] = defaultdict(set)
    for qid, pid in chosen:
        chosen_of[qid].add(pid)
    given: dict[str, dict[str, tuple[int | None, bool]]] = defaultdict(dict)
    for qid, pid, value, withheld in ratings:
        # A child's answer given alone and not shared stays out (docs/statistics.md).
        given[qid][pid] = (value, bool(withheld))
    family_people: dict[str, list[str]] = defaultdict(list)
    for pid, p in person.items():
        family_people[p.family_id].append(pid)
    for qid, mid, kind, audience in questions:
        if mid not in held:
            continue
        fid, day, _, _ = held[mid]
        if not in_days(day):
            continue
        present = here.get(mid) or set(family_people.get(fid, ()))
        answered = given.get(qid, {})
        asked = {
            pid
            for pid in present
            if pid in person and answers(audience, person[pid].role, pid, chosen_of.get(qid, ()))
        } | set(answered)
        for pid in sorted(asked, key=who):
            value, unshared = answered.get(pid, (None, False))
            if unshared:
                continue
            rows.append(answer_row(RecordKind.RATING, mid, pid, kind or CUSTOM_QUESTION, value))

    # ---- the children's own feedback
    for mid, pid, item, value in feedback:
        if mid not in held or pid not in person:
            continue
        if not in_days(held[mid][1]):
            continue
        rows.append(answer_row(RecordKind.FEEDBACK, mid, pid, item, value))
    return rows


def _pace(
    family: str,
    person_key: str | None,
    p: _Person | None,
    dates: dict[CaseDateKind, date],
    in_days: Callable[[date], bool],
) -> list[StatRow]:
    out = []
    for measure, start, end in _MEASURES:
        began, ended = dates.get(start), dates.get(end)
        if began is None or ended is None or not in_days(ended):
            continue
        out.append(
            StatRow(
                quarter=quarter_of(ended),
                record=RecordKind.PACE,
                family=family,
                person=person_key,
                role=None if p is None else p.role,
                age_band=None if p is None else age_band(True, p.birth_year, ended),
                measure=measure,
                days=(ended - began).days,
            )
        )
    return out


# -------------------------------------------------------------------- export
def export_statistics(
    services: Services,
    path: Path,
    first_quarter: str,
    last_quarter: str,
    *,
    via: str,
    now: datetime | None = None,
) -> StatsExported:
    """Write the statistics file for the quarters ``first_quarter`` to ``last_quarter``.

    One write transaction: the secrets (the installation id made if new), the rows,
    the file (atomic), the export's number and the access-log entry; if the file cannot
    be written, nothing is counted or logged. Without a team key it refuses
    (``stats_no_team_key``) and writes nothing.
    """
    now = now if now is not None else datetime.now()
    first_day, last_day = quarter_days(first_quarter, last_quarter)
    with services.db.session() as s:
        secrets = services.statistics_secrets()
        if not secrets.team_key:
            raise UserError("stats_no_team_key")
        rows = stat_rows(services, secrets.team_key, first_day, last_day, now)
        number = secrets.exports + 1
        installation = keyed_hash(secrets.team_key, "installation", secrets.installation_id.hex())
        count = write_stats_file(Path(path), rows, installation, number)
        services.count_export(number)
        detail = f"{first_quarter}-{last_quarter} {via}".strip()
        log_in(s, LogEvent.EXPORT_STATISTICS, detail=detail)
    return StatsExported(str(path), first_quarter, last_quarter, count, number)
