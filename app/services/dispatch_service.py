"""Dispatch (派工): the supervisor's board, service vouchers (服务凭证), reassignment, category.

The queue holds calls still ``registered``, read through the (status, received_at) index;
calls the customer chased (催修) come first, then yesterday's leftovers (seed 002 §十八), then
by business-hours deadline.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.numbering import next_number
from app.i18n import N_
from app.models.calls import Call
from app.models.customers import Customer, CustomerPhone, Item
from app.models.enums import CallStatus, Category, Role
from app.models.jobs import Job, JobAssignment, JobStatus
from app.models.staff import User
from app.models.store import ProductModel, Zone
from app.services import calendar_service as cal_svc
from app.services import messaging_service
from app.services.call_flow import move_call
from app.services.calls_service import get_call_row
from app.services.chases import chase_counts
from app.services.context import ServiceContext
from app.services.dto import item_label
from app.services.errors import NotFound, ValidationError
from app.services.permissions import Perm, require
from app.services.validation import check_version, clean_text

QUEUE_LIMIT = 1000
OPEN_JOB_STATUSES = (JobStatus.DISPATCHED.value, JobStatus.ON_SITE.value)


@dataclass(frozen=True)
class QueueRow:
    """A call waiting for dispatch, with its deadline and how much time is left."""

    call_id: int
    number: str
    received_at: datetime
    customer_name: str
    address: str
    phone: str
    item_label: str
    fault: str
    zone_name: str
    category: str
    proposed_category: str
    urgency: str
    deadline_at: datetime
    state: str  # ok / due_soon / overdue (theme.STATUS_COLORS keys)
    minutes_left: int  # business minutes; negative when overdue
    leftover: bool  # received before today
    version: int
    chases: int = 0  # the customer called again about it (催修): shown first


@dataclass(frozen=True)
class JobRow:
    """A service voucher on the board or in a technician's list."""

    job_id: int
    number: str
    call_id: int
    call_number: str
    customer_name: str
    address: str
    item_label: str
    fault: str
    category: str
    status: str
    technician_id: int
    technician_name: str
    dispatched_at: datetime
    deadline_at: datetime
    arrived_at: datetime | None
    completed_at: datetime | None
    call_status: str
    version: int
    call_version: int
    promise: cal_svc.Promise


@dataclass(frozen=True)
class TechnicianLoad:
    user_id: int
    name: str
    open_jobs: int  # dispatched or on site, any day
    today_jobs: int  # dispatched today
    jobs: tuple[JobRow, ...]


@dataclass(frozen=True)
class Board:
    now: datetime
    queue: list[QueueRow]
    technicians: list[TechnicianLoad]


# ---- reading the board -------------------------------------------------------------------

def _day_start(ctx: ServiceContext) -> datetime:
    return datetime.combine(ctx.today(), time.min, tzinfo=ctx.tz)


def _labels(session: Session, item_ids: set[int]) -> dict[int, str]:
    if not item_ids:
        return {}
    rows = session.execute(
        select(Item.id, ProductModel.code, ProductModel.name, Item.serial)
        .join(ProductModel, ProductModel.id == Item.product_model_id)
        .where(Item.id.in_(item_ids)))
    return {r.id: item_label(r.code, r.name, r.serial) for r in rows}


def _customers(session: Session, ids: set[int]) -> dict[int, tuple[str, str, str]]:
    """customer id → (name, address, first phone)."""
    if not ids:
        return {}
    phones: dict[int, str] = {}
    for cid, phone in session.execute(
            select(CustomerPhone.customer_id, CustomerPhone.phone)
            .where(CustomerPhone.customer_id.in_(ids)).order_by(CustomerPhone.id)):
        phones.setdefault(cid, phone)
    return {r.id: (r.name, r.address, phones.get(r.id, ""))
            for r in session.execute(select(Customer.id, Customer.name, Customer.address)
                                     .where(Customer.id.in_(ids)))}


# Only the columns the queue shows (not search_text): plain rows, no ORM identity work.
_QUEUE_COLUMNS = (Call.id, Call.number, Call.received_at, Call.customer_id, Call.item_id,
                  Call.zone_id, Call.fault, Call.category, Call.proposed_category, Call.urgency,
                  Call.version)


