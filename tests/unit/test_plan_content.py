"""What the plan says (issue 16): every card of "Det skal der ske", stances, overdue lines.

Contract, read back from the PDF as a family would read the page:

- nothing written in "Det skal der ske" silently misses the plan: the safety goals,
  then the next steps and plain cards not yet made into lines, then the table; a card
  that became a line of the plan is on the page once, as that line;
- a card says whose words it is, who agrees and who does not, each with its own
  label ("Sagt af: Emma · Enig: Mette · Ikke enig: Karsten"), in every language;
- an open line whose date has passed says so in words ("Overskredet"), never by
  colour alone; a line that is done is never overdue;
- all of it on one A4 page, shortened by the same rules as before (the next steps
  before any action, with "+ N more").
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from helpers import begins
from pypdf import PdfReader

from familymeeting.domain.enums import CardKind, Column, Role
from familymeeting.domain.plan import PlanAction, PlanCard, PlanData, PlanPerson
from familymeeting.domain.plan_catalogue import catalogue
from familymeeting.export.plan import MIN_BODY_SIZE, render_plan
from familymeeting.storage import operations as ops
from familymeeting.storage.database import Database
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services

TODAY = date(2026, 12, 3)
TEN = ("da", "en", "ar", "so", "tr", "pl", "uk", "ti", "fa", "ur")
MORE_DA = re.compile(r"\+ (\d+) mere – spørg jeres rådgiver")


def page_text(pdf: bytes) -> str:
    """The page's text (Arabic presentation forms read as letters), white space as one."""
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())


def baseline(pdf: bytes, needle: str) -> float:
    """The height on the page of the first text run holding ``needle`` (points)."""
    found: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if needle in text:
            found.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    assert found, needle
    return max(found)


def needs_to_happen_meeting(services: Services) -> dict[str, str]:
    """A meeting with every kind of card in "Det skal der ske", one of them made a line."""
    with services.batch():
        family = services.create_family("Familien Berg", caseworker_name="Lise")
        mor = services.add_participant(family.id, "Mette", Role.PARENT).id
        far = services.add_participant(family.id, "Karsten", Role.PARENT).id
        emma = services.add_participant(family.id, "Emma", Role.CHILD).id
        meeting = services.create_meeting(
            family.id, datetime(2026, 12, 3, 10), attendee_ids=[mor, far, emma]
        )
        n = Column.NEEDS_TO_HAPPEN
        goal = services.add_card(
            meeting.id, n, "Emma er tryg derhjemme", kind=CardKind.SAFETY_GOAL, whose_words_id=emma
        )
        step = services.add_card(
            meeting.id, n, "Mor ringer til skolen", kind=CardKind.NEXT_STEP, whose_words_id=mor
        )
        plain = services.add_card(meeting.id, n, "Far går til lægen om søvnen")
        made = services.add_card(
            meeting.id, n, "Vi laver en plan for aftenerne", kind=CardKind.NEXT_STEP
        )
        services.set_stance(goal.id, far, False)
        services.set_stance(goal.id, mor, True)
    services.run(ops.ActionFromCard(made.id))
    return {
        "meeting": meeting.id,
        "goal": goal.id,
        "step": step.id,
        "plain": plain.id,
        "made": made.id,
    }


# ------------------------------------------------- 1. Det skal der ske, all of it
def test_goals_next_steps_and_plain_cards_all_reach_the_plan(services: Services) -> None:
    ids = needs_to_happen_meeting(services)
    plan = build_plan(services, ids["meeting"], today=TODAY)
    assert [g.text for g in plan.goals] == ["Emma er tryg derhjemme"]
    # In the board's order; the step that became a line is not repeated here.
    assert [s.text for s in plan.steps] == ["Mor ringer til skolen", "Far går til lægen om søvnen"]
    assert plan.steps[0].whose == "Mette"
    assert [a.what for a in plan.actions] == ["Vi laver en plan for aftenerne"]

    result = render_plan(plan)
    assert not result.shortened
    text = page_text(result.pdf)
    for words in ("Emma er tryg derhjemme", "Mor ringer til skolen", "Far går til lægen"):
        assert words in text
    assert text.count("Vi laver en plan for aftenerne") == 1  # once: as the line
    # Goals first, then the points not yet made into lines, then who does what when.
    order = [
        "Det skal der ske",
        "Det arbejder vi hen imod:",
        "Emma er tryg derhjemme",
        "Næste skridt:",
        "Mor ringer til skolen",
        "Far går til lægen om søvnen",
        "Hvad",
        "Vi laver en plan for aftenerne",
        "Det går godt",
    ]
    heights = [baseline(result.pdf, words) for words in order]
    assert heights == sorted(heights, reverse=True)


