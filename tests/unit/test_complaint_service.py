"""The complaint register: numbering, routing, deadlines, reminders, decision, reopen-as-new."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.errors import PermissionDenied, ValidationError
from app.models.store import Setting
from app.models.voice import Complaint, ComplaintReminder
from app.services import complaint_service as complaints
from app.services.voice_stats import complaint_month_stats
from tests.helpers.voice import at, zhang


def _open(ctx, kind="quality", **kw):
    customer_id, aircon, _ = zhang(ctx)
    return complaints.open_complaint(ctx, complaints.ComplaintInput(
        customer_id, "空调修好三天又不制冷", kind, demand="换新机", item_id=aircon, **kw))


def test_numbers_are_year_month_serial_and_restart_each_month(login):
    clerk = login("clerk")
    november = [_open(at(clerk, date(2026, 11, d))).number for d in (1, 15, 30)]
    december = _open(at(clerk, date(2026, 12, 1))).number

    assert november == ["2611-001", "2611-002", "2611-003"]
    assert december == "2612-001"


@pytest.mark.parametrize(("kind", "department"), [
    ("quality", "quality_inspection"), ("function", "quality_inspection"),
    ("packaging", "warehouse_delivery"), ("attitude", "sales"), ("service", "sales"),
])
def test_routing_follows_the_kind(clerk, kind, department):
    assert _open(clerk, kind).department == department


def test_unknown_kind_is_refused(clerk):
    with pytest.raises(ValidationError) as err:
        _open(clerk, "weather")
    assert err.value.field == "kind"


def test_deadline_is_13_days_domestic_and_17_abroad_and_configurable(login, db):
    clerk = at(login("clerk"), date(2026, 11, 2))
    assert _open(clerk).deadline == date(2026, 11, 15)
    assert _open(clerk, abroad=True).deadline == date(2026, 11, 19)
    with db.write(None) as s:
        s.add(Setting(key="complaint.deadline_days",
                      value=json.dumps({"domestic": 10, "abroad": 20})))
    assert _open(clerk).deadline == date(2026, 11, 12)


def test_open_complaints_show_days_left_and_become_overdue_after_the_deadline(login):
    clerk = login("clerk")
    c = _open(at(clerk, date(2026, 11, 2)))
    on_deadline = at(clerk, date(2026, 11, 15))
    day_after = at(clerk, date(2026, 11, 16))

    assert complaints.get_complaint(on_deadline, c.id).days_left == 0
    assert not complaints.get_complaint(on_deadline, c.id).overdue
    assert complaints.overdue_complaints(on_deadline) == []
    late = complaints.get_complaint(day_after, c.id)
    assert late.overdue and late.days_left == -1
    assert [x.id for x in complaints.overdue_complaints(day_after)] == [c.id]


def test_a_reminder_is_only_for_overdue_ones_and_is_kept(login, db):
    clerk = login("clerk")
    c = _open(at(clerk, date(2026, 11, 2)))
    with pytest.raises(ValidationError):
        complaints.issue_reminder(at(clerk, date(2026, 11, 15)), c.id)

    doc = complaints.issue_reminder(at(clerk, date(2026, 11, 20)), c.id)
    again = complaints.issue_reminder(at(clerk, date(2026, 11, 21)), c.id)

    assert doc.days_overdue == 5 and doc.serial == 1 and again.serial == 2
    assert doc.complaint.department == "quality_inspection"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ComplaintReminder)) == 2


def test_serious_complaints_wait_for_the_managers_decision(login):
    clerk, boss = login("clerk"), login("boss")
    c = _open(clerk, "attitude", severity="serious")
    assert c.needs_decision
    with pytest.raises(ValidationError) as err:
        complaints.resolve_complaint(clerk, c.id, resolution="道歉", responsible="销售部",
                                     told_via="letter", expected_version=c.version)
    assert err.value.field == "decision"
    with pytest.raises(PermissionDenied):
        complaints.decide_complaint(clerk, c.id, decision="赔礼道歉", expected_version=1)

    decided = complaints.decide_complaint(boss, c.id, decision="上门赔礼道歉并减免费用",
                                          expected_version=c.version)
    assert decided.decided_by == "周经理" and not decided.needs_decision


def test_visit_resolve_close_and_the_closing_rules(clerk):
    c = _open(clerk)
    c = complaints.record_visit(clerk, c.id, visit_on=clerk.today(), visit_by="陈主任",
                                notes="上门查看，确认压缩机故障", expected_version=c.version)
    with pytest.raises(ValidationError) as err:
        complaints.close_complaint(clerk, c.id, outcome="换机", told_via="phone",
                                   expected_version=c.version)
    assert err.value.field == "resolution"
    c = complaints.resolve_complaint(clerk, c.id, resolution="更换压缩机",
                                     responsible="质检部 刘工", told_via="letter",
                                     expected_version=c.version)
    with pytest.raises(ValidationError) as err:
        complaints.close_complaint(clerk, c.id, outcome="", told_via="phone",
                                   expected_version=c.version)
    assert err.value.field == "outcome"
    with pytest.raises(ValidationError) as err:
        complaints.close_complaint(clerk, c.id, outcome="客户满意", told_via="",
                                   expected_version=c.version)
    assert err.value.field == "told_via"

    closed = complaints.close_complaint(clerk, c.id, outcome="客户满意", told_via="phone",
                                       expected_version=c.version)

    assert closed.status == "closed" and closed.visit_by == "陈主任"
    assert closed.closed_on == clerk.today() and not closed.overdue


def _visited(ctx, c):
    return complaints.record_visit(ctx, c.id, visit_on=ctx.today(), visit_by="陈主任",
                                   notes="", expected_version=c.version)


def test_a_rejected_outcome_reopens_as_a_new_linked_complaint(clerk, db):
    c = _visited(clerk, _open(clerk))
    c = complaints.resolve_complaint(clerk, c.id, resolution="维修", responsible="服务部",
                                     told_via="phone", expected_version=c.version)
    c = complaints.close_complaint(clerk, c.id, outcome="已修复", told_via="phone",
                                   expected_version=c.version)

    new = complaints.reopen_as_new(clerk, c.id, reason="客户不接受维修，要求换机",
                                   expected_version=c.version)

    assert new.id != c.id and new.status == "open"
    assert new.reopened_from_number == c.number and new.number != c.number
    assert new.description == "客户不接受维修，要求换机"
    first = complaints.get_complaint(clerk, c.id)
    assert first.status == "closed" and first.rejected
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Complaint)) == 2


def test_monthly_statistics_by_kind_department_days_and_overdue(login):
    clerk = login("clerk")
    nov = at(clerk, date(2026, 11, 2))
    quick = _open(nov, "quality")
    _open(nov, "packaging")
    _open(at(clerk, date(2026, 11, 20)), "attitude")
    done = at(clerk, date(2026, 11, 6))
    quick = _visited(done, quick)
    quick = complaints.resolve_complaint(done, quick.id, resolution="修好", responsible="质检",
                                         told_via="phone", expected_version=quick.version)
    complaints.close_complaint(done, quick.id, outcome="满意", told_via="phone",
                               expected_version=quick.version)

    stats = complaint_month_stats(at(login("boss"), date(2026, 12, 5)), 2026, 11)

    assert stats.received == 3 and stats.closed == 1
    assert dict(stats.by_kind) == {"quality": 1, "packaging": 1, "attitude": 1}
    assert dict(stats.by_department)["warehouse_delivery"] == 1
    assert str(stats.average_days_to_close) == "4.00"
    assert stats.open_overdue == 1  # packaging: deadline 15 Nov; attitude due 3 Dec
    assert stats.closed_late == 0


def test_bad_input_saves_nothing(clerk, db):
    customer_id = zhang(clerk)[0]
    with pytest.raises(ValidationError) as err:
        complaints.open_complaint(clerk, complaints.ComplaintInput(customer_id, " ", "quality"))
    assert err.value.field == "description"
    with pytest.raises(ValidationError) as err:
        complaints.open_complaint(clerk, complaints.ComplaintInput(
            customer_id, "x", "quality", accepted_on=clerk.today() + timedelta(days=1)))
    assert err.value.field == "accepted_on"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Complaint)) == 0
