"""An edit shown as saved survives the process being killed at once (SIGKILL)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from familymeeting.domain.enums import Role
from familymeeting.storage.database import Database
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

# Drives the real window like a user: tap "+", type, press Enter; then, once the
# board reports the edit saved, prints SAVED and keeps running until it is killed.
EDITOR = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from familymeeting.app import make_app
from familymeeting.storage.database import Database
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow
from familymeeting.settings import Settings

data_dir, meeting_id, column, text = Path(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
app = make_app()
window = MainWindow(Services(Database.open(data_dir)), Settings(data_dir))
window.open_meeting(meeting_id)
window.show()
app.processEvents()
board = window.meeting
board.saved.connect(lambda: print("SAVED", flush=True))
col = board.columns[column]
if len(sys.argv) > 5:  # edit the first card in place
    card = col.cards[col.order[0]]
    QTest.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(20, card.height() - 10))
    col.editor.edit.selectAll()
else:
    QTest.mouseClick(col.add_button, Qt.MouseButton.LeftButton)
for ch in text:  # key events carrying the text, so Danish letters and emoji type too
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
        QApplication.sendEvent(col.editor.edit, event)
QTest.keyClick(col.editor.edit, Qt.Key.Key_Return)
app.exec()
"""


@pytest.fixture
def meeting(data_dir: Path) -> str:
    db = Database.open(data_dir)
    services = Services(db)
    family = services.create_family("Familien Kill")
    services.add_participant(family.id, "Mor", Role.PARENT)
    meeting_id = services.create_meeting(family.id, datetime(2026, 12, 3, 10)).id
    db.close()
    return meeting_id


def edit_then_kill(data_dir: Path, meeting_id: str, column: str, text: str, *extra: str) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(data_dir), meeting_id, column, text, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline()
        os.kill(proc.pid, signal.SIGKILL)  # the moment it says "saved"
        proc.wait(timeout=30)
        assert line.strip() == "SAVED", proc.stderr.read()
    assert proc.returncode == -signal.SIGKILL


def stored(data_dir: Path, meeting_id: str) -> list[tuple[str, str]]:
    con = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return con.execute(
            'SELECT "column", text FROM card WHERE meeting_id = ? ORDER BY "column", position',
            (meeting_id,),
        ).fetchall()
    finally:
        con.close()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_new_card_and_an_edit_survive_kill_9(data_dir: Path, meeting: str) -> None:
    edit_then_kill(data_dir, meeting, "worries", "Far sover dårligt")
    assert stored(data_dir, meeting) == [("worries", "Far sover dårligt")]
    edit_then_kill(data_dir, meeting, "working_well", "Mormor hjælper 😀")
    edit_then_kill(data_dir, meeting, "worries", "Far sover bedre nu", "edit")
    assert stored(data_dir, meeting) == [
        ("working_well", "Mormor hjælper 😀"),
        ("worries", "Far sover bedre nu"),
    ]
