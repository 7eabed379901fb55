"""Wires the QApplication: language, translators, services and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from familymeeting import __version__
from familymeeting.assets import resource
from familymeeting.domain.errors import UserError
from familymeeting.messages import detect_language, user_message


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load Qt's own strings and ours for ``lang``; English is the source language."""
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Danish if lang == "da" else QLocale.Language.English,
            QLocale.Country.Denmark if lang == "da" else QLocale.Country.UnitedKingdom,
        )
    )
    translators: list[QTranslator] = []
    if lang == "en":
        return translators
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (
        (f"qtbase_{lang}", qt_dir),
        (f"familymeeting_{lang}", str(resource("i18n"))),
    ):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def make_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("familymeeting")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource("icons", "familymeeting.svg"))))
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
    lang = detect_language()
    app.setProperty("translators", install_translators(app, lang))

    from familymeeting.storage.database import Database
    from familymeeting.storage.services import Services
    from familymeeting.ui import settings
    from familymeeting.ui.main_window import MainWindow

    try:
        db = Database.open(data_dir)
    except UserError as exc:
        if screenshot:
            raise
        QMessageBox.critical(None, "familymeeting", user_message(exc, lang))
        return 2
    try:
        services = Services(db)
        meeting_id = services.resolve_meeting(open_meeting).id if open_meeting else None
        app_settings = settings.Settings(data_dir)
        window = MainWindow(services, app_settings)
        if meeting_id is not None:
            window.open_meeting(meeting_id)
        if size is not None:
            window.resize(*size)
        if screenshot:
            window.show()
            # Let layouts settle (wrapping text needs two passes) and lazily loaded
            # details arrive before the picture.
            loop = QEventLoop()
            QTimer.singleShot(400, loop.quit)
            loop.exec()
            if not window.grab().save(screenshot):
                raise UserError("output_unwritable", path=screenshot, reason="PNG")
            return 0
        if app_settings.get(settings.FULL_SCREEN):
            window.showFullScreen()
        else:
            window.show()
        return app.exec()
    finally:
        db.close()
