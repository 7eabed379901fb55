"""The team report's figures, read with DuckDB out of any number of statistics files
(docs/statistics.md, "The team report"). No Qt.

All files are checked first (Parquet at all, exactly the allowlisted columns with their
types, a schema version this program knows), so a foreign, truncated or newer file is
refused with a message naming it. A first pass over four small columns finds per
(installation, quarter) the newest export; a second and last pass reads only that
export's rows, with the columns the figures need, into a compact compressed in-memory
table; every figure is worked out from it in SQL. Nothing is grouped by installation:
figures per laptop would be figures per caseworker. A figure describing fewer than
MIN_CELL families or children is returned suppressed (numbers None).
"""

from __future__ import annotations

import glob
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from familymeeting.domain.errors import UserError
from familymeeting.domain.feedback import FEEDBACK_ITEMS
from familymeeting.domain.statistics import (
    COLUMNS,
    CUSTOM_QUESTION,
    MIN_CELL,
    SCHEMA_VERSION,
    AgeBand,
    Measure,
    RecordKind,
)
from familymeeting.domain.team_report import (
    ActivityRow,
    FeedbackRow,
    MovementRow,
    PaceRow,
    TeamReport,
)
from familymeeting.messages import os_error_reason

PARQUET_MAGIC = b"PAR1"

# The role groups of the ratings movement (docs/statistics.md): a parent and a
# caregiver both bring up the child; the caseworker is one of the professionals.
ROLE_GROUPS: dict[str, str] = {
    "child": "child",
    "parent": "parent",
    "caregiver": "parent",
    "network": "network",
    "professional": "professional",
    "caseworker": "professional",
}
# The default questions in the order a meeting asks them (domain/defaults.py's keys);
# another kind after them, "custom" last.
QUESTION_ORDER: tuple[str, ...] = ("home", "safety_scale", "confidence")
GROUP_ORDER: tuple[str, ...] = ("child", "parent", "network", "professional", "other")
BAND_ORDER: tuple[str, ...] = tuple(str(b) for b in AgeBand)

# DuckDB's names for the file's types as DESCRIBE reports them.
_TYPES = {c.name: c.sql_type for c in COLUMNS}


def expand_paths(paths: Sequence[Path | str]) -> list[Path]:
    """The files named, globs expanded (sorted, each file once, in the order given)."""
    out: list[Path] = []
    seen: set[str] = set()
    for raw in paths:
        text = str(raw)
        if glob.has_magic(text):
            matches = sorted(glob.glob(text))
            if not matches:
                raise UserError("stats_no_match", pattern=text)
        else:
            matches = [text]
        for match in matches:
            key = os.path.abspath(match)
            if key not in seen:
                seen.add(key)
                out.append(Path(match))
    if not out:
        raise UserError("stats_no_files")
    return out


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _check_magic(path: Path) -> None:
    """Refuse a missing file, a folder, or one without Parquet's magic at both ends."""
    if not path.exists():
        raise UserError("file_not_found", path=str(path))
    if path.is_dir():
        raise UserError("stats_file_not_ours", path=str(path))
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - 4))
            tail = fh.read(4)
    except OSError as exc:
        raise UserError(
            "stats_file_unreadable", path=str(path), reason=os_error_reason(exc)
        ) from exc
    if head != PARQUET_MAGIC:
        raise UserError("stats_file_not_ours", path=str(path))
    if tail != PARQUET_MAGIC or size < 12:
        raise UserError("stats_file_damaged", path=str(path))


def _check_versions(path: Path, low: int | None, high: int | None, nulls: int) -> None:
    if high is not None and high > SCHEMA_VERSION:
        raise UserError("stats_file_too_new", path=str(path), found=high, supported=SCHEMA_VERSION)
    if nulls or (low is not None and low != SCHEMA_VERSION):
        raise UserError("stats_file_not_ours", path=str(path))


