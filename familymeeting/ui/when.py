"""A day and a time a finger can pick: a calendar for the day, a list for the time.

Used wherever a meeting's time is chosen: the new-meeting dialog, the meeting's
details and the finish sheet. A list of times is easier to hit than a spin box's
digits; an agreed time off the list's grid is added to it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTime, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QDateEdit, QHBoxLayout, QScroller, QWidget

from familymeeting.ui import theme

# Times offered in the time picker. An earlier agreed time off this grid is added to it.
FIRST_HOUR = 6
LAST_HOUR = 22
STEP_MINUTES = 15


class WhenPicker(QWidget):
    """A date (calendar pop-up) and a time (a list), side by side.

    Signals:
    edited(object): the person finished choosing; the new ``datetime``. Not sent for
        ``set_value``, nor for each digit typed into the date (only when the date is
        left or Enter is pressed).
    """

    edited = Signal(object)

    def __init__(self, when: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(self.locale().dateFormat(QLocale.FormatType.LongFormat))
        self.date_edit.setMinimumHeight(theme.TOUCH)
        self.date_edit.setMinimumWidth(360)
        self.date_edit.setAccessibleName(self.tr("Date"))
        row.addWidget(self.date_edit, 1)
        self.time_combo = QComboBox()
        self.time_combo.setMinimumHeight(theme.TOUCH)
        self.time_combo.setMinimumWidth(120)
        self.time_combo.setAccessibleName(self.tr("Time"))
        # A long list: a finger flicks through it.
        QScroller.grabGesture(
            self.time_combo.view().viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        row.addWidget(self.time_combo)
        self.set_value(when)
        # A day picked in the calendar counts at once; typed, when the field is left.
        self.date_edit.dateChanged.connect(self._date_changed)
        self.date_edit.editingFinished.connect(self._emit)
        self.time_combo.currentIndexChanged.connect(lambda _i: self._emit())
        # Scrolling past the fields (the sheet they are on scrolls) must not change them.
        for field in (self.date_edit, self.time_combo):
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            field.installEventFilter(self)

    def value(self) -> datetime:
        day = self.date_edit.date()
        minutes = int(self.time_combo.currentData())
        return datetime(day.year(), day.month(), day.day(), minutes // 60, minutes % 60)

    def set_value(self, when: datetime) -> None:
        """Show ``when`` without sending it back as an edit."""
        self._loading = True
        try:
            self.date_edit.setDate(QDate(when.year, when.month, when.day))
            self._fill_times(when.hour * 60 + when.minute)
        finally:
            self._loading = False

    def _fill_times(self, selected: int) -> None:
        minutes = set(range(FIRST_HOUR * 60, LAST_HOUR * 60 + 1, STEP_MINUTES))
        minutes.add(selected)
        if [self.time_combo.itemData(i) for i in range(self.time_combo.count())] != sorted(minutes):
            self.time_combo.clear()
            for value in sorted(minutes):
                text = self.locale().toString(
                    QTime(value // 60, value % 60), QLocale.FormatType.ShortFormat
                )
                self.time_combo.addItem(text, value)
        self.time_combo.setCurrentIndex(self.time_combo.findData(selected))

    def _date_changed(self, _date: QDate) -> None:
        # While digits are typed into the field, wait until it is left.
        if QApplication.focusWidget() is not self.date_edit:
            self._emit()

    def _emit(self) -> None:
        if not self._loading:
            self.edited.emit(self.value())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        wheel = event.type() == QEvent.Type.Wheel
        if wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()
            return True
        return super().eventFilter(watched, event)


__all__ = ["FIRST_HOUR", "LAST_HOUR", "STEP_MINUTES", "WhenPicker"]
