"""``service-counter print KIND NUMBER --out FILE.pdf``: any numbered document as a PDF;
``… --printer NAME``: on an OS printer, through the same path as the GUI's Print.

For reprints in bulk and archiving. A document that was printed before comes out marked as
a reprint; every copy written or printed is recorded on the audit trail once.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.commands import cli_context
from app.commands.base import EXIT_FAILED, EXIT_OK, CliError, Command, say, tr
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
    parser.add_argument("--printer", metavar="NAME",
                        help=tr(N_("print on this printer of the computer instead of "
                                   "writing a PDF (the name as the system lists it)")))
    parser.add_argument("--list", action="store_true",
                        help=tr(N_("list the kinds of document that can be printed")))


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
    if args.printer and args.out:
        raise CliError(tr(N_("Give either --out or --printer, not both.")))
    ctx = cli_context(args.db)
    try:
        if args.printer:
            return _print(ctx, args.kind, args.number, args.printer)
        return _write(ctx, args.kind, args.number, args.out)
    finally:
        ctx.db.dispose()


_qt_app: object = None


def _gui_application() -> None:
    """QtPdf and QPrinter need a QGuiApplication; without a display, the offscreen one
    (printing goes through the print support plugin, CUPS or Windows, not the display)."""
    global _qt_app
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                     or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _qt_app = QGuiApplication(["service-counter"])


def _print(ctx: ServiceContext, kind_name: str, number: str, printer_name: str) -> int:
    from app.errors import UserError
    from app.printing.direct import printer_named
    from app.printing.output import PrintError
    from app.printouts.direct import print_numbered

    _gui_application()
    try:
        copy = print_numbered(ctx, kind_name, number, printer_named(printer_name))
    except UserError as err:
        raise CliError(err.text(tr), EXIT_FAILED) from err
    except PrintError as err:
        raise CliError(tr(N_("Not printed: {detail}"), detail=err), EXIT_FAILED) from err
    say(N_("Sent {name} to {printer} ({pages} page(s)){reprint}."),
        name=copy.rendered.filename.removesuffix(".pdf"), printer=copy.printer,
        pages=copy.pages, reprint=tr(N_(", marked as a reprint")) if copy.reprint else "")
    return EXIT_OK


def _write(ctx: ServiceContext, kind_name: str, number: str, out: Path | None) -> int:
    from app.errors import UserError
    from app.printing import registry
    from app.printouts import trail

    try:
        kind = registry.get_kind(kind_name)
        reprint = trail.was_printed(ctx, kind.name, number)
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
        trail.record_print(ctx, kind.name, number, reprint=reprint,
                           action=trail.SAVE_ACTION,
                           detail=str(target.resolve()))
    except Exception as err:
        target.unlink(missing_ok=True)  # a copy that is not on the record does not leave
        if isinstance(err, UserError):
            raise CliError(err.text(tr), EXIT_FAILED) from err
        raise
    say(N_("Wrote {path} ({size} KB)."), path=target, size=len(rendered.pdf) // 1024 or 1)
    return EXIT_OK


COMMAND = Command("print", N_("write a numbered document (voucher, receipt, tag, report) "
                              "as a PDF, or print it (--printer)"), add_arguments, run)
