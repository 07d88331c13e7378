"""Maintenance commands for unattended use: backup, restore, check, migrate-data."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import EXIT_USAGE, CliError, tr
from app.i18n import N_

if TYPE_CHECKING:
    from app.db.database import Database


def sqlite_file(db: Database) -> Path:
    """The live SQLite file, or a usage error for a server database."""
    from app.db.migrate import sqlite_path

    path = sqlite_path(db)
    if path is None:
        raise CliError(tr(N_("This command works on a SQLite database file; a server "
                             "database is backed up with the server's own tools.")), EXIT_USAGE)
    return path


def backup_folder(arg: Path | None) -> Path:
    from app import config

    return arg if arg is not None else config.backup_dir()


def now() -> datetime:
    return datetime.now()
