# ruff: noqa: F811  (the chinese fixture is imported and used as an argument)
"""The job's chain through the screens, as each role does it (seed 002 §九–§十七)."""

from __future__ import annotations

from sqlalchemy import select

from app.models.billing import Payment
from app.services import dispatch_service, parts_service
from app.services import payments_service as payments
from app.ui.pages.my_jobs_page import MyJobsPage
from app.ui.session import AppSession
from tests.helpers.carry_in import stocked_part, user_id
from tests.helpers.on_site import complete_on_site, on_site_job
from tests.helpers.ui import type_text
from tests.helpers.ui_shell import chinese  # noqa: F401 (fixture)


def test_technician_records_a_part_from_the_van_and_the_cash_and_prints_a_receipt(
        qtbot, db, clerk, login, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr("app.ui.pages.dispatch_actions.print_document",
                        lambda session, parent, kind, number, **_kw: shown.append(
                            (kind, number)))
    sup, tech, acct = login("super"), login("tech"), login("acct")
    stocked_part(sup, stock=4, number="P-A-00")  # first by number, but not in the van
    part = stocked_part(sup, stock=3, price_cents=3550, van=1)  # van 1, store 2
    _call, job = on_site_job(clerk, sup)
    assert dispatch_service.my_jobs(tech)[0].job_id == job.job_id
    page = MyJobsPage(AppSession(db, tech))
    qtbot.addWidget(page)
    dialog = page.record_visit()
    # what the van and the store hold is shown with each part, the van's parts first;
    # it comes from the van
    combo = dialog.picker.part_combo
    assert [combo.itemText(i).rsplit(" (", 1)[1] for i in range(combo.count())] == [
        "van 1 / store 2)", "van 0 / store 4)"]
    assert combo.currentData() == part.id
    assert dialog.picker.store_check.isVisible() and not dialog.picker.store_check.isChecked()
    dialog.labour_spin.setValue(60)
    type_text(dialog.work_edit, "更换排水泵")
    dialog.picker.add_part()
    assert dialog.picker.parts_list.item(0).text().endswith("× 1  from the van")
    type_text(dialog.taken_edit, "115.50")
    dialog.signed_check.setChecked(True)
    dialog.accept()
    assert not dialog.message.isVisible(), dialog.message.text()
    after = parts_service.get_part(sup, part.id)
    assert (after.stock_on_hand, after.store, after.in_vans) == (2, 2, 0)
    with db.read() as session:
        number = session.scalar(select(Payment.number))
    assert shown == [("payment-receipt", number)]
    held = payments.cash_held(acct)
    assert [(h.collector_id, h.amount_cents) for h in held] == [(user_id(acct, "tech"), 11550)]


def test_a_days_reports_are_submitted_reviewed_signed_and_forwarded_on_screen(
        qtbot, db, login):
    from dataclasses import replace
    from datetime import date

    from app.models.enums import StoreKind
    from app.services import reference_service, visit_service
    from app.ui.pages.daily_reports_page import DailyReportsPage

    boss = login("boss")
    profile = reference_service.get_store_profile(boss)
    reference_service.update_store_profile(boss, replace(profile, kind=StoreKind.BRANCH),
                                           expected_version=profile.version)
    tech = login("tech")
    visit_service.log_internal_work(tech, visit_service.InternalWorkInput(
        tech.today(), "training", 60, "新机型培训"))

    def page_as(username: str) -> DailyReportsPage:
        page = DailyReportsPage(AppSession(db, login(username)))
        qtbot.addWidget(page)
        return page

    # the technician opens the page (their own report only) and submits it
    mine = page_as("tech")
    assert mine.tabs.count() == 1 and mine.tech_combo.count() == 1
    assert not mine.flow_buttons["submit"].isHidden()
    assert mine.flow_buttons["submit"].isEnabled()
    work = [mine.tech_model.index(r, 3).data() for r in range(mine.tech_model.rowCount())]
    assert work == ["Training: 新机型培训"]  # the kind in words, not its code
    assert mine.step("submit")
    assert "Submitted" in mine.flow_label.text() and "李师傅" in mine.flow_label.text()
    assert not mine.flow_buttons["submit"].isEnabled()  # once submitted, not again
    # the supervisor reviews it, then submits the team report
    sup = page_as("super")
    sup.tech_combo.setCurrentIndex(sup.tech_combo.findData(user_id(tech, "tech")))
    assert sup.step("review")
    sup.tabs.setCurrentIndex(1)
    assert "Not yet reviewed" not in sup.flow_label.text()
    assert sup.flow_buttons["sign"].isHidden()  # the manager signs, not the supervisor
    assert not sup.step("forward")  # a branch's report goes on signed only
    assert sup.step("submit_team")
    # the manager signs, the supervisor forwards
    manager = page_as("boss")
    manager.tabs.setCurrentIndex(1)
    assert manager.step("sign")
    sup.refresh()
    assert sup.flow_buttons["forward"].isEnabled()
    assert sup.step("forward")
    assert "Forwarded" in sup.flow_label.text()
    assert not any(b.isEnabled() for b in sup.flow_buttons.values())  # the end of the road
    assert isinstance(sup.day, date)


def _carry_in_page(qtbot, db, ctx, receipt_number: str):
    from app.ui.pages.carry_in_page import CarryInPage

    page = CarryInPage(AppSession(db, ctx))
    qtbot.addWidget(page)
    assert page.open_number(receipt_number)
    return page


def test_the_technician_asks_for_help_and_the_supervisor_answers_it_from_the_board(
        qtbot, db, clerk, login):
    from app.ui.pages.dispatch_page import DispatchPage
    from tests.helpers.carry_in import walk_in
    from tests.helpers.ui_carry_in import drive

    taken = walk_in(clerk, days=0)
    tech, sup = login("tech"), login("super")
    bench = _carry_in_page(qtbot, db, tech, taken.receipt_number)

    def ask(dialog) -> None:
        dialog.accept()  # no note: refused, the dialog stays
        assert dialog.isVisible()
        type_text(dialog.reason_edit, "电机异响找不到原因")
        dialog.accept()

    drive(bench, qtbot, ask)
    bench.ask_for_help()
    assert "电机异响找不到原因" in bench.detail.toPlainText()
    # the supervisor's board says a request waits, and the list answers it
    board = DispatchPage(AppSession(db, sup))
    qtbot.addWidget(board)
    assert "1 requests for help" in board.notices.text()
    requests = board.open_help_requests()
    assert requests.table.rowCount() == 1
    assert requests.table.item(0, 0).text() == taken.receipt_number
    answer = requests.answer_dialog()
    type_text(answer.reason_edit, "一同检查：轴承损坏")
    answer.accept()
    assert requests.table.rowCount() == 0
    requests.reject()
    assert board.notices.text() == ""
    bench.refresh()
    assert "一同检查：轴承损坏" in bench.detail.toPlainText()


def test_a_repair_waiting_for_parts_gets_a_new_date_and_reason_on_the_card(
        qtbot, db, clerk, login):
    from datetime import timedelta

    from PySide6.QtCore import QDate

    from app.services import repair_service
    from tests.helpers.carry_in import walk_in
    from tests.helpers.ui_carry_in import drive

    taken = walk_in(clerk, days=0)
    tech = login("tech")
    bench = _carry_in_page(qtbot, db, tech, taken.receipt_number)
    new_date = tech.today() + timedelta(days=10)

    def wait(dialog) -> None:
        dialog.date_edit.setDate(QDate(new_date.year, new_date.month, new_date.day))
        dialog.accept()  # no reason: refused at the reason field
        assert dialog.isVisible() and not dialog.message.isHidden()
        type_text(dialog.reason_edit, "压缩机缺货，厂家十日内到")
        dialog.accept()

    drive(bench, qtbot, wait)
    assert bench.wait_for_parts() is not None
    assert new_date.isoformat() in bench.detail.toPlainText()
    assert "waiting for parts" in bench.detail.toPlainText()
    assert "压缩机缺货，厂家十日内到" in bench.detail.toPlainText()  # what the customer is told
    row = next(r for r in repair_service.open_cards(tech) if r.receipt_id == taken.receipt_id)
    assert row.waiting_for_parts and row.promised_date == new_date


def test_the_clerk_is_warned_of_vouchers_completed_a_day_ago_and_not_closed(
        qtbot, db, clerk, login):
    from dataclasses import replace
    from datetime import timedelta

    from app.ui.pages.my_jobs_page import VouchersToFilePage

    sup, tech = login("super"), login("tech")
    _call, job = on_site_job(clerk, sup)
    complete_on_site(tech, job)
    today = VouchersToFilePage(AppSession(db, clerk))
    qtbot.addWidget(today)
    assert today.notices.isHidden()
    later = replace(clerk, clock=lambda: clerk.now() + timedelta(days=1, hours=1))
    tomorrow = VouchersToFilePage(AppSession(db, later))
    qtbot.addWidget(tomorrow)
    assert not tomorrow.notices.isHidden() and job.number in tomorrow.notices.text()


def test_the_accountant_counts_the_cash_and_a_difference_needs_a_reason(
        qtbot, db, clerk, login):
    from decimal import Decimal

    from app.models.billing import CashHandover
    from app.services.visit_service import MoneyTaken
    from app.ui.pages.money_page import MoneyPage

    sup, tech, acct = login("super"), login("tech"), login("acct")
    _call, job = on_site_job(clerk, sup)
    complete_on_site(tech, job, minutes=60, taken=MoneyTaken(Decimal("80"), "cash"))
    page = MoneyPage(AppSession(db, acct))
    qtbot.addWidget(page)
    page.held.selectRow(0)
    dialog = page.confirm_handover()
    assert dialog.counted.text() == "80.00"
    dialog.counted.setText("70")
    dialog.accept()  # ¥10 short and no reason: refused, nothing handed over
    assert dialog.isVisible() and "80.00" in dialog.message.text()
    assert payments.cash_held(acct)[0].amount_cents == 8000
    type_text(dialog.reason, "客户少付10元，技术员垫付待补")
    dialog.accept()
    assert not dialog.isVisible()
    assert payments.cash_held(acct) == []
    assert page.held.rowCount() == 0 and "handed over" in page.held_message.text()
    with db.read() as session:
        handover = session.execute(select(CashHandover.recorded_cents,
                                          CashHandover.counted_cents,
                                          CashHandover.reason)).one()
    assert tuple(handover) == (8000, 7000, "客户少付10元，技术员垫付待补")


def test_the_dispatch_board_speaks_chinese_in_its_tables_and_notices(qtbot, db, clerk, login,
                                                                     chinese):
    """Headers and times of the board's tables were left in English (their strings were filed
    under a context the translation never looked in)."""
    from datetime import timedelta

    from PySide6.QtCore import Qt

    from app.services.calls_service import CallInput, register_call
    from app.services.customers_service import find_customers
    from app.ui.pages.dispatch_page import DispatchPage
    from app.ui.table_models.dispatch_table_models import DispatchQueueModel, time_left_text

    customer = find_customers(clerk, "张伟")[0]
    register_call(clerk, CallInput(fault="不制冷", customer_id=customer.id,
                                   received_at=clerk.now() - timedelta(days=3)))
    board = DispatchPage(AppSession(db, login("super")))
    qtbot.addWidget(board)
    headers = [board.queue_model.headerData(i, Qt.Orientation.Horizontal)
               for i in range(board.queue_model.columnCount())]
    assert headers[:3] == ["编号", "剩余时间", "最迟到达"]
    assert board.tech_model.headerData(0, Qt.Orientation.Horizontal) == "技术员"
    assert time_left_text(-70) == "已超时 1 小时 10 分"
    assert DispatchQueueModel.COL_LEFT == 1


def test_a_second_part_from_an_empty_van_is_refused_on_screen_then_taken_from_the_store(
        qtbot, db, clerk, login, monkeypatch):
    monkeypatch.setattr("app.ui.pages.dispatch_actions.print_document",
                        lambda *_a, **_kw: None)
    sup, tech = login("super"), login("tech")
    part = stocked_part(sup, stock=3, price_cents=3550, van=1)
    _call, _job = on_site_job(clerk, sup)
    page = MyJobsPage(AppSession(db, tech))
    qtbot.addWidget(page)
    dialog = page.record_visit()
    assert not dialog.picker.override_check.isVisible()  # a technician cannot override
    dialog.picker.quantity_spin.setValue(2)
    dialog.picker.add_part()
    type_text(dialog.work_edit, "更换排水泵")
    dialog.signed_check.setChecked(True)
    dialog.accept()
    assert dialog.message.isVisible() and "in the van" in dialog.message.text()
    assert parts_service.get_part(sup, part.id).stock_on_hand == 3  # nothing half-saved
    dialog.picker.parts.clear()
    dialog.picker.parts_list.clear()
    dialog.picker.store_check.setChecked(True)
    dialog.picker.quantity_spin.setValue(2)
    dialog.picker.add_part()
    assert dialog.picker.parts_list.item(0).text().endswith("× 2  from the store")
    dialog.accept()
    assert not dialog.message.isVisible(), dialog.message.text()
    after = parts_service.get_part(sup, part.id)
    assert (after.stock_on_hand, after.store, after.in_vans) == (1, 0, 1)
