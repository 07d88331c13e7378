"""Find by number from anywhere, by keyboard: F3 (the global field) and the book's search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import calls_service, customers_service
from app.services.calls_service import CallInput
from app.services.context import ServiceContext
from tests.helpers.carry_in import walk_in
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, open_window, settle

pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]
__all__ = ["chinese"]  # the fixture


def _f3_search(qtbot: QtBot, window, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.search_edit.hasFocus()
    qtbot.keyClicks(window.search_edit, text)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Return)
    settle()


@pytest.fixture
def calls(clerk: ServiceContext) -> list[str]:
    zhang = customers_service.find_customers(clerk, "张伟")[0]
    return [calls_service.register_call(clerk, CallInput(f, customer_id=zhang.id)).number
            for f in ("不制冷", "漏水", "不通电")]


@pytest.mark.parametrize("how", ["full", "lower", "bare"])
def test_f3_opens_a_call_by_its_number(qtbot: QtBot, db: Database, calls: list[str], how: str):
    # given the clerk on another book, an old message in the call book
    window = open_window(qtbot, db, "clerk")
    book = window.open_page("calls")
    book.info_label.setText("叫修 C0000-0000 已注销")
    window.open_page("carry_in")
    wanted = calls[1]
    typed = {"full": wanted, "lower": wanted.lower(), "bare": wanted[1:]}[how]
    # when F3, the number, Enter
    _f3_search(qtbot, window, typed)
    # then the book shows that call alone, current, and the old message is gone
    assert window.current_page_key() == "calls"
    assert [book.model.row_at(r).number for r in range(book.model.rowCount())] == [wanted]
    assert book.selected_call_id() is not None
    assert "C0000" not in book.info_label.text()


def test_f3_with_an_unknown_number_says_so(qtbot: QtBot, db: Database, calls: list[str]):
    # given the clerk on the carry-in book
    window = open_window(qtbot, db, "clerk")
    window.open_page("carry_in")
    # when an unknown receipt number is scanned
    _f3_search(qtbot, window, "R2612-9999")
    # then the clerk stays where she was and is told nothing has that number
    assert window.current_page_key() == "carry_in"
    assert "R2612-9999" in window.statusBar().currentMessage()
    assert "没有" in window.statusBar().currentMessage()


def test_f3_finds_a_receipt_and_a_voucher_s_call(qtbot: QtBot, db: Database, clerk):
    carry = walk_in(clerk)
    window = open_window(qtbot, db, "clerk")
    _f3_search(qtbot, window, carry.receipt_number.lower())
    page = window.page("carry_in")
    assert window.current_page_key() == "carry_in"
    assert page.job is not None and page.job.receipt_number == carry.receipt_number


def test_the_book_search_finds_a_number_and_says_when_nothing_matches(
        qtbot: QtBot, db: Database, calls: list[str]):
    window = open_window(qtbot, db, "clerk")
    book = window.open_page("calls")
    book.search_edit.setFocus()
    qtbot.keyClicks(book.search_edit, calls[0][1:].lower())
    qtbot.keyClick(book.search_edit, Qt.Key.Key_Return)
    settle()
    assert [book.model.row_at(r).number for r in range(book.model.rowCount())] == [calls[0]]
    book.search_edit.clear()
    qtbot.keyClicks(book.search_edit, "C2001-9999")
    qtbot.keyClick(book.search_edit, Qt.Key.Key_Return)
    settle()
    assert book.model.rowCount() == 0
    assert "C2001-9999" in book.info_label.text()
