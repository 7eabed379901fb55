"""The data folder is its owner's alone: 0700, and every file the app writes there 0600.

Whatever umask the caseworker's session has (0o022 is common, 0o000 happens), the real
command runs in a subprocess with that umask, and afterwards every folder under the data
dir is 0700 and every file 0600: database, WAL and SHM, key file, seal, wrong-password
counter, backups, settings, the bug log. A ``--screenshot`` picture is 0600 too.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest
from conftest import PASSWORD_ENV, installed_exe, profile_env
from passwords import TEST_PASSWORD

from familymeeting.storage.database import APPLICATION_ID
from familymeeting.storage.paths import DB_FILENAME

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="POSIX file modes; Windows data dirs inherit the profile's ACL"
)

UMASKS = [0o022, 0o000]


def run_with_umask(
    umask: int, home: Path, *args: str | os.PathLike[str], env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **{k: v for k, v in profile_env(home).items() if v is not None}}
    full_env[PASSWORD_ENV] = TEST_PASSWORD
    full_env.update(env or {})
    return subprocess.run(
        [str(installed_exe()), *(os.fspath(a) for a in args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=full_env,
        cwd=home,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.umask(umask),  # the child sets its umask before exec
    )


def modes(root: Path) -> dict[str, str]:
    """``{relative path: octal mode}`` of the folder and everything under it."""
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for path in sorted(root.rglob("*")):
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def assert_private(root: Path) -> None:
    wrong = {
        name: mode
        for name, mode in modes(root).items()
        if mode != ("0o700" if (root / name).is_dir() else "0o600")
    }
    assert wrong == {}, modes(root)


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_every_file_the_command_writes_is_private(tmp_path: Path, umask: int) -> None:
    home = tmp_path / "home"
    home.mkdir()
    data_dir = tmp_path / "data"
    made = run_with_umask(umask, home, "--data-dir", data_dir, "demo")
    assert made.returncode == 0, made.stderr
    wrong = run_with_umask(
        umask, home, "--data-dir", data_dir, "list", env={PASSWORD_ENV: "not the password!"}
    )
    assert wrong.returncode != 0
    # The counter goes with the next good password: look at it now.
    assert (data_dir / "unlock-failures.json").exists()
    assert_private(data_dir)
    backed_up = run_with_umask(umask, home, "--data-dir", data_dir, "backup")
    assert backed_up.returncode == 0, backed_up.stderr
    shot = home / "shot.png"
    pictured = run_with_umask(
        umask,
        home,
        "--data-dir",
        data_dir,
        "--screenshot",
        shot,
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    assert pictured.returncode == 0, pictured.stderr

    names = set(modes(data_dir))
    assert {DB_FILENAME, "keys.json", "backups"} <= names, names
    assert any(name.startswith("backups/") for name in names), names
    assert_private(data_dir)
    assert oct(stat.S_IMODE(shot.stat().st_mode)) == "0o600"


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_the_wal_and_shm_of_an_open_database_are_private(tmp_path: Path, umask: int) -> None:
    """Killed while the database is open, the command leaves its WAL and SHM: both 0600."""
    home = tmp_path / "home"
    home.mkdir()
    data_dir = tmp_path / "data"
    made = run_with_umask(umask, home, "--data-dir", data_dir, "demo")
    assert made.returncode == 0, made.stderr
    killed = run_with_umask(
        umask,
        home,
        "--data-dir",
        data_dir,
        "delete-family",
        made.stdout.split("(id ")[1][:8],
        "--yes",
        env={"FAMILYMEETING_FAULT": "delete.after_commit"},
    )
    assert killed.returncode in (137, -9), killed.stderr
    assert (data_dir / (DB_FILENAME + "-wal")).exists()
    assert_private(data_dir)


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_a_data_dir_made_loose_by_an_earlier_version_is_tightened(
    tmp_path: Path, umask: int
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    data_dir = tmp_path / "data"
    made = run_with_umask(umask, home, "--data-dir", data_dir, "demo")
    assert made.returncode == 0, made.stderr
    data_dir.chmod(0o755)
    for path in data_dir.iterdir():
        path.chmod(0o644)
    listed = run_with_umask(umask, home, "--data-dir", data_dir, "list")
    assert listed.returncode == 0, listed.stderr
    assert_private(data_dir)


@pytest.mark.parametrize("umask", UMASKS, ids=oct)
def test_the_bug_log_is_private(tmp_path: Path, umask: int) -> None:
    """A bug (a file marked as ours but without tables) writes logs/error.log: 0600 in 0700."""
    home = tmp_path / "home"
    home.mkdir()
    data_dir = tmp_path / "data"
    data_dir.mkdir(mode=0o700)
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.execute("PRAGMA user_version = 1")
        con.commit()
    finally:
        con.close()
    (data_dir / DB_FILENAME).chmod(0o600)
    result = run_with_umask(umask, home, "--data-dir", data_dir, "list")
    assert result.returncode == 70, result.stderr
    assert (data_dir / "logs" / "error.log").is_file()
    assert_private(data_dir)
