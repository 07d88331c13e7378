"""Daily reports as records: submitted, reviewed (核阅), signed by a branch manager,
forwarded to the service department; who and when on each step; reopening keeps history."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.errors import PermissionDenied, ValidationError
from app.models.enums import StoreKind
from app.models.reports import ReportKind
from app.services import reference_service
from app.services import report_flow_service as flow
from tests.helpers.daily import DAY, at, clocked, uid, worked_day

__all__ = ["worked_day"]


def _make_branch(login) -> None:
    boss = login("boss")
    profile = reference_service.get_store_profile(boss)
    reference_service.update_store_profile(boss, replace(profile, kind=StoreKind.BRANCH),
                                           expected_version=profile.version)


def test_a_branch_days_reports_go_submitted_reviewed_signed_forwarded(db, login, worked_day):
    _make_branch(login)
    tech = clocked(login("tech"), at(18))
    sup, boss = clocked(login("super"), at(18, 30)), clocked(login("boss"), at(19))
    # the supervisor cannot finish the day while 李师傅's report is not reviewed
    assert flow.missing_reviews(sup, DAY) == ["李师傅"]
    with pytest.raises(ValidationError) as err:
        flow.submit_supervisor_report(sup, DAY)
    assert "李师傅" in err.value.text()
    # a technician submits only their own; reviewing is the supervisor's
    state = flow.submit_technician_report(tech, DAY)
    assert state.status == "submitted" and state.step("submitted").actor_name == "李师傅"
    with pytest.raises(PermissionDenied):
        flow.review_technician_report(tech, uid(db, "tech"), DAY)
    state = flow.review_technician_report(sup, uid(db, "tech"), DAY, note="已核")
    assert state.status == "reviewed" and state.step("reviewed").actor_name == "陈主任"
    assert flow.missing_reviews(sup, DAY) == []
    flow.submit_supervisor_report(sup, DAY)
    # a branch's report is not forwarded unsigned, and only the manager signs
    with pytest.raises(ValidationError):
        flow.forward_supervisor_report(sup, DAY)
    with pytest.raises(PermissionDenied):
        flow.sign_supervisor_report(sup, DAY)
    flow.sign_supervisor_report(boss, DAY, note="同意")
    done = flow.forward_supervisor_report(sup, DAY)
    assert done.status == "forwarded"
    assert [(s.step, s.actor_name) for s in done.steps] == [
        ("submitted", "陈主任"), ("signed", "周经理"), ("forwarded", "陈主任")]
    assert done.step("signed").at == at(19)


def test_a_reopened_report_keeps_its_history(db, login, worked_day):
    tech, sup = clocked(login("tech"), at(18)), clocked(login("super"), at(18, 30))
    flow.submit_technician_report(tech, DAY)
    flow.review_technician_report(sup, uid(db, "tech"), DAY)
    with pytest.raises(ValidationError):
        flow.reopen_report(sup, ReportKind.TECHNICIAN, DAY, uid(db, "tech"), reason=" ")
    state = flow.reopen_report(sup, ReportKind.TECHNICIAN, DAY, uid(db, "tech"),
                               reason="漏记一张修护卡")
    assert state.status == "draft"
    state = flow.submit_technician_report(tech, DAY)
    assert [s.step for s in state.steps] == ["submitted", "reviewed", "reopened", "submitted"]
    assert state.steps[2].note == "漏记一张修护卡"
    with pytest.raises(ValidationError):  # not twice
        flow.submit_technician_report(tech, DAY)
