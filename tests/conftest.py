"""Shared fixtures. Every test gets its own data dir; nothing touches the real profile."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt: no display needed, in CI or on a developer's machine.
# Besides Qt's own 800×600 offscreen screen (first, so it stays the primary one), one
# screen of every supported size, for the fit audit (tests/gui/test_fit_audit.py). The
# platform's arguments are separated by ":", so a path with a drive letter cannot be given.
os.environ["FAMILYMEETING_TEST_SCREENS"] = str(Path(__file__).with_name("offscreen-screens.json"))
os.environ["QT_QPA_PLATFORM"] = (
    "offscreen"
    if ":" in os.environ["FAMILYMEETING_TEST_SCREENS"]
    else f"offscreen:configfile={os.environ['FAMILYMEETING_TEST_SCREENS']}"
)

from familymeeting.storage.database import Database
from familymeeting.storage.services import Services


@pytest.fixture(autouse=True)
def _isolated_profile(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point every per-user location at a temp dir, and pin the language to Danish."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("FAMILYMEETING_DATA_DIR", str(home / "fm-data"))
    monkeypatch.setenv("FAMILYMEETING_LANG", "da")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    database = Database.open(data_dir)
    yield database
    database.close()


@pytest.fixture
def services(db: Database) -> Services:
    return Services(db)


@pytest.fixture
def cli_exe() -> Path:
    """The installed ``familymeeting`` console script of this environment."""
    exe = Path(sys.executable).parent / (
        "familymeeting.exe" if os.name == "nt" else "familymeeting"
    )
    if not exe.exists():
        pytest.fail(f"the familymeeting command is not installed next to {sys.executable}")
    return exe


@pytest.fixture
def danish(qapp: object) -> Iterator[None]:
    """The window in Danish (Qt's translators and the message catalogue), as it starts."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from familymeeting.messages import set_language
    from familymeeting.ui.language import install_translators

    assert isinstance(qapp, QApplication)
    translators = install_translators(qapp, "da")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    set_language(None)
