"""The ``familymeeting`` command: starts the app, or does a job without a screen.

Every subcommand goes through the same services as the GUI. User errors are one
line on stderr and exit code 2; anything else is a bug, logged with its
traceback to ``logs/error.log`` in the data dir (never with case text).

The database is encrypted: a command that opens it asks for the password
(``$FAMILYMEETING_PASSWORD`` for scripts, else a prompt on the terminal, else a
one-line error). The first run chooses the password and prints the recovery
code once, on stderr.

Everything it prints is in the catalogue of text Qt does not show (messages.py):
the English here is the message id, Danish unless English is asked for.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from familymeeting import __version__
from familymeeting.domain.enums import CaseDateKind
from familymeeting.domain.errors import UserError
from familymeeting.domain.languages import LANGUAGES, PLAN_LANGUAGES
from familymeeting.messages import (
    Catalogue,
    backup_kind,
    case_date_kind,
    catalogue,
    day_text,
    detect_language,
    gettext,
    handout_how,
    meeting_kind,
    meeting_status,
    render,
    span_text,
    user_message,
)

if TYPE_CHECKING:
    from familymeeting.storage.backup import RestoreResult
    from familymeeting.storage.database import Database
    from familymeeting.storage.services import Services
    from familymeeting.storage.unlock import UnlockResult

EXIT_USER_ERROR = 2
EXIT_BUG = 70  # EX_SOFTWARE
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2.

    argparse's own words ("usage:", "options:", its error texts) stay English: Python
    ships no translation of them.
    """

    def error(self, message: str) -> NoReturn:
        line = gettext(
            "{program}: error: {message} (see --help)", program=self.prog, message=message
        )
        self.exit(EXIT_USER_ERROR, line + "\n")


