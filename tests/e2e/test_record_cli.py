"""``familymeeting record MEETING -o record.pdf`` and ``--text``: the installed command.

Contract: the same bytes the app's export writes, in the program's language (Danish
by default, English with FAMILYMEETING_LANG=en), an access-log entry like a plan
export; a user's mistake is one line on stderr, exit 2, and leaves no file behind.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from passwords import open_database
from pypdf import PdfReader

from familymeeting.export.record import render_record
from familymeeting.storage.record_data import build_record
from familymeeting.storage.services import Services

Run = Callable[..., CompletedProcess[str]]


def latest(data_dir: Path, family_id: str) -> tuple[str, bytes]:
    db = open_database(data_dir)
    try:
        services = Services(db)
        meeting = services.list_meetings(family_id)[1]
        return meeting.id, render_record(build_record(services, meeting.id, "da")).pdf
    finally:
        db.close()


def events(data_dir: Path) -> list[tuple[str, str]]:
    db = open_database(data_dir)
    try:
        return [(e.event, e.detail) for e in Services(db).access_log()]
    finally:
        db.close()


def test_the_record_as_pdf_and_as_text(run: Run, demo: object, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)  # type: ignore[attr-defined]
    meeting_id, expected = latest(data_dir, demo.family_id)  # type: ignore[attr-defined]
    out = tmp_path / "record.pdf"
    result = run("--data-dir", data_dir, "record", meeting_id[:8], "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Mødenotatet for 'Familien Holm (demo)' er gemt" in result.stdout
    # Noah's own feedback on this meeting (issue 19) takes it onto a third page.
    assert "(3 sider)" in result.stdout
    assert out.read_bytes() == expected
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert "Side 1 af 3" in reader.pages[0].extract_text()

    text = run("--data-dir", data_dir, "record", meeting_id[:8], "--text")
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Mødenotat: Familien Holm (demo)\n")
    assert "DET ER VI BEKYMREDE FOR" in text.stdout and "FAGLIG VURDERING" in text.stdout
    assert "BARNETS FEEDBACK PÅ MØDET: NOAH" in text.stdout
    assert "- Var det godt at holde møde på den her måde? 3" in text.stdout

    english = run(
        "--data-dir", data_dir, "record", meeting_id[:8], "--text", env={"FAMILYMEETING_LANG": "en"}
    )
    assert english.stdout.startswith("Meeting record: Familien Holm (demo)\n")
    assert "WHAT ARE WE WORRIED ABOUT?" in english.stdout
    assert "- Did the caseworker listen to you? 8" in english.stdout
    logged = [e for e in events(data_dir) if e[0] == "export_record"]
    assert sorted(logged) == [
        ("export_record", "cli"),
        ("export_record", "cli text"),
        ("export_record", "cli text"),
    ]


def test_mistakes_are_one_line_and_write_nothing(run: Run, demo: object, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)  # type: ignore[attr-defined]
    meeting_id, _ = latest(data_dir, demo.family_id)  # type: ignore[attr-defined]
    unknown = run("--data-dir", data_dir, "record", "ffffffff", "-o", tmp_path / "r.pdf")
    assert unknown.returncode == 2
    assert len(unknown.stderr.splitlines()) == 1 and "ffffffff" in unknown.stderr
    assert not (tmp_path / "r.pdf").exists()
    nowhere = tmp_path / "no-such-folder" / "r.pdf"
    refused = run("--data-dir", data_dir, "record", meeting_id[:8], "-o", nowhere)
    assert refused.returncode == 2 and len(refused.stderr.splitlines()) == 1
    assert not nowhere.parent.exists()
    both = run("--data-dir", data_dir, "record", meeting_id[:8])
    assert both.returncode == 2
    assert not any(e[0] == "export_record" for e in events(data_dir))
