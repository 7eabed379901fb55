"""The plan preview as a page of the window, and "Save as PDF…" (issue 14, faults 2 and 9).

Before: a fixed 900×1000 dialog whose Print and Save lay below a 768-high screen and
off an upright tablet; Save started in the folder the app was started from as
"vores-plan.pdf", and Qt's file dialog kept the last folder in ~/.config/QtProject.conf.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fit import audit, screen_named
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QStandardPaths
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from familymeeting import settings
from familymeeting.settings import Settings
from familymeeting.storage.demo import create_demo_family
from familymeeting.storage.services import Services
from familymeeting.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("styled", "danish")
MakeWindow = Callable[[str], MainWindow]


@pytest.fixture
def make_window(qtbot: QtBot, services: Services, data_dir: Path) -> Iterator[MakeWindow]:
    def make(on: str) -> MainWindow:
        window = MainWindow(services, Settings(data_dir))
        qtbot.addWidget(window)
        screen = screen_named(on)
        assert isinstance(screen, QScreen), "tests/offscreen-screens.json is not in use"
        window.show_on_screen(screen)
        qtbot.waitExposed(window)
        available = screen.availableGeometry()
        qtbot.waitUntil(lambda: available.contains(window.frameGeometry()))
        return window

    yield make


def open_preview(qtbot: QtBot, window: MainWindow, meeting_id: str) -> None:
    window.open_meeting(meeting_id)
    window.meeting.show_view("plan")
    with qtbot.waitSignal(window.preview_page.ready, timeout=30_000):
        window.meeting.plan.preview_button.click()
    assert window.stack.currentWidget() is window.preview_page
    assert window.preview_page.result is not None


def accept_and_wait(qtbot: QtBot, dialog: QFileDialog) -> None:
    """Choose the selected file, and wait until the dialog is gone (as after a click)."""
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(gone), timeout=10_000)


def inside(window: MainWindow, widget: QWidget) -> bool:
    at = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return widget.isVisible() and window.rect().contains(at)


@pytest.mark.parametrize(
    "screen",
    ["landscape-1280x800", "landscape-1366x768", "landscape-1024x768", "portrait-800x1280"],
)
def test_print_and_save_are_on_the_screen(
    qtbot: QtBot, make_window: MakeWindow, services: Services, screen: str
) -> None:
    family = create_demo_family(services)
    window = make_window(screen)
    open_preview(qtbot, window, services.list_meetings(family.id)[0].id)
    page = window.preview_page
    for button in (page.print_button, page.save_button, page.back_button):
        assert inside(window, button), button.text()
        assert button.isEnabled()
    assert page.view.height() > 300  # the page itself has the room
    assert audit(window, screen) == []


def test_save_starts_in_documents_with_the_meeting_and_family_in_the_name(
    qtbot: QtBot,
    make_window: MakeWindow,
    services: Services,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    documents.mkdir(parents=True, exist_ok=True)
    family = services.create_family('Familien Ø/Hansen: "Test"?')
    meeting = services.create_meeting(family.id, datetime(2026, 12, 4, 10))
    window = make_window("landscape-1366x768")
    open_preview(qtbot, window, meeting.id)

    dialog = window.preview_page.save_with_dialog()
    assert isinstance(dialog, QFileDialog)
    assert Path(dialog.directory().absolutePath()) == documents
    chosen = Path(dialog.selectedFiles()[0])
    assert chosen.parent == documents
    assert chosen.name == "Vores plan 2026-12-04 Familien Ø Hansen Test.pdf"

    # The caseworker picks another folder; the plan goes there, and the next save
    # starts there.
    elsewhere = tmp_path / "Sager"
    elsewhere.mkdir()
    dialog.selectFile(str(elsewhere / "plan til e-Boks"))
    accept_and_wait(qtbot, dialog)
    saved = elsewhere / "plan til e-Boks.pdf"
    assert len(PdfReader(saved).pages) == 1
    assert Settings(data_dir).get(settings.LAST_SAVE_FOLDER) == str(elsewhere)
    again = window.preview_page.save_with_dialog()
    assert isinstance(again, QFileDialog)
    assert Path(again.directory().absolutePath()) == elsewhere
    again.reject()


def test_the_file_dialog_records_nothing_outside_the_data_folder(
    qtbot: QtBot,
    make_window: MakeWindow,
    services: Services,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"])
    shared = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert Path(shared.fileName()).is_relative_to(config)  # this test's own profile
    family = create_demo_family(services)
    window = make_window("landscape-1366x768")
    open_preview(qtbot, window, services.list_meetings(family.id)[0].id)
    folder = tmp_path / "Familien Holm sagsmappe"
    folder.mkdir()

    dialog = window.preview_page.save_with_dialog()
    assert isinstance(dialog, QFileDialog)
    dialog.selectFile(str(folder / "plan"))
    accept_and_wait(qtbot, dialog)
    assert (folder / "plan.pdf").is_file()
    written = [p for p in config.rglob("*") if p.is_file()]
    assert written == [], "Qt's file dialog left its history outside the data folder"

    # Another program's own file-dialog settings are left exactly as they were.
    shared.setValue("FileDialog/lastVisited", "file:///home/other/program")
    shared.setValue("Other/key", 7)
    shared.sync()
    before = Path(shared.fileName()).read_bytes()
    dialog = window.preview_page.save_with_dialog()
    assert isinstance(dialog, QFileDialog)
    dialog.selectFile(str(folder / "plan again"))
    accept_and_wait(qtbot, dialog)
    assert (folder / "plan again.pdf").is_file()
    assert Path(shared.fileName()).read_bytes() == before
    assert b"sagsmappe" not in before


class _Flips(QObject):
    """Counts a widget being shown and hidden."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.count += 1
        return False


