"""The access log of a family, and deleting a family for good."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDateTime, QLocale, QSize, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.errors import NotFoundError, UserError
from familymeeting.messages import user_message
from familymeeting.storage.services import Services
from familymeeting.ui.background import BackgroundJob, ProgressRelay, run_in_background
from familymeeting.ui.controls import standard_button
from familymeeting.ui.dialog import FittedDialog

if TYPE_CHECKING:
    from familymeeting.storage.forget import ForgetResult


def event_words(event: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "open_family": QCoreApplication.translate("Access", "Opened the family"),
        "open_meeting": QCoreApplication.translate("Access", "Opened a meeting"),
        "export_case": QCoreApplication.translate("Access", "Exported a case file"),
        "import_case": QCoreApplication.translate("Access", "Imported a case file"),
        "plan_pdf": QCoreApplication.translate("Access", "Saved the plan as PDF"),
        "print_plan": QCoreApplication.translate("Access", "Printed the plan"),
        "plan_handout": QCoreApplication.translate("Access", "Kept a plan given to the family"),
        "plan_reprint": QCoreApplication.translate("Access", "Printed or saved a kept plan again"),
        "delete_family": QCoreApplication.translate("Access", "Deleted the family"),
        "unlock": QCoreApplication.translate("Access", "Unlocked the program"),
        "unlock_failed": QCoreApplication.translate("Access", "Wrong password"),
        "export_backup": QCoreApplication.translate("Access", "Saved a backup to a file"),
        "restore_backup": QCoreApplication.translate("Access", "Brought back a backup"),
        "rekey": QCoreApplication.translate("Access", "Changed the data key"),
        "edit_record": QCoreApplication.translate("Access", "Wrote in the meeting record"),
        "export_record": QCoreApplication.translate("Access", "Took out a meeting record"),
        "case_dates": QCoreApplication.translate("Access", "Changed the case dates"),
        "houses": QCoreApplication.translate("Access", "Changed a child's three houses"),
        "export_houses": QCoreApplication.translate("Access", "Took out a child's three houses"),
    }.get(event, event)


class AccessLogDialog(FittedDialog):
    """Who did what with this family, and when (newest first)."""

    def __init__(self, services: Services, family_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, preferred=QSize(760, 560))
        self.setWindowTitle(self.tr("Access log"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        intro = QLabel(
            self.tr(
                "Every time the family was opened, exported, printed or deleted. "
                "Entries older than the retention period are removed."
            )
        )
        intro.setWordWrap(True)
        intro.setObjectName("muted")
        layout.addWidget(intro)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What")])
        locale = QLocale()
        for entry in services.access_log(family_id):
            when = QDateTime.fromSecsSinceEpoch(
                int(entry.at.timestamp()), QTimeZone.systemTimeZone()
            )
            item = QTreeWidgetItem(
                [locale.toString(when, QLocale.FormatType.ShortFormat), event_words(entry.event)]
            )
            self.tree.addTopLevelItem(item)
        self.tree.resizeColumnToContents(0)
        layout.addWidget(self.tree, 1)
        self.buttons = QDialogButtonBox()
        self.close_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Close)
        self.close_button.clicked.connect(self.accept)
        layout.addWidget(self.buttons)


class DeleteFamilyDialog(FittedDialog):
    """Delete a family for good, confirmed by typing its name.

    The deletion runs in the background (every backup holding the family is written
    again without it, which takes a while with many backups) with a progress bar. When
    it is done, copies kept in ``damaged/`` that may still hold the family are named,
    with an offer to delete them; otherwise the dialog closes itself (``accepted``).
    Signals: ``finished_deleting(object)`` with the ForgetResult.
    """

    finished_deleting = Signal(object)

    def __init__(self, services: Services, family_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, preferred=QSize(680, 380))
        self.services, self.family_id = services, family_id
        self.name = services.get_family(family_id).display_name
        self.result_: ForgetResult | None = None
        self._job: BackgroundJob | None = None
        self.setWindowTitle(self.tr("Delete the family for good"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self.intro = text = QLabel(
            self.tr(
                "Everything about %1 is deleted from this computer: participants, meetings, "
                "boards, ratings and plans. It cannot be undone. The backups are written "
                "again without the family; the other families' backups stay."
            ).replace("%1", self.name)
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
        self.ask_label = QLabel(self.tr("Type the family's name to confirm:"))
        layout.addWidget(self.ask_label)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.name)
        self.name_edit.textChanged.connect(self._typed)
        layout.addWidget(self.name_edit)
        self.progress_bar = QProgressBar()
        self.progress_bar.setFormat(self.tr("Backups without the family: %v of %m"))
        self.progress_bar.setRange(0, 0)  # busy until the number of backups is known
        self.progress_bar.hide()
        layout.addWidget(self.progress_bar)
        self.damaged_label = QLabel()
        self.damaged_label.setWordWrap(True)
        self.damaged_label.setTextFormat(Qt.TextFormat.PlainText)
        self.damaged_label.hide()
        layout.addWidget(self.damaged_label)
        self.error_label = QLabel()
        self.error_label.setObjectName("unsaved")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addStretch()
        self.buttons = QDialogButtonBox()
        self.cancel_button = standard_button(self.buttons, QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self.reject)
        # The affirmative answer to "delete the family?": in the accept place, as in
        # every other dialog, only enabled once the name is typed.
        self.delete_button = QPushButton(self.tr("Delete for good"))
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.delete_button.setEnabled(False)
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete)
        # Shown once the family is gone and damaged/ copies may still hold it.
        self.delete_damaged_button = QPushButton(self.tr("Delete these copies"))
        self.buttons.addButton(self.delete_damaged_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.delete_damaged_button.setAutoDefault(False)
        self.delete_damaged_button.clicked.connect(self.delete_damaged)
        self.delete_damaged_button.hide()
        self.keep_button = QPushButton(self.tr("Keep them"))
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button.setAutoDefault(False)
        self.keep_button.clicked.connect(self.accept)
        self.keep_button.hide()
        layout.addWidget(self.buttons)
        # No parent: the worker may still report after this dialog is gone, and a relay
        # deleted with it would be emitted on from that thread (a crash).
        self._relay = ProgressRelay()
        self._relay.step.connect(self._step)

    def _typed(self, text: str) -> None:
        self.delete_button.setEnabled(text.strip() == self.name and self._job is None)

    def delete(self) -> bool:
        """Start deleting (in the background); False if the name is not typed."""
        if self.name_edit.text().strip() != self.name or self._job is not None:
            return False
        self.name_edit.setEnabled(False)
        self.delete_button.setEnabled(False)
        self.cancel_button.setEnabled(False)  # half a deletion is finished, not abandoned
        self.error_label.hide()
        self.progress_bar.show()
        services, family_id, relay = self.services, self.family_id, self._relay
        self._job = run_in_background(
            lambda: services.delete_family_permanently(family_id, relay.step.emit),
            self._deleted,
            self._failed,
        )
        return True

    def _step(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _deleted(self, answer: object) -> None:
        result = cast("ForgetResult", answer)
        self.result_ = result
        self.finished_deleting.emit(result)
        if not result.damaged_copies:
            self.accept()
            return
        self.progress_bar.hide()
        self.intro.hide()  # it said what would happen; what did happen follows
        self.ask_label.hide()
        self.name_edit.hide()
        names = "\n".join(p.name for p in result.damaged_copies)
        self.damaged_label.setText(
            self.tr(
                "The family is deleted. These copies of damaged data, kept in the folder "
                "%1, may still hold it:"
            ).replace("%1", str(result.damaged_copies[0].parent))
            + "\n"
            + names
        )
        self.damaged_label.show()
        self.cancel_button.hide()
        self.delete_button.hide()
        self.delete_damaged_button.show()
        self.keep_button.show()

    def _failed(self, error: object) -> None:
        self._job = None
        if not isinstance(error, UserError):
            raise error if isinstance(error, BaseException) else RuntimeError(error)
        self.progress_bar.hide()
        self.error_label.setText(user_message(error))
        self.error_label.show()
        try:
            self.services.get_family(self.family_id)
        except NotFoundError:
            # The family is gone and the rest is finished at the next start: close, not undo.
            self.cancel_button.setEnabled(True)
            self.cancel_button.clicked.disconnect()
            self.cancel_button.clicked.connect(self.accept)
            return
        self.name_edit.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self._typed(self.name_edit.text())

    def delete_damaged(self) -> None:
        assert self.result_ is not None
        try:
            self.services.delete_damaged_copies(self.result_.damaged_copies)
        except UserError as exc:
            self.error_label.setText(user_message(exc))
            self.error_label.show()
            return
        self.accept()
