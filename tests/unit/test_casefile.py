"""Case files (JSON): a lossless, byte-identical round trip, and every bad file refused.

Real SQLite databases in temporary data dirs, no mocks. A refused import must
leave the database exactly as it was, which ``db_state`` (a digest of every row
of every table) checks; the refusal must also say, in Danish and in English,
where the problem is.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from helpers import db_state

from familymeeting.domain import rules
from familymeeting.domain.enums import CardKind, Column, MeetingKind, Role
from familymeeting.domain.errors import CaseFileError, ConflictError, NotFoundError, UserError
from familymeeting.messages import user_message
from familymeeting.storage.casefile import (
    MAX_BYTES,
    build_case,
    dumps_case,
    export_case,
    import_case,
    parse_case,
    read_case_file,
)
from familymeeting.storage.database import Database
from familymeeting.storage.demo import DEMO_NAME, create_demo_family
from familymeeting.storage.services import Services

# Danish letters, an emoji and a right-to-left (Arabic) phrase in one card.
MIXED_TEXT = "Æbler, øl og små både 🌈 — مرحبا بالعائلة"
NOBODY = "00000000-0000-4000-8000-000000000000"
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
STAMP_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
WALL_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")

Json = dict[str, Any]
Mutation = Callable[[Json], None]


# --------------------------------------------------------------------- helpers
def _steps(location: str) -> list[str | int]:
    """'meetings[0].cards[1].text' -> ['meetings', 0, 'cards', 1, 'text']."""
    return [
        int(part[1:-1]) if part.startswith("[") else part
        for part in re.findall(r"\[\d+\]|[^.\[\]]+", location)
    ]


def _node(data: Any, steps: list[str | int]) -> Any:
    for step in steps:
        data = data[step]
    return data


def get(data: Json, location: str) -> Any:
    return _node(data, _steps(location))


def put(location: str, value: Any) -> Mutation:
    def mutate(data: Json) -> None:
        *parents, last = _steps(location)
        _node(data, parents)[last] = value

    return mutate


def drop(location: str) -> Mutation:
    def mutate(data: Json) -> None:
        *parents, last = _steps(location)
        del _node(data, parents)[last]

    return mutate


def append(location: str, value: Any) -> Mutation:
    def mutate(data: Json) -> None:
        get(data, location).append(value)

    return mutate


def copy_value(source: str, target: str) -> Mutation:
    """Put the value at ``source`` (e.g. another record's id) at ``target``."""

    def mutate(data: Json) -> None:
        put(target, copy.deepcopy(get(data, source)))(data)

    return mutate


def as_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def renew_ids(data: Json, keep: frozenset[str] = frozenset()) -> Json:
    """The same case with every id replaced by a fresh one (consistently), except ``keep``."""
    fresh: dict[str, str] = {}

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str) and UUID_RE.match(value) and value not in keep:
            return fresh.setdefault(value, str(uuid.uuid4()))
        return value

    return walk(data)  # type: ignore[no-any-return]


def assert_says(error: UserError, *needles: str) -> None:
    """The rendered Danish and English messages both mention every needle."""
    danish, english = user_message(error, "da"), user_message(error, "en")
    assert danish != english
    assert not re.search(r"\{[a-z_]+\}", danish + english), (danish, english)  # all filled in
    for needle in needles:
        assert needle in danish, (needle, danish)
        assert needle in english, (needle, english)


def open_services(data_dir: Path) -> tuple[Database, Services]:
    db = Database.open(data_dir)
    return db, Services(db)


def participant_id(services: Services, family_id: str, name: str) -> str:
    return next(p.id for p in services.list_participants(family_id) if p.name == name)


def snapshot(services: Services, family_id: str) -> Any:
    """Everything the services can tell about one family, as plain comparable data."""
    family = services.get_family(family_id)
    out: dict[str, Any] = {
        "family": asdict(family),
        "participants": [asdict(p) for p in services.list_participants(family_id)],
        "meetings": [],
        "case_dates": [asdict(d) for d in services.list_case_dates(family_id)],
    }
    for m in services.list_meetings(family_id):
        out["meetings"].append(
            {
                "meeting": asdict(m),
                "attendees": services.list_attendee_ids(m.id),
                "cards": [asdict(c) for c in services.list_cards(m.id)],
                "stances": services.card_stances(m.id),
                "questions": [asdict(q) for q in services.list_questions(m.id)],
                "ratings": [asdict(r) for r in services.list_ratings(m.id)],
                "actions": [asdict(a) for a in services.list_actions(m.id)],
            }
        )
    return out


# -------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def good_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The demo family's case file, built once for the tests that only need the file."""
    data_dir = tmp_path_factory.mktemp("source")
    db, services = open_services(data_dir)
    try:
        family = create_demo_family(services)
        return dumps_case(build_case(services, family.id))
    finally:
        db.close()


@pytest.fixture
def good(good_bytes: bytes) -> Json:
    data: Json = json.loads(good_bytes)
    return data


@pytest.fixture
def family_id(services: Services) -> str:
    return create_demo_family(services).id


@pytest.fixture
def target(tmp_path: Path) -> Iterator[tuple[Path, Services]]:
    """Another data dir, holding one unrelated family, to import bad files into."""
    data_dir = tmp_path / "target"
    db, services = open_services(data_dir)
    family = services.create_family("Familien Berg")
    services.add_participant(family.id, "Ida", Role.CHILD, birth_year=2015)
    yield data_dir, services
    db.close()


def refused(target: tuple[Path, Services], raw: bytes, tmp_path: Path) -> CaseFileError:
    """Import ``raw`` from a file; it must be refused and the database left unchanged."""
    data_dir, services = target
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    before = db_state(data_dir)
    with pytest.raises(CaseFileError) as info:
        import_case(services, read_case_file(path))
    assert db_state(data_dir) == before
    return info.value


