"""The call-log book (叫修登记簿): register, edit, cancel (注销) and find calls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.numbering import next_number
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.calls import FAULT_MAX, Call
from app.models.carry_in import ItemReceipt, ReceiptStatus
from app.models.customers import Customer, Item
from app.models.enums import CallStatus, Category, Channel, ServiceKind, Urgency
from app.models.jobs import Job, JobStatus
from app.models.store import ProductModel
from app.services import customers_service as customers
from app.services import idempotency, messaging_service
from app.services.call_book_service import search_text_for
from app.services.context import ServiceContext
from app.services.contract_service import covering_contract
from app.services.dto import CallDTO
from app.services.dto import item_label as label_of
from app.services.permissions import Perm, require
from app.services.validation import (
    check_version,
    clean_text,
    plausible_moment,
    searchable,
)
from app.services.warranty import WarrantyStatus, warranty_status


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


def preview_category(ctx: ServiceContext, item_id: int | None) -> Category:
    """The category register_call would propose today for this item (warranty, contract)."""
    with ctx.read() as session:
        item = session.get(Item, item_id) if item_id is not None else None
        return propose_category(session, item, ctx.today())[0]


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
        number=next_number(session, "call", ctx.local(received).date(),
                           branch_id=customer.branch_id),
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