def build_parser(tr: Catalogue) -> argparse.ArgumentParser:
    _ = tr.gettext
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("folder with the database (default: $FAMILYMEETING_DATA_DIR or the user data dir)"),
    )
    # Commands that open the database refuse a folder without data (a mistyped
    # --data-dir), unless asked to start new data there.
    creating = _Parser(add_help=False)
    creating.add_argument(
        "--create",
        action="store_true",
        help=_("start new, empty data if the folder holds none (otherwise refused)"),
    )
    parser = _Parser(
        prog="familymeeting",
        description=_(
            "familymeeting: Signs of Safety family meetings, offline. "
            "Without a command the app starts."
        ),
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"familymeeting {__version__}")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help=_("start the app offscreen, save a picture of the window and quit"),
    )
    parser.add_argument(
        "--open",
        metavar="MEETING",
        help=_("start on this meeting's board (id or unique id prefix)"),
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        help=_("window size in logical pixels, e.g. 1280x800 (useful with --screenshot)"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser(
        "demo",
        parents=[common],
        help=_("add a realistic demo family with three meetings"),
        description=_(
            "Add a realistic demo family: two children, parents, network, "
            "three meetings with cards, ratings and actions."
        ),
    )
    lst = sub.add_parser(
        "list",
        parents=[common, creating],
        help=_("families and their meetings, with ids"),
        description=_(
            "List families and their meetings with ids (a unique prefix of an id "
            "works wherever an id is asked for)."
        ),
    )
    lst.add_argument("--all", action="store_true", help=_("include archived families"))
    cld = sub.add_parser(
        "caseload",
        parents=[common, creating],
        help=_("the caseload: every active family's pace, next meeting and direction"),
        description=_(
            "Show every family that is not archived: days since the concern came in, "
            "days from concern to decision (or waiting), the next meeting, overdue "
            "actions, each child's latest rating direction and weeks since the last "
            "meeting; (!) marks a family without a meeting in the weeks chosen in the "
            "app's settings."
        ),
    )
    cld.add_argument(
        "--this-week", action="store_true", help=_("only the families meeting this week")
    )
    exp = sub.add_parser(
        "export-case",
        parents=[common, creating],
        help=_("write one family to a case file (JSON)"),
        description=_(
            "Write one family with all its meetings, cards, ratings and actions to "
            "a case file (see docs/case-file.md)."
        ),
    )
    exp.add_argument("family", metavar="FAMILY", help=_("family id or unique id prefix"))
    exp.add_argument("-o", "--output", metavar="FILE", required=True, help=_("file to write"))
    dlt = sub.add_parser(
        "delete-family",
        parents=[common],
        help=_("delete a family for good, also from every backup"),
        description=_(
            "Delete a family and everything about it for good: from the database and from "
            "every backup in backups/ (the other families' backups stay). Asks for the "
            "family's name on a terminal; --yes confirms in a script. If it is interrupted, "
            "the next start finishes it. Copies kept in damaged/ are named, and deleted "
            "only with --delete-damaged."
        ),
    )
    dlt.add_argument("family", metavar="FAMILY", help=_("family id or unique id prefix"))
    dlt.add_argument("--yes", action="store_true", help=_("confirm without asking"))
    dlt.add_argument(
        "--delete-damaged",
        action="store_true",
        help=_("also delete the copies in damaged/ that may still hold the family"),
    )
    imp = sub.add_parser(
        "import-case",
        parents=[common, creating],
        help=_("read a family from a case file"),
        description=_(
            "Read a case file into the database. The file is checked completely "
            "first; a bad file changes nothing."
        ),
    )
    imp.add_argument("file", metavar="FILE", help=_("the case file to read"))
    imp.add_argument(
        "--replace",
        action="store_true",
        help=_("replace the family if it already exists (otherwise refused)"),
    )
    pln = sub.add_parser(
        "plan",
        parents=[common, creating],
        help=_("write a meeting's one-page plan (PDF)"),
        description=_(
            "Write the family's one-page plan of a meeting as an A4 PDF: the same "
            "file the app saves. Warns on stderr when the plan had to be shortened."
        ),
    )
    pln.add_argument("meeting", metavar="MEETING", help=_("meeting id or unique id prefix"))
    pln.add_argument("-o", "--output", metavar="FILE", required=True, help=_("PDF file to write"))
    languages = ", ".join(f"{info.code.value} ({info.name(tr.language)})" for info in LANGUAGES)
    pln.add_argument(
        "--lang",
        choices=PLAN_LANGUAGES,
        help=_(
            "language of the plan: {languages} (default: the family's language)",
            languages=languages,
        ),
    )
    pln.add_argument(
        "--child",
        metavar="PARTICIPANT",
        help=_(
            "write this child's own plan ('Min plan') instead: the child's name, id or "
            "unique id prefix (a child of 10 or more, or one the caseworker chose); in "
            "the child's language unless --lang"
        ),
    )
    pls = sub.add_parser(
        "plans",
        parents=[common, creating],
        help=_("the plans given to a family; write one out again"),
        description=_(
            "List the plans a family was given (printed or saved, in the app or with "
            "'familymeeting plan'), newest first: number, when, the meeting, how, size. "
            "With --get N -o FILE, plan number N is written out again, byte for byte as "
            "the family got it."
        ),
    )
    pls.add_argument("family", metavar="FAMILY", help=_("family id or unique id prefix"))
    pls.add_argument(
        "--get", metavar="N", type=int, help=_("write plan number N out again (needs -o)")
    )
    pls.add_argument("-o", "--output", metavar="FILE", help=_("PDF file to write (with --get)"))
    rec = sub.add_parser(
        "record",
        parents=[common, creating],
        help=_("write a meeting's record for the case journal (PDF or text)"),
        description=_(
            "Write the caseworker's record of a meeting for the municipality's case "
            "journal: who took part, every card with its kind and whose words, every "
            "answer with the change since last time, the plan, the next meeting, the "
            "professional assessment and the minutes. Never the family's plan. In the "
            "program's language (FAMILYMEETING_LANG)."
        ),
    )
    rec.add_argument("meeting", metavar="MEETING", help=_("meeting id or unique id prefix"))
    rec_out = rec.add_mutually_exclusive_group(required=True)
    rec_out.add_argument("-o", "--output", metavar="FILE", help=_("PDF file to write"))
    rec_out.add_argument(
        "--text", action="store_true", help=_("print the record as plain text instead")
    )
    hou = sub.add_parser(
        "houses",
        parents=[common, creating],
        help=_("write a child's Three Houses as a one-page PDF"),
        description=_(
            'Write "My three houses" of a child at a meeting as one A4 page, in the '
            "child's language: the drawings and the child's words, only what the child "
            "said the parents may see. With --full, everything, for the case file (marked "
            "not for the parents)."
        ),
    )
    hou.add_argument("meeting", metavar="MEETING", help=_("meeting id or unique id prefix"))
    hou.add_argument(
        "--child", metavar="CHILD", required=True, help=_("the child's name, id or id prefix")
    )
    hou.add_argument("-o", "--output", metavar="FILE", required=True, help=_("PDF file to write"))
    hou.add_argument(
        "--full", action="store_true", help=_("everything, for the case file (not the parents)")
    )
    tml = sub.add_parser(
        "timeline",
        parents=[common, creating],
        help=_("the case's key dates per child, its meetings and the days between"),
        description=_(
            "Show the case timeline: per child the dates the concern came in, of screening, "
            "decision, help started and case closed (the family's date unless the child has "
            "its own), the meetings, and the days from concern to decision and from decision "
            "to help. --set and --clear change dates first (the family's, or with --child one "
            "child's); a date out of case order or in the future is refused and changes nothing."
        ),
    )
    tml.add_argument("family", metavar="FAMILY", help=_("family id or unique id prefix"))
    kinds = ", ".join(kind.value for kind in CaseDateKind)
    tml.add_argument(
        "--set",
        metavar="KIND=DATE",
        action="append",
        default=[],
        help=_("set a date, e.g. concern=2026-09-01; KIND is one of {kinds}", kinds=kinds),
    )
    tml.add_argument(
        "--clear",
        metavar="KIND",
        action="append",
        default=[],
        help=_("remove a date (the family's, or with --child the child's own)"),
    )
    tml.add_argument(
        "--child", metavar="NAME", help=_("the child whose own date is set or cleared")
    )
    log = sub.add_parser(
        "log",
        parents=[common, creating],
        help=_("the access log: who opened, exported, printed or deleted what"),
        description=_(
            "Show the access log, newest first: time, event and ids (never case "
            "text). Entries older than the app keeps them (Settings and backups: 'Keep the "
            "access log for', in settings.ini in the data dir) are removed first."
        ),
    )
    log.add_argument("family", metavar="FAMILY", nargs="?", help=_("only this family (id prefix)"))
    bkp = sub.add_parser(
        "backup",
        parents=[common, creating],
        help=_("make a backup now (encrypted like the database)"),
        description=_(
            "Make a backup of the database with SQLite's online backup API, "
            "encrypted with the same key. Without -o it goes into backups/ in the data dir, "
            "with the automatic ones."
        ),
    )
    bkp.add_argument("-o", "--output", metavar="FILE", help=_("write the backup to this file"))
    sub.add_parser(
        "backups",
        parents=[common],
        help=_("list the backups with date and size"),
        description=_(
            "List the backups in backups/ in the data dir, newest first. "
            "Needs no password: only names, dates and sizes are read."
        ),
    )
    sub.add_parser(
        "check",
        parents=[common],
        help=_("check the database and the backups for damage"),
        description=_(
            "Run SQLite's full integrity_check (and cipher_integrity_check) on the "
            "database, read-only, and check every backup. Exit code 2 if the database or "
            "any backup is damaged."
        ),
    )
    rst = sub.add_parser(
        "restore",
        parents=[common],
        help=_("bring back a backup (the newest good one by default)"),
        description=_(
            "Put a backup in place of the database. The backup is checked first. "
            "What it replaces is kept: a sound database as a 'before restore' backup, a "
            "damaged one in damaged/. A backup carries the key file of its time, so it "
            "also opens in an empty folder on another computer, with the password or "
            "the recovery code from when it was made."
        ),
    )
    rst.add_argument(
        "--recovery-code",
        action="store_true",
        help=_(
            "open the backup with the recovery code from when it was made "
            "($FAMILYMEETING_RECOVERY_CODE) and choose a new password "
            "($FAMILYMEETING_NEW_PASSWORD); prints a new recovery code"
        ),
    )
    rst.add_argument(
        "backup",
        metavar="BACKUP",
        nargs="?",
        help=_(
            "a backup file, or a name from 'familymeeting backups' (default: the newest "
            "that passes its check)"
        ),
    )
    rst.add_argument(
        "--empty",
        action="store_true",
        help=_(
            "no backup: start again with an empty database (only when the database is "
            "missing or was moved aside as damaged)"
        ),
    )
    pwd = sub.add_parser(
        "passwd",
        parents=[common],
        help=_("change the password"),
        description=_(
            "Change the password. Asks for the current and the new one "
            "(or reads $FAMILYMEETING_PASSWORD and $FAMILYMEETING_NEW_PASSWORD). Only the "
            "key file changes; the recovery code keeps working."
        ),
    )
    pwd.add_argument(
        "--rekey",
        action="store_true",
        help=_(
            "change the data key instead: the database and every backup in the data "
            "folder are encrypted again with a new key, so an old copy of the key file "
            "opens none of them. The password stays; a new recovery code is printed and "
            "the old one stops working"
        ),
    )
    trp = sub.add_parser(
        "team-report",
        parents=[common],
        help=_("a team's statistics files as one report (PDF or text)"),
        description=_(
            "Read the pseudonymous statistics files of a team's laptops (names or "
            "patterns such as 'stats/*.parquet') and write the team report: case pace, "
            "ratings first to latest, the children's own feedback, meetings and plans per "
            "family, per quarter and never per caseworker. Figures about fewer than five "
            "families or children are shown as '< 5'. Needs no data and no password."
        ),
    )
    trp.add_argument("files", metavar="FILE", nargs="+", help=_("statistics file or pattern"))
    trp_out = trp.add_mutually_exclusive_group(required=True)
    trp_out.add_argument("-o", "--output", metavar="FILE", help=_("PDF file to write"))
    trp_out.add_argument(
        "--text", action="store_true", help=_("print the report as plain text instead")
    )
    trp.add_argument(
        "--lang",
        choices=("da", "en"),
        help=_("the report's language (default: the program's language)"),
    )
    sub.add_parser(
        "recover",
        parents=[common],
        help=_("set a new password with the recovery code"),
        description=_(
            "Forgotten password: set a new one with the recovery code written down "
            "when the password was chosen (or $FAMILYMEETING_RECOVERY_CODE and "
            "$FAMILYMEETING_NEW_PASSWORD). Prints a new recovery code; the old one stops "
            "working once the new one has been printed in full."
        ),
    )
    sub.add_parser(
        "recovery-code",
        parents=[common],
        help=_("make a new recovery code (the password is needed)"),
        description=_(
            "Make a new recovery code, e.g. when the paper with the old one is lost. Asks "
            "for the password (or reads $FAMILYMEETING_PASSWORD) and prints the new code. "
            "It becomes valid, and the old one stops working, only once it has been "
            "printed in full; if it cannot be printed (a full disk, a closed pipe), the "
            "old code keeps working."
        ),
    )
    return parser


def short_ids(ids: Iterable[str], min_len: int = 8) -> dict[str, str]:
    """Shortest prefix of each id (at least ``min_len``) that no other id shares."""
    all_ids = sorted(set(ids))
    out: dict[str, str] = {}
    for i, full in enumerate(all_ids):
        length = min_len
        for neighbour in all_ids[max(0, i - 1) : i] + all_ids[i + 1 : i + 2]:
            common = 0
            while common < min(len(full), len(neighbour)) and full[common] == neighbour[common]:
                common += 1
            length = max(length, common + 1)
        out[full] = full[:length]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    tr = catalogue(detect_language())
    parser = build_parser(tr)
    args = parser.parse_args(argv)

    from familymeeting.storage.paths import keep_files_private, resolve_data_dir, secure_data_dir

    keep_files_private()
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    secure_data_dir(data_dir)
    try:
        if args.command is None:
            from familymeeting.app import parse_size, run_gui

            size = None
            if args.size:
                try:
                    size = parse_size(args.size)
                except ValueError:
                    parser.error(
                        tr.gettext(
                            "--size: expected WIDTHxHEIGHT such as 1280x800, got {size}",
                            size=repr(args.size),
                        )
                    )
            return run_gui(data_dir, screenshot=args.screenshot, open_meeting=args.open, size=size)
        if args.command == "backups":
            # Only names, dates and sizes: it opens no database, so it may run beside
            # the window or another command.
            _backups(data_dir, tr)
            return 0
        if args.command == "team-report":
            # It reads only the files it is given: no data folder, lock or password.
            _team_report(data_dir, args, tr)
            return 0
        from familymeeting.storage.folder_lock import FolderLock

        _require_data(data_dir, args)
        # One owner per data folder: the window or one command (docs/reliability.md).
        with FolderLock(data_dir):
            return _run_command(args, data_dir, tr)
    except UserError as exc:
        print(f"familymeeting: {user_message(exc, tr.language)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error of ours.
        _silence_stdout()
        return 0
    except Exception:
        path = log_bug(data_dir)
        text = tr.gettext("An unexpected error happened. Details are saved in {path}.", path=path)
        print(f"familymeeting: {text}", file=sys.stderr)
        return EXIT_BUG


def may_fill_empty_folder(args: argparse.Namespace) -> bool:
    """Whether this command may start data in a folder that holds none.

    The app's first start, ``demo``, ``restore FILE`` (a backup brought from another
    computer) and any command given ``--create``; every other command refuses, so a
    mistyped ``--data-dir`` does not quietly make new, empty data.
    """
    if args.command in (None, "demo") or getattr(args, "create", False):
        return True
    return args.command == "restore" and bool(args.backup) and Path(args.backup).is_file()


def _require_data(data_dir: Path, args: argparse.Namespace) -> None:
    """Refuse a folder without data (see :func:`may_fill_empty_folder`), else make sure
    the folder exists so it can be locked."""
    from familymeeting.storage.folder_lock import make_data_folder
    from familymeeting.storage.unlock import DataState, data_state

    if data_state(data_dir) is DataState.NEW:
        if not may_fill_empty_folder(args):
            code = "no_data_create" if hasattr(args, "create") else "no_data"
            raise UserError(code, path=str(data_dir))
        make_data_folder(data_dir)


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def log_bug(data_dir: Path) -> Path:
    from familymeeting.bugs import log_bug as log

    return log(data_dir)


# ------------------------------------------------------------------ passwords
def _has_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask(prompt: str, *, secret: bool = True) -> str:
    """One line from the user; secret input is not echoed."""
    import getpass

    try:
        if secret:
            return getpass.getpass(prompt)
        print(prompt, end="", file=sys.stderr, flush=True)
        line = sys.stdin.readline()
    except EOFError:
        line = ""
    if not line:
        raise UserError("password_empty")
    return line.rstrip("\r\n")


def _existing_password(tr: Catalogue, env: str, prompt: str) -> str:
    """A password from ``env``, else typed after ``prompt``."""
    from familymeeting.storage.unlock import password_from_environment

    password = password_from_environment(env)
    if password is not None:
        return password
    if not _has_terminal():
        raise UserError("password_needed", env=env)
    password = _ask(prompt)
    if not password:
        raise UserError("password_empty")
    return password


def _new_password(tr: Catalogue, env: str, *, first: bool) -> str:
    """A new password from ``env``, else typed twice, refused (before it is typed again)
    by the window's rule (``domain.passwords.check_new_password``) if too easy to guess;
    one that passes but could be better gets a tip.

    ``first``: the data's first password, else a change of it.
    """
    from familymeeting.domain.passwords import (
        MIN_PASSWORD_LENGTH,
        check_new_password,
        password_hint_code,
    )
    from familymeeting.storage.unlock import password_from_environment

    password = password_from_environment(env)
    if password is not None:
        check_new_password(password)
        return password
    if not _has_terminal():
        raise UserError("password_needed", env=env)
    if first:
        prompt = tr.gettext(
            "Choose a password for the data (at least {min} characters): ",
            min=MIN_PASSWORD_LENGTH,
        )
    else:
        prompt = tr.gettext("New password (at least {min} characters): ", min=MIN_PASSWORD_LENGTH)
    password = _ask(prompt)
    check_new_password(password)
    hint = password_hint_code(password)
    if hint:
        tip = tr.gettext("Tip: {hint}", hint=render(hint, tr.language))
        print(f"familymeeting: {tip}", file=sys.stderr)
    if _ask(tr.gettext("The same password again: ")) != password:
        raise UserError("password_mismatch")
    return password


def _print_recovery_code(code: str, intro: str, tr: Catalogue, *, stream: TextIO) -> None:
    print(f"familymeeting: {intro}", file=stream)
    print(f"\n    {code}\n", file=stream)
    once = tr.gettext(
        "The code is shown only this once. If you forget the password, the only way "
        "back to the data is 'familymeeting recover' with this code. Without both the "
        "password and the recovery code, nobody can read the data."
    )
    print(f"familymeeting: {once}", file=stream, flush=True)


def _show_recovery_code(
    data_dir: Path,
    code: str,
    intro: str,
    tr: Catalogue,
    *,
    stream: TextIO,
    not_shown: str,
    db: Database | None = None,
) -> None:
    """Print a new recovery code and make it valid only if that worked.

    "Shown" on the command line means written and flushed without an error. If not
    (a full disk, a closed pipe), the new code is withdrawn, so the code from before
    stays valid (a first start is undone), and ``UserError(not_shown)`` says so.
    ``db`` (open on the data) is closed on any failure, first, so a first start can be
    undone.
    """
    from familymeeting.messages import os_error_reason
    from familymeeting.storage.unlock import acknowledge_recovery_code, withdraw_recovery_code

    try:
        _print_recovery_code(code, intro, tr, stream=stream)
    except OSError as exc:
        # What is still buffered must not fail again at exit, nor reach the stream later.
        _silence(stream)
        if db is not None:
            db.close()
        withdraw_recovery_code(data_dir)
        raise UserError(not_shown, reason=os_error_reason(exc)) from exc
    try:
        acknowledge_recovery_code(data_dir, code)
    except BaseException:
        if db is not None:
            db.close()
        raise


def _silence(stream: TextIO) -> None:
    import os

    try:
        fileno = stream.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fileno)
    os.close(devnull)


_UNLOCK_FAILURES: list[datetime] = []


def open_database(data_dir: Path, tr: Catalogue) -> Database:
    """The data dir's database, unlocked with the password from the env or a prompt.

    First run (no key file): the password is chosen here and the recovery code is
    printed once on stderr. A plain database from an earlier version is checked
    (and refused untouched if it is not ours) before a password is asked for.
    """
    from familymeeting.storage import unlock

    state = unlock.data_state(data_dir)
    if state is unlock.DataState.ENCRYPTED:
        password = _existing_password(tr, unlock.PASSWORD_ENV, tr.gettext("Password: "))
    else:
        if state is unlock.DataState.PLAIN:
            unlock.check_plain_database(data_dir)
        password = _new_password(tr, unlock.PASSWORD_ENV, first=True)
    result = unlock.open_unlocked(data_dir, password)
    if result.recovery_code:
        intro = tr.gettext(
            "The data is now encrypted with your password. Write down the recovery code "
            "below and keep it somewhere safe, away from the computer:"
        )
        new = state is unlock.DataState.NEW
        not_shown = "first_start_code_not_shown" if new else "recovery_code_not_shown"
        _show_recovery_code(
            data_dir,
            result.recovery_code,
            intro,
            tr,
            stream=sys.stderr,
            not_shown=not_shown,
            db=result.db,
        )
    # Logged once the command has succeeded (_run_command): a refused command must
    # leave the database byte-identical.
    _UNLOCK_FAILURES[:] = list(result.failed_attempts)
    return result.db


def _delete_family(
    services: Services, data_dir: Path, args: argparse.Namespace, tr: Catalogue
) -> None:
    from familymeeting.storage.forget import delete_damaged_copies

    family = services.resolve_family(args.family)
    if not args.yes:
        if not _has_terminal():
            raise UserError("delete_needs_confirmation", id=family.id[:8])
        typed = _ask(
            tr.gettext("Type the family's name to delete it for good: "), secret=False
        ).strip()
        if typed != family.display_name:
            raise UserError("delete_not_confirmed")

    def progress(done: int, total: int) -> None:
        if total:
            print(
                tr.gettext("Backups without the family: {done} of {total}", done=done, total=total),
                file=sys.stderr,
            )

    result = services.delete_family_permanently(family.id, progress)
    print(
        tr.ngettext(
            "Deleted the family '{name}' for good; {n} backup was written again without it.",
            "Deleted the family '{name}' for good; {n} backups were written again without it.",
            result.backups_rewritten,
            name=family.display_name,
        )
    )
    if not result.damaged_copies:
        return
    if args.delete_damaged:
        removed = delete_damaged_copies(data_dir, result.damaged_copies)
        print(
            tr.ngettext("Deleted {n} copy in damaged/.", "Deleted {n} copies in damaged/.", removed)
        )
        return
    print(
        tr.gettext(
            "These copies of damaged data, kept in damaged/, may still hold the family. "
            "Delete them by hand once nothing else needs to be brought back from them "
            "(or give --delete-damaged when deleting):"
        )
    )
    for path in result.damaged_copies:
        print(f"  {path}")


def _require_keys(data_dir: Path) -> None:
    from familymeeting.storage.keys import KeyStore

    if not KeyStore.exists(data_dir):
        raise UserError("no_password_yet", path=str(data_dir))


def _passwd(data_dir: Path, tr: Catalogue) -> None:
    from familymeeting.storage.keys import KeyStore
    from familymeeting.storage.unlock import NEW_PASSWORD_ENV, PASSWORD_ENV

    _require_keys(data_dir)
    old = _existing_password(tr, PASSWORD_ENV, tr.gettext("Current password: "))
    new = _new_password(tr, NEW_PASSWORD_ENV, first=False)
    KeyStore.change_password(data_dir, old, new)
    print(tr.gettext("The password has been changed. The recovery code works as before."))


def _rekey(data_dir: Path, tr: Catalogue) -> None:
    """``passwd --rekey``: a new data key for the database and every backup in the folder."""
    from familymeeting.storage import unlock
    from familymeeting.storage.rekey import issue_recovery_code, rekey

    _require_keys(data_dir)
    password = _existing_password(tr, unlock.PASSWORD_ENV, tr.gettext("Password: "))
    opened = unlock.open_unlocked(data_dir, password)
    db = opened.db

    def progress(done: int, total: int) -> None:
        if total:
            line = tr.gettext(
                "Backups encrypted with the new key: {done} of {total}", done=done, total=total
            )
            print(line, file=sys.stderr)

    try:
        result = rekey(db, password, progress)
    finally:
        db.close()
    print(
        tr.ngettext(
            "The data key has been changed: the database and {n} backup are now encrypted "
            "with a new key, and an old copy of the key file opens none of them. The "
            "password is the same.",
            "The data key has been changed: the database and {n} backups are now encrypted "
            "with a new key, and an old copy of the key file opens none of them. The "
            "password is the same.",
            result.backups_reencrypted,
        )
    )
    if result.backups_damaged:
        print(tr.gettext("These damaged backups were left as they were, under the old key:"))
        for path in result.backups_damaged:
            print(f"  {path}")
    code = issue_recovery_code(data_dir, password, result.recovery_code)
    intro = tr.gettext(
        "The old recovery code no longer works; write down the new one and keep it somewhere safe:"
    )
    _print_recovery_code(code, intro, tr, stream=sys.stdout)


def _new_code(data_dir: Path, tr: Catalogue) -> None:
    """``recovery-code``: a new recovery code with the password; valid once printed."""
    from familymeeting.storage.keys import KeyStore
    from familymeeting.storage.unlock import PASSWORD_ENV

    _require_keys(data_dir)
    password = _existing_password(tr, PASSWORD_ENV, tr.gettext("Password: "))
    code = KeyStore.new_recovery_code(data_dir, password)
    intro = tr.gettext(
        "Your new recovery code is below. Write it down and keep it somewhere safe, away "
        "from the computer; the old code no longer works:"
    )
    _show_recovery_code(
        data_dir, code, intro, tr, stream=sys.stdout, not_shown="recovery_code_not_shown"
    )


def _recover(data_dir: Path, tr: Catalogue) -> None:
    from familymeeting.storage.keys import KeyStore, normalize_recovery_code
    from familymeeting.storage.unlock import (
        NEW_PASSWORD_ENV,
        RECOVERY_CODE_ENV,
        password_from_environment,
    )

    _require_keys(data_dir)
    code = password_from_environment(RECOVERY_CODE_ENV)
    if code is None:
        if not _has_terminal():
            raise UserError("password_needed", env=RECOVERY_CODE_ENV)
        # Shown while typed: 32 characters blind would be a trial, and the code is
        # replaced the moment it has been used.
        code = _ask(tr.gettext("Recovery code: "), secret=False)
    normalize_recovery_code(code)  # a typo is reported before a new password is asked for
    new = _new_password(tr, NEW_PASSWORD_ENV, first=False)
    new_code = KeyStore.recover(data_dir, code, new)
    intro = tr.gettext(
        "The password has been changed. The old recovery code no longer works; "
        "write down the new one and keep it somewhere safe:"
    )
    _show_recovery_code(
        data_dir, new_code, intro, tr, stream=sys.stdout, not_shown="recover_code_not_shown"
    )


def _run_command(args: argparse.Namespace, data_dir: Path, tr: Catalogue) -> int:
    from familymeeting import settings
    from familymeeting.settings import Settings
    from familymeeting.storage.services import Services

    if args.command == "passwd" and args.rekey:
        _rekey(data_dir, tr)
        return 0
    if args.command == "passwd":
        _passwd(data_dir, tr)
        return 0
    if args.command == "recover":
        _recover(data_dir, tr)
        return 0
    if args.command == "recovery-code":
        _new_code(data_dir, tr)
        return 0
    if args.command == "check":
        return _check(data_dir, tr)
    if args.command == "restore":
        _restore(data_dir, args, tr)
        return 0
    db = open_database(data_dir, tr)
    try:
        services = Services(db)
        if args.command == "demo":
            from familymeeting.storage.demo import create_demo_family

            family = create_demo_family(services)
            print(
                tr.gettext(
                    "Created the demo family '{name}' (id {id}).",
                    name=family.display_name,
                    id=family.id[:8],
                )
            )
        elif args.command == "list":
            _list(services, tr, include_archived=args.all)
        elif args.command == "caseload":
            _caseload(services, tr, Settings(data_dir).get(settings.QUIET_WEEKS), args.this_week)
        elif args.command == "export-case":
            from familymeeting.storage.casefile import export_case

            family = services.resolve_family(args.family)
            out = output_file(args.output, data_dir, db.path, tr)
            export_case(services, family.id, out, via="cli")
            print(
                tr.gettext(
                    "Saved the case file for '{name}' to {path}.",
                    name=family.display_name,
                    path=out,
                )
            )
        elif args.command == "delete-family":
            _delete_family(services, data_dir, args, tr)
        elif args.command == "import-case":
            from familymeeting.storage.casefile import import_case, read_case_file

            case = read_case_file(Path(args.file))
            family = import_case(services, case, replace=args.replace, via="cli")
            print(
                tr.ngettext(
                    "Imported the family '{name}' ({n} meeting).",
                    "Imported the family '{name}' ({n} meetings).",
                    len(case.meetings),
                    name=family.display_name,
                )
            )
        elif args.command == "plan":
            _plan(services, db.path, args, tr)
        elif args.command == "plans":
            _plans(services, db.path, args, tr)
        elif args.command == "record":
            _record(services, db.path, args, tr)
        elif args.command == "houses":
            _houses(services, db.path, args, tr)
        elif args.command == "timeline":
            _timeline(services, args, tr)
        elif args.command == "backup":
            _backup(services, args, tr)
        elif args.command == "log":
            # The window's retention setting: what the caseworker chose to keep stays.
            services.prune_access_log(Settings(data_dir).get(settings.LOG_KEEP_DAYS))
            family_id = services.resolve_family(args.family).id if args.family else None
            for entry in services.access_log(family_id):
                local = entry.at.astimezone()
                ids = " ".join(x[:8] for x in (entry.family_id, entry.meeting_id) if x)
                print(f"{local:%Y-%m-%d %H:%M:%S}  {entry.event:<14} {ids}".rstrip())
        else:  # pragma: no cover - argparse only accepts the commands above
            raise AssertionError(args.command)
        services.record_unlock(_UNLOCK_FAILURES, "cli")
    finally:
        db.close()
    return 0


def format_size(size: int, lang: str) -> str:
    value, unit = float(size), "B"
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            break
        value /= 1000
    text = f"{value:.0f}" if unit == "B" else f"{value:.1f}"
    return f"{text.replace('.', ',') if lang == 'da' else text} {unit}"


def _is_database(tr: Catalogue) -> str:
    """Why an output file was refused: it would replace the data (see _is_database_file)."""
    return tr.gettext("that is the program's own database or key file; choose another file name")


def _backup(services: Services, args: argparse.Namespace, tr: Catalogue) -> None:
    from familymeeting.storage.backup import BackupKind, BackupSchedule

    if args.output:
        out = output_file(args.output, services.db.path.parent, services.db.path, tr)
        info = services.export_backup(out, via="cli")
        print(
            tr.gettext(
                "Saved the backup to {path} ({size}). It is encrypted and carries its key "
                "file: on any computer, 'familymeeting restore {path}' opens it with "
                "today's password or recovery code.",
                path=info.path,
                size=format_size(info.size, tr.language),
            )
        )
        return
    info = BackupSchedule().backup_now(services.db, BackupKind.MANUAL)
    print(
        tr.gettext(
            "Saved the backup to {path} ({size}). It is encrypted and opens only with the "
            "password or recovery code of this data.",
            path=info.path,
            size=format_size(info.size, tr.language),
        )
    )


def _backups(data_dir: Path, tr: Catalogue) -> None:
    from familymeeting.storage.backup import backup_dir, damaged_dir, list_backups

    backups = list_backups(data_dir)
    if not backups:
        print(
            tr.gettext(
                "No backups yet in {path}. They are made by themselves when the program "
                "closes, and every half hour when something changed.",
                path=backup_dir(data_dir),
            )
        )
    else:
        print(tr.gettext("Backups in {path}:", path=backup_dir(data_dir)))
        for b in backups:
            local = b.created.astimezone()
            kind = backup_kind(b.kind, tr.language)
            size = format_size(b.size, tr.language)
            print(f"  {local:%Y-%m-%d %H:%M}  {size:>9}  {kind:<16} {b.path.name}")
    damaged = damaged_dir(data_dir)
    kept = [p for p in damaged.glob("*.db")] if damaged.is_dir() else []
    if kept:
        print(
            tr.ngettext(
                "{n} damaged database file is kept in {path}.",
                "{n} damaged database files are kept in {path}.",
                len(kept),
                path=damaged,
            )
        )


def _data_key(data_dir: Path, tr: Catalogue) -> bytes | None:
    """The data key for read-only work (check), without opening the database."""
    from familymeeting.storage import unlock

    if unlock.data_state(data_dir) is not unlock.DataState.ENCRYPTED:
        return None
    password = _existing_password(tr, unlock.PASSWORD_ENV, tr.gettext("Password: "))
    return unlock.unlock_key(data_dir, password)


def _check(data_dir: Path, tr: Catalogue) -> int:
    from familymeeting.storage.backup import check_data
    from familymeeting.storage.paths import DB_FILENAME, is_plain_sqlite
    from familymeeting.storage.unlock import refuse_plain_swap

    if is_plain_sqlite(data_dir / DB_FILENAME):
        refuse_plain_swap(data_dir)  # a plain file in a folder encrypted before
    result = check_data(data_dir, _data_key(data_dir, tr))
    damaged = result.database_damaged
    if result.problems is None:
        print(tr.gettext("There is no database in {path}.", path=data_dir))
    elif damaged:
        for line in result.problems[:10]:
            print(f"  {line}")
    elif result.encrypted:
        print(tr.gettext("The database is sound (full check of every page and its encryption)."))
    else:
        print(tr.gettext("The database is sound (full check of every page)."))
    if result.backups:
        print(
            tr.gettext(
                "Backups: {good} sound, {bad} damaged.",
                good=len(result.backups) - len(result.damaged),
                bad=len(result.damaged),
            )
        )
        for b in result.damaged:
            print(f"  {b.path.name}")
    if damaged:
        damaged_text = tr.gettext(
            "The database is damaged. Bring back the newest good backup with "
            "'familymeeting restore' (what it replaces is kept)."
        )
        print(f"familymeeting: {damaged_text}", file=sys.stderr)
        return EXIT_USER_ERROR
    if result.damaged:
        backups_text = tr.ngettext(
            "{n} backup is damaged. It is never brought back; make a new backup with "
            "'familymeeting backup'.",
            "{n} backups are damaged. They are never brought back; make a new backup with "
            "'familymeeting backup'.",
            len(result.damaged),
        )
        print(f"familymeeting: {backups_text}", file=sys.stderr)
        return EXIT_USER_ERROR
    return 0


def _restore(data_dir: Path, args: argparse.Namespace, tr: Catalogue) -> None:
    from familymeeting.storage import unlock
    from familymeeting.storage.backup import backup_dir, damaged_dir, parse_backup_name
    from familymeeting.storage.paths import DB_FILENAME
    from familymeeting.storage.services import Services

    if args.empty or not args.backup:
        _require_keys(data_dir)  # a named backup file carries its own key file
    if args.empty:
        if (data_dir / DB_FILENAME).exists():
            raise UserError("restore_empty_refused", path=str(data_dir))
        password = _existing_password(tr, unlock.PASSWORD_ENV, tr.gettext("Password: "))
        unlock.open_unlocked(data_dir, password, start_empty=True).db.close()
        print(
            tr.gettext(
                "Started again with an empty database. The old file is kept in {path}.",
                path=damaged_dir(data_dir),
            )
        )
        return
    chosen: Path | None = None
    if args.backup:
        chosen = Path(args.backup)
        if not chosen.exists() and (backup_dir(data_dir) / args.backup).exists():
            chosen = backup_dir(data_dir) / args.backup
        if not chosen.is_file():
            raise UserError("file_not_found", path=str(chosen))
    if args.recovery_code and chosen is not None:
        result, restored = _restore_with_recovery_code(data_dir, chosen, tr)
    elif chosen is not None:
        password = _existing_password(tr, unlock.PASSWORD_ENV, tr.gettext("Password: "))
        result, restored = unlock.restore_file(data_dir, chosen, password=password, via="cli")
    else:
        password = _existing_password(tr, unlock.PASSWORD_ENV, tr.gettext("Password: "))
        result, restored = unlock.restore_and_open(data_dir, password, None)
        try:
            Services(result.db).note_restored(via="cli")
        except BaseException:
            result.db.close()
            raise
    result.db.close()
    parsed = parse_backup_name(restored.restored_from)
    when = parsed[0] if parsed else datetime.fromtimestamp(restored.restored_from.stat().st_mtime)
    at = f"{when.astimezone():%Y-%m-%d %H:%M}"
    print(tr.gettext("The backup from {at} has been brought back.", at=at))
    if restored.saved_current is not None:
        path = restored.saved_current.path
        print(tr.gettext("The database from before is kept as a backup: {path}", path=path))
    if restored.moved_to is not None:
        print(tr.gettext("The damaged database is kept in {path}", path=restored.moved_to))


def _restore_with_recovery_code(
    data_dir: Path, chosen: Path, tr: Catalogue
) -> tuple[UnlockResult, RestoreResult]:
    """``restore FILE --recovery-code``: the code of the backup's time, then a new password."""
    from familymeeting.storage import unlock
    from familymeeting.storage.keys import normalize_recovery_code

    code = unlock.password_from_environment(unlock.RECOVERY_CODE_ENV)
    if code is None:
        if not _has_terminal():
            raise UserError("password_needed", env=unlock.RECOVERY_CODE_ENV)
        code = _ask(tr.gettext("Recovery code: "), secret=False)
    normalize_recovery_code(code)  # a typo is reported before a new password is asked for
    new = _new_password(tr, unlock.NEW_PASSWORD_ENV, first=False)
    result, restored = unlock.restore_file(
        data_dir, chosen, recovery_code=code, new_password=new, via="cli"
    )
    new_code = result.recovery_code
    assert new_code is not None  # restore_file gives one with a recovery code
    intro = tr.gettext(
        "The password has been changed. The old recovery code no longer works; "
        "write down the new one and keep it somewhere safe:"
    )
    _show_recovery_code(
        data_dir,
        new_code,
        intro,
        tr,
        stream=sys.stdout,
        not_shown="recover_code_not_shown",
        db=result.db,
    )
    return result, restored


def _plan(services: Services, db_path: Path, args: argparse.Namespace, tr: Catalogue) -> None:
    from familymeeting.domain.enums import HandoutHow
    from familymeeting.domain.plan_changes import plan_content
    from familymeeting.export.plan import PLACEHOLDER, export_plan
    from familymeeting.storage.operations import KeepHandout
    from familymeeting.storage.plan_data import build_plan

    meeting = services.resolve_meeting(args.meeting)
    if args.child is not None:
        _child_plan(services, db_path, meeting.id, args, tr)
        return
    out = output_file(args.output, db_path.parent, db_path, tr)
    plan = build_plan(services, meeting.id, args.lang)
    result = export_plan(plan, out)
    services.record_meeting_event("plan_pdf", meeting.id, "cli")
    # Written: the plan is kept as it was handed out ('familymeeting plans').
    services.run(
        KeepHandout(meeting.id, result.pdf, HandoutHow.CLI, plan.language, plan_content(plan))
    )
    print(tr.gettext("Saved the plan for '{name}' to {path}.", name=plan.family_name, path=out))
    if result.shortened:
        shortened = tr.gettext(
            "Warning: the plan was too long for one page, so some lists were shortened "
            '("+ N more – ask your caseworker"). Check it before it is printed.'
        )
        print(f"familymeeting: {shortened}", file=sys.stderr)
    _warn_missing_glyphs(result.missing_glyphs, PLACEHOLDER, tr)


def _warn_missing_glyphs(missing: list[str], placeholder: str, tr: Catalogue) -> None:
    if missing:
        line = tr.ngettext(
            "Warning: {n} character cannot be printed in the plan's font and is shown as "
            "{placeholder}: {chars}",
            "Warning: {n} characters cannot be printed in the plan's font and are shown as "
            "{placeholder}: {chars}",
            len(missing),
            placeholder=placeholder,
            chars=" ".join(missing),
        )
        print(f"familymeeting: {line}", file=sys.stderr)


def _child_plan(
    services: Services, db_path: Path, meeting_id: str, args: argparse.Namespace, tr: Catalogue
) -> None:
    """``plan MEETING --child PARTICIPANT``: one child's "Min plan". Not kept as one of
    the family's handouts ('familymeeting plans' lists the family's plans only); the
    access log notes it with the child's id."""
    from familymeeting.export.child_plan import export_child_plan
    from familymeeting.export.plan import PLACEHOLDER
    from familymeeting.storage.child_plan_data import build_child_plan, resolve_child

    child = resolve_child(services, meeting_id, args.child)
    plan = build_child_plan(services, meeting_id, child.id, args.lang)  # refused: no file
    out = output_file(args.output, db_path.parent, db_path, tr)
    result = export_child_plan(plan, out)
    services.record_meeting_event("plan_pdf", meeting_id, f"cli child {child.id}")
    print(tr.gettext("Saved {name}'s own plan to {path}.", name=plan.child_name, path=out))
    if result.shortened:
        shortened = tr.gettext(
            "Warning: the plan was too long for one page, so some lists were shortened "
            '("+ N more"). Check it before it is printed.'
        )
        print(f"familymeeting: {shortened}", file=sys.stderr)
    _warn_missing_glyphs(result.missing_glyphs, PLACEHOLDER, tr)


def _plans(services: Services, db_path: Path, args: argparse.Namespace, tr: Catalogue) -> None:
    from familymeeting.storage.atomic import write_atomic

    family = services.resolve_family(args.family)
    if args.get is None:
        if args.output:
            raise UserError("plans_output_without_get")
        entries = services.list_handouts(family.id)
        if not entries:
            print(tr.gettext("'{name}' has not been given a plan yet.", name=family.display_name))
            return
        print(tr.gettext("Plans given to '{name}', newest first:", name=family.display_name))
        for e in entries:
            given = e.handout.given_at.astimezone()
            meeting = (
                f"{e.meeting_at:%Y-%m-%d %H:%M}"
                if e.meeting_at is not None
                else tr.gettext("meeting deleted")
            )
            how = handout_how(e.handout.how, tr.language)
            size = format_size(e.size, tr.language)
            print(f"{e.number:>3}  {given:%Y-%m-%d %H:%M}  {meeting}  {how}  {size}")
        return
    if not args.output:
        raise UserError("plans_get_without_output")
    entry = services.handout_by_number(family.id, args.get)  # before anything is written
    out = output_file(args.output, db_path.parent, db_path, tr)
    write_atomic(out, services.handout_pdf(entry.handout.id))
    services.record_reprint(entry.handout.id, via="cli")
    print(
        tr.gettext(
            "Saved plan number {number} for '{name}' to {path}.",
            number=entry.number,
            name=family.display_name,
            path=out,
        )
    )


def _record(services: Services, db_path: Path, args: argparse.Namespace, tr: Catalogue) -> None:
    from familymeeting.export.plan import PLACEHOLDER
    from familymeeting.export.record import export_record
    from familymeeting.export.record_text import record_text
    from familymeeting.storage.record_data import build_record

    meeting = services.resolve_meeting(args.meeting)
    if args.text:
        record = build_record(services, meeting.id, tr.language)
        sys.stdout.write(record_text(record))
        services.record_meeting_event("export_record", meeting.id, "cli text")
        return
    out = output_file(args.output, db_path.parent, db_path, tr)
    record = build_record(services, meeting.id, tr.language)
    result = export_record(record, out)
    services.record_meeting_event("export_record", meeting.id, "cli")
    print(
        tr.ngettext(
            "Saved the meeting record for '{name}' to {path} ({n} page).",
            "Saved the meeting record for '{name}' to {path} ({n} pages).",
            result.pages,
            name=record.family_name,
            path=out,
        )
    )
    if result.missing_glyphs:
        chars = " ".join(result.missing_glyphs)
        line = tr.ngettext(
            "Warning: {n} character cannot be printed in the record's font and is shown as "
            "{placeholder}: {chars}",
            "Warning: {n} characters cannot be printed in the record's font and are shown "
            "as {placeholder}: {chars}",
            len(result.missing_glyphs),
            placeholder=PLACEHOLDER,
            chars=chars,
        )
        print(f"familymeeting: {line}", file=sys.stderr)


def _houses(services: Services, db_path: Path, args: argparse.Namespace, tr: Catalogue) -> None:
    from familymeeting.domain.enums import Role
    from familymeeting.domain.errors import ValidationError
    from familymeeting.export.houses import export_houses
    from familymeeting.storage.houses_data import build_houses

    meeting = services.resolve_meeting(args.meeting)
    wanted = args.child.strip()
    children = [p for p in services.list_participants(meeting.family_id) if p.role == Role.CHILD]
    found = [c for c in children if c.id == wanted or c.name.casefold() == wanted.casefold()]
    if not found:
        found = [c for c in children if wanted and c.id.startswith(wanted)]
    if len(found) != 1:
        raise ValidationError("house_not_a_child", id=wanted)
    out = output_file(args.output, db_path.parent, db_path, tr)
    paper = build_houses(services, meeting.id, found[0].id, full=args.full)
    export_houses(paper, out)
    services.record_meeting_event("export_houses", meeting.id, "cli full" if args.full else "cli")
    print(
        tr.gettext("Saved the three houses of {name} to {path}.", name=paper.child_name, path=out)
    )


def _team_report(data_dir: Path, args: argparse.Namespace, tr: Catalogue) -> None:
    from familymeeting.export.team_report import export_team_report
    from familymeeting.export.team_report_text import team_report_document, team_report_text
    from familymeeting.storage.paths import DB_FILENAME
    from familymeeting.storage.team_report_data import read_team_report

    lang = args.lang or tr.language
    # The output is checked before the files are read: a typo costs no reading.
    out = None if args.text else output_file(args.output, data_dir, data_dir / DB_FILENAME, tr)
    report = read_team_report(args.files)
    if out is None:
        sys.stdout.write(team_report_text(team_report_document(report, lang)))
        return
    result = export_team_report(report, out, lang)
    print(
        tr.ngettext(
            "Saved the team report to {path} ({n} page).",
            "Saved the team report to {path} ({n} pages).",
            result.pages,
            path=out,
        )
    )


def output_file(value: str, data_dir: Path, db_path: Path, tr: Catalogue) -> Path:
    """Where an ``-o FILE`` goes, by one rule for every command.

    The folder must exist (it is never made: a typo would scatter case data into a
    new folder); nothing is written inside the data folder (an export there could
    replace a backup, the database or its key); an existing file elsewhere is
    replaced atomically by the writer (temp file, flush, rename).
    """
    out = Path(value)
    if out.is_dir():
        raise UserError("output_unwritable", path=str(out), reason="is_directory")
    folder = out.parent
    if not folder.is_dir():
        raise UserError("output_unwritable", path=str(out), reason="no_folder")
    if _is_inside(folder, data_dir):
        raise UserError("output_unwritable", path=str(out), reason="inside_data_folder")
    if _is_database_file(out, db_path):
        raise UserError("output_unwritable", path=str(out), reason=_is_database(tr))
    return out


def _is_inside(folder: Path, data_dir: Path) -> bool:
    """Whether ``folder`` is the data folder or below it, however it is spelled
    (relative, through a symlink, in another case on a case-insensitive disk)."""
    try:
        resolved = folder.resolve()
        return any(
            candidate.exists() and candidate.samefile(data_dir)
            for candidate in (resolved, *resolved.parents)
        )
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return False


def _is_database_file(path: Path, db_path: Path) -> bool:
    """Whether writing ``path`` would replace the open database, a side file or its key file.

    An atomic export onto the database would swap the user's data for a JSON file;
    onto keys.json, it would lock the data away for good.
    """
    from familymeeting.storage.keys import KEYS_FILENAME

    side_files = (db_path.with_name(db_path.name + s) for s in SQLITE_SIDE_FILES)
    for target in (db_path, *side_files, db_path.with_name(KEYS_FILENAME)):
        try:
            if path.resolve() == target.resolve():
                return True
            if path.exists() and target.exists() and path.samefile(target):
                return True  # a hard link, or another spelling on a case-insensitive disk
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
            continue
    return False


def _timeline(services: Services, args: argparse.Namespace, tr: Catalogue) -> None:
    from datetime import date

    from familymeeting.domain.errors import ValidationError
    from familymeeting.storage.operations import CaseDateChange, SetCaseDates

    family = services.resolve_family(args.family)
    child_id = _child_id(services, family.id, args.child) if args.child else None
    changes: list[CaseDateChange] = []
    for item in args.set:
        kind, _sep, text = item.partition("=")
        try:
            on_date = date.fromisoformat(text.strip())
        except ValueError:
            raise ValidationError("invalid_date", value=text.strip() or item) from None
        changes.append(CaseDateChange(kind.strip(), on_date, child_id))
    changes += [CaseDateChange(kind.strip(), None, child_id) for kind in args.clear]
    if changes:
        services.run(SetCaseDates(family.id, tuple(changes)))
        print(tr.gettext("Saved the case dates."))
    lang = tr.language
    print(family.display_name)
    for line in services.case_timeline(family.id):
        print(line.name or tr.gettext("The whole family"))
        if not line.dates:
            print("  " + tr.gettext("no dates yet"))
        for kind, on_date in line.dates.items():
            own = "  " + tr.gettext("(own date)") if kind in line.own else ""
            print(f"  {case_date_kind(kind, lang)}: {day_text(on_date, lang)}{own}")
        if line.meetings:
            days = ", ".join(day_text(d, lang) for d in line.meetings)
            print(
                "  "
                + tr.ngettext("meeting: {days}", "meetings: {days}", len(line.meetings), days=days)
            )
        for span in line.spans:
            if span.days is not None:
                print("  " + span_text(span.start, span.end, span.days, waiting=False, lang=lang))
            elif span.waiting_days is not None:
                print(
                    "  "
                    + span_text(span.start, span.end, span.waiting_days, waiting=True, lang=lang)
                )


def _child_id(services: Services, family_id: str, name: str) -> str:
    """A child of the family by name (any case) or by id prefix."""
    from familymeeting.domain.enums import Role
    from familymeeting.domain.errors import NotFoundError

    wanted = name.strip().casefold()
    children = [p for p in services.list_participants(family_id) if p.role == Role.CHILD]
    found = [c for c in children if c.name.casefold() == wanted] or [
        c for c in children if wanted and c.id.startswith(wanted)
    ]
    if len(found) != 1:
        raise NotFoundError("no_such_child", name=name)
    return found[0].id


def _list(services: Services, tr: Catalogue, *, include_archived: bool) -> None:
    every_family = services.list_families(include_archived=True)
    families = [f for f in every_family if include_archived or not f.archived]
    if not families:
        # "No families yet, try the demo" would be alarming when they are only archived.
        if every_family:
            print(
                tr.gettext(
                    "No active families ({n} archived). See them with 'familymeeting list --all'.",
                    n=len(every_family),
                )
            )
        else:
            print(tr.gettext("No families yet. Try 'familymeeting demo'."))
        return
    meetings = {f.id: services.list_meetings(f.id) for f in every_family}
    fam_ids = short_ids(f.id for f in every_family)
    meet_ids = short_ids(m.id for ms in meetings.values() for m in ms)
    for family in families:
        n = len(services.list_participants(family.id))
        archived = tr.gettext("archived")
        extra = f"  ({archived})" if family.archived else ""
        people = tr.ngettext("{n} participant", "{n} participants", n)
        print(f"{fam_ids[family.id]}  {family.display_name}  [{people}]{extra}")
        if not meetings[family.id]:
            print("    " + tr.gettext("no meetings"))
        for m in meetings[family.id]:
            kind = meeting_kind(m.kind, tr.language)
            status = meeting_status(m.status, tr.language)
            place = f"  {m.place}" if m.place else ""
            print(f"    {meet_ids[m.id]}  {m.starts_at:%Y-%m-%d %H:%M}  {kind}, {status}{place}")


def _caseload(services: Services, tr: Catalogue, quiet_weeks: int, this_week: bool) -> None:
    """The start screen's overview as a table: one line a family, a line per child below
    when the children's dates differ from the family's line."""
    from familymeeting.domain.caseload import Direction
    from familymeeting.storage.caseload import CasePace, read_caseload

    caseload = read_caseload(services, quiet_weeks=quiet_weeks)
    families = caseload.this_week() if this_week else caseload.families
    if not families:
        if this_week:
            print(tr.gettext("No meetings are due this week."))
        else:
            print(tr.gettext("No active families. Try 'familymeeting demo'."))
        return

    def days(n: int | None) -> str:
        return "–" if n is None else tr.ngettext("{n} day", "{n} days", n)

    def to_decision(p: CasePace) -> str:
        if p.waiting_days is not None:
            return tr.ngettext("waiting {n} day", "waiting {n} days", p.waiting_days)
        return days(p.days_to_decision)

    words = {
        Direction.UP: tr.gettext("up"),
        Direction.DOWN: tr.gettext("down"),
        Direction.FLAT: tr.gettext("flat"),
        None: "–",
    }
    header = [
        tr.gettext("Family"),
        tr.gettext("Since concern"),
        tr.gettext("To decision"),
        tr.gettext("Next meeting"),
        tr.gettext("Overdue"),
        tr.gettext("Direction"),
        tr.gettext("Weeks since meeting"),
    ]
    rows: list[list[str]] = []
    for f in families:
        when = "–"
        if f.next_meeting is not None:
            when = f"{f.next_meeting:%Y-%m-%d %H:%M}"
            if f.next_meeting_this_week:
                when += " " + tr.gettext("(this week)")
        weeks = "–" if f.weeks_since_meeting is None else str(f.weeks_since_meeting)
        rows.append(
            [
                f.display_name,
                days(f.pace.days_since_concern),
                to_decision(f.pace),
                when,
                str(f.overdue_actions),
                ", ".join(f"{c.name} {words[c.direction]}" for c in f.children) or "–",
                weeks + (" (!)" if f.quiet else ""),
            ]
        )
        for c in f.children:
            if len({child.pace for child in f.children}) > 1:
                rows.append(
                    ["  " + c.name, days(c.pace.days_since_concern), to_decision(c.pace)] + [""] * 4
                )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for r in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    if any(f.quiet for f in families):
        print()
        print(
            tr.ngettext(
                "(!) no meeting in the last {n} week",
                "(!) no meeting in the last {n} weeks",
                caseload.quiet_weeks,
            )
        )


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
