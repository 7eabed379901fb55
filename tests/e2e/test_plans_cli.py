"""``familymeeting plans FAMILY`` (issue 18): the plans given to a family, and one of
them written out again byte for byte; a user's mistake changes nothing."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import pytest
from helpers import file_digest
from passwords import open_database

from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

Result = subprocess.CompletedProcess[str]
Run = Callable[..., Result]


class DemoData(Protocol):
    data_dir: Path
    family_id: str


def refused(result: Result) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def meetings(data_dir: Path, family_id: str) -> list[str]:
    """The family's meetings, first meeting first."""
    db = open_database(data_dir)
    try:
        return [m.id for m in reversed(Services(db).list_meetings(family_id))]
    finally:
        db.close()


def stored(data_dir: Path, family_id: str) -> list[tuple[int, str, str]]:
    db = open_database(data_dir)
    try:
        return [
            (e.number, e.handout.how, e.handout.sha256)
            for e in Services(db).list_handouts(family_id)
        ]
    finally:
        db.close()


@pytest.fixture
def data_dir(demo: DemoData, tmp_path: Path) -> Path:
    return Path(shutil.copytree(demo.data_dir, tmp_path / "data"))


def test_a_plan_written_is_kept_and_comes_back_byte_for_byte(
    run: Run, demo: DemoData, data_dir: Path, tmp_path: Path
) -> None:
    first, second, _third = meetings(data_dir, demo.family_id)
    family = demo.family_id[:8]
    empty = run("--data-dir", data_dir, "plans", family)
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout == "'Familien Holm (demo)' har ikke fået en plan endnu.\n"

    a = tmp_path / "a.pdf"
    assert run("--data-dir", data_dir, "plan", first[:8], "-o", a).returncode == 0
    c = tmp_path / "c.pdf"
    assert run("--data-dir", data_dir, "plan", second[:8], "-o", c).returncode == 0
    # Kept exactly as written: the file's SHA-256 is the stored document's.
    assert [(n, how, sha) for n, how, sha in stored(data_dir, demo.family_id)] == [
        (2, "cli", hashlib.sha256(c.read_bytes()).hexdigest()),
        (1, "cli", hashlib.sha256(a.read_bytes()).hexdigest()),
    ]

    listing = run("--data-dir", data_dir, "plans", family)
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    assert lines[0] == "Planer givet til 'Familien Holm (demo)', nyeste først:"
    assert lines[1].split()[0] == "2" and lines[2].split()[0] == "1"
    assert "2026-10-09 10:00" in lines[2] and "kommandolinjen" in lines[2]
    assert "kB" in lines[1]

    b = tmp_path / "b.pdf"
    got = run("--data-dir", data_dir, "plans", family, "--get", "1", "-o", b)
    assert got.returncode == 0, got.stderr
    assert got.stdout == f"Plan nummer 1 til 'Familien Holm (demo)' er gemt i {b}.\n"
    assert b.read_bytes() == a.read_bytes()
    log = run("--data-dir", data_dir, "log", family).stdout.splitlines()
    assert log[0].split()[2] == "plan_reprint"

    english = run("--data-dir", data_dir, "plans", family, env={"FAMILYMEETING_LANG": "en"})
    assert english.stdout.splitlines()[0] == (
        "Plans given to 'Familien Holm (demo)', newest first:"
    )
    assert "command line" in english.stdout


@pytest.mark.parametrize("lang", ["da", "en"])
def test_mistakes_are_one_line_and_change_nothing(
    run: Run, demo: DemoData, data_dir: Path, tmp_path: Path, lang: str
) -> None:
    first = meetings(data_dir, demo.family_id)[0]
    assert run("--data-dir", data_dir, "plan", first[:8], "-o", tmp_path / "a.pdf").returncode == 0
    family = demo.family_id[:8]
    before = file_digest(data_dir / DB_FILENAME)
    env = {"FAMILYMEETING_LANG": lang}
    out = tmp_path / "b.pdf"

    line = refused(run("--data-dir", data_dir, "plans", family, "--get", "7", "-o", out, env=env))
    assert "7" in line and ("plan nummer" in line if lang == "da" else "plan number" in line)
    missing = tmp_path / "no-such-folder" / "b.pdf"
    line = refused(
        run("--data-dir", data_dir, "plans", family, "--get", "1", "-o", missing, env=env)
    )
    assert str(missing) in line
    line = refused(run("--data-dir", data_dir, "plans", family, "--get", "1", env=env))
    assert "-o" in line
    line = refused(run("--data-dir", data_dir, "plans", family, "-o", out, env=env))
    assert "--get" in line

    assert not out.exists() and not missing.parent.exists()
    assert file_digest(data_dir / DB_FILENAME) == before
    assert len(stored(data_dir, demo.family_id)) == 1
