"""The demo store carries the whole job chain (issue 13), and a demo month adds up: the
technicians' dailies = the supervisor's dailies = the month's technician sheet (in the
written workbook too); stock moved by exactly the parts used; every bill paid, invoiced or
receivable; every cash payment held by the technician who took it until handed over."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.bootstrap import open_database
from app.export.monthly_workbook import write_monthly_workbook
from app.services import (
    auth_service,
    daily_report_service,
    monthly_report_service,
    parts_service,
    payments_service,
)
from app.services.context import ServiceContext
from app.services.daily_report_service import CATEGORIES
from tests.helpers.demo import NOW, build_demo, sql


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory, calls=600, seed=11)


MONTH = date(2026, 10, 1)  # the whole month before the demo's "now"


@pytest.fixture
def boss(demo_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    db = open_database(str(demo_file))
    yield ServiceContext(db, auth_service.log_in(db, "boss", "boss123"), clock=lambda: NOW)
    db.dispose()


def _local_hours(demo_file: Path, column: str, table: str, where: str = "1=1") -> set[int]:
    rows = sql(demo_file, f"SELECT DISTINCT CAST(strftime('%H', {column}, '+8 hours') AS int)"
                           f" FROM {table} WHERE {column} IS NOT NULL AND {where}")
    return {h for (h,) in rows}


def test_counter_work_returns_and_payments_happen_in_business_hours(demo_file):
    for column, table, where in (("returned_at", "item_returns", "1=1"),
                                 ("collected_at", "payments", "place = 'counter'"),
                                 ("closed_at", "calls", "1=1"),
                                 ("at", "cash_handovers", "1=1"),
                                 ("recorded_at", "repair_work", "1=1"),
                                 ("at", "daily_report_steps", "1=1")):
        hours = _local_hours(demo_file, column, table, where)
        assert hours and hours <= set(range(9, 18)), (table, column, sorted(hours))
    # on site the cash is taken when the visit ends: never at night either
    assert _local_hours(demo_file, "collected_at", "payments") <= set(range(9, 21))


def test_money_taken_on_site_is_held_by_the_visits_technician_until_handed_over(demo_file):
    wrong = sql(demo_file, """
        SELECT count(*) FROM payments p JOIN bills b ON b.id = p.bill_id
        WHERE p.place = 'on_site' AND (p.taken_by_id IS NULL OR p.taken_by_id != p.collected_by_id
          OR p.taken_by_id NOT IN (SELECT v.technician_id FROM visits v JOIN jobs j
                                  ON j.id = v.job_id WHERE j.call_id = b.call_id))""")
    assert wrong == [(0,)]
    # cash stays with the technician who took it; a scanned payment is the store's at once
    holders = sql(demo_file, "SELECT method = 'cash', held_by_id IS taken_by_id, "
                              "held_by_id IS NULL, count(*) FROM payments "
                              "WHERE place = 'on_site' GROUP BY 1, 2, 3")
    assert sorted(holders) == [(0, 0, 1, holders[0][3]), (1, 1, 0, holders[1][3])]
    assert sql(demo_file, "SELECT count(*) FROM payments WHERE place = 'counter' "
                           "AND (held_by_id IS NOT NULL OR taken_by_id IS NOT NULL)") == [(0,)]
    held, handed = sql(demo_file, "SELECT sum(handed_over_at IS NULL), sum(handover_id IS NOT "
                                   "NULL) FROM payments WHERE held_by_id IS NOT NULL")[0]
    assert held > 0 and handed > 0
    # each hand-over holds its technician's payments and records what was counted
    mismatched = sql(demo_file, """
        SELECT count(*) FROM cash_handovers h WHERE h.recorded_cents != (SELECT
          sum(amount_cents) FROM payments p WHERE p.handover_id = h.id AND
          p.held_by_id = h.holder_id)""")
    assert mismatched == [(0,)]
    short = sql(demo_file, "SELECT recorded_cents - counted_cents, reason FROM cash_handovers "
                            "WHERE counted_cents != recorded_cents")
    assert len(short) == 1 and short[0][0] > 0 and short[0][1]
    assert sql(demo_file, "SELECT count(*) FROM visits WHERE fee_cents != 0") == [(0,)]


def test_parts_used_on_site_come_from_stock_and_reach_the_bill(demo_file, boss):
    assert parts_service.verify_stock(boss) == []
    used = sql(demo_file, "SELECT count(*) FROM stock_movements WHERE kind = 'used' AND "
                           "voucher_id IS NOT NULL AND repair_card_id IS NULL")[0][0]
    assert used > 20
    # the balance after each move is the ledger summed in time order
    running: dict[int, int] = defaultdict(int)
    for part, quantity, after in sql(demo_file, "SELECT part_id, quantity, balance_after FROM "
                                                 "stock_movements ORDER BY at, id"):
        running[part] += quantity
        assert running[part] == after and after >= 0
    # a paid call's bill carries the parts its technician took from stock on site
    short = sql(demo_file, """
        SELECT count(*) FROM bills b WHERE b.category = 'A' AND (SELECT coalesce(sum(amount_cents),
          0) FROM bill_lines l WHERE l.bill_id = b.id AND l.kind = 'parts') < (SELECT
          coalesce(sum(-m.quantity * p.unit_price_cents), 0) FROM stock_movements m
          JOIN parts p ON p.id = m.part_id JOIN jobs j ON j.id = m.voucher_id
          WHERE j.call_id = b.call_id AND m.kind = 'used' AND m.repair_card_id IS NULL)""")
    assert short == [(0,)]


def test_daily_reports_in_every_state_and_late_repairs_on_the_books(demo_file):
    states = {s for (s,) in sql(demo_file, "SELECT DISTINCT status FROM daily_report_records")}
    assert states == {"draft", "submitted", "reviewed", "signed", "forwarded"}
    steps = {s for (s,) in sql(demo_file, "SELECT DISTINCT step FROM daily_report_steps")}
    assert steps == {"submitted", "reviewed", "signed", "forwarded", "reopened"}
    open_asks, answered = sql(demo_file, "SELECT sum(answered_at IS NULL), sum(answered_at IS "
                                          "NOT NULL) FROM repair_escalations")[0]
    assert answered > 0 and open_asks is not None
    assert sql(demo_file, "SELECT count(*) FROM repair_escalations WHERE answered_at < "
                           "asked_at") == [(0,)]
    waits = sql(demo_file, "SELECT count(*), sum(c.new_date > c.old_date AND c.reason != '') "
                            "FROM promise_changes c")[0]
    assert waits[0] > 0 and waits[0] == waits[1]


def test_a_demo_month_adds_up_from_the_dailies_to_the_workbook(demo_file, boss, tmp_path):
    """Every technician's daily totals by category, summed over the month, equal the
    supervisor's dailies and the month's technician sheet, as written to the .xlsx."""
    names = dict(daily_report_service.report_technicians(boss))
    from_dailies: dict[str, dict[str, int]] = {n: defaultdict(int) for n in names.values()}
    day = MONTH
    while day.month == MONTH.month:
        team = {r.technician_id: r for r in daily_report_service.supervisor_report(boss, day).rows}
        for tech, name in names.items():
            daily = daily_report_service.technician_report(boss, tech, day)
            totals = {t.category: t.minutes for t in daily.totals}
            if tech in team:
                assert {t.category: t.minutes for t in team[tech].totals} == totals, (day, name)
            else:
                assert daily.total_minutes == 0, (day, name)
            for category, minutes in totals.items():
                from_dailies[name][category] += minutes
        day += timedelta(days=1)
    assert sum(sum(m.values()) for m in from_dailies.values()) > 1000
    report = monthly_report_service.monthly_report(boss, MONTH)
    month = {t.technician: t.hours_by_category for t in report.technicians}
    expected = {name: {c: round(m / 60, 2) for c, m in cats.items() if m}
                for name, cats in from_dailies.items()}
    assert month == expected
    path = write_monthly_workbook(report, tmp_path / "month.xlsx")
    sheet = load_workbook(path, read_only=True).worksheets[1]
    rows = list(sheet.iter_rows(values_only=True))
    written = {r[0]: {c: r[2 + i] for i, c in enumerate(CATEGORIES) if r[2 + i]}
               for r in rows[1:] if r[0] in month}
    assert written == expected


def test_every_bill_is_paid_invoiced_or_receivable(demo_file, boss):
    owed = {r.bill_id for r in payments_service.receivables(boss, limit=100000)}
    rows = sql(demo_file, """
        SELECT b.id, b.total_cents, coalesce((SELECT sum(amount_cents) FROM payments p
          WHERE p.bill_id = b.id AND NOT p.voided), 0) FROM bills b WHERE b.total_cents > 0""")
    assert rows
    for bill_id, total, paid in rows:
        assert paid == total or bill_id in owed, bill_id


def _months(demo_file: Path) -> list[date]:
    """Every month of the demo, from its first call to the demo's "now"."""
    [(first,)] = sql(demo_file, "SELECT min(date(received_at, '+8 hours')) FROM calls")
    month, out = date.fromisoformat(first).replace(day=1), []
    while month <= NOW.date():
        out.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return out


