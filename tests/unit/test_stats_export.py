"""The pseudonymous statistics export (issue 20, docs/statistics.md), on a real database.

The rows are built from hand-made cases and checked against what the family page and
the timeline show; the file is read back with DuckDB: its columns are the allowlist,
and no string or number in it gives away a name, a word of the case, a birth year or
a date. Keys link one family across one team's exports and nothing across two teams.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from familymeeting.domain.defaults import DEFAULT_QUESTIONS, QUESTION_KINDS
from familymeeting.domain.enums import (
    Audience,
    CaseDateKind,
    Language,
    MeetingKind,
    MeetingStatus,
    Role,
)
from familymeeting.domain.errors import UserError
from familymeeting.domain.statistics import (
    COLUMN_NAMES,
    CUSTOM_QUESTION,
    Measure,
    RecordKind,
    keyed_hash,
)
from familymeeting.domain.stats_range import (
    last_whole_quarter,
    parse_quarter,
    quarter_days,
    quarters_between,
)
from familymeeting.domain.timeline import effective_dates, spans
from familymeeting.messages import user_message
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.operations import (
    AddQuestion,
    EditQuestion,
    ExportStatistics,
    SetTeamKey,
)
from familymeeting.storage.services import Services
from familymeeting.storage.services.case_dates import CaseDateChange
from familymeeting.storage.statistics import stat_rows
from familymeeting.storage.team_key import (
    fingerprint,
    new_team_key,
    read_team_key_file,
    team_key_json,
    write_team_key_file,
)

NOW = datetime(2026, 12, 5, 12, 0)
TEAM = bytes(range(32))
OTHER_TEAM = bytes(range(1, 33))


def _read(path: Path) -> list[dict[str, object]]:
    with duckdb.connect() as con:
        rel = con.sql(f"SELECT * FROM read_parquet('{path}')")
        names = rel.columns
        return [dict(zip(names, row, strict=True)) for row in rel.fetchall()]


def _columns(path: Path) -> list[str]:
    with duckdb.connect() as con:
        return [r[0] for r in con.sql(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()]


# ------------------------------------------------------------- question kinds
def test_a_new_meetings_questions_carry_their_kind_and_a_follow_up_copies_it(
    services: Services,
) -> None:
    family = services.create_family("Familien Kind", language="en")
    first = services.create_meeting(family.id, datetime(2026, 10, 1, 10))
    asked = services.list_questions(first.id)
    assert [q.kind for q in asked] == list(QUESTION_KINDS)
    assert [q.text for q in asked] == [t.text for t in DEFAULT_QUESTIONS[Language.EN]]
    services.run(AddQuestion(first.id, "How well do you sleep?"))
    home = asked[0]
    # Editing the wording keeps what the question is.
    services.run(EditQuestion(home.id, {"text": "How is home now?"}))
    follow = services.start_follow_up(first.id)
    kinds = {q.text: q.kind for q in services.list_questions(follow.id)}
    assert kinds["How is home now?"] == "home"
    assert kinds["How well do you sleep?"] == ""
    assert sorted(kinds.values()) == ["", "confidence", "home", "safety_scale"]


# ----------------------------------------------------------------- quarters
def test_quarters_are_whole_and_dates_round_out() -> None:
    assert parse_quarter("2026q4", option="--to") == "2026Q4"
    assert parse_quarter("2026-02-14", option="--from") == "2026Q1"
    assert quarter_days("2026Q1", "2026Q2") == (date(2026, 1, 1), date(2026, 6, 30))
    assert last_whole_quarter(date(2026, 12, 5)) == "2026Q3"
    assert last_whole_quarter(date(2027, 1, 1)) == "2026Q4"
    assert quarters_between("2025Q4", "2026Q2") == ["2025Q4", "2026Q1", "2026Q2"]
    with pytest.raises(UserError) as bad:
        parse_quarter("Q4", option="--to")
    assert bad.value.code == "stats_bad_quarter"
    assert "--to" in user_message(bad.value, "en") and "Q4" in user_message(bad.value, "da")
    with pytest.raises(UserError) as backwards:
        quarter_days("2026Q3", "2026Q1")
    assert backwards.value.code == "stats_range_backwards"


# ---------------------------------------------------------------- the rows
def _case(services: Services) -> dict[str, str]:
    """A family of two children (one with its own decision), a mother and the
    caseworker: two meetings held in 2026Q4, one planned, an unshared child answer,
    feedback, a plan handed out, and a custom question."""
    family = services.create_family("Familien Række")
    fid = family.id
    ida = services.add_participant(fid, "Ida", Role.CHILD, birth_year=2015).id
    bo = services.add_participant(fid, "Bo", Role.CHILD, birth_year=2009).id
    mor = services.add_participant(fid, "Mor", Role.PARENT).id
    sw = services.add_participant(fid, "Rådgiver", Role.CASEWORKER).id
    services.set_case_dates(
        fid,
        [
            CaseDateChange(CaseDateKind.CONCERN, date(2026, 8, 3)),
            CaseDateChange(CaseDateKind.DECISION, date(2026, 9, 14)),
            CaseDateChange(CaseDateKind.HELP_STARTED, date(2026, 10, 5)),
            CaseDateChange(CaseDateKind.DECISION, date(2026, 10, 1), bo),
        ],
        today=date(2026, 12, 5),
    )
    m1 = services.create_meeting(
        fid,
        datetime(2026, 10, 6, 10),
        kind=MeetingKind.FIRST,
        status=MeetingStatus.CLOSED,
        attendee_ids=[ida, bo, mor, sw],
    )
    home, safety, confidence = services.list_questions(m1.id)
    services.set_rating(home.id, ida, 3)
    services.set_rating(home.id, bo, 5)
    services.set_rating(safety.id, mor, 6)
    services.set_rating(safety.id, sw, None)  # asked, not answered
    services.set_rating(confidence.id, mor, 7)
    services.set_rating(confidence.id, ida, 2)
    custom = services.run(AddQuestion(m1.id, "Hvordan går det i skolen?"))
    del custom
    m2 = services.start_follow_up(m1.id)
    services.update_meeting(m2.id, starts_at=datetime(2026, 11, 17, 10), status="closed")
    home2 = services.list_questions(m2.id)[0]
    services.set_rating(home2.id, ida, 6)
    # Bo answered alone and kept it from the grown-ups: it stays out of the file.
    services.set_rating(home2.id, bo, 2, answered_alone=True, shared=False)
    services.set_child_feedback(m2.id, ida, "listened", 9)
    services.set_child_feedback(m2.id, ida, "liked_meeting", None)
    planned = services.create_meeting(
        fid, datetime(2027, 1, 12, 10), kind=MeetingKind.FOLLOW_UP, status="planned"
    )
    del planned
    services.keep_handout(m2.id, b"%PDF-1.4 plan", how="print", lang="da", content="{}")
    return {"family": fid, "ida": ida, "bo": bo, "mor": mor, "sw": sw, "m1": m1.id, "m2": m2.id}


def test_rows_of_a_hand_made_case(services: Services) -> None:
    ids = _case(services)
    rows = stat_rows(services, TEAM, date(2026, 7, 1), date(2026, 12, 31), NOW)
    fam = keyed_hash(TEAM, "family", ids["family"])
    assert {r.family for r in rows} == {fam}
    key = {keyed_hash(TEAM, "person", ids[n]): n for n in ("ida", "bo", "mor", "sw")}

    # Pace: the family's own dates, and each child's effective dates, as on the timeline.
    pace = {
        (key.get(r.person or ""), r.measure): (r.quarter, r.days)
        for r in rows
        if r.record == RecordKind.PACE
    }
    family_dates = {
        k: d
        for k, d in [
            (CaseDateKind.CONCERN, date(2026, 8, 3)),
            (CaseDateKind.DECISION, date(2026, 9, 14)),
            (CaseDateKind.HELP_STARTED, date(2026, 10, 5)),
        ]
    }
    bo_dates = effective_dates(family_dates, {CaseDateKind.DECISION: date(2026, 10, 1)})
    bo_spans = spans(bo_dates, date(2026, 12, 5))
    assert pace == {
        (None, Measure.CONCERN_TO_DECISION): ("2026Q3", 42),
        (None, Measure.DECISION_TO_HELP): ("2026Q4", 21),
        ("ida", Measure.CONCERN_TO_DECISION): ("2026Q3", 42),
        ("ida", Measure.DECISION_TO_HELP): ("2026Q4", 21),
        ("bo", Measure.CONCERN_TO_DECISION): ("2026Q4", bo_spans[0].days),
        ("bo", Measure.DECISION_TO_HELP): ("2026Q4", bo_spans[1].days),
    }
    assert bo_spans[0].days == 59 and bo_spans[1].days == 4

    # Activity: two meetings held (the planned one is not), one plan given.
    activity = [r for r in rows if r.record == RecordKind.ACTIVITY]
    assert [(r.quarter, r.meetings, r.plans) for r in activity] == [("2026Q4", 2, 1)]

    ratings = {
        (key[r.person or ""], r.question, r.meeting_seq): r
        for r in rows
        if r.record == RecordKind.RATING
    }
    assert ratings[("ida", "home", 1)].value == 3
    assert ratings[("ida", "home", 1)].age_band == "10-12"
    assert ratings[("bo", "home", 1)].age_band == "16-17"
    assert ratings[("mor", "safety_scale", 1)].value == 6
    assert ratings[("mor", "safety_scale", 1)].age_band == "adult"
    assert ratings[("sw", "safety_scale", 1)].value is None  # asked, not answered
    # The safety scale is the adults': no child row for it.
    assert ("ida", "safety_scale", 1) not in ratings
    # Everyone present was asked the "home" question; the mother did not answer.
    assert ratings[("mor", "home", 1)].value is None
    assert ratings[("ida", CUSTOM_QUESTION, 1)].value is None
    assert ratings[("ida", "home", 2)].value == 6
    assert ratings[("ida", "home", 2)].days_since_first == 42
    assert ratings[("ida", "home", 2)].meeting_seq == 2
    # Bo's unshared answer is not in the file, not even as "not answered".
    assert ("bo", "home", 2) not in ratings

    feedback = sorted(
        (r.question, r.value, r.meeting_seq) for r in rows if r.record == RecordKind.FEEDBACK
    )
    assert feedback == [("liked_meeting", None, 2), ("listened", 9, 2)]
    assert all(r.quarter == "2026Q4" for r in rows if r.record != RecordKind.PACE)


def test_a_range_takes_only_what_ended_or_was_held_in_it(services: Services) -> None:
    _case(services)
    q3 = stat_rows(services, TEAM, date(2026, 7, 1), date(2026, 9, 30), NOW)
    assert {(r.record, r.quarter) for r in q3} == {(RecordKind.PACE, "2026Q3")}
    assert len(q3) == 2  # the family's and Ida's concern -> decision (Bo's ended in Q4)


# ----------------------------------------------------------------- the file
def _export(services: Services, path: Path, first: str = "2026Q4", last: str = "2026Q4") -> int:
    done = services.run(ExportStatistics(path, first, last, via="test", now=NOW))
    assert done.path == str(path) and path.is_file()
    return done.export_number


def test_the_files_columns_are_the_allowlist(services: Services, tmp_path: Path) -> None:
    _case(services)
    services.run(SetTeamKey(TEAM))
    _export(services, tmp_path / "s.parquet")
    assert tuple(_columns(tmp_path / "s.parquet")) == COLUMN_NAMES
    rows = _read(tmp_path / "s.parquet")
    assert {r["schema_version"] for r in rows} == {1}
    assert {r["record"] for r in rows} == {"pace", "activity", "rating", "feedback"}


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w{4,}", text)}


def test_no_name_word_birth_year_or_date_of_the_demo_reaches_the_file(
    services: Services, tmp_path: Path
) -> None:
    today = date(2026, 11, 25)
    family = create_demo_family(services, today=today)
    services.run(SetTeamKey(TEAM))
    path = tmp_path / "demo.parquet"
    _export(services, path, "2026Q1", "2026Q4")
    # Everything typed about the family: names, cards, comments, assessments, actions,
    # questions and their anchors, Three Houses, notes, contact.
    secret_text = [
        family.display_name,
        family.notes,
        family.caseworker_name,
        family.caseworker_phone,
    ]
    years: set[int] = set()
    days: set[str] = set()
    for p in services.list_participants(family.id):
        secret_text.append(p.name)
        if p.birth_year:
            years.add(p.birth_year)
    for m in services.list_meetings(family.id):
        days.add(m.starts_at.date().isoformat())
        secret_text += [m.place, m.assessment, m.minutes, m.other_attendees, m.next_meeting_place]
        secret_text += [c.text for c in services.list_cards(m.id)]
        secret_text += [
            a.what + " " + a.who_text + " " + a.due_text for a in services.list_actions(m.id)
        ]
        for q in services.list_questions(m.id):
            secret_text += [q.text, q.low_anchor, q.high_anchor]
        secret_text += [r.comment for r in services.list_ratings(m.id)]
        secret_text += [h.text for h in services.list_house_items(m.id)]
    for d in services.list_case_dates(family.id):
        days.add(d.on_date.isoformat())
    words = set().union(*(_words(t) for t in secret_text))
    fixed = {"rating", "activity", "feedback", "pace", "child", "parent", "network", "adult"}
    fixed |= {"professional", "caseworker", "caregiver", "home", "safety_scale", "confidence"}
    fixed |= {"custom", "concern_to_decision", "decision_to_help", "unknown"}
    words -= fixed
    assert len(words) > 100 and years and days  # the demo says plenty

    rows = _read(path)
    assert rows
    strings = [v for r in rows for v in r.values() if isinstance(v, str)]
    numbers = [v for r in rows for v in r.values() if isinstance(v, int)]
    for value in strings:
        assert not (_words(value) & words), value
        assert not re.search(r"\d{4}-\d{2}-\d{2}", value), value
        assert not any(str(y) in value for y in years), value
        assert value not in {p.id for p in services.list_participants(family.id)}
        assert family.id not in value
    assert not years & set(numbers)
    # And the bytes of the file (Parquet's zstd pages decompressed by DuckDB above;
    # the raw file must not hold a name in its metadata either).
    raw = path.read_bytes()
    for name in ("Emma", "Noah", "Holm", "Mette"):
        assert name.encode() not in raw


def test_one_team_key_links_a_family_two_do_not(services: Services, tmp_path: Path) -> None:
    _case(services)
    services.run(SetTeamKey(TEAM))
    _export(services, tmp_path / "a.parquet")
    _export(services, tmp_path / "b.parquet")
    services.run(SetTeamKey(OTHER_TEAM))
    _export(services, tmp_path / "c.parquet")
    a, b, c = (
        {(r["family"], r["installation"]) for r in _read(tmp_path / f"{n}.parquet")} for n in "abc"
    )
    assert len(a) == 1 and a == b
    assert not ({f for f, _ in a} & {f for f, _ in c})
    assert not ({i for _, i in a} & {i for _, i in c})
    people = [{r["person"] for r in _read(tmp_path / f"{n}.parquet")} - {None} for n in "abc"]
    assert people[0] == people[1] and not people[0] & people[2]


def test_the_export_number_grows_and_a_quarter_can_be_exported_again(
    services: Services, tmp_path: Path
) -> None:
    _case(services)
    services.run(SetTeamKey(TEAM))
    assert services.team_key_state().exports == 0
    numbers = [_export(services, tmp_path / f"{n}.parquet") for n in range(3)]
    assert numbers == [1, 2, 3]
    assert services.team_key_state().exports == 3
    files = [_read(tmp_path / f"{n}.parquet") for n in range(3)]
    strip = [
        sorted(tuple(sorted((k, str(v)) for k, v in r.items() if k != "export_number")) for r in f)
        for f in files
    ]
    assert strip[0] == strip[1] == strip[2]  # the same quarter again: the same rows
    assert [{r["export_number"] for r in f} for f in files] == [{1}, {2}, {3}]
    log = [e for e in services.access_log(None) if e.event == "export_statistics"]
    assert len(log) == 3 and all(e.family_id is None for e in log)
    assert log[0].detail == "2026Q4-2026Q4 test"


def test_without_a_team_key_nothing_is_written(services: Services, tmp_path: Path) -> None:
    _case(services)
    with pytest.raises(UserError) as refused:
        services.run(ExportStatistics(tmp_path / "s.parquet", "2026Q4", "2026Q4", via="test"))
    assert refused.value.code == "stats_no_team_key"
    assert "team key" in user_message(refused.value, "en")
    assert "teamnøgle" in user_message(refused.value, "da")
    assert not (tmp_path / "s.parquet").exists()
    assert services.team_key_state() == services.team_key_state().__class__(None, 0)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_an_unwritable_folder_leaves_nothing_and_counts_nothing(
    services: Services, tmp_path: Path
) -> None:
    _case(services)
    services.run(SetTeamKey(TEAM))
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(UserError) as refused:
            services.run(ExportStatistics(folder / "s.parquet", "2026Q4", "2026Q4", via="test"))
    finally:
        folder.chmod(0o700)
    assert refused.value.code == "output_unwritable"
    assert list(folder.iterdir()) == []
    assert services.team_key_state().exports == 0


def test_a_failed_write_leaves_no_file_no_count_and_no_log(
    services: Services, tmp_path: Path
) -> None:
    """The file's folder is a file: the write fails after the rows were read."""
    _case(services)
    services.run(SetTeamKey(TEAM))
    before = services.access_log(None)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(UserError) as refused:
        services.run(ExportStatistics(blocker / "s.parquet", "2026Q4", "2026Q4", via="test"))
    assert refused.value.code == "output_unwritable"
    assert str(blocker / "s.parquet") in user_message(refused.value, "en")
    assert services.team_key_state().exports == 0
    assert services.access_log(None) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "not-a-folder"]
    assert blocker.read_text() == "x"


