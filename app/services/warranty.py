"""Warranty status (免费保证期间): purchase date + the model's warranty months."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class WarrantyState(StrEnum):
    IN = "in"
    OUT = "out"
    UNKNOWN = "unknown"  # no purchase date on file


@dataclass(frozen=True)
class WarrantyStatus:
    state: WarrantyState
    last_day: date | None  # last day covered

    @property
    def in_warranty(self) -> bool:
        return self.state is WarrantyState.IN


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later; the 31st clamps to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def warranty_status(purchase: date | None, months: int, today: date,
                    *, restarted: date | None = None) -> WarrantyStatus:
    """Covered from the purchase (or a key-part replacement) for ``months`` months.

    Bought on 2025-11-22 with 12 months: covered through 2026-11-21.
    """
    start = max(d for d in (purchase, restarted) if d is not None) if (purchase or restarted) \
        else None
    if start is None:
        return WarrantyStatus(WarrantyState.UNKNOWN, None)
    last_day = add_months(start, months) - timedelta(days=1)
    state = WarrantyState.IN if start <= today <= last_day else WarrantyState.OUT
    return WarrantyStatus(state, last_day)
