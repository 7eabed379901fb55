"""The child's own feedback on a meeting (issue 19): the set, its storage, the record.

Contract, over a real database file and real PDFs read with pypdf:

- five items in our own words, Danish at a child's level (LIX low) and English, in the
  order the trial municipality asked them;
- one operation stores a child's answer (1-10, or "did not want to answer"), logs ids
  only, undoes, and refuses an unknown item, a value out of range or an adult, leaving
  the data exactly as it was;
- the record (text and PDF) has a section per child who answered; the family's plan and
  the progress chart's data never contain any of it;
- the demo family's Noah (13) answered at the last two meetings.
"""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from familymeeting.domain.enums import Audience, Language, MeetingKind, Role
from familymeeting.domain.errors import ValidationError
from familymeeting.domain.feedback import FEEDBACK_ITEMS, FEEDBACK_WORDING, feedback_wording
from familymeeting.export.plan import render_plan
from familymeeting.export.record import render_record
from familymeeting.export.record_text import record_text
from familymeeting.messages import user_message
from familymeeting.storage import operations as ops
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.progress import family_progress
from familymeeting.storage.record_data import build_record
from familymeeting.storage.services import Services

TODAY = date(2026, 12, 5)


def pdf_words(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def lix(text: str) -> float:
    """Läsbarhetsindex: words per sentence + the share of words over six letters."""
    words = re.findall(r"[^\W\d_]+", text)
    sentences = max(1, len(re.findall(r"[.!?:]", text)))
    long_words = [w for w in words if len(w) > 6]
    return len(words) / sentences + 100 * len(long_words) / len(words)


def small_family(services: Services) -> tuple[str, str, str, str]:
    family = services.create_family("Familien Test")
    child = services.add_participant(family.id, "Ida", Role.CHILD, birth_year=2014).id
    mother = services.add_participant(family.id, "Mor", Role.PARENT).id
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 10), kind=MeetingKind.FIRST)
    return family.id, meeting.id, child, mother


def test_the_feedback_set_is_five_items_in_plain_words_of_our_own() -> None:
    assert [i.value for i in FEEDBACK_ITEMS] == [
        "said_what_i_wanted",
        "listened",
        "what_matters",
        "liked_meeting",
        "understood",
    ]
    danish = FEEDBACK_WORDING[Language.DA]
    english = FEEDBACK_WORDING[Language.EN]
    assert set(danish) == set(english) == set(FEEDBACK_ITEMS)
    fixed = " ".join(f"{w.text} {w.low}. {w.high}." for w in danish.values())
    assert lix(fixed) <= 25
    for wording in (*danish.values(), *english.values()):
        assert wording.text.endswith("?") and len(wording.text) <= 60
        assert wording.low and wording.high
    # Our own words, not the licensed child session scale's.
    licensed = ("felt heard", "understood, and respected", "what i wanted to work on")
    everything = " ".join(w.text.lower() for w in english.values())
    assert not any(phrase in everything for phrase in licensed)
    assert "du" in danish[FEEDBACK_ITEMS[0]].text.split()
    assert feedback_wording("listened", "so").text == danish[FEEDBACK_ITEMS[1]].text


def test_a_child_s_feedback_is_stored_logged_by_ids_and_undone(services: Services) -> None:
    family_id, meeting_id, child, _ = small_family(services)
    applied = services.run(ops.SetChildFeedback(meeting_id, child, "listened", 8))
    assert [(r.item, r.value) for r in applied.changes.feedback or ()] == [("listened", 8)]
    assert applied.changes.ratings is None and not applied.changes.board_only
    again = services.run(ops.SetChildFeedback(meeting_id, child, "listened", 3))
    services.run(ops.SetChildFeedback(meeting_id, child, "said_what_i_wanted", None))
    stored = services.list_child_feedback(meeting_id, child)
    assert [(r.item, r.value) for r in stored] == [("said_what_i_wanted", None), ("listened", 3)]
    assert again.undo is not None
    services.run(again.undo)
    assert [(r.item, r.value) for r in services.list_child_feedback(meeting_id, child)] == [
        ("said_what_i_wanted", None),
        ("listened", 8),
    ]
    assert applied.undo is not None
    services.run(applied.undo)  # the first answer undone: never asked
    assert [r.item for r in services.list_child_feedback(meeting_id, child)] == [
        "said_what_i_wanted"
    ]
    assert services.list_ratings(meeting_id) == []
    entries = [e for e in services.access_log(family_id) if e.event == "child_feedback"]
    assert len(entries) == 5
    assert all((e.meeting_id, e.detail) == (meeting_id, "") for e in entries)


