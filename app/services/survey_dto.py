"""Survey cards (客户意见调查卡) as entered, listed and printed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.services.dto import StoreHeader


@dataclass(frozen=True)
class Ratings:
    attitude: int
    skill: int
    arrival: int
    promise: int

    def values(self) -> tuple[int, int, int, int]:
        return self.attitude, self.skill, self.arrival, self.promise


@dataclass(frozen=True)
class SurveyCardDTO:
    id: int
    number: str
    call_id: int
    call_number: str
    customer_id: int
    customer_name: str
    customer_address: str
    item_id: int | None
    item_label: str
    technician_id: int | None
    technician_name: str
    issued_on: date
    status: str
    returned_on: date | None
    returned_via: str
    ratings: Ratings | None
    comments: str
    complaint_id: int | None
    complaint_number: str
    version: int


@dataclass(frozen=True)
class SurveyCardDoc:
    """A card as printed: the letterhead and the card."""

    store: StoreHeader
    card: SurveyCardDTO
    service_date: date  # the visit (or the counter's service), not the call

    @property
    def counter(self) -> bool:
        """No technician served the call: the card asks about the counter."""
        return self.card.technician_id is None

    @property
    def qr_payload(self) -> str:
        """ASCII only (ECOSYSTEM.md): the card and call numbers."""
        return f"SC:{self.card.number}:{self.card.call_number}"
