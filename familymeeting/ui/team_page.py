"""The "Team" page: the team report's figures from the statistics files, on screen.

The team leader opens the files the caseworkers' laptops exported ("Open statistics
files…", any number at once); they are read off the GUI thread (DuckDB, through the
services) while a busy bar shows, and the page then shows what the report's PDF shows:
case pace per quarter beside the trial's figures, how ratings moved from the first to
the latest answer, the children's own feedback, meetings and plans per family. A
figure about fewer than five families or children shows "< 5" (domain/team_report.py
gives it no number to show). A file the reader cannot use is named in a message, and
the page keeps what it showed. "Save report as PDF…" writes the same figures.

Reached from the toolbar's "More" menu beside Settings, never in family view (the
window checks that). Each table is a grid where its columns fit the page, else a block
per row, so it fits an upright tablet at the largest text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDir,
    QEvent,
    QLocale,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.feedback import FeedbackItem, feedback_wording
from familymeeting.domain.statistics import MIN_CELL, Measure
from familymeeting.domain.team_report import TRIAL_REFERENCE_DAYS, TeamReport
from familymeeting.export.team_report import render_team_report
from familymeeting.messages import current_language
from familymeeting.ui.background import BackgroundJob, run_in_background
from familymeeting.ui.controls import make_error_label, standard_button, text_label, title_label
from familymeeting.ui.crash import error_text
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.file_dialog import FileDialogTraces
from familymeeting.ui.flow import FlowLayout

if TYPE_CHECKING:
    from familymeeting.storage.services import Services

SUPPRESSED = f"< {MIN_CELL}"


def number_text(value: float | None) -> str:
    """A figure with one decimal in the user's locale ("49,5"), as the report's PDF."""
    if value is None:
        return SUPPRESSED  # the reader gives a suppressed figure no number
    return QLocale().toString(float(value), "f", 1)


def share_text(value: float | None) -> str:
    """A share 0..1 as a whole percentage: "42 %" in Danish (a no-break space, as Danish
    writes it and the PDF prints it), "42%" in English."""
    if value is None:
        return SUPPRESSED
    return QCoreApplication.translate("TeamPage", "%1%").replace(
        "%1", QLocale().toString(round(value * 100))
    )


def count_text(count: int, suppressed: bool) -> str:
    return SUPPRESSED if suppressed else QLocale().toString(count)


class FigureTable(QWidget):
    """A table of figures: a grid of labels where its columns fit, else a block per row
    (the first cell as its heading, then "heading: value" for the rest, wrapped).
    Words are aligned left, the numbers (columns from ``numbers_from`` on) right.

    No signals.
    """

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        *,
        name: str,
        numbers_from: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.headers = list(headers)
        self.rows = [list(row) for row in rows]
        self.compact = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        self.grid = QWidget()
        grid = QGridLayout(self.grid)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(6)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for c, text in enumerate(self.headers):
            label = QLabel(text)
            label.setObjectName("muted")
            grid.addWidget(label, 0, c, right if c >= numbers_from else left)
        for r, row in enumerate(self.rows, start=1):
            for c, text in enumerate(row):
                grid.addWidget(QLabel(text), r, c, right if c >= numbers_from else left)
        grid.setColumnStretch(len(self.headers), 1)
        layout.addWidget(self.grid)

        self.blocks = QWidget()
        blocks = QVBoxLayout(self.blocks)
        blocks.setContentsMargins(0, 0, 0, 0)
        blocks.setSpacing(10)
        for row in self.rows:
            parts = [
                f"{html.escape(h)}: {html.escape(v)}"
                for h, v in zip(self.headers[1:], row[1:], strict=True)
            ]
            block = QLabel(f"<b>{html.escape(row[0])}</b><br>{' · '.join(parts)}")
            block.setTextFormat(Qt.TextFormat.RichText)
            block.setWordWrap(True)
            blocks.addWidget(block)
        layout.addWidget(self.blocks)
        self.blocks.hide()

    def needed_width(self) -> int:
        """The grid's width at the table's font (measured from the texts, so a grid
        hidden since the text size changed, and not restyled yet, still counts right)."""
        self.ensurePolished()  # a new table takes the window's text size first
        metrics = self.fontMetrics()
        grid = self.grid.layout()
        assert isinstance(grid, QGridLayout)
        widths = [
            max(metrics.horizontalAdvance(row[c]) for row in [self.headers, *self.rows])
            for c in range(len(self.headers))
        ]
        # A few px per column for rounding of fractional font metrics.
        return sum(widths) + 4 * len(widths) + grid.horizontalSpacing() * (len(widths) - 1)

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self.grid.setVisible(not compact)
            self.blocks.setVisible(compact)

    def cell_texts(self) -> list[list[str]]:
        """What the table shows, row by row (for tests and the CLI's twin)."""
        return [list(row) for row in self.rows]


class TeamFileProblemDialog(FittedDialog):
    """A statistics file could not be used: the reader's message, and OK.

    No signals beyond QDialog's.
    """

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Statistics files"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(self.tr("The files could not be read")))
        self.message = text_label(message)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        layout.addWidget(
            text_label(self.tr("The page still shows the figures it showed before."), "muted")
        )
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        standard_button(box, QDialogButtonBox.StandardButton.Ok).clicked.connect(self.accept)
        layout.addWidget(box)


class TeamPage(QWidget):
    """The team report's figures from statistics files; see the module's docstring.

    Signals: ``report_shown()`` when a report's figures are on the page (read or set);
    ``read_failed(str)`` with the message shown when files could not be used;
    ``saved(str)`` with the PDF's path, ``save_failed(str)`` with the message shown.
    """

    report_shown = Signal()
    read_failed = Signal(str)
    saved = Signal(str)
    save_failed = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.report: TeamReport | None = None
        self.paths: list[Path] = []
        self.tables: dict[str, FigureTable] = {}
        self.job: BackgroundJob | None = None
        self.file_dialog: QFileDialog | None = None
        self.problem: TeamFileProblemDialog | None = None
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        QScroller.grabGesture(
            self.scroll_area.viewport(), QScroller.ScrollerGestureType.TouchGesture
        )
        outer.addWidget(self.scroll_area)
        inner = QWidget()
        inner.setObjectName("page")
        self.scroll_area.setWidget(inner)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(12)

        layout.addWidget(title_label(self.tr("Team")))
        layout.addWidget(
            text_label(
                self.tr(
                    "Your team's figures, from the statistics files the caseworkers saved, "
                    "by quarter. No family, child or caseworker is named; a figure about "
                    "fewer than 5 families or children shows as “< 5”."
                ),
                "muted",
            )
        )
        buttons = FlowLayout(spacing=12)
        self.open_button = QPushButton(self.tr("Open statistics files…"))
        self.open_button.setProperty("primary", "true")
        self.open_button.clicked.connect(self.choose_files)
        buttons.addWidget(self.open_button)
        self.save_button = QPushButton(self.tr("Save report as PDF…"))
        self.save_button.clicked.connect(self.save_with_dialog)
        self.save_button.setEnabled(False)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        busy_row = QHBoxLayout()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # busy: DuckDB says nothing of how far it is
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(240)
        busy_row.addWidget(self.busy_bar)
        self.busy_label = text_label(self.tr("Reading the files…"), "muted")
        busy_row.addWidget(self.busy_label, 1)
        self.busy = QWidget()
        self.busy.setLayout(busy_row)
        self.busy.hide()
        layout.addWidget(self.busy)

        self.status = text_label(
            self.tr("Open the statistics files (.parquet) your team saved to see the figures.")
        )
        layout.addWidget(self.status)
        self.saved_label = text_label("", "muted")
        self.saved_label.hide()
        layout.addWidget(self.saved_label)
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)

        self.figures = QWidget()
        self.figures_layout = QVBoxLayout(self.figures)
        self.figures_layout.setContentsMargins(0, 0, 0, 0)
        self.figures_layout.setSpacing(12)
        layout.addWidget(self.figures)
        layout.addStretch(1)

    # ------------------------------------------------------------------ reading
    def start_folder(self) -> str:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return documents or QDir.homePath()

    def choose_files(self) -> QFileDialog:
        """Qt's file dialog for any number of files (window-modal, not blocking)."""
        traces = FileDialogTraces()
        dialog = QFileDialog(
            self,
            self.tr("Open statistics files"),
            str(self.paths[0].parent) if self.paths else self.start_folder(),
            self.tr("Statistics files (*.parquet);;All files (*)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(self._files_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(traces.restore)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def _files_chosen(self, names: list[str]) -> None:
        if names:
            self.open_files([Path(name) for name in names])

    def open_files(self, paths: Sequence[Path]) -> None:
        """Read the files off the GUI thread; the figures (or a message) follow."""
        if self.job is not None:
            self.job.cancel()
        chosen = list(paths)
        self._set_busy(True)
        self.job = run_in_background(
            lambda: self.services.read_team_report(chosen),
            lambda report: self._read(chosen, report),
            self._read_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.open_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy and self.report is not None)

    def _read(self, paths: list[Path], report: TeamReport) -> None:
        self.job = None
        self._set_busy(False)
        self.paths = paths
        self.show_report(report)

    def _read_failed(self, error: object) -> None:
        self.job = None
        self._set_busy(False)
        message = error_text(error, None)
        self.problem = TeamFileProblemDialog(message, self)
        self.problem.finished.connect(self.problem.deleteLater)
        self.problem.open()
        self.read_failed.emit(message)

    # ------------------------------------------------------------------ showing
    def show_report(self, report: TeamReport) -> None:
        """Show a report's figures (replacing what was shown)."""
        self.report = report
        self.saved_label.hide()
        self.error_label.hide()
        self.save_button.setEnabled(self.job is None)
        while self.figures_layout.count():
            item = self.figures_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.tables = {}
        self.status.setText(self.summary(report))
        add = self.figures_layout.addWidget

        add(self._heading(self.tr("Case pace")))
        for measure in Measure:
            before, after = TRIAL_REFERENCE_DAYS[measure]
            add(self._subheading(self.measure_title(measure)))
            add(
                text_label(
                    self.tr("In the trial: %1 days on average before, %2 after.")
                    .replace("%1", str(before))
                    .replace("%2", str(after)),
                    "muted",
                )
            )
            rows = [
                [
                    self.quarter_text(row.quarter),
                    count_text(row.cases, row.suppressed),
                    number_text(row.mean),
                    number_text(row.median),
                    SUPPRESSED
                    if row.q1 is None or row.q3 is None
                    else f"{number_text(row.q1)}–{number_text(row.q3)}",
                ]
                for row in report.pace
                if row.measure == measure
            ]
            self._table(
                f"pace:{measure.value}",
                [
                    self.tr("Quarter"),
                    self.tr("Cases"),
                    self.tr("Mean"),
                    self.tr("Median"),
                    self.tr("Middle half"),
                ],
                rows,
            )

        add(self._heading(self.tr("Ratings: first → latest answer")))
        add(
            text_label(
                self.tr(
                    "People who answered a question at two meetings or more: the share "
                    "whose latest answer is higher, the same or lower than their first."
                ),
                "muted",
            )
        )
        self._table(
            "movement",
            [
                self.tr("Question"),
                self.tr("Who"),
                self.tr("Age"),
                self.tr("People"),
                self.tr("Up"),
                self.tr("Same"),
                self.tr("Down"),
            ],
            [
                [
                    self.question_text(row.question),
                    self.role_text(row.role),
                    self.age_text(row.age_band),
                    count_text(row.people, row.suppressed),
                    share_text(row.up),
                    share_text(row.same),
                    share_text(row.down),
                ]
                for row in report.movement
            ],
            numbers_from=3,
        )

        add(self._heading(self.tr("The children's own feedback")))
        add(
            text_label(
                self.tr(
                    "Per question: the children asked, and the share of those who answered "
                    "9–10 and 1–3."
                ),
                "muted",
            )
        )
        self._table(
            "feedback",
            [
                self.tr("Quarter"),
                self.tr("Question"),
                self.tr("Children"),
                "9–10",
                "1–3",
            ],
            [
                [
                    self.quarter_text(row.quarter),
                    self.item_text(row.item),
                    count_text(row.children, row.suppressed),
                    share_text(row.high),
                    share_text(row.low),
                ]
                for row in report.feedback
            ],
            numbers_from=2,
        )

        add(self._heading(self.tr("Meetings and plans per family")))
        self._table(
            "activity",
            [
                self.tr("Quarter"),
                self.tr("Families"),
                self.tr("Meetings"),
                self.tr("Plans"),
            ],
            [
                [
                    self.quarter_text(row.quarter),
                    count_text(row.families, row.suppressed),
                    number_text(row.meetings_per_family),
                    number_text(row.plans_per_family),
                ]
                for row in report.activity
            ],
        )
        self._choose_forms()
        # Again once the new tables are shown and styled (their font is then final).
        QTimer.singleShot(0, self, self._choose_forms)
        self.report_shown.emit()

    def summary(self, report: TeamReport) -> str:
        text = self.tr("%n file(s) read", "", report.files)
        if report.quarters:
            first, last = report.quarters[0], report.quarters[-1]
            first, last = self.quarter_text(first), self.quarter_text(last)
            text += " · " + (first if first == last else f"{first} – {last}")
        if report.repeated_exports_dropped:
            text += " · " + self.tr(
                "%n repeated export(s) left out (the newest counts)",
                "",
                report.repeated_exports_dropped,
            )
        return text

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("subtitle")
        label.setWordWrap(True)
        return label

    def _subheading(self, text: str) -> QLabel:
        label = QLabel(f"<b>{html.escape(text)}</b>")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        return label

    def _table(
        self, name: str, headers: list[str], rows: list[list[str]], numbers_from: int = 1
    ) -> None:
        if not rows:
            self.figures_layout.addWidget(
                text_label(self.tr("No figures in these files."), "muted")
            )
            return
        table = FigureTable(headers, rows, name=name, numbers_from=numbers_from)
        self.tables[name] = table
        self.figures_layout.addWidget(table)

    def _choose_forms(self) -> None:
        """Grids where their columns fit the page's width, else blocks."""
        viewport = self.scroll_area.viewport().width()
        content = self.scroll_area.widget()
        inner = content.layout() if content is not None else None
        if inner is None:
            return
        margins = inner.contentsMargins()
        room = viewport - margins.left() - margins.right() - 4
        for table in self.tables.values():
            table.set_compact(table.needed_width() > room)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._choose_forms()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # After the text size a hidden page takes when it is shown (ui/text_size.py).
        QTimer.singleShot(0, self, self._choose_forms)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._choose_forms)

    # -------------------------------------------------------------------- words
    def measure_title(self, measure: Measure) -> str:
        return {
            Measure.CONCERN_TO_DECISION: self.tr("Days from concern to decision"),
            Measure.DECISION_TO_HELP: self.tr("Days from decision to help"),
        }[measure]

    def quarter_text(self, quarter: str) -> str:
        """ "2026Q3" as people say it: "3. kvt. 2026", "Q3 2026"."""
        return self.tr("Q%1 %2").replace("%1", quarter[5:]).replace("%2", quarter[:4])

    def question_text(self, key: str) -> str:
        """A default question's short name (its key in the file; schema 7's keys and
        the report's earlier names both), the team's own questions as one."""
        home = self.tr("Good to be at home")
        safety = self.tr("The safety scale")
        plan = self.tr("Sure the plan will work")
        return {
            "home": home,
            "safety_scale": safety,
            "safety": safety,
            "confidence": plan,
            "plan": plan,
            "custom": self.tr("The team's own questions"),
        }.get(key, key)

    def role_text(self, group: str) -> str:
        """The reader's role groups (storage/team_report_data.ROLE_GROUPS)."""
        return {
            "child": self.tr("Children"),
            "parent": self.tr("Parents and caregivers"),
            "network": self.tr("Network"),
            "professional": self.tr("Professionals"),
            "other": self.tr("Others"),
        }.get(group, group)

    def age_text(self, band: str) -> str:
        if band == "adult":
            return self.tr("Adult")
        if band == "unknown":
            return self.tr("Unknown")
        return self.tr("%1 years").replace("%1", band.replace("-", "–"))

    def item_text(self, item: str) -> str:
        try:
            return feedback_wording(FeedbackItem(item), current_language()).text
        except ValueError:
            return item

    # ------------------------------------------------------------------- saving
    def save_with_dialog(self) -> QFileDialog | None:
        """Ask where to save the report's PDF (window-modal, not blocking)."""
        if self.report is None:
            return None
        traces = FileDialogTraces()
        dialog = QFileDialog(
            self,
            self.tr("Save the team report"),
            str(Path(self.start_folder()) / self.suggested_name()),
            self.tr("PDF files (*.pdf)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(traces.restore)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_to(self, path: Path) -> None:
        """Draw the shown report as PDF and write it, off the GUI thread."""
        report = self.report
        if report is None:
            return
        lang = current_language()
        services = self.services

        def work() -> Path:
            services.save_team_report(path, render_team_report(report, lang).pdf)
            return path

        self.save_button.setEnabled(False)
        run_in_background(work, self._saved, self._save_failed)

    def _saved(self, path: Path) -> None:
        self.save_button.setEnabled(self.report is not None and self.job is None)
        self._say(self.tr("Saved in %1").replace("%1", str(path)), problem=False)
        self.saved.emit(str(path))

    def _save_failed(self, error: object) -> None:
        self.save_button.setEnabled(self.report is not None and self.job is None)
        message = error_text(error, None)
        self._say(message, problem=True)
        self.save_failed.emit(message)

    def _say(self, text: str, *, problem: bool) -> None:
        shown, hidden = (
            (self.error_label, self.saved_label)
            if problem
            else (self.saved_label, self.error_label)
        )
        hidden.hide()
        shown.setText(text)
        shown.show()

    def suggested_name(self) -> str:
        if self.report is None or not self.report.quarters:
            return "team-report.pdf"
        first, last = self.report.quarters[0], self.report.quarters[-1]
        span = first if first == last else f"{first}-{last}"
        return f"{self.tr('team-report')}-{span}.pdf"
