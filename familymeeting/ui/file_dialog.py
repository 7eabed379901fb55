"""Qt's file dialog without traces outside the data folder (the plan's Save, the first
start's backup file)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


class FileDialogTraces:
    """Keeps Qt's file dialog from recording folders and names outside the data folder.

    Every QFileDialog, also the native one, writes its history and last folder into
    the user's shared "QtProject" settings when it is destroyed (~/.config/
    QtProject.conf, or the registry): a folder named after a family would then be
    kept outside the data folder, in plain text. ``remember`` notes what is there
    before the dialog opens; ``restore`` puts exactly that back after it is gone.
    """

    GROUP = "FileDialog"

    def __init__(self) -> None:
        qs = QSettings(QSettings.Scope.UserScope, "QtProject")
        qs.beginGroup(self.GROUP)
        self._before = {key: qs.value(key) for key in qs.allKeys()}
        qs.endGroup()

    def restore(self) -> None:
        qs = QSettings(QSettings.Scope.UserScope, "QtProject")
        qs.remove(self.GROUP)
        if self._before:
            qs.beginGroup(self.GROUP)
            for key, value in self._before.items():
                qs.setValue(key, value)
            qs.endGroup()
        qs.sync()
        path = Path(qs.fileName())
        # Nothing of anyone's was there before us: leave no empty file behind either.
        if not qs.allKeys() and qs.format() == QSettings.Format.NativeFormat and path.is_file():
            path.unlink(missing_ok=True)
