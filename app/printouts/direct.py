"""One copy of a numbered document straight to a printer, no dialog: the counter's
one-keystroke print and ``main.py print KIND NUMBER --printer NAME``.

The same path as the preview's Print…: render (marked 补打 if a copy left before), paint
the pages on the QPrinter (``output.print_pdf_bytes``), then record the copy once on the
print trail, so the next one is a reprint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.printing import registry
from app.printing.output import print_pdf_bytes
from app.printing.registry import Rendered
from app.printouts import trail

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.services.context import ServiceContext


@dataclass(frozen=True)
class PrintedCopy:
    rendered: Rendered
    reprint: bool
    pages: int
    printer: str


def print_numbered(ctx: ServiceContext, kind_name: str, number: str,
                   printer: QPrinter) -> PrintedCopy:
    """Print document ``number`` of ``kind_name`` on ``printer`` and record the copy.

    UserError (no such document) and PrintError (the printer refused) leave no record.
    """
    kind = registry.get_kind(kind_name)
    reprint = trail.was_printed(ctx, kind.name, number)
    rendered = kind.render(ctx, number, reprint)
    printer.setDocName(rendered.filename.removesuffix(".pdf"))
    pages = print_pdf_bytes(rendered.pdf, printer)
    name = printer.printerName() or printer.outputFileName()
    trail.record_print(ctx, kind.name, number, reprint=reprint, detail=name)
    return PrintedCopy(rendered, reprint, pages, name)
