"""The statistics export of one caseworker's laptop (issue 20): 40 families, three years.

    python benchmarks/stats_export.py [--families 40] [--years 3] [--runs 7]

Builds (or reuses) one caseworker's encrypted data dir with ``generate_caseworker``
(benchmarks/generate.py: the families' meetings every four to ten weeks for three
years, cards, ratings, actions), then adds once, seeded, what the statistics read
besides: each family's case dates around its first meeting (a child's own decision for
some), the children's own feedback at half their meetings, and a plan given at every
meeting held. Times ``storage.statistics.export_statistics`` (read in one snapshot,
rows, DuckDB's Parquet writer, the count and the access log in one transaction) for
the whole three years and for the last quarter, N runs each, and prints one line of
JSON with the median and the slowest run in milliseconds and the rows written.
Target (the issue): ≤ 1 s per caseworker on the 2-core reference machine.

A municipality of 50 caseworkers is 50 such laptops, each exporting its own file; the
export does not depend on the others, so one laptop's time is the figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import DEFAULT_SEED, PASSWORD, generate_caseworker

from familymeeting.domain.enums import CaseDateKind, Role
from familymeeting.domain.feedback import FEEDBACK_ITEMS
from familymeeting.domain.statistics import quarter_of
from familymeeting.domain.stats_range import previous_quarter
from familymeeting.storage import models
from familymeeting.storage.services import Services
from familymeeting.storage.statistics import export_statistics
from familymeeting.storage.unlock import open_unlocked

# "Now" is fixed so runs compare: the generated meetings run up to it.
NOW = datetime(2026, 11, 25, 12, 0)
TEAM_KEY = bytes(range(32))


def add_statistics_data(services: Services, seed: int) -> dict[str, int]:
    """Seeded case dates, children's feedback and plans given, written once."""
    rng = random.Random(seed)
    stamp = datetime.now(UTC)

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    with services.db.engine.begin() as conn:
        have = conn.exec_driver_sql("SELECT count(*) FROM case_date").scalar_one()
        if not have:
            first_meeting = {
                fid: first
                for fid, first in conn.exec_driver_sql(
                    "SELECT family_id, min(starts_at) FROM meeting GROUP BY 1"
                )
            }
            children: dict[str, list[tuple[str, int | None]]] = {}
            for pid, fid, born in conn.exec_driver_sql(
                "SELECT id, family_id, birth_year FROM participant WHERE role = ? ORDER BY id",
                (Role.CHILD.value,),
            ):
                children.setdefault(fid, []).append((pid, born))
            dates: list[dict[str, Any]] = []

            def add(fid: str, pid: str | None, kind: CaseDateKind, on: date) -> None:
                dates.append(
                    {
                        "id": uid(),
                        "family_id": fid,
                        "participant_id": pid,
                        "kind": kind.value,
                        "on_date": on,
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )

            for fid, first in sorted(first_meeting.items()):
                first_day = datetime.fromisoformat(str(first)).date()
                concern = first_day - timedelta(days=rng.randint(20, 150))
                decision = concern + timedelta(days=rng.randint(10, 120))
                add(fid, None, CaseDateKind.CONCERN, concern)
                add(fid, None, CaseDateKind.SCREENING, concern + timedelta(days=1))
                add(fid, None, CaseDateKind.DECISION, decision)
                add(fid, None, CaseDateKind.HELP_STARTED, decision + timedelta(rng.randint(5, 40)))
                for pid, _born in children.get(fid, [])[:1]:
                    if rng.random() < 0.3:  # a decision of the child's own, later
                        add(fid, pid, CaseDateKind.DECISION, decision + timedelta(days=14))
            conn.execute(models.CaseDate.__table__.insert(), dates)  # type: ignore[attr-defined]

            held = conn.exec_driver_sql(
                "SELECT m.id, m.family_id, m.starts_at FROM meeting m WHERE m.status = 'closed'"
            ).fetchall()
            attending = {
                (mid, pid)
                for mid, pid in conn.exec_driver_sql(
                    "SELECT meeting_id, participant_id FROM meeting_attendee"
                )
            }
            feedback: list[dict[str, Any]] = []
            for mid, fid, _starts in held:
                for pid, _born in children.get(fid, []):
                    if (mid, pid) in attending and rng.random() < 0.5:
                        for item in FEEDBACK_ITEMS:
                            value = None if rng.random() < 0.05 else rng.randint(3, 10)
                            feedback.append(
                                {
                                    "id": uid(),
                                    "meeting_id": mid,
                                    "participant_id": pid,
                                    "item": item.value,
                                    "value": value,
                                    "created_at": stamp,
                                    "updated_at": stamp,
                                }
                            )
            if feedback:
                conn.execute(models.ChildFeedback.__table__.insert(), feedback)  # type: ignore[attr-defined]
            pdf = b"%PDF-1.4 benchmark plan"
            sha = hashlib.sha256(pdf).hexdigest()
            conn.execute(
                models.PlanDocument.__table__.insert(),  # type: ignore[attr-defined]
                [{"sha256": sha, "pdf": pdf, "created_at": stamp}],
            )
            handouts = [
                {
                    "id": uid(),
                    "family_id": fid,
                    "meeting_id": mid,
                    "sha256": sha,
                    "given_at": datetime.fromisoformat(str(starts)).replace(tzinfo=UTC)
                    + timedelta(hours=1),
                    "how": "print",
                    "language": "da",
                    "content": "",
                    "created_at": stamp,
                }
                for mid, fid, starts in held
            ]
            conn.execute(models.PlanHandout.__table__.insert(), handouts)  # type: ignore[attr-defined]
        counts = {
            table: int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
            for table in ("family", "meeting", "rating", "case_date", "child_feedback")
        }
        counts["plan_handout"] = int(
            conn.exec_driver_sql("SELECT count(*) FROM plan_handout").scalar_one()
        )
    return counts


def timed(fn: Any, runs: int) -> tuple[list[float], Any]:
    result = None
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--families", type=int, default=40)
    parser.add_argument("--years", type=float, default=3.0)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    out = Path("/tmp/familymeeting-bench") / (
        f"caseworker-{args.families}x{args.years:g}y-seed{args.seed}"
    )
    generate_caseworker(out, args.families, args.years, NOW, args.seed)
    opened = open_unlocked(out, PASSWORD)
    db = opened.db
    try:
        services = Services(db)
        counts = add_statistics_data(services, args.seed)
        services.set_team_key(TEAM_KEY)
        first = quarter_of((NOW - timedelta(days=round(args.years * 365))).date())
        last = previous_quarter(quarter_of(NOW.date()))
        results: dict[str, Any] = {"data": counts}
        with tempfile.TemporaryDirectory() as tmp:
            for name, (a, b) in {
                "all_quarters": (first, last),
                "last_quarter": (last, last),
            }.items():
                path = Path(tmp) / f"{name}.parquet"

                def run(a: str = a, b: str = b, path: Path = path) -> Any:
                    return export_statistics(services, path, a, b, via="benchmark", now=NOW)

                times, done = timed(run, args.runs)
                results[name] = {
                    "quarters": f"{a}-{b}",
                    "rows": done.rows,
                    "file_kib": round(path.stat().st_size / 1024, 1),
                    "median_ms": round(statistics.median(times), 1),
                    "max_ms": round(max(times), 1),
                }
    finally:
        db.close()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
