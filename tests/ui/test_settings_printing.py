"""Printing like a counter: per PC, each document's printer, paper, and one keystroke or the
dialog, chosen on the Settings page and followed by the print key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.printing.registry import PrinterGroup
from app.ui.pages.settings_page import SettingsPage
from app.ui.pages.settings_printing import DocumentChoice, PrintingTab
from app.ui.printing_ui import CounterChoice, counter_choice
from app.ui.session import AppSession
from app.ui.settings_store import SettingsStore

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _store(path: Path) -> SettingsStore:
    return SettingsStore(QSettings(str(path), QSettings.Format.IniFormat))


def test_receipts_and_tags_print_in_one_keystroke_by_default_forms_through_the_dialog(
        tmp_path: Path) -> None:
    settings = _store(tmp_path / "s.ini")
    settings.set_printer_for("receipts", "Thermal-80")
    settings.set_printer_for("forms", "Laser-A4")
    assert counter_choice(settings, "payment-receipt", "P2611-0001") == CounterChoice(
        "payment-receipt", "P2611-0001", "Thermal-80", True)
    assert counter_choice(settings, "repair-tag", "R2611-0001").silent
    assert counter_choice(settings, "voucher", "V2611-0001") == CounterChoice(
        "voucher", "V2611-0001", "Laser-A4", False)


def test_the_settings_tab_keeps_each_documents_printer_paper_and_keystroke(
        qtbot, db, login, tmp_path: Path) -> None:
    # given this PC's printing tab with two printers
    path = tmp_path / "pc.ini"
    tab = PrintingTab(AppSession(db, login("admin")), settings=_store(path),
                      printers=["Thermal-80", "Laser-A4"])
    qtbot.addWidget(tab)
    assert tab.choice("payment-receipt") == DocumentChoice("", "roll", True)
    assert tab.choice("voucher") == DocumentChoice("", "A5", False)
    # when the payment receipt goes on A5 to the laser through the dialog, the voucher on A4
    # in one keystroke, and the tab is saved
    tab.set_choice("payment-receipt", DocumentChoice("Laser-A4", "A5", False))
    tab.set_choice("voucher", DocumentChoice("", "A4", True))
    tab.groups.set_choice(PrinterGroup.FORMS, "Laser-A4")
    tab.save_button.click()
    # then this PC prints them so (read back from the PC's settings file)
    settings = _store(path)
    assert counter_choice(settings, "payment-receipt", "P2611-0001") == CounterChoice(
        "payment-receipt-a5", "P2611-0001", "Laser-A4", False)
    assert counter_choice(settings, "voucher", "v2611-0001") == CounterChoice(
        "voucher", "v2611-0001@A4", "Laser-A4", True)
    # and a new tab shows what was saved
    again = PrintingTab(AppSession(db, login("admin")), settings=settings,
                        printers=["Thermal-80", "Laser-A4"])
    qtbot.addWidget(again)
    assert again.choice("payment-receipt") == DocumentChoice("Laser-A4", "A5", False)


def test_the_settings_page_has_a_printing_tab(qtbot, db, login) -> None:
    page = SettingsPage(AppSession(db, login("clerk")))
    qtbot.addWidget(page)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert page.tabs.widget(titles.index("Printing (this computer)")) is page.printing


def test_the_printing_tab_fits_a_1366_by_768_screen(qtbot, db, login) -> None:
    # given the settings page on its printing tab, every printable document listed
    page = SettingsPage(AppSession(db, login("admin")))
    qtbot.addWidget(page)
    page.tabs.setCurrentWidget(page.printing)
    # then it asks no more height than a 768-pixel screen leaves below the window's bars,
    # and its save button is on screen without scrolling
    assert page.minimumSizeHint().height() <= 600
    page.resize(1150, 600)
    page.show()
    qtbot.waitExposed(page)
    button = page.printing.save_button
    bottom = button.mapTo(page, button.rect().bottomLeft()).y()
    assert button.isVisible() and bottom <= page.height()
