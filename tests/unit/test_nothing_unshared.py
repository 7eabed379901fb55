"""Nothing a child did not share reaches an export meant for the parents (issue 19).

A meeting where Noah (13) answered alone in child mode and said no to one answer
("Må de voksne se det?"), kept two Three Houses sentences and a drawing to himself, and
gave his own feedback on the meeting. Every export the parents get is made as the app
and the command line make it, and its text read back with pypdf: the family's plan
(preview, print and save: build_plan + render_plan, in the family's language and every
other plan language), what is kept of it as a handout (plan_content), and the
children's own plans (which go home too, so the parents may read them). None holds any
of those items. The houses' own "Mine tre huse" PDF is tested with the houses screens.
"""

from __future__ import annotations

import io
import json

import pytest
from child_family import SECRETS, SHARED_QUESTION, TODAY, ChildFamily, build_child_family
from pypdf import PdfReader

from familymeeting.domain.languages import PLAN_LANGUAGES
from familymeeting.domain.plan_changes import plan_content
from familymeeting.export.child_plan import render_child_plan
from familymeeting.export.plan import render_plan
from familymeeting.storage.child_plan_data import build_child_plan
from familymeeting.storage.operations import ParticipantEdit, SaveFamily
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services


def text_of(pdf: bytes) -> str:
    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


@pytest.fixture
def fam(services: Services) -> ChildFamily:
    return build_child_family(services)


def test_the_familys_plan_leaves_out_an_answer_the_child_did_not_share(
    services: Services, fam: ChildFamily
) -> None:
    plan = build_plan(services, fam.meeting_id, today=TODAY)
    marks = {r.question: [(m.name, m.value) for m in r.marks] for r in plan.ratings}
    # The shared answers are there, the child's unshared ones not: the question only
    # Noah answered, unshared, is not on the plan at all; on the home question only
    # Mette's mark is.
    assert marks == {
        SHARED_QUESTION: [("Noah", 7), ("Emma", 9)],
        "Hvordan går det derhjemme?": [("Mette", 6)],
    }
    # What the screen keeps is still stored for the caseworker.
    stored = [(r.participant_id, r.value, r.shared) for r in services.list_ratings(fam.meeting_id)]
    assert (fam.noah, 3, False) in stored and (fam.noah, 2, False) in stored


@pytest.mark.parametrize("lang", PLAN_LANGUAGES)
def test_no_plan_for_the_parents_holds_an_unshared_item(
    services: Services, fam: ChildFamily, lang: str
) -> None:
    plan = build_plan(services, fam.meeting_id, lang, today=TODAY)
    text = text_of(render_plan(plan).pdf)
    assert "Følge Emma i skole hver morgen" in text  # the plan is really there
    kept = json.dumps(plan_content(plan), ensure_ascii=False, default=str)
    for secret in SECRETS:
        assert secret not in text, secret
        assert secret not in kept, secret
    # Noah's unshared "3" on the home question is not a mark on the page either.
    home = [r for r in plan.ratings if r.question == "Hvordan går det derhjemme?"]
    assert [m.name for m in home[0].marks] == ["Mette"]


def test_no_childs_own_plan_holds_an_unshared_item(services: Services, fam: ChildFamily) -> None:
    family = services.get_family(fam.family_id)
    services.run(
        SaveFamily(
            fam.family_id,
            family.display_name,
            caseworker_name=family.caseworker_name,
            caseworker_phone=family.caseworker_phone,
            language=family.language,
            participants=(ParticipantEdit(fam.emma, "Emma", "child", own_plan=True),),
        )
    )
    for child in (fam.noah, fam.emma):
        for lang in ("da", "en"):
            plan = build_child_plan(services, fam.meeting_id, child, lang, today=TODAY)
            text = text_of(render_child_plan(plan).pdf)
            assert "41 22 33 44" in text
            for secret in SECRETS:
                assert secret not in text, (child, lang, secret)
            # A child's plan never shows a sibling's answer.
            assert all(a.value != (9 if child == fam.noah else 7) for a in plan.answers)
