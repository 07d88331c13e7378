"""The call-log book (叫修登记簿): register, edit, cancel (注销) and list calls."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Integer, Select, bindparam, func, select, text, tuple_
from sqlalchemy.orm import Session

from app.db.numbering import next_number
from app.i18n import N_
from app.models.calls import FAULT_MAX, Call
from app.models.carry_in import ItemReceipt, ReceiptStatus
from app.models.customers import Customer, CustomerPhone, Item
from app.models.enums import CallStatus, Category, Channel, ServiceKind, Urgency
from app.models.jobs import Job, JobStatus
from app.models.messaging import CallChase
from app.models.store import ProductModel, Zone
from app.services import customers_service as customers
from app.services import idempotency, messaging_service
from app.services.context import ServiceContext
from app.services.contract_service import covering_contract
from app.services.dto import CallDTO, CallRow
from app.services.dto import item_label as label_of
from app.services.errors import NotFound, ValidationError
from app.services.find_service import call_number
from app.services.permissions import Perm, allowed, require
from app.services.validation import (
    check_version,
    clean_text,
    mask_phone,
    plausible_moment,
    searchable,
)
from app.services.warranty import WarrantyStatus, warranty_status

COMMON_TERM_HITS = 1000  # search terms with more hits use the newest-first plan

OPEN_STATUSES = (CallStatus.REGISTERED, CallStatus.DISPATCHED, CallStatus.ON_SITE,
                 CallStatus.TAKEN_IN)


@dataclass(frozen=True)
class CallInput:
    """A new call: an existing customer/item by id, or new ones created in the same action."""

    fault: str
    channel: Channel = Channel.PHONE
    customer_id: int | None = None
    new_customer: customers.CustomerInput | None = None
    item_id: int | None = None
    new_item: customers.ItemInput | None = None
    service_kind: ServiceKind = ServiceKind.REPAIR
    urgency: Urgency = Urgency.NORMAL
    received_at: datetime | None = None
    token: str | None = None  # the form's one-time token: a retried save finds its call


@dataclass(frozen=True)
class CallEdit:
    fault: str
    channel: Channel
    item_id: int | None
    service_kind: ServiceKind
    urgency: Urgency
    received_at: datetime


@dataclass(frozen=True)
class CallFilter:
    statuses: tuple[CallStatus, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    zone_id: int | None = None
    channel: Channel | None = None
    search: str = ""
    customer_id: int | None = None


@dataclass(frozen=True)
class CallPage:
    rows: list[CallRow]
    next_cursor: tuple[datetime, int] | None = None
    extra: dict[str, int] = field(default_factory=dict)


def category_for_warranty(status: WarrantyStatus | None) -> Category:
    """The proposal from warranty alone (C inside, else A): the register dialog previews it."""
    return Category.C if status is not None and status.in_warranty else Category.A


def propose_category(session: Session, item: Item | None, today: date) -> tuple[Category, str]:
    """C inside the warranty, B under a maintenance contract, else A. Returns (category, why)."""
    if item is None:
        return Category.A, "no item"
    model = session.get(ProductModel, item.product_model_id)
    assert model is not None
    status = warranty_status(item.purchase_date, model.warranty_months, today,
                             restarted=item.warranty_restart)
    if status.in_warranty:
        return warranty_category(status)
    contract = covering_contract(session, item.id, today)
    if contract is not None:
        return Category.B, f"contract {contract.number} to {contract.end_date}"
    return warranty_category(status)


def warranty_category(status: WarrantyStatus) -> tuple[Category, str]:
    """The proposal from the warranty alone: C inside it, else A (pure; bulk loaders use it)."""
    if status.in_warranty:
        return Category.C, f"warranty to {status.last_day}"
    return Category.A, f"warranty {status.state.value}"


def search_text_of(*parts: str) -> str:
    """The search column from its parts (name, phone digits, model, serial, fault); pure."""
    return " | ".join(p for p in parts if p).lower()


def preview_category(ctx: ServiceContext, item_id: int | None) -> Category:
    """The category register_call would propose today for this item (warranty, contract)."""
    with ctx.read() as session:
        item = session.get(Item, item_id) if item_id is not None else None
        return propose_category(session, item, ctx.today())[0]


def search_text_for(session: Session, customer_id: int, item_id: int | None, fault: str) -> str:
    customer = session.get(Customer, customer_id)
    assert customer is not None
    parts = [customer.name, *(p.digits for p in customer.phones)]
    if item_id is not None:
        item = session.get(Item, item_id)
        model = session.get(ProductModel, item.product_model_id) if item else None
        if item is not None and model is not None:
            parts += [model.code, model.name, item.serial]
    parts.append(fault)
    return search_text_of(*parts)


def _check_fault(fault: str) -> str:
    return clean_text(fault, field="fault", max_len=FAULT_MAX, required=True)


def _resolve_customer(session: Session, ctx: ServiceContext, data: CallInput) -> Customer:
    if data.new_customer is not None:
        return customers.insert_customer(session, data.new_customer)
    if data.customer_id is None:
        raise ValidationError(N_("Choose a customer or enter a new one."), field="customer")
    customer = session.get(Customer, data.customer_id)
    if customer is None:
        raise NotFound(N_("No such customer."), field="customer")
    return customer


def _resolve_item(session: Session, ctx: ServiceContext, customer: Customer,
                  data: CallInput) -> Item | None:
    if data.new_item is not None:
        return customers.insert_item(session, customer.id, data.new_item, ctx.today())
    if data.item_id is None:
        return None
    item = session.get(Item, data.item_id)
    if item is None or item.customer_id != customer.id:
        raise ValidationError(N_("The item does not belong to this customer."), field="item")
    return item


def register_call(ctx: ServiceContext, data: CallInput) -> CallDTO:
    """Record a call in one transaction: customer/item if new, number, proposed category.

    A save with a token that was already saved (its commit's answer lost with the link to
    the server) returns the call it made: one call, one number (idempotency.py).
    """
    require(ctx.actor, Perm.CALL_REGISTER)
    with ctx.write() as session:
        done = idempotency.already_saved(session, data.token, "call")
        if done is not None:
            return call_dto(session, get_call_row(session, done))
        call = insert_call(session, ctx, data)
        idempotency.note_saved(session, data.token, "call", call.id)
        messaging_service.notify_call_registered(session, ctx, call)
        return call_dto(session, call)


def insert_call(session: Session, ctx: ServiceContext, data: CallInput) -> Call:
    """Write a call inside an open unit of work (register_call, walk-in take-in)."""
    fault = _check_fault(data.fault)
    received = plausible_moment(data.received_at or ctx.now(), ctx.now(), field="received_at")
    customer = _resolve_customer(session, ctx, data)
    item = _resolve_item(session, ctx, customer, data)
    category, why = propose_category(session, item, ctx.local(received).date())
    call = Call(
        number=next_number(session, "call", ctx.local(received).date()),
        received_at=received, channel=Channel(data.channel).value,
        customer_id=customer.id, item_id=item.id if item else None,
        zone_id=customer.zone_id, fault=fault,
        service_kind=ServiceKind(data.service_kind).value,
        urgency=Urgency(data.urgency).value, proposed_category=category.value,
        category=category.value, category_reason=why,
        status=CallStatus.REGISTERED.value, created_by_id=ctx.actor.user_id,
        search_text=search_text_for(session, customer.id, item.id if item else None, fault),
    )
    session.add(call)
    session.flush()
    return call


def update_call(ctx: ServiceContext, call_id: int, data: CallEdit, *,
                expected_version: int, reason: str) -> CallDTO:
    """Edit a call; the reason goes on the audit trail."""
    require(ctx.actor, Perm.CALL_EDIT)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    fault = _check_fault(data.fault)
    plausible_moment(data.received_at, ctx.now(), field="received_at")
    with ctx.write(reason=reason) as session:
        call = get_call_row(session, call_id)
        check_version(session, call, expected_version)
        if call.status in (CallStatus.CANCELLED, CallStatus.CLOSED):
            raise ValidationError(N_("A closed or cancelled call cannot be edited."),
                                  field="status")
        if data.item_id is not None:
            item = session.get(Item, data.item_id)
            if item is None or item.customer_id != call.customer_id:
                raise ValidationError(N_("The item does not belong to this customer."),
                                      field="item")
        call.fault, call.channel, call.item_id = fault, Channel(data.channel).value, data.item_id
        call.service_kind = ServiceKind(data.service_kind).value
        call.urgency = Urgency(data.urgency).value
        call.received_at = data.received_at
        call.search_text = search_text_for(session, call.customer_id, call.item_id, fault)
        session.flush()
        return call_dto(session, call)


def cancel_call(ctx: ServiceContext, call_id: int, *, reason: str,
                expected_version: int) -> CallDTO:
    """Cancel (注销) a call with a reason; it stays in the book."""
    require(ctx.actor, Perm.CALL_CANCEL)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    with ctx.write(reason=reason, action="cancel") as session:
        call = get_call_row(session, call_id)
        check_version(session, call, expected_version)
        if call.status in (CallStatus.CANCELLED, CallStatus.CLOSED):
            raise ValidationError(N_("This call is already closed or cancelled."),
                                  field="status")
        held = session.scalar(select(ItemReceipt.number).where(
            ItemReceipt.call_id == call.id, ItemReceipt.status == ReceiptStatus.HELD.value))
        if held is not None:
            raise ValidationError(N_("The item is in the shop on receipt {number}: return it "
                                     "to the customer before cancelling the call."),
                                  field="status", number=held)
        call.status, call.cancel_reason = CallStatus.CANCELLED.value, reason
        call.closed_at = ctx.now()
        _void_vouchers(session, call.id, reason=reason, at=call.closed_at)
        session.flush()
        return call_dto(session, call)


def _void_vouchers(session: Session, call_id: int, *, reason: str, at: datetime) -> None:
    """A cancelled call's vouchers still out are void (作废), with the reason and the time."""
    for job in session.scalars(select(Job).where(
            Job.call_id == call_id, Job.status.not_in((JobStatus.FILED.value,
                                                       JobStatus.CANCELLED.value)))):
        job.status, job.voided_at, job.void_reason = JobStatus.CANCELLED.value, at, reason


