"""A saved take-in prints the receipt and the repair card in one go, each on its printer, as
this PC's setting says; a printer that fails keeps the saved take-in and offers a reprint
(the second copy is marked 补打)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from app.printing.output import PrintError
from app.printing.registry import PrintKind
from app.printouts import trail
from app.services import carry_in_service
from app.ui.dialogs.print_preview_dialog import PrintPreviewDialog
from app.ui.pages.carry_in_page import CarryInPage
from app.ui.printing_ui import document_title
from app.ui.session import AppSession
from app.ui.settings_store import SettingsStore
from tests.helpers.pdf import page_count
from tests.helpers.ui_carry_in import activate, capture_prints, drive, walk_in_dialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
RECEIPTS, TAGS = "票据打印机", "标签打印机"


class FilePrinters:
    """The PC's printers, each copy printed to a PDF file of its own (``copies``)."""

    def __init__(self, folder: Path, broken: set[str]) -> None:
        self.folder, self.broken = folder, broken
        self.copies: list[tuple[str, Path]] = []

    def named(self, name: str) -> QPrinter:
        if name in self.broken:
            raise PrintError(f"{name}: 缺纸")
        path = self.folder / f"copy{len(self.copies) + 1}.pdf"
        self.copies.append((name, path))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer


@pytest.fixture
def printers(monkeypatch, tmp_path) -> FilePrinters:
    found = FilePrinters(tmp_path, set())
    monkeypatch.setattr("app.ui.printing_ui.available_printers", lambda: [RECEIPTS, TAGS])
    monkeypatch.setattr("app.ui.printing_ui.printer_named", found.named)
    settings = SettingsStore()  # this PC: the receipt on the roll printer, the card on labels
    settings.set_document_printer("item-receipt", RECEIPTS)
    settings.set_document_printer("repair-tag", TAGS)
    settings.sync()
    return found


@pytest.fixture
def page(qtbot, db, login):
    widget = CarryInPage(AppSession(db, login("clerk")))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pages(path: Path) -> int:
    """Pages painted on the printer (the print path paints each page as an image)."""
    return page_count(path)


def _trail(ctx, kind: str, number: str) -> list[tuple[str, str]]:
    """(action, printer) of each copy of document ``number`` on the print trail."""
    return [(e.action, e.detail) for e in trail.print_history(ctx, kind, number)]


def _take_in(qtbot, page: CarryInPage) -> str:
    drive(page, qtbot, walk_in_dialog(qtbot))
    activate(qtbot, page.buttons["walk_in"])
    assert page.job is not None
    return page.job.receipt_number


def test_saving_a_walk_in_prints_receipt_and_card_on_their_printers(qtbot, page, printers):
    # given this PC prints both on saving a take-in (the default)
    previews = capture_prints(page)
    # when the clerk saves a walk-in take-in
    number = _take_in(qtbot, page)
    # then the receipt went to the receipt printer and the card to the label printer, at once
    assert [name for name, _ in printers.copies] == [RECEIPTS, TAGS]
    assert all(_pages(path) == 1 for _, path in printers.copies)
    ctx = page.session.ctx
    (_, receipt), (_, card) = printers.copies
    assert _trail(ctx, "item-receipt", number) == [("print", str(receipt))]
    assert _trail(ctx, "repair-tag", number) == [("print", str(card))]
    assert previews == []  # no dialog in between
    assert "Printed" in page.message.text() and number in page.message.text()
    # and the next copy of the receipt is a reprint (补打)
    activate(qtbot, page.buttons["print_receipt"])
    assert [a for a, _ in _trail(ctx, "item-receipt", number)] == ["print", "reprint"]
    assert "reprint" in page.message.text()


@pytest.mark.parametrize(("choice", "expected"), [("receipt", [RECEIPTS]), ("tag", [TAGS])])
def test_the_setting_says_which_documents_print(qtbot, page, printers, choice, expected):
    # given this PC set to print only some documents on saving a take-in
    settings = SettingsStore()
    settings.set_take_in_prints(choice)
    settings.sync()
    # when a walk-in is saved
    _take_in(qtbot, page)
    # then only those printed
    assert [name for name, _ in printers.copies] == expected


def test_a_failed_printer_keeps_the_take_in_and_offers_a_reprint(qtbot, page, printers, login):
    # given the label printer out of paper
    printers.broken.add(TAGS)
    asked: list[list[str]] = []

    def ask(number: str, failed) -> bool:
        asked.append([r.document for r in failed])
        printers.broken.clear()  # paper put in: print again
        return True

    page.ask_reprint = ask  # type: ignore[method-assign]
    # when the walk-in is saved
    number = _take_in(qtbot, page)
    # then the take-in is in the book all the same
    job = carry_in_service.find_by_number(login("clerk"), number)
    assert job is not None and job.receipt_number == number
    # and the clerk was told the card did not print, and offered to print it again
    assert asked == [["repair-tag"]]
    # and the card printed on the second try; the receipt only once
    assert [name for name, _ in printers.copies] == [RECEIPTS, TAGS]
    assert _trail(page.session.ctx, "repair-tag", number) == [
        ("print", str(printers.copies[1][1]))]


def test_a_reprint_declined_leaves_the_take_in_saved_and_says_so(qtbot, page, printers, login):
    # given both printers failing
    printers.broken.update({RECEIPTS, TAGS})
    page.ask_reprint = lambda number, failed: False  # type: ignore[method-assign]
    # when the walk-in is saved
    number = _take_in(qtbot, page)
    # then it is saved, nothing printed, and the page says what did not print
    assert carry_in_service.find_by_number(login("clerk"), number) is not None
    assert printers.copies == []
    text = page.message.text()
    assert number in text and "Not printed" in text and "缺纸" in text


def test_a_pc_choosing_the_printer_when_printing_gets_both_previews(qtbot, page, monkeypatch):
    # given this PC with no printer chosen for receipts or cards (打印时选择, a new PC)
    monkeypatch.setattr("app.ui.printing_ui.available_printers", lambda: [RECEIPTS])
    before = _open_previews()
    # when the clerk saves a walk-in take-in
    number = _take_in(qtbot, page)
    # then the receipt's and the card's previews are open, to print from (the clerk picks
    # the printer there), and the page says so without an error
    shown = [w for w in _open_previews() if w not in before]
    titles = [document_title(PrintKind.ITEM_RECEIPT), document_title(PrintKind.REPAIR_TAG)]
    assert len(shown) == 2 and all(
        any(title in w.windowTitle() for w in shown) for title in titles), [
        w.windowTitle() for w in shown]
    assert page.message.styleSheet() == "" and number in page.message.text()
    # and nothing counts as printed until they print (the first copy is not a reprint)
    assert _trail(page.session.ctx, "item-receipt", number) == []
    for dialog in shown:
        dialog.close()


def _open_previews() -> list[PrintPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, PrintPreviewDialog) and w.isVisible()]
