"""The key file: wrapping the data key with the password and the recovery code."""

from __future__ import annotations

import base64
import json
import math
import os
import stat
import unicodedata
from pathlib import Path

import pytest
from helpers import file_digest

from familymeeting.domain.errors import UserError
from familymeeting.domain.passwords import (
    MIN_PASSWORD_LENGTH,
    MIN_STRENGTH,
    WeakPasswordError,
    check_new_password,
    is_acceptable,
    password_hint_code,
    password_strength,
)
from familymeeting.messages import MESSAGES, catalogue, render, user_message
from familymeeting.storage import keys as keys_module
from familymeeting.storage.keys import (
    DEFAULT_KDF,
    FAILURES_FILENAME,
    KEYS_COPY_FILENAME,
    KEYS_FILENAME,
    RECOVERY_ALPHABET,
    RECOVERY_BITS,
    KdfParams,
    KeyFileError,
    KeyStore,
    UnlockDelayedError,
    WrongPasswordError,
    WrongRecoveryCodeError,
    failure_delay,
    normalize_recovery_code,
)

# The smallest cost the file format accepts: these tests are about the format and the
# logic, not about Argon2id's cost (one test below uses the real parameters).
FAST = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
PASSWORD = "Vi ses hos Mormor kl 10"
OTHER = "en helt anden sætning 7"


@pytest.fixture
def store(data_dir: Path) -> tuple[Path, bytes, str]:
    key, code = KeyStore.create(data_dir, PASSWORD, kdf=FAST)
    KeyStore.acknowledge_recovery_code(data_dir, code)  # written down (test_recovery_pending)
    return data_dir, key, code


def keyfile(data_dir: Path) -> dict[str, object]:
    doc: dict[str, object] = json.loads((data_dir / KEYS_FILENAME).read_bytes())
    return doc


# ------------------------------------------------------------------ create/unlock
def test_create_then_unlock_gives_the_same_random_key(data_dir: Path) -> None:
    assert not KeyStore.exists(data_dir)
    key, _code = KeyStore.create(data_dir, PASSWORD)  # the real Argon2id cost
    assert KeyStore.exists(data_dir)
    assert len(key) == 32
    assert KeyStore.unlock(data_dir, PASSWORD) == key
    doc = keyfile(data_dir)
    assert doc["format"] == "familymeeting-keys"
    assert doc["version"] == 1
    assert doc["kdf"] == {
        "algorithm": "argon2id",
        "version": 19,
        "memory_kib": 65536,
        "iterations": 3,
        "lanes": 4,
    }
    assert DEFAULT_KDF.memory_kib >= 64 * 1024 and DEFAULT_KDF.iterations >= 3
    assert DEFAULT_KDF.lanes >= 4
    # Nothing beside the key file: no failure counter after a success.
    assert sorted(p.name for p in data_dir.iterdir()) == sorted([KEYS_FILENAME, KEYS_COPY_FILENAME])


def test_two_key_files_never_share_key_salt_or_nonce(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    key_a, code_a = KeyStore.create(a, PASSWORD, kdf=FAST)
    key_b, code_b = KeyStore.create(b, PASSWORD, kdf=FAST)
    assert key_a != key_b
    assert code_a != code_b
    slots_a, slots_b = keyfile(a)["slots"], keyfile(b)["slots"]
    assert isinstance(slots_a, dict) and isinstance(slots_b, dict)
    values_a = {v for slot in slots_a.values() for v in slot.values()}
    values_b = {v for slot in slots_b.values() for v in slot.values()}
    assert not values_a & values_b


def test_the_key_file_holds_no_secret_in_plain(store: tuple[Path, bytes, str]) -> None:
    data_dir, key, code = store
    raw = (data_dir / KEYS_FILENAME).read_bytes()
    for secret in (
        key,
        key.hex().encode(),
        base64.b64encode(key),
        PASSWORD.encode(),
        code.encode(),
        code.replace("-", "").encode(),
    ):
        assert secret not in raw


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_key_file_is_readable_by_its_owner_only(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, _code = store
    mode = stat.S_IMODE((data_dir / KEYS_FILENAME).stat().st_mode)
    assert mode & 0o077 == 0


def test_create_never_replaces_a_key_file(store: tuple[Path, bytes, str]) -> None:
    data_dir, key, _code = store
    before = file_digest(data_dir / KEYS_FILENAME)
    with pytest.raises(KeyFileError) as info:
        KeyStore.create(data_dir, OTHER, kdf=FAST)
    assert info.value.code == "keys_exist"
    assert file_digest(data_dir / KEYS_FILENAME) == before
    assert KeyStore.unlock(data_dir, PASSWORD) == key
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".")]


