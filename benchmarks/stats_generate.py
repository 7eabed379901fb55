"""Synthetic statistics files (docs/statistics.md) at team, municipal and national scale.

Written directly as Parquet with DuckDB (never through thousands of databases), in the
columns and types of ``domain.statistics.COLUMNS`` and nothing else::

    python benchmarks/stats_generate.py --municipality            # 50 caseworkers x 40 families
    python benchmarks/stats_generate.py --national                # 98 municipalities' worth
    python benchmarks/stats_generate.py --municipality --scale 0.1   # 5 caseworkers, quick

Seeded, so the same arguments always give the same rows. What a laptop would export:

- families of 1-4 children and 1-3 adults (parent, parent or caregiver, network or a
  professional); a case opens somewhere in the three years 2024-2026, the days from
  concern to decision and from decision to help drift from the trial's "before"
  figures to its "after" figures (TRIAL_REFERENCE_DAYS: 111 -> 49, 34 -> 22) with a
  gamma spread, a child's own dates now and then a little off the family's;
- meetings every 4-10 weeks from shortly after the concern until the case closes
  (2-18 months after help started), most of them giving a plan;
- at each meeting the three default questions by key ("home" for everyone of 6 or
  more, "safety_scale" for the adults, "confidence" for everyone of 6 or more) and in a
  quarter of the families a custom one for the adults; the answers start low and trend
  up a little, about 5 % asked and not answered;
- the children's own feedback (domain/feedback.py's five items) from children of 6 or
  more at most meetings they attend, mostly high, about 5 % not answered;
- one file per caseworker per year (``--per year``, the default), per quarter, or
  one for the three years (``--per all``); about one caseworker in ten exported a year
  twice: an earlier file (lower export_number, the year so far, some rows not yet
  typed) beside the final one, which the report must drop. ``--per municipality``
  writes one file per municipality instead, every laptop's rows together, each with its
  own installation (as a municipality would pass its files on; no repeated exports).

The files go to ``--out`` (default ``/tmp/familymeeting-bench/stats-<shape>-<scale>-seed
<seed>``), reused when its ``stats.json`` says the same arguments and version.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

import duckdb

from familymeeting.domain.feedback import FEEDBACK_ITEMS
from familymeeting.domain.statistics import (
    COLUMNS,
    CUSTOM_QUESTION,
    SCHEMA_VERSION,
    Measure,
    RecordKind,
    age_band,
    keyed_hash,
    quarter_of,
)
from familymeeting.domain.team_report import TRIAL_REFERENCE_DAYS
from familymeeting.storage.stats_file import create_table_sql

GENERATOR_VERSION = 1
FIRST_DAY = date(2024, 1, 1)
LAST_DAY = date(2026, 12, 31)
YEARS = (2024, 2025, 2026)
CASEWORKERS = 50  # per municipality
FAMILIES = 40  # per caseworker, over the three years
MUNICIPALITIES = 98

# The default questions' keys (domain/defaults.py) and who answers them.
HOME, SAFETY, CONFIDENCE = "home", "safety_scale", "confidence"

SHAPES = ("municipality", "national")
PERS = ("year", "quarter", "all", "municipality")


@dataclass(frozen=True)
class Manifest:
    """What ``stats.json`` records beside the files."""

    version: int
    shape: str
    scale: float
    seed: int
    per: str
    municipalities: int
    caseworkers: int  # in all
    families: int
    files: int
    repeated_files: int
    rows: dict[str, int]  # per record kind, in the final files (early repeats not counted)
    bytes: int
    seconds: float


def default_out(shape: str, scale: float, seed: int, per: str) -> Path:
    return Path(f"/tmp/familymeeting-bench/stats-{shape}-{scale:g}-{per}-seed{seed}")


def size_of(shape: str, scale: float) -> tuple[int, int]:
    """(municipalities, caseworkers per municipality) for a shape at a scale."""
    if shape == "municipality":
        return 1, max(1, round(CASEWORKERS * scale))
    return max(1, round(MUNICIPALITIES * scale)), CASEWORKERS


def _gamma(rng: random.Random, mean: float, shape: float = 4.0) -> int:
    return max(1, round(rng.gammavariate(shape, mean / shape)))


def _pace_means(day: date) -> tuple[float, float]:
    """The trial's before -> after averages, reached one and a half years in."""
    progress = max(0.0, min(1.0, (day - FIRST_DAY).days / 548))
    c2d = TRIAL_REFERENCE_DAYS[Measure.CONCERN_TO_DECISION]
    d2h = TRIAL_REFERENCE_DAYS[Measure.DECISION_TO_HELP]
    return (
        c2d[0] + (c2d[1] - c2d[0]) * progress,
        d2h[0] + (d2h[1] - d2h[0]) * progress,
    )


