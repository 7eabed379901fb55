"""Every text has its Danish, and what ships is built from the sources.

Qt's catalogue (the window: .ts and .qm) and the catalogue of text Qt does not show
(the command line and the messages: messages_da.po and .mo).
"""

from __future__ import annotations

import ast
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "familymeeting_da.ts"
QM = TS.with_suffix(".qm")
# English is the source language: its catalogue holds only the plural forms of "%n" texts.
TS_EN = REPO / "resources" / "i18n" / "familymeeting_en.ts"
CATALOGUES = pytest.mark.parametrize(
    ("ts", "extra"), [(TS, []), (TS_EN, ["-pluralonly"])], ids=["danish", "english-plurals"]
)
SOURCES = ["familymeeting/ui", "familymeeting/app.py", "familymeeting/settings.py"]


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing; it comes with PySide6")
    return found


@CATALOGUES
def test_every_ui_string_has_its_translation(tmp_path: Path, ts: Path, extra: list[str]) -> None:
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    sources = [
        str(p.relative_to(REPO))
        for src in SOURCES
        for p in sorted((REPO / src).rglob("*.py") if (REPO / src).is_dir() else [REPO / src])
    ]
    result = subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", *extra, *sources, "-ts", str(fresh)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    unfinished = [
        f"{ctx.findtext('name')}: {msg.findtext('source')}"
        for ctx in ET.parse(fresh).getroot().iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation") is not None
        and msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
    ]
    assert unfinished == [], "run the README's lupdate command and translate:\n" + "\n".join(
        unfinished
    )


@CATALOGUES
def test_shipped_qm_is_built_from_the_ts(tmp_path: Path, ts: Path, extra: list[str]) -> None:
    built = tmp_path / ts.with_suffix(".qm").name
    result = subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(built)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    shipped = ts.with_suffix(".qm").read_bytes()
    assert built.read_bytes() == shipped, "run the README's lrelease command"


# ------------------------------------------ the catalogue of text Qt does not show
# familymeeting/messages.py: the CLI's output and the messages for errors a user can
# cause, as a gettext catalogue (English message ids, Danish in messages_da.po).
PO = REPO / "resources" / "i18n" / "messages_da.po"
MO = PO.with_suffix(".mo")
# What README.md's `pybabel extract` passes with -k: a text with a number in a table.
EXTRA_KEYWORDS = ["N_plural:1,2"]
REFRESH = (
    "run README.md's pybabel commands (Translations), translate what is new in "
    "resources/i18n/messages_da.po, and compile it"
)


def _extracted() -> dict[str, tuple[str, ...]]:
    """Every text in the code marked for the catalogue: msgid -> (singular, plural?)."""
    from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
    from babel.messages.frontend import parse_keywords

    keywords = {**DEFAULT_KEYWORDS, **parse_keywords(EXTRA_KEYWORDS)}
    found: dict[str, tuple[str, ...]] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(REPO / "familymeeting"), keywords=keywords
    ):
        forms = (message,) if isinstance(message, str) else tuple(message)
        found[forms[0]] = forms
    return found


def _po() -> Any:
    from babel.messages.pofile import read_po

    with PO.open("rb") as f:
        return read_po(f, locale="da")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_cli_and_message_text_is_translated_to_danish() -> None:
    extracted = _extracted()
    assert len(extracted) > 150, "the extraction found too little; is the keyword list right?"
    catalogue = _po()
    problems: list[str] = []
    for msgid, forms in extracted.items():
        entry = catalogue.get(msgid)
        if entry is None:
            problems.append(f"not in the .po: {msgid!r}")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.fuzzy or not all(s.strip() for s in strings):
            problems.append(f"not translated (or fuzzy): {msgid!r}")
        elif isinstance(entry.id, tuple) != (len(forms) == 2):
            problems.append(f"singular in one, plural in the other: {msgid!r}")
        for text in strings:
            # A placeholder the Danish lacks or misspells would fail at run time.
            if _fields(text) != _fields(forms[-1]):
                problems.append(f"other placeholders in the Danish of {msgid!r}: {text!r}")
    left_over = [
        m.id
        for m in catalogue
        if m.id and (m.id if isinstance(m.id, str) else m.id[0]) not in extracted
    ]
    problems += [f"in the .po but no longer in the code: {m!r}" for m in left_over]
    assert problems == [], REFRESH + ":\n" + "\n".join(problems)


