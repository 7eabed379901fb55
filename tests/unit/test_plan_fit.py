"""How the one-page plan fits (issue 14): actions are cut last, room is not wasted.

Contract, read back from the PDF as a family would read the page: while any
layout keeps every action (smaller text, closer spacing, fewer cards, fewer
scales, shorter texts), every action is on the page and there is no "+ N more"
line under the table; a "+ N more" line is only there when the page really is
full; whatever the plan holds, it is one A4 page; and the "more" line says
something a family can act on at home, where there is no board.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from pypdf import PdfReader

from familymeeting.domain.enums import Role
from familymeeting.domain.plan import (
    PlanAction,
    PlanCard,
    PlanData,
    PlanMark,
    PlanPerson,
    PlanRating,
)
from familymeeting.export import plan_text
from familymeeting.export.plan import MIN_BODY_SIZE, PlanResult, render_plan
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services

TODAY = date(2026, 12, 3)
TEN = ("da", "en", "ar", "so", "tr", "pl", "uk", "ti", "fa", "ur")
# A "more" line in any language: "+ 2 mere ..." (or "... 2 +" once an Arabic
# line is in visual order). Nothing else on these pages has a plus sign.
ANY_MORE = re.compile(r"\+ ?\d|\d ?\+")
MORE_DA = re.compile(r"\+ (\d+) mere – spørg jeres rådgiver")


# ------------------------------------------------------------------ helpers
def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def page_text(pdf: bytes) -> str:
    """The page's text with all runs of whitespace (also no-break spaces) as one space."""
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def runs(pdf: bytes) -> list[tuple[float, str]]:
    """Every visible text run with the height of its baseline on the page (points)."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip():
            found.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


def baselines(pdf: bytes, needle: str) -> list[float]:
    return sorted((y for y, text in runs(pdf) if needle in text), reverse=True)


def blank_above_footer(pdf: bytes, footer_heading: str = "Næste møde") -> float:
    """From the lowest line of the page's body down to the footer's heading."""
    footer = baselines(pdf, footer_heading)[0]
    body = [y for y, _ in runs(pdf) if y > footer + 1]
    return min(body) - footer


def flat(text: str) -> str:
    return " ".join(text.split())


def demo_meetings(services: Services) -> list[str]:
    """The demo family's meetings, first meeting first."""
    family = create_demo_family(services, today=TODAY)
    return [m.id for m in reversed(services.list_meetings(family.id))]


def assert_every_action_on_the_page(plan: PlanData, result: PlanResult) -> str:
    assert pages(result.pdf) == 1
    text = page_text(result.pdf)
    assert plan.actions
    for action in plan.actions:
        assert flat(action.what) in text, (plan.language, action.what)
        assert flat(action.who) in text, (plan.language, action.who)
    return text


def plan_with(
    *,
    actions: int = 3,
    done_every: int = 0,
    cards: int = 2,
    goals: int = 1,
    scales: int = 1,
    card_text: str = "Vi spiser aftensmad sammen",
    action_text: str = "Ringe til skolen og aftale et møde",
) -> PlanData:
    """A plan of a given size, built directly (the layout only sees PlanData)."""
    people = tuple(
        PlanPerson(name, role, i)
        for i, (name, role) in enumerate(
            [
                ("Emma", Role.CHILD),
                ("Noah", Role.CHILD),
                ("Mette (mor)", Role.PARENT),
                ("Jonas (far)", Role.PARENT),
                ("Lise (rådgiver)", Role.CASEWORKER),
            ]
        )
    )
    marks = tuple(PlanMark(p.name, 1 + (i * 3) % 10, i) for i, p in enumerate(people[:4]))
    return PlanData(
        family_name="Familien Storm",
        language="da",
        meeting_at=datetime(2026, 12, 3, 10, 0),
        place="Hjemme",
        people=people,
        goals=tuple(PlanCard(f"Mål {i:02d}: børnene er trygge") for i in range(goals)),
        actions=tuple(
            PlanAction(
                f"Aftale {i:02d}: {action_text}",
                people[i % 4].name,
                "fredag",
                done=bool(done_every) and i % done_every == done_every - 1,
                due_date=date(2026, 12, 4) + timedelta(days=i),
            )
            for i in range(actions)
        ),
        working_well=tuple(PlanCard(f"Godt {i:03d}: {card_text}", "Emma") for i in range(cards)),
        worries=tuple(PlanCard(f"Svært {i:03d}: {card_text}", "Lise") for i in range(cards)),
        ratings=tuple(
            PlanRating(f"Spørgsmål {i:02d}: hvordan går det?", "Skidt", "Godt", marks)
            for i in range(scales)
        ),
        next_meeting_at=datetime(2027, 1, 7, 9, 30),
        next_meeting_place="Rådhuset",
        caseworker_name="Lise Dahl",
        caseworker_phone="20 30 40 50",
    )


