"""``familymeeting check`` reads the WAL too (issue 17, item 10): one changed byte in a
committed frame would silently drop saved changes, so check exits non-zero and says so,
and changes nothing. The installed command as a subprocess, on a real WAL.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import Runner
from helpers import open_unlocked
from passwords import TEST_PASSWORD

from familymeeting.storage.database import connect_file
from familymeeting.storage.keys import KEYS_COPY_FILENAME, KEYS_FILENAME, KeyStore
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.wal import FRAME_HEADER_SIZE, WAL_HEADER_SIZE

PAGE = 4096


def crashed_copy(data: Path, copy: Path) -> Path:
    """A copy taken while three commits sat in the WAL, not checkpointed (a crash)."""
    data.mkdir()
    open_unlocked(data, TEST_PASSWORD).db.close()
    con = connect_file(data / DB_FILENAME, KeyStore.unlock(data, TEST_PASSWORD))
    try:
        con.isolation_level = None
        con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("CREATE TABLE note (x)")
        for n in range(3):
            con.execute("INSERT INTO note VALUES (?)", (f"committed {n}" * 200,))
        copy.mkdir()
        for name in (DB_FILENAME, DB_FILENAME + "-wal", KEYS_FILENAME, KEYS_COPY_FILENAME):
            shutil.copy2(data / name, copy / name)
    finally:
        con.close()
    return copy


def test_check_finds_a_changed_byte_in_a_committed_wal_frame(run: Runner, tmp_path: Path) -> None:
    crashed = crashed_copy(tmp_path / "data", tmp_path / "crashed")
    wal = crashed / (DB_FILENAME + "-wal")
    sound = run("--data-dir", crashed, "check")
    assert sound.returncode == 0, (sound.stdout, sound.stderr)

    raw = bytearray(wal.read_bytes())
    raw[WAL_HEADER_SIZE + FRAME_HEADER_SIZE + 100] ^= 1  # the first frame's page
    wal.write_bytes(bytes(raw))
    before = {p.name: p.read_bytes() for p in crashed.iterdir() if p.is_file()}

    done = run("--data-dir", crashed, "check")
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    assert "beskadiget" in done.stderr, done.stderr
    after = {p.name: p.read_bytes() for p in crashed.iterdir() if p.is_file()}
    assert after[DB_FILENAME] == before[DB_FILENAME]
    assert after[DB_FILENAME + "-wal"] == before[DB_FILENAME + "-wal"]
    assert not (crashed / "damaged").exists()