class Rows:
    """The file's columns as one list each (COLUMNS order after the three fixed ones)."""

    def __init__(self) -> None:
        self.cols: list[list[object]] = [[] for _ in COLUMNS[3:]]
        self.owner: list[int] = []  # caseworker index of each row: which file it goes to

    def add(self, owner: int, row: tuple[object, ...]) -> None:
        self.owner.append(owner)
        for col, value in zip(self.cols, row, strict=True):
            col.append(value)

    def __len__(self) -> int:
        return len(self.owner)


def _clamp(value: float) -> int:
    return max(1, min(10, round(value)))


def _family(rng: random.Random, rows: Rows, owner: int, team_key: bytes, family_id: str) -> None:
    """Every row one family's laptop would export over the three years."""
    family = keyed_hash(team_key, "family", family_id)
    # Some cases were already open when the period began: their early rows are left out.
    concern = FIRST_DAY + timedelta(days=rng.randrange(-240, 1000))
    c2d_mean, d2h_mean = _pace_means(concern)
    decision = concern + timedelta(days=_gamma(rng, c2d_mean))
    help_start = decision + timedelta(days=_gamma(rng, d2h_mean))
    closing = help_start + timedelta(days=rng.randrange(60, 540))

    adults: list[tuple[str, str]] = [(keyed_hash(team_key, "person", f"{family_id}-a0"), "parent")]
    for i in range(1, rng.choice((1, 2, 2, 3))):
        role = (
            rng.choice(("parent", "parent", "caregiver"))
            if i == 1
            else rng.choice(("network", "network", "professional"))
        )
        adults.append((keyed_hash(team_key, "person", f"{family_id}-a{i}"), role))
    children: list[tuple[str, int]] = []
    for i in range(rng.choice((1, 1, 2, 2, 3, 4))):
        born = concern.year - rng.randrange(0, 17)
        children.append((keyed_hash(team_key, "person", f"{family_id}-c{i}"), born))

    # Pace: the family's own dates, and each child's (now and then a little off).
    def pace(
        person: str | None, role: str | None, born: int | None, c: date, d: date, h: date
    ) -> None:
        for measure, start, end in (
            ("concern_to_decision", c, d),
            ("decision_to_help", d, h),
        ):
            if not FIRST_DAY <= end <= LAST_DAY:
                continue
            band = None if person is None else str(age_band(True, born, end))
            rows.add(
                owner,
                (quarter_of(end), "pace", family, person, role, band, measure, (end - start).days)
                + (None,) * 6,
            )

    pace(None, None, None, concern, decision, help_start)
    for person, born in children:
        if rng.random() < 0.2:
            own_decision = decision + timedelta(days=rng.randrange(-10, 20))
            own_help = max(own_decision, help_start + timedelta(days=rng.randrange(-5, 30)))
            pace(person, "child", born, concern, max(concern, own_decision), own_help)
        else:
            pace(person, "child", born, concern, decision, help_start)

    # Meetings, every 4-10 weeks until the case closes (or the period ends).
    meetings: list[date] = []
    day = concern + timedelta(days=rng.randrange(5, 22))
    while day <= min(closing, LAST_DAY):
        meetings.append(day)
        day += timedelta(days=rng.randrange(28, 71))
    if not meetings:
        return
    per_quarter: dict[str, list[int]] = {}
    for day in meetings:
        if day < FIRST_DAY:
            continue
        counts = per_quarter.setdefault(quarter_of(day), [0, 0])
        counts[0] += 1
        counts[1] += rng.random() < 0.85
    for quarter, (held, plans) in per_quarter.items():
        rows.add(owner, (quarter, "activity", family) + (None,) * 5 + (held, plans) + (None,) * 4)

    custom = rng.random() < 0.25
    base = {p: rng.uniform(2.5, 6.0) for p, _ in adults + [(c, 0) for c, _ in children]}
    first = meetings[0]
    for seq, day in enumerate(meetings, start=1):
        if day < FIRST_DAY:
            continue
        quarter = quarter_of(day)
        since = (day - first).days
        lift = 0.18 * (seq - 1)
        answering: list[tuple[str, str, str, tuple[str, ...]]] = []
        for person, role in adults:
            if rng.random() < 0.85:
                asked = (HOME, SAFETY, CONFIDENCE) + ((CUSTOM_QUESTION,) if custom else ())
                answering.append((person, role, "adult", asked))
        for person, born in children:
            band = age_band(True, born, day)
            if day.year - born >= 6 and rng.random() < 0.8:
                answering.append((person, "child", str(band), (HOME, CONFIDENCE)))
                if rng.random() < 0.7:
                    for item in FEEDBACK_ITEMS:
                        value = None if rng.random() < 0.05 else _clamp(rng.gauss(8.2, 1.8))
                        rows.add(
                            owner,
                            (quarter, "feedback", family, person, "child", str(band))
                            + (None,) * 4
                            + (str(item), seq, since, value),
                        )
        for person, role, band, asked in answering:
            for question in asked:
                value = (
                    None if rng.random() < 0.05 else _clamp(base[person] + lift + rng.gauss(0, 1.2))
                )
                rows.add(
                    owner,
                    (quarter, "rating", family, person, role, band)
                    + (None,) * 4
                    + (question, seq, since, value),
                )


