"""Commands for unattended use (backup, restore, check, export, print, …); how they open a store."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.base import EXIT_USAGE, CliError, tr
from app.i18n import N_

if TYPE_CHECKING:
    from app.db.database import Database
    from app.services.context import ServiceContext


def open_for_cli(db_arg: str | None, *, create: bool = False) -> Database:
    """Open (migrate) the database or raise CliError with exit code 2.

    Only ``create=True`` (the demo command) makes a new file: a mistyped path, or a store
    that was moved or deleted, is said and nothing is created.
    """
    from sqlalchemy.exc import ArgumentError, DBAPIError

    from app.bootstrap import open_database
    from app.db.known_databases import MissingDatabase
    from app.db.migrate import SchemaError

    try:
        return open_database(db_arg, create="always" if create else "never")
    except MissingDatabase as err:
        raise CliError(tr(N_("There is no database at {path}; nothing was created. Check the "
                             "path given with --db (or SERVICE_COUNTER_DB). A store that was "
                             "moved or deleted can be put back with \"restore\" from a "
                             "backup; a new store is made by starting the application."),
                          path=err.path), EXIT_USAGE) from err
    except SchemaError as err:
        if err.code == "read_only":
            raise CliError(tr(N_("The database {path} cannot be written: the file or its "
                                 "folder is read-only. Ask your administrator to fix the "
                                 "permissions; nothing was changed."), path=err.detail),
                           EXIT_USAGE) from err
        raise CliError(tr(N_("This is not a Service Counter database, or it comes from a "
                             "newer version: {detail}"), detail=err), EXIT_USAGE) from err
    except (ArgumentError, DBAPIError, OSError) as err:
        raise CliError(tr(N_("Cannot open the database: {detail}"), detail=err),
                       EXIT_USAGE) from err


def cli_context(db_arg: str | None) -> ServiceContext:
    from app import config
    from app.bootstrap import settle_heap
    from app.models.enums import Role
    from app.services.context import Actor, ServiceContext

    db = open_for_cli(db_arg)
    from app.printing.text import pt

    # The footer of every form printed here names this "printer": in the store's language.
    actor = Actor(None, "cli", pt("Command line"), Role.ADMIN, config.workstation())
    settle_heap()
    return ServiceContext(db, actor)


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
