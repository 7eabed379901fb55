"""``passwd --rekey``: a new data key for the database and every backup (issue 17, item 8).

``passwd`` and ``recover`` only re-wrap the data key, so an old copy of ``keys.json`` opens
backups made after the change. A re-key makes a new key: afterwards an old key file opens
nothing in the data folder (only ``backup -o`` copies made before, which are elsewhere).
Killed at each step (``FAMILYMEETING_FAULT``, storage/faults.py), every file stays whole
under the old or the new key, and the next start finishes the job.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import Runner
from passwords import RECOVERY_CODE, TEST_PASSWORD, recovery_notice

from familymeeting.storage.backup import backup_opens_with, keys_sidecar, list_backups
from familymeeting.storage.keys import KEYS_COPY_FILENAME, KEYS_FILENAME, unwrap_key_file
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.rekey import journal_path

FAULT_POINTS = [
    "rekey.after_journal",
    "rekey.after_database",
    "rekey.after_backup",
    "rekey.before_key_file",
    "rekey.before_journal_removed",
]
NEW_PASSWORD = "en-helt-ny-adgangskode-77"


@dataclass(frozen=True)
class Data:
    folder: Path
    old_keys: bytes  # keys.json before the re-key: what someone may have copied
    old_code: str
    outside: Path  # a `backup -o` file made before the re-key


@pytest.fixture
def data(run: Runner, tmp_path: Path) -> Data:
    folder = tmp_path / "data"
    made = run("--data-dir", folder, "demo")
    assert made.returncode == 0, made.stderr
    code = recovery_notice(made.stderr)
    for _ in range(2):
        assert run("--data-dir", folder, "backup").returncode == 0
    outside = tmp_path / "carried.fmbackup"
    assert run("--data-dir", folder, "backup", "-o", outside).returncode == 0
    assert len(list_backups(folder)) == 2
    return Data(folder, (folder / KEYS_FILENAME).read_bytes(), code, outside)


def _key(raw: bytes, password: str = TEST_PASSWORD) -> bytes:
    key = unwrap_key_file(raw, password=password)
    assert key is not None
    return key


def _all_under_the_key_file(data: Data) -> None:
    """The database and every backup open with keys.json's key and not with the old one;
    each backup carries today's key file."""
    raw = (data.folder / KEYS_FILENAME).read_bytes()
    assert (data.folder / KEYS_COPY_FILENAME).read_bytes() == raw
    new, old = _key(raw), _key(data.old_keys)
    assert new != old
    files = [data.folder / DB_FILENAME, *(b.path for b in list_backups(data.folder))]
    assert len(files) >= 3
    for path in files:
        assert backup_opens_with(path, new), path
        assert not backup_opens_with(path, old), path
    for b in list_backups(data.folder):
        assert keys_sidecar(b.path).read_bytes() == raw
    assert not journal_path(data.folder).exists()
    # A backup -o copy made before stays under the old key: the old key file opens it.
    assert backup_opens_with(data.outside, old)


def _recovery_code_works(run: Runner, data: Data, code: str) -> None:
    old = run(
        "--data-dir",
        data.folder,
        "recover",
        env={"FAMILYMEETING_RECOVERY_CODE": data.old_code, "FAMILYMEETING_NEW_PASSWORD": "x" * 12},
    )
    assert old.returncode == 2, old.stderr  # the code written down before no longer works
    new = run(
        "--data-dir",
        data.folder,
        "recover",
        env={"FAMILYMEETING_RECOVERY_CODE": code, "FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD},
    )
    assert new.returncode == 0, new.stderr
    listed = run("--data-dir", data.folder, "list", env={"FAMILYMEETING_PASSWORD": NEW_PASSWORD})
    assert listed.returncode == 0, listed.stderr
    assert "Demo" in listed.stdout or listed.stdout.strip()


def test_passwd_rekey_leaves_an_old_key_file_opening_nothing_in_the_folder(
    run: Runner, data: Data
) -> None:
    # The control: after plain passwd, the old key file still opens the new backups.
    before = run("--data-dir", data.folder, "list")
    assert before.returncode == 0
    rekeyed = run("--data-dir", data.folder, "passwd", "--rekey")
    assert rekeyed.returncode == 0, rekeyed.stderr
    codes = RECOVERY_CODE.findall(rekeyed.stdout)
    assert len(codes) == 1, rekeyed.stdout
    _all_under_the_key_file(data)
    listed = run("--data-dir", data.folder, "list")
    assert listed.returncode == 0, listed.stderr
    assert run("--data-dir", data.folder, "check").returncode == 0
    _recovery_code_works(run, data, codes[0])


def test_a_wrong_password_changes_nothing(run: Runner, data: Data) -> None:
    snapshot = {p: p.read_bytes() for p in sorted(data.folder.rglob("*")) if p.is_file()}
    refused = run(
        "--data-dir",
        data.folder,
        "passwd",
        "--rekey",
        env={"FAMILYMEETING_PASSWORD": "not-the-password-1"},
    )
    assert refused.returncode == 2, refused.stderr
    after = {p: p.read_bytes() for p in sorted(data.folder.rglob("*")) if p.is_file()}
    after.pop(data.folder / "unlock-failures.json", None)
    assert after == snapshot


@pytest.mark.parametrize("fault", FAULT_POINTS)
def test_a_kill_at_any_step_is_finished_at_the_next_start(
    run: Runner, data: Data, fault: str
) -> None:
    killed = run("--data-dir", data.folder, "passwd", "--rekey", env={"FAMILYMEETING_FAULT": fault})
    assert killed.returncode == 137, (killed.stdout, killed.stderr)
    assert journal_path(data.folder).exists()
    # Every file is whole under the old key or the new one (from the journal's key file).
    old = _key(data.old_keys)
    journal = json.loads(journal_path(data.folder).read_text(encoding="utf-8"))
    new = _key(base64.b64decode(journal["new_keys"]))
    for path in [data.folder / DB_FILENAME, *(b.path for b in list_backups(data.folder))]:
        assert backup_opens_with(path, old) != backup_opens_with(path, new), path
    # Until it is finished, nothing reads or changes the key file half-way.
    for command in (["check"], ["passwd"], ["restore"]):
        refused = run(
            "--data-dir", data.folder, *command, env={"FAMILYMEETING_NEW_PASSWORD": NEW_PASSWORD}
        )
        assert refused.returncode == 2, (command, refused.stderr)
        assert journal_path(data.folder).exists()
    finished = run("--data-dir", data.folder, "list")
    assert finished.returncode == 0, finished.stderr
    code = recovery_notice(finished.stderr)
    _all_under_the_key_file(data)
    assert run("--data-dir", data.folder, "check").returncode == 0
    _recovery_code_works(run, data, code)
