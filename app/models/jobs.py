"""Dispatch and on-site service (派工): service vouchers, assignments, visits, internal work.

A call that is dispatched gets one ``Job`` — its service voucher (服务凭证), numbered in the
"voucher" series. Each (re)assignment is kept in ``JobAssignment``; each visit to the
customer in ``Visit``. Internal category-D work (一般行政工作) is ``InternalWork``. The store's
own closed days and extra working days, which override the official calendar, are
``StoreDay`` rows.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned


class JobStatus(StrEnum):
    DISPATCHED = "dispatched"  # voucher out with the technician
    ON_SITE = "on_site"  # technician arrived
    COMPLETED = "completed"  # finished on site, customer signed; waits for the clerk
    TAKEN_IN = "taken_in"  # not fixable on site: the carry-in flow takes over
    FILED = "filed"  # the clerk closed (注销) the call and filed the voucher
    CANCELLED = "cancelled"


class VisitOutcome(StrEnum):
    COMPLETED = "completed"
    TAKEN_IN = "taken_in"
    UNFINISHED = "unfinished"  # another visit needed


class InternalWorkKind(StrEnum):
    INSPECTION = "inspection"  # 检查
    PARTS = "parts"  # 零件管理
    TOOLS = "tools"  # 工具保养
    TRAINING = "training"  # 训练
    OTHER = "other"


class Job(BranchOwned, Versioned, Timestamped, Base):
    """A service voucher (服务凭证): one dispatched call and who carries it."""

    __tablename__ = "jobs"
    __audited__ = True
    __table_args__ = (
        Index("ix_jobs_tech_status", "technician_id", "status"),
        # one technician's vouchers of a day (the board's list, my jobs): a range, not the
        # technician's whole history
        Index("ix_jobs_tech_dispatched", "technician_id", "dispatched_at"),
        Index("ix_jobs_dispatched", "dispatched_at", "id"),
        Index("ix_jobs_status", "status"),
        Index("ix_jobs_deadline", "deadline_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"), index=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    category: Mapped[str] = mapped_column(String(1))
    status: Mapped[str] = mapped_column(String(16), default=JobStatus.DISPATCHED.value)
    dispatched_at: Mapped[datetime]
    dispatched_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    deadline_at: Mapped[datetime]
    arrived_at: Mapped[datetime | None]  # first arrival on site
    completed_at: Mapped[datetime | None]
    filed_at: Mapped[datetime | None]
    print_count: Mapped[int] = mapped_column(default=0)
    voided_at: Mapped[datetime | None]  # the call was cancelled: the voucher is void (作废)
    void_reason: Mapped[str] = mapped_column(String(200), default="")


class JobAssignment(Base):
    """One assignment of a voucher to a technician (the first, then each reassignment)."""

    __tablename__ = "job_assignments"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    assigned_at: Mapped[datetime]
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")


class Visit(BranchOwned, Versioned, Timestamped, Base):
    """One visit to the customer: arrival, completion, work, labour, parts and fee."""

    __tablename__ = "visits"
    __audited__ = True
    __table_args__ = (Index("ix_visits_tech_completed", "technician_id", "completed_at"),
                      # a month's visits without reading their rows: what the monthly
                      # report sums (labour by technician, model, kind; outcomes) is in it
                      Index("ix_visits_completed", "completed_at", "job_id", "technician_id",
                            "labour_minutes", "outcome"))

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"), index=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    arrived_at: Mapped[datetime]
    completed_at: Mapped[datetime]
    work_done: Mapped[str] = mapped_column(Text, default="")
    parts_text: Mapped[str] = mapped_column(Text, default="")  # free text until parts stock
    labour_minutes: Mapped[int] = mapped_column(default=0)
    # Typed by versions before 0.2; never read: money is the bill's and the payments'.
    fee_cents: Mapped[int] = mapped_column(default=0)
    customer_signed: Mapped[bool] = mapped_column(default=False)
    outcome: Mapped[str] = mapped_column(String(12))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class InternalWork(BranchOwned, Versioned, Timestamped, Base):
    """Category D internal work (一般行政工作) a technician logs with its time."""

    __tablename__ = "internal_work"
    __audited__ = True
    __table_args__ = (Index("ix_internal_work_tech_day", "technician_id", "day"),
                      Index("ix_internal_work_day", "day"))

    id: Mapped[int] = mapped_column(primary_key=True)
    technician_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    day: Mapped[date]
    kind: Mapped[str] = mapped_column(String(12))
    minutes: Mapped[int]
    note: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    voided: Mapped[bool] = mapped_column(default=False)
    void_reason: Mapped[str] = mapped_column(String(200), default="")


class StoreDay(Versioned, Base):
    """The store's own calendar exception: closed on a working day, or open on a day off."""

    __tablename__ = "store_days"
    __audited__ = True

    day: Mapped[date] = mapped_column(primary_key=True)
    is_open: Mapped[bool]
    opens_at: Mapped[time | None]  # None: the usual hours
    closes_at: Mapped[time | None]
    note: Mapped[str] = mapped_column(String(100), default="")
