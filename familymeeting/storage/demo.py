"""A realistic demo family for trying the app, training and screenshots.

Fictional: two children, their parents, a grandmother, a teacher and the
caseworker, with three meetings whose board, ratings and plan move forward the
way a real case might; at the latest, Emma (9) has drawn and said her Three Houses,
and Noah gave his own feedback on the last two. Built through the services in one
transaction.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

from familymeeting import palette
from familymeeting.domain.calendar import default_next_meeting, last_working_day
from familymeeting.domain.enums import (
    CardKind,
    CaseDateKind,
    Column,
    MeetingKind,
    MeetingStatus,
    Role,
)
from familymeeting.domain.feedback import FEEDBACK_ITEMS
from familymeeting.domain.houses import Stroke, strokes_to_json
from familymeeting.storage.records import FamilyRecord
from familymeeting.storage.services import Services
from familymeeting.storage.services.case_dates import CaseDateChange

DEMO_NAME = "Familien Holm (demo)"


def create_demo_family(services: Services, today: date | None = None) -> FamilyRecord:
    today = today or date.today()
    # Meetings are held on working days, as a caseworker's are: "today's" meeting on the
    # last one up to today, the earlier ones four and eight weeks before it.
    held = last_working_day(today)

    def at(days: int, hour: int = 10) -> datetime:
        return datetime.combine(last_working_day(held + timedelta(days=days)), time(hour, 0))

    with services.batch():
        family = services.create_family(
            DEMO_NAME,
            notes="Demofamilie til afprøvning og undervisning. Ikke en rigtig sag.",
            caseworker_name="Sara Nielsen",
            caseworker_phone="41 22 33 44",
            language="da",
        )
        fid = family.id
        emma = services.add_participant(fid, "Emma", Role.CHILD, birth_year=today.year - 9).id
        noah = services.add_participant(fid, "Noah", Role.CHILD, birth_year=today.year - 13).id
        mette = services.add_participant(fid, "Mette (mor)", Role.PARENT).id
        jonas = services.add_participant(fid, "Jonas (far)", Role.PARENT).id
        grethe = services.add_participant(fid, "Mormor Grethe", Role.NETWORK).id
        anne = services.add_participant(fid, "Anne (Emmas lærer)", Role.PROFESSIONAL).id
        sara = services.add_participant(fid, "Sara (rådgiver)", Role.CASEWORKER).id

        # ---- first meeting, eight weeks ago
        first = services.create_meeting(
            fid,
            at(-56),
            place="Hjemme hos familien",
            kind=MeetingKind.FIRST,
            status=MeetingStatus.CLOSED,
            attendee_ids=[emma, noah, mette, jonas, grethe, sara],
            next_meeting_at=at(-28),
            next_meeting_place="Hjemme hos familien",
        )
        m1 = first.id
        started = first.starts_at.date()  # the plan's dates count from the first meeting
        W, G, N = Column.WORRIES, Column.WORKING_WELL, Column.NEEDS_TO_HAPPEN
        services.add_card(
            m1,
            W,
            "Politiet kom i april, da mor og far skændtes højt. Emma og Noah så det.",
            kind=CardKind.HARM,
            whose_words_id=sara,
        )
        danger = services.add_card(
            m1,
            W,
            "Vi er bekymrede for, at Emma og Noah igen ser de voksne råbe og slå, så de bliver "
            "bange, ikke kan sove og ikke kan koncentrere sig i skolen.",
            kind=CardKind.DANGER_STATEMENT,
            whose_words_id=sara,
        )
        services.set_stance(danger.id, mette, True)
        services.set_stance(danger.id, jonas, False)
        sleep = services.add_card(
            m1,
            W,
            "Far sover dårligt og drikker mere, når han er presset på arbejdet.",
            kind=CardKind.COMPLICATING_FACTOR,
            whose_words_id=mette,
        )
        services.set_stance(sleep.id, jonas, False)
        services.add_card(
            m1,
            W,
            "Noah har været meget væk fra skolen siden sommerferien.",
            whose_words_id=sara,
        )
        love = services.add_card(
            m1,
            G,
            "Vi elsker vores børn og vil gerne have, at de er trygge.",
            kind=CardKind.STRENGTH,
            whose_words_id=mette,
        )
        services.set_stance(love.id, jonas, True)
        services.add_card(
            m1,
            G,
            "Mormor bor to gader væk, og børnene kan altid gå derhen.",
            kind=CardKind.EXISTING_SAFETY,
            whose_words_id=grethe,
        )
        services.add_card(
            m1,
            G,
            "Jeg er god til at tegne, og Sofie er min bedste veninde.",
            kind=CardKind.STRENGTH,
            whose_words_id=emma,
        )
        services.add_card(
            m1,
            N,
            "Emma og Noah skal være trygge derhjemme, også når de voksne er uenige.",
            kind=CardKind.SAFETY_GOAL,
            whose_words_id=sara,
        )
        plan_card = services.add_card(
            m1,
            N,
            "Mor og far laver en plan for, hvad de gør, når et skænderi starter.",
            kind=CardKind.NEXT_STEP,
            whose_words_id=mette,
        )
        services.add_card(
            m1,
            N,
            "Vi skal vide, at vi altid må ringe til mormor.",
            kind=CardKind.NEXT_STEP,
            whose_words_id=emma,
        )
        q_child, q_safe, q_plan = (q.id for q in services.list_questions(m1))
        for pid, value in ((emma, 4), (noah, 3)):
            services.set_rating(q_child, pid, value)
        for pid, value in ((mette, 5), (jonas, 6), (grethe, 4), (sara, 3)):
            services.set_rating(q_safe, pid, value)
        for pid, value in ((mette, 6), (jonas, 5), (grethe, 5), (sara, 4)):
            services.set_rating(q_plan, pid, value)
        services.set_rating(q_plan, noah, None, comment="Ville ikke svare i dag.")
        plan = services.add_action(
            m1,
            "Lave en plan for, hvad vi gør, når et skænderi starter",
            who_text="Mette og Jonas",
            due_date=started + timedelta(days=14),
            card_id=plan_card.id,  # made from the parents' next step on the board
        )
        services.add_action(
            m1,
            "Fortælle Emma og Noah, at de altid må ringe eller komme",
            who_participant_id=grethe,
            due_text="Denne uge",
        )
        doctor = services.add_action(
            m1,
            "Ringe til egen læge om søvnen",
            who_participant_id=jonas,
            due_date=started + timedelta(days=7),
        )
        services.add_action(
            m1,
            "Holde møde med skolen om Noahs fravær",
            who_participant_id=sara,
            due_date=started + timedelta(days=21),
        )
        services.update_action(doctor.id, done=True)

        # ---- the case's key dates (the seeds' measure): the concern came in ten weeks
        # before the first meeting (on a Monday), screened the next day (within 24 hours, as the law
        # asks); the decision 23 days after the concern, help 9 days after that. Noah's
        # decision came later (his school's part needed a meeting first), so his own.
        concern = started - timedelta(weeks=10)
        concern -= timedelta(days=concern.weekday())  # a Monday: every date a working day
        decision = concern + timedelta(days=23)
        noah_decision = decision + timedelta(days=12)
        family_dates = (
            (CaseDateKind.CONCERN, concern),
            (CaseDateKind.SCREENING, concern + timedelta(days=1)),
            (CaseDateKind.DECISION, decision),
            (CaseDateKind.HELP_STARTED, decision + timedelta(days=9)),
        )
        services.set_case_dates(
            fid,
            [CaseDateChange(kind, day) for kind, day in family_dates]
            + [
                CaseDateChange(CaseDateKind.DECISION, noah_decision, noah),
                CaseDateChange(CaseDateKind.HELP_STARTED, noah_decision + timedelta(days=14), noah),
            ],
            today=today,
        )

        # ---- follow-up, four weeks ago
        second = services.start_follow_up(m1)
        m2 = second.id
        services.update_meeting(
            m2,
            status=MeetingStatus.CLOSED,
            next_meeting_at=at(0),
            next_meeting_place="Hjemme hos familien",
        )
        for pid in (anne,):
            services.set_attendance(m2, pid, True)
        services.add_card(
            m2,
            G,
            "Far har fået hjælp hos lægen og sover bedre.",
            kind=CardKind.STRENGTH,
            whose_words_id=jonas,
        )
        services.add_card(
            m2,
            G,
            "Noah har været i skole hver dag de sidste tre uger.",
            kind=CardKind.EXISTING_SAFETY,
            whose_words_id=anne,
        )
        services.add_card(
            m2,
            G,
            "Vi har en plan på køleskabet for, hvad vi gør, når vi bliver uenige.",
            kind=CardKind.EXISTING_SAFETY,
            whose_words_id=mette,
        )
        q_child, q_safe, q_plan = (q.id for q in services.list_questions(m2))
        for pid, value in ((emma, 6), (noah, 5)):
            services.set_rating(q_child, pid, value)
        for pid, value in ((mette, 6), (jonas, 7), (grethe, 6), (sara, 5), (anne, 6)):
            services.set_rating(q_safe, pid, value)
        for pid, value in ((mette, 7), (jonas, 7), (grethe, 6), (sara, 6), (noah, 5)):
            services.set_rating(q_plan, pid, value)
        # Noah (13) gave his own feedback on the meeting alone in child mode: heard, but
        # not keen on meeting like this, and he skipped the last question.
        _noah_feedback(services, m2, noah, (5, 8, 4, 3, None))
        actions2 = services.list_actions(m2)
        for a in actions2:
            if a.what == plan.what:
                services.update_action(a.id, done=True)

        # ---- follow-up today, in progress
        third = services.start_follow_up(m2)
        m3 = third.id
        services.update_meeting(
            m3,
            status=MeetingStatus.IN_PROGRESS,
            next_meeting_at=default_next_meeting(at(0)),
            next_meeting_place="Familiens hus",
        )
        services.add_card(
            m3,
            N,
            "Emma og Noah fortæller selv, at de har det godt derhjemme.",
            kind=CardKind.SAFETY_GOAL,
            whose_words_id=sara,
        )
        q_child, q_safe, q_plan = (q.id for q in services.list_questions(m3))
        for pid, value in ((emma, 7), (noah, 6)):
            services.set_rating(q_child, pid, value)
        for pid, value in ((mette, 7), (grethe, 7), (sara, 6), (anne, 7)):
            services.set_rating(q_safe, pid, value)
        services.add_action(
            m3,
            "Fejre Emmas fødselsdag hos mormor",
            who_text="Hele familien",
            due_text="Lørdag",
        )
        # Emma's Three Houses today: her words, a drawing, and what she chose to share.
        houses = (
            ("worries", "Når mor og far råber om aftenen", False),
            ("worries", "At Noah bliver ked af det", True),
            ("good_things", "Mormor laver pandekager", True),
            ("good_things", "Min bedste ven Sofie", True),
            ("dreams", "At vi tager i sommerhus alle sammen", True),
            ("dreams", "En hund der hedder Bamse", False),
        )
        for house, text, shared in houses:
            services.add_house_sentence(m3, emma, house, text, shared=shared)
        drawing = services.save_house_drawing(m3, emma, "good_things", demo_drawing())
        if drawing is not None:
            services.set_house_shared(drawing.id, True)
        _noah_feedback(services, m3, noah, (7, 9, 6, 5, 7))
    return services.get_family(fid)


def demo_drawing() -> str:
    """A child's drawing: a house with a roof and a door, a sun, two people, grass."""

    def line(*points: tuple[float, float]) -> tuple[tuple[float, float], ...]:
        return points

    def circle(cx: float, cy: float, r: float, n: int = 24) -> tuple[tuple[float, float], ...]:
        return tuple(
            (cx + r * 0.75 * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n))
            for i in range(n + 1)
        )

    ink, red, blue, green, yellow = palette.CHILD_INK[:5]
    strokes = [
        Stroke(green, 0.02, line((0.03, 0.9), (0.3, 0.88), (0.6, 0.91), (0.97, 0.89))),
        Stroke(red, 0.018, line((0.15, 0.88), (0.15, 0.5), (0.5, 0.5), (0.5, 0.88))),
        Stroke(red, 0.018, line((0.1, 0.52), (0.325, 0.28), (0.55, 0.52))),
        Stroke(ink, 0.012, line((0.28, 0.88), (0.28, 0.7), (0.37, 0.7), (0.37, 0.88))),
        Stroke(
            blue, 0.012, line((0.19, 0.58), (0.25, 0.58), (0.25, 0.65), (0.19, 0.65), (0.19, 0.58))
        ),
        Stroke(yellow, 0.02, circle(0.82, 0.22, 0.08)),
        *(
            Stroke(
                yellow,
                0.012,
                line((0.82 + 0.1 * dx, 0.22 + 0.13 * dy), (0.82 + 0.14 * dx, 0.22 + 0.19 * dy)),
            )
            for dx, dy in (
                (1, 0),
                (-1, 0),
                (0, 1),
                (0, -1),
                (0.7, 0.7),
                (-0.7, 0.7),
                (0.7, -0.7),
                (-0.7, -0.7),
            )
        ),
        Stroke(ink, 0.012, circle(0.66, 0.6, 0.04)),
        Stroke(ink, 0.012, line((0.66, 0.64), (0.66, 0.77), (0.62, 0.88))),
        Stroke(ink, 0.012, line((0.66, 0.77), (0.7, 0.88))),
        Stroke(ink, 0.012, line((0.6, 0.69), (0.72, 0.69))),
        Stroke(ink, 0.012, circle(0.8, 0.66, 0.03)),
        Stroke(ink, 0.012, line((0.8, 0.69), (0.8, 0.8), (0.77, 0.88))),
        Stroke(ink, 0.012, line((0.8, 0.8), (0.83, 0.88))),
        Stroke(ink, 0.012, line((0.72, 0.69), (0.8, 0.73), (0.86, 0.72))),
    ]
    return strokes_to_json(strokes)


def _noah_feedback(
    services: Services, meeting_id: str, noah: str, values: tuple[int | None, ...]
) -> None:
    for item, value in zip(FEEDBACK_ITEMS, values, strict=True):
        services.set_child_feedback(meeting_id, noah, item, value)
