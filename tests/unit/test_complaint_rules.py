"""The complaint rules of seed 002 §二十八 and 办法 九.10 / 十四, seed 003 4.3.6: the visit before
closing, the liaison note for a late closure, frozen monthly statistics, routing with reasons."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models.audit import AuditEntry
from app.services import complaint_service as complaints
from app.services.voice_stats import complaint_month_stats, produce_complaint_statistics
from tests.helpers.voice import at, zhang


def _open(ctx, kind="quality", **kw):
    customer_id, aircon, _ = zhang(ctx)
    return complaints.open_complaint(ctx, complaints.ComplaintInput(
        customer_id, "空调修好三天又不制冷", kind, item_id=aircon, **kw))


def _resolve(ctx, c):
    return complaints.resolve_complaint(ctx, c.id, resolution="更换压缩机", responsible="质检部",
                                        told_via="phone", expected_version=c.version)


def _visit(ctx, c):
    return complaints.record_visit(ctx, c.id, visit_on=ctx.today(), visit_by="陈主任",
                                   notes="上门致歉", expected_version=c.version)


def _close(ctx, c):
    return complaints.close_complaint(ctx, c.id, outcome="客户满意", told_via="phone",
                                      expected_version=c.version)


def test_a_complaint_cannot_be_closed_before_the_visit_and_the_register_shows_who_waits(
        clerk):
    waiting = _resolve(clerk, _open(clerk))
    visited = _visit(clerk, _open(clerk))
    with pytest.raises(ValidationError) as err:
        _close(clerk, waiting)
    assert err.value.field == "visit_on"

    unvisited = complaints.list_complaints(clerk, view="unvisited")
    assert [c.id for c in unvisited] == [waiting.id]

    waiting = _visit(clerk, waiting)  # a resolved case can still be visited
    assert _close(clerk, waiting).status == "closed"
    assert complaints.list_complaints(clerk, view="unvisited") == []
    assert visited.visit_by == "陈主任"


def test_a_late_closure_gets_one_numbered_liaison_note_to_its_department(login):
    clerk = login("clerk")
    c = _open(at(clerk, date(2026, 11, 2)), "packaging")  # deadline 15 Nov
    on_time = _open(at(clerk, date(2026, 11, 20)))
    late_day = at(clerk, date(2026, 11, 19))
    c = _close(late_day, _resolve(late_day, _visit(late_day, c)))
    on_time = _close(late_day, _resolve(late_day, _visit(at(clerk, date(2026, 11, 20)),
                                                          on_time)))
    assert [x.id for x in complaints.late_without_liaison(late_day)] == [c.id]
    with pytest.raises(ValidationError):
        complaints.issue_liaison(late_day, on_time.id)

    note = complaints.issue_liaison(late_day, c.id, question="请说明逾期原因")

    assert note.number == "Q2611-001" and note.department == "warehouse_delivery"
    assert note.days_late == 4 and note.complaint.number == c.number
    assert complaints.late_without_liaison(late_day) == []
    with pytest.raises(ValidationError):
        complaints.issue_liaison(late_day, c.id)
    answered = complaints.record_liaison_reply(late_day, note.id, reply="配送车辆故障，已改进",
                                               expected_version=note.version)
    assert answered.replied_on == late_day.today()
    assert complaints.list_liaisons(late_day, unanswered=True) == []
    assert complaints.find_liaison(late_day, "q2611-001").reply == "配送车辆故障，已改进"


def test_a_produced_month_reads_the_same_after_its_cases_change(login):
    """October produced on 5 Nov; an October case opened late and closed in December do not
    move October's figures."""
    clerk = login("clerk")
    boss = login("boss")
    old = _open(at(clerk, date(2026, 10, 2)))  # overdue at the end of October
    quick = _open(at(clerk, date(2026, 10, 3)), "attitude")
    oct9 = at(clerk, date(2026, 10, 9))
    _close(oct9, _resolve(oct9, _visit(oct9, quick)))
    before = complaint_month_stats(at(boss, date(2026, 11, 5)), 2026, 10)
    assert (before.received, before.closed, before.open_overdue) == (2, 1, 1)
    assert before.responsibility == (("sales", 1, pytest.approx(100)),)
    with pytest.raises(ValidationError):
        produce_complaint_statistics(at(boss, date(2026, 10, 31)), 2026, 10)

    produced = produce_complaint_statistics(at(boss, date(2026, 11, 5)), 2026, 10)
    assert produced.produced_at is not None and produced.produced_by == "周经理"

    _open(at(clerk, date(2026, 12, 1)), accepted_on=date(2026, 10, 5))  # filed late
    dec = at(clerk, date(2026, 12, 3))
    _close(dec, _resolve(dec, _visit(dec, old)))

    after = complaint_month_stats(at(boss, date(2026, 12, 5)), 2026, 10)
    assert after.to_json() == produced.to_json()
    assert (after.received, after.open_overdue) == (2, 1)
    again = produce_complaint_statistics(at(boss, date(2026, 12, 5)), 2026, 10)
    assert again.to_json() == produced.to_json()
    live_nov = complaint_month_stats(at(boss, date(2026, 12, 5)), 2026, 11)
    # both October cases were still open on 30 Nov: November (not produced) counts them
    assert live_nov.open_overdue == 2 and live_nov.produced_at is None


def test_routing_4_3_6_and_another_department_needs_a_reason_on_the_trail(clerk, db):
    c = _open(clerk, "service")
    assert c.department == "sales"  # 售后服务人员不尽职责 → 销售部
    with pytest.raises(ValidationError) as err:
        complaints.reroute_complaint(clerk, c.id, kind="service", severity="ordinary",
                                     department="service", expected_version=c.version)
    assert err.value.field == "reason"

    moved = complaints.reroute_complaint(clerk, c.id, kind="service", severity="ordinary",
                                         department="service", reason="系技术员上门迟到",
                                         expected_version=c.version)

    assert moved.department == "service"
    with db.read() as s:
        reasons = s.scalars(select(AuditEntry.reason).where(
            AuditEntry.table_name == "complaints", AuditEntry.row_key == str(c.id))).all()
    assert "系技术员上门迟到" in reasons
