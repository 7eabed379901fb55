"""The team report's words: one content model for the PDF and the plain text. No Qt.

:func:`team_report_document` turns the figures (domain/team_report.py) into headed
sections of table rows in Danish or English (the message catalogue's words, for a
team leader); ``export.team_report`` draws it as a PDF with the pace charts, and
:func:`team_report_text` writes it as plain text (``familymeeting team-report
--text``). A suppressed figure is "< 5" in both, never its number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from familymeeting.domain.feedback import feedback_wording, is_feedback_item
from familymeeting.domain.statistics import MIN_CELL, Measure
from familymeeting.domain.team_report import TRIAL_REFERENCE_DAYS, TeamReport
from familymeeting.messages import (
    Catalogue,
    age_band_words,
    catalogue,
    measure_words,
    question_kind_words,
    role_group_words,
)

SUPPRESSED = f"< {MIN_CELL}"
PACE, MOVEMENT, FEEDBACK, ACTIVITY = "pace", "movement", "feedback", "activity"


class ReportWords:
    """The report's numbers and words in one language."""

    def __init__(self, lang: str) -> None:
        self.tr: Catalogue = catalogue(lang)
        self.lang = self.tr.language

    def _(self, message: str, **params: Any) -> str:
        return self.tr.gettext(message, **params)

    def decimal(self, value: float | None) -> str:
        if value is None:
            return SUPPRESSED
        text = f"{value:.1f}"
        return text.replace(".", ",") if self.lang == "da" else text

    def share(self, value: float | None) -> str:
        if value is None:
            return SUPPRESSED
        percent = round(value * 100)
        return f"{percent}\u00a0%" if self.lang == "da" else f"{percent}%"

    def count(self, value: int) -> str:
        return SUPPRESSED if value < MIN_CELL else str(value)

    def quarter(self, quarter: str) -> str:
        return self._("Q{q} {year}", q=quarter[5:], year=quarter[:4])

    def period(self, quarters: Sequence[str]) -> str:
        if not quarters:
            return self._("no quarters")
        if len(quarters) == 1:
            return self.quarter(quarters[0])
        return f"{self.quarter(quarters[0])} – {self.quarter(quarters[-1])}"


@dataclass(frozen=True)
class Section:
    """A part of the report: a heading, how to read it, and a table (header first).
    ``ratios`` are the PDF's column widths; ``key`` says which part it is."""

    key: str
    title: str
    note: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    ratios: tuple[float, ...]


@dataclass(frozen=True)
class TeamReportDocument:
    language: str
    title: str
    period: str
    facts: tuple[str, ...]
    privacy_title: str
    privacy: str
    empty: str  # what a part without figures says
    sections: tuple[Section, ...]


