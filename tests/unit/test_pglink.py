"""The link to a PostgreSQL server without a server: TLS defaults, the password file, no
password on the command line or in the log, lost links told from other errors."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.exc import OperationalError

from app import cli
from app.commands.base import EXIT_OK, EXIT_USAGE
from app.db import pglink
from app.db.database import Database
from app.errors import ServerUnreachableError
from app.logging_setup import configure_logging, stop_logging

SECRET = "Tr0ub4dor&3-xyz"


@pytest.fixture(autouse=True)
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SERVICE_COUNTER_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("SERVICE_COUNTER_DB", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))


def test_a_remote_server_gets_tls_a_local_one_keeps_what_it_says() -> None:
    remote = Database("postgresql+psycopg://clerk@db.store.lan/counter")
    assert "sslmode=require" in remote.url
    assert pglink.tls_of(remote.url) == ("require", "")
    assert "sslmode" not in Database("postgresql+psycopg://clerk@127.0.0.1/counter").url
    rooted = pglink.with_tls_defaults(
        "postgresql+psycopg://clerk@10.0.0.5/counter?sslrootcert=/etc/sc/root.crt")
    assert pglink.tls_of(rooted) == ("verify-full", "/etc/sc/root.crt")
    said = pglink.with_tls_defaults("postgresql+psycopg://clerk@10.0.0.5/counter?sslmode=disable")
    assert pglink.tls_of(said) == ("disable", "")


def test_the_pool_notices_a_dead_server_in_seconds() -> None:
    db = Database("postgresql+psycopg://clerk@db.store.lan/counter")
    args = pglink.engine_kwargs(db.url)["connect_args"]
    assert args["connect_timeout"] == pglink.CONNECT_TIMEOUT_S and args["keepalives"] == 1
    assert db.engine.pool._pre_ping  # type: ignore[attr-defined]
    own = pglink.engine_kwargs("postgresql+psycopg://c@h/d?connect_timeout=20")["connect_args"]
    assert "connect_timeout" not in own  # the URL's own value goes to libpq


def test_password_file_is_libpq_format_private_and_replaced(tmp_path: Path) -> None:
    url = "postgresql+psycopg://clerk@db.store.lan:5433/counter?sslmode=verify-full"
    target = pglink.store_password(url, "first:one\\x")
    pglink.store_password("postgresql+psycopg://boss@db.store.lan/counter", "other")
    pglink.store_password(url, SECRET)
    assert target == tmp_path / "pgpass"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text().splitlines() == [
        "db.store.lan:5432:counter:boss:other", f"db.store.lan:5433:counter:clerk:{SECRET}"]
    pglink.store_password(url, "a:b\\c")
    assert "db.store.lan:5433:counter:clerk:a\\:b\\\\c" in target.read_text().splitlines()


@pytest.mark.parametrize("text", [
    f"postgresql+psycopg://clerk:{SECRET}@db.store.lan/counter",
    f"cannot open postgresql://clerk:{SECRET}@10.0.0.5:5432/x?sslmode=require: refused",
    f"host=db user=clerk password={SECRET} dbname=counter",
    f"host=db password='{SECRET} with space' dbname=counter",
])
def test_redact_hides_every_password(text: str) -> None:
    shown = pglink.redact(text)
    assert SECRET not in shown and "***" in shown


def test_a_password_on_the_command_line_is_refused_and_not_repeated(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    url = f"postgresql+psycopg://clerk:{SECRET}@db.store.lan/counter"
    assert cli.main(["--lang", "en", "--db", url, "check"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "password" in err and SECRET not in err and "db-password" in err
    monkeypatch.setenv("SERVICE_COUNTER_DB", url)
    assert cli.main(["--lang", "en", "check"]) == EXIT_USAGE
    assert SECRET not in capsys.readouterr().err
    monkeypatch.delenv("SERVICE_COUNTER_DB")
    sqlite = tmp_path / "x.sqlite"
    assert cli.main(["--lang", "en", "migrate-data", "--from", str(sqlite), "--to", url]) \
        == EXIT_USAGE
    assert SECRET not in capsys.readouterr().err


def test_db_password_command_asks_and_keeps_it_in_the_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(SECRET + "\n"))
    assert cli.main(["--lang", "en", "db-password", "--db",
                     "postgresql+psycopg://clerk@db.store.lan/counter"]) == EXIT_OK
    assert SECRET not in capsys.readouterr().out
    assert (tmp_path / "pgpass").read_text() == f"db.store.lan:5432:counter:clerk:{SECRET}\n"


def test_the_log_file_never_holds_a_password(tmp_path: Path) -> None:
    path = configure_logging(tmp_path)
    try:
        log = logging.getLogger("app.test")
        log.error("cannot open database %s", f"postgresql+psycopg://clerk:{SECRET}@h/d")
        try:
            raise RuntimeError(f"connect failed: host=h password={SECRET}")
        except RuntimeError:
            log.exception("while connecting")
    finally:
        stop_logging()
    written = path.read_text(encoding="utf-8")
    assert "cannot open database" in written and "while connecting" in written
    assert SECRET not in written


def _dbapi(message: str, sqlstate: str | None = None) -> OperationalError:
    orig = psycopg.OperationalError(message)
    if sqlstate:
        orig.sqlstate = sqlstate  # type: ignore[misc]
    return OperationalError("SELECT 1", {}, orig)


@pytest.mark.parametrize(("message", "state", "lost"), [
    ('connection to server at "10.0.0.5", port 5432 failed: Connection refused', None, True),
    ("server closed the connection unexpectedly", None, True),
    ("connection to server failed: timeout expired", None, True),
    ("terminating connection due to administrator command", "57P01", True),
    ("consuming input failed: SSL error: unexpected eof while reading", None, True),
    ('password authentication failed for user "clerk"', "28P01", False),
    ("connection failed: SSL error: certificate verify failed", None, False),
    ("no pg_hba.conf entry for host", None, False),
    ('relation "calls" does not exist', "42P01", False),
])
def test_lost_links_are_told_from_other_errors(message: str, state: str | None,
                                               lost: bool) -> None:
    assert pglink.is_link_lost(_dbapi(message, state)) is lost


def test_the_message_says_what_was_saved_in_chinese() -> None:
    from app.i18n.catalogue import messages

    zh = messages("zh_CN")
    nothing = ServerUnreachableError().text(lambda s: zh.get(s, s))
    safe = ServerUnreachableError(maybe_saved=True, retry_safe=True).text(
        lambda s: zh.get(s, s))
    look = ServerUnreachableError(maybe_saved=True).text(lambda s: zh.get(s, s))
    assert "服务器" in nothing and "保存" in nothing and "窗口" in nothing
    assert "不会重复" in safe and "请先查看是否已保存" in look
    assert not any(c.isascii() and c.isalpha() for c in nothing + safe + look)


def test_the_known_databases_file_keeps_a_server_with_its_tls_and_no_password(
        tmp_path: Path) -> None:
    from app.db import known_databases

    known_databases.remember(tmp_path / "store.sqlite")
    known_databases.remember_server(
        f"postgresql+psycopg://clerk:{SECRET}@db.store.lan/counter"
        "?sslmode=verify-full&sslrootcert=/etc/sc/root.crt")
    [server] = known_databases.known_servers()
    assert server["url"].startswith("postgresql+psycopg://clerk@db.store.lan/counter?")
    assert (server["sslmode"], server["sslrootcert"]) == ("verify-full", "/etc/sc/root.crt")
    assert known_databases.last_used(tmp_path / "store.sqlite") is not None  # kept beside it
    assert SECRET not in (tmp_path / "data" / "known_databases.json").read_text()


def test_a_server_that_never_answers_is_given_up_on_in_seconds() -> None:
    """A listener that accepts and then says nothing (a hung server, a half-dead link)."""
    import socket
    import threading
    import time

    silent = socket.create_server(("127.0.0.1", 0))
    port = silent.getsockname()[1]
    db = Database(f"postgresql+psycopg://clerk@127.0.0.1:{port}/counter?sslmode=disable")
    outcome: list[BaseException | None] = []

    def save() -> None:
        try:
            with db.write(None) as s:
                s.connection()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    started = time.monotonic()
    worker = threading.Thread(target=save, daemon=True)
    worker.start()
    worker.join(timeout=30)
    waited = time.monotonic() - started
    silent.close()
    db.dispose()
    assert outcome, "the save was still waiting for the server after 30 s"
    assert isinstance(outcome[0], ServerUnreachableError) and not outcome[0].maybe_saved
    assert waited < pglink.CONNECT_TIMEOUT_S * 2 + 5
    print(f"a silent server is given up on after {waited:.1f} s")
