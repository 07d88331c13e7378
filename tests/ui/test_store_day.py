"""One day of the store through the screens, as each role does it (issue 13, seed 002 §九–§十七):
the clerk registers calls, the supervisor dispatches, the technician repairs on site with a
part and takes the cash on 我的派工, a walk-in item gets bench time, an inspection and goes
home paid, a dispatched call is cancelled, the day's reports are submitted, reviewed, signed
and forwarded, the accountant takes the cash. Then every book must agree with every other."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models.billing import Payment
from app.models.enums import StoreKind
from app.models.jobs import Job
from app.models.parts import StockMovement
from app.services import billing_service, parts_service, payments_service, reference_service
from app.services import daily_report_service as daily
from app.ui.dialogs.reason_dialog import ReasonDialog
from app.ui.dialogs.register_call_dialog import RegisterCallDialog
from app.ui.pages import reports_page
from app.ui.pages.call_log_page import CallLogPage
from app.ui.pages.carry_in_page import CarryInPage
from app.ui.pages.daily_reports_page import DailyReportsPage
from app.ui.pages.dispatch_page import DispatchPage
from app.ui.pages.money_page import MoneyPage
from app.ui.pages.my_jobs_page import MyJobsPage
from app.ui.pages.parts_page import PartsPage
from app.ui.pages.reports_page import ReportsPage
from app.ui.session import AppSession
from tests.helpers.carry_in import stocked_part, user_id
from tests.helpers.ui import show_page, type_text
from tests.helpers.ui_call_log import calls_in_db
from tests.helpers.ui_carry_in import (
    activate,
    drive,
    inspect_dialog,
    return_dialog,
    walk_in_dialog,
    work_dialog,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CATEGORIES = ("A", "B", "C", "D")


@pytest.fixture(autouse=True)
def no_previews(monkeypatch):
    """Printing is tested on its own path: here a preview only notes what was asked."""
    shown: list[tuple[str, str]] = []
    for where in ("app.ui.printing_ui.preview_document",
                  "app.ui.pages.dispatch_actions.print_document",
                  "app.ui.pages.dispatch_page.print_document"):
        monkeypatch.setattr(where, lambda session, parent, kind, number, **_kw: shown.append(
            (kind, number)))
    return shown


def _register(qtbot, book: CallLogPage, phone: str, fault: str, *, second_item: bool) -> str:
    book.action_new.trigger()  # Ctrl+N
    dialog = book.active_dialog
    assert isinstance(dialog, RegisterCallDialog)
    qtbot.keyClicks(dialog.picker.lookup, phone)
    qtbot.waitUntil(lambda: dialog.item_combo.count() > 0 and dialog.chosen_label.text() != "")
    if second_item:
        dialog.item_combo.setCurrentIndex(1)
    type_text(dialog.fault_edit, fault)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.fault_edit, Qt.Key.Key_Return)
    return dialog.result_call.number


def _dispatch(board: DispatchPage, call_number: str, tech_id: int) -> None:
    row = next(i for i, r in enumerate(board.queue_model.all_rows()) if r.number == call_number)
    board.queue_view.selectRow(row)
    tech_row = next(i for i, t in enumerate(board.tech_model.all_rows()) if t.user_id == tech_id)
    assert board.dispatch_to(tech_row), board.message.text()


def _load_van(qtbot, db, supervisor, part_id: int, quantity: int) -> None:
    """The supervisor gives 李师傅 parts for his van on the parts page (领料上车)."""
    page = show_page(qtbot, PartsPage(AppSession(db, supervisor)), 720)
    page.table.selectRow(next(r for r in range(page.model.rowCount())
                              if page.model.row_at(r).id == part_id))

    def run(dialog) -> bool:
        dialog.tech_combo.setCurrentIndex(dialog.tech_combo.findText("李师傅"))
        dialog.quantity_spin.setValue(quantity)
        dialog.accept()
        assert not dialog.message.isVisible(), dialog.message.text()
        return True

    page.run_dialog = run
    page.buttons["transfer"].click()


def _on_site_repair(qtbot, db, tech, part_id: int) -> None:
    """The technician on 我的派工: 60 minutes, one pump from the van, ¥115.50 cash taken."""
    mine = show_page(qtbot, MyJobsPage(AppSession(db, tech)), 720)
    visit = mine.record_visit()
    assert visit is not None
    visit.labour_spin.setValue(60)
    type_text(visit.work_edit, "更换排水泵")
    picker = visit.picker
    picker.part_combo.setCurrentIndex(picker.part_combo.findData(part_id))
    picker.add_part()
    type_text(visit.taken_edit, "115.50")
    visit.signed_check.setChecked(True)
    visit.accept()
    assert not visit.message.isVisible(), visit.message.text()


def _carry_in(qtbot, db, login) -> CarryInPage:
    """A walk-in taken in by the clerk, 45 min of bench work with a pump by the technician,
    inspected by the supervisor, returned and paid at the counter."""
    counter = show_page(qtbot, CarryInPage(AppSession(db, login("clerk"))), 720)
    drive(counter, qtbot, walk_in_dialog(qtbot))
    activate(qtbot, counter.buttons["walk_in"])
    for who, driver, button in (("tech", work_dialog(qtbot, "45", "1"), "add_work"),
                                ("super", inspect_dialog(qtbot, passed=True), "inspect"),
                                ("clerk", return_dialog(qtbot), "return")):
        counter.session.set_context(login(who))
        drive(counter, qtbot, driver)
        activate(qtbot, counter.buttons[button])
    assert counter.job is not None and counter.job.receipt_status == "taken_back"
    return counter


def _cancel(qtbot, db, book: CallLogPage, call_number: str) -> None:
    book.refresh()
    book.select_call(next(c.id for c in calls_in_db(db) if c.number == call_number))
    book.action_cancel.trigger()  # Ctrl+Shift+D
    dialog = book.active_dialog
    assert isinstance(dialog, ReasonDialog)
    type_text(dialog.reason_edit, "客户已自行修好")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)


def _reports(qtbot, db, login, tech_id: int) -> None:
    """Submitted by the technician, reviewed and the team report submitted by the
    supervisor, signed by the manager (a branch), forwarded by the supervisor."""
    mine = show_page(qtbot, DailyReportsPage(AppSession(db, login("tech"))), 720)
    assert mine.step("submit"), mine.message.text()
    sup = show_page(qtbot, DailyReportsPage(AppSession(db, login("super"))), 720)
    sup.tech_combo.setCurrentIndex(sup.tech_combo.findData(tech_id))
    assert sup.step("review"), sup.message.text()
    sup.tabs.setCurrentIndex(1)
    assert sup.step("submit_team"), sup.message.text()
    manager = show_page(qtbot, DailyReportsPage(AppSession(db, login("boss"))), 720)
    manager.tabs.setCurrentIndex(1)
    assert manager.step("sign"), manager.message.text()
    sup.refresh()
    assert sup.step("forward"), sup.message.text()
    assert "Forwarded" in sup.flow_label.text()


def _export_month(qtbot, db, boss, tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(reports_page, "open_folder", lambda folder: None)
    monkeypatch.setattr(reports_page, "ask_save_path",
                        lambda _parent, _title, _default, _filter: tmp_path / "month")
    page = show_page(qtbot, ReportsPage(AppSession(db, boss)), 720)
    page.select_month(boss.today())
    page.export_button.click()
    qtbot.waitUntil(lambda: page.last_export is not None, timeout=20000)
    qtbot.waitUntil(lambda: page.export_button.isEnabled())
    assert page.last_export is not None
    return page.last_export


def test_one_day_of_the_store_through_the_screens_adds_up(qtbot, db, login, tmp_path,
                                                          monkeypatch):
    boss, clerk = login("boss"), login("clerk")
    profile = reference_service.get_store_profile(boss)  # given a branch (分公司)
    reference_service.update_store_profile(boss, replace(profile, kind=StoreKind.BRANCH),
                                           expected_version=profile.version)
    pump = stocked_part(login("super"), stock=5, price_cents=3550)
    _load_van(qtbot, db, login("super"), pump.id, 2)
    tech_id, tech2_id = user_id(clerk, "tech"), user_id(clerk, "tech2")

    # the clerk registers two calls; the supervisor dispatches both
    book = show_page(qtbot, CallLogPage(AppSession(db, clerk)), 720)
    repair_no = _register(qtbot, book, "13812345678", "不脱水", second_item=True)
    cancel_no = _register(qtbot, book, "0571-87654321", "冷藏室不冷", second_item=False)
    board = show_page(qtbot, DispatchPage(AppSession(db, login("super"))), 720)
    board.print_check.setChecked(False)
    _dispatch(board, repair_no, tech_id)
    _dispatch(board, cancel_no, tech2_id)
    # the technician repairs on site with a pump from his van and takes the cash
    _on_site_repair(qtbot, db, login("tech"), pump.id)
    # a walk-in item: bench time, inspection, return with payment
    counter = _carry_in(qtbot, db, login)
    # the other customer cancels: the clerk cancels the call, its voucher is void
    _cancel(qtbot, db, book, cancel_no)
    # the accountant sees the cash on the technician who took it, and takes it
    money = show_page(qtbot, MoneyPage(AppSession(db, login("acct"))), 720)
    held = payments_service.cash_held(login("acct"))
    assert [(h.collector_id, h.amount_cents) for h in held] == [(tech_id, 11550)]
    money.held.selectRow(0)
    handover = money.confirm_handover()
    assert handover is not None
    handover.accept()
    assert payments_service.cash_held(login("acct")) == []
    # the day's reports go their whole way
    _reports(qtbot, db, login, tech_id)
    path = _export_month(qtbot, db, boss, tmp_path, monkeypatch)

    # ---- then every number agrees ----------------------------------------------------
    today = boss.today()
    tech_day = daily.technician_report(boss, tech_id, today)
    by_category = {t.category: t.minutes for t in tech_day.totals}
    assert by_category["A"] == 60 + 45  # the visit and the bench work, both paid work
    team = daily.supervisor_report(boss, today)
    rows = {r.technician_id: {t.category: t.minutes for t in r.totals} for r in team.rows}
    assert rows[tech_id] == by_category
    assert {t.category: t.minutes for t in team.totals} == {
        c: sum(r[c] for r in rows.values()) for c in CATEGORIES}
    sheet = load_workbook(path, read_only=True).worksheets[1]
    written = {r[0]: r for r in sheet.iter_rows(values_only=True)}
    assert [written["李师傅"][2 + i] or 0 for i in range(4)] == [
        round(by_category[c] / 60, 2) for c in CATEGORIES]
    assert tech_day.total_fee_cents == 11550  # 收费合计 = the cash taken on site
    # stock moved by exactly the parts used: one on site, one on the bench
    # (the van's from the van, the bench's from the store; the transfer moved nothing)
    after = parts_service.get_part(boss, pump.id)
    assert (after.stock_on_hand, after.store, after.in_vans) == (5 - 2, 5 - 2 - 1, 2 - 1)
    assert parts_service.verify_stock(boss) == []
    with db.read() as session:
        used = session.execute(select(StockMovement.quantity, StockMovement.voucher_id,
                                      StockMovement.repair_card_id)
                               .where(StockMovement.kind == "used")).all()
        payments = session.execute(select(Payment.place, Payment.held_by_id,
                                          Payment.handover_id, Payment.amount_cents)
                                   .order_by(Payment.id)).all()
        void = session.execute(select(Job.voided_at, Job.void_reason)
                               .where(Job.technician_id == tech2_id)).one()
    assert sorted((q, v is not None, c is not None) for q, v, c in used) == [
        (-1, False, True), (-1, True, False)]
    assert void.voided_at is not None and void.void_reason == "客户已自行修好"
    # every bill paid (or invoiced, or receivable): here both paid in full
    bills = [billing_service.get_bill(boss, c.id) for c in _calls_billed(db)]
    assert len(bills) == 2 and all(b is not None and b.outstanding_cents == 0 for b in bills)
    assert payments_service.receivables(boss) == []
    # the on-site cash was the technician's until the hand-over; the counter's never was
    on_site = [p for p in payments if p.place == "on_site"]
    assert [(p.held_by_id, p.handover_id is not None, p.amount_cents) for p in on_site] == [
        (tech_id, True, 11550)]
    assert [p.held_by_id for p in payments if p.place == "counter"] == [None]
    assert counter.job is not None


def _calls_billed(db):
    from app.models.billing import Bill
    from app.models.calls import Call

    with db.read() as session:
        return list(session.execute(select(Call.id).join(Bill, Bill.call_id == Call.id)).all())
