"""Case file format 4 (issue 19): who answers a question, a child's answers given alone
and shared or not, a child's language and own plan, the child's feedback and Three
Houses, carried as data; formats 1-3 still read."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import db_state
from sqlmodel import col, select

from familymeeting.domain.enums import Role
from familymeeting.domain.errors import CaseFileError
from familymeeting.storage.casefile import (
    STROKES_MAX,
    build_case,
    dumps_case,
    export_case,
    import_case,
    read_case_file,
)
from familymeeting.storage.database import Database
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.models import ChildFeedback, HouseItem, Participant, Rating
from familymeeting.storage.services import Services

FIXTURES = Path(__file__).parent.parent / "fixtures"
Json = dict[str, Any]
STROKES = json.dumps([{"colour": "#d62828", "width": 6, "points": [[1, 2], [3, 4], [5, 6]]}])


def open_services(data_dir: Path) -> tuple[Database, Services]:
    db = Database.open(data_dir)
    return db, Services(db)


def person(services: Services, family_id: str, name: str) -> str:
    return next(p.id for p in services.list_participants(family_id) if p.name == name)


def with_the_childs_voice(services: Services) -> str:
    """The demo family, with everything format 4 adds: a question for chosen people, an
    answer Noah gave alone and did not share, Emma's language and own plan, feedback
    and a house with a sentence and a drawing (rows written directly: their screens are
    other parts of issue 19)."""
    family = create_demo_family(services)
    meeting = max(services.list_meetings(family.id), key=lambda m: m.starts_at)
    emma, noah = (person(services, family.id, n) for n in ("Emma", "Noah"))
    sara = next(p.id for p in services.list_participants(family.id) if p.role == "caseworker")
    home, _safety, plan = services.list_questions(meeting.id)[:3]
    services.update_question(plan.id, audience="chosen", chosen=[emma, sara])
    services.set_rating(home.id, noah, 2, answered_alone=True, shared=False)
    card = services.list_cards(meeting.id)[0]
    with services.db.session() as s:
        row = s.get(Participant, emma)
        assert row is not None
        row.language, row.own_plan = "en", True
        s.add(ChildFeedback(meeting_id=meeting.id, participant_id=emma, item="listened", value=9))
        s.add(
            ChildFeedback(
                meeting_id=meeting.id, participant_id=emma, item="liked_meeting", value=None
            )
        )
        s.add(
            HouseItem(
                meeting_id=meeting.id,
                participant_id=emma,
                house="worries",
                kind="text",
                text="Når mor og far skændes",
                shared=True,
                card_id=card.id,
            )
        )
        s.add(
            HouseItem(
                meeting_id=meeting.id,
                participant_id=emma,
                house="dreams",
                kind="drawing",
                strokes=STROKES,
                shared=False,
                position=0,
            )
        )
    return family.id


@pytest.fixture
def source(tmp_path: Path) -> Iterator[tuple[Services, str]]:
    db, services = open_services(tmp_path / "source")
    yield services, with_the_childs_voice(services)
    db.close()


@pytest.fixture
def target(tmp_path: Path) -> Iterator[tuple[Path, Services]]:
    data_dir = tmp_path / "target"
    db, services = open_services(data_dir)
    family = services.create_family("Familien Berg")
    services.add_participant(family.id, "Ida", Role.CHILD, birth_year=2015)
    yield data_dir, services
    db.close()


def test_format_4_carries_the_childs_voice_and_round_trips_byte_identical(
    source: tuple[Services, str], tmp_path: Path
) -> None:
    services, family_id = source
    exported = tmp_path / "case.json"
    export_case(services, family_id, exported)
    data = json.loads(exported.read_bytes())
    assert data["version"] == 5
    meeting = max(data["meetings"], key=lambda m: m["starts_at"])
    home, safety, plan = meeting["questions"][:3]
    assert (home["audience"], safety["audience"], plan["audience"]) == (
        "everyone",
        "adults",
        "chosen",
    )
    assert "for_children" not in home and len(plan["chosen_ids"]) == 2
    noah = person(services, family_id, "Noah")
    alone = next(r for r in home["ratings"] if r["participant_id"] == noah)
    assert (alone["value"], alone["answered_alone"], alone["shared"]) == (2, True, False)
    emma = next(p for p in data["participants"] if p["name"] == "Emma")
    assert (emma["language"], emma["own_plan"]) == ("en", True)
    emma_id = person(services, family_id, "Emma")
    given = [f for f in meeting["child_feedback"] if f["participant_id"] == emma_id]
    assert sorted((f["item"], f["value"]) for f in given) == [
        ("liked_meeting", None),
        ("listened", 9),
    ]
    # The demo has houses of its own: the items written here are found by their content.
    drawing = next(
        h
        for h in meeting["house_items"]
        if h["kind"] == "drawing" and json.loads(h["strokes"]) == json.loads(STROKES)
    )
    assert not drawing["shared"]
    said = next(h for h in meeting["house_items"] if h["text"] == "Når mor og far skændes")
    assert said["card_id"] == meeting["cards"][0]["id"] and said["shared"]

    other_db, other = open_services(tmp_path / "other")
    try:
        import_case(other, read_case_file(exported))
        again = tmp_path / "again.json"
        export_case(other, family_id, again)
        assert again.read_bytes() == exported.read_bytes()
        meeting_id = meeting["id"]
        stored = other.list_questions(meeting_id)[2]
        assert stored.audience == "chosen" and len(stored.chosen) == 2
        with other.db.reading() as s:
            rating = s.exec(select(Rating).where(Rating.participant_id == noah)).all()
            assert any(r.answered_alone and not r.shared and r.value == 2 for r in rating)
            items = s.exec(select(HouseItem).order_by(col(HouseItem.house))).all()
            # Every house item of the file (the demo's and those written here) came in.
            assert sorted((h.house, h.kind, h.text) for h in items) == sorted(
                (h["house"], h["kind"], h["text"]) for h in meeting["house_items"]
            )
            assert ("dreams", "drawing", "") in [(h.house, h.kind, h.text) for h in items]
    finally:
        other_db.close()


def test_a_format_3_file_made_before_format_4_still_imports_unchanged(
    target: tuple[Path, Services],
) -> None:
    """tests/fixtures/case-file-v3.json was written by the code of format 3 (the demo)."""
    old = json.loads((FIXTURES / "case-file-v3.json").read_bytes())
    assert old["version"] == 3
    _, services = target
    family = import_case(services, read_case_file(FIXTURES / "case-file-v3.json"))
    new = build_case(services, family.id)
    assert new["version"] == 5
    # Each question's kind was found from its wording (format 5's; none of the demo's is
    # a custom question).
    kinds = [q.pop("kind") for m in new["meetings"] for q in m["questions"]]
    assert set(kinds) == {"home", "safety_scale", "confidence"}
    # for_children became the audience; the child's voice is empty; the rest is as it was.
    flags = {q["id"]: q["for_children"] for m in old["meetings"] for q in m["questions"]}
    assert any(flags.values())
    for p in new["participants"]:
        assert (p.pop("language"), p.pop("own_plan")) == ("", None)
    for m in new["meetings"]:
        assert (m.pop("child_feedback"), m.pop("house_items")) == ([], [])
        for q in m["questions"]:
            assert q.pop("chosen_ids") == []
            assert q.pop("audience") == ("children" if flags[q["id"]] else "everyone")
            q["for_children"] = flags[q["id"]]
            for r in q["ratings"]:
                assert (r.pop("answered_alone"), r.pop("shared")) == (False, True)
    new["version"] = 3
    assert new == old


def test_a_format_4_file_imports_with_kinds_from_the_wording(
    target: tuple[Path, Services],
) -> None:
    """tests/fixtures/case-file-v4.json was written by the code of format 4 (the demo
    with a custom question): it imports, each question gets the kind its wording says,
    and written again it is format 5, the same but for the kinds."""
    old = json.loads((FIXTURES / "case-file-v4.json").read_bytes())
    assert old["version"] == 4
    _, services = target
    family = import_case(services, read_case_file(FIXTURES / "case-file-v4.json"))
    new = build_case(services, family.id)
    assert new["version"] == 5
    kinds = {q["text"]: q.pop("kind") for m in new["meetings"] for q in m["questions"]}
    assert kinds["Hvor godt sover du om natten?"] == ""
    assert kinds["Hvor godt er det at være dig derhjemme lige nu?"] == "home"
    assert sorted(set(kinds.values())) == ["", "confidence", "home", "safety_scale"]
    new["version"] = 4
    assert new == old


def _with_kind(kind: object) -> Callable[[Json], None]:
    def mutate(case: Json) -> None:
        case["meetings"][0]["questions"][0]["kind"] = kind

    return mutate


def _without_kind(case: Json) -> None:
    del case["meetings"][0]["questions"][0]["kind"]


def _kind_in_version_4(case: Json) -> None:
    case["version"] = 4


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (_with_kind("weather"), "not_a_choice"),
        (_with_kind(3), None),
        (_without_kind, "missing"),
        (_kind_in_version_4, "unknown_field"),
    ],
    ids=["unknown kind", "kind not text", "kind missing in 5", "kind in 4"],
)
def test_a_bad_question_kind_is_refused(
    source: tuple[Services, str], tmp_path: Path, change: Callable[[Json], None], reason: str | None
) -> None:
    services, family_id = source
    case = build_case(services, family_id)
    change(case)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    with pytest.raises(CaseFileError) as refused:
        read_case_file(path)
    assert refused.value.code == "case_file_invalid"
    assert "kind" in str(refused.value.params.get("location"))
    if reason is not None:
        assert refused.value.params.get("reason") == reason


def test_a_question_keeps_its_kind_through_a_case_file(
    source: tuple[Services, str], target: tuple[Path, Services], tmp_path: Path
) -> None:
    """A default question whose wording was edited in every meeting keeps its kind:
    the file carries it, not only the wording."""
    services, family_id = source
    for meeting in services.list_meetings(family_id):
        home = services.list_questions(meeting.id)[0]
        services.update_question(home.id, text="Hvordan har du det hjemme?")
    exported = tmp_path / "case.json"
    export_case(services, family_id, exported)
    _, other = target
    family = import_case(other, read_case_file(exported))
    for meeting in other.list_meetings(family.id):
        assert other.list_questions(meeting.id)[0].kind == "home"


Mutation = Callable[[Json], None]


def _last(case: Json) -> Json:
    return max(case["meetings"], key=lambda m: m["starts_at"])  # type: ignore[no-any-return]


def _feedback(**change: Any) -> Mutation:
    def mutate(case: Json) -> None:
        _last(case)["child_feedback"][0].update(change)

    return mutate


def _house(which: str, **change: Any) -> Mutation:
    def mutate(case: Json) -> None:
        item = next(h for h in _last(case)["house_items"] if h["kind"] == which)
        item.update(change)

    return mutate


def _question(index: int, **change: Any) -> Mutation:
    def mutate(case: Json) -> None:
        _last(case)["questions"][index].update(change)

    return mutate


def _parent_of(case: Json) -> str:
    return next(p["id"] for p in case["participants"] if p["role"] == "parent")  # type: ignore[no-any-return]


def _feedback_of_a_parent(case: Json) -> None:
    _last(case)["child_feedback"][0]["participant_id"] = _parent_of(case)


def _feedback_twice(case: Json) -> None:
    first = _last(case)["child_feedback"][0]
    _last(case)["child_feedback"].append({**first, "id": "0" * 8 + "-0000-4000-8000-" + "0" * 12})


def _drop_audience(case: Json) -> None:
    del _last(case)["questions"][0]["audience"]


def _as_version_3(case: Json) -> None:
    case["version"] = 3
    for m in case["meetings"]:
        for q in m["questions"]:
            q.pop("kind")  # format 5's: the format 4 fields are what this case is about


BAD: list[Any] = [
    pytest.param(_feedback(value=11), "out_of_range", id="feedback value 11"),
    pytest.param(_feedback(value=0), "out_of_range", id="feedback value 0"),
    pytest.param(_feedback(item="Nice day!"), "bad_id", id="feedback item not a key"),
    pytest.param(_feedback_of_a_parent, None, id="feedback of a parent"),
    pytest.param(_feedback_twice, "answered_twice", id="feedback twice for one item"),
    pytest.param(_house("text", house="attic"), "not_a_choice", id="a fourth house"),
    pytest.param(_house("text", kind="video"), "not_a_choice", id="an unknown kind"),
    pytest.param(_house("drawing", strokes="[{"), "invalid_value", id="strokes not json"),
    pytest.param(_house("drawing", strokes='"a line"'), "invalid_value", id="strokes no list"),
    pytest.param(
        _house("drawing", strokes="[" + "[1,2]," * (STROKES_MAX // 6) + "[1,2]]"),
        "too_long",
        id="strokes too big",
    ),
    pytest.param(_house("text", strokes=STROKES), "invalid_value", id="strokes on a sentence"),
    pytest.param(_house("text", participant_id=None), "wrong_type", id="house of nobody"),
    pytest.param(_question(0, audience="pets"), "not_a_choice", id="unknown audience"),
    pytest.param(_question(0, for_children=True), "unknown_field", id="for_children in 4"),
    pytest.param(_drop_audience, "missing", id="audience missing in 4"),
    pytest.param(_question(2, chosen_ids=[]), "invalid_value", id="chosen without people"),
    pytest.param(_as_version_3, "unknown_field", id="format 4 fields in a version 3 file"),
]


@pytest.mark.parametrize(("mutate", "reason"), BAD)
def test_a_bad_format_4_file_is_refused_and_changes_nothing(
    source: tuple[Services, str],
    target: tuple[Path, Services],
    tmp_path: Path,
    mutate: Mutation,
    reason: str | None,
) -> None:
    services, family_id = source
    case = copy.deepcopy(json.loads(dumps_case(build_case(services, family_id))))
    mutate(case)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    data_dir, other = target
    before = db_state(data_dir)
    with pytest.raises(CaseFileError) as info:
        import_case(other, read_case_file(path))
    assert db_state(data_dir) == before
    if reason is None:
        assert info.value.code == "case_file_bad_reference"
        assert info.value.params["what"] == "child"
    else:
        assert info.value.code == "case_file_invalid"
        assert info.value.params["reason"] == reason
