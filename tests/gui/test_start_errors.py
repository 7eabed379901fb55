"""The window's start says what is wrong when the machine, not the file, is at fault.

A busy database (another connection holds the write lock), data in use by another
process (it holds the data folder's lock) and a side file that can only be read (a
directory where the ``-shm`` belongs, as tests/unit/test_open_errors.py makes it):
the start shows the clear Danish message, never "damaged, bring back a backup", and
nothing is moved or changed. The faults are real, no mocks.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import file_digest, open_unlocked, without_translators
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from familymeeting.app import run_gui
from familymeeting.storage.backup import BackupKind, make_backup
from familymeeting.storage.database import connect_file
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.keys import KeyStore
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services
from familymeeting.ui.lock import UnlockDialog
from familymeeting.ui.recovery import RestoreOfferDialog
from familymeeting.ui.startup import StartupFlow

PASSWORD = "Kaffe ved køkkenbordet 7"
TIMEOUT = 30_000  # ms: Argon2id, and SQLite's 5 s busy timeout


@pytest.fixture
def sealed(data_dir: Path) -> Path:
    """The demo family and a good backup (with one, damage could be offered), closed."""
    result = open_unlocked(data_dir, PASSWORD)
    try:
        create_demo_family(Services(result.db))
        make_backup(result.db, BackupKind.MANUAL)
    finally:
        result.db.close()
    return data_dir


def unlock_and_read_message(qtbot: QtBot, data_dir: Path) -> tuple[StartupFlow, str]:
    flow = StartupFlow(data_dir)
    dialog = flow.start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, UnlockDialog)
    form = dialog.unlock
    form.password.edit.setText(PASSWORD)
    form.submit()
    qtbot.waitUntil(lambda: not form.busy, timeout=TIMEOUT)
    assert not isinstance(flow.dialog, RestoreOfferDialog)  # no "damaged" offer
    assert flow.dialog is dialog and dialog.isVisible()  # still at the start
    assert form.message.isVisible()
    return flow, form.message.text()


def assert_nothing_moved(data_dir: Path, digest: str) -> None:
    assert file_digest(data_dir / DB_FILENAME) == digest
    assert not (data_dir / "damaged").exists()


def test_a_busy_database_at_start_is_explained_and_nothing_moves(
    qtbot: QtBot, sealed: Path, danish: None
) -> None:
    digest = file_digest(sealed / DB_FILENAME)
    other = connect_file(sealed / DB_FILENAME, KeyStore.unlock(sealed, PASSWORD))
    try:
        other.isolation_level = None
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        flow, message = unlock_and_read_message(qtbot, sealed)
    finally:
        other.close()
    assert "optaget" in message, message
    assert "beskadiget" not in message
    assert_nothing_moved(sealed, digest)
    # Once the other program lets go, the same screen opens the data.
    assert isinstance(flow.dialog, UnlockDialog)
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as finished:
        flow.dialog.unlock.password.edit.setText(PASSWORD)
        flow.dialog.unlock.submit()
    result = finished.args[0]
    try:
        assert Services(result.db).list_families()
    finally:
        result.db.close()


def test_a_side_file_that_can_only_be_read_is_explained_and_nothing_moves(
    qtbot: QtBot, sealed: Path, danish: None
) -> None:
    digest = file_digest(sealed / DB_FILENAME)
    shm = sealed / (DB_FILENAME + "-shm")
    shm.mkdir()  # SQLite maps the WAL index read-only: SQLITE_READONLY
    _flow, message = unlock_and_read_message(qtbot, sealed)
    assert "ikke kan skrives" in message, message
    assert "Intet er flyttet" in message
    assert "beskadiget" not in message
    assert not any(word in message.lower() for word in ("readonly", "read-only", "errno"))
    assert_nothing_moved(sealed, digest)
    assert shm.is_dir()


_HOLD = """
import sys
from pathlib import Path
from familymeeting.storage.folder_lock import FolderLock
lock = FolderLock(Path(sys.argv[1]))
lock.acquire()
print("held", flush=True)
sys.stdin.read()  # until the test closes our stdin
lock.release()
"""


@pytest.fixture
def other_owner(sealed: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process (a command, a second window) that owns the data folder."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(sealed)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=60)
    assert proc.stdout is not None
    proc.stdout.close()


def test_data_in_use_by_another_process_is_said_and_nothing_changes(
    qapp: QApplication, sealed: Path, other_owner: subprocess.Popen[str]
) -> None:
    before = {p.name: file_digest(p) for p in sealed.iterdir() if p.is_file()}
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, answer)
    try:
        assert run_gui(sealed) == 2
    finally:
        without_translators(qapp)  # run_gui installed Danish for the rest of this process
    assert len(seen) == 1 and "familymeeting er åben på disse data" in seen[0], seen
    assert "beskadiget" not in seen[0]
    assert {p.name: file_digest(p) for p in sealed.iterdir() if p.is_file()} == before
    assert not (sealed / "damaged").exists()
