"""The catalogue of the text Qt does not show, in Danish and English. No Qt.

That is everything the command line prints, and the messages for errors a user can
cause (the window shows those too). What the window itself shows is Qt's, in
resources/i18n/familymeeting_da.ts; the plan's fixed words are in the plan's own
catalogues (domain/plan_catalogue/), one per family language.

It is a gettext catalogue, like Qt's: the English text in the code is the message
id, the Danish is in ``resources/i18n/messages_da.po`` (a translator's ordinary PO
file), compiled to ``messages_da.mo``, which the standard library's :mod:`gettext`
reads at run time. README.md ("Translations") has the commands that refresh them,
and tests/unit/test_translations.py fails when a text has no Danish, or the .mo is
older than the .po.

- Code that prints (the CLI) calls :func:`gettext` and :func:`ngettext` (or a
  :class:`Catalogue`'s methods for a given language) with literal English text and
  named ``{placeholders}``: ``gettext("Saved the plan for '{name}' to {path}.",
  name=..., path=...)``.
- The storage layer raises :class:`~familymeeting.domain.errors.UserError` with a
  code and parameters, never a finished sentence; :func:`user_message` renders it
  here from :data:`MESSAGES`. Field, record and reason keys among the parameters
  are turned into words too, so a message reads as a sentence, not a stack trace.
- Texts in a table are marked with :func:`N_` (or :func:`N_plural`) so that the
  extraction finds them; they are translated when they are shown.
- The words for the domain's values that the CLI prints (meeting kinds, statuses,
  roles, backup kinds) are here once: :func:`meeting_kind` and friends. The window
  has its own, capitalised, in ui/words.py (Qt's catalogue); a test keeps the two in
  step.
"""

from __future__ import annotations

import errno
import locale
import os
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from gettext import GNUTranslations, NullTranslations
from typing import Any, NamedTuple

from familymeeting.assets import resource
from familymeeting.domain.enums import CaseDateKind, HandoutHow, MeetingKind, MeetingStatus, Role
from familymeeting.domain.errors import UserError

LANG_ENV = "FAMILYMEETING_LANG"
SUPPORTED = ("da", "en")
SOURCE_LANGUAGE = "en"  # the message ids are the English text
DOMAIN = "messages"  # resources/i18n/messages_<lang>.po and .mo


