"""The customer file (客户资料袋): the customer's data, phones, items and calls, editable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.i18n import QT_TRANSLATE_NOOP
from app.services import customers_service
from app.services.customers_service import ModelChoice
from app.services.dto import CustomerDTO, ItemDTO
from app.services.permissions import Perm
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.history_dialog import HistoryDialog
from app.ui.dialogs.messages_dialog import CustomerMessagesDialog
from app.ui.errors import clear_field_errors, show_user_error
from app.ui.labels import label
from app.ui.session import AppSession, Topic
from app.ui.theme import SPACING, status_background, status_foreground
from app.ui.widgets.customer_fields import CustomerFieldsWidget
from app.ui.widgets.customer_records_widget import CustomerRecordsTabs
from app.ui.widgets.item_fields import ItemFieldsWidget

_CTX = "CustomerFileDialog"
ITEM_COLUMNS = (
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Model"),
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Serial no."),
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Purchased"),
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Invoice no."),
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Warranty"),
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Last covered day"),
)
CALL_COLUMNS = (
    QT_TRANSLATE_NOOP("CustomerFileDialog", "No."),
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Received"),
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Fault"),
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Category"),
    QT_TRANSLATE_NOOP("CustomerFileDialog", "Status"),
)


def _table(columns: tuple[str, ...], name: str, stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setTabKeyNavigation(False)  # Tab goes on to the next control; arrows move in the table
    table.setHorizontalHeaderLabels([QCoreApplication.translate(_CTX, c) for c in columns])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(140)
    return table


def _fill_row(table: QTableWidget, row: int, texts: list[str], key: int) -> None:
    for column, text in enumerate(texts):
        cell = QTableWidgetItem(text)
        cell.setData(Qt.ItemDataRole.UserRole, key)
        table.setItem(row, column, cell)


class ItemDialog(FormDialog):
    """Add an item to a customer, or edit one (against the version it was opened with)."""

    def __init__(self, session: AppSession, customer_id: int, models: list[ModelChoice],
                 parent: QWidget | None = None, *, item: ItemDTO | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit item") if item else self.tr("New item"))
        self._session, self._customer_id, self._item = session, customer_id, item
        self.fields_widget = ItemFieldsWidget(models)
        if item is not None:
            self.fields_widget.set_value(item)
        self.message = QLabel()
        self.message.setStyleSheet("color: #B00020;")
        self.message.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_widget)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.fields_widget.model_combo.setFocus()

    def accept(self) -> None:
        fields = self.fields_widget.fields()
        clear_field_errors(fields)
        try:
            data = self.fields_widget.value()
            if self._item is None:
                customers_service.add_item(self._session.ctx, self._customer_id, data)
            else:
                customers_service.update_item(self._session.ctx, self._item.id, data,
                                              expected_version=self._item.version)
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        super().accept()


class CustomerFileDialog(FormDialog):
    """One customer's file; edits save against the version the file was opened with."""

    def __init__(self, session: AppSession, customer_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._models = customers_service.list_product_models(session.ctx)
        self.customer: CustomerDTO = customers_service.get_customer(session.ctx, customer_id)
        self.child_dialog: QDialog | None = None
        self.resize(1000, 740)
        self._build()
        self._show_customer()

    def _build(self) -> None:
        may_edit = self._session.may(Perm.CUSTOMER_EDIT)
        self.customer_fields = CustomerFieldsWidget(
            customers_service.list_zones(self._session.ctx), columns=2)
        self.customer_fields.set_read_only(not may_edit)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #B00020;")
        self.message.setVisible(False)
        self.save_button = QPushButton(self.tr("&Save customer"))
        self.save_button.clicked.connect(self.save_customer)
        self.save_button.setVisible(may_edit)
        self.history_button = QPushButton(self.tr("&History"))
        self.history_button.clicked.connect(self.show_history)
        self.history_button.setVisible(self._session.may(Perm.AUDIT_VIEW))
        self.messages_button = QPushButton(self.tr("&Messages…"))
        self.messages_button.setAutoDefault(False)
        self.messages_button.clicked.connect(self.show_messages)
        self.items_table = _table(ITEM_COLUMNS, "items", 0)
        self.add_item_button = QPushButton(self.tr("&Add item"))
        self.edit_item_button = QPushButton(self.tr("&Edit item"))
        self.add_item_button.clicked.connect(self.add_item)
        self.edit_item_button.clicked.connect(self.edit_item)
        for button in (self.add_item_button, self.edit_item_button):
            button.setVisible(may_edit)
        for button in (self.add_item_button, self.edit_item_button, self.save_button,
                       self.history_button):
            button.setAutoDefault(False)
        if may_edit:
            self.items_table.activated.connect(lambda _index: self.edit_item())
        self.calls_table = _table(CALL_COLUMNS, "calls", 2)
        self._lay_out()

    def show_messages(self) -> None:
        """The customer's messages and consent to them (PIPL)."""
        dialog = CustomerMessagesDialog(self._session, self.customer.id, self)
        dialog.finished.connect(dialog.deleteLater)
        self.child_dialog = dialog
        dialog.open()

    def _lay_out(self) -> None:
        top = QGroupBox(self.tr("Customer"))
        top_layout = QVBoxLayout(top)
        top_layout.addWidget(self.customer_fields)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addStretch(0)
        row.addWidget(self.messages_button)
        row.addWidget(self.history_button)
        row.addWidget(self.save_button)
        top_layout.addLayout(row)
        items = QGroupBox(self.tr("Items"))
        items_layout = QVBoxLayout(items)
        items_layout.addWidget(self.items_table)
        item_buttons = QHBoxLayout()
        item_buttons.addStretch(1)
        item_buttons.addWidget(self.add_item_button)
        item_buttons.addWidget(self.edit_item_button)
        items_layout.addLayout(item_buttons)
        # the calls, then complaints, cards, follow-ups, contracts, carry-ins and payments
        calls = CustomerRecordsTabs(self._session, self.calls_table,
                                    self.tr("Calls of this customer"))
        self.records = calls
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for button in close.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter must never close unsaved edits
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 2)
        for widget, stretch in ((top, 0), (items, 2), (calls, 3), (close, 0)):
            layout.addWidget(widget, stretch)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the customer's fields saves them; Enter on an item edits it."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        focus = self.focusWidget()
        if enter and focus is not None and self.customer_fields.isAncestorOf(focus):
            if self.save_button.isVisible():
                self.save_customer()
            return
        super().keyPressEvent(event)

    def _show_customer(self) -> None:
        customer = self.customer
        self.setWindowTitle(self.tr("Customer file: {name}").format(name=customer.name))
        self.customer_fields.set_value(customer)
        self.items_table.setRowCount(len(customer.items))
        for row, item in enumerate(customer.items):
            last = item.warranty.last_day.isoformat() if item.warranty.last_day else ""
            _fill_row(self.items_table, row, [
                f"{item.model_code} {item.model_name}", item.serial,
                item.purchase_date.isoformat() if item.purchase_date else "", item.invoice_no,
                label("warranty", item.warranty.state.value), last], item.id)
        self.calls_table.setRowCount(len(customer.calls))
        for row, call in enumerate(customer.calls):
            when = self._session.ctx.local(call.received_at).strftime("%Y-%m-%d %H:%M")
            _fill_row(self.calls_table, row, [call.number, when, call.fault, call.category,
                                              label("status", call.status)], call.id)
            status = self.calls_table.item(row, 4)
            if status is not None:
                status.setBackground(status_background(call.status))
                status.setForeground(status_foreground(call.status))

        self.records.load(customer.id)

    def reload(self) -> None:
        self.customer = customers_service.get_customer(self._session.ctx, self.customer.id)
        self._show_customer()

    def save_customer(self) -> None:
        fields = self.customer_fields.fields()
        clear_field_errors(fields)
        self.message.setVisible(False)
        try:
            self.customer = customers_service.update_customer(
                self._session.ctx, self.customer.id, self.customer_fields.value(),
                expected_version=self.customer.version)
        except UserError as err:
            show_user_error(err, fields, message_label=self.message)
            return
        self._changed()

    def form_roots(self) -> list[QWidget]:
        """The customer's own fields (the tabs below hold no typed work)."""
        return [self.customer_fields]

    def _changed(self) -> None:
        self.reload()
        self.mark_clean()
        self._session.changed(Topic.CUSTOMERS)
        self._session.changed(Topic.CALLS)

    def selected_item(self) -> ItemDTO | None:
        row = self.items_table.currentRow()
        return self.customer.items[row] if 0 <= row < len(self.customer.items) else None

    def add_item(self) -> None:
        self._open_item_dialog(None)

    def edit_item(self) -> None:
        item = self.selected_item()
        if item is not None:
            self._open_item_dialog(item)

    def _open_item_dialog(self, item: ItemDTO | None) -> None:
        dialog = ItemDialog(self._session, self.customer.id, self._models, self, item=item)
        dialog.accepted.connect(self._changed)
        self.child_dialog = dialog
        dialog.open()

    def show_history(self) -> None:
        related = tuple(("customer_phones", str(p.id)) for p in self.customer.phones) + \
            tuple(("items", str(i.id)) for i in self.customer.items)
        dialog = HistoryDialog(self._session, "customers", self.customer.id, self,
                               title=self.windowTitle(), related=related)
        self.child_dialog = dialog
        dialog.open()
