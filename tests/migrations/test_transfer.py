"""Moving a store from its SQLite file to a server keeps every row and every fen."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from app.bootstrap import open_database
from app.db.transfer import TransferError, transfer
from app.services import auth_service
from app.services import call_book_service as book
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.context import ServiceContext
from tests.helpers.seed import SEED_PASSWORD, seed_store

PG_URL = os.environ.get("SC_TEST_PG_URL", "")


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Always a SQLite file: the store's starting point."""
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    db = open_database(str(tmp_path / "source.sqlite"))
    seed_store(db)
    yield db
    db.dispose()


def _fill(db) -> None:
    ctx = ServiceContext(db, auth_service.log_in(db, "clerk", SEED_PASSWORD))
    for n in range(5):
        calls.register_call(ctx, calls.CallInput(fault=f"迁移测试{n}", new_customer=(
            customers.CustomerInput(f"迁移客户{n}", (f"1390000{n:04d}",)))))


@pytest.fixture
def target_url(tmp_path: Path):
    if not PG_URL:
        yield f"sqlite:///{tmp_path / 'target.sqlite'}"
        return
    name = f"sc_move_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.dispose()


def test_move_copies_everything_and_the_target_keeps_numbering(source, target_url):
    _fill(source)
    target = open_database(target_url, defaults=False)
    checks = transfer(source, target)
    assert all(c.ok for c in checks)
    by_table = {c.table: c for c in checks}
    assert by_table["calls"].target_rows == 5 and by_table["product_models"].target_money > 0
    ctx = ServiceContext(target, auth_service.log_in(target, "clerk", SEED_PASSWORD))
    new = calls.register_call(ctx, calls.CallInput(fault="迁移后新登记", new_customer=(
        customers.CustomerInput("迁移后客户", ("13911112222",)))))
    assert new.number.endswith("-0006")  # counters and id sequences moved along
    assert book.list_calls(ctx, book.CallFilter(search="迁移测试3")).rows
    target.dispose()


def test_move_refuses_a_target_that_holds_data(source, target_url):
    target = open_database(target_url)
    with pytest.raises(TransferError):
        transfer(source, target)
    target.dispose()
