"""The pseudonymous statistics file (docs/statistics.md): its columns and the rules that
turn a case into rows without names, free text, birth years, exact dates or ids.

Plain Python (no Qt, no SQL, no DuckDB): ``storage/statistics.py`` reads the database and
writes the rows as Parquet; ``storage/team_report_data.py`` reads any number of files back
with DuckDB; ``export/team_report.py`` draws the report. The columns here are the
allowlist: a file with another column is not ours (tests compare the file to this list).

One file holds one long table; ``record`` says what a row is:

- ``pace``: one duration of a case, in days: ``concern_to_decision`` or
  ``decision_to_help``; ``quarter`` is the quarter the duration ended in. A row per
  family (``person`` empty: the family's own dates) and per child (the child's own
  dates, else the family's, as on the case timeline).
- ``activity``: a family's meetings held and plans given in one quarter (rows only
  for quarters with at least one).
- ``rating``: one person's answer to one rating question at one meeting (``value``
  empty: the person was asked and did not answer).
- ``feedback``: one of a child's own feedback answers on a meeting (``question`` is
  the feedback item's key).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

# The file's schema version (column ``schema_version``): raised when a column is added,
# removed or changes meaning; the report refuses files of a version it does not know.
SCHEMA_VERSION = 1

# Any figure describing fewer families or children than this is shown as "< 5".
MIN_CELL = 5

# A team key is this many random bytes; keyed hashes are cut to KEY_HEX_CHARS hex digits
# (128 bits: no collisions in any municipality, and short enough to read in a file).
TEAM_KEY_BYTES = 32
KEY_HEX_CHARS = 32

# Questions not among the defaults are all "custom": their wording never leaves.
CUSTOM_QUESTION = "custom"


class RecordKind(StrEnum):
    PACE = "pace"
    ACTIVITY = "activity"
    RATING = "rating"
    FEEDBACK = "feedback"


class Measure(StrEnum):
    CONCERN_TO_DECISION = "concern_to_decision"
    DECISION_TO_HELP = "decision_to_help"


class AgeBand(StrEnum):
    """A child's age at the meeting, in bands wide enough not to single anyone out."""

    UNDER_6 = "0-5"
    AGE_6_9 = "6-9"
    AGE_10_12 = "10-12"
    AGE_13_15 = "13-15"
    AGE_16_17 = "16-17"
    ADULT = "adult"  # every participant who is not a child, whatever the age
    UNKNOWN = "unknown"  # a child without a birth year


@dataclass(frozen=True)
class StatColumn:
    name: str
    sql_type: str  # DuckDB's type name, as written to the Parquet file
    meaning: str


# The allowlist, in file order. docs/statistics.md describes the same columns.
COLUMNS: tuple[StatColumn, ...] = (
    StatColumn("schema_version", "INTEGER", "this file's schema version (SCHEMA_VERSION)"),
    StatColumn(
        "installation",
        "VARCHAR",
        "keyed hash of a random id made once per data folder: drops repeated exports",
    ),
    StatColumn("export_number", "INTEGER", "1, 2, 3 … per installation: the newest export wins"),
    StatColumn("quarter", "VARCHAR", "calendar quarter, e.g. 2026Q4"),
    StatColumn("record", "VARCHAR", "pace | activity | rating | feedback"),
    StatColumn("family", "VARCHAR", "keyed hash of the family (same under one team key)"),
    StatColumn("person", "VARCHAR", "keyed hash of the child or adult; empty for a family"),
    StatColumn("role", "VARCHAR", "child | parent | caregiver | network | professional | …"),
    StatColumn("age_band", "VARCHAR", "0-5 | 6-9 | 10-12 | 13-15 | 16-17 | adult | unknown"),
    StatColumn("measure", "VARCHAR", "pace: concern_to_decision | decision_to_help"),
    StatColumn("days", "INTEGER", "pace: the duration in days"),
    StatColumn("meetings", "INTEGER", "activity: meetings held in the quarter"),
    StatColumn("plans", "INTEGER", "activity: plans given to the family in the quarter"),
    StatColumn("question", "VARCHAR", "rating: default question key or 'custom'; feedback: item"),
    StatColumn("meeting_seq", "INTEGER", "rating/feedback: 1 = the family's first meeting"),
    StatColumn("days_since_first", "INTEGER", "rating/feedback: days since the first meeting"),
    StatColumn("value", "INTEGER", "rating/feedback: 1–10; empty = asked, not answered"),
)

COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)


@dataclass(frozen=True)
class StatRow:
    """One row of the file; fields a record kind does not use stay None."""

    quarter: str
    record: RecordKind
    family: str
    person: str | None = None
    role: str | None = None
    age_band: AgeBand | None = None
    measure: Measure | None = None
    days: int | None = None
    meetings: int | None = None
    plans: int | None = None
    question: str | None = None
    meeting_seq: int | None = None
    days_since_first: int | None = None
    value: int | None = None


def quarter_of(day: date) -> str:
    """'2026Q4' for any day of October to December 2026."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def quarter_bounds(quarter: str) -> tuple[date, date]:
    """The first and last day of a quarter written as quarter_of writes it."""
    year, q = int(quarter[:4]), int(quarter[5:])
    if quarter[4] != "Q" or not 1 <= q <= 4:
        raise ValueError(quarter)
    first = date(year, 3 * q - 2, 1)
    last = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return first, date.fromordinal(last.toordinal() - 1)


def age_band(is_child: bool, birth_year: int | None, on_day: date) -> AgeBand:
    """The band of a person's age by birth year at a meeting's date (never the year)."""
    if not is_child:
        return AgeBand.ADULT
    if birth_year is None:
        return AgeBand.UNKNOWN
    age = on_day.year - birth_year
    if age < 6:
        return AgeBand.UNDER_6
    if age < 10:
        return AgeBand.AGE_6_9
    if age < 13:
        return AgeBand.AGE_10_12
    if age < 16:
        return AgeBand.AGE_13_15
    return AgeBand.AGE_16_17


def keyed_hash(team_key: bytes, kind: str, value: str) -> str:
    """HMAC-SHA256 of a database id under the team key, cut to KEY_HEX_CHARS.

    ``kind`` ("family", "person", "installation") keeps the same id from giving the
    same key in two columns. Without the team key nobody can link a key to an id or
    two files of different teams to each other.
    """
    message = f"{kind}:{value}".encode()
    return hmac.new(team_key, message, hashlib.sha256).hexdigest()[:KEY_HEX_CHARS]


def suppressed(count: int) -> bool:
    """True where a figure describes fewer than MIN_CELL families or children."""
    return count < MIN_CELL
