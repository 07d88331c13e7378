"""Every field that takes money, driven as a user types into it: a bad amount (inf, NaN, an
exponent, a third decimal, a negative, a comma that may be a decimal point, more than
¥1,000,000) is refused at that field with a message, and nothing is saved; a good amount
typed with full-width digits is saved exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from app.models.billing import Invoice, Payment
from app.models.contracts import MaintenanceContract
from app.models.jobs import Visit
from app.models.parts import Part
from app.models.store import ProductModel
from app.services import billing_service as billing
from app.services import calls_service as calls
from app.services import dispatch_service, visit_service
from app.services import reference_service as ref
from app.services.money_dto import LineInput
from app.ui.dialogs.bill_dialog import BillDialog, CollectDialog
from app.ui.dialogs.parts_dialogs import PartDialog
from app.ui.dialogs.product_model_dialog import ProductModelDialog
from app.ui.dialogs.visit_dialog import VisitDialog
from app.ui.dialogs.voice_dialogs import NewContractDialog
from app.ui.pages.money_page import MoneyPage
from app.ui.pages.money_prices import ExchangeTab, PricesTab
from app.ui.session import AppSession
from app.ui.theme import ERROR_STYLE
from tests.helpers.ui import type_text
from tests.helpers.ui_shell import chinese
from tests.helpers.voice import user_id, zhang

BAD = ["inf", "Infinity", "NaN", "1e30", "12.345", "-5", "12,5", "1000000.01", "８０元多"]
GOOD = ("１２３．４５", 12345)

__all__ = ["chinese"]  # full-width digits, as a Chinese IME types them


def _count(db, model) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _refused_at(field: QLineEdit, message: str) -> None:
    """The field is marked, its tooltip and the form's message say what is wrong."""
    assert field.styleSheet() == ERROR_STYLE
    assert field.toolTip() and field.toolTip() == message


def _type(field: QLineEdit, text: str) -> None:
    field.clear()
    type_text(field, text)
    assert field.text() == text


@pytest.fixture
def bill(admin):
    call = calls.register_call(admin, calls.CallInput(fault="换门封", customer_id=zhang(admin)[0]))
    made = billing.make_bill(admin, call.id, extra=[LineInput("other", "门封", Decimal(1),
                                                               Decimal("500.00"))])
    return call.id, made


@pytest.mark.parametrize("text", BAD)
def test_payment_amount(qtbot, db, admin, bill, text):
    dialog = CollectDialog(AppSession(db, admin), bill[1])
    qtbot.addWidget(dialog)
    _type(dialog.amount, text)
    dialog.accept()
    assert dialog.payment is None and _count(db, Payment) == 0
    _refused_at(dialog.amount, dialog.message.text())


def test_payment_amount_full_width_is_exact(qtbot, db, admin, bill):
    dialog = CollectDialog(AppSession(db, admin), bill[1])
    qtbot.addWidget(dialog)
    assert dialog.amount.text() == "500.00"  # the outstanding amount, as the parser reads it
    _type(dialog.amount, GOOD[0])
    dialog.accept()
    assert dialog.payment is not None and dialog.payment.amount_cents == GOOD[1]


@pytest.mark.parametrize("text", BAD)
def test_bill_line_price_and_discount(qtbot, db, admin, bill, text):
    dialog = BillDialog(AppSession(db, admin), bill[0])
    qtbot.addWidget(dialog)
    lines, typed_before = dialog.lines.rowCount(), list(dialog.extra)  # the saved bill's own
    type_text(dialog.description, "上门费")
    _type(dialog.unit, text)
    dialog.add_line()
    assert dialog.lines.rowCount() == lines and dialog.extra == typed_before
    _refused_at(dialog.unit, dialog.message.text())
    _type(dialog.discount, text)
    dialog.save()
    _refused_at(dialog.discount, dialog.message.text())
    assert billing.get_bill(admin, bill[0]) == bill[1]  # unchanged


@pytest.mark.parametrize("text", BAD)
def test_part_price(qtbot, db, admin, text):
    dialog = PartDialog(AppSession(db, admin))
    qtbot.addWidget(dialog)
    type_text(dialog.edits["number"], "P-1")
    type_text(dialog.edits["name"], "门封条")
    _type(dialog.edits["unit_price"], text)
    dialog.accept()
    assert dialog.part is None and _count(db, Part) == 0
    _refused_at(dialog.edits["unit_price"], dialog.message.text())


