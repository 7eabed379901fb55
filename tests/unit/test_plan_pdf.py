"""The family's one-page plan: real PDFs, read back with pypdf.

Contract: exactly one A4 page whatever the meeting holds; every action is on it
or counted in a "+ N more – ask your caseworker" line; fonts are embedded
TrueType, never the PDF standard fonts; title, creator and language are set; the
same data gives the same bytes; any text a family types prints, and what the
font cannot show is replaced visibly and reported.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from familymeeting.domain.enums import CardKind, Column, Role
from familymeeting.domain.errors import UserError, ValidationError
from familymeeting.domain.plan import (
    PlanAction,
    PlanCard,
    PlanData,
    PlanMark,
    PlanPerson,
    PlanRating,
    date_words,
    datetime_words,
    join_names,
)
from familymeeting.export.plan import (
    MIN_BODY_SIZE,
    PLACEHOLDER,
    PlanResult,
    export_plan,
    render_plan,
)
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services

TODAY = date(2026, 12, 3)
STANDARD_FONTS = {
    "Courier",
    "Courier-Bold",
    "Courier-Oblique",
    "Courier-BoldOblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-Oblique",
    "Helvetica-BoldOblique",
    "Times-Roman",
    "Times-Bold",
    "Times-Italic",
    "Times-BoldItalic",
    "Symbol",
    "ZapfDingbats",
}
MORE = re.compile(r"\+ (\d+) (?:mere – spørg jeres rådgiver|more – ask your caseworker)")


# ------------------------------------------------------------------ helpers
def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_text(pdf: bytes) -> str:
    """The page's text with all runs of whitespace (also no-break spaces) as one space."""
    pages = reader(pdf).pages
    assert len(pages) == 1
    return " ".join(pages[0].extract_text().split())


def text_sizes(pdf: bytes) -> list[float]:
    """The size of every piece of visible text on the page, in points."""
    sizes: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            sizes.append(size * abs(tm[3]) * abs(cm[3]))

    reader(pdf).pages[0].extract_text(visitor_text=visit)
    return sizes


def rough_right_edges(pdf: bytes, needle: str) -> list[float]:
    """Where lines containing ``needle`` end, generously estimated (0.7 em a letter)."""
    edges: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if needle in text:
            edges.append(tm[4] + len(text.strip()) * size * 0.7)

    reader(pdf).pages[0].extract_text(visitor_text=visit)
    return edges


def demo_meeting(services: Services) -> str:
    family = create_demo_family(services, today=TODAY)
    return services.list_meetings(family.id)[0].id  # newest first: today's meeting


def big_meeting(services: Services, *, cards: int = 150, actions: int = 60) -> str:
    """A meeting with far more than a page can hold: 150 cards and 60 actions."""
    with services.batch():
        family = services.create_family(
            "Familien Storm", caseworker_name="Lise Dahl", caseworker_phone="20 30 40 50"
        )
        roles = [Role.CHILD, Role.CHILD, Role.PARENT, Role.PARENT, Role.NETWORK, Role.CASEWORKER]
        people = [
            services.add_participant(family.id, f"Person {i}", role).id
            for i, role in enumerate(roles)
        ]
        meeting = services.create_meeting(
            family.id,
            datetime(2026, 12, 3, 10, 0),
            place="Hjemme",
            attendee_ids=people,
            next_meeting_at=datetime(2027, 1, 7, 9, 30),
            next_meeting_place="Rådhuset",
        )
        columns = list(Column)
        for i in range(cards):
            services.add_card(
                meeting.id,
                columns[i % 3],
                f"Kort {i:03d}: " + "det vi talte om i dag, med vores egne ord. " * (1 + i % 3),
                whose_words_id=people[i % len(people)],
            )
        for i in range(actions):
            services.add_action(
                meeting.id,
                f"Aftale {i:02d}: ringe til skolen og aftale et møde om ugen",
                who_participant_id=people[i % len(people)],
                due_date=date(2026, 12, 4) + timedelta(days=i),
                done=i % 6 == 5,
            )
        for question in services.list_questions(meeting.id):
            for j, pid in enumerate(people):
                services.set_rating(question.id, pid, 1 + (j * 3) % 10)
    return meeting.id


