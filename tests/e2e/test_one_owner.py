"""One owner per data folder (issue 17, item 2), with real processes.

Another process holds the folder (a helper holding the lock through the library, or
the real app started offscreen); every command that opens the database is refused with
exit 2 and a clear message and changes no file; ``backups`` runs beside it; the lock of
a killed owner is taken over; two restores at once never leave the folder without a
database.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PASSWORD_ENV, DemoData, Runner, installed_exe
from passwords import TEST_PASSWORD

from familymeeting.storage.folder_lock import LOCK_FILENAME
from familymeeting.storage.keys import FAILURES_FILENAME
from familymeeting.storage.paths import DB_FILENAME

IN_USE_DA = "familymeeting er åben på disse data"

HOLDER = (
    "import sys\n"
    "from familymeeting.storage.folder_lock import FolderLock\n"
    "lock = FolderLock(sys.argv[1]).acquire()\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)


@pytest.fixture
def data(demo: DemoData, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(demo.data_dir, copy)
    return copy


@pytest.fixture
def held(data: Path) -> Iterator[Path]:
    """``data``, held by another process until the test ends."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        assert proc.stdout.readline().strip() == "held"
        yield data
    finally:
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
        proc.stdout.close()


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and a digest of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def refused_in_use(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert IN_USE_DA in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_every_command_that_opens_the_data_is_refused_beside_the_owner(
    run: Runner, held: Path, demo: DemoData, tmp_path: Path
) -> None:
    before = snapshot(held)
    out = tmp_path / "out"
    out.mkdir()
    commands: list[list[str | os.PathLike[str]]] = [
        ["list"],
        ["demo"],
        ["export-case", demo.family_id[:8], "-o", out / "case.json"],
        ["import-case", demo.case_file, "--replace"],
        ["plan", "00000000", "-o", out / "plan.pdf"],
        ["log"],
        ["backup"],
        ["backup", "-o", out / "copy.db"],
        ["check"],
        ["restore"],
        ["restore", "--empty"],
        ["passwd"],
        ["recover"],
    ]
    env = {
        "FAMILYMEETING_NEW_PASSWORD": "another-password-77",
        "FAMILYMEETING_RECOVERY_CODE": "x",
    }
    for command in commands:
        refused_in_use(run("--data-dir", held, *command, env=env))
    assert snapshot(held) == before
    assert list(out.iterdir()) == []


def test_backups_may_run_beside_the_owner(run: Runner, held: Path) -> None:
    result = run("--data-dir", held, "backups", env={PASSWORD_ENV: None})
    assert result.returncode == 0, result.stderr


def test_the_window_is_refused_beside_the_owner(run: Runner, held: Path, tmp_path: Path) -> None:
    """The app takes the same lock at start (a --screenshot run reports on stderr; a
    normal start shows it in a dialog, tests/gui/test_folder_owner.py)."""
    before = snapshot(held)
    refused_in_use(run("--data-dir", held, "--screenshot", tmp_path / "shot.png"))
    assert not (tmp_path / "shot.png").exists()
    assert snapshot(held) == before


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_the_real_app_owns_its_folder_until_it_is_killed(run: Runner, data: Path) -> None:
    """The window holds the folder: a restore beside it changes nothing. Killed, its
    lock is free again and the next command takes over."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env[PASSWORD_ENV] = TEST_PASSWORD
    assert run("--data-dir", data, "backup").returncode == 0
    app = subprocess.Popen(
        [str(installed_exe()), "--data-dir", str(data)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        # The window opens the database (its WAL appears) only once it owns the folder.
        wal = data / (DB_FILENAME + "-wal")
        deadline = 600
        while not wal.exists() and deadline and app.poll() is None:
            deadline -= 1
            with contextlib.suppress(subprocess.TimeoutExpired):
                app.wait(timeout=0.1)
        assert wal.exists() and app.poll() is None
        kept = {name: digest for name, digest in snapshot(data).items() if "backups/" in name}
        db_before = hashlib.sha256((data / DB_FILENAME).read_bytes()).hexdigest()
        refused_in_use(run("--data-dir", data, "restore"))
        assert hashlib.sha256((data / DB_FILENAME).read_bytes()).hexdigest() == db_before
        assert {n: d for n, d in snapshot(data).items() if "backups/" in n} == kept
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=30)
    assert (data / LOCK_FILENAME).exists()
    listed = run("--data-dir", data, "list")
    assert listed.returncode == 0, listed.stderr


def test_two_restores_at_once_never_leave_the_folder_without_a_database(
    run: Runner, data: Path, cli_exe: Path, work_dir: Path
) -> None:
    assert run("--data-dir", data, "backup").returncode == 0
    env = dict(os.environ)
    env[PASSWORD_ENV] = TEST_PASSWORD
    outcomes: set[int] = set()
    for _ in range(10):
        pair = [
            subprocess.Popen(
                [str(cli_exe), "--data-dir", str(data), "restore"],
                env=env,
                cwd=work_dir,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        for proc in pair:
            _, err = proc.communicate(timeout=120)
            outcomes.add(proc.returncode)
            assert proc.returncode in (0, 2), err
            if proc.returncode == 2:
                assert IN_USE_DA in err, err
            assert (data / DB_FILENAME).is_file()
    assert 0 in outcomes
    checked = run("--data-dir", data, "check")
    assert checked.returncode == 0, (checked.stdout, checked.stderr)


# ------------------------------------------------- the wrong-password counter (item 9)
def test_ten_wrong_passwords_at_once_are_each_counted(
    data: Path, cli_exe: Path, work_dir: Path
) -> None:
    """Every attempt that was tried is counted: the counter is read, waited on and
    written by the folder's one owner, so none is lost (before: ten at once all read
    the same count, and the count lost updates)."""
    env = dict(os.environ)
    env[PASSWORD_ENV] = "not-the-password-1"
    procs = [
        subprocess.Popen(
            [str(cli_exe), "--data-dir", str(data), "list"],
            env=env,
            cwd=work_dir,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(10)
    ]
    tried = 0
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 2, err
        if IN_USE_DA not in err:
            assert "Forkert adgangskode" in err, err
            tried += 1
    assert tried >= 1
    counter = json.loads((data / FAILURES_FILENAME).read_text(encoding="utf-8"))
    assert counter["count"] == tried
    assert len(counter["times"]) == tried


@pytest.mark.skipif(os.name == "nt", reason="RLIMIT_FSIZE is POSIX")
def test_no_password_is_tried_when_the_counter_cannot_be_written(data: Path) -> None:
    """A full disk (every write fails: RLIMIT_FSIZE 0) refuses the attempt, the right
    password too, instead of trying passwords that are never counted."""
    script = (
        "import resource, sys\n"
        "from familymeeting.domain.errors import UserError\n"
        "from familymeeting.storage.keys import KeyStore\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))\n"
        "for password in sys.argv[2:]:\n"
        "    try:\n"
        "        KeyStore.unlock(sys.argv[1], password)\n"
        "        print('unlocked')\n"
        "    except UserError as exc:\n"
        "        print(exc.code)\n"
    )
    before = snapshot(data)
    result = subprocess.run(
        [sys.executable, "-c", script, str(data), "wrong-password-1", TEST_PASSWORD],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout.split() == ["unlock_counter_unwritable"] * 2, result.stderr
    assert snapshot(data) == before
