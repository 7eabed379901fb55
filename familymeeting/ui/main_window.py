"""The main window: families, a family's meetings, and the meeting board.

One window with a stack of pages and a toolbar the family can reach: back,
undo/redo, text size, full screen, and a "Gemt" (saved) indicator.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QResizeEvent, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from familymeeting.assets import resource
from familymeeting.domain.errors import NotFoundError
from familymeeting.storage.services import Services
from familymeeting.ui import keyboard, settings, theme, words
from familymeeting.ui.board.view import BoardView
from familymeeting.ui.elided import ElidedLabel
from familymeeting.ui.families_page import FamiliesPage
from familymeeting.ui.family_page import FamilyPage
from familymeeting.ui.ratings.child_mode import ChildModeView
from familymeeting.ui.ratings.progress import ProgressView
from familymeeting.ui.settings import Settings

NARROW_TOOLBAR = 1000  # below this width (a tablet in portrait) the toolbar shows icons only


def icon(name: str) -> QIcon:
    return QIcon(str(resource("icons", f"{name}.svg")))


class MainWindow(QMainWindow):
    """Signals: ``family_selected(str)`` when a family is opened, ``meeting_opened(str)``."""

    family_selected = Signal(str)
    meeting_opened = Signal(str)

    def __init__(
        self, services: Services, app_settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = app_settings
        self.setWindowTitle("familymeeting")
        self.setWindowIcon(icon("familymeeting"))
        self.resize(1280, 800)
        self.family_id: str | None = None

        self.undo_group = QUndoGroup(self)
        self.families_page = FamiliesPage(services)
        self.family_page = FamilyPage(services)
        self.board = BoardView(services, self.undo_group)
        self.child_mode = ChildModeView()
        self.progress = ProgressView(services)
        self.stack = QStackedWidget()
        pages = (self.families_page, self.family_page, self.board, self.child_mode, self.progress)
        for page in pages:
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)

        self.families_page.family_opened.connect(self.open_family)
        self.family_page.meeting_opened.connect(self.open_meeting)
        self.family_page.family_changed.connect(self._family_changed)
        self.family_page.progress_requested.connect(self.show_progress)
        self.board.saved.connect(self._update_location)
        self.board.saved.connect(self._show_saved)
        self.board.failed.connect(self._show_failed)
        self.board.child_mode_requested.connect(self.enter_child_mode)
        self.child_mode.finished.connect(self.leave_child_mode)

        self._build_toolbar()
        self.apply_text_size(self.settings.get(settings.TEXT_SIZE))
        QApplication.instance().focusChanged.connect(self._focus_changed)  # type: ignore[union-attr]
        self._start_page()

    # ----------------------------------------------------------------- toolbar
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Toolbar"))
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

        self.back_action = QAction(icon("back"), self.tr("Back"), self)
        self.back_action.setShortcut(QKeySequence.StandardKey.Back)
        self.back_action.triggered.connect(self.go_back)
        self.home_action = QAction(icon("home"), self.tr("Families"), self)
        self.home_action.triggered.connect(self.show_families)
        bar.addAction(self.back_action)
        bar.addAction(self.home_action)

        # Takes the free space between the left and right groups, elided if short of room.
        self.location = ElidedLabel()
        self.location.setObjectName("subtitle")
        self.location.setContentsMargins(12, 0, 12, 0)
        bar.addWidget(self.location)

        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        self.saved_label.setContentsMargins(8, 0, 8, 0)
        bar.addWidget(self.saved_label)

        # Our own actions (not QUndoGroup.createUndoAction): a card still being written is
        # saved first, so undo takes back exactly what is on screen and loses no words.
        self.undo_action = QAction(icon("undo"), self.tr("Undo"), self)
        self.undo_action.setShortcuts([QKeySequence.StandardKey.Undo])
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(icon("redo"), self.tr("Redo"), self)
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
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
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()

        self.smaller_action = QAction(icon("text-smaller"), self.tr("Smaller text"), self)
        self.smaller_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.smaller_action.triggered.connect(lambda: self.step_text_size(-1))
        self.larger_action = QAction(icon("text-larger"), self.tr("Larger text"), self)
        self.larger_action.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.larger_action.triggered.connect(lambda: self.step_text_size(1))
        bar.addAction(self.smaller_action)
        bar.addAction(self.larger_action)

        self.full_screen_action = QAction(icon("fullscreen"), self.tr("Full screen"), self)
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.full_screen_action.toggled.connect(self.set_full_screen)
        bar.addAction(self.full_screen_action)

        self.keyboard_action = QAction(icon("keyboard"), self.tr("Keyboard"), self)
        self.keyboard_action.triggered.connect(keyboard.show)
        self.keyboard_action.setVisible(False)
        bar.addAction(self.keyboard_action)

        for action in bar.actions():
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setMinimumSize(theme.TOUCH, theme.TOUCH)
                button.setAccessibleName(action.text())
                button.setToolTip(action.text())
        self._compact_toolbar: bool | None = None
        self._arrange_toolbar()

    def _arrange_toolbar(self) -> None:
        """Words beside the icons when there is room; icons only on a narrow screen.

        Text size and full screen are always pictures (A−, A+, corners) the family
        knows; the words are in their tooltips and accessible names.
        """
        compact = self.width() < NARROW_TOOLBAR
        if compact == self._compact_toolbar:
            return
        self._compact_toolbar = compact
        always_icons = {self.smaller_action, self.larger_action, self.full_screen_action}
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(
                    Qt.ToolButtonStyle.ToolButtonIconOnly
                    if compact or action in always_icons
                    else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_toolbar()

    def undo(self) -> None:
        self.board.undo()

    def redo(self) -> None:
        self.board.redo()

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
        self.board.commit_edits()
        self.families_page.refresh()
        self.stack.setCurrentWidget(self.families_page)
        self.undo_group.setActiveStack(None)
        self._update_location()

    def open_family(self, family_id: str) -> None:
        self.board.commit_edits()
        self.family_id = family_id
        self.settings.set(settings.LAST_FAMILY, family_id)
        self.family_page.show_family(family_id)
        self.stack.setCurrentWidget(self.family_page)
        self.undo_group.setActiveStack(None)
        self._update_location()
        self.family_selected.emit(family_id)

    def open_meeting(self, meeting_id: str) -> None:
        self.saved_label.clear()
        meeting = self.services.get_meeting(meeting_id)
        if self.family_id != meeting.family_id:
            self.family_id = meeting.family_id
            self.settings.set(settings.LAST_FAMILY, meeting.family_id)
            self.family_page.show_family(meeting.family_id)
        self.settings.set(settings.LAST_MEETING, meeting_id)
        self.board.open_meeting(meeting_id)
        self.stack.setCurrentWidget(self.board)
        self._update_location()
        self.meeting_opened.emit(meeting_id)

    def show_progress(self, family_id: str) -> None:
        """Each person's answers across the family's meetings."""
        self.board.commit_edits()
        self.family_id = family_id
        self.progress.show_family(family_id)
        self.stack.setCurrentWidget(self.progress)
        self.undo_group.setActiveStack(None)
        self._update_location()

    def enter_child_mode(self) -> None:
        """Hand the tablet to a child: only the child's questions, no toolbar, no case text."""
        controller = self.board.controller
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
        self.board.commit_edits()
        self.toolbar.hide()
        self.setWindowTitle("familymeeting")
        self.stack.setCurrentWidget(self.child_mode)
        self.child_mode.start(controller, children)

    def leave_child_mode(self) -> None:
        self.toolbar.show()
        self.stack.setCurrentWidget(self.board)
        self.board.reload()
        self.board.ratings.reload()
        self._update_location()

    def go_back(self) -> None:
        current = self.stack.currentWidget()
        if current in (self.board, self.progress) and self.family_id is not None:
            self.open_family(self.family_id)
        elif current is not self.families_page:
            self.show_families()

    def _family_changed(self, family_id: str) -> None:
        family = self.services.get_family(family_id)
        if family.archived:
            self.settings.set(settings.LAST_FAMILY, "")
            self.show_families()
        else:
            self._update_location()

    def _update_location(self) -> None:
        current = self.stack.currentWidget()
        self.back_action.setEnabled(current is not self.families_page)
        self.home_action.setEnabled(current is not self.families_page)
        parts: list[str] = []
        if current is not self.families_page and self.family_id is not None:
            parts.append(self.services.get_family(self.family_id).display_name)
        if current is self.board and self.board.meeting_id is not None:
            meeting = self.services.get_meeting(self.board.meeting_id)
            when = QLocale().toString(meeting.starts_at.date(), QLocale.FormatType.LongFormat)
            parts.append(f"{words.meeting_kind(meeting.kind)}, {when}")
        # The board's own header names the meeting; the toolbar says whose it is.
        self.location.setText(parts[0] if parts else "")
        self.setWindowTitle(" – ".join([*parts, "familymeeting"]) if parts else "familymeeting")

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
        step = max(0, min(step, len(theme.TEXT_SCALES) - 1))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.setStyleSheet(theme.stylesheet(step))
        self.text_size = step
        self.smaller_action.setEnabled(step > 0)
        self.larger_action.setEnabled(step < len(theme.TEXT_SCALES) - 1)

    def step_text_size(self, delta: int) -> None:
        self.apply_text_size(self.text_size + delta)
        self.settings.set(settings.TEXT_SIZE, self.text_size)

    def set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()
        self.settings.set(settings.FULL_SCREEN, on)

    def changeEvent(self, event: QEvent) -> None:
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

    def closeEvent(self, event: QCloseEvent) -> None:
        # Edits are saved as they happen; a card still being written is saved now.
        self.board.commit_edits()
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.disconnect(self._focus_changed)  # type: ignore[attr-defined]
        super().closeEvent(event)
