"""The customer's-voice registers and figures (登记簿, 考核) as shown and printed."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

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


@dataclass(frozen=True)
class ComplaintMonthStats:
    """The complaint statistics table (客户投诉案件统计表) of one month."""

    year: int
    month: int
    received: int
    closed: int
    by_kind: tuple[tuple[str, int], ...]
    by_department: tuple[tuple[str, int], ...]
    average_days_to_close: Decimal | None
    closed_late: int
    open_overdue: int  # not closed and past the deadline at the end of the month (or today)
    reopened: int
    # 办法 九.10: the month's closed cases by the department responsible — count and share (%)
    responsibility: tuple[tuple[str, int, Decimal], ...] = ()
    produced_at: datetime | None = None  # frozen then: the month reads the same afterwards
    produced_by: str = ""

    def to_json(self) -> str:
        return json.dumps({
            "year": self.year, "month": self.month, "received": self.received,
            "closed": self.closed, "by_kind": self.by_kind,
            "by_department": self.by_department,
            "average_days_to_close": (None if self.average_days_to_close is None
                                      else str(self.average_days_to_close)),
            "closed_late": self.closed_late, "open_overdue": self.open_overdue,
            "reopened": self.reopened,
            "responsibility": [[d, n, str(r)] for d, n, r in self.responsibility]},
            ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str, produced_at: datetime,
                  produced_by: str) -> ComplaintMonthStats:
        d = json.loads(text)
        average = d["average_days_to_close"]
        return cls(d["year"], d["month"], d["received"], d["closed"],
                   tuple((k, n) for k, n in d["by_kind"]),
                   tuple((k, n) for k, n in d["by_department"]),
                   None if average is None else Decimal(average), d["closed_late"],
                   d["open_overdue"], d["reopened"],
                   tuple((k, n, Decimal(r)) for k, n, r in d["responsibility"]),
                   produced_at, produced_by)


COUNTER = "@counter"  # "served by" of a card no technician served (vocabulary "served_by")


@dataclass(frozen=True)
class RegisterColumn:
    header: str  # English source (N_)
    vocab: str = ""  # the codes' vocabulary ("kind", "department", …), "" for plain values
    width: int = 12  # relative printed width


@dataclass(frozen=True)
class RegisterFilter:
    kind: str
    date_from: date | None = None
    date_to: date | None = None
    state: str = ""
    text: str = ""


@dataclass(frozen=True)
class RegisterSheet:
    kind: str
    title: str  # English source
    columns: tuple[RegisterColumn, ...]
    rows: tuple[tuple[Any, ...], ...]
    store: StoreHeader
    flt: RegisterFilter
    printed_at: datetime
    total: int  # rows matching (rows may hold fewer: a page's first page)
    ids: tuple[int, ...] = field(default=())  # the record behind each row (customer ids …)

    def cells(self, label: Callable[[str, Any], Any]) -> list[list[Any]]:
        """Rows with their codes named by ``label(vocab, code)`` (vocabulary "money": cents)."""
        vocabs = [c.vocab for c in self.columns]
        return [[label(v, x) if v and (isinstance(x, str) or v == "money") and x is not None
                 else x for v, x in zip(vocabs, row, strict=True)] for row in self.rows]


Rows = tuple[int, list[tuple[Any, ...]], list[int]]
