"""The password screens, locking when idle or asked, and unlocking back to the same place.

Real keys and a real encrypted database in each test's data dir (Argon2id at its
real cost, so each unlock takes a fraction of a second on a worker thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QEvent, QPointF, Qt
from PySide6.QtGui import QFontDatabase, QFontInfo, QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from familymeeting import settings
from familymeeting.assets import resource
from familymeeting.settings import Settings
from familymeeting.storage.database import Database
from familymeeting.storage.keys import KeyStore, WrongPasswordError
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import UnlockResult, acknowledge_recovery_code, open_unlocked
from familymeeting.storage.vault import Vault
from familymeeting.ui import theme
from familymeeting.ui.idle import IdleWatcher, WindowsSessionFilter, windows_message_locks
from familymeeting.ui.lock import UnlockDialog, UnlockWidget
from familymeeting.ui.main_window import MainWindow
from familymeeting.ui.meeting.board import card as card_module
from familymeeting.ui.password import RecoveryCodeDialog, group_code
from familymeeting.ui.startup import SetupPasswordDialog, StartupFlow

Shot = Callable[[QWidget, str], Path]
PASSWORD = "Kaffe ved køkkenbordet 7"
UNLOCK_TIMEOUT = 20_000  # ms; Argon2id on a busy CI machine


# ------------------------------------------------------------------ fixtures
pytestmark = pytest.mark.usefixtures("styled")  # the app's look (gui/conftest.py)


@pytest.fixture
def unlocked(data_dir: Path) -> Iterator[UnlockResult]:
    """A first start: keys and an encrypted database made with PASSWORD, its code
    acknowledged (written down), as the first-start screen does."""
    result = open_unlocked(data_dir, PASSWORD)
    assert result.recovery_code
    acknowledge_recovery_code(data_dir, result.recovery_code)
    yield result
    result.db.close()


@pytest.fixture
def vault(data_dir: Path, unlocked: UnlockResult) -> Iterator[Vault]:
    vault = Vault(data_dir, unlocked.db)
    yield vault
    vault.close()


@pytest.fixture
def make_window(
    qtbot: QtBot, vault: Vault, data_dir: Path, danish: None
) -> Iterator[Callable[..., MainWindow]]:
    windows: list[MainWindow] = []

    def make(idle_ms: int | None = 3_600_000) -> MainWindow:
        window = MainWindow(vault.services(), Settings(data_dir), vault=vault, idle_ms=idle_ms)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def seed(services: Services, name: str, card: str) -> tuple[str, str]:
    family = services.create_family(name)
    services.add_participant(family.id, "Maja", "child", birth_year=2014)
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9))
    services.add_card(meeting.id, "worries", card)
    return family.id, meeting.id


def every_text() -> str:
    """Everything any widget in the application could show or say, as one string."""
    parts: list[str] = []
    for w in QApplication.allWidgets():
        parts += [w.windowTitle(), w.toolTip(), w.accessibleName(), w.statusTip()]
        if isinstance(w, QLabel | QLineEdit | QAbstractButton):
            parts.append(w.text())
        if isinstance(w, QLineEdit):
            parts.append(w.placeholderText())
        if isinstance(w, QPlainTextEdit | QTextEdit):
            parts.append(w.toPlainText())
        if isinstance(w, QListWidget):
            parts += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTreeWidget):
            for i in range(w.topLevelItemCount()):
                item = w.topLevelItem(i)
                parts += [item.text(c) for c in range(item.columnCount())]
    return "\n".join(parts)


def unlock_with(qtbot: QtBot, form: UnlockWidget, password: str) -> None:
    form.password.edit.setText(password)
    qtbot.mouseClick(form.unlock_button, Qt.MouseButton.LeftButton)


# ------------------------------------------------------------- first start
def test_setup_dialog_needs_a_fair_password_typed_twice(
    qtbot: QtBot, danish: None, screenshot: Shot
) -> None:
    dialog = SetupPasswordDialog()
    qtbot.addWidget(dialog)
    dialog.resize(680, 620)
    dialog.show()
    form = dialog.form
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(form.password.edit, "sommer2024")
    assert form.meter.score < 2
    assert "Styrke: " in form.meter.label.text()
    qtbot.keyClicks(form.confirm.edit, "sommer2024")
    assert not dialog.ok_button.isEnabled()  # the same, but too easy to guess
    form.password.edit.clear()
    form.confirm.edit.clear()
    qtbot.keyClicks(form.password.edit, PASSWORD)
    assert form.meter.score >= 2
    qtbot.keyClicks(form.confirm.edit, PASSWORD[:-1])
    assert not dialog.ok_button.isEnabled()
    assert "ikke ens" in form.mismatch.text()
    qtbot.keyClicks(form.confirm.edit, PASSWORD[-1])
    assert dialog.ok_button.isEnabled()
    assert form.password.edit.echoMode() == QLineEdit.EchoMode.Password
    assert form.password.show_button.minimumHeight() >= 48
    screenshot(dialog, "lock-setup")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.password() == PASSWORD


def test_recovery_code_dialog_waits_for_written_down(
    qtbot: QtBot, danish: None, screenshot: Shot
) -> None:
    code = "ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB"
    dialog = RecoveryCodeDialog(code)
    qtbot.addWidget(dialog)
    dialog.resize(720, 560)
    dialog.show()
    assert dialog.code_label.text() == "ABCD-EFGH-JKMN-PQRS\nTVWX-YZ23-4567-89AB"
    # Every character as wide as the next, on every machine: the bundled DejaVu Sans
    # Mono (a system's "monospace" may be a font Qt does not report as fixed-pitch).
    shown = QFontInfo(dialog.code_label.font())
    assert shown.family() == "DejaVu Sans Mono"
    assert shown.fixedPitch()
    assert not dialog.continue_button.isEnabled()
    dialog.reject()  # Escape does not skip writing it down
    assert dialog.isVisible()
    screenshot(dialog, "lock-recovery-code")
    qtbot.mouseClick(dialog.written, Qt.MouseButton.LeftButton)
    assert dialog.continue_button.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert group_code("abcd efgh") == "abcd-efgh"


def test_the_code_font_ships_with_the_app() -> None:
    for name in ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        assert QFontDatabase.applicationFontFamilies(font_id) == ["DejaVu Sans Mono"]


def test_the_code_follows_the_text_size(qtbot: QtBot, danish: None, qapp: QApplication) -> None:
    sizes = []
    for step in (0, 2):
        qapp.setStyleSheet(theme.stylesheet(step))
        dialog = RecoveryCodeDialog("ABCD-EFGH")
        qtbot.addWidget(dialog)
        dialog.show()
        sizes.append(dialog.code_label.font().pointSizeF())
        assert dialog.written.isEnabled()  # not a hidden or disabled control
    assert sizes == [theme.pt(3, theme.TEXT_SCALES[0]), theme.pt(3, theme.TEXT_SCALES[2])]


def test_first_start_makes_keys_and_shows_the_code_once(
    qtbot: QtBot, data_dir: Path, danish: None
) -> None:
    flow = StartupFlow(data_dir)
    dialog = flow.start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, SetupPasswordDialog)
    qtbot.keyClicks(dialog.form.password.edit, PASSWORD)
    qtbot.keyClicks(dialog.form.confirm.edit, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(flow.dialog, RecoveryCodeDialog), timeout=UNLOCK_TIMEOUT)
    shown = flow.dialog
    assert isinstance(shown, RecoveryCodeDialog)
    assert KeyStore.exists(data_dir)
    with qtbot.waitSignal(flow.finished) as finished:
        shown.written.setChecked(True)
        shown.continue_button.click()
    result = finished.args[0]
    assert isinstance(result, UnlockResult)
    try:
        assert result.recovery_code is not None
        assert group_code(result.recovery_code) == shown.code_label.text()
        assert Services(result.db).list_families() == []
    finally:
        result.db.close()


def test_first_start_encrypts_the_plain_database_of_an_earlier_version(
    qtbot: QtBot, data_dir: Path, danish: None
) -> None:
    plain = Database.open(data_dir)
    Services(plain).create_family("Familien Før-Kryptering")
    plain.close()
    flow = StartupFlow(data_dir)
    dialog = flow.start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, SetupPasswordDialog)
    assert "krypteret" in dialog.intro.text() and "bevares" in dialog.intro.text()
    qtbot.keyClicks(dialog.form.password.edit, PASSWORD)
    qtbot.keyClicks(dialog.form.confirm.edit, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(flow.dialog, RecoveryCodeDialog), timeout=UNLOCK_TIMEOUT)
    assert isinstance(flow.dialog, RecoveryCodeDialog)
    with qtbot.waitSignal(flow.finished) as finished:
        flow.dialog.written.setChecked(True)
        flow.dialog.accept()
    result = finished.args[0]
    try:
        assert result.converted
        assert [f.display_name for f in Services(result.db).list_families()] == [
            "Familien Før-Kryptering"
        ]
    finally:
        result.db.close()
    assert "Før-Kryptering".encode() not in (data_dir / "familymeeting.db").read_bytes()


def test_unlock_at_start_wrong_then_right(
    qtbot: QtBot, data_dir: Path, unlocked: UnlockResult, danish: None, screenshot: Shot
) -> None:
    unlocked.db.close()
    flow = StartupFlow(data_dir)
    dialog = flow.start()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, UnlockDialog)
    dialog.resize(640, 420)
    form = dialog.unlock
    assert not form.unlock_button.isEnabled()  # nothing typed yet
    unlock_with(qtbot, form, "forkert kodeord her")
    qtbot.waitUntil(lambda: not form.busy, timeout=UNLOCK_TIMEOUT)
    assert form.message.isVisibleTo(dialog)
    assert "ikke adgangskoden" in form.message.text()
    assert form.password.text() == ""
    assert dialog.isVisible()
    screenshot(dialog, "lock-unlock-wrong")
    with qtbot.waitSignal(flow.finished, timeout=UNLOCK_TIMEOUT) as finished:
        unlock_with(qtbot, form, PASSWORD)
    result = finished.args[0]
    try:
        assert isinstance(result, UnlockResult)
        assert result.recovery_code is None
        assert len(result.failed_attempts) == 1  # for the access log
    finally:
        result.db.close()


def test_growing_delay_is_counted_down_not_frozen(
    qtbot: QtBot, data_dir: Path, unlocked: UnlockResult, danish: None
) -> None:
    for _ in range(3):  # three free tries, then a pause
        with pytest.raises(WrongPasswordError):
            KeyStore.unlock(data_dir, "forkert kodeord her", wait=False)
    assert KeyStore.seconds_to_wait(data_dir) > 0
    form = UnlockWidget(data_dir, lambda pw: KeyStore.unlock(data_dir, pw, wait=False))
    qtbot.addWidget(form)
    form.show()
    form.password.edit.setText(PASSWORD)
    assert not form.unlock_button.isEnabled()
    assert "Vent" in form.unlock_button.text()
    assert "Vent" in form.status.text() and "sekund" in form.status.text()
    assert form.message.text() == "For mange forkerte forsøg i træk."
    qtbot.waitUntil(form.unlock_button.isEnabled, timeout=5_000)
    assert form.unlock_button.text() == "Lås op"
    with qtbot.waitSignal(form.unlocked, timeout=UNLOCK_TIMEOUT):
        form.submit()


def test_forgot_password_with_the_recovery_code(
    qtbot: QtBot, data_dir: Path, unlocked: UnlockResult, danish: None, screenshot: Shot
) -> None:
    assert unlocked.recovery_code is not None
    unlocked.db.close()
    form = UnlockWidget(data_dir, lambda pw: open_unlocked(data_dir, pw, wait=False))
    qtbot.addWidget(form)
    form.resize(600, 700)
    form.show()
    qtbot.mouseClick(form.forgot_button, Qt.MouseButton.LeftButton)
    assert form.current_page() is form.recovery_page
    new_password = "Ny adgangskode til tasken 42"
    form.code_edit.setText("ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB")  # a wrong code
    form.new_form.password.edit.setText(new_password)
    form.new_form.confirm.edit.setText(new_password)
    screenshot(form, "lock-forgot-password")
    qtbot.mouseClick(form.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.busy, timeout=UNLOCK_TIMEOUT)
    assert "ikke gendannelseskoden" in form.recovery_message.text()
    form.code_edit.setText(unlocked.recovery_code.lower().replace("-", " "))
    qtbot.waitUntil(form.recover_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(form.recover_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.code_dialog is not None, timeout=UNLOCK_TIMEOUT)
    shown = form.code_dialog
    assert shown is not None
    assert shown.code_label.text() != group_code(unlocked.recovery_code)  # a new code
    with qtbot.waitSignal(form.unlocked, timeout=UNLOCK_TIMEOUT) as opened:
        shown.written.setChecked(True)
        shown.continue_button.click()
    opened.args[0].db.close()
    KeyStore.unlock(data_dir, new_password)  # the new password works
    with pytest.raises(WrongPasswordError):
        KeyStore.unlock(data_dir, PASSWORD)


# ------------------------------------------------------------------ locking
def test_idle_lock_leaves_no_case_text_and_unlock_returns_to_the_meeting(
    qtbot: QtBot,
    make_window: Callable[..., MainWindow],
    vault: Vault,
    data_dir: Path,
    screenshot: Shot,
) -> None:
    family_id, meeting_id = seed(vault.services(), "Familien Qzx-Hemmelig", "Kort-Vbn-5150")
    window = make_window(idle_ms=3_600_000)
    window.open_meeting(meeting_id)
    window.meeting.show_view("ratings")
    assert "Kort-Vbn-5150" in every_text() and "Qzx-Hemmelig" in every_text()
    assert window.idle is not None
    window.idle.set_timeout(300)  # now nobody touches it

    qtbot.waitUntil(lambda: window.locked, timeout=5_000)
    qtbot.waitUntil(
        lambda: "Kort-Vbn-5150" not in every_text() and "Qzx-Hemmelig" not in every_text(),
        timeout=5_000,
    )
    assert "Maja" not in every_text()
    assert card_module._TEXT_HEIGHTS == {}  # not even hashes of the cards' words
    assert window.windowTitle() == "familymeeting"
    assert not vault.is_open
    assert not window.toolbar.isVisible()
    assert window.lock_screen is not None
    screenshot(window, "lock-screen")

    form = window.lock_screen.unlock
    unlock_with(qtbot, form, "forkert kodeord her")
    qtbot.waitUntil(lambda: not form.busy, timeout=UNLOCK_TIMEOUT)
    assert window.locked and form.message.isVisible()
    with qtbot.waitSignal(window.locked_changed, timeout=UNLOCK_TIMEOUT):
        unlock_with(qtbot, form, PASSWORD)
    assert not window.locked
    assert window.stack.currentWidget() is window.meeting
    assert window.meeting.meeting_id == meeting_id
    assert window.meeting.views.currentWidget() is window.meeting.ratings
    assert window.family_id == family_id
    assert window.location.text() == "Familien Qzx-Hemmelig"
    # The unlock and the wrong password before it are in the access log, without text.
    events = [e.event for e in window.services.access_log()]
    assert "unlock" in events and "unlock_failed" in events


def test_ctrl_l_and_the_lock_button_lock(
    qtbot: QtBot, make_window: Callable[..., MainWindow], vault: Vault
) -> None:
    family_id, meeting_id = seed(vault.services(), "Familien Lås-Knap", "Kort-Ctrl-L")
    window = make_window()
    window.open_family(family_id)
    assert window.lock_action.isVisible()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    button = window.toolbar.widgetForAction(window.lock_action)
    assert button is not None and button.minimumHeight() >= 48
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.locked
    window.lock()  # a second lock changes nothing
    with qtbot.waitSignal(window.locked_changed, timeout=UNLOCK_TIMEOUT):
        assert window.lock_screen is not None
        unlock_with(qtbot, window.lock_screen.unlock, PASSWORD)
    assert window.stack.currentWidget() is window.family_page
    assert window.family_id == family_id

    # The shortcut, from the board.
    window.open_meeting(meeting_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    qtbot.waitUntil(lambda: "Kort-Ctrl-L" not in every_text(), timeout=5_000)


def test_lock_closes_dialogs_with_case_text(
    qtbot: QtBot, make_window: Callable[..., MainWindow], vault: Vault
) -> None:
    window = make_window()
    dialog = window.families_page.new_family()
    dialog.name_edit.setText("Familien Halvskrevet-Dialog")  # type: ignore[attr-defined]
    assert "Halvskrevet-Dialog" in every_text()
    window.lock()
    qtbot.waitUntil(lambda: "Halvskrevet-Dialog" not in every_text(), timeout=5_000)
    with qtbot.waitSignal(window.locked_changed, timeout=UNLOCK_TIMEOUT):
        assert window.lock_screen is not None
        unlock_with(qtbot, window.lock_screen.unlock, PASSWORD)
    assert window.stack.currentWidget() is window.families_page
    assert window.services.list_families() == []  # nothing half-saved


def test_child_mode_locks_and_returns_to_the_ratings(
    qtbot: QtBot, make_window: Callable[..., MainWindow], vault: Vault
) -> None:
    _family_id, meeting_id = seed(vault.services(), "Familien Barnetilstand", "Kort-Barn")
    window = make_window()
    window.open_meeting(meeting_id)
    window.enter_child_mode()
    assert window.stack.currentWidget() is window.child_mode
    assert not window.toolbar.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    with qtbot.waitSignal(window.locked_changed, timeout=UNLOCK_TIMEOUT):
        assert window.lock_screen is not None
        unlock_with(qtbot, window.lock_screen.unlock, PASSWORD)
    assert window.toolbar.isVisible()
    assert window.meeting.meeting_id == meeting_id
    assert window.meeting.views.currentWidget() is window.meeting.ratings


def test_suspend_or_hide_locks(
    qtbot: QtBot, make_window: Callable[..., MainWindow], qapp: QApplication
) -> None:
    window = make_window()
    assert isinstance(qapp, QGuiApplication)
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert not window.locked  # looking something up in another program is fine
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert window.locked


def test_no_lock_without_a_vault(
    qtbot: QtBot, services: Services, data_dir: Path, danish: None
) -> None:
    window = MainWindow(services, Settings(data_dir))
    qtbot.addWidget(window)
    window.show()
    assert window.idle is None
    assert not window.lock_action.isVisible()
    window.lock()
    assert not window.locked


def test_lock_minutes_is_a_declared_setting(data_dir: Path) -> None:
    assert settings.LOCK_MINUTES in settings.ALL_SETTINGS
    assert Settings(data_dir).get(settings.LOCK_MINUTES) == 5
    Settings(data_dir).set(settings.LOCK_MINUTES, 7)  # not a choice: falls back
    assert Settings(data_dir).get(settings.LOCK_MINUTES) == 5
    Settings(data_dir).set(settings.LOCK_MINUTES, 10)
    assert Settings(data_dir).get(settings.LOCK_MINUTES) == 10


# -------------------------------------------------------------- idle watcher
def test_input_restarts_the_idle_count(qtbot: QtBot, qapp: QApplication) -> None:
    target = QLineEdit()
    qtbot.addWidget(target)
    watcher = IdleWatcher(60_000)
    watcher.start()
    try:
        watcher._last_mono -= 30  # half a minute without input
        watcher._last_wall -= 30
        assert watcher.idle_ms() >= 30_000
        QApplication.sendEvent(
            target,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"),
        )
        assert watcher.idle_ms() < 5_000
        assert target.text() == "a"
    finally:
        watcher.dispose()


def test_first_touch_after_sleeping_past_the_limit_locks_and_is_swallowed(
    qtbot: QtBot, qapp: QApplication
) -> None:
    target = QLineEdit()
    qtbot.addWidget(target)
    watcher = IdleWatcher(60_000)
    watcher.start()
    try:
        # The monotonic clock stood still while the laptop slept; the wall clock did not.
        watcher._last_wall -= 3600
        with qtbot.waitSignal(watcher.idle, timeout=1_000):
            QApplication.sendEvent(
                target,
                QMouseEvent(
                    QEvent.Type.MouseButtonPress,
                    QPointF(5, 5),
                    QPointF(5, 5),
                    Qt.MouseButton.LeftButton,
                    Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier,
                ),
            )
        assert not watcher.running
    finally:
        watcher.dispose()


def test_windows_session_lock_and_sleep_messages() -> None:
    assert windows_message_locks(0x02B1, 0x7)  # WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK
    assert windows_message_locks(0x0218, 0x4)  # WM_POWERBROADCAST, PBT_APMSUSPEND
    assert not windows_message_locks(0x02B1, 0x8)  # unlock
    assert not windows_message_locks(0x0218, 0x7)  # resume

    # The native filter reads a Windows MSG (ctypes lays one out on any system).
    import ctypes
    import ctypes.wintypes

    locks: list[bool] = []
    native = WindowsSessionFilter(lambda: locks.append(True))
    msg = ctypes.wintypes.MSG()
    msg.message, msg.wParam = 0x02B1, 0x7
    kind = QByteArray(b"windows_generic_MSG")
    assert native.nativeEventFilter(kind, ctypes.addressof(msg)) == (False, 0)
    assert locks == [True]
    msg.wParam = 0x8
    native.nativeEventFilter(kind, ctypes.addressof(msg))
    native.nativeEventFilter(QByteArray(b"xcb_generic_event_t"), ctypes.addressof(msg))
    assert locks == [True]


# ------------------------------------------------------------------ start-up
def test_start_up_takes_the_password_from_the_environment(
    qapp: QApplication,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from familymeeting.app import unlock_at_start

    monkeypatch.setenv("FAMILYMEETING_PASSWORD", PASSWORD)
    first = unlock_at_start(data_dir, "da")
    assert first is not None and first.recovery_code
    first.db.close()
    # Offscreen nobody sees a dialog: the one chance to note the code is stderr.
    assert first.recovery_code in capsys.readouterr().err
    again = unlock_at_start(data_dir, "da")
    assert again is not None and again.recovery_code is None
    again.db.close()
    monkeypatch.setenv("FAMILYMEETING_PASSWORD", "forkert kodeord her")
    with pytest.raises(WrongPasswordError):
        unlock_at_start(data_dir, "da")


def test_start_up_asks_for_the_password_before_anything_else(
    qtbot: QtBot,
    data_dir: Path,
    unlocked: UnlockResult,
    monkeypatch: pytest.MonkeyPatch,
    danish: None,
) -> None:
    from PySide6.QtCore import QTimer

    from familymeeting.app import unlock_at_start

    unlocked.db.close()
    monkeypatch.delenv("FAMILYMEETING_PASSWORD", raising=False)
    asked: list[UnlockDialog] = []

    def answer() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, UnlockDialog)]
        shown = [d for d in dialogs if d.isVisible()]
        if not shown:
            QTimer.singleShot(20, answer)
            return
        asked.append(shown[0])
        unlock_with(qtbot, shown[0].unlock, PASSWORD)

    QTimer.singleShot(0, answer)
    result = unlock_at_start(data_dir, "da")
    assert asked and result is not None
    result.db.close()
    assert QApplication.quitOnLastWindowClosed()
