"""Demo step: parts used on site (配换零件) come out of stock on about a third of the visits
completed there, each a "used" line of the ledger against its voucher (so the bill, the
month's materials cost and the stock read it), and each month's restock covers them.

Most of them come out of the technician's van (车上): each month's delivery to the store is
followed by a transfer of what each van will use (库房 → 车上, two ledger lines summing to
nothing); the rest come from the store. At the end each van is loaded with a few common
parts, so today's vans are not empty. Transfers never change a part's total.

Runs after the carry-in step (which opens the parts catalogue) and before the money step
(which bills them). The balance after every move is recomputed in time order at the end.
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update

from app.demo.core import DemoContext, Step
from app.models.jobs import Job, Visit, VisitOutcome
from app.models.parts import Part, StockMovement, VanStock

SHARE = 0.35  # visits completed on site that replaced a part from stock
FROM_VAN = 0.8  # of those, the part came from the technician's van
RESTOCK = "月度补货（上门用料）"
LOAD = "领料上车"
STANDING = "车载常备件"


def run(dc: DemoContext) -> None:
    with dc.read() as session:
        prices = {int(p): int(c) for p, c in session.execute(
            select(Part.id, Part.unit_price_cents).order_by(Part.id))}
        parts = list(prices)
        opened = session.scalar(select(func.min(StockMovement.at)))
        visits = session.execute(
            select(Visit.job_id, Job.number, Visit.technician_id, Visit.completed_at)
            .join(Job, Job.id == Visit.job_id)
            .where(Visit.outcome == VisitOutcome.COMPLETED.value)
            .order_by(Visit.completed_at, Visit.job_id)).all()
    if not parts or opened is None:
        return
    # the vans' draws come from a generator of their own (seeded from dc.rng's state without
    # advancing it), so every later step draws what it drew before vans existed
    vans = random.Random(hash(dc.rng.getstate()))
    uses = [_use(dc, vans, parts, v, prices) for v in visits
            if v.completed_at > opened + timedelta(days=1) and dc.rng.random() < SHARE]
    if not uses:
        return
    restocks, delivered = _restocks(dc, uses, opened, prices)
    loads = _loads(dc, uses, delivered) + _standing(dc, vans, parts, prices,
                                                    max(u["at"] for u in uses))
    with dc.batch(reason="demo parts on site") as session:
        session.execute(insert(StockMovement), restocks + loads + uses)
        _fill_vans(session)
        _rebalance(session, sorted({u["part_id"] for u in restocks + loads + uses}))
    dc.add_count("parts used on site", sum(-u["quantity"] for u in uses))
    dc.report(1, 1, "parts on site")


def _use(dc: DemoContext, vans: random.Random, parts: list[int], visit: Any,
         prices: dict[int, int]) -> dict[str, Any]:
    part = dc.rng.choice(parts)
    return {"part_id": part, "at": visit.completed_at, "kind": "used",
            "quantity": -dc.rng.choice((1, 1, 1, 2)), "balance_after": 0,
            "unit_price_cents": prices[part],
            "reason": visit.number, "voucher_id": visit.job_id, "repair_card_id": None,
            "actor_id": visit.technician_id,
            "van_id": visit.technician_id if vans.random() < FROM_VAN else None}


def _pair(part_id: int, at: datetime, quantity: int, van_id: int, cents: int,
          reason: str) -> list[dict[str, Any]]:
    """A transfer store → van: a line out of the store and a line into the van."""
    line = {"part_id": part_id, "at": at, "kind": "transfer", "balance_after": 0,
            "unit_price_cents": cents, "reason": reason, "voucher_id": None,
            "repair_card_id": None, "actor_id": None}
    return [{**line, "quantity": -quantity, "van_id": None},
            {**line, "quantity": quantity, "van_id": van_id}]


def _month(dc: DemoContext, at: datetime) -> str:
    return f"{dc.local(at):%Y-%m}"


def _loads(dc: DemoContext, uses: list[dict[str, Any]],
           delivered: dict[tuple[int, str], dict[str, Any]]) -> list[dict[str, Any]]:
    """Right after each month's delivery of a part, each van takes what it will use of it
    that month."""
    need: dict[tuple[int, str, int], int] = defaultdict(int)
    for use in uses:
        if use["van_id"] is not None:
            need[(use["part_id"], _month(dc, use["at"]), use["van_id"])] -= use["quantity"]
    rows: list[dict[str, Any]] = []
    for (part_id, month, van_id), quantity in sorted(need.items()):
        restock = delivered[(part_id, month)]
        rows += _pair(part_id, restock["at"] + timedelta(minutes=2), quantity, van_id,
                      restock["unit_price_cents"], LOAD)
    return rows


def _standing(dc: DemoContext, vans: random.Random, parts: list[int], prices: dict[int, int],
              last_use: datetime) -> list[dict[str, Any]]:
    """Each van's standing stock today: two common parts (not the ones kept low), one or
    two of each, loaded just after the last part was used on site (a working moment)."""
    common = [p for i, p in enumerate(parts) if i % 5 != 0][:6]
    rows: list[dict[str, Any]] = []
    if not common:
        return rows
    at = min(last_use + timedelta(minutes=3), dc.now)
    for van_id in dc.technician_ids:
        for part_id in vans.sample(common, min(2, len(common))):
            rows += _pair(part_id, at, vans.choice((1, 2)), van_id, prices[part_id],
                          STANDING)
    return rows


def _fill_vans(session: Any) -> None:
    """Each van's kept balance, the sum of its own ledger lines."""
    totals = session.execute(
        select(StockMovement.part_id, StockMovement.van_id, func.sum(StockMovement.quantity))
        .where(StockMovement.van_id.is_not(None))
        .group_by(StockMovement.part_id, StockMovement.van_id)).all()
    if totals:
        session.execute(insert(VanStock), [
            {"part_id": part_id, "technician_id": van_id, "quantity": int(quantity)}
            for part_id, van_id, quantity in totals])


