"""Spare parts (配件): catalogue, goods received, stock counts, use on repair cards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, Subquery, func, select, union_all
from sqlalchemy.orm import Session

from app.db.locking import lock
from app.i18n import N_
from app.models.carry_in import ItemReceipt, RepairCard
from app.models.jobs import Job
from app.models.parts import Part, StockMovement
from app.services.context import ServiceContext
from app.services.errors import NotFound, ValidationError
from app.services.money import check_cents
from app.services.permissions import Perm, allowed, require
from app.services.validation import check_int, check_version, clean_text, searchable

MAX_PART_QUANTITY = 100_000  # of one part in one movement, count or reorder level


@dataclass(frozen=True)
class PartQty:
    """A part taken from stock (配换零件): which part and how many."""

    part_id: int
    quantity: int


@dataclass(frozen=True)
class PartInput:
    number: str
    name: str
    unit: str = "个"
    unit_price_cents: int = 0
    reorder_level: int = 0


@dataclass(frozen=True)
class PartDTO:
    id: int
    number: str
    name: str
    unit: str
    unit_price_cents: int
    stock_on_hand: int
    reorder_level: int
    active: bool
    version: int

    @property
    def low(self) -> bool:
        return self.stock_on_hand <= self.reorder_level

    @property
    def label(self) -> str:
        return f"{self.number} {self.name}"


@dataclass(frozen=True)
class MovementDTO:
    id: int
    part_id: int
    at: datetime
    kind: str
    quantity: int
    balance_after: int
    reason: str
    repair_card_id: int | None
    overridden: bool
    unit_price_cents: int = 0  # the part's price when it moved (a used part's issue price)


def part_dto(part: Part) -> PartDTO:
    return PartDTO(part.id, part.number, part.name, part.unit, part.unit_price_cents,
                   part.stock_on_hand, part.reorder_level, part.active, part.version)


def _checked(data: PartInput) -> PartInput:
    number = clean_text(data.number, field="number", max_len=40, required=True).upper()
    name = clean_text(data.name, field="name", max_len=80, required=True)
    unit = clean_text(data.unit, field="unit", max_len=10, required=True)
    check_cents(data.unit_price_cents, field="unit_price")
    check_int(data.reorder_level, field="reorder_level", high=MAX_PART_QUANTITY)
    return PartInput(number, name, unit, data.unit_price_cents, data.reorder_level)


def create_part(ctx: ServiceContext, data: PartInput) -> PartDTO:
    """Add a part to the catalogue with no stock (stock arrives as goods received)."""
    require(ctx.actor, Perm.PARTS_MANAGE)
    data = _checked(data)
    with ctx.write() as session:
        if session.scalar(select(Part.id).where(Part.number == data.number)) is not None:
            raise ValidationError(N_("The part number {number} is already in the catalogue."),
                                  field="number", number=data.number)
        part = Part(number=data.number, name=data.name, unit=data.unit,
                    unit_price_cents=data.unit_price_cents, reorder_level=data.reorder_level)
        session.add(part)
        session.flush()
        return part_dto(part)


def update_part(ctx: ServiceContext, part_id: int, data: PartInput, *,
                expected_version: int) -> PartDTO:
    """Edit name, unit, price and reorder level (never the stock: that is a count)."""
    require(ctx.actor, Perm.PARTS_MANAGE)
    data = _checked(data)
    with ctx.write() as session:
        part = get_part_row(session, part_id)
        check_version(session, part, expected_version)
        part.name, part.unit = data.name, data.unit
        part.unit_price_cents, part.reorder_level = data.unit_price_cents, data.reorder_level
        session.flush()
        return part_dto(part)


def get_part_row(session: Session, part_id: int) -> Part:
    part = session.get(Part, part_id)
    if part is None:
        raise NotFound(N_("No such part."), field="part")
    return part


def move_stock(session: Session, ctx: ServiceContext, part: Part, quantity: int, *,
               kind: str, reason: str = "", repair_card_id: int | None = None,
               voucher_id: int | None = None, override: bool = False) -> StockMovement:
    """The one place stock changes: balance and ledger line together, in the caller's UoW.

    A move that would take the stock below zero is refused unless ``override`` is given
    by someone holding STOCK_OVERRIDE with a reason. The part's row is locked (and reloaded)
    first, so two technicians taking the last unit cannot both see it in stock.
    """
    lock(session, part)
    balance = part.stock_on_hand + quantity
    overridden = balance < 0
    if overridden:
        _check_override(ctx, part, quantity, override=override, reason=reason)
    part.stock_on_hand = balance
    movement = StockMovement(part_id=part.id, at=ctx.now(), kind=kind, quantity=quantity,
                             balance_after=balance, unit_price_cents=part.unit_price_cents,
                             reason=reason,
                             repair_card_id=repair_card_id, voucher_id=voucher_id,
                             overridden=overridden, actor_id=ctx.actor.user_id)
    session.add(movement)
    session.flush()
    return movement


def _check_override(ctx: ServiceContext, part: Part, quantity: int, *, override: bool,
                    reason: str) -> None:
    if not override:
        raise ValidationError(
            N_("Only {stock} {unit} of {part} in stock; {wanted} needed. A supervisor can "
               "override with a reason."),
            field="quantity", stock=part.stock_on_hand, unit=part.unit,
            part=f"{part.number} {part.name}", wanted=-quantity)
    require(ctx.actor, Perm.STOCK_OVERRIDE)
    if not reason.strip():
        raise ValidationError(N_("Give a reason for taking the stock below zero."),
                              field="reason")


def receive_goods(ctx: ServiceContext, part_id: int, quantity: int, *,
                  note: str = "") -> PartDTO:
    """Goods received (入库): stock goes up by ``quantity``."""
    require(ctx.actor, Perm.PARTS_MANAGE)
    check_int(quantity, field="quantity", low=1, high=MAX_PART_QUANTITY)
    note = clean_text(note, field="note", max_len=200)
    with ctx.write(action="receive") as session:
        part = get_part_row(session, part_id)
        move_stock(session, ctx, part, quantity, kind="received", reason=note)
        return part_dto(part)


def count_stock(ctx: ServiceContext, part_id: int, counted: int, *, reason: str) -> PartDTO:
    """A stock count (盘点): set the balance to what was counted, with a reason."""
    require(ctx.actor, Perm.PARTS_MANAGE)
    check_int(counted, field="quantity", high=MAX_PART_QUANTITY)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    with ctx.write(reason=reason, action="count") as session:
        part = get_part_row(session, part_id)
        lock(session, part)  # the difference is against the balance as last committed
        difference = counted - part.stock_on_hand
        move_stock(session, ctx, part, difference, kind="count", reason=reason)
        return part_dto(part)


def list_parts(ctx: ServiceContext, *, search: str = "", low_only: bool = False,
               after: str | None = None, limit: int = 200) -> list[PartDTO]:
    """The catalogue by part number (keyset after ``after``), optionally only low stock."""
    with ctx.read() as session:
        query = select(Part).where(Part.active.is_(True))
        if low_only:
            query = query.where(Part.stock_on_hand <= Part.reorder_level)
        term = searchable(search)
        if term:
            query = query.where(Part.number.contains(term.upper(), autoescape=True)
                                | Part.name.contains(term, autoescape=True))
        if after is not None:
            query = query.where(Part.number > after)
        rows = session.scalars(query.order_by(Part.number).limit(limit))
        return [part_dto(p) for p in rows]


def low_stock(ctx: ServiceContext) -> list[PartDTO]:
    """Parts at or below their reorder level (the low-stock list)."""
    return list_parts(ctx, low_only=True, limit=10_000)


def get_part(ctx: ServiceContext, part_id: int) -> PartDTO:
    with ctx.read() as session:
        return part_dto(get_part_row(session, part_id))


def find_part(ctx: ServiceContext, number: str) -> PartDTO:
    with ctx.read() as session:
        part = session.scalar(select(Part).where(Part.number == searchable(number).upper()))
        if part is None:
            raise NotFound(N_("No part with the number {number}."), field="part",
                           number=number)
        return part_dto(part)


def movements(ctx: ServiceContext, part_id: int, *, limit: int = 200) -> list[MovementDTO]:
    """The ledger of one part, newest first."""
    with ctx.read() as session:
        rows = session.scalars(select(StockMovement).where(StockMovement.part_id == part_id)
                               .order_by(StockMovement.id.desc()).limit(limit))
        return [MovementDTO(m.id, m.part_id, m.at, m.kind, m.quantity, m.balance_after,
                            m.reason, m.repair_card_id, m.overridden, m.unit_price_cents)
                for m in rows]


def verify_stock(ctx: ServiceContext) -> list[str]:
    """Part numbers whose balance differs from the sum of their ledger (should be none)."""
    with ctx.read() as session:
        sums = (select(StockMovement.part_id, func.sum(StockMovement.quantity).label("total"))
                .group_by(StockMovement.part_id).subquery())
        query = (select(Part.number).outerjoin(sums, sums.c.part_id == Part.id)
                 .where(Part.stock_on_hand != func.coalesce(sums.c.total, 0)))
        return list(session.scalars(query))


def may_override(ctx: ServiceContext) -> bool:
    return allowed(ctx.actor, Perm.STOCK_OVERRIDE)


def use_on_voucher(session: Session, ctx: ServiceContext, voucher_id: int | None,
                   uses: list[tuple[int, int]], *, override: bool = False,
                   reason: str = "") -> int:
    """Parts used on site on a service voucher, inside the visit's own unit of work:
    ``uses`` is [(part id, quantity)]; returns their value in cents at today's prices."""
    total = 0
    for part_id, quantity in uses:
        check_int(quantity, field="quantity", low=1, high=MAX_PART_QUANTITY)
        part = get_part_row(session, part_id)
        move_stock(session, ctx, part, -quantity, kind="used", reason=reason,
                   voucher_id=voucher_id, override=override)
        total += quantity * part.unit_price_cents
    return total


