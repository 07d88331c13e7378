"""The store's database file is missing at start: restore a backup, open another file, or
(explicitly) create a new, empty store. Nothing is created until the user chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.db.known_databases import MissingDatabase
from app.services.backup_service import BackupFile
from app.ui import file_dialogs


def choose_database_file(parent: QWidget | None, start: Path) -> Path | None:
    """Ask for another database file (no database is open while this runs)."""
    chosen = file_dialogs.open_file_name(
        parent, QCoreApplication.translate("MissingDatabaseDialog",
                                           "Open a Service Counter database"), str(start),
        QCoreApplication.translate("MissingDatabaseDialog",
                                   "Service Counter database (*.sqlite *.db);;All files (*)"))
    return Path(chosen) if chosen else None


class MissingDatabaseDialog(QMessageBox):
    """Says which file is missing and offers the ways on; ``choice`` tells which was taken."""

    RESTORE, OPEN, SERVER, CREATE, QUIT = "restore", "open", "server", "create", "quit"

    def __init__(self, missing: MissingDatabase, newest: BackupFile | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        # "missing" only for a file this PC used: a new path (--db) simply has none yet
        self.setWindowTitle(self.tr("The database is missing") if missing.used_before
                            else self.tr("No database here yet"))
        self.newest = newest
        path = str(missing.path)
        if missing.used_before:
            text = self.tr(
                "The database {path} is missing. It was last opened on this computer at "
                "{when}; it may have been moved, renamed or deleted, or the disk holding it "
                "is not connected. Nothing has been created.").format(
                path=path, when=str(missing.last_used).replace("T", " "))
        else:
            text = self.tr("There is no database at {path}. Nothing has been created.").format(
                path=path)
        self.setText(text)
        self.choices: dict[str, QPushButton] = {}
        if newest is not None:
            self.setInformativeText(self.tr(
                "The newest backup of it was taken at {taken}; what was entered after that "
                "is not in it.").format(taken=newest.taken_at.strftime("%Y-%m-%d %H:%M")))
            self.choices[self.RESTORE] = self.addButton(
                self.tr("Restore the newest backup"), QMessageBox.ButtonRole.AcceptRole)
        self.choices[self.OPEN] = self.addButton(self.tr("Open another file…"),
                                                 QMessageBox.ButtonRole.ActionRole)
        self.choices[self.SERVER] = self.addButton(self.tr("Connect to a database server…"),
                                                   QMessageBox.ButtonRole.ActionRole)
        self.choices[self.CREATE] = self.addButton(
            self.tr("Create a new, empty store here"), QMessageBox.ButtonRole.DestructiveRole)
        self.choices[self.QUIT] = self.addButton(self.tr("Quit"),
                                                 QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.choices.get(self.RESTORE, self.choices[self.OPEN]))
        self.setEscapeButton(self.choices[self.QUIT])

    @property
    def choice(self) -> str:
        clicked = self.clickedButton()
        return next((name for name, button in self.choices.items() if button is clicked),
                    self.QUIT)
