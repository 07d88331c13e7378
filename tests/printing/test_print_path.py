"""The one print path without a real printer: QPrinter → PDF file, and the preview dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm

from app.printing.documents.printer_test_page import TEST_PAGE_NUMBER, printer_test_page
from app.printing.output import LoadedPdf, PrintError, page_layout_for, print_pdf_bytes
from app.printing.registry import PrinterGroup, Rendered
from app.printing.styles import A4
from app.printouts import trail
from app.services.context import ServiceContext
from app.ui.dialogs.print_preview_dialog import PrintJob, PrintPreviewDialog
from app.ui.printing_ui import document_job
from app.ui.settings_store import SettingsStore
from tests.helpers.pdf import PdfCheck
from tests.helpers.print_samples import HEADER, LongList


def file_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def settings(tmp_path: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.mark.parametrize(("fmt", "size_mm"), [("a4", (210, 297)), ("label", (100, 70))])
def test_printed_page_has_the_pdf_page_size_and_readable_codes(
        qapp: object, tmp_path: Path, pdfcheck: PdfCheck, fmt: str, size_mm: tuple[int, int]):
    # given a document and a printer writing to a file
    out = tmp_path / "printed.pdf"
    # when it goes through the app's print code
    pages = print_pdf_bytes(printer_test_page(HEADER, fmt), file_printer(out))
    # then the printed page has the document's size (no margins, no scaling) …
    printed = out.read_bytes()
    assert pages == pdfcheck.pages(printed) == 1
    width, height = pdfcheck.page_size_mm(printed)
    assert abs(width - size_mm[0]) < 1 and abs(height - size_mm[1]) < 1
    # … and the QR code still reads from the printed image
    assert TEST_PAGE_NUMBER in pdfcheck.codes(printed)


def test_thermal_receipt_prints_on_an_80mm_custom_page(qapp: object, tmp_path: Path,
                                                        pdfcheck: PdfCheck):
    pdf = printer_test_page(HEADER, "thermal")
    out = tmp_path / "receipt.pdf"
    print_pdf_bytes(pdf, file_printer(out))
    assert pdfcheck.page_size_mm(out.read_bytes())[0] == pytest.approx(80, abs=0.5)
    assert pdfcheck.page_size_mm(out.read_bytes())[1] == pytest.approx(
        pdfcheck.page_size_mm(pdf)[1], abs=0.5)
    assert pdfcheck.codes(out.read_bytes(), dpi=203).count(TEST_PAGE_NUMBER) == 2


def test_a_landscape_a4_page_goes_to_the_printer_as_a4_turned_not_a_custom_page(
        qapp: object, tmp_path: Path, pdfcheck: PdfCheck):
    # given a register month (A4 landscape) and a label (100 × 70 mm, wider than tall)
    register = LongList(40, pagesize=landscape(A4)).generate()
    loaded = LoadedPdf(register)
    try:
        layout = page_layout_for(loaded.page_points(0))
    finally:
        loaded.close()
    # then the register is the driver's A4 in landscape …
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    # … the label stays a custom 100 × 70 medium, never rotated
    label = page_layout_for(QSizeF(100 * mm, 70 * mm))
    assert label.orientation() == QPageLayout.Orientation.Portrait
    assert label.pageSize().id() == QPageSize.PageSizeId.Custom
    # and the printed register is 297 × 210 mm on every page
    out = tmp_path / "register.pdf"
    print_pdf_bytes(register, file_printer(out), max_dpi=100)
    assert pdfcheck.page_size_mm(out.read_bytes()) == pytest.approx((297, 210), abs=1)


def test_every_page_of_a_long_document_is_printed_and_progress_can_stop(
        qapp: object, tmp_path: Path, pdfcheck: PdfCheck):
    pdf = LongList(150).generate()
    total = pdfcheck.pages(pdf)
    out = tmp_path / "all.pdf"
    assert print_pdf_bytes(pdf, file_printer(out), max_dpi=100) == total
    assert pdfcheck.pages(out.read_bytes()) == total
    seen: list[tuple[int, int]] = []
    stopped = print_pdf_bytes(pdf, file_printer(tmp_path / "two.pdf"), max_dpi=100,
                              on_page=lambda done, n: seen.append((done, n)) or done < 2)
    assert stopped == 2 and seen == [(1, total), (2, total)]


def test_bytes_that_are_not_a_pdf_are_refused(qapp: object, tmp_path: Path):
    with pytest.raises(PrintError):
        print_pdf_bytes(b"not a pdf", file_printer(tmp_path / "x.pdf"))


# ---- the preview dialog --------------------------------------------------------------


def make_job(outputs: list[tuple[str, bool, str]]) -> PrintJob:
    def render(reprint: bool) -> Rendered:
        return Rendered(LongList(60, reprint=reprint).generate(), "list.pdf")

    return PrintJob("测试", PrinterGroup.FORMS, render,
                    on_output=lambda *args: outputs.append(args))


@pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen platform, shown window
def test_preview_shows_every_page_and_zooms(qtbot: QtBot, settings: SettingsStore):
    # given the preview of a two-page document
    dialog = PrintPreviewDialog(make_job([]), settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    # then each page is an image, and zooming in makes them bigger
    assert dialog.page_count == len(dialog.page_labels()) == 2
    width = dialog.page_labels()[0].pixmap().width()
    dialog.set_zoom(200)
    qtbot.waitUntil(lambda: len(dialog.page_labels()) == 2)
    assert dialog.page_labels()[0].pixmap().width() == pytest.approx(width * 2, rel=0.02)
    assert "2" in dialog.findChild(type(dialog.page_labels()[0]), "info").text()


def test_printing_from_the_preview_records_the_copy_and_marks_the_next_one(
        qtbot: QtBot, settings: SettingsStore, tmp_path: Path, pdfcheck: PdfCheck):
    # given the preview of an original
    outputs: list[tuple[str, bool, str]] = []
    dialog = PrintPreviewDialog(make_job(outputs), settings=settings)
    qtbot.addWidget(dialog)
    assert not dialog.reprint and "补打" not in pdfcheck.flat_text(dialog.pdf)
    # when the user prints it (the OS dialog accepted) …
    dialog.ask_printer = lambda printer: True  # type: ignore[method-assign]
    dialog.make_printer = lambda: file_printer(tmp_path / "p.pdf")  # type: ignore[method-assign]
    assert dialog.ask_and_print()
    # then the copy is recorded as the original, and the preview now shows a reprint
    assert outputs == [("print", False, str(tmp_path / "p.pdf"))]
    assert dialog.reprint and "补打REPRINT" in pdfcheck.flat_text(dialog.pdf)
    # when saved as PDF afterwards, the file is the reprint, recorded as such
    assert dialog.save_to(str(tmp_path / "copy"))
    assert "补打REPRINT" in pdfcheck.flat_text((tmp_path / "copy.pdf").read_bytes())
    assert outputs[-1] == ("save_pdf", True, str(tmp_path / "copy.pdf"))


def test_cancelled_print_dialog_prints_and_records_nothing(qtbot: QtBot,
                                                           settings: SettingsStore):
    outputs: list[tuple[str, bool, str]] = []
    dialog = PrintPreviewDialog(make_job(outputs), settings=settings)
    qtbot.addWidget(dialog)
    dialog.ask_printer = lambda printer: False  # type: ignore[method-assign]
    assert not dialog.ask_and_print()
    assert outputs == [] and not dialog.reprint


def test_saving_a_numbered_document_is_on_the_audit_trail(
        qtbot: QtBot, clerk: ServiceContext, settings: SettingsStore, tmp_path: Path,
        pdfcheck: PdfCheck):
    # given the clerk previews the A5 test page through the registry
    job = document_job(clerk, "test-page", "a5")
    dialog = PrintPreviewDialog(job, settings=settings)
    qtbot.addWidget(dialog)
    assert pdfcheck.page_size_mm(dialog.pdf) == (148.0, 210.0)
    # when saved twice
    assert dialog.save_to(str(tmp_path / "a.pdf"))
    assert dialog.save_to(str(tmp_path / "b.pdf"))
    # then both copies are on the trail, the second as a reprint, by the clerk
    history = trail.print_history(clerk, "test-page", "a5")
    assert [(e.action, e.username) for e in history] == [("save_pdf", "clerk")] * 2
    assert trail.was_printed(clerk, "test-page", "a5")
    assert "补打" in pdfcheck.flat_text((tmp_path / "b.pdf").read_bytes())
    # and a new preview starts as a reprint
    assert document_job(clerk, "test-page", "a5").reprint


@pytest.mark.qt_log_ignore("QPainter::begin")  # the failure under test
def test_a_printer_that_fails_shows_why_and_records_nothing(
        qtbot: QtBot, settings: SettingsStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    outputs: list[tuple[str, bool, str]] = []
    warnings: list[str] = []
    monkeypatch.setattr("app.ui.dialogs.print_preview_dialog.QMessageBox.warning",
                        lambda parent, title, text: warnings.append(text))
    dialog = PrintPreviewDialog(make_job(outputs), settings=settings)
    qtbot.addWidget(dialog)
    broken = file_printer(tmp_path / "no-such-folder" / "x.pdf")
    assert not dialog.print_now(broken)
    assert len(warnings) == 1 and outputs == [] and not dialog.reprint
