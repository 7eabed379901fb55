"""The UI language: Danish or English, chosen in Settings, switched while the app runs.

Installing other translators makes Qt send every widget a ``LanguageChange`` event;
the main window answers it by building its pages again at the same place (the same
way it does after unlocking), so every string, date and number is drawn anew in the
new language. Messages for user errors (``messages.user_message``) follow too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from familymeeting import settings
from familymeeting.assets import resource
from familymeeting.messages import SUPPORTED, detect_language, set_language

# The language names are shown in their own language, so anyone can find theirs.
NAMES = {"da": "Dansk", "en": "English"}


def chosen_language(app_settings: settings.Settings) -> str:
    """The language chosen in Settings; else $FAMILYMEETING_LANG, else the system's (da/en)."""
    chosen = app_settings.get(settings.UI_LANGUAGE)
    return chosen if chosen in SUPPORTED else detect_language()


def locale_for(lang: str) -> QLocale:
    if lang == "da":
        return QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load Qt's own strings and ours for ``lang``; English is the source language
    (only its plural forms are loaded).

    Also sets the default QLocale (dates, times, numbers) and the language of user
    error messages.
    """
    QLocale.setDefault(locale_for(lang))
    set_language(lang)
    translators: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # English is the source language; its catalogue holds only the plural forms
    # ("1 meeting", "3 meetings"), which the source text cannot say for every number.
    qt_own = [] if lang == "en" else [(f"qtbase_{lang}", qt_dir)]
    for name, directory in (*qt_own, (f"familymeeting_{lang}", str(resource("i18n")))):
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def switch_language(app: QCoreApplication, lang: str) -> None:
    """Replace the installed translators with ``lang``'s; widgets get ``LanguageChange``.

    Removing and installing translators sends the event.
    """
    old = app.property("translators") or []
    for translator in old:
        QCoreApplication.removeTranslator(translator)
    app.setProperty("translators", install_translators(app, lang))
