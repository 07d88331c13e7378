"""Wiring: settings → database (migrated) → services context."""

from __future__ import annotations

import gc
from pathlib import Path

from sqlalchemy.engine import make_url

from app import config
from app.db.audit import install_audit_hook
from app.db.branch_scope import install_branch_scope
from app.db.database import Database
from app.db.engine import is_sqlite
from app.db.known_databases import check_present, remember, remember_server
from app.db.migrate import precheck_sqlite_file, upgrade
from app.db.pglink import is_postgres
from app.services.setup_service import ensure_defaults

FREEZE_HEAP = True  # tests turn it off: their garbage must be collected


def settle_heap() -> None:
    """Start-up is over: what it built (modules, mappers, the window) lives as long as the
    process. ``gc.freeze()`` moves it out of the collector's way, so a full collection
    (30–40 ms with SQLAlchemy, ReportLab and Qt loaded) does not land on the first print
    of the day; later collections scan only what was made since. Called once by the GUI
    and by the command line after start-up."""
    if FREEZE_HEAP:
        gc.freeze()


def open_database(url: str | None = None, *, migrate: bool = True, defaults: bool = True,
                  create: str = "new") -> Database:
    """Open (and, if allowed, create) the database, migrating it to the current schema.

    ``create`` (SQLite): "new" creates a file this data folder never used (a first start),
    "always" creates whatever is missing (the user said so), "never" creates nothing; a
    missing file that is not to be created raises ``MissingDatabase`` and nothing is made.
    """
    install_audit_hook()
    install_branch_scope()
    resolved = config.database_url(url)
    path = sqlite_file_of(resolved)
    if path is not None:
        check_present(path, create=create)
        precheck_sqlite_file(path)
    db = Database(resolved)
    if migrate:
        upgrade(db, backup_dir=config.backup_dir())
        if defaults:
            ensure_defaults(db)
    if path is not None:
        remember(path)
    elif is_postgres(resolved):
        remember_server(db.url)
    return db


def sqlite_file_of(url: str) -> Path | None:
    """The file behind a SQLite URL (None for a server or an in-memory database)."""
    if not is_sqlite(url):
        return None
    name = make_url(url).database
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name)
