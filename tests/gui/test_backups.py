"""Backups in the window: on lock and close, every half hour, the Settings and backups
page (settings, backup now, check, bring back), and a damaged database at start.

Real keys, a real encrypted database and real backup files in each test's data dir.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from helpers import file_digest, flip_bytes, open_unlocked
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from familymeeting import settings
from familymeeting.settings import Settings
from familymeeting.storage.backup import BackupKind, list_backups
from familymeeting.storage.database import is_sealed
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import UnlockResult
from familymeeting.storage.vault import Vault
from familymeeting.ui.lock import UnlockDialog
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.maintenance import RestoreDialog
from familymeeting.ui.recovery import RestoreOfferDialog
from familymeeting.ui.startup import StartupFlow

Shot = Callable[[QWidget, str], Path]
PASSWORD = "Kaffe ved køkkenbordet 7"
TIMEOUT = 20_000  # ms; Argon2id and a backup on a busy CI machine


pytestmark = pytest.mark.usefixtures("styled")  # the app's look (gui/conftest.py)


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    result = open_unlocked(data_dir, PASSWORD)
    services = Services(result.db)
    family = services.create_family("Familien Brink")
    services.add_participant(family.id, "Maja", "child", birth_year=2014)
    vault = Vault(data_dir, result.db)
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


def names(services: Services) -> list[str]:
    return sorted(f.display_name for f in services.list_families(include_archived=True))


def test_locking_makes_a_backup_and_nothing_new_makes_none(
    qtbot: QtBot, window: MainWindow, vault: Vault, data_dir: Path
) -> None:
    assert list_backups(data_dir) == []
    window.lock()
    # The lock screen is up at once; the closing backup is made on a thread.
    assert window.locked and window.centralWidget() is window.lock_screen
    assert vault.db is None
    vault.wait_closed()
    first = list_backups(data_dir)
    assert len(first) == 1 and first[0].kind is BackupKind.AUTO
    assert is_sealed(data_dir / DB_FILENAME)  # closed cleanly after the backup
    with qtbot.waitSignal(window.locked_changed, timeout=TIMEOUT):
        window.lock_screen.unlock.password.edit.setText(PASSWORD)  # type: ignore[union-attr]
        window.lock_screen.unlock.submit()  # type: ignore[union-attr]
    # Unlocking writes to the access log: a change, so the half-hourly backup takes it.
    window.periodic_backup()
    qtbot.waitUntil(lambda: len(list_backups(data_dir)) == 2, timeout=TIMEOUT)
    window.periodic_backup()  # nothing changed since: no third one
    qtbot.wait(300)
    assert len(list_backups(data_dir)) == 2


def test_the_page_shows_settings_and_backups_and_makes_one(
    qtbot: QtBot, window: MainWindow, data_dir: Path, screenshot: Shot
) -> None:
    window.settings_action.trigger()
    page = window.maintenance
    assert window.stack.currentWidget() is page
    assert not window.settings_action.isEnabled()  # we are here
    assert page.no_backups_label.isVisible() and not page.backup_list.isVisible()
    assert "Ingen sikkerhedskopier endnu" in page.no_backups_label.text()
    assert not page.restore_button.isEnabled()
    assert str(data_dir) in page.where_label.text()

    # Settings: chosen here, remembered, and the idle lock follows at once.
    page.lock_combo.setCurrentIndex(page.lock_combo.findData(15))
    assert Settings(data_dir).get(settings.LOCK_MINUTES) == 15
    assert window.idle is not None and window.idle.timeout_ms == 15 * 60_000
    assert page.lock_combo.currentText() == "15 minutter"
    page.log_combo.setCurrentIndex(page.log_combo.findData(365))
    assert Settings(data_dir).get(settings.LOG_KEEP_DAYS) == 365
    assert page.log_combo.currentText() == "1 år"

    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.backup_list.count() == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)
    (made,) = list_backups(data_dir)
    assert made.kind is BackupKind.MANUAL
    row = page.backup_list.item(0).text()
    assert "lavet i hånden" in row and "kB" in row
    assert "Der er lavet en sikkerhedskopi" in page.status_label.text()
    assert page.restore_button.isEnabled()

    qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "i orden" in page.status_label.text(), timeout=TIMEOUT)
    assert page.status_label.text() == "Dataene er i orden: hver side er læst og kontrolleret."
    screenshot(window, "settings-and-backups")


def test_family_view_cannot_reach_the_settings(window: MainWindow, vault: Vault) -> None:
    services = vault.services()
    family = services.list_families()[0]
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    window.open_meeting(meeting.id)
    assert window.enter_family_mode()
    assert not window.settings_action.isVisible()
    window.show_maintenance()
    assert window.stack.currentWidget() is window.meeting


def test_bringing_back_a_backup_asks_the_password_and_keeps_what_it_replaces(
    qtbot: QtBot, window: MainWindow, vault: Vault, data_dir: Path, screenshot: Shot
) -> None:
    window.show_maintenance()
    page = window.maintenance
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.backup_list.count() == 1 and not page.busy, timeout=TIMEOUT)
    vault.services().create_family("Familien Efter Kopien")

    dialog = page.ask_restore()
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitExposed(dialog)
    screenshot(dialog, "restore-backup-dialog")
    shown = " ".join(label.text() for label in dialog.findChildren(type(page.status_label)))
    assert "Hent sikkerhedskopien tilbage?" in shown
    assert page.backup_list.item(0).text().split("   ·   ")[0] in shown
    # A wrong password: said so, nothing changed, the window still works on the same data.
    before = file_digest(data_dir / DB_FILENAME)
    dialog.password.edit.setText("ikke rigtigt kodeord")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error_label.isVisible(), timeout=TIMEOUT)
    assert "Forkert adgangskode" in dialog.error_label.text()
    assert file_digest(data_dir / DB_FILENAME) == before
    assert "Familien Efter Kopien" in names(window.services)

    with qtbot.waitSignal(page.restored, timeout=TIMEOUT):
        dialog.password.edit.setText(PASSWORD)
        dialog.submit()
    # The window now shows the backup's data, and stays on the page, saying so.
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.maintenance, timeout=TIMEOUT)
    assert "Familien Efter Kopien" not in names(window.services)
    assert "Familien Brink" in names(window.services)
    assert "hentet tilbage" in window.maintenance.status_label.text()
    kinds = [b.kind for b in list_backups(data_dir)]
    assert BackupKind.BEFORE_RESTORE in kinds
    rows = [
        window.maintenance.backup_list.item(i).text()
        for i in range(window.maintenance.backup_list.count())
    ]
    assert any("fra før en gendannelse" in r for r in rows)
    events = [e.event for e in window.services.access_log()]
    assert "restore_backup" in events
    window.show_families()
    assert window.families_page.isVisible()


# ------------------------------------------------------------------ at start
def start_with_password(qtbot: QtBot, data_dir: Path) -> StartupFlow:
    flow = StartupFlow(data_dir)
    dialog = flow.start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, UnlockDialog)
    dialog.unlock.password.edit.setText(PASSWORD)
    dialog.unlock.submit()
    qtbot.waitUntil(lambda: isinstance(flow.dialog, RestoreOfferDialog), timeout=TIMEOUT)
    return flow


def test_a_damaged_database_at_start_offers_the_newest_good_backup(
    qtbot: QtBot, vault: Vault, data_dir: Path, danish: None, screenshot: Shot
) -> None:
    vault.backup_now()
    vault.services().create_family("Familien Efter Kopien")
    vault.services().compact()
    vault.db.close()  # type: ignore[union-attr]
    vault.db = None
    flip_bytes(data_dir / DB_FILENAME)
    damaged = (data_dir / DB_FILENAME).read_bytes()

    flow = start_with_password(qtbot, data_dir)
    offer = flow.dialog
    assert isinstance(offer, RestoreOfferDialog)
    offer.resize(720, 480)
    screenshot(offer, "damaged-at-start")
    text = " ".join(w.text() for w in offer.findChildren(type(offer.status_label)))
    assert "Datafilen var beskadiget" in text
    assert "bliver liggende" in text and str(data_dir / "damaged") in text
    assert offer.go_button.text() == "Hent sikkerhedskopien tilbage"
    assert "Den nyeste sikkerhedskopi, der består sin kontrol, er fra" in text
    (kept,) = (data_dir / "damaged").iterdir()
    assert kept.read_bytes() == damaged  # moved aside, not changed

    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as finished:
        qtbot.mouseClick(offer.go_button, Qt.MouseButton.LeftButton)
    result = finished.args[0]
    assert isinstance(result, UnlockResult)
    try:
        assert names(Services(result.db)) == ["Familien Brink"]
    finally:
        result.db.close()
    assert kept.read_bytes() == damaged


def test_damage_without_a_backup_offers_to_start_empty_or_quit(
    qtbot: QtBot, vault: Vault, data_dir: Path, danish: None
) -> None:
    vault.services().compact()
    vault.db.close()  # type: ignore[union-attr]
    vault.db = None
    flip_bytes(data_dir / DB_FILENAME)

    flow = start_with_password(qtbot, data_dir)
    offer = flow.dialog
    assert isinstance(offer, RestoreOfferDialog)
    assert offer.go_button.text() == "Start med tomme data"
    # Quit: nothing more happens; the next start asks again instead of starting empty.
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as finished:
        offer.quit_button.click()
    assert finished.args[0] is None
    assert not (data_dir / DB_FILENAME).exists()

    flow = start_with_password(qtbot, data_dir)
    offer = flow.dialog
    assert isinstance(offer, RestoreOfferDialog)
    assert "Datafilen mangler" in " ".join(
        w.text() for w in offer.findChildren(type(offer.status_label))
    )
    with qtbot.waitSignal(flow.finished, timeout=TIMEOUT) as finished:
        offer.go_button.click()
    result = finished.args[0]
    assert isinstance(result, UnlockResult)
    try:
        assert names(Services(result.db)) == []
    finally:
        result.db.close()


def test_damage_found_when_unlocking_offers_the_backup_in_the_window(
    qtbot: QtBot, window: MainWindow, vault: Vault, data_dir: Path
) -> None:
    vault.backup_now()
    window.lock()  # closes the database (and makes an automatic backup)
    newest = list_backups(data_dir)[0]
    flip_bytes(data_dir / DB_FILENAME)
    form = window.lock_screen.unlock  # type: ignore[union-attr]
    form.password.edit.setText(PASSWORD)
    form.submit()
    qtbot.waitUntil(lambda: window.restore_offer is not None, timeout=TIMEOUT)
    offer = window.restore_offer
    assert isinstance(offer, RestoreOfferDialog)
    assert offer.problem.backup is not None and offer.problem.backup.path == newest.path
    assert window.locked  # nothing shown until the data is back
    with qtbot.waitSignal(window.locked_changed, timeout=TIMEOUT) as unlocked:
        qtbot.mouseClick(offer.go_button, Qt.MouseButton.LeftButton)
    assert unlocked.args == [False]
    assert names(window.services) == ["Familien Brink"]
    assert len(list((data_dir / "damaged").iterdir())) == 1
