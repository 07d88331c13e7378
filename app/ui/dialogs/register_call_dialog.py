"""Register a call in the call-log book (叫修登记簿), keyboard first.

Type a phone (or part of it, a name, a serial) → choose the customer → choose the item →
type the fault → Enter saves. The fault is one line, so Enter saves from every field
(Ctrl+Enter works too). A new customer (and item) is entered in the same dialog and saved
with the call in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TypeVar

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.i18n import N_
from app.models.calls import FAULT_MAX
from app.models.enums import Category, Channel, ServiceKind, Urgency
from app.services import calls_service, customers_service, idempotency, ring_service
from app.services.calls_service import CallInput, category_for_warranty
from app.services.customers_service import DuplicatePhone
from app.services.dto import CallDTO, CustomerDTO, ItemDTO
from app.services.ring_service import OpenCallMatch
from app.services.validation import phone_digits
from app.services.warranty import WarrantyStatus
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.dialogs.form_parts import message_label
from app.ui.errors import clear_field_errors, show_user_error, user_message
from app.ui.labels import label
from app.ui.session import AppSession
from app.ui.theme import SPACING
from app.ui.widgets.call_form_parts import (
    DateTimeField,
    combo_of,
    datetime_of,
    enter_pressed,
    item_text,
)
from app.ui.widgets.customer_fields import CustomerFieldsWidget
from app.ui.widgets.customer_picker import CustomerPicker
from app.ui.widgets.item_fields import ItemFieldsWidget

NO_ITEM, NEW_ITEM = "none", "new"


_T = TypeVar("_T")


class RegisterCallDialog(FormDialog):
    """The call form; ``result_call`` holds the saved call after ``accepted``."""

    def __init__(self, session: AppSession, parent: QWidget | None = None, *,
                 initial_lookup: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New call"))
        self._session = session
        self._customer: CustomerDTO | None = None
        self._new_customer = False
        self.result_call: CallDTO | None = None
        self.result_chase: OpenCallMatch | None = None  # a chase recorded instead of a call
        self.open_match: OpenCallMatch | None = None
        self._phone_rung = ""
        # Sent with every save of this form: a save retried after the link to the server
        # broke during its commit finds the call it made instead of making a second one.
        self._token = idempotency.new_token()
        self._build()
        self._wire()
        self._set_items(())
        if initial_lookup:
            self.picker.lookup.setText(initial_lookup)
            self.picker.search_now()
        self.picker.lookup.setFocus()

    # ---- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        ctx = self._session.ctx
        self.picker = CustomerPicker(self._session)
        self.new_customer_button = QPushButton(self.tr("New c&ustomer"))
        self.new_customer_button.setAutoDefault(False)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("chosen_customer")
        self.customer_fields = CustomerFieldsWidget(customers_service.list_zones(ctx),
                                                    with_notes=False)
        self.customer_fields.setVisible(False)
        self.item_combo = QComboBox()
        self.item_combo.setObjectName("item")
        self.item_combo.setMinimumContentsLength(40)
        self.item_fields = ItemFieldsWidget(customers_service.list_product_models(ctx))
        self.item_fields.setVisible(False)
        self.category_label = QLabel()
        self.category_label.setObjectName("category_preview")
        self.chase_label = QLabel()
        self.chase_label.setObjectName("chase_offer")
        self.chase_label.setWordWrap(True)
        self.chase_button = QPushButton(self.tr("Record as a chase (Ctrl+K)"))
        self.chase_button.setAutoDefault(False)
        self.chase_row = QWidget()
        chase_layout = QHBoxLayout(self.chase_row)
        chase_layout.setContentsMargins(0, 0, 0, 0)
        chase_layout.addWidget(self.chase_label, 1)
        chase_layout.addWidget(self.chase_button)
        self.chase_row.setStyleSheet("QWidget#chaseRow { background: #FFF4CE; }")
        self.chase_row.setObjectName("chaseRow")
        self.chase_row.setVisible(False)
        self.fault_edit = QLineEdit()
        self.fault_edit.setObjectName("fault")
        self.fault_edit.setPlaceholderText(self.tr("The fault as the customer describes it"))
        self.channel_combo = combo_of("channel", Channel.PHONE.value)
        self.kind_combo = combo_of("service_kind", ServiceKind.REPAIR.value)
        self.urgency_combo = combo_of("urgency", Urgency.NORMAL.value)
        self.received_edit = DateTimeField(self._now_local())
        self.received_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_edit.setCalendarPopup(True)
        self._received_initial = self.received_edit.dateTime()
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        self._lay_out()

    def _lay_out(self) -> None:
        lookup_row = QHBoxLayout()
        lookup_row.addWidget(self.picker, 1)
        lookup_row.addWidget(self.new_customer_button, 0, Qt.AlignmentFlag.AlignTop)
        customer_box = QGroupBox(self.tr("Customer"))
        customer_layout = QVBoxLayout(customer_box)
        customer_layout.addLayout(lookup_row)
        customer_layout.addWidget(self.chosen_label)
        customer_layout.addWidget(self.customer_fields)
        call_box = QGroupBox(self.tr("Call"))
        form = QFormLayout(call_box)
        form.setSpacing(SPACING)
        form.addRow(self.tr("&Item"), self.item_combo)
        form.addRow("", self.item_fields)
        form.addRow("", self.chase_row)
        form.addRow(self.tr("Category"), self.category_label)
        form.addRow(self.tr("&Fault"), self.fault_edit)
        options = QHBoxLayout()
        for text, widget in ((self.tr("C&hannel"), self.channel_combo),
                             (self.tr("Ser&vice"), self.kind_combo),
                             (self.tr("Ur&gency"), self.urgency_combo)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            options.addWidget(caption)
            options.addWidget(widget, 1)
        form.addRow(options)
        form.addRow(self.tr("R&eceived"), self.received_edit)
        # Two columns (customer | call) so that a new customer with a new item, and a walk-in's
        # receipt, fit a 1366×728 counter screen with Save and the fault in view.
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 2)
        columns = QHBoxLayout()
        columns.setSpacing(SPACING * 2)
        layout.addLayout(columns)
        self.left_column = QVBoxLayout()
        columns.addLayout(self.left_column, 1)
        self.left_column.addWidget(customer_box)
        self.left_column.addStretch(1)
        right_column = QVBoxLayout()
        columns.addLayout(right_column, 1)
        right_column.addWidget(call_box)
        right_column.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

    def _tab_chain(self) -> list[QWidget]:
        return [self.picker.lookup, self.picker.results, self.new_customer_button,
                *self.customer_fields.focus_chain(), self.item_combo,
                *self.item_fields.focus_chain(), self.fault_edit, self.channel_combo,
                self.kind_combo, self.urgency_combo, self.received_edit, self.save_button,
                self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]

    def _wire(self) -> None:
        chain = self._tab_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.picker.customer_chosen.connect(self.choose_customer)
        self.picker.no_match.connect(self.start_new_customer)
        self.picker.text_edited.connect(self._lookup_edited)
        self.picker.matches_shown.connect(lambda _n: self._fit())
        self.new_customer_button.clicked.connect(lambda: self.start_new_customer(
            self.picker.lookup.text()))
        self.item_combo.currentIndexChanged.connect(self._item_changed)
        self.item_fields.changed.connect(self._update_category)
        self.chase_button.clicked.connect(self.record_chase)
        QShortcut(QKeySequence("Ctrl+K"), self, self.record_chase)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not enter_pressed(self, event):
            super().keyPressEvent(event)

    def _now_local(self) -> QDateTime:
        now = self._session.ctx.local(self._session.ctx.now())
        return QDateTime(QDate(now.year, now.month, now.day), QTime(now.hour, now.minute))

    # ---- customer -----------------------------------------------------------------------
    def choose_customer(self, customer_id: int) -> None:
        """Take an existing customer file; its items fill the item list."""
        try:
            customer = customers_service.get_customer(self._session.ctx, customer_id)
        except UserError as err:
            self._show_error(err)
            return
        self._customer, self._new_customer = customer, False
        self.customer_fields.setVisible(False)
        phones = " / ".join(p.phone for p in customer.phones)
        self.chosen_label.setText(f"<b>{customer.name}</b>　{phones}　{customer.address}　"
                                  f"{customer.zone_name}")
        self.picker.collapse(self.tr("Customer chosen: type again to look for another"))
        self._set_items(customer.items)
        self._fit()
        (self.item_combo if customer.items else self.fault_edit).setFocus()

    def start_new_customer(self, typed: str = "") -> None:
        """No file yet: take name, phones, address, zone (and optionally an item) here."""
        self._customer, self._new_customer = None, True
        self.chosen_label.setText(self.tr("New customer"))
        self.picker.collapse()
        self.customer_fields.clear()
        self.customer_fields.setVisible(True)
        text = typed.strip()
        is_phone = bool(text) and len(phone_digits(text)) >= 7 and not any(
            ch.isalpha() for ch in text)
        if is_phone:
            self.customer_fields.phones_edit.setText(text)
        else:
            self.customer_fields.name_edit.setText(text)
        self._set_items(())
        target = self.customer_fields.name_edit if is_phone or not text else \
            self.customer_fields.phones_edit
        self._fit()
        target.setFocus()

    def _fit(self) -> None:
        """Grow or shrink with the parts shown (new customer, new item, match list).

        Inner layouts first: their new minimum sizes reach the dialog only through them.
        """
        for widget in (self.picker, self.customer_fields, self.item_fields, self):
            layout = widget.layout()
            if layout is not None:
                layout.activate()
        self.adjustSize()
        QTimer.singleShot(0, self.adjustSize)  # once the posted layout requests are through

    def _lookup_edited(self, _text: str) -> None:
        if self._customer is not None or self._new_customer:
            self._customer, self._new_customer = None, False
            self.chosen_label.clear()
            self.customer_fields.setVisible(False)
            self._set_items(())

    # ---- item and category ----------------------------------------------------------------
    def _set_items(self, items: tuple[ItemDTO, ...]) -> None:
        self.item_combo.blockSignals(True)
        self.item_combo.clear()
        for item in items:
            self.item_combo.addItem(item_text(item), item.id)
        self.item_combo.addItem(self.tr("(no item / not known)"), NO_ITEM)
        self.item_combo.addItem(self.tr("New item…"), NEW_ITEM)
        self.item_combo.setCurrentIndex(0)
        self.item_combo.blockSignals(False)
        self._item_changed()

    def _item_changed(self) -> None:
        new_item = self.item_combo.currentData() == NEW_ITEM
        if new_item != self.item_fields.isVisibleTo(self):
            self.item_fields.setVisible(new_item)
            self._fit()
        self._update_category()
        self._update_chase_offer()

    def _chosen_item(self) -> ItemDTO | None:
        data = self.item_combo.currentData()
        items = self._customer.items if self._customer else ()
        return next((i for i in items if i.id == data), None)

    def proposed_category(self) -> Category:
        """What register_call will propose: live as the item changes."""
        data = self.item_combo.currentData()
        if data == NEW_ITEM:
            return category_for_warranty(self.item_fields.warranty(self._session.ctx.today()))
        item = self._chosen_item()
        if item is None:
            return Category.A
        try:
            return calls_service.preview_category(self._session.ctx, item.id)
        except UserError:
            return category_for_warranty(item.warranty)

    def _update_category(self) -> None:
        category = self.proposed_category()
        self.category_label.setText(f"<b>{label('category', category.value)}</b>　"
                                    f"{self._warranty_note()}")

    def _warranty_note(self) -> str:
        status: WarrantyStatus | None = None
        if self.item_combo.currentData() == NEW_ITEM:
            status = self.item_fields.warranty(self._session.ctx.today())
        elif (item := self._chosen_item()) is not None:
            status = item.warranty
        if status is None or status.last_day is None:
            return ""
        return self.tr("last covered day {day}").format(day=status.last_day.isoformat())

    # ---- saving -------------------------------------------------------------------------
    def call_input(self) -> CallInput:
        """The call as typed (raises ValidationError for a malformed date)."""
        data = self.item_combo.currentData()
        new_item = self.item_fields.value() if data == NEW_ITEM else None
        item_id = int(data) if isinstance(data, int) else None
        received = None
        if self.received_edit.dateTime() != self._received_initial:
            received = datetime_of(self.received_edit, self._session)
        customer_id, new_customer = None, None
        if self._new_customer:
            new_customer = self.customer_fields.value()
        elif self._customer is not None:
            customer_id = self._customer.id
        else:
            raise ValidationError(N_("Choose a customer or enter a new one."), field="customer")
        return CallInput(
            fault=self.fault_edit.text(), channel=Channel(self.channel_combo.currentData()),
            customer_id=customer_id, new_customer=new_customer, item_id=item_id,
            new_item=new_item, service_kind=ServiceKind(self.kind_combo.currentData()),
            urgency=Urgency(self.urgency_combo.currentData()), received_at=received,
            token=self._token)

    # ---- from a ring (来电) and repeat calls (催修) ----------------------------------------
    def prefill(self, customer_id: int | None, item_id: int | None = None, *,
                phone: str = "") -> None:
        """Start from a ring: the caller's file and item, or a new customer with the number."""
        self._phone_rung = phone
        if customer_id is None:
            self.start_new_customer(phone)
            return
        self.choose_customer(customer_id)
        if item_id is not None:
            index = self.item_combo.findData(item_id)
            if index >= 0:
                self.item_combo.setCurrentIndex(index)
        self.fault_edit.setFocus()

    def _update_chase_offer(self) -> None:
        """An open call about the chosen item: offer a chase on it (催修) instead of a
        duplicate, without stopping the clerk (Ctrl+K takes it; Enter still saves)."""
        item = self.item_combo.currentData()
        match = None
        if self._customer is not None and isinstance(item, int):
            match = ring_service.open_call_for_item(self._session.ctx, self._customer.id, item)
        self.open_match = match
        if match is not None:
            self.chase_label.setText(self.tr(
                "Call {number} about this item is still open ({status}, chased {count} "
                "times).").format(number=match.number, status=label("status", match.status),
                                  count=match.chases))
        if self.chase_row.isVisibleTo(self) != (match is not None):
            self.chase_row.setVisible(match is not None)
            self._fit()

    def record_chase(self) -> None:
        """Record this call as a chase on the open call about the same item; done."""
        match = self.open_match
        if match is None or self._customer is None:
            return
        phone = self._phone_rung or (self._customer.phones[0].phone
                                     if self._customer.phones else "")
        try:
            ring_service.record_chase(self._session.ctx, match.call_id, phone=phone,
                                      note=self.fault_edit.text().strip()[:200])
        except UserError as err:
            self._show_error(err)
            return
        self.result_chase = match
        super().accept()

    def accept(self) -> None:
        call = self._saved(lambda: calls_service.register_call(self._session.ctx,
                                                               self.call_input()))
        if call is not None:
            self.result_call = call
            super().accept()

    def _saved(self, save: Callable[[], _T]) -> _T | None:
        """What ``save()`` wrote, or None with the refusal shown at its field; a phone on
        another customer's file offers that file instead."""
        self._clear_errors()
        try:
            return save()
        except DuplicatePhone as err:
            if self.confirm_use_existing(err):
                self.choose_customer(err.customer_ids[0])
                self.fault_edit.setFocus()
            else:
                self._show_error(err)
        except UserError as err:
            self._show_error(err)
        return None

    def confirm_use_existing(self, err: DuplicatePhone) -> bool:
        """Ask whether to use the existing file (tests replace this)."""
        question = user_message(err) + "\n\n" + self.tr("Use the existing customer file?")
        answer = QMessageBox.question(self, self.windowTitle(), question)
        return answer == QMessageBox.StandardButton.Yes

    def fields(self) -> dict[str, QWidget]:
        return {"customer": self.picker.lookup, "fault": self.fault_edit,
                "item": self.item_combo, "received_at": self.received_edit,
                **self.customer_fields.fields(), **self.item_fields.fields()}

    def _clear_errors(self) -> None:
        clear_field_errors(self.fields())
        self.message.setVisible(False)

    def _show_error(self, err: UserError) -> None:
        show_user_error(err, self.fields(), message_label=self.message)

    @property
    def fault_limit(self) -> int:
        return FAULT_MAX
