"""The demo's money: bills follow the category rules, payments never exceed them, numbers
are gap-free, and the day-end service agrees with the rows."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from app.services import payments_service
from app.services.context import ServiceContext
from tests.helpers.demo import NOW, demo_store_fixtures, sql

demo_file, demo_db = demo_store_fixtures(calls=300, seed=7)


def test_bills_payments_and_invoices_are_consistent(demo_file: Path) -> None:
    assert sql(demo_file, "SELECT count(*) FROM bills")[0][0] > 10
    over = sql(demo_file, "SELECT count(*) FROM bills b WHERE b.total_cents < (SELECT "
                           "coalesce(sum(amount_cents), 0) FROM payments p WHERE p.bill_id = b.id)")
    assert over[0][0] == 0
    invoiced_over = sql(demo_file, "SELECT count(*) FROM bills b WHERE b.total_cents < (SELECT "
                                    "coalesce(sum(amount_cents), 0) FROM invoices i "
                                    "WHERE i.bill_id = b.id)")
    assert invoiced_over[0][0] == 0
    free = sql(demo_file, "SELECT count(*) FROM bills WHERE category IN ('C', 'D') "
                           "AND total_cents > 0")
    assert free[0][0] == 0
    held = sql(demo_file, "SELECT count(*) FROM payments WHERE place = 'counter' "
                           "AND handed_over_at IS NOT NULL")
    assert held[0][0] == 0


def test_payment_numbers_are_gap_free_per_month(demo_file: Path) -> None:
    serials: dict[str, list[int]] = defaultdict(list)
    for (number,) in sql(demo_file, "SELECT number FROM payments"):
        period, serial = number[1:].split("-")
        serials[period].append(int(serial))
    assert serials
    for values in serials.values():
        assert sorted(values) == list(range(1, len(values) + 1))


def test_day_end_matches_the_payment_rows(demo_db, demo_file: Path) -> None:
    from datetime import date, datetime, time, timedelta

    from app.services import auth_service

    actor = auth_service.log_in(demo_db, "acct", "acct123")
    ctx = ServiceContext(demo_db, actor, clock=lambda: NOW)
    # the busiest store-local day of the demo (UTC+8)
    (busiest,) = sql(demo_file, "SELECT date(collected_at, '+8 hours') d FROM payments "
                                 "GROUP BY d ORDER BY count(*) DESC LIMIT 1")[0]
    day = date.fromisoformat(busiest)
    start = datetime.combine(day, time.min) - timedelta(hours=8)
    expected = sql(demo_file, "SELECT sum(amount_cents), count(*) FROM payments WHERE "
                               f"collected_at >= '{start:%Y-%m-%d %H:%M:%S}' AND collected_at < "
                               f"'{start + timedelta(days=1):%Y-%m-%d %H:%M:%S}'")[0]
    report = payments_service.day_end(ctx, day)
    assert (report.total_cents, len(report.payments)) == expected
    assert report.total_cents == sum(c.total_cents for c in report.collectors)