def test_a_card_made_into_a_line_is_on_the_page_once_whatever_its_kind(
    services: Services,
) -> None:
    ids = needs_to_happen_meeting(services)
    for card in ("goal", "step", "plain"):
        services.run(ops.ActionFromCard(ids[card]))
    plan = build_plan(services, ids["meeting"], today=TODAY)
    assert plan.goals == () and plan.steps == ()
    assert len(plan.actions) == 4
    text = page_text(render_plan(plan).pdf)
    for words in ("Emma er tryg derhjemme", "Mor ringer til skolen", "Far går til lægen"):
        assert text.count(words) == 1
    assert "Næste skridt" not in text and "Det arbejder vi hen imod" not in text
    # A line whose card was deleted keeps its words; the card is gone from the board.
    services.delete_card(ids["made"])
    again = build_plan(services, ids["meeting"], today=TODAY)
    assert "Vi laver en plan for aftenerne" in [a.what for a in again.actions]


def test_building_the_plan_reads_one_snapshot(services: Services, db: Database) -> None:
    ids = needs_to_happen_meeting(services)
    with begins(db) as seen:
        build_plan(services, ids["meeting"], today=TODAY)
    assert seen == ["BEGIN"]  # one read transaction, no write lock


def test_many_next_steps_are_shortened_before_any_action() -> None:
    people = (PlanPerson("Mette", Role.PARENT), PlanPerson("Lise", Role.CASEWORKER, 1))
    plan = PlanData(
        family_name="Familien Storm",
        language="da",
        meeting_at=datetime(2026, 12, 3, 10),
        people=people,
        goals=(PlanCard("Børnene er trygge"),),
        steps=tuple(
            PlanCard(f"Skridt {i:02d}: vi taler med skolen om, hvordan ugen er gået", "Mette")
            for i in range(80)
        ),
        actions=tuple(
            PlanAction(f"Aftale {i:02d}: ringe til lægen", "Mette", "fredag") for i in range(12)
        ),
        working_well=(PlanCard("Vi griner meget sammen", "Mette"),),
        worries=(PlanCard("Søvnen", "Lise"),),
    )
    result = render_plan(plan)
    assert result.shortened
    assert result.font_size >= MIN_BODY_SIZE
    text = page_text(result.pdf)
    for action in plan.actions:
        assert action.what in text
    shown = sum(1 for s in plan.steps if s.text.split(":")[0] in text)
    assert 0 < shown < len(plan.steps)
    assert len(plan.steps) - shown in [int(n) for n in MORE_DA.findall(text)]


def test_the_demo_plans_show_the_next_steps_and_every_action(services: Services) -> None:
    family = create_demo_family(services, today=TODAY)
    first = services.list_meetings(family.id)[-1].id
    plan = build_plan(services, first, today=TODAY)
    # The parents' next step became the first line: once, as the line. Emma's is a step.
    assert [s.text for s in plan.steps] == ["Vi skal vide, at vi altid må ringe til mormor."]
    assert "Mor og far laver en plan" not in " ".join(s.text for s in plan.steps)
    result = render_plan(plan)
    assert not result.shortened
    text = page_text(result.pdf)
    assert "Vi skal vide, at vi altid må ringe til mormor. Sagt af: Emma" in text


# ------------------------------------------------------------- 2. stances
def stance_plan(lang: str) -> PlanData:
    return PlanData(
        family_name="Familien Test",
        language=lang,
        meeting_at=datetime(2026, 12, 3, 10),
        people=(PlanPerson("Mette", Role.PARENT), PlanPerson("Karsten", Role.PARENT, 1)),
        worries=(
            PlanCard("Søvnen", "Emma", disagree=("Karsten",), agree=("Mette",)),
            PlanCard("Skolen", "Mette", disagree=("Karsten", "Jonas")),
        ),
        working_well=(PlanCard("Vi griner meget sammen", agree=("Mette", "Karsten")),),
        goals=(PlanCard("Emma er tryg", "Lise", disagree=("Karsten",)),),
    )


def test_stances_say_whose_words_who_agrees_and_who_does_not_in_danish() -> None:
    text = page_text(render_plan(stance_plan("da")).pdf)
    assert "Søvnen Sagt af: Emma · Enig: Mette · Ikke enig: Karsten" in text
    assert "Skolen Sagt af: Mette · Ikke enig: Karsten og Jonas" in text
    assert "Vi griner meget sammen Enig: Mette og Karsten" in text
    assert "Emma er tryg Sagt af: Lise · Ikke enig: Karsten" in text
    assert "er ikke enig" not in text  # the old wording that read as if both disagreed


def test_stances_say_whose_words_who_agrees_and_who_does_not_in_english() -> None:
    text = page_text(render_plan(stance_plan("en")).pdf)
    assert "Søvnen Said by: Emma · Agree: Mette · Disagree: Karsten" in text
    assert "Skolen Said by: Mette · Disagree: Karsten and Jonas" in text
    assert "Vi griner meget sammen Agree: Mette and Karsten" in text


