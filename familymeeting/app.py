"""Wires the QApplication: language, translators, services and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
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


def run_gui(data_dir: Path, *, screenshot: str | None = None) -> int:
    if screenshot and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_app()
    lang = detect_language()
    app.setProperty("translators", install_translators(app, lang))

    from familymeeting.storage.database import Database
    from familymeeting.storage.services import Services
    from familymeeting.ui.main_window import MainWindow

    try:
        db = Database.open(data_dir)
    except UserError as exc:
        if screenshot:
            raise
        QMessageBox.critical(None, "familymeeting", user_message(exc, lang))
        return 2
    try:
        window = MainWindow(Services(db))
        window.show()
        if screenshot:
            app.processEvents()
            if not window.grab().save(screenshot):
                raise UserError("output_unwritable", path=screenshot, reason="PNG")
            return 0
        return app.exec()
    finally:
        db.close()
