"""A new recovery code is valid only once acknowledged; the old one works until then
(issue 17, item 5). A first start whose code was never acknowledged starts over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from familymeeting.storage import unlock
from familymeeting.storage.keys import (
    KEYS_COPY_FILENAME,
    KEYS_FILENAME,
    KdfParams,
    KeyFileError,
    KeyStore,
    WrongRecoveryCodeError,
    key_file_bytes,
    unwrap_key_file,
)
from familymeeting.storage.paths import DB_FILENAME

FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSWORD = "Vi ses hos Mormor kl 10"
OTHER = "en helt anden sætning 7"
THIRD = "tredje adgangskode til sidst 99"


def slots(data_dir: Path) -> dict[str, object]:
    doc = json.loads((data_dir / KEYS_FILENAME).read_bytes())
    result: dict[str, object] = doc["slots"]
    return result


def opens_with_code(data_dir: Path, code: str) -> bool:
    return unwrap_key_file(key_file_bytes(data_dir), recovery_code=code) is not None


@pytest.fixture
def store(data_dir: Path) -> tuple[Path, bytes, str]:
    key, code = KeyStore.create(data_dir, PASSWORD, kdf=FAST)
    KeyStore.acknowledge_recovery_code(data_dir, code)
    return data_dir, key, code


def test_a_first_start_code_is_pending_until_acknowledged(data_dir: Path) -> None:
    key, code = KeyStore.create(data_dir, PASSWORD, kdf=FAST)
    assert set(slots(data_dir)) == {"password", "recovery-pending"}
    assert not KeyStore.is_finished(data_dir)
    assert not opens_with_code(data_dir, code)
    with pytest.raises(WrongRecoveryCodeError):
        KeyStore.recover(data_dir, code, OTHER)
    KeyStore.acknowledge_recovery_code(data_dir, code)
    assert set(slots(data_dir)) == {"password", "recovery"}
    assert KeyStore.is_finished(data_dir)
    assert opens_with_code(data_dir, code)
    # Both copies carry the acknowledged file.
    assert (data_dir / KEYS_FILENAME).read_bytes() == (data_dir / KEYS_COPY_FILENAME).read_bytes()
    assert KeyStore.unlock(data_dir, PASSWORD) == key


def test_a_new_code_is_not_valid_and_the_old_one_is_until_acknowledged(
    store: tuple[Path, bytes, str],
) -> None:
    data_dir, key, old = store
    new = KeyStore.new_recovery_code(data_dir, PASSWORD)
    assert opens_with_code(data_dir, old)
    assert not opens_with_code(data_dir, new)
    KeyStore.acknowledge_recovery_code(data_dir, new)
    assert opens_with_code(data_dir, new)
    assert not opens_with_code(data_dir, old)
    assert "recovery-pending" not in slots(data_dir)
    assert KeyStore.recover(data_dir, new, OTHER)
    assert KeyStore.unlock(data_dir, OTHER) == key


def test_a_withdrawn_code_never_becomes_valid(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, old = store
    new = KeyStore.new_recovery_code(data_dir, PASSWORD)
    KeyStore.withdraw_recovery_code(data_dir)
    assert "recovery-pending" not in slots(data_dir)
    with pytest.raises(KeyFileError) as info:
        KeyStore.acknowledge_recovery_code(data_dir, new)
    assert info.value.code == "recovery_code_stale"
    assert opens_with_code(data_dir, old)
    assert not opens_with_code(data_dir, new)


def test_only_the_code_that_was_shown_is_made_valid(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, old = store
    first = KeyStore.new_recovery_code(data_dir, PASSWORD)
    second = KeyStore.new_recovery_code(data_dir, PASSWORD)  # replaces the pending one
    before = (data_dir / KEYS_FILENAME).read_bytes()
    with pytest.raises(KeyFileError) as info:
        KeyStore.acknowledge_recovery_code(data_dir, first)
    assert info.value.code == "recovery_code_stale"
    assert (data_dir / KEYS_FILENAME).read_bytes() == before
    KeyStore.acknowledge_recovery_code(data_dir, second)
    assert opens_with_code(data_dir, second)
    assert not opens_with_code(data_dir, old) and not opens_with_code(data_dir, first)


def test_recover_keeps_the_used_code_valid_until_the_new_one_is_acknowledged(
    store: tuple[Path, bytes, str],
) -> None:
    data_dir, key, used = store
    new = KeyStore.recover(data_dir, used, OTHER)
    assert KeyStore.unlock(data_dir, OTHER) == key  # the new password is set at once
    assert opens_with_code(data_dir, used)
    assert not opens_with_code(data_dir, new)
    # Not acknowledged (the code never reached the user): the used code still works.
    KeyStore.withdraw_recovery_code(data_dir)
    again = KeyStore.recover(data_dir, used, THIRD)
    KeyStore.acknowledge_recovery_code(data_dir, again)
    assert not opens_with_code(data_dir, used)
    assert KeyStore.recover(data_dir, again, PASSWORD)


def test_a_pending_slot_survives_a_password_change(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, _old = store
    new = KeyStore.new_recovery_code(data_dir, PASSWORD)
    KeyStore.change_password(data_dir, PASSWORD, OTHER)
    KeyStore.acknowledge_recovery_code(data_dir, new)
    assert opens_with_code(data_dir, new)


def test_a_key_file_without_any_recovery_slot_is_damage(data_dir: Path) -> None:
    KeyStore.create(data_dir, PASSWORD, kdf=FAST)
    for name in (KEYS_FILENAME, KEYS_COPY_FILENAME):
        doc = json.loads((data_dir / name).read_bytes())
        del doc["slots"]["recovery-pending"]
        del doc["check"]
        (data_dir / name).write_text(json.dumps(doc))
    with pytest.raises(KeyFileError) as info:
        KeyStore.unlock(data_dir, PASSWORD)
    assert info.value.code == "keys_corrupt"


# ------------------------------------------------------------------ first start
def test_an_unacknowledged_first_start_is_new_again_and_starts_over(data_dir: Path) -> None:
    result = unlock.open_unlocked(data_dir, PASSWORD)
    assert result.recovery_code
    result.db.close()
    # Never acknowledged: the folder is not finished; nothing in it can hold case data.
    assert unlock.data_state(data_dir) is unlock.DataState.NEW
    assert unlock.first_start_unfinished(data_dir)
    again = unlock.open_unlocked(data_dir, OTHER)  # another password: a clean start
    assert again.recovery_code and again.recovery_code != result.recovery_code
    unlock.acknowledge_recovery_code(data_dir, again.recovery_code)
    again.db.close()
    assert not (data_dir / unlock.FIRST_START_FILENAME).exists()
    assert unlock.data_state(data_dir) is unlock.DataState.ENCRYPTED
    reopened = unlock.open_unlocked(data_dir, OTHER)
    assert reopened.recovery_code is None
    reopened.db.close()
    assert opens_with_code(data_dir, again.recovery_code)


def test_withdrawing_a_first_start_code_undoes_the_first_start(data_dir: Path) -> None:
    result = unlock.open_unlocked(data_dir, PASSWORD)
    result.db.close()
    unlock.withdraw_recovery_code(data_dir)
    names = {p.name for p in data_dir.iterdir()}
    assert not names & {KEYS_FILENAME, KEYS_COPY_FILENAME, DB_FILENAME, unlock.FIRST_START_FILENAME}
    assert unlock.data_state(data_dir) is unlock.DataState.NEW


def test_a_finished_first_start_is_never_started_over(data_dir: Path) -> None:
    result = unlock.open_unlocked(data_dir, PASSWORD)
    assert result.recovery_code
    unlock.acknowledge_recovery_code(data_dir, result.recovery_code)
    result.db.close()
    # A marker a kill left after the acknowledgement is ignored.
    (data_dir / unlock.FIRST_START_FILENAME).write_text("{}")
    assert unlock.data_state(data_dir) is unlock.DataState.ENCRYPTED
    again = unlock.open_unlocked(data_dir, PASSWORD)
    assert again.recovery_code is None
    again.db.close()
    assert (data_dir / DB_FILENAME).exists()
