"""A store's SQLite file comes into a company's database as a new branch (issue 17):
``migrate-data --as-branch``. The company is a SQLite file here, the real PostgreSQL in the
PostgreSQL pass (SC_TEST_PG_URL)."""

from __future__ import annotations

import os
import uuid
from dataclasses import replace
from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from app.bootstrap import open_database
from app.cli import main
from app.db.branch_import import import_branch
from app.db.transfer import TransferError
from app.models import Base
from app.models.audit import AuditEntry
from app.models.calls import Call
from app.services import (
    audit_service,
    auth_service,
    billing_service,
    find_service,
    payments_service,
)
from app.services import call_book_service as book
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services import reference_service as ref
from app.services.calendar_service import load_calendar
from app.services.context import ServiceContext
from app.services.money_dto import LineInput
from tests.helpers.seed import SEED_PASSWORD, seed_store

PG_URL = os.environ.get("SC_TEST_PG_URL", "")
OUTSIDE_GBK = "𠮷田㐂😀"  # an extension-B ideograph and an emoji: no GBK code for them
LONG_NAME = "长" * 60  # the column's limit
INVOICE = "3300261130-00012345"  # the tax office's number on the store's invoice


def _register(ctx: ServiceContext, name: str, phone: str, token: str | None = None):
    return calls.register_call(ctx, calls.CallInput(
        fault="迁入测试", new_customer=customers.CustomerInput(name, (phone,)), token=token))


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The store to bring in: three calls (one with a name outside GBK, one of 60
    characters), a bill paid, one call saved with a form's token."""
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    db = open_database(str(tmp_path / "store.sqlite"))
    seed_store(db)
    clerk = ServiceContext(db, auth_service.log_in(db, "clerk", SEED_PASSWORD))
    first = _register(clerk, OUTSIDE_GBK, "13900000001", token="tok-" + "1" * 32)
    _register(clerk, LONG_NAME, "13900000002")
    _register(clerk, "门店老客户", "13900000003")
    bill = billing_service.make_bill(clerk, first.id, extra=[
        LineInput("other", "检测费", Decimal(1), Decimal(50))])
    assert bill.id is not None
    payments_service.collect(clerk, bill.id, amount=Decimal(50), method="cash",
                             place="counter")
    acct = ServiceContext(db, auth_service.log_in(db, "acct", SEED_PASSWORD))
    payments_service.record_invoice(acct, bill.id, invoice_no=INVOICE, amount=Decimal(50),
                                   issued_on=acct.today())
    yield db
    db.dispose()


@pytest.fixture
def company(tmp_path: Path):
    """The company's database, its first branch at work: the same usernames, two calls."""
    if PG_URL:
        name = f"sc_import_{uuid.uuid4().hex[:10]}"
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path / 'company.sqlite'}"
    db = open_database(url)
    seed_store(db)
    with db.engine.begin() as conn:  # the first branch's people (as the upgrade made them)
        conn.execute(text("UPDATE users SET branch_id = 1 WHERE role <> 'admin'"))
    clerk = ServiceContext(db, auth_service.log_in(db, "clerk", SEED_PASSWORD))
    _register(clerk, "总店客户甲", "13700000001")
    _register(clerk, "总店客户乙", "13700000002")
    yield db
    db.dispose()
    if PG_URL:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def _counts(db) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in Base.metadata.sorted_tables}


def _numbers(db) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.scalars(select(Call.number).order_by(Call.id)))


def test_the_store_becomes_a_branch_and_its_paper_numbers_still_find(store, company):
    printed = _numbers(store)  # on the store's paper already
    done = import_branch(store, company, code="02", name="宁波分公司")
    assert all(c.ok for c in done.checks) and done.numbers == 4  # 3 calls, 1 payment
    assert done.renamed["clerk"] == "clerk02"  # the company has a clerk

    # the store's clerk logs in with the old password, as the branch's clerk
    branch = ServiceContext(company, auth_service.log_in(company, "clerk02", SEED_PASSWORD))
    assert branch.actor.branch_id == done.branch_id
    rows = book.list_calls(branch, book.CallFilter()).rows
    assert sorted(r.number for r in rows) == sorted(f"C02-{n[1:]}" for n in printed)
    names = {r.customer_name for r in rows}
    assert OUTSIDE_GBK in names and LONG_NAME in names
    # the book's search (SQLite: the full-text index) finds the branch's and only those
    found = book.list_calls(branch, book.CallFilter(search="迁入测试")).rows
    assert sorted(r.number for r in found) == sorted(r.number for r in rows)
    assert [r.number for r in book.list_calls(branch, book.CallFilter(
        search=LONG_NAME[:10])).rows] == [f"C02-{printed[1][1:]}"]
    for number in printed:  # as printed on the store's paper, and as it now reads
        for typed in (number, f"C02-{number[1:]}"):
            hits = find_service.find_by_number(branch, typed)
            assert [h.number for h in hits if h.kind == "call"] == [f"C02-{number[1:]}"]

    # the company's own first branch: its calls and numbers as before, none of the store's
    head = ServiceContext(company, auth_service.log_in(company, "clerk", SEED_PASSWORD))
    own = book.list_calls(head, book.CallFilter()).rows
    assert {r.customer_name for r in own} == {"总店客户甲", "总店客户乙"}
    assert [h.number for h in find_service.find_by_number(head, printed[0])] == [printed[0]]

    # the branch's series goes on after the store's numbers; money came along
    new = _register(branch, "迁入后新客户", "13900000009")
    assert new.number == f"C02-{printed[-1][1:-4]}{len(printed) + 1:04d}"
    boss = ServiceContext(company, auth_service.log_in(company, "super02", SEED_PASSWORD))
    assert payments_service.day_end(boss, boss.today()).total_cents == 5000

    # a form's token saved with the store's call still finds that call (not a second one)
    again = _register(branch, OUTSIDE_GBK, "13900000001", token="tok-" + "1" * 32)
    assert again.number == f"C02-{printed[0][1:]}"
    # the call's history (the audit trail) follows it to its new id
    first = next(r for r in rows if r.number == again.number)
    assert audit_service.history(branch, "calls", first.id)
    with company.engine.connect() as conn:
        trail = conn.execute(select(AuditEntry.username, AuditEntry.new_value).where(
            AuditEntry.table_name == "calls", AuditEntry.row_key == str(first.id),
            AuditEntry.field == "number")).all()
    assert [tuple(t) for t in trail] == [("clerk", printed[0])]  # as the trail wrote it then
    came = audit_service.history(head, "branches", done.branch_id)
    assert {(e.username, e.new_value) for e in came} >= {("migrate-data", "宁波分公司")}