def parts_used() -> Subquery:
    """Every part taken from stock for a job (配换零件), on site against a voucher or on a
    repair card: one row per ledger line with the call it went to, how many (positive), the
    price it went out at, its value, when and the part. The bill's parts lines, the month's
    materials cost and every sheet's parts column read this, so they cannot disagree."""
    return (select(StockMovement.id.label("movement_id"), StockMovement.part_id,
                   func.coalesce(Job.call_id, ItemReceipt.call_id).label("call_id"),
                   (-StockMovement.quantity).label("quantity"),
                   StockMovement.unit_price_cents,
                   (-StockMovement.quantity * StockMovement.unit_price_cents).label("cents"),
                   StockMovement.at)
            .select_from(StockMovement)
            .outerjoin(Job, Job.id == StockMovement.voucher_id)
            .outerjoin(RepairCard, RepairCard.id == StockMovement.repair_card_id)
            .outerjoin(ItemReceipt, ItemReceipt.id == RepairCard.receipt_id)
            .where(StockMovement.kind == "used")
            .subquery("parts_used"))


def parts_cents_by_call(calls: Select[Any]) -> Select[tuple[int, int]]:
    """(call id, value of its parts) over ``calls`` (a select of call ids): the rows of
    ``parts_used`` whose call is in ``calls``, summed per call, found from the calls through
    the indexes — a voucher's parts by its call's vouchers, a repair card's by its call's
    receipts (a movement goes to its voucher's call, or else to its card's: as in
    ``parts_used``) — where filtering ``parts_used`` reads every movement ever made."""
    cents = -StockMovement.quantity * StockMovement.unit_price_cents
    on_site = (select(Job.call_id.label("call_id"), cents.label("cents"))
               .join(StockMovement, StockMovement.voucher_id == Job.id)
               .where(Job.call_id.in_(calls), StockMovement.kind == "used"))
    on_cards = (select(ItemReceipt.call_id.label("call_id"), cents.label("cents"))
                .join(RepairCard, RepairCard.receipt_id == ItemReceipt.id)
                .join(StockMovement, StockMovement.repair_card_id == RepairCard.id)
                .where(ItemReceipt.call_id.in_(calls), StockMovement.kind == "used",
                       StockMovement.voucher_id.is_(None)))
    both = union_all(on_site, on_cards).subquery("parts_of_calls")
    return select(both.c.call_id, func.sum(both.c.cents)).group_by(both.c.call_id)
