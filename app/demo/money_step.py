"""Demo step: money — bills for paid and contract work, payments on site and at the counter
(most cash handed over, the last days' still held), invoices (some to mail), debts of every
age, and a few exchanges inside the warranty.

Bills are computed in bulk with the same rules as ``billing_service`` (labour at the rate of
the kind of service, parts at the card's price, one trip per on-site job by zone kind;
category B charges the parts its contract does not cover).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, bindparam, func, insert, select, update

from app.db.numbering import format_number, period_of, reserve_block
from app.demo.core import DemoContext, Step
from app.models.billing import Bill, BillLine, CashHandover, Exchange, Invoice, Payment
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, ItemReturn, RepairCard, RepairWork
from app.models.contracts import ContractItem, MaintenanceContract
from app.models.customers import Item
from app.models.enums import Role
from app.models.jobs import Job, Visit
from app.models.store import ProductModel, Zone
from app.services.billing_service import DEFAULT_RATES, DEFAULT_TRANSPORT
from app.services.exchange_service import DEFAULT_TABLE, depreciation
from app.services.parts_service import parts_used

BATCH = 2000
DONE = ("completed", "closed", "taken_in")
METHODS = (("cash", 45), ("wechat", 35), ("alipay", 15), ("card", 5))
SHORT_REASON = "少交10元：找零差错，技术员已书面说明并补交"


def _facts(session: Any, call_ids: list[int]) -> dict[str, dict[int, int]]:
    """Labour minutes, parts cents and on-site visits per call, in three grouped queries."""
    labour: dict[int, int] = defaultdict(int)
    visits: dict[int, int] = defaultdict(int)
    parts: dict[int, int] = defaultdict(int)
    for call_id, minutes, count in session.execute(
            select(Job.call_id, func.sum(Visit.labour_minutes), func.count(Visit.id))
            .join(Visit, Visit.job_id == Job.id).where(Job.call_id.in_(call_ids))
            .group_by(Job.call_id)):
        labour[call_id] += int(minutes or 0)
        visits[call_id] = int(count)
    cards = (select(ItemReceipt.call_id, RepairCard.id.label("card_id"))
             .join(RepairCard, RepairCard.receipt_id == ItemReceipt.id)
             .where(ItemReceipt.call_id.in_(call_ids)).subquery())
    for call_id, minutes in session.execute(
            select(cards.c.call_id, func.sum(RepairWork.minutes))
            .join(RepairWork, RepairWork.card_id == cards.c.card_id).group_by(cards.c.call_id)):
        labour[call_id] += int(minutes or 0)
    used = parts_used()  # on repair cards and on site: what the bill's parts lines read
    for call_id, cents in session.execute(
            select(used.c.call_id, func.sum(used.c.cents))
            .where(used.c.call_id.in_(call_ids)).group_by(used.c.call_id)):
        parts[call_id] += int(cents or 0)
    return {"labour": labour, "visits": visits, "parts": parts}


def _where_paid(session: Any, call_ids: list[int]) -> dict[int, tuple[str, int, datetime]]:
    """call id → ("on_site", technician, visit completed) for work finished on site, or
    ("counter", returned by, returned at) for an item returned at the counter."""
    out: dict[int, tuple[str, int, datetime]] = {}
    for call_id, tech, done in session.execute(
            select(Job.call_id, Visit.technician_id, Visit.completed_at)
            .join(Visit, Visit.job_id == Job.id)
            .where(Job.call_id.in_(call_ids), Visit.outcome == "completed")):
        out[call_id] = ("on_site", int(tech), done)
    for call_id, who, at in session.execute(
            select(ItemReceipt.call_id, ItemReturn.returned_by_id, ItemReturn.returned_at)
            .join(ItemReturn, ItemReturn.receipt_id == ItemReceipt.id)
            .where(ItemReceipt.call_id.in_(call_ids))):
        out[call_id] = ("counter", int(who), at)
    return out


def _lines(call: Any, facts: dict[str, dict[int, int]], zone_kinds: dict[int, str],
           contract_parts: bool) -> list[tuple[str, int, int, int, bool]]:
    """(kind, quantity_milli, unit, amount, covered) by the category rules."""
    covered_labour = call.category == "B"
    covered_parts = call.category == "B" and contract_parts
    out = []
    minutes = facts["labour"].get(call.id, 0)
    if minutes:
        rate = DEFAULT_RATES.get(call.service_kind, DEFAULT_RATES["repair"])
        amount = int((Decimal(minutes) * rate / 60).quantize(Decimal(1)))
        out.append(("labour", minutes * 1000 // 60, rate, amount, covered_labour))
    if facts["parts"].get(call.id):
        cents = facts["parts"][call.id]
        out.append(("parts", 1000, cents, cents, covered_parts))
    if facts["visits"].get(call.id):
        price = DEFAULT_TRANSPORT.get(zone_kinds.get(call.zone_id or 0, "city"), 2000)
        out.append(("transport", 1000, price, price, covered_labour))
    return out


def run(dc: DemoContext) -> None:
    with dc.batch() as session:
        zone_kinds = {zid: kind for zid, kind in session.execute(select(Zone.id, Zone.kind))}
        contract_parts = {item_id: covers for item_id, covers in session.execute(
            select(ContractItem.item_id, MaintenanceContract.covers_parts)
            .join(MaintenanceContract, MaintenanceContract.id == ContractItem.contract_id))}
        ids = list(session.scalars(select(Call.id).where(
            Call.status.in_(DONE), Call.category.in_(("A", "B"))).order_by(Call.received_at)))
    for start in range(0, len(ids), BATCH):
        dc.check_cancel()
        with dc.batch() as session:
            _bill_batch(dc, session, ids[start:start + BATCH], zone_kinds, contract_parts)
        dc.report(min(start + BATCH, len(ids)), len(ids) + 1, "bills and payments")
    _handovers(dc)
    with dc.batch() as session:
        _exchanges(dc, session)
    dc.report(1, 1, "money")


def _bill_batch(dc: DemoContext, session: Any, call_ids: list[int], zone_kinds: dict[int, str],
                contract_parts: dict[int, bool]) -> None:
    calls = list(session.scalars(select(Call).where(Call.id.in_(call_ids))))
    facts = _facts(session, call_ids)
    bills, lines_of = [], {}
    for call in calls:
        lines = _lines(call, facts, zone_kinds, contract_parts.get(call.item_id or 0, False))
        if not lines:
            continue
        gross = sum(line[3] for line in lines)
        covered = sum(line[3] for line in lines if line[4])
        billed_at = dc.in_hours(min((call.closed_at or call.received_at + timedelta(days=1)),
                                    dc.now))
        total = gross - covered
        bills.append({"call_id": call.id, "category": call.category, "gross_cents": gross,
                      "covered_cents": covered, "total_cents": total, "billed_at": billed_at,
                      "status": "paid" if total == 0 else "open"})
        lines_of[call.id] = lines
    if not bills:
        return
    made = session.execute(insert(Bill).returning(Bill.id, Bill.call_id, Bill.total_cents,
                                                  Bill.billed_at), bills).all()
    session.execute(insert(BillLine), [
        {"bill_id": bill_id, "kind": kind, "description": "", "quantity_milli": qty,
         "unit_cents": unit, "amount_cents": amount, "covered": covered}
        for bill_id, call_id, _t, _b in made for kind, qty, unit, amount, covered
        in lines_of[call_id]])
    where = _where_paid(session, [c for _b, c, t, _at in made if t > 0])
    _payments(dc, session, [(b, t, at, where.get(c)) for b, c, t, at in made if t > 0])
    dc.add_count("bills", len(made))


def _payments(dc: DemoContext, session: Any,
              bills: list[tuple[int, int, datetime, tuple[str, int, datetime] | None]]) -> None:
    """Paid where a store is paid: in cash on site when the visit ends (held by that
    technician until the accountant confirms the hand-over the next working morning), at
    the counter when a carried-in item goes home (§十三), or at the counter later; some
    are still owed (the receivables list has debts of every age)."""
    rows, invoices, paid_ids = [], [], []
    clerks = dc.extras.get("staff.clerk_ids") or dc.technician_ids
    for bill_id, total, billed_at, where in bills:
        age = (dc.now - billed_at).days
        if dc.rng.random() < (0.5 if age < 30 else 0.06):
            continue
        row = _payment_row(dc, bill_id, total, billed_at, where, clerks)
        rows.append(row)
        paid_ids.append(bill_id)
        if dc.rng.random() < 0.5:
            invoices.append((bill_id, total, row["collected_at"]))
    _number_payments(dc, session, rows)
    if rows:
        session.execute(insert(Payment), rows)
        session.execute(update(Bill).where(Bill.id.in_(paid_ids)).values(status="paid"))
    dc.add_count("payments", len(rows))
    dc.add_count("invoices", len(invoices))
    if not invoices:
        return
    session.execute(insert(Invoice), [
        {"invoice_no": f"{dc.local(at):%Y%m}{bill_id:08d}", "bill_id": bill_id,
         "issued_on": dc.local(at).date(), "amount_cents": total,
         "to_mail": dc.rng.random() < 0.3,
         "mailed_on": dc.local(at).date() + timedelta(days=2)
         if (dc.now - at).days > 5 else None} for bill_id, total, at in invoices])


def _payment_row(dc: DemoContext, bill_id: int, total: int, billed_at: datetime,
                 where: tuple[str, int, datetime] | None, clerks: list[int]) -> dict[str, Any]:
    row: dict[str, Any] = {"bill_id": bill_id, "amount_cents": total, "place": "counter",
                           "method": _method(dc), "taken_by_id": None, "held_by_id": None,
                           "handed_over_at": None, "handover_confirmed_by_id": None}
    if where is not None and where[0] == "on_site" and dc.rng.random() < 0.6:
        tech, done = where[1], where[2]
        row.update(place="on_site", method="cash", collected_at=done, collected_by_id=tech,
                   taken_by_id=tech)
        if bill_id % 5 == 0:  # scanned a QR code: the store's money at once (no draw from
            row.update(method=("wechat", "alipay")[bill_id % 2])  # the rng: same demo)
        else:  # cash: the technician holds it until the accountant confirms
            handed = _handover_time(dc, tech, done)
            row.update(held_by_id=tech, handed_over_at=handed,
                       handover_confirmed_by_id=(dc.user_of(Role.ACCOUNTANT)
                                                 if handed else None))
    elif where is not None and where[0] == "counter" and dc.rng.random() < 0.85:
        row.update(collected_at=where[2], collected_by_id=dc.rng.choice(clerks))
    else:
        at = dc.in_hours(min(billed_at + timedelta(hours=dc.rng.randint(0, 72)), dc.now))
        row.update(collected_at=at, collected_by_id=dc.rng.choice(clerks))
    return row


def _handover_time(dc: DemoContext, tech: int, collected: datetime) -> datetime | None:
    """The next working morning after the visit, one technician after another; the last two
    days' cash is still held (the technicians have not been back to the office)."""
    cal = dc.calendar()
    day = cal.next_working_day(dc.local(collected).date())
    hours = cal.hours_on(day)
    assert hours is not None
    at = dc.utc(datetime.combine(day, hours[0]) + timedelta(minutes=20 + 10 * (tech % 6)))
    return at if at <= dc.now - timedelta(days=2) else None


