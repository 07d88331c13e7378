"""Spare parts (配件): catalogue, goods received, stock counts, use on repair cards and visits,
and the places stock sits: the store's shelf (库房) and each technician's van (车上).

A part's ``stock_on_hand`` is its total over every place; a van's share is its ``VanStock``
row, the store's is the total less the vans. Every move names its place (``van_id``, None:
the store), locks the part's row first and refuses to take a place below zero without a
supervisor's override; a transfer between store and van is two ledger lines that sum to
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, Subquery, func, select, union_all
from sqlalchemy.orm import Session

from app.db.branch_scope import branch_of
from app.db.locking import lock
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import N_
from app.models.branch import FIRST_BRANCH_ID, Branch
from app.models.carry_in import ItemReceipt, RepairCard
from app.models.enums import Role
from app.models.jobs import Job
from app.models.parts import BranchStock, Part, StockMovement, VanStock, movement_is_use
from app.models.staff import User
from app.services.context import ServiceContext
from app.services.money import check_cents
from app.services.permissions import Perm, allowed, require
from app.services.validation import check_int, check_version, clean_text, searchable

MAX_PART_QUANTITY = 100_000  # of one part in one movement, count or reorder level


@dataclass(frozen=True)
class PartQty:
    """A part taken from stock (配换零件): which part and how many."""

    part_id: int
    quantity: int
    from_store: bool = False  # on a visit: from the store, not the technician's van


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
    in_vans: int = 0  # of stock_on_hand, what the technicians' vans carry

    @property
    def store(self) -> int:
        """What the store's shelf holds (the total less the vans)."""
        return self.stock_on_hand - self.in_vans

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
    van_id: int | None = None  # the technician whose van; None: the store


@dataclass(frozen=True)
class VanLineDTO:
    """One part in a technician's van, with what the store has beside it."""

    technician_id: int
    technician_name: str
    part_id: int
    number: str
    name: str
    unit: str
    quantity: int
    store: int

    @property
    def label(self) -> str:
        return f"{self.number} {self.name}"


def part_dto(part: Part, in_vans: int = 0, on_hand: int | None = None) -> PartDTO:
    """``on_hand``: the branch's stock (None: the part's total, the service department's)."""
    return PartDTO(part.id, part.number, part.name, part.unit, part.unit_price_cents,
                   part.stock_on_hand if on_hand is None else on_hand, part.reorder_level,
                   part.active, part.version, in_vans)


def _vans_of(session: Session, part_id: int, branch: int | None = None) -> int:
    query = select(func.coalesce(func.sum(VanStock.quantity), 0)).where(
        VanStock.part_id == part_id)
    if branch is not None:
        query = query.where(VanStock.branch_id == branch)
    return int(session.scalar(query) or 0)


def _branch_row(session: Session, part_id: int, branch: int) -> BranchStock:
    """The branch's balance of the part (made at nought the first time; the caller holds
    the part's row)."""
    row = session.scalar(select(BranchStock).where(BranchStock.part_id == part_id,
                                                   BranchStock.branch_id == branch))
    if row is None:
        row = BranchStock(part_id=part_id, branch_id=branch, quantity=0)
        session.add(row)
        session.flush()
    else:
        session.refresh(row)
    return row


def _on_hand(session: Session, part_id: int) -> int | None:
    """The session's branch's stock of a part (None for the service department: it sees
    the total)."""
    branch = branch_of(session)
    if branch is None:
        return None
    return int(session.scalar(select(BranchStock.quantity).where(
        BranchStock.part_id == part_id, BranchStock.branch_id == branch)) or 0)


def _with_stock(session: Session, query: Select[*tuple[Any, ...]]
                ) -> tuple[Select[*tuple[Any, ...]], ColumnElement[int]]:
    """``query`` (on ``Part``) with the stock column: a branch's people their branch's
    balance (outer-joined; nought where it has none), the service department the part's
    total over every branch."""
    branch = branch_of(session)
    if branch is None:
        return query, Part.stock_on_hand.expression
    own = (select(BranchStock.part_id, BranchStock.quantity)
           .where(BranchStock.branch_id == branch).subquery("own_stock"))
    return (query.outerjoin(own, own.c.part_id == Part.id),
            func.coalesce(own.c.quantity, 0))


