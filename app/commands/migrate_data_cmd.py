"""``service-counter migrate-data --from FILE --to URL``: move a store to a PostgreSQL server;
with ``--as-branch CODE --branch-name NAME``: bring it into a company's database as a new
branch (app/db/branch_import.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands.base import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError, Command, say, tr
from app.i18n import N_

if TYPE_CHECKING:
    from app.db.database import Database


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="source", type=Path, required=True,
                        metavar="SQLITE_FILE", help=tr(N_("the store's SQLite file")))
    parser.add_argument("--to", dest="target", required=True, metavar="POSTGRES_URL",
                        help=tr(N_("an empty PostgreSQL database, e.g. "
                                   "postgresql+psycopg://user@host/dbname?sslmode=verify-full&sslrootcert=root.crt")))
    parser.add_argument("--as-branch", dest="branch_code", metavar="CODE",
                        help=tr(N_("bring the store into the company's database (--to) as a "
                                   "new branch with this two-digit code, e.g. 02")))
    parser.add_argument("--branch-name", dest="branch_name", metavar="NAME",
                        help=tr(N_("the new branch's name (with --as-branch); without "
                                   "--as-branch: the store becomes the company's first "
                                   "branch 01 of this name, its staff work in it")))


def _branch_args(args: argparse.Namespace) -> tuple[str, str]:
    from app.services.branch_service import CODE_SHAPE

    code = args.branch_code.strip()
    if not CODE_SHAPE.fullmatch(code):
        raise CliError(tr(N_("A branch code is two digits, like 02.")), EXIT_USAGE)
    name = _first_branch_name(args)
    if not name:
        raise CliError(tr(N_("--as-branch needs --branch-name")), EXIT_USAGE)
    return code, name


def run(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from app.bootstrap import open_database
    from app.commands import open_for_cli
    from app.db.branch_import import BranchImportError, place_first_branch
    from app.db.pglink import redact
    from app.db.transfer import TransferError, transfer

    as_branch = _branch_args(args) if args.branch_code is not None else None
    first_name = _first_branch_name(args) if as_branch is None else None
    if not args.source.is_file():
        raise CliError(tr(N_("No such database file: {file}"), file=args.source), EXIT_USAGE)
    # the store is brought up to this version's schema first: a read-only file is refused
    # with a clear message (open_for_cli), not a traceback
    source = open_for_cli(str(args.source))
    try:
        target = open_database(args.target, defaults=False,
                               create="never" if as_branch else "always")
    except SQLAlchemyError as err:
        source.dispose()
        raise CliError(tr(N_("Cannot open the database: {detail}"), detail=redact(err)),
                       EXIT_USAGE) from err
    try:
        if as_branch is not None:
            return _as_branch(source, target, *as_branch)
        placed: list[int] = []
        checks = transfer(source, target, finish=None if first_name is None else (
            lambda conn: placed.append(place_first_branch(conn, first_name))))
    except BranchImportError as err:
        raise CliError(tr(err.message, **err.params), EXIT_FAILED) from err
    except TransferError as err:
        raise CliError(str(err), EXIT_FAILED) from err
    except SQLAlchemyError as err:  # nothing kept: the copy is one transaction
        raise CliError(tr(N_("The move failed, nothing was changed: {detail}"),
                          detail=redact(err)), EXIT_FAILED) from err
    finally:
        source.dispose()
        target.dispose()
    for check in checks:
        say(N_("{table}: {rows} rows, money {money} fen — verified"), table=check.table,
            rows=check.target_rows, money=check.target_money)
    if first_name:
        say(N_("The store is branch 01 ({name}); {count} of its people work in it, its "
               "administrators in the service department."), name=first_name, count=sum(placed))
    say(N_("Done. Start the app with --db {url}"), url=args.target)
    return EXIT_OK


def _first_branch_name(args: argparse.Namespace) -> str | None:
    """--branch-name, checked as a branch's name (None: not given)."""
    from app.errors import ValidationError
    from app.models.branch import Branch
    from app.services.validation import clean_text, column_limit

    if args.branch_name is None:
        return None
    try:
        return clean_text(args.branch_name, field="name", max_len=column_limit(Branch.name),
                          required=True)
    except ValidationError as err:
        raise CliError(err.text(), EXIT_USAGE) from err


def _as_branch(source: Database, target: Database, code: str, name: str) -> int:
    from app.db.branch_import import import_branch

    done = import_branch(source, target, code=code, name=name)
    for check in done.checks:
        say(N_("{table}: {rows} rows, money {money} fen — verified"), table=check.table,
            rows=check.target_rows, money=check.target_money)
    for table, (matched, added) in sorted(done.merged.items()):
        say(N_("{table}: {matched} matched the company's, {added} added"), table=table,
            matched=matched, added=added)
    for table, rows in sorted(done.not_copied.items()):
        if rows:
            say(N_("{table}: {rows} rows not copied (the company's stay)"), table=table,
                rows=rows)
    for old, new in sorted(done.renamed.items()):
        say(N_("Account {old} is now {new} (the company has a {old}): tell its user."),
            old=old, new=new)
    say(N_("Done. Branch {code} ({name}): {numbers} document numbers carry the branch code "
           "(C2612-0001 is now C{code}-2612-0001; the branch's people find it by either)."),
        code=code, name=name, numbers=done.numbers)
    return EXIT_OK


COMMAND = Command("migrate-data", N_("move the data of a SQLite file to a PostgreSQL server"),
                  add_arguments, run)