def _handovers(dc: DemoContext) -> None:
    """One hand-over record per technician and morning (会计员 confirms); one of them was
    short, with the reason written down."""
    with dc.batch(reason="demo hand-overs") as session:
        groups = session.execute(
            select(Payment.held_by_id, Payment.handed_over_at, func.sum(Payment.amount_cents))
            .where(Payment.handed_over_at.is_not(None), Payment.held_by_id.is_not(None))
            .group_by(Payment.held_by_id, Payment.handed_over_at)
            .order_by(Payment.handed_over_at, Payment.held_by_id)).all()
        if not groups:
            return
        short = len(groups) - 1 - min(len(groups) - 1, 3)  # a recent one, not the last
        acct = dc.user_of(Role.ACCOUNTANT) or dc.technician_ids[0]
        rows = [{"holder_id": holder, "confirmed_by_id": acct, "at": at,
                 "recorded_cents": int(total),
                 "counted_cents": int(total) - (1000 if i == short else 0),
                 "reason": SHORT_REASON if i == short else ""}
                for i, (holder, at, total) in enumerate(groups)]
        ids = session.execute(insert(CashHandover).returning(
            CashHandover.id, sort_by_parameter_order=True), rows).scalars().all()
        table: Table = Payment.__table__  # type: ignore[assignment]
        session.execute(
            update(table).where(table.c.held_by_id == bindparam("holder"),
                                table.c.handed_over_at == bindparam("at"))
            .values(handover_id=bindparam("hid")),
            [{"holder": r["holder_id"], "at": r["at"], "hid": hid}
             for r, hid in zip(rows, ids, strict=True)])
    dc.add_count("cash hand-overs", len(rows))


