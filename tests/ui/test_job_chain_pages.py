"""The job's chain through the screens, as each role does it (seed 002 §九–§十七)."""

from __future__ import annotations

from sqlalchemy import select

from app.models.billing import Payment
from app.services import dispatch_service, parts_service
from app.services import payments_service as payments
from app.ui.pages.my_jobs_page import MyJobsPage
from app.ui.session import AppSession
from tests.ui.helpers import type_text
from tests.unit.carry_in_fixtures import stocked_part, user_id
from tests.unit.test_billing_service import _on_site_job


def test_technician_records_a_part_from_stock_and_the_cash_and_prints_a_receipt(
        qtbot, db, clerk, login, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr("app.ui.pages.dispatch_actions.preview_document",
                        lambda session, parent, kind, number: shown.append((kind, number)))
    sup, tech, acct = login("super"), login("tech"), login("acct")
    part = stocked_part(sup, stock=3, price_cents=3550)
    _call, job = _on_site_job(clerk, sup)
    assert dispatch_service.my_jobs(tech)[0].job_id == job.job_id
    page = MyJobsPage(AppSession(db, tech))
    qtbot.addWidget(page)
    dialog = page.record_visit()
    # the stock is shown with the part
    assert dialog.picker.part_combo.currentText().endswith("(in stock 3)")
    dialog.labour_spin.setValue(60)
    type_text(dialog.work_edit, "更换排水泵")
    dialog.picker.add_part()
    type_text(dialog.taken_edit, "115.50")
    dialog.signed_check.setChecked(True)
    dialog.accept()
    assert not dialog.message.isVisible(), dialog.message.text()
    assert parts_service.get_part(sup, part.id).stock_on_hand == 2
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
    assert mine.step("submit")
    assert "Submitted" in mine.flow_label.text() and "李师傅" in mine.flow_label.text()
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
    assert sup.step("forward")
    assert "Forwarded" in sup.flow_label.text()
    assert isinstance(sup.day, date)
