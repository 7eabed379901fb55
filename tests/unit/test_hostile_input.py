"""Property tests: any Unicode a person can paste is stored and read back, or refused clearly.

Text is normalised the documented way (control characters removed, NFC, trimmed;
see domain/rules.clean_text); what the services return is exactly what is read
back later, and the plan PDF made from it never fails and stays one page.
"""

from __future__ import annotations

import contextlib
import io
import json
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from familymeeting.domain import rules
from familymeeting.domain.errors import ValidationError
from familymeeting.export.plan import render_plan
from familymeeting.storage.casefile import build_case, import_case, parse_case
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services

SPECIAL = [
    "👨‍👩‍👧‍👦",  # emoji joined with ZWJ
    "👍🏽",  # skin tone modifier
    "مرحبا بالعائلة",  # right to left
    "\u202eevil\u202c",  # bidi override
    "\u200b\u200c\u200d\ufeff",  # zero-width characters
    "e\u0301a\u0308",  # combining marks
    "\x00\x07\x1b[31m",  # control characters
    "Żółć ğışİ Привет Ελλάδα æøå",
]
texts = st.one_of(
    st.text(max_size=400),
    st.sampled_from(SPECIAL),
    st.lists(st.sampled_from(SPECIAL), min_size=1, max_size=6).map("".join),
)
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def meeting(services: Services) -> str:
    family = services.create_family("Familien Egenskab")
    return services.create_meeting(family.id, datetime(2026, 12, 1, 9)).id


@SETTINGS
@given(text=texts)
def test_card_text_round_trips_or_is_refused(services: Services, meeting: str, text: str) -> None:
    try:
        card = services.add_card(meeting, "worries", text)
    except ValidationError as exc:
        assert exc.code == "value_required"
        assert not rules.is_visible(rules.clean_text(text, "text", 10**9, multiline=True))
        return
    assert card.text == rules.clean_text(text, "text", rules.CARD_TEXT_MAX, multiline=True)
    assert services.get_card(card.id).text == card.text
    assert not any(ch in card.text for ch in "\x00\x07\x1b")


@SETTINGS
@given(name=texts, what=texts, question=texts)
def test_names_actions_and_questions_round_trip(
    services: Services, meeting: str, name: str, what: str, question: str
) -> None:
    family_id = services.get_meeting(meeting).family_id
    for call, read in (
        (
            lambda: services.add_participant(family_id, name, "parent").name,
            lambda value: value in [p.name for p in services.list_participants(family_id)],
        ),
        (
            lambda: services.add_action(meeting, what).what,
            lambda value: value in [a.what for a in services.list_actions(meeting)],
        ),
        (
            lambda: services.add_question(meeting, question).text,
            lambda value: value in [q.text for q in services.list_questions(meeting)],
        ),
    ):
        try:
            stored = call()
        except ValidationError as exc:
            assert exc.code in {"value_required", "value_too_long"}
            continue
        assert read(stored)


def test_a_100000_character_text_is_refused_and_nothing_changes(
    services: Services, meeting: str
) -> None:
    with pytest.raises(ValidationError) as info:
        services.add_card(meeting, "worries", "å" * 100_000)
    assert info.value.code == "value_too_long"
    assert services.list_cards(meeting) == []


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(cards=st.lists(texts, min_size=1, max_size=12), actions=st.lists(texts, max_size=8))
def test_the_plan_from_any_text_is_one_page(
    services: Services, meeting: str, cards: list[str], actions: list[str]
) -> None:
    for i, text in enumerate(cards):
        with contextlib.suppress(ValidationError):
            services.add_card(meeting, ("worries", "working_well", "needs_to_happen")[i % 3], text)
    for text in actions:
        with contextlib.suppress(ValidationError):
            services.add_action(meeting, text)
    result = render_plan(build_plan(services, meeting))
    assert len(PdfReader(io.BytesIO(result.pdf)).pages) == 1


# ------------------------------------------------------------------ names (issue 17)
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
INVISIBLE_ONLY = [
    "\u202e\u202c",
    "\u200b\u200c\u200d\ufeff",
    " \u2066\u200d \u2069\u200b ",
    "\u200e\u200f\u061c",
]


@pytest.mark.parametrize("name", INVISIBLE_ONLY)
def test_a_name_of_only_invisible_characters_is_refused(
    services: Services, meeting: str, name: str
) -> None:
    family_id = services.get_meeting(meeting).family_id
    before = services.list_families()
    for call in (
        lambda: services.create_family(name),
        lambda: services.update_family(family_id, display_name=name),
        lambda: services.add_participant(family_id, name, "parent"),
        lambda: services.add_card(meeting, "worries", name),
    ):
        with pytest.raises(ValidationError) as info:
            call()
        assert info.value.code == "value_required"
    assert services.list_families() == before
    assert services.list_participants(family_id) == []


def test_bidi_controls_are_removed_from_names_and_joiners_kept(
    services: Services, meeting: str
) -> None:
    family = services.create_family("\u202eFamilien \u2067Øst\u2069\u202c")
    assert family.display_name == "Familien Øst"
    family = services.update_family(
        family.id, display_name="\u202dأسرة\u202c", caseworker_name="Ann\u202e Berg"
    )
    assert (family.display_name, family.caseworker_name) == ("أسرة", "Ann Berg")
    # ZWNJ: Farsi "mikhaham"; ZWJ: a joined family emoji. Both must stay.
    farsi = services.add_participant(family.id, "می\u200cخواهم", "parent")
    emoji = services.add_participant(family.id, "Lea 👨\u200d👩\u200d👧", "child")
    assert farsi.name == "می\u200cخواهم"
    assert emoji.name == "Lea 👨\u200d👩\u200d👧"
    assert [p.name for p in services.list_participants(family.id)] == [farsi.name, emoji.name]


@SETTINGS
@given(name=texts)
def test_no_stored_name_holds_a_bidi_control(services: Services, meeting: str, name: str) -> None:
    family_id = services.get_meeting(meeting).family_id
    try:
        participant = services.add_participant(family_id, name, "parent")
    except ValidationError as exc:
        assert exc.code in {"value_required", "value_too_long"}
        return
    assert not any(ch in participant.name for ch in BIDI_CONTROLS)
    assert participant.name.strip()


def test_a_lone_surrogate_in_a_case_file_is_removed_not_refused(
    services: Services, meeting: str
) -> None:
    family_id = services.get_meeting(meeting).family_id
    services.add_participant(family_id, "Emma", "child")
    data = build_case(services, family_id)
    data["family"]["display_name"] = "Familien \ud800Egenskab"
    data["participants"][0]["name"] = "Em\udfffma"
    # ensure_ascii writes the lone surrogates as \ud800 escapes, as another program might.
    raw = json.dumps(data, ensure_ascii=True).encode("ascii")
    assert b"\\ud800" in raw
    family = import_case(services, parse_case(raw), replace=True)
    assert family.display_name == "Familien Egenskab"
    assert [p.name for p in services.list_participants(family_id)] == ["Emma"]