def _local_month(column: str, month: date) -> str:
    return f"strftime('%Y-%m', {column}, '+8 hours') = '{month:%Y-%m}'"


def _bills(demo_file: Path, month: date) -> list[tuple[int, int, str, int, int]]:
    """(bill, total, status, paid, invoiced) of every bill billed in ``month``."""
    return sql(demo_file, f"""
        SELECT b.id, b.total_cents, b.status,
          coalesce((SELECT sum(amount_cents) FROM payments p WHERE p.bill_id = b.id
                    AND NOT p.voided), 0),
          coalesce((SELECT sum(amount_cents) FROM invoices i WHERE i.bill_id = b.id
                    AND NOT i.voided), 0)
        FROM bills b WHERE b.status != 'void' AND {_local_month('b.billed_at', month)}""")


def test_every_bill_of_every_demo_month_is_paid_invoiced_or_receivable(demo_file, boss):
    owed = {r.bill_id: r.outstanding_cents
            for r in payments_service.receivables(boss, limit=100000)}
    seen = 0
    for month in _months(demo_file):
        bills = _bills(demo_file, month)
        for bill_id, total, status, paid, invoiced in bills:
            assert paid <= total and invoiced <= total, bill_id
            if paid == total:
                assert status == "paid" and bill_id not in owed, bill_id
            else:  # invoiced or not, what is still owed is on the receivables list
                assert status == "open" and owed.get(bill_id) == total - paid, bill_id
        report = monthly_report_service.monthly_report(boss, month)
        assert report.figure("billed") == sum(b[1] for b in bills), month
        seen += len(bills)
    assert seen > 50 and owed