# ------------------------------------------------------- the demo, issue 14
@pytest.mark.parametrize("lang", ["da", "en", "ar"])
def test_the_demo_first_meeting_keeps_every_action_while_the_page_has_room(
    services: Services, lang: str
) -> None:
    """The issue: the first meeting dropped its done action ("+ 1 mere på tavlen") and
    cut the scale question short, with about 3 cm blank above "Næste møde"."""
    first = demo_meetings(services)[0]
    plan = build_plan(services, first, lang)
    assert any(a.done for a in plan.actions)  # the one that was dropped
    result = render_plan(plan)

    text = assert_every_action_on_the_page(plan, result)
    assert not ANY_MORE.search(text), text
    assert not result.shortened
    assert result.font_size >= MIN_BODY_SIZE
    for rating in plan.ratings:  # whole questions, not cut with "…"
        assert flat(rating.question) in text
    for card in plan.working_well + plan.worries:
        assert flat(card.text) in text


@pytest.mark.parametrize("lang", TEN)
def test_every_demo_meeting_in_every_language_shows_all_its_actions(
    services: Services, lang: str
) -> None:
    for meeting_id in demo_meetings(services):
        plan = build_plan(services, meeting_id, lang)
        result = render_plan(plan)
        text = assert_every_action_on_the_page(plan, result)
        assert not ANY_MORE.search(text), (lang, meeting_id)
        assert not result.shortened, (lang, meeting_id)


# ------------------------------------------------------- actions are cut last
def test_cards_and_scales_are_shortened_before_any_action() -> None:
    plan = plan_with(actions=9, done_every=3, cards=30, goals=3, scales=5)
    result = render_plan(plan)
    text = assert_every_action_on_the_page(plan, result)

    assert result.shortened
    assert text.count("✓") == 3  # the done ones too: ticks show the plan is working
    # The cards were shortened instead, and say so under their lists.
    counts = [int(n) for n in MORE_DA.findall(text)]
    for column in (plan.working_well, plan.worries):
        on_page = sum(1 for c in column if c.text.split(":")[0] in text)
        assert 0 < on_page < len(column)
        assert len(column) - on_page in counts
    # No "more" line between the table and the boxes.
    last = flat(plan.actions[-1].what)
    assert not ANY_MORE.search(text[text.index(last) + len(last) : text.index("Det går godt")])


def test_far_too_much_is_one_page_and_actions_are_cut_last() -> None:
    """60 actions and 150 cards: the page can hold neither; the cards and scales are
    down to their "+ N more" lines before a single action is left out."""
    plan = plan_with(actions=60, done_every=6, cards=50, goals=50, scales=3)
    result = render_plan(plan)
    assert pages(result.pdf) == 1
    assert result.shortened
    assert result.font_size == MIN_BODY_SIZE
    text = page_text(result.pdf)

    shown = [a for a in plan.actions if a.what in text]
    assert len(shown) >= 15, "the heart of the page"
    open_actions = [a for a in plan.actions if not a.done]
    # Open actions first, in their order; nothing done while open ones are missing.
    assert [a.what for a in shown] == [a.what for a in open_actions[: len(shown)]]
    counts = [int(n) for n in MORE_DA.findall(text)]
    assert len(plan.actions) - len(shown) in counts
    # The room left is less than one more row of the table: too little for a card
    # (two lines here) or a scale, so each shows only its count.
    assert "Godt 000" not in text and "Svært 000" not in text
    assert "Spørgsmål" not in text
    goals = sum(1 for g in plan.goals if g.text in text)
    assert counts.count(50) == 2 + (goals == 0)  # the two boxes (and the goals, if none fit)
    assert 3 in counts  # the scales
    assert len(plan.goals) - goals in counts


def test_the_actions_get_the_room_the_other_lists_would_take() -> None:
    # Rows of two lines, even on the page's widest layout (side margins of 15 mm).
    long_rows = "Ringe til skolen og aftale et møde om lektierne og ugen"
    many = plan_with(actions=40, cards=40, goals=5, scales=4, action_text=long_rows)
    alone = replace(many, working_well=(), worries=(), goals=(), ratings=())
    shown_many = sum(a.what in page_text(render_plan(many).pdf) for a in many.actions)
    shown_alone = sum(a.what in page_text(render_plan(alone).pdf) for a in alone.actions)
    assert shown_many < len(many.actions)
    # Only the boxes' and the scales' headings and "+ N more" lines stay: about
    # three rows of the table.
    assert shown_many >= shown_alone - 3


# ------------------------------------------------------ no wasted blank space
# A page filled to the last line still keeps about 1.2 cm between the baseline
# of its last line and that of the footer's heading (the space above the footer's
# rule, and the heading itself).
FULL_PAGE_GAP = 40.0


