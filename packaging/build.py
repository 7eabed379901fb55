"""Build the one-folder desktop bundle: `python packaging/build.py [--smoke]`.

1. Icons: PNGs (16–512 px) from resources/icons/familymeeting.svg with Qt's SVG
   renderer; an .ico on Windows; an .icns on macOS (with `iconutil`).
2. Windows file properties (version.txt) for the .exe files.
3. PyInstaller with packaging/familymeeting.spec into packaging/dist/familymeeting/.
4. Linux: the .desktop file, the AppStream metainfo and the icons laid out under
   dist/familymeeting/share/ (as a distribution package or IT's installer expects).
5. `--smoke`: runs the bundled programs as a user would, offscreen: `--version`, `demo`,
   `list`, `plan` to a one-page PDF in Danish and in Arabic (shaped by HarfBuzz, in
   right-to-left order), `team-key` + `stats-export` + `team-report` (DuckDB's library
   reading what it wrote), and the app itself (`familymeeting`) drawing a meeting's board
   into a picture. `--keep DIR` keeps the PDFs and the picture to look at.

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
from collections.abc import Callable
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
    """share/applications, share/metainfo and share/icons beside the programs.

    On Linux `console` means nothing, so the two programs PyInstaller makes are the same
    file (each with the Python code inside, 10 MB): familymeeting-cli becomes a link.
    """
    cli, app = folder / "familymeeting-cli", folder / "familymeeting"
    if not cli.is_symlink() and cli.read_bytes() == app.read_bytes():
        cli.unlink()
        cli.symlink_to(app.name)
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


def smoke(folder: Path, keep: Path | None = None) -> None:
    """The bundled programs, as a user runs them (offscreen); ``keep`` gets their output."""
    windows = sys.platform == "win32"
    exe = folder / ("familymeeting-cli.exe" if windows else "familymeeting-cli")
    gui = folder / ("familymeeting.exe" if windows else "familymeeting")
    with tempfile.TemporaryDirectory(prefix="familymeeting-bundle-") as tmp:
        out = keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            FAMILYMEETING_DATA_DIR=str(Path(tmp) / "data"),
            FAMILYMEETING_PASSWORD=SMOKE_PASSWORD,
            FAMILYMEETING_LANG="da",
        )

        def run(program: Path, *args: str) -> str:
            done = subprocess.run(
                [str(program), *args], env=env, capture_output=True, text=True, timeout=120
            )
            if done.returncode != 0:
                raise SystemExit(f"{program.name} {' '.join(args)} failed:\n{done.stderr}")
            return done.stdout

        assert version() in run(exe, "--version")
        # Danish from the bundled message catalogue (resources/i18n/messages_da.mo).
        if not run(exe, "demo").startswith("Demofamilien"):
            raise SystemExit("the bundled command line does not speak Danish")
        meeting = re.search(r"^\s{4}([0-9a-f]{8,})\s", run(exe, "list"), re.MULTILINE)
        assert meeting, "no meeting listed"
        check_plans(lambda *args: run(exe, *args), meeting[1], out)
        check_statistics(lambda *args: run(exe, *args), out)
        check_window(lambda *args: run(gui, *args), meeting[1], out / "board.png")
    print(
        "smoke: --version, demo, list, plan (one page, Danish and Arabic), team-key, "
        "stats-export, team-report and the app's window ran from the bundle"
    )


def check_statistics(run: Callable[..., str], out: Path) -> None:
    """The team statistics round trip: DuckDB's library loads and reads what it wrote."""
    key, stats = out / "team-key.json", out / "stats.parquet"
    for old in (key, stats):
        old.unlink(missing_ok=True)
    run("team-key", "-o", str(key))
    run("stats-export", "--team-key", str(key), "-o", str(stats), "--from", "2026Q1")
    if not run("team-report", str(stats), "--text").startswith("Teamrapport"):
        raise SystemExit("the bundled team report did not read the bundled export")


def check_plans(run: Callable[..., str], meeting: str, out: Path) -> None:
    """The plan in Danish and in Arabic: one page each; the Arabic shaped and in order."""
    import unicodedata

    from pypdf import PdfReader

    for lang in ("da", "ar"):
        pdf = out / f"plan-{lang}.pdf"
        run("plan", meeting, "--lang", lang, "-o", str(pdf))
        reader = PdfReader(str(pdf))
        if len(reader.pages) != 1:
            raise SystemExit(f"the bundled {lang} plan has {len(reader.pages)} pages")
    page = PdfReader(str(out / "plan-ar.pdf")).pages[0]
    fonts = {str(f.get_object()["/BaseFont"]) for f in page["/Resources"]["/Font"].values()}
    if not any("NotoNaskhArabic" in font for font in fonts):
        raise SystemExit(f"the bundled Arabic plan has no Arabic font: {sorted(fonts)}")
    raw = page.extract_text()
    title = "خطتنا"  # "our plan", the heading
    # HarfBuzz draws the joined letter forms, so the plain letters never appear; python-bidi
    # puts them in reading order, so the heading reads forwards once normalised.
    if title in raw or title not in unicodedata.normalize("NFKC", raw):
        raise SystemExit("the bundled Arabic plan is not shaped or not in reading order")


def check_window(run: Callable[..., str], meeting: str, png: Path) -> None:
    """The app itself (not the console program) opens a meeting and paints its window."""
    from PySide6.QtGui import QImage

    run("--screenshot", str(png), "--size", "1280x800", "--open", meeting)
    image = QImage(str(png))
    if image.isNull() or image.width() < 1280 or image.height() < 800:
        raise SystemExit(f"the bundled app drew no window picture ({image.size()})")
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    if len(colours) < 8:
        raise SystemExit(f"the bundled app's window is nearly blank ({len(colours)} colours)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the bundle after building")
    parser.add_argument("--skip-build", action="store_true", help="only the smoke run")
    parser.add_argument("--keep", type=Path, help="keep the smoke run's PDFs and picture here")
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
        smoke(folder, args.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