def get_call_row(session: Session, call_id: int) -> Call:
    call = session.get(Call, call_id)
    if call is None:
        raise NotFound(N_("No such call."))
    return call


def get_call(ctx: ServiceContext, call_id: int) -> CallDTO:
    with ctx.read() as session:
        return call_dto(session, get_call_row(session, call_id))


def find_call_by_number(ctx: ServiceContext, number: str) -> CallDTO:
    with ctx.read() as session:
        call = session.scalar(select(Call).where(Call.number == searchable(number).upper()))
        if call is None:
            raise NotFound(N_("No call with the number {number}."), number=number)
        return call_dto(session, call)


def call_dto(session: Session, call: Call) -> CallDTO:
    customer = session.get(Customer, call.customer_id)
    assert customer is not None
    item_label = ""
    if call.item_id is not None:
        item = session.get(Item, call.item_id)
        model = session.get(ProductModel, item.product_model_id) if item else None
        if item and model:
            item_label = label_of(model.code, model.name, item.serial)
    return CallDTO(
        call.id, call.number, call.received_at, call.channel, customer.id, customer.name,
        tuple(p.phone for p in customer.phones), customer.address, call.item_id, item_label,
        call.zone_id, call.fault, call.service_kind, call.urgency, call.proposed_category,
        call.category, call.category_reason, call.status, call.cancel_reason, call.version)


