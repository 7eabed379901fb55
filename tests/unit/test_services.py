"""Every service against a real SQLite file in a temp dir."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from helpers import db_state

from familymeeting.domain.enums import CardKind, Column, MeetingKind, MeetingStatus, Role
from familymeeting.domain.errors import NotFoundError, ValidationError
from familymeeting.storage.database import Database
from familymeeting.storage.demo import DEMO_NAME, create_demo_family
from familymeeting.storage.models import Family
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

W, G, N = Column.WORRIES, Column.WORKING_WELL, Column.NEEDS_TO_HAPPEN
MEETING_TIME = datetime(2026, 12, 3, 10, 0)


@pytest.fixture
def family(services: Services) -> Family:
    return services.create_family("Familien Ø", caseworker_name="Sara", caseworker_phone="12 34")


@pytest.fixture
def meeting_id(services: Services, family: Family) -> str:
    return services.create_meeting(family.id, MEETING_TIME, place="Køkkenet").id


def texts(services: Services, meeting_id: str, column: Column) -> list[str]:
    return [c.text for c in services.list_cards(meeting_id, column)]


# ------------------------------------------------------------------ families
def test_family_is_stored_and_survives_reopening(services: Services, data_dir: Path) -> None:
    f = services.create_family("  Familien Ærø  ", notes="Linje 1\nLinje 2", language="en")
    assert f.display_name == "Familien Ærø"
    assert len(f.id) == 36 and f.created_at.tzinfo is not None
    services.db.close()
    again = Services(Database.open(data_dir))
    stored = again.get_family(f.id)
    assert (stored.display_name, stored.notes, stored.language) == (
        "Familien Ærø",
        "Linje 1\nLinje 2",
        "en",
    )
    again.db.close()


def test_family_search_ignores_case_and_hides_archived(services: Services) -> None:
    a = services.create_family("Familien Ågård")
    services.create_family("Familien Berg")
    c = services.create_family("Jensen")
    # Danish order: Å comes after Z.
    assert [f.display_name for f in services.list_families()] == [
        "Familien Berg",
        "Familien Ågård",
        "Jensen",
    ]
    assert [f.id for f in services.list_families("ågå")] == [a.id]
    assert [f.id for f in services.list_families("FAMILIEN å")] == [a.id]
    services.update_family(c.id, archived=True)
    assert c.id not in [f.id for f in services.list_families()]
    assert c.id in [f.id for f in services.list_families(include_archived=True)]


def test_family_rows_are_every_family_in_list_order(services: Services) -> None:
    services.create_family("Jensen")
    aagaard = services.create_family("Familien Ågård")
    services.create_family("familien berg")
    services.create_family("Familien Ærø")
    services.update_family(aagaard.id, archived=True)

    rows = services.list_family_rows()
    # The same families in the same (Danish) order as list_families, archived too.
    everyone = services.list_families(include_archived=True)
    assert [(r.id, r.display_name) for r in rows] == [(f.id, f.display_name) for f in everyone]
    assert [r.display_name for r in rows] == [
        "familien berg",
        "Familien Ærø",
        "Familien Ågård",
        "Jensen",
    ]
    assert [r.archived for r in rows] == [False, False, True, False]
    assert [r.folded_name for r in rows] == [r.display_name.casefold() for r in rows]

    services.update_family(aagaard.id, display_name="Aagaard", archived=False)
    first = services.list_family_rows()[0]
    assert (first.id, first.display_name, first.archived) == (aagaard.id, "Aagaard", False)


def test_update_family_changes_only_given_fields(services: Services, family: Family) -> None:
    before = services.get_family(family.id)
    after = services.update_family(family.id, caseworker_phone="99 88 77 66")
    assert after.caseworker_phone == "99 88 77 66"
    assert after.caseworker_name == "Sara" and after.display_name == "Familien Ø"
    assert after.updated_at >= before.updated_at


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"display_name": "   "}, "value_required"),
        ({"display_name": "x" * 201}, "value_too_long"),
        ({"language": "xx"}, "invalid_choice"),
    ],
)
def test_bad_family_input_changes_nothing(
    services: Services, family: Family, data_dir: Path, kwargs: dict[str, str], code: str
) -> None:
    before = db_state(data_dir)
    with pytest.raises(ValidationError) as info:
        services.update_family(family.id, **kwargs)
    assert info.value.code == code
    assert db_state(data_dir) == before


def test_delete_family_removes_everything(services: Services, data_dir: Path) -> None:
    demo = create_demo_family(services)
    services.delete_family(demo.id)
    con = sqlite3.connect(data_dir / DB_FILENAME)
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in (
            "family",
            "participant",
            "meeting",
            "meeting_attendee",
            "card",
            "card_stance",
            "question",
            "rating",
            "action",
        )
    }
    con.close()
    assert counts == dict.fromkeys(counts, 0)


def test_unknown_ids_raise_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.get_family("nope")
    with pytest.raises(NotFoundError):
        services.add_card("nope", W, "tekst")
    with pytest.raises(NotFoundError):
        services.update_card_text("nope", "tekst")


def test_resolve_by_unique_prefix(services: Services) -> None:
    f = services.create_family("A")
    assert services.resolve_family(f.id[:6]).id == f.id
    assert services.resolve_family(f.id.upper()).id == f.id
    with pytest.raises(NotFoundError):
        services.resolve_family("zzzz")
    with pytest.raises(NotFoundError):
        services.resolve_family("")
    # LIKE wildcards in the input are taken literally.
    with pytest.raises(NotFoundError):
        services.resolve_family("%")


# -------------------------------------------------------------- participants
def test_participants_keep_their_order_and_roles(services: Services, family: Family) -> None:
    emma = services.add_participant(family.id, "Emma", Role.CHILD, birth_year=2017)
    services.add_participant(family.id, "Mor", Role.PARENT)
    services.add_participant(family.id, "Mormor", Role.NETWORK)
    assert [(p.name, p.role) for p in services.list_participants(family.id)] == [
        ("Emma", "child"),
        ("Mor", "parent"),
        ("Mormor", "network"),
    ]
    services.update_participant(emma.id, birth_year=None, name="Emma L.")
    stored = services.list_participants(family.id)[0]
    assert (stored.name, stored.birth_year) == ("Emma L.", None)
    with pytest.raises(ValidationError):
        services.add_participant(family.id, "X", "king")
    with pytest.raises(ValidationError):
        services.add_participant(family.id, "X", Role.CHILD, birth_year=3000)


# ------------------------------------------------------------------ meetings
def test_new_meeting_gets_default_questions_in_family_language(services: Services) -> None:
    da = services.create_family("DA")
    en = services.create_family("EN", language="en")
    q_da = services.list_questions(services.create_meeting(da.id, MEETING_TIME).id)
    q_en = services.list_questions(services.create_meeting(en.id, MEETING_TIME).id)
    assert (
        q_da[0].text == "Hvor godt er det at være dig derhjemme lige nu?"
        and q_da[0].audience == "everyone"
    )
    assert q_en[0].text == "How good is it to be you at home right now?"
    assert [q.position for q in q_da] == list(range(len(q_da)))


def test_meetings_newest_first_and_fields(services: Services, family: Family) -> None:
    old = services.create_meeting(
        family.id, datetime(2026, 1, 5, 9, 30, 17), kind=MeetingKind.FIRST
    )
    new = services.create_meeting(
        family.id,
        datetime(2026, 3, 1, 14, 0),
        kind=MeetingKind.NETWORK,
        next_meeting_at=datetime(2026, 4, 1, 14, 0),
    )
    assert [m.id for m in services.list_meetings(family.id)] == [new.id, old.id]
    assert services.get_meeting(old.id).starts_at == datetime(2026, 1, 5, 9, 30)  # to the minute
    services.update_meeting(
        new.id, status=MeetingStatus.CLOSED, next_meeting_at=None, place="Skolen"
    )
    m = services.get_meeting(new.id)
    assert (m.status, m.next_meeting_at, m.place, m.kind) == ("closed", None, "Skolen", "network")
    with pytest.raises(ValidationError):
        services.update_meeting(new.id, status="finished")


def test_attendance_toggles(services: Services, family: Family, meeting_id: str) -> None:
    a = services.add_participant(family.id, "A", Role.PARENT)
    b = services.add_participant(family.id, "B", Role.CHILD)
    services.set_attendance(meeting_id, b.id, True)
    services.set_attendance(meeting_id, a.id, True)
    services.set_attendance(meeting_id, a.id, True)  # twice is harmless
    assert services.list_attendee_ids(meeting_id) == [a.id, b.id]
    services.set_attendance(meeting_id, a.id, False)
    assert services.list_attendee_ids(meeting_id) == [b.id]


def test_participant_of_another_family_is_refused(services: Services, meeting_id: str) -> None:
    other = services.create_family("Andre")
    stranger = services.add_participant(other.id, "Fremmed", Role.PARENT)
    with pytest.raises(ValidationError) as info:
        services.set_attendance(meeting_id, stranger.id, True)
    assert info.value.code == "participant_not_in_family"
    with pytest.raises(ValidationError):
        services.add_card(meeting_id, W, "x", whose_words_id=stranger.id)
    assert services.list_cards(meeting_id) == []


# --------------------------------------------------------------------- cards
def test_cards_add_at_end_or_index_and_edit(services: Services, meeting_id: str) -> None:
    services.add_card(meeting_id, W, "to")
    services.add_card(meeting_id, W, "tre")
    first = services.add_card(meeting_id, W, "en", index=0)
    services.add_card(meeting_id, G, "godt")
    assert texts(services, meeting_id, W) == ["en", "to", "tre"]
    assert [c.position for c in services.list_cards(meeting_id, W)] == [0, 1, 2]
    services.update_card_text(first.id, "  én\x00 ")
    assert texts(services, meeting_id, W)[0] == "én"
    assert [c.column for c in services.list_cards(meeting_id)] == ["worries"] * 3 + ["working_well"]


def test_card_text_limits(services: Services, meeting_id: str, data_dir: Path) -> None:
    long_card = services.add_card(meeting_id, W, "ord " * 500)  # 2,000 characters is fine
    assert len(long_card.text) == 1999
    before = db_state(data_dir)
    with pytest.raises(ValidationError):
        services.add_card(meeting_id, W, "x" * 10_001)
    with pytest.raises(ValidationError):
        services.update_card_text(long_card.id, "   ")
    with pytest.raises(ValidationError):
        services.add_card(meeting_id, "sideways", "x")
    with pytest.raises(ValidationError):
        services.add_card(meeting_id, W, "x", kind=CardKind.STRENGTH)
    assert db_state(data_dir) == before


def test_move_card_reorders_and_changes_column(services: Services, meeting_id: str) -> None:
    a = services.add_card(meeting_id, W, "a", kind=CardKind.HARM)
    services.add_card(meeting_id, W, "b")
    services.add_card(meeting_id, W, "c")
    services.add_card(meeting_id, N, "x")
    services.move_card(a.id, W, 2)
    assert texts(services, meeting_id, W) == ["b", "c", "a"]
    moved = services.move_card(a.id, N, 0)
    assert texts(services, meeting_id, W) == ["b", "c"]
    assert texts(services, meeting_id, N) == ["a", "x"]
    assert moved.kind == "plain"  # "harm" does not belong in "what needs to happen"
    assert [c.position for c in services.list_cards(meeting_id, W)] == [0, 1]
    services.move_card(a.id, N, 99)  # clamped to the end
    assert texts(services, meeting_id, N) == ["x", "a"]


def test_kind_whose_words_and_stances(services: Services, family: Family, meeting_id: str) -> None:
    mor = services.add_participant(family.id, "Mor", Role.PARENT)
    far = services.add_participant(family.id, "Far", Role.PARENT)
    card = services.add_card(meeting_id, W, "bekymring", whose_words_id=mor.id)
    services.set_card_kind(card.id, CardKind.DANGER_STATEMENT)
    with pytest.raises(ValidationError):
        services.set_card_kind(card.id, CardKind.NEXT_STEP)
    services.set_stance(card.id, far.id, False)
    services.set_stance(card.id, mor.id, True)
    assert services.card_stances(meeting_id) == {card.id: {far.id: False, mor.id: True}}
    services.set_stance(card.id, far.id, None)
    assert services.card_stances(meeting_id) == {card.id: {mor.id: True}}
    services.set_whose_words(card.id, None)
    stored = services.get_card(card.id)
    assert (stored.kind, stored.whose_words_id) == ("danger_statement", None)
    # Deleting a participant keeps their words but forgets the attribution.
    services.set_whose_words(card.id, far.id)
    services.delete_participant(far.id)
    assert services.get_card(card.id).whose_words_id is None


def test_delete_and_restore_card_exactly(
    services: Services, family: Family, meeting_id: str
) -> None:
    mor = services.add_participant(family.id, "Mor", Role.PARENT)
    for text in ("a", "b", "c"):
        services.add_card(meeting_id, G, text)
    b = services.list_cards(meeting_id, G)[1]
    services.set_whose_words(b.id, mor.id)
    services.set_stance(b.id, mor.id, True)
    snapshot = services.delete_card(b.id)
    assert texts(services, meeting_id, G) == ["a", "c"]
    assert [c.position for c in services.list_cards(meeting_id, G)] == [0, 1]
    restored = services.restore_card(snapshot)
    assert restored.id == b.id
    assert texts(services, meeting_id, G) == ["a", "b", "c"]
    assert services.get_card(b.id).whose_words_id == mor.id
    assert services.card_stances(meeting_id) == {b.id: {mor.id: True}}


# ------------------------------------------------------------------- ratings
def test_ratings_one_to_ten_or_not_answered(
    services: Services, family: Family, meeting_id: str
) -> None:
    emma = services.add_participant(family.id, "Emma", Role.CHILD)
    q = services.list_questions(meeting_id)[0]
    services.set_rating(q.id, emma.id, 7, comment="Bedre end sidst")
    services.set_rating(q.id, emma.id, 8)  # answer again: updated, comment kept
    ratings = services.list_ratings(meeting_id)
    assert [(r.value, r.comment) for r in ratings] == [(8, "Bedre end sidst")]
    services.set_rating(q.id, emma.id, None)
    assert services.list_ratings(meeting_id)[0].value is None
    for bad in (0, 11):
        with pytest.raises(ValidationError):
            services.set_rating(q.id, emma.id, bad)
    assert services.list_ratings(meeting_id)[0].value is None
    services.clear_rating(q.id, emma.id)
    assert services.list_ratings(meeting_id) == []


def test_database_itself_refuses_ratings_outside_one_to_ten(
    services: Services, family: Family, meeting_id: str, data_dir: Path
) -> None:
    emma = services.add_participant(family.id, "Emma", Role.CHILD)
    q = services.list_questions(meeting_id)[0]
    services.set_rating(q.id, emma.id, 5)
    services.add_card(meeting_id, W, "kort")
    con = sqlite3.connect(data_dir / DB_FILENAME)
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE rating SET value = 11")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("UPDATE card SET \"column\" = 'sideways'")
    con.close()


def test_questions_edit_add_delete(services: Services, meeting_id: str) -> None:
    extra = services.add_question(meeting_id, "Hvor glad er du for skolen?", low_anchor="Slet ikke")
    q = services.update_question(extra.id, high_anchor="Meget", audience="children")
    assert (q.low_anchor, q.high_anchor, q.audience) == ("Slet ikke", "Meget", "children")
    first = services.list_questions(meeting_id)[0]
    services.delete_question(first.id)
    remaining = services.list_questions(meeting_id)
    assert remaining[-1].id == extra.id
    assert [x.position for x in remaining] == list(range(len(remaining)))


# ------------------------------------------------------------------- actions
def test_actions_add_edit_reorder_tick_delete(
    services: Services, family: Family, meeting_id: str
) -> None:
    far = services.add_participant(family.id, "Far", Role.PARENT)
    a = services.add_action(
        meeting_id, "Ringe til lægen", who_participant_id=far.id, due_date=date(2026, 12, 10)
    )
    b = services.add_action(
        meeting_id, "Lave madplan", who_text="Mor og far", due_text="hver fredag"
    )
    services.move_action(b.id, 0)
    assert [x.what for x in services.list_actions(meeting_id)] == [
        "Lave madplan",
        "Ringe til lægen",
    ]
    services.update_action(a.id, done=True, due_date=None, who_participant_id=None, who_text="Far")
    stored = services.list_actions(meeting_id)[1]
    assert (stored.done, stored.due_date, stored.who_participant_id, stored.who_text) == (
        True,
        None,
        None,
        "Far",
    )
    services.delete_action(b.id)
    assert [(x.what, x.position) for x in services.list_actions(meeting_id)] == [
        ("Ringe til lægen", 0)
    ]
    with pytest.raises(ValidationError):
        services.add_action(meeting_id, "")


# ------------------------------------------------------------------ follow-up
def test_follow_up_carries_the_board_forward(services: Services) -> None:
    demo = create_demo_family(services)
    first = services.list_meetings(demo.id)[-1]
    services.update_meeting(
        first.id, next_meeting_at=datetime(2027, 1, 7, 9, 0), next_meeting_place="Rådhuset"
    )
    follow = services.start_follow_up(first.id)
    assert (follow.follows_id, follow.kind, follow.status) == (first.id, "follow_up", "planned")
    assert (follow.starts_at, follow.place) == (datetime(2027, 1, 7, 9, 0), "Rådhuset")
    old_cards = services.list_cards(first.id)
    new_cards = services.list_cards(follow.id)
    assert [(c.column, c.kind, c.text, c.whose_words_id, c.position) for c in new_cards] == [
        (c.column, c.kind, c.text, c.whose_words_id, c.position) for c in old_cards
    ]
    assert not {c.id for c in new_cards} & {c.id for c in old_cards}
    old_stances = services.card_stances(first.id)
    new_stances = services.card_stances(follow.id)
    by_text_old = {c.text: old_stances.get(c.id) for c in old_cards}
    assert {c.text: new_stances.get(c.id) for c in new_cards} == by_text_old
    old_q = services.list_questions(first.id)
    new_q = services.list_questions(follow.id)
    assert [q.series_id for q in new_q] == [q.series_id for q in old_q]
    assert services.list_ratings(follow.id) == []
    open_before = [a.what for a in services.list_actions(first.id) if not a.done]
    assert [a.what for a in services.list_actions(follow.id)] == open_before
    assert services.list_attendee_ids(follow.id) == services.list_attendee_ids(first.id)


def test_demo_family_is_realistic(services: Services) -> None:
    demo = create_demo_family(services)
    assert demo.display_name == DEMO_NAME
    people = services.list_participants(demo.id)
    assert sum(p.role == "child" for p in people) == 2
    assert {"parent", "network", "professional", "caseworker"} <= {p.role for p in people}
    meetings = services.list_meetings(demo.id)
    assert len(meetings) == 3
    for m in meetings:
        cards = services.list_cards(m.id)
        assert {c.column for c in cards} == {"worries", "working_well", "needs_to_happen"}
        assert services.list_ratings(m.id) and services.list_actions(m.id)


# -------------------------------------------------------------- transactions
def test_a_batch_is_all_or_nothing(services: Services, meeting_id: str, data_dir: Path) -> None:
    before = db_state(data_dir)
    with pytest.raises(ValidationError), services.batch():
        services.add_card(meeting_id, W, "gemt?")
        services.add_card(meeting_id, W, "")  # fails: the first card must vanish too
    assert db_state(data_dir) == before
    assert services.list_cards(meeting_id) == []


def test_delete_and_restore_question_with_its_answers(
    services: Services, family: Family, meeting_id: str
) -> None:
    emma = services.add_participant(family.id, "Emma", Role.CHILD)
    first, second, third = services.list_questions(meeting_id)
    services.set_rating(second.id, emma.id, 7, comment="godt")
    snapshot = services.delete_question(second.id)
    assert [q.id for q in services.list_questions(meeting_id)] == [first.id, third.id]
    assert services.list_ratings(meeting_id) == []
    restored = services.restore_question(snapshot)
    assert restored.id == second.id
    assert [q.id for q in services.list_questions(meeting_id)] == [first.id, second.id, third.id]
    rating = services.get_rating(second.id, emma.id)
    assert rating is not None and (rating.value, rating.comment) == (7, "godt")
    assert services.get_rating(first.id, emma.id) is None


def test_delete_and_restore_action(services: Services, family: Family, meeting_id: str) -> None:
    far = services.add_participant(family.id, "Far", Role.PARENT)
    a = services.add_action(meeting_id, "Ringe til lægen", who_participant_id=far.id)
    b = services.add_action(meeting_id, "Madplan", due_text="hver fredag")
    snapshot = services.delete_action(a.id)
    assert [x.id for x in services.list_actions(meeting_id)] == [b.id]
    services.restore_action(snapshot)
    restored = services.list_actions(meeting_id)
    assert [(x.id, x.what, x.who_participant_id) for x in restored] == [
        (a.id, "Ringe til lægen", far.id),
        (b.id, "Madplan", None),
    ]
