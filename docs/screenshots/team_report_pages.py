"""The demo team report's pages as PNG (docs/screenshots/team-report-N.png).

Writes the statistics files six caseworkers' laptops would export over two years (made-up,
seeded, realistic: pace falling towards the trial's "after" figures, ratings drifting up,
the children's feedback mostly high), one laptop exporting a quarter twice, then renders
the report and its pages with pdftoppm (poppler-utils):

    PYTHONPATH=$PWD python docs/screenshots/team_report_pages.py OUT_DIR [--lang en]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from familymeeting.domain.feedback import FEEDBACK_ITEMS
from familymeeting.domain.statistics import AgeBand, Measure, RecordKind, StatRow, age_band
from familymeeting.export.team_report import export_team_report
from familymeeting.storage.stats_file import write_stats_file
from familymeeting.storage.team_report_data import read_team_report

QUARTERS = [f"{year}Q{q}" for year in (2025, 2026) for q in (1, 2, 3, 4)]
QUESTIONS = ("home", "safety_scale", "confidence")
ADULT_ROLES = ("parent", "parent", "caregiver", "network", "professional")


def _clamp(value: float) -> int:
    return max(1, min(10, round(value)))


def laptop_rows(rng: random.Random, laptop: int, families: int) -> list[StatRow]:
    rows: list[StatRow] = []
    for n in range(families):
        family = f"l{laptop}f{n}"
        start = rng.randrange(len(QUARTERS) - 1)
        progress = start / len(QUARTERS)  # later cases go faster, as in the trial
        c2d = max(5, round(rng.lognormvariate(4.4 - 0.6 * progress, 0.45)))
        d2h = max(2, round(rng.lognormvariate(3.4 - 0.35 * progress, 0.4)))
        rows.append(
            StatRow(
                QUARTERS[start],
                RecordKind.PACE,
                family,
                measure=Measure.CONCERN_TO_DECISION,
                days=c2d,
            )
        )
        end = min(start + (1 if c2d + d2h > 80 else 0), len(QUARTERS) - 1)
        rows.append(
            StatRow(
                QUARTERS[end], RecordKind.PACE, family, measure=Measure.DECISION_TO_HELP, days=d2h
            )
        )
        meetings = rng.randint(2, 6)
        people = [
            (f"{family}c{i}", "child", rng.randint(2009, 2022)) for i in range(rng.randint(1, 3))
        ]
        people += [
            (f"{family}a{i}", role, None) for i, role in enumerate(rng.sample(ADULT_ROLES, 3))
        ]
        level = {p[0]: rng.uniform(2.5, 6.5) for p in people}
        for seq in range(1, meetings + 1):
            quarter = QUARTERS[min(start + (seq - 1) // 2, len(QUARTERS) - 1)]
            year = int(quarter[:4])
            for person, role, born in people:
                band = age_band(role == "child", born, date(year, 6, 1))
                if band == AgeBand.UNDER_6:
                    continue
                level[person] += rng.gauss(0.45, 1.1)
                for question in QUESTIONS:
                    if role == "child" and question == "safety_scale":
                        continue
                    value = (
                        None if rng.random() < 0.08 else _clamp(level[person] + rng.gauss(0, 0.8))
                    )
                    rows.append(
                        StatRow(
                            quarter,
                            RecordKind.RATING,
                            family,
                            person=person,
                            role=role,
                            age_band=band,
                            question=question,
                            meeting_seq=seq,
                            days_since_first=(seq - 1) * 40,
                            value=value,
                        )
                    )
                if role == "child" and rng.random() < 0.7:
                    for item in FEEDBACK_ITEMS:
                        value = None if rng.random() < 0.1 else _clamp(rng.gauss(8.2, 1.9))
                        rows.append(
                            StatRow(
                                quarter,
                                RecordKind.FEEDBACK,
                                family,
                                person=person,
                                role="child",
                                age_band=band,
                                question=str(item),
                                meeting_seq=seq,
                                days_since_first=(seq - 1) * 40,
                                value=value,
                            )
                        )
        per_quarter: dict[str, int] = {}
        for seq in range(1, meetings + 1):
            quarter = QUARTERS[min(start + (seq - 1) // 2, len(QUARTERS) - 1)]
            per_quarter[quarter] = per_quarter.get(quarter, 0) + 1
        for quarter, held in per_quarter.items():
            plans = sum(rng.random() < 0.8 for _ in range(held))
            rows.append(StatRow(quarter, RecordKind.ACTIVITY, family, meetings=held, plans=plans))
    return rows


def write_demo_files(folder: Path) -> list[Path]:
    rng = random.Random(20)
    paths = []
    for laptop in range(6):
        rows = laptop_rows(rng, laptop, 30)
        path = folder / f"laptop{laptop + 1}-2026Q4.parquet"
        write_stats_file(path, rows, f"installation-{laptop}", 2)
        paths.append(path)
    # Laptop 1's first export of 2026Q3, replaced by the one above.
    stale = [r for r in laptop_rows(random.Random(1), 0, 30) if r.quarter == "2026Q3"]
    old = folder / "laptop1-2026Q3.parquet"
    write_stats_file(old, stale, "installation-0", 1)
    return [*paths, old]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--lang", default="da")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        report = read_team_report(write_demo_files(Path(tmp)))
        pdf = args.out / f"team-report-{args.lang}.pdf"
        result = export_team_report(report, pdf, args.lang)
        prefix = "team-report" if args.lang == "da" else f"team-report-{args.lang}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", str(pdf), str(args.out / prefix)], check=True
        )
        print(f"{result.pages} pages: {pdf}")


if __name__ == "__main__":
    main()
