"""When the data file is damaged or missing at start: say so plainly, offer the backup.

Shown by ``StartupFlow`` after the password was right but the database failed its
check (it has already been moved aside, untouched) or is missing while backups
exist. The restore runs off the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familymeeting.ui.background import run_in_background
from familymeeting.ui.controls import (
    button_box,
    make_error_label,
    primary_button,
    text_label,
    title_label,
)
from familymeeting.ui.crash import error_text
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.words import local_time

if TYPE_CHECKING:
    from familymeeting.storage.unlock import RestoreNeeded


class RestoreOfferDialog(FittedDialog):
    """ "The data file was damaged": bring back the newest good backup, or start empty.

    Accepted when the data is open again; the ``UnlockResult`` is in ``result_value``.
    Rejected (Quit) changes nothing more. No signals beyond QDialog's.
    """

    def __init__(
        self,
        problem: RestoreNeeded,
        data_dir: Path,
        password: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.problem = problem
        self.data_dir = data_dir
        self._password = password
        self.result_value: object = None
        self.busy = False
        self.setWindowTitle("familymeeting")
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(14)

        if problem.damaged:
            layout.addWidget(title_label(self.tr("The data file was damaged")))
            layout.addWidget(
                text_label(
                    self.tr(
                        "The program found damage in its data file and did not open it, so "
                        "nothing in it was changed. The file has been moved to %1 and is kept "
                        "there."
                    ).replace("%1", str(problem.moved_to))
                )
            )
        else:
            layout.addWidget(title_label(self.tr("The data file is missing")))
            layout.addWidget(
                text_label(
                    self.tr(
                        "The data file is not in its folder (%1), but there are backups."
                    ).replace("%1", str(data_dir))
                )
            )
        backup = problem.backup
        if backup is not None:
            self.backup_text = local_time(backup.created)
            layout.addWidget(
                text_label(
                    self.tr(
                        "The newest backup that passes its check is from %1. Bring it back to "
                        "go on working; changes made after that time are not in it."
                    ).replace("%1", self.backup_text)
                )
            )
            self.go_button = primary_button(self.tr("Bring back the backup"))
        else:
            self.backup_text = ""
            layout.addWidget(
                text_label(
                    self.tr(
                        "There is no backup that passes its check. You can start with empty "
                        "data; give the damaged file to IT support, who may be able to rescue "
                        "it."
                    )
                )
            )
            self.go_button = primary_button(self.tr("Start with empty data"))
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        self.status_label: QLabel = text_label("", "muted")
        layout.addWidget(self.status_label)

        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.go_button.clicked.connect(self.submit)
        layout.addWidget(
            button_box(
                (self.go_button, QDialogButtonBox.ButtonRole.AcceptRole),
                (self.quit_button, QDialogButtonBox.ButtonRole.RejectRole),
            )
        )
        self.go_button.setFocus()

    def submit(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.go_button.setEnabled(False)
        self.quit_button.setEnabled(False)
        self.error_label.hide()
        self.status_label.setText(self.tr("One moment…"))
        password, data_dir = self._password, self.data_dir
        backup = self.problem.backup

        def work() -> object:
            from familymeeting.storage.unlock import open_unlocked, restore_and_open

            if backup is not None:
                result, _restored = restore_and_open(data_dir, password, backup.path, wait=False)
                return result
            return open_unlocked(data_dir, password, wait=False, start_empty=True)

        run_in_background(work, self._done, self._failed)

    def _done(self, result: object) -> None:
        self.busy = False
        self.result_value = result
        self._password = ""
        self.accept()

    def _failed(self, error: object) -> None:
        self.busy = False
        self.go_button.setEnabled(True)
        self.quit_button.setEnabled(True)
        self.status_label.setText("")
        self.error_label.setText(error_text(error, self.data_dir))
        self.error_label.show()

    def reject(self) -> None:
        if not self.busy:
            self._password = ""
            super().reject()
