"""How one person's answers changed across meetings (plain Python, no Qt, no SQL)."""

from __future__ import annotations

from collections.abc import Sequence


def first_and_latest(values: Sequence[int | None]) -> tuple[int, int] | None:
    """The first and the latest actual answer, skipping "not answered" (None).

    ``[None, 3, None, 7, None]`` gives ``(3, 7)``; a single answer gives it twice
    (``(5, 5)``); no answer at all gives None.
    """
    answers = [v for v in values if v is not None]
    if not answers:
        return None
    return answers[0], answers[-1]


def answer_count(values: Sequence[int | None]) -> int:
    """How many actual answers there are ("not answered" does not count)."""
    return sum(1 for v in values if v is not None)
