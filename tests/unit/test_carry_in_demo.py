"""The demo's carry-in step: consistent receipts, register, cards, stock ledger, numbers."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from app.bootstrap import open_database
from app.services import auth_service, carry_in_service, parts_service, repair_service
from app.services.context import ServiceContext
from tests.helpers.carry_in import back
from tests.helpers.demo import NOW, build_demo, sql


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory, calls=600, seed=11)


def test_every_carry_in_has_its_card_register_line_and_consistent_state(demo_file):
    [(receipts, cards, lines)] = sql(demo_file, "SELECT (SELECT count(*) FROM item_receipts),"
                                      " (SELECT count(*) FROM repair_cards),"
                                      " (SELECT count(*) FROM register_entries)")
    assert receipts > 20 and receipts == cards == lines
    # returned ⇔ receipt voided ⇔ register has a date out ⇔ a return row ⇔ card returned
    rows = sql(demo_file, """
        SELECT r.status, r.voided_at IS NOT NULL, e.date_out IS NOT NULL, t.id IS NOT NULL,
               c.status, k.status
        FROM item_receipts r JOIN register_entries e ON e.receipt_id = r.id
        JOIN repair_cards c ON c.receipt_id = r.id JOIN calls k ON k.id = r.call_id
        LEFT JOIN item_returns t ON t.receipt_id = r.id""")
    for status, voided, out, returned, card, call in rows:
        gone = status != "held"
        assert gone == voided == out == returned == (card == "returned")
        assert call == ("closed" if gone else "taken_in")
    assert {r[0] for r in rows} >= {"held", "taken_back"}
    # a returned item passed its last inspection; some failed one first
    assert sql(demo_file, "SELECT count(*) FROM repair_inspections WHERE passed = 0")[0][0] > 0


def test_numbers_are_gap_free_per_month(demo_file):
    for table, prefix in (("item_receipts", "R"), ("repair_cards", "J")):
        serials = defaultdict(list)
        for (number,) in sql(demo_file, f"SELECT number FROM {table}"):
            assert number.startswith(prefix)
            serials[number[1:5]].append(int(number[6:]))
        for values in serials.values():
            assert sorted(values) == list(range(1, len(values) + 1))


def test_stock_matches_the_ledger_and_some_parts_run_low(demo_file, monkeypatch, tmp_path):
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    db = open_database(str(demo_file))
    boss = ServiceContext(db, auth_service.log_in(db, "super", "super123"),
                          clock=lambda: NOW)
    assert parts_service.verify_stock(boss) == []
    assert parts_service.low_stock(boss)
    assert sql(demo_file, "SELECT min(stock_on_hand) FROM parts")[0][0] >= 0
    # the demo's items in the store work with the services: a late one can go home
    late = repair_service.late_repairs(boss)
    in_store = repair_service.open_cards(boss)
    assert in_store and all(r.days_late > 0 for r in late)
    job = carry_in_service.get_carry_in(boss, in_store[0].receipt_id)
    if job.card_status == "passed":
        done = carry_in_service.return_item(boss, job.receipt_id, back("本人", True),
                                            expected_version=job.receipt_version)
        assert done.receipt_status == "taken_back"
    db.dispose()
