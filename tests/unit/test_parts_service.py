"""Parts stock: catalogue, goods received, counts with reasons, the low-stock list."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.errors import PermissionDenied, ValidationError
from app.services import parts_service
from app.services.context import ServiceContext
from app.services.parts_service import PartInput
from tests.helpers.carry_in import stocked_part

Login = Callable[[str], ServiceContext]


def test_catalogue_receive_and_count(login: Login) -> None:
    boss = login("super")
    part = stocked_part(boss, stock=10)
    assert part.stock_on_hand == 10 and part.unit_price_cents == 3550
    counted = parts_service.count_stock(boss, part.id, 8, reason="盘点少两个")
    assert counted.stock_on_hand == 8
    ledger = parts_service.movements(boss, part.id)
    assert [(m.kind, m.quantity, m.balance_after) for m in ledger] == [
        ("count", -2, 8), ("received", 10, 10)]
    assert ledger[0].reason == "盘点少两个"
    assert parts_service.verify_stock(boss) == []


def test_low_stock_list(login: Login) -> None:
    boss = login("super")
    stocked_part(boss, stock=10, number="P-A")
    low = stocked_part(boss, stock=2, number="P-B")  # reorder level 2
    assert [p.number for p in parts_service.low_stock(boss)] == [low.number]


def test_bad_input_is_refused(login: Login, clerk: ServiceContext) -> None:
    boss = login("super")
    part = stocked_part(boss, stock=1)
    with pytest.raises(ValidationError) as dup:
        parts_service.create_part(boss, PartInput("p-drain-01", "重复"))
    assert dup.value.field == "number"
    with pytest.raises(ValidationError):
        parts_service.count_stock(boss, part.id, 3, reason="")
    with pytest.raises(ValidationError):
        parts_service.receive_goods(boss, part.id, 0)
    with pytest.raises(PermissionDenied):
        parts_service.receive_goods(clerk, part.id, 5)
    assert parts_service.get_part(boss, part.id).stock_on_hand == 1


def test_update_keeps_stock(login: Login) -> None:
    boss = login("super")
    part = stocked_part(boss, stock=4)
    edited = parts_service.update_part(boss, part.id, PartInput(
        part.number, "排水泵（新款）", "个", 3900, 1), expected_version=part.version)
    assert edited.name == "排水泵（新款）" and edited.stock_on_hand == 4
    assert parts_service.find_part(boss, "p-drain-01").id == part.id


def test_parts_used_on_a_voucher_leave_stock_in_the_callers_transaction(login: Login) -> None:
    boss = login("super")
    part = stocked_part(boss, stock=3)
    with pytest.raises(ValidationError), boss.write() as session:
        parts_service.use_on_voucher(session, boss, None, [(part.id, 4)])
    with boss.write() as session:
        cents = parts_service.use_on_voucher(session, boss, None, [(part.id, 2)])
    assert cents == 7100 and parts_service.get_part(boss, part.id).stock_on_hand == 1
