"""The child's feedback through the installed command: in the record, never in the plan.

Noah (13) of the demo family gave his own feedback at the last two meetings. The
plan the family gets (``familymeeting plan``) has none of it; the caseworker's record
(``familymeeting record --text``) has it, under "Barnets feedback på mødet".
"""

from __future__ import annotations

import io
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from passwords import open_database
from pypdf import PdfReader

from familymeeting.domain.enums import Language
from familymeeting.domain.feedback import FEEDBACK_WORDING
from familymeeting.storage.services import Services

Run = Callable[..., CompletedProcess[str]]


def meeting_ids(data_dir: Path, family_id: str) -> list[str]:
    db = open_database(data_dir)
    try:
        services = Services(db)
        return [m.id for m in services.list_meetings(family_id)]  # newest first
    finally:
        db.close()


def test_the_plan_never_has_the_child_s_feedback_the_record_has_it(
    run: Run, demo: object, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo.data_dir, data_dir)  # type: ignore[attr-defined]
    today, before, _first = meeting_ids(data_dir, demo.family_id)  # type: ignore[attr-defined]
    for meeting_id in (today, before):
        out = tmp_path / f"plan-{meeting_id[:8]}.pdf"
        result = run("--data-dir", data_dir, "plan", meeting_id[:8], "-o", out)
        assert result.returncode == 0, result.stderr
        reader = PdfReader(io.BytesIO(out.read_bytes()))
        text = " ".join(page.extract_text() for page in reader.pages)
        text = " ".join(unicodedata.normalize("NFKC", text).split())
        assert "Noah" in text  # the plan names him: the search would find his feedback
        for wording in FEEDBACK_WORDING[Language.DA].values():
            assert wording.text not in text
        assert "feedback" not in text.lower()

        record = run("--data-dir", data_dir, "record", meeting_id[:8], "--text")
        assert record.returncode == 0, record.stderr
        assert "BARNETS FEEDBACK PÅ MØDET: NOAH" in record.stdout
        assert "- Lyttede rådgiveren til dig?" in record.stdout
