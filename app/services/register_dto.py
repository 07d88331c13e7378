"""A month of the goods in/out register (客户商品进出登记簿) as shown and printed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.services.dto import StoreHeader


@dataclass(frozen=True)
class RegisterRow:
    id: int
    receipt_id: int
    date_in: datetime
    receipt_number: str
    customer_name: str
    item_label: str
    accessories_text: str
    taken_in_by: str
    promised_date: date
    date_out: datetime | None
    returned_to: str
    returned_by: str
    remark: str
    version: int

    def days_late(self, today: date) -> int:
        if self.date_out is not None:
            return 0
        return max(0, (today - self.promised_date).days)


@dataclass(frozen=True)
class RegisterMonth:
    """A month of the book, for printing as A4 pages."""

    month: date
    store: StoreHeader
    rows: list[RegisterRow]
    printed_at: datetime
