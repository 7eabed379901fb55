"""A plain SQLite file put in beside a key file is refused, never converted (issue 17, item 6).

Converting a plain database makes a new key and a new recovery code, which would make the
code written down at the first start useless. It is only for a data folder that has never
been encrypted: no key file, no key-file copy, no backup carrying a key file. A folder that
has been encrypted refuses the swapped-in file with exit code 2, changes no byte, and the
written-down recovery code still works.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Runner
from passwords import recovery_notice

from familymeeting.storage.backup import backup_dir
from familymeeting.storage.database import SEAL_SUFFIX, Database
from familymeeting.storage.keys import KEYS_COPY_FILENAME, KEYS_FILENAME
from familymeeting.storage.paths import DB_FILENAME, is_plain_sqlite
from familymeeting.storage.unlock import CONVERTING_FILENAME


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _plain_database(tmp_path: Path) -> Path:
    """A plain database of ours (as an earlier version wrote it), made elsewhere."""
    folder = tmp_path / "elsewhere"
    Database.open(folder).close()
    path = folder / DB_FILENAME
    assert is_plain_sqlite(path)
    return path


def _swap_in(plain: Path, data: Path) -> None:
    (data / DB_FILENAME).write_bytes(plain.read_bytes())
    (data / (DB_FILENAME + SEAL_SUFFIX)).unlink(missing_ok=True)


@pytest.mark.parametrize(
    "left",
    ["both key files", "only keys.json", "only the copy", "only backups with their key file"],
)
def test_a_plain_file_swapped_in_beside_keys_is_refused(
    run: Runner, tmp_path: Path, left: str
) -> None:
    data = tmp_path / "data"
    made = run("--data-dir", data, "demo")
    assert made.returncode == 0, made.stderr
    code = recovery_notice(made.stderr)
    assert run("--data-dir", data, "backup").returncode == 0
    assert list(backup_dir(data).glob("*.db.keys"))
    keys = {name: (data / name).read_bytes() for name in (KEYS_FILENAME, KEYS_COPY_FILENAME)}
    original = (data / DB_FILENAME).read_bytes()
    if left == "only keys.json":
        (data / KEYS_COPY_FILENAME).unlink()
    elif left == "only the copy":
        (data / KEYS_FILENAME).unlink()
    elif left == "only backups with their key file":
        (data / KEYS_FILENAME).unlink()
        (data / KEYS_COPY_FILENAME).unlink()
    _swap_in(_plain_database(tmp_path), data)
    before = _snapshot(data)

    for command in (["list"], ["check"], ["backup"]):
        refused = run("--data-dir", data, *command)
        assert refused.returncode == 2, (command, refused.stdout, refused.stderr)
        assert "ikke krypteret" in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
        assert _snapshot(data) == before, command

    # The written-down recovery code still opens the data once the real file is back.
    for name, raw in keys.items():
        (data / name).write_bytes(raw)
    (data / DB_FILENAME).write_bytes(original)
    recovered = run(
        "--data-dir",
        data,
        "recover",
        env={
            "FAMILYMEETING_RECOVERY_CODE": code,
            "FAMILYMEETING_NEW_PASSWORD": "en-helt-ny-adgangskode-77",
        },
    )
    assert recovered.returncode == 0, recovered.stderr
    listed = run(
        "--data-dir", data, "list", env={"FAMILYMEETING_PASSWORD": "en-helt-ny-adgangskode-77"}
    )
    assert listed.returncode == 0, listed.stderr


def test_a_never_encrypted_folder_is_still_converted(run: Runner, tmp_path: Path) -> None:
    """The control: a plain database with no key file and no keyed backup is converted."""
    data = tmp_path / "data"
    data.mkdir()
    _swap_in(_plain_database(tmp_path), data)
    converted = run("--data-dir", data, "list")
    assert converted.returncode == 0, converted.stderr
    recovery_notice(converted.stderr)
    assert not is_plain_sqlite(data / DB_FILENAME)
    assert (data / KEYS_FILENAME).is_file()


def test_a_conversion_killed_after_its_key_file_is_finished(run: Runner, tmp_path: Path) -> None:
    """Our own conversion, cut short after the key file was made, is not a swap: the next
    start finishes it (the marker written before the key file tells the two apart)."""
    data = tmp_path / "data"
    data.mkdir()
    _swap_in(_plain_database(tmp_path), data)
    killed = run("--data-dir", data, "list", env={"FAMILYMEETING_FAULT": "convert.after_keys"})
    assert killed.returncode == 137, killed.stderr
    assert (data / KEYS_FILENAME).is_file() and is_plain_sqlite(data / DB_FILENAME)
    finished = run("--data-dir", data, "list")
    assert finished.returncode == 0, finished.stderr
    recovery_notice(finished.stderr)  # the first code may never have been shown
    assert not is_plain_sqlite(data / DB_FILENAME)
    assert not (data / CONVERTING_FILENAME).exists()
