"""The depreciation table (seed 003 §4.2.3): its edges, its checks, and exchanges on record."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.errors import PermissionDenied, ValidationError
from app.services import exchange_service as exchanges
from app.services.money_dto import DepreciationStep
from tests.helpers.carry_in import zhang_item

TABLE = exchanges.DEFAULT_TABLE
SALE = date(2026, 1, 1)


@pytest.mark.parametrize("days, percent", [
    (0, 0), (7, 0), (8, 5), (30, 5), (31, 10), (90, 10), (91, 20), (180, 20), (181, 30),
    (365, 30), (366, 40), (1000, 40),
])
def test_each_step_starts_the_day_after_the_previous_ends(days, percent):
    result = exchanges.depreciation(TABLE, 329900, SALE, SALE + timedelta(days=days))
    assert result.days == days and result.percent == Decimal(percent)
    assert result.charge_cents == 329900 * percent // 100
    assert f"{days} days" in result.explanation


def test_charges_round_half_up_to_the_fen():
    steps = (DepreciationStep(None, Decimal("12.5")),)
    assert exchanges.depreciation(steps, 1001, SALE, SALE).charge_cents == 125  # 125.125


def test_a_table_must_rise_and_end_open():
    with pytest.raises(ValidationError):
        exchanges.check_table((DepreciationStep(30, Decimal(5)),))
    with pytest.raises(ValidationError):
        exchanges.check_table((DepreciationStep(30, Decimal(5)), DepreciationStep(10, Decimal(9)),
                               DepreciationStep(None, Decimal(20))))
    with pytest.raises(ValidationError):
        exchanges.check_table((DepreciationStep(None, Decimal(120)),))
    with pytest.raises(ValidationError):
        exchanges.depreciation(TABLE, 100, SALE, SALE - timedelta(days=1))


def test_the_store_sets_its_own_table(login):
    boss = login("boss")
    _, version = exchanges.get_table(boss)
    exchanges.set_table(boss, (DepreciationStep(15, Decimal(3)), DepreciationStep(None,
                                                                                  Decimal(15))),
                        expected_version=version)
    steps, _ = exchanges.get_table(boss)
    assert [s.percent for s in steps] == [Decimal(3), Decimal(15)]
    with pytest.raises(PermissionDenied):
        exchanges.set_table(login("clerk"), TABLE, expected_version=1)


def test_exchange_inside_warranty_is_recorded_with_how_it_was_computed(clerk, login):
    customer_id, _ = zhang_item(clerk)
    from app.services import customers_service

    aircon = next(i for i in customers_service.get_customer(clerk, customer_id).items
                  if i.warranty.in_warranty)  # bought 200 days ago, ￥3,299.00
    quote = exchanges.quote_exchange(clerk, aircon.id)
    assert quote.days == 200 and quote.percent == Decimal(30)
    done = exchanges.record_exchange(login("super"), aircon.id, kind="exchange")
    assert done.charge_cents == 98970 and "200 days" in done.explanation
    washer = next(i for i in customers_service.get_customer(clerk, customer_id).items
                  if not i.warranty.in_warranty)
    with pytest.raises(ValidationError):
        exchanges.quote_exchange(clerk, washer.id)
