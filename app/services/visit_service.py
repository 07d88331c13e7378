"""Recording the visit (上门服务) and internal D work; the clerk closes (注销) completed calls.

A visit completed on site leaves the call ``completed`` until the clerk closes it and files
the voucher. A visit that cannot fix the item marks the call and the voucher ``taken_in``:
the carry-in flow picks those up (Call.status == "taken_in", Job.status == "taken_in").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import PermissionDenied, ValidationError
from app.i18n import N_
from app.models.billing import Payment
from app.models.enums import CallStatus
from app.models.jobs import InternalWork, InternalWorkKind, Job, JobStatus, Visit, VisitOutcome
from app.services import billing_service, parts_service, payments_service
from app.services.call_flow import move_call
from app.services.calls_service import get_call_row
from app.services.context import ServiceContext
from app.services.dispatch_service import OPEN_JOB_STATUSES, JobRow, get_job, get_job_row
from app.services.money import to_cents
from app.services.parts_service import PartQty
from app.services.payments_service import check_method
from app.services.permissions import Perm, allowed, require
from app.services.validation import check_version, clean_text, not_in_future

MAX_LABOUR_MINUTES = 24 * 60


@dataclass(frozen=True)
class MoneyTaken:
    """What the technician took from the customer on the spot (§十)."""

    amount: Decimal
    method: str = "cash"  # cash | wechat | alipay | card


@dataclass(frozen=True)
class VisitInput:
    """One visit. Parts come out of stock (``part_uses``) and go on the call's bill; money
    taken on site is a payment against that bill, held by the voucher's technician. There
    is no fee to type: what the customer owes is the bill's, what was paid the payments'."""

    arrived_at: datetime
    completed_at: datetime
    outcome: VisitOutcome
    work_done: str = ""
    labour_minutes: int | None = None  # None: completion minus arrival
    parts: str = ""  # a note on parts (e.g. the customer's own); stock parts are part_uses
    customer_signed: bool = False
    part_uses: tuple[PartQty, ...] = ()
    stock_override: bool = False
    override_reason: str = ""
    taken: MoneyTaken | None = None


@dataclass(frozen=True)
class VisitDTO:
    id: int
    job_id: int
    arrived_at: datetime
    completed_at: datetime
    work_done: str
    parts: str
    labour_minutes: int
    customer_signed: bool
    outcome: str
    parts_cents: int = 0  # parts taken from stock on this visit, at their price
    payment_id: int | None = None  # the payment receipt of money taken on this visit


@dataclass(frozen=True)
class InternalWorkInput:
    day: date
    kind: InternalWorkKind
    minutes: int
    note: str = ""
    technician_id: int | None = None  # None: the logged-in technician


@dataclass(frozen=True)
class InternalWorkDTO:
    id: int
    technician_id: int
    day: date
    kind: str
    minutes: int
    note: str
    version: int


def _own_job(ctx: ServiceContext, job: Job) -> None:
    """A technician records only their own vouchers; the supervisor records any."""
    if job.technician_id != ctx.actor.user_id and not allowed(ctx.actor, Perm.DISPATCH):
        raise PermissionDenied(Perm.VISIT_RECORD.value)


def _check_times(ctx: ServiceContext, job: Job, data: VisitInput) -> None:
    if data.arrived_at < job.dispatched_at - timedelta(minutes=1):
        raise ValidationError(N_("Arrival cannot be before the dispatch."), field="arrived_at")
    if data.completed_at > ctx.now() + timedelta(minutes=5):
        raise ValidationError(N_("This date is in the future."), field="completed_at")


def _labour(data: VisitInput) -> int:
    if data.completed_at < data.arrived_at:
        raise ValidationError(N_("Completion cannot be before arrival."), field="completed_at")
    minutes = data.labour_minutes
    if minutes is None:
        minutes = int((data.completed_at - data.arrived_at) / timedelta(minutes=1))
    if isinstance(minutes, bool) or not isinstance(minutes, int) \
            or not 0 <= minutes <= MAX_LABOUR_MINUTES:
        raise ValidationError(N_("Labour time must be between 0 and 24 hours."),
                              field="labour_minutes")
    return minutes


def _apply_outcome(session: Session, job: Job, outcome: VisitOutcome, at: datetime) -> None:
    call = get_call_row(session, job.call_id)
    if call.status == CallStatus.DISPATCHED.value:
        move_call(call, CallStatus.ON_SITE)
    if outcome is VisitOutcome.COMPLETED:
        job.status, job.completed_at = JobStatus.COMPLETED.value, at
        move_call(call, CallStatus.COMPLETED)
    elif outcome is VisitOutcome.TAKEN_IN:
        job.status = JobStatus.TAKEN_IN.value
        move_call(call, CallStatus.TAKEN_IN)
    else:
        job.status = JobStatus.ON_SITE.value


def _checked_money(data: VisitInput) -> int:
    if data.taken is None:
        return 0
    check_method(data.taken.method, "on_site")
    return to_cents(data.taken.amount, field="amount")


def record_visit(ctx: ServiceContext, job_id: int, data: VisitInput, *,
                 expected_version: int) -> VisitDTO:
    """Record one visit in one transaction: times, work, labour, parts from stock (on the
    bill and in the month's materials), money taken (a payment the technician holds),
    signature, outcome."""
    require(ctx.actor, Perm.VISIT_RECORD)
    outcome = VisitOutcome(data.outcome)
    work = clean_text(data.work_done, field="work_done", max_len=1000,
                      required=outcome is VisitOutcome.COMPLETED, multiline=True)
    parts = clean_text(data.parts, field="parts", max_len=500)
    reason = clean_text(data.override_reason, field="reason", max_len=200)
    cents = _checked_money(data)
    labour = _labour(data)
    if outcome is not VisitOutcome.UNFINISHED and not data.customer_signed:
        raise ValidationError(N_("The customer must sign the voucher."),
                              field="customer_signed")
    with ctx.write(action="visit", reason=reason or None) as session:
        job = get_job(session, job_id)
        _own_job(ctx, job)
        check_version(session, job, expected_version)
        if job.status not in OPEN_JOB_STATUSES:
            raise ValidationError(N_("This voucher is no longer open."), field="status")
        _check_times(ctx, job, data)
        visit = Visit(job_id=job.id, technician_id=job.technician_id,
                      arrived_at=data.arrived_at, completed_at=data.completed_at,
                      work_done=work, parts_text=parts, labour_minutes=labour,
                      fee_cents=0, customer_signed=data.customer_signed,
                      outcome=outcome.value, recorded_by_id=ctx.actor.user_id)
        session.add(visit)
        parts_cents = parts_service.use_on_voucher(
            session, ctx, job.id, list(data.part_uses), override=data.stock_override,
            reason=reason or job.number, van_id=job.technician_id)
        if job.arrived_at is None:
            job.arrived_at = data.arrived_at
        _apply_outcome(session, job, outcome, data.completed_at)
        session.flush()
        billing_service.follow_facts(session, job.call_id)
        payment = _take_money(session, ctx, job, data, cents)
        return _visit_dto(visit, parts_cents, payment.id if payment else None)


def _take_money(session: Session, ctx: ServiceContext, job: Job, data: VisitInput,
                cents: int) -> Payment | None:
    """Money taken on the visit: against the call's bill (made from the facts now if there
    is none yet), taken by the voucher's technician (cash: held until the accountant
    confirms it)."""
    if data.taken is None:
        return None
    call = get_call_row(session, job.call_id)
    bill = billing_service.bill_of_facts(session, ctx, call)
    return payments_service.take_payment(session, ctx, bill, cents=cents,
                                         method=data.taken.method, place="on_site",
                                         taken_by_id=job.technician_id)


def record_arrival(ctx: ServiceContext, job_id: int, *, arrived_at: datetime,
                   expected_version: int) -> JobRow:
    """The technician reports arrival on site (the dispatch deadline is met or missed here)."""
    require(ctx.actor, Perm.VISIT_RECORD)
    with ctx.write(action="arrive") as session:
        job = get_job(session, job_id)
        _own_job(ctx, job)
        check_version(session, job, expected_version)
        if job.status != JobStatus.DISPATCHED.value:
            raise ValidationError(N_("This voucher is no longer open."), field="status")
        if arrived_at > ctx.now() + timedelta(minutes=5):
            raise ValidationError(N_("This date is in the future."), field="arrived_at")
        job.arrived_at, job.status = arrived_at, JobStatus.ON_SITE.value
        move_call(get_call_row(session, job.call_id), CallStatus.ON_SITE)
    return get_job_row(ctx, job_id)


def close_call(ctx: ServiceContext, call_id: int, *, expected_version: int) -> None:
    """The clerk closes (注销) a call completed on site and files its voucher."""
    require(ctx.actor, Perm.CALL_CLOSE)
    with ctx.write(action="close") as session:
        call = get_call_row(session, call_id)
        check_version(session, call, expected_version)
        if call.status != CallStatus.COMPLETED.value:
            raise ValidationError(N_("Only a call completed on site can be closed here."),
                                  field="status")
        now = ctx.now()
        move_call(call, CallStatus.CLOSED, at=now)
        for job in session.scalars(select(Job).where(
                Job.call_id == call.id, Job.status == JobStatus.COMPLETED.value)):
            job.status, job.filed_at = JobStatus.FILED.value, now


def visits_of_job(ctx: ServiceContext, job_id: int) -> list[VisitDTO]:
    with ctx.read() as session:
        return [_visit_dto(v) for v in session.scalars(
            select(Visit).where(Visit.job_id == job_id).order_by(Visit.arrived_at))]


def _visit_dto(v: Visit, parts_cents: int = 0, payment_id: int | None = None) -> VisitDTO:
    return VisitDTO(v.id, v.job_id, v.arrived_at, v.completed_at, v.work_done, v.parts_text,
                    v.labour_minutes, v.customer_signed, v.outcome, parts_cents, payment_id)


# ---- internal work (category D) -------------------------------------------------------

def log_internal_work(ctx: ServiceContext, data: InternalWorkInput) -> InternalWorkDTO:
    """Log internal D work (inspection, parts, tools, training) with its time."""
    require(ctx.actor, Perm.INTERNAL_WORK)
    tech_id = data.technician_id or ctx.actor.user_id
    if tech_id is None:
        raise ValidationError(N_("Choose an active technician."), field="technician")
    if tech_id != ctx.actor.user_id:
        require(ctx.actor, Perm.DISPATCH)
    if not 0 < data.minutes <= MAX_LABOUR_MINUTES:
        raise ValidationError(N_("Labour time must be between 0 and 24 hours."),
                              field="minutes")
    not_in_future(data.day, ctx.today(), field="day")
    note = clean_text(data.note, field="note", max_len=200)
    with ctx.write(action="internal_work") as session:
        row = InternalWork(technician_id=tech_id, day=data.day,
                           kind=InternalWorkKind(data.kind).value, minutes=data.minutes,
                           note=note, recorded_by_id=ctx.actor.user_id)
        session.add(row)
        session.flush()
        return _work_dto(row)


def void_internal_work(ctx: ServiceContext, work_id: int, *, reason: str,
                       expected_version: int) -> None:
    """Void a wrong entry with a reason (nothing is deleted)."""
    require(ctx.actor, Perm.INTERNAL_WORK)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    with ctx.write(reason=reason, action="void") as session:
        row = session.get(InternalWork, work_id)
        if row is None or row.voided:
            raise ValidationError(N_("No such entry."), field="work")
        if row.technician_id != ctx.actor.user_id:
            require(ctx.actor, Perm.DISPATCH)
        check_version(session, row, expected_version)
        row.voided, row.void_reason = True, reason


def internal_work_of(ctx: ServiceContext, technician_id: int, day: date) -> list[InternalWorkDTO]:
    with ctx.read() as session:
        return [_work_dto(w) for w in session.scalars(
            select(InternalWork).where(InternalWork.technician_id == technician_id,
                                       InternalWork.day == day,
                                       InternalWork.voided.is_(False))
            .order_by(InternalWork.id))]


def _work_dto(w: InternalWork) -> InternalWorkDTO:
    return InternalWorkDTO(w.id, w.technician_id, w.day, w.kind, w.minutes, w.note, w.version)
