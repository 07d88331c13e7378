"""The monthly report reads a month's parts used and visits on their indexes (SQLite's plans):
on the 1,000,000-call store a plan that loses them reads the whole stock ledger or every
visit row of the month — the same figures, only slower."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.db.database import Database
from app.services import monthly_report_service as monthly
from app.services.context import ServiceContext
from tests.helpers.plans import query_plans


@pytest.fixture
def report(db: Database, login: Callable[[str], ServiceContext],
           sqlite_only: None) -> Callable[[], object]:
    """SQLite's query plans (the PostgreSQL pass deselects these tests)."""
    boss = login("boss")
    return lambda: monthly.monthly_report(boss, boss.today())


def test_the_months_parts_used_are_read_by_time_not_the_whole_ledger(
        db: Database, report: Callable[[], object]) -> None:
    plans = query_plans(db, report, "stock_movements")
    assert not any("SCAN stock_movements" in plan for plan in plans), plans
    assert sum("INDEX ix_stock_movements_used_at (at>? AND at<?)" in plan
               for plan in plans) == 2, plans  # the materials and the parts by model


def test_the_months_visits_are_summed_from_the_index_alone(
        db: Database, report: Callable[[], object]) -> None:
    plans = [plan for plan in query_plans(db, report, "visits") if "completed_at>?" in plan]
    assert len(plans) >= 4, plans  # labour by technician, by model, by kind; outcomes
    assert all("COVERING INDEX ix_visits_completed (completed_at>? AND completed_at<?)"
               in plan for plan in plans), plans
