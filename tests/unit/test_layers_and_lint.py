"""The shape of the house: layers stay clean, and the code passes its linters."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "familymeeting"
QT_FREE = ("domain", "storage", "export")
# Modules beside the layers that the command line reads: no Qt either.
QT_FREE_MODULES = ("messages.py", "palette.py", "settings.py")
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def imported_names(path: Path) -> set[str]:
    """Like :func:`imported_modules`, plus ``a.b`` for ``from a import b``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = imported_modules(path)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("layer", QT_FREE)
def test_no_qt_in_domain_storage_export_source(layer: str) -> None:
    files = sorted((PACKAGE / layer).rglob("*.py"))
    assert files, f"{layer}/ has no modules"
    offenders = {
        str(f.relative_to(PACKAGE)): sorted(
            m for m in imported_modules(f) if m.split(".")[0] in QT_MODULES
        )
        for f in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("name", QT_FREE_MODULES)
def test_no_qt_in_the_modules_the_command_line_shares_source(name: str) -> None:
    found = imported_modules(PACKAGE / name)
    assert sorted(m for m in found if m.split(".")[0] in QT_MODULES) == []


def test_no_qt_loaded_when_using_the_lower_layers() -> None:
    """Importing every lower-layer module (and the CLI's non-GUI path) loads no Qt."""
    modules = (
        [
            f"familymeeting.{layer}.{p.stem}"
            for layer in QT_FREE
            for p in sorted((PACKAGE / layer).glob("*.py"))
            if p.stem != "__init__"
        ]
        + ["familymeeting.cli"]
        + [f"familymeeting.{name[:-3]}" for name in QT_FREE_MODULES]
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "print(bad); raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_password_screen_needs_no_database_layer() -> None:
    """What runs before the password screen shows loads no database layer and no crypto.

    SQLAlchemy and SQLModel take about a third of a second, Argon2 and AES-GCM about
    35 ms; they load on a thread while the password is typed (``app._preload_storage``).
    This keeps a stray import from undoing that.
    """
    code = (
        "import sys\n"
        "import familymeeting.app, familymeeting.ui.startup, familymeeting.storage.unlock\n"
        "import familymeeting.settings, familymeeting.ui.theme, familymeeting.ui.language\n"
        "import familymeeting.ui.crash\n"
        "heavy = ('sqlalchemy', 'sqlmodel', 'argon2', 'cryptography', 'holidays')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in heavy)\n"
        "print(bad[:5]); raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_imports_another_modules_private_names() -> None:
    """A helper two modules use has a public home (ui/controls.py, ui/crash.error_text)."""
    offenders = sorted(
        f"{path.relative_to(REPO)}: {name}"
        for path in PACKAGE.rglob("*.py")
        for name in imported_names(path)
        if name.startswith(PACKAGE.name + ".")
        and name.rpartition(".")[2].startswith("_")
        and not name.rpartition(".")[2].startswith("__")
    )
    assert offenders == []


def test_the_app_imports_nothing_the_bundle_leaves_out() -> None:
    """Every module packaging/familymeeting.spec excludes is imported nowhere in the app.

    The bundle is trimmed to what the app loads; a new ``import PySide6.QtNetwork`` (say)
    would work from a checkout and fail only in the installed program.
    """
    spec = ast.parse((REPO / "packaging" / "familymeeting.spec").read_text(encoding="utf-8"))
    excluded: list[str] = []
    for node in ast.walk(spec):
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "excludes" for t in node.targets)
            and isinstance(node.value, ast.List)
        ):
            excluded = [e.value for e in node.value.elts if isinstance(e, ast.Constant)]
    assert "PySide6.QtNetwork" in excluded, "the spec's excludes list was not found"
    offenders = sorted(
        f"{path.relative_to(REPO)}: {name}"
        for path in PACKAGE.rglob("*.py")
        for name in imported_names(path)
        if any(name == e or name.startswith(e + ".") for e in excluded)
    )
    assert offenders == []


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed; install the test extras: pip install '.[test]'")
    return found


def test_ruff_check_and_format_are_clean() -> None:
    ruff = _tool("ruff")
    check = subprocess.run(
        [ruff, "check", "."], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [ruff, "format", "--check", "."], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_mypy_is_clean_on_the_whole_package() -> None:
    """Strict mypy over every module, the widgets included (pyproject's [tool.mypy])."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "familymeeting"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_are_kept() -> None:
    """pyproject's [tool.importlinter] contracts: the layers, no Qt below the window, ui/
    gets plain records (no ORM rows, SQL or PDF drawing), and no import circles (lock <->
    maintenance <-> recovery, commands <-> controller, messages <-> domain/errors were
    undone by where things live, not by hiding an import in a function)."""
    result = subprocess.run(
        [_tool("lint-imports"), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    count = len(declared["tool"]["importlinter"]["contracts"])
    assert count >= 4 and f"Contracts: {count} kept, 0 broken." in result.stdout, result.stdout


def _calls_and_attributes(path: Path) -> Iterator[tuple[int, str]]:
    """Each ``x.name`` in a module, as (line, dotted text of it)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            yield node.lineno, ast.unparse(node)


def test_only_storage_writes_the_access_log() -> None:
    """An entry in the access log is written by the operation or service that did the
    thing (opened, exported, printed, restored), never by a call site in the window or the
    command line, where one could be forgotten or written twice."""
    offenders = sorted(
        f"{path.relative_to(REPO)}:{line}: {text}"
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "storage"
        for line, text in _calls_and_attributes(path)
        if text.endswith(".log_event") or text.endswith(".log_in")
    )
    assert offenders == []


def test_the_window_never_holds_the_data_key() -> None:
    """The key that opens the data stays in storage/ (the vault, the database, the check):
    the window asks the services to check or back up, it does not read ``db.key``."""
    offenders = sorted(
        f"{path.relative_to(REPO)}:{line}: {text}"
        for path in (PACKAGE / "ui").rglob("*.py")
        for line, text in _calls_and_attributes(path)
        if text.endswith("db.key") or text.endswith(".key_bytes")
    )
    assert offenders == []


def test_no_merge_conflict_marks_are_left_in_any_file() -> None:
    """A merge resolved in a hurry must not ship its ``<<<<<<<`` lines (docs included)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout (an sdist)")
    offenders = []
    for name in filter(None, listed.stdout.split("\0")):
        path = REPO / name
        if path.suffix in {".db", ".qm", ".mo", ".png", ".ttf", ".ico", ".icns", ".pdf"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        offenders += [
            f"{name}:{i}"
            for i, line in enumerate(text.splitlines(), 1)
            if line.startswith(("<<<<<<< ", ">>>>>>> "))
        ]
    assert offenders == []
