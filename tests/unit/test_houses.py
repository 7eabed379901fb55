"""Three Houses (issue 19): a child's sentences and drawings, each shared or not.

Real SQLite files in temporary data dirs. A refused change leaves every row as it was
(``db_state``) and says why in Danish and English; the access log gets ids only.
"""

from __future__ import annotations

import io
import json
from datetime import datetime
from pathlib import Path

import pytest
from helpers import db_state
from pypdf import PdfReader

from familymeeting.domain.errors import UserError, ValidationError
from familymeeting.domain.houses import (
    MAX_POINTS_PER_STROKE,
    MAX_STROKES,
    Stroke,
    strokes_from_json,
    strokes_to_json,
)
from familymeeting.export.houses import render_houses
from familymeeting.export.plan import render_plan
from familymeeting.messages import user_message
from familymeeting.storage import operations as ops
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.houses_data import build_houses
from familymeeting.storage.models import Participant
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services

DRAWING = strokes_to_json(
    [
        Stroke("#2f5b85", 0.02, ((0.1, 0.1), (0.5, 0.5), (0.9, 0.2))),
        Stroke("#d98e6a", 0.05, ((0.3, 0.7),)),
    ]
)


@pytest.fixture
def meeting(services: Services) -> tuple[str, str, str, str]:
    family = services.create_family("Familien Berg")
    emma = services.add_participant(family.id, "Emma", "child", birth_year=2017).id
    lone = services.add_participant(family.id, "Lone", "parent").id
    meeting = services.create_meeting(family.id, datetime(2026, 11, 20, 10, 0))
    return family.id, meeting.id, emma, lone


def log_details(services: Services, family_id: str) -> list[tuple[str, str]]:
    return [(e.event, e.detail) for e in services.access_log(family_id)]


# ------------------------------------------------------------------- domain
def test_strokes_round_trip_rounded_and_bounded() -> None:
    text = strokes_to_json([Stroke("#ABCDEF", 0.0123456, ((0.123456789, 1.0), (0, 0)))])
    assert json.loads(text) == [{"c": "#abcdef", "w": 0.0123, "p": [[0.1235, 1.0], [0.0, 0.0]]}]
    assert strokes_from_json(text)[0].points == ((0.1235, 1.0), (0.0, 0.0))
    assert strokes_to_json([]) == ""
    for bad in (
        "not json",
        '{"c": "#000000"}',
        '[{"c": "red", "w": 0.01, "p": [[0, 0]]}]',
        '[{"c": "#000000", "w": 0.01, "p": [[1.5, 0]]}]',
        '[{"c": "#000000", "w": 0.01, "p": [[NaN, 0]]}]',
        '[{"c": "#000000", "w": 0.01, "p": []}]',
        '[{"c": "#000000", "w": 3, "p": [[0, 0]]}]',
        '[{"c": "#000000", "w": 0.01, "p": [[0, 0]], "x": 1}]',
    ):
        with pytest.raises(ValidationError):
            strokes_from_json(bad)
    too_long = Stroke("#000000", 0.01, ((0.5, 0.5),) * (MAX_POINTS_PER_STROKE + 1))
    with pytest.raises(ValidationError, match="drawing_too_big"):
        strokes_to_json([too_long])
    with pytest.raises(ValidationError, match="drawing_too_big"):
        strokes_to_json([Stroke("#000000", 0.01, ((0.5, 0.5),))] * (MAX_STROKES + 1))


