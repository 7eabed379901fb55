"""The bug log: a traceback per entry, rotated so it never grows without end, never raising."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from familymeeting import bugs
from familymeeting.bugs import BACKUP_COUNT, LOG_PATH_PARTS, log_bug, log_path


def failing_deep_inside() -> None:
    raise RuntimeError("a bug in the code")


def caught(fn: Callable[[], object] = failing_deep_inside) -> BaseException:
    try:
        fn()
    except BaseException as exc:
        return exc
    raise AssertionError("did not raise")


def test_the_traceback_goes_to_the_log_in_the_data_dir(data_dir: Path) -> None:
    path = log_bug(data_dir, caught())
    assert path == data_dir / "logs" / "error.log" == log_path(data_dir)
    assert path == data_dir.joinpath(*LOG_PATH_PARTS)
    text = path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError" in text
    assert "failing_deep_inside" in text
    # Each entry starts with a time stamp and the level.
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} ERROR unexpected error", text)


def test_the_exception_being_handled_is_logged_without_an_argument(data_dir: Path) -> None:
    try:
        failing_deep_inside()
    except RuntimeError:
        path = log_bug(data_dir)
    text = path.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "failing_deep_inside" in text


def test_entries_are_appended(data_dir: Path) -> None:
    log_bug(data_dir, caught())
    log_bug(data_dir, caught(lambda: {}["missing"]))
    text = log_path(data_dir).read_text(encoding="utf-8")
    assert text.count("Traceback (most recent call last)") == 2
    assert "RuntimeError" in text and "KeyError" in text


def test_the_log_rotates_and_keeps_three_old_files(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = 4_000
    monkeypatch.setattr(bugs, "MAX_BYTES", limit)
    entry_size = 0
    for _ in range(40):
        log_bug(data_dir, caught())
        entry_size = entry_size or log_path(data_dir).stat().st_size
    assert 200 < entry_size < limit / 2  # several entries fit in one file
    folder = log_path(data_dir).parent
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["error.log"] + [f"error.log.{n}" for n in range(1, BACKUP_COUNT + 1)]
    for path in folder.iterdir():
        assert path.stat().st_size <= limit, path
        # Rotation happens between entries, never in the middle of a traceback.
        text = path.read_text(encoding="utf-8")
        assert text.count("Traceback") == text.count("failing_deep_inside") >= 1
        assert text.rstrip().endswith(
            "builtins.RuntimeError (message left out: it may quote case text)"
        )


def test_a_bigger_limit_is_about_a_megabyte() -> None:
    assert 500_000 <= bugs.MAX_BYTES <= 2_000_000
    assert BACKUP_COUNT == 3


def test_an_unwritable_logs_folder_prints_instead_of_raising(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "logs").write_text("not a folder", encoding="utf-8")
    path = log_bug(data_dir, caught())
    assert path == log_path(data_dir)
    assert (data_dir / "logs").read_text(encoding="utf-8") == "not a folder"
    err = capsys.readouterr().err
    assert "RuntimeError" in err and "failing_deep_inside" in err


def test_a_log_file_that_cannot_be_opened_prints_instead_of_raising(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_path(data_dir).mkdir(parents=True)  # error.log is a folder
    assert log_bug(data_dir, caught()) == log_path(data_dir)
    assert "failing_deep_inside" in capsys.readouterr().err


def test_a_failing_write_prints_instead_of_raising(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full_disk(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bugs._Handler, "doRollover", full_disk)
    monkeypatch.setattr(bugs, "MAX_BYTES", 1)  # every entry asks for a rollover
    log_bug(data_dir, caught())
    err = capsys.readouterr().err
    assert "failing_deep_inside" in err
    assert "Logging error" not in err  # no report about logging itself


def test_no_stderr_at_all_is_fine(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A windowed app on Windows has sys.stderr = None."""
    (data_dir / "logs").write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr("sys.stderr", None)
    log_bug(data_dir, caught())


NAME = "Familien Zanzibar" + "krokodille"  # so no source line shown in a traceback has it


def test_exception_messages_that_may_quote_case_text_are_left_out(data_dir: Path) -> None:
    import sqlite3

    def export_plan(family_name: str) -> None:
        try:
            raise KeyError(family_name)
        except KeyError as exc:
            raise ValueError(f"could not lay out {family_name}") from exc

    try:
        export_plan(NAME)
    except ValueError as exc:
        log_bug(data_dir, exc)
    try:
        sqlite3.connect(":memory:").execute("SELECT * FROM no_such_table")
    except sqlite3.Error as exc:
        log_bug(data_dir, exc)
    text = log_path(data_dir).read_text(encoding="utf-8")
    assert "Zanzibarkrokodille" not in text.replace("raise KeyError(family_name)", "")
    assert "builtins.KeyError (message left out" in text
    assert "builtins.ValueError (message left out" in text
    assert "The above exception led to the following one" in text
    assert "in export_plan" in text  # where it happened is kept
    # The database driver's messages name statements and tables, never values: kept.
    assert "sqlite3.OperationalError: no such table: no_such_table" in text