def test_create_refuses_a_short_password_and_writes_nothing(data_dir: Path) -> None:
    with pytest.raises(WeakPasswordError) as info:
        KeyStore.create(data_dir, "kort123", kdf=FAST)
    assert info.value.code == "password_too_short"
    assert list(data_dir.iterdir()) == []


def test_create_in_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x", encoding="utf-8")
    with pytest.raises(UserError) as info:
        KeyStore.create(not_a_dir, PASSWORD, kdf=FAST)
    assert info.value.code == "data_dir_unusable"
    assert not_a_dir.read_text(encoding="utf-8") == "x"


def test_the_same_password_typed_composed_or_decomposed(data_dir: Path) -> None:
    password = unicodedata.normalize("NFC", "blåbærgrød på Ærø")
    key, _code = KeyStore.create(data_dir, password, kdf=FAST)
    decomposed = unicodedata.normalize("NFD", password)
    assert decomposed != password
    assert KeyStore.unlock(data_dir, decomposed) == key


# ----------------------------------------------------------------- wrong password
def test_wrong_password_changes_nothing_but_the_counter(store: tuple[Path, bytes, str]) -> None:
    data_dir, key, _code = store
    before = file_digest(data_dir / KEYS_FILENAME)
    with pytest.raises(WrongPasswordError) as info:
        KeyStore.unlock(data_dir, OTHER)
    assert info.value.code == "wrong_password"
    assert "Forkert adgangskode" in user_message(info.value, "da")
    assert "Wrong password" in user_message(info.value, "en")
    assert file_digest(data_dir / KEYS_FILENAME) == before
    assert sorted(p.name for p in data_dir.iterdir()) == sorted(
        [FAILURES_FILENAME, KEYS_FILENAME, KEYS_COPY_FILENAME]
    )
    assert len(KeyStore.failed_attempts(data_dir)) == 1

    assert KeyStore.unlock(data_dir, PASSWORD) == key
    assert not (data_dir / FAILURES_FILENAME).exists()  # a success resets the count
    assert KeyStore.failed_attempts(data_dir) == []


def test_a_password_differing_in_case_or_space_is_wrong(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, _code = store
    for near in (PASSWORD.lower(), PASSWORD + " ", " " + PASSWORD, PASSWORD[:-1]):
        with pytest.raises(WrongPasswordError):
            KeyStore.unlock(data_dir, near, wait=False, sleep=lambda s: None)
        keys_module._reset_failures(data_dir)


# ----------------------------------------------------------------- growing delay
def test_the_delay_schedule() -> None:
    assert [failure_delay(n) for n in range(11)] == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30, 30]
    assert failure_delay(10_000) == 30


