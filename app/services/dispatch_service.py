"""Dispatch (派工): the supervisor's board, service vouchers (服务凭证), reassignment, category.

The queue holds calls still ``registered``, read through the (status, received_at) index;
calls the customer chased (催修) come first, then yesterday's leftovers (seed 002 §十八), then
by business-hours deadline.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import Row, Select, and_, func, select
from sqlalchemy.orm import Session

from app.db.branch_scope import branch_clause
from app.db.numbering import next_number
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.calls import Call
from app.models.customers import Customer, CustomerPhone, Item
from app.models.enums import CallStatus, Category, Role
from app.models.jobs import Job, JobAssignment, JobStatus
from app.models.messaging import CallChase
from app.models.staff import User
from app.models.store import ProductModel, Zone
from app.services import calendar_service as cal_svc
from app.services import messaging_service
from app.services.call_flow import move_call
from app.services.calls_service import get_call_row
from app.services.context import ServiceContext
from app.services.dto import item_label
from app.services.permissions import Perm, require
from app.services.validation import check_version, clean_text
from app.services.voice_common import item_labels

PAGE = 100  # the board reads its lists a page at a time (the rest as the list scrolls)
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
    jobs_read: bool = True  # False: ``jobs`` was not asked for (technician_jobs reads them)
    # every voucher of the list in its order, when it was read a page at a time (``jobs``
    # the first rows; job_rows reads the others): empty when ``jobs`` is the whole list
    job_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class JobsPage:
    """A technician's voucher list: every id in order, the first rows read."""

    ids: tuple[int, ...]
    rows: tuple[JobRow, ...]


@dataclass(frozen=True)
class Board:
    now: datetime
    queue: list[QueueRow]  # the first rows of the queue (all of it: ``paged`` False)
    technicians: list[TechnicianLoad]
    queue_ids: tuple[int, ...] = ()  # every waiting call in board order (queue_rows reads them)
    overdue: int = 0  # waiting calls past their deadline (all of them, not only those read)

    @property
    def waiting(self) -> int:
        return len(self.queue_ids)


# ---- reading the board -------------------------------------------------------------------

def _day_start(ctx: ServiceContext) -> datetime:
    return datetime.combine(ctx.today(), time.min, tzinfo=ctx.tz)


def _customers(session: Session, ids: set[int], *,
               phones_too: bool = True) -> dict[int, tuple[str, str, str]]:
    """customer id → (name, address, first phone; "" without ``phones_too``)."""
    if not ids:
        return {}
    phones: dict[int, str] = {}
    for cid, phone in session.execute(
            select(CustomerPhone.customer_id, CustomerPhone.phone)
            .where(CustomerPhone.customer_id.in_(ids)).order_by(CustomerPhone.id)) \
            if phones_too else ():
        phones.setdefault(cid, phone)
    return {r.id: (r.name, r.address, phones.get(r.id, ""))
            for r in session.execute(select(Customer.id, Customer.name, Customer.address)
                                     .where(Customer.id.in_(ids)))}


def _queue_select(ids: Collection[int] | None = None) -> Select[*tuple[Any, ...]]:
    """The queue's calls with what a row shows, joined by primary key (first phone and chase
    count by their indexes): only those columns (not search_text), plain rows."""
    first_phone = (select(CustomerPhone.phone)
                   .where(CustomerPhone.customer_id == Call.customer_id)
                   .order_by(CustomerPhone.id).limit(1).correlate(Call).scalar_subquery())
    chases = (select(func.count()).select_from(CallChase).where(CallChase.call_id == Call.id)
              .correlate(Call).scalar_subquery())
    return (select(Call.id, Call.number, Call.received_at, Call.zone_id, Call.fault,
                   Call.category, Call.proposed_category, Call.urgency, Call.version,
                   Customer.name, Customer.address, first_phone, Item.id, ProductModel.code,
                   ProductModel.name, Item.serial, chases, Call.branch_id)
            .outerjoin(Customer, Customer.id == Call.customer_id)
            .outerjoin(Item, Item.id == Call.item_id)
            .outerjoin(ProductModel, ProductModel.id == Item.product_model_id)
            .where(Call.status == CallStatus.REGISTERED.value,
                   *([] if ids is None else [Call.id.in_(ids)])))


