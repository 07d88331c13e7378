"""Engine factory: SQLite tuned for durability (DATA-SAFETY.md); PostgreSQL with TLS and a
resilient pool (pglink.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from app.db.file_guard import FileGuard

BUSY_TIMEOUT_MS = 8000
# Execution option read by the ``begin`` hook: "IMMEDIATE" for transactions that write.
BEGIN_MODE = "sc_begin_mode"


def normalise_url(db: str | Path) -> str:
    """Accept a file path or any SQLAlchemy URL; a bare path means SQLite."""
    text = str(db)
    if "://" in text:
        from app.db.pglink import with_tls_defaults

        return with_tls_defaults(text)
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_app_engine(url: str, *, echo: bool = False, read_only: bool = False) -> Engine:
    """Create the engine; SQLite gets WAL, synchronous=FULL, foreign keys, busy timeout.

    ``read_only`` (a backup opened beside the live data) changes nothing in the file.
    """
    if is_sqlite(url):
        engine = create_engine(
            url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}
        )
        _install_sqlite_hooks(engine, read_only=read_only)
        return engine
    from app.db.pglink import engine_kwargs

    return create_engine(url, echo=echo, **engine_kwargs(url))


def _install_sqlite_hooks(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Take transaction control away from pysqlite (SQLAlchemy's documented recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if read_only:
            cur.execute("PRAGMA query_only=ON")
            cur.close()
            return
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get(BEGIN_MODE, "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def guard_live_file(engine: Engine) -> FileGuard | None:
    """Watch the file of a writable SQLite engine (before its first connection).

    Each write transaction (BEGIN IMMEDIATE) checks the guard before it begins and before
    it commits; ``Database.write`` checks once more after the commit (file_guard.py).
    """
    name = engine.url.database
    if not is_sqlite(str(engine.url)) or not name or name == ":memory:":
        return None
    guard = FileGuard(Path(name.removeprefix("file:")).absolute())

    @event.listens_for(engine, "do_connect")
    def _never_create_again(_dialect: Any, _record: Any, cargs: list[Any],
                            cparams: dict[str, Any]) -> None:
        # Once the store was opened, a later connection must not make a new empty file
        # where it was deleted or moved (the next start would take it for a new store).
        if guard.known:
            cargs[0] = f"{guard.path.as_uri()}?mode=rw"
            cparams["uri"] = True

    @event.listens_for(engine, "connect")
    def _note_file(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # A read makes SQLite take its lasting locks (db SHARED, -shm DMS) and open the WAL.
        dbapi_conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        guard.connected()

    @event.listens_for(engine, "begin", insert=True)
    def _before_begin(conn: Any) -> None:
        if conn.get_execution_options().get(BEGIN_MODE) == "IMMEDIATE":
            guard.check()

    @event.listens_for(engine, "commit")
    def _before_commit(conn: Any) -> None:
        if conn.get_execution_options().get(BEGIN_MODE) == "IMMEDIATE":
            guard.check()

    return guard