def test_build_plan_keeps_who_agrees(services: Services) -> None:
    ids = needs_to_happen_meeting(services)
    goal = build_plan(services, ids["meeting"], today=TODAY).goals[0]
    assert (goal.whose, goal.agree, goal.disagree) == ("Emma", ("Mette",), ("Karsten",))


@pytest.mark.parametrize("lang", ["ar", "fa", "ur"])
def test_stances_in_a_right_to_left_plan_render_on_one_page(lang: str) -> None:
    result = render_plan(stance_plan(lang))
    assert result.missing_glyphs == []
    text = page_text(result.pdf)
    words = catalogue(lang)
    for name in ("Emma", "Mette", "Karsten", "Jonas"):
        assert name in text
    # Each label is on the page, in the plan's language.
    for key in ("whose", "agree", "disagree"):
        label = words.texts[key].replace("{name}", "").replace("{names}", "")
        for part in label.split():
            assert part.strip(":") in text, (lang, key, part)
    # The notes keep the plan's order inside a Danish card: read from the right, whose
    # words first, then who does not agree. A PDF line is in visual order, so on the
    # page Lise (whose words) stands right of Karsten.
    raw = PdfReader(io.BytesIO(result.pdf)).pages[0].extract_text()
    line = next(row for row in raw.splitlines() if "Emma er tryg" in row)
    assert line.index("Karsten") < line.index("Lise"), line
    danish = PdfReader(io.BytesIO(render_plan(stance_plan("da")).pdf)).pages[0].extract_text()
    line = next(row for row in danish.splitlines() if "Emma er tryg" in row)
    assert line.index("Lise") < line.index("Karsten"), line


@pytest.mark.parametrize("lang", TEN)
def test_the_stance_labels_keep_each_name_inside_its_own_label(lang: str) -> None:
    # "{names}" is filled, nothing else: the label's words never swallow a name.
    words = catalogue(lang)
    for key in ("whose", "agree", "disagree"):
        assert words.text(key, name="X", names="X").count("X") == 1


# ------------------------------------------------------------ 3. overdue
def overdue_meeting(services: Services) -> str:
    with services.batch():
        family = services.create_family("Familien Dato")
        meeting = services.create_meeting(family.id, datetime(2026, 11, 5, 10))
        services.add_action(meeting.id, "Gået over tid", due_date=TODAY - timedelta(days=1))
        services.add_action(meeting.id, "I dag", due_date=TODAY)
        services.add_action(meeting.id, "Senere", due_date=TODAY + timedelta(days=3))
        services.add_action(meeting.id, "Uden dato", due_text="hver fredag")
        services.add_action(
            meeting.id, "Gjort i tide", due_date=TODAY - timedelta(days=9), done=True
        )
    return meeting.id


def test_open_lines_whose_date_has_passed_are_overdue_done_ones_never(
    services: Services,
) -> None:
    meeting_id = overdue_meeting(services)
    plan = build_plan(services, meeting_id, today=TODAY)
    assert {a.what: a.overdue for a in plan.actions} == {
        "Gået over tid": True,
        "I dag": False,
        "Senere": False,
        "Uden dato": False,
        "Gjort i tide": False,
    }
    # Tomorrow, what was due today is overdue too.
    later = build_plan(services, meeting_id, today=TODAY + timedelta(days=1))
    assert [a.what for a in later.actions if a.overdue] == ["Gået over tid", "I dag"]


@pytest.mark.parametrize(("lang", "word"), [("da", "Overskredet"), ("en", "Overdue")])
def test_overdue_lines_say_so_in_words_on_the_pdf(services: Services, lang: str, word: str) -> None:
    plan = build_plan(services, overdue_meeting(services), lang, today=TODAY)
    text = page_text(render_plan(plan).pdf)
    assert text.count(word) == 1
    # The word is in the overdue line's row, after its date.
    assert re.search(r"Gået over tid .*" + word + r".* I dag", text)


@pytest.mark.parametrize("lang", TEN)
def test_overdue_prints_in_every_language(lang: str) -> None:
    plan = PlanData(
        family_name="Familien Test",
        language=lang,
        meeting_at=datetime(2026, 12, 3, 10),
        actions=(
            PlanAction("Ringe til lægen", "Mor", "1.12.", due_date=date(2026, 12, 1), overdue=True),
            PlanAction("Handle ind", "Far", "7.12.", due_date=date(2026, 12, 7)),
        ),
    )
    result = render_plan(plan)
    assert result.missing_glyphs == []
    text = page_text(result.pdf)
    assert " ".join(catalogue(lang).texts["overdue"].split()) in text
    assert not render_plan(replace(plan, actions=plan.actions[1:])).shortened