def test_part_price_full_width_is_exact(qtbot, db, admin):
    dialog = PartDialog(AppSession(db, admin))
    qtbot.addWidget(dialog)
    type_text(dialog.edits["number"], "P-1")
    type_text(dialog.edits["name"], "门封条")
    _type(dialog.edits["unit_price"], GOOD[0])
    dialog.accept()
    assert dialog.part is not None and dialog.part.unit_price_cents == GOOD[1]


@pytest.mark.parametrize("text", BAD)
def test_product_model_price(qtbot, db, admin, text):
    models = _count(db, ProductModel)
    dialog = ProductModelDialog(lambda data: ref.create_product_model(admin, data))
    qtbot.addWidget(dialog)
    type_text(dialog.code, "NEW-1")
    type_text(dialog.name, "新型号")
    _type(dialog.price, text)
    dialog.accept()
    assert dialog.result_value is None and _count(db, ProductModel) == models
    _refused_at(dialog.price, dialog.feedback.label.text())


@pytest.mark.parametrize("text", BAD)
def test_contract_fee(qtbot, db, admin, text):
    dialog = NewContractDialog(AppSession(db, admin))
    qtbot.addWidget(dialog)
    fee = dialog.field("fee")
    assert isinstance(fee, QLineEdit)
    _type(fee, text)
    dialog.accept()
    assert _count(db, MaintenanceContract) == 0
    _refused_at(fee, dialog.message.text())


@pytest.mark.parametrize("text", BAD)
def test_invoice_amount(qtbot, db, admin, bill, text):
    page = MoneyPage(AppSession(db, admin))
    qtbot.addWidget(page)
    type_text(page.inv_call, bill[1].call_number)
    type_text(page.inv_no, "FP-0001")
    _type(page.inv_amount, text)
    page.record_invoice()
    assert _count(db, Invoice) == 0
    _refused_at(page.inv_amount, page.inv_message.text())


def test_the_message_is_in_chinese_at_the_field(qtbot, db, admin, bill, chinese):
    dialog = CollectDialog(AppSession(db, admin), bill[1])
    qtbot.addWidget(dialog)
    _type(dialog.amount, "12.345")
    dialog.accept()
    assert dialog.amount.toolTip() == "最多两位小数：金额以元和分计（例如 12.35）。"
    _type(dialog.amount, "inf")
    dialog.accept()
    assert dialog.amount.toolTip().startswith("inf 不是金额。")


@pytest.mark.parametrize("text", BAD)
def test_exchange_sale_price(qtbot, db, admin, text):
    tab = ExchangeTab(AppSession(db, admin))
    qtbot.addWidget(tab)
    type_text(tab.serial, "GR2024001")  # 张伟's air conditioner, inside the warranty
    _type(tab.price, text)
    tab.quote()
    assert not tab.exchange_button.isEnabled()
    _refused_at(tab.price, tab.how.text())


@pytest.mark.parametrize("text", BAD)
def test_labour_rate(qtbot, db, admin, text):
    tab = PricesTab(AppSession(db, admin))
    qtbot.addWidget(tab)
    before = billing.get_rates(admin)
    field = tab.labour["repair"]
    _type(field, text)
    tab.save_rates()
    assert billing.get_rates(admin) == before
    _refused_at(field, tab.message.text())


@pytest.mark.parametrize("text", BAD)
def test_money_taken_on_a_visit(qtbot, db, login, text):
    clerk, boss, tech = login("clerk"), login("super"), login("tech")
    call = calls.register_call(clerk, calls.CallInput(fault="不制冷", customer_id=zhang(clerk)[0]))
    job = dispatch_service.dispatch_call(boss, call.id, user_id(boss, "tech"),
                                         expected_version=call.version)
    row = dispatch_service.get_job_row(tech, job.job_id)
    dialog = VisitDialog(row, tech.now().astimezone(tech.tz), on_submit=lambda v: visit_service.
                         record_visit(tech, job.job_id, v, expected_version=row.version))
    qtbot.addWidget(dialog)
    type_text(dialog.work_edit, "清洗滤网")
    dialog.signed_check.setChecked(True)
    _type(dialog.taken_edit, text)
    dialog.accept()
    assert _count(db, Visit) == 0
    _refused_at(dialog.taken_edit, dialog.message.text())
