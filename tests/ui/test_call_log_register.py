"""Registering calls with the keyboard: known customer, new customer, bad input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from app.models.customers import Customer, CustomerPhone, Item
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from tests.helpers.ui import type_text
from tests.helpers.ui_call_log import (
    IGNORE_SIZE_HINTS,
    app_session,
    audit_rows,
    calls_in_db,
    press,
)

pytestmark = IGNORE_SIZE_HINTS


@pytest.fixture
def dialog(qtbot, db, login):
    session = app_session(db, login, "clerk")
    dlg = RegisterCallDialog(session)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _counts(db):
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Customer, Item))


def test_known_customer_by_phone_item_fault_enter(qtbot, dialog, db):
    # given the clerk's cursor in the lookup field
    assert QApplication.focusWidget() is dialog.picker.lookup
    # when typing the full phone, the one exact match is chosen and the item list filled
    qtbot.keyClicks(dialog.picker.lookup, "13812345678")
    qtbot.waitUntil(lambda: "张伟" in dialog.chosen_label.text())
    assert QApplication.focusWidget() is dialog.item_combo
    assert dialog.item_combo.currentText().startswith("KFR-35GW")
    assert dialog.proposed_category().value == "C"
    # and choosing the second item (out of warranty) shows A live
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.item_combo.currentText().startswith("XQB80")
    assert dialog.category_label.text().find("A") >= 0
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.fault_edit
    type_text(dialog.fault_edit, "不制冷，室内机漏水")
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return)
    # then the call is in the book with its number, category, customer and item
    [call] = calls_in_db(db)
    assert call.number == dialog.result_call.number and call.number.startswith("C")
    assert call.category == "C" and call.fault == "不制冷，室内机漏水"
    with db.read() as s:
        assert s.get(Item, call.item_id).serial == "GR2024001"
        assert s.get(Customer, call.customer_id).name == "张伟"
    rows = audit_rows(db, "calls", call.id)
    assert {r.field for r in rows} >= {"number", "fault", "category", "status"}
    assert {r.username for r in rows} == {"clerk"} and rows[0].action == "insert"


def test_partial_phone_lists_matches_down_enter_chooses(qtbot, dialog):
    qtbot.keyClicks(dialog.picker.lookup, "4321")
    press(qtbot, Qt.Key.Key_Return)  # Enter before the debounce runs the search at once
    qtbot.waitUntil(lambda: "李娜" in dialog.chosen_label.text())
    assert dialog.item_combo.currentText().startswith("BCD-470")


def test_new_customer_with_new_item_saved_together(qtbot, dialog, db, clerk):
    before = _counts(db)
    qtbot.keyClicks(dialog.picker.lookup, "13911112222")
    press(qtbot, Qt.Key.Key_Return)  # no match → new customer, phone carried over
    assert dialog.customer_fields.isVisible()
    assert dialog.customer_fields.phones_edit.text() == "13911112222"
    assert QApplication.focusWidget() is dialog.customer_fields.name_edit
    type_text(dialog.customer_fields.name_edit, "欧阳喆")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    type_text(QApplication.focusWidget(), "城东新村 5 栋 301")
    dialog.item_combo.setFocus()
    dialog.item_combo.setCurrentIndex(dialog.item_combo.findData("new"))
    assert dialog.item_fields.isVisible()
    dialog.item_fields.model_combo.setCurrentIndex(0)  # the picker starts empty: choose one
    qtbot.keyClicks(dialog.item_fields.serial_edit, "SN-0001")
    dialog.item_fields.purchase_edit.setText(f"{clerk.today():%Y-%m-%d}")
    assert dialog.proposed_category().value == "C"
    type_text(dialog.fault_edit, "洗衣机不脱水😀")
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return, dialog.fault_edit)
    assert _counts(db) == (before[0] + 1, before[1] + 1)
    [call] = calls_in_db(db)
    with db.read() as s:
        customer = s.get(Customer, call.customer_id)
        assert customer.name == "欧阳喆" and customer.address == "城东新村 5 栋 301"
        assert [p.digits for p in customer.phones] == ["13911112222"]
        assert s.get(Item, call.item_id).serial == "SN-0001"
    assert call.fault == "洗衣机不脱水😀" and call.category == "C"


def _new_customer_form(qtbot, dialog, phone="13911112222"):
    qtbot.keyClicks(dialog.picker.lookup, phone)
    press(qtbot, Qt.Key.Key_Return)
    type_text(dialog.customer_fields.name_edit, "王芳")


@pytest.mark.parametrize(("case", "field"), [
    ("empty_fault", "fault"),
    ("bad_phone", "phones"),
    ("future_purchase", "purchase_date"),
    ("long_fault", "fault"),
    ("bad_date", "purchase_date"),
])
def test_bad_input_shows_message_at_field_and_saves_nothing(qtbot, dialog, db, case, field):
    before = _counts(db)
    _new_customer_form(qtbot, dialog, "1391111" if case == "bad_phone" else "13911112222")
    if case == "bad_phone":
        dialog.customer_fields.phones_edit.setText("1391111x")
    dialog.item_combo.setCurrentIndex(dialog.item_combo.findData("new"))
    dialog.item_fields.model_combo.setCurrentIndex(0)
    dialog.item_fields.purchase_edit.setText(
        {"future_purchase": "2099-01-01", "bad_date": "2024-13-45"}.get(case, "2024-01-01"))
    fault = {"empty_fault": "", "long_fault": "漏" * 501}.get(case, "不开机")
    if fault:
        type_text(dialog.fault_edit, fault)
    press(qtbot, Qt.Key.Key_Return, dialog.fault_edit)
    widget = dialog.fields()[field]
    assert dialog.isVisible() and dialog.result_call is None
    assert dialog.message.isVisible() and dialog.message.text()
    assert widget.styleSheet() and QApplication.focusWidget() is widget
    assert _counts(db) == before and calls_in_db(db) == []


def test_duplicate_phone_offers_the_existing_file(qtbot, dialog, db, monkeypatch):
    asked = []
    monkeypatch.setattr(dialog, "confirm_use_existing", lambda err: asked.append(err) or True)
    dialog.start_new_customer("")
    type_text(dialog.customer_fields.name_edit, "张伟的家人")
    dialog.customer_fields.phones_edit.setText("138-1234-5678")
    type_text(dialog.fault_edit, "不开机")
    press(qtbot, Qt.Key.Key_Return, dialog.fault_edit)
    assert asked and "张伟" in dialog.chosen_label.text()
    assert calls_in_db(db) == []
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return, dialog.fault_edit)
    [call] = calls_in_db(db)
    with db.read() as s:
        phone = s.scalar(select(CustomerPhone).where(CustomerPhone.digits == "13812345678"))
        assert call.customer_id == phone.customer_id


def test_whole_form_works_by_tab_and_enter(qtbot, dialog, db):
    """Known customer by name, Tab through every field in order, Enter saves."""
    type_text(dialog.picker.lookup, "李")
    press(qtbot, Qt.Key.Key_Down)  # into the match list (the search ran on the first key)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.picker.results)
    press(qtbot, Qt.Key.Key_Return)
    assert "李娜" in dialog.chosen_label.text()
    order = [dialog.item_combo, dialog.fault_edit, dialog.channel_combo, dialog.kind_combo,
             dialog.urgency_combo, dialog.received_edit, dialog.save_button]
    assert QApplication.focusWidget() is order[0]
    for expected in order[1:]:
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    for _ in order[2:]:
        press(qtbot, Qt.Key.Key_Backtab)
    type_text(dialog.fault_edit, "冷冻室结霜")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # channel: phone → letter
    assert dialog.channel_combo.currentData() == "letter"
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return)
    [call] = calls_in_db(db)
    assert call.fault == "冷冻室结霜" and call.channel == "letter"


def test_letter_received_yesterday_keeps_its_time(qtbot, dialog, db, clerk):
    from datetime import datetime, timedelta

    from PySide6.QtCore import QDate, QDateTime, QTime

    ctx = clerk
    day = ctx.today() - timedelta(days=1)
    qtbot.keyClicks(dialog.picker.lookup, "13812345678")
    qtbot.waitUntil(lambda: "张伟" in dialog.chosen_label.text())
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("letter"))
    dialog.received_edit.setDateTime(QDateTime(QDate(day.year, day.month, day.day),
                                               QTime(9, 30)))
    type_text(dialog.fault_edit, "来信：空调不制热")
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return, dialog.fault_edit)
    [call] = calls_in_db(db)
    expected = datetime(day.year, day.month, day.day, 9, 30, tzinfo=ctx.tz)
    assert call.received_at == expected and call.channel == "letter"
