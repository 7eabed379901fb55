"""Operations (issue 15): one write transaction each, what changed handed back, undo that
refuses a stale value, and reads that take no write lock."""

from __future__ import annotations

import sqlite3
from dataclasses import asdict
from datetime import datetime
from typing import Any

import pytest
from helpers import begins

from familymeeting.domain.errors import ConflictError, UserError, ValidationError
from familymeeting.storage import operations as ops
from familymeeting.storage.casefile import build_case
from familymeeting.storage.database import Database
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services


@pytest.fixture
def meeting(services: Services) -> tuple[str, str, str]:
    family = services.create_family("Familien Berg", caseworker_phone="11 11 11 11")
    child = services.add_participant(family.id, "Maja", "child", birth_year=2015)
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9), attendee_ids=[child.id])
    return family.id, meeting.id, child.id


def state(services: Services, meeting_id: str) -> dict[str, Any]:
    """What a person can see of a meeting, as plain data (no times of change)."""

    def plain(record: Any) -> dict[str, Any]:
        return {k: v for k, v in asdict(record).items() if k not in ("created_at", "updated_at")}

    m = services.get_meeting(meeting_id)
    return {
        "meeting": plain(m),
        "family": plain(services.get_family(m.family_id)),
        "attendees": services.list_attendee_ids(meeting_id),
        "cards": [plain(c) for c in services.list_cards(meeting_id)],
        "questions": [plain(q) for q in services.list_questions(meeting_id)],
        # An answer's row id is not seen: given again after an undo, it is a new row.
        "ratings": [{**plain(r), "id": None} for r in services.list_ratings(meeting_id)],
        "actions": [plain(a) for a in services.list_actions(meeting_id)],
    }


def undo_redo(services: Services, op: ops.Operation, meeting_id: str) -> ops.Applied:
    """Run, undo, redo: undo gives back exactly the state before, redo the state after."""
    before = state(services, meeting_id)
    applied = services.run(op)
    after = state(services, meeting_id)
    assert after != before, type(op).__name__
    assert applied.undo is not None
    undone = services.run(applied.undo)
    got = state(services, meeting_id)
    assert got == before, (type(op).__name__, [k for k in got if got[k] != before[k]], got, before)
    assert undone.undo is not None
    services.run(undone.undo)
    assert state(services, meeting_id) == after
    return applied