def _queue(ctx: ServiceContext, session: Session, cal: cal_svc.BusinessCalendar,
           now: datetime) -> list[QueueRow]:
    calls = session.execute(
        select(*_QUEUE_COLUMNS).where(Call.status == CallStatus.REGISTERED.value)
        .order_by(Call.received_at).limit(QUEUE_LIMIT)).all()
    customers = _customers(session, {c.customer_id for c in calls})
    labels = _labels(session, {c.item_id for c in calls if c.item_id is not None})
    zones = {z.id: (z.name, z.dispatch_hours) for z in session.scalars(select(Zone))}
    chases = chase_counts(session, [c.id for c in calls])
    start = _day_start(ctx)
    rows = []
    for c in calls:
        zone_name, hours = zones.get(c.zone_id or 0, ("", None))
        deadline = cal_svc.dispatch_deadline(cal, c.received_at, hours)
        state, left = cal_svc.deadline_state(cal, now, deadline)
        name, address, phone = customers.get(c.customer_id, ("", "", ""))
        rows.append(QueueRow(c.id, c.number, c.received_at, name, address, phone,
                             labels.get(c.item_id or 0, ""), c.fault, zone_name, c.category,
                             c.proposed_category, c.urgency, deadline, state, left,
                             c.received_at < start, c.version, chases.get(c.id, 0)))
    rows.sort(key=lambda r: (not r.chases, not r.leftover, r.urgency != "urgent",
                             r.deadline_at, r.call_id))
    return rows


def dispatch_queue(ctx: ServiceContext) -> list[QueueRow]:
    """Calls waiting for a technician: chased ones (催修) first, then leftovers, then urgent,
    then by deadline."""
    require(ctx.actor, Perm.DISPATCH)
    with ctx.read() as session:
        cal = cal_svc.load_calendar(session, ctx.tz)
        return _queue(ctx, session, cal, ctx.now())


def _technicians(session: Session) -> list[tuple[int, str]]:
    return [(uid, name) for uid, name in session.execute(
        select(User.id, User.display_name)
        .where(User.role == Role.TECHNICIAN.value, User.active.is_(True)).order_by(User.id))]


def _job_rows(session: Session, jobs: list[Job]) -> list[JobRow]:
    if not jobs:
        return []
    calls = {c.id: c for c in session.execute(
        select(Call.id, Call.number, Call.fault, Call.customer_id, Call.item_id,
               Call.received_at, Call.status, Call.version)
        .where(Call.id.in_({j.call_id for j in jobs})))}
    customers = _customers(session, {c.customer_id for c in calls.values()})
    labels = _labels(session, {c.item_id for c in calls.values() if c.item_id is not None})
    names = {uid: name for uid, name in session.execute(select(User.id, User.display_name)
                                                         .where(User.id.in_(
                                                             {j.technician_id for j in jobs})))}
    rows = []
    for j in jobs:
        call = calls[j.call_id]
        name, address, _ = customers.get(call.customer_id, ("", "", ""))
        resolved = j.completed_at if j.status in (JobStatus.COMPLETED, JobStatus.FILED) else None
        promise = cal_svc.promise_for(call.received_at, replied_at=j.dispatched_at,
                                      confirmed_at=j.arrived_at, resolved_at=resolved)
        rows.append(JobRow(j.id, j.number, call.id, call.number, name, address,
                           labels.get(call.item_id or 0, ""), call.fault, j.category, j.status,
                           j.technician_id, names.get(j.technician_id, ""), j.dispatched_at,
                           j.deadline_at, j.arrived_at, j.completed_at, call.status, j.version,
                           call.version, promise))
    return rows


def _jobs_for(session: Session, tech_ids: list[int], since: datetime) -> list[Job]:
    """Open vouchers of these technicians plus everything dispatched since ``since``."""
    open_jobs = session.scalars(select(Job).where(
        Job.technician_id.in_(tech_ids), Job.status.in_(OPEN_JOB_STATUSES)))
    # By dispatch time only (the index on dispatched_at); the technician is checked here,
    # since SQLite would otherwise walk each technician's whole history.
    wanted = set(tech_ids)
    today = [j for j in session.scalars(select(Job).where(Job.dispatched_at >= since))
             if j.technician_id in wanted]
    unique = {j.id: j for j in [*open_jobs, *today]}
    return sorted(unique.values(), key=lambda j: (j.dispatched_at, j.id))


