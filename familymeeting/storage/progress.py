"""A family's rating answers across meetings, shaped for the progress chart.

Three queries, whatever the number of meetings or people: the family's
questions (with their meeting's date), the family's ratings, the family's
participants. Everything else is grouping in Python.

Two rules decide what is shown:

- A question series counts as *asked* in a meeting when at least one rating row
  exists for it there (a number or an explicit "not answered"). A question that
  was only copied into a meeting (a planned follow-up, or today's meeting before
  anyone has answered) is not drawn as an empty date on the chart.
- A person has a line when they gave at least one number in the series. Their
  ``values`` hold None both where they said "not answered" and where they were
  not asked; both are gaps on the chart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from familymeeting.domain.enums import Audience
from familymeeting.storage.models import Meeting, Participant, Question, Rating
from familymeeting.storage.services import Services


@dataclass(frozen=True)
class MeetingPoint:
    meeting_id: str
    starts_at: datetime


@dataclass(frozen=True)
class PersonLine:
    participant_id: str
    name: str
    role: str
    index: int  # position among the family's participants: the person's colour
    values: list[int | None]  # aligned with QuestionProgress.meetings


@dataclass(frozen=True)
class QuestionProgress:
    series_id: str
    text: str  # the wording of the newest meeting that has the question
    audience: str  # domain.enums.Audience, of the newest meeting
    meetings: list[MeetingPoint]
    people: list[PersonLine]


@dataclass
class _Series:
    text: str = ""
    audience: str = "everyone"
    position: int = 0
    newest: tuple[datetime, str] | None = None


def family_progress(
    services: Services, family_id: str, *, shared_only: bool = True
) -> list[QuestionProgress]:
    """Each question series of the family with every person's answers, oldest meeting first.

    Children's questions come first, then the order of the newest meeting. Series
    nobody has given a number in are left out. ``shared_only``: the chart is shown to
    the family, so an answer a child gave alone and did not share is left out (a gap).
    """
    with services.db.reading() as s:
        question_rows = s.exec(
            select(Question, Meeting.starts_at)
            .join(Meeting, col(Meeting.id) == col(Question.meeting_id))
            .where(Meeting.family_id == family_id)
        ).all()
        rating_rows = s.exec(
            select(Rating.question_id, Rating.participant_id, Rating.value, Rating.shared)
            .join(Question, col(Question.id) == col(Rating.question_id))
            .join(Meeting, col(Meeting.id) == col(Question.meeting_id))
            .where(Meeting.family_id == family_id)
        ).all()
        participants = s.exec(
            select(Participant)
            .where(Participant.family_id == family_id)
            .order_by(col(Participant.position), col(Participant.id))
        ).all()

    series: dict[str, _Series] = defaultdict(_Series)
    question_series: dict[str, str] = {}
    question_meeting: dict[str, tuple[datetime, str]] = {}
    for question, starts_at in question_rows:
        entry = series[question.series_id]
        key = (starts_at, question.meeting_id)
        if entry.newest is None or key > entry.newest:
            entry.newest = key
            entry.text = question.text
            entry.audience = question.audience
            entry.position = question.position
        question_series[question.id] = question.series_id
        question_meeting[question.id] = key

    # series id -> meeting (date, id) -> participant id -> value
    answers: dict[str, dict[tuple[datetime, str], dict[str, int | None]]] = defaultdict(
        lambda: defaultdict(dict)
    )
    for qid, participant_id, value, shared in rating_rows:
        if shared_only and not shared:
            continue
        answers[question_series[qid]][question_meeting[qid]][participant_id] = value

    result: list[QuestionProgress] = []
    for series_id, by_meeting in answers.items():
        meeting_keys = sorted(by_meeting)
        people: list[PersonLine] = []
        for index, p in enumerate(participants):
            values = [by_meeting[key].get(p.id) for key in meeting_keys]
            if any(v is not None for v in values):
                people.append(PersonLine(p.id, p.name, p.role, index, values))
        if not people:
            continue
        entry = series[series_id]
        result.append(
            QuestionProgress(
                series_id=series_id,
                text=entry.text,
                audience=entry.audience,
                meetings=[MeetingPoint(mid, when) for when, mid in meeting_keys],
                people=people,
            )
        )
    result.sort(
        key=lambda qp: (
            qp.audience != Audience.CHILDREN,
            series[qp.series_id].position,
            series[qp.series_id].text,
            qp.series_id,
        )
    )
    return result
