"""The statistics file's rules: quarters, age bands and keyed hashes (domain/statistics.py)."""

from __future__ import annotations

from datetime import date

import pytest

from familymeeting.domain.statistics import (
    AgeBand,
    keyed_hash,
    quarter_bounds,
    quarter_of,
    suppressed,
)


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (date(2026, 1, 1), "2026Q1"),
        (date(2026, 3, 31), "2026Q1"),
        (date(2026, 4, 1), "2026Q2"),
        (date(2026, 9, 30), "2026Q3"),
        (date(2026, 12, 31), "2026Q4"),
    ],
)
def test_a_day_falls_in_its_calendar_quarter(day: date, quarter: str) -> None:
    assert quarter_of(day) == quarter
    first, last = quarter_bounds(quarter)
    assert first <= day <= last
    assert quarter_of(first) == quarter_of(last) == quarter


def test_quarter_bounds_refuse_what_is_not_a_quarter() -> None:
    for text in ("2026Q5", "2026Q0", "2026-4", "26Q1"):
        with pytest.raises(ValueError):
            quarter_bounds(text)


def test_age_bands_never_give_the_year() -> None:
    from familymeeting.domain.statistics import age_band

    on = date(2026, 11, 6)
    assert age_band(True, 2021, on) is AgeBand.UNDER_6
    assert age_band(True, 2020, on) is AgeBand.AGE_6_9
    assert age_band(True, 2016, on) is AgeBand.AGE_10_12
    assert age_band(True, 2013, on) is AgeBand.AGE_13_15
    assert age_band(True, 2009, on) is AgeBand.AGE_16_17
    assert age_band(True, None, on) is AgeBand.UNKNOWN
    assert age_band(False, 1985, on) is AgeBand.ADULT


def test_keyed_hashes_link_only_under_the_same_team_key() -> None:
    one, two = b"a" * 32, b"b" * 32
    assert keyed_hash(one, "family", "id-1") == keyed_hash(one, "family", "id-1")
    assert keyed_hash(one, "family", "id-1") != keyed_hash(two, "family", "id-1")
    assert keyed_hash(one, "family", "id-1") != keyed_hash(one, "person", "id-1")
    assert len(keyed_hash(one, "family", "id-1")) == 32


def test_cells_under_five_are_suppressed() -> None:
    assert suppressed(4) and not suppressed(5)
