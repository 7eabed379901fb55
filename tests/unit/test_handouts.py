"""Plans given to the family are kept (issue 18): each PDF once, every handout, "Nyt
siden sidst" from the last plan the family got, and gone for good with the family."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from familymeeting.domain.enums import Role
from familymeeting.domain.errors import NotFoundError, ValidationError
from familymeeting.domain.plan import PlanAction, PlanData
from familymeeting.domain.plan_changes import changes_since, last_plan_changes, plan_content
from familymeeting.export.plan import render_plan
from familymeeting.storage.operations import KeepHandout
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services

MEETING = datetime(2026, 11, 5, 10)
NEXT = datetime(2026, 12, 3, 10)


def plan(
    *actions: tuple[str, bool], at: datetime = MEETING, nxt: datetime | None = NEXT
) -> PlanData:
    return PlanData(
        family_name="Familien Holm",
        language="da",
        meeting_at=at,
        actions=tuple(PlanAction(what=w, who="Mette", when="", done=d) for w, d in actions),
        next_meeting_at=nxt,
        next_meeting_place="Hjemme",
    )


# ----------------------------------------------------------------- the domain
def test_content_is_plain_json_the_same_in_every_language() -> None:
    first = plan(("Mette ringer til skolen", False), ("Lars følger Emma", True))
    content = plan_content(first)
    assert json.loads(content) == {
        "format": 1,
        "meeting_at": "2026-11-05T10:00",
        "actions": [
            {"what": "Mette ringer til skolen", "done": False},
            {"what": "Lars følger Emma", "done": True},
        ],
        "next_meeting_at": "2026-12-03T10:00",
        "next_meeting_place": "Hjemme",
    }
    assert plan_content(replace(first, language="en")) == content


def test_new_lines_lines_done_since_and_nothing_else() -> None:
    before = plan(("Mette ringer til skolen", False), ("Lars følger Emma", False))
    after = plan(
        ("mette  ringer til skolen", True),  # the same line (spaces, case), now done
        ("Lars følger Emma", False),  # unchanged: not news
        ("Mormor henter fredag", False),  # new
        ("Noah får en ven med hjem", True),  # new and already done: done
        at=NEXT,
        nxt=datetime(2027, 1, 7, 10),
    )
    news = changes_since(plan_content(before), after)
    assert news is not None and news
    assert news.since == MEETING
    assert news.new == ("Mormor henter fredag",)
    assert news.done == ("mette  ringer til skolen", "Noah får en ven med hjem")
    # The follow-up was held when agreed: its own next meeting is not "moved".
    assert not news.moved


def test_a_moved_next_meeting_is_news_and_nothing_is_none() -> None:
    before = plan(("A", False))
    moved = changes_since(plan_content(before), plan(("A", False), nxt=datetime(2026, 12, 10, 9)))
    assert moved is not None and moved.moved
    assert moved.next_meeting_at == datetime(2026, 12, 10, 9)
    cancelled = changes_since(plan_content(before), plan(("A", False), nxt=None))
    assert cancelled is not None and cancelled.moved and cancelled.next_meeting_at is None
    same = changes_since(plan_content(before), plan(("A", False)))
    assert same is not None and not same


def test_a_later_meetings_plan_or_a_broken_entry_is_not_compared() -> None:
    later = plan(("A", False), at=NEXT)
    assert changes_since(plan_content(later), plan(("B", False))) is None
    assert changes_since("not json", plan(("B", False))) is None
    assert changes_since('{"format": 1}', plan(("B", False))) is None


def test_the_last_plan_that_said_something_else_is_the_one_compared() -> None:
    first = plan(("A", False))
    second = plan(("A", False), ("B", False))
    # Newest first: a reprint of this very plan, then the plan before it.
    news = last_plan_changes([plan_content(second), plan_content(first)], second)
    assert news is not None and news.new == ("B",)
    assert last_plan_changes([plan_content(second)], second) is None
    assert last_plan_changes([], second) is None


# ----------------------------------------------------------------- storage
@pytest.fixture
def meeting_id(services: Services) -> str:
    family = services.create_family("Familien Holm")
    mette = services.add_participant(family.id, "Mette", Role.PARENT)
    meeting = services.create_meeting(family.id, MEETING, place="Hjemme")
    services.add_action(meeting.id, "Mette ringer til skolen", who_participant_id=mette.id)
    return meeting.id


def keep(services: Services, meeting_id: str, how: str = "print") -> tuple[bytes, str]:
    the_plan = build_plan(services, meeting_id)
    pdf = render_plan(the_plan).pdf
    services.run(KeepHandout(meeting_id, pdf, how, the_plan.language, plan_content(the_plan)))
    return pdf, the_plan.language


def count(data_dir: Path, table: str) -> int:
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()


def test_the_same_plan_twice_is_one_document_and_two_handouts(
    services: Services, data_dir: Path, meeting_id: str
) -> None:
    family_id = services.get_meeting(meeting_id).family_id
    first, _ = keep(services, meeting_id, "print")
    again, _ = keep(services, meeting_id, "save")
    assert first == again  # the plan PDF is deterministic
    assert count(data_dir, "plan_document") == 1
    assert count(data_dir, "plan_handout") == 2
    entries = services.list_handouts(family_id)
    assert [e.number for e in entries] == [2, 1]  # newest first, numbered from the first
    assert [e.handout.how for e in entries] == ["save", "print"]
    assert entries[0].meeting_at == MEETING
    assert entries[0].size == len(first)
    assert entries[0].handout.sha256 == hashlib.sha256(first).hexdigest()
    assert services.handout_pdf(entries[1].handout.id) == first
    services.record_reprint(entries[1].handout.id, via="app")
    events = [e.event for e in services.access_log(family_id)]
    assert events[:3] == ["plan_reprint", "plan_handout", "plan_handout"]
    # Ids and the way only: never the plan's words.
    assert all("Mette" not in e.detail for e in services.access_log(family_id))


def test_a_bad_handout_is_refused_and_nothing_is_kept(
    services: Services, data_dir: Path, meeting_id: str
) -> None:
    pdf = render_plan(build_plan(services, meeting_id)).pdf
    for op in (
        KeepHandout(meeting_id, pdf, "fax", "da", "{}"),
        KeepHandout(meeting_id, pdf, "print", "xx", "{}"),
    ):
        with pytest.raises(ValidationError):
            services.run(op)
    with pytest.raises(ValueError):
        services.run(KeepHandout(meeting_id, b"not a pdf", "print", "da", "{}"))
    with pytest.raises(NotFoundError):
        services.run(KeepHandout("no-such-meeting", pdf, "print", "da", "{}"))
    assert count(data_dir, "plan_document") == 0
    assert count(data_dir, "plan_handout") == 0
    family_id = services.get_meeting(meeting_id).family_id
    with pytest.raises(NotFoundError) as caught:
        services.handout_by_number(family_id, 1)
    assert caught.value.code == "handout_not_found"


def test_the_next_plan_shows_what_is_new_since_the_one_the_family_got(
    services: Services, meeting_id: str
) -> None:
    family_id = services.get_meeting(meeting_id).family_id
    assert build_plan(services, meeting_id).news is None  # the first plan: nothing
    keep(services, meeting_id)
    follow = services.create_meeting(family_id, NEXT)
    services.add_action(follow.id, "Mormor henter fredag")
    news = build_plan(services, follow.id).news
    assert news is not None and news.new == ("Mormor henter fredag",)
    assert news.since == MEETING
    # The old meeting's plan again: not compared with anything later.
    assert build_plan(services, meeting_id).news is None


def test_printing_the_plan_again_prints_the_same_page(services: Services, meeting_id: str) -> None:
    family_id = services.get_meeting(meeting_id).family_id
    keep(services, meeting_id)
    follow = services.create_meeting(family_id, NEXT)
    services.add_action(follow.id, "Mormor henter fredag")
    first, _ = keep(services, follow.id)
    again, _ = keep(services, follow.id)
    assert first == again
    assert len({e.handout.sha256 for e in services.list_handouts(family_id)}) == 2


def test_deleting_the_family_removes_its_plans_and_their_pdfs(
    services: Services, data_dir: Path, meeting_id: str
) -> None:
    other = services.create_family("Familien Bliver")
    other_meeting = services.create_meeting(other.id, MEETING)
    services.add_action(other_meeting.id, "Bliver-aftale")
    kept_other, _ = keep(services, other_meeting.id)
    pdf, _ = keep(services, meeting_id)
    family_id = services.get_meeting(meeting_id).family_id
    services.compact()
    everything = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert pdf[-2000:] in everything
    services.delete_family_permanently(family_id)
    everything = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    # The PDF's own bytes (its compressed page and font streams) are nowhere any more.
    for start in range(0, len(pdf) - 200, 997):
        chunk = pdf[start : start + 200]
        if chunk not in kept_other:
            assert chunk not in everything
    assert count(data_dir, "plan_handout") == 1
    assert count(data_dir, "plan_document") == 1
    assert services.handout_pdf(services.list_handouts(other.id)[0].handout.id) == kept_other