def test_every_cash_payment_is_handed_over_or_held_by_the_technician_who_took_it(
        demo_file, boss):
    rows = sql(demo_file, """
        SELECT p.id, p.place, p.method, p.taken_by_id, p.held_by_id, p.handover_id,
               p.handed_over_at IS NOT NULL FROM payments p WHERE NOT p.voided""")
    held = {h.collector_id for h in payments_service.cash_held(boss)}
    holding = {p.id: p for tech in held for p in payments_service.held_payments(boss, tech)}
    assert holding and any(r[1] == "on_site" and r[2] != "cash" for r in rows)
    for pid, place, method, taker, holder, handover, handed in rows:
        if place == "on_site" and method == "cash":
            assert holder == taker is not None, pid
            assert (handover is not None and handed) != (pid in holding), pid
        else:  # at the counter, or scanned on site: in the store's books at once
            assert holder is None and handover is None and not handed, pid
            assert pid not in holding, pid


def test_stock_day_ends_and_months_agree_with_their_ledgers(demo_file, boss):
    assert parts_service.verify_stock(boss) == []
    ledger = dict(sql(demo_file, "SELECT part_id, sum(quantity) FROM stock_movements "
                                  "GROUP BY part_id"))
    for part in parts_service.list_parts(boss, limit=10000):
        assert part.stock_on_hand == ledger.get(part.id, 0), part.number
    per_day = dict(sql(demo_file, "SELECT date(collected_at, '+8 hours'), sum(amount_cents) "
                                   "FROM payments WHERE NOT voided GROUP BY 1"))
    for month in _months(demo_file):
        report = monthly_report_service.monthly_report(boss, month)
        used = sql(demo_file, "SELECT coalesce(sum(-quantity * unit_price_cents), 0) FROM "
                               f"stock_movements WHERE kind = 'used' AND "
                               f"{_local_month('at', month)}")[0][0]
        assert report.figure("materials_cost") == used, month
        assert sum(m.parts_cents for m in report.models) == used, month
        day, collected = month, 0
        while day.month == month.month and day <= NOW.date():
            end = payments_service.day_end(boss, day)
            total = per_day.get(f"{day:%Y-%m-%d}", 0)
            assert end.total_cents == total, day
            assert sum(end.by_method.values()) == sum(c.total_cents for c in end.collectors)
            collected += total
            day += timedelta(days=1)
        assert report.figure("collected") == collected, month
    assert sum(per_day.values()) > 0