# ------------------------------------------------------------- the round trip
def test_round_trip_is_lossless_and_byte_identical(
    services: Services, family_id: str, tmp_path: Path
) -> None:
    first = services.list_meetings(family_id)[-1]  # the list is newest first
    noah = participant_id(services, family_id, "Noah")
    mette = participant_id(services, family_id, "Mette (mor)")
    jonas = participant_id(services, family_id, "Jonas (far)")
    mixed = services.add_card(
        first.id, Column.WORKING_WELL, MIXED_TEXT, kind=CardKind.STRENGTH, whose_words_id=noah
    )
    services.set_stance(mixed.id, mette, True)
    services.set_stance(mixed.id, jonas, False)
    services.update_family(family_id, archived=True)
    exported = tmp_path / "case.json"
    export_case(services, family_id, exported)

    other_dir = tmp_path / "other"
    other_db, other = open_services(other_dir)
    try:
        assert other.list_families(include_archived=True) == []
        family = import_case(other, read_case_file(exported))
        assert family.id == family_id

        again = tmp_path / "again.json"
        export_case(other, family_id, again)
        assert again.read_bytes() == exported.read_bytes()

        # Every record and field the services can see came across, ids and timestamps too.
        assert snapshot(other, family_id) == snapshot(services, family_id)

        # ... and, spelled out, the things that matter most to the family.
        assert other.get_family(family_id).archived is True
        assert other.list_families() == []  # still archived, so hidden from the list
        meetings = other.list_meetings(family_id)
        assert len(meetings) == 3
        first_copy = meetings[-1]
        assert sum(len(other.list_cards(m.id)) for m in meetings) == 38
        assert sum(len(other.list_ratings(m.id)) for m in meetings) == 29
        assert sum(len(other.list_actions(m.id)) for m in meetings) == 10
        assert meetings[0].follows_id == meetings[1].id
        assert meetings[1].follows_id == first_copy.id

        card = other.get_card(mixed.id)
        assert card.text == MIXED_TEXT
        assert card.whose_words_id == noah
        assert card.kind == CardKind.STRENGTH
        assert other.card_stances(first_copy.id)[mixed.id] == {mette: True, jonas: False}

        not_answered = [r for r in other.list_ratings(first_copy.id) if r.value is None]
        assert [(r.participant_id, r.comment) for r in not_answered] == [
            (noah, "Ville ikke svare i dag.")
        ]

        actions = {a.what: a for a in other.list_actions(first_copy.id)}
        doctor = actions["Ringe til egen læge om søvnen"]
        assert doctor.due_date == first_copy.starts_at.date() + timedelta(days=7)
        assert doctor.done is True
        this_week = actions["Fortælle Emma og Noah, at de altid må ringe eller komme"]
        assert (this_week.due_date, this_week.due_text) == (None, "Denne uge")
    finally:
        other_db.close()


def test_file_is_sorted_utf8_json_with_format_and_version(
    services: Services, family_id: str, tmp_path: Path
) -> None:
    services.add_card(services.list_meetings(family_id)[0].id, Column.WORRIES, MIXED_TEXT)
    path = tmp_path / "case.json"
    export_case(services, family_id, path)
    raw = path.read_bytes()

    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    assert raw.endswith(b"}\n")
    assert MIXED_TEXT.encode("utf-8") in raw  # real UTF-8, not \u escapes
    assert b"\\u" not in raw

    def sorted_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [k for k, _ in pairs]
        assert keys == sorted(keys)
        return dict(pairs)

    data = json.loads(raw.decode("utf-8"), object_pairs_hook=sorted_object)
    assert data["format"] == "familymeeting-case"
    assert type(data["version"]) is int and data["version"] == 5
    assert sorted(data) == [
        "case_dates",
        "family",
        "format",
        "meetings",
        "participants",
        "version",
    ]

    # Moments are UTC with milliseconds and Z; calendar times are wall-clock, no zone.
    assert STAMP_RE.match(data["family"]["created_at"])
    assert STAMP_RE.match(data["meetings"][0]["cards"][0]["updated_at"])
    assert WALL_RE.match(data["meetings"][0]["starts_at"])
    assert WALL_RE.match(data["meetings"][0]["next_meeting_at"])
    assert re.match(r"^\d{4}-\d\d-\d\d$", data["meetings"][0]["actions"][0]["due_date"])

    # Deterministic: building it again gives the same bytes.
    assert dumps_case(build_case(services, family_id)) == raw


def test_follow_up_dated_before_the_meeting_it_follows_round_trips(
    services: Services, tmp_path: Path
) -> None:
    """Meetings are written in date order; a follow-up may be dated earlier than its source."""
    family = services.create_family("Familien Dato")
    later = services.create_meeting(family.id, datetime(2025, 3, 10, 9, 0))
    earlier = services.start_follow_up(later.id, datetime(2025, 3, 3, 9, 0))
    path = tmp_path / "case.json"
    export_case(services, family.id, path)
    assert [m["id"] for m in json.loads(path.read_bytes())["meetings"]] == [earlier.id, later.id]

    other_db, other = open_services(tmp_path / "other")
    try:
        import_case(other, read_case_file(path))
        assert other.get_meeting(earlier.id).follows_id == later.id
        again = tmp_path / "again.json"
        export_case(other, family.id, again)
        assert again.read_bytes() == path.read_bytes()
    finally:
        other_db.close()


def test_record_order_in_the_file_is_kept_as_position(
    good: Json, target: tuple[Path, Services]
) -> None:
    """Meetings in any order import; cards, questions and actions keep the file's order."""
    _, services = target
    meeting = good["meetings"][0]
    meeting["actions"].reverse()
    meeting["questions"].reverse()
    worries = [c for c in meeting["cards"] if c["column"] == "worries"]
    others = [c for c in meeting["cards"] if c["column"] != "worries"]
    meeting["cards"] = others + worries[::-1]  # columns interleaved, worries reversed
    good["meetings"].reverse()
    import_case(services, parse_case(as_bytes(good)))

    mid = meeting["id"]
    assert [a.what for a in services.list_actions(mid)] == [a["what"] for a in meeting["actions"]]
    assert [q.id for q in services.list_questions(mid)] == [q["id"] for q in meeting["questions"]]
    stored_worries = services.list_cards(mid, Column.WORRIES)
    assert [c.id for c in stored_worries] == [c["id"] for c in worries[::-1]]
    assert [c.position for c in stored_worries] == list(range(len(worries)))


