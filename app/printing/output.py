"""The one print path: PDF bytes → QPdfDocument → page images at the printer's resolution.

ReportLab makes the PDF; Qt renders each page on white at the printer's resolution and
paints it on a QPrinter whose page is exactly the PDF's page with zero margins (an 80 mm
receipt prints as an 80 × N mm custom page through the OS driver). The dialog lives in
``app/ui/dialogs/print_preview_dialog.py``; this module needs no widget and is tested on its
own, against a PDF-file QPrinter and a real CUPS queue.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QSize,
    QSizeF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from app.printing.registry import PrinterGroup

__all__ = ["MAX_PRINT_DPI", "LoadedPdf", "PrintError", "PrinterGroup", "page_layout_for",
           "prepare_printer", "print_pdf_bytes", "save_pdf_bytes"]

MAX_PRINT_DPI = 300  # 600 dpi costs 2.3 s per A4 page in the print spool for no visible gain
LOAD_TIMEOUT_MS = 10_000


class PrintError(RuntimeError):
    """The PDF could not be loaded or the printer refused to start."""


class LoadedPdf:
    """A QPdfDocument with the buffer it reads from kept alive beside it."""

    def __init__(self, pdf: bytes) -> None:
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self._buffer)
        _wait_until_loaded(self.document)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def page_points(self, index: int) -> QSizeF:
        """Page size in PostScript points (1/72 inch)."""
        return self.document.pagePointSize(index)

    def render(self, index: int, dpi: float) -> QImage:
        """Page ``index`` at ``dpi``, composited on white (QtPdf leaves it transparent)."""
        points = self.page_points(index)
        size = QSize(max(1, round(points.width() * dpi / 72)),
                     max(1, round(points.height() * dpi / 72)))
        page = self.document.render(index, size)
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.drawImage(0, 0, page)
        painter.end()
        return image

    def close(self) -> None:
        self.document.close()
        self._buffer.close()


def _wait_until_loaded(document: QPdfDocument) -> None:
    status = document.status()
    if status == QPdfDocument.Status.Loading:
        loop = QEventLoop()
        document.statusChanged.connect(loop.quit)
        QTimer.singleShot(LOAD_TIMEOUT_MS, loop.quit)
        loop.exec()
        status = document.status()
    if status != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintError(f"PDF not readable ({document.error()})")


STANDARD_SIZES = (QPageSize.PageSizeId.A4, QPageSize.PageSizeId.A5, QPageSize.PageSizeId.A3,
                  QPageSize.PageSizeId.Letter)


def page_layout_for(points: QSizeF) -> QPageLayout:
    """A layout of exactly this page size, zero margins.

    A page wider than tall that is a standard paper turned (the A4 register month) goes out
    as that paper in landscape, which every A4 driver takes; any other page as a custom
    medium never rotated: a 100 × 70 mm tag is 100 mm across the label printer's head, not
    70 × 100 turned to landscape, which a label driver would misread.
    """
    no_margins = QMarginsF(0, 0, 0, 0)
    if points.width() > points.height():
        turned = QPageSize.id(QSizeF(points.height(), points.width()), QPageSize.Unit.Point,
                              QPageSize.SizeMatchPolicy.FuzzyMatch)
        if turned in STANDARD_SIZES:
            return QPageLayout(QPageSize(turned), QPageLayout.Orientation.Landscape,
                               no_margins, QPageLayout.Unit.Point)
    page_size = QPageSize(QSizeF(points.width(), points.height()), QPageSize.Unit.Point, "",
                          QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(page_size, QPageLayout.Orientation.Portrait, no_margins,
                       QPageLayout.Unit.Point)


def prepare_printer(printer: QPrinter, pdf: LoadedPdf) -> None:
    """Set the printer's page to the PDF's first page, full page, no margins."""
    printer.setFullPage(True)
    if not printer.setPageLayout(page_layout_for(pdf.page_points(0))):
        raise PrintError("printer refused the page size")


def print_pdf_bytes(pdf: bytes, printer: QPrinter, *, max_dpi: int = MAX_PRINT_DPI,
                    on_page: Callable[[int, int], bool] | None = None) -> int:
    """Print every page of ``pdf`` on ``printer`` (already chosen); return the pages sent.

    ``on_page(done, total)`` is called after each page (a progress bar); returning False
    stops before the next page (the pages sent so far still print).
    """
    loaded = LoadedPdf(pdf)
    try:
        prepare_printer(printer, loaded)
        dpi = min(printer.resolution(), max_dpi)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"cannot print to {printer.printerName() or 'the printer'}")
        try:
            for index in range(loaded.page_count):
                if index and not printer.newPage():
                    raise PrintError("printer refused a new page")
                target = printer.pageLayout().fullRectPixels(printer.resolution())
                painter.drawImage(target, loaded.render(index, dpi))
                if on_page is not None and not on_page(index + 1, loaded.page_count):
                    return index + 1
        finally:
            painter.end()
        return loaded.page_count
    finally:
        loaded.close()


def save_pdf_bytes(pdf: bytes, path: str | Path) -> Path:
    """Write the PDF as it is (Save as PDF… is always possible, printer or not)."""
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    target.write_bytes(pdf)
    return target
