"""The team key file a team leader hands out (docs/statistics.md, "The keys").

A small JSON file::

    {"format": "familymeeting-team-key", "version": 1,
     "key": "<64 hex digits>", "fingerprint": "7F3A-91C2"}

The key is TEAM_KEY_BYTES random bytes: every caseworker of a team loads the same file,
so the same family gets the same keyed hash in every file the team exports. The
fingerprint is a short hash of the key a leader can read aloud to check that everyone
loaded the same one; it is checked on reading (a typo in a hand-copied file is caught).
The file is made once, never overwritten (a new key would split the team's figures),
and written 0600: whoever holds it can link a family's rows across the team's files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from familymeeting.domain.errors import DiskFullError, UserError
from familymeeting.domain.statistics import TEAM_KEY_BYTES
from familymeeting.messages import os_error_reason

FORMAT = "familymeeting-team-key"
VERSION = 1
MAX_BYTES = 4096  # the file is ~150 bytes; anything much larger is not ours


def new_team_key() -> bytes:
    return secrets.token_bytes(TEAM_KEY_BYTES)


def fingerprint(key: bytes) -> str:
    """Eight hex digits in two groups ("7F3A-91C2"): enough to tell two keys apart by
    voice, and says nothing about the key (a hash of it, under its own label)."""
    digest = hashlib.sha256(b"familymeeting team key fingerprint:" + key).hexdigest()
    return f"{digest[:4]}-{digest[4:8]}".upper()


def team_key_json(key: bytes) -> bytes:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "key": key.hex(),
        "fingerprint": fingerprint(key),
    }
    return (json.dumps(data, indent=2) + "\n").encode()


def write_team_key_file(path: Path, key: bytes | None = None) -> str:
    """Write a new team key to ``path`` (refused if it exists); returns its fingerprint.

    Written beside the final name, fsynced, then hard-linked into place: the link fails
    if the name is taken (no overwrite, even in a race), and a crash leaves no half file.
    """
    key = new_team_key() if key is None else key
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise UserError("team_key_exists", path=str(path))
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UserError("output_unwritable", path=str(path), reason="no_folder")
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as fh:  # mkstemp makes it 0600
            fh.write(team_key_json(key))
            fh.flush()
            os.fsync(fh.fileno())
        os.link(tmp, path)
    except FileExistsError as exc:
        raise UserError("team_key_exists", path=str(path)) from exc
    except OSError as exc:
        if exc.errno is not None and os_error_reason(exc) == "os_disk_full":
            raise DiskFullError("disk_full") from exc
        raise UserError("output_unwritable", path=str(path), reason=os_error_reason(exc)) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return fingerprint(key)


def read_team_key_file(path: Path) -> bytes:
    """The key in a team key file; a file that is not one is a UserError naming it."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise UserError("team_key_unreadable", path=str(path), reason=os_error_reason(exc)) from exc
    if len(raw) > MAX_BYTES:
        raise UserError("team_key_invalid", path=str(path))
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise UserError("team_key_invalid", path=str(path)) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError("team_key_invalid", path=str(path))
    if data.get("version") != VERSION or type(data.get("version")) is not int:
        raise UserError("team_key_version", path=str(path), version=str(data.get("version")))
    text = data.get("key")
    if not isinstance(text, str) or len(text) != 2 * TEAM_KEY_BYTES:
        raise UserError("team_key_invalid", path=str(path))
    try:
        key = bytes.fromhex(text)
    except ValueError as exc:
        raise UserError("team_key_invalid", path=str(path)) from exc
    if data.get("fingerprint") != fingerprint(key):
        raise UserError("team_key_invalid", path=str(path))
    return key
