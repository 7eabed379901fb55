"""The schema ladder: MIGRATIONS[n] upgrades a database at user_version n to n + 1.

Each step runs inside the one transaction that opens the database (SQLite's DDL
is transactional), so a failed step leaves the file at its old version.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import Connection

Migration = Callable[[Connection], None]


def v1_to_v2(conn: Connection) -> None:
    """Version 2 adds the access log (who opened, exported, deleted what; ids only).

    Released as it is, so never changed: its ``DEFAULT ''`` on ``detail`` is not in
    the model (a database created at version 2 has none); v2_to_v3 evens that out.
    """
    conn.exec_driver_sql(
        """
        CREATE TABLE access_log (
            id VARCHAR NOT NULL PRIMARY KEY,
            at DATETIME NOT NULL,
            event VARCHAR NOT NULL,
            family_id VARCHAR,
            meeting_id VARCHAR,
            detail VARCHAR NOT NULL DEFAULT ''
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX ix_access_log_at ON access_log (at)")
    conn.exec_driver_sql("CREATE INDEX ix_access_log_family_id ON access_log (family_id)")


def v2_to_v3(conn: Connection) -> None:
    """Version 3 gives every file the access log a fresh database has.

    Files at version 2 came in two shapes: created at version 2 (from the model) or
    upgraded by v1_to_v2 (with a default on ``detail``). SQLite cannot drop a default
    in place, so the table is rebuilt in the model's shape, whichever shape it had:
    SQLite's recipe for other schema changes (new table, copy, drop, rename, indexes).
    No table refers to ``access_log``, so foreign keys are not involved. Every row
    keeps its rowid, which orders entries made within the same millisecond.
    """
    conn.exec_driver_sql(
        """
        CREATE TABLE access_log_v3 (
            id VARCHAR NOT NULL,
            at DATETIME NOT NULL,
            event VARCHAR NOT NULL,
            family_id VARCHAR,
            meeting_id VARCHAR,
            detail VARCHAR NOT NULL,
            PRIMARY KEY (id)
        )
        """
    )
    conn.exec_driver_sql(
        "INSERT INTO access_log_v3 (rowid, id, at, event, family_id, meeting_id, detail) "
        "SELECT rowid, id, at, event, family_id, meeting_id, detail FROM access_log"
    )
    conn.exec_driver_sql("DROP TABLE access_log")
    conn.exec_driver_sql("ALTER TABLE access_log_v3 RENAME TO access_log")
    conn.exec_driver_sql("CREATE INDEX ix_access_log_at ON access_log (at)")
    conn.exec_driver_sql("CREATE INDEX ix_access_log_family_id ON access_log (family_id)")


def v3_to_v4(conn: Connection) -> None:
    """Version 4 links a plan line to the card it was made from (``action.card_id``).

    A nullable column with a foreign key and no default: SQLite adds it in place, at
    the end of the table (where the model declares it too); existing lines have none.
    """
    conn.exec_driver_sql(
        "ALTER TABLE action ADD COLUMN card_id VARCHAR REFERENCES card (id) ON DELETE SET NULL"
    )
    conn.exec_driver_sql("CREATE INDEX ix_action_card_id ON action (card_id)")


def v4_to_v5(conn: Connection) -> None:
    """Version 5: the caseworker's record, the case's key dates, the plans handed out.

    - ``meeting`` gets ``assessment``, ``minutes`` and ``other_attendees`` (text, NOT
      NULL with the default '' the models declare), added in place at the end.
    - ``case_date``: a key date of the case per child (or the whole family).
    - ``plan_document`` (a plan PDF stored once by its SHA-256) and ``plan_handout``
      (each time a plan was printed or saved for the family).
    """
    for column in ("assessment", "minutes", "other_attendees"):
        conn.exec_driver_sql(f"ALTER TABLE meeting ADD COLUMN {column} VARCHAR DEFAULT '' NOT NULL")
    conn.exec_driver_sql(
        """
        CREATE TABLE case_date (
            id VARCHAR NOT NULL,
            family_id VARCHAR NOT NULL,
            participant_id VARCHAR,
            kind VARCHAR NOT NULL,
            on_date DATE NOT NULL,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            PRIMARY KEY (id),
            CONSTRAINT ck_case_date_kind CHECK
                (kind IN ('concern', 'screening', 'decision', 'help_started', 'closed')),
            FOREIGN KEY(family_id) REFERENCES family (id) ON DELETE CASCADE,
            FOREIGN KEY(participant_id) REFERENCES participant (id) ON DELETE CASCADE
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX ix_case_date_family_id ON case_date (family_id)")
    conn.exec_driver_sql("CREATE INDEX ix_case_date_participant_id ON case_date (participant_id)")
    conn.exec_driver_sql(
        """
        CREATE TABLE plan_document (
            sha256 VARCHAR NOT NULL,
            pdf BLOB NOT NULL,
            created_at DATETIME NOT NULL,
            PRIMARY KEY (sha256)
        )
        """
    )
    conn.exec_driver_sql(
        """
        CREATE TABLE plan_handout (
            id VARCHAR NOT NULL,
            family_id VARCHAR NOT NULL,
            meeting_id VARCHAR,
            sha256 VARCHAR NOT NULL,
            given_at DATETIME NOT NULL,
            how VARCHAR NOT NULL,
            language VARCHAR NOT NULL,
            content VARCHAR NOT NULL,
            created_at DATETIME NOT NULL,
            PRIMARY KEY (id),
            FOREIGN KEY(family_id) REFERENCES family (id) ON DELETE CASCADE,
            FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE SET NULL,
            FOREIGN KEY(sha256) REFERENCES plan_document (sha256) ON DELETE RESTRICT
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX ix_plan_handout_family_id ON plan_handout (family_id)")
    conn.exec_driver_sql("CREATE INDEX ix_plan_handout_sha256 ON plan_handout (sha256)")
    conn.exec_driver_sql("CREATE INDEX ix_plan_handout_meeting_id ON plan_handout (meeting_id)")


def v5_to_v6(conn: Connection) -> None:
    """Version 6: the child's voice.

    - ``question.audience`` (who answers it; a question for children becomes
      'children', every other 'everyone'; ``for_children`` is dropped) and
      ``question_audience`` (the chosen people).
    - ``rating.answered_alone`` and ``rating.shared`` (a child's answer in child mode,
      and whether the grown-ups may see it).
    - ``participant.language`` (a child's own papers) and ``participant.own_plan``.
    - ``child_feedback`` (a child's feedback on a meeting) and ``house_item`` (Three
      Houses: typed sentences and drawings, each shared or not).
    """
    conn.exec_driver_sql(
        "ALTER TABLE question ADD COLUMN audience VARCHAR DEFAULT 'everyone' NOT NULL"
    )
    conn.exec_driver_sql("UPDATE question SET audience = 'children' WHERE for_children")
    # The audience replaces the flag: one truth about who answers a question.
    conn.exec_driver_sql("ALTER TABLE question DROP COLUMN for_children")
    conn.exec_driver_sql(
        "ALTER TABLE rating ADD COLUMN answered_alone BOOLEAN DEFAULT '0' NOT NULL"
    )
    conn.exec_driver_sql("ALTER TABLE rating ADD COLUMN shared BOOLEAN DEFAULT '1' NOT NULL")
    conn.exec_driver_sql("ALTER TABLE participant ADD COLUMN language VARCHAR DEFAULT '' NOT NULL")
    conn.exec_driver_sql("ALTER TABLE participant ADD COLUMN own_plan BOOLEAN")
    conn.exec_driver_sql(
        """
        CREATE TABLE question_audience (
            question_id VARCHAR NOT NULL,
            participant_id VARCHAR NOT NULL,
            PRIMARY KEY (question_id, participant_id),
            FOREIGN KEY(question_id) REFERENCES question (id) ON DELETE CASCADE,
            FOREIGN KEY(participant_id) REFERENCES participant (id) ON DELETE CASCADE
        )
        """
    )
    conn.exec_driver_sql(
        "CREATE INDEX ix_question_audience_participant_id ON question_audience (participant_id)"
    )
    conn.exec_driver_sql(
        """
        CREATE TABLE child_feedback (
            id VARCHAR NOT NULL,
            meeting_id VARCHAR NOT NULL,
            participant_id VARCHAR NOT NULL,
            item VARCHAR NOT NULL,
            value INTEGER,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            PRIMARY KEY (id),
            CONSTRAINT ck_child_feedback_value CHECK (value IS NULL OR (value BETWEEN 1 AND 10)),
            CONSTRAINT uq_child_feedback_meeting_child_item
                UNIQUE (meeting_id, participant_id, item),
            FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
            FOREIGN KEY(participant_id) REFERENCES participant (id) ON DELETE CASCADE
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX ix_child_feedback_meeting_id ON child_feedback (meeting_id)")
    conn.exec_driver_sql(
        "CREATE INDEX ix_child_feedback_participant_id ON child_feedback (participant_id)"
    )
    conn.exec_driver_sql(
        """
        CREATE TABLE house_item (
            id VARCHAR NOT NULL,
            meeting_id VARCHAR NOT NULL,
            participant_id VARCHAR NOT NULL,
            house VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            strokes VARCHAR NOT NULL,
            shared BOOLEAN NOT NULL,
            card_id VARCHAR,
            position INTEGER NOT NULL,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL,
            PRIMARY KEY (id),
            CONSTRAINT ck_house_item_house CHECK (house IN ('worries', 'good_things', 'dreams')),
            CONSTRAINT ck_house_item_kind CHECK (kind IN ('text', 'drawing')),
            FOREIGN KEY(meeting_id) REFERENCES meeting (id) ON DELETE CASCADE,
            FOREIGN KEY(participant_id) REFERENCES participant (id) ON DELETE CASCADE,
            FOREIGN KEY(card_id) REFERENCES card (id) ON DELETE SET NULL
        )
        """
    )
    conn.exec_driver_sql("CREATE INDEX ix_house_item_meeting_id ON house_item (meeting_id)")
    conn.exec_driver_sql("CREATE INDEX ix_house_item_participant_id ON house_item (participant_id)")
    conn.exec_driver_sql("CREATE INDEX ix_house_item_card_id ON house_item (card_id)")


# The default questions' wordings when version 7 was released, in every language, by
# key: v6_to_v7 gives a question its kind by these (frozen here, like the SQL: a later
# change of wording in domain/defaults.py must not change what this step does).
_V7_DEFAULT_WORDINGS: dict[str, tuple[str, ...]] = {
    "home": (
        "Hvor godt er det at være dig derhjemme lige nu?",
        "How good is it to be you at home right now?",
    ),
    "safety_scale": (
        "På en skala fra 1 til 10, hvor 10 betyder, at alle er sikre på, at børnene er "
        "trygge og har det godt nok til, at vi kan lukke sagen, og 1 betyder, at det står "
        "så slemt til, at børnene ikke kan blive boende hjemme — hvor er vi i dag?",
        "On a scale from 1 to 10, where 10 means everyone is sure the children are safe "
        "and well enough that we can close the case, and 1 means things are so bad the "
        "children cannot stay at home — where are we today?",
    ),
    "confidence": (
        "Hvor sikker er du på, at vores plan kan lykkes?",
        "How sure are you that our plan will work?",
    ),
}


def _v7_kind(text: str) -> str:
    wording = " ".join(text.split())
    for kind, texts in _V7_DEFAULT_WORDINGS.items():
        if wording in texts:
            return kind
    return ""


def v6_to_v7(conn: Connection) -> None:
    """Version 7: pseudonymous statistics (docs/statistics.md).

    - ``question.kind``: the default question's key, '' for a custom one. Set from the
      question's wording, else from the wording its series was first asked with (a
      default whose words were edited later is still that default), in any language.
    - ``statistics_key``: this installation's id, the team key and the export counter
      (one row, made when first needed).
    """
    conn.exec_driver_sql("ALTER TABLE question ADD COLUMN kind VARCHAR DEFAULT '' NOT NULL")
    rows = conn.exec_driver_sql(
        "SELECT q.id, q.series_id, q.text FROM question q "
        "JOIN meeting m ON m.id = q.meeting_id "
        "ORDER BY m.starts_at, m.created_at, q.position"
    ).all()
    first_text: dict[str, str] = {}
    for _qid, series_id, text in rows:
        first_text.setdefault(series_id, text)
    for qid, series_id, text in rows:
        kind = _v7_kind(text) or _v7_kind(first_text[series_id])
        if kind:
            conn.exec_driver_sql("UPDATE question SET kind = ? WHERE id = ?", (kind, qid))
    conn.exec_driver_sql(
        """
        CREATE TABLE statistics_key (
            id INTEGER NOT NULL,
            installation_id BLOB NOT NULL,
            team_key BLOB,
            exports INTEGER NOT NULL,
            PRIMARY KEY (id),
            CONSTRAINT ck_statistics_key_single CHECK (id = 1)
        )
        """
    )


# A step's SQL is written out, never generated from the models: a released step must
# do the same thing for ever. tests/unit/test_schema_fixtures.py checks that the ladder
# ends at the models' schema, column by column.
MIGRATIONS: dict[int, Migration] = {
    1: v1_to_v2,
    2: v2_to_v3,
    3: v3_to_v4,
    4: v4_to_v5,
    5: v5_to_v6,
    6: v6_to_v7,
}
