"""The service department's views (服务部, seed 002 总则(四), §十七, §二十四, §二十七): every
branch's books and reports, per branch and for the company.

The service department's people belong to no branch (``Actor.branch_id`` None), so their
sessions see every branch; each view here is one grouped read over all branches (or the one
branch of the page's filter), by ``branch_id``, on the tables' own indexes, with every branch
listed — a branch that sent nothing shows as nothing, which is what the department chases.
Read-only: nothing here writes. A branch's own people get their branch only (the page is
the department's; the session's branch wall holds here as everywhere).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, case, func, select, true
from sqlalchemy.orm import Session

from app.errors import PermissionDenied
from app.i18n import N_
from app.models.branch import Branch
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, ReceiptStatus
from app.models.customers import Customer
from app.models.jobs import Job, JobStatus
from app.models.reports import DailyReportRecord, DailyReportStep, ReportKind, ReportStatus
from app.models.staff import User
from app.models.voice import Complaint, SurveyCard, complaint_is_open
from app.services.call_book_service import OPEN_STATUSES
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.survey_service import DONE_STATUSES, completion_time

CHASE_LIMIT = 500  # rows of each kind of case on the chase list


@dataclass(frozen=True)
class BranchRef:
    id: int
    code: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip()


@dataclass(frozen=True)
class BookCount:
    """One branch's call-log book (叫修登记簿) of a day: what it sends the next day."""

    branch: BranchRef
    calls: int
    still_open: int  # of those calls, not yet served


@dataclass(frozen=True)
class SurveyCount:
    """§二十四: a card for every call; ``to_send`` are served calls without a card yet."""

    branch: BranchRef
    calls: int  # the day's book
    to_send: int  # served by the end of the day, no card yet
    sent: int  # cards issued that day


@dataclass(frozen=True)
class ReportReceipt:
    """A branch's supervisor daily report (服务主任日报表) of a day, as the department sees it."""

    branch: BranchRef
    status: str  # draft (none yet) / submitted / signed / forwarded (ReportStatus)
    signed_by: str  # the branch manager who signed (经理签章); "" if not signed
    signed_at: datetime | None
    sign_note: str
    forwarded_by: str
    forwarded_at: datetime | None

    @property
    def received(self) -> bool:
        """The department has it once the branch forwarded it (signed first, §十七)."""
        return self.status == ReportStatus.FORWARDED.value


@dataclass(frozen=True)
class ChaseRow:
    """A case the department chases (§二十七): an open complaint, an item kept past its
    promised date, a voucher whose technician has not arrived by the deadline."""

    branch: BranchRef
    kind: str  # complaint / late_repair / late_arrival
    number: str
    customer: str
    due: date
    days_over: int  # days past ``due`` (0: not yet overdue)


# ---- common --------------------------------------------------------------------------------

