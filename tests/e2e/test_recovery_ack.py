"""A new recovery code becomes valid only once it was shown (issue 17, item 5).

On the command line "shown" means printed and flushed without an error: with the output
on a full device the code that worked before keeps working. A first start killed before
its code was acknowledged starts over cleanly at the next start.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import TIMEOUT_S, Runner
from passwords import RECOVERY_CODE, TEST_PASSWORD, recovery_notice

from familymeeting.storage.keys import KEYS_COPY_FILENAME, KEYS_FILENAME
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.unlock import FIRST_START_FILENAME

NEW_PASSWORD = "en helt ny adgangskode 2027"
THIRD_PASSWORD = "tredje sætning på listen 99"

pytestmark = pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")


def run_full(
    cli_exe: Path, *args: str | os.PathLike[str], env: dict[str, str | None], stream: str
) -> subprocess.CompletedProcess[str]:
    """The command with ``stream`` ("stdout" or "stderr") on /dev/full: every write fails."""
    full_env = dict(os.environ)
    full_env["FAMILYMEETING_PASSWORD"] = TEST_PASSWORD
    for key, value in env.items():
        if value is None:
            full_env.pop(key, None)
        else:
            full_env[key] = value
    with open("/dev/full", "w") as full:
        return subprocess.run(
            [str(cli_exe), *(os.fspath(a) for a in args)],
            stdout=full if stream == "stdout" else subprocess.PIPE,
            stderr=full if stream == "stderr" else subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env=full_env,
            timeout=TIMEOUT_S,
            check=False,
        )


def recover(run: Runner, data: Path, code: str, new: str) -> subprocess.CompletedProcess[str]:
    env = {
        "FAMILYMEETING_PASSWORD": None,
        "FAMILYMEETING_RECOVERY_CODE": code,
        "FAMILYMEETING_NEW_PASSWORD": new,
    }
    return run("--data-dir", data, "recover", env=env)


@pytest.fixture
def made(run: Runner, tmp_path: Path) -> tuple[Path, str]:
    data = tmp_path / "data"
    first = run("--data-dir", data, "demo")
    assert first.returncode == 0, first.stderr
    return data, recovery_notice(first.stderr)


def test_recover_with_output_to_a_full_device_keeps_the_used_code_valid(
    run: Runner, cli_exe: Path, made: tuple[Path, str]
) -> None:
    data, code = made
    env = {
        "FAMILYMEETING_PASSWORD": None,
        "FAMILYMEETING_RECOVERY_CODE": code,
        "FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD,
    }
    failed = run_full(cli_exe, "--data-dir", data, "recover", env=env, stream="stdout")
    assert failed.returncode == 2, failed.stderr
    assert "Traceback" not in failed.stderr
    assert "gendannelseskode" in failed.stderr and "disken er fuld" in failed.stderr.lower()
    # The new password is set; the code that was used still works, once more.
    again = recover(run, data, code, THIRD_PASSWORD)
    assert again.returncode == 0, again.stderr
    new_code = RECOVERY_CODE.findall(again.stdout)
    assert len(new_code) == 1 and new_code[0] != code
    # Printed in full: now only the new code works.
    assert recover(run, data, code, NEW_PASSWORD).returncode == 2
    assert recover(run, data, new_code[0], NEW_PASSWORD).returncode == 0


def test_a_new_recovery_code_to_a_full_device_keeps_the_old_code_valid(
    run: Runner, cli_exe: Path, made: tuple[Path, str]
) -> None:
    data, code = made
    failed = run_full(cli_exe, "--data-dir", data, "recovery-code", env={}, stream="stdout")
    assert failed.returncode == 2, failed.stderr
    assert "Traceback" not in failed.stderr
    wrong = run("--data-dir", data, "recovery-code", env={"FAMILYMEETING_PASSWORD": "forkert 123"})
    assert wrong.returncode == 2 and not RECOVERY_CODE.search(wrong.stdout)
    made_new = run("--data-dir", data, "recovery-code")
    assert made_new.returncode == 0, made_new.stderr
    codes = RECOVERY_CODE.findall(made_new.stdout)
    assert len(codes) == 1 and codes[0] != code
    assert recover(run, data, code, NEW_PASSWORD).returncode == 2  # the old code is replaced
    assert recover(run, data, codes[0], NEW_PASSWORD).returncode == 0


def test_a_first_start_whose_code_cannot_be_shown_is_undone(
    run: Runner, cli_exe: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    failed = run_full(cli_exe, "--data-dir", data, "demo", env={}, stream="stderr")
    assert failed.returncode == 2
    assert not {KEYS_FILENAME, KEYS_COPY_FILENAME, DB_FILENAME} & {p.name for p in data.iterdir()}
    check_a_normal_start_works(run, data)


def check_a_normal_start_works(run: Runner, data: Path, earlier_output: str = "") -> None:
    """The next start works and leaves a recovery code that opens the data."""
    again = run("--data-dir", data, "demo")
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    codes = RECOVERY_CODE.findall(again.stderr) or RECOVERY_CODE.findall(earlier_output)
    assert codes, (again.stderr, earlier_output)
    assert not (data / FIRST_START_FILENAME).exists()
    assert (data / DB_FILENAME).stat().st_size > 0
    listed = run("--data-dir", data, "list")
    assert listed.returncode == 0, listed.stderr
    assert recover(run, data, codes[-1], NEW_PASSWORD).returncode == 0


@pytest.mark.parametrize(
    "fault", ["first_start.after_keys", "first_start.after_database", "first_start.before_ack"]
)
def test_a_first_start_killed_before_its_code_was_acknowledged_starts_over(
    run: Runner, tmp_path: Path, fault: str
) -> None:
    data = tmp_path / "data"
    killed = run("--data-dir", data, "demo", env={"FAMILYMEETING_FAULT": fault})
    assert killed.returncode == 137, killed.stderr
    assert (data / FIRST_START_FILENAME).exists()
    check_a_normal_start_works(run, data)


def test_random_kills_of_the_first_start_lock_nobody_out(
    run: Runner, cli_exe: Path, tmp_path: Path
) -> None:
    rng = random.Random(17)
    env = dict(os.environ, FAMILYMEETING_PASSWORD=TEST_PASSWORD)
    for i in range(20):
        data = tmp_path / f"data{i}"
        err = tmp_path / f"err{i}.txt"
        with open(err, "w") as err_file:
            proc = subprocess.Popen(
                [str(cli_exe), "--data-dir", str(data), "demo"],
                stdout=subprocess.DEVNULL,
                stderr=err_file,
                stdin=subprocess.DEVNULL,
                env=env,
            )
            # Spread over the start: imports, keys, the database, the code, the demo.
            time.sleep(rng.uniform(0.2, 2.0))
            if sys.platform != "win32":
                proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=TIMEOUT_S)
        check_a_normal_start_works(run, data, err.read_text())
