"""Messages for errors a user can cause, in Danish and English. No Qt.

The storage layer raises :class:`~familymeeting.domain.errors.UserError` with a
message id and parameters; the CLI and the UI render it here in the user's
language. Field names are turned into words too, so a message reads as a
sentence, not as a stack trace.
"""

from __future__ import annotations

import locale
import os
from typing import Any

from familymeeting.domain.errors import UserError

LANG_ENV = "FAMILYMEETING_LANG"
SUPPORTED = ("da", "en")

MESSAGES: dict[str, dict[str, str]] = {
    "value_not_text": {
        "da": "{field} skal være tekst.",
        "en": "{field} must be text.",
    },
    "value_required": {
        "da": "{field} mangler. Skriv noget i feltet.",
        "en": "{field} is missing. Please type something.",
    },
    "value_too_long": {
        "da": "{field} er for lang ({length} tegn); højst {max} tegn.",
        "en": "{field} is too long ({length} characters); at most {max}.",
    },
    "rating_not_integer": {
        "da": "En vurdering skal være et helt tal fra 1 til 10 (fik {value}).",
        "en": "A rating must be a whole number from 1 to 10 (got {value}).",
    },
    "rating_out_of_range": {
        "da": "En vurdering skal være fra 1 til 10 (fik {value}).",
        "en": "A rating must be from 1 to 10 (got {value}).",
    },
    "birth_year_invalid": {
        "da": "Fødselsåret {value} kan ikke passe.",
        "en": "The birth year {value} cannot be right.",
    },
    "invalid_choice": {
        "da": "{field}: '{value}' er ikke en mulighed.",
        "en": "{field}: '{value}' is not one of the choices.",
    },
    "invalid_datetime": {
        "da": "Ugyldigt tidspunkt: {value}.",
        "en": "Not a valid date and time: {value}.",
    },
    "invalid_date": {
        "da": "Ugyldig dato: {value}.",
        "en": "Not a valid date: {value}.",
    },
    "kind_not_in_column": {
        "da": "Korttypen '{kind}' hører ikke til i kolonnen '{column}'.",
        "en": "The card kind '{kind}' does not belong in the column '{column}'.",
    },
    "participant_not_in_family": {
        "da": "Deltageren {id} hører ikke til denne familie.",
        "en": "The participant {id} does not belong to this family.",
    },
    "not_found": {
        "da": "Fandt ingen {what} med id '{id}'.",
        "en": "No {what} with id '{id}' was found.",
    },
    "ambiguous_id": {
        "da": "'{id}' passer på {count} {what}; skriv flere tegn af id'et.",
        "en": "'{id}' matches {count} {what} records; type more of the id.",
    },
    "data_dir_unusable": {
        "da": "Datamappen {path} kan ikke oprettes eller bruges.",
        "en": "The data folder {path} cannot be created or used.",
    },
    "db_unreadable": {
        "da": "Databasen {path} kan ikke læses; filen er tom eller beskadiget. "
        "Intet er ændret i filen.",
        "en": "The database {path} cannot be read; the file is empty or damaged. "
        "The file has not been changed.",
    },
    "db_not_ours": {
        "da": "Filen {path} er ikke en familymeeting-database. Intet er ændret i filen.",
        "en": "The file {path} is not a familymeeting database. It has not been changed.",
    },
    "db_too_new": {
        "da": "Databasen {path} er lavet af en nyere udgave af familymeeting "
        "(version {found}; denne udgave kender op til {supported}). "
        "Opdater programmet. Filen er ikke ændret.",
        "en": "The database {path} was made by a newer familymeeting "
        "(version {found}; this one knows up to {supported}). "
        "Please update the program. The file has not been changed.",
    },
    "db_busy": {
        "da": "Databasen er optaget af et andet program lige nu, så ændringen blev ikke gemt. "
        "Prøv igen om lidt.",
        "en": "The database is busy with another program right now, so the change was not "
        "saved. Please try again in a moment.",
    },
    "db_write_failed": {
        "da": "Ændringen kunne ikke gemmes ({reason}). Tidligere data er uændrede.",
        "en": "The change could not be saved ({reason}). Earlier data is unchanged.",
    },
    "disk_full": {
        "da": "Disken er fuld, så ændringen blev ikke gemt. Tidligere data er uændrede.",
        "en": "The disk is full, so the change was not saved. Earlier data is unchanged.",
    },
    "case_file_unreadable": {
        "da": "Sagsfilen {path} kan ikke åbnes: {reason}.",
        "en": "The case file {path} cannot be opened: {reason}.",
    },
    "case_file_too_big": {
        "da": "Sagsfilen fylder {size} MiB; en sagsfil må højst fylde {max} MiB.",
        "en": "The case file is {size} MiB; a case file may be at most {max} MiB.",
    },
    "case_file_not_utf8": {
        "da": "Sagsfilen er ikke gyldig UTF-8-tekst (fejl ved byte {position}).",
        "en": "The case file is not valid UTF-8 text (error at byte {position}).",
    },
    "case_file_not_json": {
        "da": "Sagsfilen er ikke gyldig JSON (fejl i linje {line}, kolonne {column}).",
        "en": "The case file is not valid JSON (error at line {line}, column {column}).",
    },
    "case_file_truncated": {
        "da": "Sagsfilen ender for tidligt (linje {line}); den er nok afkortet. "
        "Hent eller gem den igen.",
        "en": "The case file ends too early (line {line}); it is probably truncated. "
        "Fetch or save it again.",
    },
    "case_file_bad_number": {
        "da": "Sagsfilen indeholder '{value}', som ikke er et tal, JSON tillader.",
        "en": "The case file contains '{value}', which is not a number JSON allows.",
    },
    "case_file_too_deep": {
        "da": "Sagsfilen er indlejret alt for dybt til at være en sagsfil.",
        "en": "The case file is nested far too deeply to be a case file.",
    },
    "case_file_wrong_format": {
        "da": "Filen er ikke en familymeeting-sagsfil (format '{found}').",
        "en": "The file is not a familymeeting case file (format '{found}').",
    },
    "case_file_wrong_version": {
        "da": "Sagsfilen har version {found}; denne udgave af familymeeting læser version "
        "{supported}.",
        "en": "The case file is version {found}; this familymeeting reads version {supported}.",
    },
    "case_file_invalid": {
        "da": "Sagsfilen har en fejl ved {location}: {reason}.",
        "en": "The case file has an error at {location}: {reason}.",
    },
    "case_file_bad_reference": {
        "da": "Sagsfilen henviser til {what} '{id}', som ikke findes i filen ({location}).",
        "en": "The case file refers to {what} '{id}', which is not in the file ({location}).",
    },
    "case_file_duplicate_id": {
        "da": "Sagsfilen bruger id'et '{id}' mere end én gang.",
        "en": "The case file uses the id '{id}' more than once.",
    },
    "case_family_exists": {
        "da": "Familien '{name}' findes allerede. Brug --replace for at erstatte den "
        "med sagsfilens indhold.",
        "en": "The family '{name}' already exists. Use --replace to replace it "
        "with the case file's content.",
    },
    "case_id_taken": {
        "da": "Sagsfilens {what} '{id}' findes allerede i en anden familie; intet er importeret.",
        "en": "The case file's {what} '{id}' already exists in another family; "
        "nothing was imported.",
    },
    "output_unwritable": {
        "da": "Kan ikke skrive {path}: {reason}.",
        "en": "Cannot write {path}: {reason}.",
    },
}

