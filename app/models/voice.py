"""Customer voice: survey cards (客户意见调查卡), complaints (客户投诉) and follow-ups (回访)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    ColumnElement,
    ForeignKey,
    Index,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
    literal_column,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Timestamped, Versioned
from app.models.branch import BranchOwned


class SurveyCardStatus(StrEnum):
    """The customer opinion survey card (客户意见调查卡)."""

    SENT = "sent"  # waiting to come back
    RETURNED = "returned"  # the customer's ratings are in


class SurveyCard(BranchOwned, Versioned, Timestamped, Base):
    """One card per completed call; four ratings of 1 (unsatisfied) to 4 (very satisfied)."""

    __tablename__ = "survey_cards"
    __audited__ = True
    __table_args__ = (
        Index("ix_survey_tech_issued", "technician_id", "issued_on"),
        Index("ix_survey_status_issued", "status", "issued_on"),
        Index("ix_survey_issued", "issued_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"), unique=True)
    technician_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_on: Mapped[date]
    status: Mapped[str] = mapped_column(String(10), default=SurveyCardStatus.SENT.value)
    returned_on: Mapped[date | None]
    returned_via: Mapped[str] = mapped_column(String(10), default="")  # phone | paper
    attitude: Mapped[int | None]  # 态度
    skill: Mapped[int | None]  # 技术
    arrival: Mapped[int | None]  # 到达时间
    promise: Mapped[int | None]  # 答应事情的办理
    comments: Mapped[str] = mapped_column(Text, default="")
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Complaint(BranchOwned, Versioned, Timestamped, Base):
    """One line of the complaint register (客户投诉处理登记表), numbered 2611-007."""

    __tablename__ = "complaints"
    __audited__ = True
    __table_args__ = (
        Index("ix_complaints_status_deadline", "status", "deadline"),
        Index("ix_complaints_accepted", "accepted_on", "id"),
        # Open complaints by deadline (the Today page's overdue line): only open work, so its
        # size does not grow with the closed history. Queries say ``complaint_is_open()``.
        Index("ix_complaints_open_deadline", "deadline", "id",
              sqlite_where=literal_column("status != 'closed'"),
              postgresql_where=literal_column("status != 'closed'")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    source: Mapped[str] = mapped_column(String(10))  # call | card | visit | letter | followup
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"))
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id"))
    description: Mapped[str] = mapped_column(Text)
    demand: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(12))
    department: Mapped[str] = mapped_column(String(24))
    severity: Mapped[str] = mapped_column(String(10), default="ordinary")
    abroad: Mapped[bool] = mapped_column(default=False)
    accepted_on: Mapped[date]
    deadline: Mapped[date]
    # open → resolved → closed; a rejected outcome opens a NEW complaint (reopened_from_id)
    status: Mapped[str] = mapped_column(String(10), default="open")
    decision: Mapped[str] = mapped_column(Text, default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None]
    visit_on: Mapped[date | None]
    visit_by: Mapped[str] = mapped_column(String(40), default="")
    visit_notes: Mapped[str] = mapped_column(Text, default="")
    resolution: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(80), default="")
    told_via: Mapped[str] = mapped_column(String(10), default="")  # letter | phone
    resolved_on: Mapped[date | None]
    outcome: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None]
    rejected: Mapped[bool] = mapped_column(default=False)
    reopened_from_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


def complaint_is_open() -> ColumnElement[bool]:
    """``status != 'closed'`` with the word written into the SQL, not a bound parameter, so
    the partial index ix_complaints_open_deadline serves it however the statement is
    planned (a PostgreSQL generic plan for a prepared statement cannot prove that a
    parameter is not 'closed'; the sqlite3 command line does not see bound values)."""
    return Complaint.status != literal_column("'closed'")


class ComplaintReminder(Base):
    """A reminder (催办单) issued for an overdue complaint."""

    __tablename__ = "complaint_reminders"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    issued_at: Mapped[datetime]
    days_overdue: Mapped[int]
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ComplaintLiaison(Versioned, Timestamped, Base):
    """A liaison note (洽办单, 办法 十四) sent to the department at fault of a complaint closed
    after its deadline, asking why; the department's answer comes back on it."""

    __tablename__ = "complaint_liaisons"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), index=True)
    department: Mapped[str] = mapped_column(String(24))
    issued_on: Mapped[date]
    days_late: Mapped[int]
    question: Mapped[str] = mapped_column(Text, default="")
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_on: Mapped[date | None]
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ComplaintMonthFigures(Base):
    """A month's complaint statistics (客户投诉案件统计表) as produced: frozen, so the month
    reads the same whatever happens to its cases later (办法 九.10)."""

    __tablename__ = "complaint_month_figures"
    __audited__ = True

    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    month: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    produced_at: Mapped[datetime]
    produced_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    figures: Mapped[str] = mapped_column(Text)  # the ComplaintMonthStats as JSON


class Feedback(BranchOwned, Versioned, Timestamped, Base):
    """One line of the information feedback register (信息反馈分析登记表, seed 003 §6): what a
    customer said (from a survey card, a complaint or a follow-up call, or noted by hand), its
    analysis and the department it was sent to (4.3.7: 有价值的意见和建议…提供给相关部门)."""

    __tablename__ = "feedback"
    __audited__ = True
    __table_args__ = (
        UniqueConstraint("source", "source_id", name="uq_feedback_source"),
        Index("ix_feedback_received", "received_on", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date]
    source: Mapped[str] = mapped_column(String(10))  # card | complaint | followup | other
    source_id: Mapped[int | None]  # the card, complaint or follow-up it came from
    source_number: Mapped[str] = mapped_column(String(20), default="")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    content: Mapped[str] = mapped_column(Text)
    analysis: Mapped[str] = mapped_column(Text, default="")
    sent_to: Mapped[str] = mapped_column(String(24), default="")  # a complaint department
    sent_on: Mapped[date | None]
    result: Mapped[str] = mapped_column(Text, default="")
    analysed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class FollowUp(BranchOwned, Versioned, Timestamped, Base):
    """A quality follow-up call (质量回访) after a completed repair, with the answer."""

    __tablename__ = "followups"
    __audited__ = True
    __table_args__ = (Index("ix_followups_done", "done_on", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("calls.id"), unique=True)
    done_on: Mapped[date]
    satisfied: Mapped[bool]
    answer: Mapped[str] = mapped_column(Text, default="")
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaints.id"))
    by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class MonthlySubmission(BranchOwned, Base):
    """A branch's month's report handed in (制度11 五: the monthly summary by the 4th); the
    complaint statistics count as handed in once produced (ComplaintMonthFigures). Each
    branch hands in its own."""

    __tablename__ = "monthly_submissions"
    __audited__ = True
    __table_args__ = (PrimaryKeyConstraint("kind", "year", "month", "branch_id"),)

    kind: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(autoincrement=False)
    month: Mapped[int] = mapped_column(autoincrement=False)
    submitted_at: Mapped[datetime]
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Expense(BranchOwned, Versioned, Timestamped, Base):
    """A real after-sales expense (制度11 五, from the 差旅费报销): travel, transport, shipping,
    per person and, where it belongs to one, per job; shown beside the price-based cost."""

    __tablename__ = "expenses"
    __audited__ = True
    __table_args__ = (Index("ix_expenses_day", "spent_on", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    spent_on: Mapped[date]
    kind: Mapped[str] = mapped_column(String(12))  # travel | transport | shipping | other
    person_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    job_id: Mapped[int | None] = mapped_column(ForeignKey("jobs.id"), index=True)
    amount_cents: Mapped[int]
    note: Mapped[str] = mapped_column(String(200), default="")
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
