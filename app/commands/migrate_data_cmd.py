"""``service-counter migrate-data --from FILE --to URL``: move a store to a PostgreSQL server."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.base import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError, Command, say, tr
from app.i18n import N_


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="source", type=Path, required=True,
                        metavar="SQLITE_FILE", help=tr(N_("the store's SQLite file")))
    parser.add_argument("--to", dest="target", required=True, metavar="POSTGRES_URL",
                        help=tr(N_("an empty PostgreSQL database, e.g. "
                                   "postgresql+psycopg://user@host/dbname?sslmode=verify-full&sslrootcert=root.crt")))


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.bootstrap import open_database
    from app.db.pglink import redact
    from app.db.transfer import TransferError, transfer

    if not args.source.is_file():
        raise CliError(tr(N_("No such database file: {file}"), file=args.source), EXIT_USAGE)
    try:
        source = open_database(str(args.source), create="never")
        target = open_database(args.target, defaults=False, create="always")
    except SQLAlchemyError as err:
        raise CliError(tr(N_("Cannot open the database: {detail}"), detail=redact(err)),
                       EXIT_USAGE) from err
    try:
        checks = transfer(source, target)
    except TransferError as err:
        raise CliError(str(err), EXIT_FAILED) from err
    for check in checks:
        say(N_("{table}: {rows} rows, money {money} fen — verified"), table=check.table,
            rows=check.target_rows, money=check.target_money)
    say(N_("Done. Start the app with --db {url}"), url=args.target)
    return EXIT_OK


COMMAND = Command("migrate-data", N_("move the data of a SQLite file to a PostgreSQL server"),
                  add_arguments, run)
