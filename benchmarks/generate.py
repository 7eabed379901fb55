"""A municipal-scale encrypted data dir for the benchmarks: seeded, so always the same.

Run from a checkout with the package installed::

    python benchmarks/generate.py                 # 2,000 families ... 400,000 cards
    python benchmarks/generate.py --scale 0.01    # a quick one (20 families)

At ``--scale 1`` it holds 2,000 families, 20,000 meetings, 400,000 cards, 200,000
ratings and 60,000 actions (the numbers of the "Ship it and measure it" issue), with
participants, attendees, three questions per meeting (one series per family, so the
progress chart has something to follow) and follow-up links. Two meetings of the
first family are fixed for the figures: one with 200 cards (board open) and one with
150 cards and 60 actions (plan export).

Keys and the empty encrypted database come from ``open_unlocked`` like a first start;
the rows are then written with SQLAlchemy core ``insert()`` in large transactions on
the same tables (the services write one transaction per call, far too slow for
400,000 cards), respecting every constraint the services keep: UUID text ids, card
kinds that fit their column, positions contiguous per meeting and column, ratings
1-10 or NULL, participants of the meeting's own family.

The data dir is cached: ``--out`` (default ``/tmp/familymeeting-bench/municipal-<scale>
-seed<seed>``) is reused if its ``bench.json`` says the same seed, scale and version.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, insert

from familymeeting.domain.defaults import default_questions
from familymeeting.domain.enums import (
    CARD_KINDS_BY_COLUMN,
    CardKind,
    Column,
    MeetingKind,
    MeetingStatus,
    Role,
)
from familymeeting.domain.rules import CARD_TEXT_MAX
from familymeeting.storage import models
from familymeeting.storage.database import check_file
from familymeeting.storage.paths import DB_FILENAME
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import acknowledge_recovery_code, open_unlocked

PASSWORD = "Benchmark-Havregrød-7319"
GENERATOR_VERSION = 2  # 2: the first start acknowledged (1 left data that vanished)
DEFAULT_SEED = 20261125
FULL = {
    "families": 2_000,
    "meetings": 20_000,
    "cards": 400_000,
    "ratings": 200_000,
    "actions": 60_000,
}
BOARD_CARDS = 200  # the meeting the board-open figure opens
PLAN_CARDS, PLAN_ACTIONS = 150, 60  # the meeting the plan figure exports
FLUSH_ROWS = 50_000  # rows buffered before one transaction writes them

SURNAMES = (  # noqa: SIM905 - word lists read best as text
    "Nielsen Jensen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen "
    "Jørgensen Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen "
    "Møller Mortensen Knudsen Jakobsen Mikkelsen Olesen Frederiksen Laursen Henriksen "
    "Lund Schmidt Eriksen Holm Kristiansen Clausen Simonsen Svendsen Andreasen Iversen "
    "Østergaard Jeppesen Vestergaard Nissen Lauridsen Kjær Jespersen Mogensen Skov "
    "Nørgaard Bertelsen Dam Søndergaard Ahmed Hussein Yilmaz Ali Nguyen Kowalski"
).split()
GIVEN_CHILD = (  # noqa: SIM905 - word lists read best as text
    "Emma Ida Clara Freja Alma Ella Sofia Karla Agnes Josefine Noah Oscar William Lucas "
    "Carl Alfred Malthe Emil Aksel Valdemar Ahmad Yasmin Leyla Omar Mila Sigurd Asta"
).split()
GIVEN_ADULT = (  # noqa: SIM905 - word lists read best as text
    "Mette Anne Kirsten Hanne Susanne Lene Marianne Camilla Louise Maria Jens Peter "
    "Michael Lars Thomas Henrik Søren Martin Jesper Jonas Rasmus Morten Fatima Hassan"
).split()
CASEWORKERS = (
    "Lise Dahl",
    "Bente Krogh",
    "Anders Winther",
    "Pernille Bach",
    "Karim Nasser",
    "Tove Lindberg",
    "Mads Juul",
    "Signe Fog",
)
PLACES = ("Køkkenet", "Familiens hjem", "Rådhuset, mødelokale 2", "Skolen", "Familiehuset")
WORDS = (  # noqa: SIM905 - word lists read best as text
    "mor far barnet skolen hjemmet aftale bekymret tryg glad vred træt morgen aften "
    "weekend lektier venner fodbold madpakke sengetid lærer pædagog mormor morfar "
    "naboen kommunen psykolog lægen tandlægen samvær hverdag ro uro råb drikker "
    "alkohol penge husleje arbejde ledig rengøring tøj bad søvn mareridt spiser "
    "sammen taler lytter hjælper henter bringer ringer husker glemmer prøver "
    "lover holder støtte netværk plan mål næste skridt sikkerhed fare skade "
    "hver dag i går i dag i morgen altid aldrig nogle gange ofte sjældent meget "
    "lidt bedre værre stadig igen og men fordi når hvis så at det der er var "
    "har havde vil skal kan må ikke også kun med uden til fra hos på i om"
).split()
ACTION_VERBS = ("Ringe til", "Aftale møde med", "Skrive til", "Følge op hos", "Besøge")
ACTION_WHOM = ("skolen", "lægen", "mormor", "psykologen", "SFO", "klubben", "børnehaven")


@dataclass
class Manifest:
    """What ``bench.json`` records beside the data dir: how to reuse and what to open."""

    version: int
    seed: int
    scale: float
    password: str
    counts: dict[str, int]
    board_meeting_id: str
    plan_meeting_id: str
    largest_family_id: str
    seconds: float
    db_bytes: int

    @property
    def db_mib(self) -> float:
        return self.db_bytes / 2**20


def default_out(scale: float, seed: int) -> Path:
    return Path("/tmp/familymeeting-bench") / f"municipal-{scale:g}-seed{seed}"


def targets(scale: float) -> dict[str, int]:
    counts = {name: max(1, round(n * scale)) for name, n in FULL.items()}
    counts["meetings"] = max(counts["meetings"], counts["families"], 2)
    counts["cards"] = max(counts["cards"], BOARD_CARDS + PLAN_CARDS)
    counts["actions"] = max(counts["actions"], PLAN_ACTIONS)
    return counts


def split(total: int, lo: list[int], hi: list[int], rng: random.Random) -> list[int]:
    """``len(lo)`` counts, each within its bounds, summing to ``total`` (random, seeded)."""
    if not sum(lo) <= total <= sum(hi):
        raise ValueError(f"cannot split {total} within bounds {sum(lo)}..{sum(hi)}")
    counts = [rng.randint(a, b) for a, b in zip(lo, hi, strict=True)]
    diff = total - sum(counts)
    n = len(counts)
    while diff:
        i = rng.randrange(n)
        if diff > 0 and counts[i] < hi[i]:
            step = min(diff, hi[i] - counts[i], 1 + diff // n)
            counts[i] += step
            diff -= step
        elif diff < 0 and counts[i] > lo[i]:
            step = min(-diff, counts[i] - lo[i], 1 + -diff // n)
            counts[i] -= step
            diff += step
    return counts


def around(
    total: int, n: int, rng: random.Random, fixed: dict[int, int] | None = None
) -> list[int]:
    """``n`` counts around the mean (0 to twice it), summing to ``total``; some fixed."""
    fixed = fixed or {}
    rest = total - sum(fixed.values())
    free = n - len(fixed)
    mean = rest / max(free, 1)
    lo = [fixed.get(i, 0) for i in range(n)]
    hi = [fixed.get(i, max(1, round(2 * mean))) for i in range(n)]
    return split(total, lo, hi, rng)


class Writer:
    """Buffers rows per table and writes them in dependency order, one transaction a flush."""

    ORDER = (
        models.Family,
        models.Participant,
        models.Meeting,
        models.MeetingAttendee,
        models.Question,
        models.Card,
        models.Rating,
        models.Action,
    )

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.rows: dict[str, list[dict[str, Any]]] = {m.__tablename__: [] for m in self.ORDER}
        self.pending = 0

    def add(self, model: Any, row: dict[str, Any]) -> None:
        self.rows[model.__tablename__].append(row)
        self.pending += 1
        if self.pending >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        with self.engine.begin() as conn:
            for model in self.ORDER:
                rows = self.rows[model.__tablename__]
                if rows:
                    table: Table = model.__table__
                    conn.execute(insert(table), rows)
                    rows.clear()
        self.pending = 0


class Generator:
    def __init__(
        self,
        seed: int,
        counts: dict[str, int],
        base: datetime = datetime(2020, 1, 6, 9, 0),
        start_days: int = 5 * 365,
    ) -> None:
        self.rng = random.Random(seed)
        self.counts = counts
        self.base = base
        self.start_days = start_days  # families' first meetings spread over these days

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def text(self, low: int, high: int) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(low, high))
        return (" ".join(words).capitalize() + ".")[:CARD_TEXT_MAX]

    def stamp(self, when: datetime) -> datetime:
        return (when + timedelta(minutes=self.rng.randint(0, 120))).replace(tzinfo=UTC)

    def run(self, writer: Writer) -> tuple[str, str]:
        rng, c = self.rng, self.counts
        n_fam, n_meet = c["families"], c["meetings"]
        meetings_per_family = split(
            n_meet,
            [1] * n_fam,
            [max(2, round(2 * n_meet / n_fam))] * n_fam,
            rng,
        )
        if meetings_per_family[0] < 2:  # the first family holds both fixed meetings
            j = next(i for i, m in enumerate(meetings_per_family) if m > 2)
            meetings_per_family[j] -= 1
            meetings_per_family[0] += 1
        cards = around(c["cards"], n_meet, rng, {0: BOARD_CARDS, 1: PLAN_CARDS})
        actions = around(c["actions"], n_meet, rng, {1: PLAN_ACTIONS})
        people = [rng.randint(4, 7) for _ in range(n_fam)]
        # Who attends each meeting decides how many answers it can hold (3 questions each).
        attendees: list[int] = []
        for f in range(n_fam):
            for _ in range(meetings_per_family[f]):
                attendees.append(max(3, people[f] - rng.randint(0, 1)))
        n_questions = len(default_questions("da"))
        ratings = split(
            c["ratings"],
            [0] * n_meet,
            [min(n_questions * a, 2 * c["ratings"] // n_meet + 1) for a in attendees],
            rng,
        )
        board_id = plan_id = ""
        m = 0  # meeting index over all families
        for f in range(n_fam):
            surname = rng.choice(SURNAMES)
            first = rng.choice(GIVEN_ADULT)
            start = self.base + timedelta(days=rng.randint(0, self.start_days))
            created = self.stamp(start - timedelta(days=7))
            family_id = self.uid()
            writer.add(
                models.Family,
                {
                    "id": family_id,
                    "display_name": f"Familien {surname} ({first})",
                    "notes": self.text(5, 40) if rng.random() < 0.5 else "",
                    "caseworker_name": rng.choice(CASEWORKERS),
                    "caseworker_phone": f"{rng.randint(20, 99)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                    "language": "da",
                    "archived": rng.random() < 0.03 and f != 0,
                    "created_at": created,
                    "updated_at": created,
                },
            )
            pids = []
            for p in range(people[f]):
                role = (
                    (Role.CHILD, Role.PARENT, Role.PARENT)[p] if p < 3 else rng.choice(list(Role))
                )
                name = rng.choice(GIVEN_CHILD if role is Role.CHILD else GIVEN_ADULT)
                pid = self.uid()
                pids.append(pid)
                writer.add(
                    models.Participant,
                    {
                        "id": pid,
                        "family_id": family_id,
                        "name": name,
                        "role": role.value,
                        "birth_year": rng.randint(2008, 2022) if role is Role.CHILD else None,
                        "position": p,
                        "created_at": created,
                        "updated_at": created,
                    },
                )
            series = [self.uid() for _ in range(n_questions)]
            previous: str | None = None
            when = start
            for k in range(meetings_per_family[f]):
                meeting_id = self.uid()
                if m == 0:
                    board_id = meeting_id
                elif m == 1:
                    plan_id = meeting_id
                self.meeting(
                    writer,
                    meeting_id,
                    family_id,
                    pids,
                    series,
                    when,
                    previous,
                    last=k == meetings_per_family[f] - 1,
                    n_attendees=attendees[m],
                    n_cards=cards[m],
                    n_ratings=ratings[m],
                    n_actions=actions[m],
                )
                previous = meeting_id
                when += timedelta(days=rng.randint(28, 70))
                m += 1
        writer.flush()
        return board_id, plan_id

    def meeting(
        self,
        writer: Writer,
        meeting_id: str,
        family_id: str,
        pids: list[str],
        series: list[str],
        when: datetime,
        previous: str | None,
        *,
        last: bool,
        n_attendees: int,
        n_cards: int,
        n_ratings: int,
        n_actions: int,
    ) -> None:
        rng = self.rng
        stamp = self.stamp(when)
        place = rng.choice(PLACES)
        writer.add(
            models.Meeting,
            {
                "id": meeting_id,
                "family_id": family_id,
                "starts_at": when,
                "place": place,
                "kind": (MeetingKind.FIRST if previous is None else MeetingKind.FOLLOW_UP).value,
                "status": (MeetingStatus.PLANNED if last else MeetingStatus.CLOSED).value,
                "next_meeting_at": when + timedelta(days=42),
                "next_meeting_place": place,
                "follows_id": previous,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
        present = pids[:n_attendees]
        for pid in present:
            writer.add(models.MeetingAttendee, {"meeting_id": meeting_id, "participant_id": pid})
        qids = []
        for position, template in enumerate(default_questions("da")):
            qid = self.uid()
            qids.append(qid)
            writer.add(
                models.Question,
                {
                    "id": qid,
                    "meeting_id": meeting_id,
                    "series_id": series[position],
                    "text": template.text,
                    "low_anchor": template.low_anchor,
                    "high_anchor": template.high_anchor,
                    "audience": template.audience.value,
                    "kind": template.kind,
                    "position": position,
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )
        positions = dict.fromkeys(Column, 0)
        columns = list(Column)
        for _ in range(n_cards):
            column = rng.choice(columns)
            kinds = CARD_KINDS_BY_COLUMN[column]
            kind = CardKind.PLAIN if rng.random() < 0.6 else rng.choice(kinds)
            writer.add(
                models.Card,
                {
                    "id": self.uid(),
                    "meeting_id": meeting_id,
                    "column": column.value,
                    "kind": kind.value,
                    "text": self.text(4, 40),
                    "whose_words_id": rng.choice(present) if rng.random() < 0.7 else None,
                    "position": positions[column],
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )
            positions[column] += 1
        pairs = [(q, p) for p in present for q in qids][:n_ratings]
        for qid, pid in pairs:
            writer.add(
                models.Rating,
                {
                    "id": self.uid(),
                    "question_id": qid,
                    "participant_id": pid,
                    "value": None if rng.random() < 0.05 else rng.randint(1, 10),
                    "comment": self.text(3, 15) if rng.random() < 0.2 else "",
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )
        for position in range(n_actions):
            who = rng.choice(present) if rng.random() < 0.8 else None
            writer.add(
                models.Action,
                {
                    "id": self.uid(),
                    "meeting_id": meeting_id,
                    "what": f"{rng.choice(ACTION_VERBS)} {rng.choice(ACTION_WHOM)}: "
                    + self.text(3, 12),
                    "who_participant_id": who,
                    "who_text": "" if who else rng.choice(CASEWORKERS),
                    "due_date": date(when.year, when.month, when.day)
                    + timedelta(days=rng.randint(1, 60)),
                    "due_text": "",
                    "done": not last and rng.random() < 0.7,
                    "position": position,
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )


def read_manifest(out: Path) -> Manifest | None:
    try:
        data = json.loads((out / "bench.json").read_text(encoding="utf-8"))
        return Manifest(**data)
    except (OSError, ValueError, TypeError):
        return None


def generate(out: Path, scale: float, seed: int = DEFAULT_SEED, *, quiet: bool = False) -> Manifest:
    """The data dir at ``out`` (made, or reused if made with the same seed and scale)."""
    old = read_manifest(out)
    same = old and (old.version, old.seed, old.scale) == (GENERATOR_VERSION, seed, scale)
    if old and same and (out / DB_FILENAME).exists():
        if not quiet:
            print(f"reusing {out} ({old.db_mib:.0f} MiB, made in {old.seconds:.1f} s)")
        return old
    if out.exists():
        shutil.rmtree(out)
    counts = targets(scale)
    started = time.perf_counter()
    opened = open_unlocked(out, PASSWORD)
    if opened.recovery_code is not None:
        # A first start is finished only once its recovery code is acknowledged; until
        # then the next open starts over and the generated rows would be gone.
        acknowledge_recovery_code(out, opened.recovery_code)
    db = opened.db
    try:
        board_id, plan_id = Generator(seed, counts).run(Writer(db.engine))
        with db.engine.connect() as conn:
            largest = conn.exec_driver_sql(
                "SELECT m.family_id FROM card c JOIN meeting m ON m.id = c.meeting_id "
                "GROUP BY m.family_id ORDER BY count(*) DESC LIMIT 1"
            ).scalar_one()
        # Fold the WAL into the file (outside a transaction), so the file size is the data's.
        raw = db.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
    finally:
        db.close()
    seconds = time.perf_counter() - started
    manifest = Manifest(
        version=GENERATOR_VERSION,
        seed=seed,
        scale=scale,
        password=PASSWORD,
        counts=counts,
        board_meeting_id=board_id,
        plan_meeting_id=plan_id,
        largest_family_id=largest,
        seconds=round(seconds, 2),
        db_bytes=(out / DB_FILENAME).stat().st_size,
    )
    (out / "bench.json").write_text(json.dumps(asdict(manifest), indent=2), encoding="utf-8")
    if not quiet:
        print(f"generated {out} in {seconds:.1f} s: {manifest.db_mib:.1f} MiB, {counts}")
    return manifest


def caseworker_counts(families: int, years: float) -> dict[str, int]:
    """One caseworker's caseload: ``families`` families met every four to ten weeks for
    ``years`` years (about seven meetings a year each), 20 cards, 3 actions a meeting,
    and the three default questions answered by most of those present."""
    meetings = max(families, round(families * years * 6.5))
    return {
        "families": families,
        "meetings": meetings,
        "cards": max(BOARD_CARDS + PLAN_CARDS, meetings * 20),
        "ratings": meetings * 12,
        "actions": max(PLAN_ACTIONS, meetings * 3),
    }


def generate_caseworker(
    out: Path, families: int, years: float, until: datetime, seed: int = DEFAULT_SEED
) -> Path:
    """A data dir with one caseworker's caseload whose meetings run up to ``until``:
    each family's first meeting in the first year (``years`` before ``until``), the
    later ones every four to ten weeks after (statistics benchmark, issue 20). Made once;
    reused while ``bench.json`` says the same shape."""
    shape = {"version": GENERATOR_VERSION, "seed": seed, "families": families, "years": years}
    shape["until"] = until.isoformat()
    try:
        if json.loads((out / "bench.json").read_text(encoding="utf-8")) == shape:
            return out
    except (OSError, ValueError):
        pass
    if out.exists():
        shutil.rmtree(out)
    opened = open_unlocked(out, PASSWORD)
    if opened.recovery_code is not None:
        acknowledge_recovery_code(out, opened.recovery_code)
    db = opened.db
    try:
        counts = caseworker_counts(families, years)
        base = until - timedelta(days=round(years * 365))
        Generator(seed, counts, base=base, start_days=60).run(Writer(db.engine))
    finally:
        db.close()
    (out / "bench.json").write_text(json.dumps(shape), encoding="utf-8")
    return out


def verify(out: Path, manifest: Manifest) -> list[str]:
    """Problems with the generated data dir: the file check, counts, and the services."""
    result = open_unlocked(out, manifest.password)
    db = result.db
    problems: list[str] = []
    try:
        problems += check_file(db.path, db.key, full=False)
        with db.engine.connect() as conn:
            for name, table in (
                ("families", "family"),
                ("meetings", "meeting"),
                ("cards", "card"),
                ("ratings", "rating"),
                ("actions", "action"),
            ):
                n = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
                if n != manifest.counts[name]:
                    problems.append(f"{name}: {n}, expected {manifest.counts[name]}")
            gaps = conn.exec_driver_sql(
                'SELECT count(*) FROM (SELECT meeting_id, "column", max(position) AS hi, '
                'count(*) AS n FROM card GROUP BY meeting_id, "column") WHERE hi != n - 1'
            ).scalar_one()
            if gaps:
                problems.append(f"{gaps} card columns with positions that are not contiguous")
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if fk:
                problems.append(f"{len(fk)} foreign key violations")
        services = Services(db)
        families = services.list_families(include_archived=True)
        if len(families) != manifest.counts["families"]:
            problems.append(f"list_families: {len(families)}")
        board = services.list_cards(manifest.board_meeting_id)
        if len(board) != BOARD_CARDS:
            problems.append(f"board meeting has {len(board)} cards")
        services.list_questions(manifest.board_meeting_id)
        services.list_ratings(manifest.board_meeting_id)
        if len(services.list_actions(manifest.plan_meeting_id)) != PLAN_ACTIONS:
            problems.append("plan meeting lacks its actions")
    finally:
        db.close()
    return problems


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = the issue's numbers")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="data dir (cached; default under /tmp)")
    parser.add_argument("--no-verify", action="store_true", help="skip the checks afterwards")
    args = parser.parse_args(list(argv) if argv is not None else None)
    out = args.out or default_out(args.scale, args.seed)
    manifest = generate(out, args.scale, args.seed)
    if not args.no_verify:
        started = time.perf_counter()
        problems = verify(out, manifest)
        print(f"verified in {time.perf_counter() - started:.1f} s: {problems or 'sound'}")
        if problems:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
