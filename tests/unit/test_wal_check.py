"""A WAL left by a crash with one changed byte would silently drop committed changes
(issue 17, item 10): storage/wal.py finds it, ``check`` reports it, the open refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import open_unlocked

from familymeeting.domain.errors import DatabaseError
from familymeeting.messages import user_message
from familymeeting.storage.backup import check_data
from familymeeting.storage.database import connect_file
from familymeeting.storage.keys import KeyStore
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.wal import FRAME_HEADER_SIZE, WAL_HEADER_SIZE, find_wal_damage

PASSWORD = "Kaffe hos Lise kl 9"
PAGE = 4096


@pytest.fixture
def crashed(data_dir: Path, tmp_path: Path) -> Path:
    """A copy of an encrypted data dir taken while transactions sat committed in the
    WAL (as a crash leaves it): three commits, none checkpointed."""
    open_unlocked(data_dir, PASSWORD).db.close()
    key = KeyStore.unlock(data_dir, PASSWORD)
    con = connect_file(data_dir / DB_FILENAME, key)
    try:
        con.isolation_level = None
        con.execute("PRAGMA wal_autocheckpoint = 0")
        con.execute("CREATE TABLE note (x)")
        for n in range(3):
            con.execute("INSERT INTO note VALUES (?)", (f"committed {n}" * 200,))
        copy = tmp_path / "crashed"
        copy.mkdir()
        for name in (DB_FILENAME, DB_FILENAME + "-wal", "keys.json"):
            shutil.copy2(data_dir / name, copy / name)
    finally:
        con.close()
    return copy


def _change_a_byte_of_frame(wal: Path, frame: int) -> None:
    raw = bytearray(wal.read_bytes())
    raw[WAL_HEADER_SIZE + (frame - 1) * (FRAME_HEADER_SIZE + PAGE) + FRAME_HEADER_SIZE + 100] ^= 1
    wal.write_bytes(bytes(raw))


def test_a_sound_wal_is_not_flagged(crashed: Path) -> None:
    assert find_wal_damage(crashed / (DB_FILENAME + "-wal")) is None
    assert not check_data(crashed, KeyStore.unlock(crashed, PASSWORD)).database_damaged


def test_a_changed_byte_before_committed_frames_is_reported(crashed: Path) -> None:
    wal = crashed / (DB_FILENAME + "-wal")
    _change_a_byte_of_frame(wal, 1)
    before = wal.read_bytes()
    damage = find_wal_damage(wal)
    assert damage is not None and damage.bad_frame == 1 and damage.lost_commits >= 3
    # `check` (the window's and the command's) says so, instead of "sound".
    result = check_data(crashed, KeyStore.unlock(crashed, PASSWORD))
    assert result.database_damaged
    # The open refuses, moves nothing and leaves the WAL as it is.
    with pytest.raises(DatabaseError) as info:
        open_unlocked(crashed, PASSWORD)
    assert info.value.code == "db_wal_damaged"
    assert "gemte ændringer" in user_message(info.value, "da")
    assert wal.read_bytes() == before
    assert not (crashed / "damaged").exists()


def test_a_torn_last_frame_that_was_never_committed_is_not_flagged(crashed: Path) -> None:
    wal = crashed / (DB_FILENAME + "-wal")
    frames = (wal.stat().st_size - WAL_HEADER_SIZE) // (FRAME_HEADER_SIZE + PAGE)
    # A crash during a write: an uncommitted frame with the current salts, torn.
    raw = wal.read_bytes()
    last = raw[WAL_HEADER_SIZE + (frames - 1) * (FRAME_HEADER_SIZE + PAGE) :]
    torn = bytearray(last[:4] + b"\0\0\0\0" + last[8:])  # not a commit frame
    torn[FRAME_HEADER_SIZE + 50] ^= 1
    wal.write_bytes(raw + bytes(torn))
    assert find_wal_damage(wal) is None
