"""The caseworker's meeting record in the window (issue 18): one tap from "Afslut møde"
and from the family page; typed, saved, stored, taken out as a PDF or as text; never
in family view."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from helpers import open_unlocked
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from familymeeting.domain.rules import MINUTES_MAX
from familymeeting.settings import Settings
from familymeeting.storage.vault import Vault
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.record import MeetingRecordDialog

pytestmark = pytest.mark.usefixtures("styled")
PASSWORD = "Kaffe ved køkkenbordet 7"
ASSESSMENT = "Mor tager ansvar; far deler ikke bekymringen endnu."


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    vault = Vault(data_dir, open_unlocked(data_dir, PASSWORD).db)
    yield vault
    vault.close()


@pytest.fixture
def ids(vault: Vault) -> dict[str, str]:
    services = vault.services()
    family = services.create_family("Familien Aalund")
    maja = services.add_participant(family.id, "Maja", "child", birth_year=2014)
    meeting = services.create_meeting(
        family.id, datetime(2026, 12, 1, 9), kind="follow_up", attendee_ids=[maja.id]
    )
    services.add_card(meeting.id, "working_well", "Maja går i skole hver dag")
    return {"family": family.id, "meeting": meeting.id}


@pytest.fixture
def window(
    qtbot: QtBot, vault: Vault, data_dir: Path, ids: dict[str, str], danish: None
) -> Iterator[MainWindow]:
    window = MainWindow(vault.services(), Settings(data_dir), vault=vault, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.open_meeting(ids["meeting"])
    yield window
    window.close()


def test_written_from_the_finish_sheet_saved_and_taken_out(
    qtbot: QtBot, window: MainWindow, vault: Vault, ids: dict[str, str], tmp_path: Path
) -> None:
    sheet = window.meeting.finish_meeting()
    assert sheet is not None and sheet.record_button.isVisible()
    assert sheet.record_button.text() == "Mødenotat"
    qtbot.mouseClick(sheet.record_button, Qt.MouseButton.LeftButton)
    dialog = window.meeting.record_dialog
    assert isinstance(dialog, MeetingRecordDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Mødenotat"

    dialog.assessment_edit.setFocus()
    qtbot.keyClicks(dialog.assessment_edit, ASSESSMENT)
    dialog.others_edit.setPlainText("Lærer Hansen\nSundhedsplejerske Ida")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text() == "Gemt ✓"
    stored = vault.services().get_meeting(ids["meeting"])
    assert stored.assessment == ASSESSMENT
    assert stored.other_attendees == "Lærer Hansen\nSundhedsplejerske Ida"

    out = tmp_path / "notat.pdf"
    assert dialog.save_pdf_to(out)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Mødenotat" in text and ASSESSMENT in " ".join(text.split())
    assert "Side 1 af" in text
    assert str(out) in dialog.status_label.text()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Mødenotat: Familien Aalund")
    assert ASSESSMENT in copied and "Sundhedsplejerske Ida" in copied
    events = [(e.event, e.detail) for e in vault.services().access_log(ids["family"])]
    assert ("export_record", "app") in events and ("export_record", "app text") in events
    assert ("edit_record", "") in events


def test_too_long_minutes_are_refused_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, vault: Vault, ids: dict[str, str]
) -> None:
    dialog = window.meeting.open_record()
    assert dialog is not None
    before = vault.services().get_meeting(ids["meeting"])
    dialog.assessment_edit.setPlainText(ASSESSMENT)
    dialog.minutes_edit.setPlainText("x" * (MINUTES_MAX + 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.isVisible()
    assert "Referatet er for lang" in dialog.error_label.text()
    assert vault.services().get_meeting(ids["meeting"]) == before
    assert dialog.isVisible()  # what was typed stays on screen


def test_from_the_family_page(qtbot: QtBot, window: MainWindow, ids: dict[str, str]) -> None:
    window.open_family(ids["family"])
    page = window.family_page
    assert page.record_button.isEnabled() and page.record_button.text() == "Mødenotat"
    dialog = page.open_record()
    assert dialog is not None and dialog.meeting_id == ids["meeting"]
    dialog.reject()


def test_never_in_family_view(qtbot: QtBot, window: MainWindow) -> None:
    assert window.enter_family_mode()
    sheet = window.meeting.finish_meeting()
    assert sheet is not None
    assert not sheet.record_button.isVisible()
    assert window.meeting.open_record() is None
    assert window.meeting.record_dialog is None
    sheet.reject()
