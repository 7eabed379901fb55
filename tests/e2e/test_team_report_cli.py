"""``familymeeting team-report FILES -o report.pdf`` and ``--text``: the installed command.

Contract: it reads only the statistics files it is given (no data folder, no password,
no lock), writes the report atomically by the CLI's one output rule, and refuses a file
that is not a statistics file of a version it knows with one line naming it, exit 2,
and no output file (an older one stays as it was).
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import duckdb
import pytest
from conftest import Runner
from pypdf import PdfReader
from team_stats_fixture import Q3, write_team_files

from familymeeting.domain.statistics import SCHEMA_VERSION, RecordKind, StatRow
from familymeeting.storage.folder_lock import LOCK_FILENAME, FolderLock
from familymeeting.storage.stats_file import create_table_sql, fill_table

NO_PASSWORD = {"FAMILYMEETING_PASSWORD": None}


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "stats"
    folder.mkdir()
    return write_team_files(folder)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))


def test_the_report_from_a_glob_needs_no_data_and_no_password(
    run: Runner, files: list[Path], tmp_path: Path, work_dir: Path
) -> None:
    out = tmp_path / "report.pdf"
    result = run("team-report", str(files[0].parent / "*.parquet"), "-o", out, env=NO_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Teamrapporten er gemt i {out} (")
    text = pdf_text(out)
    assert "3. kvt. 2026 bekymring til beslutning 6 41,7 35,0 22,5 – 47,5" in text
    assert "4. kvt. 2026 bekymring til beslutning < 5 < 5 < 5 < 5" in text
    # No data folder was made, and nothing was left beside the report or in the cwd.
    assert not Path(os.environ["FAMILYMEETING_DATA_DIR"]).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["cwd", "report.pdf", "stats"])
    assert list(work_dir.iterdir()) == []


def test_english_and_plain_text(run: Runner, files: list[Path]) -> None:
    result = run("team-report", *files, "--text", "--lang", "en", env=NO_PASSWORD)
    assert result.returncode == 0, result.stderr
    assert "Read from 3 statistics files. 1 repeated export was left out" in result.stdout
    assert "Q3 2026  concern to decision  6         41.7  35.0    22.5 – 47.5" in result.stdout
    english = run("team-report", *files, "--text", env={**NO_PASSWORD, "FAMILYMEETING_LANG": "en"})
    assert english.stdout == result.stdout


def _foreign(path: Path) -> Path:
    with duckdb.connect() as con:
        con.execute(f"COPY (SELECT 1 AS id, 'Ali' AS name) TO '{path}' (FORMAT parquet)")
    return path


def _newer(path: Path) -> Path:
    with duckdb.connect() as con:
        con.execute(create_table_sql())
        fill_table(con, [StatRow(Q3, RecordKind.ACTIVITY, "f1", meetings=1)], "i", 1)
        con.execute(f"UPDATE stats SET schema_version = {SCHEMA_VERSION + 1}")
        con.execute(f"COPY stats TO '{path}' (FORMAT parquet)")
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("foreign", "er ikke en statistikfil fra familymeeting. Intet blev skrevet."),
        ("csv", "er ikke en statistikfil fra familymeeting. Intet blev skrevet."),
        ("truncated", "er beskadiget eller afkortet; eksportér den igen. Intet blev skrevet."),
        ("missing", "findes ikke."),
        ("newer", "er fra en nyere version af familymeeting (statistikversion 2;"),
    ],
)
def test_a_file_that_is_not_ours_is_refused_and_nothing_is_written(
    run: Runner, files: list[Path], tmp_path: Path, kind: str, message: str
) -> None:
    bad = tmp_path / f"{kind}.parquet"
    if kind == "foreign":
        _foreign(bad)
    elif kind == "csv":
        bad.write_text("schema_version,installation,quarter\n1,a,2026Q3\n", encoding="utf-8")
    elif kind == "truncated":
        bad.write_bytes(files[1].read_bytes()[: files[1].stat().st_size // 2])
    elif kind == "newer":
        _newer(bad)
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the report of last quarter")
    result = run("team-report", *files, bad, "-o", out, env=NO_PASSWORD)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("familymeeting: ")
    assert f"{bad} {message}" in result.stderr  # the file by name
    assert "Traceback" not in result.stderr
    assert out.read_bytes() == b"the report of last quarter"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report.pdf")]


def test_the_output_follows_the_one_rule(run: Runner, files: list[Path], tmp_path: Path) -> None:
    result = run("team-report", *files, "-o", tmp_path / "no-such-folder" / "r.pdf")
    assert result.returncode == 2
    assert "findes ikke" in result.stderr
    assert not (tmp_path / "no-such-folder").exists()
    # Either -o or --text, and at least one file.
    assert run("team-report", *files).returncode == 2
    assert run("team-report", "-o", tmp_path / "r.pdf").returncode == 2
    assert not (tmp_path / "r.pdf").exists()


def test_it_runs_beside_the_app_and_never_writes_into_the_data_folder(
    run: Runner, files: list[Path], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with FolderLock(data):  # the app, or another command, owns the data folder
        out = tmp_path / "report.pdf"
        result = run("--data-dir", data, "team-report", *files, "-o", out, env=NO_PASSWORD)
        assert result.returncode == 0, result.stderr
        assert out.exists()
        inside = run("--data-dir", data, "team-report", *files, "-o", data / "r.pdf")
        assert inside.returncode == 2
        assert "i programmets datamappe" in inside.stderr
    assert sorted(p.name for p in data.iterdir()) == [LOCK_FILENAME]
