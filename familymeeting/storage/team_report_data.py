"""The team report's figures, read with DuckDB out of any number of statistics files
(docs/statistics.md, "The team report"). No Qt.

Each file is checked first (Parquet at all, exactly the allowlisted columns with their
types, a schema version this program knows), so a foreign, truncated or newer file is
refused with a message naming it. Then one in-memory DuckDB reads them all together,
keeps per (installation, quarter) only the rows of the newest export, and works out
every figure in SQL. Nothing is grouped by installation: figures per laptop would be
figures per caseworker. A figure describing fewer than MIN_CELL families or children is
returned suppressed (numbers None).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
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


def check_file(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Refuse a file that is not a statistics file of a version this program reads."""
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
    source = f"read_parquet({_sql_path(path)})"
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()
        columns = [(str(row[0]), str(row[1])) for row in described]
        names = [name for name, _ in columns]
        if names != list(_TYPES):
            raise UserError("stats_file_not_ours", path=str(path))
        if any(_TYPES[name] != kind for name, kind in columns):
            raise UserError("stats_file_not_ours", path=str(path))
        versions = [
            row[0]
            for row in con.execute(f"SELECT DISTINCT schema_version FROM {source}").fetchall()
        ]
    except duckdb.Error as exc:
        raise UserError("stats_file_damaged", path=str(path)) from exc
    newer = [v for v in versions if v is not None and v > SCHEMA_VERSION]
    if newer:
        raise UserError(
            "stats_file_too_new", path=str(path), found=max(newer), supported=SCHEMA_VERSION
        )
    if any(v != SCHEMA_VERSION for v in versions):
        raise UserError("stats_file_not_ours", path=str(path))


def read_team_report(
    paths: Sequence[Path | str], *, memory_limit: str = "1GB", threads: int | None = None
) -> TeamReport:
    """The report's figures over the files (or globs) in ``paths``.

    Raises UserError naming the first file that is missing, not a statistics file,
    damaged or from a newer version; nothing is read from the others then.
    """
    files = expand_paths(paths)
    config: dict[str, Any] = {"memory_limit": memory_limit}
    if threads is not None:
        config["threads"] = threads
    with duckdb.connect(":memory:", config=config) as con:
        con.execute("SET enable_progress_bar = false")  # it drew on stdout (--text, pipes)
        for path in files:
            check_file(con, path)
        listed = ", ".join(_sql_path(p) for p in files)
        try:
            con.execute(
                # A view: every figure streams the columns it needs from the files
                # (projection pushdown), so the national scale stays within memory_limit.
                "CREATE TEMP VIEW raw AS SELECT * FROM "
                f"read_parquet([{listed}], union_by_name = false)"
            )
            return _figures(con, len(files))
        except duckdb.Error as exc:
            # A file that passed its check and still cannot be read whole is damaged
            # inside (a cut or changed column chunk); DuckDB does not say which.
            raise UserError("stats_files_damaged", count=len(files)) from exc


def _figures(con: duckdb.DuckDBPyConnection, files: int) -> TeamReport:
    # Per (installation, quarter) only the newest export counts.
    con.execute(
        """
        CREATE TEMP TABLE newest AS
        SELECT installation, quarter, max(export_number) AS export_number
        FROM raw GROUP BY installation, quarter
        """
    )
    dropped_row = con.execute(
        """
        SELECT count(*) FROM (
            SELECT DISTINCT r.installation, r.quarter, r.export_number
            FROM raw r JOIN newest n USING (installation, quarter)
            WHERE r.export_number < n.export_number
        )
        """
    ).fetchone()
    dropped = int(dropped_row[0]) if dropped_row else 0
    con.execute(
        """
        CREATE TEMP VIEW stats AS
        SELECT r.* FROM raw r JOIN newest n USING (installation, quarter, export_number)
        """
    )
    quarters = tuple(
        str(row[0])
        for row in con.execute(
            "SELECT DISTINCT quarter FROM stats WHERE quarter IS NOT NULL ORDER BY quarter"
        ).fetchall()
    )
    return TeamReport(
        files=files,
        repeated_exports_dropped=dropped,
        quarters=quarters,
        pace=_pace(con),
        movement=_movement(con),
        feedback=_feedback(con),
        activity=_activity(con),
    )


def _hidden(*counts: int) -> bool:
    return any(count < MIN_CELL for count in counts)