def _queue_keys(ctx: ServiceContext, session: Session, cal: cal_svc.Calendars,
                now: datetime) -> list[tuple[tuple[bool, bool, bool, datetime, int], int, bool,
                                             bool]]:
    """Every waiting call as (board order, id, past its deadline, left over from an earlier
    day), from the calls' keys alone (no customer, product or phone read): the one reading
    the board and the Today page both count from."""
    zones = {z.id: z.dispatch_hours for z in session.scalars(select(Zone))}
    chased: dict[int, int] = {cid: n for cid, n in session.execute(
        select(CallChase.call_id, func.count()).join(Call, Call.id == CallChase.call_id)
        .where(Call.status == CallStatus.REGISTERED.value).group_by(CallChase.call_id))}
    start = _day_start(ctx)
    keys = []
    deadline = cal_svc.dispatch_deadline
    for call_id, received_at, zone_id, urgency, branch in session.connection().execute(
            select(Call.id, Call.received_at, Call.zone_id, Call.urgency, Call.branch_id)
            .where(Call.status == CallStatus.REGISTERED.value,
                   branch_clause(Call, session))):
        due = deadline(cal.of(branch), received_at, zones.get(zone_id or 0))
        leftover = received_at < start
        keys.append((_queue_order(chased.get(call_id, 0), leftover, urgency, due, call_id),
                     call_id, now >= due,  # deadline_state's "overdue", minutes not counted
                     leftover))
    return keys


def _queue_order_ids(ctx: ServiceContext, session: Session, cal: cal_svc.Calendars,
                     now: datetime) -> tuple[list[int], int]:
    """Every waiting call's id in board order, and how many are past their deadline."""
    keys = sorted(_queue_keys(ctx, session, cal, now))
    return [call_id for _, call_id, _, _ in keys], sum(overdue for _, _, overdue, _ in keys)


def queue_rows(ctx: ServiceContext, call_ids: Sequence[int]) -> list[QueueRow]:
    """The queue's rows of these calls, in this order (those no longer waiting left out):
    the board's next page."""
    require(ctx.actor, Perm.DISPATCH)
    with ctx.read() as session:
        cal = cal_svc.Calendars(session, ctx.tz)
        return _queue(ctx, session, cal, ctx.now(), call_ids)


def _queue(ctx: ServiceContext, session: Session, cal: cal_svc.Calendars,
           now: datetime, ids: Sequence[int] | None = None) -> list[QueueRow]:
    """The rows of these waiting calls in this order (of every waiting call: in board
    order)."""
    if ids is not None and not ids:
        return []
    zones = {z.id: (z.name, z.dispatch_hours) for z in session.scalars(select(Zone))}
    start = _day_start(ctx)
    rows = []
    for (call_id, number, received_at, zone_id, fault, category, proposed, urgency, version,
         name, address, phone, item_id, code, model_name, serial,
         chased, branch) in session.execute(_queue_select(ids)):  # by position: cheaper
        zone_name, hours = zones.get(zone_id or 0, ("", None))
        deadline = cal_svc.dispatch_deadline(cal.of(branch), received_at, hours)
        state, left = cal_svc.deadline_state(cal.of(branch), now, deadline)
        label = item_label(code, model_name, serial) if item_id is not None else ""
        rows.append(QueueRow(call_id, number, received_at, name or "", address or "",
                             phone or "", label, fault, zone_name, category, proposed, urgency,
                             deadline, state, left, received_at < start, version, chased or 0))
    if ids is not None:
        place = {call_id: n for n, call_id in enumerate(ids)}
        rows.sort(key=lambda r: place[r.call_id])
        return rows
    rows.sort(key=lambda r: _queue_order(r.chases, r.leftover, r.urgency, r.deadline_at,
                                         r.call_id))
    return rows


