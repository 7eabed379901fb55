"""``familymeeting caseload [--this-week]``: the start screen's overview on the command line."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Protocol

from passwords import open_database

from familymeeting.domain.enums import CaseDateKind, MeetingStatus, Role
from familymeeting.storage import models
from familymeeting.storage.services import Services


class DemoData(Protocol):
    data_dir: Path
    family_id: str


def make_caseload(data_dir: Path) -> None:
    """Two families besides the demo: one meeting this week, one gone quiet and waiting."""
    today = date.today()
    now = datetime.now().replace(second=0, microsecond=0)
    monday = today - timedelta(days=today.weekday())
    db = open_database(data_dir)
    try:
        services = Services(db)
        soon = services.create_family("Familien Aabo")
        ida = services.add_participant(soon.id, "Ida", Role.CHILD)
        services.add_participant(soon.id, "Mads", Role.CHILD)
        services.create_meeting(soon.id, datetime.combine(monday + timedelta(days=6), now.time()))
        quiet = services.create_family("Familien Holm")
        services.add_participant(quiet.id, "Bo", Role.CHILD)
        old = services.create_meeting(
            quiet.id, now - timedelta(weeks=10), status=MeetingStatus.CLOSED
        )
        services.add_action(old.id, "Ringe til skolen", due_date=today - timedelta(days=20))
        with db.session() as s:
            for family_id, participant_id, kind, days_ago in (
                (soon.id, None, CaseDateKind.CONCERN, 40),
                (soon.id, None, CaseDateKind.SCREENING, 38),
                (soon.id, ida.id, CaseDateKind.CONCERN, 12),
                (quiet.id, None, CaseDateKind.CONCERN, 90),
            ):
                s.add(
                    models.CaseDate(
                        family_id=family_id,
                        participant_id=participant_id,
                        kind=kind,
                        on_date=today - timedelta(days=days_ago),
                    )
                )
    finally:
        db.close()


def test_caseload_prints_every_active_family(run, demo: DemoData, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(demo.data_dir, data)
    make_caseload(data)
    before = db_state_of(data)

    out = run("--data-dir", data, "caseload", env={"FAMILYMEETING_LANG": "da"})
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split() == [
        "Familie",
        "Siden",
        "bekymring",
        "Til",
        "beslutning",
        "Næste",
        "møde",
        "Overskredet",
        "Retning",
        "Uger",
        "siden",
        "møde",
    ]
    at = next(i for i, line in enumerate(lines) if line.startswith("Familien Aabo"))
    aabo, ida, mads = lines[at : at + 3]
    # The family's line is its longest-running child: Mads, with the family's concern.
    assert "40 dage" in aabo and "venter 40 dage" in aabo
    assert "(denne uge)" in aabo
    assert "Ida –, Mads –" in aabo  # no answers to compare yet
    # The children's dates differ, so each has a line: Ida's own concern (12 days) counts.
    assert ida.split() == ["Ida", "12", "dage", "venter", "12", "dage"]
    assert mads.split() == ["Mads", "40", "dage", "venter", "40", "dage"]
    holm = next(line for line in lines if line.startswith("Familien Holm"))
    assert "90 dage" in holm and "venter 90 dage" in holm
    assert holm.rstrip().endswith("10 (!)")
    assert "  1  " in holm  # the overdue action
    assert any("op" in line for line in lines if "Emma" in line)  # the demo children
    assert lines[-1] == "(!) intet møde i de seneste 6 uger"
    # Reading changes nothing.
    assert db_state_of(data) == before

    week = run("--data-dir", data, "caseload", "--this-week", env={"FAMILYMEETING_LANG": "en"})
    assert week.returncode == 0, week.stderr
    assert week.stdout.splitlines()[0].startswith("Family")
    names = [line.split("  ")[0] for line in week.stdout.splitlines()[1:] if line.strip()]
    assert "Familien Aabo" in names
    assert "Familien Holm" not in names


def test_no_families_and_no_meetings_this_week(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    made = run("--data-dir", data, "caseload", "--create", env={"FAMILYMEETING_LANG": "en"})
    assert made.returncode == 0, made.stderr
    assert made.stdout.strip() == "No active families. Try 'familymeeting demo'."
    week = run("--data-dir", data, "caseload", "--this-week", env={"FAMILYMEETING_LANG": "da"})
    assert week.returncode == 0, week.stderr
    assert week.stdout.strip() == "Ingen møder i denne uge."


def db_state_of(data_dir: Path) -> str:
    """The rows of the (encrypted) database, as a digest."""
    db = open_database(data_dir)
    try:
        return db_state_rows(db)
    finally:
        db.close()


def db_state_rows(db: object) -> str:
    import hashlib

    engine = db.engine  # type: ignore[attr-defined]
    h = hashlib.sha256()
    with engine.connect() as conn:
        tables = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'access_log' "
                "ORDER BY name"
            )
        ]
        for table in tables:
            for row in conn.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY 1'):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()