def team_report_document(report: TeamReport, lang: str) -> TeamReportDocument:
    w = ReportWords(lang)
    _ = w._
    facts = (
        _("Period: {period}", period=w.period(report.quarters)),
        w.tr.ngettext(
            "Read from {n} statistics file.", "Read from {n} statistics files.", report.files
        )
        + " "
        + w.tr.ngettext(
            "{n} repeated export was left out: only the newest export of a laptop and "
            "quarter counts.",
            "{n} repeated exports were left out: only the newest export of a laptop and "
            "quarter counts.",
            report.repeated_exports_dropped,
        ),
    )
    privacy = _(
        "The figures are for the whole team per quarter, never per caseworker or laptop. "
        "A figure about fewer than {min} families or children is shown as \u201c< {min}\u201d "
        "and left out of the charts. The files are pseudonymous personal data, not "
        "anonymous.",
        min=MIN_CELL,
    )
    c2d = TRIAL_REFERENCE_DAYS[Measure.CONCERN_TO_DECISION]
    d2h = TRIAL_REFERENCE_DAYS[Measure.DECISION_TO_HELP]
    pace = Section(
        PACE,
        _("Case pace: days from concern to decision and from decision to help"),
        _(
            "Days, counted in the quarter the step ended in, from the family's own dates. "
            "The middle half of the families lies between the quartiles. The dashed lines "
            "are the trial's averages before and after ({c2d_before} \u2192 {c2d_after} "
            "and {d2h_before} \u2192 {d2h_after} days; the national evaluation of the "
            "free-municipality trial).",
            c2d_before=c2d[0],
            c2d_after=c2d[1],
            d2h_before=d2h[0],
            d2h_after=d2h[1],
        ),
        (
            _("Quarter"),
            _("Measure"),
            _("Families"),
            _("Mean"),
            _("Median"),
            _("Quartiles"),
        ),
        tuple(
            (
                w.quarter(r.quarter),
                measure_words(r.measure, w.lang),
                w.count(r.cases),
                w.decimal(r.mean),
                w.decimal(r.median),
                SUPPRESSED if r.suppressed else f"{w.decimal(r.q1)} – {w.decimal(r.q3)}",
            )
            for r in report.pace
        ),
        (0.14, 0.3, 0.12, 0.12, 0.12, 0.2),
    )
    movement = Section(
        MOVEMENT,
        _("Ratings: first answer against the latest"),
        _(
            "Each person's first answer to a question against their latest, for people "
            "who answered at two or more meetings: the share who moved up, stayed and "
            "moved down. Grouped by who answered and their age at the latest answer."
        ),
        (
            _("Question"),
            _("Who"),
            _("Age"),
            _("People"),
            _("Up"),
            _("Same"),
            _("Down"),
        ),
        tuple(
            (
                question_kind_words(r.question, w.lang),
                role_group_words(r.role, w.lang),
                age_band_words(r.age_band, w.lang),
                w.count(r.people),
                w.share(r.up),
                w.share(r.same),
                w.share(r.down),
            )
            for r in report.movement
        ),
        (0.27, 0.2, 0.13, 0.1, 0.1, 0.1, 0.1),
    )
    feedback = Section(
        FEEDBACK,
        _("The children's own feedback on the meetings"),
        _(
            "Per question: the children asked, and of those who answered, the share who "
            "answered 9\u201310 and 1\u20133 (each child's latest answer in the quarter)."
        ),
        (
            _("Quarter"),
            _("Question"),
            _("Children asked"),
            _("Answered 9\u201310"),
            _("Answered 1\u20133"),
        ),
        tuple(
            (
                w.quarter(r.quarter),
                feedback_wording(r.item, w.lang).text if is_feedback_item(r.item) else r.item,
                w.count(r.children),
                w.share(r.high),
                w.share(r.low),
            )
            for r in report.feedback
        ),
        (0.14, 0.44, 0.14, 0.14, 0.14),
    )
    activity = Section(
        ACTIVITY,
        _("Meetings and plans per family"),
        _("Per quarter, over the families that had at least one meeting in it."),
        (_("Quarter"), _("Families"), _("Meetings per family"), _("Plans per family")),
        tuple(
            (
                w.quarter(r.quarter),
                w.count(r.families),
                w.decimal(r.meetings_per_family),
                w.decimal(r.plans_per_family),
            )
            for r in report.activity
        ),
        (0.2, 0.2, 0.3, 0.3),
    )
    return TeamReportDocument(
        language=w.lang,
        title=_("Team report: family meetings"),
        period=w.period(report.quarters),
        facts=facts,
        privacy_title=_("Privacy"),
        privacy=privacy,
        empty=_("No figures in the files for this part."),
        sections=(pace, movement, feedback, activity),
    )


def team_report_text(doc: TeamReportDocument) -> str:
    """The report as plain text: headings underlined, tables in aligned columns."""
    lines = [doc.title, "=" * len(doc.title), *doc.facts, "", f"{doc.privacy_title}: {doc.privacy}"]
    for section in doc.sections:
        lines += ["", section.title, "-" * len(section.title), section.note, ""]
        if not section.rows:
            lines.append(doc.empty)
            continue
        table = [section.header, *section.rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(section.header))]
        for row in table:
            lines.append("  ".join(v.ljust(widths[i]) for i, v in enumerate(row)).rstrip())
    return "\n".join(lines) + "\n"


__all__ = [
    "SUPPRESSED",
    "ReportWords",
    "Section",
    "TeamReportDocument",
    "team_report_document",
    "team_report_text",
]