def _periods(per: str) -> list[tuple[str, str, str]]:
    """(file label, first quarter, last quarter) of each file a caseworker writes."""
    if per == "all":
        return [("2024-2026", "2024Q1", "2026Q4")]
    if per == "year":
        return [(str(y), f"{y}Q1", f"{y}Q4") for y in YEARS]
    return [(f"{y}Q{q}", f"{y}Q{q}", f"{y}Q{q}") for y in YEARS for q in range(1, 5)]


def generate(
    out: Path, shape: str, scale: float = 1.0, seed: int = 2026, per: str = "year"
) -> Manifest:
    """Write the files into ``out`` (made empty first) and ``stats.json``; return it."""
    started = time.perf_counter()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    municipalities, caseworkers = size_of(shape, scale)
    rng = random.Random(seed)
    totals: dict[str, int] = {kind.value: 0 for kind in RecordKind}
    files = repeated = size = families = 0
    rest = ", ".join(f'"{c.name}"' for c in COLUMNS[3:])
    unnests = ", ".join(f"unnest(${i + 1}::{c.sql_type}[])" for i, c in enumerate(COLUMNS[3:]))
    owner_arg = len(COLUMNS) - 2
    with duckdb.connect(":memory:") as con:
        con.execute("SET threads = 1")  # the machine is shared; the writing is small
        for m in range(municipalities):
            team_key = rng.randbytes(32)
            rows = Rows()
            for cw in range(caseworkers):
                for f in range(FAMILIES):
                    _family(rng, rows, cw, team_key, f"m{m}-cw{cw}-f{f}")
                    families += 1
            for kind in rows.cols[1]:
                totals[str(kind)] += 1
            con.execute("DROP TABLE IF EXISTS stats")
            con.execute(create_table_sql().replace(" (", ' ("owner" INTEGER, ', 1))
            con.execute(
                f'INSERT INTO stats ("owner", {rest}) SELECT unnest(${owner_arg}::INTEGER[]), '
                f"{unnests}",
                [*rows.cols, rows.owner],
            )
            if per == "municipality":
                # One file for the municipality's laptops together (as a municipality
                # would pass its files on): each row keeps its laptop's installation.
                laptops = [
                    keyed_hash(team_key, "installation", f"m{m}-cw{c}") for c in range(caseworkers)
                ]
                con.execute(
                    "CREATE OR REPLACE TEMP TABLE laptops (owner INTEGER, installation VARCHAR)"
                )
                con.execute(
                    "INSERT INTO laptops SELECT unnest($1::INTEGER[]), unnest($2::VARCHAR[])",
                    [list(range(caseworkers)), laptops],
                )
                size += _copy(con, out / f"m{m + 1:03d}.parquet", "", 1, "true", merged=True)
                files += 1
                continue
            for cw in range(caseworkers):
                installation = keyed_hash(team_key, "installation", f"m{m}-cw{cw}")
                number = 0
                for label, first_q, last_q in _periods(per):
                    name = f"m{m + 1:03d}-cw{cw + 1:02d}-{label}"
                    if rng.random() < 0.1:
                        # An earlier export of the same period: the period so far, a
                        # few rows not typed yet; the final file supersedes it.
                        number += 1
                        upto = {
                            "year": f"{first_q[:5]}{rng.randrange(1, 4)}",
                            "quarter": first_q,
                            "all": "2026Q2",
                        }[per]
                        sample = rng.randrange(1, 1_000_000)
                        where = (
                            f"owner = {cw} AND quarter BETWEEN '{first_q}' AND '{upto}' "
                            f"AND hash(family || coalesce(person, '') || {sample}) % 10 <> 0"
                        )
                        size += _copy(
                            con, out / f"{name}-early.parquet", installation, number, where
                        )
                        files += 1
                        repeated += 1
                    number += 1
                    where = f"owner = {cw} AND quarter BETWEEN '{first_q}' AND '{last_q}'"
                    size += _copy(con, out / f"{name}.parquet", installation, number, where)
                    files += 1
    manifest = Manifest(
        version=GENERATOR_VERSION,
        shape=shape,
        scale=scale,
        seed=seed,
        per=per,
        municipalities=municipalities,
        caseworkers=municipalities * caseworkers,
        families=families,
        files=files,
        repeated_files=repeated,
        rows=totals,
        bytes=size,
        seconds=round(time.perf_counter() - started, 1),
    )
    (out / "stats.json").write_text(json.dumps(asdict(manifest), indent=2) + "\n")
    return manifest