def _van_sums() -> Subquery:
    return (select(VanStock.part_id, func.sum(VanStock.quantity).label("in_vans"))
            .group_by(VanStock.part_id).subquery("van_sums"))


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
               voucher_id: int | None = None, override: bool = False,
               van_id: int | None = None, branch: int | None = None) -> StockMovement:
    """The one place stock changes: balances and ledger line together, in the caller's UoW.

    ``van_id`` names the place (the technician whose van; None: the store). A move that
    would take that place below zero is refused unless ``override`` is given by someone
    holding STOCK_OVERRIDE with a reason. The part's row is locked (and reloaded) first, so
    two technicians taking the last unit cannot both see it there. ``branch``: whose stock
    (the session's; the service department's moves without one: the first branch's).
    """
    lock(session, part)
    branch = branch or branch_of(session) or FIRST_BRANCH_ID
    van = _van_row(session, part.id, van_id) if van_id is not None else None
    own = _branch_row(session, part.id, branch)
    held = _held(session, part, van_id, own)
    overridden = held + quantity < 0
    if overridden:
        _check_override(ctx, part, held, quantity, override=override, reason=reason,
                        van_id=van_id)
    part.stock_on_hand += quantity  # the company's total
    own.quantity += quantity  # the branch's
    if van is not None:
        van.quantity += quantity
    movement = StockMovement(part_id=part.id, at=ctx.now(), kind=kind, quantity=quantity,
                             balance_after=own.quantity, branch_id=branch,
                             unit_price_cents=part.unit_price_cents, reason=reason,
                             repair_card_id=repair_card_id, voucher_id=voucher_id,
                             overridden=overridden, actor_id=ctx.actor.user_id, van_id=van_id)
    session.add(movement)
    session.flush()
    return movement


def _held(session: Session, part: Part, van_id: int | None,
          own: BranchStock | None = None) -> int:
    """What one place holds of a locked part: the van's row, or the branch's stock less
    its vans (another branch's shelf is not this branch's)."""
    if van_id is not None:
        return _van_row(session, part.id, van_id).quantity
    if own is None:
        own = _branch_row(session, part.id, branch_of(session) or FIRST_BRANCH_ID)
    return own.quantity - _vans_of(session, part.id, own.branch_id)


def _van_row(session: Session, part_id: int, technician_id: int) -> VanStock:
    """The van's balance of the part (made at nought the first time); the caller holds the
    part's row, so two first moves into one van cannot both make it."""
    van = session.scalar(select(VanStock).where(VanStock.part_id == part_id,
                                                VanStock.technician_id == technician_id))
    if van is None:
        van = VanStock(part_id=part_id, technician_id=technician_id, quantity=0)
        session.add(van)
        session.flush()
    else:
        session.refresh(van)  # as last committed: the part's lock serialises its writers
    return van


