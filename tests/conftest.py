"""Shared fixtures: every test gets a fresh migrated database with a seeded store."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.bootstrap import open_database
from app.db.database import Database
from app.models.enums import Role
from app.services import auth_service
from app.services.context import Actor, ServiceContext
from tests.seed import SEED_PASSWORD, seed_store

auth_service.use_fast_hashing()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, seeded database file per test session; tests get copies."""
    folder = tmp_path_factory.mktemp("template")
    os.environ["SERVICE_COUNTER_DATA"] = str(folder / "data")
    path = folder / "template.sqlite"
    db = open_database(str(path))
    seed_store(db)
    db.dispose()
    return path


@pytest.fixture
def db(template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    path = tmp_path / "store.sqlite"
    shutil.copy(template_db, path)
    database = open_database(str(path))
    yield database
    database.dispose()


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
    return date.today()


__all__ = ["Actor", "Role"]