def test_timestamps_with_an_offset_are_stored_as_utc(
    good: Json, target: tuple[Path, Services]
) -> None:
    _, services = target
    good["family"]["created_at"] = "2025-05-01T12:00:00.123456+02:00"
    good["family"]["updated_at"] = "2025-05-01T10:30:00"  # no zone: taken as UTC
    good["meetings"][0]["starts_at"] = "2025-05-01T10:00:00"
    import_case(services, parse_case(as_bytes(good)))

    family = services.get_family(good["family"]["id"])
    assert family.created_at == datetime(2025, 5, 1, 10, 0, 0, 123000, tzinfo=UTC)
    assert family.updated_at == datetime(2025, 5, 1, 10, 30, tzinfo=UTC)
    assert services.get_meeting(good["meetings"][0]["id"]).starts_at == datetime(2025, 5, 1, 10)
    again = build_case(services, family.id)
    assert again["family"]["created_at"] == "2025-05-01T10:00:00.123Z"
    assert again["meetings"][0]["starts_at"] == "2025-05-01T10:00:00"


def test_a_byte_order_mark_is_accepted(
    good_bytes: bytes, target: tuple[Path, Services], tmp_path: Path
) -> None:
    _, services = target
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + good_bytes)
    family = import_case(services, read_case_file(path))
    assert family.display_name == DEMO_NAME
    assert dumps_case(build_case(services, family.id)) == good_bytes


def test_control_characters_in_imported_text_are_removed(
    good: Json, target: tuple[Path, Services]
) -> None:
    _, services = target
    card = good["meetings"][0]["cards"][0]
    card["text"] = "Mor\x07 og far\x00 taler\x1b sammen.\nAnden linje\r\nTredje\tlinje"
    good["meetings"][0]["place"] = "Hjemme\nhos\x7f familien"
    good["participants"][0]["name"] = "Em\x08ma"
    import_case(services, parse_case(as_bytes(good)))

    # Multi-line text keeps its newlines and tabs; single-line text gets spaces.
    assert services.get_card(card["id"]).text == (
        "Mor og far taler sammen.\nAnden linje\nTredje\tlinje"
    )
    assert services.get_meeting(good["meetings"][0]["id"]).place == "Hjemme hos familien"
    assert services.list_participants(good["family"]["id"])[0].name == "Emma"


