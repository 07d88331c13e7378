"""Daily reports: the technician's work report (技术员工作日报表) and the supervisor's
report (服务主任日报表). One query layer feeds the screen and the A4 PDF."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from app.errors import NotFound, PermissionDenied
from app.i18n import N_
from app.models.billing import Bill, Payment
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, RepairCard, RepairWork
from app.models.customers import Customer
from app.models.enums import CallStatus, Category, Channel, Role, StoreKind
from app.models.jobs import InternalWork, Job, Visit, VisitOutcome
from app.models.staff import User
from app.services.context import ServiceContext
from app.services.daily_report_dto import (
    CategoryTotal,
    ReportLine,
    SupervisorDailyReport,
    TeamRow,
    TechnicianDailyReport,
)
from app.services.permissions import Perm, allowed, require
from app.services.reference_service import get_store_profile

CATEGORIES = tuple(c.value for c in Category)
LEFTOVER_WINDOW = timedelta(days=31)  # how far back a waiting call still counts as left over


def day_bounds(ctx: ServiceContext, day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, tzinfo=ctx.tz)
    return start, start + timedelta(days=1)


def taken_on_site(session: Session, tech_ids: list[int], start: datetime,
                  end: datetime) -> dict[tuple[int, int], int]:
    """(technician, call) → money the technician took on site in [start, end): the
    payments they took (cash, WeChat, Alipay or card), never a number typed apart from
    the bill."""
    rows = session.execute(
        select(Payment.taken_by_id, Bill.call_id, func.sum(Payment.amount_cents))
        .join(Bill, Bill.id == Payment.bill_id)
        .where(Payment.taken_by_id.in_(tech_ids), Payment.voided.is_(False),
               Payment.collected_at >= start, Payment.collected_at < end)
        .group_by(Payment.taken_by_id, Bill.call_id))
    return {(int(tech or 0), int(call)): int(cents or 0) for tech, call, cents in rows}


def _visit_lines(session: Session, tech_ids: list[int], start: datetime,
                 end: datetime) -> dict[int, list[ReportLine]]:
    """Visits finished in [start, end) by these technicians, as report lines per technician;
    the money taken on a call that day shows on its first visit line."""
    taken = taken_on_site(session, tech_ids, start, end)
    rows = session.execute(
        select(Visit, Job.number, Job.category, Call.number, Customer.name, Call.id)
        .join(Job, Job.id == Visit.job_id).join(Call, Call.id == Job.call_id)
        .join(Customer, Customer.id == Call.customer_id)
        .where(Visit.completed_at >= start, Visit.completed_at < end,
               Visit.technician_id.in_(tech_ids))
        .order_by(Visit.arrived_at, Visit.id))
    lines: dict[int, list[ReportLine]] = defaultdict(list)
    for visit, voucher, category, call_number, customer, call_id in rows:
        fee = taken.pop((visit.technician_id, call_id), 0)
        lines[visit.technician_id].append(ReportLine(
            category, voucher, call_number, customer, visit.work_done, visit.arrived_at,
            visit.completed_at, visit.labour_minutes, visit.outcome, fee))
    return lines


def _bench_lines(session: Session, tech_ids: list[int], start: datetime,
                 end: datetime) -> dict[int, list[ReportLine]]:
    """Work entries on repair cards recorded in [start, end): the monthly technician sheet
    counts the same entries by the same clock, under the call's category."""
    rows = session.execute(
        select(RepairWork, RepairCard.number, Call.category, Call.number, Customer.name)
        .join(RepairCard, RepairCard.id == RepairWork.card_id)
        .join(ItemReceipt, ItemReceipt.id == RepairCard.receipt_id)
        .join(Call, Call.id == ItemReceipt.call_id)
        .join(Customer, Customer.id == Call.customer_id)
        .where(RepairWork.recorded_at >= start, RepairWork.recorded_at < end,
               RepairWork.technician_id.in_(tech_ids))
        .order_by(RepairWork.recorded_at, RepairWork.id))
    lines: dict[int, list[ReportLine]] = defaultdict(list)
    for work, card, category, call_number, customer in rows:
        lines[work.technician_id].append(ReportLine(
            category, card, call_number, customer, work.note, work.started_at,
            work.stopped_at, work.minutes, "bench", 0))
    return lines


def _internal_lines(session: Session, tech_ids: list[int],
                    day: date) -> dict[int, list[ReportLine]]:
    lines: dict[int, list[ReportLine]] = defaultdict(list)
    for work in session.scalars(select(InternalWork).where(
            InternalWork.day == day, InternalWork.technician_id.in_(tech_ids),
            InternalWork.voided.is_(False)).order_by(InternalWork.id)):
        lines[work.technician_id].append(ReportLine(
            Category.D.value, "", "", "", work.note, None, None, work.minutes, "internal", 0,
            work.kind))
    return lines