def _queue_order(chases: int, leftover: bool, urgency: str, deadline: datetime,
                 call_id: int) -> tuple[bool, bool, bool, datetime, int]:
    """The board's order: chased (催修) first, then leftovers, then urgent, then deadline."""
    return not chases, not leftover, urgency != "urgent", deadline, call_id


@dataclass(frozen=True)
class QueueSummary:
    """What the Today page says of the queue: how many calls are past their deadline and how
    many are left over from earlier days, each with the first one's number in board order."""

    overdue: int
    first_overdue: str
    leftovers: int
    first_leftover: str


def queue_summary(ctx: ServiceContext) -> QueueSummary:
    """The queue's counts without its rows' customers and products (the Today page): every
    waiting call, counted as the board counts them."""
    require(ctx.actor, Perm.DISPATCH)
    now = ctx.now()
    with ctx.read() as session:
        cal = cal_svc.Calendars(session, ctx.tz)
        keys = _queue_keys(ctx, session, cal, now)
        overdue = [(order, call_id) for order, call_id, late, _ in keys if late]
        leftovers = [(order, call_id) for order, call_id, _, left in keys if left]
        firsts = [min(found)[1] for found in (overdue, leftovers) if found]
        numbers = {call_id: number for call_id, number in session.execute(
            select(Call.id, Call.number).where(Call.id.in_(firsts)))} if firsts else {}
    return QueueSummary(len(overdue), numbers[min(overdue)[1]] if overdue else "",
                        len(leftovers), numbers[min(leftovers)[1]] if leftovers else "")


def dispatch_queue(ctx: ServiceContext) -> list[QueueRow]:
    """Calls waiting for a technician (every one): chased ones (催修) first, then leftovers,
    then urgent, then by deadline."""
    require(ctx.actor, Perm.DISPATCH)
    with ctx.read() as session:
        cal = cal_svc.Calendars(session, ctx.tz)
        return _queue(ctx, session, cal, ctx.now())


def _technicians(session: Session) -> list[tuple[int, str]]:
    return [(uid, name) for uid, name in session.execute(
        select(User.id, User.display_name)
        .where(User.role == Role.TECHNICIAN.value, User.active.is_(True)).order_by(User.id))]


# The columns a JobRow shows: plain rows, no ORM identity work (the board reads a day's).
_JOB_COLUMNS = (Job.id, Job.number, Job.call_id, Job.technician_id, Job.category, Job.status,
                Job.dispatched_at, Job.deadline_at, Job.arrived_at, Job.completed_at,
                Job.version)


def _job_rows(session: Session, jobs: Sequence[Job | Row[Any]]) -> list[JobRow]:
    """Vouchers (a Job, or a row of _JOB_COLUMNS) as the board and the lists show them."""
    if not jobs:
        return []
    calls = {c.id: c for c in session.execute(
        select(Call.id, Call.number, Call.fault, Call.customer_id, Call.item_id,
               Call.received_at, Call.status, Call.version)
        .where(Call.id.in_({j.call_id for j in jobs})))}
    customers = _customers(session, {c.customer_id for c in calls.values()}, phones_too=False)
    labels = item_labels(session, {c.item_id for c in calls.values() if c.item_id is not None})
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


# A voucher with its call, customer, product and technician in one joined row (a day's
# list: no id lists to send back, no dictionaries to build).
_JOINED_COLUMNS = (*_JOB_COLUMNS, Call.number.label("call_number"), Call.fault,
                   Call.received_at, Call.status.label("call_status"),
                   Call.version.label("call_version"), Customer.name.label("customer_name"),
                   Customer.address, ProductModel.code, ProductModel.name.label("model_name"),
                   Item.id.label("item_id"), Item.serial,
                   User.display_name.label("technician_name"))


