"""Shared fixtures: every test gets a fresh migrated database with a seeded store."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from tests.helpers.counter_screen import offscreen_platform

os.environ.setdefault("QT_QPA_PLATFORM", offscreen_platform())  # a 1366×728 screen

from app import bootstrap
from app.bootstrap import open_database
from app.db.database import Database
from app.models.enums import Role
from app.services import auth_service
from app.services.context import DEFAULT_TZ, Actor, ServiceContext
from tests.helpers.seed import SEED_PASSWORD, seed_store

auth_service.use_fast_hashing()


def _patient(wait: Callable[..., object]) -> Callable[..., object]:
    """pytest-qt's waits give up after 5 s by default; on a loaded two-core machine a
    background task or a repaint can take longer. A wait that is met returns at once, so
    only a real failure pays the longer limit; a test may still pass its own ``timeout``."""
    def patient(*args: object, timeout: int = WAIT_MS, **kwargs: object) -> object:
        return wait(*args, timeout=timeout, **kwargs)
    return patient


WAIT_MS = 30_000
try:
    from pytestqt.qtbot import QtBot
except ImportError:  # pragma: no cover - pytest-qt is in the test extra
    pass
else:
    for _name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed",
                  "waitActive"):
        setattr(QtBot, _name, _patient(getattr(QtBot, _name)))
bootstrap.FREEZE_HEAP = False  # a command run in the test process must not keep its garbage


# Set SC_TEST_PG_URL (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres) to run the
# tests that use the ``db`` fixture against PostgreSQL instead of SQLite.
PG_URL = os.environ.get("SC_TEST_PG_URL", "")
_PG_TEMPLATE = "sc_test_template"


def _pg_admin(sql: str) -> None:
    engine = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(sql)
    engine.dispose()


def _pg_url(name: str) -> str:
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One migrated, seeded database per test session; each test gets a copy of it."""
    folder = tmp_path_factory.mktemp("template")
    os.environ["SERVICE_COUNTER_DATA"] = str(folder / "data")
    if PG_URL:
        _pg_admin(f"DROP DATABASE IF EXISTS {_PG_TEMPLATE} WITH (FORCE)")
        _pg_admin(f"CREATE DATABASE {_PG_TEMPLATE} ENCODING 'UTF8' TEMPLATE template0")
        target = _pg_url(_PG_TEMPLATE)
    else:
        target = str(folder / "template.sqlite")
    db = open_database(target)
    seed_store(db)
    db.dispose()
    return target


@pytest.fixture
def db(template_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    if PG_URL:
        name = f"sc_test_{uuid.uuid4().hex[:12]}"
        _pg_admin(f"CREATE DATABASE {name} TEMPLATE {_PG_TEMPLATE}")
        database = open_database(_pg_url(name))
        yield database
        database.dispose()
        _pg_admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        return
    path = tmp_path / "store.sqlite"
    shutil.copy(template_db, path)
    database = open_database(str(path))
    yield database
    database.dispose()


@pytest.fixture
def sqlite_only() -> None:
    """Request this (or mark a test ``sqlite_only``) in tests about SQLite files (pragmas,
    backups, file copies): a run against PostgreSQL deselects them (see below), not skips."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On PostgreSQL (SC_TEST_PG_URL) the SQLite-only tests are not part of the run; without
    it, the tests marked ``postgres`` (they need a server) are not part of it either."""
    kept, dropped = [], []
    for item in items:
        if PG_URL:
            off = item.get_closest_marker("sqlite_only") or "sqlite_only" in getattr(
                item, "fixturenames", ())
        else:
            off = item.get_closest_marker("postgres") is not None
        (dropped if off else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


# SC_REQUIRE_ALL=1 (CI): every outside program is installed, so a skipped test is a failure.
REQUIRE_ALL = os.environ.get("SC_REQUIRE_ALL", "") == "1"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                              ) -> Iterator[None]:
    report = yield
    if REQUIRE_ALL and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped, but SC_REQUIRE_ALL=1 wants every test run: {reason}"
    return report


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if REQUIRE_ALL and report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped, but SC_REQUIRE_ALL=1 wants every test run: {reason}"


@pytest.fixture
def login(db: Database) -> Callable[[str], ServiceContext]:
    """login('clerk') → a ServiceContext acting as the seeded user of that name."""

    def _login(username: str) -> ServiceContext:
        actor = auth_service.log_in(db, username, SEED_PASSWORD, workstation="test-pc")
        return ServiceContext(db, actor)

    return _login


@pytest.fixture
def clerk(login: Callable[[str], ServiceContext]) -> ServiceContext:
    return login("clerk")


@pytest.fixture
def admin(login: Callable[[str], ServiceContext]) -> ServiceContext:
    return login("admin")


@pytest.fixture
def today() -> date:
    """The store's date (Asia/Shanghai by default), not this machine's: from 16:00 UTC on,
    the store is already a day ahead."""
    return datetime.now(ZoneInfo(DEFAULT_TZ)).date()


__all__ = ["Actor", "Role"]
