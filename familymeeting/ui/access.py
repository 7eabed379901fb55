"""The access log of a family, and deleting a family for good."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, QSize, Qt, QTimeZone
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from familymeeting.domain.errors import UserError
from familymeeting.messages import user_message
from familymeeting.storage.services import Services
from familymeeting.ui.controls import standard_button
from familymeeting.ui.dialog import FittedDialog


def event_words(event: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "open_family": QCoreApplication.translate("Access", "Opened the family"),
        "open_meeting": QCoreApplication.translate("Access", "Opened a meeting"),
        "export_case": QCoreApplication.translate("Access", "Exported a case file"),
        "import_case": QCoreApplication.translate("Access", "Imported a case file"),
        "plan_pdf": QCoreApplication.translate("Access", "Saved the plan as PDF"),
        "print_plan": QCoreApplication.translate("Access", "Printed the plan"),
        "delete_family": QCoreApplication.translate("Access", "Deleted the family"),
        "unlock": QCoreApplication.translate("Access", "Unlocked the program"),
        "unlock_failed": QCoreApplication.translate("Access", "Wrong password"),
        "export_backup": QCoreApplication.translate("Access", "Saved a backup to a file"),
        "restore_backup": QCoreApplication.translate("Access", "Brought back a backup"),
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
    """Delete a family for good, confirmed by typing its name."""

    def __init__(self, services: Services, family_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, preferred=QSize(680, 380))
        self.services, self.family_id = services, family_id
        self.name = services.get_family(family_id).display_name
        self.setWindowTitle(self.tr("Delete the family for good"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        text = QLabel(
            self.tr(
                "Everything about %1 is deleted from this computer: participants, meetings, "
                "boards, ratings and plans. It cannot be undone. Backups made before today "
                "still hold the family until they expire."
            ).replace("%1", self.name)
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
        ask = QLabel(self.tr("Type the family's name to confirm:"))
        layout.addWidget(ask)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.name)
        self.name_edit.textChanged.connect(self._typed)
        layout.addWidget(self.name_edit)
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
        layout.addWidget(self.buttons)

    def _typed(self, text: str) -> None:
        self.delete_button.setEnabled(text.strip() == self.name)

    def delete(self) -> bool:
        if self.name_edit.text().strip() != self.name:
            return False
        try:
            self.services.delete_family_permanently(self.family_id)
        except UserError as exc:
            self.error_label.setText(user_message(exc))
            self.error_label.show()
            return False
        self.accept()
        return True