def test_every_meeting_edit_undoes_and_redoes_exactly(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    family_id, meeting_id, child_id = meeting
    added = services.run(ops.AddCard(meeting_id, "worries", "Far drikker"))
    card_id = added.changes.cards[0].id
    services.add_card(meeting_id, "worries", "Mor er træt")
    question = services.list_questions(meeting_id)[0]
    action = services.add_action(meeting_id, "Ringe til skolen")
    services.add_action(meeting_id, "Holde møde")
    cases: list[ops.Operation] = [
        ops.AddCard(meeting_id, "working_well", "Mormor hjælper", kind="strength"),
        ops.SetCardField(card_id, "text", "Far drikker i weekenden"),
        ops.SetCardField(card_id, "kind", "harm"),
        ops.SetCardField(card_id, "whose_words_id", child_id),
        ops.SetStance(card_id, child_id, False),
        ops.MoveCardBy(card_id, 1),
        ops.MoveCard(card_id, "needs_to_happen", 0),
        ops.SetMeetingField(meeting_id, "place", "Skolen"),
        ops.SetMeetingField(meeting_id, "next_meeting_at", datetime(2027, 1, 5, 9)),
        ops.SetAttendance(meeting_id, child_id, False),
        ops.SetFamilyField(family_id, "caseworker_phone", "22 22 22 22"),
        ops.SetAnswer(question.id, child_id, (7, "godt")),
        ops.SetComment(question.id, child_id, "fordi"),
        ops.AddQuestion(meeting_id, "Hvor glad er du?", audience="children"),
        ops.EditQuestion(question.id, {"text": "Hvordan går det?"}),
        ops.EditQuestion(question.id, {"audience": "chosen", "chosen": frozenset({child_id})}),
        ops.SetAnswer(question.id, child_id, (3, None), (True, False)),
        ops.AddAction(meeting_id, "Hente Emma", {"who_text": "Mormor"}),
        ops.EditAction(action.id, {"done": True, "due_text": "i morgen"}),
        ops.MoveActionBy(action.id, 1),
        ops.ActionFromCard(card_id),
        # Deleting last: redo deletes again.
        ops.DeleteAction(action.id),
        ops.DeleteQuestion(question.id),
        ops.DeleteCard(card_id),
    ]
    for op in cases:
        undo_redo(services, op, meeting_id)
        services.run(ops.AddCard(meeting_id, "worries", "endnu et"))  # next case, new state


def test_a_moved_card_gets_its_kind_back_on_undo(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    _, meeting_id, _ = meeting
    card = services.add_card(meeting_id, "working_well", "Mormor", kind="strength")
    moved = services.run(ops.MoveCard(card.id, "worries", 0))
    assert moved.changes.cards[0].kind == "plain"  # a strength is not a worry
    assert moved.undo is not None
    services.run(moved.undo)
    back = services.get_card(card.id)
    assert (back.column, back.kind) == ("working_well", "strength")


def test_an_edit_changes_nothing_when_it_is_the_same(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    _, meeting_id, _ = meeting
    card = services.add_card(meeting_id, "worries", "Far drikker")
    assert not services.run(ops.SetCardField(card.id, "text", "  Far drikker ")).changed
    assert not services.run(ops.MoveCardBy(card.id, -1)).changed


def test_undo_refuses_to_write_back_a_stale_value(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    """The caseworker's phone changed on the plan (undoable), then in the family dialog:
    undoing the first must not write the first value back over the dialog's."""
    family_id, _, _ = meeting
    applied = services.run(ops.SetFamilyField(family_id, "caseworker_phone", "22 22 22 22"))
    services.run(ops.SaveFamily(family_id, "Familien Berg", caseworker_phone="33 33 33 33"))
    assert applied.undo is not None
    with pytest.raises(ConflictError):
        services.run(applied.undo)
    assert services.get_family(family_id).caseworker_phone == "33 33 33 33"


def test_an_operation_is_one_write_transaction(
    db: Database, services: Services, meeting: tuple[str, str, str]
) -> None:
    _, meeting_id, child_id = meeting
    card = services.add_card(meeting_id, "worries", "Far drikker")
    question = services.list_questions(meeting_id)[0]
    for op in (
        ops.SetCardField(card.id, "text", "Far drikker i weekenden"),
        ops.MoveCard(card.id, "needs_to_happen", 0),
        ops.SetAnswer(question.id, child_id, (4, None)),
        ops.AddAction(meeting_id, "Ringe"),
    ):
        with begins(db) as seen:
            services.run(op)
        assert seen == ["BEGIN IMMEDIATE"], type(op).__name__


def test_a_refused_operation_changes_nothing(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    family_id, meeting_id, _ = meeting
    before = state(services, meeting_id)
    with pytest.raises(ValidationError):
        services.run(
            ops.SaveFamily(
                family_id,
                "Familien Berg",
                caseworker_phone="44 44 44 44",
                participants=(ops.ParticipantEdit(None, "Ny", "child", 1700),),
            )
        )
    assert state(services, meeting_id) == before


def test_a_family_dialog_row_that_is_refused_is_named(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    family_id, _, _ = meeting
    with pytest.raises(ValidationError) as refused:
        services.run(
            ops.SaveFamily(
                family_id,
                "Familien Berg",
                participants=(
                    ops.ParticipantEdit(None, "God", "parent"),
                    ops.ParticipantEdit(None, "", "parent"),
                ),
            )
        )
    assert getattr(refused.value, "row", None) == 1


def test_reads_take_no_write_lock(
    db: Database, services: Services, meeting: tuple[str, str, str], data_dir: Any
) -> None:
    """Another program holding the write lock does not stop the board from being read."""
    _, meeting_id, _ = meeting
    services.add_card(meeting_id, "worries", "Far drikker")
    other = sqlite3.connect(data_dir / DB_FILENAME, isolation_level=None, timeout=0.1)
    try:
        other.execute("BEGIN IMMEDIATE")
        assert [c.text for c in services.list_cards(meeting_id)] == ["Far drikker"]
        with begins(db) as seen:
            build_plan(services, meeting_id)
        assert seen == ["BEGIN"]  # the whole plan from one snapshot, no write lock
        family_id = services.get_meeting(meeting_id).family_id
        with begins(db) as seen:
            build_case(services, family_id)
        assert seen == ["BEGIN"]  # the case file too
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_card_becomes_part_of_the_plan_once_and_stays_linked(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    family_id, meeting_id, _ = meeting
    text = "Far ringer til lægen"
    card = services.add_card(meeting_id, "needs_to_happen", text, kind="next_step")
    first = services.run(ops.ActionFromCard(card.id))
    assert first.changed and first.changes.actions is not None
    (line,) = first.changes.actions
    assert (line.what, line.card_id) == ("Far ringer til lægen", card.id)
    again = services.run(ops.ActionFromCard(card.id))
    assert not again.changed and again.undo is None
    assert [a.id for a in services.list_actions(meeting_id)] == [line.id]

    # Deleting the card keeps the line (the plan was agreed) without the link; undoing
    # the delete links them again.
    deleted = services.run(ops.DeleteCard(card.id))
    assert services.list_actions(meeting_id)[0].card_id is None
    assert deleted.undo is not None
    services.run(deleted.undo)
    assert services.list_actions(meeting_id)[0].card_id == card.id

    # A follow-up carries the open line forward, linked to the carried card.
    services.update_meeting(meeting_id, status="closed")
    follow = services.start_follow_up(meeting_id, datetime(2027, 1, 5, 9))
    (carried,) = services.list_actions(follow.id)
    assert carried.card_id is not None and carried.card_id != card.id
    copy = services.get_card(carried.card_id)
    assert (copy.meeting_id, copy.text) == (follow.id, card.text)
    assert services.get_meeting(follow.id).family_id == family_id


def test_a_plan_line_cannot_name_a_card_of_another_meeting(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    family_id, meeting_id, _ = meeting
    other = services.create_meeting(family_id, datetime(2027, 2, 1, 9))
    card = services.add_card(other.id, "needs_to_happen", "Et andet møde")
    before = state(services, meeting_id)
    with pytest.raises(UserError):
        services.run(ops.AddAction(meeting_id, "Noget", {"card_id": card.id}))
    assert state(services, meeting_id) == before


def test_deleting_a_card_of_the_plan_hands_back_the_plan_it_changed(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    """The plan's line loses its link, and gets it back on undo: the views are told."""
    _, meeting_id, _ = meeting
    card = services.add_card(meeting_id, "needs_to_happen", "Far ringer til lægen")
    other = services.add_card(meeting_id, "needs_to_happen", "Ikke i planen")
    services.run(ops.ActionFromCard(card.id))
    deleted = services.run(ops.DeleteCard(card.id))
    assert deleted.changes.actions is not None
    assert [a.card_id for a in deleted.changes.actions] == [None]
    assert deleted.undo is not None
    restored = services.run(deleted.undo)
    assert restored.changes.actions is not None
    assert [a.card_id for a in restored.changes.actions] == [card.id]
    # A card no line was made from: the plan did not change, and is not handed back.
    plain = services.run(ops.DeleteCard(other.id))
    assert plain.changes.actions is None and plain.changes.board_only
    assert plain.undo is not None
    assert services.run(plain.undo).changes.actions is None


# ------------------------------------------------------ finishing a meeting (issue 16)
def test_finishing_a_meeting_is_one_step_that_undoes_and_redoes(
    db: Database, services: Services, meeting: tuple[str, str, str]
) -> None:
    """Status closed, the next meeting's time and place: one transaction, one undo."""
    _, meeting_id, _ = meeting
    services.run(ops.SetMeetingField(meeting_id, "status", "in_progress"))
    finish = ops.FinishMeeting(meeting_id, datetime(2027, 1, 5, 9), "Skolen")
    with begins(db) as seen:
        applied = undo_redo(services, finish, meeting_id)
    assert seen.count("BEGIN IMMEDIATE") == 3  # run, undo, redo: one write each
    stored = services.get_meeting(meeting_id)
    assert (stored.status, stored.next_meeting_at, stored.next_meeting_place) == (
        "closed",
        datetime(2027, 1, 5, 9),
        "Skolen",
    )
    shown = applied.changes.meeting  # what the views show, as the first run stored it
    assert shown is not None and (shown.status, shown.next_meeting_place) == ("closed", "Skolen")
    assert applied.changes.attendees == tuple(services.list_attendee_ids(meeting_id))
    assert applied.undo is not None
    services.run(applied.undo)
    undone = services.get_meeting(meeting_id)
    assert (undone.status, undone.next_meeting_at, undone.next_meeting_place) == (
        "in_progress",
        None,
        "",
    )


def test_finishing_without_a_next_meeting_leaves_it_empty(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    _, meeting_id, _ = meeting
    services.run(ops.SetMeetingField(meeting_id, "next_meeting_at", datetime(2027, 1, 5, 9)))
    services.run(ops.FinishMeeting(meeting_id, None, ""))
    stored = services.get_meeting(meeting_id)
    assert (stored.status, stored.next_meeting_at, stored.next_meeting_place) == (
        "closed",
        None,
        "",
    )
    # Finished again with the same values: nothing to undo.
    assert not services.run(ops.FinishMeeting(meeting_id, None, "")).changed


def test_a_refused_finish_changes_nothing(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    _, meeting_id, _ = meeting
    before = state(services, meeting_id)
    with pytest.raises(ValidationError):
        services.run(ops.FinishMeeting(meeting_id, datetime(2027, 1, 5, 9), "x" * 301))
    assert state(services, meeting_id) == before


def test_undoing_a_finish_refuses_to_write_back_a_stale_value(
    services: Services, meeting: tuple[str, str, str]
) -> None:
    _, meeting_id, _ = meeting
    applied = services.run(ops.FinishMeeting(meeting_id, datetime(2027, 1, 5, 9), "Skolen"))
    services.run(ops.SetMeetingField(meeting_id, "next_meeting_place", "Rådhuset"))
    assert applied.undo is not None
    with pytest.raises(ConflictError):
        services.run(applied.undo)
    stored = services.get_meeting(meeting_id)
    assert (stored.status, stored.next_meeting_place) == ("closed", "Rådhuset")
