"""The Money page's price tables (labour, transport, depreciation) and exchanges at the counter."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
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
from app.services import billing_service as billing
from app.services import exchange_service as exchanges
from app.services.dto import ItemDTO
from app.services.money import format_money, money_edit_text, parse_decimal, parse_yuan
from app.services.money_dto import DepreciationStep
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.labels import label
from app.ui.session import AppSession
from app.ui.settings_forms import BranchPicker


class PricesTab(QWidget):
    """Labour per hour by kind of service, transport per trip, the depreciation table."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.labour: dict[str, QLineEdit] = {}
        self.transport: dict[str, QLineEdit] = {}
        self.steps = QTableWidget(0, 2)
        self.steps.setObjectName("depreciationTable")
        self.steps.setHorizontalHeaderLabels([self.tr("Up to days since sale (empty: later)"),
                                              self.tr("Depreciation %")])
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        # the service department: the company's prices, or a branch's own
        self.branch_picker = BranchPicker(session, self._branch_picked, self)
        rates = billing.get_rates(session.ctx, self.branch_picker.branch)
        self.rates = rates
        form = QFormLayout()
        for kind, cents in rates.labour.items():
            self.labour[kind] = QLineEdit(money_edit_text(cents))
            form.addRow(self.tr("Labour per hour: {kind}").format(
                kind=label("service_kind", kind)), self.labour[kind])
        for kind, cents in rates.transport.items():
            self.transport[kind] = QLineEdit(money_edit_text(cents))
            form.addRow(self.tr("Transport per trip: {zone}").format(
                zone=label("zone_kind", kind)), self.transport[kind])
        save_rates = QPushButton(self.tr("Save prices"))
        save_rates.clicked.connect(self.save_rates)
        add_step = QPushButton(self.tr("Add step"))
        add_step.clicked.connect(lambda: self.steps.insertRow(self.steps.rowCount()))
        save_table = QPushButton(self.tr("Save depreciation table"))
        save_table.clicked.connect(self.save_table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.branch_picker)
        layout.addLayout(form)
        layout.addWidget(save_rates)
        layout.addWidget(QLabel(self.tr("Returns and exchanges inside the warranty")))
        layout.addWidget(self.steps, 1)
        row = QHBoxLayout()
        row.addWidget(add_step)
        row.addWidget(save_table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._load_table()

    def _branch_picked(self) -> None:
        self.rates = billing.get_rates(self.session.ctx, self.branch_picker.branch)
        for kind, cents in self.rates.labour.items():
            if kind in self.labour:
                self.labour[kind].setText(money_edit_text(cents))
        for kind, cents in self.rates.transport.items():
            if kind in self.transport:
                self.transport[kind].setText(money_edit_text(cents))
        self.message.clear()
        self._load_table()

    def _load_table(self) -> None:
        steps, self.table_version = exchanges.get_table(self.session.ctx,
                                                        self.branch_picker.branch)
        self.steps.setRowCount(len(steps))
        for row, step in enumerate(steps):
            days = "" if step.up_to_days is None else str(step.up_to_days)
            self.steps.setItem(row, 0, QTableWidgetItem(days))
            self.steps.setItem(row, 1, QTableWidgetItem(f"{step.percent}"))

    def save_rates(self) -> None:
        fields = {**{f"labour.{k}": e for k, e in self.labour.items()},
                  **{f"transport.{k}": e for k, e in self.transport.items()}}
        try:
            self.rates = billing.set_rates(
                self.session.ctx,
                labour={k: parse_yuan(e.text(), field=f"labour.{k}")
                        for k, e in self.labour.items()},
                transport={k: parse_yuan(e.text(), field=f"transport.{k}")
                           for k, e in self.transport.items()},
                labour_version=self.rates.labour_version,
                transport_version=self.rates.transport_version,
                branch=self.branch_picker.branch)
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        clear_field_errors(fields)
        self.message.setText(self.tr("Prices saved."))

    def _steps(self) -> list[DepreciationStep]:
        steps = []
        for row in range(self.steps.rowCount()):
            days_item, percent_item = self.steps.item(row, 0), self.steps.item(row, 1)
            days = days_item.text().strip() if days_item else ""
            percent = percent_item.text().strip() if percent_item else ""
            if not days and not percent:
                continue
            steps.append(DepreciationStep(int(days) if days.isdigit() else None,
                                          parse_decimal(percent, field="table", places=3,
                                                        maximum=Decimal(100))))
        return steps

    def save_table(self) -> None:
        try:
            self.table_version = exchanges.set_table(self.session.ctx, self._steps(),
                                                     expected_version=self.table_version,
                                                     branch=self.branch_picker.branch)
        except UserError as err:
            show_user_error(err, {"table": self.steps}, message_label=self.message)
            return
        self.message.setText(self.tr("Depreciation table saved."))
        self._load_table()


class ExchangeTab(QWidget):
    """Find the item, see the charge and how it is computed, record the decision."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item: ItemDTO | None = None
        self.serial = QLineEdit()
        self.serial.setObjectName("exchangeSerial")
        self.serial.setPlaceholderText(self.tr("Serial number, then Enter"))
        self.serial.returnPressed.connect(self.quote)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("Sale price (empty: catalogue price)"))
        self.how = QLabel()
        self.how.setObjectName("exchangeHow")
        self.how.setWordWrap(True)
        self.exchange_button = QPushButton(self.tr("Record exchange"))
        self.refund_button = QPushButton(self.tr("Record refund"))
        self.exchange_button.clicked.connect(lambda: self.record("exchange"))
        self.refund_button.clicked.connect(lambda: self.record("refund"))
        form = QFormLayout()
        form.addRow(self.tr("Serial number"), self.serial)
        form.addRow(self.tr("Sale price (yuan)"), self.price)
        buttons = QHBoxLayout()
        buttons.addWidget(self.exchange_button)
        buttons.addWidget(self.refund_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.how)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.exchange_button.setEnabled(on)
        self.refund_button.setEnabled(on)

    def _price(self) -> Decimal | None:
        text = self.price.text().strip()
        return parse_yuan(text, field="sale_price") if text else None

    def quote(self) -> None:
        ctx = self.session.ctx
        try:
            self.item = exchanges.find_item_by_serial(ctx, self.serial.text())
            result = exchanges.quote_exchange(ctx, self.item.id, sale_price=self._price())
        except UserError as err:
            self._enable(False)
            show_user_error(err, {"serial": self.serial, "item": self.serial,
                                  "sale_price": self.price}, message_label=self.how)
            return
        span = (self.tr("{a}–{b} days").format(a=result.step_from, b=result.step_to)
                if result.step_to is not None
                else self.tr("more than {a} days").format(a=result.step_from - 1))
        self.how.setText(self.tr(
            "{item}: sold {days} days ago, step {span}: {percent} %. {price} × {percent} % = "
            "charge {charge}.").format(
            item=self.item.label, days=result.days, span=span, percent=result.percent,
            price=format_money(result.price_cents), charge=format_money(result.charge_cents)))
        self._enable(True)

    def record(self, kind: str) -> None:
        if self.item is None:
            return
        try:
            done = exchanges.record_exchange(self.session.ctx, self.item.id, kind=kind,
                                             sale_price=self._price())
        except UserError as err:
            show_user_error(err, {}, message_label=self.how)
            return
        self.how.setText(self.tr("Recorded: charge {charge}.").format(
            charge=format_money(done.charge_cents)))
        self._enable(False)
