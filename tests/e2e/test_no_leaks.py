"""No leaks: case text is nowhere in plain text except in exports the user asked for.

Distinctive words are written through the whole workflow (the CLI, the window
drawn offscreen, a plan export, a process killed mid-edit); afterwards every file
in the data dir (database, WAL, keys, settings, logs) and every file the programs
left in their temp dir is searched: 0 hits.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from passwords import TEST_PASSWORD, open_database

from familymeeting.domain.enums import Role
from familymeeting.storage.services import Services

SECRETS = (
    "Zebulon-familien-91",
    "Ottiliana-mor",
    "Kvaestelse-Qx7-bekymring",
    "Jomfruhummer-aftale",
)
KILLED = "Skjoldpadde-dræbt-mens-den-skrev"

WRITER = r"""
import sys
from pathlib import Path
from familymeeting.storage.unlock import open_unlocked
from familymeeting.storage.services import Services
services = Services(open_unlocked(Path(sys.argv[1]), sys.argv[2]).db)
print("READY", flush=True)
n = 0
while True:
    n += 1
    services.add_card(sys.argv[3], "worries", f"{sys.argv[4]} {n}")
    print(n, flush=True)
"""


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_case_text_is_found_in_no_file_but_the_exports(tmp_path: Path) -> None:
    data = tmp_path / "data"
    temp = tmp_path / "tmp"
    temp.mkdir()
    exports = tmp_path / "exports"
    exports.mkdir()
    env = {
        **os.environ,
        "FAMILYMEETING_PASSWORD": TEST_PASSWORD,
        "FAMILYMEETING_LANG": "da",
        "TMPDIR": str(temp),
        "QT_QPA_PLATFORM": "offscreen",
    }
    exe = Path(sys.executable).parent / "familymeeting"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(exe), "--data-dir", str(data), *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            stdin=subprocess.DEVNULL,
        )
        assert result.returncode == 0, result.stderr
        for secret in (*SECRETS, KILLED):
            assert secret not in result.stderr
        return result

    run("list", "--create")  # first start: keys and an encrypted database
    db = open_database(data)
    services = Services(db)
    family = services.create_family(SECRETS[0], notes=SECRETS[0])
    mor = services.add_participant(family.id, SECRETS[1], Role.PARENT)
    meeting = services.create_meeting(family.id, datetime(2026, 12, 1, 9), place=SECRETS[0])
    services.add_card(meeting.id, "worries", SECRETS[2], whose_words_id=mor.id)
    services.add_action(meeting.id, SECRETS[3], who_participant_id=mor.id)
    db.close()

    run("--open", meeting.id[:8], "--screenshot", str(exports / "board.png"))
    run("plan", meeting.id[:8], "-o", str(exports / "plan.pdf"))
    run("export-case", family.id[:8], "-o", str(exports / "case.json"))
    run("log")
    with subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data), TEST_PASSWORD, meeting.id, KILLED],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
        assert proc.stdout.readline().strip() == "1"  # one card saved; more on the way
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)

    searched = files_under(data) + files_under(temp)
    assert any(p.name == "familymeeting.db" for p in searched)
    for path in searched:
        content = path.read_bytes()
        for secret in (*SECRETS, KILLED):
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in content, (secret, path)
    # The exports the user asked for do hold the family's words (the check can fail).
    assert SECRETS[2] in (exports / "case.json").read_text(encoding="utf-8")