def test_waiting_follows_the_counter_and_the_clock(
    store: tuple[Path, bytes, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir, key, _code = store
    clock = [1_000_000.0]
    monkeypatch.setattr(keys_module.time, "time", lambda: clock[0])
    slept: list[float] = []

    for _ in range(3):  # the free tries: no waiting before any of them
        with pytest.raises(WrongPasswordError):
            KeyStore.unlock(data_dir, OTHER, sleep=slept.append)
    assert slept == []
    assert KeyStore.seconds_to_wait(data_dir) == 1

    clock[0] += 0.25
    assert KeyStore.seconds_to_wait(data_dir) == pytest.approx(0.75)
    # A window asks not to be blocked: told how long to wait, the counter unchanged.
    with pytest.raises(UnlockDelayedError) as info:
        KeyStore.unlock(data_dir, PASSWORD, wait=False)
    assert info.value.code == "unlock_wait"
    assert info.value.params["seconds"] == 1
    assert "Vent 1 sekund," in user_message(info.value, "da")  # one second, not "sekunder"
    assert len(KeyStore.failed_attempts(data_dir)) == 3

    # The command line waits (here: says it would), then tries.
    with pytest.raises(WrongPasswordError):
        KeyStore.unlock(data_dir, OTHER, sleep=slept.append)
    assert slept == [pytest.approx(0.75)]
    assert KeyStore.seconds_to_wait(data_dir) == 2

    clock[0] += 5  # the delay has passed
    assert KeyStore.seconds_to_wait(data_dir) == 0
    clock[0] -= 3600  # a clock set back an hour never means waiting longer than the delay
    assert KeyStore.seconds_to_wait(data_dir) == 2
    clock[0] += 3600
    assert KeyStore.unlock(data_dir, PASSWORD, sleep=slept.append) == key
    assert KeyStore.seconds_to_wait(data_dir) == 0


def test_a_damaged_counter_starts_again(store: tuple[Path, bytes, str]) -> None:
    data_dir, key, _code = store
    (data_dir / FAILURES_FILENAME).write_bytes(b"{not json")
    assert KeyStore.seconds_to_wait(data_dir) == 0
    assert KeyStore.failed_attempts(data_dir) == []
    assert KeyStore.unlock(data_dir, PASSWORD) == key


# ------------------------------------------------------------- password change
def test_change_password_rewraps_only_the_password_copy(store: tuple[Path, bytes, str]) -> None:
    data_dir, key, code = store
    slots_before = keyfile(data_dir)["slots"]
    KeyStore.change_password(data_dir, PASSWORD, OTHER)
    slots_after = keyfile(data_dir)["slots"]
    assert isinstance(slots_before, dict) and isinstance(slots_after, dict)
    assert slots_after["recovery"] == slots_before["recovery"]
    assert slots_after["password"] != slots_before["password"]
    assert KeyStore.unlock(data_dir, OTHER) == key
    with pytest.raises(WrongPasswordError):
        KeyStore.unlock(data_dir, PASSWORD)
    # The recovery code still works after a password change.
    assert KeyStore.recover(data_dir, code, PASSWORD)


def test_change_password_with_the_wrong_old_one(store: tuple[Path, bytes, str]) -> None:
    data_dir, key, _code = store
    before = file_digest(data_dir / KEYS_FILENAME)
    with pytest.raises(WrongPasswordError):
        KeyStore.change_password(data_dir, OTHER, "noget helt nyt 2027")
    with pytest.raises(WeakPasswordError):
        KeyStore.change_password(data_dir, PASSWORD, "kort")
    assert file_digest(data_dir / KEYS_FILENAME) == before
    assert KeyStore.unlock(data_dir, PASSWORD) == key


# ---------------------------------------------------------------- recovery code
def test_recovery_code_shape_and_entropy(store: tuple[Path, bytes, str]) -> None:
    _data_dir, _key, code = store
    groups = code.split("-")
    assert len(groups) == 8
    assert all(len(g) == 4 and set(g) <= set(RECOVERY_ALPHABET) for g in groups)
    assert not set("01ILOU") & set(RECOVERY_ALPHABET)
    assert RECOVERY_BITS >= 128
    assert pytest.approx(32 * math.log2(30)) == RECOVERY_BITS


def test_recover_sets_a_new_password_and_replaces_the_code(
    store: tuple[Path, bytes, str],
) -> None:
    data_dir, key, code = store
    new_code = KeyStore.recover(data_dir, code, OTHER)
    assert new_code != code
    KeyStore.acknowledge_recovery_code(data_dir, new_code)
    assert KeyStore.unlock(data_dir, OTHER) == key  # the same data key: no re-encryption
    with pytest.raises(WrongPasswordError):
        KeyStore.unlock(data_dir, PASSWORD)
    before = file_digest(data_dir / KEYS_FILENAME)
    with pytest.raises(WrongRecoveryCodeError) as info:
        KeyStore.recover(data_dir, code, "tredje adgangskode 99")  # the old code is spent
    assert info.value.code == "wrong_recovery_code"
    assert "kan dataene ikke læses" in user_message(info.value, "da")
    assert file_digest(data_dir / KEYS_FILENAME) == before
    # The new code works, typed in lower case with spaces.
    typed = new_code.lower().replace("-", " ")
    assert KeyStore.recover(data_dir, typed, PASSWORD)
    assert KeyStore.unlock(data_dir, PASSWORD) == key


def test_a_malformed_code_is_not_counted_as_a_guess(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, code = store
    before = file_digest(data_dir / KEYS_FILENAME)
    for typo in (code[:-1], code.replace(code[0], "O", 1), "", code + "X"):
        with pytest.raises(WrongRecoveryCodeError) as info:
            KeyStore.recover(data_dir, typo, OTHER)
        assert info.value.code == "recovery_code_format"
        assert "8 grupper med 4 tegn" in user_message(info.value, "da")
    assert not (data_dir / FAILURES_FILENAME).exists()
    assert file_digest(data_dir / KEYS_FILENAME) == before
    assert normalize_recovery_code(f"  {code.lower()}  ") == code.replace("-", "")


def test_new_recovery_code_needs_the_password(store: tuple[Path, bytes, str]) -> None:
    data_dir, key, code = store
    with pytest.raises(WrongPasswordError):
        KeyStore.new_recovery_code(data_dir, OTHER)
    fresh = KeyStore.new_recovery_code(data_dir, PASSWORD)
    KeyStore.acknowledge_recovery_code(data_dir, fresh)
    with pytest.raises(WrongRecoveryCodeError):
        KeyStore.recover(data_dir, code, OTHER)
    KeyStore.recover(data_dir, fresh, OTHER)
    assert KeyStore.unlock(data_dir, OTHER) == key


# ---------------------------------------------------------- damaged key files
def _edit(data_dir: Path, change: object) -> None:
    """A deliberate edit of both copies, the checksum left out (as an older file has none)."""
    doc = keyfile(data_dir)
    assert callable(change)
    change(doc)
    doc.pop("check", None)
    for name in (KEYS_FILENAME, KEYS_COPY_FILENAME):
        (data_dir / name).write_text(json.dumps(doc), encoding="utf-8")


def test_a_missing_key_file(data_dir: Path) -> None:
    with pytest.raises(KeyFileError) as info:
        KeyStore.unlock(data_dir, PASSWORD)
    assert info.value.code == "keys_missing"
    assert str(data_dir / KEYS_FILENAME) in user_message(info.value, "da")


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(os.urandom(300)),
        lambda p: p.write_bytes(p.read_bytes()[:200]),
        lambda p: p.write_text('{"format": "something-else", "version": 1}', encoding="utf-8"),
        lambda p: p.write_text("[1, 2, 3]", encoding="utf-8"),
    ],
    ids=["empty", "random", "truncated", "other-format", "not-an-object"],
)
def test_a_damaged_key_file_is_a_clear_error(
    store: tuple[Path, bytes, str], damage: object
) -> None:
    data_dir, _key, _code = store
    path = data_dir / KEYS_FILENAME
    assert callable(damage)
    damage(path)
    damage(data_dir / KEYS_COPY_FILENAME)  # one damaged copy is repaired (test_key_file_copies)
    before = file_digest(path)
    with pytest.raises(KeyFileError) as info:
        KeyStore.unlock(data_dir, PASSWORD)
    assert info.value.code == "keys_corrupt"
    assert "beskadiget" in user_message(info.value, "da")
    assert file_digest(path) == before
    assert not (data_dir / FAILURES_FILENAME).exists()  # not counted as a wrong password


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["slots"]["password"].update(salt="AAAA"),
        lambda d: d["slots"].pop("recovery"),
        lambda d: d["kdf"].update(memory_kib=2**40),  # would ask for a petabyte
        lambda d: d["kdf"].update(algorithm="scrypt"),
        lambda d: d.update(version="1"),
    ],
    ids=["short-salt", "no-recovery-slot", "huge-memory", "other-kdf", "version-text"],
)
def test_a_malformed_key_file_is_refused(store: tuple[Path, bytes, str], change: object) -> None:
    data_dir, _key, _code = store
    _edit(data_dir, change)
    with pytest.raises(KeyFileError) as info:
        KeyStore.unlock(data_dir, PASSWORD)
    assert info.value.code == "keys_corrupt"


