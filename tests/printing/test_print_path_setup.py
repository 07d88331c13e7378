"""Printers of this PC: one per document group, remembered, with a test page each."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from app.printing.documents.printer_test_page import TEST_PAGE_NUMBER
from app.printing.registry import PrinterGroup
from app.services.context import ServiceContext
from app.ui.printing_ui import printer_test_pages
from app.ui.settings_store import SettingsStore
from app.ui.widgets.printer_setup import PrinterSetupWidget
from tests.helpers.pdf import PdfCheck


@pytest.fixture
def settings(tmp_path: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_each_group_remembers_its_own_printer(qtbot: QtBot, settings: SettingsStore):
    # given a PC with a laser and a thermal printer, and an old label printer remembered
    settings.set_printer_for("tags", "Zebra-old")
    setup = PrinterSetupWidget(settings, printers=["HP-Laser", "XP-80C"])
    qtbot.addWidget(setup)
    assert setup.choice(PrinterGroup.FORMS) == ""  # ask when printing
    assert setup.choice(PrinterGroup.TAGS) == "Zebra-old"  # kept, though not found now
    # when the clerk picks a printer per group and saves
    setup.set_choice(PrinterGroup.FORMS, "HP-Laser")
    setup.set_choice(PrinterGroup.RECEIPTS, "XP-80C")
    setup.save()
    # then each group has its printer on this PC
    reread = SettingsStore(QSettings(settings.qsettings.fileName(), QSettings.Format.IniFormat))
    assert [reread.printer_for(g.value) for g in PrinterGroup] == ["HP-Laser", "XP-80C",
                                                                   "Zebra-old"]


def test_test_page_goes_to_the_printer_in_the_groups_format(
        qtbot: QtBot, clerk: ServiceContext, settings: SettingsStore, tmp_path: Path,
        pdfcheck: PdfCheck):
    setup = PrinterSetupWidget(settings, printers=[], test_page=printer_test_pages(clerk))
    qtbot.addWidget(setup)
    # without a chosen printer the button says what to do
    assert not setup.print_test_page(PrinterGroup.RECEIPTS)
    assert setup.message.text()
    # with a printer the store's 80 mm test page is printed
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "test.pdf"))
    assert setup.print_test_page(PrinterGroup.RECEIPTS, printer)
    printed = (tmp_path / "test.pdf").read_bytes()
    assert pdfcheck.page_size_mm(printed)[0] == pytest.approx(80, abs=0.5)
    assert TEST_PAGE_NUMBER in pdfcheck.codes(printed, dpi=203)
