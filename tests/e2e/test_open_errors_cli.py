"""The command when the machine, not the file, fails at start (issue 17, items 1 and 3).

A full disk (a file size limit the ``-shm`` cannot grow past: SQLite's I/O error) and
a database another program keeps busy each give a clear message in Danish and exit
code 2; the database stays byte for byte where it was, and nothing goes to
``damaged/``, although a good backup exists (which used to count as proof of damage).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PASSWORD_ENV, TIMEOUT_S, DemoData, Runner
from helpers import file_digest
from passwords import TEST_PASSWORD

from familymeeting.storage.database import connect_file
from familymeeting.storage.keys import KeyStore
from familymeeting.storage.paths import DB_FILENAME

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")


@pytest.fixture
def data(demo: DemoData, tmp_path: Path, run: Runner) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(demo.data_dir, copy)
    made = run("--data-dir", copy, "backup")
    assert made.returncode == 0, made.stderr
    return copy


def _small_files_only() -> None:
    # In the child before exec: writing past 1 KiB fails with EFBIG (not SIGXFSZ).
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


def _refused(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result.stderr


def test_a_full_disk_at_start_is_explained_and_moves_nothing(cli_exe: Path, data: Path) -> None:
    digest = file_digest(data / DB_FILENAME)
    env = {**os.environ, PASSWORD_ENV: TEST_PASSWORD, "FAMILYMEETING_LANG": "da"}
    result = subprocess.run(
        [str(cli_exe), "--data-dir", str(data), "list"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        stdin=subprocess.DEVNULL,
        preexec_fn=_small_files_only,  # sets the limit in the child only
        timeout=TIMEOUT_S,
        check=False,
    )
    message = _refused(result)
    assert "Disken kunne ikke læse eller skrive databasen" in message
    assert "Intet er flyttet" in message
    assert "disk I/O error" not in message and "beskadiget" not in message
    assert file_digest(data / DB_FILENAME) == digest
    assert not (data / "damaged").exists()


def test_a_busy_database_at_start_is_explained(run: Runner, data: Path) -> None:
    digest = file_digest(data / DB_FILENAME)
    other = connect_file(data / DB_FILENAME, KeyStore.unlock(data, TEST_PASSWORD))
    try:
        other.isolation_level = None
        other.execute("BEGIN IMMEDIATE")  # held past the command's busy timeout
        message = _refused(run("--data-dir", data, "list"))
    finally:
        other.close()
    assert "optaget af et andet program" in message
    assert "uventet fejl" not in message.lower()
    assert file_digest(data / DB_FILENAME) == digest
    assert not (data / "damaged").exists()
