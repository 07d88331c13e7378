"""Demo maintenance contracts: renewed chains, lapses, and some ending next month."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Table, insert

from app.db.numbering import format_number, period_of, reserve_block
from app.demo.core import DemoContext
from app.models.contracts import ContractItem, ContractStatus, MaintenanceContract
from app.services.warranty import add_months

CONTRACT_SHARE = 0.04  # of the items
FEES = (36000, 48000, 60000, 68000, 88000, 120000)
TERMS = ("每年上门清洗保养两次，人工免费", "含人工及常用零件，压缩机除外", "全年人工免费，零件八折")
LAPSE = ("客户已搬家", "客户认为费用偏高", "商品已报废", "客户改由厂家保修")


def write_contracts(dc: DemoContext) -> int:
    """Contracts for a share of the items; returns how many terms were written."""
    items = dc.extras.get("customers.items", [])
    chosen = [row for row in items if dc.rng.random() < CONTRACT_SHARE]
    if not chosen and items:
        chosen = items[:12]
    terms: list[dict[str, Any]] = []
    for i, (_bought, item_id, customer_id, _model, _serial) in enumerate(chosen):
        terms += _chain(dc, item_id, customer_id, ending_soon=i < 3)
    if not terms:
        return 0
    with dc.batch(reason="demo contracts") as session:
        _insert(dc, session, terms)
    dc.add_count("maintenance contracts", len(terms))
    return len(terms)


def _chain(dc: DemoContext, item_id: int, customer_id: int, *,
           ending_soon: bool) -> list[dict[str, Any]]:
    """One item's contract history: one to three yearly terms, the last one's fate decided."""
    rng, today = dc.rng, dc.today
    # the current term ends between two months ago and eleven months ahead; a sixth next month
    if ending_soon or rng.random() < 0.18:
        end = add_months(today, 1) - timedelta(days=rng.randint(0, 27))
    else:
        end = today + timedelta(days=rng.randint(-60, 330))
    years = rng.choice((1, 1, 2, 3))
    fee = rng.choice(FEES)
    terms: list[dict[str, Any]] = []
    for back in range(years - 1, -1, -1):
        last = add_months(end + timedelta(days=1), -12 * back) - timedelta(days=1)
        start = add_months(last + timedelta(days=1), -12)
        terms.append({"customer_id": customer_id, "item_id": item_id, "start_date": start,
                      "end_date": last, "fee_cents": fee, "covers_labour": True,
                      "covers_parts": rng.random() < 0.4, "visits_per_year": rng.choice((1, 2, 4)),
                      "terms": rng.choice(TERMS), "status": (ContractStatus.RENEWED if back
                                                    else ContractStatus.ACTIVE).value})
    current = terms[-1]
    if current["end_date"] < today and rng.random() < 0.6:
        current["status"] = ContractStatus.LAPSED.value
        current["lapse_reason"] = rng.choice(LAPSE)
    elif current["end_date"] < add_months(today, 1) and (ending_soon or rng.random() < 0.4):
        current["notice_sent_at"] = dc.now - timedelta(days=rng.randint(0, 10))
        _sent_to_renew(dc, current)
    return terms


def _sent_to_renew(dc: DemoContext, term: dict[str, Any]) -> None:
    """With the notice someone was sent (§二十); some of them went and the customer is still
    deciding."""
    staff = [u for name, u in dc.user_ids.items() if name.startswith(("clerk", "super"))]
    if not staff:
        return
    assigned = dc.local(term["notice_sent_at"]).date()
    term.update(renewal_by_id=dc.rng.choice(staff), renewal_assigned_on=assigned)
    visit = assigned + timedelta(days=dc.rng.randint(1, 6))
    if visit <= dc.today and dc.rng.random() < 0.5:
        term.update(renewal_visit_on=visit, renewal_outcome="undecided",
                    renewal_notes="客户考虑中，下周答复")


def _insert(dc: DemoContext, session: Any, terms: list[dict[str, Any]]) -> None:
    terms.sort(key=lambda t: (t["start_date"], t["item_id"]))  # numbers in time order
    made = [_made_on(dc, t["start_date"]) for t in terms]
    periods = [period_of(day) for day in made]
    serial = {p: reserve_block(session, "contract", p, n) for p, n in Counter(periods).items()}
    table: Table = MaintenanceContract.__table__  # type: ignore[assignment]
    previous: dict[int, int] = {}
    for term, period in zip(terms, periods, strict=True):
        item_id = term.pop("item_id")
        row = {**term, "number": format_number("contract", period, serial[period],
                                                 dc.branch_code),
               "previous_id": previous.get(item_id), "created_at": dc.now, "updated_at": dc.now}
        serial[period] += 1
        contract_id = session.execute(insert(table).returning(table.c.id), [row]).scalar_one()
        session.execute(insert(_table(ContractItem)),
                        [{"contract_id": contract_id, "item_id": item_id}])
        previous[item_id] = contract_id


def _made_on(dc: DemoContext, start: date) -> date:
    """Contracts are signed a few days before they start (never after today)."""
    return min(start - timedelta(days=3), dc.today)


def _table(model: type[Any]) -> Table:
    """The model's Core table: plain executemany, no ORM bulk bookkeeping."""
    table: Table = model.__table__
    return table
