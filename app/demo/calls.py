"""Demo step: the call-log book (叫修登记簿) — calls spread over the last twelve months.

Numbered like the numbering service does (a block per month, in received order), with the
search column and the proposed category computed exactly as ``calls_service`` does.
Old calls are closed or cancelled; recent ones are mostly still registered.
"""

from __future__ import annotations

import bisect
from collections import Counter
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert

from app.db.numbering import format_number, period_of, reserve_block
from app.demo.core import OPEN_DAYS, DemoContext, Step
from app.demo.customers import ItemInfo
from app.demo.data import CANCEL_REASONS, CHANNEL_WEIGHTS, FAULTS, GENERAL_FAULTS, KIND_WEIGHTS
from app.demo.timing import call_times
from app.models.calls import Call
from app.models.enums import CallStatus, Category
from app.services.call_book_service import search_text_of
from app.services.calls_service import warranty_category
from app.services.warranty import warranty_status

BATCH = 5000  # calls per transaction
DETAILS = ("", "", "", "，已经两天了", "，要求周末上门", "，客户很着急", "，下午家里有人",
           "，上次修过又坏了", "，请带配件", "，老人在家请提前电话")
INSTALL_FAULTS = ("新机安装", "移机安装", "壁挂安装", "安装调试")


def run(dc: DemoContext) -> None:
    """Insert ``dc.calls`` calls in received order, one transaction per ``BATCH``."""
    times = call_times(dc, dc.calls)
    picker = _Picker(dc)
    for start in range(0, len(times), BATCH):
        chunk = times[start:start + BATCH]
        with dc.batch(reason="demo calls") as session:
            rows = [_call_row(dc, picker, moment) for moment in chunk]
            _number(dc, session, rows)
            table: Table = Call.__table__  # type: ignore[assignment]
            stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            dc.call_ids += [int(r[0]) for r in session.execute(stmt, rows)]
        done = start + len(chunk)
        dc.report(done, len(times), f"{done}/{len(times)}")
    dc.add_count("calls", len(times))


class _Picker:
    """Chooses a customer's item bought before the call (or no item at all)."""

    def __init__(self, dc: DemoContext) -> None:
        self.items = dc.extras["customers.items"]
        self.dates = [i[0] for i in self.items]
        self.info = dc.extras["customers.info"]
        self.models = dc.extras["catalogue.models"]
        self.customers = dc.customer_ids
        self.clerks = dc.extras.get("staff.clerk_ids") or [None]

    def item(self, dc: DemoContext, day: date) -> ItemInfo | None:
        known = bisect.bisect_right(self.dates, day)
        if known == 0 or dc.rng.random() < 0.03:
            return None
        return self.items[dc.rng.randrange(known)]  # type: ignore[no-any-return]


def _call_row(dc: DemoContext, picker: _Picker, received: datetime) -> dict[str, Any]:
    day = dc.local(received).date()
    chosen = picker.item(dc, day)
    kind = _weighted(dc, KIND_WEIGHTS)
    if chosen is None:
        customer_id, item_id, parts = dc.rng.choice(picker.customers), None, []
        category, why = Category.A, "no item"
        fault = dc.rng.choice(GENERAL_FAULTS)
    else:
        bought, item_id, customer_id, model_id, serial = chosen
        code, name, group, months, _brand = picker.models[model_id]
        parts = [code, name, serial]
        category, why = warranty_category(warranty_status(bought, months, day))
        fault = _fault(dc, group, kind)
    cname, digits, zone_id = picker.info[customer_id]
    row = {
        "number": "", "received_at": received, "channel": _weighted(dc, CHANNEL_WEIGHTS),
        "customer_id": customer_id, "item_id": item_id, "zone_id": zone_id, "fault": fault,
        "service_kind": kind, "urgency": "urgent" if dc.rng.random() < 0.08 else "normal",
        "proposed_category": category.value, "category": category.value,
        "category_reason": why, "created_by_id": dc.rng.choice(picker.clerks),
        "search_text": search_text_of(cname, *digits, *parts, fault),
        "created_at": received,
    }
    row.update(_status(dc, received))
    return row


def _fault(dc: DemoContext, group: str, kind: str) -> str:
    if kind == "install":
        return dc.rng.choice(INSTALL_FAULTS)
    if kind in ("maintenance", "inspection", "consult"):
        return dc.rng.choice(GENERAL_FAULTS)
    return dc.rng.choice(FAULTS.get(group, GENERAL_FAULTS)) + dc.rng.choice(DETAILS)


def _status(dc: DemoContext, received: datetime) -> dict[str, Any]:
    """Closed or cancelled when old; the last days are mostly still registered."""
    age = (dc.now - received) / timedelta(days=1)
    roll = dc.rng.random()
    if roll < 0.03:
        end = dc.in_hours(min(dc.now, received + timedelta(hours=dc.rng.uniform(0.5, 30))))
        return {"status": CallStatus.CANCELLED.value,
                "cancel_reason": dc.rng.choice(CANCEL_REASONS), "closed_at": end,
                "updated_at": end}
    if age > OPEN_DAYS or roll < 0.03 + 0.7 * age / OPEN_DAYS:
        end = received + timedelta(hours=dc.rng.uniform(2, 72))
        if end < dc.now:
            end = dc.in_hours(end)
            return {"status": CallStatus.CLOSED.value, "cancel_reason": "", "closed_at": end,
                    "updated_at": end}
    return {"status": CallStatus.REGISTERED.value, "cancel_reason": "", "closed_at": None,
            "updated_at": received}


def _number(dc: DemoContext, session: Any, rows: list[dict[str, Any]]) -> None:
    """Reserve one block per month (rows are in received order) and number the rows."""
    periods = [period_of(dc.local(r["received_at"]).date()) for r in rows]
    next_serial = {p: reserve_block(session, "call", p, n) for p, n in Counter(periods).items()}
    for row, period in zip(rows, periods, strict=True):
        row["number"] = format_number("call", period, next_serial[period], dc.branch_code)
        next_serial[period] += 1


def _weighted(dc: DemoContext, weights: dict[str, int]) -> str:
    return dc.rng.choices(list(weights), list(weights.values()))[0]


STEP = Step("calls", run, weight=60)
