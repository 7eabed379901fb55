"""The languages a family's plan can be printed in. No Qt.

The app itself speaks Danish and English (``enums.Language``); a family's plan
can be in any of these ten, the languages of many families in Danish
municipalities. ``Family.language`` holds one of the codes; the plan's fixed
words for each are in ``domain/plan_catalogue/<code>.json``.

Each language has its own name in its own script (shown to the family, so they
can point at it), its Danish and English names (for the caseworker), and its
writing direction: Arabic, Farsi and Urdu plans are laid out right to left.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class FamilyLanguage(StrEnum):
    """A family's language: the language its plan is printed in.

    Values are stable ISO 639-1 codes stored in the database and in case files.
    """

    DA = "da"
    EN = "en"
    AR = "ar"
    FA = "fa"
    PL = "pl"
    SO = "so"
    TI = "ti"
    TR = "tr"
    UK = "uk"
    UR = "ur"


@dataclass(frozen=True)
class LanguageInfo:
    """How to name a plan language, and which way it is written."""

    code: FamilyLanguage
    endonym: str  # the language's name in itself: "العربية", "Türkçe"
    danish: str
    english: str
    rtl: bool = False

    def name(self, ui_language: str) -> str:
        """The name for the caseworker, in the app's language (Danish unless English)."""
        return self.english if ui_language == "en" else self.danish


# In the order a list of languages shows them: Danish and English first, then the
# others alphabetically by their Danish name.
LANGUAGES: tuple[LanguageInfo, ...] = (
    LanguageInfo(FamilyLanguage.DA, "Dansk", "Dansk", "Danish"),
    LanguageInfo(FamilyLanguage.EN, "English", "Engelsk", "English"),
    LanguageInfo(FamilyLanguage.AR, "العربية", "Arabisk", "Arabic", rtl=True),
    LanguageInfo(FamilyLanguage.FA, "فارسی", "Farsi", "Farsi", rtl=True),
    LanguageInfo(FamilyLanguage.PL, "Polski", "Polsk", "Polish"),
    LanguageInfo(FamilyLanguage.SO, "Soomaali", "Somali", "Somali"),
    LanguageInfo(FamilyLanguage.TI, "ትግርኛ", "Tigrinya", "Tigrinya"),
    LanguageInfo(FamilyLanguage.TR, "Türkçe", "Tyrkisk", "Turkish"),
    LanguageInfo(FamilyLanguage.UK, "Українська", "Ukrainsk", "Ukrainian"),
    LanguageInfo(FamilyLanguage.UR, "اردو", "Urdu", "Urdu", rtl=True),
)
BY_CODE: dict[str, LanguageInfo] = {info.code.value: info for info in LANGUAGES}
PLAN_LANGUAGES: tuple[str, ...] = tuple(info.code.value for info in LANGUAGES)
DEFAULT_LANGUAGE = FamilyLanguage.DA


def language_info(code: str) -> LanguageInfo:
    """The language with this code; Danish for a code that is not a plan language."""
    return BY_CODE.get(code, BY_CODE[DEFAULT_LANGUAGE])


def is_rtl(code: str) -> bool:
    """True for the languages written right to left (Arabic, Farsi, Urdu)."""
    return language_info(code).rtl