# ---- the book as a lazy, keyset-paged list -------------------------------------------------

def _day_start(ctx: ServiceContext, day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ctx.tz)


# The book's statements are built once per shape of filter (which filters are set, how the
# search words are matched, first page or next) and cached: building a select with its joins
# costs as much as running it. The values go in as parameters at each execution.

@dataclass(frozen=True)
class _Shape:
    statuses: bool = False
    date_from: bool = False
    date_to: bool = False
    zone: bool = False
    channel: bool = False
    customer: bool = False
    words: tuple[str, ...] = ()  # per word: number, like, fts, ids or fts_common (_match)
    after: bool = False


_FTS_ROWIDS = text("SELECT rowid FROM calls_fts WHERE calls_fts MATCH :q LIMIT :cap")


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _like_pattern(word: str) -> str:
    return "%" + word.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _match(conn: Connection, word: str, *, newest_first: bool) -> tuple[str, str]:
    """How one search word is matched, and its parameter.

    ``like``: terms of 1–2 characters never match trigrams (DATA-SAFETY.md), and other
    databases have no trigram index. ``fts``: the calls whose rowid the trigram index
    returns (a count visits every hit anyway). For a page, newest first: a rare term (a
    phone, a serial) is fastest as its list of rowids, fetched here once (``ids``); a common
    one (不制冷: thousands of hits) would fetch and sort every hit, so ``fts_common`` hides
    the rowid from the planner (``calls.id + 0``), which then walks ix_calls_received newest
    first and stops after one page (EXPLAIN QUERY PLAN: 190 ms → 2 ms on 200,000 calls).
    """
    if (number := call_number(word)) is not None:  # C2612-0090, c2612-0090, 2612-0090
        return "number", number
    if conn.dialect.name != "sqlite" or len(word) < 3:
        return "like", _like_pattern(word)
    phrase = _fts_phrase(word)
    if not newest_first:
        return "fts", phrase
    limit = COMMON_TERM_HITS
    rowids = conn.execute(_FTS_ROWIDS, {"q": phrase, "cap": limit + 1}).scalars().all()
    if len(rowids) > limit:
        return "fts_common", phrase
    return "ids", json.dumps(rowids)


