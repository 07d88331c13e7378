# ruff: noqa: F811  (the month_of_work fixture is imported and used as an argument)
"""The monthly detail rows (明细): every job's customer, phone, technician, labour, parts, bill
and payments against plain SQL written apart from the report's queries (SQLite and
PostgreSQL), a voided payment left out, a job without a visit yet, phones masked by role."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from app.services import monthly_report_service as monthly
from app.services import payments_service as payments
from app.services.monthly_rows import details
from app.services.validation import mask_phone
from tests.helpers.carry_in import user_id
from tests.helpers.monthly import month_of_work  # noqa: F401  (fixture)
from tests.helpers.on_site import on_site_job

_PER_CALL = """
    (SELECT min(ph.phone) FROM customer_phones ph WHERE ph.customer_id = c.customer_id),
    (SELECT b.total_cents FROM bills b WHERE b.call_id = c.id),
    (SELECT sum(p.amount_cents) FROM payments p JOIN bills b ON b.id = p.bill_id
      WHERE b.call_id = c.id AND NOT p.voided),
    (SELECT sum(pu.quantity * pu.unit_price_cents) FROM repair_part_uses pu
      JOIN repair_cards rc ON rc.id = pu.card_id JOIN item_receipts r ON r.id = rc.receipt_id
      WHERE r.call_id = c.id)"""


def _expected(db) -> dict[str, tuple]:
    """number → (call, customer, technician, minutes, met, outcome, phone, billed, paid, parts)
    for every voucher and walk-in receipt (all of this test's records are this month's)."""
    with db.engine.connect() as conn:
        jobs = conn.execute(text(f"""
            SELECT j.number, c.number, cu.name, u.display_name, j.arrived_at, j.deadline_at,
              (SELECT sum(v.labour_minutes) FROM visits v WHERE v.job_id = j.id),
              (SELECT max(v.outcome) FROM visits v WHERE v.job_id = j.id), c.status, {_PER_CALL}
            FROM jobs j JOIN calls c ON c.id = j.call_id
            JOIN customers cu ON cu.id = c.customer_id JOIN users u ON u.id = j.technician_id
            """)).all()
        walk_ins = conn.execute(text(f"""
            SELECT r.number, c.number, cu.name, u.display_name, {_PER_CALL}
            FROM item_receipts r JOIN calls c ON c.id = r.call_id
            JOIN customers cu ON cu.id = c.customer_id JOIN users u ON u.id = r.technician_id
            WHERE r.voucher_id IS NULL""")).all()
    out = {}
    for number, call, name, tech, arrived, deadline, minutes, outcome, status, *money in jobs:
        met = None if arrived is None else arrived <= deadline
        out[number] = (call, name, tech, minutes or 0, met, outcome or status,
                       *(v or 0 for v in money))
    for number, call, name, tech, *money in walk_ins:
        out[number] = (call, name, tech, 0, None, "walk_in", *(v or 0 for v in money))
    return out


def test_detail_rows_agree_with_the_database(db, login, month_of_work):
    # given the month's work, a payment voided and taken again, and a job not visited yet
    clerk, supervisor, acct = login("clerk"), login("super"), login("acct")
    paid = next(p for p in payments.held_payments(acct, user_id(clerk, "tech"))
                if p.amount_cents == 11000)
    payments.void_payment(acct, paid.id, reason="收据打错", expected_version=paid.version)
    payments.collect(login("tech"), paid.bill_id, amount=Decimal("110"), method="cash",
                     place="on_site")
    on_site_job(clerk, supervisor)
    # when the month's detail rows are read with and without the full phone
    win = monthly.window(clerk, month_of_work)
    with db.read() as session:
        full = details(session, win.start, win.end, full_phone=True)
        masked = details(session, win.start, win.end)
    # then every row equals the plain SQL's figures, to the cent
    expect = _expected(db)
    assert len(full) == len(expect) == 4
    for row in full:
        assert (row.call_number, row.customer, row.technician, row.labour_minutes,
                row.deadline_met, row.outcome, row.phone, row.billed_cents, row.paid_cents,
                row.parts_cents) == expect[row.number], row.number
    assert sorted(r.paid_cents for r in full) == [0, 0, 0, 11000]  # the void one left out
    assert sorted(r.parts_cents for r in full) == [0, 0, 0, 7100]
    unvisited = next(r for r in full if r.arrived_at is None and r.dispatched_at is not None)
    assert unvisited.labour_minutes == 0 and unvisited.deadline_met is None
    # and in time order, with the phones masked for a reader without the full-phone right
    assert [r.dispatched_at or r.received_at for r in full] == sorted(
        r.dispatched_at or r.received_at for r in full)
    assert [r.phone for r in masked] == [mask_phone(r.phone) for r in full]
    assert all("****" in r.phone for r in masked)


def test_the_yearly_reports_show_the_months_figures(db, login, month_of_work):
    # given the month's work (two on-site jobs arrived, one walk-in)
    boss = login("boss")
    full = monthly.monthly_report(boss, month_of_work)
    assert full.figure("deadline_met") > 0 and full.figure("arrival_hours") >= 0
    # the yearly workbook's month reads the same figures without the row sheets
    from app.services import yearly_service

    month = yearly_service.year_reports(boss, month_of_work.year)[month_of_work.month - 1]
    assert month.figures == full.figures
    assert (month.surveys, month.complaints) == (full.surveys, full.complaints)
    assert month.details == () and month.technicians == () and month.jobs_per_day == {}