def test_a_newer_key_file_is_refused(store: tuple[Path, bytes, str]) -> None:
    data_dir, _key, _code = store
    _edit(data_dir, lambda d: d.update(version=2))
    with pytest.raises(KeyFileError) as info:
        KeyStore.unlock(data_dir, PASSWORD)
    assert info.value.code == "keys_too_new"
    assert "nyere udgave" in user_message(info.value, "da")


@pytest.mark.parametrize(
    "change",
    [
        # The two copies swapped: each is bound to its slot.
        lambda d: d["slots"].update(
            password=d["slots"]["recovery"], recovery=d["slots"]["password"]
        ),
        # A cheaper cost written into the file: the cost is bound to the copies too.
        lambda d: d["kdf"].update(memory_kib=9 * 1024),
    ],
    ids=["swapped-slots", "lowered-cost"],
)
def test_a_tampered_key_file_does_not_unlock(
    store: tuple[Path, bytes, str], change: object
) -> None:
    data_dir, _key, _code = store
    _edit(data_dir, change)
    with pytest.raises(WrongPasswordError):
        KeyStore.unlock(data_dir, PASSWORD)


# --------------------------------------------------------------- password hints
@pytest.mark.parametrize(
    ("password", "hint", "strength"),
    [
        ("", "password_too_short", 0),
        ("abc", "password_too_short", 0),
        ("Kort1!", "password_too_short", 1),
        ("aaaaaaaaaaaaaaaa", "password_repeated", 0),
        ("abababababababab", "password_repeated", 0),
        ("kanelsnegle", "password_one_kind", 1),
        ("12345678901234", "password_one_kind", 0),
        ("Sommer2024", "password_common", 1),
        ("Password2023!", "password_common", 1),
        ("adgangskode1234", "password_common", 1),
        ("Kanelsnegle7", None, 3),
        ("tre små grise i skoven", None, 4),
        ("Vi ses hos Mormor kl 10", None, 4),
    ],
)
def test_password_hints(password: str, hint: str | None, strength: int) -> None:
    assert password_hint_code(password) == hint
    assert password_strength(password) == strength


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("x" * (MIN_PASSWORD_LENGTH - 1), "password_too_short"),
        ("abababababababab", "password_weak_repeated"),
        ("kanelsnegle", "password_weak_one_kind"),
        ("password123", "password_weak_common"),
        ("Sommer2024", "password_weak_common"),
    ],
)
def test_a_short_or_weak_password_is_refused_with_why(password: str, code: str) -> None:
    with pytest.raises(WeakPasswordError) as info:
        check_new_password(password)
    assert info.value.code == code
    assert not is_acceptable(password)
    for lang in ("da", "en"):
        assert render(code, lang, **info.value.params) != code