def _jobs_for(session: Session, tech_ids: list[int], since: datetime) -> list[JobRow]:
    """Open vouchers of these technicians plus everything dispatched since ``since``, as
    JobRows in dispatch order; each read on its index ((technician, status) and
    (technician, dispatch time)), the rest joined by primary key."""
    joined = (select(*_JOINED_COLUMNS).join(Call, Call.id == Job.call_id)
              .outerjoin(Customer, Customer.id == Call.customer_id)
              .outerjoin(Item, Item.id == Call.item_id)
              .outerjoin(ProductModel, ProductModel.id == Item.product_model_id)
              .outerjoin(User, User.id == Job.technician_id))
    unique: dict[int, Any] = {
        j[0]: j for where in (Job.status.in_(OPEN_JOB_STATUSES), Job.dispatched_at >= since)
        for j in session.execute(joined.where(Job.technician_id.in_(tech_ids), where))}
    return [_joined_row(j) for j in sorted(unique.values(), key=lambda j: (j[6], j[0]))]


def _job_ids(session: Session, tech_id: int, since: datetime) -> list[int]:
    """A technician's list in order (open vouchers dispatched before ``since``, then all
    dispatched since): ids only, on the (technician, status) and (technician, dispatch time)
    indexes."""
    # each on its index, with no order or range that would make SQLite walk the technician's
    # whole history on the dispatch-time index instead
    today = list(session.scalars(select(Job.id).where(
        Job.technician_id == tech_id, Job.dispatched_at >= since)
        .order_by(Job.dispatched_at, Job.id)))
    seen = set(today)
    still_open = sorted((at, i) for i, at in session.execute(select(Job.id, Job.dispatched_at)
                        .where(Job.technician_id == tech_id,
                               Job.status.in_(OPEN_JOB_STATUSES))) if i not in seen)
    return [i for _, i in still_open] + today


def _jobs_by_id(session: Session, job_ids: Sequence[int]) -> list[JobRow]:
    """The JobRows of these vouchers in this order, joined by primary key."""
    if not job_ids:
        return []
    joined = (select(*_JOINED_COLUMNS).join(Call, Call.id == Job.call_id)
              .outerjoin(Customer, Customer.id == Call.customer_id)
              .outerjoin(Item, Item.id == Call.item_id)
              .outerjoin(ProductModel, ProductModel.id == Item.product_model_id)
              .outerjoin(User, User.id == Job.technician_id))
    found = {j[0]: j for j in session.execute(joined.where(Job.id.in_(job_ids)))}
    return [_joined_row(found[i]) for i in job_ids if i in found]


def job_rows(ctx: ServiceContext, job_ids: Sequence[int]) -> list[JobRow]:
    """These vouchers as the board lists them, in this order (a list's next page)."""
    require(ctx.actor, Perm.DISPATCH)
    with ctx.read() as session:
        return _jobs_by_id(session, job_ids)


def technician_jobs_page(ctx: ServiceContext, technician_id: int, *,
                         page: int = PAGE) -> JobsPage:
    """technician_jobs a page at a time: every id of the list, the first ``page`` rows."""
    require(ctx.actor, Perm.DISPATCH)
    with ctx.read() as session:
        ids = _job_ids(session, technician_id, _day_start(ctx))
        return JobsPage(tuple(ids), tuple(_jobs_by_id(session, ids[:page])))


