"""The repair card (修护卡, §十二): work entries with time and parts, the supervisor's
inspection (验讫), the list of open cards and the late-repairs list (§十四)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, select, tuple_
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.carry_in import (
    OPEN_CARD_STATUSES,
    CardStatus,
    Inspection,
    ItemReceipt,
    ReceiptStatus,
    RepairCard,
    RepairPartUse,
    RepairWork,
)
from app.models.customers import Customer, Item
from app.models.staff import User
from app.models.store import ProductModel
from app.services import billing_service, messaging_service, parts_service
from app.services.carry_in_dto import CarryInDTO, carry_in_dto
from app.services.context import ServiceContext
from app.services.dto import item_label
from app.services.parts_service import MAX_PART_QUANTITY
from app.services.parts_service import PartQty as PartQty  # re-exported for callers
from app.services.permissions import Perm, require
from app.services.validation import check_int, check_version, clean_text

MAX_MINUTES = 24 * 60


@dataclass(frozen=True)
class WorkInput:
    """Time as a duration, or start/stop (the duration is then computed); parts replaced."""

    minutes: int | None = None
    started_at: datetime | None = None
    stopped_at: datetime | None = None
    note: str = ""
    parts: tuple[PartQty, ...] = ()
    stock_override: bool = False
    override_reason: str = ""


@dataclass(frozen=True)
class CardRow:
    """A line of the repairs list / late-repairs list."""

    receipt_id: int
    receipt_number: str
    card_number: str
    customer_name: str
    item_label: str
    technician_name: str
    promised_date: date
    card_status: str
    total_minutes: int
    days_late: int
    waiting_for_parts: bool = False  # §十四: the promised date was moved for parts


def _minutes(data: WorkInput, now: datetime) -> int:
    if data.started_at is not None and data.stopped_at is not None:
        if data.stopped_at <= data.started_at:
            raise ValidationError(N_("The stop time must be after the start time."),
                                  field="stopped_at")
        if data.stopped_at > now + timedelta(minutes=5):
            raise ValidationError(N_("This date is in the future."), field="stopped_at")
        minutes = int((data.stopped_at - data.started_at).total_seconds() // 60)
    elif data.minutes is not None:
        minutes = data.minutes
    else:
        raise ValidationError(N_("Enter the time spent."), field="minutes")
    if not 0 < minutes <= MAX_MINUTES:
        raise ValidationError(N_("The time spent must be between 1 minute and 24 hours."),
                              field="minutes")
    return minutes


def _card_row(session: Session, card_id: int) -> RepairCard:
    card = session.get(RepairCard, card_id)
    if card is None:
        raise NotFound(N_("No such repair card."))
    return card


def _receipt(session: Session, card: RepairCard) -> ItemReceipt:
    receipt = session.get(ItemReceipt, card.receipt_id)
    assert receipt is not None
    return receipt


def add_work(ctx: ServiceContext, card_id: int, data: WorkInput, *,
             expected_version: int) -> CarryInDTO:
    """A work entry on the card; its parts come out of stock in the same transaction."""
    require(ctx.actor, Perm.REPAIR_WORK)
    minutes = _minutes(data, ctx.now())
    note = clean_text(data.note, field="note", max_len=300)
    reason = clean_text(data.override_reason, field="reason", max_len=200)
    for use in data.parts:
        check_int(use.quantity, field="quantity", low=1, high=MAX_PART_QUANTITY)
    with ctx.write(action="repair_work", reason=reason or None) as session:
        card = _card_row(session, card_id)
        check_version(session, card, expected_version)
        if card.status not in OPEN_CARD_STATUSES:
            raise ValidationError(N_("This repair card is closed for work ({status})."),
                                  field="card", status=card.status)
        work = RepairWork(card_id=card.id, technician_id=ctx.actor.user_id,
                          started_at=data.started_at, stopped_at=data.stopped_at,
                          minutes=minutes, note=note, recorded_at=ctx.now())
        session.add(work)
        session.flush()
        card.parts_cents += _use_parts(session, ctx, card, work, data, reason)
        card.total_minutes += minutes
        card.status = CardStatus.IN_REPAIR.value
        session.flush()
        receipt = _receipt(session, card)
        billing_service.follow_facts(session, receipt.call_id)
        return carry_in_dto(session, ctx, receipt)


def _use_parts(session: Session, ctx: ServiceContext, card: RepairCard, work: RepairWork,
               data: WorkInput, reason: str) -> int:
    total = 0
    parts_service.lock_parts(session, [use.part_id for use in data.parts])
    for use in data.parts:
        part = parts_service.get_part_row(session, use.part_id)
        movement = parts_service.move_stock(
            session, ctx, part, -use.quantity, kind="used", reason=reason or card.number,
            repair_card_id=card.id, override=data.stock_override)
        session.add(RepairPartUse(card_id=card.id, work_id=work.id, part_id=part.id,
                                  quantity=use.quantity, unit_price_cents=part.unit_price_cents,
                                  movement_id=movement.id))
        total += use.quantity * part.unit_price_cents
    return total


def inspect(ctx: ServiceContext, card_id: int, *, passed: bool, note: str = "",
            expected_version: int) -> CarryInDTO:
    """验讫: pass (the item may go home) or fail back to repair with a note."""
    require(ctx.actor, Perm.INSPECT)
    note = clean_text(note, field="note", max_len=300, required=not passed)
    with ctx.write(action="inspect_pass" if passed else "inspect_fail",
                   reason=None if passed else note) as session:
        card = _card_row(session, card_id)
        check_version(session, card, expected_version)
        if card.status not in OPEN_CARD_STATUSES:
            raise ValidationError(N_("This repair card cannot be inspected now ({status})."),
                                  field="card", status=card.status)
        if session.scalar(select(RepairWork.id).where(RepairWork.card_id == card.id)) is None:
            raise ValidationError(N_("No repair work is recorded on this card yet."),
                                  field="card")
        session.add(Inspection(card_id=card.id, inspector_id=ctx.actor.user_id,
                               at=ctx.now(), passed=passed, note=note))
        card.status = (CardStatus.PASSED if passed else CardStatus.FAILED).value
        session.flush()
        receipt = _receipt(session, card)
        if passed:
            messaging_service.notify_item_ready(
                session, ctx, receipt_id=receipt.id, receipt_number=receipt.number,
                customer_id=receipt.customer_id, item_id=receipt.item_id,
                call_id=receipt.call_id)
        return carry_in_dto(session, ctx, receipt)


def _rows_query(today: date, *, late_only: bool, technician_id: int | None
                ) -> Select[ItemReceipt, RepairCard, str, str, str, str, str]:
    query = (
        select(ItemReceipt, RepairCard, Customer.name, ProductModel.code, ProductModel.name,
               Item.serial, User.display_name)
        .join(RepairCard, RepairCard.receipt_id == ItemReceipt.id)
        .join(Customer, Customer.id == ItemReceipt.customer_id)
        .join(Item, Item.id == ItemReceipt.item_id)
        .join(ProductModel, ProductModel.id == Item.product_model_id)
        .join(User, User.id == RepairCard.technician_id)
        .where(ItemReceipt.status == ReceiptStatus.HELD.value))
    if late_only:
        query = query.where(ItemReceipt.promised_date < today)
    if technician_id is not None:
        query = query.where(RepairCard.technician_id == technician_id)
    return query.order_by(ItemReceipt.promised_date, ItemReceipt.id)


def open_cards(ctx: ServiceContext, *, late_only: bool = False,
               technician_id: int | None = None, after: tuple[date, int] | None = None,
               limit: int = 100) -> list[CardRow]:
    """Items in the store (cards not yet returned), earliest promise first — so the most
    late come first; keyset paging after (promised date, receipt id)."""
    today = ctx.today()
    with ctx.read() as session:
        query = _rows_query(today, late_only=late_only, technician_id=technician_id)
        if after is not None:
            query = query.where(tuple_(ItemReceipt.promised_date, ItemReceipt.id)
                                > tuple_(*after))
        rows = session.execute(query.limit(limit)).all()
        return [CardRow(
            r.ItemReceipt.id, r.ItemReceipt.number, r.RepairCard.number, r[2],
            item_label(r[3], r[4], r[5]), r[6],
            r.ItemReceipt.promised_date, r.RepairCard.status, r.RepairCard.total_minutes,
            max(0, (today - r.ItemReceipt.promised_date).days),
            r.ItemReceipt.waiting_for_parts) for r in rows]


def late_repairs(ctx: ServiceContext, *, after: tuple[date, int] | None = None,
                 limit: int = 100) -> list[CardRow]:
    """Past the promised date and not yet returned (seed 002 §十四), most late first, with
    the technician and the days late."""
    return open_cards(ctx, late_only=True, after=after, limit=limit)
