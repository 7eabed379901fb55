"""A hand-made set of statistics files, as two laptops of one team would export them,
with figures worked out by hand (tests/unit/test_team_report_data.py and the report's
PDF and command tests use it).

Laptop A exported 2026Q3 twice: export 1 (older, other numbers, must be dropped) and
export 2 (2026Q3 and 2026Q4). Laptop B exported both quarters once. Families f1-f3, f7,
f8 are on A, f4-f6, f9, f10 on B; child c<i> and adult p<i> belong to family f<i>.
"""

from __future__ import annotations

from pathlib import Path

from familymeeting.domain.statistics import AgeBand, Measure, RecordKind, StatRow
from familymeeting.storage.stats_file import write_stats_file

Q3, Q4 = "2026Q3", "2026Q4"
C2D, D2H = Measure.CONCERN_TO_DECISION, Measure.DECISION_TO_HELP
ON_A = {"f1", "f2", "f3", "f7", "f8"}

# A dropped export's numbers: none of them may reach a figure.
STALE_DAYS = 999
STALE_MEETINGS = 9


def _pace(quarter: str, family: str, measure: Measure, days: int) -> StatRow:
    return StatRow(quarter, RecordKind.PACE, family, measure=measure, days=days)


def _rating(
    quarter: str,
    family: str,
    person: str,
    role: str,
    band: AgeBand,
    seq: int,
    value: int | None,
    question: str = "home",
) -> StatRow:
    return StatRow(
        quarter,
        RecordKind.RATING,
        family,
        person=person,
        role=role,
        age_band=band,
        question=question,
        meeting_seq=seq,
        days_since_first=(seq - 1) * 30,
        value=value,
    )


def _feedback(
    quarter: str, family: str, child: str, item: str, seq: int, value: int | None
) -> StatRow:
    return StatRow(
        quarter,
        RecordKind.FEEDBACK,
        family,
        person=child,
        role="child",
        age_band=AgeBand.AGE_6_9,
        question=item,
        meeting_seq=seq,
        days_since_first=(seq - 1) * 30,
        value=value,
    )


