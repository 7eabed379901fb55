"""``familymeeting plan MEETING --child PARTICIPANT -o min-plan.pdf`` (issue 19).

The installed command as a user runs it: the same bytes as the read model and the
renderer make in-process; the child by name, id or id prefix; a child without a plan
of its own, a grown-up or an unknown name is one line on stderr, exit 2, no file, and
the database as it was.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import pytest
from helpers import file_digest
from passwords import open_database
from pypdf import PdfReader

from familymeeting.export.child_plan import render_child_plan
from familymeeting.storage.child_plan_data import build_child_plan
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

Result = subprocess.CompletedProcess[str]
Run = Callable[..., Result]


class DemoData(Protocol):
    data_dir: Path
    family_id: str
    case_file: Path


@contextmanager
def open_services(data_dir: Path) -> Iterator[Services]:
    db = open_database(data_dir)
    try:
        yield Services(db)
    finally:
        db.close()


def ids(data_dir: Path, family_id: str) -> tuple[str, dict[str, str]]:
    with open_services(data_dir) as services:
        meeting = services.list_meetings(family_id)[0].id
        people = {p.name: p.id for p in services.list_participants(family_id)}
    return meeting, people


def page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def refused(result: Result) -> str:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("who", ["Noah", "noah", "id", "prefix"])
def test_the_command_writes_the_childs_plan(
    run: Run, demo: DemoData, tmp_path: Path, who: str
) -> None:
    meeting, people = ids(demo.data_dir, demo.family_id)
    child = {"id": people["Noah"], "prefix": people["Noah"][:8]}.get(who, who)
    with open_services(demo.data_dir) as services:
        kept_before = len(services.list_handouts(demo.family_id))
    out = tmp_path / "min-plan.pdf"
    result = run("--data-dir", demo.data_dir, "plan", meeting[:8], "--child", child, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout == f"Noahs egen plan er gemt i {out}.\n"
    with open_services(demo.data_dir) as services:
        expected = render_child_plan(build_child_plan(services, meeting, people["Noah"])).pdf
        handouts = services.list_handouts(demo.family_id)
    assert out.read_bytes() == expected
    text = page_text(out.read_bytes())
    assert text.startswith("Min plan Til Noah")
    assert "Det gør de voksne" in text and "Dem kan jeg ringe til" in text
    # Not one of the family's kept plans: 'familymeeting plans' lists theirs only.
    assert len(handouts) == kept_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cwd", "min-plan.pdf"]


def test_lang_and_english_messages(run: Run, demo: DemoData, tmp_path: Path) -> None:
    meeting, _ = ids(demo.data_dir, demo.family_id)
    out = tmp_path / "my-plan.pdf"
    result = run(
        "--data-dir",
        demo.data_dir,
        "plan",
        meeting[:8],
        "--child",
        "Noah",
        "-o",
        out,
        "--lang",
        "en",
        env={"FAMILYMEETING_LANG": "en"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Saved Noah's own plan to {out}.\n"
    text = page_text(out.read_bytes())
    assert text.startswith("My plan For Noah") and "Who I can call" in text


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("who", ["Emma", "Mette (mor)", "Karl"])
def test_no_plan_of_their_own_is_refused_and_changes_nothing(
    run: Run, demo: DemoData, tmp_path: Path, who: str, lang: str
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)
    meeting, _ = ids(data_dir, demo.family_id)
    before = file_digest(data_dir / DB_FILENAME)
    out = tmp_path / "min-plan.pdf"
    line = refused(
        run(
            "--data-dir",
            data_dir,
            "plan",
            meeting[:8],
            "--child",
            who,
            "-o",
            out,
            env={"FAMILYMEETING_LANG": lang},
        )
    )
    expected = {
        ("Emma", "da"): "Emma får ikke sin egen plan til dette møde",
        ("Emma", "en"): "Emma does not get a plan of their own for this meeting",
        ("Mette (mor)", "da"): "Mette (mor) er ikke et barn.",
        ("Mette (mor)", "en"): "Mette (mor) is not a child.",
        ("Karl", "da"): "'Karl' er ikke en person i familien 'Familien Holm (demo)'. "
        "Familiens børn: Emma, Noah.",
        ("Karl", "en"): "'Karl' is not a person in the family 'Familien Holm (demo)'. "
        "The family's children: Emma, Noah.",
    }[(who, lang)]
    assert expected in line
    if who == "Emma":
        assert ("'Egen plan' til 'Ja'" if lang == "da" else "'Own plan' to 'Yes'") in line
    assert not out.exists()
    assert file_digest(data_dir / DB_FILENAME) == before
