"""Writing the pseudonymous statistics file (docs/statistics.md) with DuckDB's Parquet writer.

The rows come from ``storage/statistics.py`` (a laptop's export) or from the benchmark
generator; the columns are ``domain.statistics.COLUMNS``, in that order, nothing else.
The file is written beside its final name and renamed into place, so a crash or a full
disk leaves the old file or the whole new one (as ``storage/atomic.py`` does for bytes).
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import duckdb

from familymeeting.domain.errors import DiskFullError, UserError
from familymeeting.domain.statistics import COLUMNS, SCHEMA_VERSION, StatRow
from familymeeting.messages import os_error_reason
from familymeeting.storage.atomic import fsync_directory, remove_stale_temp_files

# Parquet's own compression; zstd is smaller than snappy and every reader knows it.
_COPY_OPTIONS = "(FORMAT parquet, COMPRESSION zstd)"


def create_table_sql(table: str = "stats") -> str:
    """CREATE TABLE for the file's columns (used by the writer and the generator)."""
    columns = ", ".join(f'"{c.name}" {c.sql_type}' for c in COLUMNS)
    return f"CREATE TABLE {table} ({columns})"


def _columns_of(rows: Sequence[StatRow], installation: str, export_number: int) -> list[list[Any]]:
    """The rows as one Python list per column, in COLUMNS order."""
    fixed: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "installation": installation,
        "export_number": export_number,
    }
    out: list[list[Any]] = []
    for column in COLUMNS:
        if column.name in fixed:
            out.append([fixed[column.name]] * len(rows))
        else:
            out.append([_plain(getattr(row, column.name)) for row in rows])
    return out


def _plain(value: object) -> object:
    # StrEnum members go in as their text.
    return str(value) if isinstance(value, str) else value


def fill_table(
    con: duckdb.DuckDBPyConnection,
    rows: Iterable[StatRow],
    installation: str,
    export_number: int,
    table: str = "stats",
) -> None:
    """Insert rows into a table made by create_table_sql, one column list each (fast)."""
    listed = list(rows)
    if not listed:
        return
    data = _columns_of(listed, installation, export_number)
    unnests = ", ".join(f"unnest(${i + 1}::{c.sql_type}[])" for i, c in enumerate(COLUMNS))
    con.execute(f"INSERT INTO {table} SELECT {unnests}", data)


def write_stats_file(
    path: Path, rows: Iterable[StatRow], installation: str, export_number: int
) -> int:
    """Write the rows to ``path`` as Parquet, atomically. Returns the number of rows."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    remove_stale_temp_files(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UserError("output_unwritable", path=str(path), reason=os_error_reason(exc)) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    listed = list(rows)
    try:
        with duckdb.connect(":memory:") as con:
            con.execute(create_table_sql())
            fill_table(con, listed, installation, export_number)
            quoted = str(tmp).replace("'", "''")
            con.execute(f"COPY stats TO '{quoted}' {_COPY_OPTIONS}")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_directory(directory)
    except (OSError, duckdb.IOException) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            raise DiskFullError("disk_full") from exc
        if "No space left" in str(exc):
            raise DiskFullError("disk_full") from exc
        reason = os_error_reason(exc) if isinstance(exc, OSError) else str(exc).splitlines()[0]
        raise UserError("output_unwritable", path=str(path), reason=reason) from exc
    return len(listed)
