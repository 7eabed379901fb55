"""No edit that was reported saved is lost when the process is killed (SIGKILL).

A writer process makes service calls in a loop and prints each call's id after it
returns; it is killed at random moments, 100 times. Afterwards the database passes
``integrity_check`` and holds every printed id.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from familymeeting.storage.database import Database
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

WRITER = r"""
import sys
from pathlib import Path
from familymeeting.storage.database import Database
from familymeeting.storage.services import Services

services = Services(Database.open(Path(sys.argv[1])))
meeting_id, round_no = sys.argv[2], sys.argv[3]
print("READY", flush=True)
n = 0
columns = ("worries", "working_well", "needs_to_happen")
while True:
    n += 1
    card = services.add_card(meeting_id, columns[n % 3], f"runde {round_no} kort {n}")
    if n % 4 == 0:
        services.move_card(card.id, columns[(n + 1) % 3], 0)
    if n % 7 == 0:
        services.update_card_text(card.id, f"runde {round_no} kort {n} rettet")
    print(card.id, flush=True)
"""

ROUNDS = 100


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_kill_9_at_random_moments_loses_no_saved_edit(data_dir: Path) -> None:
    db = Database.open(data_dir)
    services = Services(db)
    family = services.create_family("Familien Kill")
    meeting_id = services.create_meeting(family.id, datetime(2026, 12, 1, 9)).id
    db.close()
    rng = random.Random(20261125)  # reproducible moments
    saved: set[str] = set()
    for round_no in range(ROUNDS):
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), meeting_id, str(round_no)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            if proc.stdout.readline().strip() != "READY":
                proc.wait(timeout=30)
                pytest.fail(f"round {round_no}: the writer did not start: {proc.stderr.read()}")
            time.sleep(rng.uniform(0.0, 0.15))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            # Every id printed before the kill was returned by a committed service call.
            saved.update(line.strip() for line in proc.stdout if len(line.strip()) == 36)
    assert len(saved) > ROUNDS  # the writer really got work done between kills
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in con.execute("SELECT id FROM card")}
        positions = con.execute(
            'SELECT "column", group_concat(position) FROM card GROUP BY "column"'
        ).fetchall()
    finally:
        con.close()
    assert saved <= stored
    # Positions stayed contiguous in every column: moves were all-or-nothing.
    for _column, joined in positions:
        numbers = sorted(int(x) for x in joined.split(","))
        assert numbers == list(range(len(numbers)))
