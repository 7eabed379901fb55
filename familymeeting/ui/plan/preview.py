"""Preview, print and save the one-page plan.

The PDF is made by ``familymeeting.export`` in a worker thread (the window stays
responsive); this dialog only shows the finished page, prints it and saves the
bytes atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRunnable,
    QSize,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.bugs import log_bug
from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services

if TYPE_CHECKING:
    from familymeeting.export.plan import PlanResult


class _Signals(QObject):
    done = Signal(object)  # PlanResult
    failed = Signal(object)  # UserError or Exception


class _RenderJob(QRunnable):
    """Builds and renders the plan off the GUI thread (Qt-free code only)."""

    def __init__(self, services: Services, meeting_id: str) -> None:
        super().__init__()
        self.services, self.meeting_id = services, meeting_id
        self.signals = _Signals()

    def run(self) -> None:
        try:
            # ReportLab is loaded on the first preview, not at start (about 0.4 s).
            from familymeeting.export.plan import render_plan

            result = render_plan(build_plan(self.services, self.meeting_id))
        except Exception as exc:  # reported on the GUI thread, where it is shown or logged
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


class PlanPreview(QDialog):
    """Signals: ready(): the page is shown (or an error is)."""

    ready = Signal()

    def __init__(self, services: Services, meeting_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The plan"))
        self.resize(900, 1000)
        self.services, self.meeting_id = services, meeting_id
        self.result: PlanResult | None = None
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.status = QLabel(self.tr("Making the plan…"))
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setProperty("primary", True)
        self.close_button = QPushButton(self.tr("Close"))
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        buttons.addStretch()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        job = _RenderJob(services, meeting_id)
        job.signals.done.connect(self._show)
        job.signals.failed.connect(self._failed)
        self._job = job  # keep the signals object alive until the job reports
        QThreadPool.globalInstance().start(job)

    # -------------------------------------------------------------- showing
    def _show(self, result: PlanResult) -> None:
        self.result = result
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(result.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        notes = []
        if result.shortened:
            notes.append(
                self.tr(
                    "The plan was too long for one page, so some lists were shortened "
                    "(“+ more on the board”). Check it before you print."
                )
            )
        if result.missing_glyphs:
            notes.append(
                self.tr("Some characters cannot be printed and are shown as □: %1").replace(
                    "%1", " ".join(result.missing_glyphs)
                )
            )
        self.status.setObjectName("unsaved" if notes else "muted")
        self.status.setText("\n".join(notes) or self.tr("One page, ready to print or save."))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)
        self.ready.emit()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            self.status.setText(user_message(error))
        else:
            path = log_bug(self.services.db.path.parent, error)
            self.status.setText(
                self.tr("The plan could not be made. Details are saved in %1.").replace(
                    "%1", str(path)
                )
            )
        self.status.setObjectName("unsaved")
        self.ready.emit()

    # ------------------------------------------------------------ save, print
    def save_to(self, path: Path) -> bool:
        """Write the plan atomically; a message in the dialog on failure."""
        assert self.result is not None
        try:
            write_atomic(path, self.result.pdf)
        except UserError as exc:
            self.status.setObjectName("unsaved")
            self.status.setText(user_message(exc))
            return False
        self._log("plan_pdf")
        self.status.setObjectName("saved")
        self.status.setText(self.tr("Saved in %1").replace("%1", str(path)))
        return True

    def _log(self, event: str) -> None:
        meeting = self.services.get_meeting(self.meeting_id)
        self.services.log_event(event, family_id=meeting.family_id, meeting_id=self.meeting_id)

    def save_with_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the plan"), self.tr("plan.pdf"), self.tr("PDF files (*.pdf)")
        )
        if name:
            path = Path(name)
            self.save_to(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    def print_to(self, printer: QPrinter) -> None:
        """Draw every page of the plan onto the printer, fitted to its page."""
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be started."))
            return
        try:
            rect = painter.viewport()
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                points = self.document.pagePointSize(page)
                scale = min(rect.width() / points.width(), rect.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(page, size)
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        self._log("print_plan")

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
