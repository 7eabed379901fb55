"""The caseworker's meeting record (issue 18): what it says, what it never drops, what
the family's plan never shows, and how the caseworker's part is written.

Contract, read back from real PDFs with pypdf over a real database file:

- every card (kind, whose words, a child's words marked as the child's, who agrees or
  not), every answer with the change since the same person's last number in the
  series, "won't answer" and "not answered" kept apart from numbers, the actions,
  the next meeting, the assessment and the minutes;
- two A4 pages for each demo meeting (three with a child's feedback), fonts embedded,
  the same bytes every time;
  a long meeting flows onto more pages and loses nothing ("Side 1 af 3");
- the assessment, minutes and other professionals are written by one operation that
  cleans them like other free text, logs ids only, and refuses too long text leaving
  the data as it was; the family's plan never shows the assessment.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from familymeeting.domain.enums import CardKind, Column, Role
from familymeeting.domain.errors import ValidationError
from familymeeting.domain.record import ANSWERED, DECLINED, NOT_ANSWERED
from familymeeting.domain.rules import ASSESSMENT_MAX
from familymeeting.export.plan import render_plan
from familymeeting.export.record import render_record
from familymeeting.export.record_text import record_text
from familymeeting.messages import user_message
from familymeeting.storage import operations as ops
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.record_data import build_record
from familymeeting.storage.services import Services

TODAY = date(2026, 12, 5)
ASSESSMENT = "Forældrene samarbejder, men far deler ikke bekymringen om vold."


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def latest_closed(services: Services) -> tuple[str, str]:
    family = create_demo_family(services)
    meetings = services.list_meetings(family.id)
    return family.id, meetings[1].id  # the follow-up of 6 November, with earlier answers


def test_the_record_says_everything_of_the_meeting(services: Services) -> None:
    _family_id, meeting_id = latest_closed(services)
    services.run(
        ops.SetMeetingRecord(
            meeting_id,
            assessment=ASSESSMENT,
            minutes="Vi talte om skolen.",
            other_attendees="Lærer Hansen\n\n  Sundhedsplejerske Ida  ",
        )
    )
    record = build_record(services, meeting_id, "da", today=TODAY)
    assert record.other_attendees == ("Lærer Hansen", "Sundhedsplejerske Ida")
    emma = next(p for p in record.people if p.name == "Emma")
    assert emma.role == Role.CHILD and emma.age == 9 and emma.attended
    cards = [c for column in record.columns for c in column.cards]
    assert len(cards) == len(services.list_cards(meeting_id))
    assert any(c.whose_is_child and c.whose == "Emma" for c in cards)
    danger = next(c for c in cards if c.kind == CardKind.DANGER_STATEMENT)
    assert danger.agree == ("Mette (mor)",) and danger.disagree == ("Jonas (far)",)
    first = record.questions[1].answers
    mette = next(a for a in first if a.name == "Mette (mor)")
    assert (mette.state, mette.value, mette.previous, mette.change) == (ANSWERED, 6, 5, 1)
    # The safety scale is the adults': the children present are not "not answered".
    assert {a.name for a in first}.isdisjoint({"Emma", "Noah"})
    assert any(a.state == NOT_ANSWERED for q in record.questions for a in q.answers)

    text = record_text(record)
    pdf = pdf_text(render_record(record).pdf)
    for needle in (
        "Mødenotat",
        "Til stede: Emma (barn, 9 år)",
        "Andre fagpersoner til stede: Lærer Hansen, Sundhedsplejerske Ida",
        "Bekymringsudsagn:",
        "Barnets egne ord: Emma",
        "Ikke enig: Jonas (far)",
        "Faglig vurdering",
        ASSESSMENT,
        "Vi talte om skolen.",
        "overskredet",
        "Næste møde",
    ):
        assert needle.casefold() in text.casefold(), needle  # text headings are capitals
        assert needle in pdf, needle
    assert "Mette (mor): 6 (sidst 5 (fredag 9.\u00a0oktober 2026); +1)" in text


def test_won_t_answer_is_not_a_number_and_not_unanswered(services: Services) -> None:
    _, meeting_id = latest_closed(services)
    question = services.list_questions(meeting_id)[0]
    noah = next(
        p
        for p in services.list_participants(services.get_meeting(meeting_id).family_id)
        if p.name == "Noah"
    )
    services.run(ops.SetAnswer(question.id, noah.id, (None, None)))
    record = build_record(services, meeting_id, "en", today=TODAY)
    answer = next(a for a in record.questions[0].answers if a.name == "Noah")
    assert answer.state == DECLINED and answer.value is None and answer.change is None
    text = record_text(record)
    assert "Noah: won't answer" in text
    assert "Not answered: Mette (mor)" in text


def test_every_demo_meeting_is_two_pages_embedded_and_deterministic(services: Services) -> None:
    family = create_demo_family(services)
    for meeting in services.list_meetings(family.id):
        record = build_record(services, meeting.id, today=TODAY)
        result = render_record(record)
        reader = PdfReader(io.BytesIO(result.pdf))
        # A child's own feedback on the meeting (issue 19) may take the record onto a third.
        assert len(reader.pages) == result.pages <= (3 if record.feedback or record.houses else 2)
        assert "Side 1 af" in reader.pages[0].extract_text()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert "DejaVuSans" in str(font["/BaseFont"])
                if font["/Subtype"] == "/Type0":
                    font = font["/DescendantFonts"][0].get_object()
                assert "/FontFile2" in font["/FontDescriptor"].get_object()
        assert b"Helvetica" not in result.pdf
        again = render_record(build_record(services, meeting.id, today=TODAY))
        assert again.pdf == result.pdf


def test_a_long_meeting_flows_onto_more_pages_and_loses_nothing(services: Services) -> None:
    family = services.create_family("Familien Lang")
    mor = services.add_participant(family.id, "Mette", Role.PARENT).id
    meeting = services.create_meeting(family.id, datetime(2026, 12, 3, 10), attendee_ids=[mor])
    texts = []
    for n in range(30):
        column = list(Column)[n % 3]
        text = f"Kort nummer {n} " + "med mange ord om hvad der sker " * 12 + f"slut{n}"
        services.add_card(meeting.id, column, text)
        texts.append(f"slut{n}")
    minutes = "\n\n".join(f"Afsnit {n}: " + "referatets ord " * 80 + f"afsnit{n}" for n in range(6))
    services.run(ops.SetMeetingRecord(meeting.id, minutes=minutes))
    result = render_record(build_record(services, meeting.id, today=TODAY))
    assert result.pages >= 4
    text = pdf_text(result.pdf)
    for needle in [*texts, *(f"afsnit{n}" for n in range(6))]:
        assert needle in text, needle
    assert f"Side {result.pages} af {result.pages}" in text


def test_the_caseworker_s_part_is_cleaned_logged_without_text_and_refused_whole(
    services: Services,
) -> None:
    family_id, meeting_id = latest_closed(services)
    applied = services.run(
        ops.SetMeetingRecord(
            meeting_id, assessment=" Vurdering\x07 her ", other_attendees="Ida \u202eHansen"
        )
    )
    stored = services.get_meeting(meeting_id)
    assert stored.assessment == "Vurdering her" == applied.changes.meeting.assessment
    assert stored.other_attendees == "Ida Hansen"  # no bidi override in a name
    entry = services.access_log(family_id)[0]
    assert (entry.event, entry.meeting_id, entry.detail) == ("edit_record", meeting_id, "")

    before = services.get_meeting(meeting_id)
    with pytest.raises(ValidationError) as refused:
        services.run(
            ops.SetMeetingRecord(meeting_id, minutes="ny", assessment="x" * (ASSESSMENT_MAX + 1))
        )
    assert services.get_meeting(meeting_id) == before
    message = user_message(refused.value, "da")
    assert "Den faglige vurdering er for lang" in message


def test_the_family_s_plan_never_shows_the_assessment(services: Services) -> None:
    _, meeting_id = latest_closed(services)
    services.run(
        ops.SetMeetingRecord(
            meeting_id, assessment=ASSESSMENT, minutes="Referatets ord", other_attendees="Ida"
        )
    )
    text = pdf_text(render_plan(build_plan(services, meeting_id, today=TODAY)).pdf)
    assert "samarbejder" not in text and "Referatets" not in text
    assert "bekymringen om vold" not in text


def test_the_record_holds_the_child_s_houses_shared_or_not(services: Services) -> None:
    """Every item of a child's Three Houses, with the child's choice (issue 19): the record
    is the caseworker's, so the items the child kept to itself are in it, marked."""
    family = create_demo_family(services)
    latest = services.list_meetings(family.id)[0]  # Emma drew and talked at this one
    record = build_record(services, latest.id, today=TODAY)
    assert [h.name for h in record.houses] == ["Emma"]
    items = record.houses[0].items
    assert {i.house for i in items} == {"worries", "good_things", "dreams"}
    drawing = next(i for i in items if i.kind == "drawing")
    assert drawing.shared and drawing.house == "good_things"
    secret = next(i for i in items if i.text == "Når mor og far råber om aftenen")
    assert not secret.shared

    text = " ".join(record_text(record).split())
    assert "TRE HUSE: EMMA" in text
    assert "“Når mor og far råber om aftenen” (ikke delt)" in text
    assert "“Mormor laver pandekager” (delt)" in text
    assert "En tegning (delt): i »Mine tre huse«, sagens udgave" in text
    pdf = pdf_text(render_record(record).pdf)
    assert "Tre huse: Emma" in pdf
    assert "Når mor og far råber om aftenen" in pdf
    # A meeting without houses has no such section.
    earlier = build_record(services, services.list_meetings(family.id)[1].id, today=TODAY)
    assert earlier.houses == ()
    assert "Tre huse" not in record_text(earlier)
