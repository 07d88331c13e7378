"""The Today page and the board read open work on its indexes (SQLite's plans): a rewrite that
loses an index changes no result, only the time — on a large store, by seconds."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from app.db.database import Database
from app.services import complaint_service, dispatch_service, followup_service, payments_service
from app.services.context import ServiceContext
from tests.helpers.plans import query_plans


@pytest.fixture
def sqlite_db(db: Database, sqlite_only: None) -> Database:
    """SQLite's query plans (the PostgreSQL pass deselects these tests)."""
    assert db.engine.dialect.name == "sqlite"
    return db


def test_overdue_complaints_are_counted_on_the_open_complaints_index(
        sqlite_db: Database, login: Callable[[str], ServiceContext]) -> None:
    plans = query_plans(sqlite_db, lambda: complaint_service.overdue_summary(login("boss")),
                   "complaints")
    assert all("ix_complaints_open_deadline" in plan for plan in plans), plans


def test_cash_held_is_read_on_the_held_cash_index(
        sqlite_db: Database, login: Callable[[str], ServiceContext]) -> None:
    plans = query_plans(sqlite_db, lambda: payments_service.cash_held(login("boss")), "payments")
    assert all("ix_payments_cash_held" in plan for plan in plans), plans


def test_due_followups_walk_the_calls_in_order_without_sorting_them(
        sqlite_db: Database, login: Callable[[str], ServiceContext]) -> None:
    plans = query_plans(sqlite_db, lambda: followup_service.due_followups(login("clerk"), limit=5),
                   "calls")
    assert "SCAN calls" in plans[0] and "TEMP B-TREE" not in plans[0], plans


def test_a_technicians_vouchers_of_the_day_are_a_range_of_one_index(
        sqlite_db: Database, login: Callable[[str], ServiceContext]) -> None:
    supervisor = login("super")
    with sqlite_db.read() as session:
        from sqlalchemy import select

        from app.models.staff import User
        tech = session.scalar(select(User.id).where(User.username == "tech"))
    assert tech is not None
    plans = query_plans(sqlite_db, lambda: dispatch_service.technician_jobs(supervisor, tech),
                   "jobs JOIN calls")
    assert [plan.split(" / ")[0] for plan in plans] == [
        "SEARCH jobs USING INDEX ix_jobs_tech_status (technician_id=? AND status=?)",
        "SEARCH jobs USING INDEX ix_jobs_tech_dispatched (technician_id=? AND dispatched_at>?)"]
    counts = query_plans(sqlite_db, lambda: dispatch_service.board(supervisor, jobs_of=[]),
                    "jobs")
    assert not any(plan.startswith("SCAN jobs") for plan in counts), counts