class Plural(NamedTuple):
    """A text with a number in it: the singular and plural English forms, and which
    parameter holds the number."""

    singular: str
    plural: str
    number: str


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue (gettext's usual name for it); it is
    translated where it is shown."""
    return message


def N_plural(singular: str, plural: str, *, number: str) -> Plural:
    """Marks a text with a number for the catalogue (extracted as ``N_plural:1,2``)."""
    return Plural(singular, plural, number)


MESSAGES: dict[str, str | Plural] = {
    "value_not_text": N_("{field} must be text."),
    "value_required": N_("{field} is missing. Please type something."),
    "value_too_long": N_("{field} is too long ({length} characters); at most {max}."),
    "rating_not_integer": N_("A rating must be a whole number from 1 to 10 (got {value})."),
    "rating_out_of_range": N_("A rating must be from 1 to 10 (got {value})."),
    "birth_year_invalid": N_("The birth year {value} cannot be right."),
    "invalid_choice": N_("{field}: '{value}' is not one of the choices."),
    "invalid_datetime": N_("Not a valid date and time: {value}."),
    "invalid_date": N_("Not a valid date: {value}."),
    "kind_not_in_column": N_("The card kind '{kind}' does not belong in the column '{column}'."),
    "participant_not_in_family": N_("The participant {id} does not belong to this family."),
    "audience_nobody_chosen": N_(
        "Choose at least one person to answer the question. Nothing was changed."
    ),
    "not_found": N_("No {what} with id '{id}' was found."),
    # Three Houses (issue 19)
    "drawing_invalid": N_("The drawing cannot be read, so it was not saved."),
    "drawing_too_big": N_(
        "The drawing is too big (at most {max} of its points or strokes). The drawing as "
        "it was before is kept."
    ),
    "house_not_a_child": N_("Three Houses are for a child of the family; {id} is not one."),
    "house_item_not_shared": N_(
        "Only what the child said the parents may see can go on the board."
    ),
    "house_item_on_board": N_(
        "It is on the board already. Remove the card from the board first if the child "
        "changed their mind."
    ),
    "house_drawing_to_board": N_(
        'A drawing cannot go on the board; it is in the "My three houses" paper if the '
        "child shares it."
    ),
    "feedback_item_unknown": N_("'{item}' is not one of the child's feedback questions."),
    "feedback_not_a_child": N_(
        "Only a child gives feedback on the meeting; {name} is not a child of this family."
    ),
    "plans_get_without_output": N_(
        "--get writes a plan to a file: say which with -o FILE. Nothing was written."
    ),
    "plans_output_without_get": N_(
        "-o writes one plan: say which with --get N ('familymeeting plans FAMILY' "
        "lists their numbers). Nothing was written."
    ),
    "handout_not_found": N_(
        "The family has no plan number {number}. 'familymeeting plans FAMILY' lists them."
    ),
    "ambiguous_id": N_("'{id}' matches {count} {what} records; type more of the id."),
    "child_not_found": N_(
        "'{name}' is not a person in the family '{family}'. The family's children: {children}."
    ),
    "child_ambiguous": N_(
        "'{name}' matches {count} people in the family; type more of the name or the id."
    ),
    "not_a_child": N_(
        "{name} is not a child. Only a child gets a plan of their own. Nothing was written."
    ),
    "child_plan_off": N_(
        "{name} does not get a plan of their own for this meeting: a child gets one from "
        "the year they turn 10. To give {name} one anyway, open the family's people in the "
        "app and set 'Own plan' to 'Yes'. Nothing was written."
    ),
    "data_dir_unusable": N_("The data folder {path} cannot be created or used."),
    "db_unreadable": N_(
        "The database {path} cannot be read; the file is empty or damaged. "
        "The file has not been changed."
    ),
    "db_not_ours": N_("The file {path} is not a familymeeting database. It has not been changed."),
    "db_too_new": N_(
        "The database {path} was made by a newer familymeeting "
        "(version {found}; this one knows up to {supported}). "
        "Please update the program. The file has not been changed."
    ),
    "db_busy": N_(
        "The database is busy with another program right now. Nothing was saved or "
        "changed. Please try again in a moment."
    ),
    "db_write_failed": N_("The change could not be saved ({reason}). Earlier data is unchanged."),
    "disk_full": N_("The disk is full, so the change was not saved. Earlier data is unchanged."),
    # ------------------------------------------------ password and encryption
    "wrong_password": N_(
        "Wrong password. Nothing was changed. If you have forgotten it, you can use "
        "the recovery code."
    ),
    "wrong_recovery_code": N_(
        "The recovery code does not match. Nothing was changed. Without the password "
        "or the right recovery code, nobody can read the data."
    ),
    "recovery_code_format": N_(
        "That is not a recovery code: it has {groups} groups of {size} characters, "
        "e.g. ABCD-EFGH-… (digits 2-9 and letters without I, L, O and U)."
    ),
    "unlock_wait": N_plural(
        "Too many wrong attempts. Wait {seconds} second and try again.",
        "Too many wrong attempts. Wait {seconds} seconds and try again.",
        number="seconds",
    ),
    "password_too_short": N_(
        "The password is too short: use at least 10 characters, for example a few "
        "words in a sentence only you know."
    ),
    "password_repeated": N_(
        "The password is the same character over and over; it is easy to guess."
    ),
    "password_one_kind": N_(
        "Consider mixing upper and lower case, digits or symbols; only one kind is easier to guess."
    ),
    "password_common": N_(
        "The password is mostly common words or years, which are guessed first. "
        "Add something personal."
    ),
    # A new password refused as too easy to guess (domain/passwords.check_new_password).
    "password_weak_repeated": N_(
        "The password is too easy to guess: it is the same character over and over. "
        "Choose a few words in a sentence only you know. Nothing was changed."
    ),
    "password_weak_one_kind": N_(
        "The password is too easy to guess: it has only one kind of character. Make it "
        "longer, or mix in upper case, digits or symbols. Nothing was changed."
    ),
    "password_weak_common": N_(
        "The password is too easy to guess: it is mostly common words or years, which "
        "are guessed first. Add something personal. Nothing was changed."
    ),
    "password_too_weak": N_(
        "The password is too easy to guess. Choose a longer one, for example a few "
        "words in a sentence only you know. Nothing was changed."
    ),
    "password_mismatch": N_("The two passwords are not the same. Nothing was changed."),
    "password_empty": N_("No password was entered. Nothing was changed."),
    "password_needed": N_(
        "A password is needed, but there is no terminal to ask in. "
        "Set the environment variable {env}."
    ),
    "no_password_yet": N_(
        "No password has been chosen in {path} yet. It is chosen the first time the "
        "program opens the data."
    ),
    "keys_missing": N_(
        "The key file {path} and its copy are missing. They belong next to the database; "
        "without them the data cannot be read. Every backup carries the key file: bring "
        "one back with 'familymeeting restore FILE' and the password or recovery code "
        "from when it was made."
    ),
    "keys_corrupt": N_(
        "The key file {path} and its copy are damaged, so the password cannot be "
        "checked. Nothing was changed. Every backup carries the key file: bring one back "
        "with 'familymeeting restore FILE' and the password or recovery code from when "
        "it was made."
    ),
    "keys_too_new": N_(
        "The key file {path} was made by a newer familymeeting "
        "(version {found}; this one knows up to {supported}). Please update the program."
    ),
    "keys_exist": N_("A key file already exists ({path}); it will not be replaced."),
    # A new recovery code becomes valid only once it was shown (issue 17, item 5).
    "recovery_code_stale": N_(
        "This recovery code is no longer the new one waiting to be confirmed, so it was "
        "not made valid. The recovery code from before still works; make a new one."
    ),
    "recovery_code_not_shown": N_(
        "The new recovery code could not be shown ({reason}), so it was not made valid. "
        "The recovery code from before still works."
    ),
    "recover_code_not_shown": N_(
        "The password has been changed, but the new recovery code could not be shown "
        "({reason}), so it was not made valid. The recovery code you just used still "
        "works; make a new one with 'familymeeting recovery-code'."
    ),
    "first_start_code_not_shown": N_(
        "The recovery code could not be shown ({reason}), so the new data was not set "
        "up and nothing was saved. Start again."
    ),
    # Key material in backups, recovery codes acknowledged (issue 17, "keys").
    "backup_wrong_secret": N_(
        "The backup {path} does not open with this password or recovery code. A backup "
        "opens with the password or recovery code from the time it was made. Nothing was "
        "changed."
    ),
    "backup_no_keys": N_(
        "The file {path} cannot be brought back here: no key file came with it. Either it "
        "is not a backup of familymeeting, or it is an automatic backup whose .keys file "
        "(beside it in the backups folder) was not copied along, or a backup made before "
        "backups carried their key file, which can only be brought back into the data "
        "folder it came from. Nothing was changed."
    ),
    "rekey_unfinished": N_(
        "A change of the data key in {path} was interrupted. Open the data with the "
        "password once (start the app, or e.g. 'familymeeting list') to finish it; "
        "until then this cannot be done. Nothing was changed."
    ),
    "rekey_journal_unreadable": N_(
        "The note of an interrupted change of the data key ({path}) cannot be read, so "
        "the change cannot be finished. Nothing was changed. Keep the data folder as it "
        "is and ask for help."
    ),
    "plain_db_beside_keys": N_(
        "The database {path} is not encrypted, but this data folder has been encrypted "
        "before, so the file must have been put there from elsewhere. It has not been "
        "converted, since that would make the recovery code you wrote down useless. "
        "Nothing was changed. Move the file away, or bring back a backup with "
        "'familymeeting restore'."
    ),
    "db_wrong_key": N_(
        "The database {path} cannot be opened with the key in keys.json: the file is "
        "damaged or belongs to another key file. Nothing was changed."
    ),
    "db_not_encrypted": N_("The database {path} is not encrypted, although there is a key file."),
    "db_not_plain": N_(
        "The database {path} is not an unencrypted database and cannot be encrypted."
    ),
    "db_convert_failed": N_(
        "The database {path} could not be encrypted ({reason}). The unencrypted file is unchanged."
    ),
    "db_unreadable_no_keys": N_(
        "The database {path} cannot be read: it is damaged, or it is encrypted and the "
        "key file {keys} is missing. The file has not been changed."
    ),
    "db_damaged": N_(
        "The database {path} is damaged ({reason}). It has not been opened or changed."
    ),
    "db_damaged_restore": N_(
        "The database was damaged and has not been opened. It has been moved to "
        "{moved}, where it is kept. The newest good backup is from {backup_at}; "
        "bring it back with 'familymeeting restore'."
    ),
    "db_damaged_no_backup": N_(
        "The database was damaged and has not been opened. It has been moved to "
        "{moved}, where it is kept. There is no good backup. Contact IT support with the "
        "file, or start again with 'familymeeting restore --empty'."
    ),
    "db_missing_restore": N_(
        "The database is missing from {path}, but there are backups. The newest good "
        "one is from {backup_at}; bring it back with 'familymeeting restore'."
    ),
    "db_missing_no_backup": N_(
        "The database is missing from {path}, and there is no good backup. Start "
        "again with 'familymeeting restore --empty'."
    ),
    "no_good_backup": N_("There is no backup in {path} that passes its check."),
    "backup_damaged": N_(
        "The backup {path} is damaged or does not belong to this data ({reason}). "
        "Nothing was changed."
    ),
    "backup_failed": N_("The backup {path} could not be made ({reason}). The data is unchanged."),
    "disk_full_backup": N_(
        "The disk is full, so the backup was not made. The data is unchanged; free "
        "some space and try again."
    ),
    "delete_needs_confirmation": N_(
        "Deleting a family for good asks for its name on a terminal. In a script, "
        "confirm with 'familymeeting delete-family {id} --yes'. Nothing was deleted."
    ),
    "delete_not_confirmed": N_("That is not the family's name. Nothing was deleted."),
    "checkpoint_busy": N_(
        "The family is deleted, but another program is still reading the database "
        "{path}, so its old words may still be in the file. Close other familymeeting "
        "windows and commands; the deletion is finished the next time familymeeting starts."
    ),
    "forget_journal_unreadable": N_(
        "The note of an unfinished deletion, {path}, cannot be read. Nothing was "
        "changed; ask for help before deleting that file."
    ),
    "forget_backup_failed": N_(
        "The backup {path} could not be written without the deleted family ({reason}). "
        "The deletion is finished the next time familymeeting starts."
    ),
    "move_aside_failed": N_(
        "The damaged database {path} could not be moved aside ({reason}). Nothing was changed."
    ),
    "restore_empty_refused": N_(
        "There is already a database in {path}; '--empty' is only for when it is "
        "missing or was damaged. Nothing was changed."
    ),
    # ---------------- the machine, not the file, failed at open (issue 17): never damage
    "db_io_error": N_(
        "The disk could not read or write the database {path} (an input/output error). "
        "The disk may be full, failing or removed. Nothing was moved or changed. Free some "
        "space or check the disk, then try again."
    ),
    "db_disk_full": N_(
        "The disk is full, so the database {path} cannot be opened. Nothing was moved or "
        "changed. Free some space and try again."
    ),
    "db_read_only": N_(
        "The database {path} is on storage that cannot be written to, or in a folder you "
        "may not write in, so it cannot be opened. Nothing was moved or changed. Ask IT "
        "support to check the data folder."
    ),
    "db_no_permission": N_(
        "You do not have permission to use the database {path}. Nothing was moved or "
        "changed. Ask IT support to check the data folder's permissions."
    ),
    "db_cannot_open": N_(
        "The database {path}, or a file the program keeps beside it, cannot be opened or "
        "created. Nothing was moved or changed. Check that the data folder is there and "
        "that you may write in it."
    ),
    "db_damaged_found": N_(
        "A damaged part of the database {path} was found while reading it. Nothing was "
        "changed. Start familymeeting again: it then checks the whole file and offers the "
        "newest good backup."
    ),
    "db_wal_damaged": N_(
        "The database's log of recent changes ({wal}) is damaged: opening it now would "
        "lose saved changes. Nothing was opened, moved or changed. Keep the data folder "
        "as it is and contact IT support."
    ),
    "file_not_found": N_("The file {path} does not exist."),
    "case_file_unreadable": N_("The case file {path} cannot be opened: {reason}."),
    "case_file_too_big": N_("The case file is {size} MiB; a case file may be at most {max} MiB."),
    "case_file_not_utf8": N_("The case file is not valid UTF-8 text (error at byte {position})."),
    "case_file_not_json": N_(
        "The case file is not valid JSON (error at line {line}, column {column})."
    ),
    "case_file_truncated": N_(
        "The case file ends too early (line {line}); it is probably truncated. "
        "Fetch or save it again."
    ),
    "case_file_bad_number": N_(
        "The case file contains '{value}', which is not a number JSON allows."
    ),
    "case_file_too_deep": N_("The case file is nested far too deeply to be a case file."),
    "case_file_wrong_format": N_("The file is not a familymeeting case file (format '{found}')."),
    "case_file_wrong_version": N_(
        "The case file is version {found}; this familymeeting reads version {supported}."
    ),
    "case_file_invalid": N_("The case file has an error at {location}: {reason}."),
    "case_file_bad_reference": N_(
        "The case file refers to {what} '{id}', which is not in the file ({location})."
    ),
    "case_file_duplicate_id": N_("The case file uses the id '{id}' more than once."),
    "changed_meanwhile": N_(
        "It has been changed elsewhere since, so it cannot be undone here. Nothing was changed."
    ),
    "case_family_exists": N_(
        "The family '{name}' already exists. Use --replace to replace it "
        "with the case file's content."
    ),
    "case_id_taken": N_(
        "The case file's {what} '{id}' already exists in another family; nothing was imported."
    ),
    "output_unwritable": N_("Cannot write {path}: {reason}."),
    # One owner per data folder, data folders that must exist (issue 17, "lock").
    "data_in_use": N_(
        "familymeeting is open on this data ({path}) in another window or command. "
        "Close it first, then try again. Nothing was changed."
    ),
    "no_data": N_(
        "There is no familymeeting data in {path}. Check the folder name. Nothing was changed."
    ),
    "no_data_create": N_(
        "There is no familymeeting data in {path}. Check the folder name; to start new, "
        "empty data there, add --create. Nothing was changed."
    ),
    # The case timeline (issue 18): dates of what happened, in case order.
    "case_date_in_future": N_(
        "The date for {date_kind} ({date}) is after today; a case date records what has "
        "happened. Nothing was changed."
    ),
    "case_dates_out_of_order": N_(
        "The date for {later} ({later_date}) is before the date for {earlier} "
        "({earlier_date}). Nothing was changed."
    ),
    "case_dates_out_of_order_for": N_(
        "For {child}, the date for {later} ({later_date}) is before the date for {earlier} "
        "({earlier_date}). Nothing was changed."
    ),
    "no_such_child": N_("The family has no child called '{name}'. Nothing was changed."),
    "case_date_not_a_child": N_(
        "{name} is not a child in the family; case dates are for the family or a child. "
        "Nothing was changed."
    ),
    # The team report (issue 20): the statistics files it reads.
    "stats_no_files": N_("Name at least one statistics file to read."),
    "stats_no_match": N_("No file matches {pattern}. Nothing was written."),
    "stats_file_not_ours": N_(
        "{path} is not a statistics file from familymeeting. Nothing was written."
    ),
    "stats_file_damaged": N_(
        "{path} is damaged or cut short; export it again. Nothing was written."
    ),
    "stats_files_damaged": N_(
        "One of the {count} statistics files is damaged inside; export them again. "
        "Nothing was written."
    ),
    "stats_file_too_new": N_(
        "{path} is from a newer version of familymeeting (statistics version {found}; "
        "this one reads up to {supported}). Please update the program. Nothing was written."
    ),
    "stats_file_unreadable": N_("{path} cannot be read: {reason}. Nothing was written."),
    "unlock_counter_unwritable": N_(
        "The password was not tried: the count of wrong passwords cannot be saved in "
        "{path} (is the disk full, or the folder read-only?). Nothing was changed."
    ),
}

# Words put into the messages above: {field}, {what} and {reason} are given as
# keys of these tables and shown in the reader's language.
FIELD_NAMES: dict[str, str] = {
    "display_name": N_("The family's name"),
    "notes": N_("Notes"),
    "caseworker_name": N_("The caseworker's name"),
    "caseworker_phone": N_("The caseworker's phone"),
    "language": N_("Language"),
    "name": N_("Name"),
    "role": N_("Role"),
    "audience": N_("Who answers"),
    "place": N_("Place"),
    "next_meeting_place": N_("Place of the next meeting"),
    "kind": N_("Kind"),
    "status": N_("Status"),
    "column": N_("Column"),
    "text": N_("The text"),
    "low_anchor": N_("The word at 1"),
    "high_anchor": N_("The word at 10"),
    "comment": N_("The comment"),
    "what": N_("What"),
    "who_text": N_("Who"),
    "due_text": N_("When"),
    "card_id": N_("The card"),
    "case_date_kind": N_("The kind of date"),
    "assessment": N_("The professional assessment"),
    "minutes": N_("The minutes"),
    "other_attendees": N_("Other professionals present"),
}

RECORD_NAMES: dict[str, str] = {
    "family": N_("family"),
    "participant": N_("participant"),
    "meeting": N_("meeting"),
    "card": N_("card"),
    "question": N_("question"),
    "rating": N_("rating"),
    "action": N_("action"),
    "child": N_("child"),
    "case_date": N_("case date"),
}

REASONS: dict[str, str] = {
    "missing": N_("is missing"),
    "unknown_field": N_("unknown field"),
    "too_long": N_("the text is too long"),
    "bad_id": N_("not a valid id"),
    "out_of_range": N_("out of the allowed range"),
    "not_a_choice": N_("not one of the choices"),
    "kind_not_in_column": N_("the card kind does not belong in the column"),
    "agrees_and_disagrees": N_("the same person both agrees and disagrees"),
    "value_required": N_("must not be empty"),
    "wrong_type": N_("the wrong kind of value"),
    "bad_date": N_("not a valid date or time"),
    "invalid_value": N_("not a valid value"),
    "follows_loop": N_("the meeting follows up on itself"),
    "date_twice": N_("the same date is given twice for the same child"),
    "dates_out_of_order": N_("the dates are not in the order a case goes"),
    "series_twice": N_("the same question appears twice in the meeting"),
    "answered_twice": N_("the same person answered twice"),
    "person_twice": N_("the same person is listed twice"),
    "file_missing": N_("the file does not exist"),
    "is_directory": N_("it is a folder, not a file"),
    "no_access": N_("no permission to read it"),
    "cannot_read": N_("the file cannot be read"),
    "value_too_long": N_("the text is too long"),
    "copy_mismatch": N_("the encrypted copy did not match the original"),
    "copy": N_("the copy does not pass its check"),
    "header": N_("its first lines, which hold the key file, are cut short"),
    "key": N_("the key of this data does not open it"),
    "picture_not_saved": N_("the picture could not be saved"),
    "side_files_left": N_("the database is still open in another program"),
    # Why the database could not be written (storage.database.environment_error).
    "io_error": N_("the disk could not read or write"),
    "read_only": N_("the storage cannot be written to"),
    "no_permission": N_("no permission"),
    "cannot_open": N_("a file could not be opened or created"),
    # The operating system's errors (errno), in the reader's language: os_error_reason.
    "os_no_such_file": N_("the file or folder does not exist"),
    "os_disk_full": N_("the disk is full"),
    "os_exists": N_("a file with that name already exists"),
    "os_not_a_folder": N_("a part of the path is not a folder"),
    "os_in_use": N_("the file is in use by another program"),
    # SQLite's errors that are not the machine's (storage.database.sqlite_reason).
    "not_a_database": N_("the file is not a database, or the key cannot read it"),
    "malformed": N_("a part of the file is damaged"),
    # check_file's findings (storage.database.problem_reason); 'check' prints the details.
    "file_empty": N_("the file is empty"),
    "not_ours": N_("it is not a familymeeting database"),
    "too_new": N_("it was made by a newer version"),
    "failed_check": N_("it does not pass the check of every page"),
    "no_folder": N_("the folder does not exist; create it first or choose another"),
    "inside_data_folder": N_("it is inside the program's data folder; choose a place outside it"),
}

_OS_ERROR_REASONS: dict[int, str] = {
    errno.ENOENT: "os_no_such_file",
    errno.EACCES: "no_permission",
    errno.EPERM: "no_permission",
    errno.ENOSPC: "os_disk_full",
    errno.EDQUOT: "os_disk_full",
    errno.EROFS: "read_only",
    errno.EEXIST: "os_exists",
    errno.EISDIR: "is_directory",
    errno.ENOTDIR: "os_not_a_folder",
    errno.EBUSY: "os_in_use",
    errno.EIO: "io_error",
}


def os_error_reason(exc: OSError) -> str:
    """A ``reason`` for a message about ``exc``, shown in the reader's language.

    A key of :data:`REASONS`, or for an errno without words the errno's name (such
    as ``EXDEV``), shown as "system error EXDEV": never the OS's English text.
    """
    number = exc.errno or 0
    return _OS_ERROR_REASONS.get(number) or errno.errorcode.get(number, "EUNKNOWN")


def _is_code_name(reason: str) -> bool:
    return reason == "EUNKNOWN" or reason in errno.errorcode.values()


# The words for the domain's values, as the CLI prints them inside a line (lower case).
MEETING_KIND_WORDS: dict[MeetingKind, str] = {
    MeetingKind.FIRST: N_("first meeting"),
    MeetingKind.FOLLOW_UP: N_("follow-up meeting"),
    MeetingKind.NETWORK: N_("network meeting"),
}
MEETING_STATUS_WORDS: dict[MeetingStatus, str] = {
    MeetingStatus.PLANNED: N_("planned"),
    MeetingStatus.IN_PROGRESS: N_("in progress"),
    MeetingStatus.CLOSED: N_("closed"),
}
HANDOUT_HOW_WORDS: dict[HandoutHow, str] = {
    HandoutHow.PRINT: N_("printed"),
    HandoutHow.SAVE: N_("saved"),
    HandoutHow.CLI: N_("written by the command line"),
}
ROLE_WORDS: dict[Role, str] = {
    Role.CHILD: N_("child"),
    Role.PARENT: N_("parent"),
    Role.CAREGIVER: N_("caregiver"),
    Role.NETWORK: N_("network"),
    Role.PROFESSIONAL: N_("professional"),
    Role.CASEWORKER: N_("caseworker"),
}
# The case's key dates (domain.enums.CaseDateKind), inside a line, and the spans between.
CASE_DATE_WORDS: dict[CaseDateKind, str] = {
    CaseDateKind.CONCERN: N_("concern received"),
    CaseDateKind.SCREENING: N_("screening"),
    CaseDateKind.DECISION: N_("decision"),
    CaseDateKind.HELP_STARTED: N_("help started"),
    CaseDateKind.CLOSED: N_("case closed"),
}
# domain.timeline.SPANS: (start, end) -> the span's words, done and still waiting.
SPAN_WORDS: dict[tuple[CaseDateKind, CaseDateKind], tuple[Plural, Plural]] = {
    (CaseDateKind.CONCERN, CaseDateKind.DECISION): (
        N_plural(
            "from concern to decision: {n} day",
            "from concern to decision: {n} days",
            number="n",
        ),
        N_plural("waiting for a decision: {n} day", "waiting for a decision: {n} days", number="n"),
    ),
    (CaseDateKind.DECISION, CaseDateKind.HELP_STARTED): (
        N_plural("from decision to help: {n} day", "from decision to help: {n} days", number="n"),
        N_plural("waiting for help: {n} day", "waiting for help: {n} days", number="n"),
    ),
}
# storage.backup.BackupKind's values (messages.py sits below storage/ and cannot import
# it; a test checks that every kind has its word).
BACKUP_KIND_WORDS: dict[str, str] = {
    "auto": N_("automatic"),
    "manual": N_("manual"),
    "before-restore": N_("before restore"),
    "after-delete": N_("after deletion"),
}


# The team report's groups (storage/team_report_data.py), as the report prints them.
MEASURE_WORDS: dict[str, str] = {
    "concern_to_decision": N_("concern to decision"),
    "decision_to_help": N_("decision to help"),
}
ROLE_GROUP_WORDS: dict[str, str] = {
    "child": N_("children"),
    "parent": N_("parents and caregivers"),
    "network": N_("network"),
    "professional": N_("professionals"),
    "other": N_("others"),
}
AGE_BAND_WORDS: dict[str, str] = {
    "0-5": N_("0–5 years"),
    "6-9": N_("6–9 years"),
    "10-12": N_("10–12 years"),
    "13-15": N_("13–15 years"),
    "16-17": N_("16–17 years"),
    "adult": N_("adult"),
    "unknown": N_("age not known"),
}
# A rating question's kind in the statistics file: the default questions by key.
QUESTION_KIND_WORDS: dict[str, str] = {
    "home": N_("How good is it to be you at home"),
    "safety": N_("The safety scale"),
    "plan": N_("How sure that the plan will work"),
    "custom": N_("The team's own questions"),
}


# ---------------------------------------------------------------- the language
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


# ---------------------------------------------------------------- the catalogue
def _number(value: float, lang: str) -> str:
    """47.7 -> "47,7" in Danish; 32.0 -> "32"."""
    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if lang == "da" else text


@dataclass(frozen=True)
class Catalogue:
    """The catalogue in one language. Texts are English; placeholders are filled in
    with ``str.format`` (a float is written the language's way)."""

    language: str
    translations: NullTranslations

    def gettext(self, message: str, /, **params: Any) -> str:
        return self._fill(self.translations.gettext(message), params)

    def ngettext(self, singular: str, plural: str, n: int, /, **params: Any) -> str:
        """The form for ``n``; ``{n}`` in the text is ``n`` unless given otherwise."""
        return self._fill(self.translations.ngettext(singular, plural, n), {"n": n, **params})

    def word(self, table: dict[Any, str], key: Any) -> str:
        """``table[key]`` in this language; a key not in the table is shown as it is."""
        message = table.get(key) if isinstance(key, str) else None
        return self.translations.gettext(message) if message else str(key)

    def _fill(self, text: str, params: dict[str, Any]) -> str:
        if not params:
            return text
        shown = {
            key: _number(value, self.language) if isinstance(value, float) else value
            for key, value in params.items()
        }
        return text.format(**shown)


def catalogue(lang: str | None = None) -> Catalogue:
    """The catalogue in ``lang`` (default: the current language; unknown: Danish)."""
    lang = lang or current_language()
    return _load(lang if lang in SUPPORTED else "da")


@cache
def _load(lang: str) -> Catalogue:
    if lang == SOURCE_LANGUAGE:
        return Catalogue(lang, NullTranslations())
    with resource("i18n", f"{DOMAIN}_{lang}.mo").open("rb") as mo:
        return Catalogue(lang, GNUTranslations(mo))


def gettext(message: str, /, **params: Any) -> str:
    """``message`` in the current language, its ``{placeholders}`` filled in."""
    return catalogue().gettext(message, **params)


def ngettext(singular: str, plural: str, n: int, /, **params: Any) -> str:
    """The singular or plural text for ``n`` in the current language."""
    return catalogue().ngettext(singular, plural, n, **params)


# ------------------------------------------------------------------ the words
def meeting_kind(kind: str, lang: str | None = None) -> str:
    return catalogue(lang).word(MEETING_KIND_WORDS, MeetingKind(kind))


def meeting_status(status: str, lang: str | None = None) -> str:
    return catalogue(lang).word(MEETING_STATUS_WORDS, MeetingStatus(status))


def handout_how(how: str, lang: str | None = None) -> str:
    """How a plan reached the family: "udskrevet", "gemt", …"""
    return catalogue(lang).word(HANDOUT_HOW_WORDS, HandoutHow(how))


def role(role: str, lang: str | None = None) -> str:
    return catalogue(lang).word(ROLE_WORDS, Role(role))


def backup_kind(kind: str | StrEnum, lang: str | None = None) -> str:
    return catalogue(lang).word(BACKUP_KIND_WORDS, str(kind))


def case_date_kind(kind: str, lang: str | None = None) -> str:
    return catalogue(lang).word(CASE_DATE_WORDS, CaseDateKind(kind))


def span_text(
    start: CaseDateKind, end: CaseDateKind, days: int, *, waiting: bool, lang: str | None = None
) -> str:
    """ "from concern to decision: 23 days", or while waiting "waiting for a decision: 41
    days"."""
    done, waits = SPAN_WORDS[(start, end)]
    entry = waits if waiting else done
    return catalogue(lang).ngettext(entry.singular, entry.plural, days)


def day_text(day: date, lang: str | None = None) -> str:
    """A date the way the reader writes it: 1.9.2026 in Danish, 2026-09-01 in English."""
    if (lang or current_language()) == "da":
        return f"{day.day}.{day.month}.{day.year}"
    return day.isoformat()


# --------------------------------------------------------------- user errors
def render(code: str, lang: str, **params: Any) -> str:
    """The message for ``code`` in ``lang`` (the code itself if it has none)."""
    tr = catalogue(lang)
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    shown = dict(params)
    if "field" in shown:
        shown["field"] = tr.word(FIELD_NAMES, shown["field"])
    if "what" in shown:
        shown["what"] = tr.word(RECORD_NAMES, shown["what"])
    for key in ("date_kind", "earlier", "later"):
        if key in shown:
            shown[key] = tr.word(CASE_DATE_WORDS, shown[key])
    for key, value in shown.items():
        if isinstance(value, date):
            shown[key] = day_text(value, lang)
    if "reason" in shown:
        raw = str(shown["reason"])
        if raw not in REASONS and _is_code_name(raw):
            reason = tr.gettext("system error {code}", code=raw)
        elif raw not in REASONS and raw.startswith("SQLITE_"):
            reason = tr.gettext("database error {code}", code=raw)
        else:
            reason = tr.word(REASONS, shown["reason"])
        if shown.get("input"):
            reason = tr.gettext("{reason} (got '{input}')", reason=reason, input=shown["input"])
        shown["reason"] = reason
    if isinstance(entry, Plural):
        return tr.ngettext(entry.singular, entry.plural, int(shown[entry.number]), **shown)
    return tr.gettext(entry, **shown)


def user_message(error: UserError, lang: str | None = None) -> str:
    return render(error.code, lang or current_language(), **error.params)


def measure_words(measure: str, lang: str | None = None) -> str:
    return catalogue(lang).word(MEASURE_WORDS, str(measure))


def role_group_words(group: str, lang: str | None = None) -> str:
    return catalogue(lang).word(ROLE_GROUP_WORDS, group)


def age_band_words(band: str, lang: str | None = None) -> str:
    return catalogue(lang).word(AGE_BAND_WORDS, band)


def question_kind_words(kind: str, lang: str | None = None) -> str:
    """A default question's short name; a key this program does not know, as it is."""
    return catalogue(lang).word(QUESTION_KIND_WORDS, kind)