def _copy(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    installation: str,
    number: int,
    where: str,
    *,
    merged: bool = False,
) -> int:
    """One file: the allowlisted columns in COLUMNS order, as the export writes them
    (``merged``: every laptop's rows, each with its own installation)."""
    select = ", ".join(
        f"{SCHEMA_VERSION}::INTEGER AS schema_version"
        if c.name == "schema_version"
        else "laptops.installation"
        if c.name == "installation" and merged
        else f"'{installation}'::VARCHAR AS installation"
        if c.name == "installation"
        else f"{number}::INTEGER AS export_number"
        if c.name == "export_number"
        else f'"{c.name}"'
        for c in COLUMNS
    )
    source = "stats JOIN laptops USING (owner)" if merged else "stats"
    con.execute(
        f"COPY (SELECT {select} FROM {source} WHERE {where} ORDER BY quarter, record, family) "
        f"TO '{path}' (FORMAT parquet, COMPRESSION zstd)"
    )
    return path.stat().st_size


def cached(out: Path, shape: str, scale: float, seed: int, per: str) -> Manifest | None:
    """The manifest of files already generated with these arguments, else None."""
    try:
        data = json.loads((out / "stats.json").read_text())
    except (OSError, ValueError):
        return None
    manifest = Manifest(**data)
    same = (manifest.version, manifest.shape, manifest.scale, manifest.seed, manifest.per)
    return manifest if same == (GENERATOR_VERSION, shape, scale, seed, per) else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shape = parser.add_mutually_exclusive_group(required=True)
    shape.add_argument("--municipality", action="store_true", help="50 caseworkers x 40 families")
    shape.add_argument("--national", action="store_true", help="98 municipalities' worth")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--per", choices=PERS, default="year", help="one file per caseworker per …")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--force", action="store_true", help="write again even if cached")
    args = parser.parse_args(argv)
    kind = "national" if args.national else "municipality"
    out = args.out or default_out(kind, args.scale, args.seed, args.per)
    manifest = None if args.force else cached(out, kind, args.scale, args.seed, args.per)
    if manifest is None:
        manifest = generate(out, kind, args.scale, args.seed, args.per)
    print(json.dumps({"out": str(out), **asdict(manifest)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
