# ruff: noqa: F811  (the worked_day fixture is imported from tests.helpers.daily)
"""Daily reports: the technician's work report and the supervisor's team report."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied
from app.models.customers import Customer
from app.models.enums import Category, StoreKind
from app.models.jobs import VisitOutcome
from app.services import daily_report_service as reports
from app.services import dispatch_service as dispatch
from app.services import reference_service
from app.services import visit_service as visits
from app.services.calls_service import CallInput, register_call
from tests.helpers.daily import DAY, TZ, at, clocked, uid, worked_day  # noqa: F401 (fixture)


def test_technician_report_lists_every_job_with_category_and_time(db, login, worked_day):
    report = reports.technician_report(login("tech"), uid(db, "tech"), DAY)
    assert [(ln.category, ln.minutes, ln.outcome) for ln in report.lines] == [
        ("C", 50, "completed"), ("A", 30, "taken_in"), ("D", 90, "internal")]
    totals = {t.category: (t.jobs, t.minutes) for t in report.totals}
    assert totals == {"A": (1, 30), "B": (0, 0), "C": (1, 50), "D": (1, 90)}
    assert report.total_minutes == 170 and report.total_fee_cents == 5000
    assert report.lines[0].customer_name == "张伟"
    assert report.lines[0].voucher_number.startswith("V2611-")


def test_a_technician_may_not_read_a_colleagues_report(db, login, worked_day):
    with pytest.raises(PermissionDenied):
        reports.technician_report(login("tech2"), uid(db, "tech"), DAY)


def test_supervisor_report_totals_the_team_and_the_days_calls(db, login, worked_day):
    sup = clocked(login("super"), at(18))
    report = reports.supervisor_report(sup, DAY)
    by_name = {r.technician_name: r for r in report.rows}
    assert by_name["李师傅"].total_minutes == 170 and by_name["赵师傅"].total_minutes == 0
    assert {t.category: t.minutes for t in report.totals} == {"A": 30, "B": 0, "C": 50,
                                                                "D": 90}
    figures = (report.calls_received, report.dispatched, report.completed, report.taken_in,
               report.left_over)
    assert figures == (3, 2, 1, 1, 1)
    assert not report.is_branch


def test_late_arrival_counts_as_a_missed_deadline_and_branches_sign(db, login):
    # Given a city call at 9:00 (due 15:00) the technician reached at 16:00
    clerk, sup = clocked(login("clerk"), at(9, 5)), clocked(login("super"), at(9, 10))
    with db.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.name == "张伟"))
    call = register_call(clerk, CallInput(fault="异响", customer_id=zhang, received_at=at(9)))
    assert call.category == Category.A
    job = dispatch.dispatch_call(sup, call.id, uid(db, "tech"), expected_version=1)
    assert job.deadline_at == at(15)
    visits.record_visit(clocked(login("tech"), at(17)), job.job_id, visits.VisitInput(
        at(16), at(16, 40), VisitOutcome.COMPLETED, "紧固", customer_signed=True),
        expected_version=job.version)
    # And the store is a branch
    boss = login("boss")
    profile = reference_service.get_store_profile(boss)
    reference_service.update_store_profile(boss, replace(profile, kind=StoreKind.BRANCH),
                                           expected_version=profile.version)
    report = reports.supervisor_report(clocked(sup, at(18)), DAY)
    assert report.deadlines_missed == 1 and report.is_branch
    assert reports.supervisor_report(clocked(sup, at(18)), DAY + timedelta(days=1)) \
        .deadlines_missed == 0


def test_bench_work_counts_in_the_dailies_as_in_the_monthly_sheet(db, login, worked_day):
    """95 minutes on a repair card (修理记录) show on the technician's daily report, in the
    supervisor's team row, and in the monthly technician sheet's hours for that day alike."""
    from app.services import monthly_rows, repair_service
    from tests.helpers.carry_in import walk_in

    taken = walk_in(clocked(login("clerk"), at(15)))
    repair_service.add_work(clocked(login("tech"), at(16, 40)), taken.card_id,
                            repair_service.WorkInput(minutes=95, note="更换排水泵"),
                            expected_version=taken.card_version)
    tech = uid(db, "tech")
    daily = reports.technician_report(login("tech"), tech, DAY)
    bench = [ln for ln in daily.lines if ln.outcome == "bench"]
    assert [(ln.voucher_number, ln.minutes, ln.description) for ln in bench] == [
        (taken.card_number, 95, "更换排水泵")]
    by_category = {t.category: t.minutes for t in daily.totals}
    assert by_category == {"A": 30 + 95, "B": 0, "C": 50, "D": 90}
    assert daily.total_minutes == 170 + 95
    team = reports.supervisor_report(clocked(login("super"), at(18)), DAY)
    row = next(r for r in team.rows if r.technician_id == tech)
    assert {t.category: t.minutes for t in row.totals} == by_category
    start, end = reports.day_bounds(login("super"), DAY)
    with db.read() as session:
        month_rows = {m.technician: m.hours_by_category
                      for m in monthly_rows.technicians(session, start, end)}
    assert month_rows["李师傅"] == {c: round(m / 60, 2) for c, m in by_category.items() if m}
