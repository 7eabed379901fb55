"""An export killed (SIGKILL) at any moment leaves the old file or the whole new one.

``familymeeting plan`` and ``familymeeting export-case`` write through
``storage/atomic.py`` (temp file beside the target, fsync, rename). Each round puts
the old file back at the target, starts the installed command, and kills it after a
random delay (mostly in the second half of a run, where the writing happens) or the
moment its temp file appears. Afterwards the target is byte for byte the old file or
the new one, never anything in between. A temp file a kill left behind (a copy of
case data nobody asked for) is removed by the next export to the same file.
"""

from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

import pytest
from passwords import TEST_PASSWORD
from pypdf import PdfReader

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]

SEED = 20261126
PLAN_ROUNDS = 25
CASE_ROUNDS = 10
TEMP_TRIGGERED = 4  # of the rounds above: killed the moment the temp file shows
RUN_TIMEOUT_S = 60
MEETING_LINE = re.compile(r"^    ([0-9a-f]{8})  ", re.MULTILINE)
DEMO_ID = re.compile(r"\(id ([0-9a-f]{8})\)")

Run = Callable[..., subprocess.CompletedProcess[str]]


class DemoData(Protocol):
    """The ``demo`` fixture (tests/e2e/conftest.py): copy before changing."""

    data_dir: Path
    family_id: str
    case_file: Path


def temp_files(target: Path) -> list[Path]:
    """The temp files ``write_atomic`` makes for ``target`` (``.NAME.XXXXXXXX.tmp``)."""
    pattern = re.compile(re.escape(f".{target.name}.") + r"[a-z0-9_]{8}\.tmp")
    return sorted(p for p in target.parent.iterdir() if pattern.fullmatch(p.name))


def command(cli_exe: Path, *args: str | os.PathLike[str]) -> list[str]:
    return [str(cli_exe), *(os.fspath(a) for a in args)]


def cli_env() -> dict[str, str]:
    """What the ``run`` fixture gives the command: this test's environment, the password."""
    return {**os.environ, "FAMILYMEETING_PASSWORD": TEST_PASSWORD}


def timed_run(run: Run, *args: str | os.PathLike[str]) -> float:
    """Run the command to the end (it must succeed); how long it took, in seconds."""
    start = time.monotonic()
    result = run(*args)
    elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    return elapsed


