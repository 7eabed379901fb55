"""The installed ``familymeeting`` command, run as a subprocess like a user would.

Contract under test: a job succeeds with exit code 0; an error the user can cause
is exactly one line on stderr, exit code 2, and leaves the database file exactly
as it was. The first job on a new data dir also prints the recovery code once on
stderr (the password comes from FAMILYMEETING_PASSWORD, set by conftest.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import platformdirs
import pytest
from helpers import file_digest
from passwords import (
    DATA_FILES,
    RECOVERY_CODE,
    db_state,
    open_database,
    recovery_notice,
    set_user_version,
    without_recovery_notice,
)

import familymeeting
from familymeeting.storage.database import APPLICATION_ID
from familymeeting.storage.models import Family
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

Result = subprocess.CompletedProcess[str]
Run = Callable[..., Result]


class DemoData(Protocol):
    """The ``demo`` / ``other_demo`` fixtures (tests/e2e/conftest.py): copy before changing."""

    data_dir: Path
    family_id: str
    case_file: Path


# The offscreen platform's own notice (see CRAFT.md); the only stderr a screenshot may print.
QT_OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints()"

FAMILY_LINE = re.compile(r"^([0-9a-f-]{8,36})  (.+?)  \[(\d+) (\w+)\]")
MEETING_LINE = re.compile(
    r"^    ([0-9a-f-]{8,36})  (\d{4}-\d\d-\d\d \d\d:\d\d)  ([^,]+), (.+?)(?:  .+)?$"
)


# ------------------------------------------------------------------ helpers
def succeeded(result: Result) -> str:
    """stdout of a job that worked; it printed nothing on stderr."""
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    assert result.stderr == ""
    return result.stdout


def first_run(result: Result) -> str:
    """stdout of a job on a new data dir: it worked, and stderr is the recovery code only."""
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    recovery_notice(result.stderr)
    assert without_recovery_notice(result.stderr) == ""
    return result.stdout


def refused(result: Result) -> str:
    """The one stderr line of an error the user caused (exit 2, nothing on stdout)."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].strip(), result.stderr
    assert result.stderr.endswith("\n")
    return lines[0]


def copy_data_dir(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest)
    return dest


def everything_under(path: Path) -> list[str]:
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*"))


def home() -> Path:
    return Path(os.environ["HOME"])


def parse_list(stdout: str) -> list[tuple[re.Match[str], list[re.Match[str]]]]:
    """``list`` output as (family line, meeting lines) matches; fails on any other line."""
    families: list[tuple[re.Match[str], list[re.Match[str]]]] = []
    for line in stdout.splitlines():
        if family := FAMILY_LINE.match(line):
            families.append((family, []))
        elif line in ("    ingen møder", "    no meetings"):
            assert families and not families[-1][1]
        else:
            meeting = MEETING_LINE.match(line)
            assert meeting and families, f"unexpected line in list output: {line!r}"
            families[-1][1].append(meeting)
    return families


# ------------------------------------------------------- version and help
def test_version(run: Run) -> None:
    out = succeeded(run("--version"))
    assert out == f"familymeeting {familymeeting.__version__}\n"


@pytest.mark.parametrize(
    ("command", "mentions"),
    [
        ((), ["--data-dir", "--version", "--screenshot", "demo", "list", "export-case"]),
        (("demo",), ["--data-dir"]),
        (("list",), ["--data-dir", "--all"]),
        (("export-case",), ["--data-dir", "FAMILY", "-o", "--output"]),
        (("import-case",), ["--data-dir", "FILE", "--replace"]),
    ],
    ids=["main", "demo", "list", "export-case", "import-case"],
)
def test_help(run: Run, command: tuple[str, ...], mentions: list[str]) -> None:
    out = succeeded(run(*command, "--help"))
    assert out.startswith(f"usage: familymeeting {' '.join(command)}".rstrip())
    for word in mentions:
        assert word in out
    # Asking for help touches no data.
    assert everything_under(home()) == []