# ---------------------------------------------------------------- sentences
def test_sentences_are_added_edited_shared_and_undone(
    services: Services, meeting: tuple[str, str, str, str]
) -> None:
    family_id, meeting_id, emma, _ = meeting
    applied = services.run(ops.AddHouseSentence(meeting_id, emma, "worries", "Når far råber"))
    assert applied.changes.houses is not None
    (item,) = applied.changes.houses
    assert (item.house, item.kind, item.text, item.shared) == (
        "worries",
        "text",
        "Når far råber",
        False,
    )
    services.run(ops.AddHouseSentence(meeting_id, emma, "dreams", "En hund"))
    services.run(ops.AddHouseSentence(meeting_id, emma, "worries", "Skolen"))
    stored = services.list_house_items(meeting_id, emma)
    assert [(i.house, i.text, i.position) for i in stored] == [
        ("worries", "Når far råber", 0),
        ("worries", "Skolen", 1),
        ("dreams", "En hund", 0),
    ]
    # The child says yes: one tap; undo puts "no" back.
    shared = services.run(ops.SetHouseShared(item.id, True))
    assert services.get_house_item(item.id).shared is True
    assert shared.undo is not None
    services.run(shared.undo)
    assert services.get_house_item(item.id).shared is False
    # Edit, then undo; delete, then bring back with its id and place.
    edited = services.run(ops.SetHouseText(item.id, "Når far råber højt"))
    assert services.get_house_item(item.id).text == "Når far råber højt"
    assert edited.undo is not None
    services.run(edited.undo)
    assert services.get_house_item(item.id).text == "Når far råber"
    deleted = services.run(ops.DeleteHouseItem(item.id))
    assert [i.text for i in services.list_house_items(meeting_id, emma)] == ["Skolen", "En hund"]
    assert deleted.undo is not None
    services.run(deleted.undo)
    assert [i.text for i in services.list_house_items(meeting_id, emma)][:2] == [
        "Når far råber",
        "Skolen",
    ]
    # Ids only in the access log: the child's id, never the words.
    log = log_details(services, family_id)
    assert ("houses", emma) in log
    assert all("råber" not in detail for _, detail in log)


def test_refused_sentences_change_nothing(
    services: Services, meeting: tuple[str, str, str, str], data_dir: Path
) -> None:
    _, meeting_id, emma, lone = meeting
    services.run(ops.AddHouseSentence(meeting_id, emma, "worries", "Skolen"))
    before = db_state(data_dir)
    for op, code in (
        (ops.AddHouseSentence(meeting_id, emma, "worries", "x" * 1001), "value_too_long"),
        (ops.AddHouseSentence(meeting_id, emma, "worries", "   "), "value_required"),
        (ops.AddHouseSentence(meeting_id, lone, "worries", "Hej"), "house_not_a_child"),
        (ops.AddHouseSentence(meeting_id, emma, "attic", "Hej"), "invalid_choice"),
    ):
        with pytest.raises(UserError) as info:
            services.run(op)
        assert info.value.code == code
        assert user_message(info.value, "da") != user_message(info.value, "en")
    assert db_state(data_dir) == before


# ------------------------------------------------------------------ drawings
def test_a_houses_drawing_is_one_item_saved_replaced_and_undone(
    services: Services, meeting: tuple[str, str, str, str], data_dir: Path
) -> None:
    _, meeting_id, emma, _ = meeting
    first = services.run(ops.SaveHouseDrawing(meeting_id, emma, "good_things", DRAWING))
    (item,) = services.list_house_items(meeting_id, emma)
    assert (item.kind, item.house, item.shared) == ("drawing", "good_things", False)
    assert strokes_from_json(item.strokes) == strokes_from_json(DRAWING)
    more = strokes_to_json(
        [*strokes_from_json(DRAWING), Stroke("#3f6e3a", 0.03, ((0.2, 0.2), (0.3, 0.3)))]
    )
    second = services.run(ops.SaveHouseDrawing(meeting_id, emma, "good_things", more))
    (again,) = services.list_house_items(meeting_id, emma)
    assert again.id == item.id and len(strokes_from_json(again.strokes)) == 3
    assert second.undo is not None and first.undo is not None
    services.run(second.undo)
    assert services.list_house_items(meeting_id, emma)[0].strokes == DRAWING
    services.run(first.undo)  # before the first save: no drawing at all
    assert services.list_house_items(meeting_id, emma) == []
    before = db_state(data_dir)
    bad = '[{"c": "#000000", "w": 0.01, "p": [[2, 2]]}]'
    with pytest.raises(UserError) as info:
        services.run(ops.SaveHouseDrawing(meeting_id, emma, "good_things", bad))
    assert info.value.code == "drawing_invalid"
    assert db_state(data_dir) == before


