"""A backup carries its key file: alone, with the password or recovery code of its
time, it opens anywhere (issue 17, item 4). The installed command as a subprocess.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Runner
from passwords import TEST_PASSWORD, recovery_notice

from familymeeting.storage.keys import KEYS_COPY_FILENAME, KEYS_FILENAME

NEW_PASSWORD = "Et helt nyt kodeord til 2027"


def ok(result: object) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    return str(result.stdout)  # type: ignore[attr-defined]


def refused(result: object) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return str(result.stderr)  # type: ignore[attr-defined]


@pytest.fixture
def made(run: Runner, tmp_path: Path) -> tuple[Path, str]:
    """A data dir with the demo family, and the recovery code its first run printed."""
    data = tmp_path / "data"
    first = run("--data-dir", data, "demo")
    assert first.returncode == 0, first.stderr
    return data, recovery_notice(first.stderr)


def test_backup_o_restores_into_an_empty_folder_with_the_password(
    run: Runner, made: tuple[Path, str], tmp_path: Path
) -> None:
    data, _code = made
    usb = tmp_path / "usb" / "familie.fmbackup"
    usb.parent.mkdir()
    out = ok(run("--data-dir", data, "backup", "-o", usb))
    assert "restore" in out
    elsewhere = tmp_path / "new-laptop"
    assert "er hentet tilbage" in ok(run("--data-dir", elsewhere, "restore", usb))
    assert "Holm" in ok(run("--data-dir", elsewhere, "list"))
    # The key file that opens it came with it, both copies.
    assert (elsewhere / KEYS_FILENAME).read_bytes() == (elsewhere / KEYS_COPY_FILENAME).read_bytes()


def test_backup_o_restores_into_an_empty_folder_with_the_recovery_code(
    run: Runner, made: tuple[Path, str], tmp_path: Path
) -> None:
    data, code = made
    usb = tmp_path / "familie.fmbackup"
    ok(run("--data-dir", data, "backup", "-o", usb))
    elsewhere = tmp_path / "new-laptop"
    env = {
        "FAMILYMEETING_PASSWORD": None,
        "FAMILYMEETING_RECOVERY_CODE": code,
        "FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD,
    }
    out = ok(run("--data-dir", elsewhere, "restore", usb, "--recovery-code", env=env))
    assert "er hentet tilbage" in out
    assert recovery_notice(out) != code  # a new code, shown
    listed = run("--data-dir", elsewhere, "list", env={"FAMILYMEETING_PASSWORD": NEW_PASSWORD})
    assert "Holm" in ok(listed)


def test_a_wrong_secret_restores_nothing_into_an_empty_folder(
    run: Runner, made: tuple[Path, str], tmp_path: Path
) -> None:
    data, _code = made
    usb = tmp_path / "familie.fmbackup"
    ok(run("--data-dir", data, "backup", "-o", usb))
    elsewhere = tmp_path / "new-laptop"
    err = refused(
        run("--data-dir", elsewhere, "restore", usb, env={"FAMILYMEETING_PASSWORD": NEW_PASSWORD})
    )
    assert "adgangskode" in err
    assert not elsewhere.exists() or not any(
        p.name in (KEYS_FILENAME, "familymeeting.db") for p in elsewhere.iterdir()
    )


def test_a_backup_from_before_a_password_change_opens_with_the_old_password(
    run: Runner, made: tuple[Path, str], tmp_path: Path
) -> None:
    """What docs/security.md promises honestly: an old password still opens old backups."""
    data, _code = made
    usb = tmp_path / "before.fmbackup"
    ok(run("--data-dir", data, "backup", "-o", usb))
    ok(run("--data-dir", data, "passwd", env={"FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD}))
    elsewhere = tmp_path / "new-laptop"
    ok(run("--data-dir", elsewhere, "restore", usb))  # TEST_PASSWORD, the old one
    assert "Holm" in ok(run("--data-dir", elsewhere, "list"))


def test_both_key_copies_damaged_the_automatic_backup_brings_them_back(
    run: Runner, made: tuple[Path, str]
) -> None:
    data, _code = made
    ok(run("--data-dir", data, "backup"))
    backup = next((data / "backups").glob("*.db"))
    for name in (KEYS_FILENAME, KEYS_COPY_FILENAME):
        path = data / name
        path.write_bytes(b"\0" * path.stat().st_size)
    err = refused(run("--data-dir", data, "list"))
    assert "beskadiget" in err and "restore" in err and "Forkert adgangskode" not in err
    assert "er hentet tilbage" in ok(run("--data-dir", data, "restore", backup.name))
    assert "Holm" in ok(
        run("--data-dir", data, "list", env={"FAMILYMEETING_PASSWORD": TEST_PASSWORD})
    )
