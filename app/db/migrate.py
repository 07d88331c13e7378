"""Bring a database to the current schema at start; copy the file aside first."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from app.db.backup_file import take_backup
from app.db.database import Database

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class SchemaError(Exception):
    """The database cannot be opened as a Service Counter database."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code  # not_ours / too_new / read_only
        self.detail = detail


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def precheck_sqlite_file(path: Path) -> None:
    """Inspect an existing SQLite file read-only before the app touches it.

    Opening through the engine would switch the file to WAL, which already changes a
    foreign file; this looks first and refuses with a code the GUI turns into a message.
    """
    if not path.exists():
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise SchemaError("read_only", str(path))
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise SchemaError("not_ours", str(exc)) from exc
    _judge(tables, revision)


def _judge(tables: set[str], revision: str | None) -> None:
    if revision is None and tables - {"alembic_version"}:
        raise SchemaError("not_ours", ", ".join(sorted(tables))[:200])
    script = ScriptDirectory.from_config(alembic_config())
    if revision is not None and _unknown(script, revision):
        raise SchemaError("too_new", revision)


def _unknown(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is None
    except Exception:  # alembic raises for revisions it has never heard of
        return True


def check_schema(db: Database) -> str | None:
    """Return the current revision; refuse foreign or newer databases."""
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = MigrationContext.configure(conn).get_current_revision()
    _judge(tables, revision)
    return revision


def upgrade(db: Database, *, backup_dir: Path | None = None) -> Path | None:
    """Migrate to head. Returns the path of the pre-migration copy, if one was made."""
    revision = check_schema(db)
    if revision == head_revision():
        return None
    copy = None
    if revision is not None and db.is_sqlite and backup_dir is not None:
        copy = copy_aside(db, backup_dir, "pre-migration")
    cfg = alembic_config()
    with (db.engine.connect() as conn,
          _foreign_keys_checked_at_the_end(conn, db.is_sqlite), conn.begin()):
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if db.is_sqlite:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the migration broke foreign keys: {broken[:5]}")
    return copy


@contextmanager
def _foreign_keys_checked_at_the_end(conn: Connection, sqlite: bool) -> Iterator[None]:
    """SQLite rebuilds a table to add a constrained column (copy, drop, rename): its own
    procedure for that turns foreign keys off outside the transaction and checks them all
    (``foreign_key_check``) before the commit. Turned back on for the pooled connection."""
    if not sqlite:
        yield
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, or SQLite ignores it
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def sqlite_path(db: Database) -> Path | None:
    name = db.engine.url.database
    if not db.is_sqlite or not name or name == ":memory:":
        return None
    return Path(name)


def copy_aside(db: Database, folder: Path, label: str) -> Path | None:
    """A verified online backup of a SQLite database (never a file copy)."""
    source = sqlite_path(db)
    if source is None or not source.exists():
        return None
    return take_backup(source, folder, kind=label, now=datetime.now()).path
