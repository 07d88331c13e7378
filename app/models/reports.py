"""Daily reports as records (§十五–十七): the technician's report submitted and reviewed
(核阅), the supervisor's report signed by a branch manager and forwarded to 服务部."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned


class ReportKind(StrEnum):
    TECHNICIAN = "technician"  # 技术员工作日报表
    SUPERVISOR = "supervisor"  # 服务主任日报表


class ReportStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"  # the technician sent it to the supervisor
    REVIEWED = "reviewed"  # 核阅: the supervisor read and filed it
    SIGNED = "signed"  # a branch's supervisor report, signed by the manager (经理签章)
    FORWARDED = "forwarded"  # sent on to the service department (服务部)


class DailyReportRecord(BranchOwned, Versioned, Timestamped, Base):
    """Where one day's report stands; its steps are ``DailyReportStep`` rows."""

    __tablename__ = "daily_report_records"
    __audited__ = True
    __table_args__ = (UniqueConstraint("kind", "day", "technician_id",
                                       name="uq_daily_report_records_kind_day_tech"),
                      Index("ix_daily_report_records_day", "day"))

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    day: Mapped[date]
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(12), default=ReportStatus.DRAFT.value)
    total_minutes: Mapped[int] = mapped_column(default=0)  # as it stood when last submitted


class DailyReportStep(Base):
    """One step in a report's life: who, when, what, with a note (a reopen keeps them all)."""

    __tablename__ = "daily_report_steps"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("daily_report_records.id"), index=True)
    step: Mapped[str] = mapped_column(String(12))  # submitted|reviewed|signed|forwarded|reopened
    at: Mapped[datetime]
    actor_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(String(300), default="")