def _joined_row(j: Any) -> JobRow:
    """A JobRow from a row of _JOINED_COLUMNS."""
    # unpacked by position (a row's attributes by name cost more than the rest of it)
    (job_id, number, call_id, technician_id, category, status, dispatched_at, deadline_at,
     arrived_at, completed_at, version, call_number, fault, received_at, call_status,
     call_version, customer_name, address, code, model_name, item_id, serial,
     technician_name) = j
    resolved = completed_at if status in (JobStatus.COMPLETED, JobStatus.FILED) else None
    promise = cal_svc.promise_for(received_at, replied_at=dispatched_at,
                                  confirmed_at=arrived_at, resolved_at=resolved)
    label = item_label(code, model_name, serial) if item_id is not None else ""
    return JobRow(job_id, number, call_id, call_number, customer_name or "", address or "",
                  label, fault, category, status, technician_id, technician_name or "",
                  dispatched_at, deadline_at, arrived_at, completed_at, call_status, version,
                  call_version, promise)


def technician_loads(ctx: ServiceContext) -> list[TechnicianLoad]:
    require(ctx.actor, Perm.DISPATCH)
    with ctx.read() as session:
        return _loads(ctx, session)


def _loads(ctx: ServiceContext, session: Session, jobs_of: Collection[int] | None = None,
           page: int | None = None) -> list[TechnicianLoad]:
    """Every active technician's load; the vouchers of those in ``jobs_of`` (all: None),
    with ``page`` the first that many of each list and every id."""
    techs = _technicians(session)
    start = _day_start(ctx)
    wanted = [t for t, _ in techs if jobs_of is None or t in jobs_of]
    rows = _jobs_for(session, wanted, start) if wanted and page is None else []
    counted = _counts(session, [t for t, _ in techs], start)
    result = []
    for tech_id, name in techs:
        open_jobs, today_jobs = counted.get(tech_id, (0, 0))
        if page is not None and tech_id in wanted:
            ids = _job_ids(session, tech_id, start)
            result.append(TechnicianLoad(tech_id, name, open_jobs, today_jobs,
                                         tuple(_jobs_by_id(session, ids[:page])),
                                         job_ids=tuple(ids)))
            continue
        mine = tuple(r for r in rows if r.technician_id == tech_id)
        result.append(TechnicianLoad(tech_id, name, open_jobs, today_jobs, mine,
                                     jobs_read=tech_id in wanted))
    return result


def _counts(session: Session, tech_ids: list[int], since: datetime) -> dict[int, tuple[int, int]]:
    """technician id → (open vouchers, vouchers dispatched since ``since``): two counts on
    the (technician, status) and dispatch-time indexes, no rows."""
    open_jobs: dict[int, int] = {tech: n for tech, n in session.execute(
        select(Job.technician_id, func.count()).where(
            Job.technician_id.in_(tech_ids), Job.status.in_(OPEN_JOB_STATUSES))
        .group_by(Job.technician_id))}
    # each technician's range of the (technician, dispatch time) index; without the
    # technician in the filter, SQLite would group by walking the technician index through
    # the whole history
    today: dict[int, int] = {tech: n for tech, n in session.execute(
        select(Job.technician_id, func.count()).where(
            Job.technician_id.in_(tech_ids), Job.dispatched_at >= since)
        .group_by(Job.technician_id))}
    return {t: (open_jobs.get(t, 0), today.get(t, 0)) for t in tech_ids}