# ------------------------------------------------------------------ conflicts
def test_importing_the_same_family_again_is_refused(
    services: Services, family_id: str, data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "case.json"
    export_case(services, family_id, path)
    services.update_card_text(
        services.list_cards(services.list_meetings(family_id)[0].id)[0].id, "Ny"
    )
    before = db_state(data_dir)

    with pytest.raises(ConflictError) as info:
        import_case(services, read_case_file(path))

    assert info.value.code == "case_family_exists"
    assert db_state(data_dir) == before
    assert_says(info.value, DEMO_NAME, "--replace")


def test_replace_puts_back_the_files_content_without_duplicates(
    services: Services, family_id: str, tmp_path: Path
) -> None:
    path = tmp_path / "case.json"
    export_case(services, family_id, path)
    meeting = services.list_meetings(family_id)[0]
    edited = services.list_cards(meeting.id)[0]
    original_text = edited.text
    services.update_card_text(edited.id, "Skrevet om efter eksporten")
    added = services.add_card(meeting.id, Column.WORRIES, "Tilføjet efter eksporten")
    services.update_family(family_id, display_name="Nyt navn")
    services.delete_action(services.list_actions(meeting.id)[0].id)

    family = import_case(services, read_case_file(path), replace=True)

    assert family.display_name == DEMO_NAME
    assert services.get_card(edited.id).text == original_text
    with pytest.raises(NotFoundError):
        services.get_card(added.id)
    assert [f.id for f in services.list_families()] == [family_id]
    assert len(services.list_meetings(family_id)) == 3
    assert len(services.list_actions(meeting.id)) == 3
    # Nothing duplicated, nothing left over: the database says exactly what the file says.
    assert dumps_case(build_case(services, family_id)) == path.read_bytes()


@pytest.mark.parametrize(
    ("what", "location"),
    [
        ("participant", "participants[2].id"),
        ("meeting", "meetings[1].id"),
        ("card", "meetings[0].cards[3].id"),
        ("question", "meetings[2].questions[0].id"),
        ("rating", "meetings[1].questions[1].ratings[4].id"),
        ("action", "meetings[0].actions[1].id"),
    ],
)
def test_an_id_of_another_family_is_refused(
    services: Services, family_id: str, data_dir: Path, what: str, location: str
) -> None:
    """The file is a different family, but one of its ids is already used by the demo family."""
    data = build_case(services, family_id)
    taken = get(data, location)
    copied = renew_ids(data, keep=frozenset({taken}))
    assert copied["family"]["id"] != family_id and get(copied, location) == taken
    before = db_state(data_dir)

    with pytest.raises(ConflictError) as info:
        import_case(services, parse_case(dumps_case(copied)))

    assert info.value.code == "case_id_taken"
    assert info.value.params == {"what": what, "id": taken}
    assert db_state(data_dir) == before
    assert_says(info.value, taken)


def test_a_copy_with_all_new_ids_imports_beside_the_original(
    services: Services, family_id: str
) -> None:
    """The control for the test above: only the shared id made it fail."""
    copied = renew_ids(build_case(services, family_id))
    family = import_case(services, parse_case(dumps_case(copied)))
    assert family.id != family_id
    names = [f.display_name for f in services.list_families()]
    assert names == [DEMO_NAME, DEMO_NAME]
    stored = build_case(services, family.id)
    # Same content under new ids (list order of id-sorted lists may differ, so compare texts).
    for key in ("cards", "actions"):
        texts = [[r.get("text", r.get("what")) for r in m[key]] for m in stored["meetings"]]
        assert texts == [[r.get("text", r.get("what")) for r in m[key]] for m in copied["meetings"]]
    assert stored["family"] == copied["family"]


def test_replace_is_all_or_nothing_when_an_id_is_taken(
    services: Services, family_id: str, data_dir: Path
) -> None:
    """The old family is deleted inside the transaction; a later refusal brings it back."""
    stranger = services.create_family("Familien Fremmed")
    intruder = services.add_participant(stranger.id, "Karl", Role.PARENT)
    emma = participant_id(services, family_id, "Emma")
    # The same family, but Emma's id (everywhere) is now the other family's Karl's.
    raw = dumps_case(build_case(services, family_id)).replace(emma.encode(), intruder.id.encode())
    before = db_state(data_dir)

    with pytest.raises(ConflictError) as info:
        import_case(services, parse_case(raw), replace=True)

    assert info.value.code == "case_id_taken"
    assert info.value.params == {"what": "participant", "id": intruder.id}
    assert db_state(data_dir) == before
    assert services.get_family(family_id).display_name == DEMO_NAME


# ------------------------------------------------------------------ bad files
def test_the_unchanged_file_imports_into_the_target(
    good_bytes: bytes, target: tuple[Path, Services], tmp_path: Path
) -> None:
    """The control for every refusal below: the file is fine until it is changed."""
    _, services = target
    path = tmp_path / "case.json"
    path.write_bytes(good_bytes)
    family = import_case(services, read_case_file(path))
    assert [f.display_name for f in services.list_families()] == ["Familien Berg", DEMO_NAME]
    assert dumps_case(build_case(services, family.id)) == good_bytes


RATING = "meetings[0].questions[1].ratings[0]"
CARD = "meetings[0].cards[0]"
DISPUTED = "meetings[0].cards[1]"  # Mette agrees, Jonas disagrees
MUTATIONS: list[Any] = [
    # mutation, expected code, expected reason (or None), words both messages must contain
    *(
        pytest.param(
            put(f"{RATING}.value", v),
            "case_file_invalid",
            reason,
            [f"{RATING}.value"],
            id=f"rating {v!r}",
        )
        for v, reason in [
            (0, "out_of_range"),
            (11, "out_of_range"),
            (-3, "out_of_range"),
            ("5", None),
            (5.5, None),
            (True, None),
            ([5], None),
        ]
    ),
    pytest.param(
        put("format", "familymeeting-plan"),
        "case_file_wrong_format",
        None,
        ["familymeeting-plan"],
        id="wrong format string",
    ),
    pytest.param(drop("format"), "case_file_wrong_format", None, ["None"], id="no format"),
    pytest.param(put("version", 6), "case_file_wrong_version", None, ["6"], id="version 6"),
    pytest.param(put("version", "1"), "case_file_wrong_version", None, ['"1"'], id="version '1'"),
    pytest.param(
        put("version", True), "case_file_wrong_version", None, ["true"], id="version true"
    ),
    pytest.param(put("version", 1.0), "case_file_wrong_version", None, ["1.0"], id="version 1.0"),
    pytest.param(drop("version"), "case_file_wrong_version", None, ["null"], id="no version"),
    pytest.param(
        put(f"{CARD}.column", "maybe"),
        "case_file_invalid",
        "not_a_choice",
        [f"{CARD}.column", "maybe"],
        id="unknown column",
    ),
    pytest.param(
        put(f"{CARD}.kind", "gossip"),
        "case_file_invalid",
        "not_a_choice",
        [f"{CARD}.kind", "gossip"],
        id="unknown card kind",
    ),
    pytest.param(
        put(f"{CARD}.kind", "strength"),
        "case_file_invalid",
        "kind_not_in_column",
        [f"{CARD}.kind", "strength"],
        id="strength in worries",
    ),
    pytest.param(
        put("meetings[0].cards[8].kind", "harm"),
        "case_file_invalid",
        "kind_not_in_column",
        ["meetings[0].cards[8].kind", "harm"],
        id="harm in needs to happen",
    ),
    pytest.param(
        put("family.language", "sv"),
        "case_file_invalid",
        "not_a_choice",
        ["family.language", "sv"],
        id="unknown language",
    ),
    pytest.param(
        put("participants[1].role", "uncle"),
        "case_file_invalid",
        "not_a_choice",
        ["participants[1].role"],
        id="unknown role",
    ),
    pytest.param(
        drop("participants[0].id"),
        "case_file_invalid",
        "missing",
        ["participants[0].id"],
        id="participant without id",
    ),
    pytest.param(
        drop("meetings[1].cards[4].id"),
        "case_file_invalid",
        "missing",
        ["meetings[1].cards[4].id"],
        id="card without id",
    ),
    pytest.param(
        drop(f"{CARD}.whose_words_id"),
        "case_file_invalid",
        "missing",
        [f"{CARD}.whose_words_id"],
        id="missing field",
    ),
    pytest.param(
        drop("meetings"), "case_file_invalid", "missing", ["meetings"], id="no meetings list"
    ),
    pytest.param(
        put("meetings[0].actions[0].id", "action-1"),
        "case_file_invalid",
        "bad_id",
        ["meetings[0].actions[0].id", "action-1"],
        id="id not a uuid",
    ),
    pytest.param(put("family.id", 42), "case_file_invalid", None, ["family.id"], id="id a number"),
    pytest.param(
        put(f"{CARD}.whose_words_id", NOBODY),
        "case_file_bad_reference",
        None,
        [CARD, NOBODY],
        id="whose words not in file",
    ),
    pytest.param(
        append("meetings[0].attendee_ids", NOBODY),
        "case_file_bad_reference",
        None,
        ["meetings[0].attendee_ids", NOBODY],
        id="attendee not in file",
    ),
    pytest.param(
        append(f"{CARD}.agree_ids", NOBODY),
        "case_file_bad_reference",
        None,
        [CARD, NOBODY],
        id="agreeing person not in file",
    ),
    pytest.param(
        put(f"{RATING}.participant_id", NOBODY),
        "case_file_bad_reference",
        None,
        [RATING, NOBODY],
        id="rating by person not in file",
    ),
    pytest.param(
        put("meetings[0].actions[1].who_participant_id", NOBODY),
        "case_file_bad_reference",
        None,
        ["meetings[0].actions[1]", NOBODY],
        id="action by person not in file",
    ),
    pytest.param(
        put("meetings[2].follows_id", NOBODY),
        "case_file_bad_reference",
        None,
        ["meetings[2]", NOBODY],
        id="follows meeting not in file",
    ),
    pytest.param(
        copy_value("meetings[0].cards[0].id", "meetings[2].cards[5].id"),
        "case_file_duplicate_id",
        None,
        [],
        id="two cards one id",
    ),
    pytest.param(
        copy_value("family.id", "participants[3].id"),
        "case_file_duplicate_id",
        None,
        [],
        id="participant has the family's id",
    ),
    pytest.param(
        copy_value("meetings[0].questions[0].ratings[0].id", f"{RATING}.id"),
        "case_file_duplicate_id",
        None,
        [],
        id="two ratings one id",
    ),
    pytest.param(
        copy_value("meetings[0].questions[0].series_id", "meetings[0].questions[2].series_id"),
        "case_file_invalid",
        "series_twice",
        ["meetings[0].questions[2].series_id"],
        id="one series twice in a meeting",
    ),
    pytest.param(
        copy_value(
            f"{RATING}.participant_id", "meetings[0].questions[1].ratings[1].participant_id"
        ),
        "case_file_invalid",
        "answered_twice",
        ["meetings[0].questions[1].ratings[1].participant_id"],
        id="one person rates twice",
    ),
    pytest.param(
        copy_value(f"{DISPUTED}.disagree_ids", f"{DISPUTED}.agree_ids"),
        "case_file_invalid",
        "agrees_and_disagrees",
        [DISPUTED],
        id="agrees and disagrees",
    ),
    pytest.param(
        lambda d: get(d, f"{DISPUTED}.agree_ids").append(get(d, f"{DISPUTED}.agree_ids")[0]),
        "case_file_invalid",
        "person_twice",
        [DISPUTED],
        id="agrees twice",
    ),
    pytest.param(
        put("comment", "hello"),
        "case_file_invalid",
        "unknown_field",
        ["comment"],
        id="unknown top-level field",
    ),
    pytest.param(
        put(f"{CARD}.colour", "red"),
        "case_file_invalid",
        "unknown_field",
        [f"{CARD}.colour"],
        id="unknown card field",
    ),
    pytest.param(
        put(f"{CARD}.text", "x" * (rules.CARD_TEXT_MAX + 1)),
        "case_file_invalid",
        "too_long",
        [f"{CARD}.text"],
        id="card text too long",
    ),
    pytest.param(
        put("family.display_name", "x" * (rules.DISPLAY_NAME_MAX + 1)),
        "case_file_invalid",
        "too_long",
        ["family.display_name"],
        id="name too long",
    ),
    pytest.param(
        put(f"{CARD}.text", ""),
        "case_file_invalid",
        "value_required",
        [f"{CARD}.text"],
        id="empty card text",
    ),
    pytest.param(
        put(f"{CARD}.text", " \n\t\x07 "),
        "case_file_invalid",
        "value_required",
        [f"{CARD}.text"],
        id="card text only blanks",
    ),
    pytest.param(
        put("meetings[1].actions[0].what", ""),
        "case_file_invalid",
        "value_required",
        ["meetings[1].actions[0].what"],
        id="empty action",
    ),
    pytest.param(
        put("family.display_name", "  "),
        "case_file_invalid",
        "value_required",
        ["family.display_name"],
        id="empty family name",
    ),
    pytest.param(
        put("participants[0].birth_year", 1850),
        "case_file_invalid",
        "out_of_range",
        ["participants[0].birth_year"],
        id="birth year 1850",
    ),
    pytest.param(
        put("meetings[0].actions[0].due_date", "2025-02-30"),
        "case_file_invalid",
        None,
        ["meetings[0].actions[0].due_date"],
        id="no such date",
    ),
    pytest.param(
        put(f"{CARD}.created_at", "yesterday"),
        "case_file_invalid",
        None,
        [f"{CARD}.created_at"],
        id="timestamp not a time",
    ),
    pytest.param(
        put("family.created_at", "9999-12-31T23:59:59-05:00"),
        "case_file_invalid",
        "out_of_range",
        ["family.created_at"],
        id="timestamp beyond year 9999 in UTC",
    ),
    pytest.param(
        put("meetings[0].starts_at", "0001-01-01T00:00:00+14:00"),
        "case_file_invalid",
        "out_of_range",
        ["meetings[0].starts_at"],
        id="meeting time before year 1 locally",
    ),
    pytest.param(
        put("family.archived", "no"),
        "case_file_invalid",
        None,
        ["family.archived"],
        id="archived not a boolean",
    ),
    pytest.param(
        put("participants", {}),
        "case_file_invalid",
        None,
        ["participants"],
        id="participants not a list",
    ),
]


@pytest.mark.parametrize(("mutate", "code", "reason", "needles"), MUTATIONS)
def test_a_bad_file_is_refused_and_changes_nothing(
    good: Json,
    target: tuple[Path, Services],
    tmp_path: Path,
    mutate: Mutation,
    code: str,
    reason: str | None,
    needles: list[str],
) -> None:
    mutate(good)
    error = refused(target, as_bytes(good), tmp_path)
    assert error.code == code
    if reason is not None:
        assert error.params["reason"] == reason
    if code == "case_file_duplicate_id":
        assert UUID_RE.match(error.params["id"])
        needles = [error.params["id"]]
    assert_says(error, *needles)


def _half(raw: bytes) -> bytes:
    text = raw.decode("utf-8")
    return text[: len(text) // 2].encode("utf-8")


def _rating_value(literal: bytes) -> Callable[[bytes], bytes]:
    """Write ``literal`` (not valid JSON) as the first rating's value."""

    def damage(raw: bytes) -> bytes:
        return re.sub(rb'"value": \d+', b'"value": ' + literal, raw, count=1)

    return damage


RAW: list[Any] = [
    pytest.param(lambda raw: b"", "case_file_truncated", ["1"], id="empty file"),
    pytest.param(lambda raw: b" \n\n ", "case_file_truncated", ["3"], id="only blank lines"),
    pytest.param(
        lambda raw: raw.replace(b'"version": 5', b'"version": 5,', 1),
        "case_file_not_json",
        [],
        id="malformed json",
    ),
    pytest.param(_half, "case_file_truncated", [], id="truncated in the middle"),
    pytest.param(lambda raw: raw[:-3], "case_file_truncated", [], id="last brace cut off"),
    pytest.param(_rating_value(b"NaN"), "case_file_bad_number", ["NaN"], id="NaN"),
    pytest.param(
        _rating_value(b"-Infinity"),
        "case_file_bad_number",
        ["Infinity"],
        id="-Infinity",
    ),
    pytest.param(
        lambda raw: raw.replace(b"Politiet", b"Poli\xfftiet", 1),
        "case_file_not_utf8",
        [],
        id="invalid utf-8",
    ),
    pytest.param(
        lambda raw: raw.decode("utf-8").encode("utf-16"), "case_file_not_utf8", ["0"], id="utf-16"
    ),
    pytest.param(
        lambda raw: b"[" + raw + b"]", "case_file_wrong_format", ["list"], id="a list at the top"
    ),
    pytest.param(
        lambda raw: b'"familymeeting-case"',
        "case_file_wrong_format",
        ["str"],
        id="a string at the top",
    ),
    pytest.param(
        lambda raw: b"[" * 100_000 + b"]" * 100_000,
        "case_file_too_deep",
        [],
        id="nested 100000 deep",
    ),
]


@pytest.mark.parametrize(("damage", "code", "needles"), RAW)
def test_a_damaged_file_is_refused_and_changes_nothing(
    good_bytes: bytes,
    target: tuple[Path, Services],
    tmp_path: Path,
    damage: Callable[[bytes], bytes],
    code: str,
    needles: list[str],
) -> None:
    raw = damage(good_bytes)
    assert raw != good_bytes
    error = refused(target, raw, tmp_path)
    assert error.code == code
    if code == "case_file_not_utf8":
        position = error.params["position"]
        with pytest.raises(UnicodeDecodeError):
            raw[: position + 1].decode("utf-8")
        needles = [*needles, str(position)]
    if code in ("case_file_not_json", "case_file_truncated"):
        needles = [*needles, str(error.params["line"])]
    assert_says(error, *needles)


def test_truncation_names_the_line_where_the_file_stops(
    good_bytes: bytes, target: tuple[Path, Services], tmp_path: Path
) -> None:
    raw = _half(good_bytes)
    error = refused(target, raw, tmp_path)
    assert error.code == "case_file_truncated"
    assert error.params["line"] == raw.count(b"\n") + 1
    assert_says(error, f"{error.params['line']}")


def test_a_file_over_32_mib_is_refused_before_it_is_read(
    target: tuple[Path, Services], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, _ = target
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.write(b'{"format": "familymeeting-case", "version": 1, "notes": "')
        chunk = ("Æ" * 500_000).encode("utf-8")  # 1 MB of text
        for _ in range(50):
            fh.write(chunk)
        fh.write(b'"}\n')
    assert path.stat().st_size > MAX_BYTES == 32 * 1024 * 1024
    before = db_state(data_dir)

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    with monkeypatch.context() as patch:
        # Only the size may be looked at: reading 50 MB to refuse it would be a waste.
        patch.setattr(Path, "read_bytes", no_reading)
        with pytest.raises(CaseFileError) as info:
            read_case_file(path)

    assert info.value.code == "case_file_too_big"
    assert info.value.params == {"size": 47.7, "max": 32.0}
    assert db_state(data_dir) == before
    assert_says(info.value, "MiB", "32 MiB")
    assert "47,7 MiB" in user_message(info.value, "da")
    assert "47.7 MiB" in user_message(info.value, "en")
    # The same bytes handed over directly are refused before decoding or parsing.
    with pytest.raises(CaseFileError) as direct:
        parse_case(path.read_bytes())
    assert direct.value.code == "case_file_too_big"


def test_a_file_of_exactly_32_mib_is_not_too_big(
    target: tuple[Path, Services], tmp_path: Path
) -> None:
    """The limit is inclusive: such a file is parsed (and here refused for what it says)."""
    path = tmp_path / "limit.json"
    path.write_bytes(b"[" + b" " * (MAX_BYTES - 2) + b"]")
    error = refused(target, path.read_bytes(), tmp_path)
    assert error.code == "case_file_wrong_format"


def test_a_missing_file_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "no-such-case.json"
    with pytest.raises(CaseFileError) as info:
        read_case_file(path)
    assert info.value.code == "case_file_unreadable"
    assert_says(info.value, str(path))


def test_an_imported_family_gets_its_meetings_in_the_right_kinds(
    good: Json, target: tuple[Path, Services]
) -> None:
    """Enum values are read as the stable strings the file uses."""
    _, services = target
    family = import_case(services, parse_case(as_bytes(good)))
    kinds = [m.kind for m in reversed(services.list_meetings(family.id))]
    assert kinds == [MeetingKind.FIRST, MeetingKind.FOLLOW_UP, MeetingKind.FOLLOW_UP]
    assert date.fromisoformat(good["meetings"][0]["actions"][0]["due_date"]) == (
        services.list_actions(good["meetings"][0]["id"])[0].due_date
    )


def test_the_example_in_the_docs_is_a_valid_case_file(target: tuple[Path, Services]) -> None:
    """docs/case-file.md stays true: its example imports, and its limits are the real ones."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "case-file.md").read_text("utf-8")
    example = re.search(r"```json\n(.*?)```", doc, re.DOTALL)
    assert example is not None
    _, services = target
    family = import_case(services, parse_case(example.group(1).encode("utf-8")))
    assert family.display_name == "Familien Holm"
    for limit in (rules.CARD_TEXT_MAX, rules.NOTES_MAX, rules.QUESTION_TEXT_MAX):
        assert f"text ≤ {limit:,}" in doc
    assert f"{MAX_BYTES:,} bytes" in doc


@pytest.mark.parametrize(
    ("mutate", "reason", "location"),
    [
        pytest.param(
            lambda d: d["meetings"][0].__setitem__("follows_id", d["meetings"][0]["id"]),
            "follows_loop",
            "meetings[0].follows_id",
            id="follows itself",
        ),
        pytest.param(
            lambda d: d["meetings"][0].__setitem__("follows_id", d["meetings"][2]["id"]),
            "follows_loop",
            "meetings[0].follows_id",
            id="follow-up loop",
        ),
        pytest.param(
            lambda d: d["participants"][0].__setitem__("birth_year", 2999),
            "out_of_range",
            "participants[0].birth_year",
            id="born in the future",
        ),
        pytest.param(
            lambda d: d["meetings"][0]["questions"][0]["ratings"][0].__setitem__("value", "5"),
            "wrong_type",
            "meetings[0].questions[0].ratings[0].value",
            id="rating as text",
        ),
        pytest.param(
            lambda d: d["meetings"][0].__setitem__("starts_at", "i morgen"),
            "bad_date",
            "meetings[0].starts_at",
            id="date in words",
        ),
    ],
)
def test_refusals_are_worded_in_danish_and_english(
    good: Json,
    target: tuple[Path, Services],
    tmp_path: Path,
    mutate: Callable[[Json], None],
    reason: str,
    location: str,
) -> None:
    mutate(good)
    error = refused(target, as_bytes(good), tmp_path)
    assert (error.code, error.params["reason"], error.params["location"]) == (
        "case_file_invalid",
        reason,
        location,
    )
    danish = user_message(error, "da")
    assert location in danish and "Input should" not in danish
    assert location in user_message(error, "en")


def test_unreadable_paths_are_explained(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError) as missing:
        read_case_file(tmp_path / "nope.json")
    assert missing.value.params["reason"] == "file_missing"
    assert "filen findes ikke" in user_message(missing.value, "da")
    with pytest.raises(CaseFileError) as folder:
        read_case_file(tmp_path)
    assert folder.value.params["reason"] == "is_directory"
    assert "it is a folder" in user_message(folder.value, "en")


# ------------------------------------------------- plan lines made from cards
def test_a_plan_line_keeps_its_card_through_the_round_trip(
    services: Services, family_id: str, tmp_path: Path
) -> None:
    """Version 2: an action made from a card names it, and an import links them again."""
    linked = [
        (m.id, a.card_id)
        for m in services.list_meetings(family_id)
        for a in services.list_actions(m.id)
        if a.card_id is not None
    ]
    assert linked, "the demo has a plan line made from a card"
    path = tmp_path / "case.json"
    export_case(services, family_id, path)
    data = json.loads(path.read_bytes())
    assert any(a["card_id"] for m in data["meetings"] for a in m["actions"])
    other_db, other = open_services(tmp_path / "other")
    try:
        import_case(other, read_case_file(path))
        again = [
            (m.id, a.card_id)
            for m in other.list_meetings(family_id)
            for a in other.list_actions(m.id)
            if a.card_id is not None
        ]
        assert sorted(again) == sorted(linked)
        for meeting_id, card_id in again:
            assert other.get_card(card_id or "").meeting_id == meeting_id
    finally:
        other_db.close()


def down_to_4(case: Json) -> Json:
    """The case as format 4 wrote it: no question kind (found from the wording on import)."""
    case = copy.deepcopy(case)
    case["version"] = 4
    for m in case["meetings"]:
        for q in m["questions"]:
            q.pop("kind")
    return case


def down_to_3(case: Json) -> Json:
    """The case as format 3 wrote it: for_children instead of the audience, none of the
    child's voice (answered alone, shared, feedback, houses, a child's language; the
    demo's feedback and houses are left out, as format 3 could not carry them)."""
    case = down_to_4(case)
    case["version"] = 3
    for p in case["participants"]:
        assert (p.pop("language"), p.pop("own_plan")) == ("", None)
    for m in case["meetings"]:
        m.pop("child_feedback")
        m.pop("house_items")
        for q in m["questions"]:
            assert q.pop("chosen_ids") == []
            q["for_children"] = q.pop("audience") == "children"
            for r in q["ratings"]:
                assert (r.pop("answered_alone"), r.pop("shared")) == (False, True)
    return case


def test_a_version_1_file_imports_with_no_card_links(
    good: Json, target: tuple[Path, Services], tmp_path: Path
) -> None:
    old = down_to_3(good)
    old["version"] = 1
    del old["case_dates"]  # version 3's
    for m in old["meetings"]:
        for name in ("assessment", "minutes", "other_attendees"):
            del m[name]
        for a in m["actions"]:
            del a["card_id"]
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    _, services = target
    family = import_case(services, read_case_file(path))
    actions = [a for m in services.list_meetings(family.id) for a in services.list_actions(m.id)]
    assert len(actions) == sum(len(m["actions"]) for m in old["meetings"])
    assert all(a.card_id is None for a in actions)


def test_a_plan_line_naming_a_card_of_another_meeting_is_refused(
    good: Json, target: tuple[Path, Services], tmp_path: Path
) -> None:
    bad = copy.deepcopy(good)
    first, second = bad["meetings"][0], bad["meetings"][1]
    second["actions"][0]["card_id"] = first["cards"][0]["id"]
    error = refused(target, json.dumps(bad).encode("utf-8"), tmp_path)
    assert error.code == "case_file_bad_reference"
    assert "meetings[1].actions[0].card_id" in user_message(error, "en")


# --------------------------------------------------------- format 3 (issue 18)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def write_record(services: Services, meeting_id: str, **values: str) -> None:
    """The meeting record's fields, written as the record's own dialog would store them."""
    from familymeeting.storage.models import Meeting

    with services.db.session() as s:
        meeting = s.get(Meeting, meeting_id)
        assert meeting is not None
        for name, value in values.items():
            setattr(meeting, name, value)


def test_case_dates_and_the_meeting_record_round_trip(
    services: Services, family_id: str, tmp_path: Path
) -> None:
    meeting = services.list_meetings(family_id)[0]
    write_record(
        services,
        meeting.id,
        assessment="Faglig vurdering: " + MIXED_TEXT,
        minutes="Referat\nAnden linje",
        other_attendees="Anne, lærer\nBo, sundhedsplejerske",
    )
    exported = tmp_path / "case.json"
    export_case(services, family_id, exported)
    data = json.loads(exported.read_bytes())
    assert data["version"] == 5
    assert len(data["case_dates"]) == 6  # the demo: four for the family, two of Noah's own
    noah = participant_id(services, family_id, "Noah")
    assert {d["kind"] for d in data["case_dates"] if d["participant_id"] == noah} == {
        "decision",
        "help_started",
    }
    shown = next(m for m in data["meetings"] if m["id"] == meeting.id)
    assert shown["other_attendees"] == "Anne, lærer\nBo, sundhedsplejerske"

    other_db, other = open_services(tmp_path / "other")
    try:
        import_case(other, read_case_file(exported))
        assert snapshot(other, family_id) == snapshot(services, family_id)
        assert other.get_meeting(meeting.id).assessment == "Faglig vurdering: " + MIXED_TEXT
        lines = other.case_timeline(family_id, date(2030, 1, 1))
        assert [line.spans[0].days for line in lines] == [23, 35]
        again = tmp_path / "again.json"
        export_case(other, family_id, again)
        assert again.read_bytes() == exported.read_bytes()
    finally:
        other_db.close()


def test_a_format_2_file_made_before_format_3_still_imports_unchanged(
    target: tuple[Path, Services], tmp_path: Path
) -> None:
    """tests/fixtures/case-file-v2.json was written by the code of format 2 (the demo)."""
    raw = (FIXTURES / "case-file-v2.json").read_bytes()
    old = json.loads(raw)
    assert old["version"] == 2 and "case_dates" not in old
    _, services = target
    family = import_case(services, read_case_file(FIXTURES / "case-file-v2.json"))
    assert services.list_case_dates(family.id) == []
    meetings = services.list_meetings(family.id)
    assert len(meetings) == len(old["meetings"]) == 3
    assert all((m.assessment, m.minutes, m.other_attendees) == ("", "", "") for m in meetings)
    # What format 2 had comes out of format 3 the same, with the new parts empty.
    new = down_to_3(build_case(services, family.id))
    assert new["case_dates"] == []
    for m in new["meetings"]:
        assert (m.pop("assessment"), m.pop("minutes"), m.pop("other_attendees")) == ("", "", "")
    del new["case_dates"]
    new["version"] = 2
    assert new == old


def edited(good: Json, change: Callable[[Json], None]) -> bytes:
    bad = copy.deepcopy(good)
    change(bad)
    return json.dumps(bad).encode("utf-8")


def _set_child(case: Json, name: str) -> None:
    pid = next(p["id"] for p in case["participants"] if p["name"] == name)
    case["case_dates"][0]["participant_id"] = pid


def _dup_date(case: Json) -> None:
    case["case_dates"].append({**case["case_dates"][0], "id": str(uuid.uuid4())})


def _out_of_order(case: Json) -> None:
    for d in case["case_dates"]:
        if d["kind"] == "decision" and d["participant_id"] is None:
            d["on_date"] = "2000-01-01"


def _as_version_2_with_dates(case: Json) -> None:
    case["version"] = 2
    for m in case["meetings"]:
        for q in m["questions"]:
            q.pop("kind")
    for m in case["meetings"]:
        for name in ("assessment", "minutes", "other_attendees"):
            del m[name]


@pytest.mark.parametrize(
    ("change", "code", "where"),
    [
        (lambda c: _set_child(c, "Mette (mor)"), "case_file_bad_reference", "case_dates[0]"),
        (
            lambda c: c["case_dates"][0].update(participant_id=NOBODY),
            "case_file_bad_reference",
            "case_dates[0].participant_id",
        ),
        (_dup_date, "case_file_invalid", "case_dates[6].kind"),
        (_out_of_order, "case_file_invalid", "case_dates"),
        (lambda c: c["case_dates"][0].update(kind="hearing"), "case_file_invalid", "case_dates[0]"),
        (_as_version_2_with_dates, "case_file_invalid", "case_dates"),
        (
            lambda c: [c.update(version=2), c.pop("case_dates")],
            "case_file_invalid",
            "meetings[0].assessment",
        ),
    ],
    ids=[
        "a parent's date",
        "unknown child",
        "date twice",
        "out of order",
        "unknown kind",
        "dates in a version 2 file",
        "record text in a version 2 file",
    ],
)
def test_bad_case_dates_are_refused_and_change_nothing(
    good: Json,
    target: tuple[Path, Services],
    tmp_path: Path,
    change: Callable[[Json], None],
    code: str,
    where: str,
) -> None:
    error = refused(target, edited(good, change), tmp_path)
    assert error.code == code
    assert where in user_message(error, "en")
    assert user_message(error, "da") != user_message(error, "en")
