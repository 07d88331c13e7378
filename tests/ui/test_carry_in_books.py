"""The goods register page, the parts page and their table models."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.services import parts_service, register_service
from app.ui.pages.parts_page import PartsPage
from app.ui.pages.register_page import RegisterPage
from app.ui.session import AppSession
from app.ui.table_models.carry_in_table_models import (
    CardsTableModel,
    PartsTableModel,
    RegisterTableModel,
    VanStockModel,
)
from tests.helpers.carry_in import stocked_part, user_id, walk_in
from tests.helpers.ui import type_text
from tests.helpers.ui_carry_in import enter, retype

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _driven(page, qtbot, driver):
    def run(dialog: QDialog) -> bool:
        dialog.show()
        qtbot.waitExposed(dialog)
        driver(dialog)
        return dialog.result() == QDialog.DialogCode.Accepted
    page.run_dialog = run


def test_models_pass_the_model_tester(qtmodeltester, login):
    clerk, boss = login("clerk"), login("super")
    walk_in(clerk)
    stocked_part(boss)
    vans = VanStockModel()
    vans.set_rows(parts_service.van_stock(boss))
    for model in (CardsTableModel(clerk), RegisterTableModel(clerk), PartsTableModel(boss)):
        assert model.rowCount() == 1
        qtmodeltester.check(model)
    qtmodeltester.check(vans)


def test_register_page_filters_prints_and_corrects(qtbot, db, login):
    clerk = login("clerk")
    first, second = walk_in(clerk), walk_in(clerk, new_customer=False)
    page = RegisterPage(AppSession(db, login("super")))
    qtbot.addWidget(page)
    page.show()
    assert page.model.rowCount() == 2 and "2" in page.in_store_label.text()
    page.state_combo.setCurrentIndex(page.state_combo.findData("out"))
    assert page.model.rowCount() == 0
    page.state_combo.setCurrentIndex(page.state_combo.findData("in"))
    assert page.model.rowCount() == 2
    printed = []
    page.open_preview = lambda job: printed.append(job.render(job.reprint))
    page.print_button.click()
    assert printed and printed[0].filename.startswith("register-")
    # a correction needs a reason; with one, the line changes and the trail has it
    page.table.selectRow(0)
    row = page.model.row_at(0)
    assert row is not None and row.receipt_number == second.receipt_number

    def correct(dialog) -> None:
        retype(qtbot, dialog.edits["remark"], "")
        type_text(dialog.edits["remark"], "附件补记")
        enter(qtbot, dialog.edits["remark"])  # no reason yet: refused
        assert dialog.isVisible() and dialog.message.isVisible()
        type_text(dialog.edits["reason"], "漏记附件")
        enter(qtbot, dialog.edits["reason"])

    _driven(page, qtbot, correct)
    page.correct_button.click()
    rows = register_service.list_register(clerk, register_service.RegisterFilter()).rows
    assert {r.receipt_number: r.remark for r in rows} == {
        second.receipt_number: "附件补记", first.receipt_number: ""}


def test_parts_page_new_part_receive_count_low(qtbot, db, login):
    boss = login("super")
    page = PartsPage(AppSession(db, boss))
    qtbot.addWidget(page)
    page.show()

    def new_part(dialog) -> None:
        qtbot.keyClicks(dialog.edits["number"], "P-BELT-02")
        type_text(dialog.edits["name"], "传动皮带")
        retype(qtbot, dialog.edits["unit_price"], "12.50")
        retype(qtbot, dialog.edits["reorder_level"], "3")
        enter(qtbot, dialog.edits["reorder_level"])

    _driven(page, qtbot, new_part)
    page.buttons["new_part"].click()
    assert page.model.rowCount() == 1 and page.model.row_at(0).unit_price_cents == 1250
    page.table.selectRow(0)

    def receive(dialog) -> None:
        retype(qtbot, dialog.quantity_spin, "10")
        enter(qtbot, dialog.quantity_spin)

    _driven(page, qtbot, receive)
    page.buttons["receive"].click()
    assert page.model.row_at(0).stock_on_hand == 10
    page.table.selectRow(0)

    def count(dialog) -> None:
        retype(qtbot, dialog.quantity_spin, "2")
        enter(qtbot, dialog.quantity_spin)  # no reason: refused
        assert dialog.isVisible()
        type_text(dialog.reason_edit, "盘点短少")
        enter(qtbot, dialog.reason_edit)

    _driven(page, qtbot, count)
    page.buttons["count"].click()
    part = parts_service.find_part(boss, "P-BELT-02")
    assert part.stock_on_hand == 2 and part.low
    page.low_check.setChecked(True)
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 4), Qt.ItemDataRole.BackgroundRole) is not None


def test_main_window_opens_the_carry_in_pages_and_a_scan_opens_the_item(qtbot, db, login):
    from app.ui.pages.carry_in_page import CarryInPage, handle_global_search
    from tests.helpers.ui_shell import open_window

    job = walk_in(login("clerk"))
    window = open_window(qtbot, db, "super")
    for key in ("carry_in", "goods_register", "parts"):
        assert key in window.visible_page_keys()
        assert window.open_page(key) is not None
    # the scanner types the receipt number + Enter into the global search
    assert handle_global_search(window, job.receipt_number)
    page = window.open_page("carry_in")
    assert isinstance(page, CarryInPage) and page.job is not None
    assert page.job.receipt_number == job.receipt_number


def _cells(model, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_the_supervisor_transfers_to_a_van_and_the_technician_sees_it(qtbot, db, login):
    boss = login("super")
    part = stocked_part(boss, stock=5)
    page = PartsPage(AppSession(db, boss))
    qtbot.addWidget(page)
    page.show()
    page.table.selectRow(0)

    def transfer(dialog) -> None:
        dialog.tech_combo.setCurrentIndex(dialog.tech_combo.findText("李师傅"))
        assert dialog.held_label.text() == "Van 0 / store 5"
        retype(qtbot, dialog.quantity_spin, "6")
        enter(qtbot, dialog.quantity_spin)  # the store holds 5: refused
        assert dialog.isVisible() and dialog.message.isVisible()
        retype(qtbot, dialog.quantity_spin, "3")
        type_text(dialog.note_edit, "领料上车")
        enter(qtbot, dialog.note_edit)

    _driven(page, qtbot, transfer)
    page.buttons["transfer"].click()
    # total, store and vans side by side; the vans' table below
    assert _cells(page.model, 0)[4:7] == ["5", "2", "3"]
    assert [_cells(page.vans_model, r) for r in range(page.vans_model.rowCount())] == [
        ["李师傅", part.number, "排水泵", "个", "3", "2"]]
    # the technician sees their own van on the parts page, and manages nothing
    tech_page = PartsPage(AppSession(db, login("tech")))
    qtbot.addWidget(tech_page)
    assert tech_page.vans_label.text() == "My van"
    assert tech_page.vans_model.rowCount() == 1
    assert not tech_page.buttons["transfer"].isEnabled()
    other = PartsPage(AppSession(db, login("tech2")))
    qtbot.addWidget(other)
    assert other.vans_model.rowCount() == 0
    assert [v.quantity for v in parts_service.van_stock(boss, user_id(boss, "tech"))] == [3]
