"""The access log and deleting a family for good, from the family page."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from familymeeting.storage.services import Services
from familymeeting.ui.family_page import FamilyPage


def test_opening_is_logged_and_shown_in_the_access_log(
    qtbot: QtBot, services: Services, danish: None
) -> None:
    family = services.create_family("Familien Berg")
    page = FamilyPage(services)
    qtbot.addWidget(page)
    page.show_family(family.id)
    page.show_family(family.id)  # a refresh is not a new opening
    assert [e.event for e in services.access_log(family.id)] == ["open_family"]
    dialog = page.show_access_log()
    assert dialog is not None
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.tree.topLevelItem(0).text(1) == "Åbnede familien"
    dialog.accept()


def test_delete_for_good_needs_the_name_typed(
    qtbot: QtBot, services: Services, data_dir: Path, danish: None
) -> None:
    family = services.create_family("Familien Særlig-Xyz")
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    services.add_card(meeting.id, "worries", "Hemmelig-bekymring-4711")
    page = FamilyPage(services)
    qtbot.addWidget(page)
    page.show_family(family.id)
    deleted: list[str] = []
    page.family_deleted.connect(deleted.append)
    dialog = page.delete_family()
    assert dialog is not None
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Familien Særlig")
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "-Xyz")
    assert dialog.delete_button.isEnabled()
    # The deletion runs in the background (tests/gui/test_forget_progress.py).
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert deleted == [family.id]
    assert services.list_families(include_archived=True) == []
    everything = b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())
    assert b"Hemmelig-bekymring-4711" not in everything
    assert "Særlig-Xyz".encode() not in everything
