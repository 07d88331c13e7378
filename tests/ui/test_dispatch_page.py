"""The dispatch board driven by keyboard (and a drop): dispatch, reassign, category, visit,
close — with the database and the audit trail checked after each step."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models.audit import AuditEntry
from app.models.calls import Call
from app.models.customers import Customer, Item
from app.models.jobs import Job, Visit
from app.models.staff import User
from app.services.calls_service import CallInput, register_call
from app.ui.pages.dispatch_page import DispatchPage
from app.ui.session import AppSession
from app.ui.table_models.dispatch_table_models import DispatchQueueModel
from tests.helpers.ui import type_text

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen, shown window


def audit(db, table: str, key: int) -> list[tuple[str, str, str]]:
    with db.read() as session:
        return [(e.action, e.field, e.reason) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == table,
                                     AuditEntry.row_key == str(key)))]


def uid(db, username: str) -> int:
    with db.read() as session:
        return session.scalar(select(User.id).where(User.username == username))


@pytest.fixture
def calls(db, clerk):
    with db.read() as session:
        ids = {c.name: c.id for c in session.scalars(select(Customer))}
        item = session.scalar(select(Item.id).where(Item.customer_id == ids["张伟"]))
    first = register_call(clerk, CallInput(fault="不制冷", customer_id=ids["张伟"], item_id=item,
                                           received_at=clerk.now() - timedelta(minutes=30)))
    second = register_call(clerk, CallInput(fault="冰箱异响", customer_id=ids["李娜"],
                                            received_at=clerk.now() - timedelta(minutes=10)))
    return first, second


@pytest.fixture
def page(qtbot, db, login, calls):
    session = AppSession(db, login("super"))
    widget = DispatchPage(session)
    widget.print_check.setChecked(False)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


class CallState:
    def __init__(self, call: Call) -> None:
        self.status, self.category = call.status, call.category


def call_row(db, call_id: int) -> CallState:
    with db.read() as session:
        return CallState(session.get(Call, call_id))



def click_row(qtbot, view, key: int) -> None:
    """Click the row of ``view`` whose first cell holds ``key`` (the model's ID_ROLE)."""
    model = view.model()
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(model.ID_ROLE) == key)
    view.scrollTo(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(row, 0)).center())


def test_the_board_shows_the_queue_coloured_by_time_left(page, calls, qtmodeltester):
    assert page.queue_model.rowCount() == 2
    qtmodeltester.check(page.queue_model)
    qtmodeltester.check(page.tech_model)
    index = page.queue_model.index(0, DispatchQueueModel.COL_LEFT)
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "2" in page.summary.text()
    if os.environ.get("SC_KEEP_PNG"):  # a folder to look at the board in
        page.grab().save(os.path.join(os.environ["SC_KEEP_PNG"], "dispatch-board.png"))