@pytest.mark.parametrize(
    ("item", "value", "who", "code"),
    [
        ("did_it_help", 5, "child", "feedback_item_unknown"),
        ("listened", 11, "child", "rating_out_of_range"),
        ("listened", 0, "child", "rating_out_of_range"),
        ("listened", 5, "mother", "feedback_not_a_child"),
        ("listened", 5, "stranger", "participant_not_in_family"),
    ],
)
def test_wrong_feedback_is_refused_and_changes_nothing(
    services: Services, item: str, value: int, who: str, code: str
) -> None:
    family_id, meeting_id, child, mother = small_family(services)
    services.run(ops.SetChildFeedback(meeting_id, child, "listened", 7))
    log_before = services.access_log(family_id)
    pid = {"child": child, "mother": mother}.get(who, "no-such-person")
    with pytest.raises(ValidationError) as caught:
        services.run(ops.SetChildFeedback(meeting_id, pid, item, value))
    assert caught.value.code == code
    assert user_message(caught.value, "da")
    assert "{" not in user_message(caught.value, "en")
    assert [(r.item, r.value) for r in services.list_child_feedback(meeting_id)] == [
        ("listened", 7)
    ]
    assert services.access_log(family_id) == log_before


def test_the_record_shows_the_child_s_feedback_and_the_plan_never(services: Services) -> None:
    family = create_demo_family(services, today=TODAY)
    meetings = services.list_meetings(family.id)
    noah = next(p for p in services.list_participants(family.id) if p.name == "Noah")
    first, second, third = sorted(meetings, key=lambda m: m.starts_at)
    assert services.list_child_feedback(first.id) == []
    values = {
        m.id: [r.value for r in services.list_child_feedback(m.id, noah.id)] for m in meetings
    }
    assert values[second.id] == [5, 8, 4, 3, None]
    assert values[third.id] == [7, 9, 6, 5, 7]

    record = build_record(services, second.id, "da", today=TODAY)
    assert [f.name for f in record.feedback] == ["Noah"]
    text = record_text(record)
    assert "BARNETS FEEDBACK PÅ MØDET: NOAH" in text
    assert "- Lyttede rådgiveren til dig? 8" in text
    assert "- Forstod rådgiveren, hvordan det er for dig? ville ikke svare" in text
    assert "Besvaret alene i børnetilstand" in pdf_words(render_record(record).pdf)
    pdf = pdf_words(render_record(record).pdf)
    assert "Barnets feedback på mødet: Noah" in pdf
    assert "Var det godt at holde møde på den her måde?" in pdf
    english = record_text(build_record(services, third.id, "en", today=TODAY))
    assert "THE CHILD'S FEEDBACK ON THE MEETING: NOAH" in english
    assert "- Did the caseworker listen to you? 9" in english
    assert "feedback" not in record_text(build_record(services, first.id, "da", today=TODAY))

    for meeting in meetings:
        plan = pdf_words(render_plan(build_plan(services, meeting.id, today=TODAY)).pdf)
        for wording in FEEDBACK_WORDING[Language.DA].values():
            assert wording.text not in plan
        assert "feedback" not in plan.lower()
    # The progress chart follows the family's ratings only.
    series = family_progress(services, family.id)
    texts = {s.text for s in series}
    assert not texts & {w.text for w in FEEDBACK_WORDING[Language.DA].values()}
    for s in series:
        for line in s.people:
            if line.participant_id == noah.id and s.audience == Audience.CHILDREN:
                assert line.values != [5, 8, 4, 3, None]


def test_the_children_s_feedback_over_time_per_child(services: Services) -> None:
    family = create_demo_family(services, today=TODAY)
    history = services.child_feedback_history(family.id)
    assert [h.name for h in history] == ["Noah"]  # Emma gave none
    (noah,) = history
    assert [m.values["liked_meeting"] for m in noah.meetings] == [3, 5]
    assert noah.meetings[0].starts_at < noah.meetings[1].starts_at
    assert "understood" in noah.meetings[0].values
    assert noah.meetings[0].values["understood"] is None


def test_deleting_the_family_for_good_deletes_the_child_s_feedback(services: Services) -> None:
    family_id, meeting_id, child, _ = small_family(services)
    services.run(ops.SetChildFeedback(meeting_id, child, "listened", 7))
    services.delete_family_permanently(family_id)
    with services.db.reading() as s:
        left = s.connection().exec_driver_sql("SELECT count(*) FROM child_feedback").scalar()
    assert left == 0
