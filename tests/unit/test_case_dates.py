"""The case timeline (issue 18): key dates per child, checked, stored once, logged.

Real SQLite files in temporary data dirs; a refused change must leave every row as it
was (``db_state``) and say why in Danish and English, naming the dates.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from helpers import db_state

from familymeeting.domain import timeline
from familymeeting.domain.enums import CaseDateKind as K
from familymeeting.domain.errors import UserError, ValidationError
from familymeeting.messages import span_text, user_message
from familymeeting.storage import operations as ops
from familymeeting.storage.operations import CaseDateChange as C
from familymeeting.storage.services import Services

TODAY = date(2026, 11, 25)


@pytest.fixture
def family(services: Services) -> tuple[str, str, str]:
    family = services.create_family("Familien Berg")
    maja = services.add_participant(family.id, "Maja", "child", birth_year=2015).id
    oskar = services.add_participant(family.id, "Oskar", "child", birth_year=2012).id
    services.add_participant(family.id, "Lone", "parent")
    return family.id, maja, oskar


def run(services: Services, family_id: str, *changes: C) -> ops.Applied:
    return services.run(ops.SetCaseDates(family_id, tuple(changes), today=TODAY))


def stored(services: Services, family_id: str) -> set[tuple[str | None, str, date]]:
    return {(r.participant_id, r.kind, r.on_date) for r in services.list_case_dates(family_id)}


# ------------------------------------------------------------------- domain
def test_order_problem_names_the_first_pair_out_of_order() -> None:
    dates = {K.CONCERN: date(2026, 9, 1), K.DECISION: date(2026, 8, 1)}
    problem = timeline.order_problem(dates)
    assert problem == timeline.OrderProblem(
        K.CONCERN, date(2026, 9, 1), K.DECISION, date(2026, 8, 1)
    )
    # The same day is in order; gaps (no screening) are fine.
    assert (
        timeline.order_problem({K.CONCERN: date(2026, 9, 1), K.DECISION: date(2026, 9, 1)}) is None
    )
    assert timeline.order_problem({}) is None


def test_child_lines_use_a_childs_own_date_and_the_familys_for_the_rest() -> None:
    family = {K.CONCERN: date(2026, 9, 1), K.DECISION: date(2026, 9, 24)}
    lines = timeline.child_lines(
        [("a", "Maja"), ("b", "Oskar")],
        family,
        {"b": {K.DECISION: date(2026, 10, 5)}},
        [date(2026, 11, 1), date(2026, 10, 1)],
        TODAY,
    )
    assert [line.name for line in lines] == ["Maja", "Oskar"]
    assert lines[0].spans[0].days == 23 and lines[1].spans[0].days == 34
    assert lines[1].own == frozenset({K.DECISION}) and lines[0].own == frozenset()
    assert lines[0].meetings == (date(2026, 10, 1), date(2026, 11, 1))
    # Waiting for help since the decision: days counted to today.
    assert lines[0].spans[1].days is None and lines[0].spans[1].waiting_days == 62
    # No children: one line for the family.
    alone = timeline.child_lines([], family, {}, [], TODAY)
    assert len(alone) == 1 and alone[0].participant_id is None


def test_span_words_in_danish_and_english() -> None:
    assert span_text(K.CONCERN, K.DECISION, 23, waiting=False, lang="da") == (
        "fra bekymring til beslutning: 23 dage"
    )
    assert span_text(K.DECISION, K.HELP_STARTED, 9, waiting=False, lang="da") == (
        "fra beslutning til hjælp: 9 dage"
    )
    assert span_text(K.CONCERN, K.DECISION, 41, waiting=True, lang="da") == (
        "venter på beslutning: 41 dage"
    )
    assert span_text(K.CONCERN, K.DECISION, 1, waiting=False, lang="en") == (
        "from concern to decision: 1 day"
    )


# --------------------------------------------------------- services, operation
def test_set_change_and_clear_keep_one_row_per_family_child_and_kind(
    services: Services, family: tuple[str, str, str]
) -> None:
    fid, maja, _ = family
    applied = run(services, fid, C("concern", date(2026, 9, 1)), C("decision", date(2026, 9, 24)))
    assert applied.undo is None and applied.changed
    assert applied.changes.case_dates is not None and len(applied.changes.case_dates) == 2
    run(services, fid, C("decision", date(2026, 9, 20)), C("decision", date(2026, 10, 1), maja))
    assert stored(services, fid) == {
        (None, "concern", date(2026, 9, 1)),
        (None, "decision", date(2026, 9, 20)),
        (maja, "decision", date(2026, 10, 1)),
    }
    again = run(services, fid, C("decision", date(2026, 9, 20)))
    assert not again.changed
    run(services, fid, C("decision", None, maja), C("concern", None))
    assert stored(services, fid) == {(None, "decision", date(2026, 9, 20))}


def test_the_timeline_reads_dates_meetings_and_spans(
    services: Services, family: tuple[str, str, str]
) -> None:
    fid, maja, oskar = family
    services.create_meeting(fid, datetime(2026, 10, 2, 10))
    run(
        services,
        fid,
        C("concern", date(2026, 9, 1)),
        C("decision", date(2026, 9, 24)),
        C("decision", date(2026, 10, 5), oskar),
    )
    lines = services.case_timeline(fid, TODAY)
    assert [(line.participant_id, line.spans[0].days) for line in lines] == [
        (maja, 23),
        (oskar, 34),
    ]
    assert lines[0].meetings == (date(2026, 10, 2),)


def test_changing_dates_is_in_the_access_log_with_ids_only(
    services: Services, family: tuple[str, str, str]
) -> None:
    fid, _, _ = family
    run(services, fid, C("concern", date(2026, 9, 1)))
    entries = [e for e in services.access_log(fid) if e.event == "case_dates"]
    assert len(entries) == 1 and entries[0].family_id == fid and entries[0].detail == ""


def refused(services: Services, data_dir: Path, fid: str, *changes: C) -> UserError:
    before = db_state(data_dir)
    with pytest.raises(UserError) as info:
        run(services, fid, *changes)
    assert db_state(data_dir) == before
    return info.value


def test_a_decision_before_the_concern_is_refused_naming_both_dates(
    services: Services, family: tuple[str, str, str], data_dir: Path
) -> None:
    fid, _, _ = family
    run(services, fid, C("concern", date(2026, 9, 1)))
    error = refused(services, data_dir, fid, C("decision", date(2026, 8, 1)))
    assert isinstance(error, ValidationError) and error.code == "case_dates_out_of_order"
    assert user_message(error, "da") == (
        "Datoen for beslutning (1.8.2026) ligger før datoen for bekymring modtaget "
        "(1.9.2026). Intet blev ændret."
    )
    assert "2026-08-01" in user_message(error, "en") and "2026-09-01" in user_message(error, "en")


def test_a_childs_own_date_is_checked_against_the_familys(
    services: Services, family: tuple[str, str, str], data_dir: Path
) -> None:
    fid, _, oskar = family
    run(services, fid, C("decision", date(2026, 9, 24)))
    error = refused(services, data_dir, fid, C("help_started", date(2026, 9, 2), oskar))
    assert error.code == "case_dates_out_of_order_for"
    assert user_message(error, "en").startswith("For Oskar, the date for help started (2026-09-02)")
    # The family's date moved together with the child's: checked as a whole, so fine.
    run(services, fid, C("decision", date(2026, 9, 1)), C("help_started", date(2026, 9, 2), oskar))


def test_a_date_in_the_future_is_refused(
    services: Services, family: tuple[str, str, str], data_dir: Path
) -> None:
    fid, _, _ = family
    error = refused(services, data_dir, fid, C("concern", date(2026, 11, 26)))
    assert error.code == "case_date_in_future"
    assert "26.11.2026" in user_message(error, "da")
    run(services, fid, C("concern", TODAY))  # today itself has happened


def test_a_child_of_another_family_or_a_grown_up_is_refused(
    services: Services, family: tuple[str, str, str], data_dir: Path
) -> None:
    fid, _, _ = family
    other = services.create_family("Familien Holm")
    stranger = services.add_participant(other.id, "Ida", "child", birth_year=2016).id
    error = refused(services, data_dir, fid, C("concern", date(2026, 9, 1), stranger))
    assert error.code == "participant_not_in_family"
    lone = next(p.id for p in services.list_participants(fid) if p.name == "Lone")
    error = refused(services, data_dir, fid, C("concern", date(2026, 9, 1), lone))
    assert error.code == "case_date_not_a_child"
    assert "Lone" in user_message(error, "da")
    error = refused(services, data_dir, fid, C("hearing", date(2026, 9, 1)))
    assert error.code == "invalid_choice"


def test_deleting_a_child_takes_its_own_dates(
    services: Services, family: tuple[str, str, str]
) -> None:
    fid, maja, _ = family
    run(services, fid, C("concern", date(2026, 9, 1), maja))
    services.delete_participant(maja)
    assert stored(services, fid) == set()
