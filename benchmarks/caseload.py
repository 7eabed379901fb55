"""The caseload at municipal scale: reading the overview of 2,000 families.

    python benchmarks/caseload.py [--scale 1.0] [--runs 20] [--no-window]

Builds (or reuses) the municipal data dir of ``benchmarks/generate.py`` in a folder of
its own (``/tmp/familymeeting-bench/caseload-<scale>-seed<seed>``: case dates are added
to it, and the other benchmarks' data stays as generated), then adds seeded case dates
once: a concern for every family, a screening for most, a decision for two in three
(some children with a concern and decision of their own), help started for half of
those. Times ``storage.caseload.read_caseload`` (one snapshot, a fixed number of
queries) N times, and unless ``--no-window`` the start screen's overview filled from
it (``CaseloadModel.set_caseload``, offscreen Qt). Prints one line of JSON with the
median and the slowest run of each, in milliseconds. Target: the overview ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import DEFAULT_SEED, generate

from familymeeting.domain.enums import CaseDateKind, Role
from familymeeting.storage import models
from familymeeting.storage.caseload import read_caseload
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import open_unlocked

# The generator's meetings lie around this time; "now" is fixed so runs compare.
NOW = datetime(2026, 11, 25, 12, 0)


def add_case_dates(services: Services, seed: int) -> int:
    """Seeded case dates for every family, written once (returns how many rows exist)."""
    rng = random.Random(seed)
    engine = services.db.engine
    with engine.begin() as conn:
        have = conn.exec_driver_sql("SELECT count(*) FROM case_date").scalar_one()
        if have:
            return int(have)
        families = [r[0] for r in conn.exec_driver_sql("SELECT id FROM family ORDER BY id")]
        children: dict[str, list[str]] = {}
        for pid, fid in conn.exec_driver_sql(
            "SELECT id, family_id FROM participant WHERE role = ? ORDER BY id", (Role.CHILD,)
        ):
            children.setdefault(fid, []).append(pid)
        stamp = datetime.now(UTC)
        rows: list[dict[str, object]] = []

        def add(fid: str, pid: str | None, kind: CaseDateKind, on: date) -> None:
            rows.append(
                {
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "family_id": fid,
                    "participant_id": pid,
                    "kind": kind.value,
                    "on_date": on,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )

        for fid in families:
            concern = NOW.date() - timedelta(days=rng.randint(5, 400))
            add(fid, None, CaseDateKind.CONCERN, concern)
            if rng.random() < 0.8:
                add(fid, None, CaseDateKind.SCREENING, concern + timedelta(days=rng.randint(1, 6)))
            if rng.random() < 0.67:
                decision = concern + timedelta(days=rng.randint(10, 120))
                add(fid, None, CaseDateKind.DECISION, min(decision, NOW.date()))
                if rng.random() < 0.5:
                    add(fid, None, CaseDateKind.HELP_STARTED, decision + timedelta(days=9))
            for pid in children.get(fid, [])[:1]:
                if rng.random() < 0.3:  # a child with a concern and decision of its own
                    own = concern + timedelta(days=rng.randint(0, 60))
                    add(fid, pid, CaseDateKind.CONCERN, min(own, NOW.date()))
                    if rng.random() < 0.5:
                        add(fid, pid, CaseDateKind.DECISION, min(own + timedelta(30), NOW.date()))
        conn.execute(models.CaseDate.__table__.insert(), rows)  # type: ignore[attr-defined]
        return len(rows)


def timed(fn: object, runs: int) -> tuple[list[tuple[float, float]], object]:
    """Each run's clock and CPU time of this process, in ms (the CPU time is steadier
    when other work shares the machine)."""
    result = None
    times = []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        result = fn()  # type: ignore[operator]
        times.append(((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000))
    return times, result


def summary(times: list[tuple[float, float]]) -> dict[str, float]:
    clock = [t for t, _ in times]
    return {
        "median_ms": round(statistics.median(clock), 1),
        "max_ms": round(max(clock), 1),
        "median_cpu_ms": round(statistics.median(c for _, c in times), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-window", action="store_true", help="time the read only")
    args = parser.parse_args(argv)

    out = Path(f"/tmp/familymeeting-bench/caseload-{args.scale}-seed{args.seed}")
    manifest = generate(out, args.scale, args.seed, quiet=True)
    db = open_unlocked(out, manifest.password).db
    try:
        services = Services(db)
        dates = add_case_dates(services, args.seed)
        read_caseload(services, now=NOW)  # warm the page cache, as an open app has it
        read_times, caseload = timed(lambda: read_caseload(services, now=NOW), args.runs)
        # Back on the start screen after a family was visited: what the window does
        # (FamiliesPage.load_caseload): that family read again and merged into the
        # caseload it keeps. A different family each run.
        visited = iter(f.family_id for f in caseload.families)  # type: ignore[attr-defined]

        def back_on_start_screen() -> object:
            family_id = next(visited)
            fresh = read_caseload(services, now=NOW, family_ids=[family_id])
            return caseload.updated([family_id], fresh)  # type: ignore[attr-defined]

        back_times, _ = timed(back_on_start_screen, args.runs)
        result: dict[str, object] = {
            "families": len(caseload.families),  # type: ignore[attr-defined]
            "case_dates": dates,
            "read": summary(read_times),
            "visited_family_read_and_merge": summary(back_times),
        }
        if not args.no_window:
            from PySide6.QtWidgets import QApplication

            from familymeeting.ui.caseload import CaseloadModel

            app = QApplication.instance() or QApplication([])
            model = CaseloadModel()
            fill_times, _ = timed(lambda: model.set_caseload(caseload), args.runs)  # type: ignore[arg-type]
            result["model_fill"] = summary(fill_times)
            del app
    finally:
        db.close()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