# ----------------------------------------------------------- demo and list
def test_demo_then_list_in_danish(run: Run, data_dir: Path, tmp_path: Path) -> None:
    made = first_run(run("--data-dir", data_dir, "demo"))
    assert "Familien Holm (demo)" in made
    assert "oprettet" in made

    listed = parse_list(succeeded(run("--data-dir", data_dir, "list")))
    assert len(listed) == 1
    family, meetings = listed[0]
    assert family[2] == "Familien Holm (demo)"
    assert family.group(3, 4) == ("7", "deltagere")
    assert len(meetings) == 3
    assert sorted(m[3] for m in meetings) == ["første møde", "opfølgningsmøde", "opfølgningsmøde"]
    assert {m[4] for m in meetings} <= {"planlagt", "i gang", "afsluttet"}
    assert [m[2] for m in meetings] == sorted((m[2] for m in meetings), reverse=True)

    # The ids shown are 8-character prefixes that work as ids: export with the family's.
    assert len(family[1]) == 8
    case_file = tmp_path / "case.json"
    succeeded(run("--data-dir", data_dir, "export-case", family[1], "-o", case_file))
    case = json.loads(case_file.read_bytes())
    assert case["family"]["id"].startswith(family[1])
    meeting_ids = sorted(m["id"] for m in case["meetings"])
    shown = sorted(m[1] for m in meetings)
    assert all(len(s) == 8 for s in shown)
    assert [full[:8] for full in meeting_ids] == shown


def test_list_and_errors_in_english(run: Run, demo: DemoData, tmp_path: Path) -> None:
    data_dir = copy_data_dir(demo.data_dir, tmp_path / "data")
    english = {"FAMILYMEETING_LANG": "en"}

    listed = parse_list(succeeded(run("--data-dir", data_dir, "list", env=english)))
    family, meetings = listed[0]
    assert family.group(3, 4) == ("7", "participants")
    assert sorted(m[3] for m in meetings) == [
        "first meeting",
        "follow-up meeting",
        "follow-up meeting",
    ]
    assert {m[4] for m in meetings} <= {"planned", "in progress", "closed"}

    line = refused(
        run("--data-dir", data_dir, "export-case", "zzz", "-o", tmp_path / "x.json", env=english)
    )
    assert "No family with id 'zzz'" in line


