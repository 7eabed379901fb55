"""The one-page plan as the family will get it: a page of the window, with Print and Save.

A page, not a dialog: a fixed-size dialog put Print and Save below a 768-high screen
and cut Save off an upright tablet. The buttons sit in the bar at the top, always on
screen; the page below them shrinks to fit. The PDF is made by ``familymeeting.export``
in a worker thread (the window stays responsive); this page only shows the finished
page, prints it and saves the bytes atomically. A plan printed or saved is kept as
handed out (``KeepHandout``): the family page lists it and can print it again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMargins,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting import settings
from familymeeting.bugs import log_bug
from familymeeting.domain.enums import HandoutHow
from familymeeting.domain.errors import UserError
from familymeeting.domain.plan import PlanData
from familymeeting.domain.plan_changes import plan_content
from familymeeting.domain.text import file_name
from familymeeting.messages import user_message
from familymeeting.settings import Settings
from familymeeting.storage.atomic import write_atomic
from familymeeting.storage.child_plan_data import build_child_plan, children_with_own_plan
from familymeeting.storage.operations import KeepHandout
from familymeeting.storage.plan_data import build_plan
from familymeeting.storage.services import Services
from familymeeting.ui.background import BackgroundJob, run_in_background
from familymeeting.ui.file_dialog import documents_folder, open_file_dialog
from familymeeting.ui.printing import print_pdf

if TYPE_CHECKING:
    from familymeeting.export.child_plan import ChildPlanResult
    from familymeeting.export.plan import PlanResult


def render_meeting_plan(services: Services, meeting_id: str) -> tuple[PlanData, PlanResult]:
    """The meeting's plan, built and rendered: runs on a worker thread (no Qt in it)."""
    # ReportLab is loaded on the first preview, not at start (about 0.4 s).
    from familymeeting.export.plan import render_plan

    plan = build_plan(services, meeting_id)
    return plan, render_plan(plan)


def render_child_plan_of(
    services: Services, meeting_id: str, child_id: str
) -> tuple[None, ChildPlanResult]:
    """One child's "Min plan", built and rendered (worker thread, no Qt)."""
    from familymeeting.export.child_plan import render_child_plan

    return None, render_child_plan(build_child_plan(services, meeting_id, child_id))


