"""End to end: the app's own print code → a real CUPS queue (CUPS-PDF) → the printed page.

The print path paints page images (ECOSYSTEM.md), so the printed PDF holds pixels, not text:
what was printed is checked by reading its QR code and barcode back, and its page size.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot

from app.printing.documents.printer_test_page import TEST_PAGE_NUMBER, printer_test_page
from app.printing.output import print_pdf_bytes
from app.printing.registry import PrinterGroup, Rendered
from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from app.ui.settings_store import SettingsStore
from tests.printing.conftest import PdfCheck
from tests.printing.cups_queue import CupsQueue, wait_for
from tests.printing.samples import HEADER, Receipt


def queue_printer(queue: CupsQueue, title: str) -> QPrinter:
    assert wait_for(lambda: queue.name in QPrinterInfo.availablePrinterNames(), 10), \
        "Qt does not list the CUPS queue"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(queue.name)
    printer.setDocName(title)
    return printer


def unique_title(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def test_receipt_prints_through_cups_on_an_80mm_roll(
        qapp: object, cups_queue: CupsQueue, pdfcheck: PdfCheck):
    # given an 80 mm receipt long enough to need a custom page length
    pdf = printer_test_page(HEADER, "thermal")
    expected_w, expected_h = pdfcheck.page_size_mm(pdf)
    title = unique_title("sc-receipt")
    # when the app prints it to the CUPS queue
    assert print_pdf_bytes(pdf, queue_printer(cups_queue, title)) == 1
    # then CUPS-PDF writes one page of the receipt's size …
    printed_file = cups_queue.printed_file(title)
    assert printed_file is not None, f"nothing printed in {cups_queue.out_dir}"
    printed = printed_file.read_bytes()
    assert pdfcheck.pages(printed) == 1
    width, height = pdfcheck.page_size_mm(printed)
    assert width == pytest.approx(expected_w, abs=1.0)
    assert height == pytest.approx(expected_h, abs=1.0)
    # … and the receipt's QR code and barcode read back from the printed page
    assert pdfcheck.codes(printed, dpi=203).count(TEST_PAGE_NUMBER) == 2


def test_a_short_and_a_long_receipt_come_out_at_their_own_lengths(
        qapp: object, cups_queue: CupsQueue, pdfcheck: PdfCheck):
    heights = []
    for lines in (3, 60):
        title = unique_title(f"sc-len{lines}")
        print_pdf_bytes(Receipt(lines).generate(), queue_printer(cups_queue, title))
        printed_file = cups_queue.printed_file(title)
        assert printed_file is not None
        heights.append(pdfcheck.page_size_mm(printed_file.read_bytes())[1])
    assert heights[1] > heights[0] + 150


def test_preview_prints_to_the_queue_and_remembers_it_for_receipts(
        qtbot: QtBot, cups_queue: CupsQueue, tmp_path: Path, pdfcheck: PdfCheck):
    # given the preview of a receipt on a PC that has not chosen a receipt printer yet
    settings = SettingsStore(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    title = unique_title("sc-preview")
    job = PrintJob("收据", PrinterGroup.RECEIPTS,
                   lambda reprint: Rendered(printer_test_page(HEADER, "thermal", reprint=reprint),
                                            f"{title}.pdf"))
    dialog = PrintPreviewDialog(job, settings=settings)
    qtbot.addWidget(dialog)

    # when the user picks the queue in the print dialog and prints
    def choose_queue(printer: QPrinter) -> bool:
        printer.setPrinterName(cups_queue.name)
        return True

    dialog.ask_printer = choose_queue  # type: ignore[method-assign]
    assert dialog.ask_and_print()
    # then the page comes out of the queue and the PC remembers the printer for receipts
    assert cups_queue.printed_file(title) is not None
    assert settings.printer_for("receipts") == cups_queue.name
    assert dialog.make_printer().printerName() == cups_queue.name
    assert settings.printer_for("forms") is None


def test_a_landscape_tag_prints_through_cups_at_its_size(
        qapp: object, cups_queue: CupsQueue, pdfcheck: PdfCheck):
    title = unique_title("sc-tag")
    print_pdf_bytes(printer_test_page(HEADER, "label"), queue_printer(cups_queue, title))
    printed_file = cups_queue.printed_file(title)
    assert printed_file is not None
    printed = printed_file.read_bytes()
    assert pdfcheck.page_size_mm(printed) == pytest.approx((100, 70), abs=1.0)  # not turned
    assert TEST_PAGE_NUMBER in pdfcheck.codes(printed)
