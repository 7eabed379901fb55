"""How long the one-page plan takes: build_plan + render_plan, median of 20 runs.

Run from a checkout with the package installed: ``python benchmarks/plan_export.py``.
Builds a temporary database with the demo family and a meeting with 150 cards and
60 actions, then times the demo's newest meeting, its first (the fullest demo page)
and the big one. Target (issue 5): under 0.2 s for the demo plan on a 2-core laptop.
Results go into docs/benchmarks.md by hand, with the machine.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from familymeeting.domain.enums import Column, Role
from familymeeting.export.plan import render_plan
from familymeeting.storage.database import Database
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services

RUNS = 20
TARGET_S = 0.2


def big_meeting(services: Services) -> str:
    """150 cards (50 a column) and 60 actions: far more than one page holds."""
    with services.batch():
        family = services.create_family("Familien Storm", caseworker_name="Lise Dahl")
        people = [
            services.add_participant(family.id, f"Person {i}", role).id
            for i, role in enumerate([Role.CHILD, Role.PARENT, Role.PARENT, Role.NETWORK])
        ]
        meeting = services.create_meeting(
            family.id,
            datetime(2026, 12, 3, 10),
            attendee_ids=people,
            next_meeting_at=datetime(2027, 1, 7, 10),
        )
        for i in range(150):
            services.add_card(
                meeting.id,
                list(Column)[i % 3],
                f"Kort {i}: det vi talte om i dag, med vores egne ord. " * (1 + i % 3),
                whose_words_id=people[i % len(people)],
            )
        for i in range(60):
            services.add_action(
                meeting.id,
                f"Aftale {i}: ringe til skolen og aftale et møde",
                who_participant_id=people[i % len(people)],
                due_date=date(2026, 12, 4) + timedelta(days=i),
                done=i % 6 == 5,
            )
        for question in services.list_questions(meeting.id):
            for j, pid in enumerate(people):
                services.set_rating(question.id, pid, 1 + (j * 3) % 10)
    return meeting.id


def median_seconds(job: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp))
        try:
            services = Services(db)
            family = create_demo_family(services)
            meetings = services.list_meetings(family.id)  # newest first
            demo_id, first_id = meetings[0].id, meetings[-1].id
            big_id = big_meeting(services)

            start = time.perf_counter()
            render_plan(build_plan(services, demo_id))  # registers the fonts once
            first = time.perf_counter() - start

            print(f"familymeeting plan export, {date.today().isoformat()}")
            print(
                f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
                f"Python {platform.python_version()} on {platform.system()}"
            )
            print(f"first export in a fresh process (fonts loaded): {first:.3f} s")
            print(f"median of {RUNS} runs:")
            results = {}
            for name, meeting_id in (
                ("demo plan", demo_id),
                ("demo first meeting", first_id),  # the fullest demo page (issue 14)
                ("150 cards / 60 actions", big_id),
            ):
                plan = build_plan(services, meeting_id)
                build = median_seconds(lambda m=meeting_id: build_plan(services, m))
                render = median_seconds(lambda p=plan: render_plan(p))
                both = median_seconds(lambda m=meeting_id: render_plan(build_plan(services, m)))
                result = render_plan(plan)
                results[name] = both
                print(
                    f"  {name:24s} build_plan {build:.3f} s  render_plan {render:.3f} s  "
                    f"both {both:.3f} s  ({result.font_size:g} pt, "
                    f"{'shortened' if result.shortened else 'whole'}, {len(result.pdf)} bytes)"
                )
        finally:
            db.close()
    ok = results["demo plan"] < TARGET_S
    print(f"target: demo plan under {TARGET_S} s: {'met' if ok else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