def _scope(ctx: ServiceContext, branch_id: int | None = None) -> int | None:
    """The branch a view shows: the one asked for (None: every branch). A branch's own people
    (who have their books) see only their branch here too; asking for another is refused."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    own = ctx.actor.branch_id
    if own is None:
        return branch_id
    if branch_id not in (None, own):
        raise PermissionDenied(N_("a record of another branch"))
    return own


def branches(ctx: ServiceContext) -> list[BranchRef]:
    """Every branch, by code (the page's branch filter)."""
    branch_id = _scope(ctx)
    with ctx.read() as session:
        return _branches(session, branch_id)


def _branches(session: Session, branch_id: int | None) -> list[BranchRef]:
    query = select(Branch.id, Branch.code, Branch.name).order_by(Branch.code)
    if branch_id is not None:
        query = query.where(Branch.id == branch_id)
    return [BranchRef(int(i), code, name) for i, code, name in session.execute(query)]


def _only(column: Any, branch_id: int | None) -> ColumnElement[bool]:
    return true() if branch_id is None else column == branch_id


def _by_branch(rows: Any) -> dict[int, int]:
    return {int(branch): int(n or 0) for branch, n in rows}


def _day_bounds(ctx: ServiceContext, day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=ctx.tz)
    return start, start + timedelta(days=1)


# ---- (a) the call-log books of a day -------------------------------------------------------

def call_books(ctx: ServiceContext, day: date, *,
               branch_id: int | None = None) -> list[BookCount]:
    """Each branch's book of ``day`` (yesterday's, as the branches send them): how many calls
    and how many still open; one grouped count on (branch, received_at)."""
    branch_id = _scope(ctx, branch_id)
    start, end = _day_bounds(ctx, day)
    with ctx.read() as session:
        still_open = func.count(case((Call.status.in_([s.value for s in OPEN_STATUSES]), 1)))
        counts = {int(b): (int(n), int(o or 0)) for b, n, o in session.execute(
            select(Call.branch_id, func.count(Call.id), still_open)
            .where(Call.received_at >= start, Call.received_at < end,
                   _only(Call.branch_id, branch_id))
            .group_by(Call.branch_id))}
        return [BookCount(b, *counts.get(b.id, (0, 0))) for b in _branches(session, branch_id)]


# ---- (b) the survey cards to send from those books ----------------------------------------

def survey_counts(ctx: ServiceContext, day: date, *,
                  branch_id: int | None = None) -> list[SurveyCount]:
    """§二十四: per branch, the day's calls, the calls served by the end of the day that have
    no card yet (what ``survey_service.issue_cards_for_day`` would send), the cards sent."""
    branch_id = _scope(ctx, branch_id)
    start, end = _day_bounds(ctx, day)
    with ctx.read() as session:
        book = _by_branch(session.execute(
            select(Call.branch_id, func.count(Call.id))
            .where(Call.received_at >= start, Call.received_at < end,
                   _only(Call.branch_id, branch_id)).group_by(Call.branch_id)))
        to_send = _by_branch(session.execute(
            select(Call.branch_id, func.count(Call.id))
            .where(Call.status.in_(DONE_STATUSES), Call.id.not_in(select(SurveyCard.call_id)),
                   completion_time() < end, _only(Call.branch_id, branch_id))
            .group_by(Call.branch_id)))
        sent = _by_branch(session.execute(
            select(SurveyCard.branch_id, func.count(SurveyCard.id))
            .where(SurveyCard.issued_on == day, _only(SurveyCard.branch_id, branch_id))
            .group_by(SurveyCard.branch_id)))
        return [SurveyCount(b, int(book.get(b.id, 0)), int(to_send.get(b.id, 0)),
                            int(sent.get(b.id, 0))) for b in _branches(session, branch_id)]


# ---- (c) the supervisor daily reports received ----------------------------------------------

def daily_reports(ctx: ServiceContext, day: date, *,
                  branch_id: int | None = None) -> list[ReportReceipt]:
    """Each branch's supervisor report of ``day``: where it stands, who signed it and when
    (the steps since its last reopening), who forwarded it. A branch with no report shows
    as a draft: not received."""
    branch_id = _scope(ctx, branch_id)
    with ctx.read() as session:
        records = {int(r.branch_id): r for r in session.scalars(
            select(DailyReportRecord).where(
                DailyReportRecord.day == day,
                DailyReportRecord.kind == ReportKind.SUPERVISOR.value,
                DailyReportRecord.technician_id.is_(None),
                _only(DailyReportRecord.branch_id, branch_id)))}
        steps: dict[int, list[tuple[str, datetime, str, str]]] = {}
        if records:
            for report_id, step, at, name, note in session.execute(
                    select(DailyReportStep.report_id, DailyReportStep.step, DailyReportStep.at,
                           User.display_name, DailyReportStep.note)
                    .join(User, User.id == DailyReportStep.actor_id)
                    .where(DailyReportStep.report_id.in_([r.id for r in records.values()]))
                    .order_by(DailyReportStep.id)):
                steps.setdefault(int(report_id), []).append((step, at, name, note))
        out = []
        for branch in _branches(session, branch_id):
            record = records.get(branch.id)
            if record is None:
                out.append(ReportReceipt(branch, ReportStatus.DRAFT.value, "", None, "", "",
                                         None))
                continue
            current = _since_reopened(steps.get(record.id, []))
            signed = current.get("signed")
            forwarded = current.get("forwarded")
            out.append(ReportReceipt(
                branch, record.status, signed[2] if signed else "",
                signed[1] if signed else None, signed[3] if signed else "",
                forwarded[2] if forwarded else "", forwarded[1] if forwarded else None))
        return out


def _since_reopened(steps: list[tuple[str, datetime, str, str]]
                    ) -> dict[str, tuple[str, datetime, str, str]]:
    """The latest step of each kind after the last reopening (a reopened report's earlier
    signature no longer stands)."""
    current: dict[str, tuple[str, datetime, str, str]] = {}
    for step in steps:
        if step[0] == "reopened":
            current.clear()
        else:
            current[step[0]] = step
    return current


# ---- (d) complaints and overdue cases to chase ----------------------------------------------

def chase_list(ctx: ServiceContext, *, branch_id: int | None = None) -> list[ChaseRow]:
    """Open complaints (the overdue first), items kept past their promised date, vouchers
    whose technician is late: every branch's, each with its branch, most overdue first."""
    branch_id = _scope(ctx, branch_id)
    today, now = ctx.today(), ctx.now()
    with ctx.read() as session:
        named = {b.id: b for b in _branches(session, branch_id)}
        rows: list[ChaseRow] = []
        for b, number, name, deadline in session.execute(
                select(Complaint.branch_id, Complaint.number, Customer.name, Complaint.deadline)
                .join(Customer, Customer.id == Complaint.customer_id)
                .where(complaint_is_open(), _only(Complaint.branch_id, branch_id))
                .order_by(Complaint.deadline, Complaint.id).limit(CHASE_LIMIT)):
            rows.append(ChaseRow(named[int(b)], "complaint", number, name, deadline,
                                 max(0, (today - deadline).days)))
        for b, number, name, promised in session.execute(
                select(ItemReceipt.branch_id, ItemReceipt.number, Customer.name,
                       ItemReceipt.promised_date)
                .join(Customer, Customer.id == ItemReceipt.customer_id)
                .where(ItemReceipt.status == ReceiptStatus.HELD.value,
                       ItemReceipt.promised_date < today,
                       _only(ItemReceipt.branch_id, branch_id))
                .order_by(ItemReceipt.promised_date, ItemReceipt.id).limit(CHASE_LIMIT)):
            rows.append(ChaseRow(named[int(b)], "late_repair", number, name, promised,
                                 (today - promised).days))
        for b, number, name, deadline in session.execute(
                select(Job.branch_id, Job.number, Customer.name, Job.deadline_at)
                .join(Call, Call.id == Job.call_id)
                .join(Customer, Customer.id == Call.customer_id)
                .where(Job.status == JobStatus.DISPATCHED.value, Job.arrived_at.is_(None),
                       Job.voided_at.is_(None), Job.deadline_at < now,
                       _only(Job.branch_id, branch_id))
                .order_by(Job.deadline_at, Job.id).limit(CHASE_LIMIT)):
            due = ctx.local(deadline).date()
            rows.append(ChaseRow(named[int(b)], "late_arrival", number, name, due,
                                 (today - due).days))
    rows.sort(key=lambda r: (-r.days_over, r.due, r.branch.code, r.number))
    return rows
