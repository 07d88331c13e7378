"""``demo --branches 3``: a company of three branches, each filled as its own people."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from app.bootstrap import open_database
from app.db.database import Database
from app.services import auth_service, branch_service, call_book_service
from app.services.context import ServiceContext
from tests.helpers.demo import sql

CLERKS = {"01": ("clerk", "clerk123"), "02": ("clerk02", "clerk123"),
          "03": ("clerk03", "clerk123")}


@pytest.fixture(scope="module")
def company(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("company")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SERVICE_COUNTER_DATA", str(folder / "data"))
        code = cli.main(["--lang", "en", "--db", str(folder / "demo.sqlite"), "demo",
                         "--branches", "3", "--calls", "150"])
    assert code == 0
    return folder / "demo.sqlite"


@pytest.fixture
def db(company: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Database]:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    opened = open_database(str(company))
    try:
        yield opened
    finally:
        opened.dispose()


def _as(db: Database, username: str, password: str) -> ServiceContext:
    return ServiceContext(db, auth_service.log_in(db, username, password))


def test_the_company_has_three_branches_and_the_admin_is_the_service_department(
        db: Database) -> None:
    admin = _as(db, "admin", "admin123")
    assert admin.actor.branch_id is None
    branches = branch_service.list_branches(admin)
    assert [b.code for b in branches] == ["01", "02", "03"]
    assert all(b.name for b in branches)


def test_each_clerk_sees_only_the_calls_of_their_branch(db: Database, company: Path) -> None:
    ids = {b.code: b.id for b in branch_service.list_branches(_as(db, "admin", "admin123"))}
    seen = 0
    for code, (username, password) in CLERKS.items():
        clerk = _as(db, username, password)
        assert clerk.actor.branch_id == ids[code]
        count = call_book_service.count_calls(clerk, call_book_service.CallFilter())
        mine = sql(company, f"SELECT count(*) FROM calls WHERE branch_id = {ids[code]}")[0][0]
        assert count == mine > 0
        seen += count
    total = sql(company, "SELECT count(*) FROM calls")[0][0]
    assert seen == total
    admin = _as(db, "admin", "admin123")
    assert call_book_service.count_calls(admin, call_book_service.CallFilter()) == total
    # the 150 asked for are shared out (the contracts' maintenance visits come on top)
    assert sql(company, "SELECT count(*) FROM calls WHERE id NOT IN "
                        "(SELECT call_id FROM contract_visits)") == [(150,)]


def test_a_branchs_numbers_carry_its_code(db: Database) -> None:
    second = call_book_service.list_calls(_as(db, *CLERKS["02"]), call_book_service.CallFilter())
    assert second.rows and all(r.number.startswith("C02-") for r in second.rows)
    first = call_book_service.list_calls(_as(db, *CLERKS["01"]), call_book_service.CallFilter())
    assert first.rows and all(re.fullmatch(r"C\d{4}-\d{4}", r.number) for r in first.rows)


def test_every_record_of_a_branch_hangs_on_records_of_the_same_branch(company: Path) -> None:
    for child, parent, key in (("calls", "customers", "customer_id"),
                               ("jobs", "calls", "call_id"),
                               ("item_receipts", "calls", "call_id"),
                               ("bills", "calls", "call_id"),
                               ("complaints", "customers", "customer_id")):
        assert sql(company, f"SELECT count(*) FROM {child} c JOIN {parent} p "
                            f"ON p.id = c.{key} WHERE p.branch_id <> c.branch_id") == [(0,)]
    for table in ("customers", "calls", "jobs", "survey_cards", "daily_report_records"):
        assert {b for (b,) in sql(company, f"SELECT DISTINCT branch_id FROM {table}")} == \
            {1, 2, 3}, table


@pytest.mark.parametrize("count", ["0", "10"])
def test_a_company_of_no_branch_or_too_many_is_refused(
        count: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    with pytest.raises(SystemExit) as refused:
        cli.main(["--lang", "en", "--db", str(tmp_path / "x.sqlite"), "demo",
                  "--branches", count, "--calls", "10"])
    assert refused.value.code == 2
    assert "a number from 1 to 9" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()
