"""Opening the progress page: from the tap to the charts painted.

    python benchmarks/progress.py [--runs N]

Builds a temporary database with the demo family (3 meetings, 3 questions, 6 people)
and a long family (12 meetings four weeks apart, 8 people, the 3 default questions,
every answer given, pairs of people giving the same number at each meeting), opens
the main window (offscreen unless QT_QPA_PLATFORM says otherwise) at 1366×768 and
times ``MainWindow.show_progress`` for each family, N times, from the call to the
window painted (a synchronous ``repaint`` after the event loop has run what the call
posted). The families page is shown between runs, so each run builds the page from
scratch as a tap on "Udvikling" does. Prints one line of JSON: per family the median
and the slowest run, and the median CPU time of this process (steadier than the
clock when other work shares the machine). Written for issue 16 (one legend, one
time axis, names where answers meet); run it on a commit before and after to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from familymeeting import settings
    from familymeeting.app import make_app
    from familymeeting.storage.database import Database
    from familymeeting.storage.demo import create_demo_family
    from familymeeting.storage.services import Services
    from familymeeting.ui import theme
    from familymeeting.ui.language import switch_language
    from familymeeting.ui.main_window import MainWindow

    app = make_app()
    switch_language(app, "da")
    app.setStyleSheet(theme.stylesheet())
    data_dir = Path(tempfile.mkdtemp(prefix="fm-progress-bench-"))
    db = Database.open(data_dir)
    services = Services(db)
    demo = create_demo_family(services, date(2026, 11, 25))

    long = services.create_family("Familien Lang")
    names = ["Karsten", "Oliver", "Mette (mor)", "Jonas (far)", "Emma", "Noah", "Mormor", "Sara"]
    roles = ["parent", "child", "parent", "parent", "child", "child", "network", "caseworker"]
    people = [
        services.add_participant(long.id, name, role, birth_year=2014 if role == "child" else None)
        for name, role in zip(names, roles, strict=True)
    ]
    start = datetime(2025, 12, 3, 10)
    with services.batch():
        previous = services.create_meeting(long.id, start)
        meetings = [previous]
        for n in range(1, 12):
            previous = services.start_follow_up(previous.id, start + timedelta(days=28 * n))
            meetings.append(previous)
        for n, meeting in enumerate(meetings):
            for q, question in enumerate(services.list_questions(meeting.id)):
                for p, person in enumerate(people):
                    # Pairs of people often give the same number: equal points.
                    services.set_rating(question.id, person.id, 1 + (n + q + p // 2) % 10)

    window = MainWindow(services, settings.Settings(data_dir))
    window.resize(1366, 768)
    window.show()

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()

    settle()
    results: dict[str, float] = {}
    for label, family_id in (("demo", demo.id), ("long", long.id)):
        times: list[float] = []
        cpu: list[float] = []
        for _ in range(args.runs):
            window.show_families()
            settle()
            begin, begin_cpu = time.perf_counter(), time.process_time()
            window.show_progress(family_id)
            QApplication.processEvents()
            window.repaint()
            times.append(time.perf_counter() - begin)
            cpu.append(time.process_time() - begin_cpu)
        results[f"{label}_ms_median"] = round(statistics.median(times) * 1000, 1)
        results[f"{label}_ms_max"] = round(max(times) * 1000, 1)
        results[f"{label}_cpu_ms_median"] = round(statistics.median(cpu) * 1000, 1)
    window.close()
    db.close()
    print(json.dumps({**results, "runs": args.runs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
