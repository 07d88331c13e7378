"""The model picker (机型) of a new item starts empty: the clerk chooses the model (or types
part of it and picks); saving without one stops at the model field and saves nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.models.calls import Call
from app.models.customers import Item
from app.services import customers_service as customers
from app.ui.dialogs.customer_file_dialog import ItemDialog
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.theme import ERROR_STYLE
from tests.helpers.ui import type_text
from tests.helpers.ui_call_log import IGNORE_SIZE_HINTS, app_session, press

pytestmark = IGNORE_SIZE_HINTS


def _count(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_new_item_in_the_call_form_has_no_model_until_chosen(qtbot, db, login):
    # given a new customer with a new item in the call form, everything typed but the model
    dialog = RegisterCallDialog(app_session(db, login, "clerk"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.picker.lookup, "13911112222")
    press(qtbot, Qt.Key.Key_Return, dialog.picker.lookup)  # no match → new customer
    type_text(dialog.customer_fields.name_edit, "欧阳喆")
    type_text(dialog.customer_fields.address_edit, "城东新村 5 栋 301")
    dialog.item_combo.setCurrentIndex(dialog.item_combo.findData("new"))
    model = dialog.item_fields.model_combo
    # then the model picker is empty, not the catalogue's first model
    assert model.currentText() == "" and dialog.item_fields.model_id() is None
    type_text(dialog.fault_edit, "不脱水")
    calls, items = _count(db, Call), _count(db, Item)
    # when the clerk saves
    press(qtbot, Qt.Key.Key_Return, dialog.fault_edit)
    # then the form stays, the model field says what is missing, and nothing is saved
    assert dialog.isVisible() and dialog.message.isVisible()
    assert model.styleSheet() == ERROR_STYLE and dialog.focusWidget() in (
        model, model.lineEdit())
    assert (_count(db, Call), _count(db, Item)) == (calls, items)
    # and once a model is picked, the call saves with it
    xqb = model.findText("XQB80", Qt.MatchFlag.MatchStartsWith)
    model.setCurrentIndex(xqb)
    with qtbot.waitSignal(dialog.accepted):
        press(qtbot, Qt.Key.Key_Return, dialog.fault_edit)
    with db.read() as s:
        assert s.get(Item, dialog.result_call.item_id).product_model_id == model.itemData(xqb)


def test_adding_an_item_to_a_file_asks_for_the_model(qtbot, db, login, clerk):
    # given the customer's file, adding an item
    zhang = customers.find_customers(clerk, "张伟")[0].id
    dialog = ItemDialog(app_session(db, login, "clerk"), zhang,
                        customers.list_product_models(clerk))
    qtbot.addWidget(dialog)
    dialog.show()
    fields = dialog.fields_widget
    assert fields.model_combo.currentText() == "" and fields.model_id() is None
    type_text(fields.serial_edit, "NEW-42")
    items = _count(db, Item)
    # when saved without a model, then the message is at the model field and nothing saved
    dialog.accept()
    assert dialog.isVisible() and dialog.message.isVisible()
    assert fields.model_combo.styleSheet() == ERROR_STYLE and _count(db, Item) == items