def simple_plan(**changes: Any) -> PlanData:
    plan = PlanData(
        family_name="Familien Test",
        language="da",
        meeting_at=datetime(2026, 12, 3, 10, 0),
        place="Hjemme",
        people=(PlanPerson("Mor", Role.PARENT), PlanPerson("Lise", Role.CASEWORKER, 1)),
        actions=(PlanAction("Ringe til lægen", "Mor", "fredag"),),
        working_well=(PlanCard("Vi griner meget sammen", "Mor"),),
        worries=(PlanCard("Søvnen", "Lise"),),
        ratings=(PlanRating("Hvordan går det?", "Skidt", "Godt", (PlanMark("Mor", 6, 0),)),),
        next_meeting_at=datetime(2027, 1, 7, 9, 30),
        caseworker_name="Lise Dahl",
        caseworker_phone="20 30 40 50",
    )
    return replace(plan, **changes)


# ------------------------------------------------------------- the demo plan
def test_demo_plan_is_one_unshortened_page_with_every_action(services: Services) -> None:
    meeting_id = demo_meeting(services)
    plan = build_plan(services, meeting_id)
    result = render_plan(plan)

    pdf = reader(result.pdf)
    assert len(pdf.pages) == 1
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    assert not result.shortened
    assert result.missing_glyphs == []
    assert MIN_BODY_SIZE <= result.font_size <= 12

    text = page_text(result.pdf)
    assert text.startswith("Vores plan Familien Holm (demo)")
    assert "torsdag 3. december 2026 kl. 10.00" in text
    for heading in ("Hvem var med", "Det skal der ske", "Hvad", "Hvem", "Hvornår"):
        assert heading in text
    for heading in ("Det går godt", "Det er vi bekymrede for", "Næste møde", "Rådgiver"):
        assert heading in text
    assert plan.actions
    for action in plan.actions:
        assert " ".join(action.what.split()) in text
        assert " ".join(action.who.split()) in text
    for card in plan.working_well + plan.worries:
        assert " ".join(card.text.split()) in text
    # Whose words, who agrees and who does not, each with its own label.
    assert "Sagt af: Mette (mor)" in text
    assert "Enig: Mette (mor) · Ikke enig: Jonas (far)" in text
    assert "Sara Nielsen" in text and "41 22 33 44" in text
    assert not MORE.search(text)


