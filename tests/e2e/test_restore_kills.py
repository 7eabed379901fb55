"""``restore FILE`` into an empty folder, killed (SIGKILL) at random moments: afterwards the
folder is either without data (a new restore works) or fully restored and opens with the
backup's password; never half (a key file without its database would make the next start
quietly begin new, empty data). The installed command as a subprocess.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import PASSWORD_ENV, Runner, installed_exe
from helpers import open_unlocked
from passwords import TEST_PASSWORD

from familymeeting.storage.keys import KEYS_FILENAME
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

ROUNDS = 15


def families(folder: Path) -> list[str]:
    result = open_unlocked(folder, TEST_PASSWORD)
    try:
        assert result.recovery_code is None  # opened, not begun anew
        return sorted(f.display_name for f in Services(result.db).list_families())
    finally:
        result.db.close()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_restore_killed_at_random_moments_is_all_or_nothing(run: Runner, tmp_path: Path) -> None:
    old = tmp_path / "old-laptop"
    assert run("--data-dir", old, "demo").returncode == 0
    usb = tmp_path / "familie.fmbackup"
    made = run("--data-dir", old, "backup", "-o", usb)
    assert made.returncode == 0, made.stderr
    expected = families(old)

    # How long a whole restore takes here, so the kills fall inside it.
    start = time.monotonic()
    whole = run("--data-dir", tmp_path / "timing", "restore", usb)
    took = time.monotonic() - start
    assert whole.returncode == 0, whole.stderr

    env = {**os.environ, PASSWORD_ENV: TEST_PASSWORD}
    rng = random.Random(20261205)  # reproducible moments
    outcomes = {"restored": 0, "empty": 0}
    for round_no in range(ROUNDS):
        folder = tmp_path / f"new-laptop-{round_no}"
        with subprocess.Popen(
            [str(installed_exe()), "--data-dir", str(folder), "restore", str(usb)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        ) as proc:
            time.sleep(rng.uniform(0.0, took))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        if (folder / DB_FILENAME).exists():
            assert families(folder) == expected, round_no
            outcomes["restored"] += 1
            continue
        # No database: then no key file either, and a new restore works.
        assert not (folder / KEYS_FILENAME).exists(), (round_no, sorted(os.listdir(folder)))
        again = run("--data-dir", folder, "restore", usb)
        assert again.returncode == 0, (round_no, again.stderr)
        assert families(folder) == expected
        outcomes["empty"] += 1
    assert sum(outcomes.values()) == ROUNDS
