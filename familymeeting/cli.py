"""The ``familymeeting`` command: starts the app, or does a job without a screen.

Every subcommand goes through the same services as the GUI. User errors are one
line on stderr and exit code 2; anything else is a bug, logged with its
traceback to ``logs/error.log`` in the data dir (never with case text).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from familymeeting import __version__
from familymeeting.domain.errors import UserError
from familymeeting.messages import detect_language, user_message

if TYPE_CHECKING:
    from familymeeting.storage.services import Services

EXIT_USER_ERROR = 2
EXIT_BUG = 70  # EX_SOFTWARE
SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")

TEXT: dict[str, dict[str, str]] = {
    "prog_help": {
        "da": "familymeeting: familiemøder efter Signs of Safety, offline. "
        "Uden kommando startes programmet.",
        "en": "familymeeting: Signs of Safety family meetings, offline. "
        "Without a command the app starts.",
    },
    "demo_done": {
        "da": "Demofamilien '{name}' er oprettet (id {id}).",
        "en": "Created the demo family '{name}' (id {id}).",
    },
    "no_families": {
        "da": "Ingen familier endnu. Prøv 'familymeeting demo'.",
        "en": "No families yet. Try 'familymeeting demo'.",
    },
    "only_archived": {
        "da": "Ingen aktive familier ({n} arkiveret). Se dem med 'familymeeting list --all'.",
        "en": "No active families ({n} archived). See them with 'familymeeting list --all'.",
    },
    "exported": {
        "da": "Sagsfilen for '{name}' er gemt i {path}.",
        "en": "Saved the case file for '{name}' to {path}.",
    },
    "imported": {
        "da": "Familien '{name}' er importeret ({meetings} møder).",
        "en": "Imported the family '{name}' ({meetings} meetings).",
    },
    "participants": {"da": "{n} deltagere", "en": "{n} participants"},
    "archived": {"da": "arkiveret", "en": "archived"},
    "no_meetings": {"da": "ingen møder", "en": "no meetings"},
    "output_is_database": {
        "da": "det er programmets egen database; vælg et andet filnavn",
        "en": "that is the program's own database; choose another file name",
    },
    "plan_saved": {
        "da": "Planen for '{name}' er gemt i {path}.",
        "en": "Saved the plan for '{name}' to {path}.",
    },
    "plan_shortened": {
        "da": "Advarsel: planen var for lang til én side, så nogle lister er forkortet "
        '("+ N mere på tavlen"). Se den igennem, før den bliver printet.',
        "en": "Warning: the plan was too long for one page, so some lists were shortened "
        '("+ N more on the board"). Check it before it is printed.',
    },
    "plan_missing_glyphs": {
        "da": "Advarsel: {n} tegn kan ikke skrives med planens skrift og står som {placeholder}: "
        "{chars}",
        "en": "Warning: {n} characters cannot be printed in the plan's font and are shown as "
        "{placeholder}: {chars}",
    },
    "bug": {
        "da": "Der skete en uventet fejl. Detaljer er gemt i {path}.",
        "en": "An unexpected error happened. Details are saved in {path}.",
    },
}

KIND_WORDS = {
    "first": {"da": "første møde", "en": "first meeting"},
    "follow_up": {"da": "opfølgningsmøde", "en": "follow-up meeting"},
    "network": {"da": "netværksmøde", "en": "network meeting"},
}
STATUS_WORDS = {
    "planned": {"da": "planlagt", "en": "planned"},
    "in_progress": {"da": "i gang", "en": "in progress"},
    "closed": {"da": "afsluttet", "en": "closed"},
}


def t(key: str, lang: str, **params: object) -> str:
    return TEXT[key][lang].format(**params)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message} (see --help)\n")


def build_parser(lang: str) -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder with the database (default: $FAMILYMEETING_DATA_DIR or the user data dir)",
    )
    parser = _Parser(prog="familymeeting", description=TEXT["prog_help"][lang], parents=[common])
    parser.add_argument("--version", action="version", version=f"familymeeting {__version__}")
    parser.add_argument(
        "--screenshot",
        metavar="PNG",
        help="start the app offscreen, save a picture of the window and quit",
    )
    parser.add_argument(
        "--open",
        metavar="MEETING",
        help="start on this meeting's board (id or unique id prefix)",
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        help="window size in logical pixels, e.g. 1280x800 (useful with --screenshot)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser(
        "demo",
        parents=[common],
        help="add a realistic demo family with three meetings",
        description="Add a realistic demo family: two children, parents, network, "
        "three meetings with cards, ratings and actions.",
    )
    lst = sub.add_parser(
        "list",
        parents=[common],
        help="families and their meetings, with ids",
        description="List families and their meetings with ids (a unique prefix of an id "
        "works wherever an id is asked for).",
    )
    lst.add_argument("--all", action="store_true", help="include archived families")
    exp = sub.add_parser(
        "export-case",
        parents=[common],
        help="write one family to a case file (JSON)",
        description="Write one family with all its meetings, cards, ratings and actions to "
        "a case file (see docs/case-file.md).",
    )
    exp.add_argument("family", metavar="FAMILY", help="family id or unique id prefix")
    exp.add_argument("-o", "--output", metavar="FILE", required=True, help="file to write")
    imp = sub.add_parser(
        "import-case",
        parents=[common],
        help="read a family from a case file",
        description="Read a case file into the database. The file is checked completely "
        "first; a bad file changes nothing.",
    )
    imp.add_argument("file", metavar="FILE", help="the case file to read")
    imp.add_argument(
        "--replace",
        action="store_true",
        help="replace the family if it already exists (otherwise refused)",
    )
    pln = sub.add_parser(
        "plan",
        parents=[common],
        help="write a meeting's one-page plan (PDF)",
        description="Write the family's one-page plan of a meeting as an A4 PDF: the same "
        "file the app saves. Warns on stderr when the plan had to be shortened.",
    )
    pln.add_argument("meeting", metavar="MEETING", help="meeting id or unique id prefix")
    pln.add_argument("-o", "--output", metavar="FILE", required=True, help="PDF file to write")
    pln.add_argument(
        "--lang",
        choices=("da", "en"),
        help="language of the plan (default: the family's language)",
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
    lang = detect_language()
    parser = build_parser(lang)
    args = parser.parse_args(argv)

    from familymeeting.storage.paths import resolve_data_dir

    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    try:
        if args.command is None:
            from familymeeting.app import parse_size, run_gui

            size = None
            if args.size:
                try:
                    size = parse_size(args.size)
                except ValueError:
                    parser.error(
                        f"--size: expected WIDTHxHEIGHT such as 1280x800, got {args.size!r}"
                    )
            return run_gui(data_dir, screenshot=args.screenshot, open_meeting=args.open, size=size)
        return _run_command(args, data_dir, lang)
    except UserError as exc:
        print(f"familymeeting: {user_message(exc, lang)}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error of ours.
        _silence_stdout()
        return 0
    except Exception:
        path = log_bug(data_dir)
        print(f"familymeeting: {t('bug', lang, path=path)}", file=sys.stderr)
        return EXIT_BUG


def _silence_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def log_bug(data_dir: Path) -> Path:
    from familymeeting.bugs import log_bug as log

    return log(data_dir)


def _run_command(args: argparse.Namespace, data_dir: Path, lang: str) -> int:
    from familymeeting.storage.database import Database
    from familymeeting.storage.services import Services

    db = Database.open(data_dir)
    try:
        services = Services(db)
        if args.command == "demo":
            from familymeeting.storage.demo import create_demo_family

            family = create_demo_family(services)
            print(t("demo_done", lang, name=family.display_name, id=family.id[:8]))
        elif args.command == "list":
            _list(services, lang, include_archived=args.all)
        elif args.command == "export-case":
            from familymeeting.storage.casefile import export_case

            family = services.resolve_family(args.family)
            out = Path(args.output)
            if _is_database_file(out, db.path):
                raise UserError(
                    "output_unwritable", path=str(out), reason=t("output_is_database", lang)
                )
            export_case(services, family.id, out)
            print(t("exported", lang, name=family.display_name, path=out))
        elif args.command == "import-case":
            from familymeeting.storage.casefile import import_case, read_case_file

            case = read_case_file(Path(args.file))
            family = import_case(services, case, replace=args.replace)
            print(t("imported", lang, name=family.display_name, meetings=len(case.meetings)))
        elif args.command == "plan":
            _plan(services, db.path, args, lang)
        else:  # pragma: no cover - argparse only accepts the commands above
            raise AssertionError(args.command)
    finally:
        db.close()
    return 0


def _plan(services: Services, db_path: Path, args: argparse.Namespace, lang: str) -> None:
    from familymeeting.export.plan import PLACEHOLDER, export_plan
    from familymeeting.storage.plan_data import build_plan

    meeting = services.resolve_meeting(args.meeting)
    out = Path(args.output)
    if _is_database_file(out, db_path):
        raise UserError("output_unwritable", path=str(out), reason=t("output_is_database", lang))
    plan = build_plan(services, meeting.id, args.lang)
    result = export_plan(plan, out)
    print(t("plan_saved", lang, name=plan.family_name, path=out))
    if result.shortened:
        print(f"familymeeting: {t('plan_shortened', lang)}", file=sys.stderr)
    if result.missing_glyphs:
        chars = " ".join(result.missing_glyphs)
        n = len(result.missing_glyphs)
        line = t("plan_missing_glyphs", lang, n=n, placeholder=PLACEHOLDER, chars=chars)
        print(f"familymeeting: {line}", file=sys.stderr)


def _is_database_file(path: Path, db_path: Path) -> bool:
    """Whether writing ``path`` would replace the open database or one of its side files.

    An atomic export onto the database would swap the user's data for a JSON file.
    """
    for target in (db_path, *(db_path.with_name(db_path.name + s) for s in SQLITE_SIDE_FILES)):
        try:
            if path.resolve() == target.resolve():
                return True
            if path.exists() and target.exists() and path.samefile(target):
                return True  # a hard link, or another spelling on a case-insensitive disk
        except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
            continue
    return False


def _list(services: Services, lang: str, *, include_archived: bool) -> None:
    every_family = services.list_families(include_archived=True)
    families = [f for f in every_family if include_archived or not f.archived]
    if not families:
        # "No families yet, try the demo" would be alarming when they are only archived.
        print(t("only_archived" if every_family else "no_families", lang, n=len(every_family)))
        return
    meetings = {f.id: services.list_meetings(f.id) for f in every_family}
    fam_ids = short_ids(f.id for f in every_family)
    meet_ids = short_ids(m.id for ms in meetings.values() for m in ms)
    for family in families:
        n = len(services.list_participants(family.id))
        extra = f"  ({t('archived', lang)})" if family.archived else ""
        print(
            f"{fam_ids[family.id]}  {family.display_name}  [{t('participants', lang, n=n)}]{extra}"
        )
        if not meetings[family.id]:
            print(f"    {t('no_meetings', lang)}")
        for m in meetings[family.id]:
            kind = KIND_WORDS[m.kind][lang]
            status = STATUS_WORDS[m.status][lang]
            place = f"  {m.place}" if m.place else ""
            print(f"    {meet_ids[m.id]}  {m.starts_at:%Y-%m-%d %H:%M}  {kind}, {status}{place}")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