def test_the_order_of_the_page_follows_the_issue(services: Services) -> None:
    text = page_text(render_plan(build_plan(services, demo_meeting(services))).pdf)
    order = [
        "Vores plan",
        "Hvem var med",
        "Det skal der ske",
        "Det går godt",
        "Det er vi bekymrede for",
        "Sådan ser vi det i dag",
        "Næste møde",
        "Rådgiver",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_ratings_are_drawn_scales_with_names_and_anchors(services: Services) -> None:
    plan = build_plan(services, demo_meeting(services))
    # Only this meeting's answers; a question nobody answered today is left out.
    assert [len(r.marks) for r in plan.ratings] == [2, 4]
    child = plan.ratings[0]
    assert {(m.name, m.value) for m in child.marks} == {("Emma", 7), ("Noah", 6)}
    text = page_text(render_plan(plan).pdf)
    assert "Rigtig skidt" in text and "Rigtig godt" in text
    assert "Emma 7" in text and "Noah 6" in text
    # Same answer, one label: first names where they still tell people apart.
    assert "Mette, Mormor Grethe, Anne 7" in text


# ---------------------------------------------------------------- long plans
def test_a_huge_meeting_still_fits_one_page_and_says_what_it_left_out(
    services: Services,
) -> None:
    plan = build_plan(services, big_meeting(services))
    assert len(plan.actions) == 60
    assert len(plan.working_well) + len(plan.worries) + len(plan.goals) <= 150
    result = render_plan(plan)

    assert len(reader(result.pdf).pages) == 1
    assert result.shortened
    assert result.font_size == MIN_BODY_SIZE
    text = page_text(result.pdf)

    shown = [a for a in plan.actions if a.what in text]
    assert shown, "the heart of the page must never be empty"
    counts = [int(n) for n in MORE.findall(text)]
    # Every action is on the page or counted in the "+ N more" line under the table.
    assert len(plan.actions) - len(shown) in counts
    # Open actions come first: nothing done is shown while open ones are left out.
    assert all(not a.done for a in shown)
    assert [a.what for a in shown] == [a.what for a in plan.actions[: len(shown)]]
    for column in (plan.working_well, plan.worries):
        on_page = sum(1 for c in column if c.text.split(":")[0] in text)
        assert on_page < len(column)
        assert len(column) - on_page in counts


@pytest.mark.parametrize(("cards", "actions"), [(0, 12), (9, 0), (30, 25)])
def test_every_action_is_on_the_page_or_counted(
    services: Services, cards: int, actions: int
) -> None:
    plan = build_plan(services, big_meeting(services, cards=cards, actions=actions))
    result = render_plan(plan)
    text = page_text(result.pdf)
    missing = [a for a in plan.actions if a.what not in text]
    if missing:
        assert result.shortened
        assert len(missing) in [int(n) for n in MORE.findall(text)]
    if not plan.actions:
        assert "Vi har ikke aftalt noget endnu." in text


def test_text_at_every_length_limit_still_makes_one_page() -> None:
    """Everything at the services' maximum length: the page shortens, never spills."""
    word = "Ø" * 60 + " "
    long = (word * 200)[:10_000]
    plan = simple_plan(
        family_name="F" * 200,
        place="P" * 300,
        people=tuple(PlanPerson("N" * 200, Role.NETWORK, i) for i in range(40)),
        goals=tuple(PlanCard(long) for _ in range(20)),
        actions=tuple(PlanAction(long[:2000], "W" * 200, "D" * 200, i % 2 == 0) for i in range(60)),
        working_well=tuple(PlanCard(long, "N" * 200, ("N" * 200,) * 5) for _ in range(50)),
        worries=tuple(PlanCard(long, "N" * 200) for _ in range(50)),
        ratings=tuple(
            PlanRating(
                "Q" * 1000,
                "L" * 200,
                "H" * 200,
                tuple(PlanMark("N" * 200, 1 + i % 10, i) for i in range(40)),
                ("N" * 200,) * 10,
            )
            for _ in range(10)
        ),
        next_meeting_place="P" * 300,
        caseworker_name="C" * 200,
        caseworker_phone="9" * 50,
    )
    result = render_plan(plan)
    assert len(reader(result.pdf).pages) == 1
    assert result.shortened
    assert result.font_size >= MIN_BODY_SIZE
    assert MORE.search(page_text(result.pdf))


def test_body_text_is_never_below_ten_points(services: Services) -> None:
    for meeting_id in (demo_meeting(services), big_meeting(services)):
        result = render_plan(build_plan(services, meeting_id))
        assert result.font_size >= MIN_BODY_SIZE
        sizes = text_sizes(result.pdf)
        assert sizes
        assert min(sizes) >= MIN_BODY_SIZE


def test_a_short_plan_gets_the_largest_text() -> None:
    result = render_plan(simple_plan())
    assert result.font_size == 12
    assert not result.shortened


# --------------------------------------------------------------- PDF details
def test_fonts_are_embedded_truetype_never_the_standard_fonts(services: Services) -> None:
    result = render_plan(build_plan(services, demo_meeting(services)))
    fonts = reader(result.pdf).pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        base = str(font["/BaseFont"]).lstrip("/")
        assert base.split("+")[-1] not in STANDARD_FONTS
        assert font["/Subtype"] in ("/TrueType", "/Type0")
        if font["/Subtype"] == "/Type0":
            font = font["/DescendantFonts"][0].get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # an embedded TrueType program
        assert "DejaVuSans" in base
    assert b"Helvetica" not in result.pdf


def test_metadata_title_creator_subject_and_language(services: Services) -> None:
    result = render_plan(build_plan(services, demo_meeting(services)))
    pdf = reader(result.pdf)
    meta = pdf.metadata
    assert meta is not None
    assert meta.title == "Vores plan – Familien Holm (demo)"
    assert meta.creator == "familymeeting"
    assert meta.author == "familymeeting"
    assert meta.subject == "Familiens plan fra mødet torsdag 3. december 2026"
    assert pdf.trailer["/Root"]["/Lang"] == "da"
    # Dated by the meeting, not by the clock: the same data gives the same file.
    assert meta["/CreationDate"].startswith("D:20261203100000")

    english = reader(render_plan(build_plan(services, demo_meeting(services), "en")).pdf)
    assert english.trailer["/Root"]["/Lang"] == "en"


def test_two_exports_of_the_same_data_are_identical(services: Services, tmp_path: Path) -> None:
    meeting_id = demo_meeting(services)
    first = render_plan(build_plan(services, meeting_id)).pdf
    second = render_plan(build_plan(services, meeting_id)).pdf
    assert first == second
    export_plan(build_plan(services, meeting_id), tmp_path / "plan.pdf")
    assert (tmp_path / "plan.pdf").read_bytes() == first
    big = big_meeting(services)
    assert render_plan(build_plan(services, big)).pdf == render_plan(build_plan(services, big)).pdf


def test_export_writes_atomically_and_refuses_an_unwritable_place(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"old")
    result = export_plan(simple_plan(), path)
    assert isinstance(result, PlanResult)
    assert path.read_bytes() == result.pdf
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]
    with pytest.raises(UserError) as caught:
        export_plan(simple_plan(), tmp_path / "no-such-folder" / "plan.pdf")
    assert caught.value.code == "output_unwritable"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]


