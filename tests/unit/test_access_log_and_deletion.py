"""The access log (ids, never case text) and deleting a family for good."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from familymeeting.domain.enums import Role
from familymeeting.domain.errors import ValidationError
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

SECRETS = ("Zyxwvu-familien", "Xanthippe-Mor", "Qwerty-bekymring-987", "Plovmand-aftale-123")


def all_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in data_dir.rglob("*") if p.is_file())


def seed(services: Services) -> str:
    family = services.create_family(SECRETS[0], notes="noter om " + SECRETS[0])
    mor = services.add_participant(family.id, SECRETS[1], Role.PARENT)
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 10), place="Hjemme")
    for i in range(30):  # enough rows to fill several pages
        services.add_card(meeting.id, "worries", f"{SECRETS[2]} nummer {i}", whose_words_id=mor.id)
    services.add_action(meeting.id, SECRETS[3], who_participant_id=mor.id)
    return family.id


def test_events_are_logged_per_family_newest_first(services: Services) -> None:
    a = services.create_family("A")
    b = services.create_family("B")
    services.log_event("open_family", family_id=a.id)
    services.log_event("export_case", family_id=b.id, detail="case file")
    services.log_event("plan_pdf", family_id=a.id)
    assert [e.event for e in services.access_log(a.id)] == ["plan_pdf", "open_family"]
    assert next(e.event for e in services.access_log()) == "plan_pdf"
    assert services.access_log(b.id)[0].detail == "case file"
    with pytest.raises(ValidationError):
        services.log_event("looked_around", family_id=a.id)


def test_old_entries_are_pruned(services: Services, data_dir: Path) -> None:
    family = services.create_family("A")
    services.log_event("open_family", family_id=family.id)
    services.log_event("plan_pdf", family_id=family.id)
    con = sqlite3.connect(data_dir / DB_FILENAME)
    con.execute(
        "UPDATE access_log SET at = '2020-01-01 00:00:00.000000' WHERE event = 'open_family'"
    )
    con.commit()
    con.close()
    assert services.prune_access_log(keep_days=183) == 1
    assert [e.event for e in services.access_log(family.id)] == ["plan_pdf"]


def test_a_deleted_family_leaves_no_trace_in_any_file(services: Services, data_dir: Path) -> None:
    keep = services.create_family("Familien Bliver")
    keep_meeting = services.create_meeting(keep.id, datetime(2026, 12, 2, 9))
    services.add_card(keep_meeting.id, "working_well", "Mormor hjælper")
    family_id = seed(services)
    services.compact()  # everything in the main file, as after a normal day
    assert SECRETS[2].encode() in all_bytes(data_dir)
    services.delete_family_permanently(family_id)
    everything = all_bytes(data_dir)
    for secret in SECRETS:
        assert secret.encode("utf-8") not in everything, secret
    assert [f.display_name for f in services.list_families()] == ["Familien Bliver"]
    assert [c.text for c in services.list_cards(keep_meeting.id)] == ["Mormor hjælper"]
    log = services.access_log(family_id)
    assert [e.event for e in log] == ["delete_family"]
    con = sqlite3.connect(data_dir / DB_FILENAME)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