def test_a_second_run_is_refused_and_changes_nothing(store, company):
    import_branch(store, company, code="02", name="宁波分公司")
    before = _counts(company)
    with pytest.raises(TransferError, match="02 is taken"):
        import_branch(store, company, code="02", name="宁波分公司")
    assert _counts(company) == before


def test_a_failure_midway_leaves_the_company_unchanged(store, company):
    before, numbers = _counts(company), _numbers(company)

    def crash(table: str, done: int, total: int) -> None:
        if table == "payments":
            raise RuntimeError("the power went")

    with pytest.raises(RuntimeError):
        import_branch(store, company, code="02", name="宁波分公司", progress=crash)
    assert _counts(company) == before and _numbers(company) == numbers
    done = import_branch(store, company, code="02", name="宁波分公司")  # it can be redone
    assert all(c.ok for c in done.checks)


def test_a_username_taken_even_with_the_code_is_refused_by_name(store, company):
    admin = ServiceContext(company, auth_service.log_in(company, "admin", SEED_PASSWORD))
    auth_service.create_user(admin, username="tech02", display_name="已有的人",
                             role=auth_service.Role.TECHNICIAN, password=SEED_PASSWORD)
    before = _counts(company)
    with pytest.raises(TransferError, match=r"usernames, also with the branch code added: tech\."):
        import_branch(store, company, code="02", name="宁波分公司")
    assert _counts(company) == before


def test_the_store_file_deleted_midway_still_comes_in_whole(store, company):
    path = Path(store.engine.url.database)

    def delete(table: str, done: int, total: int) -> None:
        if table == "calls" and path.exists():
            path.unlink()  # the open file is read to the end, and checked against

    done = import_branch(store, company, code="03", name="温州分公司", progress=delete)
    assert not path.exists()
    assert all(c.ok for c in done.checks)
    assert {c.table: c.target_rows for c in done.checks}["calls"] == 3


def test_the_command_line_brings_a_store_in_and_refuses_twice(store, company, capsys):
    path = Path(store.engine.url.database)
    store.dispose()
    url = company.engine.url.render_as_string(hide_password=False)
    args = ["--lang", "en", "migrate-data", "--from", str(path), "--to", url]
    assert main([*args, "--as-branch", "2", "--branch-name", "宁波"]) == 2  # code shape
    assert main([*args, "--as-branch", "02"]) == 2  # no name
    assert main([*args, "--as-branch", "02", "--branch-name", "宁" * 61]) == 2  # too long
    assert main([*args, "--as-branch", "02", "--branch-name", "宁" * 60]) == 0
    out = capsys.readouterr().out
    assert "Account clerk is now clerk02" in out and "calls: 3 rows" in out
    assert main([*args, "--as-branch", "02", "--branch-name", "宁波分公司"]) == 1
    assert "02 is taken" in capsys.readouterr().err
    with company.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM branches ORDER BY id")).scalars().all()[1:] \
            == ["宁" * 60]


def test_an_invoice_number_the_company_has_already_is_refused_by_number(store, company):
    acct = ServiceContext(company, auth_service.log_in(company, "acct", SEED_PASSWORD))
    clerk = ServiceContext(company, auth_service.log_in(company, "clerk", SEED_PASSWORD))
    call = book.list_calls(clerk, book.CallFilter()).rows[0]
    bill = billing_service.make_bill(clerk, call.id, extra=[
        LineInput("other", "检测费", Decimal(1), Decimal(30))])
    assert bill.id is not None
    payments_service.record_invoice(acct, bill.id, invoice_no=INVOICE, amount=Decimal(30),
                                   issued_on=acct.today())
    before = _counts(company)
    with pytest.raises(TransferError, match=f"invoices keep theirs.: {INVOICE}"):
        import_branch(store, company, code="02", name="宁波分公司")
    assert _counts(company) == before