def _check_override(ctx: ServiceContext, part: Part, held: int, quantity: int, *,
                    override: bool, reason: str, van_id: int | None = None) -> None:
    if not override:
        if van_id is not None:
            raise ValidationError(
                N_("Only {stock} {unit} of {part} in the van; {wanted} needed. Take it from "
                   "the store, or a supervisor can override with a reason."),
                field="quantity", stock=held, unit=part.unit,
                part=f"{part.number} {part.name}", wanted=-quantity)
        raise ValidationError(
            N_("Only {stock} {unit} of {part} in stock; {wanted} needed. A supervisor can "
               "override with a reason."),
            field="quantity", stock=held, unit=part.unit,
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
        return part_dto(part, on_hand=_on_hand(session, part.id))


def count_stock(ctx: ServiceContext, part_id: int, counted: int, *, reason: str,
                van_id: int | None = None) -> PartDTO:
    """A stock count (盘点) of one place (the store's shelf, or ``van_id``'s van): set its
    balance to what was counted, with a reason."""
    require(ctx.actor, Perm.PARTS_MANAGE)
    check_int(counted, field="quantity", high=MAX_PART_QUANTITY)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    with ctx.write(reason=reason, action="count") as session:
        part = get_part_row(session, part_id)
        lock(session, part)  # the difference is against the balance as last committed
        if van_id is not None:
            _technician(session, van_id)
        held = _held(session, part, van_id)
        move_stock(session, ctx, part, counted - held, kind="count", reason=reason,
                   van_id=van_id)
        return part_dto(part, _vans_of(session, part.id))


def _technician(session: Session, user_id: int) -> int:
    role = session.scalar(select(User.role).where(User.id == user_id))
    if role != Role.TECHNICIAN.value:
        raise ValidationError(N_("Only a technician has a van."), field="technician")
    return user_id


def transfer(ctx: ServiceContext, part_id: int, quantity: int, *, technician_id: int,
             to_van: bool, note: str = "") -> PartDTO:
    """Move parts between the store and a technician's van (领料上车 / 退回库房), in one
    transaction: a line out of one place and a line into the other, so the part's total
    never changes and nothing is used. What the giving place does not hold cannot move."""
    require(ctx.actor, Perm.PARTS_MANAGE)
    check_int(quantity, field="quantity", low=1, high=MAX_PART_QUANTITY)
    note = clean_text(note, field="note", max_len=200)
    with ctx.write(action="transfer") as session:
        part = get_part_row(session, part_id)
        _technician(session, technician_id)
        lock(session, part)
        source, target = (None, technician_id) if to_van else (technician_id, None)
        held = _held(session, part, source)
        if held < quantity:
            raise ValidationError(
                N_("Only {stock} {unit} of {part} there to move; {wanted} asked."),
                field="quantity", stock=held, unit=part.unit,
                part=f"{part.number} {part.name}", wanted=quantity)
        move_stock(session, ctx, part, -quantity, kind="transfer", reason=note, van_id=source)
        move_stock(session, ctx, part, quantity, kind="transfer", reason=note, van_id=target)
        return part_dto(part, _vans_of(session, part.id), _on_hand(session, part.id))


def transfer_between_branches(ctx: ServiceContext, part_id: int, quantity: int, *,
                              source: int, target: int, note: str = "") -> PartDTO:
    """The service department moves parts from one branch's store to another's (调拨), in
    one transaction: a line out of the giving branch, a line into the taking one, so the
    company's total never changes and nothing is used. What the giving store does not hold
    cannot move."""
    require(ctx.actor, Perm.PARTS_MANAGE)
    if ctx.actor.branch_id is not None:
        raise PermissionDenied(N_("move stock between branches"))
    check_int(quantity, field="quantity", low=1, high=MAX_PART_QUANTITY)
    note = clean_text(note, field="note", max_len=200)
    if source == target:
        raise ValidationError(N_("Choose another branch to move the parts to."),
                              field="branch")
    with ctx.write(action="transfer") as session:
        part = get_part_row(session, part_id)
        for branch in (source, target):
            if session.get(Branch, branch) is None:
                raise NotFound(N_("No such branch."), field="branch")
        lock(session, part)
        held = _held(session, part, None, _branch_row(session, part.id, source))
        if held < quantity:
            raise ValidationError(
                N_("Only {stock} {unit} of {part} there to move; {wanted} asked."),
                field="quantity", stock=held, unit=part.unit,
                part=f"{part.number} {part.name}", wanted=quantity)
        move_stock(session, ctx, part, -quantity, kind="transfer", reason=note, branch=source)
        move_stock(session, ctx, part, quantity, kind="transfer", reason=note, branch=target)
        return part_dto(part, _vans_of(session, part.id))


def shelves_by_branch(ctx: ServiceContext, part_id: int) -> dict[int, int]:
    """What each branch's shelf holds of a part (its stock less its vans): what a move
    between branches may take (the service department's; a branch sees its own only)."""
    with ctx.read() as session:
        held = dict.fromkeys(session.scalars(select(Branch.id).order_by(Branch.id)), 0)
        for branch, quantity in session.execute(
                select(BranchStock.branch_id, BranchStock.quantity)
                .where(BranchStock.part_id == part_id)):
            held[int(branch)] = int(quantity) - _vans_of(session, part_id, int(branch))
        return held


def list_parts(ctx: ServiceContext, *, search: str = "", low_only: bool = False,
               after: str | None = None, limit: int = 200) -> list[PartDTO]:
    """The catalogue by part number (keyset after ``after``), optionally only low stock."""
    with ctx.read() as session:
        vans = _van_sums()
        query, stock = _with_stock(session, select(Part, func.coalesce(vans.c.in_vans, 0))
                                   .outerjoin(vans, vans.c.part_id == Part.id)
                                   .where(Part.active.is_(True)))
        query = query.add_columns(stock)
        if low_only:
            query = query.where(stock <= Part.reorder_level)
        term = searchable(search)
        if term:
            query = query.where(Part.number.contains(term.upper(), autoescape=True)
                                | Part.name.contains(term, autoescape=True))
        if after is not None:
            query = query.where(Part.number > after)
        rows = session.execute(query.order_by(Part.number).limit(limit))
        return [part_dto(p, int(in_vans), int(on_hand)) for p, in_vans, on_hand in rows]


def low_stock(ctx: ServiceContext) -> list[PartDTO]:
    """Parts at or below their reorder level (the low-stock list)."""
    return list_parts(ctx, low_only=True, limit=10_000)


def get_part(ctx: ServiceContext, part_id: int) -> PartDTO:
    with ctx.read() as session:
        return part_dto(get_part_row(session, part_id), _vans_of(session, part_id),
                        _on_hand(session, part_id))


def find_part(ctx: ServiceContext, number: str) -> PartDTO:
    with ctx.read() as session:
        part = session.scalar(select(Part).where(Part.number == searchable(number).upper()))
        if part is None:
            raise NotFound(N_("No part with the number {number}."), field="part",
                           number=number)
        return part_dto(part, on_hand=_on_hand(session, part.id))


def movements(ctx: ServiceContext, part_id: int, *, limit: int = 200) -> list[MovementDTO]:
    """The ledger of one part, newest first."""
    with ctx.read() as session:
        rows = session.scalars(select(StockMovement).where(StockMovement.part_id == part_id)
                               .order_by(StockMovement.id.desc()).limit(limit))
        return [MovementDTO(m.id, m.part_id, m.at, m.kind, m.quantity, m.balance_after,
                            m.reason, m.repair_card_id, m.overridden, m.unit_price_cents,
                            m.van_id)
                for m in rows]


def verify_stock(ctx: ServiceContext) -> list[str]:
    """Part numbers whose total differs from the sum of their ledger, and "number@van" for
    each van whose balance differs from the sum of its own lines (should be none). The
    store's share is the total less the vans, so it agrees when these do."""
    with ctx.read() as session:
        sums = (select(StockMovement.part_id, func.sum(StockMovement.quantity).label("total"))
                .group_by(StockMovement.part_id).subquery())
        query = (select(Part.number).outerjoin(sums, sums.c.part_id == Part.id)
                 .where(Part.stock_on_hand != func.coalesce(sums.c.total, 0)))
        wrong = list(session.scalars(query)) if branch_of(session) is None else []
        branch_sums = (select(StockMovement.branch_id, StockMovement.part_id,
                              func.sum(StockMovement.quantity).label("total"))
                       .group_by(StockMovement.branch_id, StockMovement.part_id).subquery())
        own = (select(Part.number, BranchStock.branch_id).select_from(BranchStock)
               .join(Part, Part.id == BranchStock.part_id)
               .outerjoin(branch_sums, (branch_sums.c.part_id == BranchStock.part_id)
                          & (branch_sums.c.branch_id == BranchStock.branch_id))
               .where(BranchStock.quantity != func.coalesce(branch_sums.c.total, 0)))
        wrong += [f"{number}#{branch}" for number, branch in session.execute(own)]
        van_sums = (select(StockMovement.part_id, StockMovement.van_id,
                           func.sum(StockMovement.quantity).label("total"))
                    .where(StockMovement.van_id.is_not(None))
                    .group_by(StockMovement.part_id, StockMovement.van_id).subquery())
        vans = (select(Part.number, User.username)
                .select_from(VanStock).join(Part, Part.id == VanStock.part_id)
                .join(User, User.id == VanStock.technician_id)
                .outerjoin(van_sums, (van_sums.c.part_id == VanStock.part_id)
                           & (van_sums.c.van_id == VanStock.technician_id))
                .where(VanStock.quantity != func.coalesce(van_sums.c.total, 0)))
        wrong += [f"{number}@{username}" for number, username in session.execute(vans)]
        lines_without_row = (select(Part.number, User.username).select_from(van_sums)
                             .join(Part, Part.id == van_sums.c.part_id)
                             .join(User, User.id == van_sums.c.van_id)
                             .outerjoin(VanStock, (VanStock.part_id == van_sums.c.part_id)
                                        & (VanStock.technician_id == van_sums.c.van_id))
                             .where(VanStock.id.is_(None), van_sums.c.total != 0))
        wrong += [f"{number}@{username}" for number, username
                  in session.execute(lines_without_row)]
        return wrong


def van_holders(ctx: ServiceContext) -> list[tuple[int, str]]:
    """The technicians who carry a van, as (user id, name), by name."""
    with ctx.read() as session:
        rows = session.execute(select(User.id, User.display_name)
                               .where(User.active.is_(True),
                                      User.role == Role.TECHNICIAN.value)
                               .order_by(User.display_name))
        return [(int(i), str(n)) for i, n in rows]


def van_stock(ctx: ServiceContext, technician_id: int | None = None) -> list[VanLineDTO]:
    """What the vans carry (one technician's, or every van's for whoever manages parts), by
    technician and part number, with the store's quantity beside each. A technician sees
    their own van; whoever dispatches (and records visits for any technician) every van."""
    if technician_id != ctx.actor.user_id and not allowed(ctx.actor, Perm.DISPATCH):
        require(ctx.actor, Perm.PARTS_MANAGE)
    with ctx.read() as session:
        vans = _van_sums()
        query, stock = _with_stock(session, select(
            VanStock.technician_id, User.display_name, Part.id, Part.number, Part.name,
            Part.unit, VanStock.quantity)
            .select_from(VanStock).join(Part, Part.id == VanStock.part_id)
            .join(User, User.id == VanStock.technician_id)
            .outerjoin(vans, vans.c.part_id == Part.id)
            .where(VanStock.quantity != 0))
        query = query.add_columns(stock - func.coalesce(vans.c.in_vans, 0))
        if technician_id is not None:
            query = query.where(VanStock.technician_id == technician_id)
        rows = session.execute(query.order_by(User.display_name, Part.number))
        return [VanLineDTO(*row) for row in rows]


def may_override(ctx: ServiceContext) -> bool:
    return allowed(ctx.actor, Perm.STOCK_OVERRIDE)


def use_on_voucher(session: Session, ctx: ServiceContext, voucher_id: int | None,
                   uses: list[tuple[int, int]] | list[PartQty], *, override: bool = False,
                   reason: str = "", van_id: int | None = None) -> int:
    """Parts used on site on a service voucher, inside the visit's own unit of work:
    ``uses`` is [(part id, quantity)] or PartQty, taken from ``van_id``'s van (a PartQty
    marked ``from_store`` from the store); returns their value in cents at today's prices."""
    total = 0
    lock_parts(session, [use[0] if isinstance(use, tuple) else use.part_id for use in uses])
    for use in uses:
        if isinstance(use, tuple):
            use = PartQty(*use)
        place = None if use.from_store else van_id
        check_int(use.quantity, field="quantity", low=1, high=MAX_PART_QUANTITY)
        part = get_part_row(session, use.part_id)
        move_stock(session, ctx, part, -use.quantity, kind="used", reason=reason,
                   voucher_id=voucher_id, override=override, van_id=place)
        total += use.quantity * part.unit_price_cents
    return total


def lock_parts(session: Session, part_ids: list[int]) -> None:
    """Hold several parts' rows, in one order (two jobs taking the same two parts in
    opposite order then wait, not deadlock)."""
    for part_id in sorted(set(part_ids)):
        lock(session, get_part_row(session, part_id))


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
            # the word itself, not a parameter: a month's movements are then read on the
            # partial index of used parts by time (ix_stock_movements_used_at), not all
            .where(movement_is_use())
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
