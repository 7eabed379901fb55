"""Every figure of the "Ship it and measure it" issue, in one command.

Run from a checkout with the package installed::

    python benchmarks/run_all.py                # municipal scale (generated once, cached)
    python benchmarks/run_all.py --scale 0.01   # a quick run
    python benchmarks/run_all.py --runs 7 --json /tmp/results.json

Makes (or reuses) the municipal-scale data dir with ``benchmarks/generate.py`` and a
small one with only the demo family, then measures, median of ``--runs`` runs:

1. cold start to the first painted main window (a fresh process per run,
   ``benchmarks/startup.py``): an empty PySide6 window, the app over the small and over
   the municipal data dir, and the app with the raw key (start without Argon2id);
2. opening the 200-card meeting's board in the main window; the family search, one
   keystroke at a time, over all families;
3. one card edit on that board, from the edit signal to the committed transaction and
   the board showing it (and ``Services.update_card_text`` alone);
4. the plan PDF (``build_plan`` + ``render_plan``) of the demo meeting and the
   150-card meeting; the case file of the largest family: export, read and validate,
   import into an empty encrypted database;
5. peak RSS with the municipal data dir open (``benchmarks/peak_rss.py``);
6. unlock (``KeyStore.unlock``, Argon2id), opening the database with the key (header
   and ``quick_check``), and a backup (``make_backup``) of the municipal database.

GUI figures use ``QT_QPA_PLATFORM=offscreen``. Heavy steps run one at a time (the
reference machine has two cores). Prints a table with the targets; paste it into
docs/benchmarks.md with the machine line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402 - benchmarks/generate.py, beside this file

from familymeeting.storage.database import unseal  # noqa: E402
from familymeeting.storage.paths import DB_FILENAME  # noqa: E402

SMALL_DIR = Path("/tmp/familymeeting-bench/demo")
TYPED = ("nielsen", "familien s", "ahmed", "møller (m")


@dataclass
class Figure:
    name: str
    value: float
    unit: str  # "s", "ms", "MiB", "x"
    target: float | None = None  # the value must be at most this
    note: str = ""

    @property
    def met(self) -> str:
        if self.target is None:
            return ""
        return "met" if self.value <= self.target else "MISSED"

    def shown(self, value: float | None = None) -> str:
        v = self.value if value is None else value
        if self.unit == "ms":
            return f"{v * 1000:.1f} ms"
        if self.unit == "s":
            return f"{v:.3f} s"
        if self.unit == "x":
            return f"{v:.2f}×"
        return f"{v:.0f} {self.unit}"


def median_seconds(job: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def versions() -> dict[str, str]:
    import PySide6
    import sqlcipher3

    con = sqlcipher3.connect(":memory:")
    cipher = con.execute("PRAGMA cipher_version").fetchone()
    con.close()
    return {
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "sqlcipher": cipher[0] if cipher else "?",
        "sqlite": sqlcipher3.sqlite_version,
    }


# ------------------------------------------------------------------ data dirs
def small_data_dir() -> Path:
    """A data dir with only the demo family (encrypted with the same password)."""
    from familymeeting.storage.demo import create_demo_family
    from familymeeting.storage.services import Services
    from familymeeting.storage.unlock import open_unlocked

    if not (SMALL_DIR / "familymeeting.db").exists():
        shutil.rmtree(SMALL_DIR, ignore_errors=True)
        db = open_unlocked(SMALL_DIR, generate.PASSWORD).db
        try:
            create_demo_family(Services(db))
        finally:
            db.close()
    return SMALL_DIR


def forget_place(data_dir: Path) -> None:
    """Start on the family list: no last family or meeting from an earlier run."""
    (data_dir / "settings.ini").unlink(missing_ok=True)


def data_key(data_dir: Path) -> bytes:
    from familymeeting.storage.keys import KeyStore

    return KeyStore.unlock(data_dir, generate.PASSWORD)


# ------------------------------------------------------------------ 1. cold start
def one_start(mode: str, data_dir: Path | None, key: bytes | None) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["FAMILYMEETING_PASSWORD"] = generate.PASSWORD
    if key is not None:
        env["FAMILYMEETING_BENCH_KEY"] = key.hex()
    if data_dir is not None:
        forget_place(data_dir)
    if mode == "crashed":
        # As after a crash or a kill: no seal of a clean close, so every page is checked.
        assert data_dir is not None
        unseal(data_dir / DB_FILENAME)
        mode = "app"
    args = [sys.executable, str(HERE / "startup.py"), mode]
    t0 = time.time()
    out = subprocess.run(
        [*args, repr(t0), *([str(data_dir)] if data_dir else [])],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])


def cold_start(big: Path, small: Path, runs: int) -> list[Figure]:
    big_key, small_key = data_key(big), data_key(small)
    cases = {
        "bare": ("bare", None, None),
        "prompt": ("prompt", big, None),
        "small": ("app", small, None),
        "big": ("app", big, None),
        "big_raw": ("rawkey", big, big_key),
        "small_raw": ("rawkey", small, small_key),
        "big_crashed": ("crashed", big, None),
        "small_typed": ("typed", small, None),
        "big_typed": ("typed", big, None),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    one_start("bare", None, None)  # warm the disk cache once, for every case alike
    for _ in range(runs):  # interleaved, so a busy moment hits every case alike
        for name, (mode, data_dir, key) in cases.items():
            times[name].append(one_start(mode, data_dir, key))
    med = {name: statistics.median(t) for name, t in times.items()}
    print(f"  cold starts (s): { {k: [round(x, 3) for x in v] for k, v in times.items()} }")
    return [
        Figure("Start: bare PySide6 window", med["bare"], "s"),
        Figure("Start: the password screen painted", med["prompt"], "s", note="first window"),
        Figure("Start ratio password screen / bare", med["prompt"] / med["bare"], "x", 2.0),
        Figure(
            "Start: demo data dir, password typed",
            med["small_typed"],
            "s",
            note="Enter → family list painted",
        ),
        Figure(
            "Start: municipal data dir, password typed",
            med["big_typed"],
            "s",
            1.0,
            note="Enter → family list painted",
        ),
        Figure("Start: demo data dir", med["small"], "s", note="process start → family list"),
        Figure("Start: demo data dir, raw key", med["small_raw"], "s", note="without Argon2id"),
        Figure(
            "Start: municipal data dir", med["big"], "s", 1.0, note="process start → family list"
        ),
        Figure("Start: municipal, raw key", med["big_raw"], "s", note="without Argon2id"),
        Figure(
            "Start: municipal, after a crash",
            med["big_crashed"],
            "s",
            note="every page checked",
        ),
        Figure("Start ratio municipal / bare", med["big"] / med["bare"], "x"),
        Figure("Start ratio demo / bare", med["small"] / med["bare"], "x"),
    ]


# ------------------------------------------------------------------ 2.-3. GUI in process
def gui_figures(big: Path, manifest: generate.Manifest, runs: int) -> list[Figure]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from familymeeting import settings
    from familymeeting.app import make_app
    from familymeeting.storage.database import Database
    from familymeeting.storage.services import Services
    from familymeeting.ui import theme
    from familymeeting.ui.main_window import MainWindow

    app = make_app()
    app.setStyleSheet(theme.stylesheet())
    forget_place(big)
    db = Database.open(big, data_key(big))
    try:
        services = Services(db)
        window = MainWindow(services, settings.Settings(big))
        window.show()
        QApplication.processEvents()

        def settle() -> None:
            QApplication.processEvents()
            QApplication.processEvents()

        board_id, other_id = manifest.board_meeting_id, manifest.plan_meeting_id

        def open_board() -> float:
            window.open_meeting(other_id)  # not timed: leave the board on another meeting
            settle()
            start = time.perf_counter()
            window.open_meeting(board_id)
            settle()
            return time.perf_counter() - start

        first_open = open_board()
        board_open = statistics.median(open_board() for _ in range(runs))
        print(f"  board: first open {first_open:.3f} s, median {board_open:.3f} s")

        # 3. one edit: the card widget's signal -> command -> services -> board redrawn.
        board = window.meeting
        card_id = services.list_cards(board_id)[0].id
        base = services.get_card(card_id).text
        edits: list[float] = []
        for i in range(max(runs, 10)):
            start = time.perf_counter()
            board._edit(card_id, f"{base} ({i})")
            settle()
            edits.append(time.perf_counter() - start)
        board._edit(card_id, base)
        settle()
        service_edit = median_seconds(
            lambda: services.update_card_text(card_id, base + " x"), max(runs, 10)
        )
        services.update_card_text(card_id, base)

        # 2b. the search, one keystroke at a time.
        window.show_families()
        settle()
        page = window.families_page
        keys: list[float] = []
        for _ in range(max(1, runs // 3)):
            for word in TYPED:
                page.search_edit.clear()
                settle()
                for ch in word:
                    start = time.perf_counter()
                    QTest.keyClicks(page.search_edit, ch)
                    settle()
                    keys.append(time.perf_counter() - start)
        page.search_edit.clear()
        settle()
        families = len(services.list_families())
        keys.sort()
        window.close()
        window.deleteLater()
        settle()
    finally:
        db.close()
    return [
        Figure("Board open, 200 cards", board_open, "ms", 0.150, f"first open {first_open:.3f} s"),
        Figure(
            f"Search keystroke, {families} families",
            statistics.median(keys),
            "ms",
            0.030,
            f"90th pct {keys[int(len(keys) * 0.9)] * 1000:.0f} ms, max {keys[-1] * 1000:.0f} ms",
        ),
        Figure("Board edit, signal → commit → shown", statistics.median(edits), "ms", 0.020),
        Figure("Services.update_card_text alone", service_edit, "ms", note="one transaction"),
    ]


# ------------------------------------------------------------------ 4. plan, case file
def export_figures(
    big: Path, small: Path, manifest: generate.Manifest, runs: int
) -> tuple[list[Figure], int]:
    from familymeeting.export.plan import render_plan
    from familymeeting.storage.casefile import export_case, import_case, read_case_file
    from familymeeting.storage.database import Database
    from familymeeting.storage.plan_data import build_plan
    from familymeeting.storage.services import Services

    figures = []
    db = Database.open(small, data_key(small))
    try:
        services = Services(db)
        demo = services.list_meetings(services.list_families()[0].id)[-1].id
        render_plan(build_plan(services, demo))  # the fonts, once per process
        demo_plan = median_seconds(lambda: render_plan(build_plan(services, demo)), runs * 2)
    finally:
        db.close()
    key = data_key(big)
    db = Database.open(big, key)
    try:
        services = Services(db)
        plan_id = manifest.plan_meeting_id
        big_plan = median_seconds(lambda: render_plan(build_plan(services, plan_id)), runs * 2)
        figures += [
            Figure("Plan PDF, demo meeting", demo_plan, "s", 0.2),
            Figure("Plan PDF, 150 cards / 60 actions", big_plan, "s", note="municipal database"),
        ]
        family = manifest.largest_family_id
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "case.json"
            export = median_seconds(lambda: export_case(services, family, path), runs)
            size = path.stat().st_size
            read = median_seconds(lambda: read_case_file(path), runs)
            case = read_case_file(path)
            imports = []
            for i in range(runs):
                target = Database.open(Path(tmp) / f"import{i}", key)
                try:
                    start = time.perf_counter()
                    import_case(Services(target), case)
                    imports.append(time.perf_counter() - start)
                finally:
                    target.close()
        n_cards = sum(len(m.cards) for m in case.meetings)
        what = f"{len(case.meetings)} meetings, {n_cards} cards, {size / 2**20:.1f} MiB JSON"
        figures += [
            Figure("Case file export, largest family", export, "s", note=what),
            Figure("Case file read + validate", read, "s"),
            Figure("Case file import (empty database)", statistics.median(imports), "s"),
        ]
    finally:
        db.close()
    return figures, size


# ------------------------------------------------------------------ 5. memory
def peak_rss(big: Path, manifest: generate.Manifest, runs: int) -> list[Figure]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FAMILYMEETING_PASSWORD=generate.PASSWORD)
    peaks, starts = [], []
    nows: list[float] = []
    crashed: list[float] = []
    for n in range(max(1, runs // 2) + 1):
        forget_place(big)
        after_crash = n == max(1, runs // 2)  # the last run: as after a crash
        if after_crash:
            unseal(big / DB_FILENAME)
        out = subprocess.run(
            [
                sys.executable,
                str(HERE / "peak_rss.py"),
                str(big),
                manifest.largest_family_id,
                manifest.board_meeting_id,
            ],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
        )
        data = json.loads(out.stdout.strip().splitlines()[-1])
        if after_crash:
            crashed.append(data["peak_mib"])
            continue
        peaks.append(data["peak_mib"])
        starts.append(data["after_start_mib"])
        if data.get("now_mib") is not None:
            nows.append(data["now_mib"])
    forget_place(big)
    print(f"  peak RSS (MiB): {[round(x) for x in peaks]}")
    note = f"{statistics.median(starts):.0f} MiB peak after start"
    if nows:
        note += f", {statistics.median(nows):.0f} MiB resident with the 200-card board and scales"
    return [
        Figure("Peak RSS, municipal data dir", statistics.median(peaks), "MiB", 250, note),
        Figure(
            "Peak RSS, municipal, after a crash",
            crashed[0],
            "MiB",
            note="every page checked at open",
        ),
    ]


# ------------------------------------------------------------------ 6. unlock, backup
def unlock_and_backup(big: Path, runs: int) -> list[Figure]:
    from familymeeting.storage.backup import backup_dir, make_backup
    from familymeeting.storage.database import Database
    from familymeeting.storage.keys import KeyStore

    unlock = median_seconds(lambda: KeyStore.unlock(big, generate.PASSWORD), runs)
    key = data_key(big)
    opens: list[float] = []
    checked_opens: list[float] = []
    for n in range(2 * runs):
        checked = n % 2 == 1
        if checked:
            unseal(big / DB_FILENAME)  # as after a crash: every page is checked
        start = time.perf_counter()
        db = Database.open(big, key)
        (checked_opens if checked else opens).append(time.perf_counter() - start)
        db.close()
    had_backups = backup_dir(big).exists()
    db = Database.open(big, key)
    try:
        backup = median_seconds(lambda: make_backup(db), max(1, runs // 2))
    finally:
        db.close()
    if not had_backups:
        shutil.rmtree(backup_dir(big), ignore_errors=True)
    size = (big / "familymeeting.db").stat().st_size / 2**20
    return [
        Figure("Unlock (Argon2id + AES-GCM)", unlock, "s", note="target well under 2 s"),
        Figure(
            "Open with key after a clean close (header)",
            statistics.median(opens),
            "s",
            note=f"{size:.0f} MiB file",
        ),
        Figure(
            "Open with key after a crash (header + quick_check)",
            statistics.median(checked_opens),
            "s",
            note=f"{size:.0f} MiB file",
        ),
        Figure("Backup (online backup API + check)", backup, "s", note=f"{size:.0f} MiB file"),
    ]


# ------------------------------------------------------------------ main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="All benchmark figures, one table.")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="municipal data dir (cached)")
    parser.add_argument("--runs", type=int, default=5, help="runs per median")
    parser.add_argument("--only", help="comma-separated: start,gui,export,rss,unlock")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else {"start", "gui", "export", "rss", "unlock"}

    big = args.out or generate.default_out(args.scale, args.seed)
    manifest = generate.generate(big, args.scale, args.seed)
    small = small_data_dir()
    info = versions()
    header = (
        f"{date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.system()}, Python {info['python']}, PySide6 {info['pyside6']}, "
        f"SQLCipher {info['sqlcipher']} (SQLite {info['sqlite']}); scale {args.scale:g}: "
        + ", ".join(f"{v:,} {k}" for k, v in manifest.counts.items())
        + f"; database {manifest.db_mib:.0f} MiB (generated in {manifest.seconds:.0f} s)"
    )
    print(header)
    figures: list[Figure] = []
    steps: list[tuple[str, Callable[[], Any]]] = [
        ("start", lambda: cold_start(big, small, args.runs)),
        ("gui", lambda: gui_figures(big, manifest, args.runs)),
        ("export", lambda: export_figures(big, small, manifest, args.runs)[0]),
        ("rss", lambda: peak_rss(big, manifest, args.runs)),
        ("unlock", lambda: unlock_and_backup(big, args.runs)),
    ]
    for name, step in steps:
        if name in only:
            started = time.perf_counter()
            print(f"{name} ...", flush=True)
            figures += step()
            print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)

    print()
    print(f"median of {args.runs} runs; {header}")
    print("| Figure | Median | Target | |")
    print("|---|---|---|---|")
    for f in figures:
        target = "" if f.target is None else f"≤ {f.shown(f.target)}"
        note = f" ({f.note})" if f.note else ""
        print(f"| {f.name}{note} | {f.shown()} | {target} | {f.met} |")
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(this process peaked at {rss_self:.0f} MiB)")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"machine": header, "figures": [f.__dict__ for f in figures]},
                indent=2,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
