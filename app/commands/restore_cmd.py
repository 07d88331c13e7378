"""``service-counter restore FILE``: put a backup back, after backing up what is live."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError, Command, say, tr
from app.commands import backup_folder, now, sqlite_file
from app.i18n import N_


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE",
                        help=tr(N_("the backup file to restore")))
    parser.add_argument("--to", type=Path, metavar="FOLDER",
                        help=tr(N_("where the copy of the current database goes")))


def run(args: argparse.Namespace) -> int:
    from app.demo.command import open_for_cli
    from app.services import backup_service
    from app.services.errors import UserError

    if not args.file.is_file():
        raise CliError(tr(N_("No such backup file: {file}"), file=args.file), EXIT_USAGE)
    db = open_for_cli(args.db)
    live = sqlite_file(db)
    db.dispose()
    if backup_service.recorded_checksum(args.file) is None:
        say(N_("Warning: {file} has no record beside it (the .json written with each "
               "backup); it is checked for soundness, but whether it was changed since it was "
               "taken cannot be verified."), file=args.file)
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
