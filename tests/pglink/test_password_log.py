"""A server role with a password: the app connects with the password file, and the password
reaches neither the log file nor any message — not when it works, not when the password is
wrong, not when it is typed into the URL, not when the server goes away."""

from __future__ import annotations

import io
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app import cli
from app.bootstrap import open_database
from app.commands.base import EXIT_OK, EXIT_USAGE
from app.db.known_databases import known_servers
from app.db.pglink import store_password
from app.errors import ServerUnreachableError
from app.logging_setup import configure_logging, stop_logging
from tests.pglink.cluster import Cluster

pytestmark = [
    pytest.mark.postgres,
]


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = configure_logging(tmp_path, level=logging.DEBUG)  # the driver's chatter too
    yield path
    stop_logging()
    logging.getLogger().setLevel(logging.WARNING)


def test_the_password_never_reaches_the_log_or_a_message(
        server: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, log_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    secret = f"Pw-{uuid.uuid4().hex[:12]}"
    role = f"counter_{uuid.uuid4().hex[:6]}"
    admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN PASSWORD '{secret}'")
        conn.exec_driver_sql(f"CREATE DATABASE {role} OWNER {role} TEMPLATE template0 "
                             "ENCODING 'UTF8'")
    admin.dispose()
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("SERVICE_COUNTER_DB", raising=False)
    url = server.url(role, role)  # sslmode=verify-full, the cluster's root certificate
    said: list[str] = []

    # typed into the URL: refused before anything connects, and not repeated
    typed = url.replace(f"{role}@", f"{role}:{secret}@")
    assert cli.main(["--lang", "en", "--db", typed, "check"]) == EXIT_USAGE
    said.append(capsys.readouterr().err)
    assert "db-password" in said[-1]

    # kept with the command (read from standard input here), then used by the driver
    monkeypatch.setattr("sys.stdin", io.StringIO(secret + "\n"))
    assert cli.main(["--lang", "en", "db-password", "--db", url]) == EXIT_OK
    said.append(capsys.readouterr().out)
    db = open_database(url)  # migrates the store as this role, over TLS
    try:
        with db.read() as s:
            assert s.connection().exec_driver_sql("SELECT current_user").scalar() == role
            assert s.connection().exec_driver_sql(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").scalar() is True
        [kept] = known_servers()  # the data folder remembers the server and its TLS
        assert (kept["sslmode"], kept["sslrootcert"]) == ("verify-full", str(server.root_cert))
        server.stop()
        with pytest.raises(ServerUnreachableError) as lost, db.write(None) as s:
            s.connection().exec_driver_sql("SELECT 1")
        said.append(str(lost.value) + repr(lost.value.__cause__))
        server.start()
    finally:
        db.dispose()

    # a wrong password: the start-up message says so, without the password
    from app.ui.app import StartupError, open_store_database

    store_password(url, secret + "-old")
    with pytest.raises(StartupError) as refused:
        open_store_database(url)
    said.append(refused.value.message + repr(refused.value.__cause__))
    assert "password" in refused.value.message

    said.append((tmp_path / "data" / "known_databases.json").read_text(encoding="utf-8"))
    logged = log_file.read_text(encoding="utf-8")
    assert "link lost" in logged and "refused the connection" in logged
    for text in [logged, *said]:
        assert secret not in text
