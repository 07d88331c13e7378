"""The customer's-voice registers and figures (登记簿, 考核) as shown and printed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.services.dto import StoreHeader


@dataclass(frozen=True)
class TechnicianSurveyStats:
    """One technician's month: cards sent and returned, average and lowest per item."""

    technician_id: int | None
    technician_name: str
    sent: int
    returned: int
    averages: tuple[Decimal | None, ...]  # in ITEMS order: attitude, skill, arrival, promise
    lowest: tuple[int | None, ...]
    unsatisfied: int  # ratings at the lowest level (不满意), all items

    @property
    def return_rate(self) -> Decimal:
        if not self.sent:
            return Decimal("0")
        return (Decimal(self.returned) * 100 / self.sent).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class TechnicianAppraisal:
    """One technician's monthly appraisal (技术员月度考评, seed 002 §二十三): the work done,
    the customers' ratings, the complaints naming them and the late arrivals."""

    technician_id: int
    technician_name: str
    jobs_done: int  # vouchers completed in the month
    late_arrivals: int  # first arrival in the month after the voucher's deadline
    complaints: int  # complaints accepted in the month about a call they served
    ratings: TechnicianSurveyStats | None


@dataclass(frozen=True)
class AppraisalMonth:
    store: StoreHeader  # for the printed page
    year: int
    month: int
    rows: tuple[TechnicianAppraisal, ...]
