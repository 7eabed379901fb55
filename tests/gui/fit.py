"""What a person sees, checked by walking the widget tree (the fit audit's rules).

Generic on purpose: it knows nothing of our pages, so a screen added tomorrow is
checked by the same rules the day it is opened in tests/gui/test_fit_audit.py.

A problem is one line of text naming the screen, the widget and what is wrong:
- text that does not fit its button or label (clipped, or elided where eliding was
  not designed: a widget that elides on purpose says so with a small
  ``minimumSizeHint``, like ``ui/elided.py``);
- a control outside its window, or cut off by its parent (content inside a scroll
  area's viewport is exempt: scrolling to it is the design; the scroll area is not);
- a window or dialog larger than, or lying outside, the screen's available area;
- a touch target (button, check box, field, slider, list row) under 48 logical px;
- a key bound twice in one window.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QRadioButton,
    QScrollBar,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionToolButton,
    QTabBar,
    QToolButton,
    QWidget,
)

TOUCH = 48  # the smallest touch target, logical px (CRAFT.md)
# The supported screens (PRODUCT.md), as named in tests/offscreen-screens.json.
SCREENS = (
    "landscape-1024x768",
    "landscape-1366x768",
    "landscape-1280x800",
    "landscape-1920x1080",
    "portrait-800x1280",
    "portrait-768x1024",
)
SLACK = 1  # rounding of fractional font metrics


def describe(widget: QWidget) -> str:
    """Class, object name and (short) text: enough to find the widget in the code."""
    name = type(widget).__name__
    if widget.objectName() and not widget.objectName().startswith("qt_"):
        name += f"#{widget.objectName()}"
    text = ""
    if isinstance(widget, QAbstractButton | QLabel):
        text = widget.text()
    if not text:
        text = widget.accessibleName() or widget.toolTip()
    text = " ".join(text.split())
    if text:
        name += f" {text[:40]!r}"
    return name


def _inside_qt_composite(widget: QWidget) -> bool:
    """Parts that Qt's own composite widgets lay out and clip themselves.

    A spin box's line edit, a combo box's or a calendar's inner buttons, a scroll
    area's scroll bars and corner, an item view's headers and editors: Qt places
    them, and the composite is checked as a whole.
    """
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QCalendarWidget | QHeaderView):
            return True
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _in_scrolled_content(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: may lie out of view by design (scroll to it)."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def _visible_widgets(top: QWidget) -> list[QWidget]:
    return [
        w
        for w in [top, *top.findChildren(QWidget)]
        if w.isVisible() and (w is top or w.window() is top)
    ]


def text_problems(widget: QWidget) -> list[str]:
    """Text cut off or elided without design."""
    if _inside_qt_composite(widget):
        return []
    if isinstance(widget, QToolButton):
        style = widget.toolButtonStyle()
        shows_text = style != Qt.ToolButtonStyle.ToolButtonIconOnly or widget.icon().isNull()
        if not shows_text or not widget.text():
            return []
        # A tool button in a toolbar elides its words when squeezed ("T…e"): what it
        # draws is the style option's text.
        option = QStyleOptionToolButton()
        widget.initStyleOption(option)
        if option.text != widget.text().replace("&&", "&"):
            return [f"text elided to {option.text!r}"]
        needs = widget.fontMetrics().horizontalAdvance(widget.text())
        if style == Qt.ToolButtonStyle.ToolButtonTextBesideIcon and not widget.icon().isNull():
            needs += widget.iconSize().width() + 4
        if widget.width() + SLACK < needs:
            return [f"text cut: {widget.width()} px wide, needs {needs}"]
        return []
    if isinstance(widget, QAbstractButton):
        if widget.text() and widget.width() + SLACK < widget.minimumSizeHint().width():
            needs = widget.minimumSizeHint().width()
            return [f"text cut: {widget.width()} px wide, needs {needs}"]
        if widget.text() and widget.height() + SLACK < widget.minimumSizeHint().height():
            needs = widget.minimumSizeHint().height()
            return [f"text cut: {widget.height()} px high, needs {needs}"]
        return []
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return []
        if widget.wordWrap():
            needs = widget.heightForWidth(widget.width())
            if needs > 0 and widget.height() + SLACK < needs:
                return [f"wrapped text cut: {widget.height()} px high, needs {needs}"]
            return []
        hint = widget.minimumSizeHint()
        if widget.width() + SLACK < hint.width():
            return [f"text cut: {widget.width()} px wide, needs {hint.width()}"]
        if widget.height() + SLACK < hint.height():
            return [f"text cut: {widget.height()} px high, needs {hint.height()}"]
        return []
    if isinstance(widget, QComboBox) and widget.currentText():
        option = QStyleOptionComboBox()
        widget.initStyleOption(option)
        field = widget.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            widget,
        )
        needs = widget.fontMetrics().horizontalAdvance(widget.currentText())
        if not widget.itemIcon(widget.currentIndex()).isNull():
            needs += widget.iconSize().width() + 4
        if field.width() + SLACK < needs:
            return [f"choice cut: {field.width()} px for text of {needs} px"]
    if isinstance(widget, QTabBar):
        problems = []
        for i in range(widget.count()):
            rect = widget.tabRect(i)
            needs = widget.fontMetrics().horizontalAdvance(widget.tabText(i))
            if rect.width() < needs:
                problems.append(f"tab {widget.tabText(i)!r} cut")
        return problems
    return []


def place_problems(widget: QWidget, top: QWidget) -> list[str]:
    """A control outside its window, or cut off by its parent."""
    if widget is top or _inside_qt_composite(widget) or isinstance(widget, QScrollBar):
        return []
    parent = widget.parentWidget()
    if parent is None:
        return []
    problems = []
    if widget.width() <= 0 or widget.height() <= 0:
        if isinstance(widget, QAbstractButton | QLabel) and widget.text():
            problems.append("squeezed to nothing")
        return problems
    if _in_scrolled_content(widget):
        return problems
    inner = parent.rect()
    geometry = widget.geometry()
    if not inner.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(geometry):
        problems.append(
            f"cut off by its parent {describe(parent)}: {_rect(geometry)} in {_rect(inner)}"
        )
    at = QRect(widget.mapTo(top, widget.rect().topLeft()), widget.size())
    if not top.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(at):
        problems.append(f"outside the window: {_rect(at)} in {_rect(top.rect())}")
    return problems


def _is_touch_target(widget: QWidget) -> bool:
    if _inside_qt_composite(widget) or isinstance(widget, QScrollBar):
        return False
    if not widget.isEnabled() and not isinstance(widget, QAbstractButton):
        return False
    return isinstance(
        widget,
        QAbstractButton | QComboBox | QAbstractSpinBox | QLineEdit | QAbstractSlider,
    ) or bool(widget.property("touchTarget"))


def touch_problems(widget: QWidget) -> list[str]:
    """A target a finger must hit, smaller than 48 × 48 logical px."""
    problems = []
    if _is_touch_target(widget):
        if isinstance(widget, QCheckBox | QRadioButton):
            small = widget.height() < TOUCH  # the whole row is the target
        else:
            small = widget.height() < TOUCH or widget.width() < TOUCH
        if small:
            problems.append(f"touch target {widget.width()}×{widget.height()} px")
    if isinstance(widget, QMenu):
        for action in widget.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            rect = widget.actionGeometry(action)
            if rect.isValid() and rect.height() < TOUCH:
                problems.append(f"menu item {action.text()!r} is {rect.height()} px high")
    if (
        isinstance(widget, QAbstractItemView)
        and not isinstance(widget, QHeaderView)
        and widget.selectionMode() != QAbstractItemView.SelectionMode.NoSelection
        and widget.isEnabled()
    ):
        model = widget.model()
        if model is not None:
            for row in range(min(model.rowCount(), 50)):
                rect = widget.visualRect(model.index(row, 0))
                if rect.isValid() and 0 < rect.height() < TOUCH:
                    problems.append(f"list row {row} is {rect.height()} px high")
                    break
    return problems


def window_problems(top: QWidget) -> list[str]:
    """A window or dialog larger than the screen's available area, or off it."""
    # QGuiApplication.screenAt, not top.screen(): PySide ties the wrapper that
    # QWidget.screen() returns to the widget and invalidates it when the widget goes,
    # and every later lookup of that screen then gets the dead wrapper.
    screen = QGuiApplication.screenAt(top.geometry().center())
    if screen is None:
        return [f"on no screen: {_rect(top.geometry())}"]
    available = screen.availableGeometry()
    frame = top.frameGeometry()
    problems = []
    if frame.width() > available.width() or frame.height() > available.height():
        problems.append(
            f"larger than the screen: {frame.width()}×{frame.height()} on "
            f"{available.width()}×{available.height()}"
        )
    elif not available.contains(frame):
        problems.append(f"off the screen: {_rect(frame)} on {_rect(available)}")
    return problems


