"""Settings and backups, "New recovery code…": the password, then the new code, which
becomes valid only when "I have written the code down" is ticked and Continue pressed;
Cancel leaves the old code valid (issue 17, item 5).

Real keys and a real encrypted database in each test's data dir.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import file_digest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from familymeeting.settings import Settings
from familymeeting.storage.keys import KEYS_FILENAME, key_file_bytes, unwrap_key_file
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import acknowledge_recovery_code, open_unlocked
from familymeeting.storage.vault import Vault
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.maintenance import NewRecoveryCodeDialog
from familymeeting.ui.password import RecoveryCodeDialog

PASSWORD = "Kaffe ved køkkenbordet 7"
TIMEOUT = 20_000  # ms; Argon2id on a busy CI machine

pytestmark = pytest.mark.usefixtures("styled")  # the app's look (gui/conftest.py)


@pytest.fixture
def first_code(data_dir: Path) -> Iterator[tuple[Vault, str]]:
    result = open_unlocked(data_dir, PASSWORD)
    assert result.recovery_code
    acknowledge_recovery_code(data_dir, result.recovery_code)
    Services(result.db).create_family("Familien Brink")
    vault = Vault(data_dir, result.db)
    yield vault, result.recovery_code
    vault.close()


@pytest.fixture
def window(
    qtbot: QtBot, first_code: tuple[Vault, str], data_dir: Path, danish: None
) -> Iterator[MainWindow]:
    vault, _code = first_code
    win = MainWindow(vault.services(), Settings(data_dir), vault=vault, idle_ms=3_600_000)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def opens_with(data_dir: Path, code: str) -> bool:
    return unwrap_key_file(key_file_bytes(data_dir), recovery_code=code) is not None


def new_code_shown(qtbot: QtBot, window: MainWindow) -> RecoveryCodeDialog:
    """Settings and backups, New recovery code…, the password: the new code on screen."""
    window.show_maintenance()
    page = window.maintenance
    assert page.new_code_button.text() == "Ny gendannelseskode…"
    qtbot.mouseClick(page.new_code_button, Qt.MouseButton.LeftButton)
    request = page.code_request
    assert isinstance(request, NewRecoveryCodeDialog)
    qtbot.waitExposed(request)
    request.password.edit.setText(PASSWORD)
    qtbot.mouseClick(request.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.code_dialog is not None, timeout=TIMEOUT)
    shown = page.code_dialog
    assert isinstance(shown, RecoveryCodeDialog)
    qtbot.waitExposed(shown)
    assert not shown.continue_button.isEnabled()
    return shown


def code_of(shown: RecoveryCodeDialog) -> str:
    return shown.code_label.text().replace("\n", "-")


def test_ticking_written_down_makes_the_new_code_the_only_valid_one(
    qtbot: QtBot, window: MainWindow, first_code: tuple[Vault, str], data_dir: Path
) -> None:
    _vault, old = first_code
    shown = new_code_shown(qtbot, window)
    new = code_of(shown)
    assert new != old
    # Shown but not yet written down: only the old code opens the data.
    assert opens_with(data_dir, old) and not opens_with(data_dir, new)
    shown.written.setChecked(True)
    qtbot.mouseClick(shown.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.maintenance.code_dialog is None, timeout=TIMEOUT)
    assert opens_with(data_dir, new) and not opens_with(data_dir, old)
    assert "ikke længere" in window.maintenance.status_label.text()


def test_cancel_leaves_the_old_code_valid_and_the_new_one_never_works(
    qtbot: QtBot, window: MainWindow, first_code: tuple[Vault, str], data_dir: Path
) -> None:
    _vault, old = first_code
    shown = new_code_shown(qtbot, window)
    new = code_of(shown)
    shown.written.setChecked(True)  # even ticked: Cancel gives the new code up
    assert shown.cancel_button is not None
    qtbot.mouseClick(shown.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.maintenance.code_dialog is None, timeout=TIMEOUT)
    assert opens_with(data_dir, old) and not opens_with(data_dir, new)
    assert b"recovery-pending" not in (data_dir / KEYS_FILENAME).read_bytes()
    assert "virker stadig" in window.maintenance.status_label.text()


def test_a_wrong_password_makes_no_code(
    qtbot: QtBot, window: MainWindow, first_code: tuple[Vault, str], data_dir: Path
) -> None:
    _vault, old = first_code
    before = file_digest(data_dir / KEYS_FILENAME)
    window.show_maintenance()
    request = window.maintenance.ask_new_recovery_code()
    assert isinstance(request, NewRecoveryCodeDialog)
    request.password.edit.setText("ikke rigtigt kodeord")
    request.submit()
    qtbot.waitUntil(lambda: not request.busy and request.error_label.isVisible(), timeout=TIMEOUT)
    assert "Forkert adgangskode" in request.error_label.text()
    assert window.maintenance.code_dialog is None
    assert file_digest(data_dir / KEYS_FILENAME) == before
    assert opens_with(data_dir, old)
    qtbot.mouseClick(request.cancel_button, Qt.MouseButton.LeftButton)
