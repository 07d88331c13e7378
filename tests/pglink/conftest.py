"""A throwaway TLS cluster shared by the tests of this folder (they stop and start it)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from app.bootstrap import open_database
from app.db.database import Database
from tests.helpers.seed import seed_store
from tests.pglink.cluster import Cluster


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    c = Cluster.throwaway()
    c.start()
    admin = create_engine(c.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE store ENCODING 'UTF8' TEMPLATE template0")
    admin.dispose()
    yield c
    c.remove()


@pytest.fixture(scope="session")
def store(cluster: Cluster, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    old = os.environ.get("SERVICE_COUNTER_DATA")
    os.environ["SERVICE_COUNTER_DATA"] = str(tmp_path_factory.mktemp("data"))
    db = open_database(cluster.url("store"))
    seed_store(db)
    yield db
    db.dispose()
    if old is None:
        os.environ.pop("SERVICE_COUNTER_DATA", None)
    else:
        os.environ["SERVICE_COUNTER_DATA"] = old


@pytest.fixture
def server(cluster: Cluster) -> Iterator[Cluster]:
    """The cluster, running again at the end of the test whatever happened."""
    yield cluster
    if not cluster.running():
        cluster.start()