def test_every_text_given_to_the_catalogue_is_one_it_has() -> None:
    """Each literal text the code hands to gettext, ngettext, _, N_ or N_plural is in the
    .po. The extraction reads tokens and misses a call inside an f-string; this reads
    the syntax tree, which does not."""
    names = {"gettext", "ngettext", "_", "N_", "N_plural"}
    catalogue = _po()
    missing: list[str] = []
    for path in sorted((REPO / "familymeeting").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0] if node.args else None
            if (
                name in names
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and catalogue.get(first.value) is None
            ):
                missing.append(f"{path.relative_to(REPO)}:{node.lineno}: {first.value!r}")
    assert missing == [], (
        "not in the catalogue (a text inside an f-string is not extracted: take it out); "
        + REFRESH
        + ":\n"
        + "\n".join(missing)
    )


def test_shipped_mo_is_compiled_from_the_po() -> None:
    from babel.messages.mofile import read_mo

    def texts(catalogue: Any) -> dict[object, object]:
        """msgid -> translation; a plural's forms as tuples (read_mo gives lists)."""
        return {
            m.id if isinstance(m.id, str) else tuple(m.id): (
                m.string if isinstance(m.string, str) else tuple(m.string)
            )
            for m in catalogue
            if m.id and not m.fuzzy
        }

    with MO.open("rb") as f:
        shipped = read_mo(f)
    assert texts(shipped) == texts(_po()), REFRESH


def test_every_error_code_in_the_code_has_its_message() -> None:
    """Every ``SomeError("code", ...)`` raised anywhere has a text in messages.MESSAGES,
    and every field, record or reason named there has its word."""
    from familymeeting import messages

    tables = {"field": messages.FIELD_NAMES, "what": messages.RECORD_NAMES}
    tables["reason"] = messages.REASONS
    trees = {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted((REPO / "familymeeting").rglob("*.py"))
    }
    # UserError and its subclasses, wherever they are declared.
    user_errors = {"UserError"}
    classes = [n for tree in trees.values() for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    for _ in range(5):
        user_errors |= {
            c.name
            for c in classes
            if any(isinstance(b, ast.Name) and b.id in user_errors for b in c.bases)
        }
    missing: list[str] = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in user_errors
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                continue
            where = f"{path.relative_to(REPO)}:{node.lineno}"
            code = node.args[0].value
            if code not in messages.MESSAGES:
                missing.append(f"{where}: no message for {code!r}")
            for keyword in node.keywords:
                table = tables.get(keyword.arg or "")
                value = keyword.value
                if (
                    table is not None
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and value.value not in table
                ):
                    missing.append(f"{where}: no word for {keyword.arg}={value.value!r}")
    assert missing == [], "add them to familymeeting/messages.py:\n" + "\n".join(missing)


def test_messages_read_in_danish_and_english() -> None:
    from familymeeting.messages import catalogue, render

    assert catalogue("en").ngettext("{n} participant", "{n} participants", 1) == "1 participant"
    assert catalogue("da").ngettext("{n} participant", "{n} participants", 1) == "1 deltager"
    assert catalogue("da").ngettext("{n} participant", "{n} participants", 7) == "7 deltagere"
    assert render("unlock_wait", "da", seconds=1).endswith("Vent 1 sekund, og prøv igen.")
    assert render("unlock_wait", "en", seconds=2).endswith("Wait 2 seconds and try again.")
    assert render("case_file_too_big", "da", size=47.7, max=32) == (
        "Sagsfilen fylder 47,7 MiB; en sagsfil må højst fylde 32 MiB."
    )


def test_the_cli_words_for_the_domain_are_the_windows_words() -> None:
    """The CLI's words for meeting kinds, statuses and roles (messages.py) say what the
    window's (ui/words.py, Qt's catalogue) say, in lower case, in both languages."""
    from familymeeting.domain.enums import MeetingKind, MeetingStatus, Role
    from familymeeting.messages import BACKUP_KIND_WORDS, meeting_kind, meeting_status, role
    from familymeeting.storage.backup import BackupKind
    from familymeeting.ui import words

    danish = {
        msg.findtext("source"): msg.findtext("translation")
        for ctx in ET.parse(TS).getroot().iter("context")
        if ctx.findtext("name") == "Words"
        for msg in ctx.iter("message")
    }
    pairs = (
        [(meeting_kind, words.meeting_kind, k) for k in MeetingKind]
        + [(meeting_status, words.meeting_status, s) for s in MeetingStatus]
        + [(role, words.role, r) for r in Role]
    )
    for cli_word, window_word, value in pairs:
        english = window_word(value)  # no translator installed: the source text
        assert cli_word(value, "en") == english.lower(), value
        assert cli_word(value, "da") == danish[english].lower(), value
    assert set(BACKUP_KIND_WORDS) == {kind.value for kind in BackupKind}
