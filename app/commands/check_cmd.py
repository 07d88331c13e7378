"""``service-counter check``: is the database sound, and is there a recent backup?"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands import backup_folder, now, open_for_cli
from app.commands.base import EXIT_FAILED, EXIT_OK, Command, say, tr
from app.i18n import N_


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--backups", type=Path, metavar="FOLDER",
                        help=tr(N_("backup folder to report on")))


def run(args: argparse.Namespace) -> int:
    from app.db import backup_file
    from app.db.migrate import sqlite_path
    from app.services import backup_service

    db = open_for_cli(args.db)
    path = sqlite_path(db)
    db.dispose()
    healthy = True
    if path is not None:
        info = backup_file.verify(path, checksum=False)  # the live file: SQLite only
        healthy = info.ok
        say(N_("Database {path}: check {result}; {calls} calls, {customers} customers."),
            path=path, result=info.integrity, calls=info.counts.get("calls", 0),
            customers=info.counts.get("customers", 0))
    found = backup_service.list_backups(backup_folder(args.backups))
    if not found:
        say(N_("No backups found."))
        return EXIT_FAILED
    newest = found[0]
    say(N_("Newest backup: {path} ({when})"), path=newest.path, when=newest.taken_at)
    if (now() - newest.taken_at).days >= 2:
        say(N_("Warning: the newest backup is more than a day old."))
        healthy = False
    return EXIT_OK if healthy else EXIT_FAILED


COMMAND = Command("check", N_("check the database and its backups"), add_arguments, run)
