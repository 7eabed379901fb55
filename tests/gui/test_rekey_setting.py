"""Settings' "Change the data key" (issue 17, item 8, the app's part of passwd --rekey).

A real window over a real encrypted data dir with real backups: a wrong password
changes no byte; the right one shows progress, then the new recovery code, and
afterwards an old copy of keys.json opens nothing in the folder, the new code
recovers, the window goes on saving, backing up, locking and unlocking.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import open_unlocked
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from familymeeting.messages import user_message
from familymeeting.settings import Settings
from familymeeting.storage.backup import backup_opens_with, list_backups
from familymeeting.storage.keys import (
    KEYS_FILENAME,
    KeyStore,
    WrongPasswordError,
    unwrap_key_file,
)
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.rekey import journal_path
from familymeeting.storage.services import Services
from familymeeting.storage.vault import Vault
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.password import group_code
from familymeeting.ui.rekey import RekeyDialog

PASSWORD = "Kaffe ved køkkenbordet 7"
TIMEOUT = 30_000  # ms; Argon2id twice and every backup on a busy machine

pytestmark = pytest.mark.usefixtures("styled")


@pytest.fixture
def first_code(data_dir: Path) -> str:
    """The recovery code of the first start (the one a re-key must make useless)."""
    result = open_unlocked(data_dir, PASSWORD)
    assert result.recovery_code
    services = Services(result.db)
    family = services.create_family("Familien Brink")
    services.add_participant(family.id, "Maja", "child", birth_year=2014)
    result.db.close()
    return result.recovery_code


@pytest.fixture
def vault(data_dir: Path, first_code: str) -> Iterator[Vault]:
    vault = Vault(data_dir, open_unlocked(data_dir, PASSWORD).db)
    vault.backup_now()
    vault.services().create_family("Familien Holm")
    vault.backup_now()
    assert len(list_backups(data_dir)) == 2
    yield vault
    vault.close()


@pytest.fixture
def window(qtbot: QtBot, vault: Vault, data_dir: Path, danish: None) -> Iterator[MainWindow]:
    win = MainWindow(vault.services(), Settings(data_dir), vault=vault, idle_ms=3_600_000)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def open_dialog(window: MainWindow) -> RekeyDialog:
    window.settings_action.trigger()
    page = window.maintenance
    assert page.rekey_button.text() == "Skift datanøglen…"
    page.rekey_button.click()
    dialog = page.rekey_dialog
    assert isinstance(dialog, RekeyDialog) and dialog.isVisible()
    return dialog


def names(services: Services) -> set[str]:
    return {f.display_name for f in services.list_families(include_archived=True)}


def test_a_wrong_password_is_said_and_changes_nothing(
    qtbot: QtBot, window: MainWindow, vault: Vault, data_dir: Path
) -> None:
    keys_before = (data_dir / KEYS_FILENAME).read_bytes()
    db_before = (data_dir / DB_FILENAME).read_bytes()
    backups_before = {b.path: b.path.read_bytes() for b in list_backups(data_dir)}
    key_before = vault.db.key if vault.db else None

    dialog = open_dialog(window)
    assert not dialog.start_button.isEnabled()  # nothing typed yet
    dialog.password.edit.setText("ikke kodeordet")
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=TIMEOUT)

    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text() == user_message(WrongPasswordError("wrong_password"))
    assert dialog.error_label.text().startswith("Forkert adgangskode")
    assert dialog.password.text() == ""  # to type again
    assert not dialog.progress_bar.isVisible()
    assert dialog.code_dialog is None
    # Not a byte changed: the key file, the database, the backups, the open key.
    assert (data_dir / KEYS_FILENAME).read_bytes() == keys_before
    assert (data_dir / DB_FILENAME).read_bytes() == db_before
    assert {b.path: b.path.read_bytes() for b in list_backups(data_dir)} == backups_before
    assert vault.db is not None and vault.db.key == key_before
    assert not journal_path(data_dir).exists()
    # Cancel closes it, as nothing is under way.
    dialog.cancel_button.click()
    assert not dialog.isVisible() and dialog.result_ is None


def test_the_right_password_re_keys_and_the_window_carries_on(
    qtbot: QtBot,
    window: MainWindow,
    vault: Vault,
    data_dir: Path,
    first_code: str,
    tmp_path: Path,
) -> None:
    old_keys = (data_dir / KEYS_FILENAME).read_bytes()
    old_key = unwrap_key_file(old_keys, password=PASSWORD)
    assert old_key is not None and vault.db is not None and vault.db.key == old_key

    dialog = open_dialog(window)
    values: list[int] = []
    dialog.progress_bar.valueChanged.connect(values.append)
    dialog.password.edit.setText(PASSWORD)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    # Under way: the progress shows, and neither Cancel, Escape nor a lock ends it.
    assert dialog.busy and dialog.progress_bar.isVisible()
    assert not dialog.cancel_button.isEnabled() and not dialog.password.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    window.lock()  # e.g. the idle lock: it waits for the change
    assert not window.locked

    qtbot.waitUntil(lambda: dialog.code_dialog is not None, timeout=TIMEOUT)
    code_dialog = dialog.code_dialog
    assert code_dialog is not None and code_dialog.isVisible()
    assert values and values[-1] == 2 and dialog.progress_bar.maximum() == 2
    result = dialog.result_
    assert result is not None and result.backups_reencrypted == 2
    code = result.recovery_code
    assert code_dialog.code_label.text() == group_code(code)
    assert "gamle gendannelseskode virker ikke længere" in code_dialog.note.text()
    assert code_dialog.note.isVisible()
    assert not journal_path(data_dir).exists()

    # The code is written down: both dialogs close, the page says what happened, and the
    # lock asked for meanwhile happens now.
    assert not code_dialog.continue_button.isEnabled()
    code_dialog.written.setChecked(True)
    qtbot.mouseClick(code_dialog.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.locked, timeout=TIMEOUT)
    assert not dialog.isVisible()

    # An old copy of keys.json opens nothing in the folder; the old code is dead.
    vault.wait_closed()
    new_keys = (data_dir / KEYS_FILENAME).read_bytes()
    new_key = unwrap_key_file(new_keys, password=PASSWORD)
    assert new_key is not None and new_key != old_key
    assert unwrap_key_file(new_keys, recovery_code=first_code) is None
    assert unwrap_key_file(new_keys, recovery_code=code) == new_key
    assert not backup_opens_with(data_dir / DB_FILENAME, old_key)
    assert backup_opens_with(data_dir / DB_FILENAME, new_key)
    backups = list_backups(data_dir)
    assert len(backups) >= 2
    for backup in backups:
        assert not backup_opens_with(backup.path, old_key), backup.path
        assert backup_opens_with(backup.path, new_key), backup.path

    # The new code recovers (on a copy of the folder).
    copy = tmp_path / "copy"
    shutil.copytree(data_dir, copy)
    KeyStore.recover(copy, code, "Et nyt kodeord til kopien 42")
    assert KeyStore.unlock(copy, "Et nyt kodeord til kopien 42") == new_key

    # Unlock with the same password: the window is back over the same data.
    lock_screen = window.lock_screen
    assert lock_screen is not None
    with qtbot.waitSignal(window.locked_changed, timeout=TIMEOUT):
        lock_screen.unlock.password.edit.setText(PASSWORD)
        lock_screen.unlock.submit()
    assert not window.locked
    assert names(window.services) >= {"Familien Brink", "Familien Holm"}


def test_after_a_re_key_edits_are_saved_and_the_next_backup_is_under_the_new_key(
    qtbot: QtBot, window: MainWindow, vault: Vault, data_dir: Path
) -> None:
    old_key = unwrap_key_file((data_dir / KEYS_FILENAME).read_bytes(), password=PASSWORD)
    dialog = open_dialog(window)
    dialog.password.edit.setText(PASSWORD)
    assert dialog.submit()
    qtbot.waitUntil(lambda: dialog.code_dialog is not None, timeout=TIMEOUT)
    code_dialog = dialog.code_dialog
    assert code_dialog is not None
    code_dialog.written.setChecked(True)
    code_dialog.continue_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    page = window.maintenance
    assert "Datanøglen er skiftet" in page.status_label.text()
    assert not window.locked  # nobody asked for a lock

    # The window's own services save an edit, into the database under the new key.
    window.services.create_family("Familien Efter")
    assert vault.db is not None
    new_key = vault.db.key
    assert new_key is not None and new_key != old_key
    # The next automatic backup is made, and opens with the new key only.
    info = vault.backup_if_changed()
    assert info is not None
    assert backup_opens_with(info.path, new_key)
    assert old_key is not None and not backup_opens_with(info.path, old_key)

    # Lock and unlock with the same password: the edit is there.
    window.lock()
    assert window.locked
    lock_screen = window.lock_screen
    assert lock_screen is not None
    with qtbot.waitSignal(window.locked_changed, timeout=TIMEOUT):
        lock_screen.unlock.password.edit.setText(PASSWORD)
        lock_screen.unlock.submit()
    assert "Familien Efter" in names(window.services)
    assert vault.db is not None and vault.db.key == new_key