FIELD_NAMES: dict[str, dict[str, str]] = {
    "display_name": {"da": "Familiens navn", "en": "The family's name"},
    "notes": {"da": "Noter", "en": "Notes"},
    "caseworker_name": {"da": "Rådgiverens navn", "en": "The caseworker's name"},
    "caseworker_phone": {"da": "Rådgiverens telefon", "en": "The caseworker's phone"},
    "language": {"da": "Sprog", "en": "Language"},
    "name": {"da": "Navn", "en": "Name"},
    "role": {"da": "Rolle", "en": "Role"},
    "place": {"da": "Sted", "en": "Place"},
    "next_meeting_place": {"da": "Sted for næste møde", "en": "Place of the next meeting"},
    "kind": {"da": "Type", "en": "Kind"},
    "status": {"da": "Status", "en": "Status"},
    "column": {"da": "Kolonne", "en": "Column"},
    "text": {"da": "Teksten", "en": "The text"},
    "low_anchor": {"da": "Ordet ved 1", "en": "The word at 1"},
    "high_anchor": {"da": "Ordet ved 10", "en": "The word at 10"},
    "comment": {"da": "Kommentaren", "en": "The comment"},
    "what": {"da": "Hvad", "en": "What"},
    "who_text": {"da": "Hvem", "en": "Who"},
    "due_text": {"da": "Hvornår", "en": "When"},
}

