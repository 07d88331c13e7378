"""The customer's own data as a form block: name, phones, address, zone, type, notes."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from app.models.enums import CustomerKind
from app.services.customers_service import CustomerInput, ZoneChoice, propose_zone
from app.services.dto import CustomerDTO
from app.ui.labels import choices
from app.ui.theme import SPACING


def split_phones(text: str) -> tuple[str, ...]:
    """Several phones in one field, separated by commas, semicolons or slashes."""
    return tuple(p.strip() for p in re.split(r"[,，;；/、]", text) if p.strip())


class CustomerFieldsWidget(QWidget):
    """Used by the register dialog (new customer) and the customer file (edit)."""

    def __init__(self, zones: list[ZoneChoice], parent: QWidget | None = None, *,
                 with_notes: bool = True, columns: int = 1) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.phones_edit = QLineEdit()
        self.phones_edit.setObjectName("phones")
        self.phones_edit.setPlaceholderText(self.tr("Several phones: separate with commas"))
        self.address_edit = QLineEdit()
        self.address_edit.setObjectName("address")
        self._zones = zones
        self.zone_combo = QComboBox()
        self.zone_combo.setObjectName("zone")
        self.zone_combo.addItem(self.tr("(no zone)"), None)
        for zone in zones:
            self.zone_combo.addItem(zone.name, zone.id)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kind")
        for value, text in choices("customer_kind"):
            self.kind_combo.addItem(text, value)
        self.notes_edit = QLineEdit()
        self.notes_edit.setObjectName("notes")
        rows = [(self.tr("&Name"), self.name_edit), (self.tr("&Phones"), self.phones_edit),
                (self.tr("&Address"), self.address_edit), (self.tr("&Zone"), self.zone_combo),
                (self.tr("Type"), self.kind_combo)]
        if with_notes:
            rows.append((self.tr("Notes"), self.notes_edit))
        else:
            self.notes_edit.hide()
        self._lay_out(rows, columns)
        self._zone_by_hand = False
        self.zone_combo.activated.connect(self._zone_chosen)
        self.address_edit.textEdited.connect(self._propose_zone)

    def _zone_chosen(self, _index: int) -> None:
        self._zone_by_hand = True

    def _propose_zone(self, address: str) -> None:
        """Propose the zone the address names, until the clerk picks one by hand."""
        if self._zone_by_hand:
            return
        zone = propose_zone(self._zones, address)
        self.zone_combo.setCurrentIndex(max(0, self.zone_combo.findData(
            zone.id if zone else None)))

    def _lay_out(self, rows: list[tuple[str, QWidget]], columns: int) -> None:
        """Label/field pairs, ``columns`` pairs to a line (two in the roomy customer file)."""
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(SPACING * 2)
        for index, (text, widget) in enumerate(rows):
            caption = QLabel(text)
            caption.setBuddy(widget)
            row, pair = divmod(index, columns)
            grid.addWidget(caption, row, pair * 2)
            grid.addWidget(widget, row, pair * 2 + 1)
        for pair in range(columns):
            grid.setColumnStretch(pair * 2 + 1, 1)

    def focus_chain(self) -> list[QWidget]:
        chain: list[QWidget] = [self.name_edit, self.phones_edit, self.address_edit,
                                self.zone_combo, self.kind_combo]
        return [*chain, self.notes_edit] if self.notes_edit.isVisibleTo(self) else chain

    def fields(self) -> dict[str, QWidget]:
        """Service field name → widget, for show_user_error."""
        return {"name": self.name_edit, "phones": self.phones_edit,
                "address": self.address_edit, "zone_id": self.zone_combo,
                "kind": self.kind_combo, "notes": self.notes_edit}

    def value(self) -> CustomerInput:
        zone = self.zone_combo.currentData()
        return CustomerInput(
            name=self.name_edit.text(), phones=split_phones(self.phones_edit.text()),
            address=self.address_edit.text(), zone_id=int(zone) if zone is not None else None,
            kind=CustomerKind(self.kind_combo.currentData()), notes=self.notes_edit.text())

    def set_value(self, customer: CustomerDTO) -> None:
        self.name_edit.setText(customer.name)
        self.phones_edit.setText(", ".join(p.phone for p in customer.phones))
        self.address_edit.setText(customer.address)
        self.zone_combo.setCurrentIndex(max(0, self.zone_combo.findData(customer.zone_id)))
        self._zone_by_hand = customer.zone_id is not None  # a file's zone is kept
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(customer.kind)))
        self.notes_edit.setText(customer.notes)

    def clear(self) -> None:
        for edit in (self.name_edit, self.phones_edit, self.address_edit, self.notes_edit):
            edit.clear()
        self.zone_combo.setCurrentIndex(0)
        self._zone_by_hand = False
        self.kind_combo.setCurrentIndex(0)

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.name_edit, self.phones_edit, self.address_edit, self.notes_edit):
            edit.setReadOnly(read_only)
        self.zone_combo.setEnabled(not read_only)
        self.kind_combo.setEnabled(not read_only)
