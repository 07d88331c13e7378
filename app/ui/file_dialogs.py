"""Every file dialog of the app, made so that it never opens the files it lists.

Why this module exists: on POSIX, ``close()`` on *any* descriptor of a file drops *every*
lock the process holds on that file, SQLite's included. Qt's stock file dialog reads the
files it lists (``.sqlite``, ``-wal``, ``-shm`` among them) to guess their type and icon, and
closes them; the next process that opens and closes the database then believes it is the
last one, checkpoints and deletes the live WAL, and what the app writes afterwards is lost
(DATA-SAFETY.md, "In-process file access drops SQLite's locks"). So no code in the app may
open a file dialog except through here (tests/unit/test_file_access_rules.py enforces it).

Native or Qt's own dialog: on Windows locks belong to a handle, not to the process, so the
native dialog (whatever its shell extensions read) cannot drop SQLite's locks: use it. On
Linux the "native" dialog is GTK's, running *inside our process* (the gtk3 platform theme)
and sniffing file contents through GIO, and macOS's panel also runs in-process for an
unsandboxed app: both have the flaw and neither can be told not to read. Only a portal
dialog runs in another process, and we cannot tell beforehand which one Qt would pick. So
everywhere but Windows we use Qt's widget dialog with an icon provider whose ``icon()`` and
``type()`` look at the name and the stat data only (overriding ``icon()`` alone is not enough:
the type column sniffs through QMimeDatabase). Its file-name completer and side bar share the
dialog's model, hence the provider.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.i18n import QT_TRANSLATE_NOOP

# Windows locks are per handle; everywhere else an in-process dialog may read the files.
USE_NATIVE = sys.platform == "win32"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileDialogs", text)


class NamesOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from the file name and stat data: never opens a file."""

    def icon(self, what: object) -> QIcon:
        if isinstance(what, QFileInfo):
            kind = (QAbstractFileIconProvider.IconType.Folder if what.isDir()
                    else QAbstractFileIconProvider.IconType.File)
            return super().icon(kind)
        icon: QIcon = super().icon(what)  # type: ignore[call-overload]
        return icon

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return _tr(QT_TRANSLATE_NOOP("FileDialogs", "Folder"))
        suffix = info.suffix()
        if not suffix:
            return _tr(QT_TRANSLATE_NOOP("FileDialogs", "File"))
        return _tr(QT_TRANSLATE_NOOP("FileDialogs", "{suffix} file")).format(
            suffix=suffix.upper())


_PROVIDER = NamesOnlyIconProvider()  # not a QObject: kept alive here for every dialog
_STORE_FILES: set[str] = set()  # the live store's files: never handed out to be read/written


def protect_store(path: Path) -> None:
    """Refuse the live store's files in every dialog: an import would read them with its own
    open()/close() (dropping SQLite's locks), a save would overwrite the store."""
    base = os.path.realpath(path)
    _STORE_FILES.update(base + suffix for suffix in ("", "-wal", "-shm", "-journal"))


def _is_store_file(chosen: str) -> bool:
    return os.path.realpath(chosen) in _STORE_FILES


def _dialog(parent: QWidget | None, title: str, directory: str | Path,
            filter_text: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, title, str(directory), filter_text)
    if not USE_NATIVE:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setIconProvider(_PROVIDER)
    return dialog


def _run(dialog: QFileDialog) -> str:
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return ""
        selected = dialog.selectedFiles()
        chosen = selected[0] if selected else ""
        if chosen and _is_store_file(chosen):
            QMessageBox.warning(dialog.parentWidget(), dialog.windowTitle(), _tr(
                QT_TRANSLATE_NOOP("FileDialogs", "{file} is the store's own database: choose "
                                  "another file.")).format(file=chosen))
            return ""
        return chosen
    finally:
        dialog.deleteLater()


def save_file_name(parent: QWidget | None, title: str, default: str | Path,
                   filter_text: str = "") -> str:
    """Ask where to save; ``default`` is a file name or a path. "" when cancelled."""
    default_path = Path(default)
    folder = default_path.parent if default_path.parent != Path() else Path.cwd()
    dialog = _dialog(parent, title, folder, filter_text)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(default_path.name)
    return _run(dialog)


def open_file_name(parent: QWidget | None, title: str, directory: str | Path = "",
                   filter_text: str = "") -> str:
    """Ask for an existing file to open. "" when cancelled."""
    dialog = _dialog(parent, title, directory, filter_text)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def existing_folder(parent: QWidget | None, title: str, directory: str | Path = "") -> str:
    """Ask for a folder. "" when cancelled."""
    dialog = _dialog(parent, title, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return _run(dialog)
