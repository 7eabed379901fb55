"""``familymeeting plan MEETING -o plan.pdf``: the installed command, as a user runs it.

Contract: the same bytes the app's export writes; exit 0; one warning line on
stderr when the plan had to be shortened (or has characters the font lacks);
a user's mistake is one line on stderr, exit 2, and leaves no file behind.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

import pytest
from helpers import file_digest
from passwords import open_database
from pypdf import PdfReader

from familymeeting.domain.enums import Column, Role
from familymeeting.export.plan import PLACEHOLDER, render_plan
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services

Result = subprocess.CompletedProcess[str]
Run = Callable[..., Result]


class DemoData(Protocol):
    """The ``demo`` fixture (tests/e2e/conftest.py): copy before changing."""

    data_dir: Path
    family_id: str
    case_file: Path


@contextmanager
def open_services(data_dir: Path) -> Iterator[Services]:
    db = open_database(data_dir)  # the demo dir is encrypted, as the command made it
    try:
        yield Services(db)
    finally:
        db.close()


def latest_meeting(data_dir: Path, family_id: str) -> str:
    with open_services(data_dir) as services:
        return services.list_meetings(family_id)[0].id


def expected_pdf(data_dir: Path, meeting_id: str, lang: str | None = None) -> bytes:
    with open_services(data_dir) as services:
        return render_plan(build_plan(services, meeting_id, lang)).pdf


def copy_data_dir(demo: DemoData, dest: Path) -> Path:
    shutil.copytree(demo.data_dir, dest)
    return dest


def page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def refused(result: Result) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("familymeeting")
    return lines[0]


def test_the_command_writes_the_same_bytes_as_the_app(
    run: Run, demo: DemoData, tmp_path: Path
) -> None:
    meeting_id = latest_meeting(demo.data_dir, demo.family_id)
    out = tmp_path / "plan.pdf"
    result = run("--data-dir", demo.data_dir, "plan", meeting_id[:8], "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the demo fits without shortening: no warning
    assert result.stdout == f"Planen for 'Familien Holm (demo)' er gemt i {out}.\n"
    assert out.read_bytes() == expected_pdf(demo.data_dir, meeting_id)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "plan.pdf"]  # no temp file
    # Run again: the same file, byte for byte, in another process.
    again = tmp_path / "again.pdf"
    assert run("--data-dir", demo.data_dir, "plan", meeting_id, "-o", again).returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_lang_chooses_the_plans_language_not_the_messages(
    run: Run, demo: DemoData, tmp_path: Path
) -> None:
    meeting_id = latest_meeting(demo.data_dir, demo.family_id)
    out = tmp_path / "plan-en.pdf"
    result = run("--data-dir", demo.data_dir, "plan", meeting_id[:8], "-o", out, "--lang", "en")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("Planen for")  # the user's language is still Danish
    assert out.read_bytes() == expected_pdf(demo.data_dir, meeting_id, "en")
    text = page_text(out.read_bytes())
    assert text.startswith("Our plan") and "What needs to happen" in text


def test_a_shortened_plan_warns_in_one_line(run: Run, demo: DemoData, tmp_path: Path) -> None:
    data_dir = copy_data_dir(demo, tmp_path / "data")
    with open_services(data_dir) as services, services.batch():
        person = services.add_participant(demo.family_id, "Bedstefar", Role.NETWORK).id
        meeting = services.create_meeting(demo.family_id, datetime(2026, 12, 10, 10))
        for i in range(150):
            services.add_card(meeting.id, list(Column)[i % 3], f"Kort {i}", whose_words_id=person)
        for i in range(60):
            services.add_action(meeting.id, f"Aftale {i}", who_participant_id=person)
    out = tmp_path / "plan.pdf"
    result = run("--data-dir", data_dir, "plan", meeting.id[:8], "-o", out)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("familymeeting: Advarsel:")
    assert "forkortet" in lines[0]
    assert out.read_bytes() == expected_pdf(data_dir, meeting.id)
    assert "mere – spørg jeres rådgiver" in page_text(out.read_bytes())

    english = run(
        "--data-dir", data_dir, "plan", meeting.id[:8], "-o", out, env={"FAMILYMEETING_LANG": "en"}
    )
    assert english.returncode == 0
    assert len(english.stderr.splitlines()) == 1
    assert "shortened" in english.stderr


def test_characters_the_font_lacks_are_one_warning_line(
    run: Run, demo: DemoData, tmp_path: Path
) -> None:
    data_dir = copy_data_dir(demo, tmp_path / "data")
    with open_services(data_dir) as services:
        meeting_id = services.create_meeting(demo.family_id, datetime(2026, 12, 10, 10)).id
        services.add_action(meeting_id, "Fejre det med kage 🧁", due_date=date(2026, 12, 12))
    out = tmp_path / "plan.pdf"
    result = run("--data-dir", data_dir, "plan", meeting_id[:8], "-o", out)
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert PLACEHOLDER in lines[0] and "🧁" in lines[0]
    assert f"Fejre det med kage {PLACEHOLDER}" in page_text(out.read_bytes())


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_meeting_that_does_not_exist(run: Run, demo: DemoData, tmp_path: Path, lang: str) -> None:
    out = tmp_path / "plan.pdf"
    before = file_digest(demo.data_dir / DB_FILENAME)
    result = run(
        "--data-dir", demo.data_dir, "plan", "ffffffff", "-o", out, env={"FAMILYMEETING_LANG": lang}
    )
    line = refused(result)
    assert "ffffffff" in line
    assert ("møde" if lang == "da" else "meeting") in line
    assert not out.exists()
    assert file_digest(demo.data_dir / DB_FILENAME) == before


@pytest.mark.parametrize("target", ["missing-folder", "folder", "the-database"])
def test_an_unwritable_output_is_refused(
    run: Run, demo: DemoData, tmp_path: Path, target: str
) -> None:
    data_dir = copy_data_dir(demo, tmp_path / "data")
    db_file = data_dir / DB_FILENAME
    before = file_digest(db_file)
    meeting_id = latest_meeting(data_dir, demo.family_id)
    out = {
        "missing-folder": tmp_path / "no-such-folder" / "plan.pdf",
        "folder": tmp_path / "a-folder",
        "the-database": db_file,
    }[target]
    if target == "folder":
        out.mkdir()
    line = refused(run("--data-dir", data_dir, "plan", meeting_id[:8], "-o", out))
    assert str(out) in line
    assert file_digest(db_file) == before
    assert not (tmp_path / "no-such-folder").exists()
    if target == "folder":
        assert list(out.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["data", "cwd"] + (["a-folder"] if target == "folder" else [])
    )


def test_plan_needs_an_output_and_a_known_language(run: Run, demo: DemoData) -> None:
    line = refused(run("--data-dir", demo.data_dir, "plan", "abcd1234"))
    assert "-o" in line
    line = refused(run("--data-dir", demo.data_dir, "plan", "abcd", "-o", "x.pdf", "--lang", "sv"))
    assert "--lang" in line
    help_text = run("plan", "--help")
    assert help_text.returncode == 0
    for word in ("MEETING", "--output", "--lang", "--data-dir"):
        assert word in help_text.stdout


# ------------------------------------------------------ the plan's languages
@pytest.mark.parametrize(
    ("lang", "headings"),
    [
        ("ar", ["خطتنا", "ما يجب أن يحدث", "ماذا", "متى", "اللقاء القادم"]),
        ("ti", ["ናይና ትልሚ", "ክግበር ዘለዎ", "እንታይ", "መዓስ", "ዝቕጽል ኣኼባ"]),
    ],
)
def test_lang_prints_the_plan_in_any_plan_language(
    run: Run, demo: DemoData, tmp_path: Path, lang: str, headings: list[str]
) -> None:
    import unicodedata

    meeting_id = latest_meeting(demo.data_dir, demo.family_id)
    out = tmp_path / f"plan-{lang}.pdf"
    result = run("--data-dir", demo.data_dir, "plan", meeting_id[:8], "-o", out, "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # one page, nothing shortened, every letter printable
    assert result.stdout.startswith("Planen for")  # the messages stay in Danish
    assert out.read_bytes() == expected_pdf(demo.data_dir, meeting_id, lang)
    # Arabic is drawn in its joined (presentation) forms: read them as letters.
    text = unicodedata.normalize("NFKC", page_text(out.read_bytes()))
    for heading in headings:
        assert heading in text
    assert "Emma og Noah" in text  # the family's own words, as written


def test_lang_lists_every_plan_language_in_its_help(run: Run) -> None:
    help_text = run("plan", "--help")
    assert help_text.returncode == 0
    for code in ("da", "en", "ar", "so", "tr", "pl", "uk", "ti", "fa", "ur"):
        assert code in help_text.stdout
    assert "Tigrinya" in help_text.stdout
