""""Export to Excel…" on the lists: what the page shows, with its filter, into a real file."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from app.ui import list_export_ui
from app.ui.pages.call_log_page import CallLogPage
from app.ui.session import AppSession
from tests.helpers.calls import three_calls
from tests.helpers.ui import type_text


def test_call_log_page_exports_its_filtered_rows(qtbot, db, clerk, login, tmp_path,
                                                 monkeypatch):
    # given three calls and a book filtered on 漏水
    three_calls(clerk)
    opened: list[Path] = []
    monkeypatch.setattr(list_export_ui, "open_folder", opened.append)
    monkeypatch.setattr(list_export_ui, "ask_save_path", lambda _p, _d: tmp_path / "book.xlsx")
    page = CallLogPage(AppSession(db, login("super")))
    qtbot.addWidget(page)
    type_text(page.search_edit, "漏水")
    page.refresh()
    # when the supervisor exports
    page.action_export.trigger()
    qtbot.waitUntil(lambda: opened == [tmp_path], timeout=20000)
    # then the file holds the two leak calls with full phones
    rows = list(openpyxl.load_workbook(tmp_path / "book.xlsx").active.iter_rows(
        values_only=True))
    assert len(rows) == 3
    assert all("漏水" in row[5] for row in rows[1:])
    assert rows[1][3] == "13812345678"


def test_receivables_export_totals_equal_the_service(qtbot, db, clerk, login, tmp_path,
                                                     monkeypatch):
    # given two billed jobs, one partly paid
    from decimal import Decimal

    from app.services import billing_service as billing
    from app.services import payments_service as payments
    from app.ui.pages.money_page import MoneyPage
    from tests.helpers.on_site import on_site_job, visit

    supervisor, tech = login("super"), login("tech")
    for paid in ("50", None):
        call, job = on_site_job(clerk, supervisor)
        visit(tech, job, minutes=90)
        bill = billing.make_bill(clerk, call.id)
        if paid:
            payments.collect(tech, bill.id, amount=Decimal(paid), method="cash",
                             place="on_site")
    opened: list[Path] = []
    monkeypatch.setattr(list_export_ui, "open_folder", opened.append)
    monkeypatch.setattr(list_export_ui, "ask_save_path", lambda _p, _d: tmp_path / "r.xlsx")
    page = MoneyPage(AppSession(db, clerk))
    qtbot.addWidget(page)
    # when the clerk exports the receivables tab
    page.tabs.setCurrentWidget(page.receivable_list)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    # then the outstanding total in the file equals the service's to the cent
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    expected = payments.receivables(clerk)
    assert len(rows) == len(expected) == 2
    assert round(sum(Decimal(str(r[5])) for r in rows) * 100) == sum(
        r.outstanding_cents for r in expected)
    assert ws["F2"].number_format == '"￥"#,##0.00'
    assert page.export_message.text()


def test_register_page_exports_its_filter(qtbot, db, clerk, login, tmp_path, monkeypatch):
    # given two items in the store
    from app.ui.pages.register_page import RegisterPage
    from tests.helpers.carry_in import walk_in

    walk_in(clerk)
    walk_in(clerk, new_customer=False)
    opened: list[Path] = []
    monkeypatch.setattr(list_export_ui, "open_folder", opened.append)
    monkeypatch.setattr(list_export_ui, "ask_save_path", lambda _p, _d: tmp_path / "g.xlsx")
    page = RegisterPage(AppSession(db, login("super")))
    qtbot.addWidget(page)
    # when the "out" state (nothing returned yet) is exported, the file has only the header
    page.state_combo.setCurrentIndex(page.state_combo.findData("out"))
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert openpyxl.load_workbook(tmp_path / "g.xlsx").active.max_row == 1
    # and "in" gives both items
    opened.clear()
    page.state_combo.setCurrentIndex(page.state_combo.findData("in"))
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    ws = openpyxl.load_workbook(tmp_path / "g.xlsx").active
    assert ws.max_row == 3 and ws.freeze_panes == "A2"


def test_repairs_list_exports_late_only_when_ticked(qtbot, db, clerk, login, tmp_path,
                                                     monkeypatch):
    from app.ui.pages.carry_in_page import CarryInPage
    from tests.helpers.carry_in import walk_in

    walk_in(clerk)
    walk_in(clerk, new_customer=False)
    opened: list[Path] = []
    monkeypatch.setattr(list_export_ui, "open_folder", opened.append)
    monkeypatch.setattr(list_export_ui, "ask_save_path", lambda _p, _d: tmp_path / "c.xlsx")
    page = CarryInPage(AppSession(db, login("super")))
    qtbot.addWidget(page)
    page.buttons["export"].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert openpyxl.load_workbook(tmp_path / "c.xlsx").active.max_row == 3
    # with "Late only" ticked, nothing is late yet: only the header row
    opened.clear()
    page.late_check.setChecked(True)
    page.buttons["export"].click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    assert openpyxl.load_workbook(tmp_path / "c.xlsx").active.max_row == 1
