"""The daily reports (技术员工作日报表, 服务主任日报表) as shown and printed, and their state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ReportLine:
    """One visit, one bench work entry on a repair card (修理记录: voucher_number is then the
    card's number) or one internal work entry of the day."""

    category: str
    voucher_number: str  # "" for internal work
    call_number: str
    customer_name: str
    description: str  # work done, or the kind and note of internal work
    started_at: datetime | None
    ended_at: datetime | None
    minutes: int
    outcome: str  # completed / taken_in / unfinished / bench / internal
    fee_cents: int
    kind: str = ""  # internal work: inspection / parts / tools / training / other


@dataclass(frozen=True)
class CategoryTotal:
    category: str
    jobs: int
    minutes: int


@dataclass(frozen=True)
class TechnicianDailyReport:
    day: date
    store_name: str
    technician_id: int
    technician_name: str
    lines: tuple[ReportLine, ...]
    totals: tuple[CategoryTotal, ...]  # A, B, C, D in order
    total_minutes: int
    total_fee_cents: int  # 收费合计: money this technician took on site that day (payments)


@dataclass(frozen=True)
class TeamRow:
    technician_id: int
    technician_name: str
    totals: tuple[CategoryTotal, ...]  # A, B, C, D
    total_minutes: int


@dataclass(frozen=True)
class SupervisorDailyReport:
    day: date
    store_name: str
    is_branch: bool  # a branch's report is signed by its manager (经理签字)
    rows: tuple[TeamRow, ...]
    totals: tuple[CategoryTotal, ...]
    total_minutes: int
    calls_received: int
    dispatched: int
    completed: int
    taken_in: int
    left_over: int
    deadlines_missed: int


@dataclass(frozen=True)
class StepDTO:
    step: str  # submitted | reviewed | signed | forwarded | reopened
    at: datetime
    actor_name: str
    note: str


@dataclass(frozen=True)
class ReportState:
    kind: str
    day: date
    technician_id: int | None
    status: str  # ReportStatus; draft when never submitted
    steps: tuple[StepDTO, ...]
    version: int  # 0: no record yet

    def step(self, name: str) -> StepDTO | None:
        """The latest step of that name (after a reopen, the new one)."""
        found = [s for s in self.steps if s.step == name]
        return found[-1] if found else None
