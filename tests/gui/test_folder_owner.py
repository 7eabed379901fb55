"""The app refuses a data folder another process owns: a dialog says so, nothing changes."""

from __future__ import annotations

from pathlib import Path

from helpers import without_translators
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from familymeeting.app import run_gui
from familymeeting.storage.folder_lock import LOCK_FILENAME, FolderLock


def test_the_window_says_the_data_is_in_use_and_quits(qapp: QApplication, data_dir: Path) -> None:
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        box.accept()

    with FolderLock(data_dir):  # another owner: a second lock is refused in-process too
        QTimer.singleShot(0, answer)
        try:
            assert run_gui(data_dir) == 2
        finally:
            without_translators(QApplication.instance())  # run_gui installed Danish
    assert len(seen) == 1 and "familymeeting er åben på disse data" in seen[0]
    assert sorted(p.name for p in data_dir.iterdir()) == [LOCK_FILENAME]
