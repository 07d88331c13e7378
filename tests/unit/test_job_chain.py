"""The job's chain (seed 002 §九–§十七): parts and money taken on site reach the stock,
the bill, the month's materials cost, the daily report and the cash-held list."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models.billing import CashHandover, Payment
from app.models.jobs import VisitOutcome
from app.services import billing_service as billing
from app.services import daily_report_service as reports
from app.services import monthly_report_service as monthly
from app.services import parts_service
from app.services import payments_service as payments
from app.services.parts_service import PartQty
from app.services.visit_service import MoneyTaken, VisitInput, record_visit
from tests.helpers.carry_in import stocked_part, user_id
from tests.helpers.on_site import complete_on_site, on_site_job


def _visit_with_part_and_cash(tech, job, part_id: int, amount: str):
    return record_visit(tech, job.job_id, VisitInput(
        arrived_at=job.dispatched_at, completed_at=tech.now(), labour_minutes=60,
        outcome=VisitOutcome.COMPLETED, work_done="更换排水泵", customer_signed=True,
        part_uses=(PartQty(part_id, 1),), taken=MoneyTaken(Decimal(amount), "cash")),
        expected_version=job.version)


def test_part_and_cash_on_site_reach_stock_bill_materials_report_and_holder(
        db, clerk, login):
    tech, sup, acct = login("tech"), login("super"), login("acct")
    part = stocked_part(sup, stock=5, price_cents=3550, van=2)
    call, job = on_site_job(clerk, sup)
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
    part = stocked_part(sup, stock=5, van=2)
    call, job = on_site_job(clerk, sup)
    with pytest.raises(ValidationError) as err:
        _visit_with_part_and_cash(tech, job, part.id, "500")
    assert err.value.field == "amount"
    assert parts_service.get_part(sup, part.id).stock_on_hand == 5
    assert billing.get_bill(clerk, call.id) is None


def test_cash_a_clerk_records_on_site_is_held_by_the_visits_technician(db, clerk, login):
    tech, sup, acct = login("tech"), login("super"), login("acct")
    call, job = on_site_job(clerk, sup)
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
    _call, job = on_site_job(clerk, sup)
    part = stocked_part(sup, van=1)
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


def test_a_paid_carry_in_does_not_go_home_unpaid(db, clerk, login):
    from app.services import carry_in_service, repair_service
    from app.services.carry_in_service import ReturnInput, Settlement
    from tests.helpers.carry_in import walk_in

    tech, sup = login("tech"), login("super")
    taken = walk_in(clerk)
    done = repair_service.add_work(tech, taken.card_id, repair_service.WorkInput(minutes=60),
                                   expected_version=taken.card_version)
    done = repair_service.inspect(sup, done.card_id, passed=True,
                                  expected_version=done.card_version)
    with pytest.raises(ValidationError) as err:  # ¥60 of labour owed: no silent return
        carry_in_service.return_item(clerk, done.receipt_id, ReturnInput("刘洋", True),
                                     expected_version=done.receipt_version)
    assert err.value.field == "settle"
    assert carry_in_service.get_carry_in(clerk, done.receipt_id).receipt_status == "held"
    with pytest.raises(ValidationError) as err:  # part paid, no reason for the rest
        carry_in_service.return_item(clerk, done.receipt_id, ReturnInput(
            "刘洋", True, settle=Settlement("pay", Decimal("40"), "wechat")),
            expected_version=done.receipt_version)
    assert err.value.field == "reason"
    carry_in_service.return_item(clerk, done.receipt_id, ReturnInput(
        "刘洋", True, settle=Settlement("pay", Decimal("60"), "wechat")),
        expected_version=done.receipt_version)
    bill = billing.get_bill(clerk, taken.call_id)
    assert bill is not None and bill.total_cents == 6000 and bill.status == "paid"
    assert payments.receivables(clerk) == []


def test_cancelling_voids_the_voucher_and_waits_for_an_item_in_the_shop(db, clerk, login):
    from app.models.jobs import Job
    from app.services import calls_service, carry_in_service
    from app.services.voucher_service import voucher_for_print
    from tests.helpers.carry_in import walk_in

    sup = login("super")
    call, job = on_site_job(clerk, sup)
    calls_service.cancel_call(clerk, call.id, reason="客户已自行修好",
                              expected_version=calls_service.get_call(clerk, call.id).version)
    with db.read() as session:
        voucher = session.get(Job, job.job_id)
        assert voucher.status == "cancelled" and voucher.void_reason == "客户已自行修好"
        assert voucher.voided_at is not None
    printed = voucher_for_print(sup, job.number)
    assert printed.void is not None and printed.void.reason == "客户已自行修好"
    # an item in the shop: no cancelling until it is returned
    taken = walk_in(clerk)
    with pytest.raises(ValidationError) as err:
        calls_service.cancel_call(clerk, taken.call_id, reason="客户不修了",
                                  expected_version=calls_service.get_call(
                                      clerk, taken.call_id).version)
    assert taken.receipt_number in err.value.text()
    assert calls_service.get_call(clerk, taken.call_id).status != "cancelled"
    assert carry_in_service.get_carry_in(clerk, taken.receipt_id).receipt_status == "held"


def test_a_late_repair_asks_for_help_and_waits_for_parts_on_the_books(db, clerk, login):
    from datetime import timedelta

    from app.services import carry_in_service, late_repair_service, repair_service
    from tests.helpers.carry_in import walk_in

    tech, sup = login("tech"), login("super")
    taken = walk_in(clerk, days=0)
    help_asked = late_repair_service.ask_for_help(tech, taken.receipt_id,
                                                  note="电机异响找不到原因")
    assert [e.id for e in late_repair_service.open_escalations(sup)] == [help_asked.id]
    assert late_repair_service.open_escalations(sup)[0].asked_by == "李师傅"
    late_repair_service.answer_help(sup, help_asked.id, answer="陈主任一同检查：轴承损坏")
    assert late_repair_service.open_escalations(sup) == []
    new_date = tech.today() + timedelta(days=7)
    with pytest.raises(ValidationError):
        late_repair_service.wait_for_parts(tech, taken.receipt_id, new_date=new_date,
                                           reason="", expected_version=taken.receipt_version)
    late_repair_service.wait_for_parts(tech, taken.receipt_id, new_date=new_date,
                                       reason="轴承缺货，厂家三日内到",
                                       expected_version=taken.receipt_version)
    row = next(r for r in repair_service.open_cards(sup) if r.receipt_id == taken.receipt_id)
    assert row.waiting_for_parts and row.promised_date == new_date
    assert carry_in_service.get_carry_in(clerk, taken.receipt_id).promised_date == new_date


def test_a_voucher_completed_but_not_closed_warns_after_a_day(db, clerk, login):
    from dataclasses import replace
    from datetime import timedelta

    from app.services import late_repair_service

    sup, tech = login("super"), login("tech")
    _call, job = on_site_job(clerk, sup)
    complete_on_site(tech, job)
    assert late_repair_service.vouchers_not_closed(clerk) == []
    later = replace(clerk, clock=lambda: clerk.now() + timedelta(days=1, hours=1))
    assert [n for n, _ in late_repair_service.vouchers_not_closed(later)] == [job.number]
