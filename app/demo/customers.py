"""Demo step: customers (people and companies), their phones and the items they bought.

Items were bought over the last three years, each with a serial and mostly an invoice number.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, insert, select

from app.demo.core import DemoContext, Step
from app.demo.data import DISTRICTS
from app.demo.people import PhoneBook, address, company_name, person_name
from app.models.customers import Customer, CustomerPhone, Item

BATCH = 2000  # customers per transaction
ItemInfo = tuple[date, int, int, int, str]  # purchase date, item id, customer id, model, serial


def customer_count(calls: int) -> int:
    return max(20, calls * 2 // 5)


def run(dc: DemoContext) -> None:
    """Insert customers with their phones and items, one transaction per ``BATCH``."""
    total = customer_count(dc.calls)
    with dc.read() as session:
        taken = set(session.scalars(select(CustomerPhone.digits)))
    phones = PhoneBook(dc.rng, taken)
    info: dict[int, tuple[str, tuple[str, ...], int | None]] = {}
    items: list[ItemInfo] = []
    done = 0
    while done < total:
        size = min(BATCH, total - done)
        with dc.batch(reason="demo customers") as session:
            rows = [_customer(dc) for _ in range(size)]
            ids = _insert_returning(session, Customer, [r[0] for r in rows])
            _insert_phones(session, ids, rows, phones, info)
            items += _insert_items(dc, session, ids, done)
        dc.customer_ids += ids
        done += size
        dc.report(done, total, f"{done}/{total}")
    items.sort()
    dc.item_ids += [i[1] for i in items]
    dc.extras["customers.info"] = info
    dc.extras["customers.items"] = items
    dc.add_count("customers", total)
    dc.add_count("items", len(items))


def _customer(dc: DemoContext) -> tuple[dict[str, Any], bool]:
    district = dc.rng.choice(list(DISTRICTS))
    company = dc.rng.random() < 0.06
    name = company_name(dc.rng, district) if company else person_name(dc.rng)
    created = dc.now - timedelta(days=dc.rng.randint(400, 1100))
    row = {"name": name, "kind": "company" if company else "person",
           "address": address(dc.rng, district), "zone_id": dc.zone_ids[district],
           "notes": "", "created_at": created, "updated_at": created}
    return row, company


def _insert_returning(session: Any, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    table: Table = model.__table__
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return [int(r[0]) for r in session.execute(stmt, rows)]


def _insert_phones(session: Any, ids: list[int], rows: list[tuple[dict[str, Any], bool]],
                   phones: PhoneBook, info: dict[int, tuple[str, tuple[str, ...], int | None]]
                   ) -> None:
    out = []
    for cid, (row, company) in zip(ids, rows, strict=True):
        numbers = [phones.landline() if company else phones.mobile()]
        if phones.rng.random() < (0.6 if company else 0.2):
            numbers.append(phones.mobile() if company else phones.landline())
        out += [{"customer_id": cid, "phone": shown, "digits": digits}
                for shown, digits in numbers]
        info[cid] = (row["name"], tuple(d for _s, d in numbers), row["zone_id"])
    table: Table = CustomerPhone.__table__  # type: ignore[assignment]
    session.execute(insert(table), out)


def _insert_items(dc: DemoContext, session: Any, ids: list[int], offset: int) -> list[ItemInfo]:
    models = dc.extras["catalogue.models"]
    rows, keys = [], []
    for n, cid in enumerate(ids):
        for k in range(dc.rng.choices((1, 2, 3), (60, 30, 10))[0]):
            model_id = dc.rng.choice(dc.model_ids)
            bought = dc.today - timedelta(days=dc.rng.randint(0, 3 * 365))
            serial = _serial(models[model_id], bought, offset + n, k)
            invoice = f"{dc.rng.randrange(10**8):08d}" if dc.rng.random() < 0.9 else ""
            moment = dc.utc(_noon(bought))
            rows.append({"customer_id": cid, "product_model_id": model_id, "serial": serial,
                         "purchase_date": bought, "invoice_no": invoice, "notes": "",
                         "created_at": moment, "updated_at": moment})
            keys.append((bought, cid, model_id, serial))
    item_ids = _insert_returning(session, Item, rows)
    return [(b, iid, c, m, s) for iid, (b, c, m, s) in zip(item_ids, keys, strict=True)]


def _serial(model: tuple[str, str, str, int, str], bought: date, n: int, k: int) -> str:
    prefix = "".join(ch for ch in model[0] if ch.isalpha())[:3].upper()
    return f"{prefix}{bought:%y%m}{n:07d}{k}"


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12, 0))


STEP = Step("customers", run, weight=20)
