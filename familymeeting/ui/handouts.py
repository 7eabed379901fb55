"""Plans given to the family ("Planer givet til familien"): the kept plans, newest first.

Every plan printed or saved for the family is kept exactly as it was handed out
(``KeepHandout``). Here the caseworker sees when each was given, for which meeting and
how, and can print one again or save it as a PDF: the stored bytes, never a plan made
anew, so the paper is the one the family has. The family page opens this; it is not
reachable in family mode (the family page is not).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDate,
    QDateTime,
    QIODevice,
    QLocale,
    QSize,
    QTime,
    QTimeZone,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.errors import UserError
from familymeeting.domain.text import file_name
from familymeeting.messages import user_message
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.records import HandoutEntry
from familymeeting.storage.services import Services
from familymeeting.ui.controls import standard_button, text_label
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.file_dialog import documents_folder, open_file_dialog
from familymeeting.ui.flow import FlowLayout
from familymeeting.ui.printing import print_pdf


def how_words(how: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "print": QCoreApplication.translate("Handouts", "Printed"),
        "save": QCoreApplication.translate("Handouts", "Saved as PDF"),
        "cli": QCoreApplication.translate("Handouts", "Written by the command line"),
    }.get(how, how)


class HandoutsDialog(FittedDialog):
    """The plans the family was given, each with "Print again" and "Save as PDF…".

    No signals beyond QDialog's. ``print_again(entry, printer)`` and ``save_to(entry,
    path)`` do the work without a dialog (tests, and the dialogs' answers).
    """

    def __init__(self, services: Services, family_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, preferred=QSize(760, 0))
        self.services = services
        self.family = services.get_family(family_id)
        self.entries = services.list_handouts(family_id)
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Plans given to the family"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(
            text_label(
                self.tr(
                    "Every plan printed or saved for the family is kept here exactly as "
                    "they got it, so you can print it again or save it as a PDF."
                ),
                "muted",
            )
        )
        self.status = text_label("", "muted")
        self.status.hide()
        layout.addWidget(self.status)
        self.rows: list[QFrame] = []
        self.print_buttons: list[QPushButton] = []
        self.save_buttons: list[QPushButton] = []
        if not self.entries:
            layout.addWidget(
                text_label(
                    self.tr(
                        "No plan has been given to the family yet. A plan is kept here "
                        "when it is printed or saved."
                    )
                )
            )
        for entry in self.entries:
            layout.addWidget(self._row(entry))
        layout.addStretch()
        self.buttons = QDialogButtonBox()
        self.close_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ rows
    def _row(self, entry: HandoutEntry) -> QFrame:
        row = QFrame()
        row.setObjectName("handout")
        box = QVBoxLayout(row)
        box.setContentsMargins(0, 4, 0, 4)
        box.setSpacing(4)
        title = QLabel(
            self.tr("Plan %1 · given %2")
            .replace("%1", str(entry.number))
            .replace("%2", self.given_text(entry.handout.given_at))
        )
        title.setObjectName("subtitle")
        title.setWordWrap(True)
        box.addWidget(title)
        if entry.meeting_at is not None:
            meeting = self.tr("Meeting %1").replace("%1", self.day_text(entry.meeting_at))
        else:
            meeting = self.tr("The meeting has been deleted")
        detail = " · ".join((meeting, how_words(entry.handout.how)))
        box.addWidget(text_label(detail, "muted"))
        buttons = QWidget()
        flow = FlowLayout(buttons, spacing=12)
        flow.setContentsMargins(0, 4, 0, 0)
        again = QPushButton(self.tr("Print again…"))
        again.setAccessibleName(self.tr("Print plan %1 again").replace("%1", str(entry.number)))
        again.clicked.connect(lambda: self.print_with_dialog(entry))
        save = QPushButton(self.tr("Save as PDF…"))
        save.setAccessibleName(self.tr("Save plan %1 as PDF").replace("%1", str(entry.number)))
        save.clicked.connect(lambda: self.save_with_dialog(entry))
        flow.addWidget(again)
        flow.addWidget(save)
        box.addWidget(buttons)
        self.rows.append(row)
        self.print_buttons.append(again)
        self.save_buttons.append(save)
        return row

    def given_text(self, moment: datetime) -> str:
        """When it was given, in the computer's time zone and the user's locale."""
        when = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()), QTimeZone.systemTimeZone())
        return self.locale().toString(when, QLocale.FormatType.ShortFormat)

    def day_text(self, when: datetime) -> str:
        locale = self.locale()
        day = locale.toString(QDate(when.year, when.month, when.day), QLocale.FormatType.LongFormat)
        time = locale.toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
        return self.tr("%1 at %2").replace("%1", day).replace("%2", time)

    def _say(self, text: str, kind: str) -> None:
        self.status.setObjectName(kind)
        self.status.setText(text)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.show()

    # ----------------------------------------------------------------- print
    def print_again(self, entry: HandoutEntry, printer: QPrinter) -> bool:
        """Print the kept PDF, exactly the bytes the family got; logged once printed."""
        pdf = self.services.handout_pdf(entry.handout.id)
        buffer = QBuffer()
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument()
        document.load(buffer)
        try:
            if not print_pdf(document, printer):
                self._say(self.tr("The printer could not be started."), "unsaved")
                return False
        finally:
            document.close()
            buffer.close()
        self.services.record_reprint(entry.handout.id, via="app")
        sent = self.tr("Plan %1 was sent to the printer.").replace("%1", str(entry.number))
        self._say(sent, "saved")
        return True

    def print_with_dialog(self, entry: HandoutEntry) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_again(entry, printer)

    # ------------------------------------------------------------------ save
    def save_to(self, entry: HandoutEntry, path: Path) -> bool:
        """Write the kept PDF atomically; a message here on failure (nothing logged)."""
        try:
            write_atomic(path, self.services.handout_pdf(entry.handout.id))
        except UserError as exc:
            self._say(user_message(exc), "unsaved")
            return False
        self.services.record_reprint(entry.handout.id, via="app")
        self._say(self.tr("Saved in %1").replace("%1", str(path)), "saved")
        return True

    def suggested_name(self, entry: HandoutEntry) -> str:
        """ "Vores plan 2026-11-06 Familien Holm (2).pdf": the meeting, the family, the number."""
        day = entry.meeting_at or entry.handout.given_at
        title = self.tr("Our plan")
        words = f"{title} {day:%Y-%m-%d} {self.family.display_name} ({entry.number})"
        return f"{file_name(words)}.pdf"

    def save_with_dialog(self, entry: HandoutEntry) -> QFileDialog:
        """Ask where to save (window-modal, not blocking); saves when a file is chosen."""
        self.file_dialog = open_file_dialog(
            self,
            self.tr("Save the plan"),
            documents_folder() / self.suggested_name(entry),
            self.tr("PDF files (*.pdf)"),
            partial(self._save_chosen, entry),
            save_suffix="pdf",
        )
        return self.file_dialog

    def _save_chosen(self, entry: HandoutEntry, path: Path) -> None:
        self.file_dialog = None
        self.save_to(entry, path)


__all__ = ["HandoutsDialog", "how_words"]
