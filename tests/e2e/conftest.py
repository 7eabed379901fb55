"""Run the installed ``familymeeting`` command as a subprocess, like a user would.

Every run gets ``FAMILYMEETING_PASSWORD`` (the test password, tests/e2e/passwords.py)
unless a test passes ``env={"FAMILYMEETING_PASSWORD": None}``, and an empty stdin,
so a command that would prompt on a terminal fails instead of hanging.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest
from passwords import DATA_FILES, TEST_PASSWORD

TIMEOUT_S = 60
PASSWORD_ENV = "FAMILYMEETING_PASSWORD"


class Runner(Protocol):
    def __call__(
        self,
        *args: str | os.PathLike[str],
        env: Mapping[str, str | None] | None = None,
        cwd: Path | None = None,
    ) -> subprocess.CompletedProcess[str]: ...


def installed_exe() -> Path:
    """The console script next to this interpreter (same rule as ``cli_exe``)."""
    return Path(sys.executable).parent / (
        "familymeeting.exe" if os.name == "nt" else "familymeeting"
    )


def run_cli(
    exe: Path,
    *args: str | os.PathLike[str],
    env: Mapping[str, str | None] | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the command with os.environ plus ``env`` (a value of None removes a variable).

    The test password is set unless ``env`` says otherwise.
    """
    full_env = dict(os.environ)
    full_env[PASSWORD_ENV] = TEST_PASSWORD
    for key, value in (env or {}).items():
        if value is None:
            full_env.pop(key, None)
        else:
            full_env[key] = value
    return subprocess.run(
        [str(exe), *(os.fspath(a) for a in args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=full_env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=TIMEOUT_S,
        check=False,
    )


@pytest.fixture
def work_dir(tmp_path: Path) -> Path:
    """An empty current directory for the command, so stray files would show."""
    path = tmp_path / "cwd"
    path.mkdir()
    return path


@pytest.fixture
def run(cli_exe: Path, work_dir: Path) -> Runner:
    def _run(
        *args: str | os.PathLike[str],
        env: Mapping[str, str | None] | None = None,
        cwd: Path | None = None,
    ) -> subprocess.CompletedProcess[str]:
        return run_cli(cli_exe, *args, env=env, cwd=cwd or work_dir)

    return _run


# ------------------------------------------------------ shared, built once per module
def profile_env(home: Path) -> dict[str, str | None]:
    """The isolation of tests/conftest.py, for fixtures wider than one test."""
    return {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "FAMILYMEETING_DATA_DIR": str(home / "fm-data"),
        "FAMILYMEETING_LANG": "da",
    }


@dataclass(frozen=True)
class DemoData:
    """A data dir holding one demo family, and that family's case file.

    Shared by the tests of a module: copy ``data_dir`` before changing it.
    """

    data_dir: Path
    family_id: str
    case_file: Path


def _make_demo(root: Path) -> DemoData:
    root.mkdir(parents=True, exist_ok=True)
    exe = installed_exe()
    env = profile_env(root / "home")
    data_dir = root / "data"
    made = run_cli(exe, "--data-dir", data_dir, "demo", env=env, cwd=root)
    assert made.returncode == 0, made.stderr
    found = re.search(r"\(id ([0-9a-f]{8})\)", made.stdout)
    assert found, made.stdout
    case_file = root / "demo.json"
    exported = run_cli(
        exe, "--data-dir", data_dir, "export-case", found[1], "-o", case_file, env=env, cwd=root
    )
    assert exported.returncode == 0, exported.stderr
    family_id = json.loads(case_file.read_bytes())["family"]["id"]
    # The command closed the database: nothing but the file and its key is left behind.
    assert sorted(p.name for p in data_dir.iterdir()) == DATA_FILES
    return DemoData(data_dir=data_dir, family_id=family_id, case_file=case_file)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoData:
    """The demo family made by ``familymeeting demo`` and exported by ``export-case``."""
    return _make_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def other_demo(tmp_path_factory: pytest.TempPathFactory) -> DemoData:
    """A second, independent demo family (other ids): a database ``demo`` imports into."""
    return _make_demo(tmp_path_factory.mktemp("other-demo"))
