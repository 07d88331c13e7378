"""Customer voice on screen: a returned card by keyboard, its complaint to closing, renewal."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models.contracts import MaintenanceContract
from app.models.voice import Complaint, ComplaintReminder, SurveyCard
from app.services import complaint_service as complaints
from app.services import contract_service as contracts
from app.services import survey_dto
from app.services import survey_service as surveys
from app.ui.pages.complaints_page import ComplaintsPage
from app.ui.pages.contracts_page import ContractsPage
from app.ui.pages.surveys_page import SurveysPage
from app.ui.session import AppSession
from tests.helpers.ui import type_text
from tests.helpers.ui_voice import answer_previews
from tests.helpers.ui_voice import dialog_driver as _driver
from tests.helpers.ui_voice import show_page as _show
from tests.helpers.voice import at, completed_call, zhang

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_a_returned_card_is_entered_by_keyboard_and_its_complaint_registered(qtbot, db,
                                                                             login):
    clerk = login("clerk")
    completed_call(clerk, item_id=zhang(clerk)[1])
    card = surveys.issue_cards_for_day(clerk, clerk.today())[0]
    page = _show(qtbot, SurveysPage(AppSession(db, clerk)))

    def fill(dialog):
        for item, digit in zip(("attitude", "skill", "arrival", "promise"), "2311",
                               strict=True):
            qtbot.keyClick(dialog.field(item), digit)  # combo: a digit picks its level
        type_text(dialog.field("comments"), "师傅迟到两小时，答应送的配件也没送")
        qtbot.keyClick(dialog.field("complaint"), Qt.Key.Key_Space)  # carries a complaint

    page.run_dialog = _driver(qtbot, fill)

    page.find_edit.setFocus()
    qtbot.keyClicks(page.find_edit, card.number)
    qtbot.keyClick(page.find_edit, Qt.Key.Key_Return)

    with db.read() as s:
        row = s.get(SurveyCard, card.id)
        assert (row.status, row.attitude, row.skill, row.arrival, row.promise) == \
            ("returned", 2, 3, 1, 1)
        assert row.returned_via == "paper" and row.complaint_id is not None
        complaint = s.get(Complaint, row.complaint_id)
        assert complaint.source == "card" and complaint.description.startswith("师傅迟到")
        assert complaint.call_id == card.call_id and complaint.kind == "service"
    page.status_combo.setCurrentIndex(1)  # returned
    assert page.model.rowCount() == 1


def _card_complaint(clerk):
    completed_call(clerk, item_id=zhang(clerk)[1])
    card = surveys.issue_cards_for_day(clerk, clerk.today())[0]
    card = surveys.enter_returned_card(clerk, card.id, survey_dto.Ratings(1, 2, 1, 1), via="phone",
                                       expected_version=card.version, comments="态度恶劣")
    return surveys.complaint_from_card(clerk, card.id, kind="service",
                                       expected_version=card.version)


def test_a_complaint_is_routed_reminded_visited_resolved_and_closed(qtbot, db, login):
    opened = _card_complaint(login("clerk"))
    later = at(login("clerk"), opened.accepted_on + timedelta(days=16))
    page = _show(qtbot, ComplaintsPage(AppSession(db, later)))
    shown = answer_previews(qtbot, page)
    page.table.selectRow(page.model.row_of(opened.id))
    assert page.model.index(0, 7).data() == "-3"  # days left: three days overdue

    def route(dialog):
        combo = dialog.field("kind")
        combo.setCurrentIndex(combo.findData("attitude"))
    page.run_dialog = _driver(qtbot, route)
    qtbot.mouseClick(page.buttons["route"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.buttons["remind"], Qt.MouseButton.LeftButton)

    def visit(dialog):
        type_text(dialog.field("visit_notes"), "上门致歉，了解经过")
    page.run_dialog = _driver(qtbot, visit)
    qtbot.mouseClick(page.buttons["visit"], Qt.MouseButton.LeftButton)

    def resolve(dialog):
        type_text(dialog.field("resolution"), "对技术员批评教育并减免上门费")
        combo = dialog.field("told_via")
        combo.setCurrentIndex(combo.findData("letter"))
    page.run_dialog = _driver(qtbot, resolve)
    qtbot.mouseClick(page.buttons["resolve"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.buttons["reply"], Qt.MouseButton.LeftButton)
    assert [p.filename for p in shown] == [f"complaint-reminder-{opened.number}.pdf",
                                           f"complaint-reply-{opened.number}.pdf"]

    def close(dialog):
        type_text(dialog.field("outcome"), "客户接受处理结果")
    page.run_dialog = _driver(qtbot, close)
    qtbot.mouseClick(page.buttons["close"], Qt.MouseButton.LeftButton)

    with db.read() as s:
        row = s.get(Complaint, opened.id)
        assert (row.kind, row.department, row.status) == ("attitude", "sales", "closed")
        assert row.visit_by == "王小丽" and row.told_via == "letter"
        assert row.outcome == "客户接受处理结果" and row.closed_on == later.today()
        reminders = s.scalars(select(ComplaintReminder)).all()
        assert [r.days_overdue for r in reminders] == [3]
    assert page.model.rowCount() == 0  # the open view no longer lists it


def test_closing_without_an_outcome_is_refused_at_the_field(qtbot, db, login):
    clerk = login("clerk")
    c = _card_complaint(clerk)
    c = complaints.resolve_complaint(clerk, c.id, resolution="已处理", responsible="服务部",
                                     told_via="phone", expected_version=c.version)
    page = _show(qtbot, ComplaintsPage(AppSession(db, clerk)))
    page.table.selectRow(page.model.row_of(c.id))
    seen = {}

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.accept()
        seen["message"] = dialog.message.text()
        seen["open"] = dialog.isVisible()
        dialog.discard()
        return False
    page.run_dialog = run
    qtbot.mouseClick(page.buttons["close"], Qt.MouseButton.LeftButton)
    assert seen["open"] and seen["message"]
    assert complaints.get_complaint(clerk, c.id).status == "resolved"


def test_a_contract_is_renewed_from_the_renewal_list(qtbot, db, login, tmp_path):
    boss = login("super")
    customer_id, _, washer = zhang(boss)
    c = contracts.create_contract(boss, contracts.ContractInput(
        customer_id, (washer,), boss.today() - timedelta(days=355),
        boss.today() + timedelta(days=10), Decimal("600")))
    page = _show(qtbot, ContractsPage(AppSession(db, boss)))
    shown = answer_previews(qtbot, page, save_in=tmp_path)  # the notice is saved as PDF
    assert page.renewals.rowCount() == 1
    page.renewal_table.selectRow(0)
    page.print_notice()
    assert shown[0].filename == f"expiry-notice-{c.number}.pdf"

    def renew(dialog):
        fee = dialog.field("fee")
        fee.selectAll()
        qtbot.keyClicks(fee, "650.00")
    page.run_dialog = _driver(qtbot, renew)
    page.renewal_table.selectRow(0)
    page.renew_selected()

    assert page.renewals.rowCount() == 0
    with db.read() as s:
        rows = s.scalars(select(MaintenanceContract).order_by(MaintenanceContract.id)).all()
        assert [r.status for r in rows] == ["renewed", "active"]
        assert rows[1].previous_id == rows[0].id and rows[1].fee_cents == 65000
        assert rows[1].start_date == c.end_date + timedelta(days=1)
        assert rows[0].notice_sent_at is not None


def test_a_month_of_notices_previewed_and_closed_sends_none(qtbot, db, login, tmp_path):
    boss = login("super")
    customer_id, _, washer = zhang(boss)
    ends = boss.today() + timedelta(days=10)
    made = [contracts.create_contract(boss, contracts.ContractInput(
        customer_id, (washer,), ends - timedelta(days=365), ends, Decimal("600")))
        for _ in range(2)]
    page = _show(qtbot, ContractsPage(AppSession(db, boss)))
    page.month_year.setValue(ends.year)
    page.month.setValue(ends.month)
    # when the month's notices are previewed and the preview closed
    shown = answer_previews(qtbot, page)
    page.print_month()
    assert len(shown) == 1 and b"%PDF" in shown[0].pdf
    with db.read() as s:
        assert [r.notice_sent_at for r in s.scalars(select(MaintenanceContract))] == [None] * 2
    # when they are saved as PDF: every contract of the month is noted as sent
    shown = answer_previews(qtbot, page, save_in=tmp_path)
    page.print_month()
    assert shown[0].saved.exists()
    with db.read() as s:
        assert all(r.notice_sent_at for r in s.scalars(select(MaintenanceContract)))
    assert {c.number for c in made} <= {c.number for c in contracts.renewal_list(boss)
                                        if c.notice_sent_at}