def technician_jobs(ctx: ServiceContext, technician_id: int) -> list[JobRow]:
    """One technician's vouchers as the board lists them: the open ones and today's."""
    require(ctx.actor, Perm.DISPATCH)
    with ctx.read() as session:
        return _jobs_for(session, [technician_id], _day_start(ctx))


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
        cals = cal_svc.Calendars(session, ctx.tz)
        zones: dict[int, int] | None = None  # read once, and only if a call waits for it
        # one statement: each call still waiting for a technician, with its open voucher's
        # arrive-by time when it is on the way
        open_job = and_(Job.call_id == Call.id, Job.arrived_at.is_(None),
                        Job.status.in_(OPEN_JOB_STATUSES))
        rows = session.connection().execute(
            select(Call.id, Call.status, Call.received_at, Call.zone_id, Job.deadline_at,
                   Call.branch_id)
            .outerjoin(Job, open_job)
            .where(Call.id.in_(call_ids), branch_clause(Call, session), Call.status.in_(
                (CallStatus.REGISTERED.value, CallStatus.DISPATCHED.value)))).all()
        deadlines: dict[int, tuple[datetime, cal_svc.BusinessCalendar]] = {}
        for call_id, status, received_at, zone_id, arrive_by, branch in rows:
            cal = cals.of(branch)  # read in the session, once per branch
            if status == CallStatus.REGISTERED.value:
                if zones is None:
                    zones = cal_svc.zone_hours(session)
                deadlines[call_id] = (cal_svc.dispatch_deadline(cal, received_at,
                                                                zones.get(zone_id or 0)), cal)
            elif arrive_by is not None:
                deadlines[call_id] = (arrive_by, cal)
    result = {}
    for call_id, (deadline, cal) in deadlines.items():
        state, left = cal_svc.deadline_state(cal, now, deadline)
        result[call_id] = CallDeadline(deadline, state, left)
    return result


def board(ctx: ServiceContext, *, jobs_of: Collection[int] | None = None,
          page: int | None = None) -> Board:
    """Everything the dispatch board shows, read in one session; with ``jobs_of``, the
    vouchers of those technicians only (the one whose list is shown: a busy day has
    thousands), the others' counts without their rows. With ``page``, each list's first
    ``page`` rows and the ids of all (queue_rows and job_rows read the others as the list
    scrolls): opening the board reads a page, not the whole open backlog."""
    require(ctx.actor, Perm.DISPATCH)
    now = ctx.now()
    with ctx.read() as session:
        cal = cal_svc.Calendars(session, ctx.tz)
        ids, overdue = _queue_order_ids(ctx, session, cal, now)
        first = ids if page is None else ids[:page]
        queue = _queue(ctx, session, cal, now, first)
        if len(queue) < len(first):  # dispatched meanwhile: the ids stay those of the rows
            shown = {row.call_id for row in queue}
            ids = [i for i in first if i in shown] + ids[len(first):]
        return Board(now, queue, _loads(ctx, session, jobs_of, page), tuple(ids), overdue)


def my_jobs(ctx: ServiceContext, *, days: int = 7) -> list[JobRow]:
    """The logged-in technician's open vouchers and those of the last ``days`` days."""
    require(ctx.actor, Perm.VISIT_RECORD)
    assert ctx.actor.user_id is not None
    since = _day_start(ctx) - timedelta(days=days)
    with ctx.read() as session:
        return _jobs_for(session, [ctx.actor.user_id], since)


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
        cal = cal_svc.load_calendar(session, ctx.tz, call.branch_id)
        hours = cal_svc.zone_hours(session).get(call.zone_id or 0)
        number = next_number(session, "voucher", ctx.today(), branch_id=call.branch_id)
        job = Job(number=number, call_id=call.id,
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


def numbers_to_close(ctx: ServiceContext, *, limit: int = 500) -> list[str]:
    """The numbers of jobs_to_close, in its order, without the rows (the Today page)."""
    require(ctx.actor, Perm.CALL_CLOSE)
    with ctx.read() as session:
        return list(session.scalars(select(Job.number)
                                    .where(Job.status == JobStatus.COMPLETED.value)
                                    .order_by(Job.completed_at, Job.id).limit(limit)))


def jobs_to_close(ctx: ServiceContext, *, limit: int = 500) -> list[JobRow]:
    """Vouchers completed on site, waiting for the clerk to close (注销) the call and file."""
    require(ctx.actor, Perm.CALL_CLOSE)
    with ctx.read() as session:
        jobs: list[Row[Any]] = list(session.execute(
            select(*_JOB_COLUMNS).where(Job.status == JobStatus.COMPLETED.value)
            .order_by(Job.completed_at, Job.id).limit(limit)))
        return _job_rows(session, jobs)