# -------------------------------------------------------------- to the board
def test_only_a_shared_sentence_goes_on_the_board_in_the_childs_words(
    services: Services, meeting: tuple[str, str, str, str], data_dir: Path
) -> None:
    _, meeting_id, emma, _ = meeting
    columns = {"worries": "worries", "good_things": "working_well", "dreams": "needs_to_happen"}
    for house, column in columns.items():
        applied = services.run(ops.AddHouseSentence(meeting_id, emma, house, f"{house} ord"))
        assert applied.changes.houses is not None
        item = applied.changes.houses[-1]
        before = db_state(data_dir)
        with pytest.raises(UserError) as info:
            services.run(ops.HouseToBoard(item.id))
        assert info.value.code == "house_item_not_shared"
        assert db_state(data_dir) == before
        services.run(ops.SetHouseShared(item.id, True))
        moved = services.run(ops.HouseToBoard(item.id))
        (card,) = moved.changes.cards
        assert (card.column, card.text, card.whose_words_id) == (column, f"{house} ord", emma)
        assert services.get_house_item(item.id).card_id == card.id
        assert [c.id for c in moved.changes.columns[column]] == [card.id]
        # Once on the board it stays shared, and goes there only once.
        for op, code in (
            (ops.SetHouseShared(item.id, False), "house_item_on_board"),
            (ops.HouseToBoard(item.id), "house_item_on_board"),
        ):
            state = db_state(data_dir)
            with pytest.raises(UserError) as info:
                services.run(op)
            assert info.value.code == code
            assert db_state(data_dir) == state
    # Undo takes the card off the board; the item stays, shared.
    item = services.list_house_items(meeting_id, emma)[0]
    assert item.card_id is not None
    assert services.run(ops.HouseOffBoard(item.id)).changes.columns["worries"] == ()
    assert services.list_cards(meeting_id, "worries") == []
    assert services.get_house_item(item.id).card_id is None
    # A drawing never goes on the board.
    services.run(ops.SaveHouseDrawing(meeting_id, emma, "dreams", DRAWING))
    drawing = next(i for i in services.list_house_items(meeting_id, emma) if i.kind == "drawing")
    services.run(ops.SetHouseShared(drawing.id, True))
    with pytest.raises(UserError) as info:
        services.run(ops.HouseToBoard(drawing.id))
    assert info.value.code == "house_drawing_to_board"


def test_deleting_the_card_frees_the_item(
    services: Services, meeting: tuple[str, str, str, str]
) -> None:
    _, meeting_id, emma, _ = meeting
    item = services.run(ops.AddHouseSentence(meeting_id, emma, "worries", "Skolen", True))
    (record,) = item.changes.houses or ()
    (card,) = services.run(ops.HouseToBoard(record.id)).changes.cards
    services.run(ops.DeleteCard(card.id))
    assert services.get_house_item(record.id).card_id is None
    services.run(ops.SetHouseShared(record.id, False))  # the child may change its mind now
    assert services.get_house_item(record.id).shared is False


# ------------------------------------------------------------------ the paper
def paper_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        assert "DejaVuSans" in str(font["/BaseFont"])
        if font["/Subtype"] == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"Helvetica" not in pdf
    return " ".join(reader.pages[0].extract_text().split())