MAX_SEARCH_WORDS = 8


def search_words(search: str) -> list[str]:
    """The distinct words of a search (every one must match); more than a few is a paste,
    refused at the search box rather than sent as a query no database plans."""
    words = list(dict.fromkeys(searchable(search).lower().split()))
    if len(words) > MAX_SEARCH_WORDS:
        raise ValidationError(N_("At most {n} search words."), field="search",
                              n=MAX_SEARCH_WORDS)
    return words


def _shape_and_params(ctx: ServiceContext, conn: Connection, flt: CallFilter, *,
                      newest_first: bool,
                      after: tuple[datetime, int] | None = None) -> tuple[_Shape, dict[str, Any]]:
    params: dict[str, Any] = {}
    if flt.statuses:
        params["statuses"] = [CallStatus(s).value for s in flt.statuses]
    if flt.date_from:
        params["date_from"] = _day_start(ctx, flt.date_from)
    if flt.date_to:
        params["date_to"] = _day_start(ctx, flt.date_to + timedelta(days=1))
    if flt.zone_id is not None:
        params["zone"] = flt.zone_id
    if flt.channel is not None:
        params["channel"] = Channel(flt.channel).value
    if flt.customer_id is not None:
        params["customer"] = flt.customer_id
    kinds = []
    for n, word in enumerate(search_words(flt.search)):
        kind, params[f"w{n}"] = _match(conn, word, newest_first=newest_first)
        kinds.append(kind)
    if after is not None:
        params["after_at"], params["after_id"] = after
    shape = _Shape(flt.statuses != (), flt.date_from is not None, flt.date_to is not None,
                   flt.zone_id is not None, flt.channel is not None,
                   flt.customer_id is not None, tuple(kinds), after is not None)
    return shape, params


def _ids(shape: _Shape) -> Select[int]:
    """The ids of the calls a filter of this shape matches (parameters bound later)."""
    query = select(Call.id)
    if shape.statuses:
        query = query.where(Call.status.in_(bindparam("statuses", expanding=True)))
    if shape.date_from:
        query = query.where(Call.received_at >= bindparam("date_from"))
    if shape.date_to:
        query = query.where(Call.received_at < bindparam("date_to"))
    if shape.zone:
        query = query.where(Call.zone_id == bindparam("zone"))
    if shape.channel:
        query = query.where(Call.channel == bindparam("channel"))
    if shape.customer:
        query = query.where(Call.customer_id == bindparam("customer"))
    for n, kind in enumerate(shape.words):
        if kind == "number":
            query = query.where(Call.number == bindparam(f"w{n}"))
        elif kind == "like":
            query = query.where(Call.search_text.like(bindparam(f"w{n}"), escape="/"))
        elif kind == "ids":  # a JSON list of rowids (SQLite's json_each)
            ids = text(f"SELECT value FROM json_each(:w{n})").columns(value=Integer)
            query = query.where(Call.id.in_(ids))
        else:
            fts = text(f"SELECT rowid FROM calls_fts WHERE calls_fts MATCH :w{n}").columns(
                rowid=Integer)
            query = query.where((Call.id + 0 if kind == "fts_common" else Call.id).in_(fts))
    if shape.after:
        query = query.where(tuple_(Call.received_at, Call.id) < tuple_(
            bindparam("after_at", type_=Call.received_at.type),
            bindparam("after_id", type_=Integer)))
    return query


