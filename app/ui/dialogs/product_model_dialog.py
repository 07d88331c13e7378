"""Add or edit one product model of the catalogue (型号目录)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import reference_service as ref
from app.services.money import money_edit_text, parse_yuan, to_cents
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.settings_forms import FORM_STYLE, FormFeedback


class ProductModelDialog(FormDialog):
    """The form; ``submit`` is called with the input on OK and may raise a UserError,
    which is shown at its field while the dialog stays open."""

    def __init__(self, submit: Callable[[ref.ProductModelInput], object],
                 model: ref.ProductModelDTO | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit product model") if model else
                            self.tr("New product model"))
        self._submit = submit
        self.result_value: object = None
        self.code = QLineEdit(self)
        self.name = QLineEdit(self)
        self.category = QLineEdit(self)
        self.brand = QLineEdit(self)
        self.warranty = QSpinBox(self)
        self.warranty.setRange(0, 240)
        self.warranty.setSuffix(self.tr(" months"))
        self.price = QLineEdit(self)
        self.price.setPlaceholderText("0.00")
        self.active = QCheckBox(self.tr("Active (offered for new items)"), self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.feedback = FormFeedback({"code": self.code, "name": self.name,
                                      "category": self.category, "brand": self.brand,
                                      "warranty_months": self.warranty, "price": self.price},
                                     self)
        self.setStyleSheet(FORM_STYLE)
        self._layout()
        self._fill(model)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Model"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Brand"), self.brand)
        form.addRow(self.tr("Warranty"), self.warranty)
        form.addRow(self.tr("Price (yuan)"), self.price)
        form.addRow("", self.active)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.feedback.label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _fill(self, model: ref.ProductModelDTO | None) -> None:
        self.code.setText(model.code if model else "")
        self.name.setText(model.name if model else "")
        self.category.setText(model.category if model else "")
        self.brand.setText(model.brand if model else "")
        self.warranty.setValue(model.warranty_months if model else 12)
        self.price.setText(money_edit_text(to_cents(model.price)) if model else "")
        self.active.setChecked(model.active if model else True)

    @property
    def value(self) -> ref.ProductModelInput:
        """The form as service input; the price is read as Decimal, never float."""
        price = parse_yuan(self.price.text(), field="price")
        return ref.ProductModelInput(self.code.text(), self.name.text(), self.category.text(),
                                     self.brand.text(), self.warranty.value(), price,
                                     self.active.isChecked())

    def accept(self) -> None:
        try:
            self.result_value = self._submit(self.value)
        except UserError as err:
            self.feedback.error(err)
            return
        super().accept()