def _pace(con: duckdb.DuckDBPyConnection) -> tuple[PaceRow, ...]:
    rows = con.execute(
        f"""
        SELECT quarter, measure, count(*), count(DISTINCT family), avg(days),
               quantile_cont(days, 0.5), quantile_cont(days, 0.25), quantile_cont(days, 0.75)
        FROM stats
        WHERE record = '{RecordKind.PACE}' AND coalesce(person, '') = ''
          AND days IS NOT NULL AND measure IS NOT NULL
        GROUP BY quarter, measure
        """
    ).fetchall()
    order = {str(m): i for i, m in enumerate(Measure)}
    out: list[PaceRow] = []
    for quarter, measure, cases, families, mean, median, q1, q3 in rows:
        if measure not in order:
            continue  # a measure this program does not know: not ours to show
        hidden = _hidden(cases, families)
        out.append(
            PaceRow(
                quarter=quarter,
                measure=Measure(measure),
                cases=int(cases),
                mean=None if hidden else float(mean),
                median=None if hidden else float(median),
                q1=None if hidden else float(q1),
                q3=None if hidden else float(q3),
                suppressed=hidden,
            )
        )
    out.sort(key=lambda r: (r.quarter, order[str(r.measure)]))
    return tuple(out)


def _role_group_sql() -> str:
    cases = " ".join(f"WHEN '{role}' THEN '{group}'" for role, group in ROLE_GROUPS.items())
    return f"CASE role {cases} ELSE 'other' END"


def _movement(con: duckdb.DuckDBPyConnection) -> tuple[MovementRow, ...]:
    # One value per person, question kind and meeting (several custom questions at one
    # meeting count as their mean); then first (lowest meeting_seq) and latest.
    rows = con.execute(
        f"""
        WITH answers AS (
            SELECT family, person, question, meeting_seq,
                   avg(value) AS value, any_value(role) AS role, any_value(age_band) AS band
            FROM stats
            WHERE record = '{RecordKind.RATING}' AND value IS NOT NULL
              AND coalesce(person, '') <> '' AND question IS NOT NULL
              AND meeting_seq IS NOT NULL
            GROUP BY family, person, question, meeting_seq
        ),
        people AS (
            SELECT family, person, question,
                   arg_min(value, meeting_seq) AS first_value,
                   arg_max(value, meeting_seq) AS latest_value,
                   arg_max(role, meeting_seq) AS role,
                   arg_max(band, meeting_seq) AS band
            FROM answers
            GROUP BY family, person, question
            HAVING count(*) >= 2
        )
        SELECT question, {_role_group_sql()} AS role_group, coalesce(band, 'unknown'),
               count(*), count(DISTINCT family),
               count(*) FILTER (WHERE latest_value > first_value),
               count(*) FILTER (WHERE latest_value < first_value),
               count(*) FILTER (WHERE latest_value = first_value)
        FROM people
        GROUP BY ALL
        """
    ).fetchall()
    out: list[MovementRow] = []
    for question, group, band, people, families, up, down, same in rows:
        hidden = _hidden(people, families)
        out.append(
            MovementRow(
                question=question,
                role=group,
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


def _feedback(con: duckdb.DuckDBPyConnection) -> tuple[FeedbackRow, ...]:
    # Per child, quarter and item: asked (a row, answered or not); the child's latest
    # answer in the quarter counts once.
    rows = con.execute(
        f"""
        WITH children AS (
            SELECT quarter, question AS item, family, person,
                   arg_max(value, meeting_seq) FILTER (WHERE value IS NOT NULL) AS latest
            FROM stats
            WHERE record = '{RecordKind.FEEDBACK}' AND coalesce(person, '') <> ''
              AND question IS NOT NULL
            GROUP BY quarter, question, family, person
        )
        SELECT quarter, item, count(*), count(DISTINCT family),
               count(latest), count(DISTINCT family) FILTER (WHERE latest IS NOT NULL),
               count(*) FILTER (WHERE latest >= 9), count(*) FILTER (WHERE latest <= 3)
        FROM children
        GROUP BY quarter, item
        """
    ).fetchall()
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
            SELECT quarter, family, sum(coalesce(meetings, 0)) AS meetings,
                   sum(coalesce(plans, 0)) AS plans
            FROM stats
            WHERE record = '{RecordKind.ACTIVITY}'
            GROUP BY quarter, family
        )
        SELECT quarter, count(*), avg(meetings), avg(plans)
        FROM families GROUP BY quarter ORDER BY quarter
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
