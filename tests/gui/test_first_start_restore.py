"""A new laptop: the first-start screen brings back a backup file (issue 17, follow-up).

Real backups made by the storage functions the CLI uses (``backup -o``'s portable
file; an automatic backup with its ``.keys`` sidecar), restored over an empty temp
data folder through the real first-start dialog, with the password or the recovery
code of the backup's time. A failure says why in Danish and leaves the folder as it was.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import open_unlocked
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from familymeeting.storage.backup import BackupKind, keys_sidecar, make_backup, write_backup
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.keys import KeyStore
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import UnlockResult
from familymeeting.ui.password import RecoveryCodeDialog
from familymeeting.ui.startup import SetupPasswordDialog, StartupFlow

PASSWORD = "Kaffe ved køkkenbordet 7"
NEW_PASSWORD = "Et helt nyt kodeord til 2027"
TIMEOUT = 30_000  # ms; Argon2id (twice with a recovery code) on a busy machine

Shot = Callable[..., Path]


class OldLaptop:
    """The demo family on another laptop, with the recovery code of its first start."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir()
        result = open_unlocked(folder, PASSWORD)
        assert result.recovery_code is not None
        self.code = result.recovery_code
        self.db = result.db
        create_demo_family(Services(self.db))
        self.families = sorted(f.display_name for f in Services(self.db).list_families())


@pytest.fixture
def old(tmp_path: Path) -> OldLaptop:
    laptop = OldLaptop(tmp_path / "old-laptop")
    yield laptop  # type: ignore[misc]
    laptop.db.close()


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    stick = tmp_path / "usb"
    stick.mkdir()
    return stick


def portable(old: OldLaptop, usb: Path) -> Path:
    """What ``familymeeting backup -o FILE`` writes: one file with the key file inside."""
    path = usb / "familie.fmbackup"
    write_backup(old.db, path, portable=True)
    return path


def automatic(old: OldLaptop, usb: Path, *, with_keys: bool = True) -> Path:
    """An automatic backup copied from backups/, with (or without) its .keys sidecar."""
    info = make_backup(old.db, BackupKind.AUTO)
    copy = usb / info.path.name
    shutil.copy2(info.path, copy)
    if with_keys:
        shutil.copy2(keys_sidecar(info.path), keys_sidecar(copy))
    return copy


def folder_state(folder: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None
        for p in sorted(folder.rglob("*"))
    }


def first_start(qtbot: QtBot, data_dir: Path) -> tuple[StartupFlow, SetupPasswordDialog]:
    flow = StartupFlow(data_dir)
    dialog = flow.start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, SetupPasswordDialog)
    qtbot.waitExposed(dialog)
    return flow, dialog


def names(result: UnlockResult) -> list[str]:
    return sorted(f.display_name for f in Services(result.db).list_families())


