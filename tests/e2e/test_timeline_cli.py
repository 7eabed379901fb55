"""``familymeeting timeline FAMILY``: the case's key dates per child, as a user runs it.

Contract: per child its dates (the family's unless it has its own), the meetings and
the days between; ``--set``/``--clear`` (with ``--child``) change dates through the
same operation as the app; a refused change is one line on stderr, exit 2, and leaves
the database as it was.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

import pytest
from helpers import file_digest
from passwords import open_database

from familymeeting.domain.enums import CaseDateKind
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

Result = subprocess.CompletedProcess[str]
Run = Callable[..., Result]


class DemoData(Protocol):
    data_dir: Path
    family_id: str


def stored(data_dir: Path, family_id: str) -> set[tuple[str | None, str, date]]:
    db = open_database(data_dir)
    try:
        records = Services(db).list_case_dates(family_id)
        return {(r.participant_id, r.kind, r.on_date) for r in records}
    finally:
        db.close()


def copy_of(demo: DemoData, tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)
    return data_dir


def blocks(stdout: str) -> dict[str, list[str]]:
    """The lines under each child's name (unindented lines after the family's name)."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in stdout.splitlines()[1:]:
        if line.startswith("  "):
            out[current].append(line.strip())
        else:
            current = line
            out[current] = []
    return out


def test_the_demo_familys_timeline_per_child(run: Run, demo: DemoData) -> None:
    result = run("--data-dir", demo.data_dir, "timeline", demo.family_id[:8])
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Familien Holm (demo)"
    children = blocks(result.stdout)
    assert list(children) == ["Emma", "Noah"]
    emma, noah = children["Emma"], children["Noah"]
    assert "fra bekymring til beslutning: 23 dage" in emma
    assert "fra beslutning til hjælp: 9 dage" in emma
    assert "fra bekymring til beslutning: 35 dage" in noah
    assert any(line.startswith("beslutning:") and "(egen dato)" in line for line in noah)
    assert not any("(egen dato)" in line for line in emma)
    assert sum(line.startswith("møder: ") for line in emma) == 1
    assert emma[0].startswith("bekymring modtaget: ")


def test_set_and_clear_a_childs_own_date(run: Run, demo: DemoData, tmp_path: Path) -> None:
    data_dir = copy_of(demo, tmp_path)
    before = stored(data_dir, demo.family_id)
    concern = next(d for p, k, d in before if p is None and k == CaseDateKind.CONCERN)
    day = concern + timedelta(days=30)
    result = run(
        "--data-dir",
        data_dir,
        "timeline",
        demo.family_id[:8],
        "--child",
        "emma",
        "--set",
        f"decision={day.isoformat()}",
        env={"FAMILYMEETING_LANG": "en"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "Saved the case dates."
    emma = blocks("\n".join(result.stdout.splitlines()[1:]))["Emma"]
    assert f"decision: {day.isoformat()}  (own date)" in emma
    assert "from concern to decision: 30 days" in emma
    after = stored(data_dir, demo.family_id)
    assert len(after) == len(before) + 1
    result = run(
        "--data-dir",
        data_dir,
        "timeline",
        demo.family_id[:8],
        "--child",
        "Emma",
        "--clear",
        "decision",
    )
    assert result.returncode == 0, result.stderr
    assert stored(data_dir, demo.family_id) == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--set", "decision=2000-01-01"], ["beslutning (1.1.2000)", "bekymring modtaget"]),
        (["--set", "concern=2999-01-01"], ["1.1.2999"]),
        (["--set", "concern=1.9.2026"], ["1.9.2026"]),
        (["--set", "hearing=2026-01-01"], ["hearing"]),
        (["--child", "Mette (mor)", "--set", "concern=2026-01-01"], ["Mette (mor)"]),
        (["--child", "Ida", "--set", "concern=2026-01-01"], ["Ida"]),
    ],
    ids=["out of order", "future", "not a date", "unknown kind", "not a child", "no such child"],
)
def test_a_refused_change_is_one_line_and_changes_nothing(
    run: Run, demo: DemoData, tmp_path: Path, args: list[str], words: list[str]
) -> None:
    data_dir = copy_of(demo, tmp_path)
    before = file_digest(data_dir / DB_FILENAME)
    result = run("--data-dir", data_dir, "timeline", demo.family_id[:8], *args)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("familymeeting"), result.stderr
    for word in words:
        assert word in lines[0]
    assert file_digest(data_dir / DB_FILENAME) == before


def test_a_family_without_children_or_dates_says_so(run: Run, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert run("--data-dir", data_dir, "list", "--create").returncode == 0
    db = open_database(data_dir)
    try:
        family = Services(db).create_family("Familien Berg")
    finally:
        db.close()
    result = run("--data-dir", data_dir, "timeline", family.id[:8])
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Familien Berg", "Hele familien", "  ingen datoer endnu"]
    result = run("--data-dir", data_dir, "timeline", family.id[:8], "--set", "concern=2026-09-01")
    assert result.returncode == 0, result.stderr
    assert "  bekymring modtaget: 1.9.2026" in result.stdout.splitlines()
    assert stored(data_dir, family.id) == {(None, "concern", date(2026, 9, 1))}
