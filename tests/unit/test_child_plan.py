"""The child's own plan, "Min plan" (issue 19): who gets one, what it says, the PDF.

Real parts: a real SQLite file, the real services and operations, real PDFs read back
with pypdf.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from child_family import (
    NOAH_WORDS,
    SECRET_DREAM,
    SECRET_HOUSE,
    SECRET_QUESTION,
    SHARED_HOUSE,
    SHARED_QUESTION,
    SHARED_WORRY,
    TODAY,
    ChildFamily,
    build_child_family,
)
from pypdf import PdfReader

from familymeeting.domain.child_plan import OWN_PLAN_AGE, has_own_plan
from familymeeting.domain.enums import Role
from familymeeting.domain.errors import NotFoundError, ValidationError
from familymeeting.domain.languages import PLAN_LANGUAGES
from familymeeting.export.child_plan import export_child_plan, render_child_plan
from familymeeting.storage.child_plan_data import (
    build_child_plan,
    children_with_own_plan,
    resolve_child,
)
from familymeeting.storage.operations import ParticipantEdit, SaveFamily
from familymeeting.storage.services import Services


def page_text(pdf: bytes) -> str:
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 1
    return " ".join(pages[0].extract_text().split())


@pytest.fixture
def fam(services: Services) -> ChildFamily:
    return build_child_family(services)


# ------------------------------------------------------------------ who gets one
def test_a_child_gets_a_plan_from_the_year_it_turns_ten() -> None:
    day = date(2026, 3, 1)
    assert OWN_PLAN_AGE == 10
    assert has_own_plan(Role.CHILD, 2016, None, day)  # turns 10 this year: a party
    assert not has_own_plan(Role.CHILD, 2017, None, day)
    assert not has_own_plan(Role.CHILD, None, None, day)  # no birth year: only if chosen
    # The caseworker's choice wins either way.
    assert has_own_plan(Role.CHILD, 2020, True, day)
    assert has_own_plan(Role.CHILD, None, True, day)
    assert not has_own_plan(Role.CHILD, 2010, False, day)
    # Only children.
    assert not has_own_plan(Role.PARENT, 1985, True, day)
    assert not has_own_plan(Role.NETWORK, 2010, None, day)


def test_the_caseworkers_choice_and_the_childs_language_are_saved_with_the_family(
    services: Services, fam: ChildFamily
) -> None:
    family = services.get_family(fam.family_id)
    assert [c.name for c in children_with_own_plan(services, fam.meeting_id)] == ["Noah"]
    services.run(
        SaveFamily(
            fam.family_id,
            family.display_name,
            caseworker_name=family.caseworker_name,
            caseworker_phone=family.caseworker_phone,
            language=family.language,
            participants=(
                ParticipantEdit(fam.noah, "Noah", Role.CHILD, own_plan=False),
                ParticipantEdit(fam.emma, "Emma", Role.CHILD, own_plan=True, language="en"),
            ),
        )
    )
    people = {p.name: p for p in services.list_participants(fam.family_id)}
    assert people["Emma"].own_plan is True and people["Emma"].language == "en"
    assert people["Noah"].own_plan is False and people["Noah"].language == ""
    assert [c.name for c in children_with_own_plan(services, fam.meeting_id)] == ["Emma"]
    # Emma's plan is in her language; Noah's is refused now.
    assert build_child_plan(services, fam.meeting_id, fam.emma, today=TODAY).language == "en"
    with pytest.raises(ValidationError) as refused:
        build_child_plan(services, fam.meeting_id, fam.noah, today=TODAY)
    assert refused.value.code == "child_plan_off"


def test_a_language_that_is_not_a_plan_language_is_refused_and_nothing_changes(
    services: Services, fam: ChildFamily
) -> None:
    family = services.get_family(fam.family_id)
    before = services.list_participants(fam.family_id)
    with pytest.raises(ValidationError) as refused:
        services.run(
            SaveFamily(
                fam.family_id,
                family.display_name,
                language=family.language,
                participants=(
                    ParticipantEdit(fam.emma, "Emma", Role.CHILD, own_plan=True),
                    ParticipantEdit(fam.noah, "Noah", Role.CHILD, language="xx"),
                ),
            )
        )
    assert refused.value.code == "invalid_choice"
    assert services.list_participants(fam.family_id) == before


def test_a_child_is_found_by_name_id_or_prefix_within_the_family(
    services: Services, fam: ChildFamily
) -> None:
    assert resolve_child(services, fam.meeting_id, "noah").id == fam.noah
    assert resolve_child(services, fam.meeting_id, " Emma ").id == fam.emma
    assert resolve_child(services, fam.meeting_id, fam.noah).id == fam.noah
    assert resolve_child(services, fam.meeting_id, fam.noah[:8]).id == fam.noah
    with pytest.raises(NotFoundError) as missing:
        resolve_child(services, fam.meeting_id, "Karl")
    assert missing.value.code == "child_not_found"
    assert missing.value.params["children"] == "Noah, Emma"


def test_a_grown_up_or_a_child_without_a_plan_is_refused(
    services: Services, fam: ChildFamily
) -> None:
    with pytest.raises(ValidationError) as grown_up:
        build_child_plan(services, fam.meeting_id, fam.mette, today=TODAY)
    assert grown_up.value.code == "not_a_child"
    with pytest.raises(ValidationError) as young:
        build_child_plan(services, fam.meeting_id, fam.emma, today=TODAY)
    assert young.value.code == "child_plan_off"


# ------------------------------------------------------------------ what it says
def test_the_plan_says_what_the_grown_ups_do_what_i_do_and_who_i_can_call(
    services: Services, fam: ChildFamily
) -> None:
    plan = build_child_plan(services, fam.meeting_id, fam.noah, today=TODAY)
    assert plan.child_name == "Noah" and plan.language == "da"
    assert [(a.what, a.who) for a in plan.grown_ups] == [
        ("Følge Emma i skole hver morgen", "Mette"),
        ("Ringe hvis Noah ikke kommer", "Skolen"),
    ]
    assert [(a.what, a.when) for a in plan.mine] == [
        ("Træne fodbold om tirsdagen", "tirsdag 8.\u00a0december")
    ]
    # Emma's line is Emma's: not on her brother's plan.
    assert all("tegning" not in a.what for a in plan.grown_ups + plan.mine)
    assert [(c.name, c.caseworker, c.phone) for c in plan.contacts] == [
        ("Sara Nielsen", True, "41 22 33 44"),
        ("Mormor Grethe", False, ""),
    ]
    assert plan.my_words == (NOAH_WORDS,)
    # Only what Noah said the grown-ups may see, houses in their order.
    assert [(h.house, h.text) for h in plan.houses] == [
        ("worries", SHARED_WORRY),
        ("dreams", SHARED_HOUSE),
    ]
    assert [(a.question, a.value) for a in plan.answers] == [(SHARED_QUESTION, 7)]


def test_the_pdf_is_one_page_with_the_childs_words_and_nothing_unshared(
    services: Services, fam: ChildFamily, tmp_path
) -> None:
    plan = build_child_plan(services, fam.meeting_id, fam.noah, today=TODAY)
    out = tmp_path / "min-plan.pdf"
    result = export_child_plan(plan, out)
    assert out.read_bytes() == result.pdf
    text = page_text(result.pdf)
    for wanted in (
        "Min plan",
        "Til Noah",
        "Det gør de voksne",
        "Følge Emma i skole hver morgen",
        "Det kan jeg gøre",
        "Træne fodbold om tirsdagen",
        "Dem kan jeg ringe til",
        "Sara Nielsen er min rådgiver",
        "Tlf. 41 22 33 44",
        "Mormor Grethe",
        "Næste møde",
        "torsdag 7. januar 2027",
        NOAH_WORDS,
        SHARED_HOUSE,
        SHARED_WORRY,
        SHARED_QUESTION,
        "7 ud af 10",
    ):
        assert wanted in text, wanted
    for secret in (SECRET_HOUSE, SECRET_DREAM, SECRET_QUESTION, "Tegne en tegning"):
        assert secret not in text
    assert result.shortened is False and result.missing_glyphs == []
    assert result.font_size == 14.0  # a short plan is set large
    # Embedded TrueType fonts only, title and language set, the same bytes again.
    reader = PdfReader(io.BytesIO(result.pdf))
    assert reader.metadata is not None and reader.metadata.title == "Min plan – Noah"
    fonts = {
        str(f["/BaseFont"]).split("+")[-1]
        for f in reader.pages[0]["/Resources"]["/Font"].values()  # type: ignore[union-attr]
    }
    assert fonts and all(name.startswith(("DejaVu", "Noto")) for name in fonts), fonts
    assert render_child_plan(plan).pdf == result.pdf


@pytest.mark.parametrize("lang", PLAN_LANGUAGES)
def test_the_plan_prints_in_every_plan_language(
    services: Services, fam: ChildFamily, lang: str
) -> None:
    plan = build_child_plan(services, fam.meeting_id, fam.noah, lang, today=TODAY)
    result = render_child_plan(plan)
    assert result.missing_glyphs == []
    text = page_text(result.pdf)
    assert "Noah" in text and "41 22 33 44" in text


def test_a_very_long_plan_still_fits_one_page(services: Services, fam: ChildFamily) -> None:
    for n in range(40):
        services.add_action(
            fam.meeting_id, f"Linje {n} " + "meget lang tekst " * 20, who_participant_id=fam.noah
        )
    plan = build_child_plan(services, fam.meeting_id, fam.noah, today=TODAY)
    result = render_child_plan(plan)
    text = page_text(result.pdf)
    assert result.shortened and result.font_size == 10.0
    assert "mere" in text and "Dem kan jeg ringe til" in text
