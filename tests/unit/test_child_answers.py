"""A child's answer given alone in child mode (issue 19): kept, shown to the caseworker
in the record, never on what the family sees unless the child said yes."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers import db_state
from pypdf import PdfReader

from familymeeting.domain.audience import answers, check_audience
from familymeeting.domain.enums import Audience, Role
from familymeeting.domain.errors import ValidationError
from familymeeting.export.plan import render_plan
from familymeeting.export.record_text import record_text
from familymeeting.messages import user_message
from familymeeting.storage import operations as ops
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.progress import family_progress
from familymeeting.storage.record_data import build_record
from familymeeting.storage.services import Services

TODAY = date(2026, 12, 4)


def family(services: Services) -> tuple[str, str, str, str]:
    """A family with a child Zelda and a mother; the meeting's home question."""
    fam = services.create_family("Familien Berg")
    zelda = services.add_participant(fam.id, "Zelda", Role.CHILD, birth_year=2016)
    mette = services.add_participant(fam.id, "Mette", Role.PARENT)
    meeting = services.create_meeting(fam.id, datetime(2026, 12, 4, 10, 0))
    home = services.list_questions(meeting.id)[0]
    services.set_rating(home.id, mette.id, 8)
    return meeting.id, home.id, zelda.id, mette.id


def plan_text(services: Services, meeting_id: str) -> str:
    pdf = render_plan(build_plan(services, meeting_id, today=TODAY)).pdf
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_who_answers_follows_the_audience() -> None:
    assert answers(Audience.CHILDREN, Role.CHILD, "a")
    assert not answers(Audience.CHILDREN, Role.PARENT, "a")
    for role in (Role.PARENT, Role.CAREGIVER, Role.NETWORK, Role.PROFESSIONAL, Role.CASEWORKER):
        assert answers(Audience.ADULTS, role, "a") and answers(Audience.EVERYONE, role, "a")
    assert not answers(Audience.ADULTS, Role.CHILD, "a")
    assert answers(Audience.CHOSEN, Role.CHILD, "a", {"a"})
    assert not answers(Audience.CHOSEN, Role.PARENT, "b", {"a"})
    assert check_audience("adults", {"a"}, {"a"}) == (Audience.ADULTS, frozenset())
    with pytest.raises(ValidationError) as nobody:
        check_audience("chosen", (), {"a"})
    assert "mindst én person" in user_message(nobody.value, "da")
    with pytest.raises(ValidationError):
        check_audience("chosen", {"x"}, {"a"})
    with pytest.raises(ValidationError):
        check_audience("pets", (), {"a"})


def test_a_bad_audience_changes_nothing(services: Services, data_dir: Path) -> None:
    meeting_id, home_id, zelda, _ = family(services)
    other = services.create_family("Familien Holm")
    stranger = services.add_participant(other.id, "Ida", Role.CHILD)
    before = services.list_questions(meeting_id)
    state = db_state(data_dir)
    for values in (
        {"audience": "chosen", "chosen": frozenset()},
        {"audience": "chosen", "chosen": frozenset({"not-a-person"})},
        {"audience": "pets", "chosen": frozenset()},
    ):
        with pytest.raises(ValidationError):
            services.run(ops.EditQuestion(home_id, values))
        assert services.list_questions(meeting_id) == before
    # Someone of another family cannot be chosen either.
    with pytest.raises(ValidationError):
        services.run(ops.EditQuestion(home_id, {"audience": "chosen", "chosen": {stranger.id}}))
    assert services.list_questions(meeting_id) == before
    assert db_state(data_dir) == state
    assert zelda


def test_an_answer_not_shared_is_off_the_familys_plan_and_chart_but_in_the_record(
    services: Services,
) -> None:
    meeting_id, home_id, zelda, _ = family(services)
    without = plan_text(services, meeting_id)
    services.run(ops.SetAnswer(home_id, zelda, (3, None), (True, False)))
    stored = services.get_rating(home_id, zelda)
    assert stored is not None and (stored.value, stored.answered_alone, stored.shared) == (
        3,
        True,
        False,
    )
    # The family's plan: exactly as if Zelda had not answered.
    plan = build_plan(services, meeting_id, today=TODAY)
    assert [m.name for r in plan.ratings for m in r.marks] == ["Mette"]
    assert plan_text(services, meeting_id) == without
    # The progress chart shown to the family: no line of Zelda's.
    (home,) = family_progress(services, services.get_meeting(meeting_id).family_id)
    assert [p.name for p in home.people] == ["Mette"]
    # The caseworker's record: there, and marked.
    record = build_record(services, meeting_id, "da", today=TODAY)
    answer = next(a for a in record.questions[0].answers if a.name == "Zelda")
    assert answer.value == 3 and answer.not_shared
    assert "Zelda: 3 (svaret alene, ikke delt)" in record_text(record)
    # She says yes: now it is on the plan.
    services.run(ops.SetAnswer(home_id, zelda, (3, None), (True, True)))
    plan = build_plan(services, meeting_id, today=TODAY)
    assert sorted(m.name for r in plan.ratings for m in r.marks) == ["Mette", "Zelda"]
    assert "Zelda" in plan_text(services, meeting_id)
    assert "svaret alene" not in record_text(build_record(services, meeting_id, "da", today=TODAY))


def test_the_plan_shows_the_answers_of_the_questions_audience(services: Services) -> None:
    meeting_id, home_id, zelda, mette = family(services)
    services.set_rating(home_id, zelda, 6)
    services.run(ops.EditQuestion(home_id, {"audience": "adults", "chosen": frozenset()}))
    plan = build_plan(services, meeting_id, today=TODAY)
    assert [m.name for r in plan.ratings for m in r.marks] == ["Mette"]
    # Undo: everyone's again, both answers back on the plan.
    services.run(ops.EditQuestion(home_id, {"audience": "everyone", "chosen": frozenset()}))
    plan = build_plan(services, meeting_id, today=TODAY)
    assert sorted(m.name for r in plan.ratings for m in r.marks) == ["Mette", "Zelda"]
    assert mette


def test_a_follow_up_carries_the_audience_and_shows_last_answers(services: Services) -> None:
    meeting_id, home_id, zelda, mette = family(services)
    services.run(ops.EditQuestion(home_id, {"audience": "chosen", "chosen": {zelda, mette}}))
    services.run(ops.SetAnswer(home_id, zelda, (4, None), (True, False)))
    follow = services.start_follow_up(meeting_id, datetime(2027, 1, 8, 10, 0))
    home = services.list_questions(follow.id)[0]
    assert (home.audience, home.chosen) == ("chosen", frozenset({zelda, mette}))
    # The shared screen: Mette's last answer, never Zelda's that she did not share.
    assert services.last_answers(follow.id) == {(home.id, mette): 8}
    # Zelda's own screen: her own last answer too.
    assert services.last_answers(follow.id, private_of=zelda) == {
        (home.id, mette): 8,
        (home.id, zelda): 4,
    }


def test_changing_the_audience_returns_the_questions_and_undoes(services: Services) -> None:
    meeting_id, home_id, zelda, _ = family(services)
    applied = services.run(ops.EditQuestion(home_id, {"audience": "children", "chosen": set()}))
    assert applied.changes.questions is not None
    assert applied.changes.questions[0].audience == "children"
    assert applied.undo is not None
    services.run(applied.undo)
    assert services.list_questions(meeting_id)[0].audience == "everyone"
    assert zelda
