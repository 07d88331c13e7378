"""Wiring: settings → database (migrated) → services context."""

from __future__ import annotations

from app import config
from app.db.audit import install_audit_hook
from app.db.database import Database
from app.db.migrate import upgrade
from app.services.setup_service import ensure_defaults


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """Open (and on first start create) the database, migrating it to the current schema."""
    install_audit_hook()
    db = Database(config.database_url(url))
    if migrate:
        upgrade(db, backup_dir=config.backup_dir())
        ensure_defaults(db)
    return db