def run_and_kill(cmd: Sequence[str], cwd: Path, target: Path, delay: float | None) -> int | None:
    """Start ``cmd``; SIGKILL it after ``delay`` s, or (None) once a temp file appears.

    Returns the exit code if the command finished first, None if it was killed.
    """
    proc = subprocess.Popen(
        cmd,
        cwd=cwd,
        env=cli_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if delay is not None:
            try:
                return proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                pass
        else:
            deadline = time.monotonic() + RUN_TIMEOUT_S
            while proc.poll() is None and not temp_files(target):
                assert time.monotonic() < deadline, "the command neither wrote nor ended"
                time.sleep(0.0005)  # leave the command the CPU; writing takes milliseconds
            if proc.returncode is not None:
                return proc.returncode
        proc.send_signal(signal.SIGKILL)
        code = proc.wait(timeout=RUN_TIMEOUT_S)
        return None if code == -signal.SIGKILL else code
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def kill_rounds(
    *,
    rounds: int,
    cmd: Sequence[str],
    cwd: Path,
    target: Path,
    old: bytes,
    new: bytes,
    one_run_s: float,
    rng: random.Random,
) -> Counter[str]:
    """Kill ``cmd`` ``rounds`` times over the old file; the target is old or new after each."""
    seen: Counter[str] = Counter()
    for round_no in range(rounds):
        target.write_bytes(old)
        if round_no % (rounds // TEMP_TRIGGERED + 1) == 1:
            delay = None  # the moment the temp file shows
        elif rng.random() < 0.25:
            delay = rng.uniform(0.0, 0.5) * one_run_s  # starting up, reading the data
        else:
            delay = rng.uniform(0.5, 1.05) * one_run_s  # rendering and writing
        before = set(temp_files(target))
        code = run_and_kill(cmd, cwd, target, delay)
        data = target.read_bytes()
        where = f"round {round_no}, delay {delay}, exit {code}"
        assert data in (old, new), f"{where}: the target is neither the old nor the new file"
        leftovers = temp_files(target)
        if code is None:
            seen["killed"] += 1
            if set(leftovers) - before:
                seen["killed while writing: temp file left"] += 1
            if before - set(leftovers):
                seen["earlier temp files removed"] += 1
        else:
            assert code == 0, where
            assert data == new, where
            # A finished export removed what earlier killed ones left.
            assert leftovers == [], f"{where}: {leftovers}"
            seen["finished"] += 1
        seen["old" if data == old else "new"] += 1
    return seen


def assert_finished_export_removes_leftovers(cmd: Sequence[str], cwd: Path, target: Path) -> None:
    """A temp file a killed export left is gone after the next export; others stay."""
    stale = target.parent / f".{target.name}.k1lled_0.tmp"
    stale.write_bytes(b"case data a killed export left behind")
    unrelated = [
        target.parent / f".other-{target.name}.abcdefgh.tmp",  # another file's temp
        target.parent / f".{target.name}.notes.tmp",  # not a name write_atomic makes
    ]
    for path in unrelated:
        path.write_bytes(b"not ours")
    assert stale in temp_files(target)
    result = subprocess.run(
        cmd, cwd=cwd, env=cli_env(), stdin=subprocess.DEVNULL, capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert temp_files(target) == []
    assert all(path.read_bytes() == b"not ours" for path in unrelated)


# ---------------------------------------------------------------------- the tests
def test_a_killed_plan_export_leaves_the_old_or_the_new_file(
    run: Run, cli_exe: Path, demo: DemoData, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    print(f"random seed {SEED}")
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)
    listed = run("--data-dir", data_dir, "list")
    assert listed.returncode == 0, listed.stderr
    found = MEETING_LINE.search(listed.stdout)
    assert found, listed.stdout
    meeting = found[1]

    refs = tmp_path / "refs"
    refs.mkdir()
    timed_run(run, "--data-dir", data_dir, "plan", meeting, "-o", refs / "old.pdf", "--lang", "da")
    first = timed_run(
        run, "--data-dir", data_dir, "plan", meeting, "-o", refs / "new.pdf", "--lang", "en"
    )
    second = timed_run(
        run, "--data-dir", data_dir, "plan", meeting, "-o", refs / "again.pdf", "--lang", "en"
    )
    old, new = (refs / "old.pdf").read_bytes(), (refs / "new.pdf").read_bytes()
    assert (refs / "again.pdf").read_bytes() == new, "the plan PDF is no longer deterministic"
    assert old != new
    for pdf, opening in ((old, "Vores plan"), (new, "Our plan")):
        reader = PdfReader(io.BytesIO(pdf))
        assert len(reader.pages) == 1
        assert reader.pages[0].extract_text().startswith(opening)

    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan.pdf"
    cmd = command(cli_exe, "--data-dir", data_dir, "plan", meeting, "-o", target, "--lang", "en")
    one_run_s = min(first, second)
    seen = kill_rounds(
        rounds=PLAN_ROUNDS,
        cmd=cmd,
        cwd=out,
        target=target,
        old=old,
        new=new,
        one_run_s=one_run_s,
        rng=rng,
    )
    print(f"plan: one run {one_run_s:.2f} s; {dict(seen)}")
    assert seen["killed"] >= PLAN_ROUNDS // 2  # most rounds really were cut short
    assert seen["old"] >= 1  # and some before the rename

    assert_finished_export_removes_leftovers(cmd, out, target)
    assert target.read_bytes() == new
    assert sorted(p.name for p in out.iterdir()) == [
        ".other-plan.pdf.abcdefgh.tmp",
        ".plan.pdf.notes.tmp",
        "plan.pdf",
    ]


def test_a_killed_case_export_leaves_the_old_or_the_new_file(
    run: Run, cli_exe: Path, demo: DemoData, tmp_path: Path
) -> None:
    rng = random.Random(SEED + 1)
    print(f"random seed {SEED + 1}")
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)
    family = demo.family_id[:8]
    # The old file: an export of another family (a second demo family).
    made = run("--data-dir", data_dir, "demo")
    assert made.returncode == 0, made.stderr
    other = DEMO_ID.search(made.stdout)
    assert other, made.stdout
    assert other[1] != family

    refs = tmp_path / "refs"
    refs.mkdir()
    timed_run(run, "--data-dir", data_dir, "export-case", other[1], "-o", refs / "old.json")
    first = timed_run(run, "--data-dir", data_dir, "export-case", family, "-o", refs / "new.json")
    second = timed_run(
        run, "--data-dir", data_dir, "export-case", family, "-o", refs / "again.json"
    )
    old, new = (refs / "old.json").read_bytes(), (refs / "new.json").read_bytes()
    assert (refs / "again.json").read_bytes() == new, "the case file is no longer deterministic"
    assert json.loads(new)["family"]["id"] == demo.family_id
    assert json.loads(old)["family"]["id"].startswith(other[1])

    out = tmp_path / "out"
    out.mkdir()
    target = out / "case.json"
    cmd = command(cli_exe, "--data-dir", data_dir, "export-case", family, "-o", target)
    one_run_s = min(first, second)
    seen = kill_rounds(
        rounds=CASE_ROUNDS,
        cmd=cmd,
        cwd=out,
        target=target,
        old=old,
        new=new,
        one_run_s=one_run_s,
        rng=rng,
    )
    print(f"export-case: one run {one_run_s:.2f} s; {dict(seen)}")
    assert seen["killed"] >= CASE_ROUNDS // 2
    assert seen["old"] >= 1
    json.loads(target.read_bytes())  # whichever it is, it is whole

    assert_finished_export_removes_leftovers(cmd, out, target)
    assert target.read_bytes() == new
