"""Maintenance contracts (保养合同) and their expiry notices as shown and printed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from app.services.dto import StoreHeader
from app.services.voice_common import cents_to_decimal


@dataclass(frozen=True)
class ContractDTO:
    id: int
    number: str
    customer_id: int
    customer_name: str
    customer_address: str
    customer_phone: str
    item_ids: tuple[int, ...]
    item_labels: tuple[str, ...]
    start_date: date
    end_date: date
    fee_cents: int
    covers_labour: bool
    covers_parts: bool
    visits_per_year: int
    terms: str
    status: str
    lapse_reason: str
    previous_id: int | None
    previous_number: str
    notice_sent_at: datetime | None
    version: int
    days_left: int = 0
    renewal_by_id: int | None = None  # who is sent to renew (§二十)
    renewal_by: str = ""
    renewal_assigned_on: date | None = None
    renewal_visit_on: date | None = None
    renewal_outcome: str = ""
    renewal_notes: str = ""

    @property
    def fee(self) -> Decimal:
        return cents_to_decimal(self.fee_cents)


@dataclass(frozen=True)
class ExpiryNotice:
    """Everything the expiry notice (保养到期通知书) prints."""

    store: StoreHeader
    contract: ContractDTO
    notice_date: date
    renewal_start: date
    renewal_end: date

    @property
    def ended(self) -> bool:
        """Printed after the end date: the notice says it has ended, not that it will."""
        return self.notice_date > self.contract.end_date
