"""Bills by category, overrides, discounts, collection, hand-over, invoices, day-end."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.errors import PermissionDenied, ValidationError
from app.models.billing import Payment
from app.models.enums import Category
from app.services import billing_service as billing
from app.services import calls_service as calls
from app.services import contract_service, dispatch_service, repair_service
from app.services import payments_service as payments
from app.services.money_dto import LineInput
from tests.helpers.carry_in import stocked_part, walk_in, zhang_item
from tests.helpers.on_site import on_site_job, visit


def test_paid_on_site_job_bills_labour_and_transport(clerk, login):
    supervisor, tech = login("super"), login("tech")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job)
    bill = billing.make_bill(clerk, call.id)
    kinds = {ln.kind: ln for ln in bill.lines}
    assert kinds["labour"].amount_cents == 9000  # 1.5 h × ￥60.00
    assert kinds["transport"].amount_cents == 2000  # city
    assert bill.category == "A" and bill.total_cents == 11000 and bill.covered_cents == 0


def test_warranty_job_lists_lines_but_bills_nothing(clerk, login):
    supervisor, tech = login("super"), login("tech")
    call, job = on_site_job(clerk, supervisor, item="in")
    visit(tech, job)
    bill = billing.make_bill(clerk, call.id)
    assert bill.category == "C" and bill.gross_cents == 11000
    assert bill.covered_cents == 11000 and bill.total_cents == 0 and bill.status == "paid"


def test_supervisor_override_changes_the_bill_on_record(clerk, login):
    supervisor, tech = login("super"), login("tech")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job)
    first = billing.make_bill(clerk, call.id)
    current = calls.get_call(clerk, call.id)
    dispatch_service.override_category(supervisor, call.id, Category.C, reason="厂家质量问题",
                                       expected_version=current.version)
    second = billing.make_bill(clerk, call.id, expected_version=first.version)
    assert (first.total_cents, second.total_cents) == (11000, 0)


def test_contract_bills_only_what_it_does_not_cover(clerk, login):
    supervisor, tech, boss = login("super"), login("tech"), login("boss")
    customer_id, item_id = zhang_item(clerk)
    contract_service.create_contract(boss, contract_service.ContractInput(
        customer_id=customer_id, item_ids=(item_id,), start_date=clerk.today() - timedelta(30),
        end_date=clerk.today() + timedelta(300), fee=Decimal("300"), covers_labour=True,
        covers_parts=False, visits_per_year=2))
    call, job = on_site_job(clerk, supervisor)
    assert calls.get_call(clerk, call.id).category == "B"
    visit(tech, job)
    bill = billing.make_bill(clerk, call.id, extra=[
        LineInput("other", "密封圈", Decimal(2), Decimal("12.50"))])
    assert bill.covered_cents == 11000  # labour and transport
    assert bill.total_cents == 2500  # the part the contract does not cover


def test_carry_in_parts_come_from_the_repair_card_at_catalogue_price(clerk, login):
    tech = login("tech")
    part = stocked_part(login("super"), price_cents=3550)
    carry = walk_in(clerk)
    repair_service.add_work(tech, carry.card_id, repair_service.WorkInput(
        minutes=30, note="换泵", parts=(repair_service.PartQty(part.id, 2),)),
        expected_version=carry.card_version)
    bill = billing.make_bill(clerk, carry.call_id)
    parts_line = next(ln for ln in bill.lines if ln.kind == "parts")
    assert parts_line.amount_cents == 7100 and parts_line.quantity == 2
    assert not any(ln.kind == "transport" for ln in bill.lines)  # carried in, no trip


def test_discount_needs_the_right_and_a_reason(clerk, login):
    supervisor, tech = login("super"), login("tech")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job)
    with pytest.raises(PermissionDenied):
        billing.make_bill(clerk, call.id, discount=Decimal(10), discount_reason="老客户")
    with pytest.raises(ValidationError) as err:
        billing.make_bill(supervisor, call.id, discount=Decimal(10))
    assert err.value.field == "discount_reason"
    with pytest.raises(ValidationError):
        billing.make_bill(supervisor, call.id, discount=Decimal(200), discount_reason="太多")
    bill = billing.make_bill(supervisor, call.id, discount=Decimal("10.00"),
                             discount_reason="老客户")
    assert bill.total_cents == 10000


def test_cash_on_site_is_held_until_the_accountant_confirms(clerk, login, db):
    supervisor, tech, acct = login("super"), login("tech"), login("acct")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job)
    bill = billing.make_bill(clerk, call.id)
    with pytest.raises(ValidationError):
        payments.collect(tech, bill.id, amount=Decimal("120"), method="cash", place="on_site")
    paid = payments.collect(tech, bill.id, amount=Decimal("110.00"), method="cash",
                            place="on_site")
    assert paid.number.startswith("P") and billing.get_bill(clerk, call.id).status == "paid"
    held = payments.cash_held(acct)
    assert [(h.collector, h.amount_cents) for h in held] == [("李师傅", 11000)]
    with pytest.raises(PermissionDenied):
        payments.confirm_handover(tech, [paid.id])
    payments.confirm_handover(acct, [paid.id])
    assert payments.cash_held(acct) == []
    with pytest.raises(ValidationError):
        payments.confirm_handover(acct, [paid.id])  # not twice


def test_invoice_refusals(clerk, login):
    supervisor, tech, acct = login("super"), login("tech"), login("acct")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job)
    bill = billing.make_bill(clerk, call.id)
    today = clerk.today()
    with pytest.raises(ValidationError):
        payments.record_invoice(acct, bill.id, invoice_no="FP-1", amount=Decimal("110.01"),
                                issued_on=today)
    payments.record_invoice(acct, bill.id, invoice_no="FP-1", amount=Decimal("50"),
                            issued_on=today, to_mail=True)
    with pytest.raises(ValidationError) as same:
        payments.record_invoice(acct, bill.id, invoice_no="FP-2", amount=Decimal("50"),
                                issued_on=today)
    assert same.value.field == "amount"
    with pytest.raises(ValidationError):
        payments.record_invoice(acct, bill.id, invoice_no="FP-1", amount=Decimal("10"),
                                issued_on=today)
    payments.record_invoice(acct, bill.id, invoice_no="FP-3", amount=Decimal("60"),
                            issued_on=today)
    assert [i.invoice_no for i in payments.invoices(acct, to_mail_only=True)] == ["FP-1"]


def test_receivables_and_day_end_match_the_payments(clerk, login, db):
    supervisor, tech, acct = login("super"), login("tech"), login("acct")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job)
    bill = billing.make_bill(clerk, call.id)
    assert [r.outstanding_cents for r in payments.receivables(acct)] == [11000]
    payments.collect(tech, bill.id, amount=Decimal("30"), method="cash", place="on_site")
    payments.collect(clerk, bill.id, amount=Decimal("80"), method="wechat", place="counter")
    assert payments.receivables(acct) == []
    report = payments.day_end(acct, clerk.today())
    with db.read() as s:
        in_db = s.scalar(select(func.sum(Payment.amount_cents)))
    assert report.total_cents == in_db == 11000
    assert report.by_method == {"cash": 3000, "wechat": 8000}
    assert report.still_held_cents == 3000
    assert {c.collector: c.total_cents for c in report.collectors} == {"李师傅": 3000,
                                                                       "王小丽": 8000}
    assert payments.day_end(acct, date(2020, 1, 1)).total_cents == 0
