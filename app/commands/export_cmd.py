"""``service-counter export monthly --month 2026-10 --out FILE.xlsx``: for unattended runs."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from app.commands.base import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError, Command, say, tr
from app.i18n import N_


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("what", choices=("monthly",), help=tr(N_("what to export")))
    parser.add_argument("--month", required=True, metavar="YYYY-MM",
                        help=tr(N_("the month, e.g. 2026-10")))
    parser.add_argument("--out", type=Path, metavar="FILE.xlsx",
                        help=tr(N_("where to write the workbook (default: the suggested "
                                   "name in the current folder)")))


def _writable(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK) or (
            path.exists() and not os.access(path, os.W_OK)):
        raise CliError(tr(N_("Cannot write {path}: the folder does not exist or is not "
                             "writable."), path=path), EXIT_USAGE)


def run(args: argparse.Namespace) -> int:
    from app.commands import cli_context
    from app.errors import UserError
    from app.export.monthly_workbook import suggested_filename, write_monthly_workbook
    from app.services.monthly_report_service import monthly_report, parse_month

    try:
        month = parse_month(args.month)
    except UserError as err:
        raise CliError(tr(err.message, **err.params), EXIT_USAGE) from err
    if args.out is not None:
        _writable(args.out)
    ctx = cli_context(args.db)
    try:
        report = monthly_report(ctx, month)
        out = args.out or Path(suggested_filename(report))
        _writable(out)
        write_monthly_workbook(report, out, tz=ctx.tz)
    except UserError as err:
        raise CliError(tr(err.message, **err.params), EXIT_USAGE) from err
    except OSError as err:
        raise CliError(str(err), EXIT_FAILED) from err
    finally:
        ctx.db.dispose()
    say(N_("Wrote {path}"), path=out)
    return EXIT_OK


COMMAND = Command("export", N_("export the monthly summary as an Excel workbook"),
                  add_arguments, run)