def technician_loads(ctx: ServiceContext) -> list[TechnicianLoad]:
    require(ctx.actor, Perm.DISPATCH)
    with ctx.read() as session:
        return _loads(ctx, session)


def _loads(ctx: ServiceContext, session: Session) -> list[TechnicianLoad]:
    techs = _technicians(session)
    start = _day_start(ctx)
    rows = _job_rows(session, _jobs_for(session, [t for t, _ in techs], start))
    result = []
    for tech_id, name in techs:
        mine = tuple(r for r in rows if r.technician_id == tech_id)
        result.append(TechnicianLoad(
            tech_id, name, sum(r.status in OPEN_JOB_STATUSES for r in mine),
            sum(r.dispatched_at >= start for r in mine), mine))
    return result


@dataclass(frozen=True)
class CallDeadline:
    """When an open call must be reached, and how it stands (the board's colour keys)."""

    deadline_at: datetime
    state: str  # "ok" | "due_soon" | "overdue"
    minutes_left: int  # business minutes; negative when overdue


def call_deadlines(ctx: ServiceContext, call_ids: list[int]) -> dict[int, CallDeadline]:
    """Deadlines of the calls among ``call_ids`` still waiting for a technician to arrive:
    a registered call by its zone's hours, a dispatched one by its voucher's arrive-by time —
    the same rule and the same states as the dispatch board (one vocabulary)."""
    if not call_ids:
        return {}
    now = ctx.now()
    with ctx.read() as session:
        cal = cal_svc.load_calendar(session, ctx.tz)
        zones = {z.id: z.dispatch_hours for z in session.scalars(select(Zone))}
        waiting = session.execute(
            select(Call.id, Call.received_at, Call.zone_id).where(
                Call.id.in_(call_ids), Call.status == CallStatus.REGISTERED.value)).all()
        deadlines = {c.id: cal_svc.dispatch_deadline(cal, c.received_at, zones.get(
            c.zone_id or 0)) for c in waiting}
        on_the_way = session.execute(
            select(Job.call_id, Job.deadline_at).join(Call, Call.id == Job.call_id).where(
                Job.call_id.in_(call_ids), Call.status == CallStatus.DISPATCHED.value,
                Job.arrived_at.is_(None), Job.status.in_(OPEN_JOB_STATUSES))).all()
        deadlines.update({j.call_id: j.deadline_at for j in on_the_way})
        result = {}
        for call_id, deadline in deadlines.items():
            state, left = cal_svc.deadline_state(cal, now, deadline)
            result[call_id] = CallDeadline(deadline, state, left)
        return result


def board(ctx: ServiceContext) -> Board:
    """Everything the dispatch board shows, read in one session."""
    require(ctx.actor, Perm.DISPATCH)
    now = ctx.now()
    with ctx.read() as session:
        cal = cal_svc.load_calendar(session, ctx.tz)
        return Board(now, _queue(ctx, session, cal, now), _loads(ctx, session))


def my_jobs(ctx: ServiceContext, *, days: int = 7) -> list[JobRow]:
    """The logged-in technician's open vouchers and those of the last ``days`` days."""
    require(ctx.actor, Perm.VISIT_RECORD)
    assert ctx.actor.user_id is not None
    since = _day_start(ctx) - timedelta(days=days)
    with ctx.read() as session:
        return _job_rows(session, _jobs_for(session, [ctx.actor.user_id], since))


def get_job_row(ctx: ServiceContext, job_id: int) -> JobRow:
    with ctx.read() as session:
        return _job_rows(session, [get_job(session, job_id)])[0]


# ---- acting on it ----------------------------------------------------------------------

def get_job(session: Session, job_id: int) -> Job:
    job = session.get(Job, job_id)
    if job is None:
        raise NotFound(N_("No such service voucher."))
    return job


