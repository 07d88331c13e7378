"""The monthly summary (月度统计报表) as plain data: one source for the screen and the workbook."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from app.services.voice_dto import ComplaintMonthStats, TechnicianSurveyStats


@dataclass(frozen=True)
class Figure:
    """One line of the 汇总 sheet: a key, an English label (translated where shown), a value."""

    key: str
    label: str
    value: int | float
    kind: str = "count"  # count | money (cents) | percent (0–1) | days | hours


@dataclass(frozen=True)
class TechnicianMonth:
    technician: str
    jobs: int
    hours_by_category: dict[str, float]
    deadlines_met: int
    deadlines_due: int
    revenue_cents: int

    @property
    def hours(self) -> float:
        return sum(self.hours_by_category.values())


@dataclass(frozen=True)
class ModelMonth:
    """One product model's month; model_code "" is the calls whose item was not recorded."""

    model_code: str
    model_name: str
    category: str
    calls: int
    repairs: int
    parts_cents: int
    cost_cents: int


class JobDetail(NamedTuple):
    """One job of the month (a service voucher, or a walk-in carry-in). A named tuple, not a
    frozen dataclass: the busiest month has 116,000 of them, made ten times faster."""

    number: str
    call_number: str
    received_at: datetime
    customer: str
    phone: str
    zone: str
    channel: str
    model: str
    category: str
    service_kind: str
    technician: str
    dispatched_at: datetime | None
    arrived_at: datetime | None
    deadline_met: bool | None
    outcome: str
    labour_minutes: int
    parts_cents: int
    billed_cents: int
    paid_cents: int


@dataclass(frozen=True)
class BranchMonth:
    """One branch's figures of the month: a sheet of the service department's workbook, the
    same figures as the branch's own workbook's summary."""

    code: str
    name: str
    figures: tuple[Figure, ...]

    def figure(self, key: str) -> int | float:
        return next(f.value for f in self.figures if f.key == key)


@dataclass(frozen=True)
class MonthlyReport:
    month: date  # first day of the month
    store_name: str
    figures: tuple[Figure, ...]
    technicians: tuple[TechnicianMonth, ...]
    models: tuple[ModelMonth, ...]
    details: tuple[JobDetail, ...]
    jobs_per_day: dict[date, dict[str, int]]  # day → category → jobs (the chart)
    surveys: tuple[TechnicianSurveyStats, ...] = ()  # survey cards per technician
    complaints: ComplaintMonthStats | None = None  # the month's complaint statistics
    # the service department's workbook of a company: each branch's figures (the figures
    # above are the company's); empty for a branch's own and a single store's workbook
    branches: tuple[BranchMonth, ...] = ()

    def figure(self, key: str) -> int | float:
        return next(f.value for f in self.figures if f.key == key)
