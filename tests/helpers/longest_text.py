"""Givens at the longest length every field accepts, with names from outside GBK and the BMP.

Built through the services (so the lengths are the ones the service accepts, not guesses):
the store profile, a product model, a customer with an item, a walk-in take-in, and a repair
with several parts replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from app.models.enums import StoreKind
from app.services import (
    billing_service,
    carry_in_service,
    dispatch_service,
    parts_service,
    payments_service,
    reference_service,
    repair_service,
)
from app.services.calls_service import CallInput, register_call
from app.services.carry_in_dto import CarryInDTO
from app.services.carry_in_service import TakeInInput
from app.services.context import ServiceContext
from app.services.customers_service import CustomerInput, ItemInput
from app.services.money_dto import LineInput
from app.services.parts_service import PartInput
from app.services.reference_service import ProductModelInput, StoreProfile
from app.services.repair_service import PartQty, WorkInput
from tests.helpers.carry_in import user_id

# 䶮 (U+4DAE) and 𬌗 (U+2C317) are in 通用规范汉字表 and in real given names; 𠮷 (U+20BB7)
# comes with company names (𠮷野家). None of them is in GBK; two are outside the BMP.
RARE = "䶮𬌗𠮷"


def fill(seed: str, length: int) -> str:
    """``seed`` repeated to exactly ``length`` characters (code points, as the service counts)."""
    return (seed * (length // len(seed) + 1))[:length]


NAME = fill("欧阳" + RARE + "龑娜", 60)
STORE = fill("华联电器" + RARE + "野家售后服务中心", 60)
ADDRESS = fill("浙江省杭州市西湖区文三路一二三号", 200)
FAULT = fill("洗衣机脱水时剧烈抖动并伴有异响，" + RARE + "偶尔显示故障代码E3，", 500)
CONDITION = fill("外壳左侧有划痕，门封圈老化，", 300)
ACCESSORIES_NOTE = fill("进水管一根，排水管一根，", 200)
MODEL_CODE = fill("XQB80-8765WXYZ-", 40)
MODEL_NAME = fill("全自动波轮洗衣机超长型号名称" + RARE, 80)
SERIAL = fill("SN0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 60)
PART_NAME = fill("排水泵总成含密封圈及固定螺丝" + RARE, 80)
WORK_NOTE = fill("更换排水泵，清理过滤器，", 300)


@dataclass(frozen=True)
class Longest:
    job: CarryInDTO  # repaired: work entries with parts recorded
    bare: CarryInDTO  # taken in, nothing recorded yet (the tag gets lines for the pen)


def make_longest(login: Callable[[str], ServiceContext]) -> Longest:
    admin, clerk, tech = login("admin"), login("clerk"), login("tech")
    profile = reference_service.get_store_profile(admin)
    reference_service.update_store_profile(
        admin, StoreProfile(STORE, ADDRESS, "0571-88886666", StoreKind(profile.kind),
                            profile.timezone), expected_version=profile.version)
    model = reference_service.create_product_model(admin, ProductModelInput(
        MODEL_CODE, MODEL_NAME, fill("洗衣机", 40), fill("海尔", 40)))

    def take_in(phone: str) -> CarryInDTO:
        call = CallInput(fault=FAULT,
                         new_customer=CustomerInput(NAME, (phone,), ADDRESS),
                         new_item=ItemInput(model.id, SERIAL))
        return carry_in_service.take_in(clerk, TakeInInput(
            technician_id=user_id(clerk, "tech"),
            promised_date=clerk.today() + timedelta(days=5),
            accessories=("电源线", "说明书", "遥控器", "底座"),
            accessories_note=ACCESSORIES_NOTE, condition=CONDITION, fault=FAULT,
            walk_in=call))

    bare = take_in("13900001111")
    job = take_in("13900002222")
    parts = []
    for n in range(6):
        part = parts_service.create_part(admin, PartInput(
            fill(f"P{n}-", 40), f"{n + 1}号" + PART_NAME[2:], "个", 12345, 1))
        parts_service.receive_goods(admin, part.id, 50, note="首批入库")
        parts.append(part)
    later = replace(tech, clock=lambda: tech.now() + timedelta(hours=1))
    for n in range(3):
        job = repair_service.add_work(later, job.card_id, WorkInput(
            minutes=95 + n, note=WORK_NOTE,
            parts=(PartQty(parts[2 * n].id, 2), PartQty(parts[2 * n + 1].id, 13))),
            expected_version=job.card_version)
    return Longest(job, bare)


LINE_TEXT = fill("上门交通及远程检测服务费" + RARE, 120)  # a bill line as long as it goes


def longest_voucher(login: Callable[[str], ServiceContext]) -> str:
    """A voucher for a call with the longest name, phones, address, model, serial, fault."""
    clerk, sup = login("clerk"), login("super")
    admin = login("admin")
    model = reference_service.create_product_model(admin, ProductModelInput(
        fill("KFR-35GW-", 40), MODEL_NAME, fill("空调", 40), fill("格力", 40)))
    call = register_call(clerk, CallInput(
        fault=FAULT, new_customer=CustomerInput(NAME, ("13900003333", "0571-88886666",
                                                       "13900004444"), ADDRESS),
        new_item=ItemInput(model.id, SERIAL)))
    return dispatch_service.dispatch_call(sup, call.id, user_id(clerk, "tech"),
                                          expected_version=call.version).number


def longest_payment(login: Callable[[str], ServiceContext], longest: Longest) -> str:
    """A payment on the repaired job's bill (six parts) with long hand-written lines."""
    clerk = login("clerk")
    bill = billing_service.make_bill(clerk, longest.job.call_id, extra=[
        LineInput(kind, LINE_TEXT, Decimal("1.5"), Decimal("99999.99"))
        for kind in ("transport", "other", "other")])
    return payments_service.collect(clerk, bill.id, amount=Decimal("1.00"), method="transfer",
                                    place="counter").number
