"""Dispatch, reassignment, category override, visits, closing and internal work."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.models.calls import Call
from app.models.customers import Customer, Item
from app.models.enums import CallStatus, Category
from app.models.jobs import InternalWorkKind, Job, JobAssignment, VisitOutcome
from app.models.staff import User
from app.services import dispatch_service as dispatch
from app.services import visit_service as visits
from app.services.calls_service import CallInput, register_call


def user_id(db, username: str) -> int:
    with db.read() as session:
        return session.scalar(select(User.id).where(User.username == username))


def at_time(ctx, moment: datetime):
    return replace(ctx, clock=lambda: moment)


def new_call(db, clerk, name: str = "张伟", *, hours_ago: float = 1):
    with db.read() as session:
        customer = session.scalar(select(Customer).where(Customer.name == name))
        item = session.scalar(select(Item.id).where(Item.customer_id == customer.id))
        cid = customer.id
    return register_call(clerk, CallInput(fault="不制冷", customer_id=cid, item_id=item,
                                          received_at=clerk.now() - timedelta(hours=hours_ago)))


def audit_actions(db, table: str, key: int) -> list[tuple[str, str, str]]:
    with db.read() as session:
        return [(e.action, e.field, e.reason) for e in session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == table,
                                     AuditEntry.row_key == str(key)))]


def test_queue_puts_yesterdays_leftovers_first_with_deadline_and_state(db, clerk, login):
    # Given on Wednesday 15:00 a call from today and one from Monday, both waiting
    now = datetime(2026, 11, 18, 15, tzinfo=ZoneInfo("Asia/Shanghai"))
    clerk = at_time(clerk, now)
    fresh = new_call(db, clerk, hours_ago=0.1)
    old = new_call(db, clerk, "李娜", hours_ago=53)
    # When the supervisor opens the board
    board = dispatch.board(at_time(login("super"), now))
    # Then the leftover comes first, its deadline has passed, and both technicians show
    assert [r.call_id for r in board.queue] == [old.id, fresh.id]
    assert board.queue[0].leftover and board.queue[0].state == "overdue"
    assert board.queue[1].deadline_at > board.queue[1].received_at
    assert {t.name for t in board.technicians} == {"李师傅", "赵师傅"}


def test_dispatch_creates_a_numbered_voucher_and_records_who_when_to_whom(db, clerk, login):
    call = new_call(db, clerk)
    sup = login("super")
    tech = user_id(db, "tech")
    job = dispatch.dispatch_call(sup, call.id, tech, expected_version=call.version)
    assert job.number.startswith("V") and job.technician_name == "李师傅"
    with db.read() as session:
        stored = session.get(Job, job.job_id)
        assert stored.dispatched_by_id == user_id(db, "super")
        assert session.get(Call, call.id).status == CallStatus.DISPATCHED
        assert session.scalar(select(JobAssignment.technician_id)) == tech
    assert ("dispatch", "status", "") in audit_actions(db, "calls", call.id)
    # A second dispatch of the same call is refused
    with pytest.raises(ValidationError):
        dispatch.dispatch_call(sup, call.id, tech, expected_version=call.version + 1)
    loads = {t.name: t for t in dispatch.technician_loads(sup)}
    assert loads["李师傅"].open_jobs == 1 and loads["李师傅"].today_jobs == 1


def test_only_the_supervisor_dispatches_and_only_to_technicians(db, clerk, login):
    call = new_call(db, clerk)
    with pytest.raises(PermissionDenied):
        dispatch.dispatch_call(clerk, call.id, user_id(db, "tech"), expected_version=1)
    with pytest.raises(ValidationError) as err:
        dispatch.dispatch_call(login("super"), call.id, user_id(db, "clerk"), expected_version=1)
    assert err.value.field == "technician"


def test_reassign_needs_a_reason_and_keeps_the_history(db, clerk, login):
    sup = login("super")
    call = new_call(db, clerk)
    job = dispatch.dispatch_call(sup, call.id, user_id(db, "tech"), expected_version=1)
    with pytest.raises(ValidationError):
        dispatch.reassign_job(sup, job.job_id, user_id(db, "tech2"), reason=" ",
                              expected_version=job.version)
    moved = dispatch.reassign_job(sup, job.job_id, user_id(db, "tech2"), reason="李师傅请假",
                                  expected_version=job.version)
    assert moved.technician_name == "赵师傅"
    assert ("reassign", "technician_id", "李师傅请假") in audit_actions(db, "jobs", job.job_id)
    with db.read() as session:
        assert len(session.scalars(select(JobAssignment)).all()) == 2


def test_category_override_needs_permission_and_reason(db, clerk, login):
    call = new_call(db, clerk)
    assert call.category == Category.C  # the item is inside its warranty
    with pytest.raises(PermissionDenied):
        dispatch.override_category(clerk, call.id, Category.A, reason="x", expected_version=1)
    sup = login("super")
    with pytest.raises(ValidationError):
        dispatch.override_category(sup, call.id, Category.D, reason="x", expected_version=1)
    assert dispatch.override_category(sup, call.id, Category.A, reason="人为损坏",
                                      expected_version=call.version) == "A"
    assert ("category_override", "category", "人为损坏") in audit_actions(db, "calls", call.id)


def test_visit_completed_then_clerk_closes_and_files(db, clerk, login):
    tech = login("tech")
    sup = at_time(login("super"), tech.now() - timedelta(hours=2))
    call = new_call(db, clerk, hours_ago=3)
    job = dispatch.dispatch_call(sup, call.id, user_id(db, "tech"), expected_version=1)
    now = tech.now()
    # Another technician may not record it
    with pytest.raises(PermissionDenied):
        visits.record_visit(login("tech2"), job.job_id, visits.VisitInput(
            now, now, VisitOutcome.COMPLETED, "换电容", customer_signed=True),
            expected_version=job.version)
    visit = visits.record_visit(tech, job.job_id, visits.VisitInput(
        now - timedelta(minutes=50), now, VisitOutcome.COMPLETED, "更换启动电容",
        parts="电容 x1", customer_signed=True),
        expected_version=job.version)
    assert visit.labour_minutes == 50 and visit.payment_id is None
    with db.read() as session:
        assert session.get(Call, call.id).status == CallStatus.COMPLETED
        version = session.get(Call, call.id).version
    visits.close_call(clerk, call.id, expected_version=version)
    with db.read() as session:
        assert session.get(Call, call.id).status == CallStatus.CLOSED
        assert session.get(Job, job.job_id).status == "filed"
    assert ("close", "status", "") in audit_actions(db, "calls", call.id)


def test_not_fixable_marks_the_call_taken_in(db, clerk, login):
    call = new_call(db, clerk, hours_ago=3)
    sup = at_time(login("super"), clerk.now() - timedelta(hours=2))
    job = dispatch.dispatch_call(sup, call.id, user_id(db, "tech"), expected_version=1)
    tech = login("tech")
    now = tech.now()
    job = visits.record_arrival(tech, job.job_id, arrived_at=now - timedelta(minutes=30),
                                expected_version=job.version)
    assert job.status == "on_site" and job.call_status == "on_site"
    visits.record_visit(tech, job.job_id, visits.VisitInput(
        now - timedelta(minutes=30), now, VisitOutcome.TAKEN_IN, "压缩机故障，带回",
        customer_signed=True), expected_version=job.version)
    with db.read() as session:
        assert session.get(Call, call.id).status == CallStatus.TAKEN_IN
        assert session.get(Job, job.job_id).status == "taken_in"


def test_bad_visit_input_is_refused(db, clerk, login):
    call = new_call(db, clerk)
    job = dispatch.dispatch_call(login("super"), call.id, user_id(db, "tech"), expected_version=1)
    tech = login("tech")
    now = tech.now()
    cases = [
        (visits.VisitInput(now, now - timedelta(hours=1), VisitOutcome.COMPLETED, "x",
                           customer_signed=True), "completed_at"),
        (visits.VisitInput(now, now, VisitOutcome.COMPLETED, "x", customer_signed=True,
                           taken=visits.MoneyTaken(Decimal("1.005"))), "amount"),
        (visits.VisitInput(now, now, VisitOutcome.COMPLETED, "x"), "customer_signed"),
        (visits.VisitInput(now, now, VisitOutcome.COMPLETED, ""), "work_done"),
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as err:
            visits.record_visit(tech, job.job_id, data, expected_version=job.version)
        assert err.value.field == field


def test_internal_work_is_logged_with_its_time(db, login):
    tech = login("tech")
    work = visits.log_internal_work(tech, visits.InternalWorkInput(
        tech.today(), InternalWorkKind.TRAINING, 90, "新机型培训"))
    assert [w.minutes for w in visits.internal_work_of(tech, work.technician_id,
                                                       tech.today())] == [90]
    with pytest.raises(PermissionDenied):
        visits.log_internal_work(tech, visits.InternalWorkInput(
            tech.today(), InternalWorkKind.TOOLS, 30, technician_id=user_id(db, "tech2")))
    visits.void_internal_work(tech, work.id, reason="记错", expected_version=work.version)
    assert visits.internal_work_of(tech, work.technician_id, tech.today()) == []
