"""The main window: families, a family's meetings, and the meeting board.

One window with a stack of pages and a toolbar the family can reach: back,
undo/redo, text size, full screen, a "Gemt" (saved) indicator, family view
and the lock.

Locking (idle, Ctrl+L, the Lock button, the system going away) destroys every
page and closes the database, so no case text is left in any widget; the window
then shows only the unlock form. Unlocking opens the database again, builds the
pages anew and returns to the same family, meeting and view. Family view keeps
the family on this meeting's board, ratings and plan; leaving it, and leaving
child mode, needs the caseworker's password.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import (
    QByteArray,
    QDate,
    QEvent,
    QLocale,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QScreen,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QWidget,
)

from familymeeting import settings
from familymeeting.assets import resource
from familymeeting.domain.errors import NotFoundError
from familymeeting.settings import Settings
from familymeeting.storage.backup import BACKUP_EVERY_MINUTES
from familymeeting.storage.services import Services
from familymeeting.storage.vault import Vault, log_unlock
from familymeeting.ui import keyboard, text_size, theme, words
from familymeeting.ui.background import run_in_background
from familymeeting.ui.crash import error_text
from familymeeting.ui.elided import ElidedLabel
from familymeeting.ui.families_page import FamiliesPage
from familymeeting.ui.family_page import FamilyPage
from familymeeting.ui.idle import IdleWatcher
from familymeeting.ui.lock import LockScreen, UnlockDialog
from familymeeting.ui.maintenance import MaintenancePage
from familymeeting.ui.meeting.board.card import forget_text_heights
from familymeeting.ui.meeting.page import MeetingPage
from familymeeting.ui.meeting.plan.preview import PlanPreviewPage
from familymeeting.ui.meeting.ratings.child_mode import ChildModeView
from familymeeting.ui.progress import ProgressView
from familymeeting.ui.team_page import TeamPage
from familymeeting.ui.toolbar import MAX_PRIORITY, AppToolBar

DESIGN_SIZE = QSize(1280, 800)  # the window's size when nothing else decides it
TITLE_BAR_GUESS = 40  # room left for a window manager's title bar, before one is known

# What locking destroys; unlocking builds them again (see _build_pages).
PAGES = (
    "families_page",
    "family_page",
    "meeting",
    "child_mode",
    "progress",
    "maintenance",
    "team_page",
    "preview_page",
    "stack",
    "services",
)


@dataclass(frozen=True)
class Place:
    """Where the window was when it locked: ids and names of views, never case text."""

    page: str  # "families", "family", "meeting" or "progress"
    family_id: str | None = None
    meeting_id: str | None = None
    view: str = "board"  # the meeting's view: "board", "ratings" or "plan"
    family_mode: bool = False


def icon(name: str) -> QIcon:
    return QIcon(str(resource("icons", f"{name}.svg")))


def _fits(rect: QRect, screens: Iterable[QScreen]) -> bool:
    return any(s.availableGeometry().contains(rect) for s in screens)


def distinct_keys(*groups: Iterable[QKeySequence]) -> list[QKeySequence]:
    """The keys of all groups in order, each once (the platform's lists differ)."""
    keys: list[QKeySequence] = []
    for group in groups:
        for key in group:
            if not key.isEmpty() and key not in keys:
                keys.append(key)
    return keys


class MainWindow(QMainWindow):
    """Signals:
    ``family_selected(str)`` when a family is opened, ``meeting_opened(str)``;
    ``locked_changed(bool)`` when the window locks or is unlocked;
    ``family_mode_changed(bool)`` when family view starts or ends;
    ``child_mode_changed(bool)`` when child mode starts or ends.

    With a ``vault`` the window can lock and has family view; ``idle_ms`` overrides
    the ``security/lock_minutes`` setting (tests use a short time).
    """

    family_selected = Signal(str)
    meeting_opened = Signal(str)
    locked_changed = Signal(bool)
    family_mode_changed = Signal(bool)
    child_mode_changed = Signal(bool)

    def __init__(
        self,
        services: Services,
        app_settings: Settings,
        parent: QWidget | None = None,
        *,
        vault: Vault | None = None,
        idle_ms: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = app_settings
        self.vault = vault
        self.setWindowTitle("familymeeting")
        self.setWindowIcon(icon("familymeeting"))
        self.resize(DESIGN_SIZE)
        self.family_id: str | None = None
        self.locked = False
        self.family_mode = False
        self.family_meeting_id: str | None = None  # the one meeting family view shows
        self.lock_screen: LockScreen | None = None
        self.restore_offer: QDialog | None = None
        self._retranslate_pending = False
        self.leave_dialog: UnlockDialog | None = None
        self.place: Place | None = None  # where to return after unlocking
        # While the data key is changed (Settings), a lock waits: the files must not be
        # closed half-way, and the new recovery code must be seen once.
        self._lock_held = False
        self._lock_waiting = False

        self.undo_group = QUndoGroup(self)
        self._build_toolbar()
        self._build_pages(services)
        self.apply_text_size(self.settings.get(settings.TEXT_SIZE))
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # widgets exist only in a QApplication
        app.focusChanged.connect(self._focus_changed)

        self.idle: IdleWatcher | None = None
        if vault is not None:
            minutes = self.settings.get(settings.LOCK_MINUTES)
            self.idle = IdleWatcher(idle_ms if idle_ms is not None else minutes * 60_000, self)
            self.idle.idle.connect(self.lock)
            self.idle.away.connect(self.lock)
            self.idle.start()
            # Every half hour, a backup if something changed (also on lock and on close).
            self.backup_timer = QTimer(self)
            self.backup_timer.setInterval(BACKUP_EVERY_MINUTES * 60_000)
            self.backup_timer.timeout.connect(self.periodic_backup)
            self.backup_timer.start()
        self._start_page()

    def _build_pages(self, services: Services) -> None:
        # The families opened since the start screen was shown (its overview re-reads
        # those); new pages read everything anyway.
        self._visited: set[str] = set()
        """The pages over an open database: at start, and again after unlocking."""
        self.services = services
        self.families_page = FamiliesPage(
            services, quiet_weeks=self.settings.get(settings.QUIET_WEEKS)
        )
        self.family_page = FamilyPage(services)
        self.meeting = MeetingPage(services, self.undo_group)
        self.child_mode = ChildModeView()
        self.progress = ProgressView(services)
        self.maintenance = MaintenancePage(services, self.settings, self.vault)
        self.team_page = TeamPage(services)
        self.preview_page = PlanPreviewPage(services, self.settings)
        self.stack = QStackedWidget()
        pages = (
            self.families_page,
            self.family_page,
            self.meeting,
            self.child_mode,
            self.progress,
            self.maintenance,
            self.team_page,
            self.preview_page,
        )
        for page in pages:
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self.families_page.family_opened.connect(self.open_family)
        self.families_page.saved.connect(self._show_saved)
        self.family_page.saved.connect(self._show_saved)
        self.family_page.meeting_opened.connect(self.open_meeting)
        self.family_page.family_changed.connect(self._family_changed)
        self.family_page.progress_requested.connect(self.show_progress)
        deleted = getattr(self.family_page, "family_deleted", None)
        if deleted is not None:
            deleted.connect(self._family_deleted)
        self.meeting.saved.connect(self._update_location)
        self.meeting.saved.connect(self._show_saved)
        self.meeting.failed.connect(self._show_failed)
        self.meeting.child_mode_requested.connect(self.enter_child_mode)
        self.meeting.plan_preview_requested.connect(self.show_preview)
        self.meeting.plan_output_requested.connect(self._plan_output)
        self.preview_page.back_requested.connect(self.leave_preview)
        self.child_mode.leave_requested.connect(self.ask_leave_child_mode)
        self.maintenance.restored.connect(self._restored)
        self.maintenance.lock_minutes_changed.connect(self._lock_minutes_changed)
        self.maintenance.rekey_running.connect(self._hold_lock)

    # ----------------------------------------------------------------- toolbar
    def _build_toolbar(self) -> None:
        """Back and home, where we are, "saved", then the tools; Lock always at the end.

        What does not fit goes into a "More" menu (``ui/toolbar.py``); the numbers are
        priorities: the lowest moves into the menu first, Lock never.
        """
        bar = AppToolBar(self.tr("Toolbar"), icon("more"))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar
        # The actions' keys work while the toolbar shows, whether their button is on the
        # row or in the menu; not in child mode or while locked, when it is hidden.
        self._keys = QWidget(bar)
        self._keys.resize(0, 0)

        self.back_action = QAction(icon("back"), self.tr("Back"), self)
        # Not the platform's Back keys: on Windows they include Backspace, which would
        # leave the board when a card (not its text) has the focus.
        self.back_action.setShortcuts([QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)])
        self.back_action.triggered.connect(self.go_back)
        self.home_action = QAction(icon("home"), self.tr("Families"), self)
        self.home_action.triggered.connect(self.show_families)

        # Takes the free space between the left and right groups, elided if short of room.
        self.location = ElidedLabel()
        self.location.setObjectName("subtitle")
        self.location.setContentsMargins(12, 0, 12, 0)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        self.saved_label.setContentsMargins(8, 0, 8, 0)

        # Family view: this meeting only, handed to the family; leaving needs the password.
        self.family_mode_action = QAction(icon("family"), self.tr("Family view"), self)
        self.family_mode_action.triggered.connect(self.enter_family_mode)
        self.family_mode_action.setVisible(False)
        self.leave_family_action = QAction(icon("family"), self.tr("Leave family view"), self)
        self.leave_family_action.triggered.connect(self.ask_leave_family_mode)
        self.leave_family_action.setVisible(False)

        # Our own actions (not QUndoGroup.createUndoAction): a card still being written is
        # saved first, so undo takes back exactly what is on screen and loses no words.
        self.undo_action = QAction(icon("undo"), self.tr("Undo"), self)
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(icon("redo"), self.tr("Redo"), self)
        # Ctrl+Y and Ctrl+Shift+Z everywhere, as people know them from Windows and Linux;
        # each key once (a key listed twice is an "ambiguous shortcut" that does nothing).
        self.redo_action.setShortcuts(
            distinct_keys(
                QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                [QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")],
            )
        )
        self.redo_action.triggered.connect(self.redo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.undo_group.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_group.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_group.undoTextChanged.connect(
            lambda text: self.undo_action.setToolTip(self.tr("Undo: %1").replace("%1", text))
        )
        self.undo_group.redoTextChanged.connect(
            lambda text: self.redo_action.setToolTip(self.tr("Redo: %1").replace("%1", text))
        )

        self.smaller_action = QAction(icon("text-smaller"), self.tr("Smaller text"), self)
        self.smaller_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut))
        self.smaller_action.triggered.connect(lambda: self.step_text_size(-1))
        self.larger_action = QAction(icon("text-larger"), self.tr("Larger text"), self)
        self.larger_action.setShortcuts(
            distinct_keys(
                QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn), [QKeySequence("Ctrl+=")]
            )
        )
        self.larger_action.triggered.connect(lambda: self.step_text_size(1))

        self.full_screen_action = QAction(icon("fullscreen"), self.tr("Full screen"), self)
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.full_screen_action.toggled.connect(self.set_full_screen)

        self.keyboard_action = QAction(icon("keyboard"), self.tr("Keyboard"), self)
        self.keyboard_action.triggered.connect(keyboard.show)
        self.keyboard_action.setVisible(False)

        self.settings_action = QAction(icon("settings"), self.tr("Settings and backups"), self)
        self.settings_action.triggered.connect(self.show_maintenance)
        # The team's statistics: the leader's figures, never in family view.
        self.team_action = QAction(icon("team"), self.tr("Team"), self)
        self.team_action.triggered.connect(self.show_team)

        self.lock_action = QAction(icon("lock"), self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.lock_action.setVisible(self.vault is not None)
        # Also on the window itself, so Ctrl+L works while the toolbar is hidden (child mode).
        self.addAction(self.lock_action)

        # The row, left to right. Text size, full screen and settings are always pictures
        # (A−, A+, corners, a gear) the family knows; their words are in the tooltips,
        # the accessible names and the "More" menu.
        for action, priority, icon_only in (
            (self.back_action, 80, False),
            (self.home_action, 50, False),
        ):
            bar.add_button(action, priority, icon_only=icon_only)
        bar.add_flexible(self.location)
        bar.add_fixed(self.saved_label)
        for action, priority, icon_only in (
            (self.family_mode_action, 60, False),
            (self.leave_family_action, 75, False),
            (self.undo_action, 90, False),
            (self.redo_action, 89, False),
            (self.smaller_action, 54, True),
            (self.larger_action, 55, True),
            (self.full_screen_action, 30, True),
            (self.keyboard_action, 85, True),
            (self.team_action, 35, False),
            (self.settings_action, 40, True),
        ):
            bar.add_button(action, priority, icon_only=icon_only)
        bar.add_more_button()
        bar.add_button(self.lock_action, MAX_PRIORITY)
        bar.set_more_text(self.tr("More"))
        for entry in bar.entries:
            if entry.action is not self.lock_action:
                self._keys.addAction(entry.action)
        bar.arrange()

    def undo(self) -> None:
        if not self.locked:
            self.meeting.undo()

    def redo(self) -> None:
        if not self.locked:
            self.meeting.redo()

    # -------------------------------------------------------------- navigation
    def _start_page(self) -> None:
        last = self.settings.get(settings.LAST_FAMILY)
        if last:
            try:
                family = self.services.get_family(last)
            except NotFoundError:
                family = None
            if family is not None and not family.archived:
                self.open_family(family.id)
                return
        self.show_families()

    def show_families(self) -> None:
        if self.locked or self.family_mode:
            return
        self.meeting.commit_edits()
        self.families_page.quiet_weeks = self.settings.get(settings.QUIET_WEEKS)
        # Only a family opened since the start screen was last shown can have changed.
        self.families_page.refresh(visited=set(self._visited))
        self._visited.clear()
        self.stack.setCurrentWidget(self.families_page)
        self._no_undo_history()
        self._update_location()

    def open_family(self, family_id: str) -> None:
        """Show a family's page; refused while locked or in family view."""
        if self.locked or self.family_mode:
            return
        self.meeting.commit_edits()
        self.family_id = family_id
        self._visited.add(family_id)
        self.settings.set(settings.LAST_FAMILY, family_id)
        self.family_page.show_family(family_id)
        self.stack.setCurrentWidget(self.family_page)
        self._no_undo_history()
        self._update_location()
        self.family_selected.emit(family_id)

    def open_meeting(self, meeting_id: str) -> None:
        """Show a meeting's board; in family view only the family's own meeting."""
        if self.locked or (self.family_mode and meeting_id != self.family_meeting_id):
            return
        self.saved_label.clear()
        meeting = self.services.get_meeting(meeting_id)
        self._visited.add(meeting.family_id)
        if self.family_id != meeting.family_id:
            self.family_id = meeting.family_id
            self.settings.set(settings.LAST_FAMILY, meeting.family_id)
            self.family_page.show_family(meeting.family_id)
        self.settings.set(settings.LAST_MEETING, meeting_id)
        self.meeting.open_meeting(meeting_id)
        self.stack.setCurrentWidget(self.meeting)
        self._update_location()
        self.meeting_opened.emit(meeting_id)

    def show_progress(self, family_id: str) -> None:
        """Each person's answers across the family's meetings (not in family view)."""
        if self.locked or self.family_mode:
            return
        self.meeting.commit_edits()
        self.family_id = family_id
        self.progress.show_family(family_id)
        self.stack.setCurrentWidget(self.progress)
        self._no_undo_history()
        self._update_location()

    def enter_child_mode(self) -> None:
        """Hand the tablet to a child: only the child's questions, no toolbar, no case text."""
        if self.locked:
            return
        controller = self.meeting.controller
        if controller is None:
            return
        services = self.services
        here = set(services.list_attendee_ids(controller.meeting_id))
        children = [
            p for p in services.list_participants(controller.family_id) if p.role == "child"
        ]
        children = [c for c in children if c.id in here] or children
        if not children:
            return
        self.meeting.commit_edits()
        self.toolbar.hide()
        self.setWindowTitle("familymeeting")
        self.stack.setCurrentWidget(self.child_mode)
        self.child_mode.start(controller, children)
        self.child_mode_changed.emit(True)

    def ask_leave_child_mode(self) -> UnlockDialog | None:
        """Leaving child mode needs the caseworker: the password, as for family view.
        A window without a vault has no password: it leaves at once."""
        if self.locked or self.stack.currentWidget() is not self.child_mode:
            return None
        if self.vault is None:
            self.leave_child_mode()
            return None
        return self._ask_password(
            self.tr("End child mode"),
            self.tr("The caseworker’s password is needed to leave the child’s screen."),
            self.tr("Back to the child’s screen"),
            "child mode",
            self.leave_child_mode,
        )

    def leave_child_mode(self) -> None:
        if self.locked or self.stack.currentWidget() is not self.child_mode:
            return
        self.child_mode.clear()
        self.toolbar.show()
        self.stack.setCurrentWidget(self.meeting)
        self.meeting.reload()
        self.meeting.ratings.reload()
        self._update_location()
        self.child_mode_changed.emit(False)

    def show_preview(self, meeting_id: str, then: str | None = None) -> None:
        """The one-page plan the family keeps, with Print and Save, as a page.

        In family view only the family's own meeting, and Print without Save. ``then``
        "print" or "save" opens that dialog once the plan is shown.
        """
        if self.locked or (self.family_mode and meeting_id != self.family_meeting_id):
            return
        self.meeting.commit_edits()
        self.stack.setCurrentWidget(self.preview_page)
        self._no_undo_history()
        self.preview_page.show_plan(meeting_id, family_view=self.family_mode, then=then)
        self._update_location()

    def _plan_output(self, meeting_id: str, then: str) -> None:
        """The meeting was finished: its plan, then the printer's or the file dialog."""
        self.show_preview(meeting_id, then)

    def leave_preview(self) -> None:
        """Back to the meeting's plan; the page forgets the PDF."""
        if self.locked:
            return
        meeting_id = self.preview_page.meeting_id
        self.preview_page.clear()
        if meeting_id is not None and meeting_id == self.meeting.meeting_id:
            self.stack.setCurrentWidget(self.meeting)
            self.meeting.show_view("plan")
            if self.meeting.controller is not None:
                self.undo_group.setActiveStack(self.meeting.controller.stack)
            self._update_location()
        elif meeting_id is not None:
            self.open_meeting(meeting_id)
            self.meeting.show_view("plan")

    def _no_undo_history(self) -> None:
        """Off a meeting's board: Undo and Redo have no history to act on."""
        # Qt takes nullptr for "no active stack"; PySide6's stub types the argument as
        # QUndoStack, without None.
        self.undo_group.setActiveStack(None)  # type: ignore[arg-type]

    def show_maintenance(self) -> None:
        """Settings and backups; not in family view."""
        if self.locked or self.family_mode:
            return
        self.meeting.commit_edits()
        self.maintenance.refresh()
        self.stack.setCurrentWidget(self.maintenance)
        self._no_undo_history()
        self._update_location()

    def show_team(self) -> None:
        """The team's figures from statistics files; not in family view."""
        if self.locked or self.family_mode:
            return
        self.meeting.commit_edits()
        self.stack.setCurrentWidget(self.team_page)
        self._no_undo_history()
        self._update_location()

    def _rebuild_pages(self, services: Services) -> None:
        """Every page anew over ``services`` (the session's undo history goes with them)."""
        for stack in self.undo_group.stacks():
            self.undo_group.removeStack(stack)
        pages = self.takeCentralWidget()
        if pages is not None:
            pages.hide()
            pages.deleteLater()
        self._build_pages(services)
        self.stack.show()
        self.apply_text_size(self.settings.get(settings.TEXT_SIZE))

    def _restored(self, services: object) -> None:
        """A backup was brought back: build every page again over it, as after unlocking."""
        assert isinstance(services, Services)
        self.family_id = None
        self._rebuild_pages(services)
        services.note_restored(via="app")
        self.show_maintenance()
        self.maintenance.say_restored()

    def retranslate(self) -> None:
        """The language changed: new words in the toolbar, and the pages drawn anew in place.

        Pages are rebuilt rather than relabelled widget by widget, the same way as after
        unlocking: every string, date and number then comes from one code path. A card
        being written is saved first; the session's undo history is not kept.
        """
        self._retranslate_pending = False
        # Widgets take their parent's locale: the window's must follow the new default
        # for the rebuilt pages to write dates and numbers the new way.
        self.setLocale(QLocale())
        self._retranslate_toolbar()
        if self.locked:
            return
        self.meeting.commit_edits()
        place = self.where()
        self._rebuild_pages(self.services)
        self._restore(place)

    def _retranslate_toolbar(self) -> None:
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        texts = {
            self.back_action: self.tr("Back"),
            self.home_action: self.tr("Families"),
            self.family_mode_action: self.tr("Family view"),
            self.leave_family_action: self.tr("Leave family view"),
            self.undo_action: self.tr("Undo"),
            self.redo_action: self.tr("Redo"),
            self.smaller_action: self.tr("Smaller text"),
            self.larger_action: self.tr("Larger text"),
            self.full_screen_action: self.tr("Full screen"),
            self.keyboard_action: self.tr("Keyboard"),
            self.settings_action: self.tr("Settings and backups"),
            self.team_action: self.tr("Team"),
            self.lock_action: self.tr("Lock"),
        }
        for action, text in texts.items():
            action.setText(text)
            action.setToolTip(text)
        self.toolbar.set_more_text(self.tr("More"))
        self.toolbar.retranslate()
        self._update_location()

    def _lock_minutes_changed(self, minutes: int) -> None:
        if self.idle is not None:
            self.idle.set_timeout(minutes * 60_000)

    def periodic_backup(self) -> None:
        """A backup off the GUI thread if anything changed since the last one."""
        if self.vault is None or self.locked:
            return
        run_in_background(self.vault.backup_if_changed, self._backup_done, self._backup_failed)

    def _backup_done(self, _info: object) -> None:
        if not self.locked and self.stack.currentWidget() is self.maintenance:
            self.maintenance.refresh()

    def _backup_failed(self, error: object) -> None:
        text = error_text(error, self.vault.data_dir if self.vault else None)
        self.saved_label.setObjectName("unsaved")
        self.saved_label.setText(self.tr("Backup failed"))
        self.saved_label.setToolTip(text)
        self._restyle(self.saved_label)

    def go_back(self) -> None:
        if self.locked or self.family_mode:
            return  # family view has nowhere to go back to
        current = self.stack.currentWidget()
        if current is self.preview_page:
            self.leave_preview()
        elif current in (self.meeting, self.progress) and self.family_id is not None:
            self.open_family(self.family_id)
        elif current is not self.families_page:
            self.show_families()

    def _family_deleted(self, _family_id: str) -> None:
        self.settings.set(settings.LAST_FAMILY, "")
        self.settings.set(settings.LAST_MEETING, "")
        self.family_id = None
        self.show_families()

    def _family_changed(self, family_id: str) -> None:
        family = self.services.get_family(family_id)
        if family.archived:
            self.settings.set(settings.LAST_FAMILY, "")
            self.show_families()
        else:
            self._update_location()

    def _update_location(self) -> None:
        if self.locked:
            return
        current = self.stack.currentWidget()
        roaming = not self.family_mode
        for action in (self.back_action, self.home_action):
            action.setVisible(roaming)
            action.setEnabled(roaming and current is not self.families_page)
        self.settings_action.setVisible(roaming)
        self.settings_action.setEnabled(roaming and current is not self.maintenance)
        # The team's figures are for the office, not the family's table: not in a meeting.
        at_table = current in (self.meeting, self.preview_page)
        self.team_action.setVisible(roaming and not at_table)
        self.team_action.setEnabled(roaming and not at_table and current is not self.team_page)
        self.family_mode_action.setVisible(
            self.vault is not None and roaming and current is self.meeting
        )
        self.leave_family_action.setVisible(self.family_mode)
        # From what the pages show (an edit's result included): nothing is read here.
        parts: list[str] = []
        family = self.family_page.family
        showing_family = family is not None and family.id == self.family_id
        if current is not self.families_page and family is not None and showing_family:
            parts.append(family.display_name)
        meeting = self.meeting.record
        if current in (self.meeting, self.preview_page) and meeting is not None:
            day = meeting.starts_at
            when = QLocale().toString(
                QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
            )
            parts.append(f"{words.meeting_kind(meeting.kind)}, {when}")
        # The board's own header names the meeting; the toolbar says whose it is.
        self.location.setText(parts[0] if parts else "")
        if self.family_mode or not parts:
            # The title reaches the task bar, window switchers and screen sharing.
            self.setWindowTitle("familymeeting")
        else:
            self.setWindowTitle(" – ".join([*parts, "familymeeting"]))

    # ------------------------------------------------------------------ locking
    def where(self) -> Place:
        """Where the window is now (ids only), to come back to after unlocking."""
        current = self.stack.currentWidget()
        view = "board"
        for name, button in self.meeting.view_buttons.items():
            if button.isChecked():
                view = name
        if current is self.child_mode:
            current, view = self.meeting, "ratings"
        if current is self.preview_page:
            current, view = self.meeting, "plan"
        if current is self.meeting and self.meeting.meeting_id is not None:
            return Place("meeting", self.family_id, self.meeting.meeting_id, view, self.family_mode)
        if current is self.progress and self.family_id is not None:
            return Place("progress", self.family_id)
        if current is self.family_page and self.family_id is not None:
            return Place("family", self.family_id)
        if current is self.maintenance:
            return Place("maintenance")
        if current is self.team_page:
            return Place("team")
        return Place("families")

    def lock(self) -> None:
        """Remove every page and close the database; show only the unlock form.

        Open dialogs and menus are closed first; the pages are deleted on the next
        turn of the event loop (never under the feet of a widget that is handling
        an event) and are hidden until then.
        """
        if self.locked or self.vault is None:
            return
        if self._lock_held:
            self._lock_waiting = True  # locks as soon as the data key is changed
            return
        self.meeting.commit_edits()
        self.place = self.where()
        if self.idle is not None:
            self.idle.stop()
        self._close_windows()
        for stack in self.undo_group.stacks():
            self.undo_group.removeStack(stack)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.undo_action.setToolTip(self.undo_action.text())
        self.redo_action.setToolTip(self.redo_action.text())

        pages = self.takeCentralWidget()
        if pages is not None:
            pages.hide()
            pages.deleteLater()
        for name in PAGES:
            delattr(self, name)
        self.vault.close(wait=False)  # the closing backup runs on a thread
        forget_text_heights()  # derived (hashed) from case text: not kept while locked
        self.locked = True
        self.family_mode = False
        self.family_meeting_id = None
        self.family_id = None
        self.location.setText("")
        self.location.setToolTip("")  # set to the whole name when it was elided
        self.saved_label.clear()
        self.toolbar.hide()
        self.setWindowTitle("familymeeting")

        self.lock_screen = LockScreen(self.vault.data_dir, self.vault.reopen)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.setCentralWidget(self.lock_screen)
        self.lock_screen.unlock.focus_password()
        self.locked_changed.emit(True)

    def _hold_lock(self, hold: bool) -> None:
        self._lock_held = hold
        if not hold and self._lock_waiting:
            self._lock_waiting = False
            self.lock()

    def _close_windows(self) -> None:
        """Close menus and every dialog of this window (the pages' dialogs die with them)."""
        for _ in range(20):  # nested menus close one level at a time
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for widget in QApplication.topLevelWidgets():
            if widget is self or not widget.isVisible() or not self._owns(widget):
                continue
            if isinstance(widget, QDialog):
                widget.reject()
            widget.hide()
            if widget.parentWidget() is self:
                widget.deleteLater()  # e.g. "leave family view" (the pages' go with them)
        self.leave_dialog = None

    def _owns(self, widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self:
                return True
            parent = parent.parentWidget()
        return False

    def _unlocked(self, services: object) -> None:
        """The password was right: build the pages again and go back to where we were.

        If the database proved damaged (or is missing) on the way, the backup is
        offered first (``ui.recovery``); quitting that offer leaves the lock screen.
        """
        from familymeeting.storage.unlock import RestoreNeeded

        if isinstance(services, RestoreNeeded) and self.vault is not None:
            from familymeeting.ui.recovery import RestoreOfferDialog

            offer = RestoreOfferDialog(
                services, self.vault.data_dir, self.vault.take_restore_password(), self
            )
            offer.accepted.connect(partial(self._offer_accepted, offer))
            offer.finished.connect(offer.deleteLater)
            self.restore_offer = offer
            offer.open()
            return
        assert isinstance(services, Services) and self.vault is not None
        screen = self.takeCentralWidget()
        if screen is not None:
            screen.hide()
            screen.deleteLater()
        self.lock_screen = None
        self.locked = False
        self._build_pages(services)
        self.toolbar.show()
        log_unlock(services, self.vault.take_failed_attempts(), "after lock")
        self._restore(self.place)
        self.place = None
        if self.idle is not None:
            self.idle.start()
        self.locked_changed.emit(False)

    def _offer_accepted(self, offer: QDialog) -> None:
        self.restore_offer = None
        if self.vault is None or not self.locked:
            return
        services = self.vault.adopt(getattr(offer, "result_value", None))
        self.place = None  # the data is from the backup: start from the families
        self._unlocked(services)

    def _restore(self, place: Place | None) -> None:
        if place is None:
            self._start_page()
            return
        try:
            if place.page == "meeting" and place.meeting_id is not None:
                self.open_meeting(place.meeting_id)
                self.meeting.show_view(place.view)
                if place.family_mode:
                    self.enter_family_mode()
            elif place.page == "progress" and place.family_id is not None:
                self.show_progress(place.family_id)
            elif place.page == "family" and place.family_id is not None:
                self.open_family(place.family_id)
            elif place.page == "maintenance":
                self.show_maintenance()
            elif place.page == "team":
                self.show_team()
            else:
                self.show_families()
        except NotFoundError:  # removed meanwhile (e.g. from the command line)
            self.show_families()

    # -------------------------------------------------------------- family view
    def enter_family_mode(self) -> bool:
        """Keep the screen on this meeting: board, ratings and plan, nothing else."""
        if self.locked or self.vault is None or self.family_mode:
            return False
        if self.stack.currentWidget() is not self.meeting or self.meeting.meeting_id is None:
            return False
        self.meeting.commit_edits()
        self.family_mode = True
        self.meeting.family_view = True
        self.family_meeting_id = self.meeting.meeting_id
        self._update_location()
        self.family_mode_changed.emit(True)
        return True

    def ask_leave_family_mode(self) -> UnlockDialog | None:
        """Ask for the caseworker's password (window-modal, not blocking); leave if right."""
        if not self.family_mode or self.vault is None:
            return None
        return self._ask_password(
            self.tr("Leave family view"),
            self.tr("The caseworker’s password is needed to see more than this meeting."),
            self.tr("Stay in family view"),
            "family view",
            self._leave_family_mode,
        )

    def _ask_password(
        self, title: str, prompt: str, stay: str, log_as: str, then: Callable[[], None]
    ) -> UnlockDialog:
        """The caseworker's password, window-modal and not blocking: ``then`` runs once it
        is right (logged as ``log_as``, the wrong tries before it too); a wrong one is
        said in the dialog, which stays; ``stay`` closes it and changes nothing."""
        assert self.vault is not None
        vault = self.vault
        if self.leave_dialog is not None:
            self.leave_dialog.reject()
        dialog = UnlockDialog(
            vault.data_dir,
            vault.check_password,
            title=title,
            prompt=prompt,
            allow_recovery=False,
            cancel_text=stay,
            parent=self,
        )
        dialog.accepted.connect(partial(self._password_given, log_as, then))
        dialog.finished.connect(partial(self._password_closed, dialog))
        self.leave_dialog = dialog
        dialog.open()
        return dialog

    def _password_closed(self, dialog: UnlockDialog, _result: int = 0) -> None:
        if self.leave_dialog is dialog:
            self.leave_dialog = None  # not asked to close again once it is deleted
        dialog.deleteLater()

    def _password_given(self, log_as: str, then: Callable[[], None]) -> None:
        self.leave_dialog = None
        if self.locked or self.vault is None:
            return
        log_unlock(self.services, self.vault.take_failed_attempts(), log_as)
        then()

    def _leave_family_mode(self) -> None:
        self.leave_dialog = None
        if not self.family_mode or self.locked or self.vault is None:
            return
        self.family_mode = False
        self.meeting.family_view = False
        self.family_meeting_id = None
        self._update_location()
        self.family_mode_changed.emit(False)

    # ------------------------------------------------------------ saving state
    def _show_saved(self) -> None:
        self.saved_label.setObjectName("saved")
        now = QTime.currentTime().toString("HH:mm")
        self.saved_label.setText(self.tr("Saved ✓ %1").replace("%1", now))
        self.saved_label.setToolTip(self.tr("Every change is saved as soon as you make it."))
        self._restyle(self.saved_label)

    def _show_failed(self, _message: str) -> None:
        self.saved_label.setObjectName("unsaved")
        self.saved_label.setText(self.tr("Not saved"))
        self._restyle(self.saved_label)

    @staticmethod
    def _restyle(widget: QWidget) -> None:
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # --------------------------------------------------------- size and screen
    def apply_text_size(self, step: int) -> None:
        step = text_size.apply(self, step)
        self.text_size = step
        self.smaller_action.setEnabled(step > 0)
        self.larger_action.setEnabled(step < len(theme.TEXT_SCALES) - 1)

    def step_text_size(self, delta: int) -> None:
        self.apply_text_size(self.text_size + delta)
        self.settings.set(settings.TEXT_SIZE, self.text_size)

    def show_on_screen(self, screen: QScreen | None = None) -> None:
        """Show the window within the available area of a screen.

        Full screen if chosen; else where it was when it closed, if that still fits a
        screen (``screen`` if given, else any): a laptop taken from a large monitor to
        its own screen does not fit; else maximized: at the table the board gets the
        whole screen, and a fixed size is wider than an upright tablet and taller
        than a 768-high laptop.
        """
        screens = [screen] if screen is not None else QGuiApplication.screens()
        target = screen or QGuiApplication.primaryScreen()
        # Placed by position, not QWidget.setScreen: PySide then ties the screen's
        # wrapper to this window and invalidates it when the window goes.
        self.move(target.availableGeometry().topLeft())
        if self.settings.get(settings.FULL_SCREEN):
            self.move(target.availableGeometry().topLeft())
            self.showFullScreen()
            return
        saved = self.settings.get(settings.WINDOW_GEOMETRY)
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            if self.isMaximized() or self.isFullScreen():
                self.showMaximized()
                return
            if _fits(self.geometry(), screens):
                self.show()
                if not _fits(self.frameGeometry(), screens):
                    self.showMaximized()  # its frame (title bar) turned out too big
                return
        # Un-maximized, it keeps to the screen too.
        available = target.availableGeometry()
        size = QSize(min(DESIGN_SIZE.width(), available.width()), DESIGN_SIZE.height())
        size.setHeight(min(size.height(), available.height() - TITLE_BAR_GUESS))
        normal = QRect(QPoint(0, 0), size)
        normal.moveCenter(available.center())
        self.setGeometry(normal)
        self.showMaximized()

    def save_geometry(self) -> None:
        """Remember where the window is, for the next start (not in full screen)."""
        if not self.isFullScreen():
            saved = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
            self.settings.set(settings.WINDOW_GEOMETRY, saved)

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        self.settings.set(settings.FULL_SCREEN, on)

    def changeEvent(self, event: QEvent) -> None:
        # Several arrive when translators are swapped: act once, when they are all in.
        language = event.type() == QEvent.Type.LanguageChange and hasattr(self, "toolbar")
        if language and not self._retranslate_pending:
            self._retranslate_pending = True
            QTimer.singleShot(0, self, self.retranslate)  # not after the window is gone
        if event.type() == QEvent.Type.WindowStateChange:
            full = self.isFullScreen()
            if self.full_screen_action.isChecked() != full:
                self.full_screen_action.blockSignals(True)
                self.full_screen_action.setChecked(full)
                self.full_screen_action.blockSignals(False)
        super().changeEvent(event)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        typing = isinstance(new, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox)
        self.keyboard_action.setVisible(typing and keyboard.available())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.idle is not None:
            # Session lock and sleep arrive as native messages to a window (Windows).
            self.idle.watch_native_session(int(self.winId()))

    def closeEvent(self, event: QCloseEvent) -> None:
        # Edits are saved as they happen; a card still being written is saved now.
        if not self.locked:
            self.meeting.commit_edits()
        self.save_geometry()
        if self.idle is not None:
            self.idle.dispose()
            self.idle = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_changed)
        super().closeEvent(event)
