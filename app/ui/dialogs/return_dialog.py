"""Returning an item (§十三): the customer signs, the receipt is taken back and voided; or,
without the receipt, an identity check is recorded and the receipt voided as lost. What is
still owed on the bill is paid or left receivable with a reason in the same action."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import N_, QT_TRANSLATE_NOOP
from app.services import billing_service, carry_in_service
from app.services.carry_in_dto import CarryInDTO
from app.services.carry_in_service import IdentityCheck, ReturnInput, Settlement
from app.services.money import format_money, from_cents
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label, save_buttons
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.session import AppSession
from app.ui.widgets.payment_methods import method_combo

ID_TYPES = (QT_TRANSLATE_NOOP("ReturnDialog", "ID card"),
            QT_TRANSLATE_NOOP("ReturnDialog", "Passport"),
            QT_TRANSLATE_NOOP("ReturnDialog", "Driving licence"),
            QT_TRANSLATE_NOOP("ReturnDialog", "Other document"))


class ReturnDialog(FormDialog):
    """``lost_receipt=True`` adds the identity check (ID type, last digits, phone)."""

    def __init__(self, session: AppSession, job: CarryInDTO, parent: QWidget | None = None,
                 *, lost_receipt: bool = False) -> None:
        super().__init__(parent)
        self._session, self._job, self.lost_receipt = session, job, lost_receipt
        self.carried_in: CarryInDTO | None = None
        title = (self.tr("Return without receipt {number}") if lost_receipt
                 else self.tr("Return {number}"))
        self.setWindowTitle(title.format(number=job.receipt_number))
        self.collected_edit = QLineEdit(job.customer_name)
        self.collected_edit.setObjectName("collected_by")
        self.signed_check = QCheckBox(self.tr("The customer has &signed for the item"))
        self.signed_check.setObjectName("customer_signed")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note")
        self.id_type_combo = QComboBox()
        self.id_type_combo.setObjectName("id_type")
        self.id_type_combo.setEditable(True)
        for text in ID_TYPES:
            self.id_type_combo.addItem(self.tr(text))
        self.id_digits_edit = QLineEdit()
        self.id_digits_edit.setObjectName("id_last_digits")
        self.id_digits_edit.setMaxLength(6)
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phone")
        self.owed_cents = _owed(session, job)
        self.owed_label = QLabel(format_money(self.owed_cents))
        self.settle_combo = QComboBox()
        self.settle_combo.setObjectName("settle")
        self.settle_combo.addItem(self.tr("Paid now"), "pay")
        self.settle_combo.addItem(self.tr("Stays receivable (invoice / pay later)"), "receivable")
        self.amount_edit = QLineEdit(f"{from_cents(self.owed_cents)}")
        self.amount_edit.setObjectName("amount")
        self.method_combo = method_combo()
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setPlaceholderText(self.tr("Why it stays receivable"))
        self.message = message_label()
        self._lay_out(job)

    def _lay_out(self, job: CarryInDTO) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Item"), QLabel(f"{job.customer_name}  {job.item_label}"))
        form.addRow(self.tr("&Collected by"), self.collected_edit)
        if self.lost_receipt:
            form.addRow(self.tr("ID &type"), self.id_type_combo)
            form.addRow(self.tr("ID number, &last digits"), self.id_digits_edit)
            form.addRow(self.tr("&Phone on file"), self.phone_edit)
        else:
            for widget in (self.id_type_combo, self.id_digits_edit, self.phone_edit):
                widget.setVisible(False)
        form.addRow("", self.signed_check)
        form.addRow(self.tr("&Note"), self.note_edit)
        if self.owed_cents > 0:
            form.addRow(self.tr("Still owed"), self.owed_label)
            form.addRow(self.tr("&Bill"), self.settle_combo)
            form.addRow(self.tr("&Amount"), self.amount_edit)
            form.addRow(self.tr("&Method"), self.method_combo)
            form.addRow(self.tr("&Reason"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(save_buttons(self))
        self.collected_edit.setFocus()
        self.collected_edit.selectAll()

    def return_input(self) -> ReturnInput:
        identity = None
        if self.lost_receipt:
            identity = IdentityCheck(self.id_type_combo.currentText(),
                                     self.id_digits_edit.text(), self.phone_edit.text())
        return ReturnInput(self.collected_edit.text(), self.signed_check.isChecked(),
                           self.note_edit.text(), identity, self._settlement())

    def _settlement(self) -> Settlement | None:
        if self.owed_cents <= 0:
            return None
        decision = str(self.settle_combo.currentData())
        amount = Decimal(0)
        if decision == "pay":
            try:
                amount = Decimal(self.amount_edit.text().strip() or "0")
            except InvalidOperation as exc:
                raise ValidationError(N_("Enter an amount such as 80 or 80.50."),
                                      field="amount") from exc
        return Settlement(decision, amount, str(self.method_combo.currentData()),
                          self.reason_edit.text())

    def fields(self) -> dict[str, QWidget]:
        return {"collected_by": self.collected_edit, "customer_signed": self.signed_check,
                "note": self.note_edit, "id_type": self.id_type_combo,
                "id_last_digits": self.id_digits_edit, "phone": self.phone_edit,
                "number": self.collected_edit, "settle": self.settle_combo,
                "amount": self.amount_edit, "method": self.method_combo,
                "reason": self.reason_edit}

    def accept(self) -> None:
        clear_field_errors(self.fields())
        try:
            self.carried_in = carry_in_service.return_item(
                self._session.ctx, self._job.receipt_id, self.return_input(),
                expected_version=self._job.receipt_version)
        except UserError as err:
            show_user_error(err, self.fields(), message_label=self.message)
            return
        super().accept()


def _owed(session: AppSession, job: CarryInDTO) -> int:
    """What the customer still owes: the saved bill, else the bill the facts would make."""
    ctx = session.ctx
    bill = billing_service.get_bill(ctx, job.call_id) or \
        billing_service.preview_bill(ctx, job.call_id)
    return bill.outstanding_cents
