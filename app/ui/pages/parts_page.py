"""Parts stock (配件库存): the catalogue with each place's stock (total, store, vans), goods
received, counts, transfers store ↔ van, low stock; below it what the vans carry (a
technician sees their own van, whoever manages parts every van)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Role
from app.services import branch_service, parts_service
from app.services.parts_service import PartDTO
from app.services.permissions import Perm
from app.ui.dialogs.parts_dialogs import (
    BranchTransferDialog,
    PartDialog,
    StockDialog,
    TransferDialog,
)
from app.ui.session import AppSession, Topic, touches
from app.ui.table_models.carry_in_table_models import PartsTableModel, VanStockModel


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
                                ("count", self.tr("Stock &count…"), self.count),
                                ("transfer", self.tr("&Transfer store ↔ van…"),
                                 self.transfer),
                                ("branches", self.tr("Move between &branches…"),
                                 self.move_between_branches)):
            button = QPushButton(text)
            button.setObjectName(key)
            button.clicked.connect(slot)
            self.buttons[key] = button
            top.addWidget(button)
        self.vans_label = QLabel()
        self.vans_model = VanStockModel(self)
        self.vans_table = QTableView()
        self.vans_table.setObjectName("vans")
        self.vans_table.setModel(self.vans_model)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.vans_label)
        layout.addWidget(self.vans_table, 1)
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
        ctx = self.session.ctx
        # the service department moves stock between branches, in a company of several
        self.buttons["branches"].setVisible(
            may and ctx.actor.branch_id is None and len(branch_service.list_branches(ctx)) > 1)
        own = ctx.actor.role is Role.TECHNICIAN and ctx.actor.user_id is not None
        self.vans_label.setText(self.tr("My van") if own else self.tr("Vans"))
        shown = may or own
        self.vans_label.setVisible(shown)
        self.vans_table.setVisible(shown)
        self.vans_model.set_rows(
            parts_service.van_stock(ctx, ctx.actor.user_id if own else None) if shown else [])

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

    def transfer(self) -> None:
        part = self._selected()
        if part is not None:
            self._run(TransferDialog(self.session, part, self))

    def move_between_branches(self) -> None:
        part = self._selected()
        if part is not None:
            self._run(BranchTransferDialog(self.session, part, self))