def _restocks(dc: DemoContext, uses: list[dict[str, Any]], opened: datetime,
              prices: dict[int, int]
              ) -> tuple[list[dict[str, Any]], dict[tuple[int, str], dict[str, Any]]]:
    """One delivery per part and month, early in the month, of what the vans used; also
    each delivery by (part, month)."""
    need: dict[tuple[int, str], int] = defaultdict(int)
    first: dict[tuple[int, str], datetime] = {}
    for use in uses:
        key = (use["part_id"], _month(dc, use["at"]))
        need[key] -= use["quantity"]
        first.setdefault(key, use["at"])
    rows = []
    delivered = {}
    for (part_id, month), quantity in need.items():
        start = dc.local(first[(part_id, month)]).replace(day=1, hour=0, minute=0, second=0,
                                                          microsecond=0)
        at = min(max(dc.in_hours(start, spread=60), opened + timedelta(minutes=1)),
                 first[(part_id, month)] - timedelta(minutes=5))
        rows.append({"part_id": part_id, "at": at, "kind": "received", "quantity": quantity,
                     "balance_after": 0, "unit_price_cents": prices[part_id],
                     "reason": RESTOCK, "voucher_id": None, "van_id": None,
                     "repair_card_id": None, "actor_id": None})
        delivered[(part_id, month)] = rows[-1]
    return rows, delivered


def _rebalance(session: Any, part_ids: list[int]) -> None:
    """The balance after each move, in time order, for the parts that moved."""
    changes = []
    for part_id in part_ids:
        balance = 0
        for move_id, quantity, after in session.execute(
                select(StockMovement.id, StockMovement.quantity, StockMovement.balance_after)
                .where(StockMovement.part_id == part_id)
                .order_by(StockMovement.at, StockMovement.id)):
            balance += quantity
            if balance != after:
                changes.append({"mid": move_id, "bal": balance})
    if changes:
        table: Table = StockMovement.__table__  # type: ignore[assignment]
        session.execute(update(table).where(table.c.id == bindparam("mid"))
                        .values(balance_after=bindparam("bal")), changes)


STEP = Step("on_site", run, weight=2)
