"""Every UI string has a Danish translation, and the shipped .qm matches the .ts source."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "familymeeting_da.ts"
QM = TS.with_suffix(".qm")
SOURCES = ["familymeeting/ui", "familymeeting/app.py", "familymeeting/settings.py"]


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is missing; it comes with PySide6")
    return found


def test_every_ui_string_is_translated_to_danish(tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    sources = [
        str(p.relative_to(REPO))
        for src in SOURCES
        for p in sorted((REPO / src).rglob("*.py") if (REPO / src).is_dir() else [REPO / src])
    ]
    result = subprocess.run(
        [_tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(fresh)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    unfinished = [
        f"{ctx.findtext('name')}: {msg.findtext('source')}"
        for ctx in ET.parse(fresh).getroot().iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation") is not None
        and msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")  # type: ignore[union-attr]
    ]
    assert unfinished == [], "run the README's lupdate command and translate:\n" + "\n".join(
        unfinished
    )


def test_shipped_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    built = tmp_path / QM.name
    result = subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(built)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert built.read_bytes() == QM.read_bytes(), "run the README's lrelease command"
