"""The child's own feedback on a meeting: five questions, 1-10 with faces.

They follow the five things one trial municipality asked about 150 children (the
seeds): whether they got to say what they wanted, whether the caseworker listened,
whether we talked about what matters to them, whether they liked meeting this way,
and whether the caseworker understood how things are for them. The wording is our
own, at a child's level ("du", short words); it is not FIT's licensed child session
scale and does not follow its wording. The answers are the child's feedback about
the meeting, never ratings of the family: they are not on the board or the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from familymeeting.domain.enums import Language


class FeedbackItem(StrEnum):
    """The key stored in ``child_feedback.item``; the order is the order asked."""

    SAID_WHAT_I_WANTED = "said_what_i_wanted"
    LISTENED = "listened"
    WHAT_MATTERS = "what_matters"
    LIKED_MEETING = "liked_meeting"
    UNDERSTOOD = "understood"


FEEDBACK_ITEMS: tuple[FeedbackItem, ...] = tuple(FeedbackItem)


@dataclass(frozen=True)
class FeedbackWording:
    """What the child reads: the question, and the words under the faces at 1 and 10."""

    text: str
    low: str
    high: str


# Danish first; the fixed words are kept short (LIX well under 25, tested).
FEEDBACK_WORDING: dict[Language, dict[FeedbackItem, FeedbackWording]] = {
    Language.DA: {
        FeedbackItem.SAID_WHAT_I_WANTED: FeedbackWording(
            "Fik du sagt det, du ville sige?", "Nej, slet ikke", "Ja, det hele"
        ),
        FeedbackItem.LISTENED: FeedbackWording(
            "Lyttede rådgiveren til dig?", "Nej, slet ikke", "Ja, hele tiden"
        ),
        FeedbackItem.WHAT_MATTERS: FeedbackWording(
            "Talte vi om det, der er vigtigt for dig?", "Nej, slet ikke", "Ja, det gjorde vi"
        ),
        FeedbackItem.LIKED_MEETING: FeedbackWording(
            "Var det godt at holde møde på den her måde?", "Nej, slet ikke", "Ja, rigtig godt"
        ),
        FeedbackItem.UNDERSTOOD: FeedbackWording(
            "Forstod rådgiveren, hvordan det er for dig?", "Nej, slet ikke", "Ja, helt"
        ),
    },
    Language.EN: {
        FeedbackItem.SAID_WHAT_I_WANTED: FeedbackWording(
            "Did you get to say what you wanted to say?", "No, not at all", "Yes, all of it"
        ),
        FeedbackItem.LISTENED: FeedbackWording(
            "Did the caseworker listen to you?", "No, not at all", "Yes, all the time"
        ),
        FeedbackItem.WHAT_MATTERS: FeedbackWording(
            "Did we talk about what matters to you?", "No, not at all", "Yes, we did"
        ),
        FeedbackItem.LIKED_MEETING: FeedbackWording(
            "Was it good to meet like this?", "No, not at all", "Yes, really good"
        ),
        FeedbackItem.UNDERSTOOD: FeedbackWording(
            "Did the caseworker understand how things are for you?",
            "No, not at all",
            "Yes, fully",
        ),
    },
}


def feedback_wording(item: str, lang: str) -> FeedbackWording:
    """The item's words in ``lang`` ("da" or "en"; any other language gets Danish)."""
    language = Language.EN if lang == Language.EN else Language.DA
    return FEEDBACK_WORDING[language][FeedbackItem(item)]


def is_feedback_item(item: str) -> bool:
    return item in FeedbackItem.__members__.values()