def check_file(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Refuse a file that is not a statistics file of a version this program reads.

    One file on its own; ``read_team_report`` checks many at once and comes here only
    to name the file DuckDB could not read.
    """
    _check_magic(path)
    source = f"read_parquet({_sql_path(path)})"
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        columns = [(str(row[0]), str(row[1])) for row in described]
        if columns != list(_TYPES.items()):
            raise UserError("stats_file_not_ours", path=str(path))
        found = con.execute(
            "SELECT min(schema_version), max(schema_version), "
            f"count(*) - count(schema_version) FROM {source}"
        ).fetchone()
    except duckdb.Error as exc:
        raise UserError("stats_file_damaged", path=str(path)) from exc
    if found:
        _check_versions(path, found[0], found[1], int(found[2]))


def _name_the_damaged(con: duckdb.DuckDBPyConnection, files: Sequence[Path]) -> UserError:
    """The error for a list DuckDB could not read: the first file that fails alone."""
    for path in files:
        try:
            check_file(con, path)
        except UserError as error:
            return error
    return UserError("stats_files_damaged", count=len(files))


def _check_schemas(con: duckdb.DuckDBPyConnection, files: Sequence[Path], listed: str) -> None:
    """Exactly the allowlisted columns, in order, with their types, in every file: one
    query over all files' footers (parquet_schema), not one per file."""
    expected = ",".join(f"{name}:{kind}" for name, kind in _TYPES.items())
    try:
        rows = con.execute(
            f"""
            SELECT file_name, string_agg(name || ':' || coalesce(duckdb_type, '?'), ','
                                         ORDER BY column_id)
            FROM parquet_schema({listed})
            WHERE column_id > 0  -- the root element, named by the writer
            GROUP BY file_name
            """
        ).fetchall()
    except duckdb.Error:
        raise _name_the_damaged(con, files) from None
    signatures = {str(name): signature for name, signature in rows}
    for path in files:
        signature = signatures.get(str(path))
        if signature is None:
            check_file(con, path)  # DuckDB named it otherwise: check it on its own
        elif signature != expected:
            raise UserError("stats_file_not_ours", path=str(path))


def read_team_report(
    paths: Sequence[Path | str], *, memory_limit: str = "700MB", threads: int | None = None
) -> TeamReport:
    """The report's figures over the files (or globs) in ``paths``.

    Raises UserError naming a file that is missing, not a statistics file, damaged or
    from a newer version; no figure is worked out then. ``memory_limit`` caps DuckDB's
    own buffers; the process stays about 0.1-0.2 GiB above it (Parquet metadata, the
    allocator, Python): at the default, under 1 GiB at national scale.
    """
    files = expand_paths(paths)
    for path in files:
        _check_magic(path)
    config: dict[str, Any] = {"memory_limit": memory_limit}
    if threads is not None:
        config["threads"] = threads
    # DuckDB may spill what does not fit in memory_limit; the rows are pseudonymous but
    # still a team's: only to a folder of this process's own, removed afterwards.
    with (
        tempfile.TemporaryDirectory(prefix="familymeeting-report-") as spill,
        duckdb.connect(":memory:", config=config) as con,
    ):
        con.execute("SET enable_progress_bar = false")  # it drew on stdout (--text, pipes)
        con.execute("SET preserve_insertion_order = false")
        con.execute(f"SET temp_directory = {_sql_path(Path(spill))}")
        # A compressed in-memory database: the rows of the newest exports take about a
        # tenth of their plain size (docs/benchmarks.md).
        con.execute("ATTACH ':memory:' AS report (COMPRESS)")
        con.execute("USE report")
        listed = "[" + ", ".join(_sql_path(p) for p in files) + "]"
        _check_schemas(con, files, listed)
        try:
            sizes, stale_files = _read_exports(con, files, listed)
        except duckdb.Error:
            raise _name_the_damaged(con, files) from None
        try:
            _read_rows(con, files, sizes, stale_files)
            return _figures(con, len(files))
        except duckdb.Error as exc:
            # A file that passed its check and still cannot be read whole is damaged
            # inside (a cut or changed column chunk); DuckDB does not say which.
            raise UserError("stats_files_damaged", count=len(files)) from exc
        finally:
            con.execute("USE memory")
            con.execute("DETACH report")


def _read_exports(
    con: duckdb.DuckDBPyConnection, files: Sequence[Path], listed: str
) -> tuple[list[int], set[int]]:
    """The first pass, over four small columns: per file its exports (installation,
    quarter, export_number) and schema versions. Checks the versions, keeps the newest
    export per (installation, quarter), makes the quarters' ENUM type. Returns each file's
    row count and the indexes of the files with rows that do not count."""
    con.execute(
        f"""
        CREATE TABLE parts AS
        SELECT file_index, installation, quarter, export_number,
               min(schema_version) AS low, max(schema_version) AS high,
               count(*) - count(schema_version) AS nulls, count(*) AS n
        FROM read_parquet({listed})
        GROUP BY file_index, installation, quarter, export_number
        """
    )
    sizes = [0] * len(files)
    versions = con.execute(
        "SELECT file_index, min(low), max(high), sum(nulls), sum(n) FROM parts GROUP BY file_index"
    ).fetchall()
    by_file = {int(index): (low, high, int(nulls)) for index, low, high, nulls, _ in versions}
    for index, *_, n in versions:
        sizes[int(index)] = int(n)
    for index, path in enumerate(files):
        if index in by_file:
            _check_versions(path, *by_file[index])
    con.execute(
        """
        CREATE TABLE newest AS
        SELECT installation, quarter, max(export_number) AS export_number
        FROM parts WHERE installation IS NOT NULL AND quarter IS NOT NULL
        GROUP BY installation, quarter
        """
    )
    quarters = _distinct(con, "SELECT DISTINCT quarter FROM newest")
    con.execute(f"CREATE TYPE quarter_t AS ENUM ({', '.join(_sql_text(q) for q in quarters)})")
    # The files with a row that does not count: an older export, or no key to tell.
    stale = con.execute(
        """
        SELECT DISTINCT p.file_index FROM parts p
        LEFT JOIN newest n USING (installation, quarter)
        WHERE (n.export_number IS NULL OR p.export_number IS NULL
                           OR p.export_number < n.export_number)
        """
    ).fetchall()
    return sizes, {int(row[0]) for row in stale}


def _distinct(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    return sorted({str(row[0]) for row in con.execute(sql).fetchall() if row[0] is not None})


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _texts_sql(texts: Sequence[str]) -> str:
    return ", ".join(_sql_text(t) for t in texts)


def _key_text_sql(texts: bool) -> str:
    """The question or feedback item of code k (and text kx if any row has one)."""
    known = f"[{_texts_sql(KEY_TEXTS)}][k + 1]"
    return f"coalesce({known}, kx)" if texts else known


# Rows per batch of files read in the second pass: each batch is held uncompressed
# until it is checkpointed (about 40 bytes a row), then compressed to about 13.
BATCH_ROWS = 2_000_000
RECORD_CODES = {
    RecordKind.PACE: 0,
    RecordKind.ACTIVITY: 1,
    RecordKind.RATING: 2,
    RecordKind.FEEDBACK: 3,
}
MEASURE_CODES = {str(m): i for i, m in enumerate(Measure)}
GROUP_CODES = {group: i for i, group in enumerate(GROUP_ORDER)}
# The question keys and bands this program knows, as codes: grouping and carrying a
# small integer is far cheaper than a text. Another text keeps its code NULL (question)
# or OTHER_CODE (band) and is carried as text beside it (kx, bx).
KEY_TEXTS = (*QUESTION_ORDER, CUSTOM_QUESTION, *(str(i) for i in FEEDBACK_ITEMS))
KEY_CODES = {text: i for i, text in enumerate(KEY_TEXTS)}
BAND_CODES = {band: i for i, band in enumerate(BAND_ORDER)}
OTHER_CODE = 254


def _code_sql(column: str, codes: dict[str, int], other: int | None = None) -> str:
    cases = " ".join(f"WHEN {_sql_text(str(k))} THEN {v}" for k, v in codes.items())
    rest = f"ELSE CASE WHEN {column} IS NOT NULL THEN {other} END" if other is not None else ""
    return f"CAST(CASE {column} {cases} {rest} END AS UTINYINT)"


def _read_rows(
    con: duckdb.DuckDBPyConnection, files: Sequence[Path], sizes: list[int], stale_files: set[int]
) -> None:
    """The second and last pass: the newest exports' rows with only the columns the
    figures need, keys as 64-bit hashes and texts as small codes, in one compressed
    table. Read in batches of files, each compressed before the next is read. Rows no
    figure counts are left out here (a child's own pace; a rating not answered).

    rec, m, g: record kind, measure and role group codes; q: the quarter as an ENUM; k, b:
    question (or feedback item) and age band codes, kx, bx their texts if not known here;
    f: hash(family); p: hash(family, person, question), NULL for a family's own row (one
    person's answers to one question kind: the per-person groupings have one key); n1:
    days, meetings or meeting_seq; n2: plans or value. 64-bit hashes: at national scale
    (about four million person-question keys) the odds that two collide are below one
    in a million.
    """
    roles = {role: GROUP_CODES[group] for role, group in ROLE_GROUPS.items()}
    con.execute(
        """
        CREATE TABLE rows (
            rec UTINYINT, q quarter_t, f UBIGINT, p UBIGINT, k UTINYINT, kx VARCHAR, m UTINYINT,
            g UTINYINT, b UTINYINT, bx VARCHAR, n1 INTEGER, n2 INTEGER)
        """
    )
    select = f"""
        SELECT {_code_sql("record", {str(k): v for k, v in RECORD_CODES.items()})},
               CAST(quarter AS quarter_t),
               CASE WHEN family IS NOT NULL THEN hash(family) END,
               CASE WHEN coalesce(person, '') <> '' THEN hash(family, person, question) END,
               {_code_sql("question", KEY_CODES)},
               CASE WHEN question NOT IN ({_texts_sql(KEY_TEXTS)}) THEN question END,
               {_code_sql("measure", MEASURE_CODES)},
               {_code_sql("role", roles, GROUP_CODES["other"])},
               {_code_sql("age_band", BAND_CODES, OTHER_CODE)},
               CASE WHEN age_band NOT IN ({_texts_sql(BAND_ORDER)}) THEN age_band END,
               CASE record WHEN '{RecordKind.PACE}' THEN days
                           WHEN '{RecordKind.ACTIVITY}' THEN meetings ELSE meeting_seq END,
               CASE record WHEN '{RecordKind.ACTIVITY}' THEN plans ELSE value END
        FROM read_parquet(%s) {{join}}
        WHERE CASE record
            WHEN '{RecordKind.ACTIVITY}' THEN TRUE
            WHEN '{RecordKind.PACE}' THEN coalesce(person, '') = '' AND days IS NOT NULL
            WHEN '{RecordKind.FEEDBACK}' THEN coalesce(person, '') <> '' AND question IS NOT NULL
            WHEN '{RecordKind.RATING}' THEN coalesce(person, '') <> '' AND question IS NOT NULL
                AND meeting_seq IS NOT NULL AND value IS NOT NULL
            ELSE FALSE END
    """
    # Only a file holding an older export needs the join that drops it: decoding the
    # installation key of every row costs a fifth of the pass.
    for stale in (False, True):
        join = "SEMI JOIN newest USING (installation, quarter, export_number)" if stale else ""
        batch: list[Path] = []
        rows = 0
        for index, (path, size) in enumerate(zip(files, sizes, strict=True)):
            if (index in stale_files) != stale:
                continue
            batch.append(path)
            rows += size
            if rows >= BATCH_ROWS:
                _insert(con, select.format(join=join), batch)
                batch, rows = [], 0
        if batch:
            _insert(con, select.format(join=join), batch)


def _insert(con: duckdb.DuckDBPyConnection, select: str, batch: list[Path]) -> None:
    listed = "[" + ", ".join(_sql_path(p) for p in batch) + "]"
    con.execute("INSERT INTO rows " + select % listed)
    con.execute("CHECKPOINT report")


def _figures(con: duckdb.DuckDBPyConnection, files: int) -> TeamReport:
    # Per (installation, quarter) only the newest export counts; how many were dropped.
    dropped_row = con.execute(
        """
        SELECT count(*) FROM (
            SELECT DISTINCT p.installation, p.quarter, p.export_number
            FROM parts p JOIN newest n USING (installation, quarter)
            WHERE p.export_number < n.export_number
        )
        """
    ).fetchone()
    dropped = int(dropped_row[0]) if dropped_row else 0
    quarters = tuple(_distinct(con, "SELECT DISTINCT quarter FROM newest"))
    rows_row = con.execute("SELECT count(*) FROM rows").fetchone()
    # The ratings and feedback are grouped per person in slices of families, so the
    # grouping's hash table stays small at national scale; families do not cross slices.
    slices = max(1, -(-int(rows_row[0] if rows_row else 0) // SLICE_ROWS))
    # Texts not known here are carried through the groupings only if there are any:
    # each carried column costs the ratings movement about a fifth more time.
    texts_row = con.execute("SELECT count(kx) > 0, count(bx) > 0 FROM rows").fetchone()
    texts = _Texts(*texts_row) if texts_row else _Texts(False, False)
    return TeamReport(
        files=files,
        repeated_exports_dropped=dropped,
        quarters=quarters,
        pace=_pace(con),
        movement=_movement(con, slices, texts),
        feedback=_feedback(con, slices, texts),
        activity=_activity(con),
    )


# Rows of the compact table per slice of families in the per-person groupings.
SLICE_ROWS = 2_500_000


@dataclass(frozen=True)
class _Texts:
    """Whether any row has a question (kx) or an age band (bx) not known here."""

    keys: bool
    bands: bool


def _hidden(*counts: int) -> bool:
    return any(count < MIN_CELL for count in counts)


def _pace(con: duckdb.DuckDBPyConnection) -> tuple[PaceRow, ...]:
    # The families' own durations: pace rows with an empty person; a measure this
    # program does not know has no code (m NULL) and is not ours to show.
    rows = con.execute(
        f"""
        SELECT CAST(q AS VARCHAR), m, count(*), count(DISTINCT f), avg(n1),
               quantile_cont(n1, 0.5), quantile_cont(n1, 0.25), quantile_cont(n1, 0.75)
        FROM rows
        WHERE rec = {RECORD_CODES[RecordKind.PACE]} AND p IS NULL
          AND n1 IS NOT NULL AND m IS NOT NULL
        GROUP BY q, m
        """
    ).fetchall()
    measures = list(Measure)
    out: list[PaceRow] = []
    for quarter, measure, cases, families, mean, median, q1, q3 in rows:
        hidden = _hidden(cases, families)
        out.append(
            PaceRow(
                quarter=quarter,
                measure=measures[measure],
                cases=int(cases),
                mean=None if hidden else float(mean),
                median=None if hidden else float(median),
                q1=None if hidden else float(q1),
                q3=None if hidden else float(q3),
                suppressed=hidden,
            )
        )
    out.sort(key=lambda r: (r.quarter, measures.index(r.measure)))
    return tuple(out)


def _sliced(
    con: duckdb.DuckDBPyConnection, sql: str, slices: int, keys: int
) -> list[tuple[Any, ...]]:
    """Run ``sql`` (with a ``{slice}`` condition on f) once per slice of families and
    add up its counts (every column after the first ``keys``) per key. Exact for
    count(DISTINCT f) too: a family is in one slice only."""
    totals: dict[tuple[Any, ...], list[int]] = {}
    for index in range(slices):
        where = "TRUE" if slices == 1 else f"f % {slices} = {index}"
        for row in con.execute(sql.format(slice=where)).fetchall():
            counts = totals.setdefault(tuple(row[:keys]), [0] * (len(row) - keys))
            for i, value in enumerate(row[keys:]):
                counts[i] += int(value)
    return [(*key, *counts) for key, counts in totals.items()]


def _movement(
    con: duckdb.DuckDBPyConnection, slices: int, texts: _Texts
) -> tuple[MovementRow, ...]:
    kx = ", any_value(kx) AS kx" if texts.keys else ""
    bx = ", any_value(bx) AS bx" if texts.bands else ""
    latest_bx = ", arg_max(bx, seq) AS bx" if texts.bands else ""
    other_band = f"WHEN b = {OTHER_CODE} THEN bx" if texts.bands else ""
    # One value per person, question kind and meeting (several custom questions at one
    # meeting count as their mean); then first (lowest meeting_seq) and latest.
    rows = _sliced(
        con,
        f"""
        WITH answers AS (
            SELECT p, n1 AS seq, any_value(f) AS f, any_value(k) AS k {kx},
                   avg(n2) AS value, any_value(g) AS g, any_value(b) AS b {bx}
            FROM rows
            WHERE rec = {RECORD_CODES[RecordKind.RATING]} AND n2 IS NOT NULL
              AND p IS NOT NULL AND (k IS NOT NULL OR kx IS NOT NULL) AND n1 IS NOT NULL
              AND {{slice}}
            GROUP BY p, n1
        ),
        people AS (
            SELECT any_value(f) AS f, any_value(k) AS k {kx},
                   arg_min(value, seq) AS first_value,
                   arg_max(value, seq) AS latest_value,
                   arg_max(g, seq) AS g,
                   arg_max(b, seq) AS b {latest_bx}
            FROM answers
            GROUP BY p
            HAVING count(*) >= 2
        )
        SELECT {_key_text_sql(texts.keys)}, coalesce(g, {GROUP_CODES["other"]}),
               CASE WHEN b IS NULL THEN 'unknown' {other_band}
                    ELSE [{_texts_sql(BAND_ORDER)}][b + 1] END,
               count(*), count(DISTINCT f),
               count(*) FILTER (WHERE latest_value > first_value),
               count(*) FILTER (WHERE latest_value < first_value),
               count(*) FILTER (WHERE latest_value = first_value)
        FROM people
        GROUP BY ALL
        """,
        slices,
        keys=3,
    )
    out: list[MovementRow] = []
    for question, group, band, people, families, up, down, same in rows:
        hidden = _hidden(people, families)
        out.append(
            MovementRow(
                question=question,
                role=GROUP_ORDER[group],
                age_band=band,
                people=int(people),
                up=None if hidden else up / people,
                down=None if hidden else down / people,
                same=None if hidden else same / people,
                suppressed=hidden,
            )
        )

    def order(row: MovementRow) -> tuple[Any, ...]:
        return (
            row.question == CUSTOM_QUESTION,
            _index(QUESTION_ORDER, row.question),
            row.question,
            _index(GROUP_ORDER, row.role),
            _index(BAND_ORDER, row.age_band),
            row.age_band,
        )

    out.sort(key=order)
    return tuple(out)


def _index(order: tuple[str, ...], value: str) -> int:
    return order.index(value) if value in order else len(order)


def _feedback(
    con: duckdb.DuckDBPyConnection, slices: int, texts: _Texts
) -> tuple[FeedbackRow, ...]:
    kx = ", any_value(kx) AS kx" if texts.keys else ""
    # Per child, quarter and item: asked (a row, answered or not); the child's latest
    # answer in the quarter counts once.
    rows = _sliced(
        con,
        f"""
        WITH children AS (
            SELECT q, any_value(k) AS k {kx}, any_value(f) AS f,
                   arg_max(n2, n1) FILTER (WHERE n2 IS NOT NULL) AS latest
            FROM rows
            WHERE rec = {RECORD_CODES[RecordKind.FEEDBACK]} AND p IS NOT NULL
              AND (k IS NOT NULL OR kx IS NOT NULL) AND {{slice}}
            GROUP BY q, p
        )
        SELECT CAST(q AS VARCHAR), {_key_text_sql(texts.keys)}, count(*), count(DISTINCT f),
               count(latest), count(DISTINCT f) FILTER (WHERE latest IS NOT NULL),
               count(*) FILTER (WHERE latest >= 9), count(*) FILTER (WHERE latest <= 3)
        FROM children
        GROUP BY ALL
        """,
        slices,
        keys=2,
    )
    items = tuple(str(i) for i in FEEDBACK_ITEMS)
    out: list[FeedbackRow] = []
    for quarter, item, children, families, answered, answering_families, high, low in rows:
        # Shares of fewer than five answers would tell what one child said.
        hidden = _hidden(children, families, answered, answering_families)
        out.append(
            FeedbackRow(
                quarter=quarter,
                item=item,
                children=int(children),
                high=None if hidden else high / answered,
                low=None if hidden else low / answered,
                suppressed=hidden,
            )
        )
    out.sort(key=lambda r: (r.quarter, _index(items, r.item), r.item))
    return tuple(out)


def _activity(con: duckdb.DuckDBPyConnection) -> tuple[ActivityRow, ...]:
    rows = con.execute(
        f"""
        WITH families AS (
            SELECT q, f, sum(coalesce(n1, 0)) AS meetings, sum(coalesce(n2, 0)) AS plans
            FROM rows
            WHERE rec = {RECORD_CODES[RecordKind.ACTIVITY]}
            GROUP BY q, f
        )
        SELECT CAST(q AS VARCHAR), count(*), avg(meetings), avg(plans)
        FROM families GROUP BY q ORDER BY q
        """
    ).fetchall()
    out: list[ActivityRow] = []
    for quarter, families, meetings, plans in rows:
        hidden = _hidden(families)
        out.append(
            ActivityRow(
                quarter=quarter,
                families=int(families),
                meetings_per_family=None if hidden else float(meetings),
                plans_per_family=None if hidden else float(plans),
                suppressed=hidden,
            )
        )
    return tuple(out)


__all__ = ["ROLE_GROUPS", "check_file", "expand_paths", "read_team_report"]