def test_a_scale_left_out_would_not_have_fitted_in_the_blank() -> None:
    plan = plan_with(actions=4, cards=6, scales=12)
    result = render_plan(plan)
    text = page_text(result.pdf)
    assert result.shortened
    shown = baselines(result.pdf, "Spørgsmål")
    assert 2 <= len(shown) < 12
    assert f"+ {12 - len(shown)} mere" in text
    pitch = shown[-2] - shown[-1]  # one scale, from question to question
    assert blank_above_footer(result.pdf) < pitch + FULL_PAGE_GAP


def test_cards_left_out_would_not_have_fitted_in_the_blank() -> None:
    plan = plan_with(actions=5, cards=40, scales=0)
    result = render_plan(plan)
    text = page_text(result.pdf)
    assert result.shortened
    shown = baselines(result.pdf, "Godt ")
    assert 3 <= len(shown) < 40
    assert f"+ {40 - len(shown)} mere" in text
    pitch = shown[-2] - shown[-1]  # one card, from bullet to bullet
    assert blank_above_footer(result.pdf) < pitch + FULL_PAGE_GAP


def test_actions_left_out_would_not_have_fitted_in_the_blank() -> None:
    plan = plan_with(actions=40, cards=8, goals=2, scales=3)
    result = render_plan(plan)
    assert result.shortened
    shown = baselines(result.pdf, "Aftale ")
    assert 3 <= len(shown) < 40
    assert f"+ {40 - len(shown)} mere" in page_text(result.pdf)
    pitch = shown[-2] - shown[-1]  # one row of the table
    assert blank_above_footer(result.pdf) < pitch + FULL_PAGE_GAP


# ---------------------------------------------------------- the "more" line
def test_the_more_line_makes_sense_on_paper() -> None:
    assert plan_text.more_left_out(1, "da") == "+ 1 mere – spørg jeres rådgiver"
    assert plan_text.more_left_out(12, "da") == "+ 12 mere – spørg jeres rådgiver"
    assert plan_text.more_left_out(2, "en") == "+ 2 more – ask your caseworker"
    board = ("tavle", "board", "لوحة", "تخته", "tablic", "looxa", "ሰሌዳ", "tahta", "дошц", "بورڈ")
    for lang in TEN:
        for n in (1, 2, 3, 5, 11, 22, 100):
            line = plan_text.more_left_out(n, lang)
            assert str(n) in line and "+" in line
            assert not any(word in line.lower() for word in board), (lang, line)


# ------------------------------------------- "Nyt siden sidst" (issue 18)
def test_every_demo_meeting_with_its_news_is_one_whole_page_in_every_language(
    services: Services,
) -> None:
    """Each demo meeting's plan handed out in turn: the next shows what is new since,
    and still keeps every action on one page, uncut."""
    from familymeeting.domain.plan_changes import plan_content
    from familymeeting.storage.operations import KeepHandout

    meetings = demo_meetings(services)
    for number, meeting_id in enumerate(meetings):
        for lang in TEN:
            plan = build_plan(services, meeting_id, lang)
            assert (plan.news is not None) == (number > 0), (lang, number)
            result = render_plan(plan)
            assert_every_action_on_the_page(plan, result)
            assert not result.shortened, (lang, number)
            if lang in ("da", "en"):
                heading = {"da": "Nyt siden sidst:", "en": "New since the last plan:"}[lang]
                assert (heading in page_text(result.pdf)) == (number > 0)
        plan = build_plan(services, meeting_id)
        pdf = render_plan(plan).pdf
        services.run(KeepHandout(meeting_id, pdf, "print", "da", plan_content(plan)))


def test_long_news_stays_short_and_a_full_page_leaves_it_out_first() -> None:
    from familymeeting.domain.plan import PlanChanges

    long = "Et punkt der er skrevet meget langt ud " * 6
    news = PlanChanges(
        since=datetime(2026, 11, 5, 10),
        new=tuple(f"Nyt {i:02d}: {long}" for i in range(20)),
        done=tuple(f"Klaret {i:02d}: {long}" for i in range(20)),
        moved=True,
        next_meeting_at=datetime(2027, 1, 7, 9, 30),
    )
    # An ordinary plan: three lines of each list named, the rest counted.
    plan = replace(plan_with(), news=news)
    result = render_plan(plan)
    text = assert_every_action_on_the_page(plan, result)
    assert not result.shortened
    assert "Nyt siden sidst: Nyt: Nyt 00" in text
    assert "Nyt 02" in text and "Nyt 03" not in text and "Klaret 03" not in text
    assert text.count("og 17 andre") == 2
    assert "Næste møde er ændret: torsdag 7. januar 2027 kl. 09.30" in text

    # A page that is full anyway: the news (a summary of what the table holds whole)
    # goes before anything of the plan is shortened; still one page.
    full = plan_with(actions=60, done_every=6, cards=50, goals=50, scales=3)
    without = render_plan(full)
    result = render_plan(replace(full, news=news))
    assert pages(result.pdf) == 1
    assert "Nyt siden sidst" not in page_text(result.pdf)
    assert result.pdf == without.pdf
