"""Shared givens for the carry-in tests: a walk-in take-in and a stocked part."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import select

from app.models.customers import Customer, Item
from app.models.jobs import VisitOutcome
from app.models.staff import User
from app.models.store import ProductModel
from app.services import carry_in_service, dispatch_service, parts_service, visit_service
from app.services.calls_service import CallInput, register_call
from app.services.carry_in_dto import CarryInDTO
from app.services.carry_in_service import TakeInInput
from app.services.context import ServiceContext
from app.services.customers_service import CustomerInput, ItemInput
from app.services.parts_service import PartDTO, PartInput
from app.services.visit_service import VisitInput


def user_id(ctx: ServiceContext, username: str) -> int:
    with ctx.read() as session:
        return int(session.scalar(select(User.id).where(User.username == username)) or 0)


def model_id(ctx: ServiceContext, code: str = "XQB80") -> int:
    with ctx.read() as session:
        return int(session.scalar(select(ProductModel.id).where(ProductModel.code == code)) or 0)


def zhang_item(ctx: ServiceContext) -> tuple[int, int]:
    with ctx.read() as session:
        customer = session.scalar(select(Customer).where(Customer.name == "张伟"))
        assert customer is not None
        item = session.scalar(select(Item).where(Item.customer_id == customer.id,
                                                 Item.serial == "XTE778"))
        assert item is not None
        return customer.id, item.id


def walk_in(ctx: ServiceContext, *, new_customer: bool = True, days: int = 5,
            name: str = "刘洋", phone: str = "13900001111") -> CarryInDTO:
    """A new customer walks in with a washing machine; the clerk takes it in."""
    if new_customer:
        call = CallInput(fault="不脱水，有异响",
                         new_customer=CustomerInput(name, (phone,), "市区解放路 8 号"),
                         new_item=ItemInput(model_id(ctx), "XTE-9001"))
    else:
        customer_id, item_id = zhang_item(ctx)
        call = CallInput(fault="漏水", customer_id=customer_id, item_id=item_id)
    return carry_in_service.take_in(ctx, TakeInInput(
        technician_id=user_id(ctx, "tech"), promised_date=ctx.today() + timedelta(days=days),
        accessories=("电源线", "说明书"), accessories_note="进水管一根",
        condition="外壳左侧划痕", walk_in=call))


def stocked_part(ctx: ServiceContext, *, stock: int = 5, number: str = "P-DRAIN-01",
                 price_cents: int = 3550, van: int = 0) -> PartDTO:
    """A part received into the store; ``van`` of them then go out to 李师傅's van."""
    part = parts_service.create_part(ctx, PartInput(number, "排水泵", "个", price_cents, 2))
    received = parts_service.receive_goods(ctx, part.id, stock, note="首批入库")
    if not van:
        return received
    return parts_service.transfer(ctx, part.id, van, technician_id=user_id(ctx, "tech"),
                                  to_van=True, note="领料上车")


def taken_in_on_site(login: Callable[[str], ServiceContext]) -> tuple[int, str]:
    """A phone call, dispatched to 李师傅, who could not fix it on site and took it away."""
    clerk, boss, tech = login("clerk"), login("super"), login("tech")
    customer_id, item_id = zhang_item(clerk)
    call = register_call(clerk, CallInput(fault="洗衣机漏电", customer_id=customer_id,
                                          item_id=item_id))
    job = dispatch_service.dispatch_call(boss, call.id, user_id(boss, "tech"),
                                         expected_version=call.version)
    now = tech.now()
    later = replace(tech, clock=lambda: now + timedelta(hours=1))  # the visit is an hour on
    visit_service.record_visit(later, job.job_id, VisitInput(
        now + timedelta(minutes=5), now + timedelta(minutes=45), VisitOutcome.TAKEN_IN,
        work_done="漏电保护跳闸，带回检修", customer_signed=True), expected_version=job.version)
    return call.id, call.number


# A return whose bill stays receivable (a company customer invoiced monthly).
ON_ACCOUNT = carry_in_service.Settlement("receivable", reason="单位客户，月结开票")


def back(collected_by: str, signed: bool = True,
         identity: carry_in_service.IdentityCheck | None = None) -> carry_in_service.ReturnInput:
    """A return at the counter with the bill left on account (ON_ACCOUNT)."""
    return carry_in_service.ReturnInput(collected_by, signed, identity=identity,
                                        settle=ON_ACCOUNT)
