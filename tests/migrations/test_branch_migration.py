"""Issue 17: a single-store database of today becomes the first branch on upgrade (a real
store file made by version 0.1, tests/resources/store_v0_1.sqlite)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from app.bootstrap import open_database
from app.models.branch import BranchOwned
from app.models.enums import Role
from app.services import auth_service, calls_service, find_service
from app.services import call_book_service as book
from app.services.context import ServiceContext
from tests.helpers.seed import SEED_PASSWORD

OLD = Path(__file__).parents[1] / "resources" / "store_v0_1.sqlite"


def _owned_tables() -> list[str]:
    from app.models import Base
    return sorted({m.local_table.name for m in Base.registry.mappers
                   if issubclass(m.class_, BranchOwned)})


def test_a_0_1_store_becomes_branch_01_with_every_record(tmp_path, monkeypatch):
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    path = tmp_path / "old.sqlite"
    shutil.copy(OLD, path)
    with sqlite3.connect(path) as before:
        counts = {t: before.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("customers", "calls", "jobs", "customer_phones", "items")}
    before.close()
    db = open_database(str(path))
    db.dispose()
    with sqlite3.connect(path) as after:
        assert after.execute("SELECT id, code, name, kind FROM branches").fetchall() == [
            (1, "01", "售后服务中心", "service_centre")]  # named after the store profile
        for table in _owned_tables():
            rows, in_first = after.execute(
                f"SELECT count(*), sum(branch_id = 1) FROM {table}").fetchone()
            assert rows == (in_first or 0), table
            assert counts.get(table, rows) == rows, table
        assert counts["calls"] > 0 and counts["customers"] > 0
        staff = dict(after.execute("SELECT role, branch_id FROM users").fetchall())
        assert staff[Role.CLERK.value] == 1 and staff[Role.ADMIN.value] is None
        assert after.execute("PRAGMA foreign_key_check").fetchall() == []
    after.close()
    db = open_database(str(path))
    clerk = ServiceContext(db, auth_service.log_in(db, "clerk", SEED_PASSWORD))
    assert clerk.actor.branch_id == 1
    # the store works as before: its book (full-text search too), its numbers
    assert [r.fault for r in book.list_calls(clerk, book.CallFilter(search="漏水")).rows] == [
        "空调漏水"]
    old = book.list_calls(clerk, book.CallFilter()).rows[0].number
    assert find_service.find_by_number(clerk, old)
    latest = book.list_calls(clerk, book.CallFilter()).rows[0]
    new = calls_service.register_call(clerk, calls_service.CallInput(
        fault="升级后登记", customer_id=calls_service.get_call(clerk, latest.id).customer_id))
    assert new.number.startswith("C") and new.number.count("-") == 1  # no branch code
    db.dispose()