def team_rows() -> list[StatRow]:
    """The newest rows of both laptops together (installation decided by family)."""
    rows: list[StatRow] = []
    # Pace, 2026Q3 concern -> decision: 10 20 30 40 50 100 (six families).
    for fam, days in zip(
        ("f1", "f2", "f3", "f4", "f5", "f6"), (10, 20, 30, 40, 50, 100), strict=True
    ):
        rows.append(_pace(Q3, fam, C2D, days))
    # A child's own duration is not a family's: left out of the family figures.
    rows.append(
        StatRow(Q3, RecordKind.PACE, "f1", person="c1", role="child", measure=C2D, days=500)
    )
    # 2026Q3 decision -> help: 10 12 14 16 18 (five families).
    for fam, days in zip(("f1", "f2", "f3", "f4", "f5"), (10, 12, 14, 16, 18), strict=True):
        rows.append(_pace(Q3, fam, D2H, days))
    # 2026Q4 concern -> decision: only four families.
    for fam, days in zip(("f7", "f8", "f9", "f10"), (5, 6, 7, 8), strict=True):
        rows.append(_pace(Q4, fam, C2D, days))
    # Activity: 2026Q3 six families, 2026Q4 four.
    for fam, meetings, plans in zip(
        ("f1", "f2", "f3", "f4", "f5", "f6"), (1, 2, 3, 1, 2, 3), (1, 1, 1, 0, 0, 1), strict=True
    ):
        rows.append(StatRow(Q3, RecordKind.ACTIVITY, fam, meetings=meetings, plans=plans))
    for fam in ("f7", "f8", "f9", "f10"):
        rows.append(StatRow(Q4, RecordKind.ACTIVITY, fam, meetings=1, plans=1))
    # Ratings "home", children: first (2026Q3) -> latest (2026Q4).
    band_6_9 = AgeBand.AGE_6_9
    answers = {
        "c1": [3, 5],  # up (its first answer was at 5, band 0-5: the latest band counts)
        "c2": [4, 6],  # up
        "c3": [5, 9, 5],  # same (latest against first)
        "c4": [7, 4],  # down
        "c5": [2, 8],  # up
        "c6": [6, None, 6],  # same ("not answered" is no answer)
    }
    for i, (child, values) in enumerate(answers.items(), start=1):
        for seq, value in enumerate(values, start=1):
            band = AgeBand.UNDER_6 if (child, seq) == ("c1", 1) else band_6_9
            rows.append(_rating(Q3 if seq == 1 else Q4, f"f{i}", child, "child", band, seq, value))
    # c7 answered once only: not in the movement.
    rows.append(_rating(Q3, "f7", "c7", "child", band_6_9, 1, 4))
    rows.append(_rating(Q4, "f7", "c7", "child", band_6_9, 2, None))
    # Two children aged 10-12: too few to show.
    for fam, child in (("f8", "c8"), ("f9", "c9")):
        rows.append(_rating(Q3, fam, child, "child", AgeBand.AGE_10_12, 1, 3))
        rows.append(_rating(Q4, fam, child, "child", AgeBand.AGE_10_12, 2, 7))
    # Parents and caregivers (one group): up, up, same, down, up.
    adults = [("p1", "parent", 5, 7), ("p2", "parent", 5, 7), ("p3", "parent", 6, 6)]
    adults += [("p4", "caregiver", 8, 6), ("p5", "caregiver", 3, 9)]
    for i, (person, role, first, latest) in enumerate(adults, start=1):
        rows.append(_rating(Q3, f"f{i}", person, role, AgeBand.ADULT, 1, first))
        rows.append(_rating(Q4, f"f{i}", person, role, AgeBand.ADULT, 2, latest))
    # Two network members: too few.
    for i, person in ((1, "n1"), (2, "n2")):
        rows.append(_rating(Q3, f"f{i}", person, "network", AgeBand.ADULT, 1, 4))
        rows.append(_rating(Q4, f"f{i}", person, "network", AgeBand.ADULT, 2, 8))
    # The children's feedback, 2026Q4: "listened" six asked, five answered.
    listened = {"c1": 10, "c2": 9, "c3": 2, "c4": None, "c5": 5, "c6": 1}
    for i, (child, value) in enumerate(listened.items(), start=1):
        rows.append(_feedback(Q4, f"f{i}", child, "listened", 3, value))
    rows.append(_feedback(Q4, "f1", "c1", "listened", 2, 4))  # an earlier meeting: not counted
    # "understood": six asked, three answered: too few answers to show shares.
    for i, value in enumerate((10, None, 3, None, None, 8), start=1):
        rows.append(_feedback(Q4, f"f{i}", f"c{i}", "understood", 3, value))
    # 2026Q3 "listened": four children.
    for i in range(1, 5):
        rows.append(_feedback(Q3, f"f{i}", f"c{i}", "listened", 1, 9))
    return rows


def stale_rows() -> list[StatRow]:
    """Laptop A's first export of 2026Q3, with numbers the newer export replaced."""
    return [
        _pace(Q3, "f1", C2D, STALE_DAYS),
        _pace(Q3, "f2", C2D, STALE_DAYS),
        StatRow(Q3, RecordKind.ACTIVITY, "f1", meetings=STALE_MEETINGS, plans=STALE_MEETINGS),
        _rating(Q3, "f1", "c1", "child", AgeBand.AGE_6_9, 1, 10),
    ]


def write_team_files(folder: Path) -> list[Path]:
    """Three files: laptop A's two exports and laptop B's one."""
    rows = team_rows()
    on_a = [r for r in rows if r.family in ON_A]
    on_b = [r for r in rows if r.family not in ON_A]
    a1, a2, b1 = folder / "a-2026Q3.parquet", folder / "a-2026Q4.parquet", folder / "b.parquet"
    write_stats_file(a1, stale_rows(), "installation-a", 1)
    write_stats_file(a2, on_a, "installation-a", 2)
    write_stats_file(b1, on_b, "installation-b", 1)
    return [a1, a2, b1]
