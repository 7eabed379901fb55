"""Settings: "Statistik til teamet", the pseudonymous statistics of this laptop
(docs/statistics.md).

Load the team key file the team leader handed out (the key is kept in the encrypted
database through ``SetTeamKey``; only its fingerprint is shown), remove it, and save
the statistics for whole quarters (``ExportStatistics``, off the GUI thread) with
Qt's file dialog (no traces outside the data folder). Without a key, saving is off and
the block says where the key comes from. Never in family view: it is on the Settings
page only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.errors import UserError
from familymeeting.domain.statistics import quarter_of
from familymeeting.domain.stats_range import (
    last_whole_quarter,
    previous_quarter,
    quarters_between,
)
from familymeeting.messages import user_message
from familymeeting.storage.operations import ExportStatistics, SetTeamKey
from familymeeting.storage.records import StatsExported, TeamKeyState
from familymeeting.storage.services import Services
from familymeeting.storage.team_key import read_team_key_file
from familymeeting.ui import theme
from familymeeting.ui.background import BackgroundJob, run_in_background
from familymeeting.ui.crash import error_text
from familymeeting.ui.file_dialog import documents_folder, open_file_dialog
from familymeeting.ui.flow import FlowLayout

# How far back the quarter choices go: three years, the span a team compares.
QUARTERS_BACK = 12


class TeamStatisticsBlock(QWidget):
    """The Settings block. Signals: ``exported(object)`` with the ``StatsExported``."""

    exported = Signal(object)

    def __init__(
        self, services: Services, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.data_dir = Path(services.db.path).parent
        self.today = today or date.today()
        self.file_dialog: QFileDialog | None = None
        self.job: BackgroundJob | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        subtitle = QLabel(self.tr("Statistics for the team"))
        subtitle.setObjectName("subtitle")
        layout.addWidget(subtitle)
        about = QLabel(
            self.tr(
                "Figures for the team leader, under pseudonyms: how long cases take, "
                "meetings and plans, and the ratings and children's feedback as numbers. "
                "Never names, text, birth years or dates. The team key comes from the team "
                "leader; the same key for the whole team."
            )
        )
        about.setObjectName("muted")
        about.setWordWrap(True)
        layout.addWidget(about)

        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        layout.addWidget(self.key_label)
        key_box = QWidget()
        key_buttons = FlowLayout(key_box, spacing=12)
        self.load_button = QPushButton(self.tr("Load team key…"))
        self.load_button.clicked.connect(self.choose_key_file)
        key_buttons.addWidget(self.load_button)
        self.remove_button = QPushButton(self.tr("Remove team key"))
        self.remove_button.clicked.connect(self.remove_key)
        key_buttons.addWidget(self.remove_button)
        layout.addWidget(key_box)

        # Like the page's settings: each choice under its title, as wide as its words.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(12)
        self.first_combo = QComboBox()
        self.first_combo.setAccessibleName(self.tr("From quarter"))
        self.last_combo = QComboBox()
        self.last_combo.setAccessibleName(self.tr("To quarter"))
        newest = quarter_of(self.today)
        choices = quarters_between(_back(newest, QUARTERS_BACK), newest)
        for combo in (self.first_combo, self.last_combo):
            for quarter in reversed(choices):
                combo.addItem(self.quarter_text(quarter), quarter)
            # The default: the last quarter that has ended (a running one is half).
            combo.setCurrentIndex(max(0, combo.findData(last_whole_quarter(self.today))))
            combo.setMinimumHeight(theme.TOUCH)
            combo.setMinimumWidth(260)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form.addRow(self.tr("From quarter"), self.first_combo)
        form.addRow(self.tr("To quarter"), self.last_combo)
        layout.addLayout(form)
        save_box = QWidget()
        save_buttons = FlowLayout(save_box, spacing=12)
        self.save_button = QPushButton(self.tr("Save statistics…"))
        self.save_button.setProperty("primary", "true")
        self.save_button.clicked.connect(self.choose_output)
        save_buttons.addWidget(self.save_button)
        layout.addWidget(save_box)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        layout.addWidget(self.status_label)
        self.show_state(services.team_key_state())

    # ----------------------------------------------------------------- shown
    def quarter_text(self, quarter: str) -> str:
        """'2026Q4' as "4. kvartal 2026" / "Q4 2026"."""
        return self.tr("Q%1 %2").replace("%1", quarter[5:]).replace("%2", quarter[:4])

    def show_state(self, state: TeamKeyState) -> None:
        self.state = state
        if state.fingerprint:
            self.key_label.setObjectName("")
            self.key_label.setText(
                self.tr("Team key loaded: %1. Check it with your team leader.").replace(
                    "%1", state.fingerprint
                )
            )
        else:
            self.key_label.setObjectName("muted")
            self.key_label.setText(
                self.tr(
                    "No team key is loaded, so statistics cannot be saved. Ask your team "
                    "leader for the team key file."
                )
            )
        self.key_label.style().unpolish(self.key_label)
        self.key_label.style().polish(self.key_label)
        loaded = state.fingerprint is not None
        busy = self.job is not None
        self.remove_button.setEnabled(loaded and not busy)
        self.save_button.setEnabled(loaded and not busy)
        self.load_button.setEnabled(not busy)

    def say(self, text: str, *, problem: bool = False) -> None:
        colour = theme.WARNING if problem else theme.SAVED
        self.status_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.status_label.setText(text)
        self.status_label.show()

    # -------------------------------------------------------------- the key
    def choose_key_file(self) -> QFileDialog:
        """Qt's file dialog (window-modal, not blocking); a chosen file is loaded."""
        self.file_dialog = open_file_dialog(
            self,
            self.tr("Choose the team key file"),
            documents_folder(),
            self.tr("Team key files (*.json);;All files (*)"),
            self._key_file_chosen,
        )
        return self.file_dialog

    def _key_file_chosen(self, path: Path) -> None:
        self.file_dialog = None
        self.load_key(path)

    def load_key(self, path: Path) -> bool:
        """Read a team key file and keep its key; False, with the reason shown, if refused."""
        try:
            key = read_team_key_file(path)
            state = self.services.run(SetTeamKey(key))
        except UserError as exc:
            self.say(user_message(exc), problem=True)
            return False
        self.show_state(state)
        self.say(self.tr("The team key %1 is loaded.").replace("%1", state.fingerprint or ""))
        return True

    def remove_key(self) -> None:
        self.show_state(self.services.run(SetTeamKey(None)))
        self.say(
            self.tr("The team key is removed. No statistics can be saved until one is loaded.")
        )

    # --------------------------------------------------------------- export
    def quarters(self) -> tuple[str, str]:
        return str(self.first_combo.currentData()), str(self.last_combo.currentData())

    def suggested_name(self) -> str:
        first, last = self.quarters()
        return f"caseload-{first}.parquet" if first == last else f"caseload-{first}-{last}.parquet"

    def choose_output(self) -> QFileDialog | None:
        """Ask where (window-modal, not blocking); the export runs when a file is chosen."""
        if not self.state.fingerprint:
            self.say(self.tr("Load the team key first."), problem=True)
            return None
        self.file_dialog = open_file_dialog(
            self,
            self.tr("Save the statistics"),
            documents_folder() / self.suggested_name(),
            self.tr("Parquet files (*.parquet)"),
            self.export_to,
            save_suffix="parquet",
        )
        return self.file_dialog

    def export_to(self, path: Path) -> BackgroundJob | None:
        """Write the statistics for the chosen quarters to ``path``, off the GUI thread."""
        self.file_dialog = None
        first, last = self.quarters()
        if self.job is not None:
            return None
        services = self.services
        operation = ExportStatistics(path, first, last, via="app")

        def export() -> object:
            return services.run(operation)

        self.say(self.tr("Saving the statistics…"))
        self.job = run_in_background(export, self._exported, self._failed)
        self.show_state(self.state)
        return self.job

    def _exported(self, result: object) -> None:
        self.job = None
        assert isinstance(result, StatsExported)
        self.show_state(self.services.team_key_state())
        first = self.quarter_text(result.first_quarter)
        if result.first_quarter == result.last_quarter:
            text = self.tr("Saved the statistics for %1 in %2.").replace("%1", first)
            text = text.replace("%2", result.path)
        else:
            text = (
                self.tr("Saved the statistics for %1 to %2 in %3.")
                .replace("%1", first)
                .replace("%2", self.quarter_text(result.last_quarter))
                .replace("%3", result.path)
            )
        self.say(text)
        self.exported.emit(result)

    def _failed(self, error: object) -> None:
        self.job = None
        self.show_state(self.state)
        self.say(error_text(error, self.data_dir), problem=True)

    # -------------------------------------------------------------- helpers


def _back(quarter: str, steps: int) -> str:
    for _ in range(steps):
        quarter = previous_quarter(quarter)
    return quarter


__all__ = ["TeamStatisticsBlock"]
