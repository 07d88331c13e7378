"""The monthly figures (月度统计报表, seed 002 制度11 六): one query layer for screen and Excel.

Cost figures value the work at the store's own prices whoever pays (warranty and contract
work cost the store as much as paid work): labour at the rate of the kind of service,
transport per on-site visit by zone kind, parts at the price they were issued at.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from dataclasses import replace as dc_replace
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from statistics import mean
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from app.db.branch_scope import branch_of
from app.errors import ValidationError
from app.i18n import N_
from app.models.billing import Bill, Invoice, Payment
from app.models.branch import Branch
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, ItemReturn, RepairCard, RepairWork
from app.models.jobs import InternalWork, Job, Visit
from app.models.store import Zone
from app.services.billing_service import rates_of
from app.services.calendar_service import Calendars, load_calendar
from app.services.context import ServiceContext
from app.services.expense_service import month_expense_figures
from app.services.monthly_dto import BranchMonth, Figure, JobDetail, MonthlyReport
from app.services.monthly_rows import details, models, technicians
from app.services.parts_service import parts_used
from app.services.permissions import Perm, allowed, require
from app.services.reference_service import get_store_profile
from app.services.voice_stats import complaint_month_stats, survey_month_stats
from app.services.warranty import add_months

DAY_MINUTES = 480  # a person-day is eight working hours


@dataclass(frozen=True)
class Window:
    month: date
    start: datetime
    end: datetime


def window(ctx: ServiceContext, month: date) -> Window:
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return Window(first, datetime.combine(first, time.min, tzinfo=ctx.tz),
                  datetime.combine(following, time.min, tzinfo=ctx.tz))


def parse_month(text: str) -> date:
    """'2026-10' → 2026-10-01; a clear error otherwise."""
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError) as exc:
        raise ValidationError(N_("{month} is not a month (write it as 2026-10)."),
                              field="month", month=text) from exc


def monthly_report(ctx: ServiceContext, month: date, *, rows: bool = True) -> MonthlyReport:
    """Every figure of the month, plus the per-technician, per-model and detail rows.

    ``rows=False``: the figures and the survey and complaint statistics only — what the
    yearly workbook and archive show — without the row sheets and the chart, which cost
    most of the time (a month's detail rows are tens of thousands of jobs)."""
    require(ctx.actor, Perm.REPORTS_VIEW)
    win = window(ctx, month)
    if win.start > ctx.now():
        raise ValidationError(N_("That month has not begun yet."), field="month")
    surveys = tuple(survey_month_stats(ctx, win.month.year, win.month.month))
    complaints = complaint_month_stats(ctx, win.month.year, win.month.month)
    with ctx.read() as session:
        jobs = (details(session, win.start, win.end,
                        full_phone=allowed(ctx.actor, Perm.CUSTOMER_FULL_PHONE))
                if rows else ())
        arrivals = _arrivals_of(jobs) if rows else _arrivals(session, win)
        figures = _figures(ctx, session, win, arrivals)
        if not rows:
            return MonthlyReport(win.month, get_store_profile(ctx).name, figures, (), (), (),
                                 {}, surveys, complaints)
        company = _company_branches(session) if ctx.actor.branch_id is None else []
        report = MonthlyReport(
            win.month, get_store_profile(ctx).name, figures,
            technicians(session, win.start, win.end), models(session, win.start, win.end),
            jobs, _jobs_per_day(ctx, session, win), surveys, complaints)
    if len(company) < 2:  # a branch's own workbook, or a single store's: no branch sheets
        return report
    return dc_replace(report, branches=tuple(_branch_month(ctx, win, *b) for b in company))


def _figures(ctx: ServiceContext, session: Session, win: Window,
             arrivals: list[Arrival]) -> tuple[Figure, ...]:
    """The summary's figures, of the session's branch (of every branch: the company's)."""
    # the real expenses (差旅费报销) stand right after the price-based cost
    return (*_seed_figures(session, win),
            *month_expense_figures(session, win.month, add_months(win.month, 1)),
            *_counter_figures(ctx, session, win, arrivals),
            *_money_figures(session, win))


def _company_branches(session: Session) -> list[tuple[int, str, str]]:
    return [(int(i), code, name) for i, code, name in session.execute(
        select(Branch.id, Branch.code, Branch.name).order_by(Branch.code))]


def _branch_month(ctx: ServiceContext, win: Window, branch_id: int, code: str,
                  name: str) -> BranchMonth:
    """One branch's figures, read as that branch's own people read them (the same session
    wall, the same queries): the branch's sheet equals the branch's own summary."""
    as_branch = dc_replace(ctx, actor=dc_replace(ctx.actor, branch_id=branch_id))
    with as_branch.read() as session:
        return BranchMonth(code, name, _figures(as_branch, session, win,
                                                _arrivals(session, win)))


# (call received, voucher's first arrival, arrived by the deadline) of the vouchers
# dispatched in the month that have arrived
Arrival = tuple[datetime, datetime, bool]


def _arrivals_of(jobs: tuple[JobDetail, ...]) -> list[Arrival]:
    """The arrivals, taken from the month's detail rows (not queried again)."""
    out: list[Arrival] = []
    for d in jobs:
        if d.dispatched_at is not None and d.arrived_at is not None:
            out.append((d.received_at, d.arrived_at, bool(d.deadline_met)))
    return out


def _arrivals(session: Session, win: Window) -> list[Arrival]:
    """The same arrivals as ``_arrivals_of(details(...))``, queried alone."""
    met = Job.arrived_at <= Job.deadline_at
    rows = session.execute(select(Call.received_at, Job.arrived_at, met)
                           .join(Call, Call.id == Job.call_id)
                           .where(_in(Job.dispatched_at, win), Job.arrived_at.is_not(None)))
    return [(received, arrived, bool(in_time)) for received, arrived, in_time in rows
            if arrived is not None]


def mean_of_counted(counts: Counter[float]) -> float:
    """``statistics.mean`` of the values counted in ``counts``, to the last bit (the exact
    sum of the floats, divided and rounded once), summing each distinct value once: a
    month's 110,000 arrivals take a few thousand distinct times."""
    total = sum((Fraction(value) * n for value, n in counts.items()), Fraction(0))
    return float(total / sum(counts.values()))


# ---- the seed's figures: installation, dispatches, materials, transport, total ----------

def _visits(session: Session, win: Window) -> list[tuple[int, str, str, int, int]]:
    """(branch, service kind, zone kind, labour minutes, how many visits) of the visits
    finished in the month, grouped: labour is valued per visit at its branch's rates, so
    equal visits are counted together."""
    rows = session.execute(
        select(Call.branch_id, Call.service_kind, Zone.kind, Visit.labour_minutes,
               func.count(Visit.id))
        .join(Job, Job.id == Visit.job_id).join(Call, Call.id == Job.call_id)
        .outerjoin(Zone, Zone.id == Call.zone_id)
        .where(Visit.completed_at >= win.start, Visit.completed_at < win.end)
        .group_by(Call.branch_id, Call.service_kind, Zone.kind, Visit.labour_minutes))
    return [(int(branch), kind, zone or "city", int(minutes), int(visits))
            for branch, kind, zone, minutes, visits in rows]


class _Rates:
    """Each branch's labour and transport rates, read once: the company's cost is the sum
    of its branches' costs, each at its own prices (the branch sheets add up to it)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._read: dict[int, tuple[dict[str, int], dict[str, int]]] = {}

    def of(self, branch: int) -> tuple[dict[str, int], dict[str, int]]:
        if branch not in self._read:
            self._read[branch] = rates_of(self.session, branch)
        return self._read[branch]

    def labour(self, branch: int, kind: str, minutes: int) -> int:
        labour = self.of(branch)[0]
        return minutes * labour.get(kind, labour["repair"]) // 60


def _materials(session: Session, win: Window) -> int:
    """Parts taken from stock in the month, on site and on repair cards, at their issue
    price: the same rows as the bills' parts lines and the sheets' parts columns."""
    used = parts_used()
    return int(session.scalar(select(func.coalesce(func.sum(used.c.cents), 0))
                              .where(used.c.at >= win.start, used.c.at < win.end)) or 0)


def _bench_labour(session: Session, win: Window, rates: _Rates) -> int:
    rows = session.execute(
        select(Call.branch_id, Call.service_kind, func.sum(RepairWork.minutes))
        .join(RepairCard, RepairCard.id == RepairWork.card_id)
        .join(ItemReceipt, ItemReceipt.id == RepairCard.receipt_id)
        .join(Call, Call.id == ItemReceipt.call_id)
        .where(RepairWork.recorded_at >= win.start, RepairWork.recorded_at < win.end)
        .group_by(Call.branch_id, Call.service_kind))
    return sum(rates.labour(int(branch), kind, int(minutes or 0))
               for branch, kind, minutes in rows)


def _seed_figures(session: Session, win: Window) -> list[Figure]:
    """Installation and other dispatches valued at labour only; transport, materials and
    bench labour apart; the total is the sum of the five costs (a formula in Excel)."""
    rates = _Rates(session)
    visits = _visits(session, win)

    def labour(rows: list[tuple[int, str, str, int, int]]) -> int:
        return sum(n * rates.labour(b, k, m) for b, k, _z, m, n in rows)

    install = [v for v in visits if v[1] == "install"]
    others = [v for v in visits if v[1] != "install"]
    costs = {"install_cost": labour(install), "dispatch_cost": labour(others),
             "bench_cost": _bench_labour(session, win, rates),
             "materials_cost": _materials(session, win),
             "transport_cost": sum(n * rates.of(b)[1].get(z, 0)
                                   for b, _k, z, _m, n in visits)}
    return [
        Figure("install_times", N_("Installation and commissioning: person-times"),
               sum(n for *_x, n in install)),
        Figure("install_days", N_("Installation and commissioning: person-days"),
               round(sum(m * n for *_x, m, n in install) / DAY_MINUTES, 2), "days"),
        Figure("install_cost", N_("Installation and commissioning: cost"),
               costs["install_cost"], "money"),
        Figure("dispatch_times", N_("Dispatches: person-times"),
               sum(n for *_x, n in others)),
        Figure("dispatch_days", N_("Dispatches: person-days"),
               round(sum(m * n for *_x, m, n in others) / DAY_MINUTES, 2), "days"),
        Figure("dispatch_cost", N_("Dispatches: cost"), costs["dispatch_cost"], "money"),
        Figure("bench_cost", N_("Carry-in repairs: labour cost"), costs["bench_cost"],
               "money"),
        Figure("materials_cost", N_("Materials cost"), costs["materials_cost"], "money"),
        Figure("transport_cost", N_("Transport cost"), costs["transport_cost"], "money"),
        Figure("total_cost", N_("Total after-sales cost"), sum(costs.values()), "money"),
    ]


TOTAL_PARTS = ("install_cost", "dispatch_cost", "bench_cost", "materials_cost",
               "transport_cost")


# ---- the counter's figures ---------------------------------------------------------------

def _in(column: Any, win: Window) -> ColumnElement[bool]:
    return and_(column >= win.start, column < win.end)


def _count(session: Session, query: Any) -> int:
    return int(session.scalar(query) or 0)


def _counter_figures(ctx: ServiceContext, session: Session, win: Window,
                     arrivals: list[Arrival]) -> list[Figure]:
    out = [Figure("calls", N_("Calls received"),
                  _count(session, select(func.count(Call.id)).where(_in(Call.received_at, win))))]
    channels = {k: v for k, v in session.execute(select(Call.channel, func.count(Call.id))
                                    .where(_in(Call.received_at, win)).group_by(Call.channel)
                                    )}
    for channel, label in (("phone", N_("Calls by phone")), ("letter", N_("Calls by letter")),
                           ("email", N_("Calls by e-mail")), ("walk_in", N_("Walk-in calls")),
                           ("web", N_("Calls from the web"))):
        out.append(Figure(f"calls_{channel}", label, int(channels.get(channel, 0))))
    out += _job_figures(ctx, session, win, arrivals)
    out += _carry_in_figures(session, win)
    return out


def _job_figures(ctx: ServiceContext, session: Session, win: Window,
                 arrivals: list[Arrival]) -> list[Figure]:
    """The month's vouchers by category, visit outcomes, and the arrival figures of the
    vouchers dispatched in the month."""
    categories = {k: v for k, v in session.execute(select(Job.category, func.count(Job.id))
                                      .where(_in(Job.dispatched_at, win))
                                      .group_by(Job.category))}
    internal = _count(session, select(func.count(InternalWork.id)).where(
        InternalWork.day >= win.month, InternalWork.day < win.end.date(),
        InternalWork.voided.is_(False)))
    outcomes = {k: v for k, v in session.execute(select(Visit.outcome, func.count(Visit.id))
                                    .where(_in(Visit.completed_at, win))
                                    .group_by(Visit.outcome))}
    met = sum(1 for *_times, in_time in arrivals if in_time)
    minutes = _arrival_minutes(ctx, session, win, arrivals)
    hours = Counter({m / 60: n for m, n in minutes.items()})
    return [
        Figure("jobs_A", N_("Jobs A paid service"), int(categories.get("A", 0))),
        Figure("jobs_B", N_("Jobs B contract service"), int(categories.get("B", 0))),
        Figure("jobs_C", N_("Jobs C free (warranty)"), int(categories.get("C", 0))),
        Figure("jobs_D", N_("Jobs D internal work"), int(categories.get("D", 0)) + internal),
        Figure("completed_on_site", N_("Completed on site"), int(outcomes.get("completed", 0))),
        Figure("taken_in_on_site", N_("Taken in from site"), int(outcomes.get("taken_in", 0))),
        Figure("deadline_met", N_("Dispatch deadline met"),
               round(met / len(arrivals), 4) if arrivals else 0.0, "percent"),
        Figure("arrival_hours", N_("Average time to arrival (business hours)"),
               round(mean_of_counted(hours), 2) if hours else 0.0, "hours"),
    ]


def _arrival_minutes(ctx: ServiceContext, session: Session, win: Window,
                     arrivals: list[Arrival]) -> Counter[int]:
    """Business minutes from call to arrival, each in its branch's hours: a branch's (or a
    single store's) in its calendar; the company's, in a company of several branches, each
    voucher in its own branch's, so the company's figure is made of the branches' own."""
    if branch_of(session) is not None or len(_company_branches(session)) < 2:
        cal = load_calendar(session, ctx.tz)
        return Counter(cal.working_minutes([(received, arrived)
                                            for received, arrived, _ in arrivals]))
    by_branch: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for branch, received, arrived in session.execute(
            select(Call.branch_id, Call.received_at, Job.arrived_at)
            .join(Call, Call.id == Job.call_id)
            .where(_in(Job.dispatched_at, win), Job.arrived_at.is_not(None))):
        if arrived is not None:
            by_branch[int(branch)].append((received, arrived))
    calendars = Calendars(session, ctx.tz)
    minutes: Counter[int] = Counter()
    for branch, pairs in by_branch.items():
        minutes.update(calendars.of(branch).working_minutes(pairs))
    return minutes


def _carry_in_figures(session: Session, win: Window) -> list[Figure]:
    taken = _count(session, select(func.count(ItemReceipt.id))
                   .where(_in(ItemReceipt.taken_in_at, win)))
    returns = session.execute(select(ItemReceipt.taken_in_at, ItemReturn.returned_at)
                              .join(ItemReturn, ItemReturn.receipt_id == ItemReceipt.id)
                              .where(_in(ItemReturn.returned_at, win))).all()
    turnaround = [(back - took).total_seconds() / 86400 for took, back in returns]
    in_store = _count(session, select(func.count(ItemReceipt.id))
                      .outerjoin(ItemReturn, ItemReturn.receipt_id == ItemReceipt.id)
                      .where(ItemReceipt.taken_in_at < win.end,
                             (ItemReturn.id.is_(None)) | (ItemReturn.returned_at >= win.end)))
    return [
        Figure("carry_in", N_("Carry-ins taken in"), taken),
        Figure("carry_out", N_("Carry-ins returned"), len(returns)),
        Figure("turnaround_days", N_("Average turnaround (days)"),
               round(mean(turnaround), 2) if turnaround else 0.0, "days"),
        Figure("in_store", N_("Items in the store at month end"), in_store),
    ]


def _money_figures(session: Session, win: Window) -> list[Figure]:
    billed = _count(session, select(func.sum(Bill.total_cents))
                    .where(_in(Bill.billed_at, win), Bill.status != "void"))
    collected = _count(session, select(func.sum(Payment.amount_cents))
                       .where(_in(Payment.collected_at, win), Payment.voided.is_(False)))
    invoiced = session.execute(select(func.count(Invoice.id), func.sum(Invoice.amount_cents))
                               .where(Invoice.issued_on >= win.month,
                                      Invoice.issued_on < win.end.date(),
                                      Invoice.voided.is_(False))).one()
    held = _count(session, select(func.sum(Payment.amount_cents)).where(
        Payment.held_by_id.is_not(None), Payment.voided.is_(False),
        Payment.collected_at < win.end,
        Payment.handed_over_at.is_(None) | (Payment.handed_over_at >= win.end)))
    return [
        Figure("billed", N_("Revenue billed"), billed, "money"),
        Figure("collected", N_("Revenue collected"), collected, "money"),
        Figure("invoices", N_("Invoices issued"), int(invoiced[0] or 0)),
        Figure("invoiced", N_("Invoiced amount"), int(invoiced[1] or 0), "money"),
        Figure("cash_held", N_("Cash not yet handed over at month end"), held, "money"),
    ]


def _jobs_per_day(ctx: ServiceContext, session: Session,
                  win: Window) -> dict[date, dict[str, int]]:
    """Vouchers per category per local day; the day is found in SQL (before which of the
    month's local midnights the voucher was dispatched), so no timestamp is fetched."""
    days = [win.month + timedelta(days=n) for n in range((win.end.date() - win.month).days)]
    midnights = [datetime.combine(day, time.min, tzinfo=ctx.tz) for day in days[1:]]
    jobs = select(case(*((Job.dispatched_at < midnight, n)
                         for n, midnight in enumerate(midnights)),
                       else_=len(midnights)).label("day"), Job.category.label("category")
                  ).where(_in(Job.dispatched_at, win)).subquery()
    counts: dict[date, dict[str, int]] = {day: defaultdict(int) for day in days}
    for n, category, jobs_that_day in session.execute(
            select(jobs.c.day, jobs.c.category, func.count())
            .group_by(jobs.c.day, jobs.c.category)):
        counts[days[n]][category] += jobs_that_day
    for day, in session.execute(select(InternalWork.day).where(
            InternalWork.day >= win.month, InternalWork.day < win.end.date(),
            InternalWork.voided.is_(False))):
        counts[day]["D"] += 1
    return {day: dict(by_category) for day, by_category in counts.items()}
