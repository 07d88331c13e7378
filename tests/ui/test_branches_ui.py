"""Branches on screen (issue 17): a branch clerk's call-log book, the service department's
consolidation, a branch manager's signature reaching the service department."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import report_flow_service as flow
from app.ui.main_window import MainWindow
from tests.helpers.service_dept import YESTERDAY_CALLS, Company, make_company
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, open_window, settle

__all__ = ["chinese"]
pytestmark = IGNORE_OFFSCREEN


@pytest.fixture
def company(db, login) -> Company:
    return make_company(login)


def _cells(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _book_numbers(window: MainWindow, day: date | None = None) -> list[str]:
    """The call numbers the call-log book shows (of ``day`` only, if given)."""
    page = window.open_page("calls")
    assert page is not None
    if day is not None:
        for edit in (page.from_edit, page.to_edit):  # type: ignore[attr-defined]
            edit.setDate(QDate(day.year, day.month, day.day))
        page.refresh()  # type: ignore[attr-defined]
    settle()
    return [row.number for row in page.model.rows()]  # type: ignore[attr-defined]


def _open_dept_page(qtbot: QtBot, db: Database):  # type: ignore[no-untyped-def]
    window = open_window(qtbot, db, "admin")
    assert "service_dept" in window.visible_page_keys()
    page = window.open_page("service_dept")
    assert page is not None
    settle()
    return page


def test_a_branch_clerk_sees_only_the_branchs_calls(
        qtbot: QtBot, chinese: QApplication, db: Database, company: Company) -> None:
    office_numbers = _book_numbers(open_window(qtbot, db, "admin"))
    first_branch = [n for n in office_numbers if not n.startswith("C02-")]
    assert first_branch  # branch 1 has calls in the company's book
    window = open_window(qtbot, db, "clerk_b2")
    numbers = _book_numbers(window)
    assert len(numbers) == 1 + YESTERDAY_CALLS[2]
    assert all(n.startswith("C02-") for n in numbers)
    assert not set(first_branch) & set(numbers)
    assert "service_dept" not in window.visible_page_keys()  # the department's, not a branch's


def test_the_service_departments_page_consolidates_the_branches_books(
        qtbot: QtBot, chinese: QApplication, db: Database, company: Company) -> None:
    day = company.yesterday
    own = {code: _book_numbers(open_window(qtbot, db, f"clerk_b{n}"), day)
           for n, code in ((1, "01"), (2, "02"))}
    page = _open_dept_page(qtbot, db)
    assert page.day == day  # yesterday's books, as the branches send them
    branches, counts = _cells(page.books_model, 0), _cells(page.books_model, 1)
    shown = dict(zip(branches, counts, strict=True))
    assert shown["01"] == str(len(own["01"]))
    assert shown["02 杭州分公司"] == str(len(own["02"]))
    assert shown["全公司合计"] == str(len(own["01"]) + len(own["02"]))
    # the department opens branch 02's book: the very calls the branch's clerk sees
    page.books_view.selectRow(branches.index("02 杭州分公司"))
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert sorted(_cells(page.book_model, 0)) == sorted(own["02"])
    page.refresh()  # the page re-reads (data changed, the timer): the open book stays open
    assert sorted(_cells(page.book_model, 0)) == sorted(own["02"])
    # one branch chosen: only its row (and its total)
    page.branch_combo.setCurrentIndex(page.branch_combo.findText("02 杭州分公司"))
    assert _cells(page.books_model, 0) == ["02 杭州分公司", "全公司合计"]
    assert _cells(page.books_model, 1) == [str(len(own["02"]))] * 2


def test_a_branch_managers_signature_reaches_the_service_department(
        qtbot: QtBot, chinese: QApplication, db: Database, company: Company) -> None:
    day = company.yesterday
    two = company.branch_ids[1]
    flow.submit_supervisor_report(company.people[two]["super"], day)
    dept = _open_dept_page(qtbot, db)
    dept.tabs.setCurrentIndex(2)

    def received_row() -> list[str]:
        dept.refresh()
        model = dept.reports_model
        row = _cells(model, 0).index("02 杭州分公司")
        return [model.index(row, c).data() for c in range(model.columnCount())]

    assert received_row()[1:4] == ["否", "已提交", ""]  # submitted, not signed: not received
    assert "02 杭州分公司" in dept.not_received.text()
    # the branch manager signs and forwards on the daily reports page
    window = open_window(qtbot, db, "boss_b2")
    reports = window.open_page("daily_reports")
    assert reports is not None
    reports.day_edit.setDate(QDate(day.year, day.month, day.day))  # type: ignore[attr-defined]
    reports.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
    sign = reports.flow_buttons["sign"]  # type: ignore[attr-defined]
    assert sign.isVisible() and sign.isEnabled()
    qtbot.mouseClick(sign, Qt.MouseButton.LeftButton)
    assert received_row()[1:4] == ["否", "已签章", "boss2号"]  # signed, not yet forwarded
    forward = reports.flow_buttons["forward"]  # type: ignore[attr-defined]
    qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
    row = received_row()
    assert row[1:4] == ["是", "已转送", "boss2号"] and row[4]  # with the time it was signed
    assert "02 杭州分公司" not in dept.not_received.text()
