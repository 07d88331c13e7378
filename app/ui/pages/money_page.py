"""Money (收款): bills to make, cash held by technicians, invoices, receivables, day-end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.printing.registry import PrintKind
from app.services import billing_service as billing
from app.services import payments_service as payments
from app.services.money import format_money, parse_yuan
from app.services.money_dto import PaymentDTO
from app.services.permissions import Perm
from app.ui.dialogs.bill_dialog import BillDialog
from app.ui.dialogs.handover_dialog import HandoverDialog
from app.ui.errors import show_user_error
from app.ui.labels import label
from app.ui.session import AppSession, Topic
from app.ui.widgets.date_field import DateField
from app.ui.widgets.payment_methods import method_text
from app.ui.widgets.take_in_fields import qdate_of

ID_ROLE = Qt.ItemDataRole.UserRole


def fill_table(table: QTableWidget, headers: Sequence[str],
               rows: Sequence[tuple[int, Sequence[str]]]) -> None:
    """Small bounded lists (tens of rows): one id per row in the first cell's UserRole."""
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for row, (row_id, values) in enumerate(rows):
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(ID_ROLE, row_id)
            table.setItem(row, column, item)


def make_table(name: str) -> QTableWidget:
    table = QTableWidget(0, 0)
    table.setObjectName(name)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def selected_id(table: QTableWidget) -> int | None:
    item = table.item(table.currentRow(), 0)
    return int(item.data(ID_ROLE)) if item is not None else None


class MoneyPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tabs = QTabWidget()
        self.to_bill = make_table("toBillTable")
        self.held = make_table("cashHeldTable")
        self.invoice_list = make_table("invoiceTable")
        self.receivable_list = make_table("receivablesTable")
        self.day_payments = make_table("dayEndTable")
        self._bill_tab()
        self._held_tab()
        self._invoice_tab()
        self.tabs.addTab(self.receivable_list, self.tr("Receivables"))
        self._day_tab()
        from app.ui.pages.money_prices import ExchangeTab, PricesTab

        if session.may(Perm.DISCOUNT):
            self.exchange_tab = ExchangeTab(session)
            self.tabs.addTab(self.exchange_tab, self.tr("Exchanges"))
        if session.may(Perm.REFERENCE_MANAGE):
            self.prices_tab = PricesTab(session)
            self.tabs.addTab(self.prices_tab, self.tr("Prices"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Money"))
        title.setObjectName("pageTitle")
        layout.addLayout(self._title_row(title))
        layout.addWidget(self.tabs)
        session.data_changed.connect(lambda _topic: self.refresh())
        self.refresh()

    def _title_row(self, title: QLabel) -> QHBoxLayout:
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("Exports the receivables or invoices tab"))
        self.export_button.clicked.connect(self.export_excel)
        self.export_message = QLabel()
        row = QHBoxLayout()
        for widget in (title, self.export_message):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.export_button)
        self.tabs.currentChanged.connect(lambda _i: self.export_button.setEnabled(
            self._export_tab() is not None))
        self.export_button.setEnabled(self._export_tab() is not None)
        return row

    def _export_tab(self) -> str | None:
        current = self.tabs.currentWidget()
        if current is self.receivable_list:
            return "receivables"
        if current is not None and current.isAncestorOf(self.invoice_list):
            return "invoices"
        return None

    def export_excel(self) -> None:
        """The receivables or invoices list, as shown (with its "only to mail" filter)."""
        from app.ui import list_export_ui as export

        which = self._export_tab()
        if which == "receivables":
            self.export_task = export.export_receivables(self, self.session, self.export_message)
        elif which == "invoices":
            self.export_task = export.export_invoices(
                self, self.session, to_mail_only=self.inv_only_mail.isChecked(),
                message=self.export_message)

    # ---- bills ------------------------------------------------------------------------
    def _bill_tab(self) -> None:
        self.number = QLineEdit()
        self.number.setObjectName("billNumber")
        self.number.setPlaceholderText(self.tr("Call, voucher or receipt number, then Enter"))
        self.number.returnPressed.connect(self.bill_by_number)
        open_button = QPushButton(self.tr("Bill…"))
        open_button.clicked.connect(self.bill_selected)
        self.to_bill.doubleClicked.connect(self.bill_selected)
        self.bill_message = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.number, 1)
        top.addWidget(open_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.bill_message)
        layout.addWidget(QLabel(self.tr("Work done that has no bill yet")))
        layout.addWidget(self.to_bill, 1)
        self.tabs.addTab(tab, self.tr("Bills"))

    def bill_by_number(self) -> None:
        try:
            call_id = billing.call_for_number(self.session.ctx, self.number.text())
        except UserError as err:
            show_user_error(err, {"number": self.number}, message_label=self.bill_message)
            return
        self.open_bill(call_id)

    def bill_selected(self) -> None:
        call_id = selected_id(self.to_bill)
        if call_id is not None:
            self.open_bill(call_id)

    def open_bill(self, call_id: int) -> BillDialog:
        dialog = BillDialog(self.session, call_id, self)
        dialog.show()
        self.bill_dialog = dialog  # the open one, for the keyboard flow and its tests
        return dialog

    # ---- cash held / hand-over --------------------------------------------------------
    def _held_tab(self) -> None:
        self.handover_button = QPushButton(self.tr("Confirm hand-over of this cash"))
        self.handover_button.clicked.connect(self.confirm_handover)
        self.handover_button.setVisible(self.session.may(Perm.HANDOVER_CONFIRM))
        self.held_message = QLabel()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("Cash collected on site, not yet handed to the "
                                        "accountant")))
        layout.addWidget(self.held, 1)
        layout.addWidget(self.handover_button)
        layout.addWidget(self.held_message)
        self.tabs.addTab(tab, self.tr("Cash held"))

    def confirm_handover(self) -> HandoverDialog | None:
        """The selected technician's cash: the accountant types what was counted (a reason
        when it differs from the recorded total); shown, and the result comes back here."""
        collector = selected_id(self.held)
        if collector is None:
            return None
        cell = self.held.item(self.held.currentRow(), 0)
        name = cell.text() if cell is not None else ""
        dialog = HandoverDialog(self.session, collector, name, self)
        dialog.accepted.connect(lambda: self._handed_over(dialog.handed_over))
        dialog.open()
        self.handover_dialog = dialog  # the open one, for the keyboard flow and its tests
        return dialog

    def _handed_over(self, done: list[PaymentDTO]) -> None:
        total = sum(p.amount_cents for p in done)
        self.held_message.setText(self.tr("{n} payments, {total}, handed over.").format(
            n=len(done), total=format_money(total)))
        self.session.changed(Topic.MONEY)

    # ---- invoices ---------------------------------------------------------------------
    def _invoice_tab(self) -> None:
        self.inv_call, self.inv_no, self.inv_amount = QLineEdit(), QLineEdit(), QLineEdit()
        self.inv_call.setObjectName("invoiceCall")
        self.inv_mail = QCheckBox(self.tr("To be mailed"))
        self.inv_only_mail = QCheckBox(self.tr("Show only invoices still to mail"))
        self.inv_only_mail.toggled.connect(lambda _on: self.refresh())
        self.inv_message = QLabel()
        record = QPushButton(self.tr("Record invoice"))
        record.clicked.connect(self.record_invoice)
        mailed = QPushButton(self.tr("Mark as mailed today"))
        mailed.clicked.connect(self.mark_mailed)
        form = QFormLayout()
        form.addRow(self.tr("Call, voucher or receipt number"), self.inv_call)
        form.addRow(self.tr("Invoice number"), self.inv_no)
        form.addRow(self.tr("Amount (yuan)"), self.inv_amount)
        form.addRow(self.inv_mail, record)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        layout.addWidget(self.inv_message)
        layout.addWidget(self.inv_only_mail)
        layout.addWidget(self.invoice_list, 1)
        layout.addWidget(mailed)
        self.tabs.addTab(tab, self.tr("Invoices"))
        tab.setEnabled(self.session.may(Perm.INVOICE))

    def record_invoice(self) -> None:
        ctx = self.session.ctx
        fields = {"number": self.inv_call, "invoice_no": self.inv_no, "amount": self.inv_amount}
        try:
            bill = billing.get_bill(ctx, billing.call_for_number(ctx, self.inv_call.text()))
            if bill is None or bill.id is None:
                self.inv_message.setText(self.tr("That call has no bill yet."))
                return
            invoice = payments.record_invoice(
                ctx, bill.id, invoice_no=self.inv_no.text(),
                amount=parse_yuan(self.inv_amount.text(), field="amount"),
                issued_on=ctx.today(), to_mail=self.inv_mail.isChecked())
        except UserError as err:
            show_user_error(err, fields, message_label=self.inv_message)
            return
        self.inv_message.setText(self.tr("Invoice {number} recorded.").format(
            number=invoice.invoice_no))
        for edit in (self.inv_no, self.inv_amount):
            edit.clear()
        self.session.changed(Topic.MONEY)

    def mark_mailed(self) -> None:
        invoice_id = selected_id(self.invoice_list)
        if invoice_id is not None:
            payments.mark_mailed(self.session.ctx, invoice_id, day=self.session.ctx.today())
            self.session.changed(Topic.MONEY)

    # ---- day-end ----------------------------------------------------------------------
    def _day_tab(self) -> None:
        self.day = DateField(qdate_of(self.session.ctx.today()))  # the store's day
        self.day.setCalendarPopup(True)
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.day_total = QLabel()
        self.day_total.setObjectName("dayEndTotal")
        print_button = QPushButton(self.tr("Print day-end report…"))
        print_button.clicked.connect(self.print_day_end)
        top = QHBoxLayout()
        top.addWidget(self.day)
        top.addWidget(self.day_total, 1)
        top.addWidget(print_button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.day_payments, 1)
        self.tabs.addTab(tab, self.tr("Day-end"))
        tab.setEnabled(self.session.may(Perm.REPORTS_VIEW))

    def chosen_day(self) -> date:
        chosen = self.day.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def print_day_end(self) -> None:
        from app.ui.printing_ui import preview_document

        preview_document(self.session, self, PrintKind.DAY_END, self.chosen_day().isoformat())

    # ---- refresh ----------------------------------------------------------------------
    def refresh(self) -> None:
        ctx = self.session.ctx
        if self.session.may(Perm.BILL):
            fill_table(self.to_bill, [self.tr("Call"), self.tr("Customer"),
                                      self.tr("Category"), self.tr("Status")],
                       [(r.call_id, (r.call_number, r.customer_name,
                                       label("category", r.category),
                                       label("status", r.status)))
                        for r in billing.calls_to_bill(ctx)])
        fill_table(self.held, [self.tr("Technician"), self.tr("Payments"), self.tr("Cash")],
                   [(h.collector_id, (h.collector, str(h.payments),
                                      format_money(h.amount_cents)))
                    for h in payments.cash_held(ctx)])
        fill_table(self.invoice_list, [self.tr("Invoice"), self.tr("Call"),
                                       self.tr("Customer"), self.tr("Issued"),
                                       self.tr("Amount"), self.tr("Mailed")],
                   [(i.id, (i.invoice_no, i.call_number, i.customer_name,
                            i.issued_on.isoformat(), format_money(i.amount_cents),
                            i.mailed_on.isoformat() if i.mailed_on else
                            (self.tr("to mail") if i.to_mail else "")))
                    for i in payments.invoices(ctx, to_mail_only=self.inv_only_mail.isChecked())])
        fill_table(self.receivable_list, [self.tr("Call"), self.tr("Customer"),
                                          self.tr("Billed"), self.tr("Outstanding"),
                                          self.tr("Age (days)")],
                   [(r.bill_id, (r.call_number, r.customer_name,
                                 format_money(r.total_cents), format_money(r.outstanding_cents),
                                 str(r.age_days))) for r in payments.receivables(ctx)])
        self._refresh_day()

    def _refresh_day(self) -> None:
        if not self.session.may(Perm.REPORTS_VIEW):
            return
        report = payments.day_end(self.session.ctx, self.chosen_day())
        self.day_total.setText(self.tr("{n} payments, total {total}, handed over {handed}, "
                                       "still held by technicians {held}").format(
            n=len(report.payments), total=format_money(report.total_cents),
            handed=format_money(report.handed_over_cents),
            held=format_money(report.still_held_cents)))
        places = {"counter": self.tr("At the counter"), "on_site": self.tr("On site")}
        fill_table(self.day_payments, [self.tr("Receipt"), self.tr("Call"), self.tr("Customer"),
                                       self.tr("Collected by"), self.tr("Method"),
                                       self.tr("Where"), self.tr("Amount")],
                   [(p.id, (p.number, p.call_number, p.customer_name, p.collector,
                            method_text(p.method), places.get(p.place, p.place),
                            format_money(p.amount_cents))) for p in report.payments])
