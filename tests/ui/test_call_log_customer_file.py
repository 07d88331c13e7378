"""The customer file (客户资料袋) dialog: items with warranty, add/edit item, edit, history."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import customers_service as customers
from app.ui.dialogs.customer_file_dialog import CustomerFileDialog, ItemDialog
from app.ui.dialogs.history_dialog import HistoryDialog
from tests.helpers.ui import type_text
from tests.helpers.ui_call_log import IGNORE_SIZE_HINTS, app_session, audit_rows

pytestmark = IGNORE_SIZE_HINTS


@pytest.fixture
def file_dialog(qtbot, db, login, clerk):
    zhang = customers.find_customers(clerk, "张伟")[0].id
    dialog = CustomerFileDialog(app_session(db, login, "clerk"), zhang)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _cells(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_items_show_warranty_and_last_covered_day(file_dialog, clerk):
    first, second = (_cells(file_dialog.items_table, r) for r in range(2))
    items = customers.get_customer(clerk, file_dialog.customer.id).items
    assert first[1] == "GR2024001" and first[4] == "In warranty"
    assert first[5] == items[0].warranty.last_day.isoformat()
    assert second[1] == "XTE778" and second[4] == "Out of warranty"


def test_add_item_refuses_a_future_date_then_saves(qtbot, file_dialog, clerk, db):
    file_dialog.add_item_button.click()
    dialog = file_dialog.child_dialog
    assert isinstance(dialog, ItemDialog)
    fields = dialog.fields_widget
    fields.model_combo.setCurrentIndex(0)  # the picker starts empty: choose one
    qtbot.keyClicks(fields.serial_edit, "NEW-42")
    qtbot.keyClicks(fields.purchase_edit, f"{clerk.today().year + 1}-01-01")
    qtbot.keyClick(fields.purchase_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.message.isVisible()
    assert dialog.focusWidget() is fields.purchase_edit and fields.purchase_edit.styleSheet()
    assert file_dialog.items_table.rowCount() == 2
    fields.purchase_edit.setText("")  # not known
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(fields.purchase_edit, Qt.Key.Key_Return)
    assert file_dialog.items_table.rowCount() == 3
    assert _cells(file_dialog.items_table, 2)[1:5] == ["NEW-42", "", "", "Warranty unknown"]


def test_edit_customer_and_see_it_in_the_history(qtbot, file_dialog, db):
    fields = file_dialog.customer_fields
    fields.phones_edit.setText("13812345678, 0571-88886666")
    fields.address_edit.selectAll()
    type_text(fields.address_edit, "市区人民路 14 号")
    qtbot.keyClick(fields.address_edit, Qt.Key.Key_Return)  # Enter in a field saves
    assert file_dialog.isVisible()
    assert [p.phone for p in file_dialog.customer.phones] == ["13812345678", "0571-88886666"]
    rows = audit_rows(db, "customers", file_dialog.customer.id)
    assert any(r.field == "address" and r.new_value == "市区人民路 14 号" for r in rows)
    file_dialog.history_button.click()
    history = file_dialog.child_dialog
    assert isinstance(history, HistoryDialog)
    texts = history.cell_texts()
    assert any(r[5] == "Address" and r[6] == "市区人民路 12 号 → 市区人民路 14 号" for r in texts)
    assert any(r[4] == "Created" and r[6] == "0571-88886666" for r in texts)  # the new phone


def test_bad_phone_is_shown_at_the_field_and_nothing_changes(file_dialog, clerk):
    version = file_dialog.customer.version
    file_dialog.customer_fields.phones_edit.setText("12345")
    file_dialog.save_button.click()
    assert file_dialog.message.isVisible()
    assert file_dialog.customer_fields.phones_edit.styleSheet()
    assert customers.get_customer(clerk, file_dialog.customer.id).version == version
