"""``familymeeting houses MEETING --child CHILD -o FILE [--full]``: the installed command.

Contract: the same bytes the window's paper has (the demo's Emma at the latest meeting);
only what the child shared unless --full; an access-log entry with ids only; a mistake
is one line on stderr, exit 2, and leaves no file behind.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from passwords import open_database
from pypdf import PdfReader

from familymeeting.export.houses import render_houses
from familymeeting.storage.houses_data import build_houses
from familymeeting.storage.services import Services

Run = Callable[..., CompletedProcess[str]]


def emma_at_latest(data_dir: Path, family_id: str) -> tuple[str, str, bytes]:
    db = open_database(data_dir)
    try:
        services = Services(db)
        meeting = services.list_meetings(family_id)[0]
        emma = next(p for p in services.list_participants(family_id) if p.name == "Emma")
        pdf = render_houses(build_houses(services, meeting.id, emma.id)).pdf
        return meeting.id, emma.id, pdf
    finally:
        db.close()


def events(data_dir: Path) -> list[tuple[str, str]]:
    db = open_database(data_dir)
    try:
        return [(e.event, e.detail) for e in Services(db).access_log()]
    finally:
        db.close()


def test_the_childs_paper_and_the_full_one(run: Run, demo: object, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)  # type: ignore[attr-defined]
    meeting_id, _, expected = emma_at_latest(data_dir, demo.family_id)  # type: ignore[attr-defined]
    out = tmp_path / "huse.pdf"
    result = run("--data-dir", data_dir, "houses", meeting_id[:8], "--child", "emma", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Emma" in result.stdout and str(out) in result.stdout
    assert out.read_bytes() == expected
    text = PdfReader(out).pages[0].extract_text()
    assert "Mine tre huse" in text and "Mormor laver pandekager" in text
    assert "Bamse" not in text and "råber" not in text  # what Emma did not share
    full = tmp_path / "sag.pdf"
    result = run(
        "--data-dir", data_dir, "houses", meeting_id[:8], "--child", "Emma", "--full", "-o", full
    )
    assert result.returncode == 0, result.stderr
    full_text = PdfReader(full).pages[0].extract_text()
    assert "Bamse" in full_text and "ikke til forældrene" in full_text
    logged = sorted(e for e in events(data_dir) if e[0] == "export_houses")
    assert logged == [("export_houses", "cli"), ("export_houses", "cli full")]


def test_a_parent_is_not_a_child(run: Run, demo: object, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)  # type: ignore[attr-defined]
    meeting_id, _, _ = emma_at_latest(data_dir, demo.family_id)  # type: ignore[attr-defined]
    out = tmp_path / "x.pdf"
    result = run(
        "--data-dir", data_dir, "houses", meeting_id[:8], "--child", "Mette (mor)", "-o", out
    )
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "De tre huse" in result.stderr
    assert not out.exists()
    assert not any(e[0] == "export_houses" for e in events(data_dir))
