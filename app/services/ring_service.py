"""When the phone rings (来电): who is calling, what they are waiting for, how often they
called; and the chase (催修) that a repeat call about an open job records instead of a
duplicate call. Plain data out; the panel (app/ui/widgets/ring_panel.py) shows it.

One read per ring, on indexed columns only (customer_phones.digits, calls by customer and
received time, call_chases by call): fast on a store with a million calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import N_
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, ReceiptStatus
from app.models.customers import Customer, CustomerPhone, Item
from app.models.enums import CallStatus
from app.models.messaging import CallChase
from app.models.store import ProductModel, Zone
from app.services import calendar_service as cal_svc
from app.services.calls_service import get_call_row
from app.services.chases import chase_counts
from app.services.context import ServiceContext
from app.services.dto import item_label
from app.services.permissions import Perm, require
from app.services.validation import clean_text, phone_digits
from app.services.warranty import warranty_status
from app.telephony.areas import NumberPlace, place_of

CLOSED = (CallStatus.CLOSED.value, CallStatus.CANCELLED.value)
WITH_DISPATCH_DEADLINE = (CallStatus.REGISTERED.value, CallStatus.DISPATCHED.value)
RECENT = timedelta(days=7)
MAX_CUSTOMERS = 5  # one phone shared by a family, a company's switchboard
READY_BY = time(18, 0)  # a promised date is kept until the end of that working day


@dataclass(frozen=True)
class RingItem:
    id: int
    label: str
    warranty: str  # in / out / unknown
    last_day: date | None


@dataclass(frozen=True)
class RingCall:
    """An open call of the caller, with the time left against its deadline."""

    call_id: int
    number: str
    received_at: datetime
    status: str
    item_id: int | None
    item_label: str
    fault: str
    deadline_at: datetime | None
    state: str  # ok / due_soon / overdue; "" when no deadline runs
    minutes_left: int | None  # business minutes; negative when overdue
    chases: int


@dataclass(frozen=True)
class RingCustomer:
    id: int
    name: str
    address: str
    zone_name: str
    items: tuple[RingItem, ...]


@dataclass(frozen=True)
class RingCard:
    """Everything the panel shows for one ring."""

    digits: str
    line: str
    place: NumberPlace
    customers: tuple[RingCustomer, ...]
    open_calls: tuple[RingCall, ...]
    calls_last_7_days: int
    at: datetime = field(default_factory=datetime.now)

    @property
    def known(self) -> bool:
        return bool(self.customers)


def _candidates(digits: str) -> list[str]:
    """The number as rung and as the store may have typed it (without the area code)."""
    out = [digits]
    if digits.startswith("0") and len(digits) >= 10:
        out += [digits[3:], digits[4:]]
    return [d for d in out if len(d) >= 5]


def ring_card(ctx: ServiceContext, number: str, *, line: str = "") -> RingCard:
    digits = phone_digits(number)
    now = ctx.now()
    with ctx.read() as session:
        ids = list(session.scalars(
            select(CustomerPhone.customer_id).where(CustomerPhone.digits.in_(_candidates(digits)))
            .distinct().limit(MAX_CUSTOMERS))) if digits else []
        customers = tuple(_customer(session, cid, ctx.today()) for cid in sorted(ids))
        calls = _open_calls(ctx, session, ids, now)
        recent = session.scalar(select(func.count()).select_from(Call).where(
            Call.customer_id.in_(ids), Call.received_at >= now - RECENT)) if ids else 0
    return RingCard(digits, line, place_of(digits), customers, calls, int(recent or 0))


def _customer(session: Session, customer_id: int, today: date) -> RingCustomer:
    customer = session.get(Customer, customer_id)
    assert customer is not None
    zone = session.get(Zone, customer.zone_id) if customer.zone_id else None
    items = []
    for item, model in session.execute(
            select(Item, ProductModel).join(ProductModel, ProductModel.id == Item.product_model_id)
            .where(Item.customer_id == customer_id).order_by(Item.id)):
        status = warranty_status(item.purchase_date, model.warranty_months, today,
                                 restarted=item.warranty_restart)
        items.append(RingItem(item.id, item_label(model.code, model.name, item.serial),
                              status.state.value, status.last_day))
    return RingCustomer(customer.id, customer.name, customer.address,
                        zone.name if zone else "", tuple(items))


def _open_calls(ctx: ServiceContext, session: Session, customer_ids: list[int],
                now: datetime) -> tuple[RingCall, ...]:
    if not customer_ids:
        return ()
    rows = session.execute(
        select(Call.id, Call.number, Call.received_at, Call.status, Call.item_id, Call.fault,
               Call.zone_id, Call.branch_id)
        .where(Call.customer_id.in_(customer_ids), Call.status.notin_(CLOSED))
        .order_by(Call.received_at.desc()).limit(50)).all()
    if not rows:
        return ()
    call_ids = [r.id for r in rows]
    chases = chase_counts(session, call_ids)
    labels = {i: item_label(code, name, serial) for i, code, name, serial in session.execute(
        select(Item.id, ProductModel.code, ProductModel.name, Item.serial)
        .join(ProductModel, ProductModel.id == Item.product_model_id)
        .where(Item.id.in_({r.item_id for r in rows if r.item_id is not None})))}
    promised = dict(session.execute(
        select(ItemReceipt.call_id, ItemReceipt.promised_date)
        .where(ItemReceipt.call_id.in_(call_ids),
               ItemReceipt.status == ReceiptStatus.HELD.value)).all())
    cals = cal_svc.Calendars(session, ctx.tz)
    hours = cal_svc.zone_hours(session)
    out = []
    for r in rows:
        deadline: datetime | None = None
        cal = cals.of(r.branch_id)
        if r.status in WITH_DISPATCH_DEADLINE:
            deadline = cal_svc.dispatch_deadline(cal, r.received_at, hours.get(r.zone_id or 0))
        elif r.id in promised:
            deadline = datetime.combine(promised[r.id], READY_BY, tzinfo=ctx.tz)
        state, left = cal_svc.deadline_state(cal, now, deadline) if deadline else ("", None)
        out.append(RingCall(r.id, r.number, r.received_at, r.status, r.item_id,
                            labels.get(r.item_id or 0, ""), r.fault, deadline, state, left,
                            chases.get(r.id, 0)))
    return tuple(out)


# ---- chases (催修) ----------------------------------------------------------------------

@dataclass(frozen=True)
class OpenCallMatch:
    call_id: int
    number: str
    received_at: datetime
    status: str
    fault: str
    chases: int


def open_call_for_item(ctx: ServiceContext, customer_id: int | None,
                       item_id: int | None) -> OpenCallMatch | None:
    """The customer's newest open call about this item, if any: a new call about it would be
    a duplicate; the clerk is offered to record a chase on it instead."""
    if customer_id is None or item_id is None:
        return None
    with ctx.read() as session:
        row = session.execute(
            select(Call.id, Call.number, Call.received_at, Call.status, Call.fault)
            .where(Call.customer_id == customer_id, Call.item_id == item_id,
                   Call.status.notin_(CLOSED))
            .order_by(Call.received_at.desc()).limit(1)).first()
        if row is None:
            return None
        return OpenCallMatch(row.id, row.number, row.received_at, row.status, row.fault,
                             chase_counts(session, [row.id]).get(row.id, 0))


def record_chase(ctx: ServiceContext, call_id: int, *, phone: str = "",
                 note: str = "") -> int:
    """Record that the customer called again about an open call; returns its chase count."""
    require(ctx.actor, Perm.CALL_REGISTER)
    note = clean_text(note, field="note", max_len=200)
    with ctx.write(action="call.chase") as session:
        call = get_call_row(session, call_id)
        if call.status in CLOSED:
            raise ValidationError(N_("This call is closed: register a new call instead."),
                                  field="call")
        session.add(CallChase(call_id=call.id, chased_at=ctx.now(), by_id=ctx.actor.user_id,
                              phone=phone_digits(phone)[:30], note=note))
        session.flush()
        return chase_counts(session, [call.id])[call.id]
