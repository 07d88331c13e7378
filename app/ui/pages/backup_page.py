"""Backups (数据备份): back up now, restore a day, find a lost record in an old backup."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import config
from app.errors import UserError
from app.services import backup_service
from app.services.permissions import Perm
from app.ui.dialogs.recover_record_dialog import RecoverRecordDialog
from app.ui.errors import user_message
from app.ui.file_dialogs import existing_folder
from app.ui.session import AppSession

FOLDER_KEY = "backup/folder"


def backup_folder() -> Path:
    """The backup folder this PC uses (a second disk or USB drive may be chosen)."""
    from app.ui.settings_store import default_qsettings

    value = default_qsettings().value(FOLDER_KEY, "")
    return Path(str(value)) if value else config.backup_dir()


def restart_application() -> None:
    """Start a fresh copy of the app on the restored database, then quit this one."""
    QProcess.startDetached(sys.executable, sys.argv)
    QApplication.quit()


class BackupPage(QWidget):
    COLUMNS = 6

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("backupTable")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.find_button = QPushButton(self.tr("Find a record in this backup…"))
        self.folder_button = QPushButton(self.tr("Change folder…"))
        self.status = QLabel()
        self._layout()
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.find_button.clicked.connect(self.find_record)
        self.folder_button.clicked.connect(self.choose_folder)
        self.restore_button.setVisible(session.may(Perm.RESTORE))
        self.find_button.setVisible(session.may(Perm.RESTORE))
        self.refresh()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.find_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Backups"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def refresh(self) -> None:
        folder = backup_folder()
        self.folder_label.setText(self.tr("Backup folder: {folder}").format(folder=folder))
        self.table.setHorizontalHeaderLabels([
            self.tr("Taken at"), self.tr("Kind"), self.tr("Size (MB)"), self.tr("Check"),
            self.tr("Calls"), self.tr("Customers")])
        found = backup_service.list_backups(folder)
        self.table.setRowCount(len(found))
        for row, backup in enumerate(found):
            record = backup_service.recorded_result(backup)
            raw = record.get("counts")
            counts: dict[str, object] = raw if isinstance(raw, dict) else {}
            size = backup.path.stat().st_size / 1_048_576 if backup.path.exists() else 0
            values = [backup.taken_at.strftime("%Y-%m-%d %H:%M"), self._kind(backup.kind),
                      f"{size:.1f}", self._integrity(str(record.get("integrity", "?"))),
                      str(counts.get("calls", "")), str(counts.get("customers", ""))]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
                self.table.setItem(row, column, item)
        if found:
            self.table.selectRow(0)

    def _integrity(self, result: str) -> str:
        """SQLite's "ok" as a word of the user's language; a problem as SQLite reported it."""
        return self.tr("sound") if result == "ok" else result

    def _kind(self, kind: str) -> str:
        names = {"daily": self.tr("Daily"), "manual": self.tr("On demand"),
                 "pre-migration": self.tr("Before upgrade"),
                 "pre-restore": self.tr("Before restore")}
        return names.get(kind, kind)

    def selected_backup(self) -> Path | None:
        item = self.table.item(self.table.currentRow(), 0)
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def back_up_now(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            info = backup_service.backup_now(self.session.ctx, backup_folder())
        except UserError as err:
            QMessageBox.critical(self, self.tr("Backup failed"), user_message(err))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.status.setText(self.tr("Backup written: {name} ({result})").format(
            name=info.path.name, result=self._integrity(info.integrity)))
        self.refresh()

    def restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is None:
            return
        question = self.tr("Restore the database as it was at {name}? The current database "
                           "is backed up first, then the application restarts.").format(
            name=backup.name)
        if backup_service.recorded_checksum(backup) is None:
            question += "\n\n" + self.tr(
                "This backup has no record beside it: it is checked for soundness, but "
                "whether it was changed since it was taken cannot be verified.")
        answer = QMessageBox.question(self, self.tr("Restore"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            backup_service.restore_from(self.session.ctx, backup, backup_folder())
        except UserError as err:
            QMessageBox.critical(self, self.tr("Restore failed"), user_message(err))
            return
        restart_application()

    def find_record(self) -> None:
        backup = self.selected_backup()
        if backup is not None:
            dialog = RecoverRecordDialog(self.session, backup, self)
            dialog.exec()

    def choose_folder(self) -> None:
        from app.ui.settings_store import default_qsettings

        chosen = existing_folder(self, self.tr("Backup folder"), backup_folder())
        if chosen:
            default_qsettings().setValue(FOLDER_KEY, chosen)
            self.refresh()