class PlanPreviewPage(QWidget):
    """Signals:
    ready(): the page is shown (or an error is);
    back_requested(): the person wants the meeting's plan again.
    """

    ready = Signal()
    back_requested = Signal()

    def __init__(
        self, services: Services, app_settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.services = services
        self.settings = app_settings
        self.meeting_id: str | None = None
        self.result: PlanResult | ChildPlanResult | None = None
        # The child whose own plan is shown ("Barnets plan"), None: the family's plan.
        self.child_id: str | None = None
        self.plan: PlanData | None = None  # what the PDF says, kept with each handout
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        # The plan being made; cancelled when another is asked for (or none), so a plan
        # that arrives late for an earlier request is never shown.
        self._job: BackgroundJob | None = None
        self.file_dialog: QFileDialog | None = None
        self.family_view = False
        self._then: str | None = None  # "print" or "save" once the plan is ready

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Back to the plan"))
        self.back_button.clicked.connect(self.back_requested)
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setProperty("primary", True)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        bar.addWidget(self.back_button)
        bar.addStretch()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)
        # Which plan: the family's, or a child's own (caseworker only: hidden in family
        # view). Only children who get one are offered (storage.child_plan_data). A row of
        # its own: beside Print and Save it cut their words on an upright tablet.
        self.which_combo = QComboBox()
        self.which_combo.setAccessibleName(self.tr("Which plan"))
        self.which_combo.activated.connect(self._which_chosen)
        self.which_combo.hide()
        layout.addWidget(self.which_combo, 0, Qt.AlignmentFlag.AlignLeft)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setDocumentMargins(QMargins(16, 16, 16, 16))  # the page's edge shows
        # The whole page is always in view, so no scroll bars: with them, fitting the page
        # showed a bar, which narrowed the page, which hid the bar, … for ever (a frozen
        # window on an upright tablet).
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.view, 1)
        self._set_ready(False)

    # -------------------------------------------------------------- showing
    def show_plan(
        self, meeting_id: str, *, family_view: bool = False, then: str | None = None
    ) -> None:
        """Make the meeting's plan (in the background) and show it when it is ready.

        In family view the plan may be printed, but not saved: no file dialogs.
        ``then`` "print" or "save" opens the print or file dialog once it is shown
        (the meeting's "Finish meeting").
        """
        self.meeting_id = meeting_id
        self.family_view = family_view
        self._then = then
        self.child_id = None
        self._fill_which(meeting_id)
        self.save_button.setVisible(not family_view)
        self._make()

    def show_child_plan(self, meeting_id: str, child_id: str) -> None:
        """Make and show one child's own plan ("Min plan"); never in family view (it
        is the caseworker's to hand to the child)."""
        if self.family_view:
            return
        if self.meeting_id != meeting_id:
            self.meeting_id = meeting_id
            self._fill_which(meeting_id)
            self.save_button.setVisible(True)
        self._then = None
        self.child_id = child_id
        self.which_combo.setCurrentIndex(max(0, self.which_combo.findData(child_id)))
        self._make()

    def _fill_which(self, meeting_id: str) -> None:
        self.which_combo.clear()
        children = [] if self.family_view else children_with_own_plan(self.services, meeting_id)
        self.which_combo.addItem(self.tr("Our plan"), None)
        for child in children:
            self.which_combo.addItem(
                self.tr("Child's plan: %1").replace("%1", child.name), child.id
            )
        self.which_combo.setVisible(bool(children))

    def _which_chosen(self, index: int) -> None:
        if self.meeting_id is None:
            return
        child_id = self.which_combo.itemData(index)
        if child_id is None:
            self.child_id = None
            self._then = None
            self._make()
        else:
            self.show_child_plan(self.meeting_id, str(child_id))

    def _make(self) -> None:
        meeting_id = self.meeting_id
        assert meeting_id is not None
        child_id = self.child_id
        self.result = None
        self.plan = None
        self.document.close()
        self._set_ready(False)
        self._say(self.tr("Making the plan…"), "muted")
        self._cancel_job()
        services = self.services

        def job() -> tuple[PlanData | None, PlanResult | ChildPlanResult]:
            if child_id is None:
                return render_meeting_plan(services, meeting_id)
            return render_child_plan_of(services, meeting_id, child_id)

        self._job = run_in_background(job, self._show, self._failed)

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def clear(self) -> None:
        """Forget the plan (another meeting opens, or the window locks)."""
        self._cancel_job()
        self._then = None
        self.meeting_id = None
        self.child_id = None
        self.result = None
        self.plan = None
        self.document.close()
        self.status.clear()
        self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready and not self.family_view)

    def _say(self, text: str, kind: str) -> None:
        self.status.setObjectName(kind)
        self.status.setText(text)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _show(self, made: tuple[PlanData | None, PlanResult | ChildPlanResult]) -> None:
        self._job = None
        self.plan, result = made
        self.result = result
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(result.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        notes = []
        if result.shortened:
            notes.append(
                self.tr(
                    "The plan was too long for one page, so some lists were shortened. "
                    "Check it before you print."
                )
            )
        if result.missing_glyphs:
            notes.append(
                self.tr("Some characters cannot be printed and are shown as □: %1").replace(
                    "%1", " ".join(result.missing_glyphs)
                )
            )
        if notes:
            self._say("\n".join(notes), "unsaved")
        else:
            self._say(self.tr("One page, ready to print or save."), "muted")
        self._set_ready(True)
        self.ready.emit()
        then, self._then = self._then, None
        if then is not None:  # after this turn of the loop: the page shows first
            QTimer.singleShot(
                0, self, self.print_with_dialog if then == "print" else self.save_with_dialog
            )

    def _failed(self, error: object) -> None:
        self._job = None
        self._then = None
        if isinstance(error, UserError):
            self._say(user_message(error), "unsaved")
        else:
            path = log_bug(
                self.services.db.path.parent, error if isinstance(error, BaseException) else None
            )
            self._say(
                self.tr("The plan could not be made. Details are saved in %1.").replace(
                    "%1", str(path)
                ),
                "unsaved",
            )
        self.ready.emit()

    # ------------------------------------------------------------------ save
    def save_to(self, path: Path) -> bool:
        """Write the plan atomically; a message on the page on failure."""
        assert self.result is not None and self.meeting_id is not None
        try:
            write_atomic(path, self.result.pdf)
        except UserError as exc:
            self._say(user_message(exc), "unsaved")
            return False
        self.settings.set(settings.LAST_SAVE_FOLDER, str(path.parent))
        self._log("plan_pdf")
        self._say(self.tr("Saved in %1").replace("%1", str(path)), "saved")
        self._keep(HandoutHow.SAVE)
        return True

    def _log(self, event: str) -> None:
        assert self.meeting_id is not None
        detail = "app" if self.child_id is None else f"app child {self.child_id}"
        self.services.record_meeting_event(event, self.meeting_id, detail)

    def _keep(self, how: str) -> None:
        """Keep the plan as the family got it (the family page lists it). Only after it
        was really handed out: the file written, the printer given the pages. A child's
        own plan is not kept among the family's plans (it is the child's)."""
        if self.child_id is not None:
            return
        assert self.meeting_id is not None and self.plan is not None and self.result
        keep = KeepHandout(
            self.meeting_id, self.result.pdf, how, self.plan.language, plan_content(self.plan)
        )
        try:
            self.services.run(keep)
        except UserError as exc:
            # The family has the plan; only the copy kept here is missing. Say so.
            self._say(
                self.tr("The plan was handed out, but no copy could be kept: %1").replace(
                    "%1", user_message(exc)
                ),
                "unsaved",
            )

    def suggested_name(self) -> str:
        """ "Vores plan 2026-12-04 Familien Holm.pdf": the meeting's date and the family."""
        assert self.meeting_id is not None
        meeting = self.services.get_meeting(self.meeting_id)
        family = self.services.get_family(meeting.family_id)
        title = self.tr("Our plan")
        words = f"{title} {meeting.starts_at:%Y-%m-%d} {family.display_name}"
        if self.child_id is not None:
            child = {p.id: p.name for p in self.services.list_participants(family.id)}
            title = self.tr("My plan")
            words = f"{title} {meeting.starts_at:%Y-%m-%d} {child.get(self.child_id, '')}"
        return f"{file_name(words)}.pdf"

    def start_folder(self) -> Path:
        """The folder a plan was last saved in; the first time, the user's Documents."""
        last = self.settings.get(settings.LAST_SAVE_FOLDER)
        if last and Path(last).is_dir():
            return Path(last)
        return documents_folder()

    def save_with_dialog(self) -> QFileDialog | None:
        """Ask where to save (window-modal, not blocking); saves when a file is chosen."""
        if self.result is None or self.family_view:
            return None
        self.file_dialog = open_file_dialog(
            self,
            self.tr("Save the plan"),
            self.start_folder() / self.suggested_name(),
            self.tr("PDF files (*.pdf)"),
            self._save_chosen,
            save_suffix="pdf",
        )
        return self.file_dialog

    def _save_chosen(self, path: Path) -> None:
        self.file_dialog = None
        self.save_to(path)

    # ----------------------------------------------------------------- print
    def print_to(self, printer: QPrinter) -> bool:
        """Draw every page of the plan onto the printer, fitted to its page, and keep
        the plan as handed out; False (nothing kept) if the printer would not start."""
        if not print_pdf(self.document, printer):
            self._say(self.tr("The printer could not be started."), "unsaved")
            return False
        self._log("print_plan")
        self._keep(HandoutHow.PRINT)
        return True

    def print_with_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
