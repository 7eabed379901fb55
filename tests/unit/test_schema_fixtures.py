"""Every released schema opens and upgrades, data intact (one fixture per release).

tests/fixtures/schema-v1.db holds the demo family as schema version 1 stored it
(made with the demo's fixed date 2026-11-25). Add a fixture for each new released
schema version; never change an old one.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from familymeeting.storage import models
from familymeeting.storage.database import Database
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-v*.db")), ids=lambda p: p.stem)
def test_an_old_database_opens_upgrades_and_keeps_its_data(fixture: Path, data_dir: Path) -> None:
    shutil.copy(fixture, data_dir / DB_FILENAME)
    con = sqlite3.connect(data_dir / DB_FILENAME)
    found = con.execute("PRAGMA user_version").fetchone()[0]
    before = {
        table: con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    con.close()
    assert found < models.SCHEMA_VERSION or fixture.stem == f"schema-v{models.SCHEMA_VERSION}"
    db = Database.open(data_dir)
    services = Services(db)
    assert db.schema_version() == models.SCHEMA_VERSION
    families = services.list_families()
    assert [f.display_name for f in families] == ["Familien Holm (demo)"]
    meetings = services.list_meetings(families[0].id)
    assert len(meetings) == 3
    assert sum(len(services.list_cards(m.id)) for m in meetings) == before["card"]
    assert sum(len(services.list_ratings(m.id)) for m in meetings) == before["rating"]
    # The upgraded database takes new writes, including the access log.
    services.log_event("open_family", family_id=families[0].id)
    assert len(services.access_log(families[0].id)) == 1
    db.close()
