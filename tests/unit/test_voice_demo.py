"""The demo store's customer voice: every completed call surveyed, complaints in every stage."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import open_database
from app.demo import generate
from app.models.enums import Role
from app.models.staff import User
from app.services import complaint_service as complaints
from app.services import contract_service as contracts
from app.services.context import Actor, ServiceContext
from app.services.voice_stats import complaint_month_stats, survey_month_stats

NOW = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("voice_demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SERVICE_COUNTER_DATA", str(folder / "data"))
        db = open_database(str(folder / "demo.sqlite"))
        generate(db, calls=300, seed=11, now=NOW)
        db.dispose()
    return folder / "demo.sqlite"


def _sql(path: Path, query: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as conn:
        return conn.execute(query).fetchall()


def test_every_served_call_has_exactly_one_card(demo_file: Path) -> None:
    missing = _sql(demo_file, "SELECT count(*) FROM calls WHERE status IN "
                              "('completed','closed','cancelled')"
                              " AND id NOT IN (SELECT call_id FROM survey_cards)")
    assert missing == [(0,)]
    counter = _sql(demo_file, "SELECT count(*) FROM survey_cards s JOIN calls c "
                              "ON c.id = s.call_id WHERE c.status = 'cancelled' "
                              "AND s.technician_id IS NULL")
    assert counter[0][0] > 0
    returned = _sql(demo_file, "SELECT count(*), min(attitude), max(attitude) FROM survey_cards"
                               " WHERE status = 'returned'")[0]
    assert returned[0] > 50 and returned[1:] in ((1, 4), (2, 4))


def test_complaint_numbers_are_gap_free_per_month(demo_file: Path) -> None:
    serials: dict[str, list[int]] = defaultdict(list)
    for (number,) in _sql(demo_file, "SELECT number FROM complaints"):
        period, serial = number.split("-")
        serials[period].append(int(serial))
    for found in serials.values():
        assert sorted(found) == list(range(1, len(found) + 1))
    kinds = {k for (k,) in _sql(demo_file, "SELECT DISTINCT kind FROM complaints")}
    assert kinds == {"quality", "function", "packaging", "attitude", "service", "other"}
    stages = {s for (s,) in _sql(demo_file, "SELECT DISTINCT status FROM complaints")}
    assert {"open", "closed"} <= stages
    assert _sql(demo_file, "SELECT count(*) FROM complaints WHERE reopened_from_id IS NOT NULL"
                ) == [(1,)]


def test_the_demo_reads_through_the_services(demo_file: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    db = open_database(str(demo_file))
    try:
        with db.read() as s:
            user = s.scalar(select(User).where(User.role == "manager"))
            assert user is not None
            actor = Actor(user.id, user.username, user.display_name, Role.MANAGER)
        ctx = ServiceContext(db, actor, clock=lambda: NOW)
        # then: contracts ending within a month, overdue complaints, October's figures
        assert len(contracts.renewal_list(ctx)) >= 3
        assert all(c.overdue for c in complaints.overdue_complaints(ctx))
        assert sum(r.sent for r in survey_month_stats(ctx, 2026, 10)) > 0
        assert complaint_month_stats(ctx, 2026, 10).received >= 0
    finally:
        db.dispose()


def test_the_demo_has_visited_and_unvisited_complaints_liaisons_and_frozen_months(
        demo_file: Path) -> None:
    open_visits = dict(_sql(demo_file, "SELECT visit_on IS NULL, count(*) FROM complaints "
                                       "WHERE status != 'closed' GROUP BY visit_on IS NULL"))
    assert open_visits.get(0, 0) > 0 and open_visits.get(1, 0) > 0
    assert _sql(demo_file, "SELECT count(*) FROM complaints WHERE status = 'closed' "
                           "AND visit_on IS NULL") == [(0,)]
    notes = _sql(demo_file, "SELECT count(*), count(replied_on) FROM complaint_liaisons")[0]
    assert notes[0] > 0
    assert _sql(demo_file, "SELECT count(*) FROM complaint_month_figures")[0][0] > 0


def test_the_demo_has_contract_visits_as_b_calls_some_dispatched(demo_file: Path) -> None:
    rows = _sql(demo_file, "SELECT c.category, c.service_kind, count(j.id) FROM contract_visits v"
                           " JOIN calls c ON c.id = v.call_id LEFT JOIN jobs j ON j.call_id = c.id"
                           " GROUP BY c.category, c.service_kind")
    assert [(r[0], r[1]) for r in rows] == [("B", "maintenance")]
    assert rows[0][2] > 0  # B jobs on the board


def test_the_demo_feedback_register_is_fed_and_mostly_analysed(demo_file: Path) -> None:
    rows = dict(_sql(demo_file, "SELECT analysis != '', count(*) FROM feedback "
                                "GROUP BY analysis != ''"))
    assert rows.get(1, 0) > 0 and rows.get(0, 0) > 0
    assert {s for (s,) in _sql(demo_file, "SELECT DISTINCT source FROM feedback")} >= {
        "card", "complaint"}


def test_the_demo_has_contracts_someone_was_sent_to_renew(demo_file: Path) -> None:
    sent = _sql(demo_file, "SELECT count(*), count(renewal_visit_on) FROM maintenance_contracts"
                           " WHERE renewal_by_id IS NOT NULL")[0]
    assert sent[0] > 0


def test_the_demo_has_reimbursed_expenses(demo_file: Path) -> None:
    assert _sql(demo_file, "SELECT count(*) FROM expenses WHERE job_id IS NOT NULL")[0][0] > 0
