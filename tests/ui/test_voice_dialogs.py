"""The new-complaint and new-contract dialogs, the follow-up answer, a day's survey cards."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.models.contracts import ContractItem, MaintenanceContract
from app.models.voice import Complaint, FollowUp, SurveyCard
from app.ui.pages.complaints_page import ComplaintsPage
from app.ui.pages.contracts_page import ContractsPage
from app.ui.pages.followups_page import FollowUpsPage
from app.ui.pages.surveys_page import SurveysPage
from app.ui.session import AppSession
from tests.helpers.ui import type_text
from tests.helpers.ui_voice import answer_previews
from tests.helpers.ui_voice import dialog_driver as _driver
from tests.helpers.ui_voice import show_page as _show
from tests.helpers.voice import TZ, completed_call

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _pick_zhang(qtbot, dialog):
    qtbot.keyClicks(dialog.picker.lookup, "5678")
    qtbot.keyClick(dialog.picker.lookup, Qt.Key.Key_Return)
    assert dialog.customer_id is not None


def test_a_letter_complaint_is_registered_routed_to_the_warehouse(qtbot, db, clerk):
    page = _show(qtbot, ComplaintsPage(AppSession(db, clerk)))

    def fill(dialog):
        _pick_zhang(qtbot, dialog)
        dialog.field("source").setCurrentIndex(dialog.field("source").findData("letter"))
        dialog.field("kind").setCurrentIndex(dialog.field("kind").findData("packaging"))
        qtbot.keyClick(dialog.field("abroad"), Qt.Key.Key_Space)
        type_text(dialog.field("description"), "新机包装破损")
        type_text(dialog.field("demand"), "换货")
    page.run_dialog = _driver(qtbot, fill)
    qtbot.mouseClick(page.buttons["new"], Qt.MouseButton.LeftButton)

    with db.read() as s:
        c = s.scalars(select(Complaint)).one()
        assert (c.source, c.kind, c.department, c.abroad) == ("letter", "packaging",
                                                              "warehouse_delivery", True)
        assert (c.deadline - c.accepted_on).days == 17 and c.demand == "换货"
        number = c.number
    assert page.current() is not None and page.current().number == number


def test_an_empty_complaint_stays_open_with_the_message_at_the_field(qtbot, db, clerk):
    page = _show(qtbot, ComplaintsPage(AppSession(db, clerk)))
    seen = {}

    def run(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        _pick_zhang(qtbot, dialog)
        dialog.accept()
        seen["message"] = dialog.message.text()
        seen["style"] = dialog.field("description").styleSheet()
        return False
    page.run_dialog = run
    page.new_complaint()
    assert seen["message"] and seen["style"]


def test_a_contract_is_made_in_the_dialog(qtbot, db, login):
    boss = login("super")
    page = _show(qtbot, ContractsPage(AppSession(db, boss)))
    page.tabs.setCurrentIndex(1)

    def fill(dialog):
        _pick_zhang(qtbot, dialog)
        assert dialog.items.count() == 2
        dialog.items.item(0).setCheckState(Qt.CheckState.Unchecked)
        fee = dialog.field("fee")
        fee.selectAll()
        qtbot.keyClicks(fee, "680.5")
        dialog.visits.setValue(2)
        type_text(dialog.field("terms"), "每年两次清洗")
    page.run_dialog = _driver(qtbot, fill)
    page.new_contract()

    with db.read() as s:
        c = s.scalars(select(MaintenanceContract)).one()
        items = s.scalars(select(ContractItem.item_id)).all()
        assert (c.fee_cents, c.visits_per_year, c.terms) == (68050, 2, "每年两次清洗")
        assert len(items) == 1
    assert page.all.rowCount() == 1


def test_an_unhappy_follow_up_opens_a_complaint(qtbot, db, clerk):
    done = datetime.combine(clerk.today() - timedelta(days=10), time(10), TZ)
    call_id = completed_call(clerk, done=done)
    page = _show(qtbot, FollowUpsPage(AppSession(db, clerk)))
    assert page.due.rowCount() == 1
    page.due_table.selectRow(0)

    def fill(dialog):
        qtbot.keyClick(dialog.field("satisfied"), Qt.Key.Key_Space)
        type_text(dialog.field("answer"), "修完三天又坏了")
        dialog.field("kind").setCurrentIndex(dialog.field("kind").findData("quality"))
    page.run_dialog = _driver(qtbot, fill)
    page.record_selected()

    with db.read() as s:
        f = s.scalars(select(FollowUp)).one()
        c = s.get(Complaint, f.complaint_id)
        assert f.call_id == call_id and not f.satisfied
        assert (c.kind, c.source, c.description) == ("quality", "followup", "修完三天又坏了")
    assert page.due.rowCount() == 0 and page.done.rowCount() == 1


def test_the_days_cards_are_issued_and_printed_at_once(qtbot, db, clerk):
    completed_call(clerk)
    completed_call(clerk, technician="tech2")
    page = _show(qtbot, SurveysPage(AppSession(db, clerk)))
    printed = answer_previews(qtbot, page)
    page.issue_cards()

    with db.read() as s:
        assert len(s.scalars(select(SurveyCard)).all()) == 2
    assert printed and printed[0].pdf.startswith(b"%PDF")
    assert page.model.rowCount() == 2
