"""How long unlocking takes: the password through Argon2id to an open database, median of 5.

Run from a checkout with the package installed: ``python benchmarks/unlock.py``.
Makes a temporary data dir with the demo family, encrypted, then times

- ``KeyStore.unlock``: Argon2id (m = 64 MiB, t = 3, p = 4) and unwrapping the data key;
- ``open_unlocked``: the same plus opening the SQLCipher database, checking its
  header and schema, and reading the family list (what the app does before the first
  screen);
- opening the database with the raw key alone (no password; what a re-open costs);
- ``KeyStore.create`` (first start: two Argon2id derivations) and converting a plain
  database of the demo family's size.

Target (issue 6): unlock well under 2 s on a 2-core laptop. Results go into
docs/benchmarks.md by hand, with the machine.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from familymeeting.storage.database import Database, convert_to_encrypted
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.keys import DEFAULT_KDF, KeyStore
from familymeeting.storage.services import Services
from familymeeting.storage.unlock import open_unlocked

RUNS = 5
TARGET_S = 2.0
PASSWORD = "benchmark password 2026"


def median_time(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data_dir = root / "data"
        result = open_unlocked(data_dir, PASSWORD)
        create_demo_family(Services(result.db))
        result.db.close()
        key = KeyStore.unlock(data_dir, PASSWORD)

        def full_unlock() -> None:
            db = open_unlocked(data_dir, PASSWORD).db
            Services(db).list_families()
            db.close()

        def raw_open() -> None:
            db = Database.open(data_dir, key)
            Services(db).list_families()
            db.close()

        counter = iter(range(1000))

        def create() -> None:
            KeyStore.create(root / f"new-{next(counter)}", PASSWORD)

        def convert() -> None:
            plain_dir = root / f"plain-{next(counter)}"
            db = Database.open(plain_dir)
            create_demo_family(Services(db))
            db.close()
            start = time.perf_counter()
            convert_to_encrypted(plain_dir, key)
            convert_times.append(time.perf_counter() - start)

        convert_times: list[float] = []
        unlock_s = median_time(lambda: KeyStore.unlock(data_dir, PASSWORD))
        full_s = median_time(full_unlock)
        raw_s = median_time(raw_open)
        create_s = median_time(create)
        median_time(convert)
        convert_s = statistics.median(convert_times)
        size_kib = (data_dir / "familymeeting.db").stat().st_size / 1024

    print(f"machine: {platform.machine()} ({os.cpu_count()} cores), {platform.system()}")
    print(f"python {sys.version.split()[0]}")
    kdf = DEFAULT_KDF
    print(
        f"argon2id m = {kdf.memory_kib // 1024} MiB, t = {kdf.iterations}, p = {kdf.lanes}; "
        f"median of {RUNS}"
    )
    rows = [
        ("KeyStore.unlock (Argon2id + unwrap)", unlock_s),
        ("open_unlocked + family list (as the app)", full_s),
        ("open with the raw key + family list", raw_s),
        ("KeyStore.create (first start)", create_s),
        (f"convert_to_encrypted (demo, {size_kib:.0f} KiB)", convert_s),
    ]
    for label, seconds in rows:
        print(f"{label:<44} {seconds:.3f} s")
    print(f"target {TARGET_S} s: {'met' if full_s < TARGET_S else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
