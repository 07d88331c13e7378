"""Demo stores for tests (app.demo.generate with a fixed "now" and seed), and plain SQL on
their files. A test module makes its own store (one per module: a test may write to it)::

    demo_file, demo_db = demo_store_fixtures(calls=300, seed=7)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.bootstrap import open_database
from app.db.database import Database
from app.demo import generate
from app.models.enums import Role
from app.models.staff import User
from app.services.context import Actor, ServiceContext

NOW = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)  # 15:00 in the store


def build_demo(tmp_path_factory: pytest.TempPathFactory, *, calls: int, seed: int) -> Path:
    """A demo store file of ``calls`` calls up to :data:`NOW`."""
    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SERVICE_COUNTER_DATA", str(folder / "data"))
        db = open_database(str(folder / "demo.sqlite"))
        summary = generate(db, calls=calls, seed=seed, now=NOW)
        db.dispose()
    assert not summary.cancelled
    return folder / "demo.sqlite"


@contextmanager
def opened(demo_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
           ) -> Iterator[Database]:
    """The demo file opened as the store (its data folder in the test's tmp folder)."""
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    db = open_database(str(demo_file))
    try:
        yield db
    finally:
        db.dispose()


def sql(path: Path, query: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as conn:
        return conn.execute(query).fetchall()


def demo_store_fixtures(*, calls: int, seed: int) -> tuple[Callable[..., Path],
                                                          Callable[..., Iterator[Database]]]:
    """The module's ``demo_file`` (built once per module) and ``demo_db`` (it opened as the
    store for one test): assign them to those two names in the test module."""

    @pytest.fixture(scope="module")
    def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
        return build_demo(tmp_path_factory, calls=calls, seed=seed)

    @pytest.fixture
    def demo_db(demo_file: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
                ) -> Iterator[Database]:
        with opened(demo_file, monkeypatch, tmp_path) as db:
            yield db

    return demo_file, demo_db


def acting_as(db: Database, role: Role, now: datetime = NOW) -> ServiceContext:
    """The first user of ``role`` in the store, on a clock stopped at ``now``."""
    with db.read() as session:
        user = session.scalars(select(User).where(User.role == role.value)
                               .order_by(User.id)).first()
        assert user is not None
        actor = Actor(user.id, user.username, user.display_name, role)
    return ServiceContext(db, actor, clock=lambda: now)
