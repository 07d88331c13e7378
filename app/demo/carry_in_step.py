"""Demo step: carry-in repairs — a stocked parts catalogue, items taken in with receipts,
register lines in and out, repair cards with time and parts, inspections passed and failed,
items still in the store (some late).

Old closed calls with an item become returned carry-ins (the call closes on the return);
calls already "taken in" on site, and recent walk-ins, are still in the store.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from app.db.numbering import format_number, period_of, reserve_block
from app.demo.core import OPEN_DAYS, DemoContext, Step
from app.models.calls import Call
from app.models.carry_in import (
    CardStatus,
    Inspection,
    ItemReceipt,
    ItemReturn,
    ReceiptStatus,
    RegisterEntry,
    RepairCard,
    RepairPartUse,
    RepairWork,
)
from app.models.customers import Customer, Item
from app.models.jobs import Job, Visit
from app.models.parts import BranchStock, Part, StockMovement
from app.models.staff import User
from app.models.store import ProductModel
from app.services.dto import item_label

BATCH = 1500  # carry-ins per transaction
WALK_IN_SHARE = 0.3  # of closed calls that never had a voucher: brought to the counter
ACCESSORIES = ("遥控器", "电源线", "说明书", "包装箱", "配件包")
CONDITIONS = ("", "", "外壳轻微划痕", "面板有污渍", "底座有磕碰", "机身有凹痕", "旧机，外观一般")
WORK_NOTES = ("检测故障", "更换零件", "清洗保养", "调试运行", "焊接线路", "试机 2 小时")
FAIL_NOTES = ("试机仍有异响", "仍有漏水", "温度不达标", "偶尔不启动")
PARTS = (("P-CAP-01", "启动电容", "个", 2800), ("P-DRAIN-01", "排水泵", "个", 3550),
         ("P-BELT-01", "传动皮带", "条", 1250), ("P-VALVE-01", "进水阀", "个", 4200),
         ("P-BOARD-01", "电脑板", "块", 18800), ("P-MOTOR-01", "风扇电机", "台", 16500),
         ("P-SENSOR-01", "温度传感器", "个", 2200), ("P-SEAL-01", "门封条", "条", 6800),
         ("P-FUSE-01", "保险管", "个", 300), ("P-REMOTE-01", "遥控器", "个", 4500),
         ("P-COMP-01", "压缩机", "台", 68000), ("P-GAS-01", "制冷剂 R32", "千克", 9000),
         ("P-PUMP-01", "循环泵", "个", 8800), ("P-SWITCH-01", "门开关", "个", 1600),
         ("P-HEATER-01", "加热管", "根", 5200), ("P-FILTER-01", "过滤网", "片", 900))


@dataclass
class Plan:
    """One carried-in item, planned in memory before any insert."""

    call_id: int
    customer_id: int
    item_id: int
    customer_name: str
    item_label: str
    fault: str
    taken_in_at: datetime
    promised: Any
    technician_id: int
    voucher_id: int | None
    returned_at: datetime | None
    lost: bool = False
    work: list[tuple[datetime, int, str]] = field(default_factory=list)
    parts: list[tuple[int, int, int]] = field(default_factory=list)  # work index, part, qty
    checks: list[tuple[datetime, bool, str]] = field(default_factory=list)


def run(dc: DemoContext) -> None:
    candidates = _candidates(dc)
    if not candidates or not dc.technician_ids:
        return
    names = _names(dc)
    plans = [_plan(dc, row) for row in candidates]
    plans.sort(key=lambda p: p.taken_in_at)
    part_ids, prices = _parts(dc, plans)
    for start in range(0, len(plans), BATCH):
        with dc.batch(reason="demo carry-in") as session:
            _insert(dc, session, plans[start:start + BATCH], names, part_ids, prices)
        dc.report(start + BATCH, len(plans), f"{min(start + BATCH, len(plans))}/{len(plans)}")
    dc.add_count("carry_ins", len(plans))
    dc.add_count("carry_ins_in_store", sum(1 for p in plans if p.returned_at is None))


@dataclass(frozen=True)
class Source:
    """Why a call became a carry-in: its row, the on-site visit that took it in (if any)."""

    row: Any
    voucher_id: int | None
    visit_done: datetime | None
    visit_tech: int | None
    in_store: bool


def _query() -> Any:
    return (
        select(Call.id, Call.received_at, Call.status, Call.channel, Call.customer_id,
               Call.item_id, Call.fault, Call.closed_at, Customer.name, ProductModel.code,
               ProductModel.name, Item.serial)
        .join(Customer, Customer.id == Call.customer_id)
        .join(Item, Item.id == Call.item_id)
        .join(ProductModel, ProductModel.id == Item.product_model_id)
        .outerjoin(ItemReceipt, ItemReceipt.call_id == Call.id)
        .where(ItemReceipt.id.is_(None), Call.status.in_(("closed", "taken_in", "registered")))
        .order_by(Call.id))


def _candidates(dc: DemoContext) -> list[Source]:
    """Calls taken in on site (closed: returned; still "taken_in": in the store), and calls
    without a voucher: walk-ins brought to the counter (a few recent ones still here)."""
    with dc.read() as session:
        rows = session.execute(_query()).all()
        visits = {r.call_id: r for r in session.execute(
            select(Job.call_id, Job.id, Visit.completed_at, Visit.technician_id)
            .join(Visit, Visit.job_id == Job.id).where(Visit.outcome == "taken_in"))}
        with_job = set(session.scalars(select(Job.call_id)))
    recent = dc.now - timedelta(days=OPEN_DAYS)
    month = dc.now - timedelta(days=35)
    picked: list[Source] = []
    for row in rows:
        visit = visits.get(row.id)
        if visit is not None and row.status in ("closed", "taken_in"):
            picked.append(Source(row, visit.id, visit.completed_at, visit.technician_id,
                                 row.status == "taken_in"))
        elif row.id in with_job:
            continue
        elif row.status == "registered" and row.received_at >= recent:
            if row.channel == "walk_in":
                picked.append(Source(row, None, None, None, True))
        elif row.status == "closed" and dc.rng.random() < WALK_IN_SHARE:
            still_here = row.received_at >= month and dc.rng.random() < 0.5
            picked.append(Source(row, None, None, None, still_here))
    return _one_receipt_per_item(picked)


def _one_receipt_per_item(picked: list[Source]) -> list[Source]:
    """An item is in the store under one receipt at most (take_in refuses a second)."""
    held: set[int] = set()
    kept = []
    for source in picked:
        if source.in_store:
            if source.row.item_id in held:
                continue
            held.add(source.row.item_id)
        kept.append(source)
    return kept


def _names(dc: DemoContext) -> dict[int, str]:
    with dc.read() as session:
        rows = session.execute(select(User.id, User.display_name, User.role)).all()
    dc.extras["carry_in.inspectors"] = [r.id for r in rows if r.role == "supervisor"]
    return {r.id: r.display_name for r in rows}


def _plan(dc: DemoContext, source: Source) -> Plan:
    row, rng = source.row, dc.rng
    start = source.visit_done or row.received_at
    taken = dc.in_hours(min(start + timedelta(hours=rng.uniform(0.5, 6)), dc.now))
    promised = dc.local(taken).date() + timedelta(days=rng.choice((3, 5, 7, 7, 10)))
    label = item_label(row.code, row.name_1, row.serial)
    returned = None
    if not source.in_store:
        closed = row.closed_at
        if closed is None or closed < taken + timedelta(hours=2):
            closed = taken + timedelta(days=rng.uniform(1, 12))
        returned = min(closed, dc.now - timedelta(hours=1))
    tech = source.visit_tech or rng.choice(dc.technician_ids)
    plan = Plan(row.id, row.customer_id, row.item_id, row.name, label, row.fault, taken,
                promised, tech, source.voucher_id, returned,
                lost=returned is not None and rng.random() < 0.03)
    _plan_work(dc, plan)
    _into_hours(dc, plan)
    return plan


def _into_hours(dc: DemoContext, plan: Plan) -> None:
    """Bench work, inspections and the return happen while the store is open, in order."""
    last = plan.taken_in_at

    def moved(moment: datetime) -> datetime:
        nonlocal last
        last = min(max(dc.in_hours(moment), last + timedelta(minutes=1)), dc.now)
        return last

    plan.work = [(moved(at), minutes, note) for at, minutes, note in plan.work]
    plan.checks = [(moved(at), ok, note) for at, ok, note in plan.checks]
    if plan.returned_at is not None:
        plan.returned_at = moved(plan.returned_at)


def _plan_work(dc: DemoContext, plan: Plan) -> None:
    rng = dc.rng
    end = plan.returned_at or dc.now
    span = (end - plan.taken_in_at).total_seconds()
    if span < 3600 or (plan.returned_at is None and rng.random() < 0.3):
        return  # not started yet
    for k in range(rng.choice((1, 1, 2, 3))):
        at = plan.taken_in_at + timedelta(seconds=span * (0.2 + 0.15 * k))
        plan.work.append((at, rng.choice((20, 30, 45, 60, 90, 120)), rng.choice(WORK_NOTES)))
        if rng.random() < 0.6:
            plan.parts.append((k, rng.randrange(len(PARTS)), rng.choice((1, 1, 1, 2))))
    inspect_at = plan.taken_in_at + timedelta(seconds=span * 0.8)
    if rng.random() < 0.12:  # failed once, fixed again, then passed
        plan.checks.append((inspect_at - timedelta(seconds=span * 0.1), False,
                            rng.choice(FAIL_NOTES)))
    if plan.returned_at is not None or rng.random() < 0.5:
        plan.checks.append((inspect_at, True, ""))


def _parts(dc: DemoContext, plans: list[Plan]) -> tuple[list[int], list[int]]:
    """The catalogue, stocked a year ago with what the year uses plus a margin."""
    used: dict[int, int] = defaultdict(int)
    for plan in plans:
        for _, part, qty in plan.parts:
            used[part] += qty
    start = dc.now - timedelta(days=366)
    balances: dict[int, int] = {}  # running stock while the year's uses are inserted
    with dc.batch(reason="demo parts") as session:
        ids = []
        # the parts list is the company's: a later branch stocks the parts already listed
        listed = {number: part for number, part in session.execute(select(Part.number, Part.id))}
        for i, (number, name, unit, cents) in enumerate(PARTS):
            low = i % 5 == 0  # a few parts run low
            level = 5 if low else 2
            extra = dc.rng.randint(0, 3) if low else dc.rng.randint(10, 40)
            stock = used[i] + extra
            part_id = listed.get(number)
            if part_id is not None:
                session.execute(update(Part).where(Part.id == part_id).values(
                    stock_on_hand=Part.stock_on_hand + extra))
            else:
                part_id = session.execute(insert(Part).returning(Part.id), [dict(
                    number=number, name=name, unit=unit, unit_price_cents=cents,
                    stock_on_hand=extra, reorder_level=level, created_at=start,
                    updated_at=start)]).scalar_one()
            session.execute(insert(StockMovement), [dict(
                part_id=part_id, at=start, kind="received", quantity=stock,
                balance_after=stock, unit_price_cents=cents, reason="期初入库")])
            # the branch's own balance (the uses inserted later take theirs off)
            session.execute(insert(BranchStock), [dict(part_id=part_id, quantity=extra)])
            ids.append(int(part_id))
            balances[int(part_id)] = stock
        dc.extras["carry_in.balances"] = balances
    dc.add_count("parts", len(PARTS))
    return ids, [p[3] for p in PARTS]


def _numbers(session: Any, plans: list[Plan], dc: DemoContext,
             series: str) -> list[str]:
    by_period: dict[str, list[int]] = defaultdict(list)
    for i, plan in enumerate(plans):
        by_period[period_of(dc.local(plan.taken_in_at).date())].append(i)
    numbers = [""] * len(plans)
    for period, indexes in by_period.items():
        first = reserve_block(session, series, period, len(indexes))
        for k, i in enumerate(indexes):
            numbers[i] = format_number(series, period, first + k, dc.branch_code)
    return numbers


def _insert(dc: DemoContext, session: Any, plans: list[Plan], names: dict[int, str],
            part_ids: list[int], prices: list[int]) -> None:
    receipts, cards = _numbers(session, plans, dc, "receipt"), _numbers(session, plans, dc,
                                                                          "repair")
    receipt_rows = [_receipt_row(dc, p, n) for p, n in zip(plans, receipts, strict=True)]
    receipt_ids = [int(r[0]) for r in session.execute(
        insert(ItemReceipt).returning(ItemReceipt.id, sort_by_parameter_order=True),
        receipt_rows)]
    card_rows = [_card_row(p, rid, n, prices) for p, rid, n in
                 zip(plans, receipt_ids, cards, strict=True)]
    card_ids = [int(r[0]) for r in session.execute(
        insert(RepairCard).returning(RepairCard.id, sort_by_parameter_order=True), card_rows)]
    session.execute(insert(RegisterEntry), [
        _register_row(dc, p, rid, n, r, names)
        for p, rid, n, r in zip(plans, receipt_ids, receipts, receipt_rows, strict=True)])
    _insert_history(dc, session, list(zip(plans, receipt_ids, card_ids, cards, strict=True)),
                    part_ids, prices)
    _update_calls(session, plans)


def _receipt_row(dc: DemoContext, plan: Plan, number: str) -> dict[str, Any]:
    rng = dc.rng
    accessories = rng.sample(ACCESSORIES, rng.randint(0, 3))
    returned = plan.returned_at
    status = (ReceiptStatus.HELD if returned is None else
              ReceiptStatus.LOST if plan.lost else ReceiptStatus.TAKEN_BACK).value
    return dict(number=number, call_id=plan.call_id, voucher_id=plan.voucher_id,
                customer_id=plan.customer_id, item_id=plan.item_id,
                taken_in_at=plan.taken_in_at, accessories=json.dumps(accessories,
                                                                     ensure_ascii=False),
                accessories_note="", condition=rng.choice(CONDITIONS), fault=plan.fault[:500],
                promised_date=plan.promised, technician_id=plan.technician_id,
                clerk_id=None, status=status, voided_at=returned, print_count=1,
                created_at=plan.taken_in_at, updated_at=returned or plan.taken_in_at)


def _card_status(plan: Plan) -> str:
    if plan.returned_at is not None:
        return CardStatus.RETURNED.value
    if plan.checks:
        return (CardStatus.PASSED if plan.checks[-1][1] else CardStatus.FAILED).value
    return CardStatus.IN_REPAIR.value


def _card_row(plan: Plan, receipt_id: int, number: str, prices: list[int]) -> dict[str, Any]:
    return dict(number=number, receipt_id=receipt_id, technician_id=plan.technician_id,
                status=_card_status(plan), total_minutes=sum(w[1] for w in plan.work),
                parts_cents=sum(q * prices[p] for _, p, q in plan.parts), print_count=1,
                created_at=plan.taken_in_at, updated_at=plan.returned_at or plan.taken_in_at)


def _register_row(dc: DemoContext, plan: Plan, receipt_id: int, number: str,
                  receipt: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    accessories = "、".join(json.loads(receipt["accessories"]))
    returned = plan.returned_at
    return dict(receipt_id=receipt_id, date_in=plan.taken_in_at, receipt_number=number,
                customer_name=plan.customer_name, item_label=plan.item_label[:200],
                accessories_text=accessories, taken_in_by=names.get(plan.technician_id, ""),
                promised_date=plan.promised, date_out=returned,
                returned_to=plan.customer_name if returned else "",
                returned_by=names.get(plan.technician_id, "") if returned else "",
                remark="收据遗失，已核对身份" if plan.lost else "",
                created_at=plan.taken_in_at, updated_at=returned or plan.taken_in_at)


def _returning(session: Any, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    stmt = insert(model).returning(model.id, sort_by_parameter_order=True)
    return [int(r[0]) for r in session.execute(stmt, rows)]


def _insert_history(dc: DemoContext, session: Any, cards: list[tuple[Plan, int, int, str]],
                    part_ids: list[int], prices: list[int]) -> None:
    """Work entries, parts (with their stock movements), inspections, returns: bulk."""
    work_rows = [dict(card_id=cid, technician_id=p.technician_id, started_at=None,
                      stopped_at=None, minutes=minutes, note=note, recorded_at=at)
                 for p, _, cid, _ in cards for at, minutes, note in p.work]
    work_ids = iter(_returning(session, RepairWork, work_rows))
    balances: dict[int, int] = dc.extras["carry_in.balances"]
    moves, uses = [], []
    for plan, _, cid, number in cards:
        ids = [next(work_ids) for _ in plan.work]
        for index, part, qty in plan.parts:
            pid = part_ids[part]
            balances[pid] -= qty
            moves.append(dict(part_id=pid, at=plan.work[index][0], kind="used", quantity=-qty,
                              balance_after=balances[pid], unit_price_cents=prices[part],
                              reason=number,
                              repair_card_id=cid, actor_id=plan.technician_id))
            uses.append(dict(card_id=cid, work_id=ids[index], part_id=pid, quantity=qty,
                             unit_price_cents=prices[part]))
    for use, move_id in zip(uses, _returning(session, StockMovement, moves), strict=True):
        use["movement_id"] = move_id
    if uses:
        session.execute(insert(RepairPartUse), uses)
    inspectors = dc.extras["carry_in.inspectors"]
    checks = [dict(card_id=cid, inspector_id=dc.rng.choice(inspectors or [p.technician_id]),
                   at=at, passed=ok, note=note)
              for p, _, cid, _ in cards for at, ok, note in p.checks]
    if checks:
        session.execute(insert(Inspection), checks)
    returns = [_return_row(dc, p, rid) for p, rid, _, _ in cards if p.returned_at]
    if returns:
        session.execute(insert(ItemReturn), returns)


def _return_row(dc: DemoContext, plan: Plan, receipt_id: int) -> dict[str, Any]:
    return dict(receipt_id=receipt_id, returned_at=plan.returned_at,
                returned_by_id=plan.technician_id, collected_by=plan.customer_name,
                customer_signed=True, receipt_lost=plan.lost,
                id_type="身份证" if plan.lost else "",
                id_last_digits=f"{dc.rng.randint(0, 9999):04d}" if plan.lost else "",
                phone_matched=plan.lost, note="")


def _update_calls(session: Any, plans: list[Plan]) -> None:
    for plan in plans:
        if plan.returned_at is None:
            session.execute(update(Call).where(Call.id == plan.call_id)
                            .values(status="taken_in", closed_at=None))
        else:
            session.execute(update(Call).where(Call.id == plan.call_id)
                            .values(status="closed", closed_at=plan.returned_at))
            if plan.voucher_id is not None:
                session.execute(update(Job).where(Job.id == plan.voucher_id,
                                                  Job.status == "taken_in")
                                .values(status="filed", filed_at=plan.returned_at))


STEP = Step("carry_in", run, weight=2)
