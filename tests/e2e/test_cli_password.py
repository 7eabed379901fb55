"""The password on the command line: first run, wrong password, ``passwd``, ``recover``.

The installed command, run as a subprocess. A script gives the password in
``FAMILYMEETING_PASSWORD`` (conftest.py sets it for every run unless a test removes
it); a person types it at a prompt (tested through a pseudo-terminal on POSIX).
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import file_digest
from passwords import DATA_FILES, RECOVERY_CODE, TEST_PASSWORD, open_database, recovery_notice

from familymeeting.storage.database import SEAL_SUFFIX, Database, is_plain_sqlite
from familymeeting.storage.folder_lock import LOCK_FILENAME
from familymeeting.storage.keys import FAILURES_FILENAME, KEYS_COPY_FILENAME, KEYS_FILENAME
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

Result = subprocess.CompletedProcess[str]
Run = Callable[..., Result]

NEW_PASSWORD = "Ny adgangskode til efteråret 7"
NO_PASSWORD = {"FAMILYMEETING_PASSWORD": None}


def one_line_error(result: Result) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("familymeeting: ")
    return lines[0]


def ok(result: Result) -> str:
    assert result.returncode == 0, (result.returncode, result.stdout, result.stderr)
    return result.stdout


def names(path: Path) -> list[str]:
    return sorted(p.name for p in path.iterdir())


@pytest.fixture
def set_up(run: Run, data_dir: Path) -> str:
    """A data dir where the command has run once; returns the recovery code it printed."""
    result = run("--data-dir", data_dir, "demo")
    ok(result)
    return recovery_notice(result.stderr)


# ------------------------------------------------------------------ first run
def test_first_run_prints_the_recovery_code_once(run: Run, data_dir: Path) -> None:
    first = run("--data-dir", data_dir, "demo")
    assert "Familien Holm (demo)" in ok(first)
    code = recovery_notice(first.stderr)
    assert RECOVERY_CODE.findall(first.stdout) == []  # on stderr, not in the job's output
    assert "Skriv gendannelseskoden" in first.stderr
    assert "kun denne ene gang" in first.stderr
    assert "kan ingen læse dataene" in first.stderr
    assert names(data_dir) == DATA_FILES
    assert not is_plain_sqlite(data_dir / DB_FILENAME)

    # Later runs with the same password: the code is never shown again.
    for _ in range(2):
        later = run("--data-dir", data_dir, "list")
        assert "Familien Holm (demo)" in ok(later)
        assert later.stderr == ""
        assert code not in later.stdout + later.stderr


def test_first_run_in_english(run: Run, data_dir: Path) -> None:
    result = run("--data-dir", data_dir, "list", "--create", env={"FAMILYMEETING_LANG": "en"})
    ok(result)
    recovery_notice(result.stderr)
    assert "Write down the recovery code" in result.stderr
    assert "nobody can read the data" in result.stderr


def test_first_run_refuses_a_short_password(run: Run, data_dir: Path) -> None:
    line = one_line_error(
        run("--data-dir", data_dir, "list", "--create", env={"FAMILYMEETING_PASSWORD": "kort"})
    )
    assert "for kort" in line
    assert names(data_dir) == [LOCK_FILENAME]  # the empty file the folder's owner locks


def test_a_plain_database_is_encrypted_on_first_unlock(run: Run, data_dir: Path) -> None:
    db = Database.open(data_dir)  # as an earlier version left it
    Services(db).create_family("Familien Gammel-Fil")
    db.close()
    assert is_plain_sqlite(data_dir / DB_FILENAME)

    result = run("--data-dir", data_dir, "list")
    assert "Familien Gammel-Fil" in ok(result)
    recovery_notice(result.stderr)
    assert names(data_dir) == DATA_FILES
    assert not is_plain_sqlite(data_dir / DB_FILENAME)
    assert b"Gammel-Fil" not in (data_dir / DB_FILENAME).read_bytes()


# ---------------------------------------------------------- no password given
def test_no_password_and_no_terminal(run: Run, data_dir: Path, set_up: str) -> None:
    before = {name: file_digest(data_dir / name) for name in DATA_FILES}
    line = one_line_error(run("--data-dir", data_dir, "list", env=NO_PASSWORD))
    assert "FAMILYMEETING_PASSWORD" in line
    assert {name: file_digest(data_dir / name) for name in DATA_FILES} == before
    assert names(data_dir) == DATA_FILES


def test_no_password_on_a_first_run_creates_nothing(run: Run, data_dir: Path) -> None:
    line = one_line_error(run("--data-dir", data_dir, "demo", env=NO_PASSWORD))
    assert "FAMILYMEETING_PASSWORD" in line
    assert names(data_dir) == [LOCK_FILENAME]  # the empty file the folder's owner locks


def test_an_empty_password_variable_counts_as_none(run: Run, data_dir: Path, set_up: str) -> None:
    line = one_line_error(run("--data-dir", data_dir, "list", env={"FAMILYMEETING_PASSWORD": ""}))
    assert "FAMILYMEETING_PASSWORD" in line


# ------------------------------------------------------------- wrong password
def test_wrong_password_is_one_line_and_changes_nothing(
    run: Run, data_dir: Path, set_up: str
) -> None:
    before = {name: file_digest(data_dir / name) for name in DATA_FILES}
    for lang, words in (("da", "Forkert adgangskode"), ("en", "Wrong password")):
        line = one_line_error(
            run(
                "--data-dir",
                data_dir,
                "list",
                env={"FAMILYMEETING_PASSWORD": "ikke den rigtige", "FAMILYMEETING_LANG": lang},
            )
        )
        assert words in line
    assert {name: file_digest(data_dir / name) for name in DATA_FILES} == before
    assert names(data_dir) == sorted([*DATA_FILES, FAILURES_FILENAME])

    ok(run("--data-dir", data_dir, "list"))
    assert names(data_dir) == DATA_FILES  # the right password resets the count


# ---------------------------------------------------------------------- passwd
def test_passwd_changes_the_password_only(run: Run, data_dir: Path, set_up: str) -> None:
    db_before = file_digest(data_dir / DB_FILENAME)
    keys_before = file_digest(data_dir / KEYS_FILENAME)
    out = ok(
        run("--data-dir", data_dir, "passwd", env={"FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD})
    )
    assert "Adgangskoden er ændret" in out
    assert file_digest(data_dir / DB_FILENAME) == db_before  # never re-encrypted
    assert file_digest(data_dir / KEYS_FILENAME) != keys_before

    one_line_error(run("--data-dir", data_dir, "list"))  # the old password no longer works
    listed = ok(run("--data-dir", data_dir, "list", env={"FAMILYMEETING_PASSWORD": NEW_PASSWORD}))
    assert "Familien Holm (demo)" in listed


@pytest.mark.parametrize(
    ("env", "mentions"),
    [
        (
            {
                "FAMILYMEETING_PASSWORD": "ikke den rigtige",
                "FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD,
            },
            "Forkert adgangskode",
        ),
        ({"FAMILYMEETING_NEW_PASSWORD": "kort"}, "for kort"),
        ({"FAMILYMEETING_NEW_PASSWORD": None}, "FAMILYMEETING_NEW_PASSWORD"),
    ],
    ids=["wrong-old", "short-new", "no-new"],
)
def test_passwd_refused(
    run: Run, data_dir: Path, set_up: str, env: dict[str, str | None], mentions: str
) -> None:
    before = {name: file_digest(data_dir / name) for name in DATA_FILES}
    line = one_line_error(run("--data-dir", data_dir, "passwd", env=env))
    assert mentions in line
    assert {name: file_digest(data_dir / name) for name in DATA_FILES} == before
    ok(run("--data-dir", data_dir, "list"))  # the password is as it was


def test_passwd_before_any_password_exists(run: Run, data_dir: Path) -> None:
    line = one_line_error(
        run("--data-dir", data_dir, "passwd", env={"FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD})
    )
    assert "Der er ingen familymeeting-data" in line  # a folder without data: refused
    assert names(data_dir) == []


# --------------------------------------------------------------------- recover
def test_recover_sets_a_new_password_and_a_new_code(run: Run, data_dir: Path, set_up: str) -> None:
    old_code = set_up
    db_before = file_digest(data_dir / DB_FILENAME)
    env = {
        "FAMILYMEETING_PASSWORD": None,  # forgotten
        "FAMILYMEETING_RECOVERY_CODE": old_code.lower().replace("-", " "),
        "FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD,
    }
    result = run("--data-dir", data_dir, "recover", env=env)
    out = ok(result)
    assert result.stderr == ""
    codes = RECOVERY_CODE.findall(out)
    assert len(codes) == 1
    new_code = codes[0]
    assert new_code != old_code
    assert "Den gamle gendannelseskode virker ikke længere" in out
    assert file_digest(data_dir / DB_FILENAME) == db_before

    one_line_error(run("--data-dir", data_dir, "list"))  # the old password is gone
    ok(run("--data-dir", data_dir, "list", env={"FAMILYMEETING_PASSWORD": NEW_PASSWORD}))

    # The old code is spent; the new one works.
    keys_before = file_digest(data_dir / KEYS_FILENAME)
    line = one_line_error(run("--data-dir", data_dir, "recover", env=env))
    assert "Gendannelseskoden passer ikke" in line
    assert file_digest(data_dir / KEYS_FILENAME) == keys_before
    again = {
        **env,
        "FAMILYMEETING_RECOVERY_CODE": new_code,
        "FAMILYMEETING_NEW_PASSWORD": TEST_PASSWORD,
    }
    assert RECOVERY_CODE.findall(ok(run("--data-dir", data_dir, "recover", env=again)))
    ok(run("--data-dir", data_dir, "list"))


def test_recover_with_a_mistyped_code(run: Run, data_dir: Path, set_up: str) -> None:
    before = file_digest(data_dir / KEYS_FILENAME)
    env = {
        "FAMILYMEETING_RECOVERY_CODE": set_up[:-2],
        "FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD,
    }
    line = one_line_error(run("--data-dir", data_dir, "recover", env=env))
    assert "8 grupper med 4 tegn" in line
    assert file_digest(data_dir / KEYS_FILENAME) == before
    assert not (data_dir / FAILURES_FILENAME).exists()


def test_recover_without_a_code_or_terminal(run: Run, data_dir: Path, set_up: str) -> None:
    line = one_line_error(
        run("--data-dir", data_dir, "recover", env={"FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD})
    )
    assert "FAMILYMEETING_RECOVERY_CODE" in line


# ------------------------------------------------------------------ the key file
def test_an_export_may_not_overwrite_the_key_file(
    run: Run, data_dir: Path, set_up: str, tmp_path: Path
) -> None:
    with open_database_for(data_dir) as services:
        family_id = services.list_families()[0].id
    before = file_digest(data_dir / KEYS_FILENAME)
    line = one_line_error(
        run("--data-dir", data_dir, "export-case", family_id[:8], "-o", data_dir / KEYS_FILENAME)
    )
    assert "datamappe" in line
    assert file_digest(data_dir / KEYS_FILENAME) == before


def test_a_missing_key_file_is_explained(run: Run, data_dir: Path, set_up: str) -> None:
    (data_dir / KEYS_FILENAME).unlink()
    (data_dir / KEYS_COPY_FILENAME).unlink()  # one copy alone is repaired from the other
    before = file_digest(data_dir / DB_FILENAME)
    line = one_line_error(run("--data-dir", data_dir, "list"))
    assert "keys.json" in line
    assert "kan ikke læses" in line
    assert file_digest(data_dir / DB_FILENAME) == before
    assert names(data_dir) == [DB_FILENAME, DB_FILENAME + SEAL_SUFFIX, LOCK_FILENAME]  # no key


@contextmanager
def open_database_for(data_dir: Path) -> Iterator[Services]:
    db = open_database(data_dir)
    try:
        yield Services(db)
    finally:
        db.close()


# ----------------------------------------------------------------- at a prompt
def _converse(
    cli_exe: Path, args: list[str], answers: list[str], env: dict[str, str]
) -> tuple[int, str, str]:
    """Run the command on a pseudo-terminal, typing each answer after each prompt."""
    import pty

    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("FAMILYMEETING_PASS")}
    full_env.update(env)
    proc = subprocess.Popen(
        [str(cli_exe), *args],
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=full_env,
        start_new_session=True,
    )
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 60
    pending = list(answers)
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.2)
            if not ready:
                continue
            try:
                chunk = os.read(leader, 1024)
            except OSError:
                break
            seen += chunk
            if pending and seen.rstrip().endswith(b":"):
                os.write(leader, pending.pop(0).encode() + b"\n")
                seen += b"<answered>\n"
        proc.wait(timeout=60)
        while True:  # whatever is left on the terminal
            ready, _, _ = select.select([leader], [], [], 0.2)
            if not ready:
                break
            try:
                chunk = os.read(leader, 1024)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.stdout is not None
    out = proc.stdout.read().decode("utf-8")
    proc.stdout.close()
    return proc.returncode, out, seen.decode("utf-8", "replace")


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_a_person_types_the_password_twice_then_once(
    cli_exe: Path, data_dir: Path, tmp_path: Path
) -> None:
    env = {"FAMILYMEETING_DATA_DIR": str(data_dir), "FAMILYMEETING_LANG": "da"}
    code, out, terminal = _converse(cli_exe, ["demo"], [NEW_PASSWORD, NEW_PASSWORD], env)
    assert code == 0, terminal
    assert "Vælg en adgangskode" in terminal
    assert "Gentag adgangskoden" in terminal
    assert NEW_PASSWORD not in terminal  # never echoed
    assert len(RECOVERY_CODE.findall(terminal)) == 1
    assert "Familien Holm (demo)" in out

    code, out, terminal = _converse(cli_exe, ["list"], [NEW_PASSWORD], env)
    assert code == 0, terminal
    assert "Adgangskode:" in terminal
    assert "Familien Holm (demo)" in out
    assert RECOVERY_CODE.findall(terminal) == []


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_two_different_passwords_at_the_first_prompt(cli_exe: Path, data_dir: Path) -> None:
    env = {"FAMILYMEETING_DATA_DIR": str(data_dir), "FAMILYMEETING_LANG": "da"}
    code, out, terminal = _converse(
        cli_exe, ["list", "--create"], [NEW_PASSWORD, NEW_PASSWORD + "x"], env
    )
    assert code == 2, terminal
    assert "ikke ens" in terminal
    assert out == ""
    assert names(data_dir) == [LOCK_FILENAME]


def test_log_shows_exports_and_plans_with_ids_only(tmp_path: Path) -> None:
    """The access log through the CLI: events and ids, never case text."""
    import os
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "familymeeting"
    env = {
        **os.environ,
        "FAMILYMEETING_PASSWORD": "en lang og god adgangskode",
        "FAMILYMEETING_LANG": "da",
    }
    data = tmp_path / "data"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe), "--data-dir", str(data), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    assert run("demo").returncode == 0
    listing = run("list").stdout.splitlines()
    family, meeting = listing[0].split()[0], listing[1].split()[0]
    assert run("export-case", family, "-o", str(tmp_path / "case.json")).returncode == 0
    assert run("plan", meeting, "-o", str(tmp_path / "plan.pdf")).returncode == 0
    log = run("log", family)
    assert log.returncode == 0
    lines = log.stdout.splitlines()
    assert [line.split()[2] for line in lines] == ["plan_handout", "plan_pdf", "export_case"]
    assert all(family in line for line in lines)
    assert "Holm" not in log.stdout
