"""Build the one-folder desktop bundle: `python packaging/build.py [--smoke]`.

1. Icons: PNGs (16–512 px) from resources/icons/familymeeting.svg with Qt's SVG
   renderer; an .ico on Windows; an .icns on macOS (with `iconutil`).
2. Windows file properties (version.txt) for the .exe files.
3. PyInstaller with packaging/familymeeting.spec into packaging/dist/familymeeting/.
4. Linux: the .desktop file, the AppStream metainfo and the icons laid out under
   dist/familymeeting/share/ (as a distribution package or IT's installer expects).
5. `--smoke`: runs the bundled program as a user would: `--version`, `demo` and `plan`
   to a PDF (offscreen), and checks the PDF is one page.

Prints the bundle's size and the build time (recorded in docs/benchmarks.md).
Needs the `bundle` extra: `pip install -e '.[bundle]'`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = PACKAGING / "build"
DIST = PACKAGING / "dist"
APP_ID = "dk.familymeeting.FamilyMeeting"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMOKE_PASSWORD = "Bundle smoke test password 42"


def version() -> str:
    text = (ROOT / "familymeeting" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    assert found, "no __version__"
    return found[1]


def make_icons() -> list[Path]:
    """PNG icons in every size a desktop asks for, drawn from the SVG by Qt."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "familymeeting.svg"))
    BUILD.mkdir(parents=True, exist_ok=True)
    pngs: list[Path] = []
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path = BUILD / f"familymeeting-{size}.png"
        if not image.save(str(path)):
            raise SystemExit(f"could not write {path}")
        pngs.append(path)
    if sys.platform == "win32":
        # Qt's "ico" image plugin writes one size per call: 256 px is what Explorer scales.
        QImage(str(BUILD / "familymeeting-256.png")).save(str(BUILD / "familymeeting.ico"))
    if sys.platform == "darwin" and shutil.which("iconutil"):
        iconset = BUILD / "familymeeting.iconset"
        iconset.mkdir(exist_ok=True)
        for size in (16, 32, 128, 256, 512):
            shutil.copy(BUILD / f"familymeeting-{size}.png", iconset / f"icon_{size}x{size}.png")
        subprocess.run(
            ["iconutil", "-c", "icns", str(iconset), "-o", str(BUILD / "familymeeting.icns")],
            check=True,
        )
    return pngs


def write_version_file() -> None:
    """The Windows version resource PyInstaller embeds in the .exe files."""
    parts = [int(p) for p in re.findall(r"\d+", version())[:3]]
    numbers = ", ".join(str(p) for p in [*parts, 0, 0, 0, 0][:4])
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({numbers}), prodvers=({numbers})),
  kids=[
    StringFileInfo([StringTable('040604b0', [
      StringStruct('CompanyName', 'familymeeting developers'),
      StringStruct('FileDescription', 'familymeeting: Signs of Safety family meetings'),
      StringStruct('FileVersion', '{version()}'),
      StringStruct('ProductName', 'familymeeting'),
      StringStruct('ProductVersion', '{version()}')])]),
    VarFileInfo([VarStruct('Translation', [0x0406, 1200])])
  ]
)
"""
    (BUILD / "version.txt").write_text(text, encoding="utf-8")


def run_pyinstaller(dist: Path, work: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(PACKAGING / "familymeeting.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    folder = dist / "familymeeting"
    if not folder.is_dir():
        raise SystemExit(f"PyInstaller made no {folder}")
    return folder


def lay_out_linux(folder: Path) -> None:
    """share/applications, share/metainfo and share/icons beside the programs."""
    share = folder / "share"
    (share / "applications").mkdir(parents=True, exist_ok=True)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGING / "linux" / f"{APP_ID}.desktop", share / "applications")
    shutil.copy(PACKAGING / "linux" / f"{APP_ID}.metainfo.xml", share / "metainfo")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "resources" / "icons" / "familymeeting.svg", scalable / f"{APP_ID}.svg")
    for size in ICON_SIZES:
        target = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(BUILD / f"familymeeting-{size}.png", target / f"{APP_ID}.png")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def smoke(folder: Path) -> None:
    """The bundled command, as a user runs it: --version, demo, plan to a one-page PDF."""
    exe = folder / ("familymeeting-cli.exe" if sys.platform == "win32" else "familymeeting-cli")
    with tempfile.TemporaryDirectory(prefix="familymeeting-bundle-") as tmp:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            FAMILYMEETING_DATA_DIR=str(Path(tmp) / "data"),
            FAMILYMEETING_PASSWORD=SMOKE_PASSWORD,
            FAMILYMEETING_LANG="da",
        )

        def run(*args: str) -> str:
            done = subprocess.run(
                [str(exe), *args], env=env, capture_output=True, text=True, timeout=120
            )
            if done.returncode != 0:
                raise SystemExit(f"{exe.name} {' '.join(args)} failed:\n{done.stderr}")
            return done.stdout

        assert version() in run("--version")
        run("demo")
        meeting = re.search(r"^\s{4}([0-9a-f]{8,})\s", run("list"), re.MULTILINE)
        assert meeting, "no meeting listed"
        pdf = Path(tmp) / "plan.pdf"
        run("plan", meeting[1], "-o", str(pdf))
        from pypdf import PdfReader

        pages = len(PdfReader(str(pdf)).pages)
        if pages != 1:
            raise SystemExit(f"the bundled plan has {pages} pages")
    print("smoke: --version, demo, list and plan (one page) ran from the bundle")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the bundle after building")
    parser.add_argument("--skip-build", action="store_true", help="only the smoke run")
    parser.add_argument("--dist", type=Path, default=DIST, help="where the bundle goes")
    parser.add_argument("--work", type=Path, default=BUILD / "work", help="PyInstaller's work")
    args = parser.parse_args()
    folder = args.dist / "familymeeting"
    if not args.skip_build:
        started = time.perf_counter()
        make_icons()
        write_version_file()
        folder = run_pyinstaller(args.dist, args.work)
        if sys.platform.startswith("linux"):
            lay_out_linux(folder)
        seconds = time.perf_counter() - started
        size_mb = folder_size(folder) / 1e6
        print(f"bundle: {folder} ({size_mb:.0f} MB) built in {seconds:.0f} s")
    if args.smoke:
        smoke(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
