"""The books agree after the chain goes on: a bill follows the facts added after it was made,
every book that shows parts reads the same parts, and money taken on site that is not cash
goes straight to the store's books (seed 002 §九–§十七, issue 13)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from app.export.monthly_workbook import write_monthly_workbook
from app.models.jobs import VisitOutcome
from app.services import billing_service as billing
from app.services import daily_report_service as reports
from app.services import monthly_report_service as monthly
from app.services import parts_service, repair_service
from app.services import payments_service as payments
from app.services.dispatch_service import get_job_row
from app.services.money_dto import LineInput
from app.services.parts_service import PartQty
from app.services.visit_service import MoneyTaken, VisitInput, record_visit
from tests.helpers.carry_in import stocked_part, user_id, walk_in
from tests.helpers.on_site import on_site_job


def _visit(tech, job, *, minutes: int, outcome=VisitOutcome.COMPLETED, parts=(),
           taken: MoneyTaken | None = None):
    version = get_job_row(tech, job.job_id).version
    return record_visit(tech, job.job_id, VisitInput(
        arrived_at=job.dispatched_at, completed_at=tech.now(), labour_minutes=minutes,
        outcome=outcome, work_done="检查", customer_signed=outcome is not VisitOutcome.UNFINISHED,
        part_uses=tuple(PartQty(pid, n) for pid, n in parts), taken=taken),
        expected_version=version)


def _figures(ctx) -> dict[str, object]:
    return {f.key: f.value for f in monthly.monthly_report(ctx, ctx.today()).figures}


def test_a_second_visit_with_a_part_grows_a_bill_already_paid_in_cash(db, clerk, login,
                                                                       tmp_path: Path):
    tech, sup, acct = login("tech"), login("super"), login("acct")
    part = stocked_part(sup, stock=5, price_cents=3550, van=2)
    call, job = on_site_job(clerk, sup)
    # first visit: 60 min, no part; the customer pays ¥80 (labour ¥60 + transport ¥20)
    _visit(tech, job, minutes=60, outcome=VisitOutcome.UNFINISHED,
           taken=MoneyTaken(Decimal("80"), "cash"))
    assert billing.get_bill(clerk, call.id).status == "paid"
    # second visit: 30 min more and a pump from stock
    _visit(tech, job, minutes=30, parts=[(part.id, 1)])
    bill = billing.get_bill(clerk, call.id)
    assert bill is not None
    assert (bill.total_cents, bill.paid_cents, bill.status) == (9000 + 3550 + 2000, 8000, "open")
    assert [ln.kind for ln in bill.lines] == ["labour", "parts", "transport"]
    owed = {r.bill_id: r.outstanding_cents for r in payments.receivables(acct)}
    assert owed == {bill.id: 6550}
    # the rest is paid at the counter: every book says the same
    payments.collect(clerk, bill.id, amount=Decimal("65.50"), method="wechat", place="counter")
    assert payments.receivables(acct) == []
    day = payments.day_end(acct, clerk.today())
    assert day.total_cents == 14550 == billing.get_bill(clerk, call.id).paid_cents
    figures = _figures(acct)
    assert figures["billed"] == figures["collected"] == 14550
    assert figures["materials_cost"] == 3550
    report = monthly.monthly_report(acct, clerk.today())
    row = next(d for d in report.details if d.call_number == call.number)
    assert (row.billed_cents, row.paid_cents, row.parts_cents) == (14550, 14550, 3550)
    sheet = load_workbook(write_monthly_workbook(report, tmp_path / "m.xlsx"),
                          read_only=True).worksheets[0]
    assert 145.5 in {c for r in sheet.iter_rows(values_only=True) for c in r}


def test_facts_added_to_an_unpaid_bill_keep_its_hand_written_lines_and_discount(
        db, clerk, login):
    tech, sup = login("tech"), login("super")
    part = stocked_part(sup, stock=5, price_cents=3550, van=2)
    call, job = on_site_job(clerk, sup)
    _visit(tech, job, minutes=60, outcome=VisitOutcome.UNFINISHED)
    made = billing.make_bill(login("admin"), call.id, extra=[LineInput(
        "other", "旧管回收", Decimal(1), Decimal("10"))], discount=Decimal("5"),
        discount_reason="老客户")
    assert made.total_cents == 6000 + 2000 + 1000 - 500
    _visit(tech, job, minutes=30, parts=[(part.id, 2)])
    bill = billing.get_bill(clerk, call.id)
    assert bill is not None
    assert [(ln.kind, ln.manual) for ln in bill.lines] == [
        ("labour", False), ("parts", False), ("transport", False), ("other", True)]
    assert (bill.discount_cents, bill.discount_reason) == (500, "老客户")
    assert bill.total_cents == 9000 + 7100 + 2000 + 1000 - 500
    assert [ln.kind for ln in billing.manual_lines(bill)] == ["other"]


def test_bench_work_after_the_bill_reaches_the_bill_and_the_receivables(db, clerk, login):
    tech, sup, acct = login("tech"), login("super"), login("acct")
    part = stocked_part(sup, stock=5, price_cents=3550)
    taken = walk_in(clerk)
    done = repair_service.add_work(tech, taken.card_id, repair_service.WorkInput(minutes=60),
                                   expected_version=taken.card_version)
    bill = billing.make_bill(clerk, done.call_id)
    assert bill.total_cents == 6000
    repair_service.add_work(tech, taken.card_id, repair_service.WorkInput(
        minutes=30, parts=(PartQty(part.id, 1),)), expected_version=done.card_version)
    bill = billing.get_bill(clerk, done.call_id)
    assert bill is not None and bill.total_cents == 9000 + 3550
    assert {r.bill_id: r.outstanding_cents for r in payments.receivables(acct)} == {
        bill.id: 12550}


def test_every_book_that_shows_parts_reads_the_same_parts(db, clerk, login):
    tech, sup, acct = login("tech"), login("super"), login("acct")
    pump = stocked_part(sup, stock=9, price_cents=3550, van=2)
    belt = stocked_part(sup, stock=9, number="P-BELT-02", price_cents=1200, van=2)
    call, job = on_site_job(clerk, sup)
    _visit(tech, job, minutes=45, parts=[(pump.id, 1), (belt.id, 2)])  # on site: ¥59.50
    taken = walk_in(clerk)
    repair_service.add_work(tech, taken.card_id, repair_service.WorkInput(  # bench: ¥47.50
        minutes=50, parts=(PartQty(pump.id, 1), PartQty(belt.id, 1))),
        expected_version=taken.card_version)
    # the pump's price changes after it was used: the books keep the price it went out at
    parts_service.update_part(sup, pump.id, parts_service.PartInput(
        pump.number, pump.name, pump.unit, 9900, 2),
        expected_version=parts_service.get_part(sup, pump.id).version)
    on_site, bench = 3550 + 2 * 1200, 3550 + 1200
    report = monthly.monthly_report(acct, clerk.today())
    by_call = {d.call_number: d.parts_cents for d in report.details}
    assert by_call == {call.number: on_site, taken.call_number: bench}
    assert sum(m.parts_cents for m in report.models) == on_site + bench
    assert _figures(acct)["materials_cost"] == on_site + bench
    billed = billing.make_bill(clerk, call.id)
    assert sum(ln.amount_cents for ln in billed.lines if ln.kind == "parts") == on_site
    bench_bill = billing.make_bill(clerk, taken.call_id)
    assert sum(ln.amount_cents for ln in bench_bill.lines if ln.kind == "parts") == bench
    ledger = [m for p in (pump, belt) for m in parts_service.movements(sup, p.id)
              if m.kind == "used"]
    assert -sum(m.quantity * m.unit_price_cents for m in ledger) == on_site + bench


def test_money_taken_on_site_by_wechat_goes_to_the_store_not_the_technician(db, clerk, login):
    tech, sup, acct = login("tech"), login("super"), login("acct")
    call, job = on_site_job(clerk, sup)
    visit = _visit(tech, job, minutes=60, taken=MoneyTaken(Decimal("50"), "wechat"))
    other_call, other_job = on_site_job(clerk, sup)
    _visit(tech, other_job, minutes=60, taken=MoneyTaken(Decimal("30"), "cash"))
    # nothing to hand over but the cash; the WeChat money is the store's already
    assert [(h.collector, h.amount_cents) for h in payments.cash_held(acct)] == [("李师傅", 3000)]
    held = payments.held_payments(acct, user_id(acct, "tech"))
    assert [p.method for p in held] == ["cash"]
    wechat = next(p for p in payments.day_end(acct, clerk.today()).payments
                  if p.id == visit.payment_id)
    assert wechat.holder == "" and wechat.place == "on_site"
    day = payments.day_end(acct, clerk.today())
    assert (day.total_cents, day.still_held_cents) == (8000, 3000)
    # the technician's daily report still shows what they took, in whatever form
    daily = reports.technician_report(tech, user_id(tech, "tech"), tech.today())
    assert daily.total_fee_cents == 8000
    # a clerk recording card money taken on site: the same rule
    bill = billing.get_bill(clerk, call.id)
    assert bill is not None and bill.outstanding_cents == 3000
    card = payments.collect(clerk, bill.id or 0, amount=Decimal("20"), method="card",
                            place="on_site")
    assert card.holder == ""
    assert payments.day_end(acct, clerk.today()).still_held_cents == 3000
    assert _figures(acct)["cash_held"] == 3000
    assert other_call.id != call.id
