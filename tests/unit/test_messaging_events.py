"""The five other events that tell the customer by message: item ready, waiting for parts,
contract ending, complaint outcome, survey invitation. Each queues one message in its own
transaction, once per event, and honours opt-out (notices) or the recorded yes (survey,
contract)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.models.messaging import OutboxMessage
from app.printouts import trail
from app.services import complaint_service as complaints
from app.services import contract_service as contracts
from app.services import late_repair_service, repair_service
from app.services import messaging_service as msgs
from app.services import survey_service as surveys
from app.services.repair_service import WorkInput
from tests.helpers.carry_in import walk_in
from tests.helpers.voice import at, completed_call, zhang

QUEUED, SKIPPED = msgs.Status.QUEUED, msgs.Status.SKIPPED


def outbox(db, kind: str) -> list[tuple[str, str, str, str, int, int | None]]:
    """(status, reason, phone, body, customer, call) of each message of this kind."""
    with db.read() as s:
        return [(m.status, m.last_error, m.phone, m.body, m.customer_id, m.call_id)
                for m in s.scalars(select(OutboxMessage).where(OutboxMessage.kind == kind)
                                   .order_by(OutboxMessage.id))]


def count(db) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxMessage)) or 0)


@pytest.fixture
def on(admin):
    msgs.set_messages_enabled(admin, True)


# ---- item ready (carry-in passes inspection) -------------------------------------------------

def _repaired(login, clerk, **kw):
    job = walk_in(clerk, **kw)
    return repair_service.add_work(login("tech"), job.card_id, WorkInput(minutes=30),
                                   expected_version=job.card_version)


def test_item_ready_is_queued_once_when_the_repair_passes_inspection(db, login, clerk, on):
    job = _repaired(login, clerk)
    boss = login("super")
    job = repair_service.inspect(boss, job.card_id, passed=False, note="仍有异响",
                                 expected_version=job.card_version)
    assert outbox(db, "item_ready") == []  # failed: not ready
    job = repair_service.add_work(login("tech"), job.card_id, WorkInput(minutes=10),
                                  expected_version=job.card_version)
    done = repair_service.inspect(boss, job.card_id, passed=True,
                                  expected_version=job.card_version)
    [msg] = outbox(db, "item_ready")
    assert msg[0] == QUEUED and msg[2] == "13900001111"
    assert "刘洋您好" in msg[3] and done.receipt_number in msg[3]
    assert "XQB80" in msg[3] and "{" not in msg[3]
    before = count(db)
    with boss.write() as s:  # the same event again (e.g. a retry) queues nothing more
        from app.models.carry_in import ItemReceipt
        receipt = s.get(ItemReceipt, done.receipt_id)
        assert receipt is not None
        msgs.notify_item_ready(s, boss, receipt_id=receipt.id, receipt_number=receipt.number,
                               customer_id=receipt.customer_id, item_id=receipt.item_id,
                               call_id=receipt.call_id)
    assert count(db) == before


def test_item_ready_is_not_sent_to_a_customer_who_opted_out(db, login, clerk, on):
    job = _repaired(login, clerk)
    assert msgs.opt_out_by_reply(clerk, "13900001111", "TD")
    repair_service.inspect(login("super"), job.card_id, passed=True,
                           expected_version=job.card_version)
    [msg] = outbox(db, "item_ready")
    assert msg[0] == SKIPPED and msg[1] == "opted out"


# ---- waiting for parts -------------------------------------------------------------------------

def test_waiting_for_parts_tells_the_new_promised_date_once_per_change(db, login, clerk, on):
    job = walk_in(clerk)
    tech = login("tech")
    new_date = tech.today() + timedelta(days=9)
    late_repair_service.wait_for_parts(tech, job.receipt_id, new_date=new_date,
                                       reason="轴承缺货", expected_version=job.receipt_version)
    [msg] = outbox(db, "waiting_for_parts")
    assert msg[0] == QUEUED
    assert f"预计完成日期改为{new_date.month}月{new_date.day}日" in msg[3]
    assert "刘洋您好" in msg[3] and "XQB80" in msg[3]


def test_waiting_for_parts_is_skipped_for_an_opted_out_customer(db, login, clerk, on):
    job = walk_in(clerk)
    msgs.opt_out_by_reply(clerk, "13900001111", "退订")
    tech = login("tech")
    late_repair_service.wait_for_parts(tech, job.receipt_id,
                                       new_date=tech.today() + timedelta(days=3),
                                       reason="缺货", expected_version=job.receipt_version)
    [msg] = outbox(db, "waiting_for_parts")
    assert msg[0] == SKIPPED and msg[1] == "opted out"


# ---- contract ending (the renewal notice; needs a recorded yes) --------------------------------

def _ending_contract(login):
    boss = at(login("super"), date(2026, 11, 22))
    customer_id, _, washer = zhang(boss)
    c = contracts.create_contract(boss, contracts.ContractInput(
        customer_id, (washer,), date(2025, 12, 20), date(2026, 12, 19), Decimal("600.00"),
        True, False, 2, "每年两次上门保养"))
    return boss, c


def test_contract_ending_is_queued_once_with_the_renewal_notice_given_a_yes(db, login, on):
    boss, c = _ending_contract(login)
    msgs.set_consent(boss, c.customer_id, True)
    trail.record_print(boss, "expiry-notice", c.number, reprint=False)
    trail.record_print(boss, "expiry-notice", c.number, reprint=True)  # printed again
    [msg] = outbox(db, "contract_ending")
    assert msg[0] == QUEUED
    assert c.number in msg[3] and "2026年12月19日到期" in msg[3]


def test_contract_ending_needs_a_recorded_yes(db, login, on):
    boss, c = _ending_contract(login)
    trail.record_print(boss, "expiry-notice", c.number, reprint=False)
    [msg] = outbox(db, "contract_ending")
    assert msg[0] == SKIPPED and msg[1] == "no consent recorded"


# ---- complaint outcome ------------------------------------------------------------------------

def _closed_complaint(clerk):
    customer_id, aircon, _ = zhang(clerk)
    c = complaints.open_complaint(clerk, complaints.ComplaintInput(
        customer_id, "空调修好三天又不制冷", "quality", demand="换新机", item_id=aircon))
    c = complaints.record_visit(clerk, c.id, visit_on=clerk.today(), visit_by="陈主任",
                                notes="", expected_version=c.version)
    c = complaints.resolve_complaint(clerk, c.id, resolution="更换压缩机", responsible="质检部",
                                     told_via="letter", expected_version=c.version)
    return complaints.close_complaint(clerk, c.id, outcome="免费更换压缩机", told_via="phone",
                                      expected_version=c.version)


def test_closing_a_complaint_queues_its_outcome_once(db, clerk, on):
    closed = _closed_complaint(clerk)
    [msg] = outbox(db, "complaint_outcome")
    assert msg[0] == QUEUED and msg[4] == closed.customer_id
    assert f"（{closed.number}）处理结果：免费更换压缩机" in msg[3]
    with clerk.write() as s:
        msgs.notify_complaint_outcome(s, clerk, complaint_id=closed.id, number=closed.number,
                                      customer_id=closed.customer_id, outcome="x",
                                      call_id=None)
    assert len(outbox(db, "complaint_outcome")) == 1


def test_complaint_outcome_is_skipped_for_an_opted_out_customer(db, clerk, on):
    msgs.set_consent(clerk, zhang(clerk)[0], False)
    _closed_complaint(clerk)
    [msg] = outbox(db, "complaint_outcome")
    assert msg[0] == SKIPPED and msg[1] == "opted out"


# ---- survey invitation (when the day's cards are made; needs a recorded yes) -------------------

def test_survey_invitation_goes_with_the_days_card_once_given_a_yes(db, login, on):
    clerk = login("clerk")
    msgs.set_consent(clerk, zhang(clerk)[0], True)
    call_id = completed_call(clerk)
    [card] = surveys.issue_cards_for_day(clerk, clerk.today())
    assert surveys.issue_cards_for_day(clerk, clerk.today()) == []
    [msg] = outbox(db, "survey_invitation")
    assert msg[0] == QUEUED and msg[5] == call_id == card.call_id
    assert "请回复1-5" in msg[3] and "{" not in msg[3]


def test_no_survey_invitation_without_a_recorded_yes(db, login, on):
    clerk = login("clerk")
    completed_call(clerk)
    surveys.issue_cards_for_day(clerk, clerk.today())
    [msg] = outbox(db, "survey_invitation")
    assert msg[0] == SKIPPED and msg[1] == "no consent recorded"
