"""The call-log book page driven by keyboard: search, filters, cancel, history, roles."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services import calls_service as calls
from app.services import customers_service as customers
from app.ui.dialogs.call_edit_dialog import CallEditDialog
from app.ui.dialogs.customer_file_dialog import CustomerFileDialog
from app.ui.dialogs.history_dialog import HistoryDialog
from app.ui.dialogs.reason_dialog import ReasonDialog
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.pages.call_log_page import CallLogPage
from app.ui.table_models.call_log_table_model import CallLogTableModel as Model
from tests.helpers.ui import type_text
from tests.helpers.ui_call_log import IGNORE_SIZE_HINTS, app_session, audit_rows, calls_in_db

pytestmark = IGNORE_SIZE_HINTS

FAULTS = ["室内机漏水", "不制冷", "遥控失灵", "洗衣机漏水", "冰箱异响", "不开机"]


@pytest.fixture
def book(clerk):
    """Six calls: 张伟 (two items) and 李娜; faults as above, one hour apart."""
    zhang = customers.get_customer(clerk, customers.find_customers(clerk, "张伟")[0].id)
    li = customers.get_customer(clerk, customers.find_customers(clerk, "李娜")[0].id)
    start = clerk.now() - timedelta(hours=10)
    plan = [(zhang, zhang.items[0]), (zhang, zhang.items[0]), (li, li.items[0]),
            (zhang, zhang.items[1]), (li, li.items[0]), (zhang, None)]
    made = []
    for i, ((customer, item), fault) in enumerate(zip(plan, FAULTS, strict=True)):
        made.append(calls.register_call(clerk, calls.CallInput(
            fault=fault, customer_id=customer.id, item_id=item.id if item else None,
            received_at=start + timedelta(hours=i))))
    return made


def _page(qtbot, db, login, user="clerk", *, session=None):
    page = CallLogPage(session or app_session(db, login, user))
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, db, login, book):
    return _page(qtbot, db, login)


def _faults(page):
    return [page.model.data(page.model.index(r, Model.COL_FAULT))
            for r in range(page.model.rowCount())]


def test_newest_first_with_count(qtbot, page):
    assert _faults(page) == list(reversed(FAULTS))
    qtbot.waitUntil(lambda: page.count_label.text() == "6 calls")
    assert page.selected_call_id() is not None  # the newest row is current


@pytest.mark.parametrize(("typed", "expected"), [
    ("4321", {"遥控失灵", "冰箱异响"}),  # part of 李娜's phone
    ("漏水", {"室内机漏水", "洗衣机漏水"}),  # two-character Chinese term
    ("GR2024001", {"室内机漏水", "不制冷"}),  # serial of 张伟's air conditioner
    ("xqb80", {"洗衣机漏水"}),  # model, any case
])
def test_search_the_book(qtbot, page, typed, expected):
    page.search_edit.setFocus()
    if typed.isascii():
        qtbot.keyClicks(page.search_edit, typed)
    else:
        type_text(page.search_edit, typed)
    qtbot.waitUntil(lambda: set(_faults(page)) == expected)  # after the debounce
    qtbot.waitUntil(lambda: page.count_label.text() == f"{len(expected)} calls")


def test_search_entry_point_for_the_main_window(page):
    page.search("冰箱")  # 李娜's item is a 海尔冰箱: both her calls
    assert _faults(page) == ["冰箱异响", "遥控失灵"]
    page.search("异响")
    assert _faults(page) == ["冰箱异响"]


def test_filters_status_channel_zone_dates(qtbot, page, clerk, book):
    calls.cancel_call(clerk, book[0].id, reason="重复登记", expected_version=book[0].version)
    page.refresh()
    page.status_combo.setCurrentIndex(page.status_combo.findData("open"))
    assert "室内机漏水" not in _faults(page) and len(_faults(page)) == 5
    page.status_combo.setCurrentIndex(page.status_combo.findData("cancelled"))
    assert _faults(page) == ["室内机漏水"]
    page.status_combo.setCurrentIndex(0)
    page.zone_combo.setCurrentIndex(page.zone_combo.findText("郊区"))
    assert set(_faults(page)) == {"遥控失灵", "冰箱异响"}
    page.zone_combo.setCurrentIndex(0)
    page.channel_combo.setCurrentIndex(page.channel_combo.findData("walk_in"))
    assert _faults(page) == []
    page.channel_combo.setCurrentIndex(0)
    tomorrow = clerk.today() + timedelta(days=1)
    page.from_edit.setDate(tomorrow)
    assert _faults(page) == []
    page.from_edit.setDate(page.from_edit.minimumDate())
    assert len(_faults(page)) == 6


def test_cancel_with_reason_then_history(qtbot, page, db, book):
    # given the newest call selected (不开机)
    page.table.setFocus()
    call_id = page.selected_call_id()
    assert call_id == book[-1].id
    # when the clerk presses Ctrl+Shift+D, types a reason and Enter
    qtbot.keyClick(page.table, Qt.Key.Key_D,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = page.active_dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # empty reason: refused
    assert dialog.isVisible() and calls_in_db(db)[-1].status == "registered"
    type_text(dialog.reason_edit, "客户已自行解决")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    # then the call is cancelled, kept, audited with the reason, shown as cancelled
    row = calls_in_db(db)[-1]
    assert row.status == "cancelled" and row.cancel_reason == "客户已自行解决"
    [status] = [r for r in audit_rows(db, "calls", call_id)
                if r.field == "status" and r.action != "insert"]
    assert status.action == "cancel" and status.reason == "客户已自行解决"
    assert status.old_value == "registered" and status.new_value == "cancelled"
    assert page.selected_call_id() == call_id
    assert page.model.data(page.model.index(0, Model.COL_STATUS),
                           Model.STATUS_ROLE) == "cancelled"
    assert not page.action_cancel.isEnabled()
    # and the history (Ctrl+H) shows the change with who and why
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = page.active_dialog
    assert isinstance(history, HistoryDialog)
    texts = history.cell_texts()
    cancel = next(r for r in texts if r[6] == "Registered → Cancelled")
    # the person by name, not by log-in name
    assert cancel[1] == "王小丽" and cancel[3] == "test-pc" and cancel[7] == "客户已自行解决"
    assert any(r[4] == "Created" for r in texts)


def test_new_call_from_the_page(qtbot, page, db):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.active_dialog
    assert isinstance(dialog, RegisterCallDialog)
    qtbot.keyClicks(dialog.picker.lookup, "0571-87654321")
    qtbot.waitUntil(lambda: "李娜" in dialog.chosen_label.text())
    type_text(dialog.fault_edit, "冷藏室不冷")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.fault_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _faults(page)[0] == "冷藏室不冷")
    assert page.selected_call_id() == calls_in_db(db)[-1].id
    assert dialog.result_call.number in page.info_label.text()
    qtbot.waitUntil(lambda: page.count_label.text() == "7 calls")


def test_edit_with_reason(qtbot, page, db, book):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the call
    dialog = page.active_dialog
    assert isinstance(dialog, CallEditDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fault_edit)
    dialog.fault_edit.selectAll()
    type_text(dialog.fault_edit, "不开机，有焦味")
    qtbot.keyClick(dialog.fault_edit, Qt.Key.Key_Return)  # no reason yet
    assert dialog.isVisible() and dialog.message.isVisible()
    type_text(dialog.reason_edit, "客户补充")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert calls_in_db(db)[-1].fault == "不开机，有焦味"
    [change] = [r for r in audit_rows(db, "calls", book[-1].id) if r.action == "update"]
    assert change.field == "fault" and change.reason == "客户补充"
    assert _faults(page)[0] == "不开机，有焦味"


def test_customer_file_from_the_page(qtbot, page, db):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    dialog = page.active_dialog
    assert isinstance(dialog, CustomerFileDialog)
    assert dialog.customer.name == "张伟" and dialog.items_table.rowCount() == 2
    assert dialog.items_table.item(0, 4).text() == "In warranty"
    assert dialog.items_table.item(1, 4).text() == "Out of warranty"
    assert dialog.calls_table.rowCount() == 4
    dialog.customer_fields.name_edit.selectAll()
    type_text(dialog.customer_fields.name_edit, "张伟强")
    dialog.save_button.click()
    assert dialog.customer.name == "张伟强"
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, Model.COL_CUSTOMER)) == "张伟强")


def test_other_pages_changes_refresh_the_book(qtbot, db, login, book, clerk):
    session = app_session(db, login, "clerk")
    page = _page(qtbot, db, login, session=session)
    zhang = customers.find_customers(clerk, "张伟")[0].id
    calls.register_call(clerk, calls.CallInput(fault="别处登记", customer_id=zhang))
    session.data_changed.emit("calls")  # what another page says after saving a call
    assert _faults(page)[0] == "别处登记"


def test_technician_sees_no_register_edit_cancel(qtbot, db, login, book):
    page = _page(qtbot, db, login, "tech")
    assert not page.action_new.isVisible() and not page.action_cancel.isVisible()
    assert not page.action_edit.isVisible() and page.action_history.isVisible()
    assert "*" in page.model.data(page.model.index(0, Model.COL_PHONE))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.active_dialog is None  # the shortcut of a hidden action does nothing


def test_column_widths_remembered(qtbot, db, login, book):
    first = _page(qtbot, db, login)
    first.table.horizontalHeader().resizeSection(Model.COL_PHONE, 155)
    first.widths.save()
    second = _page(qtbot, db, login)
    assert second.table.horizontalHeader().sectionSize(Model.COL_PHONE) == 155


def test_count_of_a_broad_search_is_capped(qtbot, page, monkeypatch):
    monkeypatch.setattr("app.ui.pages.call_log_page.COUNT_CAP", 1)
    page.search("漏水")
    qtbot.waitUntil(lambda: page.count_label.text() == "more than 1 calls")
    page.search("")
    qtbot.waitUntil(lambda: page.count_label.text() == "6 calls")  # no search: exact


def test_enter_in_search_moves_to_the_rows_and_enter_opens(qtbot, page):
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "4321")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert _faults(page) == ["冰箱异响", "遥控失灵"]
    qtbot.waitUntil(lambda: page.table.hasFocus())
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.active_dialog
    assert isinstance(dialog, CallEditDialog) and dialog.call.fault == "遥控失灵"
