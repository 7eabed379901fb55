"""Deleting a family for good in the window: progress while backups are rewritten, and
the damaged/ copies that may still hold the family named, with an offer to delete them."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from familymeeting.storage.backup import damaged_dir, list_backups, make_backup
from familymeeting.storage.services import Services
from familymeeting.ui.family_page import FamilyPage

WORD = "Hemmelig-bekymring-4711"


def _delete_from_page(qtbot: QtBot, services: Services, family_id: str, name: str) -> object:
    page = FamilyPage(services)
    qtbot.addWidget(page)
    page.show_family(family_id)
    dialog = page.delete_family()
    assert dialog is not None
    qtbot.keyClicks(dialog.name_edit, name)
    steps: list[tuple[int, int]] = []
    dialog._relay.step.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(dialog.finished_deleting, timeout=60_000) as finished:
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        # While it runs: the bar shows and nothing can be pressed twice or cancelled.
        assert dialog.progress_bar.isVisible()
        assert not dialog.delete_button.isEnabled()
        assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: bool(steps) and steps[-1][0] == steps[-1][1])
    assert [total for _done, total in steps] == [steps[0][1]] * len(steps)
    return dialog, finished.args[0], steps


def test_the_window_shows_progress_and_keeps_the_other_familys_backups(
    qtbot: QtBot, services: Services, data_dir: Path, danish: None
) -> None:
    gone = services.create_family("Familien Særlig-Xyz")
    meeting = services.create_meeting(gone.id, datetime(2026, 12, 1, 9))
    services.add_card(meeting.id, "worries", WORD)
    services.create_family("Familien Bliver")
    now = datetime.now(UTC)
    for minutes in (90, 60, 30):
        make_backup(services.db, now=now - timedelta(minutes=minutes))
    dialog, result, steps = _delete_from_page(qtbot, services, gone.id, "Familien Særlig-Xyz")
    assert steps[-1] == (3, 3)
    assert result.backups_rewritten == 3
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(list_backups(data_dir)) == 4  # the three restore points stay, and a new one
    assert [f.display_name for f in services.list_families()] == ["Familien Bliver"]


def test_damaged_copies_are_named_and_deleted_when_asked(
    qtbot: QtBot, services: Services, data_dir: Path, danish: None
) -> None:
    gone = services.create_family("Familien Særlig-Xyz")
    make_backup(services.db)
    damaged_dir(data_dir).mkdir()
    copy = damaged_dir(data_dir) / "familymeeting-20261101T100000Z.db"
    shutil.copyfile(list_backups(data_dir)[0].path, copy)
    dialog, result, _steps = _delete_from_page(qtbot, services, gone.id, "Familien Særlig-Xyz")
    assert result.damaged_copies == (copy,)
    assert dialog.isVisible()
    assert dialog.damaged_label.isVisible()
    assert copy.name in dialog.damaged_label.text()
    assert dialog.delete_damaged_button.isVisible()
    assert dialog.keep_button.isVisible()
    assert copy.exists()  # kept until the user says so
    qtbot.mouseClick(dialog.delete_damaged_button, Qt.MouseButton.LeftButton)
    assert not copy.exists()
    assert not dialog.isVisible()
