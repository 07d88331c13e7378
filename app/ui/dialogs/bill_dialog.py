"""The bill of one call (收费单): lines from the work done, extra lines, discount, then payment."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
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
from app.printing.registry import PrintKind
from app.services import billing_service as billing
from app.services import payments_service as payments
from app.services.billing_service import MAX_QUANTITY
from app.services.money import format_money, money_edit_text, parse_decimal, parse_yuan
from app.services.money_dto import BillDTO, LineInput, PaymentDTO
from app.services.permissions import Perm
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.labels import translate_message
from app.ui.session import AppSession, Topic
from app.ui.widgets.payment_methods import method_combo


def parse_quantity(text: str, field: str) -> Decimal:
    """A line's quantity (up to three decimals: 1.5 hours, 0.25 m of pipe)."""
    return parse_decimal(text, field=field, places=3, maximum=MAX_QUANTITY)


class BillDialog(FormDialog):
    """Shows how the bill is computed; saves it; takes the payment and prints the receipt."""

    def __init__(self, session: AppSession, call_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.call_id = session, call_id
        self.saved: BillDTO | None = billing.get_bill(session.ctx, call_id)
        # a saved bill opens as it was: its hand-typed lines and discount, the rest from facts
        self.extra: list[LineInput] = billing.manual_lines(self.saved) if self.saved else []
        self._saved_extra = list(self.extra)
        self.payment: PaymentDTO | None = None
        self._widgets()
        self._layout()
        self.refresh()

    def _widgets(self) -> None:
        self.lines = QTableWidget(0, 5)
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"),
                                              self.tr("Unit price"), self.tr("Amount"),
                                              self.tr("Charged")])
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.kind = QComboBox()
        for value, text in (("other", self.tr("Other")), ("transport", self.tr("Transport")),
                            ("parts", self.tr("Parts")), ("labour", self.tr("Labour"))):
            self.kind.addItem(text, value)
        self.description, self.quantity, self.unit = QLineEdit(), QLineEdit("1"), QLineEdit()
        self.description.setObjectName("lineDescription")
        self.add_button = QPushButton(self.tr("Add line"))
        self.discount, self.reason = QLineEdit("0"), QLineEdit()
        if self.saved is not None:
            self.discount.setText(money_edit_text(self.saved.discount_cents))
            self.reason.setText(self.saved.discount_reason)
        self.discount.setObjectName("discount")
        self.totals, self.message = QLabel(), QLabel()
        self.message.setObjectName("formMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(self.tr("Save bill"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.collect_button = self.buttons.addButton(self.tr("Take payment…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.add_button.clicked.connect(self.add_line)
        self.discount.editingFinished.connect(lambda: self.refresh())
        self.save_button.clicked.connect(self.save)
        self.collect_button.clicked.connect(self.take_payment)
        self.buttons.rejected.connect(self.reject)
        self.fields = {"lines": self.description, "quantity": self.quantity, "unit": self.unit,
                       "discount": self.discount, "discount_reason": self.reason}

    def _layout(self) -> None:
        add = QHBoxLayout()
        for widget in (self.kind, self.description, self.quantity, self.unit, self.add_button):
            add.addWidget(widget)
        self.description.setPlaceholderText(self.tr("Description"))
        self.quantity.setPlaceholderText(self.tr("Qty"))
        self.unit.setPlaceholderText(self.tr("Unit price"))
        form = QFormLayout()
        form.addRow(self.tr("Discount (yuan)"), self.discount)
        if self.session.may(Perm.DISCOUNT):
            form.addRow(self.tr("Reason for the discount"), self.reason)
        else:
            self.discount.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule)
        layout.addWidget(self.lines, 1)
        layout.addLayout(add)
        layout.addLayout(form)
        layout.addWidget(self.totals)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(760, 560)

    def add_line(self) -> None:
        try:
            line = LineInput(str(self.kind.currentData()), self.description.text(),
                             parse_quantity(self.quantity.text(), "quantity"),
                             parse_yuan(self.unit.text(), field="unit"))
        except UserError as err:
            show_user_error(err, self.fields, message_label=self.message)
            return
        self.extra.append(line)
        if self.refresh(dropping_last_on_error=True):
            self.description.clear()
            self.unit.clear()

    def _preview(self) -> BillDTO:
        discount = parse_yuan(self.discount.text(), field="discount")
        return billing.preview_bill(self.session.ctx, self.call_id, extra=self.extra,
                                    discount=discount)

    def refresh(self, *, dropping_last_on_error: bool = False) -> bool:
        """Recompute the preview; a line that makes it fail is taken out again."""
        try:
            bill = self._preview()
        except UserError as err:
            if dropping_last_on_error and self.extra:
                self.extra.pop()
            show_user_error(err, self.fields, message_label=self.message)
            return False
        clear_field_errors(self.fields)
        self.message.clear()
        self.setWindowTitle(self.tr("Bill for {number} — {customer}").format(
            number=bill.call_number, customer=bill.customer_name))
        self.rule.setText(translate_message(bill.rule))
        self.lines.setRowCount(len(bill.lines))
        for row, line in enumerate(bill.lines):
            values = (f"{self.kind.itemText(self.kind.findData(line.kind))} {line.description}",
                      f"{line.quantity.normalize():f}", format_money(line.unit_cents),
                      format_money(line.amount_cents),
                      self.tr("covered") if line.covered else self.tr("charged"))
            for column, value in enumerate(values):
                self.lines.setItem(row, column, QTableWidgetItem(value))
        self.totals.setText(self.tr("Gross {gross} · covered {covered} · discount {discount} · "
                                    "to pay {total} · paid {paid}").format(
            gross=format_money(bill.gross_cents), covered=format_money(bill.covered_cents),
            discount=format_money(bill.discount_cents), total=format_money(bill.total_cents),
            paid=format_money(bill.paid_cents)))
        self.collect_button.setEnabled(self.saved is not None
                                       and self.saved.outstanding_cents > 0
                                       and self.session.may(Perm.COLLECT))
        return True

    def save(self) -> None:
        try:
            self.saved = billing.make_bill(
                self.session.ctx, self.call_id, extra=self.extra,
                discount=parse_yuan(self.discount.text(), field="discount"),
                discount_reason=self.reason.text(),
                expected_version=self.saved.version if self.saved else 0)
        except UserError as err:
            show_user_error(err, self.fields, message_label=self.message)
            return
        self.message.setText(self.tr("Bill saved: {total} to pay.").format(
            total=format_money(self.saved.total_cents)))
        self.session.changed(Topic.MONEY)
        self.refresh()
        self._saved_extra = list(self.extra)
        self.mark_clean()

    def has_typed_work(self) -> bool:
        """A field changed, or a line added that is not in the saved bill."""
        return super().has_typed_work() or self.extra != self._saved_extra

    def take_payment(self) -> None:
        if self.saved is None or self.saved.id is None:
            return
        dialog = CollectDialog(self.session, self.saved, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.payment is not None:
            self.payment = dialog.payment
            self.saved = billing.get_bill(self.session.ctx, self.call_id)
            self.session.changed(Topic.MONEY)
            from app.ui.printing_ui import print_document

            print_document(self.session, self, PrintKind.PAYMENT_RECEIPT, dialog.payment.number)
            self.refresh()


class CollectDialog(FormDialog):
    """Amount, method and place; the receipt number comes from the numbering service."""

    def __init__(self, session: AppSession, bill: BillDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.bill = session, bill
        self.payment: PaymentDTO | None = None
        self.setWindowTitle(self.tr("Take payment for {number}").format(number=bill.call_number))
        self.amount = QLineEdit(money_edit_text(bill.outstanding_cents))
        self.amount.setObjectName("amount")
        self.method, self.place = method_combo(), QComboBox()
        for value, text in (("counter", self.tr("At the counter")),
                            ("on_site", self.tr("On site (cash: the technician holds it "
                                                "until handed over)"))):
            self.place.addItem(text, value)
        self.message = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(self.tr("Amount (yuan)"), self.amount)
        form.addRow(self.tr("Payment method"), self.method)
        form.addRow(self.tr("Where"), self.place)
        form.addRow(self.message)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        try:
            self.payment = payments.collect(
                self.session.ctx, self.bill.id or 0,
                amount=parse_yuan(self.amount.text(), field="amount"),
                method=str(self.method.currentData()), place=str(self.place.currentData()))
        except UserError as err:
            show_user_error(err, {"amount": self.amount, "method": self.method,
                                  "place": self.place}, message_label=self.message)
            return
        super().accept()