def _totals(lines: list[ReportLine]) -> tuple[CategoryTotal, ...]:
    return tuple(CategoryTotal(cat, sum(1 for ln in lines if ln.category == cat),
                               sum(ln.minutes for ln in lines if ln.category == cat))
                 for cat in CATEGORIES)


def _lines_by_tech(session: Session, tech_ids: list[int], ctx: ServiceContext,
                   day: date) -> dict[int, list[ReportLine]]:
    start, end = day_bounds(ctx, day)
    visits = _visit_lines(session, tech_ids, start, end)
    bench = _bench_lines(session, tech_ids, start, end)
    internal = _internal_lines(session, tech_ids, day)
    return {t: [*visits.get(t, []), *bench.get(t, []), *internal.get(t, [])]
            for t in tech_ids}


def technician_report(ctx: ServiceContext, technician_id: int, day: date) -> TechnicianDailyReport:
    """技术员工作日报表: every job of the day with its category and time, totals by category."""
    if not allowed(ctx.actor, Perm.REPORTS_VIEW) and ctx.actor.user_id != technician_id:
        raise PermissionDenied(Perm.REPORTS_VIEW.value)
    store = get_store_profile(ctx)
    with ctx.read() as session:
        tech = session.get(User, technician_id)
        if tech is None:
            raise NotFound(N_("No such technician."))
        lines = _lines_by_tech(session, [technician_id], ctx, day)[technician_id]
        taken = sum(taken_on_site(session, [technician_id], *day_bounds(ctx, day)).values())
        return TechnicianDailyReport(
            day, store.name, tech.id, tech.display_name, tuple(lines), _totals(lines),
            sum(ln.minutes for ln in lines), taken)


def _count(session: Session, query: object) -> int:
    return int(session.scalar(query) or 0)  # type: ignore[call-overload]


def _figures(session: Session, start: datetime, end: datetime, now: datetime) -> dict[str, int]:
    outcome_count = (select(func.count()).select_from(Visit)
                     .where(Visit.completed_at >= start, Visit.completed_at < end))
    dispatched_by_end = exists().where(Job.call_id == Call.id, Job.dispatched_at < end)
    late = (Job.arrived_at.is_(None) & (Job.deadline_at < min(now, end))) | \
        (Job.arrived_at > Job.deadline_at)
    return {
        "received": _count(session, select(func.count()).select_from(Call).where(
            Call.received_at >= start, Call.received_at < end)),
        "dispatched": _count(session, select(func.count()).select_from(Job).where(
            Job.dispatched_at >= start, Job.dispatched_at < end)),
        "completed": _count(session, outcome_count.where(
            Visit.outcome == VisitOutcome.COMPLETED.value)),
        "taken_in": _count(session, outcome_count.where(
            Visit.outcome == VisitOutcome.TAKEN_IN.value)),
        "left_over": _count(session, select(func.count()).select_from(Call).where(
            Call.received_at >= end - LEFTOVER_WINDOW, Call.received_at < end,
            Call.channel != Channel.WALK_IN.value, ~dispatched_by_end,
            ~((Call.status == CallStatus.CANCELLED.value) & (Call.closed_at < end)))),
        "missed": _count(session, select(func.count()).select_from(Job).where(
            Job.deadline_at >= start, Job.deadline_at < end, late)),
    }


def supervisor_report(ctx: ServiceContext, day: date) -> SupervisorDailyReport:
    """服务主任日报表: the team by technician and category, and the day's call figures."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    store = get_store_profile(ctx)
    start, end = day_bounds(ctx, day)
    with ctx.read() as session:
        techs = [(uid, name) for uid, name in session.execute(
            select(User.id, User.display_name).where(User.role == Role.TECHNICIAN.value)
            .order_by(User.id))]
        by_tech = _lines_by_tech(session, [t for t, _ in techs], ctx, day)
        rows = tuple(TeamRow(t, name, _totals(by_tech[t]), sum(ln.minutes for ln in by_tech[t]))
                     for t, name in techs if by_tech[t] or _active(session, t))
        every = [ln for lines in by_tech.values() for ln in lines]
        fig = _figures(session, start, end, ctx.now())
    return SupervisorDailyReport(
        day, store.name, store.kind is StoreKind.BRANCH, rows, _totals(every),
        sum(ln.minutes for ln in every), fig["received"], fig["dispatched"], fig["completed"],
        fig["taken_in"], fig["left_over"], fig["missed"])


def _active(session: Session, user_id: int) -> bool:
    return bool(session.scalar(select(User.active).where(User.id == user_id)))


def report_technicians(ctx: ServiceContext) -> list[tuple[int, str]]:
    """Technicians whose report the actor may open (all with REPORTS_VIEW, else oneself)."""
    with ctx.read() as session:
        query = select(User.id, User.display_name).where(User.role == Role.TECHNICIAN.value)
        if not allowed(ctx.actor, Perm.REPORTS_VIEW):
            query = query.where(User.id == ctx.actor.user_id)
        return [(uid, name) for uid, name in session.execute(query.order_by(User.id))]
