"""The team report's figures read with DuckDB (storage/team_report_data.py), checked
against figures worked out by hand over tests/team_stats_fixture.py."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from team_stats_fixture import Q3, Q4, STALE_DAYS, write_team_files

from familymeeting.domain.errors import UserError
from familymeeting.domain.statistics import SCHEMA_VERSION, AgeBand, Measure, RecordKind, StatRow
from familymeeting.domain.team_report import MovementRow, PaceRow, TeamReport
from familymeeting.messages import user_message
from familymeeting.storage.stats_file import create_table_sql, fill_table, write_stats_file
from familymeeting.storage.team_report_data import read_team_report


@pytest.fixture
def report(tmp_path: Path) -> TeamReport:
    return read_team_report(write_team_files(tmp_path), memory_limit="256MB", threads=1)


def _pace(report: TeamReport, quarter: str, measure: Measure) -> PaceRow:
    return next(r for r in report.pace if r.quarter == quarter and r.measure == measure)


def _movement(report: TeamReport, role: str, band: str) -> MovementRow:
    return next(
        r for r in report.movement if r.question == "home" and r.role == role and r.age_band == band
    )


def test_the_older_export_of_a_laptop_and_quarter_is_dropped(report: TeamReport) -> None:
    assert report.files == 3
    assert report.repeated_exports_dropped == 1
    assert report.quarters == (Q3, Q4)


def test_case_pace_has_quantile_cont_medians_and_quartiles(report: TeamReport) -> None:
    # 10 20 30 40 50 100: the stale 999s and the child's own 500 are not among them.
    c2d = _pace(report, Q3, Measure.CONCERN_TO_DECISION)
    assert c2d.cases == 6 and not c2d.suppressed
    assert c2d.mean == pytest.approx(250 / 6)
    assert c2d.median == pytest.approx(35.0)  # halfway between 30 and 40
    assert c2d.q1 == pytest.approx(22.5)  # position 1.25: 20 + 0.25 * 10
    assert c2d.q3 == pytest.approx(47.5)  # position 3.75: 40 + 0.75 * 10
    d2h = _pace(report, Q3, Measure.DECISION_TO_HELP)
    assert (d2h.cases, d2h.mean, d2h.median, d2h.q1, d2h.q3) == (5, 14.0, 14.0, 12.0, 16.0)
    assert [(r.quarter, r.measure) for r in report.pace] == [
        (Q3, Measure.CONCERN_TO_DECISION),
        (Q3, Measure.DECISION_TO_HELP),
        (Q4, Measure.CONCERN_TO_DECISION),
    ]


def test_a_quarter_of_four_families_is_suppressed(report: TeamReport) -> None:
    few = _pace(report, Q4, Measure.CONCERN_TO_DECISION)
    assert few.suppressed
    assert (few.mean, few.median, few.q1, few.q3) == (None, None, None, None)
    q4 = next(r for r in report.activity if r.quarter == Q4)
    assert q4.suppressed and q4.meetings_per_family is None and q4.plans_per_family is None


def test_ratings_move_from_first_to_latest_answer(report: TeamReport) -> None:
    children = _movement(report, "child", "6-9")
    # up: c1 c2 c5; down: c4; same: c3 (9 in between) and c6 (a "not answered" between).
    assert children.people == 6 and not children.suppressed
    assert children.up == pytest.approx(3 / 6)
    assert children.down == pytest.approx(1 / 6)
    assert children.same == pytest.approx(2 / 6)
    # Parents and caregivers are one group: up p1 p2 p5, same p3, down p4.
    parents = _movement(report, "parent", "adult")
    assert (parents.people, parents.up, parents.down, parents.same) == (5, 0.6, 0.2, 0.2)
    # Two network members and two children of 10-12: too few; c7 answered once only.
    for role, band in (("network", "adult"), ("child", "10-12")):
        few = _movement(report, role, band)
        assert few.suppressed and few.people == 2
        assert (few.up, few.down, few.same) == (None, None, None)
    assert [(r.role, r.age_band) for r in report.movement] == [
        ("child", "6-9"),
        ("child", "10-12"),
        ("parent", "adult"),
        ("network", "adult"),
    ]


def test_children_feedback_shares_count_each_childs_latest_answer(report: TeamReport) -> None:
    listened = next(r for r in report.feedback if r.quarter == Q4 and r.item == "listened")
    # Asked six; answered five (10 9 2 5 1; c1's earlier 4 is replaced by its 10).
    assert listened.children == 6 and not listened.suppressed
    assert listened.high == pytest.approx(2 / 5)
    assert listened.low == pytest.approx(2 / 5)
    # Three answers of six asked would tell what single children said.
    understood = next(r for r in report.feedback if r.quarter == Q4 and r.item == "understood")
    assert understood.suppressed and understood.high is None and understood.low is None
    early = next(r for r in report.feedback if r.quarter == Q3)
    assert early.suppressed and early.children == 4
    assert [(r.quarter, r.item) for r in report.feedback] == [
        (Q3, "listened"),
        (Q4, "listened"),
        (Q4, "understood"),
    ]


def test_meetings_and_plans_per_family(report: TeamReport) -> None:
    q3 = next(r for r in report.activity if r.quarter == Q3)
    assert q3.families == 6 and not q3.suppressed
    assert q3.meetings_per_family == pytest.approx(2.0)  # 1 2 3 1 2 3; the stale 9 dropped
    assert q3.plans_per_family == pytest.approx(4 / 6)


def test_globs_are_expanded(tmp_path: Path) -> None:
    write_team_files(tmp_path)
    report = read_team_report([str(tmp_path / "*.parquet")])
    assert report.files == 3
    assert _pace(report, Q3, Measure.CONCERN_TO_DECISION).median == pytest.approx(35.0)


def _refused(paths: list[Path | str]) -> UserError:
    with pytest.raises(UserError) as caught:
        read_team_report(paths)
    return caught.value


def test_a_foreign_parquet_file_is_refused_by_name(tmp_path: Path) -> None:
    good = write_team_files(tmp_path)
    foreign = tmp_path / "sales.parquet"
    with duckdb.connect() as con:
        con.execute(f"COPY (SELECT 1 AS id, 'x' AS name) TO '{foreign}' (FORMAT parquet)")
    error = _refused([*good, foreign])
    assert error.code == "stats_file_not_ours"
    assert user_message(error, "da") == (
        f"{foreign} er ikke en statistikfil fra familymeeting. Intet blev skrevet."
    )
    assert "is not a statistics file from familymeeting" in user_message(error, "en")


def test_a_file_with_our_names_but_other_types_is_refused(tmp_path: Path) -> None:
    odd = tmp_path / "odd.parquet"
    with duckdb.connect() as con:
        con.execute(create_table_sql())
        con.execute(f"COPY (SELECT * REPLACE (CAST(days AS DOUBLE) AS days) FROM stats) TO '{odd}'")
    assert _refused([odd]).code == "stats_file_not_ours"


def test_text_truncated_missing_and_newer_files_are_refused(tmp_path: Path) -> None:
    good = write_team_files(tmp_path)
    text = tmp_path / "renamed.parquet"
    text.write_text("schema_version,installation\n1,a\n", encoding="utf-8")
    assert _refused([text]).code == "stats_file_not_ours"
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(good[1].read_bytes()[:-100])
    assert _refused([good[0], cut]).params == {"path": str(cut)}
    assert _refused([cut]).code == "stats_file_damaged"
    missing = tmp_path / "nothing.parquet"
    assert _refused([missing]).code == "file_not_found"
    assert _refused([str(tmp_path / "none-*.parquet")]).code == "stats_no_match"
    newer = tmp_path / "newer.parquet"
    with duckdb.connect() as con:
        con.execute(create_table_sql())
        fill_table(con, [StatRow(Q3, RecordKind.ACTIVITY, "f1", meetings=1)], "i", 1)
        con.execute(f"UPDATE stats SET schema_version = {SCHEMA_VERSION + 1}")
        con.execute(f"COPY stats TO '{newer}' (FORMAT parquet)")
    error = _refused([newer])
    assert error.code == "stats_file_too_new"
    assert f"statistikversion {SCHEMA_VERSION + 1}" in user_message(error, "da")


def test_an_empty_file_gives_an_empty_report(tmp_path: Path) -> None:
    empty = tmp_path / "empty.parquet"
    write_stats_file(empty, [], "i", 1)
    report = read_team_report([empty])
    assert (report.files, report.quarters, report.pace, report.movement) == (1, (), (), ())


def test_no_figure_keeps_a_stale_number(report: TeamReport) -> None:
    numbers = [v for r in report.pace for v in (r.mean, r.median, r.q1, r.q3) if v is not None]
    assert numbers and max(numbers) < STALE_DAYS


def test_the_default_questions_come_in_the_order_a_meeting_asks_them(tmp_path: Path) -> None:
    rows = [
        StatRow(
            Q3,
            RecordKind.RATING,
            f"f{i}",
            person=f"p{i}",
            role="parent",
            age_band=AgeBand.ADULT,
            question=question,
            meeting_seq=seq,
            value=5 + seq,
        )
        for question in ("custom", "confidence", "home", "safety_scale")
        for i in range(5)
        for seq in (1, 2)
    ]
    path = tmp_path / "s.parquet"
    write_stats_file(path, rows, "i", 1)
    report = read_team_report([path])
    assert [r.question for r in report.movement] == ["home", "safety_scale", "confidence", "custom"]
    assert all(r.up == 1.0 for r in report.movement)


def test_questions_bands_roles_and_items_not_known_here_are_kept_as_written(
    tmp_path: Path,
) -> None:
    # A newer laptop may write a question key, age band or feedback item this program
    # does not know: the figures show them by their text, roles as "other".
    rows = [
        StatRow(
            Q3,
            RecordKind.RATING,
            f"f{i}",
            person=f"p{i}",
            role="grandparent",
            age_band="18-24",  # type: ignore[arg-type]
            question="wellbeing",
            meeting_seq=seq,
            value=5 - seq,
        )
        for i in range(5)
        for seq in (1, 2)
    ] + [
        StatRow(
            Q3,
            RecordKind.FEEDBACK,
            f"f{i}",
            person=f"c{i}",
            question="felt_safe",
            meeting_seq=1,
            value=10,
        )
        for i in range(5)
    ]
    path = tmp_path / "s.parquet"
    write_stats_file(path, rows, "i", 1)
    report = read_team_report([path])
    (movement,) = report.movement
    assert (movement.question, movement.role, movement.age_band) == ("wellbeing", "other", "18-24")
    assert (movement.people, movement.down) == (5, 1.0)
    (feedback,) = report.feedback
    assert (feedback.item, feedback.children, feedback.high) == ("felt_safe", 5, 1.0)


def test_one_file_of_other_types_among_many_good_ones_is_named(tmp_path: Path) -> None:
    good = write_team_files(tmp_path)
    copies = []
    for i in range(40):
        copy = tmp_path / f"copy-{i:02}.parquet"
        copy.write_bytes(good[i % len(good)].read_bytes())
        copies.append(copy)
    odd = tmp_path / "odd.parquet"
    with duckdb.connect() as con:
        con.execute(create_table_sql())
        fill_table(con, [StatRow(Q3, RecordKind.ACTIVITY, "f1", meetings=1)], "i", 1)
        con.execute(
            f"COPY (SELECT * REPLACE (CAST(value AS BIGINT) AS value) FROM stats) TO '{odd}'"
        )
    error = _refused([*copies[:20], odd, *copies[20:]])
    assert (error.code, error.params) == ("stats_file_not_ours", {"path": str(odd)})