def _live(widget: QWidget | None, top: QWidget) -> bool:
    """A shortcut on this widget can fire in ``top`` (Qt asks the same: shown, enabled)."""
    return (
        widget is not None
        and widget.isVisible()
        and widget.isEnabled()
        and (widget.window() is top)
    )


def shortcut_problems(top: QWidget) -> list[str]:
    """A key bound twice in one window (Qt then runs neither: an ambiguous overload).

    Only keys that can fire now count: an action on a shown widget of this window, a
    QShortcut whose widget is shown. Keys of hidden pages and closed dialogs sleep.
    """
    owners: dict[str, list[str]] = defaultdict(list)
    seen: set[int] = set()
    for widget in [top, *top.findChildren(QWidget)]:
        if not _live(widget, top):
            continue
        for action in widget.actions():
            if id(action) in seen or not action.isEnabled():
                continue
            seen.add(id(action))
            if action.shortcutContext() not in (
                Qt.ShortcutContext.WindowShortcut,
                Qt.ShortcutContext.ApplicationShortcut,
            ):
                continue
            name = action.objectName() or action.text() or "action"
            for key in action.shortcuts():
                if not key.isEmpty():
                    owners[key.toString()].append(name)
    for shortcut in top.findChildren(QShortcut):
        parent = shortcut.parent()
        if not shortcut.isEnabled() or not isinstance(parent, QWidget) or not _live(parent, top):
            continue
        if shortcut.context() not in (
            Qt.ShortcutContext.WindowShortcut,
            Qt.ShortcutContext.ApplicationShortcut,
        ):
            continue
        for key in shortcut.keys():  # noqa: SIM118 (a QShortcut, not a dict)
            if not key.isEmpty():
                owners[key.toString()].append(shortcut.objectName() or "QShortcut")
    return [
        f"key {key} is bound {len(names)} times: {', '.join(names)}"
        for key, names in sorted(owners.items())
        if len(names) > 1
    ]


