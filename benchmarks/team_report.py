"""The team report over many statistics files: a municipality's and a nation's.

    python benchmarks/team_report.py [--municipality] [--national] [--runs 3]
        [--memory-limit 1GB] [--threads N] [--per year|quarter|all|municipality]

Builds (or reuses) the files of ``benchmarks/stats_generate.py`` (a municipality: 50
caseworkers x 40 families over three years; national: 98 municipalities' worth, about
11 million rating rows), then reads them with ``storage.team_report_data.
read_team_report`` exactly as ``familymeeting team-report`` and the Team page do, each
run in a fresh subprocess, so its peak resident size (VmHWM, as ``peak_rss.py``
measures) is the report's alone and no file is warm in DuckDB's caches. Prints one
line of JSON per shape: the median and slowest of the runs in seconds, the peak RSS
in MiB, the files, their bytes and rows. Targets (issue 20): a municipality <= 2 s;
national <= 15 s and <= 1 GiB peak RSS with DuckDB's memory_limit set.

Where the time goes (docs/benchmarks.md): run a figure's query with ``EXPLAIN ANALYZE``
over the same files; the Parquet scan and the first grouping of the ratings dominate.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stats_generate import Manifest, cached, default_out, generate  # noqa: E402

# One run in a fresh interpreter: the figures' time and this process's peak RSS.
ONE_RUN = r"""
import json, sys, time
from pathlib import Path
from familymeeting.storage.team_report_data import read_team_report
files = sorted(Path(sys.argv[1]).glob("*.parquet"))
threads = int(sys.argv[3]) or None
started = time.perf_counter()
report = read_team_report(files, memory_limit=sys.argv[2], threads=threads)
seconds = time.perf_counter() - started
peak = 0.0
with open("/proc/self/status") as fh:
    for line in fh:
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1]) / 1024
print("RESULT", json.dumps({"seconds": seconds, "peak_mib": peak, "files": report.files,
                  "dropped": report.repeated_exports_dropped,
                  "quarters": len(report.quarters)}))
"""

TARGETS = {"municipality": (2.0, None), "national": (15.0, 1024.0)}


def files_of(shape: str, per: str, seed: int) -> tuple[Path, Manifest]:
    out = default_out(shape, 1.0, seed, per)
    manifest = cached(out, shape, 1.0, seed, per)
    if manifest is None:
        print(f"generating {out} …", file=sys.stderr)
        manifest = generate(out, shape, 1.0, seed, per)
    return out, manifest


def run_once(folder: Path, memory_limit: str, threads: int) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", ONE_RUN, str(folder), memory_limit, str(threads)],
        capture_output=True,
        text=True,
        check=True,
    )
    # DuckDB draws a progress bar on stdout for a long query: take our line only.
    line = done.stdout[done.stdout.rindex("RESULT ") + len("RESULT ") :].splitlines()[0]
    result: dict[str, float] = json.loads(line)
    return result


def measure(shape: str, args: argparse.Namespace) -> dict[str, object]:
    folder, manifest = files_of(shape, args.per, args.seed)
    runs = [run_once(folder, args.memory_limit, args.threads) for _ in range(args.runs)]
    seconds = [r["seconds"] for r in runs]
    peaks = [r["peak_mib"] for r in runs]
    target_s, target_mib = TARGETS[shape]
    return {
        "shape": shape,
        "files": manifest.files,
        "repeated_files": manifest.repeated_files,
        "mib_on_disk": round(manifest.bytes / 2**20, 1),
        "rows": manifest.rows,
        "memory_limit": args.memory_limit,
        "threads": args.threads or "DuckDB's default (all cores)",
        "runs": len(runs),
        "median_s": round(statistics.median(seconds), 2),
        "max_s": round(max(seconds), 2),
        "peak_rss_mib": round(max(peaks)),
        "target_s": target_s,
        "target_rss_mib": target_mib,
        "dropped_exports": runs[0]["dropped"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipality", action="store_true")
    parser.add_argument("--national", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--memory-limit", default="1GB")
    parser.add_argument("--threads", type=int, default=0, help="0: DuckDB's default")
    parser.add_argument("--per", default="year", choices=("year", "quarter", "all", "municipality"))
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    shapes = [s for s in ("municipality", "national") if getattr(args, s)] or ["municipality"]
    for shape in shapes:
        print(json.dumps(measure(shape, args)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
