"""The registers page: pick a register, filter, print it, export the filtered lines, analyse
feedback, open a customer's file from the customer register."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from app.services import feedback_service, survey_dto
from app.services import survey_service as surveys
from app.ui import list_export_ui
from app.ui.pages.voice_registers_page import VoiceRegistersPage
from app.ui.session import AppSession
from tests.helpers.ui import type_text
from tests.helpers.ui_voice import dialog_driver as _driver
from tests.helpers.ui_voice import show_page as _show
from tests.helpers.voice import at, completed_call

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _cards(login):
    clerk = at(login("clerk"), date(2026, 11, 20), 18)
    completed_call(clerk)
    completed_call(clerk, technician="tech2")
    cards = surveys.issue_cards_for_day(clerk, date(2026, 11, 20))
    surveys.enter_returned_card(clerk, cards[0].id, survey_dto.Ratings(2, 3, 1, 2), via="paper",
                                expected_version=cards[0].version, comments="师傅迟到")
    return at(login("super"), date(2026, 11, 28), 10)


def test_the_survey_register_filters_prints_and_exports_its_filter(qtbot, db, login, tmp_path,
                                                                  monkeypatch):
    boss = _cards(login)
    page = _show(qtbot, VoiceRegistersPage(AppSession(db, boss)))
    page.set_register("surveys")
    assert page.table.rowCount() == 2
    page.state_combo.setCurrentIndex(page.state_combo.findData("returned"))
    assert page.table.rowCount() == 1
    shown = []
    page.show_print = shown.append
    page.print_register()
    assert shown and shown[0].render(False).pdf.startswith(b"%PDF")

    opened: list[Path] = []
    monkeypatch.setattr(list_export_ui, "open_folder", opened.append)
    monkeypatch.setattr(list_export_ui, "ask_save_path", lambda _p, _d: tmp_path / "s.xlsx")
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    assert ws.max_row == 2  # the header and the one returned card: the page's filter


def test_feedback_is_collected_and_analysed_on_the_page(qtbot, db, login):
    boss = _cards(login)
    page = _show(qtbot, VoiceRegistersPage(AppSession(db, boss)))
    page.set_register("feedback")
    assert page.table.rowCount() == 0
    page.collect_button.click()
    assert page.table.rowCount() == 1
    page.table.selectRow(0)

    def analyse(dialog):
        type_text(dialog.field("analysis"), "派工安排不当")
    page.run_dialog = _driver(qtbot, analyse)
    page.analyse_button.click()

    done = feedback_service.list_feedback(boss)[0]
    assert done.analysis == "派工安排不当" and done.sent_on == boss.today()


def test_a_customer_line_opens_the_customers_file(qtbot, db, login):
    boss = _cards(login)
    page = _show(qtbot, VoiceRegistersPage(AppSession(db, boss)))
    page.set_register("customers")
    assert page.table.rowCount() >= 1
    page.table.selectRow(0)
    opened = []
    page.run_dialog = lambda dialog: opened.append(dialog) or False
    page.open_button.click()
    assert opened and opened[0].customer.id == page.sheet.ids[0]


def test_the_customers_file_shows_complaints_cards_follow_ups_and_contracts(qtbot, db, login):
    from decimal import Decimal

    from app.services import complaint_service as complaints
    from app.services import contract_service as contracts
    from app.ui.dialogs.customer_file_dialog import CustomerFileDialog
    from tests.helpers.voice import zhang

    boss = _cards(login)
    customer_id, _, washer = zhang(boss)
    complaints.open_complaint(boss, complaints.ComplaintInput(customer_id, "噪音大", "quality"))
    contracts.create_contract(boss, contracts.ContractInput(
        customer_id, (washer,), date(2026, 1, 1), date(2026, 12, 31), Decimal("600"), True,
        False, 2, ""))
    dialog = CustomerFileDialog(AppSession(db, boss), customer_id)
    qtbot.addWidget(dialog)
    tables = dialog.records.tables
    assert tables["complaints"].rowCount() == 1
    assert tables["complaints"].item(0, 2).text() == "噪音大"
    assert tables["cards"].rowCount() == 2
    assert tables["contracts"].rowCount() == 1
    assert tables["contracts"].item(0, 4).text().endswith("600.00")
    assert tables["payments"].rowCount() == 0


def test_an_expense_is_recorded_on_the_page_and_exported_in_yuan(qtbot, db, login, tmp_path,
                                                                monkeypatch):
    boss = at(login("boss"), date(2026, 11, 28), 10)
    page = _show(qtbot, VoiceRegistersPage(AppSession(db, boss)))
    page.set_register("expenses")
    assert page.expense_button.isVisible()

    def fill(dialog):
        type_text(dialog.field("amount"), "35.50")
        type_text(dialog.field("note"), "郊区打车")
    page.run_dialog = _driver(qtbot, fill)
    page.expense_button.click()
    assert page.table.rowCount() == 1 and "35.50" in page.table.item(0, 4).text()

    opened: list[Path] = []
    monkeypatch.setattr(list_export_ui, "open_folder", opened.append)
    monkeypatch.setattr(list_export_ui, "ask_save_path", lambda _p, _d: tmp_path / "e.xlsx")
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=20000)
    ws = openpyxl.load_workbook(tmp_path / "e.xlsx").active
    assert ws.cell(2, 5).value == 35.5
