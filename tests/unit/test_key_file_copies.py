"""keys.json has a second copy: damage to one is repaired from the other (issue 17, item 4).

Damage that still parses (a flipped digit in the KDF cost, swapped slots) used to
make every password look wrong; the checksum tells it apart, and the sound copy
opens the data. Only when both copies are damaged is it reported, as damage.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from familymeeting.messages import user_message
from familymeeting.storage.keys import (
    FAILURES_FILENAME,
    KEYS_COPY_FILENAME,
    KEYS_FILENAME,
    KdfParams,
    KeyFileError,
    KeyStore,
    WrongPasswordError,
    key_file_bytes,
)

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSWORD = "Vi ses hos Mormor kl 10"


def _flip_kdf_digit(path: Path) -> None:
    raw = path.read_bytes()
    # "iterations": 1 -> 2: still valid JSON and a valid cost, but not what was wrapped.
    changed = raw.replace(b'"iterations": 1', b'"iterations": 2')
    assert changed != raw
    path.write_bytes(changed)


def _swap_slots(path: Path) -> None:
    doc = json.loads(path.read_bytes())
    slots = doc["slots"]
    slots["password"], slots["recovery"] = slots["recovery"], slots["password"]
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "kdf-digit": _flip_kdf_digit,
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:150]),
    "zeroed": lambda p: p.write_bytes(b"\0" * len(p.read_bytes())),
    "swapped-slots": _swap_slots,
    "empty": lambda p: p.write_bytes(b""),
}


@pytest.fixture
def store(data_dir: Path) -> tuple[Path, bytes, str]:
    key, code = KeyStore.create(data_dir, PASSWORD, kdf=FAST)
    KeyStore.acknowledge_recovery_code(data_dir, code)  # written down (test_recovery_pending)
    return data_dir, key, code


def test_create_writes_two_identical_copies(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, _code = store
    main = (data_dir / KEYS_FILENAME).read_bytes()
    assert (data_dir / KEYS_COPY_FILENAME).read_bytes() == main
    assert key_file_bytes(data_dir) == main


def test_a_password_change_rewrites_both_copies(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, _code = store
    KeyStore.change_password(data_dir, PASSWORD, "en helt anden sætning 7")
    main = (data_dir / KEYS_FILENAME).read_bytes()
    assert (data_dir / KEYS_COPY_FILENAME).read_bytes() == main


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
@pytest.mark.parametrize("which", [KEYS_FILENAME, KEYS_COPY_FILENAME])
def test_one_damaged_copy_is_repaired_from_the_other(
    store: tuple[Path, bytes, str], damage: str, which: str
) -> None:
    data_dir, key, _code = store
    good = (data_dir / KEYS_FILENAME).read_bytes()
    DAMAGE[damage](data_dir / which)
    assert KeyStore.unlock(data_dir, PASSWORD) == key
    assert (data_dir / KEYS_FILENAME).read_bytes() == good
    assert (data_dir / KEYS_COPY_FILENAME).read_bytes() == good
    assert not (data_dir / FAILURES_FILENAME).exists()  # not a wrong password


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_both_copies_damaged_is_reported_as_damage_not_a_wrong_password(
    store: tuple[Path, bytes, str], damage: str
) -> None:
    data_dir, _key, code = store
    for name in (KEYS_FILENAME, KEYS_COPY_FILENAME):
        DAMAGE[damage](data_dir / name)
    before = {n: (data_dir / n).read_bytes() for n in (KEYS_FILENAME, KEYS_COPY_FILENAME)}
    with pytest.raises(KeyFileError) as info:
        KeyStore.unlock(data_dir, PASSWORD)
    assert info.value.code == "keys_corrupt"
    text = user_message(info.value, "da")
    assert "beskadiget" in text
    assert "restore" in text  # says how to get it back: a backup carries the key file
    with pytest.raises(KeyFileError):
        KeyStore.recover(data_dir, code, "en helt anden sætning 7")
    # Nothing written, nothing counted.
    assert {n: (data_dir / n).read_bytes() for n in before} == before
    assert not (data_dir / FAILURES_FILENAME).exists()


def test_a_missing_main_file_is_brought_back_from_the_copy(
    store: tuple[Path, bytes, str],
) -> None:
    data_dir, key, _code = store
    good = (data_dir / KEYS_FILENAME).read_bytes()
    (data_dir / KEYS_FILENAME).unlink()
    assert KeyStore.exists(data_dir)
    assert KeyStore.unlock(data_dir, PASSWORD) == key
    assert (data_dir / KEYS_FILENAME).read_bytes() == good


def test_a_key_file_from_before_the_copy_still_opens_and_gains_a_copy(
    store: tuple[Path, bytes, str],
) -> None:
    """A keys.json written by an earlier version: no checksum, no second copy."""
    data_dir, key, _code = store
    doc = json.loads((data_dir / KEYS_FILENAME).read_bytes())
    del doc["check"]
    old = (json.dumps(doc, indent=2) + "\n").encode("utf-8")
    (data_dir / KEYS_FILENAME).write_bytes(old)
    (data_dir / KEYS_COPY_FILENAME).unlink()
    assert KeyStore.unlock(data_dir, PASSWORD) == key
    assert (data_dir / KEYS_FILENAME).read_bytes() == old
    assert (data_dir / KEYS_COPY_FILENAME).read_bytes() == old


def test_a_wrong_password_is_still_a_wrong_password(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, _code = store
    with pytest.raises(WrongPasswordError):
        KeyStore.unlock(data_dir, "en helt anden sætning 7")
