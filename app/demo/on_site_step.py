"""Demo step: parts used on site (配换零件) come out of stock on about a third of the visits
completed there, each a "used" line of the ledger against its voucher (so the bill, the
month's materials cost and the stock read it), and each month's restock covers them.

Runs after the carry-in step (which opens the parts catalogue) and before the money step
(which bills them). The balance after every move is recomputed in time order at the end.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update

from app.demo.core import DemoContext, Step
from app.models.jobs import Job, Visit, VisitOutcome
from app.models.parts import Part, StockMovement

SHARE = 0.35  # visits completed on site that replaced a part from stock
RESTOCK = "月度补货（上门用料）"


def run(dc: DemoContext) -> None:
    with dc.db.read() as session:
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
    uses = [_use(dc, parts, v, prices) for v in visits
            if v.completed_at > opened + timedelta(days=1) and dc.rng.random() < SHARE]
    if not uses:
        return
    with dc.batch(reason="demo parts on site") as session:
        session.execute(insert(StockMovement), _restocks(dc, uses, opened, prices) + uses)
        _rebalance(session, sorted({u["part_id"] for u in uses}))
    dc.add_count("parts used on site", sum(-u["quantity"] for u in uses))
    dc.report(1, 1, "parts on site")


def _use(dc: DemoContext, parts: list[int], visit: Any,
         prices: dict[int, int]) -> dict[str, Any]:
    part = dc.rng.choice(parts)
    return {"part_id": part, "at": visit.completed_at, "kind": "used",
            "quantity": -dc.rng.choice((1, 1, 1, 2)), "balance_after": 0,
            "unit_price_cents": prices[part],
            "reason": visit.number, "voucher_id": visit.job_id, "repair_card_id": None,
            "actor_id": visit.technician_id}


def _restocks(dc: DemoContext, uses: list[dict[str, Any]], opened: datetime,
              prices: dict[int, int]) -> list[dict[str, Any]]:
    """One delivery per part and month, early in the month, of what the vans used."""
    need: dict[tuple[int, str], int] = defaultdict(int)
    first: dict[tuple[int, str], datetime] = {}
    for use in uses:
        key = (use["part_id"], f"{dc.local(use['at']):%Y-%m}")
        need[key] -= use["quantity"]
        first.setdefault(key, use["at"])
    rows = []
    for (part_id, month), quantity in need.items():
        start = dc.local(first[(part_id, month)]).replace(day=1, hour=0, minute=0, second=0,
                                                          microsecond=0)
        at = min(max(dc.in_hours(start, spread=60), opened + timedelta(minutes=1)),
                 first[(part_id, month)] - timedelta(minutes=5))
        rows.append({"part_id": part_id, "at": at, "kind": "received", "quantity": quantity,
                     "balance_after": 0, "unit_price_cents": prices[part_id],
                     "reason": RESTOCK, "voucher_id": None,
                     "repair_card_id": None, "actor_id": None})
    return rows


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