def test_from_one_pc_to_a_company_server_by_the_command_line(store, tmp_path, capsys):
    """The README's steps: the first store moved to the (empty) server as branch 01, its
    staff in it; the next store brought in as branch 02; each branch's clerk sees its own."""
    other = open_database(str(tmp_path / "ningbo.sqlite"))
    seed_store(other)
    _register(ServiceContext(other, auth_service.log_in(other, "clerk", SEED_PASSWORD)),
              "宁波老客户", "13500000001")
    other.dispose()
    store.dispose()
    if PG_URL:
        name = f"sc_company_{uuid.uuid4().hex[:10]}"
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
        url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path / 'server.sqlite'}"
    move = ["--lang", "en", "migrate-data", "--to", url, "--from"]
    assert main([*move, str(store.engine.url.database), "--branch-name", "杭州西湖店"]) == 0
    assert "The store is branch 01 (杭州西湖店); 6 of its people" in capsys.readouterr().out
    assert main([*move, str(tmp_path / "ningbo.sqlite"), "--as-branch", "02",
                 "--branch-name", "宁波分公司"]) == 0
    company = open_database(url, migrate=False)
    try:
        hangzhou = ServiceContext(company, auth_service.log_in(company, "clerk", SEED_PASSWORD))
        ningbo = ServiceContext(company, auth_service.log_in(company, "clerk02", SEED_PASSWORD))
        head = ServiceContext(company, auth_service.log_in(company, "admin", SEED_PASSWORD))
        assert (hangzhou.actor.branch_id, head.actor.branch_id) == (1, None)
        mine = {r.customer_name for r in book.list_calls(hangzhou, book.CallFilter()).rows}
        theirs = {r.customer_name for r in book.list_calls(ningbo, book.CallFilter()).rows}
        everyone = book.list_calls(head, book.CallFilter()).rows
        assert OUTSIDE_GBK in mine and "宁波老客户" not in mine
        assert theirs == {"宁波老客户"} and len(everyone) == 4
    finally:
        company.dispose()
        if PG_URL:
            with admin.connect() as conn:
                conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.dispose()


def test_the_stores_letterhead_hours_and_zones_become_the_branchs_own(store, company):
    """A store had its own name on its paper, its own hours and zones: they come in as the
    branch's own values, and the company's (its first branch's) stay as they were."""
    admin = ServiceContext(store, auth_service.log_in(store, "admin", SEED_PASSWORD))
    profile = ref.get_store_profile(admin)
    ref.update_store_profile(admin, replace(profile, name="宁波门店"),
                             expected_version=profile.version)
    hours = ref.list_business_hours(admin)
    saturday = next(h for h in hours if h.weekday == 5)
    ref.update_business_hours(admin, [replace(h, is_open=True, opens_at=time(9),
                                              closes_at=time(17)) if h is saturday else h
                                      for h in hours])
    ref.create_zone(admin, ref.ZoneInput("镇海区", "suburb"))
    before = ref.get_store_profile(ServiceContext(company, auth_service.log_in(
        company, "admin", SEED_PASSWORD)))

    done = import_branch(store, company, code="02", name="宁波分公司")
    branch = ServiceContext(company, auth_service.log_in(company, "clerk02", SEED_PASSWORD))
    first = ServiceContext(company, auth_service.log_in(company, "clerk", SEED_PASSWORD))
    assert branch.actor.branch_id == done.branch_id
    assert ref.get_store_profile(branch).name == "宁波门店"
    assert ref.get_store_profile(first).name == before.name
    saturday_date = date(2026, 12, 12)
    with company.read() as session:
        assert load_calendar(session, branch.tz, done.branch_id).hours_on(saturday_date) \
            == (time(9), time(17))
        assert load_calendar(session, first.tz, 1).hours_on(saturday_date) is None
    assert "镇海区" in {z.name for z in ref.list_zones(branch)}
    assert "镇海区" not in {z.name for z in ref.list_zones(first)}


def test_a_read_only_store_file_is_refused_with_a_message_and_nothing_changes(
        store, company, capsys, monkeypatch):
    """The store is brought to this version's schema before it is copied: a file that cannot
    be written (a read-only share, another user's file) is said, not a traceback."""
    import app.db.migrate as migrate_module

    path = Path(store.engine.url.database)
    store.dispose()
    real_access = os.access
    monkeypatch.setattr(migrate_module.os, "access", lambda p, mode: (
        False if Path(p) == path and mode == os.W_OK else real_access(p, mode)))
    before = _counts(company)
    url = company.engine.url.render_as_string(hide_password=False)
    assert main(["--lang", "en", "migrate-data", "--from", str(path), "--to", url,
                 "--as-branch", "02", "--branch-name", "宁波分公司"]) == 2
    assert "cannot be written" in capsys.readouterr().err
    assert _counts(company) == before
