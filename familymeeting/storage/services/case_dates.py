"""The case's key dates (concern, screening, decision, help started, closed), per child.

A date with no child is the family's: it applies to every child without a date of its
own for that kind (``domain/timeline.effective_dates``). One row per (family, child or
none, kind): setting a date replaces the one stored, clearing it deletes the row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from familymeeting.domain import timeline
from familymeeting.domain.enums import CaseDateKind, Role
from familymeeting.domain.errors import ValidationError
from familymeeting.storage.models import CaseDate, Family, Meeting, Participant
from familymeeting.storage.records import CaseDateRecord
from familymeeting.storage.services.base import ServiceBase, choice, fetch, opt_date, touch

# (participant id or None for the family, kind): the date, or None to clear it.
DateKey = tuple[str | None, CaseDateKind]


@dataclass(frozen=True, slots=True)
class CaseDateChange:
    """One date to set (``on_date``) or clear (None); ``participant_id`` None: the family's."""

    kind: str
    on_date: date | None
    participant_id: str | None = None


def _family_rows(s: Session, family_id: str) -> list[CaseDate]:
    return list(
        s.exec(
            select(CaseDate)
            .where(CaseDate.family_id == family_id)
            .order_by(col(CaseDate.participant_id), col(CaseDate.kind), col(CaseDate.id))
        ).all()
    )


def _children(s: Session, family_id: str) -> list[Participant]:
    return list(
        s.exec(
            select(Participant)
            .where(Participant.family_id == family_id, Participant.role == Role.CHILD.value)
            .order_by(col(Participant.position), col(Participant.id))
        ).all()
    )


def _split(
    dates: dict[DateKey, date],
) -> tuple[dict[CaseDateKind, date], dict[str, dict[CaseDateKind, date]]]:
    family: dict[CaseDateKind, date] = {}
    children: dict[str, dict[CaseDateKind, date]] = {}
    for (participant_id, kind), on_date in dates.items():
        if participant_id is None:
            family[kind] = on_date
        else:
            children.setdefault(participant_id, {})[kind] = on_date
    return family, children


def check_case_dates(dates: dict[DateKey, date], children: Iterable[tuple[str, str]]) -> None:
    """Refuse dates out of case order: the family's own, and each child's effective ones."""
    family, own = _split(dates)
    problem = timeline.order_problem(family)
    if problem is not None:
        raise ValidationError("case_dates_out_of_order", **_order_params(problem))
    for child_id, name in children:
        problem = timeline.order_problem(timeline.effective_dates(family, own.get(child_id, {})))
        if problem is not None:
            raise ValidationError(
                "case_dates_out_of_order_for", child=name, **_order_params(problem)
            )


def _order_params(problem: timeline.OrderProblem) -> dict[str, object]:
    return {
        "earlier": problem.earlier.value,
        "earlier_date": problem.earlier_date,
        "later": problem.later.value,
        "later_date": problem.later_date,
    }


class CaseDateServices(ServiceBase):
    def list_case_dates(self, family_id: str) -> list[CaseDateRecord]:
        """The family's dates and its children's own, as stored."""
        with self.db.reading() as s:
            return [CaseDateRecord.from_row(r) for r in _family_rows(s, family_id)]

    def set_case_dates(
        self, family_id: str, changes: Sequence[CaseDateChange], *, today: date | None = None
    ) -> list[CaseDateRecord]:
        """Set or clear dates, all or nothing; the dates after it are checked as a whole,
        so two dates moved together never trip over each other's old value."""
        today = today or date.today()
        with self.db.session() as s:
            fetch(s, Family, family_id)
            children = _children(s, family_id)
            child_ids = {c.id for c in children}
            rows = {(r.participant_id, CaseDateKind(r.kind)): r for r in _family_rows(s, family_id)}
            after: dict[DateKey, date] = {key: r.on_date for key, r in rows.items()}
            wanted: dict[DateKey, date | None] = {}
            for change in changes:
                kind = choice(CaseDateKind, change.kind, "case_date_kind")
                on_date = opt_date(change.on_date)
                if change.participant_id is not None and change.participant_id not in child_ids:
                    other = s.get(Participant, change.participant_id)
                    if other is None or other.family_id != family_id:
                        raise ValidationError("participant_not_in_family", id=change.participant_id)
                    raise ValidationError("case_date_not_a_child", name=other.name)
                if on_date is not None and timeline.is_future(on_date, today):
                    raise ValidationError("case_date_in_future", date_kind=kind.value, date=on_date)
                key = (change.participant_id, kind)
                wanted[key] = on_date
                if on_date is None:
                    after.pop(key, None)
                else:
                    after[key] = on_date
            check_case_dates(after, [(c.id, c.name) for c in children])
            for (participant_id, kind), on_date in wanted.items():
                row = rows.get((participant_id, kind))
                if on_date is None:
                    if row is not None:
                        s.delete(row)
                elif row is None:
                    s.add(
                        CaseDate(
                            family_id=family_id,
                            participant_id=participant_id,
                            kind=kind.value,
                            on_date=on_date,
                        )
                    )
                elif row.on_date != on_date:
                    row.on_date = on_date
                    touch(row)
            s.flush()
            return [CaseDateRecord.from_row(r) for r in _family_rows(s, family_id)]

    def case_timeline(self, family_id: str, today: date | None = None) -> list[timeline.ChildLine]:
        """A line per child: its dates, the family's meetings, the spans (one snapshot)."""
        today = today or date.today()
        with self.db.reading() as s:
            fetch(s, Family, family_id)
            dates = {
                (r.participant_id, CaseDateKind(r.kind)): r.on_date
                for r in _family_rows(s, family_id)
            }
            children = [(c.id, c.name) for c in _children(s, family_id)]
            meetings = [
                m.date()
                for m in s.exec(select(Meeting.starts_at).where(Meeting.family_id == family_id))
            ]
        family, own = _split(dates)
        return timeline.child_lines(children, family, own, meetings, today)