def test_dispatch_reassign_override_visit_close_by_keyboard(qtbot, db, page, calls,
                                                            qtmodeltester):
    first, second = calls
    # When the supervisor selects the first call and presses 1 (李师傅)
    page.queue_view.setFocus()
    page.queue_view.selectRow(0)
    assert page.selected_call().call_id == first.id
    qtbot.keyClick(page.queue_view, Qt.Key.Key_1)
    # Then the call is dispatched with a numbered voucher, on the audit trail
    assert call_row(db, first.id).status == "dispatched"
    with db.read() as session:
        job = session.scalar(select(Job).where(Job.call_id == first.id))
        session.expunge(job)
    assert job.technician_id == uid(db, "tech") and job.number.startswith("V")
    assert ("dispatch", "status", "") in audit(db, "calls", first.id)
    assert page.queue_model.rowCount() == 1
    assert page.selected_job().job_id == job.id
    qtmodeltester.check(page.jobs_model)
    promise = page.jobs_model.index(0, page.jobs_model.COL_PROMISE)
    assert promise.data(Qt.ItemDataRole.BackgroundRole) is not None

    # When they reassign the voucher to 赵师傅 with a reason
    dialog = page.reassign_selected_job()
    dialog.choice_combo.setCurrentIndex(dialog.choice_combo.findData(uid(db, "tech2")))
    dialog.accept()
    assert dialog.message.isVisible()  # no reason: refused, nothing saved
    type_text(dialog.reason_edit, "李师傅请假")
    dialog.accept()
    with db.read() as session:
        assert session.get(Job, job.id).technician_id == uid(db, "tech2")
    assert ("reassign", "technician_id", "李师傅请假") in audit(db, "jobs", job.id)

    # When they override the waiting call's category with a reason (Ctrl+K)
    page.queue_view.setFocus()
    page.queue_view.selectRow(0)
    assert page.selected_call().call_id == second.id
    qtbot.keyClick(page.queue_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = page.active_dialog
    dialog.choice_combo.setCurrentIndex(dialog.choice_combo.findData("C"))
    type_text(dialog.reason_edit, "购买发票可证明在保修期内")
    dialog.accept()
    assert call_row(db, second.id).category == "C"
    assert ("category_override", "category", "购买发票可证明在保修期内") in \
        audit(db, "calls", second.id)

    # When the supervisor records the on-site completion on 赵师傅's voucher
    click_row(qtbot, page.tech_view, uid(db, "tech2"))  # 赵师傅 …
    click_row(qtbot, page.jobs_view, job.id)  # … and his voucher
    assert page.selected_job().job_id == job.id
    visit = page.record_visit()
    type_text(visit.work_edit, "更换启动电容")
    visit.signed_check.setChecked(True)
    visit.accept()
    assert call_row(db, first.id).status == "completed"
    with db.read() as session:
        stored = session.scalar(select(Visit).where(Visit.job_id == job.id))
        assert stored.customer_signed
    assert ("visit", "status", "") in audit(db, "calls", first.id)

    # And closes (注销) the call: the voucher is filed
    assert page.close_call()
    assert call_row(db, first.id).status == "closed"
    with db.read() as session:
        assert session.get(Job, job.id).status == "filed"
    assert ("close", "status", "") in audit(db, "calls", first.id)


def test_enter_then_enter_on_a_technician_dispatches(qtbot, db, page, calls):
    page.queue_view.setFocus()
    page.queue_view.selectRow(0)
    qtbot.keyClick(page.queue_view, Qt.Key.Key_Return)
    assert page.tech_view.hasFocus()
    page.tech_view.selectRow(1)
    qtbot.keyClick(page.tech_view, Qt.Key.Key_Return)
    with db.read() as session:
        tech_id = session.scalar(select(Job.technician_id).where(Job.call_id == calls[0].id))
    assert tech_id == uid(db, "tech2")


def test_dropping_a_call_on_a_technician_dispatches(db, page, calls):
    index = page.queue_model.index(1, 0)
    mime = page.queue_model.mimeData([index])
    target = page.tech_model.index(0, 0)
    assert page.tech_model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    page.tech_model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert call_row(db, calls[1].id).status == "dispatched"
    assert "V" in page.message.text()


def test_a_clerk_may_not_dispatch(qtbot, db, login, calls):
    from app.errors import PermissionDenied
    with pytest.raises(PermissionDenied):
        DispatchPage(AppSession(db, login("clerk")))


def test_technician_records_arrival_visit_and_internal_work_on_my_jobs(qtbot, db, login,
                                                                      calls):
    from app.services import dispatch_service
    from app.ui.pages.daily_reports_page import DailyReportsPage
    from app.ui.pages.my_jobs_page import MyJobsPage, VouchersToFilePage

    dispatch_service.dispatch_call(login("super"), calls[0].id, uid(db, "tech"),
                                   expected_version=calls[0].version)
    page = MyJobsPage(AppSession(db, login("tech")))
    qtbot.addWidget(page)
    assert page.jobs_model.rowCount() == 1
    # Arrival, then the taken-in visit
    page.record_arrival()
    assert call_row(db, calls[0].id).status == "on_site"
    dialog = page.record_visit()
    dialog.outcome_combo.setCurrentIndex(dialog.outcome_combo.findData("taken_in"))
    type_text(dialog.work_edit, "压缩机故障，带回店修")
    dialog.accept()
    assert dialog.message.isVisible()  # the customer must sign
    dialog.signed_check.setChecked(True)
    dialog.accept()
    assert call_row(db, calls[0].id).status == "taken_in"
    # Internal work: 60 minutes of training
    work = page.log_internal_work()
    work.kind_combo.setCurrentIndex(work.kind_combo.findData("training"))
    work.minutes_spin.setValue(60)
    work.accept()
    assert "logged" in page.message.text().lower() or page.message.text()
    # The supervisor's daily reports page shows both lines
    reports = DailyReportsPage(AppSession(db, login("super")))
    qtbot.addWidget(reports)
    assert reports.tech_model.rowCount() == 2
    assert reports.team_model.rowCount() == 2  # both technicians
    assert reports.rendered().pdf.startswith(b"%PDF")
    # Nothing waits for the clerk: the call was taken in, not completed
    filing = VouchersToFilePage(AppSession(db, login("clerk")))
    qtbot.addWidget(filing)
    assert filing.jobs_model.rowCount() == 0


def test_manager_closes_the_store_for_a_day_from_the_board(qtbot, db, login, calls):
    from datetime import date

    from PySide6.QtCore import QDate

    from app.models.jobs import StoreDay

    page = DispatchPage(AppSession(db, login("boss")))
    page.print_check.setChecked(False)
    qtbot.addWidget(page)
    dialog = page.open_store_days()
    dialog.day_edit.setDate(QDate(2026, 12, 24))
    type_text(dialog.note_edit, "盘点")
    assert dialog.save_day()
    assert dialog.days_list.count() == 1
    with db.read() as session:
        row = session.get(StoreDay, date(2026, 12, 24))
        assert row is not None and not row.is_open and row.note == "盘点"
    # Saving the same day again (now open) updates it
    dialog.kind_combo.setCurrentIndex(1)
    assert dialog.save_day()
    with db.read() as session:
        assert session.get(StoreDay, date(2026, 12, 24)).is_open
    assert any(field == "is_open" for _a, field, _r in audit(db, "store_days", "2026-12-24"))
    dialog.reject()


def test_two_managers_saving_one_store_day_the_second_is_told_who(qtbot, db, login, calls):
    from datetime import date

    from PySide6.QtCore import QDate

    from app.models.jobs import StoreDay

    # Given two managers opened the store calendar on 2026-12-24 (no entry yet)
    first = DispatchPage(AppSession(db, login("boss"))).open_store_days()
    second = DispatchPage(AppSession(db, login("admin"))).open_store_days()
    for dialog in (first, second):
        qtbot.addWidget(dialog)
        dialog.day_edit.setDate(QDate(2026, 12, 24))
    # When the first closes the store that day and the second opens it
    type_text(first.note_edit, "盘点")
    assert first.save_day()
    second.kind_combo.setCurrentIndex(1)
    type_text(second.note_edit, "加班")
    # Then the second save is refused, naming who saved first; the first one's day stands
    assert not second.save_day()
    assert "周经理" in second.message.text()
    with db.read() as session:
        row = session.get(StoreDay, date(2026, 12, 24))
        assert row is not None and not row.is_open and row.note == "盘点"
    # And having seen it (the list now shows it), saving again applies the second's choice
    assert "盘点" in second.days_list.item(0).text()
    assert second.save_day()
    with db.read() as session:
        assert session.get(StoreDay, date(2026, 12, 24)).is_open


def test_each_technicians_vouchers_show_when_selected(qtbot, db, page, calls):
    # the two calls dispatched, one to each of the first two technicians
    for call, digit in zip(calls, (Qt.Key.Key_1, Qt.Key.Key_2), strict=True):
        page.refresh()
        page.queue_view.setFocus()
        page.queue_view.selectRow(next(
            i for i in range(page.queue_model.rowCount())
            if page.queue_model.row_at(i).call_id == call.id))
        qtbot.keyClick(page.queue_view, digit)
    # the board opened again: the selected (first) technician's list shows their voucher
    page.refresh()
    page.tech_view.selectRow(0)
    assert [r.call_id for r in page.jobs_model.all_rows()] == [calls[0].id]
    # selecting the second shows theirs — read then, as it was not read with the board
    page.tech_view.selectRow(1)
    assert [r.call_id for r in page.jobs_model.all_rows()] == [calls[1].id]
    assert page.jobs_model.all_rows()[0].technician_id == uid(db, "tech2")
    page.tech_view.selectRow(0)
    assert [r.call_id for r in page.jobs_model.all_rows()] == [calls[0].id]
