"""``service-counter db-password --db URL``: keep a server's password in the password file.

The password is asked for (or read from standard input when that is not a terminal), never
taken from the command line; it goes to libpq's password file (PGPASSFILE, else ~/.pgpass),
mode 0600, which the driver reads when the app connects (app/db/pglink.py).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from app.commands.base import EXIT_OK, EXIT_USAGE, CliError, Command, say, tr
from app.i18n import N_


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser  # --db (or SERVICE_COUNTER_DB) names the server, database and user


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from app.db.pglink import is_postgres, store_password

    url = args.db or os.environ.get("SERVICE_COUNTER_DB") or ""
    if "://" not in url or not is_postgres(url):
        raise CliError(tr(N_("Give the PostgreSQL server with --db, e.g. "
                             "postgresql+psycopg://user@host/dbname")), EXIT_USAGE)
    if sys.stdin.isatty():
        password = getpass.getpass(tr(N_("Password:")) + " ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise CliError(tr(N_("No password given; nothing was changed.")), EXIT_USAGE)
    target = store_password(url, password)
    parsed = make_url(url)
    say(N_("The password of {user} on {host} is kept in {file} (only you can read it)."),
        user=parsed.username or "?", host=parsed.host or "localhost", file=target)
    return EXIT_OK


COMMAND = Command("db-password", N_("keep the password of a PostgreSQL server in the password "
                                    "file (asked for, never on the command line)"),
                  add_arguments, run)
