"""DTOs of the money side: bills, payments, invoices, receivables, day-end, exchanges."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.services.dto import VoidInfo


@dataclass(frozen=True)
class LineInput:
    """A line the clerk adds by hand (transport, other); quantity may be fractional."""

    kind: str
    description: str
    quantity: Decimal
    unit_price: Decimal


@dataclass(frozen=True)
class BillLineDTO:
    kind: str
    description: str
    quantity: Decimal
    unit_cents: int
    amount_cents: int
    covered: bool
    manual: bool = False  # typed by the clerk; the others are made from the call's facts


@dataclass(frozen=True)
class BillDTO:
    id: int | None  # None for a preview
    call_id: int
    call_number: str
    customer_name: str
    category: str
    lines: tuple[BillLineDTO, ...]
    gross_cents: int
    covered_cents: int
    discount_cents: int
    discount_reason: str
    total_cents: int
    paid_cents: int
    invoiced_cents: int
    status: str
    version: int
    rule: str  # how the category decided what is charged, in English source text

    @property
    def outstanding_cents(self) -> int:
        return self.total_cents - self.paid_cents


@dataclass(frozen=True)
class PaymentDTO:
    id: int
    number: str
    bill_id: int
    call_number: str
    customer_name: str
    amount_cents: int
    method: str
    place: str
    collected_at: datetime
    collector: str
    handed_over_at: datetime | None
    voided: bool
    version: int
    holder: str = ""  # the technician holding money taken on site until hand-over
    void: VoidInfo | None = None  # when and why it was voided (read for printing)
    branch_id: int = 1  # whose letterhead its receipt prints under


@dataclass(frozen=True)
class CashHeld:
    collector_id: int
    collector: str
    payments: int
    amount_cents: int


@dataclass(frozen=True)
class InvoiceDTO:
    id: int
    invoice_no: str
    bill_id: int
    call_number: str
    customer_name: str
    issued_on: date
    amount_cents: int
    to_mail: bool
    mailed_on: date | None
    voided: bool


@dataclass(frozen=True)
class Receivable:
    bill_id: int
    call_number: str
    customer_name: str
    billed_at: datetime
    total_cents: int
    paid_cents: int
    age_days: int

    @property
    def outstanding_cents(self) -> int:
        return self.total_cents - self.paid_cents


@dataclass(frozen=True)
class CollectorTotal:
    collector: str
    by_method: dict[str, int]
    total_cents: int
    count: int


@dataclass(frozen=True)
class DayEndReport:
    day: date
    payments: tuple[PaymentDTO, ...]
    collectors: tuple[CollectorTotal, ...]
    by_method: dict[str, int]
    total_cents: int
    handed_over_cents: int
    still_held_cents: int
    store_name: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class DepreciationStep:
    up_to_days: int | None  # None: beyond the last step
    percent: Decimal


@dataclass(frozen=True)
class DepreciationResult:
    days: int
    percent: Decimal
    charge_cents: int
    explanation: str  # kept on the record (English); screens compose their own from the fields
    price_cents: int = 0
    step_from: int = 0
    step_to: int | None = None


@dataclass(frozen=True)
class ExchangeDTO:
    id: int
    item_id: int
    kind: str
    sale_price_cents: int
    days_since_sale: int
    percent: Decimal
    charge_cents: int
    explanation: str
