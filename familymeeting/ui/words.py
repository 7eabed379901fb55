"""Words for the domain's values and for times, in the user's language.

Enums become text here, in the UI layer only. Each string is a literal inside
``QCoreApplication.translate("Words", ...)`` so pyside6-lupdate finds it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from familymeeting.domain.enums import CardKind, Column
from familymeeting.settings import Setting


def column_title(column: str) -> str:
    return {
        Column.WORRIES: QCoreApplication.translate("Words", "What are we worried about?"),
        Column.WORKING_WELL: QCoreApplication.translate("Words", "What's working well?"),
        Column.NEEDS_TO_HAPPEN: QCoreApplication.translate("Words", "What needs to happen?"),
    }[Column(column)]


def column_short(column: str) -> str:
    """A short name for the column, for tabs when the screen is narrow."""
    return {
        Column.WORRIES: QCoreApplication.translate("Words", "Worries"),
        Column.WORKING_WELL: QCoreApplication.translate("Words", "Working well"),
        Column.NEEDS_TO_HAPPEN: QCoreApplication.translate("Words", "Needs to happen"),
    }[Column(column)]


def column_hint(column: str) -> str:
    return {
        Column.WORRIES: QCoreApplication.translate(
            "Words", "What has happened, what could happen, what makes it hard"
        ),
        Column.WORKING_WELL: QCoreApplication.translate(
            "Words", "Strengths, and what already keeps the children safe"
        ),
        Column.NEEDS_TO_HAPPEN: QCoreApplication.translate(
            "Words", "Goals, and the next steps to get there"
        ),
    }[Column(column)]


def card_kind(kind: str) -> str:
    return {
        CardKind.PLAIN: QCoreApplication.translate("Words", "Plain card"),
        CardKind.HARM: QCoreApplication.translate("Words", "Harm"),
        CardKind.DANGER_STATEMENT: QCoreApplication.translate("Words", "Danger statement"),
        CardKind.COMPLICATING_FACTOR: QCoreApplication.translate("Words", "Complicating factor"),
        CardKind.STRENGTH: QCoreApplication.translate("Words", "Strength"),
        CardKind.EXISTING_SAFETY: QCoreApplication.translate("Words", "Existing safety"),
        CardKind.SAFETY_GOAL: QCoreApplication.translate("Words", "Safety goal"),
        CardKind.NEXT_STEP: QCoreApplication.translate("Words", "Next step"),
    }[CardKind(kind)]


def meeting_kind(kind: str) -> str:
    return {
        "first": QCoreApplication.translate("Words", "First meeting"),
        "follow_up": QCoreApplication.translate("Words", "Follow-up meeting"),
        "network": QCoreApplication.translate("Words", "Network meeting"),
    }[kind]


def meeting_status(status: str) -> str:
    return {
        "planned": QCoreApplication.translate("Words", "Planned"),
        "in_progress": QCoreApplication.translate("Words", "In progress"),
        "closed": QCoreApplication.translate("Words", "Closed"),
    }[status]


def role(role: str) -> str:
    return {
        "child": QCoreApplication.translate("Words", "Child"),
        "parent": QCoreApplication.translate("Words", "Parent"),
        "caregiver": QCoreApplication.translate("Words", "Caregiver"),
        "network": QCoreApplication.translate("Words", "Network"),
        "professional": QCoreApplication.translate("Words", "Professional"),
        "caseworker": QCoreApplication.translate("Words", "Caseworker"),
    }[role]


def audience(audience: str) -> str:
    """Who answers a question, as the choice in the question dialog says it."""
    return {
        "children": QCoreApplication.translate("Words", "The children"),
        "adults": QCoreApplication.translate("Words", "The adults"),
        "everyone": QCoreApplication.translate("Words", "Everyone"),
        "chosen": QCoreApplication.translate("Words", "Chosen people"),
    }[audience]


def audience_badge(audience: str) -> str:
    """The badge on a question's card (nothing for everyone)."""
    return {
        "children": QCoreApplication.translate("Words", "For the children"),
        "adults": QCoreApplication.translate("Words", "For the adults"),
        "everyone": "",
        "chosen": QCoreApplication.translate("Words", "For chosen people"),
    }[audience]


def case_date_kind(kind: str) -> str:
    """The case's key dates (the CLI's words, capitalised: messages.CASE_DATE_WORDS)."""
    return {
        "concern": QCoreApplication.translate("Words", "Concern received"),
        "screening": QCoreApplication.translate("Words", "Screening"),
        "decision": QCoreApplication.translate("Words", "Decision"),
        "help_started": QCoreApplication.translate("Words", "Help started"),
        "closed": QCoreApplication.translate("Words", "Case closed"),
    }[str(kind)]


def setting_title(setting: Setting[Any]) -> str:
    """A declared setting's title (familymeeting/settings.py marks each for lupdate)."""
    return QCoreApplication.translate("Settings", setting.title)


def local_time(when_utc: datetime) -> str:
    """A backup's time as the caseworker reads it: "torsdag 26. november 2026 14:30"."""
    stamp = QDateTime.fromSecsSinceEpoch(int(when_utc.timestamp()))
    locale = QLocale()
    day = locale.toString(stamp.date(), QLocale.FormatType.LongFormat)
    return f"{day} {locale.toString(stamp.time(), 'HH:mm')}"