def _technician(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or user.role != Role.TECHNICIAN.value or not user.active:
        raise ValidationError(N_("Choose an active technician."), field="technician")
    return user


def dispatch_call(ctx: ServiceContext, call_id: int, technician_id: int, *,
                  expected_version: int) -> JobRow:
    """Send a call to a technician: numbered voucher, deadline, assignment; call dispatched."""
    require(ctx.actor, Perm.DISPATCH)
    now = ctx.now()
    with ctx.write(action="dispatch") as session:
        call = get_call_row(session, call_id)
        check_version(session, call, expected_version)
        if call.status != CallStatus.REGISTERED.value:
            raise ValidationError(N_("This call has already been dispatched or closed."),
                                  field="status")
        _technician(session, technician_id)
        cal = cal_svc.load_calendar(session, ctx.tz)
        hours = cal_svc.zone_hours(session).get(call.zone_id or 0)
        job = Job(number=next_number(session, "voucher", ctx.today()), call_id=call.id,
                  technician_id=technician_id, category=call.category,
                  status=JobStatus.DISPATCHED.value, dispatched_at=now,
                  dispatched_by_id=ctx.actor.user_id,
                  deadline_at=cal_svc.dispatch_deadline(cal, call.received_at, hours))
        session.add(job)
        session.flush()
        session.add(JobAssignment(job_id=job.id, technician_id=technician_id, assigned_at=now,
                                  assigned_by_id=ctx.actor.user_id))
        move_call(call, CallStatus.DISPATCHED)
        messaging_service.notify_technician_on_way(
            session, ctx, call, job_id=job.id, technician=_technician(session, technician_id)
            .display_name, arrive_by=job.deadline_at)
        session.flush()
        return _job_rows(session, [job])[0]


def reassign_job(ctx: ServiceContext, job_id: int, technician_id: int, *, reason: str,
                 expected_version: int) -> JobRow:
    """Give a voucher to another technician; the reason goes on the audit trail."""
    require(ctx.actor, Perm.DISPATCH)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    with ctx.write(reason=reason, action="reassign") as session:
        job = get_job(session, job_id)
        check_version(session, job, expected_version)
        if job.status not in OPEN_JOB_STATUSES:
            raise ValidationError(N_("Only an open voucher can be reassigned."), field="status")
        if job.technician_id == technician_id:
            raise ValidationError(N_("The voucher is already with this technician."),
                                  field="technician")
        _technician(session, technician_id)
        job.technician_id = technician_id
        session.add(JobAssignment(job_id=job.id, technician_id=technician_id,
                                  assigned_at=ctx.now(), assigned_by_id=ctx.actor.user_id,
                                  reason=reason))
        session.flush()
        return _job_rows(session, [job])[0]


def override_category(ctx: ServiceContext, call_id: int, category: Category, *, reason: str,
                      expected_version: int) -> str:
    """The supervisor overrides the proposed category (e.g. misuse voids the warranty)."""
    require(ctx.actor, Perm.CATEGORY_OVERRIDE)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    category = Category(category)
    if category is Category.D:
        raise ValidationError(N_("Category D is for internal work, not for customer calls."),
                              field="category")
    with ctx.write(reason=reason, action="category_override") as session:
        call = get_call_row(session, call_id)
        check_version(session, call, expected_version)
        if call.status in (CallStatus.CLOSED.value, CallStatus.CANCELLED.value):
            raise ValidationError(N_("A closed or cancelled call cannot be edited."),
                                  field="status")
        call.category, call.category_reason = category.value, reason
        for job in session.scalars(select(Job).where(Job.call_id == call.id,
                                                     Job.status.in_(OPEN_JOB_STATUSES))):
            job.category = category.value
        session.flush()
        return call.category


def jobs_to_close(ctx: ServiceContext, *, limit: int = 500) -> list[JobRow]:
    """Vouchers completed on site, waiting for the clerk to close (注销) the call and file."""
    require(ctx.actor, Perm.CALL_CLOSE)
    with ctx.read() as session:
        jobs = list(session.scalars(select(Job).where(Job.status == JobStatus.COMPLETED.value)
                                    .order_by(Job.completed_at, Job.id).limit(limit)))
        return _job_rows(session, jobs)
