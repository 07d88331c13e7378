"""Returns and exchanges inside the warranty (seed 003 §4.2.3): a depreciation charge that
grows with the days since sale, from a table the store configures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.billing import Exchange
from app.models.customers import Item
from app.models.store import ProductModel
from app.services.context import ServiceContext
from app.services.customers_service import item_dto
from app.services.dto import ItemDTO
from app.services.money import format_money, percent_of, to_cents
from app.services.money_dto import DepreciationResult, DepreciationStep, ExchangeDTO
from app.services.permissions import Perm, require
from app.services.reference_service import price_in
from app.services.settings_kv import SESSION, BranchArg, load_setting, save_setting
from app.services.validation import searchable
from app.services.warranty import warranty_status

SETTING = "billing.depreciation"
# within 7 days 0 %, 8–30 days 5 %, 31–90 days 10 %, 91–180 days 20 %, 181–365 30 %, later 40 %
DEFAULT_TABLE = (DepreciationStep(7, Decimal(0)), DepreciationStep(30, Decimal(5)),
                 DepreciationStep(90, Decimal(10)), DepreciationStep(180, Decimal(20)),
                 DepreciationStep(365, Decimal(30)), DepreciationStep(None, Decimal(40)))


def check_table(steps: Sequence[DepreciationStep]) -> tuple[DepreciationStep, ...]:
    """Day limits strictly rising, percentages 0–100, an open last step."""
    if not steps or steps[-1].up_to_days is not None:
        raise ValidationError(N_("The last step must cover every later day."), field="table")
    limits = [s.up_to_days for s in steps[:-1]]
    if any(d is None or d < 0 for d in limits) or limits != sorted(set(limits)):  # type: ignore[type-var]
        raise ValidationError(N_("Day limits must rise from step to step."), field="table")
    if any(not Decimal(0) <= s.percent <= Decimal(100) for s in steps):
        raise ValidationError(N_("A percentage is between 0 and 100."), field="table")
    return tuple(steps)


def depreciation(steps: Sequence[DepreciationStep], price_cents: int, sale: date,
                 on: date) -> DepreciationResult:
    """The charge for taking an item back ``on`` a day, sold on ``sale`` at ``price``."""
    days = (on - sale).days
    if days < 0:
        raise ValidationError(N_("The sale date is after the return date."), field="sale_date")
    previous = -1
    for step in steps:
        if step.up_to_days is None or days <= step.up_to_days:
            charge = percent_of(price_cents, step.percent)
            span = (f"{previous + 1}–{step.up_to_days}" if step.up_to_days is not None
                    else f"> {previous}")
            explanation = (f"{days} days since sale (step {span} days: {step.percent} %): "
                           f"{format_money(price_cents)} × {step.percent} % = "
                           f"{format_money(charge)}")
            return DepreciationResult(days, step.percent, charge, explanation, price_cents,
                                      previous + 1, step.up_to_days)
        previous = step.up_to_days
    raise AssertionError("check_table guarantees an open last step")


def _load(session: Session,
          branch: BranchArg = SESSION) -> tuple[tuple[DepreciationStep, ...], int]:
    raw, version = load_setting(session, SETTING, branch=branch)
    if not raw:
        return DEFAULT_TABLE, version
    return tuple(DepreciationStep(r["up_to_days"], Decimal(r["percent"])) for r in raw), version


def get_table(ctx: ServiceContext,
              branch: BranchArg = SESSION) -> tuple[tuple[DepreciationStep, ...], int]:
    with ctx.read() as session:
        return _load(session, branch)


def set_table(ctx: ServiceContext, steps: Sequence[DepreciationStep], *,
              expected_version: int, branch: BranchArg = SESSION) -> int:
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    checked = check_table(steps)
    value = [{"up_to_days": s.up_to_days, "percent": str(s.percent)} for s in checked]
    with ctx.write() as session:
        return save_setting(session, SETTING, value, expected_version, branch=branch)


def _item_facts(session: Session, item_id: int, today: date) -> tuple[Item, ProductModel]:
    item = session.get(Item, item_id)
    if item is None:
        raise NotFound(N_("No such item."))
    model = session.get(ProductModel, item.product_model_id)
    assert model is not None
    if item.purchase_date is None:
        raise ValidationError(N_("The item has no purchase date on file."),
                              field="purchase_date")
    if not warranty_status(item.purchase_date, model.warranty_months, today).in_warranty:
        raise ValidationError(N_("Exchanges and refunds are for items inside the warranty."),
                              field="item")
    return item, model


def quote_exchange(ctx: ServiceContext, item_id: int, *,
                   sale_price: Decimal | None = None) -> DepreciationResult:
    """What taking this item back would cost today, and how it is computed."""
    with ctx.read() as session:
        item, model = _item_facts(session, item_id, ctx.today())
        steps, _ = _load(session, item.branch_id)
        price = (to_cents(sale_price) if sale_price is not None
                 else price_in(session, model, item.branch_id))  # the item's branch's price
        assert item.purchase_date is not None
        return depreciation(steps, price, item.purchase_date, ctx.today())


def record_exchange(ctx: ServiceContext, item_id: int, *, kind: str, call_id: int | None = None,
                    sale_price: Decimal | None = None) -> ExchangeDTO:
    """Decide an exchange or refund (supervisor); the charge is on record with its reasoning."""
    require(ctx.actor, Perm.DISCOUNT)
    if kind not in ("exchange", "refund"):
        raise ValidationError(N_("Choose exchange or refund."), field="kind")
    with ctx.write() as session:
        item, model = _item_facts(session, item_id, ctx.today())
        steps, _ = _load(session, item.branch_id)
        price = (to_cents(sale_price) if sale_price is not None
                 else price_in(session, model, item.branch_id))  # the item's branch's price
        assert item.purchase_date is not None
        result = depreciation(steps, price, item.purchase_date, ctx.today())
        row = Exchange(item_id=item_id, call_id=call_id, kind=kind, sale_price_cents=price,
                       days_since_sale=result.days, percent_milli=int(result.percent * 1000),
                       charge_cents=result.charge_cents, explanation=result.explanation,
                       decided_at=ctx.now(), decided_by_id=ctx.actor.user_id)
        session.add(row)
        session.flush()
        return ExchangeDTO(row.id, item_id, kind, price, result.days, result.percent,
                           result.charge_cents, result.explanation)


def find_item_by_serial(ctx: ServiceContext, serial: str) -> ItemDTO:
    """The customer's item with this serial number (for an exchange at the counter)."""
    from sqlalchemy import select


    text = searchable(serial)
    with ctx.read() as session:
        item = session.scalar(select(Item).where(Item.serial == text).limit(1))
        if item is None or not text:
            raise NotFound(N_("No item with the serial number {serial}."), field="serial",
                           serial=serial)
        return item_dto(session, item, ctx.today())
