"""The caseworker's meeting record ("Mødenotat"): never the family's, never in family view.

Three fields that belong to the record only (the professional assessment, the
minutes, the other professionals present, one per line), saved with
``SetMeetingRecord``; then the record leaves the app as a PDF (the file dialog without
traces) or as plain text on the clipboard, for the municipality's case system. The
family's plan never shows any of it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.errors import UserError
from familymeeting.domain.text import file_name
from familymeeting.export.record import render_record
from familymeeting.export.record_text import record_text
from familymeeting.messages import current_language, user_message
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.operations import SetMeetingRecord
from familymeeting.storage.record_data import build_record
from familymeeting.storage.services import Services
from familymeeting.ui import theme
from familymeeting.ui.controls import make_error_label, text_label, title_label
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.file_dialog import documents_folder, open_file_dialog


class _TextField(QPlainTextEdit):
    """A text field that asks for ``rows`` lines, not Qt's ~12: the three fields and the
    buttons fit a 768-high screen together, and each grows with the room there is."""

    def __init__(self, text: str, rows: int) -> None:
        super().__init__(text)
        self.rows = rows

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        height = self.fontMetrics().lineSpacing() * self.rows + margins.top() + margins.bottom()
        return QSize(super().sizeHint().width(), max(theme.TOUCH, height + 16))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class MeetingRecordDialog(FittedDialog):
    """Write the caseworker's part of a meeting's record, and take the record out.

    Signals: none (what it saves is the record's only; no screen shows it).
    """

    def __init__(self, services: Services, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, preferred=QSize(860, 600))
        self.services = services
        self.meeting_id = meeting_id
        self.file_dialog: QFileDialog | None = None
        meeting = services.get_meeting(meeting_id)
        self.setWindowTitle(self.tr("Meeting record"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(8)
        layout.addWidget(title_label(self.tr("Meeting record")))
        layout.addWidget(
            text_label(
                self.tr(
                    "For the case journal. The family's plan never shows what is written here."
                ),
                "muted",
            )
        )
        self.assessment_edit = self._field(
            layout, self.tr("Professional assessment"), meeting.assessment
        )
        self.minutes_edit = self._field(layout, self.tr("Minutes"), meeting.minutes)
        self.others_edit = self._field(
            layout,
            self.tr("Other professionals present (one per line)"),
            meeting.other_attendees,
            rows=2,
        )
        self.status_label = text_label("", "muted")
        self.status_label.hide()
        layout.addWidget(self.status_label)
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)

        self.buttons = QDialogButtonBox()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self._close)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button = QPushButton(self.tr("Copy as text"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_text)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.setAutoDefault(False)
        self.pdf_button.clicked.connect(self.save_pdf_with_dialog)
        self.buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setProperty("primary", "true")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)

    def _field(self, layout: QVBoxLayout, title: str, text: str, rows: int = 3) -> QPlainTextEdit:
        label = QLabel(title)
        edit = _TextField(text, rows)
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(title)
        QScroller.grabGesture(edit.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        label.setBuddy(edit)
        layout.addWidget(label)
        layout.addWidget(edit, rows)
        return edit

    # ------------------------------------------------------------------ public
    def save(self) -> bool:
        """Store the three fields (one write); False, with the reason shown, if refused."""
        self.error_label.hide()
        try:
            self.services.run(
                SetMeetingRecord(
                    self.meeting_id,
                    assessment=self.assessment_edit.toPlainText(),
                    minutes=self.minutes_edit.toPlainText(),
                    other_attendees=self.others_edit.toPlainText(),
                )
            )
        except UserError as exc:
            self.error_label.setText(user_message(exc))
            self.error_label.show()
            return False
        self._say(self.tr("Saved ✓"))
        return True

    def copy_text(self) -> bool:
        """Save, then put the record's plain text on the clipboard (for the case system)."""
        if not self.save():
            return False
        text = record_text(build_record(self.services, self.meeting_id, current_language()))
        QGuiApplication.clipboard().setText(text)
        self.services.record_meeting_event("export_record", self.meeting_id, "app text")
        self._say(self.tr("The record is copied. Paste it into the case system."))
        return True

    def save_pdf_to(self, path: Path) -> bool:
        """Save, then write the record's PDF atomically to ``path``."""
        if not self.save():
            return False
        record = build_record(self.services, self.meeting_id, current_language())
        try:
            write_atomic(path, render_record(record).pdf)
        except UserError as exc:
            self.error_label.setText(user_message(exc))
            self.error_label.show()
            return False
        self.services.record_meeting_event("export_record", self.meeting_id, "app")
        self._say(self.tr("Saved in %1").replace("%1", str(path)))
        return True

    def suggested_name(self) -> str:
        meeting = self.services.get_meeting(self.meeting_id)
        family = self.services.get_family(meeting.family_id)
        words = f"{self.tr('Meeting record')} {meeting.starts_at:%Y-%m-%d} {family.display_name}"
        return f"{file_name(words, fallback='record')}.pdf"

    def save_pdf_with_dialog(self) -> QFileDialog:
        """Ask where (window-modal, not blocking); writes when a file is chosen."""
        self.file_dialog = open_file_dialog(
            self,
            self.tr("Save the meeting record"),
            documents_folder() / self.suggested_name(),
            self.tr("PDF files (*.pdf)"),
            self._pdf_chosen,
            save_suffix="pdf",
        )
        return self.file_dialog

    # ----------------------------------------------------------------- helpers
    def _pdf_chosen(self, path: Path) -> None:
        self.file_dialog = None
        self.save_pdf_to(path)

    def _close(self) -> None:
        # What was typed is kept: closing saves it (a refused text keeps the dialog open).
        if self.save():
            self.accept()

    def _say(self, text: str) -> None:
        self.status_label.setText(text)
        self.status_label.show()


__all__ = ["MeetingRecordDialog"]
