"""Issue 17, item 11: a mistyped data folder is refused, every -o follows one rule, and
``check`` fails when anything, a backup included, is damaged.

The installed command as a subprocess, over copies of the module's demo data dir.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import DemoData, Runner
from helpers import flip_bytes

from familymeeting.storage.backup import backup_dir

NO_DATA_DA = "Der er ingen familymeeting-data i"


@pytest.fixture
def data(demo: DemoData, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(demo.data_dir, copy)
    return copy


def refused(result: object) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return str(result.stderr)  # type: ignore[attr-defined]


def ok(result: object) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    return str(result.stdout)  # type: ignore[attr-defined]


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ------------------------------------------------------------ a folder without data
@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["log"],
        ["backup"],
        ["check"],
        ["restore"],
        ["restore", "--empty"],
        ["passwd"],
        ["recover"],
        ["import-case", "CASE"],
        ["export-case", "abcdef12", "-o", "OUT/case.json"],
        ["plan", "abcdef12", "-o", "OUT/plan.pdf"],
    ],
)
def test_a_mistyped_data_folder_is_refused_and_nothing_is_made(
    run: Runner, demo: DemoData, tmp_path: Path, command: list[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = [demo.case_file if a == "CASE" else a.replace("OUT", str(out)) for a in command]
    typo = tmp_path / "dtaa"
    line = refused(run("--data-dir", typo, *args))
    assert NO_DATA_DA in line and str(typo) in line
    assert not typo.exists()
    # An existing, empty folder is no data either; nothing is put in it.
    typo.mkdir()
    refused(run("--data-dir", typo, *args))
    assert list(typo.iterdir()) == []
    assert list(out.iterdir()) == []


def test_create_demo_and_the_window_may_start_new_data(run: Runner, tmp_path: Path) -> None:
    asked = tmp_path / "new"
    assert "Ingen familier endnu" in ok(run("--data-dir", asked, "list", "--create"))
    demo_dir = tmp_path / "for-demo"
    assert "demo" in ok(run("--data-dir", demo_dir, "demo"))


# ---------------------------------------------------------------------- -o FILE
def outputs(data: Path, family: str, target: Path) -> list[list[str | Path]]:
    return [
        ["export-case", family, "-o", target.with_suffix(".json")],
        ["plan", "MEETING", "-o", target.with_suffix(".pdf")],
        ["backup", "-o", target.with_suffix(".db")],
    ]


def a_meeting(run: Runner, data: Path) -> str:
    listing = ok(run("--data-dir", data, "list"))
    meeting_lines = [line.split()[0] for line in listing.splitlines() if line.startswith("    ")]
    return meeting_lines[0]


def test_no_output_makes_a_missing_folder(
    run: Runner, data: Path, demo: DemoData, tmp_path: Path
) -> None:
    meeting = a_meeting(run, data)
    target = tmp_path / "not-made" / "out"
    for command in outputs(data, demo.family_id[:8], target):
        args = [meeting if a == "MEETING" else a for a in command]
        line = refused(run("--data-dir", data, *args))
        assert "mappen findes ikke" in line
        assert not target.parent.exists()


def test_no_output_is_written_inside_the_data_folder(
    run: Runner, data: Path, demo: DemoData
) -> None:
    meeting = a_meeting(run, data)
    assert ok(run("--data-dir", data, "backup"))
    (backup,) = backup_dir(data).glob("*.db")
    before = digests(data)
    targets = [
        backup,  # export-case -o over a backup replaced it
        data / "plan",
        data / "backups" / "out",
    ]
    for target in targets:
        for command in outputs(data, demo.family_id[:8], target):
            args = [meeting if a == "MEETING" else a for a in command]
            if target == backup:
                args[-1] = backup
            line = refused(run("--data-dir", data, *args))
            assert "programmets datamappe" in line
    after = digests(data)
    assert {k: v for k, v in after.items() if "logs/" not in k} == {
        k: v for k, v in before.items() if "logs/" not in k
    }


def test_an_existing_file_elsewhere_is_replaced_whole(
    run: Runner, data: Path, demo: DemoData, tmp_path: Path
) -> None:
    meeting = a_meeting(run, data)
    folder = tmp_path / "usb"
    folder.mkdir()
    for command in outputs(data, demo.family_id[:8], folder / "out"):
        args = [meeting if a == "MEETING" else a for a in command]
        target = Path(args[-1])
        target.write_bytes(b"old content")
        ok(run("--data-dir", data, *args))
        assert target.read_bytes() != b"old content" and target.stat().st_size > 100
    assert sorted(p.name for p in folder.iterdir()) == ["out.db", "out.json", "out.pdf"]


# ------------------------------------------------------------------------ check
def test_check_fails_when_a_backup_is_damaged(run: Runner, data: Path) -> None:
    ok(run("--data-dir", data, "backup"))
    assert ok(run("--data-dir", data, "check"))
    (backup,) = backup_dir(data).glob("*.db")
    flip_bytes(backup)
    result = run("--data-dir", data, "check")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "1 beskadiget" in result.stdout
    assert "sikkerhedskopi er beskadiget" in result.stderr
