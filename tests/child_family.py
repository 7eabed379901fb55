"""A family whose children said things the parents may and may not see (issue 19).

Used by the child's plan tests and by the test that nothing a child did not share
reaches an export meant for the parents. Every secret is a distinctive sentence, so a
search of a PDF's text for it cannot hit by chance.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from familymeeting.domain.enums import Audience, Column, Role
from familymeeting.storage.models import ChildFeedback, HouseItem, Rating
from familymeeting.storage.services import Services

MEETING_AT = datetime(2026, 12, 3, 10, 0)
TODAY = date(2026, 12, 3)

SHARED_HOUSE = "Jeg drømmer om en hund"
SHARED_WORRY = "Jeg er ked af det, når de råber"
SECRET_HOUSE = "Hemmeligt: jeg sover hos Ali om fredagen"
SECRET_DREAM = "Hemmeligt: jeg vil bo hos mormor"
SHARED_QUESTION = "Hvor godt er det at være dig i skolen?"
SECRET_QUESTION = "Hvor tryg er du, når far er vred?"
NOAH_WORDS = "Jeg vil gerne spille fodbold igen"
FEEDBACK_ITEMS = ("said_what_i_wanted", "listened_to_me", "liked_meeting_like_this")
SECRETS = (SECRET_HOUSE, SECRET_DREAM, SECRET_QUESTION, *FEEDBACK_ITEMS)


@dataclass(frozen=True)
class ChildFamily:
    family_id: str
    meeting_id: str
    noah: str  # 13: a plan by age
    emma: str  # 8: none by age
    mette: str  # parent
    grethe: str  # network: mormor


def build_child_family(services: Services) -> ChildFamily:
    family = services.create_family(
        "Familien Holm", caseworker_name="Sara Nielsen", caseworker_phone="41 22 33 44"
    )
    noah = services.add_participant(family.id, "Noah", Role.CHILD, birth_year=2013).id
    emma = services.add_participant(family.id, "Emma", Role.CHILD, birth_year=2018).id
    mette = services.add_participant(family.id, "Mette", Role.PARENT).id
    grethe = services.add_participant(family.id, "Mormor Grethe", Role.NETWORK).id
    meeting = services.create_meeting(
        family.id,
        MEETING_AT,
        place="Hjemme",
        attendee_ids=(noah, emma, mette, grethe),
        next_meeting_at=datetime(2027, 1, 7, 14, 0),
        next_meeting_place="Familiens hus",
        default_questions_=False,
    )
    m = meeting.id
    services.add_action(m, "Følge Emma i skole hver morgen", who_participant_id=mette)
    services.add_action(m, "Ringe hvis Noah ikke kommer", who_text="Skolen")
    services.add_action(
        m, "Træne fodbold om tirsdagen", who_participant_id=noah, due_date=date(2026, 12, 8)
    )
    services.add_action(m, "Tegne en tegning til mormor", who_participant_id=emma)
    services.add_card(m, Column.WORKING_WELL, NOAH_WORDS, whose_words_id=noah)
    services.add_card(m, Column.WORRIES, "Der bliver råbt om aftenen", whose_words_id=mette)

    shared_q = services.add_question(m, SHARED_QUESTION, audience=Audience.CHILDREN)
    secret_q = services.add_question(m, SECRET_QUESTION, audience=Audience.CHILDREN)
    home_q = services.add_question(m, "Hvordan går det derhjemme?")
    services.set_rating(shared_q.id, noah, 7)
    services.set_rating(home_q.id, mette, 6)
    with services.db.session() as s:
        # Given alone in child mode: one shared ("Må de voksne se det?" - yes), one not.
        s.add(
            Rating(
                question_id=secret_q.id,
                participant_id=noah,
                value=2,
                answered_alone=True,
                shared=False,
            )
        )
        s.add(
            Rating(
                question_id=home_q.id,
                participant_id=noah,
                value=3,
                answered_alone=True,
                shared=False,
            )
        )
        s.add(
            Rating(
                question_id=shared_q.id,
                participant_id=emma,
                value=9,
                answered_alone=True,
                shared=True,
            )
        )
        rows = [
            ("dreams", SHARED_HOUSE, True),
            ("worries", SHARED_WORRY, True),
            ("good_things", SECRET_HOUSE, False),
            ("dreams", SECRET_DREAM, False),
        ]
        for position, (house, text, shared) in enumerate(rows):
            s.add(
                HouseItem(
                    meeting_id=m,
                    participant_id=noah,
                    house=house,
                    kind="text",
                    text=text,
                    shared=shared,
                    position=position,
                )
            )
        s.add(
            HouseItem(
                meeting_id=m,
                participant_id=noah,
                house="worries",
                kind="drawing",
                strokes='[{"colour": "#000000", "width": 4, "points": [[0, 0], [5, 5]]}]',
                shared=False,
                position=9,
            )
        )
        for position, item in enumerate(FEEDBACK_ITEMS):
            s.add(ChildFeedback(meeting_id=m, participant_id=noah, item=item, value=position + 3))
    return ChildFamily(family.id, m, noah, emma, mette, grethe)