def test_the_first_start_offers_a_backup_file_and_restores_it_with_the_password(
    qtbot: QtBot, data_dir: Path, old: OldLaptop, usb: Path, danish: None, screenshot: Shot
) -> None:
    backup = portable(old, usb)
    flow, dialog = first_start(qtbot, data_dir)
    assert dialog.restore_button.isVisible()
    assert "sikkerhedskopi" in dialog.restore_button.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    form = dialog.restore_form
    assert form.isVisible() and not dialog.form.isVisible()
    assert not form.restore_button.isEnabled()  # no file, no password yet

    # The file is chosen in Qt's file dialog.
    chooser = form.choose_file()
    assert isinstance(chooser, QFileDialog)
    chooser.selectFile(str(backup))
    chooser.accept()
    assert form.backup_file == backup
    assert backup.name in form.file_label.text()
    qtbot.keyClicks(form.password.edit, PASSWORD)
    assert form.restore_button.isEnabled()
    screenshot(dialog, "first-start-restore")

    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as finished:
        qtbot.mouseClick(form.restore_button, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    assert isinstance(result, UnlockResult)
    try:
        assert result.recovery_code is None  # the password of the backup's time goes on
        assert names(result) == old.families
        assert "restore_backup" in [e.event for e in Services(result.db).access_log()]
    finally:
        result.db.close()
    # The backup's password opens the folder from now on.
    again = open_unlocked(data_dir, PASSWORD)
    again.db.close()


def test_a_backup_file_with_the_recovery_code_asks_for_a_new_password(
    qtbot: QtBot, data_dir: Path, old: OldLaptop, usb: Path, danish: None
) -> None:
    backup = automatic(old, usb)
    flow, dialog = first_start(qtbot, data_dir)
    dialog.show_restore()
    form = dialog.restore_form
    form.set_backup_file(backup)
    qtbot.mouseClick(form.use_code, Qt.MouseButton.LeftButton)
    assert form.code_edit.isVisible() and form.new_form.isVisible()
    assert not form.password.isVisible()
    qtbot.keyClicks(form.code_edit, old.code)
    assert not form.restore_button.isEnabled()  # no new password yet
    qtbot.keyClicks(form.new_form.password.edit, NEW_PASSWORD)
    qtbot.keyClicks(form.new_form.confirm.edit, NEW_PASSWORD)
    assert form.restore_button.isEnabled()
    qtbot.mouseClick(form.restore_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: isinstance(flow.dialog, RecoveryCodeDialog), timeout=TIMEOUT)
    shown = flow.dialog
    assert isinstance(shown, RecoveryCodeDialog)
    assert old.code.replace("-", "") not in shown.code_label.text().replace("-", "")
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as finished:
        shown.written.setChecked(True)
        shown.continue_button.click()
    result = finished.args[0]
    assert isinstance(result, UnlockResult)
    try:
        assert result.recovery_code is not None
        assert names(result) == old.families
    finally:
        result.db.close()
    KeyStore.unlock(data_dir, NEW_PASSWORD)  # the new password is the password now


def _wrong_password(old: OldLaptop, usb: Path) -> tuple[Path, str]:
    return portable(old, usb), "Ikke det rigtige kodeord"


def _not_a_backup(old: OldLaptop, usb: Path) -> tuple[Path, str]:
    path = usb / "plan.pdf"
    path.write_bytes(os.urandom(16384))
    return path, PASSWORD


def _damaged(old: OldLaptop, usb: Path) -> tuple[Path, str]:
    path = portable(old, usb)
    size = path.stat().st_size
    with path.open("r+b") as f:  # pages of the database, behind the key file
        f.seek(size - 3 * 4096)
        f.write(os.urandom(2 * 4096))
    return path, PASSWORD


def _without_its_keys(old: OldLaptop, usb: Path) -> tuple[Path, str]:
    return automatic(old, usb, with_keys=False), PASSWORD


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (_wrong_password, "kan ikke åbnes med denne adgangskode"),
        (_not_a_backup, "ikke en sikkerhedskopi"),
        (_damaged, "beskadiget"),
        (_without_its_keys, ".keys"),
    ],
    ids=["wrong password", "not a backup", "damaged", "without its keys"],
)
def test_a_failed_restore_says_why_in_danish_and_leaves_the_folder_as_it_was(
    qtbot: QtBot,
    data_dir: Path,
    old: OldLaptop,
    usb: Path,
    danish: None,
    make: Callable[[OldLaptop, Path], tuple[Path, str]],
    words: str,
) -> None:
    backup, password = make(old, usb)
    before = folder_state(data_dir)
    flow, dialog = first_start(qtbot, data_dir)
    dialog.show_restore()
    form = dialog.restore_form
    form.set_backup_file(backup)
    qtbot.keyClicks(form.password.edit, password)
    qtbot.mouseClick(form.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.busy, timeout=TIMEOUT)
    assert form.message.isVisible()
    assert words in form.message.text(), form.message.text()
    assert "Intet er ændret" in form.message.text()
    assert dialog.isVisible() and flow.result is None
    assert folder_state(data_dir) == before
    assert form.password.text() == ""
