"""Wiring: settings → database (migrated) → services context."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url

from app import config
from app.db.audit import install_audit_hook
from app.db.database import Database
from app.db.engine import is_sqlite
from app.db.migrate import precheck_sqlite_file, upgrade
from app.services.setup_service import ensure_defaults


def open_database(url: str | None = None, *, migrate: bool = True,
                  defaults: bool = True) -> Database:
    """Open (and on first start create) the database, migrating it to the current schema."""
    install_audit_hook()
    resolved = config.database_url(url)
    if is_sqlite(resolved):
        precheck_sqlite_file(Path(make_url(resolved).database or ""))
    db = Database(resolved)
    if migrate:
        upgrade(db, backup_dir=config.backup_dir())
        if defaults:
            ensure_defaults(db)
    return db
