"""``service-counter backup``: a verified online backup now, then retention pruning."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import backup_folder, now, open_for_cli, sqlite_file
from app.commands.base import EXIT_FAILED, EXIT_OK, CliError, Command, say, tr
from app.i18n import N_


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--to", type=Path, metavar="FOLDER",
                        help=tr(N_("backup folder (default: backups in the data folder)")))
    parser.add_argument("--no-prune", action="store_true",
                        help=tr(N_("keep every older backup")))


def run(args: argparse.Namespace) -> int:
    from app.db import backup_file
    from app.errors import UserError
    from app.services import backup_service

    db = open_for_cli(args.db)
    source, folder = sqlite_file(db), backup_folder(args.to)
    db.dispose()
    try:
        info = backup_file.take_backup(source, folder, kind="manual", now=now())
    except UserError as err:
        raise CliError(tr(err.message, **err.params), EXIT_FAILED) from err
    say(N_("Backup written: {path} ({size} bytes, check: {result})"), path=info.path,
        size=info.size_bytes, result=info.integrity)
    if not info.ok:
        return EXIT_FAILED
    if not args.no_prune:
        for gone in backup_service.prune(folder, now().date()):
            say(N_("Removed old backup {path}"), path=gone)
    return EXIT_OK


COMMAND = Command("backup", N_("take a verified backup of the database now"), add_arguments,
                  run)
