"""Reading a WAL file's frame headers, to find committed changes SQLite would drop.

SQLite replays a ``-wal`` file frame by frame and stops at the first frame whose
cumulative checksum fails (the SQLite file format, "WAL file format"): everything
after it is taken for a write torn by a crash and silently ignored. That is right
for the last, uncommitted transaction, but a single changed byte in an early frame
also throws away every transaction committed after it, and ``quick_check`` then
finds a consistent, older database. So before opening, and in ``check``, the
frames are read here: a frame carrying the header's salts (so written since the
WAL was last restarted) that fails the checksum, with a commit frame at or after
it, means committed changes would be lost.

SQLCipher encrypts each frame's page, but the WAL header and frame headers (salts,
checksums) are plain, and the checksums are over the bytes as written. Pure
Python, no Qt, reads only; nothing here ever changes or deletes a WAL.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

WAL_HEADER_SIZE = 32
FRAME_HEADER_SIZE = 24
_MAGIC_LITTLE = 0x377F0682  # checksums over little-endian words
_MAGIC_BIG = 0x377F0683  # checksums over big-endian words
_MASK = 0xFFFFFFFF


@dataclass(frozen=True)
class WalDamage:
    """A WAL whose frame ``bad_frame`` (1-based) fails its checksum although it carries
    the current salts, with ``lost_commits`` committed transactions at or after it."""

    path: Path
    bad_frame: int
    lost_commits: int


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    # SQLite's walChecksumBytes: pairs of 32-bit words, Fibonacci-weighted sums.
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & _MASK
        s1 = (s1 + words[i + 1] + s0) & _MASK
    return s0, s1


def find_wal_damage(wal: Path) -> WalDamage | None:
    """The damage in the WAL file ``wal`` that would drop committed changes, or None.

    None also for a missing, empty or unrecognised WAL (SQLite ignores one whose
    header is not valid, so it hides nothing), and for a torn last transaction that
    was never committed (a crash during a write: nothing saved is lost).
    """
    try:
        data = Path(wal).read_bytes()
    except OSError:
        return None  # missing, a folder, unreadable: the open reports that itself
    if len(data) < WAL_HEADER_SIZE:
        return None
    magic, _version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:32])
    if magic not in (_MAGIC_LITTLE, _MAGIC_BIG) or page_size < 512:
        return None
    big = magic == _MAGIC_BIG
    s0, s1 = _checksum(data[:24], big, 0, 0)
    if (s0, s1) != (c0, c1):
        return None  # an invalid header: SQLite ignores the whole WAL, and so do we
    frame_size = FRAME_HEADER_SIZE + page_size
    bad_frame = 0
    lost_commits = 0
    offset = WAL_HEADER_SIZE
    number = 0
    while offset + frame_size <= len(data):
        number += 1
        header = data[offset : offset + FRAME_HEADER_SIZE]
        _page, db_size, f_salt1, f_salt2, f_c0, f_c1 = struct.unpack(">6I", header)
        current = (f_salt1, f_salt2) == (salt1, salt2)
        if not bad_frame:
            n0, n1 = _checksum(header[:8], big, s0, s1)
            n0, n1 = _checksum(data[offset + FRAME_HEADER_SIZE : offset + frame_size], big, n0, n1)
            if current and (n0, n1) == (f_c0, f_c1):
                s0, s1 = n0, n1
            elif current:
                bad_frame = number
        if bad_frame and current and db_size:
            lost_commits += 1
        offset += frame_size
    if bad_frame and lost_commits:
        return WalDamage(Path(wal), bad_frame, lost_commits)
    return None


__all__ = ["WalDamage", "find_wal_damage"]
