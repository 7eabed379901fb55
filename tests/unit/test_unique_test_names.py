"""Test modules are collected by basename (tests/ holds no packages): two files of one
name in unit/, gui/ and e2e/ stop the whole run at collection. Caught here by name."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_every_test_module_has_a_name_of_its_own() -> None:
    names = Counter(p.name for p in TESTS.glob("*/test_*.py"))
    assert len(names) > 50  # the glob found the suite
    assert [name for name, n in names.items() if n > 1] == []