# ------------------------------------------------------------ any family's text
WORLD = {
    "danish": "Æbler, øl og årstider — ÆØÅ æøå",
    "polish": "Żółć gęślą jaźń",
    "turkish": "Çiğdem ğışİ",
    "cyrillic": "Привет, как дела?",
    "greek": "Καλημέρα κόσμε",
}


def test_text_in_any_european_script_prints(services: Services) -> None:
    with services.batch():
        family = services.create_family("Familien Żółć-Çiğdem", caseworker_name="Ирина")
        mor = services.add_participant(family.id, "Ağabey İlker", Role.NETWORK).id
        meeting = services.create_meeting(family.id, datetime(2026, 12, 3, 10), attendee_ids=[mor])
        for i, (_, words) in enumerate(WORLD.items()):
            services.add_card(meeting.id, list(Column)[i % 2], words, whose_words_id=mor)
            services.add_action(meeting.id, f"{words} ({i})", who_text="Σοφία")
    result = render_plan(build_plan(services, meeting.id))
    assert result.missing_glyphs == []
    text = page_text(result.pdf)
    for words in WORLD.values():
        assert words in text
    assert "Familien Żółć-Çiğdem" in text
    assert "Ağabey İlker" in text and "Σοφία" in text and "Ирина" in text


def test_emoji_without_a_glyph_become_a_visible_placeholder_and_are_reported() -> None:
    plan = simple_plan(
        working_well=(PlanCard("Vi tog i Tivoli 🎉🎉 og grinede 👍🏽", "Mor"),),
        actions=(PlanAction("Bage kage 🧁", "Mor", "lørdag"),),
    )
    result = render_plan(plan)
    # Each character once, however often it occurs; the skin tone goes with its hand.
    assert sorted(result.missing_glyphs) == sorted(["🎉", "👍", "🧁"])
    text = page_text(result.pdf)
    assert f"Vi tog i Tivoli {PLACEHOLDER}{PLACEHOLDER} og grinede {PLACEHOLDER} Sagt af" in text
    assert f"Bage kage {PLACEHOLDER}" in text
    # DejaVu Sans does have some emoji; those print as themselves.
    assert render_plan(simple_plan(place="Hjemme 😀")).missing_glyphs == []


def test_a_300_character_word_wraps_instead_of_running_off_the_page() -> None:
    word = "Supercalifragilistic" * 15
    assert len(word) == 300
    for where in ("action", "card"):
        plan = simple_plan(
            actions=(PlanAction(word if where == "action" else "Kort", "Mor", "i dag"),),
            working_well=(PlanCard(word if where == "card" else "Godt", "Mor"),),
        )
        result = render_plan(plan)
        raw = reader(result.pdf).pages[0].extract_text()
        assert word not in raw  # broken over several lines ...
        assert word in "".join(raw.split())  # ... with every letter kept
        widths = rough_right_edges(result.pdf, "Supercal")
        assert widths and max(widths) < 595


def test_control_characters_are_removed_and_text_is_never_markup() -> None:
    plan = simple_plan(
        family_name="Familien\x07 Test\x1b",
        actions=(PlanAction("Ring\x00 til <b>skolen</b> & aftal &amp; et møde", "Mor", "i dag"),),
        working_well=(PlanCard("Linje et\nLinje to\x0c", "Mor"),),
    )
    result = render_plan(plan)
    assert result.missing_glyphs == []
    raw = reader(result.pdf).pages[0].extract_text()
    assert "\x07" not in raw and "\x1b" not in raw and "\x00" not in raw and "\x0c" not in raw
    text = " ".join(raw.split())
    assert "Familien Test" in text
    assert "Ring til <b>skolen</b> & aftal &amp; et møde" in text
    assert "Linje et Linje to" in text


# ----------------------------------------------------------------- language
def test_an_english_plan_has_english_headings(services: Services) -> None:
    meeting_id = demo_meeting(services)
    plan = build_plan(services, meeting_id, "en")
    assert plan.language == "en"
    text = page_text(render_plan(plan).pdf)
    for heading in (
        "Our plan",
        "Who took part",
        "What needs to happen",
        "What",
        "Who",
        "When",
        "What's working well",
        "What we are worried about",
        "How we see it today",
        "Next meeting",
        "Caseworker",
    ):
        assert heading in text
    assert "Thursday 3 December 2026 at 10:00" in text
    for danish in ("Vores plan", "Det skal der ske", "Hvornår", "Næste møde", "Rådgiver"):
        assert danish not in text


