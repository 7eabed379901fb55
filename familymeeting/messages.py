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
    # ------------------------------------------------ password and encryption
    "wrong_password": {
        "da": "Forkert adgangskode. Intet er ændret. Har du glemt den, kan du bruge "
        "gendannelseskoden.",
        "en": "Wrong password. Nothing was changed. If you have forgotten it, you can use "
        "the recovery code.",
    },
    "wrong_recovery_code": {
        "da": "Gendannelseskoden passer ikke. Intet er ændret. Uden adgangskoden eller "
        "den rigtige gendannelseskode kan dataene ikke læses af nogen.",
        "en": "The recovery code does not match. Nothing was changed. Without the password "
        "or the right recovery code, nobody can read the data.",
    },
    "recovery_code_format": {
        "da": "Det er ikke en gendannelseskode: den har {groups} grupper med {size} tegn, "
        "fx ABCD-EFGH-… (tallene 2-9 og bogstaverne uden I, L, O og U).",
        "en": "That is not a recovery code: it has {groups} groups of {size} characters, "
        "e.g. ABCD-EFGH-… (digits 2-9 and letters without I, L, O and U).",
    },
    "unlock_wait": {
        "da": "For mange forkerte forsøg. Vent {seconds} sekunder, og prøv igen.",
        "en": "Too many wrong attempts. Wait {seconds} seconds and try again.",
    },
    "password_too_short": {
        "da": "Adgangskoden er for kort: brug mindst 10 tegn, gerne nogle ord i en "
        "sætning kun du kender.",
        "en": "The password is too short: use at least 10 characters, for example a few "
        "words in a sentence only you know.",
    },
    "password_repeated": {
        "da": "Adgangskoden er det samme tegn igen og igen; den er let at gætte.",
        "en": "The password is the same character over and over; it is easy to guess.",
    },
    "password_one_kind": {
        "da": "Bland gerne store og små bogstaver, tal eller tegn; kun én slags er lettere "
        "at gætte.",
        "en": "Consider mixing upper and lower case, digits or symbols; only one kind is "
        "easier to guess.",
    },
    "password_common": {
        "da": "Adgangskoden er mest almindelige ord eller årstal, som gættes først. "
        "Tilføj noget personligt.",
        "en": "The password is mostly common words or years, which are guessed first. "
        "Add something personal.",
    },
    # A new password refused as too easy to guess (domain/passwords.check_new_password).
    "password_weak_repeated": {
        "da": "Adgangskoden er for let at gætte: det er det samme tegn igen og igen. Vælg "
        "nogle ord i en sætning kun du kender. Intet er ændret.",
        "en": "The password is too easy to guess: it is the same character over and over. "
        "Choose a few words in a sentence only you know. Nothing was changed.",
    },
    "password_weak_one_kind": {
        "da": "Adgangskoden er for let at gætte: den har kun én slags tegn. Gør den længere, "
        "eller bland store bogstaver, tal eller tegn ind. Intet er ændret.",
        "en": "The password is too easy to guess: it has only one kind of character. Make it "
        "longer, or mix in upper case, digits or symbols. Nothing was changed.",
    },
    "password_weak_common": {
        "da": "Adgangskoden er for let at gætte: den er mest almindelige ord eller årstal, som "
        "gættes først. Tilføj noget personligt. Intet er ændret.",
        "en": "The password is too easy to guess: it is mostly common words or years, which "
        "are guessed first. Add something personal. Nothing was changed.",
    },
    "password_too_weak": {
        "da": "Adgangskoden er for let at gætte. Vælg en længere, gerne nogle ord i en "
        "sætning kun du kender. Intet er ændret.",
        "en": "The password is too easy to guess. Choose a longer one, for example a few "
        "words in a sentence only you know. Nothing was changed.",
    },
    "password_mismatch": {
        "da": "De to adgangskoder er ikke ens. Intet er ændret.",
        "en": "The two passwords are not the same. Nothing was changed.",
    },
    "password_empty": {
        "da": "Der blev ikke skrevet nogen adgangskode. Intet er ændret.",
        "en": "No password was entered. Nothing was changed.",
    },
    "password_needed": {
        "da": "Der skal bruges en adgangskode, men der er ingen terminal at spørge i. "
        "Sæt miljøvariablen {env}.",
        "en": "A password is needed, but there is no terminal to ask in. "
        "Set the environment variable {env}.",
    },
    "no_password_yet": {
        "da": "Der er ikke valgt en adgangskode i {path} endnu. Den vælges, første gang "
        "programmet åbner dataene.",
        "en": "No password has been chosen in {path} yet. It is chosen the first time the "
        "program opens the data.",
    },
    "keys_missing": {
        "da": "Nøglefilen {path} mangler. Den skal ligge ved siden af databasen; uden den "
        "kan dataene ikke læses. Hent den fra en sikkerhedskopi.",
        "en": "The key file {path} is missing. It belongs next to the database; without it "
        "the data cannot be read. Restore it from a backup.",
    },
    "keys_corrupt": {
        "da": "Nøglefilen {path} er beskadiget. Intet er ændret. Hent den fra en "
        "sikkerhedskopi; uden den kan dataene ikke læses.",
        "en": "The key file {path} is damaged. Nothing was changed. Restore it from a "
        "backup; without it the data cannot be read.",
    },
    "keys_too_new": {
        "da": "Nøglefilen {path} er lavet af en nyere udgave af familymeeting "
        "(version {found}; denne udgave kender op til {supported}). Opdater programmet.",
        "en": "The key file {path} was made by a newer familymeeting "
        "(version {found}; this one knows up to {supported}). Please update the program.",
    },
    "keys_exist": {
        "da": "Der findes allerede en nøglefil ({path}); den bliver ikke erstattet.",
        "en": "A key file already exists ({path}); it will not be replaced.",
    },
    "db_wrong_key": {
        "da": "Databasen {path} kan ikke åbnes med nøglen i keys.json: filen er beskadiget "
        "eller hører til en anden nøglefil. Intet er ændret.",
        "en": "The database {path} cannot be opened with the key in keys.json: the file is "
        "damaged or belongs to another key file. Nothing was changed.",
    },
    "db_not_encrypted": {
        "da": "Databasen {path} er ikke krypteret, selv om der er en nøglefil.",
        "en": "The database {path} is not encrypted, although there is a key file.",
    },
    "db_not_plain": {
        "da": "Databasen {path} er ikke en ukrypteret database og kan ikke krypteres.",
        "en": "The database {path} is not an unencrypted database and cannot be encrypted.",
    },
    "db_convert_failed": {
        "da": "Databasen {path} kunne ikke krypteres ({reason}). Den ukrypterede fil er uændret.",
        "en": "The database {path} could not be encrypted ({reason}). The unencrypted file "
        "is unchanged.",
    },
    "db_unreadable_no_keys": {
        "da": "Databasen {path} kan ikke læses: den er beskadiget, eller den er krypteret og "
        "nøglefilen {keys} mangler. Intet er ændret i filen.",
        "en": "The database {path} cannot be read: it is damaged, or it is encrypted and the "
        "key file {keys} is missing. The file has not been changed.",
    },
    "db_damaged": {
        "da": "Databasen {path} er beskadiget ({reason}). Den er ikke åbnet og ikke ændret.",
        "en": "The database {path} is damaged ({reason}). It has not been opened or changed.",
    },
    "db_damaged_restore": {
        "da": "Databasen var beskadiget og er ikke åbnet. Den er flyttet til {moved}, hvor "
        "den bliver liggende. Den nyeste gode sikkerhedskopi er fra {backup_at}; "
        "hent den tilbage med 'familymeeting restore'.",
        "en": "The database was damaged and has not been opened. It has been moved to "
        "{moved}, where it is kept. The newest good backup is from {backup_at}; "
        "bring it back with 'familymeeting restore'.",
    },
    "db_damaged_no_backup": {
        "da": "Databasen var beskadiget og er ikke åbnet. Den er flyttet til {moved}, hvor "
        "den bliver liggende. Der er ingen god sikkerhedskopi. Kontakt IT-supporten med "
        "filen, eller start forfra med 'familymeeting restore --empty'.",
        "en": "The database was damaged and has not been opened. It has been moved to "
        "{moved}, where it is kept. There is no good backup. Contact IT support with the "
        "file, or start again with 'familymeeting restore --empty'.",
    },
    "db_missing_restore": {
        "da": "Databasen mangler i {path}, men der er sikkerhedskopier. Den nyeste gode er fra "
        "{backup_at}; hent den tilbage med 'familymeeting restore'.",
        "en": "The database is missing from {path}, but there are backups. The newest good "
        "one is from {backup_at}; bring it back with 'familymeeting restore'.",
    },
    "db_missing_no_backup": {
        "da": "Databasen mangler i {path}, og der er ingen god sikkerhedskopi. Start forfra "
        "med 'familymeeting restore --empty'.",
        "en": "The database is missing from {path}, and there is no good backup. Start "
        "again with 'familymeeting restore --empty'.",
    },
    "no_good_backup": {
        "da": "Der er ingen sikkerhedskopi, der består sin kontrol, i {path}.",
        "en": "There is no backup in {path} that passes its check.",
    },
    "backup_damaged": {
        "da": "Sikkerhedskopien {path} er beskadiget eller hører ikke til disse data "
        "({reason}). Intet er ændret.",
        "en": "The backup {path} is damaged or does not belong to this data ({reason}). "
        "Nothing was changed.",
    },
    "backup_failed": {
        "da": "Sikkerhedskopien {path} kunne ikke laves ({reason}). Dataene er uændrede.",
        "en": "The backup {path} could not be made ({reason}). The data is unchanged.",
    },
    "disk_full_backup": {
        "da": "Disken er fuld, så sikkerhedskopien blev ikke lavet. Dataene er uændrede; "
        "frigør plads, og prøv igen.",
        "en": "The disk is full, so the backup was not made. The data is unchanged; free "
        "some space and try again.",
    },
    "move_aside_failed": {
        "da": "Den beskadigede database {path} kunne ikke flyttes til side ({reason}). "
        "Intet er ændret.",
        "en": "The damaged database {path} could not be moved aside ({reason}). "
        "Nothing was changed.",
    },
    "restore_empty_refused": {
        "da": "Der er allerede en database i {path}; '--empty' bruges kun, når den mangler "
        "eller var beskadiget. Intet er ændret.",
        "en": "There is already a database in {path}; '--empty' is only for when it is "
        "missing or was damaged. Nothing was changed.",
    },
    "file_not_found": {
        "da": "Filen {path} findes ikke.",
        "en": "The file {path} does not exist.",
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
    "changed_meanwhile": {
        "da": "Det er ændret et andet sted siden, så det kan ikke fortrydes her. Intet er ændret.",
        "en": "It has been changed elsewhere since, so it cannot be undone here. Nothing "
        "was changed.",
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
    "copy_mismatch": {
        "da": "den krypterede kopi svarede ikke til originalen",
        "en": "the encrypted copy did not match the original",
    },
    "side_files_left": {
        "da": "databasen er stadig åben i et andet program",
        "en": "the database is still open in another program",
    },
}

GOT = {"da": "fik", "en": "got"}


_current: str | None = None  # set by the app when the user chooses a language


def set_language(lang: str | None) -> None:
    """The language of messages from now on (None: back to :func:`detect_language`)."""
    global _current
    _current = lang if lang in SUPPORTED else None


def current_language() -> str:
    return _current or detect_language()


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
    return render(error.code, lang or current_language(), **error.params)
