"""Parts taken from stock (配换零件): a part with its stock shown, a quantity, a list.

On a visit (``van_id`` given: the voucher's technician) each part shows what the van and
the store hold ("车上 2 / 库房 5") and is taken from the van unless "From the store" is
ticked; on repair-card (bench) work it shows the store's quantity and takes from the store."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.services import parts_service
from app.services.parts_service import PartQty
from app.services.permissions import Perm
from app.ui.session import AppSession


class PartsPicker(QWidget):
    """Used on repair-card work entries and on-site visits alike; ``parts`` is the list."""

    def __init__(self, session: AppSession, parent: QWidget | None = None, *,
                 van_id: int | None = None) -> None:
        super().__init__(parent)
        self.parts: list[PartQty] = []
        self.van_id = van_id
        self.part_combo = QComboBox()
        self.part_combo.setObjectName("part")
        van = ({line.part_id: line.quantity
                for line in parts_service.van_stock(session.ctx, van_id)}
               if van_id is not None else {})
        parts = parts_service.list_parts(session.ctx, limit=5000)
        if van_id is not None:  # what the van carries first: it is what is used on site
            parts.sort(key=lambda p: van.get(p.id, 0) <= 0)
        for part in parts:
            if van_id is None:
                text = self.tr("{label} (in stock {n})").format(label=part.label, n=part.store)
            else:
                text = self.tr("{label} (van {van} / store {store})").format(
                    label=part.label, van=van.get(part.id, 0), store=part.store)
            self.part_combo.addItem(text, part.id)
        self.store_check = QCheckBox(self.tr("From the &store"))
        self.store_check.setObjectName("from_store")
        self.store_check.setToolTip(self.tr("Not from the van: the part comes off the "
                                            "store's shelf"))
        self.store_check.setVisible(van_id is not None)
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setObjectName("quantity")
        self.quantity_spin.setRange(1, 999)
        self.add_part_button = QPushButton(self.tr("&Add part"))
        self.add_part_button.setObjectName("add_part")
        self.add_part_button.setAutoDefault(False)
        self.add_part_button.clicked.connect(self.add_part)
        self.parts_list = QListWidget()
        self.parts_list.setObjectName("parts_list")
        self.parts_list.setMaximumHeight(90)
        self.override_check = QCheckBox(self.tr("Supervisor override: allow stock below zero"))
        self.override_check.setObjectName("override")
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("Reason for the override"))
        may = session.may(Perm.STOCK_OVERRIDE)
        self.override_check.setVisible(may)
        self.reason_edit.setVisible(may)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.part_combo, 0, 0)
        grid.addWidget(self.quantity_spin, 0, 1)
        grid.addWidget(self.store_check, 0, 2)
        grid.addWidget(self.add_part_button, 0, 3)
        grid.addWidget(self.parts_list, 1, 0, 1, 4)
        grid.addWidget(self.override_check, 2, 0, 1, 4)
        grid.addWidget(self.reason_edit, 3, 0, 1, 4)
        grid.setColumnStretch(0, 1)

    def add_part(self) -> None:
        part_id = self.part_combo.currentData()
        if part_id is None:
            return
        from_store = self.van_id is not None and self.store_check.isChecked()
        self.parts.append(PartQty(int(part_id), self.quantity_spin.value(), from_store))
        text = f"{self.part_combo.currentText()} × {self.quantity_spin.value()}"
        if self.van_id is not None:
            text += "  " + (self.tr("from the store") if from_store else self.tr("from the van"))
        self.parts_list.addItem(text)
        self.quantity_spin.setValue(1)
        self.store_check.setChecked(False)
        self.part_combo.setFocus()

    @property
    def override(self) -> bool:
        return self.override_check.isChecked()

    @property
    def reason(self) -> str:
        return self.reason_edit.text()
