"""The desktop bundle: PyInstaller builds it from packaging/familymeeting.spec, and the
bundled program runs the main jobs as a user would (packaging/build.py --smoke:
``--version``, ``demo``, ``list`` and ``plan`` to a one-page PDF, offscreen).

Marked ``bundle``: it takes about a minute and a half. `.ci/run` runs it with the rest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.bundle
@pytest.mark.timeout(900)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built here")
def test_the_linux_bundle_builds_and_runs_the_main_jobs(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "--smoke",
            "--dist",
            str(tmp_path / "dist"),
            "--work",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=880,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "smoke: --version, demo, list and plan (one page) ran from the bundle" in done.stdout
    folder = tmp_path / "dist" / "familymeeting"
    for name in ("familymeeting", "familymeeting-cli"):
        assert (folder / name).is_file()
    share = folder / "share"
    assert (share / "applications" / "dk.familymeeting.FamilyMeeting.desktop").is_file()
    assert (share / "metainfo" / "dk.familymeeting.FamilyMeeting.metainfo.xml").is_file()
    assert (
        share / "icons" / "hicolor" / "256x256" / "apps" / "dk.familymeeting.FamilyMeeting.png"
    ).is_file()
    # Resources, the plan catalogues and Qt's own Danish strings travel with it.
    internal = folder / "_internal"
    assert (internal / "familymeeting" / "resources" / "i18n" / "familymeeting_da.qm").is_file()
    assert (internal / "familymeeting" / "domain" / "plan_catalogue" / "ar.json").is_file()
    assert list(internal.rglob("qtbase_da.qm"))
    print(done.stdout.splitlines()[-2:])
