"""The statistics file as written (storage/stats_file.py): exactly the allowlist, atomically."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from familymeeting.domain.errors import UserError
from familymeeting.domain.statistics import (
    COLUMN_NAMES,
    SCHEMA_VERSION,
    AgeBand,
    Measure,
    RecordKind,
    StatRow,
)
from familymeeting.storage.stats_file import write_stats_file

ROWS = [
    StatRow("2026Q4", RecordKind.PACE, "f1", measure=Measure.CONCERN_TO_DECISION, days=23),
    StatRow("2026Q4", RecordKind.ACTIVITY, "f1", meetings=2, plans=1),
    StatRow(
        "2026Q4",
        RecordKind.RATING,
        "f1",
        person="p1",
        role="child",
        age_band=AgeBand.AGE_10_12,
        question="home",
        meeting_seq=1,
        days_since_first=0,
        value=None,
    ),
]


def test_the_file_holds_the_allowlisted_columns_and_the_rows(tmp_path: Path) -> None:
    out = tmp_path / "caseload-2026Q4.parquet"
    assert write_stats_file(out, ROWS, "inst", 3) == 3
    con = duckdb.connect()
    cols = [d[0] for d in con.execute(f"SELECT * FROM read_parquet('{out}')").description]
    assert tuple(cols) == COLUMN_NAMES
    got = con.execute(
        f"SELECT schema_version, installation, export_number, record, days, meetings, value, "
        f"age_band FROM read_parquet('{out}') ORDER BY record"
    ).fetchall()
    assert got == [
        (SCHEMA_VERSION, "inst", 3, "activity", None, 2, None, None),
        (SCHEMA_VERSION, "inst", 3, "pace", 23, None, None, None),
        (SCHEMA_VERSION, "inst", 3, "rating", None, None, None, "10-12"),
    ]
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temp file left


def test_a_folder_that_cannot_be_written_leaves_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "stats.parquet"
    with pytest.raises(UserError) as caught:
        write_stats_file(out, ROWS, "inst", 1)
    assert caught.value.code == "output_unwritable"
    assert not out.parent.exists()