def test_the_plan_speaks_the_familys_language_by_default(services: Services) -> None:
    family = services.create_family("The Smiths", language="en")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 3, 10))
    assert build_plan(services, meeting.id).language == "en"
    assert build_plan(services, meeting.id, "da").language == "da"
    with pytest.raises(ValidationError):
        build_plan(services, meeting.id, "sv")


def test_dates_in_words() -> None:
    day = date(2026, 12, 3)
    assert date_words(day, "da") == "torsdag 3.\u00a0december 2026"
    assert date_words(day, "en") == "Thursday 3\u00a0December 2026"
    assert date_words(date(2027, 5, 1), "da", with_year=False) == "lørdag 1.\u00a0maj"
    moment = datetime(2026, 12, 3, 9, 5)
    assert datetime_words(moment, "da") == "torsdag 3.\u00a0december 2026 kl. 09.05"
    assert datetime_words(moment, "en") == "Thursday 3\u00a0December 2026 at 09:05"
    assert join_names(["Emma", "Noah", "Mette"], "da") == "Emma, Noah og Mette"
    assert join_names(["Emma", "Noah"], "en") == "Emma and Noah"
    assert join_names(["Emma"], "en") == "Emma"


# ------------------------------------------------------------ what goes in
def test_build_plan_resolves_names_and_dates_and_puts_open_actions_first(
    services: Services,
) -> None:
    with services.batch():
        family = services.create_family("Familien Berg", caseworker_name="Lise")
        mor = services.add_participant(family.id, "Mor", Role.PARENT).id
        far = services.add_participant(family.id, "Far", Role.PARENT).id
        meeting = services.create_meeting(
            family.id, datetime(2026, 12, 3, 10), attendee_ids=[far, mor]
        )
        services.add_action(meeting.id, "Gjort", who_participant_id=far, done=True)
        services.add_action(meeting.id, "Ringe", who_participant_id=mor, due_date=date(2026, 12, 5))
        services.add_action(meeting.id, "Handle", who_text="Mormor", due_text="hver fredag")
        services.add_action(meeting.id, "Næste år", due_date=date(2027, 1, 8), due_text="sidst")
        goal = services.add_card(
            meeting.id, Column.NEEDS_TO_HAPPEN, "Trygt hjem", kind=CardKind.SAFETY_GOAL
        )
        services.add_card(meeting.id, Column.NEEDS_TO_HAPPEN, "Et næste skridt")
        card = services.add_card(meeting.id, Column.WORRIES, "Søvn", whose_words_id=mor)
        services.set_stance(card.id, far, False)
        services.set_stance(card.id, mor, True)
        q = services.list_questions(meeting.id)[0]
        services.set_rating(q.id, mor, 4)
        services.set_rating(q.id, far, None)
    plan = build_plan(services, meeting.id)
    assert [p.name for p in plan.people] == ["Mor", "Far"]  # the family's order
    assert [(a.what, a.who, a.when, a.done) for a in plan.actions] == [
        ("Ringe", "Mor", "lørdag 5.\u00a0december", False),
        ("Handle", "Mormor", "hver fredag", False),
        ("Næste år", "", "fredag 8.\u00a0januar 2027, sidst", False),
        ("Gjort", "Far", "", True),
    ]
    assert [g.text for g in plan.goals] == [goal.text]
    assert [s.text for s in plan.steps] == ["Et næste skridt"]  # on the plan too (issue 16)
    assert plan.worries == (PlanCard("Søvn", "Mor", disagree=("Far",), agree=("Mor",)),)
    assert plan.ratings[0].marks == (PlanMark("Mor", 4, 0),)
    assert plan.ratings[0].not_answered == ("Far",)
    assert plan.caseworker_name == "Lise"

    text = page_text(render_plan(plan).pdf)
    assert "Trygt hjem" in text and "Et næste skridt" in text
    assert "✓" in text  # done, ticked
    assert "Søvn Sagt af: Mor · Enig: Mor · Ikke enig: Far" in text
    assert "Ville ikke svare i dag: Far" in text


# ------------------------------------------------------------- look at it
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_poppler_renders_the_page_without_complaint(services: Services, tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    export_plan(build_plan(services, demo_meeting(services)), pdf)
    done = subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    pngs = sorted(tmp_path.glob("page*.png"))
    assert len(pngs) == 1 and pngs[0].stat().st_size > 5_000
