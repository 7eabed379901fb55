"""``familymeeting team-key`` and ``familymeeting stats-export``, as a user runs them.

Contract (issue 20, docs/statistics.md): a leader makes a team key file (0600, never
overwritten, a fingerprint to read aloud); a caseworker writes the pseudonymous Parquet
file for whole quarters with it; without a team key, or with a bad key file, the export
is one line on stderr, exit 2, and no file; the database is left as it was.
"""

from __future__ import annotations

import shutil
import stat
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol

import duckdb

from familymeeting.domain.statistics import COLUMN_NAMES, quarter_of
from familymeeting.domain.stats_range import previous_quarter

Result = subprocess.CompletedProcess[str]
Run = Callable[..., Result]


class DemoData(Protocol):
    data_dir: Path
    family_id: str


def _copy(demo: DemoData, tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)
    return data_dir


def _team_key(run: Run, path: Path) -> str:
    made = run("team-key", "-o", path, env={"FAMILYMEETING_LANG": "en"})
    assert made.returncode == 0, made.stderr
    fingerprint = made.stdout.split("Its fingerprint is ")[1][:9]
    assert fingerprint[4] == "-"
    return fingerprint


def test_a_leader_makes_a_key_and_a_caseworker_exports_with_it(
    run: Run, demo: DemoData, tmp_path: Path
) -> None:
    data_dir = _copy(demo, tmp_path)
    key = tmp_path / "team.json"
    fingerprint = _team_key(run, key)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    out = tmp_path / "caseload.parquet"
    this = quarter_of(date.today())
    result = run(
        "--data-dir",
        data_dir,
        "stats-export",
        "--team-key",
        key,
        "-o",
        out,
        "--from",
        previous_quarter(this),
        "--to",
        date.today().isoformat(),
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Indlæste teamnøglen {fingerprint}."
    assert lines[1].startswith(
        f"Gemte statistikken for {previous_quarter(this)} til {this} i {out}"
    )
    assert "eksport nummer 1" in lines[1]
    with duckdb.connect() as con:
        rel = con.sql(f"SELECT * FROM read_parquet('{out}')")
        assert tuple(rel.columns) == COLUMN_NAMES
        records = dict(
            con.sql(f"SELECT record, count(*) FROM read_parquet('{out}') GROUP BY 1").fetchall()
        )
    assert records.get("rating", 0) > 20 and records.get("feedback", 0) == 10
    # The key stays loaded: the next export needs no file, and counts on.
    again = run(
        "--data-dir",
        data_dir,
        "stats-export",
        "-o",
        out,
        "--from",
        this,
        env={"FAMILYMEETING_LANG": "en"},
    )
    assert again.returncode == 0, again.stderr
    assert "export number 2" in again.stdout and "Loaded" not in again.stdout
    log = run("--data-dir", data_dir, "log", env={"FAMILYMEETING_LANG": "en"})
    assert "export_statistics" in log.stdout and "team_key" in log.stdout


def test_a_team_key_file_is_never_overwritten(run: Run, tmp_path: Path) -> None:
    key = tmp_path / "team.json"
    _team_key(run, key)
    before = key.read_bytes()
    again = run("team-key", "-o", key, env={"FAMILYMEETING_LANG": "en"})
    assert again.returncode == 2
    assert again.stdout == ""
    assert "exists already" in again.stderr and len(again.stderr.splitlines()) == 1
    assert key.read_bytes() == before


def test_without_a_team_key_the_export_refuses_and_writes_nothing(
    run: Run, demo: DemoData, tmp_path: Path
) -> None:
    data_dir = _copy(demo, tmp_path)
    out = tmp_path / "s.parquet"
    result = run("--data-dir", data_dir, "stats-export", "-o", out)
    assert result.returncode == 2
    assert "teamnøgle" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "data"]
    english = run(
        "--data-dir", data_dir, "stats-export", "-o", out, env={"FAMILYMEETING_LANG": "en"}
    )
    assert english.returncode == 2 and "No team key is loaded" in english.stderr


def test_a_bad_key_file_refuses_with_exit_2(run: Run, demo: DemoData, tmp_path: Path) -> None:
    data_dir = _copy(demo, tmp_path)
    out = tmp_path / "s.parquet"
    for content in (
        b"",
        b'{"format": "familymeeting-team-key", "version": 1, "key": "0a',
        b"PK\x03\x04",
    ):
        bad = tmp_path / "bad.json"
        bad.write_bytes(content)
        result = run(
            "--data-dir",
            data_dir,
            "stats-export",
            "--team-key",
            bad,
            "-o",
            out,
            env={"FAMILYMEETING_LANG": "en"},
        )
        assert result.returncode == 2, result.stderr
        assert "not a familymeeting team key file" in result.stderr
        assert not out.exists()
    missing = run(
        "--data-dir", data_dir, "stats-export", "--team-key", tmp_path / "nope.json", "-o", out
    )
    assert missing.returncode == 2 and "teamnøglefilen" in missing.stderr.casefold()
    assert not out.exists()


def test_a_bad_quarter_refuses_before_anything(run: Run, demo: DemoData, tmp_path: Path) -> None:
    data_dir = _copy(demo, tmp_path)
    out = tmp_path / "s.parquet"
    result = run("--data-dir", data_dir, "stats-export", "-o", out, "--from", "sidste år")
    assert result.returncode == 2
    assert "--from" in result.stderr and "kvartal" in result.stderr
    backwards = run(
        "--data-dir", data_dir, "stats-export", "-o", out, "--from", "2026Q3", "--to", "2026Q1"
    )
    assert backwards.returncode == 2 and "baglæns" in backwards.stderr
    assert not out.exists()


def test_an_export_into_a_missing_folder_is_refused(
    run: Run, demo: DemoData, tmp_path: Path
) -> None:
    data_dir = _copy(demo, tmp_path)
    key = tmp_path / "team.json"
    _team_key(run, key)
    out = tmp_path / "no-such-folder" / "s.parquet"
    result = run("--data-dir", data_dir, "stats-export", "--team-key", key, "-o", out)
    assert result.returncode == 2
    assert str(out) in result.stderr
    assert not out.parent.exists()
