"""Carry-in (§十一–十三): take an item in against its receipt (客户商品领取收据), find it by the
receipt number, return it (receipt taken back and voided) or return it on an identity check."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.locking import get_locked, lock
from app.db.numbering import next_number
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.calls import Call
from app.models.carry_in import (
    CardStatus,
    ItemReceipt,
    ItemReturn,
    ReceiptStatus,
    RegisterEntry,
    RepairCard,
)
from app.models.customers import Customer, Item
from app.models.enums import CallStatus, Channel, Role
from app.models.jobs import Job, JobStatus
from app.models.staff import User
from app.models.store import ProductModel
from app.services import (
    billing_service,
    call_flow,
    calls_service,
    idempotency,
    payments_service,
    register_service,
)
from app.services.calls_service import CallInput
from app.services.carry_in_dto import CarryInDTO, PrintPack, carry_in_dto, setting
from app.services.context import ServiceContext
from app.services.dto import item_label
from app.services.money import format_money, to_cents
from app.services.permissions import Perm, require
from app.services.reference_service import letterhead_in
from app.services.validation import (
    check_version,
    clean_text,
    column_limit,
    phone_digits,
    searchable,
)

TAG_SIZE_KEY = "print.repair_tag_mm"  # [width, height] of the label stock
DEFAULT_TAG_MM = (100.0, 70.0)
ACCESSORY_MAX = 40  # one accessory (电源线, 遥控器 …) as listed on the receipt
NOT_TAKEABLE = (CallStatus.CLOSED.value, CallStatus.CANCELLED.value,
                CallStatus.COMPLETED.value)


@dataclass(frozen=True)
class TakeInInput:
    """What the receipt records. Either ``call_id`` (taken in on site, or a call already in
    the book) or ``walk_in`` (a new walk-in call registered in the same transaction)."""

    technician_id: int
    promised_date: date
    accessories: tuple[str, ...] = ()
    accessories_note: str = ""
    condition: str = ""
    fault: str = ""  # empty: the call's fault
    call_id: int | None = None
    walk_in: CallInput | None = None
    item_id: int | None = None  # for a call registered without an item
    token: str | None = None  # the form's one-time token: a retried save finds its receipt


@dataclass(frozen=True)
class IdentityCheck:
    """The check for a customer without the receipt: ID type, last digits, phone."""

    id_type: str
    id_last_digits: str
    phone: str


@dataclass(frozen=True)
class Settlement:
    """What happens to the bill when the item goes home (§十三), decided in the same action:
    ``pay`` takes ``amount`` now (the rest, if any, stays receivable with ``reason``);
    ``receivable`` lets the item go unpaid, with the reason (e.g. invoice to be issued and
    the money collected later) — the bill is then on the accountant's receivables list."""

    decision: str  # pay | receivable
    amount: Decimal = Decimal(0)
    method: str = "cash"
    reason: str = ""


@dataclass(frozen=True)
class ReturnInput:
    collected_by: str
    customer_signed: bool
    note: str = ""
    identity: IdentityCheck | None = field(default=None)  # set only for a lost receipt
    settle: Settlement | None = None  # required when the bill leaves something owed


def _call_for(session: Session, ctx: ServiceContext, data: TakeInInput) -> Call:
    if data.walk_in is not None:
        require(ctx.actor, Perm.CALL_REGISTER)
        walk_in = data.walk_in
        if walk_in.channel != Channel.WALK_IN:
            walk_in = CallInput(**{**walk_in.__dict__, "channel": Channel.WALK_IN})
        return calls_service.insert_call(session, ctx, walk_in)
    if data.call_id is None:
        raise ValidationError(N_("Choose the call the item belongs to."), field="call")
    call = get_locked(session, Call, data.call_id)  # two take-ins of one call: one receipt
    if call is None:
        raise NotFound(N_("No such call."), field="call")
    if call.status in NOT_TAKEABLE:
        raise ValidationError(N_("The call {number} is closed; it cannot take an item in."),
                              field="call", number=call.number)
    held = select(ItemReceipt.number).where(ItemReceipt.call_id == call.id,
                                            ItemReceipt.status == ReceiptStatus.HELD.value)
    number = session.scalar(held)
    if number is not None:
        raise ValidationError(N_("The item of this call is already in the store ({number})."),
                              field="call", number=number)
    return call


