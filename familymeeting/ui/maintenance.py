"""Settings and backups: the caseworker's maintenance page.

The declared settings a caseworker may change (lock time, how long the access
log is kept), the backups with date and size, "Make a backup now", "Bring back
a backup…" (password first; what it replaces is kept), and a full check of the
data; the statistics for the team (``ui/team_statistics.py``). Backups, checks
and statistics run off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from familymeeting import settings
from familymeeting.domain.errors import UserError
from familymeeting.storage.backup import BackupInfo, DataCheck
from familymeeting.ui import language, theme, words
from familymeeting.ui.background import run_in_background
from familymeeting.ui.controls import make_error_label, standard_button
from familymeeting.ui.crash import error_text
from familymeeting.ui.dialog import FittedDialog
from familymeeting.ui.flow import FlowLayout
from familymeeting.ui.password import PasswordField, RecoveryCodeDialog
from familymeeting.ui.team_statistics import TeamStatisticsBlock
from familymeeting.ui.words import local_time

if TYPE_CHECKING:
    from familymeeting.storage.services import Services
    from familymeeting.storage.vault import Vault
    from familymeeting.ui.rekey import RekeyDialog

PATH_ROLE = Qt.ItemDataRole.UserRole + 1
WHEN_ROLE = Qt.ItemDataRole.UserRole + 2  # the backup's time, as shown


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class MaintenancePage(QWidget):
    """Settings and backups.

    Signals: ``restored(object)`` with the new ``Services`` after a backup was
    brought back (the window builds its pages again); ``lock_minutes_changed(int)``;
    ``rekey_running(bool)`` while the data key is being changed (the window does not
    lock meanwhile).
    """

    restored = Signal(object)
    lock_minutes_changed = Signal(int)
    rekey_running = Signal(bool)

    def __init__(
        self,
        services: Services,
        app_settings: settings.Settings,
        vault: Vault | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = app_settings
        self.vault = vault
        self.data_dir = Path(services.db.path).parent
        self.busy = False
        self.dialog: RestoreDialog | None = None
        self.code_request: NewRecoveryCodeDialog | None = None
        self.code_dialog: RecoveryCodeDialog | None = None
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        inner = QWidget()
        inner.setObjectName("page")
        scroll.setWidget(inner)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(12)

        title = QLabel(self.tr("Settings and backups"))
        title.setObjectName("title")
        # Wrapped: on a tablet held upright at the largest text it is wider than the
        # screen, and the whole page scrolled sideways with it.
        title.setWordWrap(True)
        layout.addWidget(title)

        # ------------------------------------------------------------ settings
        layout.addWidget(self._subtitle(self.tr("Settings")))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        # Each choice under its title: whole at every width, like the other forms.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(24)
        form.setVerticalSpacing(12)
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("The computer’s language"), "")
        for code, name in language.NAMES.items():
            self.language_combo.addItem(name, code)
        self._select(self.language_combo, self.settings.get(settings.UI_LANGUAGE))
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        form.addRow(
            self._field_label(words.setting_title(settings.UI_LANGUAGE)), self.language_combo
        )
        self.lock_combo = QComboBox()
        for minutes in settings.LOCK_MINUTES.choices or ():
            text = self.tr("1 minute") if minutes == 1 else self.tr("%n minutes", "", minutes)
            self.lock_combo.addItem(text, minutes)
        self._select(self.lock_combo, self.settings.get(settings.LOCK_MINUTES))
        self.lock_combo.currentIndexChanged.connect(self._lock_minutes_chosen)
        form.addRow(self._field_label(words.setting_title(settings.LOCK_MINUTES)), self.lock_combo)
        self.log_combo = QComboBox()
        for days in settings.LOG_KEEP_DAYS.choices or ():
            self.log_combo.addItem(self._days_text(days), days)
        self._select(self.log_combo, self.settings.get(settings.LOG_KEEP_DAYS))
        self.log_combo.currentIndexChanged.connect(self._log_days_chosen)
        form.addRow(self._field_label(words.setting_title(settings.LOG_KEEP_DAYS)), self.log_combo)
        self.quiet_combo = QComboBox()
        for weeks in settings.QUIET_WEEKS.choices or ():
            self.quiet_combo.addItem(self.tr("%n weeks", "", weeks), weeks)
        self._select(self.quiet_combo, self.settings.get(settings.QUIET_WEEKS))
        self.quiet_combo.currentIndexChanged.connect(self._quiet_weeks_chosen)
        form.addRow(self._field_label(words.setting_title(settings.QUIET_WEEKS)), self.quiet_combo)
        for combo in (self.language_combo, self.lock_combo, self.log_combo, self.quiet_combo):
            combo.setMinimumHeight(theme.TOUCH)
            combo.setMinimumWidth(260)
            # As wide as its longest choice in the text size and language shown now.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        layout.addLayout(form)

        # ------------------------------------------------------------- backups
        layout.addSpacing(12)
        layout.addWidget(self._subtitle(self.tr("Backups")))
        about = QLabel(
            self.tr(
                "A backup is made by itself when the program closes or locks, and every "
                "half hour while something changes. The newest ten are kept, plus one a day "
                "for a week. Backups are encrypted like the data."
            )
        )
        about.setObjectName("muted")
        about.setWordWrap(True)
        layout.addWidget(about)

        self.backup_list = QListWidget()
        self.backup_list.setAccessibleName(self.tr("Backups"))
        self.backup_list.setMinimumHeight(240)
        self.backup_list.currentItemChanged.connect(self._update_buttons)
        layout.addWidget(self.backup_list, 1)
        self.no_backups_label = QLabel(self.tr("No backups yet."))
        self.no_backups_label.setObjectName("muted")
        layout.addWidget(self.no_backups_label)

        # The buttons wrap where one row is too narrow (an upright tablet, large text).
        button_box = QWidget()
        buttons = FlowLayout(button_box, spacing=12)
        self.backup_button = QPushButton(self.tr("Make a backup now"))
        self.backup_button.setProperty("primary", "true")
        self.backup_button.clicked.connect(self.make_backup)
        buttons.addWidget(self.backup_button)
        self.restore_button = QPushButton(self.tr("Bring back the chosen backup…"))
        self.restore_button.clicked.connect(self.ask_restore)
        buttons.addWidget(self.restore_button)
        self.check_button = QPushButton(self.tr("Check the data"))
        self.check_button.setToolTip(
            self.tr("Reads every page of the database and of each backup, and changes nothing.")
        )
        self.check_button.clicked.connect(self.check_data)
        buttons.addWidget(self.check_button)
        self.folder_button = QPushButton(self.tr("Open the folder"))
        self.folder_button.clicked.connect(self.open_folder)
        buttons.addWidget(self.folder_button)
        layout.addWidget(button_box)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        # ------------------------------------------------------------ recovery code
        layout.addSpacing(12)
        layout.addWidget(self._subtitle(self.tr("Recovery code")))
        code_about = QLabel(
            self.tr(
                "If the paper with the recovery code is lost, or someone else may have seen "
                "it, make a new one. The old code keeps working until you have written the "
                "new one down."
            )
        )
        code_about.setObjectName("muted")
        code_about.setWordWrap(True)
        layout.addWidget(code_about)
        code_box = QWidget()
        code_buttons = FlowLayout(code_box, spacing=12)
        self.new_code_button = QPushButton(self.tr("New recovery code…"))
        self.new_code_button.clicked.connect(self.ask_new_recovery_code)
        code_buttons.addWidget(self.new_code_button)
        layout.addWidget(code_box)
        self._add_rekey_block(layout)

        # ------------------------------------------------ statistics for the team
        layout.addSpacing(12)
        self.team_statistics = TeamStatisticsBlock(services)
        layout.addWidget(self.team_statistics)

        # ---------------------------------------------------------- where things are
        layout.addSpacing(12)
        layout.addWidget(self._subtitle(self.tr("Where the data is")))
        from familymeeting.bugs import log_path

        self.where_label = QLabel(
            self.tr("Data folder: %1").replace("%1", str(self.data_dir))
            + "\n"
            + self.tr("Error log (no case text): %1").replace("%1", str(log_path(self.data_dir)))
        )
        self.where_label.setObjectName("muted")
        self.where_label.setWordWrap(True)
        self.where_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.where_label)

        self.refresh()

    # ------------------------------------------------------------------ parts
    def _add_rekey_block(self, layout: QVBoxLayout) -> None:
        """ "Change the data key" (``ui/rekey.py``), the app's ``passwd --rekey``."""
        layout.addSpacing(12)
        layout.addWidget(self._subtitle(self.tr("Change the data key")))
        about = QLabel(
            self.tr(
                "After a laptop or an old copy of the key file may have been lost: the data "
                "and its backups get a new key, so old key files and old passwords open "
                "nothing in this folder."
            )
        )
        about.setObjectName("muted")
        about.setWordWrap(True)
        layout.addWidget(about)
        self.rekey_button = QPushButton(self.tr("Change the data key…"))
        self.rekey_button.clicked.connect(self.ask_rekey)
        self.rekey_button.setEnabled(self.vault is not None)
        layout.addWidget(self.rekey_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.rekey_dialog: RekeyDialog | None = None

    @staticmethod
    def _subtitle(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("subtitle")
        return label

    @staticmethod
    def _field_label(text: str) -> QLabel:
        return QLabel(text)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(max(index, 0))

    def _days_text(self, days: int) -> str:
        months = round(days / 30.5)
        if months == 1:
            return self.tr("1 month")
        if months < 12:
            return self.tr("%n months", "", months)
        years = round(days / 365)
        return self.tr("1 year") if years == 1 else self.tr("%n years", "", years)

    def _language_chosen(self) -> None:
        """Remember the choice and switch now; the window redraws itself in it."""
        code = str(self.language_combo.currentData())
        self.settings.set(settings.UI_LANGUAGE, code)
        app = QApplication.instance()
        if app is not None:
            language.switch_language(app, language.chosen_language(self.settings))

    def _lock_minutes_chosen(self) -> None:
        minutes = int(self.lock_combo.currentData())
        self.settings.set(settings.LOCK_MINUTES, minutes)
        self.lock_minutes_changed.emit(minutes)

    def _log_days_chosen(self) -> None:
        days = int(self.log_combo.currentData())
        self.settings.set(settings.LOG_KEEP_DAYS, days)
        self.services.prune_access_log(days)

    def _quiet_weeks_chosen(self) -> None:
        # The start screen reads the setting each time it is shown.
        self.settings.set(settings.QUIET_WEEKS, int(self.quiet_combo.currentData()))

    def _say(self, text: str, *, problem: bool = False) -> None:
        colour = theme.WARNING if problem else theme.SAVED
        self.status_label.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.status_label.setText(text)

    def say_restored(self) -> None:
        self._say(
            self.tr(
                "The backup is back. What was there before is kept as a backup "
                "“from before a restore”."
            )
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_vault = self.vault is not None and self.vault.is_open
        self.backup_button.setEnabled(has_vault and not self.busy)
        self.check_button.setEnabled(not self.busy)
        self.restore_button.setEnabled(
            has_vault and not self.busy and self.backup_list.currentItem() is not None
        )

    # ------------------------------------------------------------------ public
    def refresh(self) -> None:
        """List the backups again (newest first) and show the last automatic failure."""
        from familymeeting.storage.backup import list_backups

        kinds = {
            "auto": self.tr("automatic"),
            "manual": self.tr("made by hand"),
            "before-restore": self.tr("from before a restore"),
            "after-delete": self.tr("after a family was deleted"),
        }
        self.backup_list.clear()
        for info in list_backups(self.data_dir):
            when = local_time(info.created)
            kind = kinds.get(info.kind.value, info.kind.value)
            item = QListWidgetItem(f"{when}   ·   {size_text(info.size)}   ·   {kind}")
            item.setData(PATH_ROLE, str(info.path))
            item.setData(WHEN_ROLE, when)
            item.setSizeHint(item.sizeHint().expandedTo(QSize(0, theme.TOUCH)))
            self.backup_list.addItem(item)
        empty = self.backup_list.count() == 0
        self.backup_list.setVisible(not empty)
        self.no_backups_label.setVisible(empty)
        if self.backup_list.count():
            self.backup_list.setCurrentRow(0)
        if self.vault is not None and self.vault.backup_error:
            self._say(
                self.tr("The last automatic backup failed: %1").replace(
                    "%1", error_text(self.vault.backup_error, self.data_dir)
                ),
                problem=True,
            )
        self._update_buttons()

    def selected_backup(self) -> Path | None:
        item = self.backup_list.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def make_backup(self) -> None:
        if self.vault is None or self.busy:
            return
        self._set_busy(True)
        self._say(self.tr("Making a backup…"))
        run_in_background(self.vault.backup_now, self._backup_made, self._failed)

    def _backup_made(self, info: object) -> None:
        self._set_busy(False)
        self.refresh()
        assert isinstance(info, BackupInfo)
        when = local_time(info.created)
        self._say(self.tr("A backup was made: %1.").replace("%1", when))

    def _failed(self, error: object) -> None:
        self._set_busy(False)
        self._say(error_text(error, self.data_dir), problem=True)

    def check_data(self) -> None:
        if self.busy:
            return
        self._set_busy(True)
        self._say(self.tr("Checking every page of the data…"))
        services = self.services

        def check() -> object:
            return services.check_data()

        run_in_background(check, self._checked, self._failed)

    def _checked(self, result: object) -> None:
        self._set_busy(False)
        assert isinstance(result, DataCheck)
        bad = len(result.damaged)
        if result.database_damaged:
            self._say(
                self.tr(
                    "The database is damaged. Bring back the newest backup, and keep working "
                    "from there. Restart the program if it asks you to."
                ),
                problem=True,
            )
        elif bad:
            self._say(
                self.tr("The data is sound, but one backup is damaged; it will not be offered.")
                if bad == 1
                else self.tr(
                    "The data is sound, but %n backups are damaged; they will not be offered.",
                    "",
                    bad,
                ),
                problem=True,
            )
        else:
            self._say(self.tr("The data is sound: every page was read and checked."))

    def open_folder(self) -> None:
        from familymeeting.storage.backup import backup_dir

        folder = backup_dir(self.data_dir)
        QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(folder if folder.is_dir() else self.data_dir))
        )

    def ask_restore(self) -> RestoreDialog | None:
        """Ask for the password (window-modal, not blocking), then bring the backup back."""
        backup = self.selected_backup()
        if backup is None or self.vault is None or self.busy:
            return None
        item = self.backup_list.currentItem()
        when = str(item.data(WHEN_ROLE)) if item is not None else backup.name
        dialog = RestoreDialog(self.vault, backup, when, self)
        dialog.accepted.connect(self._restored)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_rekey(self) -> RekeyDialog | None:
        """Open "Change the data key" (window-modal, not blocking)."""
        if self.vault is None or not self.vault.is_open or self.busy:
            return None
        from familymeeting.ui.rekey import RekeyDialog

        dialog = RekeyDialog(self.vault, self)
        dialog.running.connect(self._rekey_running)
        dialog.accepted.connect(self._rekeyed)
        dialog.finished.connect(dialog.deleteLater)
        self.rekey_dialog = dialog
        dialog.open()
        return dialog

    def _rekey_running(self, running: bool) -> None:
        self._set_busy(running)
        self.rekey_running.emit(running)

    def _rekeyed(self) -> None:
        dialog, self.rekey_dialog = self.rekey_dialog, None
        result = dialog.result_ if dialog is not None else None
        if result is None:
            return
        self.refresh()
        text = self.tr(
            "The data key is changed: the data and %n backup(s) are encrypted with the new key.",
            "",
            result.backups_reencrypted,
        )
        if result.backups_damaged:
            names = ", ".join(path.name for path in result.backups_damaged)
            text += " " + self.tr(
                "These damaged backups were left as they were, under the old key: %1"
            ).replace("%1", names)
        self._say(text, problem=bool(result.backups_damaged))

    def _restored(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None and dialog.result_value is not None:
            self.restored.emit(dialog.result_value)

    # ------------------------------------------------------------ recovery code
    def ask_new_recovery_code(self) -> NewRecoveryCodeDialog | None:
        """The password first (window-modal); then the new code, valid only once ticked."""
        if self.busy or self.code_request is not None or self.code_dialog is not None:
            return None
        dialog = NewRecoveryCodeDialog(self.data_dir, self)
        # QDialog emits finished before accepted: the code is handed over explicitly.
        dialog.accepted.connect(lambda: self._new_code_made(dialog.code))
        dialog.finished.connect(self._code_request_closed)
        self.code_request = dialog
        dialog.open()
        return dialog

    def _code_request_closed(self) -> None:
        dialog, self.code_request = self.code_request, None
        if dialog is not None:
            dialog.deleteLater()

    def _new_code_made(self, code: str) -> None:
        from familymeeting.storage.unlock import acknowledge_recovery_code

        if not code:
            return
        data_dir = self.data_dir
        shown = RecoveryCodeDialog(
            code,
            self.window(),
            acknowledge=lambda: acknowledge_recovery_code(data_dir, code),
            cancellable=True,
        )
        shown.accepted.connect(self._new_code_acknowledged)
        shown.rejected.connect(self._new_code_cancelled)
        shown.finished.connect(shown.deleteLater)
        self.code_dialog = shown
        shown.open()

    def _new_code_acknowledged(self) -> None:
        self.code_dialog = None
        self._say(self.tr("The new recovery code is in use. The old one no longer works."))

    def _new_code_cancelled(self) -> None:
        from familymeeting.storage.unlock import withdraw_recovery_code

        self.code_dialog = None
        try:
            withdraw_recovery_code(self.data_dir)
        except UserError as error:
            # The new code is not valid either way; only the leftover slot stays.
            self._say(error_text(error, self.data_dir), problem=True)
            return
        self._say(self.tr("No new recovery code was made. The old one still works."))


class PasswordTaskDialog(FittedDialog):
    """A question, the password, then work off the GUI thread (``work``); accepted with
    its answer in :attr:`result_value` when it is done. While it runs, nothing closes
    it; a failure is shown under the password and changes nothing.
    No signals beyond QDialog's.
    """

    def __init__(
        self, data_dir: Path, work: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.work = work
        self.result_value: object = None
        self.busy = False

    def _build(self, *, window_title: str, title: str, text: str, action: str) -> None:
        """The dialog's widgets, in the words of the subclass (its own tr context)."""
        self.setWindowTitle(window_title)
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        heading = QLabel(title)
        heading.setObjectName("title")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        words_ = QLabel(text)
        words_.setWordWrap(True)
        layout.addWidget(words_)
        self.password = PasswordField(self.tr("Password"))
        layout.addWidget(self.password)
        self.error_label = make_error_label()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox()
        self.cancel_button = standard_button(buttons, QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.action_button = QPushButton(action)
        buttons.addButton(self.action_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.action_button.setProperty("primary", "true")
        self.action_button.setDefault(True)
        self.action_button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        layout.addWidget(buttons)
        self.password.setFocus()

    def submit(self) -> None:
        password = self.password.text()
        if self.busy or not password:
            return
        self.busy = True
        self.action_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.error_label.hide()
        work = self.work
        run_in_background(lambda: work(password), self._done, self._failed)

    def _done(self, answer: object) -> None:
        self.busy = False
        self.result_value = answer
        self.password.clear()
        self.accept()

    def _failed(self, error: object) -> None:
        self.busy = False
        self.action_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.password.clear()
        self.error_label.setText(error_text(error, self.data_dir))
        self.error_label.show()

    def reject(self) -> None:
        if not self.busy:
            super().reject()


class NewRecoveryCodeDialog(PasswordTaskDialog):
    """ "New recovery code": the password, then a new code made off the GUI thread.

    Accepted once the code is made (pending: not valid yet); it is in :attr:`code`.
    No signals beyond QDialog's.
    """

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        def make(password: str) -> object:
            from familymeeting.storage.keys import KeyStore

            return KeyStore.new_recovery_code(data_dir, password, wait=False)

        super().__init__(data_dir, make, parent)
        self._build(
            window_title=self.tr("New recovery code"),
            title=self.tr("Make a new recovery code?"),
            text=self.tr(
                "Type your password. The new code is shown next; when you have written it "
                "down, it replaces the old one. Until then the old code keeps working."
            ),
            action=self.tr("Make a new code"),
        )
        self.make_button = self.action_button

    @property
    def code(self) -> str:
        return "" if self.result_value is None else str(self.result_value)


class RestoreDialog(PasswordTaskDialog):
    """ "Bring back the backup from …": the password, then the restore off the GUI thread.

    Accepted when the backup is in place; the new ``Services`` are in ``result_value``.
    """

    def __init__(self, vault: Vault, backup: Path, when: str, parent: QWidget | None = None):
        super().__init__(vault.data_dir, lambda password: vault.restore(password, backup), parent)
        self._build(
            window_title=self.tr("Bring back a backup"),
            title=self.tr("Bring back the backup?"),
            text=self.tr(
                "The data in the program will be as it was on %1. What is there now is kept "
                "as a backup first, so you can go back to it. Type your password to go on."
            ).replace("%1", when),
            action=self.tr("Bring it back"),
        )
        self.vault = vault
        self.backup = backup
        self.restore_button = self.action_button
