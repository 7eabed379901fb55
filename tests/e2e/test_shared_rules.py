"""The window and the command line apply the same rules: one rule, run through both.

- A new password: the window's password form and ``familymeeting passwd`` / ``recover``
  / a first run accept and refuse the same passwords (one rule,
  ``domain.passwords.check_new_password``); a refused one changes nothing.
- The access log's retention: the days chosen in the window's settings are the days
  ``familymeeting log`` keeps (the data dir's settings.ini, ``familymeeting.settings``).
- The data check: "Check" in the window and ``familymeeting check`` find the same damage
  (one check, ``storage.backup.check_data``; the window never holds the key itself).

Real parts: an encrypted data dir made by the installed command, real widgets offscreen,
and the installed command as a subprocess.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from helpers import file_digest, flip_bytes
from passwords import TEST_PASSWORD, open_database, recovery_notice
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.backup import list_backups
from familymeeting.storage.folder_lock import LOCK_FILENAME
from familymeeting.storage.keys import KEYS_FILENAME, KeyStore, WrongPasswordError
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services
from familymeeting.ui.maintenance import MaintenancePage
from familymeeting.ui.startup import SetupPasswordDialog

if TYPE_CHECKING:
    # Not imported at run time: another conftest may be the module named so by then.
    from conftest import DemoData

Result = subprocess.CompletedProcess[str]
Run = Callable[..., Result]

# Weak ones the window has always refused, and ones both accept.
WEAK = ("password123", "Sommer2024", "kanelsnegle")
GOOD = ("Kanelsnegle7", "tre små grise i skoven")


def refused(result: Result) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("familymeeting: ")
    return lines[0]


@pytest.fixture
def data(demo: DemoData, tmp_path: Path) -> Path:
    """A copy of the data dir ``familymeeting demo`` made (keys for the test password)."""
    copy = tmp_path / "data"
    shutil.copytree(demo.data_dir, copy)
    return copy


def window_accepts(qtbot: QtBot, password: str) -> bool:
    """The first-start dialog: the password typed twice; can Continue be pressed?"""
    dialog = SetupPasswordDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.password.edit, password)
    qtbot.keyClicks(dialog.form.confirm.edit, password)
    return dialog.ok_button.isEnabled()


# ------------------------------------------------------------------ passwords
def test_the_window_and_passwd_accept_the_same_passwords(
    qtbot: QtBot, run: Run, data: Path
) -> None:
    window = {pw: window_accepts(qtbot, pw) for pw in (*WEAK, *GOOD)}
    assert window == {**dict.fromkeys(WEAK, False), **dict.fromkeys(GOOD, True)}
    command: dict[str, bool] = {}
    current = TEST_PASSWORD
    for pw in (*WEAK, *GOOD):
        result = run(
            "--data-dir",
            data,
            "passwd",
            env={"FAMILYMEETING_PASSWORD": current, "FAMILYMEETING_NEW_PASSWORD": pw},
        )
        command[pw] = result.returncode == 0
        if command[pw]:
            current = pw
    assert command == window


@pytest.mark.parametrize(
    ("lang", "words"), [("da", "for let at gætte"), ("en", "too easy to guess")]
)
def test_passwd_refuses_a_weak_password_and_changes_nothing(
    run: Run, data: Path, lang: str, words: str
) -> None:
    before = {p.name: file_digest(p) for p in data.iterdir()}
    line = refused(
        run(
            "--data-dir",
            data,
            "passwd",
            env={"FAMILYMEETING_NEW_PASSWORD": "password123", "FAMILYMEETING_LANG": lang},
        )
    )
    assert words in line
    assert {p.name: file_digest(p) for p in data.iterdir()} == before
    KeyStore.unlock(data, TEST_PASSWORD)  # the old password still opens the data
    with pytest.raises(WrongPasswordError):
        KeyStore.unlock(data, "password123")


def test_recover_refuses_a_weak_password_and_the_code_keeps_working(
    run: Run, data_dir: Path
) -> None:
    code = recovery_notice(run("--data-dir", data_dir, "list", "--create").stderr)
    keys = file_digest(data_dir / KEYS_FILENAME)
    line = refused(
        run(
            "--data-dir",
            data_dir,
            "recover",
            env={
                "FAMILYMEETING_RECOVERY_CODE": code,
                "FAMILYMEETING_NEW_PASSWORD": "password123",
            },
        )
    )
    assert "for let at gætte" in line
    assert file_digest(data_dir / KEYS_FILENAME) == keys
    KeyStore.unlock(data_dir, TEST_PASSWORD)


def test_a_first_run_refuses_a_weak_password_and_makes_nothing(run: Run, data_dir: Path) -> None:
    line = refused(
        run(
            "--data-dir",
            data_dir,
            "list",
            "--create",
            env={"FAMILYMEETING_PASSWORD": "password123"},
        )
    )
    assert "for let at gætte" in line
    assert [p.name for p in data_dir.iterdir()] == [LOCK_FILENAME]  # the owner's empty lock


# ----------------------------------------------------------------- retention
def age_the_access_log(data: Path, days: int) -> str:
    """Make every entry of the data dir's access log ``days`` old (through SQLCipher);
    returns their time as ``familymeeting log`` prints it, to the minute."""
    from sqlcipher3 import dbapi2

    key = KeyStore.unlock(data, TEST_PASSWORD)
    con = dbapi2.connect(str(data / DB_FILENAME))
    try:
        con.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        when = datetime.now(UTC).replace(tzinfo=None) - timedelta(days=days)
        con.execute("UPDATE access_log SET at = ?", (when.strftime("%Y-%m-%d %H:%M:%S.%f"),))
        con.commit()
    finally:
        con.close()
    return f"{when.replace(tzinfo=UTC).astimezone():%Y-%m-%d %H:%M}"


@pytest.mark.parametrize(
    ("keep_days", "age_days", "kept"),
    [(730, 400, True), (31, 40, False)],
    ids=["two-years-keeps-400-days", "a-month-drops-40-days"],
)
def test_log_keeps_what_the_window_setting_keeps(
    qtbot: QtBot, run: Run, data: Path, keep_days: int, age_days: int, kept: bool
) -> None:
    # The caseworker chooses the retention in the window's "Settings and backups".
    db = open_database(data)
    try:
        page = MaintenancePage(Services(db), Settings(data), None)
        qtbot.addWidget(page)
        page.log_combo.setCurrentIndex(page.log_combo.findData(keep_days))
        assert page.log_combo.currentData() == keep_days
    finally:
        db.close()
    aged = age_the_access_log(data, age_days)

    out = run("--data-dir", data, "log")
    assert out.returncode == 0, out.stderr
    old_lines = [line for line in out.stdout.splitlines() if line.startswith(aged)]
    assert bool(old_lines) is kept, out.stdout
    again = run("--data-dir", data, "log")  # the first run pruned, if anything
    assert bool([x for x in again.stdout.splitlines() if x.startswith(aged)]) is kept


# ------------------------------------------------------------------ the check
@pytest.mark.parametrize("damage", ["a-backup", "the-database"])
def test_the_window_and_check_find_the_same_damage(
    qtbot: QtBot, run: Run, data: Path, danish: None, damage: str
) -> None:
    for _ in range(2):
        made = run("--data-dir", data, "backup")
        assert made.returncode == 0, made.stderr
    backups = [b.path for b in list_backups(data)]
    assert len(backups) >= 2
    flip_bytes(backups[0] if damage == "a-backup" else data / DB_FILENAME)
    before = {p: file_digest(p) for p in data.rglob("*") if p.is_file()}

    out = run("--data-dir", data, "check")
    db_damaged = damage == "the-database"
    assert out.returncode == 2, out.stderr  # anything damaged, a backup too (issue 17)
    good = len(backups) - (0 if db_damaged else 1)
    assert f"{good} i orden, {len(backups) - good} beskadiget" in out.stdout, out.stdout

    if db_damaged:
        return  # the window cannot open a damaged database; the start offers a backup
    db = open_database(data)
    try:
        page = MaintenancePage(Services(db), Settings(data), None)
        qtbot.addWidget(page)
        page.show()
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not page.busy, timeout=20_000)
        assert page.status_label.text() == (
            "Dataene er i orden, men én sikkerhedskopi er beskadiget; den bliver ikke tilbudt."
        )
    finally:
        db.close()
    after = {p: file_digest(p) for p in before}
    assert {p for p in before if before[p] != after[p]} <= {data / DB_FILENAME}
