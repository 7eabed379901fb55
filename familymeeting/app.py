"""Wires the QApplication: language, translators, the password, services and the window.

Nothing from the database is read before the password has opened it
(``unlock_at_start``); the window is then handed a ``Vault`` so it can lock and
unlock itself.
"""

from __future__ import annotations

import os
import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from familymeeting import __version__
from familymeeting.assets import resource
from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message

if TYPE_CHECKING:
    from familymeeting.settings import Settings
    from familymeeting.storage.unlock import UnlockResult


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("familymeeting")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "familymeeting.svg"))))
    # The plan's fonts, so language names in every script (العربية, ትግርኛ) show on any
    # machine, also where the system has no Arabic or Ethiopic font.
    for font in sorted(resource("fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))
    return app


def parse_size(text: str) -> tuple[int, int]:
    """ "1280x800" -> (1280, 800); raises ValueError for anything else."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise ValueError(text)
    w, h = int(width), int(height)
    if not (320 <= w <= 10000 and 320 <= h <= 10000):
        raise ValueError(text)
    return w, h


def _settle(ms: int = 400) -> None:
    """Let layouts settle (wrapping text needs two passes) and lazy details arrive."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _save_picture(widget: QWidget, path: str) -> None:
    if not widget.grab().save(path):
        raise UserError("output_unwritable", path=path, reason="picture_not_saved")


def _preload_storage() -> None:
    """Import the database layer while the password is being typed, not after it.

    SQLAlchemy and SQLModel take about a third of a second to import; the password
    screen does not need them, so it shows without them. Pure Python, no Qt: safe
    on a thread (the import lock makes the GUI thread wait if it gets there first).
    """

    def load() -> None:
        import familymeeting.storage.backup
        import familymeeting.storage.services  # noqa: F401
        from familymeeting.domain.calendar import is_working_day
        from familymeeting.storage.keys import load_crypto

        load_crypto()
        # The holiday tables (~0.15 s to import), for the first date a dialog offers.
        is_working_day(datetime.now().date())

    threading.Thread(target=load, name="preload-storage", daemon=True).start()


def unlock_at_start(data_dir: Path, lang: str) -> UnlockResult | None:
    """Ask for the password before anything else; None if the user quits.

    ``$FAMILYMEETING_PASSWORD`` answers without a dialog (scripts, screenshots).
    Otherwise: choose a password on a first start (or to encrypt the database of
    an earlier version), else type it; a new recovery code is shown once.
    """
    from familymeeting.storage.unlock import (
        acknowledge_recovery_code,
        open_unlocked,
        password_from_environment,
    )
    from familymeeting.ui.password import RecoveryCodeDialog
    from familymeeting.ui.startup import StartupFlow

    app = QApplication.instance()
    password = password_from_environment()
    if password is not None:
        result = open_unlocked(data_dir, password)
        if result.recovery_code:
            code = result.recovery_code
            if QApplication.platformName() == "offscreen":
                # Nobody can see a dialog: the one chance to note the code is stderr. It
                # becomes valid only once written (storage.unlock.acknowledge_recovery_code).
                print(f"familymeeting: recovery code {code}", file=sys.stderr, flush=True)
                acknowledge_recovery_code(data_dir, code)
            else:
                RecoveryCodeDialog(
                    code, acknowledge=lambda: acknowledge_recovery_code(data_dir, code)
                ).exec()
        return result
    _preload_storage()
    # Closing a start-up dialog must not end the app before the window exists.
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    try:
        flow = StartupFlow(data_dir)
        answers: list[UnlockResult | None] = []
        loop = QEventLoop()
        flow.finished.connect(answers.append)
        flow.finished.connect(loop.quit)
        flow.start()
        loop.exec()
    finally:
        app.setQuitOnLastWindowClosed(True)
    return answers[0] if answers else None


def run_gui(
    data_dir: Path,
    *,
    screenshot: str | None = None,
    open_meeting: str | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_app()

    from familymeeting import settings
    from familymeeting.ui import theme
    from familymeeting.ui.crash import install_excepthook
    from familymeeting.ui.language import chosen_language, switch_language

    # The language, the look and the chosen text size, from the first (password) screen on.
    app_settings = settings.Settings(data_dir)
    lang = chosen_language(app_settings)
    switch_language(app, lang)
    app.setStyleSheet(theme.stylesheet(app_settings.get(settings.TEXT_SIZE)))

    # A bug shows "something went wrong, your data is safe" and is logged, instead of
    # the window vanishing (scripted screenshot runs fail loudly instead).
    # One owner per data folder, held until the process ends: locking the window
    # (the screen lock) does not let a command in. The first start may make the folder.
    from familymeeting.storage.folder_lock import FolderLock, make_data_folder

    folder = FolderLock(data_dir)
    try:
        make_data_folder(data_dir)
        folder.acquire()
    except UserError as exc:
        if screenshot:
            raise
        QMessageBox.critical(None, "familymeeting", user_message(exc, lang))
        return 2
    crash_hook = None if screenshot else install_excepthook(data_dir)
    try:
        return _run_window(
            app,
            data_dir,
            lang,
            app_settings,
            screenshot=screenshot,
            open_meeting=open_meeting,
            size=size,
        )
    finally:
        if crash_hook is not None:
            crash_hook.uninstall()
        folder.release()


def _run_window(
    app: QApplication,
    data_dir: Path,
    lang: str,
    app_settings: Settings,
    *,
    screenshot: str | None,
    open_meeting: str | None,
    size: tuple[int, int] | None,
) -> int:
    from familymeeting import settings
    from familymeeting.storage.unlock import password_from_environment
    from familymeeting.storage.vault import Vault, log_unlock
    from familymeeting.ui.startup import StartupFlow

    if screenshot and password_from_environment() is None:
        # No password to script with: the picture is of the first screen.
        flow = StartupFlow(data_dir)
        dialog = flow.start()
        if size is not None:
            dialog.resize(*size)
        _settle()
        _save_picture(dialog, screenshot)
        dialog.reject()
        return 0
    try:
        result = unlock_at_start(data_dir, lang)
    except UserError as exc:
        if screenshot:
            raise
        QMessageBox.critical(None, "familymeeting", user_message(exc, lang))
        return 2
    if result is None:
        return 0
    # The window's modules (and SQLAlchemy's) load after the password screen is up.
    from familymeeting.ui.main_window import MainWindow

    vault = Vault(data_dir, result.db, result.failed_attempts)
    try:
        services = vault.services()
        log_unlock(services, vault.take_failed_attempts(), "start")
        # Access log entries older than the retention setting (about six months) go.
        services.prune_access_log(app_settings.get(settings.LOG_KEEP_DAYS))
        meeting_id = services.resolve_meeting(open_meeting).id if open_meeting else None
        window = MainWindow(services, app_settings, vault=vault)
        if meeting_id is not None:
            window.open_meeting(meeting_id)
        if size is not None:
            window.resize(*size)
        if screenshot:
            window.show()
            _settle()
            _save_picture(window, screenshot)
            return 0
        window.show_on_screen()
        return app.exec()
    finally:
        vault.close()
