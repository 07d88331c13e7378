"""Look a record up in a backup, see what changed since, and copy it back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import recovery_service as recovery
from app.ui.dialogs.history_dialog import field_text
from app.ui.errors import show_user_error, user_message
from app.ui.record_names import table_text
from app.ui.session import TABLE_TOPICS, AppSession, Topic


class RecoverRecordDialog(QDialog):
    def __init__(self, session: AppSession, backup: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.backup_path = backup
        self.backup = recovery.open_backup(backup)
        self.setWindowTitle(self.tr("Find a record in {name}").format(name=backup.name))
        self.table_box = QComboBox()
        for table in recovery.recoverable_tables():
            self.table_box.addItem(table_text(table), table)
        self.key_edit = QLineEdit()
        self.key_edit.setPlaceholderText(self.tr("Document number or record id"))
        self.look_button = QPushButton(self.tr("Look up"))
        self.diffs = QTableWidget(0, 3)
        self.diffs.setHorizontalHeaderLabels([self.tr("Field"), self.tr("In the backup"),
                                              self.tr("Now")])
        self.diffs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = self.buttons.addButton(self.tr("Copy back into the live data"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Kind of record"), self.table_box)
        form.addRow(self.tr("Number or id"), self.key_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.look_button)
        layout.addWidget(self.diffs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.look_button.clicked.connect(self.look_up)
        self.key_edit.returnPressed.connect(self.look_up)
        self.copy_button.clicked.connect(self.copy_back)
        self.buttons.rejected.connect(self.reject)
        self.row_id: int | None = None
        self.resize(720, 480)

    def _row_id(self) -> int | None:
        text = self.key_edit.text().strip()
        table = str(self.table_box.currentData())
        found = recovery.find_in_backup(self.backup, table, number=text.upper())
        if found is not None:
            return found
        return int(text) if text.isdigit() else None

    def look_up(self) -> None:
        self.row_id = self._row_id()
        self.copy_button.setEnabled(False)
        if self.row_id is None:
            self.message.setText(self.tr("Enter a document number or a record id."))
            return
        try:
            diffs = recovery.compare(self.session.ctx, self.backup,
                                     str(self.table_box.currentData()), self.row_id)
        except UserError as err:
            show_user_error(err, {"table": self.table_box}, message_label=self.message)
            return
        self.diffs.setRowCount(len(diffs))
        for row, diff in enumerate(diffs):
            for column, value in enumerate((field_text(diff.field), diff.backup_value,
                                            diff.live_value)):
                self.diffs.setItem(row, column, QTableWidgetItem("" if value is None
                                                                 else str(value)))
        self.copy_button.setEnabled(bool(diffs))
        self.message.setText(self.tr("{n} fields differ from the live record.").format(
            n=len(diffs)) if diffs else self.tr("The live record is the same as in the backup."))

    def copy_back(self) -> None:
        if self.row_id is None:
            return
        try:
            recovery.recover(self.session.ctx, self.backup, str(self.table_box.currentData()),
                             self.row_id, backup_name=self.backup_path.name)
        except UserError as err:
            self.message.setText(user_message(err))
            return
        self.session.changed(TABLE_TOPICS.get(str(self.table_box.currentData()), Topic.ANY))
        self.message.setText(self.tr("Copied back; the change is on the audit trail."))
        self.copy_button.setEnabled(False)

    def done(self, result: int) -> None:
        self.backup.dispose()
        super().done(result)