def _item_for(session: Session, call: Call, data: TakeInInput) -> Item:
    if call.item_id is None and data.item_id is not None:
        call.item_id = data.item_id
    item = get_locked(session, Item, call.item_id) if call.item_id is not None else None
    if item is None or item.customer_id != call.customer_id:
        raise ValidationError(N_("Enter the item (model and serial) that is taken in."),
                              field="item")
    return item


def _refuse_item_in_store(session: Session, item: Item) -> None:
    number = session.scalar(select(ItemReceipt.number).where(
        ItemReceipt.item_id == item.id, ItemReceipt.status == ReceiptStatus.HELD.value))
    if number is not None:
        raise ValidationError(N_("This item is already in the store (receipt {number})."),
                              field="item", number=number)


def _technician(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise ValidationError(N_("Choose the technician who took the item in."),
                              field="technician")
    return user


def _check_input(ctx: ServiceContext, data: TakeInInput) -> tuple[str, str, tuple[str, ...]]:
    if data.promised_date < ctx.today():
        raise ValidationError(N_("The promised date cannot be in the past."),
                              field="promised_date")
    if data.promised_date > ctx.today() + timedelta(days=366):
        raise ValidationError(N_("The promised date is too far ahead."), field="promised_date")
    condition = clean_text(data.condition, field="condition", max_len=300)
    note = clean_text(data.accessories_note, field="accessories_note", max_len=200)
    accessories = tuple(clean_text(a, field="accessories_note", max_len=ACCESSORY_MAX)
                        for a in data.accessories if a.strip())
    listed = "、".join([*accessories, *([note] if note else [])])
    if len(listed) > column_limit(RegisterEntry.accessories_text):
        raise ValidationError(N_("At most {n} characters (now {m})."), field="accessories_note",
                              n=column_limit(RegisterEntry.accessories_text), m=len(listed))
    return condition, note, accessories


def _voucher_of(session: Session, call_id: int) -> Job | None:
    query = (select(Job).where(Job.call_id == call_id,
                               Job.status != JobStatus.CANCELLED.value)
             .order_by(Job.id.desc()).limit(1))
    return session.scalar(query)


def _item_label(session: Session, item: Item) -> str:
    model = session.get(ProductModel, item.product_model_id)
    assert model is not None
    return item_label(model.code, model.name, item.serial)


def take_in(ctx: ServiceContext, data: TakeInInput) -> CarryInDTO:
    """One transaction: (walk-in call,) receipt, repair card, register line, call taken in."""
    require(ctx.actor, Perm.TAKE_IN)
    checked = _check_input(ctx, data)
    with ctx.write(action="take_in") as session:
        done = idempotency.already_saved(session, data.token, "receipt")
        if done is not None:  # saved before, its COMMIT's answer lost (idempotency.py)
            kept = session.get(ItemReceipt, done)
            assert kept is not None
            return carry_in_dto(session, ctx, kept)
        receipt = _insert_take_in(session, ctx, data, checked)
        idempotency.note_saved(session, data.token, "receipt", receipt.id)
        return carry_in_dto(session, ctx, receipt)


def _insert_take_in(session: Session, ctx: ServiceContext, data: TakeInInput,
                    checked: tuple[str, str, tuple[str, ...]]) -> ItemReceipt:
    condition, note, accessories = checked
    call = _call_for(session, ctx, data)
    item = _item_for(session, call, data)
    _refuse_item_in_store(session, item)
    fault = clean_text(data.fault or call.fault, field="fault", max_len=500, required=True)
    tech = _technician(session, data.technician_id)
    voucher = _voucher_of(session, call.id)
    now, today = ctx.now(), ctx.today()
    receipt = ItemReceipt(
        number=next_number(session, "receipt", today, branch_id=call.branch_id), call_id=call.id,
        voucher_id=voucher.id if voucher else None, customer_id=call.customer_id,
        item_id=item.id, taken_in_at=now,
        accessories=json.dumps(list(accessories), ensure_ascii=False),
        accessories_note=note, condition=condition, fault=fault,
        promised_date=data.promised_date, technician_id=tech.id,
        clerk_id=ctx.actor.user_id, status=ReceiptStatus.HELD.value)
    session.add(receipt)
    session.flush()
    session.add(RepairCard(number=next_number(session, "repair", today,
                                                       branch_id=call.branch_id),
                           receipt_id=receipt.id, technician_id=tech.id))
    customer = session.get(Customer, call.customer_id)
    assert customer is not None
    register_service.write_in(
        session, receipt_id=receipt.id, date_in=now, receipt_number=receipt.number,
        customer_name=customer.name, item_label=_item_label(session, item),
        accessories_text="、".join([*accessories, *([note] if note else [])]),
        taken_in_by=tech.display_name, promised_date=data.promised_date)
    if call.status != CallStatus.TAKEN_IN.value:
        call_flow.move_call(call, CallStatus.TAKEN_IN)
    session.flush()
    return receipt


def normalise_number(number: str) -> str:
    """What a scanner or a hand typed: trimmed, upper case (r2611-0001 → R2611-0001)."""
    return searchable(number).upper()


def receipt_row(session: Session, number: str) -> ItemReceipt:
    """The receipt with this number; a repair card (tag) number finds its receipt too."""
    wanted = normalise_number(number)
    receipt = session.scalar(select(ItemReceipt).where(ItemReceipt.number == wanted))
    if receipt is None:
        card = session.scalar(select(RepairCard).where(RepairCard.number == wanted))
        receipt = session.get(ItemReceipt, card.receipt_id) if card else None
    if receipt is None:
        raise NotFound(N_("No item receipt with the number {number}."), field="number",
                       number=wanted or number)
    return receipt


def find_by_number(ctx: ServiceContext, number: str) -> CarryInDTO:
    """Open a carried-in item by receipt (or repair card) number, as scanned or typed."""
    with ctx.read() as session:
        return carry_in_dto(session, ctx, receipt_row(session, number))


def get_carry_in(ctx: ServiceContext, receipt_id: int) -> CarryInDTO:
    with ctx.read() as session:
        return carry_in_dto(session, ctx, get_receipt_row(session, receipt_id))


def get_receipt_row(session: Session, receipt_id: int) -> ItemReceipt:
    receipt = session.get(ItemReceipt, receipt_id)
    if receipt is None:
        raise NotFound(N_("No such item receipt."), field="number")
    return receipt


def _check_returnable(receipt: ItemReceipt, card: RepairCard) -> None:
    if receipt.status != ReceiptStatus.HELD.value:
        raise ValidationError(N_("The item of receipt {number} has already been returned."),
                              field="number", number=receipt.number)
    if card.status != CardStatus.PASSED.value:
        raise ValidationError(
            N_("The item of receipt {number} has not passed inspection; it cannot go back "
               "to the customer yet."), field="number", number=receipt.number)


def _check_identity(customer: Customer, identity: IdentityCheck) -> bool:
    id_type = clean_text(identity.id_type, field="id_type", max_len=20, required=True)
    digits = unicodedata.normalize("NFKC", identity.id_last_digits).strip().upper()
    if not re.fullmatch(r"[0-9A-Z]{4,6}", digits):
        raise ValidationError(N_("Enter the last 4 to 6 characters of the ID number."),
                              field="id_last_digits")
    given = phone_digits(identity.phone)
    matched = bool(given) and any(p.digits == given for p in customer.phones)
    if not matched:
        raise ValidationError(N_("The phone does not match the customer's file."),
                              field="phone")
    return bool(id_type)


def return_item(ctx: ServiceContext, receipt_id: int, data: ReturnInput, *,
                expected_version: int) -> CarryInDTO:
    """Check out (§十三): customer signs, receipt taken back and voided (or voided as lost
    after the identity check), register completed, card and call closed, voucher filed."""
    require(ctx.actor, Perm.RETURN_ITEM)
    collected_by = clean_text(data.collected_by, field="collected_by", max_len=60,
                              required=True)
    note = clean_text(data.note, field="note", max_len=300)
    if not data.customer_signed:
        raise ValidationError(N_("The customer must sign for the item."),
                              field="customer_signed")
    lost = data.identity is not None
    with ctx.write(action="return_lost" if lost else "return",
                   reason=N_("receipt lost") if lost else None) as session:
        receipt = get_receipt_row(session, receipt_id)
        check_version(session, receipt, expected_version)
        card = session.scalar(select(RepairCard).where(RepairCard.receipt_id == receipt.id))
        assert card is not None
        lock(session, card)  # an inspection failing it at the same moment waits, or wins
        _check_returnable(receipt, card)
        customer = session.get(Customer, receipt.customer_id)
        assert customer is not None
        if data.identity is not None:
            _check_identity(customer, data.identity)
        _close(session, ctx, receipt, card, data, collected_by=collected_by, note=note)
        _settle(session, ctx, receipt, data.settle)
        session.flush()
        return carry_in_dto(session, ctx, receipt)


def _settle(session: Session, ctx: ServiceContext, receipt: ItemReceipt,
            settle: Settlement | None) -> None:
    """A paid repair is not returned unpaid by accident: the bill (made from the card's
    facts if there is none yet) is paid now, or left receivable with a reason."""
    call = calls_service.get_call_row(session, receipt.call_id)
    bill = billing_service.bill_of_facts(session, ctx, call)
    owed = bill.total_cents - payments_service.paid_cents(session, bill.id)
    back = session.scalar(select(ItemReturn).where(ItemReturn.receipt_id == receipt.id))
    assert back is not None
    if owed <= 0:
        back.settlement = "paid" if bill.total_cents else "free"
        return
    if settle is None:
        raise ValidationError(N_("{owed} is still owed on this repair: take the payment or "
                                 "record why it stays receivable."), field="settle",
                              owed=format_money(owed))
    reason = clean_text(settle.reason, field="reason", max_len=200)
    if settle.decision == "pay":
        require(ctx.actor, Perm.COLLECT)
        payments_service.check_method(settle.method, "counter")
        payments_service.take_payment(session, ctx, bill, cents=to_cents(settle.amount),
                                      method=settle.method, place="counter", taken_by_id=None)
        owed -= to_cents(settle.amount)
    elif settle.decision != "receivable":
        raise ValidationError(N_("Choose how the bill is settled."), field="settle")
    if owed > 0 and not reason:
        raise ValidationError(N_("Give the reason {owed} stays receivable (e.g. invoice to "
                                 "be issued)."), field="reason", owed=format_money(owed))
    back.settlement = "paid" if owed <= 0 else "receivable"
    back.settlement_reason = reason


def _close(session: Session, ctx: ServiceContext, receipt: ItemReceipt, card: RepairCard,
           data: ReturnInput, *, collected_by: str, note: str) -> None:
    now = ctx.now()
    identity = data.identity
    receipt.status = (ReceiptStatus.LOST if identity else ReceiptStatus.TAKEN_BACK).value
    receipt.voided_at = now
    card.status = CardStatus.RETURNED.value
    session.add(ItemReturn(
        receipt_id=receipt.id, returned_at=now, returned_by_id=ctx.actor.user_id,
        collected_by=collected_by, customer_signed=True, receipt_lost=identity is not None,
        id_type=identity.id_type.strip()[:20] if identity else "",
        id_last_digits=identity.id_last_digits.strip().upper()[:6] if identity else "",
        phone_matched=identity is not None, note=note))
    register_service.write_out(session, receipt.id, date_out=now, returned_to=collected_by,
                               returned_by=ctx.actor.display_name,
                               remark=N_("receipt lost, identity checked") if identity else "")
    call = session.get(Call, receipt.call_id)
    if call is not None and call.status == CallStatus.TAKEN_IN.value:
        call_flow.move_call(call, CallStatus.CLOSED, at=now)
    job = session.get(Job, receipt.voucher_id) if receipt.voucher_id else None
    if job is not None and job.status == JobStatus.TAKEN_IN.value:
        job.status, job.filed_at = JobStatus.FILED.value, now


def _tag_size(session: Session) -> tuple[float, float]:
    size = setting(session, TAG_SIZE_KEY)
    if isinstance(size, list) and len(size) == 2 and all(20 <= float(v) <= 300 for v in size):
        return float(size[0]), float(size[1])
    return DEFAULT_TAG_MM


# The receipt counts the copies of the receipt, its repair card those of the tag.
PRINTED_DOCUMENTS = ("item-receipt", "repair-tag")


def print_pack(ctx: ServiceContext, receipt_id: int, *, document: str) -> PrintPack:
    """What the receipt ("item-receipt") or the tag ("repair-tag") prints, as the next copy
    (a reprint once one was printed). Changes nothing: ``count_copy`` counts a copy that
    left the app."""
    with ctx.read() as session:
        receipt = get_receipt_row(session, receipt_id)
        return PrintPack(carry_in_dto(session, ctx, receipt),
                         letterhead_in(session, receipt.branch_id),  # the receipt's branch's
                         str(setting(session, "store.terms", receipt.branch_id) or ""),
                         _counted(session, receipt, document)[0].print_count + 1, ctx.now(),
                         ctx.actor.display_name, _tag_size(session))


def _counted(session: Session, receipt: ItemReceipt,
             document: str) -> tuple[ItemReceipt | RepairCard, str]:
    """The record that counts the copies of ``document`` (receipt or card), and its number."""
    if document not in PRINTED_DOCUMENTS:
        raise ValueError(document)
    if document == "item-receipt":
        return receipt, receipt.number
    card = session.scalar(select(RepairCard).where(RepairCard.receipt_id == receipt.id))
    assert card is not None
    return card, card.number


def count_copy(session: Session, ctx: ServiceContext, number: str, *, document: str) -> None:
    """A copy of the receipt or tag of receipt (or card) ``number`` left the app: counted on
    the receipt (or card), in the transaction that records the copy on the print trail (the
    one record of the copy itself)."""
    receipt = receipt_row(session, number)
    record = _counted(session, receipt, document)[0]
    lock(session, record)  # two copies printed at once are two, not one
    record.print_count += 1
    session.flush()


def copies_printed(ctx: ServiceContext, number: str, *, document: str) -> int:
    """How many copies of the receipt or tag were printed (older versions counted only here)."""
    with ctx.read() as session:
        return _counted(session, receipt_row(session, number), document)[0].print_count


@dataclass(frozen=True)
class StaffChoice:
    id: int
    name: str


def technicians(ctx: ServiceContext) -> list[StaffChoice]:
    """Who can take an item in and repair it: active technicians, then supervisors."""
    roles = (Role.TECHNICIAN.value, Role.SUPERVISOR.value)
    with ctx.read() as session:
        rows = session.execute(select(User.id, User.display_name, User.role)
                               .where(User.active.is_(True), User.role.in_(roles)))
        ordered = sorted(rows, key=lambda r: (roles.index(r.role), r.display_name))
        return [StaffChoice(r.id, r.display_name) for r in ordered]


def looks_like_number(text: str) -> bool:
    """A receipt (R2611-0001) or repair card (J2611-0001) number, as a scanner types it."""
    return re.fullmatch(r"[RJ]\d{4}-\d{4,}", normalise_number(text)) is not None


def calls_waiting(ctx: ServiceContext, *, limit: int = 200) -> list[tuple[str, str]]:
    """Calls taken in on site whose item has no receipt yet: (call number, customer)."""
    held = select(ItemReceipt.call_id).where(ItemReceipt.status == ReceiptStatus.HELD.value)
    with ctx.read() as session:
        rows = session.execute(
            select(Call.number, Customer.name).join(Customer, Customer.id == Call.customer_id)
            .where(Call.status == CallStatus.TAKEN_IN.value, Call.id.not_in(held))
            .order_by(Call.received_at).limit(limit))
        return [(r.number, r.name) for r in rows]
