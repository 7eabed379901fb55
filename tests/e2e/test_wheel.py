"""The built wheel carries resources/ inside the package, and a plain install finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    wheels = list(out.glob("familymeeting-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_contains_resources_inside_the_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        p.relative_to(REPO).as_posix() for p in (REPO / "resources").rglob("*") if p.is_file()
    }
    assert shipped, "resources/ is empty"
    expected = {"familymeeting/" + name for name in shipped}
    assert expected <= names, sorted(expected - names)
    assert "familymeeting/resources/i18n/familymeeting_da.qm" in names
    assert "familymeeting/resources/i18n/familymeeting_en.qm" in names
    assert "familymeeting/resources/i18n/messages_da.mo" in names
    assert not any(n.startswith("resources/") for n in names)
    assert not any(n.startswith("tests/") for n in names)


def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    code = (
        "import familymeeting.assets as a, pathlib, sys\n"
        "from PySide6.QtCore import QTranslator\n"
        "d = a.resources_dir()\n"
        "assert pathlib.Path(a.__file__).is_relative_to(pathlib.Path(sys.argv[1])), a.__file__\n"
        "assert d == pathlib.Path(sys.argv[1]) / 'familymeeting' / 'resources', d\n"
        "t = QTranslator()\n"
        "assert t.load('familymeeting_da', str(d / 'i18n'))\n"
        "assert t.translate('MainWindow', 'Families') == 'Familier'\n"
        "assert (d / 'icons' / 'familymeeting.svg').is_file()\n"
        "from familymeeting.messages import render\n"
        "assert render('file_not_found', 'da', path='x') == 'Filen x findes ikke.'\n"
        "print('ok')\n"
    )
    # The unpacked wheel goes first on sys.path, ahead of any editable or site install,
    # and the child runs from an empty folder so the source tree is not found by accident.
    prelude = f"import sys; sys.path.insert(0, {str(target)!r}); sys.argv[1:] = [{str(target)!r}]\n"
    result = subprocess.run(
        [sys.executable, "-c", prelude + code],
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "ok"
