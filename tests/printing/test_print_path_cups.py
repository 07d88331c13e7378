"""End to end: the app's own print code → a real CUPS queue (CUPS-PDF) → the printed page.

The print path paints page images (ECOSYSTEM.md), so the printed PDF holds pixels, not text:
what was printed is checked by reading its QR code and barcode back, and its page size.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import landscape

from app.cli import CliError
from app.printing.documents.printer_test_page import TEST_PAGE_NUMBER, printer_test_page
from app.printing.output import print_pdf_bytes
from app.printing.registry import PrinterGroup, Rendered
from app.printing.styles import A4
from app.printouts import trail
from app.services.context import ServiceContext
from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from app.ui.pages.carry_in_page import CarryInPage
from app.ui.session import AppSession
from app.ui.settings_store import SettingsStore
from tests.helpers.carry_in import walk_in
from tests.helpers.cups_queue import CupsQueue, wait_for
from tests.helpers.pdf import PdfCheck
from tests.helpers.print_samples import HEADER, LongList, Receipt
from tests.helpers.printing import counter_payment, run_print


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


# ---- printing like a counter: one keystroke, --printer, landscape A4 ---------------------

def _history(ctx: ServiceContext, kind: str, number: str) -> list[str]:
    return [event.action for event in trail.print_history(ctx, kind, number)]


def test_a_receipt_prints_in_one_keystroke_on_the_counters_printer(
        qtbot: QtBot, db: object, login, cups_queue: CupsQueue, pdfcheck: PdfCheck):
    # given a counter PC whose receipt printer is the queue (receipts: no dialog by default)
    settings = SettingsStore()
    settings.set_printer_for("receipts", cups_queue.name)
    settings.sync()
    page = CarryInPage(AppSession(db, login("clerk")))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    job = walk_in(page.session.ctx)
    assert page.open_number(job.receipt_number)
    page.open_preview = lambda *_: pytest.fail("a dialog opened")  # type: ignore[method-assign]
    page.windowHandle().requestActivate()  # offscreen: shortcuts need the active window
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    # when the clerk presses Ctrl+P twice
    printed = []
    for _ in range(2):
        qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        out = cups_queue.printed_file(f"item-receipt-{job.receipt_number}")
        assert out is not None, f"nothing printed in {cups_queue.out_dir}"
        printed.append(out.read_bytes())
    # then two 80 mm copies came out of the printer, each read back by its QR code …
    for copy in printed:
        assert pdfcheck.page_size_mm(copy)[0] == pytest.approx(80, abs=1.0)
        assert job.receipt_number in pdfcheck.codes(copy, dpi=203)
    # … recorded once each, the second as the reprint, and counted on the receipt
    assert _history(page.session.ctx, "item-receipt", job.receipt_number) == ["print",
                                                                               "reprint"]
    assert page.job is not None and page.job.print_count == 2
    assert cups_queue.name in page.message.text()


def test_the_command_line_prints_a_payment_receipt_on_a_named_printer(
        db: object, clerk: ServiceContext, tmp_path: Path, cups_queue: CupsQueue,
        pdfcheck: PdfCheck):
    number = counter_payment(clerk)
    for _ in range(2):
        assert run_print(tmp_path, "payment-receipt", number.lower(),
                         "--printer", cups_queue.name) == 0
        out = cups_queue.printed_file(f"payment-receipt-{number}")
        assert out is not None
        printed = out.read_bytes()
        assert pdfcheck.page_size_mm(printed)[0] == pytest.approx(80, abs=1.0)
        assert number in pdfcheck.codes(printed, dpi=203)
    assert _history(clerk, "payment-receipt", number) == ["print", "reprint"]
    # a printer this computer does not have: exit 2 with the reason, nothing recorded
    with pytest.raises(CliError) as err:
        run_print(tmp_path, "payment-receipt", number, "--printer", "no-such-printer")
    assert "no-such-printer" in str(err.value)
    assert len(_history(clerk, "payment-receipt", number)) == 2


def test_the_a4_register_goes_to_the_queue_as_a4_landscape(
        qapp: object, cups_queue: CupsQueue, pdfcheck: PdfCheck):
    title = unique_title("sc-register")
    register = LongList(60, pagesize=landscape(A4)).generate()
    pages = print_pdf_bytes(register, queue_printer(cups_queue, title), max_dpi=150)
    out = cups_queue.printed_file(title)
    assert out is not None
    printed = out.read_bytes()
    assert pages == pdfcheck.pages(printed) == pdfcheck.pages(register) > 1
    # an A4 sheet as the driver knows it (not a custom 297 × 210 medium) …
    assert pdfcheck.page_size_mm(printed) == pytest.approx((210, 297), abs=1.0)
    # … with the register turned onto it at full size: its lines run along the long side
    from PIL import Image, ImageOps

    with Image.open(pdfcheck.png(printed, dpi=30)[0]) as page:
        left, top, right, bottom = ImageOps.invert(page.convert("L")).getbbox()
    assert (bottom - top) > 0.85 * page.height and (bottom - top) > 1.2 * (right - left)
