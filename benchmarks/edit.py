"""One card edit on a 200-card board: the time until it is shown, and the transactions it costs.

    python benchmarks/edit.py [--runs N] [--add]

Builds a temporary database with one meeting of 200 cards (70 / 60 / 70 over the three
columns, a third of them with stances), opens its board in the window (offscreen unless
QT_QPA_PLATFORM says otherwise), and edits one card's text N times the way a card's edit
signal does (``MeetingPage._edit``), timing each from the call until the event loop has
shown it; every transaction begun meanwhile is counted by its ``BEGIN`` statement
(``BEGIN IMMEDIATE`` takes the write lock; a plain ``BEGIN`` is a read). Prints one line
of JSON. Written for issue 15 (one edit = one write transaction and no re-read); run it
on a commit before and after to compare.

``--add`` adds a card instead, as the "+" editor's Enter does (``MeetingPage._add``): at
the end of the 70-card column, scrolled into view; each is undone again (not timed), so
every run adds to a column of the same length (issue 16).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--add", action="store_true", help="add a card instead of editing one")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from familymeeting import settings
    from familymeeting.app import make_app
    from familymeeting.storage.database import Database
    from familymeeting.storage.services import Services
    from familymeeting.ui import theme
    from familymeeting.ui.main_window import MainWindow

    app = make_app()
    app.setStyleSheet(theme.stylesheet())
    data_dir = Path(tempfile.mkdtemp(prefix="fm-edit-bench-"))
    db = Database.open(data_dir)
    services = Services(db)
    family = services.create_family("Familien Benchmark")
    people = [services.add_participant(family.id, f"Person {i}", "parent") for i in range(4)]
    meeting = services.create_meeting(family.id, datetime(2026, 12, 4, 10))
    with services.batch():
        for column, count in (("worries", 70), ("working_well", 60), ("needs_to_happen", 70)):
            for i in range(count):
                card = services.add_card(meeting.id, column, f"Kort {column} {i} " * 3)
                if i % 3 == 0:
                    services.set_stance(card.id, people[i % 4].id, i % 2 == 0)
    window = MainWindow(services, settings.Settings(data_dir))
    window.resize(1280, 800)
    window.show()
    window.open_meeting(meeting.id)

    def settle() -> None:
        for _ in range(3):
            QApplication.processEvents()

    settle()
    page = window.meeting
    card_id = services.list_cards(meeting.id, "worries")[0].id
    begun: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if statement.strip().upper().startswith("BEGIN"):
            begun.append(statement.strip().upper())

    event.listen(db.engine, "before_cursor_execute", note)
    times: list[float] = []
    per_edit: list[list[str]] = []
    for i in range(args.runs):
        begun.clear()
        start = time.perf_counter()
        if args.add:
            page._add("worries", f"Nyt kort {i}")
        else:
            page._edit(card_id, f"Kort redigeret {i}")
        settle()
        times.append(time.perf_counter() - start)
        per_edit.append(list(begun))
        if args.add:
            page.undo()
            settle()
    event.remove(db.engine, "before_cursor_execute", note)
    window.close()
    db.close()
    last = per_edit[-1]
    print(
        json.dumps(
            {
                "what": "add card" if args.add else "edit card",
                "edit_to_shown_ms_median": round(statistics.median(times) * 1000, 2),
                "edit_to_shown_ms_max": round(max(times) * 1000, 2),
                "transactions_per_edit": len(last),
                "write_transactions": last.count("BEGIN IMMEDIATE"),
                "read_transactions": last.count("BEGIN"),
                "cards": 200,
                "runs": args.runs,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
