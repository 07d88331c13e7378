"""A printer of this computer by name, for a copy sent straight to it (app/printouts/direct.py)."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.printing.output import PrintError


def printer_named(name: str) -> QPrinter:
    """A QPrinter on the OS printer ``name``; PrintError if this PC has none of that name."""
    known = QPrinterInfo.availablePrinterNames()
    if name not in known:
        raise PrintError(f"no printer {name!r} on this computer "
                         f"(known: {', '.join(known) or 'none'})")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(name)
    return printer