def test_a_fair_password_is_taken_even_with_a_tip() -> None:
    # "Fair" (MIN_STRENGTH) is enough; the tip beside the field is advice only.
    assert password_strength("Vinter i Danmark 2024") >= MIN_STRENGTH
    assert password_hint_code("Vinter i Danmark 2024") is not None
    check_new_password("Vinter i Danmark 2024")
    check_new_password("Kanelsnegle7")
    assert is_acceptable("tre små grise i skoven")


def test_the_key_store_refuses_a_weak_password_and_writes_nothing(data_dir: Path) -> None:
    with pytest.raises(WeakPasswordError) as info:
        KeyStore.create(data_dir, "password123", kdf=FAST)
    assert info.value.code == "password_weak_common"
    assert list(data_dir.iterdir()) == []


def test_every_code_has_danish_and_english_text() -> None:
    codes = {
        "wrong_password",
        "wrong_recovery_code",
        "recovery_code_format",
        "unlock_wait",
        "password_too_short",
        "password_repeated",
        "password_one_kind",
        "password_common",
        "password_weak_repeated",
        "password_weak_one_kind",
        "password_weak_common",
        "password_too_weak",
        "keys_missing",
        "keys_corrupt",
        "keys_too_new",
        "keys_exist",
    }
    for code in codes:
        entry = MESSAGES[code]
        english = entry if isinstance(entry, str) else entry.singular
        assert catalogue("da").gettext(english) != english, code
    # Hints are rendered without parameters (as the password dialog shows them).
    for code in ("password_too_short", "password_repeated", "password_one_kind"):
        assert render(code, "da") and render(code, "en")
    assert f"mindst {MIN_PASSWORD_LENGTH} tegn" in render("password_too_short", "da")
    assert f"at least {MIN_PASSWORD_LENGTH} characters" in render("password_too_short", "en")