@lru_cache(maxsize=128)
def _page_statement(shape: _Shape) -> Select[Any]:
    """One page of the book: ids chosen on (received_at, id) alone, then joined to the
    customer, first phone, item and zone (sorting whole rows of every match was the cost)."""
    page = (_ids(shape).order_by(Call.received_at.desc(), Call.id.desc())
            .limit(bindparam("limit", type_=Integer)).subquery())
    first_phone = (select(CustomerPhone.phone)
                   .where(CustomerPhone.customer_id == Call.customer_id)
                   .order_by(CustomerPhone.id).limit(1).correlate(Call).scalar_subquery())
    chases = (select(func.count()).select_from(CallChase).where(CallChase.call_id == Call.id)
              .correlate(Call).scalar_subquery())
    return (
        select(Call.id, Call.number, Call.received_at, Customer.name, first_phone,
               ProductModel.code, ProductModel.name, Item.serial, Call.fault, Call.category,
               Call.status, Call.channel, Zone.name, Call.urgency, chases)
        .select_from(page)
        .join(Call, Call.id == page.c.id)
        .join(Customer, Customer.id == Call.customer_id)
        .outerjoin(Item, Item.id == Call.item_id)
        .outerjoin(ProductModel, ProductModel.id == Item.product_model_id)
        .outerjoin(Zone, Zone.id == Call.zone_id)
        .order_by(Call.received_at.desc(), Call.id.desc())
    )


@lru_cache(maxsize=128)
def _count_statement(shape: _Shape, capped: bool) -> Select[int]:
    ids = _ids(shape)
    if capped:
        ids = ids.limit(bindparam("cap", type_=Integer))  # any order: only the number counts
    return select(func.count()).select_from(ids.subquery())


def list_calls(ctx: ServiceContext, flt: CallFilter, *,
               after: tuple[datetime, int] | None = None, limit: int = 100) -> CallPage:
    """One page of the book, newest first, continuing after ``after`` (keyset paging)."""
    full = allowed(ctx.actor, Perm.CUSTOMER_FULL_PHONE) or allowed(ctx.actor, Perm.CALL_REGISTER)
    with ctx.query() as conn:
        shape, params = _shape_and_params(ctx, conn, flt, newest_first=True, after=after)
        params["limit"] = limit + 1
        found = conn.execute(_page_statement(shape), params).all()
    more = len(found) > limit
    rows = [_row(r, full) for r in found[:limit]]
    cursor = (rows[-1].received_at, rows[-1].id) if more and rows else None
    return CallPage(rows, cursor)


def count_calls(ctx: ServiceContext, flt: CallFilter, *, cap: int | None = None) -> int:
    """How many calls match; with ``cap``, counting stops at ``cap + 1`` ("1000+ calls").

    Uncapped, a two-character search term (漏水) reads every call (~150 ms on 200,000);
    capped, the scan stops at the cap.
    """
    with ctx.query() as conn:
        shape, params = _shape_and_params(ctx, conn, flt, newest_first=False)
        if cap is not None:
            params["cap"] = cap + 1
        return int(conn.scalar(_count_statement(shape, cap is not None), params) or 0)


def _row(r: Any, full: bool) -> CallRow:
    (call_id, number, received, name, phone, code, model_name, serial, fault, category,
     status, channel, zone, urgency, chases) = r
    label = label_of(code, model_name, serial) if code else ""
    return CallRow(call_id, number, received, name or "", _phone(phone or "", full), label,
                   fault, category, status, channel, zone or "", urgency, int(chases or 0))


def _phone(phone: str, full: bool) -> str:
    return phone if full else mask_phone(phone)


# ---- status transitions driven by dispatch, visits and carry-in ------------------------------

_MOVES_FROM: dict[CallStatus, frozenset[CallStatus]] = {
    CallStatus.DISPATCHED: frozenset({CallStatus.REGISTERED, CallStatus.DISPATCHED}),
    CallStatus.ON_SITE: frozenset({CallStatus.DISPATCHED, CallStatus.ON_SITE}),
    CallStatus.COMPLETED: frozenset({CallStatus.DISPATCHED, CallStatus.ON_SITE}),
    CallStatus.TAKEN_IN: frozenset({CallStatus.REGISTERED, CallStatus.DISPATCHED,
                                    CallStatus.ON_SITE}),
    CallStatus.CLOSED: frozenset({CallStatus.COMPLETED, CallStatus.TAKEN_IN}),
}


def move_call(call: Call, to: CallStatus, *, at: datetime | None = None) -> None:
    """Move a call along its flow (dispatched → on site → completed / taken in → closed).

    Called inside the caller's transaction; refuses a move the flow does not allow.
    ``at`` is the closing time when ``to`` is CLOSED.
    """
    if CallStatus(call.status) not in _MOVES_FROM.get(to, frozenset()):
        raise ValidationError(N_("This call cannot go from {old} to {new}."), field="status",
                              old=call.status, new=to.value)
    call.status = to.value
    if to is CallStatus.CLOSED:
        call.closed_at = at