RECORD_NAMES: dict[str, dict[str, str]] = {
    "family": {"da": "familie", "en": "family"},
    "participant": {"da": "deltager", "en": "participant"},
    "meeting": {"da": "møde", "en": "meeting"},
    "card": {"da": "kort", "en": "card"},
    "question": {"da": "spørgsmål", "en": "question"},
    "rating": {"da": "vurdering", "en": "rating"},
    "action": {"da": "aftale", "en": "action"},
}


REASONS: dict[str, dict[str, str]] = {
    "missing": {"da": "mangler", "en": "is missing"},
    "unknown_field": {"da": "ukendt felt", "en": "unknown field"},
    "too_long": {"da": "teksten er for lang", "en": "the text is too long"},
    "bad_id": {"da": "ikke et gyldigt id", "en": "not a valid id"},
    "out_of_range": {"da": "uden for det tilladte område", "en": "out of the allowed range"},
    "not_a_choice": {"da": "ikke en af mulighederne", "en": "not one of the choices"},
    "kind_not_in_column": {
        "da": "korttypen hører ikke til i kolonnen",
        "en": "the card kind does not belong in the column",
    },
    "agrees_and_disagrees": {
        "da": "samme person både enig og uenig",
        "en": "the same person both agrees and disagrees",
    },
    "value_required": {"da": "må ikke være tom", "en": "must not be empty"},
    "wrong_type": {"da": "forkert slags værdi", "en": "the wrong kind of value"},
    "bad_date": {"da": "ikke en gyldig dato eller tid", "en": "not a valid date or time"},
    "invalid_value": {"da": "ugyldig værdi", "en": "not a valid value"},
    "follows_loop": {
        "da": "mødet følger op på sig selv",
        "en": "the meeting follows up on itself",
    },
    "series_twice": {
        "da": "samme spørgsmål står to gange i mødet",
        "en": "the same question appears twice in the meeting",
    },
    "answered_twice": {
        "da": "samme person har svaret to gange",
        "en": "the same person answered twice",
    },
    "person_twice": {
        "da": "samme person står to gange",
        "en": "the same person is listed twice",
    },
    "file_missing": {"da": "filen findes ikke", "en": "the file does not exist"},
    "is_directory": {"da": "det er en mappe, ikke en fil", "en": "it is a folder, not a file"},
    "no_access": {"da": "ingen adgang til filen", "en": "no permission to read it"},
    "cannot_read": {"da": "filen kan ikke læses", "en": "the file cannot be read"},
    "value_too_long": {"da": "teksten er for lang", "en": "the text is too long"},
}

GOT = {"da": "fik", "en": "got"}


def detect_language() -> str:
    """FAMILYMEETING_LANG, else the system language if Danish or English, else Danish."""
    explicit = os.environ.get(LANG_ENV, "").strip().lower()[:2]
    if explicit in SUPPORTED:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in SUPPORTED else "da"
    code = (locale.getlocale()[0] or "")[:2].lower()
    return code if code in SUPPORTED else "da"


def _word(table: dict[str, dict[str, str]], key: Any, lang: str) -> Any:
    entry = table.get(str(key)) if isinstance(key, str) else None
    return entry[lang] if entry else key


def _number(value: float, lang: str) -> str:
    """47.7 -> "47,7" in Danish; 32.0 -> "32"."""
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "da" else text


def render(code: str, lang: str, **params: Any) -> str:
    lang = lang if lang in SUPPORTED else "da"
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    shown = {
        key: _number(value, lang) if isinstance(value, float) else value
        for key, value in params.items()
    }
    if "field" in shown:
        shown["field"] = _word(FIELD_NAMES, shown["field"], lang)
    if "what" in shown:
        shown["what"] = _word(RECORD_NAMES, shown["what"], lang)
    if "reason" in shown:
        reason = _word(REASONS, shown["reason"], lang)
        if shown.get("input"):
            reason = f"{reason} ({GOT[lang]} '{shown['input']}')"
        shown["reason"] = reason
    return entry[lang].format(**shown)


def user_message(error: UserError, lang: str | None = None) -> str:
    return render(error.code, lang or detect_language(), **error.params)
