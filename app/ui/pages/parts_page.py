"""Parts stock (配件库存): the catalogue with stock on hand, goods received, counts, low stock."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.parts_service import PartDTO
from app.services.permissions import Perm
from app.ui.dialogs.parts_dialogs import PartDialog, StockDialog
from app.ui.session import AppSession, Topic, touches
from app.ui.table_models.carry_in_table_models import PartsTableModel


class PartsPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search")
        self.search_edit.setPlaceholderText(self.tr("Part number or name"))
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.low_check = QCheckBox(self.tr("&Low stock only"))
        self.low_check.setObjectName("low_only")
        self.low_check.toggled.connect(self.apply_filter)
        self.model = PartsTableModel(session, self)
        self.table = QTableView()
        self.table.setObjectName("parts")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.low_check)
        for key, text, slot in (("new_part", self.tr("&New part…"), self.new_part),
                                ("receive", self.tr("Goods &received…"), self.receive),
                                ("count", self.tr("Stock &count…"), self.count)):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(slot)
            self.buttons[key] = button
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        session.user_changed.connect(self.refresh)
        session.data_changed.connect(self._data_changed)
        self.refresh()

    def _data_changed(self, topic: str) -> None:
        if touches(topic, (Topic.PARTS, Topic.CARRY_IN)):
            self.refresh()

    def apply_filter(self) -> None:
        self.model.search = self.search_edit.text()
        self.model.low_only = self.low_check.isChecked()
        self.model.refresh()

    def refresh(self) -> None:
        self.model.refresh()
        may = self.session.may(Perm.PARTS_MANAGE)
        for button in self.buttons.values():
            button.setEnabled(may)

    def run_dialog(self, dialog: QDialog) -> bool:
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _selected(self) -> PartDTO | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _run(self, dialog: QDialog) -> None:
        if self.run_dialog(dialog):
            self.session.changed(Topic.PARTS)
        dialog.deleteLater()

    def new_part(self) -> None:
        self._run(PartDialog(self.session, self))

    def receive(self) -> None:
        part = self._selected()
        if part is not None:
            self._run(StockDialog(self.session, part, self))

    def count(self) -> None:
        part = self._selected()
        if part is not None:
            self._run(StockDialog(self.session, part, self, count=True))