def test_the_shared_paper_holds_only_what_the_child_shared(
    services: Services, meeting: tuple[str, str, str, str]
) -> None:
    _, meeting_id, emma, _ = meeting
    services.run(ops.AddHouseSentence(meeting_id, emma, "worries", "Delt-bekymring", True))
    services.run(ops.AddHouseSentence(meeting_id, emma, "worries", "Hemmelig-bekymring"))
    services.run(ops.AddHouseSentence(meeting_id, emma, "dreams", "Delt-drøm", True))
    services.run(ops.SaveHouseDrawing(meeting_id, emma, "good_things", DRAWING))
    shared = render_houses(build_houses(services, meeting_id, emma))
    text = paper_text(shared.pdf)
    assert "Mine tre huse – Emma" in text
    assert "Bekymringer" in text and "Gode ting" in text and "Drømme" in text
    assert "Delt-bekymring" in text and "Delt-drøm" in text
    assert "Hemmelig-bekymring" not in text
    assert "ikke til forældrene" not in text
    # The unshared drawing is not drawn: no path in its colours.
    full = render_houses(build_houses(services, meeting_id, emma, full=True))
    full_text = paper_text(full.pdf)
    assert "Hemmelig-bekymring (ikke delt)" in full_text
    assert "Til sagen – ikke til forældrene" in full_text
    assert _stroke_ops(full.pdf) > _stroke_ops(shared.pdf)
    # Deterministic: the same houses give the same bytes.
    assert render_houses(build_houses(services, meeting_id, emma)).pdf == shared.pdf


def _stroke_ops(pdf: bytes) -> int:
    content = PdfReader(io.BytesIO(pdf)).pages[0].get_contents()
    assert content is not None
    return content.get_data().count(b" l\n") + content.get_data().count(b" l ")


def test_the_paper_is_in_the_childs_language(
    services: Services, meeting: tuple[str, str, str, str]
) -> None:
    _, meeting_id, emma, _ = meeting
    services.run(ops.SaveHouseDrawing(meeting_id, emma, "dreams", DRAWING))
    drawing = services.list_house_items(meeting_id, emma)[0]
    services.run(ops.SetHouseShared(drawing.id, True))
    with services.db.session() as s:  # the child's own language (set by its own dialog)
        child = s.get(Participant, emma)
        assert child is not None
        child.language = "en"
    text = paper_text(render_houses(build_houses(services, meeting_id, emma)).pdf)
    assert "My three houses – Emma" in text and "Dreams" in text
    with pytest.raises(UserError) as info:
        build_houses(services, meeting_id, meeting[3])
    assert info.value.code == "house_not_a_child"


# ------------------------------------------------------------ deleted for good
def test_a_drawing_is_gone_from_the_file_after_delete_for_good(
    services: Services, meeting: tuple[str, str, str, str], data_dir: Path
) -> None:
    family_id, meeting_id, emma, _ = meeting
    marker = strokes_to_json([Stroke("#123456", 0.0173, ((0.4321, 0.8765), (0.1234, 0.5678)))])
    services.run(ops.SaveHouseDrawing(meeting_id, emma, "worries", marker))
    services.run(ops.AddHouseSentence(meeting_id, emma, "dreams", "Zyxw-drømmen"))
    services.compact()
    everything = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert b"0.4321,0.8765" in everything
    services.delete_family_permanently(family_id)
    everything = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert b"0.4321" not in everything and b"Zyxw-dr" not in everything


def test_nothing_the_child_kept_back_reaches_a_paper_for_the_parents(services: Services) -> None:
    """The demo's Emma: her shared sentence on the board reaches the family's plan; what
    she did not share is in no paper meant for the parents (the plan, her own paper)."""
    family = create_demo_family(services)
    meeting = services.list_meetings(family.id)[0].id
    emma = next(p.id for p in services.list_participants(family.id) if p.name == "Emma")
    items = services.list_house_items(meeting, emma)
    kept_back = [i.text for i in items if i.kind == "text" and not i.shared]
    shared = next(i for i in items if i.kind == "text" and i.house == "worries" and i.shared)
    assert kept_back and shared
    services.run(ops.HouseToBoard(shared.id))
    plan = " ".join(
        PdfReader(io.BytesIO(render_plan(build_plan(services, meeting)).pdf))
        .pages[0]
        .extract_text()
        .split()
    )
    assert shared.text in plan  # the child's words on the board reach the plan
    paper = paper_text(render_houses(build_houses(services, meeting, emma)).pdf)
    for text in kept_back:
        assert text not in plan and text not in paper
