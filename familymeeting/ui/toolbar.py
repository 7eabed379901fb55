"""The window's toolbar: every button whole, what does not fit in a "More" menu.

Qt's own toolbar elides the words of its buttons when room runs short ("T…e") and
pushes the rest behind an extension arrow; on an upright tablet that hid Settings
and Lock. Here each action has a priority. When the row is too narrow, the buttons
first drop their words (the words stay in tooltips, accessible names and the menu),
then the least important ones move, with their full labels, into a "More" menu
beside Lock. Lock never moves: a tablet is always one tap from being locked.

The actions themselves stay visible and enabled where they are added to the window,
so their keyboard shortcuts work whether their button is on the row or in the menu.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QIcon, QResizeEvent
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QToolButton, QWidget

from familymeeting.ui import theme

# The location label needs at least this much room before buttons move into the menu.
LOCATION_MIN = 120


@dataclass
class _Entry:
    action: QAction
    button: QToolButton
    holder: QAction  # the toolbar's action for the button's widget
    priority: int  # lower moves into the menu first
    icon_only: bool  # a picture the family knows (A−, A+, full screen, settings)


class AppToolBar(QToolBar):
    """A toolbar of buttons with priorities; see the module's docstring.

    No signals of its own: the actions signal as usual.
    """

    _pending = False  # an arrange is queued (also read by events during __init__)

    def __init__(self, title: str, more_icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setMovable(False)
        self.setFloatable(False)
        self.setObjectName("appToolBar")
        # The app's buttons keep their words clear of the edges with wide padding; a
        # picture needs less, so more of the row stays whole on a narrow screen (each
        # button is still at least 48 px, theme.TOUCH).
        self.setStyleSheet(
            "QToolButton { padding: 4px 8px; min-width: 30px; }"
            " QToolButton::menu-indicator { image: none; width: 0; }"
        )
        self.entries: list[_Entry] = []
        self.flexible: QWidget | None = None  # takes the free space (the location)
        self.fixed: list[QWidget] = []  # shown whole, never moved (the saved label)
        self.more_menu = QMenu(self)
        self.more_menu.setObjectName("moreMenu")
        self.more_button = QToolButton()
        self.more_button.setObjectName("more")
        self.more_button.setIcon(more_icon)
        self.more_button.setMenu(self.more_menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMinimumSize(theme.TOUCH, theme.TOUCH)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.more_holder: QAction | None = None
        self.compact = False
        self.overflow: list[QAction] = []
        # Measures buttons in either style without touching the real ones.
        self._probe = QToolButton(self)
        self._probe.setMinimumSize(theme.TOUCH, theme.TOUCH)
        self._probe.hide()

    # ------------------------------------------------------------------ building
    def add_button(self, action: QAction, priority: int, *, icon_only: bool = False) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setObjectName(action.objectName())
        button.setMinimumSize(theme.TOUCH, theme.TOUCH)
        button.setToolButtonStyle(self._style(icon_only))
        holder = self.addWidget(button)
        self.entries.append(_Entry(action, button, holder, priority, icon_only))
        action.changed.connect(self.arrange_later)
        self._label(action)
        return button

    def add_more_button(self) -> None:
        """The "More" menu's place in the row (shown only when something is in it)."""
        self.more_holder = self.addWidget(self.more_button)
        self.more_holder.setVisible(False)

    def add_flexible(self, widget: QWidget) -> None:
        self.flexible = widget
        self.addWidget(widget)

    def add_fixed(self, widget: QWidget) -> None:
        self.fixed.append(widget)
        self.addWidget(widget)

    # Qt returns nullptr for an action without a widget; PySide6's stub declares the
    # result as QWidget, without None, so the honest return type reads as an override.
    def widgetForAction(self, action: QAction) -> QWidget | None:  # type: ignore[override]
        """The button of one of our actions (Qt's own looks only at the row's actions)."""
        for entry in self.entries:
            if entry.action is action:
                return entry.button
        return super().widgetForAction(action)

    def set_more_text(self, text: str) -> None:
        self.more_button.setText(text)
        self.more_button.setToolTip(text)
        self.more_button.setAccessibleName(text)

    def retranslate(self) -> None:
        for entry in self.entries:
            self._label(entry.action)
        self.arrange()

    # ----------------------------------------------------------------- arranging
    def _style(self, icon_only: bool) -> Qt.ToolButtonStyle:
        if icon_only or self.compact:
            return Qt.ToolButtonStyle.ToolButtonIconOnly
        return Qt.ToolButtonStyle.ToolButtonTextBesideIcon

    def _label(self, action: QAction) -> None:
        """Screen readers get the action's words also when the button shows a picture."""
        for entry in self.entries:
            if entry.action is action and entry.button.accessibleName() != action.text():
                entry.button.setAccessibleName(action.text())

    def arrange_later(self) -> None:
        """Arrange once the current changes are in (several actions change together)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.arrange)

    def _button_width(self, entry: _Entry, compact: bool) -> int:
        """The button's width in a style, measured on a hidden twin (no relayout)."""
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact or entry.icon_only
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        probe = self._probe
        probe.setToolButtonStyle(style)
        probe.setIcon(entry.action.icon())
        probe.setText(entry.action.iconText())
        probe.ensurePolished()
        return max(probe.sizeHint().width(), theme.TOUCH)

    def _needed(self, shown: list[_Entry], compact: bool, with_more: bool) -> int:
        layout = self.layout()
        spacing = layout.spacing() if layout is not None else 6
        margins = self.contentsMargins()
        widths = [self._button_width(e, compact) for e in shown]
        widths += [w.sizeHint().width() for w in self.fixed if _has_text(w)]
        if with_more:
            widths.append(max(self.more_button.sizeHint().width(), theme.TOUCH))
        if self.flexible is not None:
            widths.append(LOCATION_MIN if _has_text(self.flexible) else 0)
        count = len(widths)
        # Qt's toolbar also draws a handle area and keeps a little slack at the end.
        return sum(widths) + spacing * (count + 1) + margins.left() + margins.right() + 12

    def arrange(self) -> None:
        """Words beside the icons when there is room; else pictures; else a "More" menu."""
        self._pending = False
        width = self.width()
        wanted = [e for e in self.entries if e.action.isVisible()]
        for compact in (False, True):
            if self._needed(wanted, compact, with_more=False) <= width:
                self._set_compact(compact)
                self._show(wanted, [])
                return
        # Pictures only, and still too wide: the least important go into the menu.
        self._set_compact(True)
        by_priority = sorted(wanted, key=lambda e: e.priority)
        moved: list[_Entry] = []
        shown = list(wanted)
        for entry in by_priority:
            if self._needed(shown, True, with_more=True) <= width:
                break
            if entry.priority >= MAX_PRIORITY:
                break  # never moves (Lock)
            shown.remove(entry)
            moved.append(entry)
        self._show(shown, moved)

    def _set_compact(self, compact: bool) -> None:
        self.compact = compact
        for entry in self.entries:
            style = self._style(entry.icon_only)
            if entry.button.toolButtonStyle() != style:
                entry.button.setToolButtonStyle(style)

    def _show(self, shown: list[_Entry], moved: list[_Entry]) -> None:
        for entry in self.entries:
            entry.holder.setVisible(entry in shown)
        moved_actions = [e.action for e in self.entries if e in moved]  # in row order
        if moved_actions != self.overflow:
            self.more_menu.clear()
            for action in moved_actions:
                self.more_menu.addAction(action)
            self.overflow = moved_actions
        if self.more_holder is not None:
            self.more_holder.setVisible(bool(moved_actions))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.arrange()

    def event(self, event: QEvent) -> bool:
        # A new text size, or the saved label's words: the widths changed.
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.StyleChange):
            self.arrange_later()
        return super().event(event)

    def sizeHint(self) -> QSize:
        # As wide as the window gives; never asks the window to grow for its buttons.
        hint = super().sizeHint()
        return QSize(min(hint.width(), 400), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 200), hint.height())


MAX_PRIORITY = 100  # an action with this priority is always on the row (Lock)


def _has_text(widget: QWidget) -> bool:
    return isinstance(widget, QLabel) and bool(widget.text())
