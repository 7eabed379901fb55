"""The desktop bundle: PyInstaller builds it from packaging/familymeeting.spec, and the
bundled programs run the main jobs as a user would (packaging/build.py --smoke:
``--version``, ``demo``, ``list``, ``plan`` in Danish and Arabic, and the app drawing a
meeting's board, offscreen). The app itself then starts on a new data dir and draws its
window; every shared library of the trimmed bundle loads.

Marked ``bundle``: it takes about a minute and a half. `.ci/run` runs it with the rest.
The checks of the Windows and macOS recipes, which cannot be built here, are static.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from familymeeting import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "familymeeting.iss"
SPEC = PACKAGING / "familymeeting.spec"
PASSWORD = "Bundle GUI test password 42"
# The bundle was 307 MB before it was trimmed (docs/benchmarks.md) and 189 MB after; DuckDB
# (issue 20: the team statistics) added its one 66 MB library. A plugin type or Qt module
# coming back unnoticed would show here.
SIZE_BUDGET_MB = 300


def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("familymeeting_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.bundle
@pytest.mark.timeout(900)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built here")
def test_the_linux_bundle_builds_and_runs_the_main_jobs(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    smoke = tmp_path / "smoke"
    done = subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "build.py"),
            "--smoke",
            "--keep",
            str(smoke),
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
    smoked = "smoke: --version, demo, list, plan (one page, Danish and Arabic), team-key"
    assert smoked in done.stdout
    for name in ("board.png", "plan-da.pdf", "plan-ar.pdf"):
        assert (smoke / name).stat().st_size > 0
    folder = tmp_path / "dist" / "familymeeting"
    assert (folder / "familymeeting").is_file()
    # On Linux both programs are the same file; the console name is a link to the app.
    assert (folder / "familymeeting-cli").readlink() == Path("familymeeting")
    share = folder / "share"
    assert (share / "applications" / "dk.familymeeting.FamilyMeeting.desktop").is_file()
    assert (share / "metainfo" / "dk.familymeeting.FamilyMeeting.metainfo.xml").is_file()
    assert (
        share / "icons" / "hicolor" / "256x256" / "apps" / "dk.familymeeting.FamilyMeeting.png"
    ).is_file()
    # Resources, the plan catalogues and Qt's own Danish strings travel with it.
    internal = folder / "_internal"
    assert (internal / "familymeeting" / "resources" / "i18n" / "familymeeting_da.qm").is_file()
    assert (internal / "familymeeting" / "resources" / "i18n" / "messages_da.mo").is_file()
    assert (internal / "familymeeting" / "domain" / "plan_catalogue" / "ar.json").is_file()
    assert_trimmed(internal)
    assert_every_library_loads(folder)
    assert_the_app_starts_and_draws_its_window(folder, tmp_path)
    size_mb = build_script().folder_size(folder) / 1e6
    assert size_mb < SIZE_BUDGET_MB, f"the bundle grew to {size_mb:.0f} MB"
    print(done.stdout.splitlines()[-2:])


def assert_trimmed(internal: Path) -> None:
    """What the app loads is there; what it never loads is not."""
    qt = internal / "PySide6" / "Qt"
    plugins = {
        f"{p.parent.name}/{p.name.split('.')[0].removeprefix('lib')}"
        for p in (qt / "plugins").rglob("*.so")
    }
    needed = {
        "platforms/qxcb",
        "platforms/qwayland",
        "platforms/qoffscreen",
        "iconengines/qsvgicon",
        "imageformats/qsvg",
        "printsupport/cupsprintersupport",
        "platforminputcontexts/composeplatforminputcontextplugin",
        "wayland-shell-integration/xdg-shell",
    }
    assert needed <= plugins, needed - plugins
    unused = {
        "platforminputcontexts/qtvirtualkeyboardplugin",
        "platformthemes/qgtk3",
        "platforms/qeglfs",
        "platforms/qlinuxfb",
        "platforms/qvnc",
        "imageformats/qjpeg",
        "imageformats/qwebp",
        "imageformats/qtiff",
        "imageformats/qpdf",
        "tls/qopensslbackend",
    }
    assert not unused & plugins, unused & plugins
    assert not {"generic", "egldeviceintegrations", "tls", "networkinformation"} & {
        p.name for p in (qt / "plugins").iterdir()
    }
    libs = {p.name.split(".")[0] for p in (qt / "lib").iterdir()}
    assert {"libQt6Pdf", "libQt6PdfWidgets", "libQt6Charts", "libQt6PrintSupport"} <= libs
    assert {"libQt6Svg", "libQt6Widgets", "libicudata"} <= libs
    assert not {"libQt6Quick", "libQt6Qml", "libQt6VirtualKeyboard"} & libs
    bindings = {p.name.split(".")[0] for p in (internal / "PySide6").glob("Qt*.so")}
    assert {"QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtCharts"} <= bindings
    assert {"QtPrintSupport", "QtSvg"} <= bindings
    assert not {"QtOpenGL", "QtNetwork", "QtDBus"} & bindings
    assert {p.name for p in (qt / "translations").iterdir()} == {"qtbase_da.qm", "qtbase_en.qm"}
    assert (internal / "sqlcipher3").is_dir()
    assert not (internal / "sqlalchemy" / "dialects" / "postgresql").exists()


def assert_every_library_loads(folder: Path) -> None:
    """The dynamic loader maps every ELF file of the stripped bundle.

    Only libraries the build machine lacks itself (the bundle expects the desktop's own,
    e.g. libxcb-icccm) may be "not found"; a damaged file makes ldd fail.
    """
    env = dict(os.environ, LD_LIBRARY_PATH=str(folder / "_internal"))
    checked = 0
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        done = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        )
        assert done.returncode == 0, (path, done.stdout, done.stderr)
        for line in done.stdout.splitlines():
            if "not found" in line:
                name = line.split("=>")[0].strip()
                assert not list(folder.rglob(name)), (path, line)
        checked += 1
    assert checked > 100


def assert_the_app_starts_and_draws_its_window(folder: Path, tmp_path: Path) -> None:
    """The windowed program, on a first start: it sets up encryption and shows the families."""
    from PySide6.QtGui import QImage

    data = tmp_path / "gui-data"
    picture = tmp_path / "families.png"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FAMILYMEETING_PASSWORD=PASSWORD,
        FAMILYMEETING_LANG="da",
    )
    env.pop("FAMILYMEETING_DATA_DIR", None)
    done = subprocess.run(
        [
            str(folder / "familymeeting"),
            "--data-dir",
            str(data),
            "--screenshot",
            str(picture),
            "--size",
            "1280x800",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    # A first start: the recovery code goes to stderr offscreen, the database is encrypted.
    assert "recovery code" in done.stderr
    assert (data / "keys.json").is_file()
    assert not (data / "familymeeting.db").read_bytes().startswith(b"SQLite format 3")
    image = QImage(str(picture))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) >= 8, "the window picture is nearly blank"


# ----------------------------------------------------- the recipes, read statically
def iss_setup() -> dict[str, str]:
    """The [Setup] directives of the Inno Setup script."""
    section = ISS.read_text(encoding="utf-8").split("[Setup]", 1)[1].split("\n[", 1)[0]
    pairs = (line.split("=", 1) for line in section.splitlines() if "=" in line and line[0] != ";")
    return {key.strip(): value.strip() for key, value in pairs}


def test_the_installer_takes_the_bundle_from_build_pys_output_folder() -> None:
    text = ISS.read_text(encoding="utf-8")
    bundle_dir = re.search(r'^#define BundleDir "(.+)"$', text, re.MULTILINE)
    assert bundle_dir
    # Relative to the script in packaging/windows/.
    folder = (ISS.parent / bundle_dir[1].replace("\\", "/")).resolve()
    build = build_script()
    assert folder == (build.DIST / "familymeeting").resolve()
    assert 'Source: "{#BundleDir}\\*"' in text
    setup = iss_setup()
    assert (ISS.parent / setup["OutputDir"].replace("\\", "/")).resolve() == build.DIST.resolve()
    icon = (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).resolve()
    assert icon == (build.BUILD / "familymeeting.ico").resolve()


def test_the_installer_is_per_user_by_default_and_keeps_the_case_data() -> None:
    setup = iss_setup()
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["PrivilegesRequired"] == "lowest"
    assert "dialog" in setup["PrivilegesRequiredOverridesAllowed"].split()
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    # The version is the bundle's (its exe's version resource), never a number kept here.
    assert setup["AppVersion"] == "{#AppVersion}"
    assert 'GetStringFileInfo(AppExe, "ProductVersion")' in ISS.read_text(encoding="utf-8")
    text = ISS.read_text(encoding="utf-8")
    assert 'MessagesFile: "compiler:Default.isl"' in text
    assert 'MessagesFile: "compiler:Languages\\Danish.isl"' in text
    assert '"{autoprograms}\\familymeeting"; Filename: "{app}\\familymeeting.exe"' in text
    # Uninstalling removes the program only: nothing in the data dir (or anywhere but the
    # program folder) is deleted, before or after.
    assert not re.search(r"^\[UninstallDelete\]", text, re.MULTILINE)
    for line in text.splitlines():
        if line.startswith("Type:"):
            assert '"{app}\\' in line, line
    for constant in ("{localappdata}", "{userappdata}", "{commonappdata}", "{%localappdata"):
        assert constant not in text.lower(), constant


def test_the_bundles_version_is_the_packages() -> None:
    """build.py writes the Windows version resource (the installer's version) from it."""
    build = build_script()
    assert build.version() == __version__
    text = SPEC.read_text(encoding="utf-8")
    assert "from familymeeting import __version__" in text
    assert '"CFBundleShortVersionString": __version__' in text
    assert "version=__version__" in text


def test_the_macos_app_is_a_foreground_app_that_starts_the_gui() -> None:
    """COLLECT takes `console` from its last program (the console one); BUNDLE would then
    write LSBackgroundOnly, an app without Dock icon or menu bar, unless the spec says no."""
    text = SPEC.read_text(encoding="utf-8")
    plist = text.split("info_plist={", 1)[1].split("\n        },", 1)[0]
    assert '"LSBackgroundOnly": False' in plist
    assert '"CFBundleExecutable": "familymeeting"' in plist
    assert '"NSHighResolutionCapable": True' in plist
    assert '"NSPrincipalClass": "NSApplication"' in plist
    assert '"LSMinimumSystemVersion": macos_minimum()' in plist
    assert 'bundle_identifier="dk.familymeeting.FamilyMeeting"' in text
    assert "CFBundleDocumentTypes" not in plist  # the app opens no files from Finder
    assert re.search(r"app = program\(\"familymeeting\", console=not \(WINDOWS or MACOS\)\)", text)
    assert 'cli = program("familymeeting-cli", console=True)' in text
