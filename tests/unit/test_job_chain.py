"""The job's chain (seed 002 §九–§十七): parts and money taken on site reach the stock,
the bill, the month's materials cost, the daily report and the cash-held list."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app.models.billing import CashHandover, Payment
from app.models.jobs import VisitOutcome
from app.services import billing_service as billing
from app.services import daily_report_service as reports
from app.services import monthly_report_service as monthly
from app.services import parts_service
from app.services import payments_service as payments
from app.services.errors import ValidationError
from app.services.parts_service import PartQty
from app.services.visit_service import MoneyTaken, VisitInput, record_visit
from tests.unit.carry_in_fixtures import stocked_part, user_id
from tests.unit.test_billing_service import _on_site_job


def _visit_with_part_and_cash(tech, job, part_id: int, amount: str):
    return record_visit(tech, job.job_id, VisitInput(
        arrived_at=job.dispatched_at, completed_at=tech.now(), labour_minutes=60,
        outcome=VisitOutcome.COMPLETED, work_done="更换排水泵", customer_signed=True,
        part_uses=(PartQty(part_id, 1),), taken=MoneyTaken(Decimal(amount), "cash")),
        expected_version=job.version)


def test_part_and_cash_on_site_reach_stock_bill_materials_report_and_holder(
        db, clerk, login):
    tech, sup, acct = login("tech"), login("super"), login("acct")
    part = stocked_part(sup, stock=5, price_cents=3550)
    call, job = _on_site_job(clerk, sup)
    # labour 60 min at ¥60 + transport ¥20 + pump ¥35.50 = ¥115.50, all taken in cash
    visit = _visit_with_part_and_cash(tech, job, part.id, "115.50")
    assert visit.parts_cents == 3550 and visit.payment_id is not None
    assert parts_service.get_part(sup, part.id).stock_on_hand == 4
    bill = billing.get_bill(clerk, call.id)
    assert bill is not None and bill.total_cents == 11550 and bill.paid_cents == 11550
    assert [ln.kind for ln in bill.lines] == ["labour", "parts", "transport"]
    figures = {f.key: f.value for f in monthly.monthly_report(acct, tech.today()).figures}
    assert figures["materials_cost"] == 3550
    daily = reports.technician_report(tech, user_id(tech, "tech"), tech.today())
    assert daily.total_fee_cents == bill.paid_cents
    assert [ln.fee_cents for ln in daily.lines] == [11550]
    held = payments.cash_held(acct)
    assert [(h.collector, h.amount_cents) for h in held] == [("李师傅", 11550)]


def test_more_than_the_bill_cannot_be_taken_and_nothing_is_half_saved(db, clerk, login):
    tech, sup = login("tech"), login("super")
    part = stocked_part(sup, stock=5)
    call, job = _on_site_job(clerk, sup)
    with pytest.raises(ValidationError) as err:
        _visit_with_part_and_cash(tech, job, part.id, "500")
    assert err.value.field == "amount"
    assert parts_service.get_part(sup, part.id).stock_on_hand == 5
    assert billing.get_bill(clerk, call.id) is None


def test_cash_a_clerk_records_on_site_is_held_by_the_visits_technician(db, clerk, login):
    tech, sup, acct = login("tech"), login("super"), login("acct")
    call, job = _on_site_job(clerk, sup)
    record_visit(tech, job.job_id, VisitInput(
        arrived_at=job.dispatched_at, completed_at=tech.now(), labour_minutes=60,
        outcome=VisitOutcome.COMPLETED, work_done="紧固", customer_signed=True),
        expected_version=job.version)
    bill = billing.make_bill(clerk, call.id)
    paid = payments.collect(clerk, bill.id, amount=Decimal("80"), method="cash",
                            place="on_site")
    assert paid.holder == "李师傅" and paid.collector == "王小丽"
    assert [h.collector for h in payments.cash_held(acct)] == ["李师傅"]
    assert [p.id for p in payments.held_payments(acct, user_id(acct, "tech"))] == [paid.id]


def test_a_hand_over_short_of_the_record_needs_a_reason(db, clerk, login):
    tech, sup, acct = login("tech"), login("super"), login("acct")
    _call, job = _on_site_job(clerk, sup)
    part = stocked_part(sup)
    visit = _visit_with_part_and_cash(tech, job, part.id, "100")
    assert visit.payment_id is not None
    with pytest.raises(ValidationError) as err:
        payments.confirm_handover(acct, [visit.payment_id], counted=Decimal("90"))
    assert err.value.field == "reason"
    payments.confirm_handover(acct, [visit.payment_id], counted=Decimal("90"),
                              reason="找零给客户十元，客户未收回")
    with db.read() as session:
        handover = session.scalar(select(CashHandover))
        assert (handover.recorded_cents, handover.counted_cents) == (10000, 9000)
        assert session.scalar(select(Payment.handover_id)) == handover.id
    assert payments.cash_held(acct) == []