def _method(dc: DemoContext) -> str:
    return dc.rng.choices([m for m, _ in METHODS], weights=[w for _, w in METHODS])[0]


def _number_payments(dc: DemoContext, session: Any, rows: list[dict[str, Any]]) -> None:
    """Receipt numbers per month, in time order, from reserved counter blocks."""
    rows.sort(key=lambda r: r["collected_at"])
    by_period: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_period[period_of(dc.local(row["collected_at"]).date())].append(row)
    for period, group in by_period.items():
        first = reserve_block(session, "payment", period, len(group))
        for offset, row in enumerate(group):
            row["number"] = format_number("payment", period, first + offset,
                                          dc.branch_code)


def _exchanges(dc: DemoContext, session: Any) -> None:
    """A few exchanges and refunds of items inside the warranty, priced by the table."""
    rows = session.execute(
        select(Item.id, Item.purchase_date, ProductModel.price_cents,
               ProductModel.warranty_months)
        .join(ProductModel, ProductModel.id == Item.product_model_id)
        .where(Item.purchase_date >= dc.today - timedelta(days=300)).limit(400)).all()
    chosen = dc.rng.sample(rows, min(6, len(rows)))
    made = []
    for item_id, bought, price, _months in chosen:
        result = depreciation(DEFAULT_TABLE, price, bought, dc.today)
        made.append({"item_id": item_id, "kind": dc.rng.choice(("exchange", "refund")),
                     "sale_price_cents": price, "days_since_sale": result.days,
                     "percent_milli": int(result.percent * 1000),
                     "charge_cents": result.charge_cents, "explanation": result.explanation,
                     "decided_at": dc.now - timedelta(days=dc.rng.randint(0, 60))})
    if made:
        session.execute(insert(Exchange), made)
    dc.add_count("exchanges", len(made))


STEP = Step("money", run, weight=2)
