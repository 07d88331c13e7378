"""Plain data handed to the UI, printing and export: never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.services.warranty import WarrantyStatus


def item_label(model_code: str, model_name: str, serial: str | None) -> str:
    """An item as every list, form and book names it: "code name #serial" (no serial, no #)."""
    return f"{model_code} {model_name}" + (f" #{serial}" if serial else "")


@dataclass(frozen=True)
class StoreHeader:
    """The store's letterhead, what every printed form shows at its top; read from the store
    profile by ``reference_service.letterhead_in`` (the one reader)."""

    name: str
    address: str = ""
    phone: str = ""
    timezone: str = "Asia/Shanghai"


@dataclass(frozen=True)
class VoidInfo:
    """A document that no longer holds: when and why (printed on its VOID banner)."""

    at: datetime
    reason: str


@dataclass(frozen=True)
class PhoneDTO:
    id: int
    phone: str


@dataclass(frozen=True)
class ItemDTO:
    id: int
    customer_id: int
    product_model_id: int
    model_code: str
    model_name: str
    serial: str
    purchase_date: date | None
    invoice_no: str
    warranty: WarrantyStatus
    version: int

    @property
    def label(self) -> str:
        return item_label(self.model_code, self.model_name, self.serial)


@dataclass(frozen=True)
class CustomerSummary:
    id: int
    name: str
    phones: tuple[str, ...]
    address: str
    zone_name: str


@dataclass(frozen=True)
class CallSummary:
    id: int
    number: str
    received_at: datetime
    fault: str
    category: str
    status: str


@dataclass(frozen=True)
class CustomerDTO:
    id: int
    name: str
    kind: str
    address: str
    zone_id: int | None
    zone_name: str
    notes: str
    version: int
    phones: tuple[PhoneDTO, ...] = ()
    items: tuple[ItemDTO, ...] = ()
    calls: tuple[CallSummary, ...] = field(default=())


@dataclass(frozen=True)
class CallRow:
    """One line of the call-log book."""

    id: int
    number: str
    received_at: datetime
    customer_name: str
    phone: str
    item_label: str
    fault: str
    category: str
    status: str
    channel: str
    zone_name: str
    urgency: str
    chases: int = 0  # the customer called again about it (催修)


@dataclass(frozen=True)
class CallDTO:
    id: int
    number: str
    received_at: datetime
    channel: str
    customer_id: int
    customer_name: str
    phones: tuple[str, ...]
    address: str
    item_id: int | None
    item_label: str
    zone_id: int | None
    fault: str
    service_kind: str
    urgency: str
    proposed_category: str
    category: str
    category_reason: str
    status: str
    cancel_reason: str
    version: int