@pytest.mark.parametrize(
    ("env", "said", "helped", "refusal"),
    [
        (
            # No language asked for, and a system language that is neither: Danish.
            {"FAMILYMEETING_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "C"},
            "Ingen sikkerhedskopier endnu i ",
            "Vis sikkerhedskopierne i backups/ i datamappen, nyeste først.",
            "familymeeting: fejl: ",
        ),
        (
            {"FAMILYMEETING_LANG": "en"},
            "No backups yet in ",
            "List the backups in backups/ in the data dir, newest first.",
            "familymeeting: error: ",
        ),
    ],
    ids=["danish-by-default", "english-on-request"],
)
def test_the_command_line_speaks_danish_unless_english_is_asked_for(
    run: Run, data_dir: Path, env: dict[str, str | None], said: str, helped: str, refusal: str
) -> None:
    assert succeeded(run("--data-dir", data_dir, "backups", env=env)).startswith(said)
    assert helped in " ".join(succeeded(run("backups", "--help", env=env)).split())
    assert refused(run("list", "--bogus", env=env)).startswith(refusal)


def test_list_on_an_empty_data_dir(run: Run, data_dir: Path) -> None:
    out = first_run(run("--data-dir", data_dir, "list", "--create"))
    assert out == "Ingen familier endnu. Prøv 'familymeeting demo'.\n"
    assert everything_under(data_dir) == DATA_FILES


def test_list_all_shows_archived_families(run: Run, demo: DemoData, tmp_path: Path) -> None:
    data_dir = copy_data_dir(demo.data_dir, tmp_path / "data")
    db = open_database(data_dir)
    try:
        Services(db).update_family(demo.family_id, archived=True)
    finally:
        db.close()

    hidden = succeeded(run("--data-dir", data_dir, "list"))
    assert hidden == "Ingen aktive familier (1 arkiveret). Se dem med 'familymeeting list --all'.\n"
    out = succeeded(run("--data-dir", data_dir, "list", "--all"))
    assert "Familien Holm (demo)" in out
    assert "(arkiveret)" in out


# ---------------------------------------------------------------- data dir
@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_option_before_or_after_the_command(
    run: Run, tmp_path: Path, work_dir: Path, where: str
) -> None:
    data_dir = tmp_path / "chosen"
    args = ["--data-dir", str(data_dir)]
    out = first_run(
        run(*([*args, "list", "--create"] if where == "before" else ["list", "--create", *args]))
    )
    assert "Ingen familier endnu" in out
    assert everything_under(data_dir) == DATA_FILES
    # Nothing anywhere else: not in the working directory, not in the (isolated) profile,
    # not in FAMILYMEETING_DATA_DIR, which the option overrides.
    assert everything_under(work_dir) == []
    assert everything_under(home()) == []


def test_data_dir_from_environment(run: Run, work_dir: Path) -> None:
    env_dir = Path(os.environ["FAMILYMEETING_DATA_DIR"])
    first_run(run("demo"))
    assert everything_under(env_dir) == DATA_FILES
    assert everything_under(work_dir) == []
    assert everything_under(home()) == sorted(
        p.relative_to(home()).as_posix()
        for p in (env_dir, *(env_dir / name for name in DATA_FILES))
    )


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the profile is isolated through XDG_* here"
)
def test_default_data_dir_is_the_user_data_dir(
    run: Run, work_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FAMILYMEETING_DATA_DIR")
    expected = Path(platformdirs.user_data_dir("familymeeting", appauthor=False))
    assert expected.is_relative_to(home())  # the autouse fixture isolated it
    first_run(run("list", "--create"))
    assert everything_under(expected) == DATA_FILES
    assert everything_under(work_dir) == []


def test_data_dir_with_tilde(run: Run) -> None:
    first_run(run("--data-dir", "~/my-cases", "list", "--create", env={"USERPROFILE": str(home())}))
    assert (home() / "my-cases" / DB_FILENAME).is_file()


def test_data_dir_that_is_a_file_is_refused(run: Run, tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x", encoding="utf-8")
    line = refused(run("--data-dir", not_a_dir, "list"))
    assert str(not_a_dir) in line
    assert not_a_dir.read_text(encoding="utf-8") == "x"


# -------------------------------------------------------------- id prefixes
def test_export_accepts_the_full_id_in_capitals(run: Run, demo: DemoData, tmp_path: Path) -> None:
    out = tmp_path / "case.json"
    succeeded(run("--data-dir", demo.data_dir, "export-case", demo.family_id.upper(), "-o", out))
    assert out.read_bytes() == demo.case_file.read_bytes()


@pytest.mark.parametrize("prefix", ["no-match", ""])
def test_export_with_an_id_that_matches_nothing(
    run: Run, demo: DemoData, tmp_path: Path, prefix: str
) -> None:
    if prefix == "no-match":
        # Same length as a shown id, differing in the first character.
        prefix = ("0" if demo.family_id[0] != "0" else "1") + demo.family_id[1:8]
    before = file_digest(demo.data_dir / DB_FILENAME)
    out = tmp_path / "case.json"
    line = refused(run("--data-dir", demo.data_dir, "export-case", prefix, "-o", out))
    assert f"'{prefix}'" in line
    assert not out.exists()
    assert file_digest(demo.data_dir / DB_FILENAME) == before


def test_ambiguous_prefix_is_refused_and_list_shows_longer_ids(
    run: Run, data_dir: Path, tmp_path: Path
) -> None:
    ids = [f"aaaaaaaa-0000-4000-8000-00000000000{n}" for n in (1, 2)]
    db = open_database(data_dir)  # sets up the test password, as a first run would
    try:
        with db.session() as s:
            for n, family_id in enumerate(ids, start=1):
                s.add(Family(id=family_id, display_name=f"Familien {n}"))
    finally:
        db.close()

    out = tmp_path / "case.json"
    line = refused(run("--data-dir", data_dir, "export-case", "aaaa", "-o", out))
    assert "'aaaa'" in line
    assert "2" in line
    assert not out.exists()

    listed = parse_list(succeeded(run("--data-dir", data_dir, "list")))
    shown = {family[2]: family[1] for family, _meetings in listed}
    assert shown == {"Familien 1": ids[0], "Familien 2": ids[1]}  # unique only in full

    succeeded(run("--data-dir", data_dir, "export-case", shown["Familien 2"], "-o", out))
    assert json.loads(out.read_bytes())["family"]["id"] == ids[1]


# ---------------------------------------------------------------- case files
def test_round_trip_is_byte_identical(run: Run, demo: DemoData, tmp_path: Path) -> None:
    empty = tmp_path / "empty"  # does not exist yet: import creates it
    out = first_run(run("--data-dir", empty, "import-case", demo.case_file, "--create"))
    assert "Familien Holm (demo)" in out
    assert "3 møder" in out

    again = tmp_path / "again.json"
    succeeded(run("--data-dir", empty, "export-case", demo.family_id[:8], "-o", again))
    assert again.read_bytes() == demo.case_file.read_bytes()


def test_a_format_3_case_file_imports_and_comes_back_as_format_4(run: Run, tmp_path: Path) -> None:
    """A case file written before issue 19 (format 3: for_children) reads; exported
    again it is format 4 and says who answers each question."""
    fixture = Path(__file__).parent.parent / "fixtures" / "case-file-v3.json"
    old = json.loads(fixture.read_bytes())
    empty = tmp_path / "empty"
    out = first_run(run("--data-dir", empty, "import-case", fixture, "--create"))
    assert "Familien Holm (demo)" in out
    again = tmp_path / "again.json"
    succeeded(run("--data-dir", empty, "export-case", old["family"]["id"][:8], "-o", again))
    new = json.loads(again.read_bytes())
    assert new["version"] == 5
    flags = [q["for_children"] for q in old["meetings"][0]["questions"]]
    audiences = [q["audience"] for q in new["meetings"][0]["questions"]]
    assert audiences == ["children" if f else "everyone" for f in flags]


def test_importing_a_family_twice_needs_replace(run: Run, demo: DemoData, tmp_path: Path) -> None:
    data_dir = copy_data_dir(demo.data_dir, tmp_path / "data")
    db_file = data_dir / DB_FILENAME
    before = file_digest(db_file)
    content = db_state(data_dir)

    line = refused(run("--data-dir", data_dir, "import-case", demo.case_file))
    assert "--replace" in line
    assert "Familien Holm (demo)" in line
    assert file_digest(db_file) == before
    assert everything_under(data_dir) == DATA_FILES

    succeeded(run("--data-dir", data_dir, "import-case", demo.case_file, "--replace"))
    assert db_state(data_dir) == content  # replaced by the very same rows


def test_import_refuses_ids_that_belong_to_another_family(
    run: Run, demo: DemoData, tmp_path: Path
) -> None:
    data_dir = copy_data_dir(demo.data_dir, tmp_path / "data")
    before = file_digest(data_dir / DB_FILENAME)
    case = json.loads(demo.case_file.read_bytes())
    case["family"]["id"] = "12345678-1234-4234-8234-123456789abc"  # a new family, old people
    copied = tmp_path / "copied.json"
    copied.write_text(json.dumps(case), encoding="utf-8")

    line = refused(run("--data-dir", data_dir, "import-case", copied))
    assert "findes allerede i en anden familie" in line
    assert any(p["id"] in line for p in case["participants"])
    assert file_digest(data_dir / DB_FILENAME) == before


def test_a_good_case_file_imports_into_the_bad_file_database(
    run: Run, demo: DemoData, other_demo: DemoData, tmp_path: Path
) -> None:
    """The control for the bad-file tests: only the defect makes them fail."""
    data_dir = copy_data_dir(other_demo.data_dir, tmp_path / "data")
    out = succeeded(run("--data-dir", data_dir, "import-case", demo.case_file))
    assert "Familien Holm (demo)" in out


def _edited(edit: Callable[[dict[str, Any]], None]) -> Callable[[bytes, Path], Path]:
    def make(good: bytes, folder: Path) -> Path:
        data = json.loads(good)
        edit(data)
        path = folder / "bad.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        return path

    return make


def _raw(make_bytes: Callable[[bytes], bytes]) -> Callable[[bytes, Path], Path]:
    def make(good: bytes, folder: Path) -> Path:
        path = folder / "bad.json"
        path.write_bytes(make_bytes(good))
        return path

    return make


def _first_rating(data: dict[str, Any]) -> dict[str, Any]:
    rating: dict[str, Any] = data["meetings"][0]["questions"][0]["ratings"][0]
    return rating


def _set_rating(value: object) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        _first_rating(data)["value"] = value

    return edit


def _too_big(good: bytes, folder: Path) -> Path:
    path = folder / "huge.json"
    with path.open("wb") as fh:
        for _ in range(50):
            fh.write(b"x" * 1_000_000)
    return path


def _missing(good: bytes, folder: Path) -> Path:
    return folder / "no-such-file.json"


def _directory(good: bytes, folder: Path) -> Path:
    path = folder / "a-folder.json"
    path.mkdir()
    return path


RATING = "meetings[0].questions[0].ratings[0].value"
BAD_FILES: list[tuple[str, Callable[[bytes, Path], Path], list[str]]] = [
    (
        "malformed-json",
        _raw(lambda g: b'{"format": "familymeeting-case",, }'),
        ["ikke gyldig JSON"],
    ),
    ("truncated", _raw(lambda g: g[: len(g) // 2]), ["ender for tidligt", "afkortet"]),
    ("wrong-version", _edited(lambda d: d.update(version=6)), ["version 6", "version 1–5"]),
    ("rating-0", _edited(_set_rating(0)), [RATING, "uden for det tilladte område", "'0'"]),
    ("rating-11", _edited(_set_rating(11)), [RATING, "uden for det tilladte område", "'11'"]),
    (
        "unknown-column",
        _edited(lambda d: d["meetings"][0]["cards"][0].update(column="sideways")),
        ["meetings[0].cards[0].column", "ikke en af mulighederne", "sideways"],
    ),
    (
        "unknown-field",
        _edited(lambda d: d["family"].update(favourite_colour="blue")),
        ["family.favourite_colour", "ukendt felt"],
    ),
    (
        "missing-id",
        _edited(lambda d: d["meetings"][0]["cards"][0].pop("id")),
        ["meetings[0].cards[0].id", "mangler"],
    ),
    (
        "dangling-reference",
        _edited(
            lambda d: d["meetings"][0]["cards"][0].update(
                whose_words_id="00000000-0000-4000-8000-000000000000"
            )
        ),
        ["00000000-0000-4000-8000-000000000000", "ikke findes i filen"],
    ),
    (
        "empty-card-text",
        _edited(lambda d: d["meetings"][0]["cards"][0].update(text="  ")),
        ["meetings[0].cards[0].text", "må ikke være tom"],
    ),
    ("invalid-utf8", _raw(lambda g: g.replace(b"Holm", b"H\xf8lm", 1)), ["UTF-8"]),
    ("50-MB", _too_big, ["47,7 MiB", "højst fylde 32 MiB"]),
    ("nonexistent", _missing, ["no-such-file.json", "kan ikke åbnes"]),
    ("directory", _directory, ["a-folder.json", "kan ikke åbnes"]),
]


@pytest.mark.parametrize(
    ("make", "mentions"), [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES]
)
def test_bad_case_file_is_refused_and_changes_nothing(
    run: Run,
    demo: DemoData,
    other_demo: DemoData,
    tmp_path: Path,
    make: Callable[[bytes, Path], Path],
    mentions: list[str],
) -> None:
    data_dir = copy_data_dir(other_demo.data_dir, tmp_path / "data")
    before = file_digest(data_dir / DB_FILENAME)
    bad = make(demo.case_file.read_bytes(), tmp_path)

    line = refused(run("--data-dir", data_dir, "import-case", bad))
    assert line.startswith("familymeeting: ")
    for words in mentions:
        assert words in line
    assert file_digest(data_dir / DB_FILENAME) == before
    assert everything_under(data_dir) == DATA_FILES


@pytest.mark.parametrize("target", ["missing-folder", "folder", "the-database"])
def test_export_to_an_unwritable_place(
    run: Run, demo: DemoData, tmp_path: Path, target: str
) -> None:
    data_dir = copy_data_dir(demo.data_dir, tmp_path / "data")
    db_file = data_dir / DB_FILENAME
    before = file_digest(db_file)
    out = {
        "missing-folder": tmp_path / "no-such-folder" / "case.json",
        "folder": tmp_path / "a-folder",
        "the-database": db_file,
    }[target]
    if target == "folder":
        out.mkdir()
    watched = out.parent if out.parent.exists() else tmp_path
    files_before = everything_under(watched)

    line = refused(run("--data-dir", data_dir, "export-case", demo.family_id[:8], "-o", out))
    assert str(out) in line
    # No partial or temporary file anywhere, and the database is untouched.
    assert everything_under(watched) == files_before
    assert not (tmp_path / "no-such-folder").exists()
    assert file_digest(db_file) == before
    assert everything_under(data_dir) == DATA_FILES


# ----------------------------------------------------------- database files
def test_database_from_a_newer_version_is_refused(run: Run, data_dir: Path, tmp_path: Path) -> None:
    first_run(run("--data-dir", data_dir, "list", "--create"))
    db_file = data_dir / DB_FILENAME
    set_user_version(data_dir, 99)  # the file is encrypted: stamped through SQLCipher
    before = file_digest(db_file)

    line = refused(run("--data-dir", data_dir, "list"))
    assert "nyere udgave" in line
    assert "99" in line
    assert file_digest(db_file) == before
    # Reading the version created no -wal/-shm files beside the refused file.
    assert everything_under(data_dir) == DATA_FILES

    # The window refuses it the same way (with --screenshot there is no dialog to click).
    png = tmp_path / "window.png"
    line = refused(run("--data-dir", data_dir, "--screenshot", png))
    assert "nyere udgave" in line
    assert not png.exists()
    assert file_digest(db_file) == before


def _other_apps_database(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("CREATE TABLE notes (text TEXT)")
        con.execute("INSERT INTO notes VALUES ('not ours')")
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize(
    ("fill", "mentions"),
    [
        (lambda p: p.write_bytes(os.urandom(64 * 1024)), "kan ikke læses"),
        (lambda p: p.write_bytes(b""), "kan ikke læses"),
        (_other_apps_database, "ikke en familymeeting-database"),
    ],
    ids=["random-bytes", "empty", "another-apps-sqlite"],
)
def test_a_file_that_is_not_our_database_is_refused(
    run: Run, data_dir: Path, fill: Callable[[Path], None], mentions: str
) -> None:
    db_file = data_dir / DB_FILENAME
    fill(db_file)
    before = file_digest(db_file)
    line = refused(run("--data-dir", data_dir, "list"))
    assert mentions in line
    assert str(db_file) in line
    assert file_digest(db_file) == before


def test_unexpected_error_is_logged_not_shown(run: Run, data_dir: Path) -> None:
    """A bug (here: a file marked as ours but without tables) is one line and a log file."""
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        con.execute("PRAGMA user_version = 1")
        con.commit()
    finally:
        con.close()

    result = run("--data-dir", data_dir, "list")
    assert result.returncode == 70, (result.stdout, result.stderr)
    # One line says so and where the log is; no traceback on screen. (The schema step
    # fails before the plain file is encrypted, so no recovery code is shown either.)
    log = data_dir / "logs" / "error.log"
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert [line for line in lines if str(log) in line] == lines[-1:]
    assert "Traceback" not in result.stderr
    assert "Traceback" in log.read_text(encoding="utf-8")


# ---------------------------------------------------------------------- GUI
def _assert_picture(png: Path) -> None:
    from PySide6.QtGui import QImage

    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 1024
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() >= 640
    assert image.height() >= 400
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), image.width() // 40)
        for y in range(0, image.height(), image.height() // 40)
    }
    assert len(colours) >= 3, "the window looks blank"


def _only_qt_notice(stderr: str) -> None:
    """Nothing but the offscreen notice (and, on a first start, the recovery code)."""
    assert [
        line
        for line in stderr.splitlines()
        if line != QT_OFFSCREEN_NOTICE and not RECOVERY_CODE.search(line)
    ] == []


@pytest.mark.parametrize("content", ["empty", "demo"])
def test_gui_starts_and_draws(
    run: Run, demo: DemoData, tmp_path: Path, work_dir: Path, content: str
) -> None:
    data_dir = tmp_path / "data"
    if content == "demo":
        copy_data_dir(demo.data_dir, data_dir)
    png = tmp_path / "window.png"
    result = run("--data-dir", data_dir, "--screenshot", png, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    _only_qt_notice(result.stderr)
    _assert_picture(png)
    assert (data_dir / DB_FILENAME).is_file()
    assert everything_under(work_dir) == []


def test_screenshot_needs_no_display(run: Run, data_dir: Path, tmp_path: Path) -> None:
    """Without QT_QPA_PLATFORM the screenshot still works: it starts offscreen itself."""
    png = tmp_path / "window.png"
    result = run(
        "--data-dir", data_dir, "--screenshot", png, env={"QT_QPA_PLATFORM": None, "DISPLAY": None}
    )
    assert result.returncode == 0, result.stderr
    _only_qt_notice(result.stderr)
    _assert_picture(png)


def test_screenshot_to_an_unwritable_place(run: Run, data_dir: Path, tmp_path: Path) -> None:
    png = tmp_path / "no-such-folder" / "window.png"
    result = run("--data-dir", data_dir, "--screenshot", png)
    assert result.returncode == 2, result.stderr
    lines = [
        line
        for line in result.stderr.splitlines()
        if line != QT_OFFSCREEN_NOTICE and not RECOVERY_CODE.search(line)
    ]
    assert len(lines) == 1
    assert str(png) in lines[0]
    assert not png.parent.exists()


# ------------------------------------------------------------- usage errors
@pytest.mark.parametrize(
    ("args", "mentions"),
    [
        (["frobnicate"], "frobnicate"),
        (["export-case", "abcd1234"], "-o"),
        (["export-case", "-o", "x.json"], "FAMILY"),
        (["import-case"], "FILE"),
        (["list", "--bogus"], "--bogus"),
        (["list", "extra"], "extra"),
        (["--screenshot"], "--screenshot"),
    ],
    ids=[
        "unknown-command",
        "missing-o",
        "missing-family",
        "missing-file",
        "unknown-option",
        "extra-argument",
        "screenshot-without-file",
    ],
)
def test_usage_errors(run: Run, work_dir: Path, args: list[str], mentions: str) -> None:
    line = refused(run(*args))
    assert line.startswith("familymeeting")
    assert mentions in line
    assert "--help" in line
    # Refused before anything was opened or created.
    assert everything_under(home()) == []
    assert everything_under(work_dir) == []
