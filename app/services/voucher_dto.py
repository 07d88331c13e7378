"""The service voucher as printed (服务凭证): what its form draws."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.services.dto import VoidInfo


@dataclass(frozen=True)
class VoucherDTO:
    number: str
    call_number: str
    received_at: datetime
    customer_name: str
    address: str
    phones: tuple[str, ...]  # in full: the technician must reach the customer
    zone_name: str
    item_label: str
    serial: str
    purchase_date: date | None
    warranty_state: str  # in / out / unknown
    warranty_last_day: date | None
    category: str
    fault: str
    technician_name: str
    dispatched_at: datetime
    deadline_at: datetime
    void: VoidInfo | None = None  # voided: printed with 作废, when and why
    branch_id: int = 1  # whose letterhead it prints under
