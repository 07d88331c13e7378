"""Maintenance contracts: category B, the renewal list's one-month window, renew and lapse."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.models.contracts import MaintenanceContract
from app.printouts import trail
from app.services import calls_service as calls
from app.services import contract_service as contracts
from tests.helpers.voice import at, zhang


def _contract(ctx, item_id, start, end, fee="600.00"):
    customer_id = zhang(ctx)[0]
    return contracts.create_contract(ctx, contracts.ContractInput(
        customer_id, (item_id,), start, end, Decimal(fee), True, False, 2, "每年两次上门保养"))


def test_a_call_for_a_covered_item_gets_category_b(login):
    boss = login("super")
    customer_id, _aircon, washer = zhang(boss)
    before = calls.register_call(boss, calls.CallInput(fault="不脱水", customer_id=customer_id,
                                                       item_id=washer))
    assert before.proposed_category == "A"  # out of warranty, no contract yet

    contract = _contract(boss, washer, boss.today() - timedelta(days=30),
                         boss.today() + timedelta(days=335))
    call = calls.register_call(boss, calls.CallInput(fault="不脱水", customer_id=customer_id,
                                                     item_id=washer))

    assert call.proposed_category == "B"
    assert contract.number in call.category_reason
    covered = contracts.coverage(boss, washer, boss.today())
    assert covered is not None and covered.covers_labour and not covered.covers_parts
    assert contract.fee_cents == 60000 and contract.fee == Decimal("600.00")


def test_warranty_still_wins_and_an_expired_or_cancelled_contract_covers_nothing(login):
    boss = login("super")
    customer_id, aircon, washer = zhang(boss)
    _contract(boss, aircon, boss.today() - timedelta(days=10), boss.today() + timedelta(days=10))
    old = _contract(boss, washer, boss.today() - timedelta(days=400),
                    boss.today() - timedelta(days=1))
    assert calls.register_call(boss, calls.CallInput(
        fault="x", customer_id=customer_id, item_id=aircon)).proposed_category == "C"
    assert calls.register_call(boss, calls.CallInput(
        fault="x", customer_id=customer_id, item_id=washer)).proposed_category == "A"
    current = _contract(boss, washer, boss.today(), boss.today() + timedelta(days=30))
    contracts.cancel_contract(boss, current.id, reason="录入错误", expected_version=1)
    assert calls.register_call(boss, calls.CallInput(
        fault="x", customer_id=customer_id, item_id=washer)).proposed_category == "A"
    assert old.status == "active"


@pytest.mark.parametrize(("today", "inside", "outside"), [
    (date(2026, 11, 22), date(2026, 12, 22), date(2026, 12, 23)),  # exactly one month ahead
    (date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 1)),  # the 31st into February
    (date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 1)),  # leap February
    (date(2026, 2, 28), date(2026, 3, 28), date(2026, 3, 29)),  # from February's end
    (date(2026, 12, 15), date(2027, 1, 15), date(2027, 1, 16)),  # over the year end
])
def test_the_renewal_list_holds_contracts_ending_within_one_month(login, today, inside,
                                                                  outside):
    boss = at(login("super"), today)
    washer = zhang(boss)[2]
    due = _contract(boss, washer, inside - timedelta(days=364), inside)
    later = _contract(boss, washer, outside - timedelta(days=364), outside)
    ended = _contract(boss, washer, today - timedelta(days=365), today - timedelta(days=1))

    listed = [c.id for c in contracts.renewal_list(boss)]

    assert due.id in listed and ended.id in listed
    assert later.id not in listed
    assert contracts.renewal_list(boss)[-1].days_left == (inside - today).days


def test_renewal_makes_the_next_term_and_keeps_the_history(login, db):
    boss = at(login("super"), date(2026, 11, 22))
    washer = zhang(boss)[2]
    first = _contract(boss, washer, date(2026, 1, 1), date(2026, 12, 31))

    second = contracts.renew_contract(boss, first.id, expected_version=first.version,
                                      fee=Decimal("680"))

    assert (second.start_date, second.end_date) == (date(2027, 1, 1), date(2027, 12, 31))
    assert second.previous_number == first.number and second.fee_cents == 68000
    assert second.item_ids == first.item_ids
    assert [c.id for c in contracts.contract_history(boss, second.id)] == [first.id, second.id]
    assert contracts.get_contract(boss, first.id).status == "renewed"
    assert first.id not in [c.id for c in contracts.renewal_list(boss)]
    with pytest.raises(ValidationError):
        contracts.renew_contract(boss, first.id, expected_version=2)


def test_a_lapse_is_recorded_with_its_reason_and_leaves_the_list(login):
    boss = at(login("super"), date(2026, 11, 22))
    washer = zhang(boss)[2]
    c = _contract(boss, washer, date(2026, 1, 1), date(2026, 12, 10))
    with pytest.raises(ValidationError) as err:
        contracts.record_lapse(boss, c.id, reason=" ", expected_version=1)
    assert err.value.field == "reason"

    lapsed = contracts.record_lapse(boss, c.id, reason="客户已搬家", expected_version=1)

    assert lapsed.status == "lapsed" and lapsed.lapse_reason == "客户已搬家"
    assert contracts.renewal_list(boss) == []


def test_expiry_notices_propose_the_next_term_and_a_printed_one_is_noted_as_sent(login, db):
    boss = at(login("super"), date(2026, 11, 22))
    washer = zhang(boss)[2]
    c = _contract(boss, washer, date(2025, 12, 20), date(2026, 12, 19))
    notices = contracts.expiry_notices(boss, [c.id])
    assert notices[0].renewal_start == date(2026, 12, 20)
    assert notices[0].renewal_end == date(2027, 12, 19)
    assert [x.id for x in contracts.contracts_ending_in(boss, 2026, 12)] == [c.id]
    with db.read() as s:  # the notice made for the preview is not sent yet
        assert s.scalar(select(MaintenanceContract.notice_sent_at)) is None
    trail.record_print(boss, "expiry-notice", c.number, reprint=False)
    with db.read() as s:
        assert s.scalar(select(MaintenanceContract.notice_sent_at)) is not None


def test_bad_contracts_are_refused_and_clerks_cannot_make_them(login, clerk):
    boss = login("super")
    customer_id, aircon, _ = zhang(boss)
    with pytest.raises(ValidationError) as err:
        contracts.create_contract(boss, contracts.ContractInput(
            customer_id, (aircon,), date(2026, 2, 1), date(2026, 1, 1)))
    assert err.value.field == "end_date"
    with pytest.raises(ValidationError) as err:
        contracts.create_contract(boss, contracts.ContractInput(
            customer_id, (), date(2026, 1, 1), date(2026, 2, 1)))
    assert err.value.field == "items"
    with pytest.raises(PermissionDenied):
        contracts.create_contract(clerk, contracts.ContractInput(
            customer_id, (aircon,), date(2026, 1, 1), date(2026, 2, 1)))