@pytest.mark.parametrize("screen", ["portrait-800x1280", "portrait-768x1024"])
def test_the_page_settles_on_an_upright_tablet(
    qtbot: QtBot, make_window: MakeWindow, services: Services, screen: str
) -> None:
    """Fitting the page showed a scroll bar, which narrowed the page, which hid the bar,
    and so on for ever: the window froze (found by the real-window test)."""
    family = create_demo_family(services)
    window = make_window(screen)
    flips = _Flips()
    view = window.preview_page.view
    for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
        bar.installEventFilter(flips)
    open_preview(qtbot, window, services.list_meetings(family.id)[0].id)
    qtbot.wait(300)
    assert flips.count <= 2
    assert not view.verticalScrollBar().isVisible()
    assert not view.horizontalScrollBar().isVisible()


def test_a_childs_own_plan_is_chosen_shown_and_saved_but_not_kept_as_the_familys(
    qtbot: QtBot, make_window: MakeWindow, services: Services, tmp_path: Path
) -> None:
    family = create_demo_family(services)  # Noah is 13: a plan of his own; Emma is 9
    meeting_id = services.list_meetings(family.id)[0].id
    noah = next(p for p in services.list_participants(family.id) if p.name == "Noah")
    window = make_window("landscape-1366x768")
    open_preview(qtbot, window, meeting_id)
    page = window.preview_page
    choices = [page.which_combo.itemText(i) for i in range(page.which_combo.count())]
    assert choices == ["Vores plan", "Barnets plan: Noah"]
    assert inside(window, page.which_combo)

    with qtbot.waitSignal(page.ready, timeout=30_000):
        page.which_combo.setCurrentIndex(1)
        page.which_combo.activated.emit(1)
    assert page.child_id == noah.id and page.result is not None
    assert page.status.text() == "Én side, klar til at udskrive eller gemme."
    assert page.suggested_name().startswith("Min plan ") and page.suggested_name().endswith(
        " Noah.pdf"
    )
    kept_before = len(services.list_handouts(family.id))
    out = tmp_path / "min-plan.pdf"
    assert page.save_to(out)
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert text.startswith("Min plan Til Noah")
    assert len(services.list_handouts(family.id)) == kept_before  # the child's, not theirs
    assert audit(window, "landscape-1366x768") == []

    # Back to the family's plan: kept as handed out, as before.
    with qtbot.waitSignal(page.ready, timeout=30_000):
        page.which_combo.setCurrentIndex(0)
        page.which_combo.activated.emit(0)
    assert page.child_id is None
    assert page.save_to(tmp_path / "vores-plan.pdf")
    assert len(services.list_handouts(family.id)) == kept_before + 1


def test_family_view_offers_no_childs_plan(
    qtbot: QtBot, make_window: MakeWindow, services: Services
) -> None:
    family = create_demo_family(services)
    meeting_id = services.list_meetings(family.id)[0].id
    window = make_window("landscape-1366x768")
    page = window.preview_page
    with qtbot.waitSignal(page.ready, timeout=30_000):
        page.show_plan(meeting_id, family_view=True)
    assert not page.which_combo.isVisible()
    noah = next(p for p in services.list_participants(family.id) if p.name == "Noah")
    page.show_child_plan(meeting_id, noah.id)
    assert page.child_id is None
