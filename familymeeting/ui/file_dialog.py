"""Qt's file dialog without traces outside the data folder: every Save as PDF (the plan,
a kept plan, the record, the houses), the first start's backup file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


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


def documents_folder() -> Path:
    """The user's Documents folder, else the home folder: where a file dialog starts."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path(QDir.homePath())


# The traces of each open dialog, alive until it is gone and they are put back.
_open: set[FileDialogTraces] = set()


def open_file_dialog(
    parent: QWidget,
    title: str,
    start: Path,
    filters: str,
    chosen: Callable[[Path], object],
    *,
    save_suffix: str = "",
) -> QFileDialog:
    """Qt's file dialog, window-modal and not blocking; ``chosen`` gets the file picked.

    With ``save_suffix`` (e.g. "pdf") it asks where to save, and the name always ends in
    that suffix; without, it opens an existing file. ``start`` is a folder, or a folder
    and a suggested name. Qt's own records of the dialog are put back as they were.
    """
    traces = FileDialogTraces()
    dialog = QFileDialog(parent, title, str(start), filters)
    if save_suffix:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(save_suffix)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)

    def selected(name: str) -> None:
        if not name:
            return
        path = Path(name)
        if save_suffix and path.suffix.lower() != f".{save_suffix}":
            path = path.with_suffix(f".{save_suffix}")
        chosen(path)

    def gone() -> None:
        traces.restore()
        _open.discard(traces)

    _open.add(traces)
    dialog.fileSelected.connect(selected)
    dialog.finished.connect(dialog.deleteLater)
    dialog.destroyed.connect(gone)
    dialog.open()
    return dialog
