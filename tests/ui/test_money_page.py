"""Money from the GUI: bill a paid on-site job, cash on site, hand-over, invoice; carry-in
payment at the counter; the day-end figure equals the payments in the database."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from app.models.billing import Bill, Invoice, Payment
from app.services import billing_service, carry_in_service, repair_service
from app.ui.dialogs import bill_dialog
from app.ui.pages.money_page import MoneyPage
from app.ui.session import AppSession
from tests.helpers.carry_in import walk_in
from tests.helpers.on_site import on_site_job, visit
from tests.helpers.ui import type_text


@pytest.fixture(autouse=True)
def no_preview(monkeypatch):
    """The receipt's print key is tested with the print path; here we only note it was asked."""
    shown = []
    monkeypatch.setattr("app.ui.printing_ui.print_document",
                        lambda session, parent, kind, number: shown.append((kind, number)))
    return shown


def _page(qtbot, db, ctx) -> MoneyPage:
    page = MoneyPage(AppSession(db, ctx))
    qtbot.addWidget(page)
    return page


def _collect(monkeypatch, amount: str, place: str) -> None:
    def run(dialog: bill_dialog.CollectDialog) -> int:
        dialog.amount.setText(amount)
        dialog.place.setCurrentIndex(dialog.place.findData(place))
        dialog.accept()
        return QDialog.DialogCode.Accepted if dialog.payment else QDialog.DialogCode.Rejected

    monkeypatch.setattr(bill_dialog.CollectDialog, "exec", run)


def test_paid_on_site_job_cash_handover_and_invoice(qtbot, db, clerk, login, monkeypatch,
                                                     no_preview):
    supervisor, tech, acct = login("super"), login("tech"), login("acct")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job)
    # the clerk bills it by typing the voucher number
    page = _page(qtbot, db, clerk)
    assert page.to_bill.rowCount() == 1
    page.number.setFocus()
    qtbot.keyClicks(page.number, job.number)
    qtbot.keyClick(page.number, Qt.Key.Key_Return)
    dialog = page.bill_dialog
    qtbot.addWidget(dialog)
    type_text(dialog.description, "进水管")
    dialog.unit.setText("35.50")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.lines.rowCount() == 3
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with db.read() as s:
        assert s.scalar(select(Bill.total_cents)) == 14550  # 90 + 20 + 35.50
    # the technician collects the cash on site
    tech_dialog = bill_dialog.BillDialog(AppSession(db, tech), call.id)
    qtbot.addWidget(tech_dialog)
    _collect(monkeypatch, "145.50", "on_site")
    tech_dialog.take_payment()
    assert no_preview and no_preview[-1][0] == "payment-receipt"
    # the accountant sees the cash held and confirms the hand-over
    acct_page = _page(qtbot, db, acct)
    assert acct_page.held.rowCount() == 1 and "145.50" in acct_page.held.item(0, 2).text()
    acct_page.held.selectRow(0)
    handover = acct_page.confirm_handover()
    handover.accept()
    assert acct_page.held.rowCount() == 0
    with db.read() as s:
        assert s.scalar(select(Payment.handed_over_at)) is not None
    # … and records the invoice, refused above the bill
    acct_page.inv_call.setText(call.number)
    acct_page.inv_no.setText("FP20261122")
    acct_page.inv_amount.setText("200")
    acct_page.record_invoice()
    assert "145.50" in acct_page.inv_message.text()  # what is left to invoice, in yuan
    acct_page.inv_amount.setText("145.50")
    acct_page.record_invoice()
    with db.read() as s:
        assert s.scalar(select(Invoice.amount_cents)) == 14550
    assert acct_page.invoice_list.rowCount() == 1


def test_carry_in_return_billed_and_paid_at_the_counter(qtbot, db, clerk, login, monkeypatch):
    tech, supervisor = login("tech"), login("super")
    carry = walk_in(clerk)
    repair_service.add_work(tech, carry.card_id, repair_service.WorkInput(minutes=60),
                            expected_version=carry.card_version)
    card = carry_in_service.get_carry_in(clerk, carry.receipt_id)
    repair_service.inspect(supervisor, carry.card_id, passed=True,
                           expected_version=card.card_version)
    page = _page(qtbot, db, clerk)
    qtbot.keyClicks(page.number, carry.receipt_number)
    qtbot.keyClick(page.number, Qt.Key.Key_Return)
    dialog = page.bill_dialog
    qtbot.addWidget(dialog)
    dialog.save()
    _collect(monkeypatch, "60.00", "counter")
    dialog.take_payment()
    bill = billing_service.get_bill(clerk, carry.call_id)
    assert bill is not None and bill.status == "paid" and bill.paid_cents == 6000
    acct_page = _page(qtbot, db, login("acct"))
    with db.read() as s:
        in_db = s.scalar(select(func.sum(Payment.amount_cents)))
    assert in_db == 6000 and "60.00" in acct_page.day_total.text()
    assert acct_page.held.rowCount() == 0  # counter money is not "held"
    assert Decimal(in_db) / 100 == Decimal("60")


def test_exchange_shows_the_charge_and_how_it_was_computed(qtbot, db, login):
    page = _page(qtbot, db, login("super"))
    tab = page.exchange_tab
    qtbot.keyClicks(tab.serial, "GR2024001")  # 张伟's air conditioner, 200 days old
    qtbot.keyClick(tab.serial, Qt.Key.Key_Return)
    assert "989.70" in tab.how.text() and "200" in tab.how.text()
    qtbot.mouseClick(tab.exchange_button, Qt.MouseButton.LeftButton)
    from app.models.billing import Exchange

    with db.read() as s:
        assert s.scalar(select(Exchange.charge_cents)) == 98970
    tab.serial.setText("XTE778")  # the washing machine is out of warranty
    tab.quote()
    assert not tab.exchange_button.isEnabled()


def test_manager_changes_the_labour_rate_and_bills_follow(qtbot, db, clerk, login):
    page = _page(qtbot, db, login("boss"))
    prices = page.prices_tab
    prices.labour["repair"].setText("80")
    prices.save_rates()
    supervisor, tech = login("super"), login("tech")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job)
    bill = billing_service.make_bill(clerk, call.id)
    assert next(ln for ln in bill.lines if ln.kind == "labour").amount_cents == 12000


def test_a_saved_bill_opens_with_its_typed_lines_and_discount_and_saves_them_again(
        qtbot, db, clerk, login):
    supervisor, tech, admin = login("super"), login("tech"), login("admin")
    call, job = on_site_job(clerk, supervisor)
    visit(tech, job)
    saved = billing_service.make_bill(admin, call.id, extra=[billing_service.LineInput(
        "other", "旧管回收", Decimal(1), Decimal("10"))], discount=Decimal("5"),
        discount_reason="老客户")
    dialog = bill_dialog.BillDialog(AppSession(db, admin), call.id)
    qtbot.addWidget(dialog)
    assert dialog.lines.rowCount() == len(saved.lines) == 3
    assert "115.00" in dialog.totals.text()  # what the saved bill asks, not a fresh one
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    again = billing_service.get_bill(clerk, call.id)
    assert again is not None
    assert (again.total_cents, again.discount_cents) == (saved.total_cents, 500)
    assert [ln.description for ln in again.lines if ln.manual] == ["旧管回收"]