def audit(top: QWidget, where: str) -> list[str]:
    """Every problem a person would see in the window ``top`` as it is now."""
    problems = [f"{where}: {describe(top)} {p}" for p in window_problems(top)]
    for widget in _visible_widgets(top):
        for problem in (
            *text_problems(widget),
            *place_problems(widget, top),
            *touch_problems(widget),
        ):
            problems.append(f"{where}: {describe(widget)}: {problem}")
    problems += [f"{where}: {p}" for p in shortcut_problems(top)]
    return problems


def audit_open_windows(where: str) -> list[str]:
    """Every visible top-level window: the main window, dialogs and menus."""
    problems: list[str] = []
    for top in QApplication.topLevelWidgets():
        if top.isVisible() and top.isWindow():
            name = f"{where} [{type(top).__name__}]" if isinstance(top, QMenu) else where
            problems += audit(top, name)
    return problems


def _rect(rect: QRect) -> str:
    return f"({rect.x()},{rect.y()} {rect.width()}×{rect.height()})"


def standard_keys(*keys: QKeySequence.StandardKey) -> Iterable[str]:
    """The platform's key sequences for standard keys, as text (for messages)."""
    for key in keys:
        for sequence in QKeySequence.keyBindings(key):
            yield sequence.toString()


def screen_named(name: str) -> object:
    """The offscreen screen of that name (tests/offscreen-screens.json), or None."""
    return next((s for s in QGuiApplication.screens() if s.name() == name), None)
