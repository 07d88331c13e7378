"""``service-counter restore FILE``: put a backup back, after backing up what is live."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import backup_folder, now, open_for_cli, sqlite_file
from app.commands.base import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError, Command, say, tr
from app.i18n import N_


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE",
                        help=tr(N_("the backup file to restore")))
    parser.add_argument("--to", type=Path, metavar="FOLDER",
                        help=tr(N_("where the copy of the current database goes")))
    parser.add_argument("--new-file", action="store_true",
                        help=tr(N_("the database file is gone: make it again from the backup")))


def run(args: argparse.Namespace) -> int:
    from app.errors import UserError
    from app.services import backup_service

    if not args.file.is_file():
        raise CliError(tr(N_("No such backup file: {file}"), file=args.file), EXIT_USAGE)
    if backup_service.recorded_checksum(args.file) is None:
        say(N_("Warning: {file} has no record beside it (the .json written with each "
               "backup); it is checked for soundness, but whether it was changed since it was "
               "taken cannot be verified."), file=args.file)
    if args.new_file:
        return _restore_missing(args)
    db = open_for_cli(args.db)
    live = sqlite_file(db)
    db.dispose()
    try:
        before = backup_service.restore_into(live, args.file, backup_folder(args.to),
                                             now=now())
    except UserError as err:
        raise CliError(tr(err.message, **err.params), EXIT_FAILED) from err
    say(N_("Restored {file}. The database as it was is kept in {before}."), file=args.file,
        before=before)
    return EXIT_OK


COMMAND = Command("restore", N_("restore the database from a backup file"), add_arguments,
                  run)


def _restore_missing(args: argparse.Namespace) -> int:
    """``--new-file``: the database is gone; make it again from the backup, and say so."""
    from app import config
    from app.bootstrap import sqlite_file_of
    from app.errors import UserError
    from app.services import backup_service

    live = sqlite_file_of(config.database_url(args.db))
    if live is None:
        raise CliError(tr(N_("This command works on a SQLite database file; a server "
                             "database is backed up with the server's own tools.")), EXIT_USAGE)
    try:
        backup_service.restore_missing(live, args.file)
    except UserError as err:
        raise CliError(tr(err.message, **err.params), EXIT_FAILED) from err
    db = open_for_cli(str(live))
    try:
        backup_service.record_restore(db, None, args.file,
                                      f"from {args.file.name}, in place of a missing file")
    finally:
        db.dispose()
    say(N_("Restored {file} as {path}."), file=args.file, path=live)
    return EXIT_OK