def test_every_bill_carries_the_parts_its_call_took_from_stock(demo_file):
    wrong = sql(demo_file, """
        SELECT b.id FROM bills b JOIN calls c ON c.id = b.call_id WHERE b.status != 'void'
          AND (SELECT coalesce(sum(amount_cents), 0) FROM bill_lines l WHERE l.bill_id = b.id
               AND l.kind = 'parts' AND NOT l.manual) != (SELECT coalesce(sum(-m.quantity *
               m.unit_price_cents), 0) FROM stock_movements m
               LEFT JOIN jobs j ON j.id = m.voucher_id
               LEFT JOIN repair_cards rc ON rc.id = m.repair_card_id
               LEFT JOIN item_receipts r ON r.id = rc.receipt_id
               WHERE m.kind = 'used' AND coalesce(j.call_id, r.call_id) = c.id)""")
    assert wrong == []


def test_vans_are_loaded_by_transfer_and_on_site_parts_come_from_them(demo_file, boss):
    assert parts_service.verify_stock(boss) == []  # each van's balance = its own ledger lines
    from_van = sql(demo_file, "SELECT count(*) FROM stock_movements WHERE kind = 'used' AND "
                               "voucher_id IS NOT NULL AND van_id IS NOT NULL")[0][0]
    from_store = sql(demo_file, "SELECT count(*) FROM stock_movements WHERE kind = 'used' "
                                 "AND voucher_id IS NOT NULL AND van_id IS NULL")[0][0]
    assert from_van > from_store > 0
    # bench work takes from the store; a transfer sums to nothing and is never a use
    assert sql(demo_file, "SELECT count(*) FROM stock_movements WHERE repair_card_id IS NOT "
                           "NULL AND van_id IS NOT NULL") == [(0,)]
    assert sql(demo_file, "SELECT coalesce(sum(quantity), 0) FROM stock_movements WHERE "
                           "kind = 'transfer'") == [(0,)]
    # every technician's van carries something today, and no van is below zero
    vans = parts_service.van_stock(boss)
    assert {v.technician_id for v in vans} == {
        r[0] for r in sql(demo_file, "SELECT id FROM users WHERE role = 'technician'")}
    assert all(v.quantity > 0 for v in vans)
    for part in parts_service.list_parts(boss, limit=10000):  # total = store + vans
        assert part.stock_on_hand == part.store + sum(
            v.quantity for v in vans if v.part_id == part.id), part.number