def test_a_full_disk_leaves_the_old_file_and_counts_nothing(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while the file is written (DuckDB's own IO error): the file written
    before stays as it was, no temp file is left, the counter is unchanged."""
    _case(services)
    services.run(SetTeamKey(TEAM))
    path = tmp_path / "s.parquet"
    _export(services, path)
    before = path.read_bytes()
    from familymeeting.storage import stats_file

    real = stats_file.os.replace

    def full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(stats_file.os, "replace", full)
    with pytest.raises(UserError) as refused:
        _export(services, path)
    monkeypatch.setattr(stats_file.os, "replace", real)
    assert refused.value.code == "disk_full"
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "data") == ["s.parquet"]
    assert services.team_key_state().exports == 1


# ------------------------------------------------------------- team key file
def test_a_team_key_file_round_trips_private_and_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "team.json"
    printed = write_team_key_file(path)
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}", printed)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = read_team_key_file(path)
    assert len(key) == 32 and fingerprint(key) == printed
    before = path.read_bytes()
    with pytest.raises(UserError) as exists:
        write_team_key_file(path)
    assert exists.value.code == "team_key_exists"
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["team.json"]  # no temp file left


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "team_key_invalid"),
        (b'{"format": "familymeeting-team-key", "version": 1, "key": "ab', "team_key_invalid"),
        (b'{"format": "familymeeting-case", "version": 4}', "team_key_invalid"),
        (b"\x89PNG\r\n\x1a\n", "team_key_invalid"),
        (b"[1, 2]", "team_key_invalid"),
        (team_key_json(bytes(32)).replace(b'"version": 1', b'"version": 9'), "team_key_version"),
        (team_key_json(bytes(32)).replace(b"00000000", b"0000000g", 1), "team_key_invalid"),
        (team_key_json(bytes(32)).replace(b"00000000", b"00000001", 1), "team_key_invalid"),
        (team_key_json(bytes(16)), "team_key_invalid"),
    ],
    ids=[
        "empty",
        "truncated",
        "case file",
        "png",
        "list",
        "version",
        "not hex",
        "fingerprint",
        "short",
    ],
)
def test_a_bad_team_key_file_is_refused_clearly(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "key.json"
    path.write_bytes(content)
    with pytest.raises(UserError) as refused:
        read_team_key_file(path)
    assert refused.value.code == code
    for lang in ("da", "en"):
        assert str(path) in user_message(refused.value, lang)


def test_settings_state_shows_the_fingerprint_never_the_key(services: Services) -> None:
    key = new_team_key()
    state = services.run(SetTeamKey(key))
    assert state.fingerprint == fingerprint(key)
    assert key.hex() not in repr(state)
    assert services.team_key_state().fingerprint == fingerprint(key)
    assert services.run(SetTeamKey(None)).fingerprint is None
    assert [e.detail for e in services.access_log(None) if e.event == "team_key"] == [
        "removed",
        "set",
    ]


def test_a_team_key_of_the_wrong_length_is_refused(services: Services) -> None:
    with pytest.raises(ValueError):
        services.run(SetTeamKey(b"short"))
    assert services.team_key_state().fingerprint is None


def test_the_statistics_secrets_stay_out_of_a_case_file(services: Services, tmp_path: Path) -> None:
    from familymeeting.storage.casefile import export_case

    ids = _case(services)
    key = new_team_key()
    services.run(SetTeamKey(key))
    secrets = services.statistics_secrets()
    export_case(services, ids["family"], tmp_path / "case.json")
    raw = (tmp_path / "case.json").read_bytes()
    assert key.hex().encode() not in raw
    assert secrets.installation_id.hex().encode() not in raw
    assert b"statistics" not in raw


def test_ratings_as_stored_match_the_audience_rules(services: Services) -> None:
    """A question for chosen people asks only them."""
    ids = _case(services)

    def custom_at_the_second() -> list[str | None]:
        rows = stat_rows(services, TEAM, date(2026, 10, 1), date(2026, 12, 31), NOW)
        return sorted(
            r.person for r in rows if r.question == CUSTOM_QUESTION and r.meeting_seq == 2
        )

    before = custom_at_the_second()
    assert len(before) == 4  # the first meeting's question, carried forward: everyone
    services.run(
        AddQuestion(ids["m2"], "Kun mor", audience=Audience.CHOSEN, chosen=frozenset({ids["mor"]}))
    )
    after = custom_at_the_second()
    mor = keyed_hash(TEAM, "person", ids["mor"])
    assert sorted([*before, mor]) == after


def test_a_handout_counts_in_the_caseworkers_own_day(services: Services) -> None:
    ids = _case(services)
    rows = stat_rows(services, TEAM, date(2026, 10, 1), date(2026, 12, 31), NOW)
    (activity,) = [r for r in rows if r.record == RecordKind.ACTIVITY]
    assert activity.plans == 1
    given = services.list_handouts(ids["family"])[0].handout.given_at
    assert given.tzinfo is UTC or given.utcoffset() is not None
