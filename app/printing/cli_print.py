"""``service-counter print KIND NUMBER --out FILE.pdf``: any numbered document as a PDF.

For reprints in bulk and archiving. A document that was printed before comes out marked as
a reprint; every file written is recorded on the audit trail like a print.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import EXIT_FAILED, EXIT_OK, CliError, Command, say, tr
from app.i18n import N_

if TYPE_CHECKING:
    from app.services.context import ServiceContext


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", nargs="?", metavar="KIND",
                        help=tr(N_("kind of document: voucher, item-receipt, repair-tag, "
                                   "payment-receipt, daily-report, … (see --list)")))
    parser.add_argument("number", nargs="?", metavar="NUMBER",
                        help=tr(N_("the document's number (a date for daily reports)")))
    parser.add_argument("--out", metavar="FILE.pdf", type=Path,
                        help=tr(N_("where to write the PDF (default: the suggested file "
                                   "name in the current folder)")))
    parser.add_argument("--list", action="store_true",
                        help=tr(N_("list the kinds of document that can be printed")))


def cli_context(db_arg: str | None) -> ServiceContext:
    from app import config
    from app.demo.command import open_for_cli
    from app.models.enums import Role
    from app.services.context import Actor, ServiceContext

    db = open_for_cli(db_arg)
    from app.printing.text import pt

    # The footer of every form printed here names this "printer": in the store's language.
    actor = Actor(None, "cli", pt("Command line"), Role.ADMIN, config.workstation())
    return ServiceContext(db, actor)


def _list_kinds() -> int:
    from app.printing import registry
    from app.printing.text import pt

    for kind in registry.kinds():
        print(f"  {kind.name:<18} {pt(kind.title)}  [{kind.group.value}]")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    if args.list:
        return _list_kinds()
    if not args.kind or not args.number:
        raise CliError(tr(N_("Give the kind of document and its number, e.g. "
                             "print voucher V2611-0042 --out voucher.pdf")))
    ctx = cli_context(args.db)
    try:
        return _write(ctx, args.kind, args.number, args.out)
    finally:
        ctx.db.dispose()


def _write(ctx: ServiceContext, kind_name: str, number: str, out: Path | None) -> int:
    from app.printing import registry
    from app.services import print_log_service
    from app.services.errors import UserError

    try:
        kind = registry.get_kind(kind_name)
        reprint = print_log_service.was_printed(ctx, kind.name, number)
        rendered = kind.render(ctx, number, reprint)
    except UserError as err:
        raise CliError(err.text(tr), EXIT_FAILED) from err
    target = out or Path(rendered.filename)
    try:
        target.write_bytes(rendered.pdf)
    except OSError as err:
        raise CliError(tr(N_("Cannot write {path}: {detail}"), path=target, detail=err),
                       EXIT_FAILED) from err
    try:
        print_log_service.record_print(ctx, kind.name, number, reprint=reprint,
                                       action=print_log_service.SAVE_ACTION,
                                       detail=str(target.resolve()))
    except Exception as err:
        target.unlink(missing_ok=True)  # a copy that is not on the record does not leave
        if isinstance(err, UserError):
            raise CliError(err.text(tr), EXIT_FAILED) from err
        raise
    say(N_("Wrote {path} ({size} KB)."), path=target, size=len(rendered.pdf) // 1024 or 1)
    return EXIT_OK


COMMAND = Command("print", N_("write a numbered document (voucher, receipt, tag, report) "
                              "as a PDF"), add_arguments, run)
