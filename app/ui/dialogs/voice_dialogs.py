"""Dialogs of the customer-voice pages that need more than plain fields: a customer and items."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QSpinBox, QWidget

from app.errors import ValidationError
from app.i18n import N_
from app.services import complaint_service, contract_service, customers_service
from app.services.complaint_service import ComplaintDTO, ComplaintInput
from app.services.contract_dto import ContractDTO
from app.services.contract_service import ContractInput
from app.services.money import parse_yuan
from app.ui.dialogs.voice_form_dialog import VoiceFormDialog
from app.ui.session import AppSession
from app.ui.voice_labels import vchoices
from app.ui.widgets.customer_picker import CustomerPicker


class _CustomerForm(VoiceFormDialog):
    """A form whose first field picks the customer; ``load_items`` fills the item list."""

    def __init__(self, session: AppSession, title: str, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.session = session
        self.customer_id: int | None = None
        self.picker = CustomerPicker(session, self)
        self._add("customer", self.tr("Customer"), self.picker)
        self.picker.customer_chosen.connect(self.choose_customer)

    def choose_customer(self, customer_id: int) -> None:
        file = customers_service.get_customer(self.session.ctx, customer_id)
        self.customer_id = customer_id
        self.picker.collapse(file.name)
        self.load_items([(item.id, item.label) for item in file.items])

    def load_items(self, items: list[tuple[int, str]]) -> None:
        raise NotImplementedError

    def require_customer(self) -> int:
        if self.customer_id is None:
            raise ValidationError(N_("Choose a customer."), field="customer")
        return self.customer_id


class NewComplaintDialog(_CustomerForm):
    """Accept a complaint into the register (客户投诉登记)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("New complaint"), parent)
        self.items = QComboBox()
        self._add("item", self.tr("Item"), self.items)
        self.add_combo("source", self.tr("Received from"), vchoices("source"))
        self.add_combo("kind", self.tr("Kind of complaint"), vchoices("kind"))
        self.add_combo("severity", self.tr("Severity"), vchoices("severity"))
        self.add_check("abroad", self.tr("Customer abroad (17-day deadline)"))
        self.add_text("description", self.tr("What happened"))
        self.add_text("demand", self.tr("Customer's demand"))
        self.set_action(lambda d: self._save())

    def load_items(self, items: list[tuple[int, str]]) -> None:
        self.items.clear()
        self.items.addItem(self.tr("(no item)"), None)
        for item_id, text in items:
            self.items.addItem(text, item_id)

    def _save(self) -> ComplaintDTO:
        data = ComplaintInput(self.require_customer(), self.text("description"),
                              self.choice("kind"), self.choice("source"), self.text("demand"),
                              self.items.currentData(), severity=self.choice("severity"),
                              abroad=self.checked("abroad"))
        return complaint_service.open_complaint(self.session.ctx, data)


class NewContractDialog(_CustomerForm):
    """A new maintenance contract (商品保养合同书) for a customer's items."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("New maintenance contract"), parent)
        today = session.ctx.today()
        self.items = QListWidget()
        self.items.setMaximumHeight(110)
        self._add("items", self.tr("Items covered"), self.items)
        self.add_date("start_date", self.tr("Starts on"), today)
        self.add_date("end_date", self.tr("Ends on"), today + timedelta(days=364))
        self.add_line("fee", self.tr("Fee (yuan)"), "0.00")
        self.add_check("covers_labour", self.tr("Covers labour"), True)
        self.add_check("covers_parts", self.tr("Covers parts"))
        self.visits = QSpinBox()
        self.visits.setRange(0, 52)
        self._add("visits_per_year", self.tr("Visits per year"), self.visits)
        self.add_text("terms", self.tr("Contract terms"))
        self.set_action(lambda d: self._save())

    def load_items(self, items: list[tuple[int, str]]) -> None:
        self.items.clear()
        for item_id, text in items:
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            entry.setCheckState(Qt.CheckState.Checked)
            self.items.addItem(entry)

    def _checked_items(self) -> tuple[int, ...]:
        return tuple(int(self.items.item(i).data(Qt.ItemDataRole.UserRole))
                     for i in range(self.items.count())
                     if self.items.item(i).checkState() == Qt.CheckState.Checked)

    def _save(self) -> ContractDTO:
        fee = parse_yuan(self.text("fee"), field="fee")
        data = ContractInput(self.require_customer(), self._checked_items(),
                             self.day("start_date"), self.day("end_date"), fee,
                             self.checked("covers_labour"), self.checked("covers_parts"),
                             self.visits.value(), self.text("terms"))
        return contract_service.create_contract(self.session.ctx, data)
