"""An item's data as a form block: model (catalogue), serial, purchase date, invoice no."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QFormLayout, QLineEdit, QWidget

from app.errors import ValidationError
from app.i18n import N_
from app.services.customers_service import ItemInput, ModelChoice
from app.services.dto import ItemDTO
from app.services.warranty import WarrantyStatus, warranty_status


def parse_date(text: str, *, field: str) -> date | None:
    """'2024-05-01', '2024/5/1', '2024.5.1' or '20240501'; empty means unknown."""
    raw = text.strip()
    if not raw:
        return None
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", raw) or \
        re.fullmatch(r"(\d{4})(\d{2})(\d{2})", raw)
    try:
        if match is None:
            raise ValueError(raw)
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise ValidationError(N_("{value} is not a date (YYYY-MM-DD)."), field=field,
                              value=raw) from None


class ItemFieldsWidget(QWidget):
    """Used by the register dialog (new item) and the customer file (add/edit item)."""

    changed = Signal()

    def __init__(self, models: list[ModelChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._models = {m.id: m for m in models}
        self.model_combo = QComboBox()
        self.model_combo.setObjectName("model")
        for model in models:
            self.model_combo.addItem(model.label, model.id)
        # Searchable: typing part of the code or the name lists the models that contain it.
        self.model_combo.setEditable(True)
        self.model_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model_combo.model(), self.model_combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.model_combo.setCompleter(completer)
        editor = self.model_combo.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("Type part of the code or name"))
        self.model_combo.setCurrentIndex(-1)  # no model until the clerk chooses one
        self.serial_edit = QLineEdit()
        self.serial_edit.setObjectName("serial")
        self.purchase_edit = QLineEdit()
        self.purchase_edit.setObjectName("purchase_date")
        self.purchase_edit.setPlaceholderText(self.tr("YYYY-MM-DD (empty: unknown)"))
        self.invoice_edit = QLineEdit()
        self.invoice_edit.setObjectName("invoice_no")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Model"), self.model_combo)
        form.addRow(self.tr("&Serial no."), self.serial_edit)
        form.addRow(self.tr("Pu&rchase date"), self.purchase_edit)
        form.addRow(self.tr("Invoi&ce no."), self.invoice_edit)
        self.model_combo.currentIndexChanged.connect(self.changed)
        self.model_combo.editTextChanged.connect(self.changed)
        self.purchase_edit.textChanged.connect(self.changed)

    def focus_chain(self) -> list[QWidget]:
        return [self.model_combo, self.serial_edit, self.purchase_edit, self.invoice_edit]

    def fields(self) -> dict[str, QWidget]:
        return {"product_model_id": self.model_combo, "serial": self.serial_edit,
                "purchase_date": self.purchase_edit, "invoice_no": self.invoice_edit}

    def model_id(self) -> int | None:
        """The chosen model (None while the text typed names none)."""
        index = self.model_combo.currentIndex()
        if index < 0 or self.model_combo.currentText() != self.model_combo.itemText(index):
            return None
        data = self.model_combo.itemData(index)
        return int(data) if data is not None else None

    def value(self) -> ItemInput:
        """The item as typed; a malformed date raises ValidationError at its field."""
        model_id = self.model_id()
        if model_id is None and not self._models:  # a new store that skipped the catalogue
            raise ValidationError(N_("The catalogue has no product models yet: an "
                                     "administrator adds them in Settings, Product models, "
                                     "or imports them from Excel."), field="product_model_id")
        if model_id is None:
            raise ValidationError(N_("Choose a product model."), field="product_model_id")
        return ItemInput(int(model_id), self.serial_edit.text(),
                         parse_date(self.purchase_edit.text(), field="purchase_date"),
                         self.invoice_edit.text())

    def warranty(self, today: date) -> WarrantyStatus | None:
        """Warranty as typed so far (None while the date is incomplete or no model)."""
        model = self._models.get(self.model_id() or 0)
        try:
            purchase = parse_date(self.purchase_edit.text(), field="purchase_date")
        except ValidationError:
            return None
        return warranty_status(purchase, model.warranty_months, today) if model else None

    def set_value(self, item: ItemDTO) -> None:
        self.model_combo.setCurrentIndex(self.model_combo.findData(item.product_model_id))
        self.serial_edit.setText(item.serial)
        self.purchase_edit.setText(item.purchase_date.isoformat() if item.purchase_date else "")
        self.invoice_edit.setText(item.invoice_no)

    def clear(self) -> None:
        self.model_combo.setCurrentIndex(-1)
        for edit in (self.serial_edit, self.purchase_edit, self.invoice_edit):
            edit.clear()
