"""Demo step: dispatch (派工) and on-site service — vouchers, assignments, visits, D work.

Past calls (closed) get a voucher dispatched inside business hours, an arrival (most within
the 6/7-hour deadline, about one in ten late) and a visit completed on site or taken in.
Recent open calls are dispatched, on site, completed (waiting for the clerk) or taken in
(waiting for carry-in); today's and some of yesterday's calls stay in the queue.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update

from app.db.numbering import format_number, period_of, reserve_block
from app.demo.core import DemoContext, Step
from app.models.calls import Call
from app.models.enums import Role
from app.models.jobs import InternalWork, Job, JobAssignment, Visit
from app.services import calendar_service as cal_svc
from app.services.calendar_service import BusinessCalendar

BATCH = 4000
LATE_SHARE = 0.1
TAKEN_IN_SHARE = 0.15
WORK = ("清洗滤网，加氟", "更换启动电容", "更换排水泵", "调整门封", "更换温控器",
        "紧固线路，试机正常", "更换主板", "疏通排水管", "重新安装固定", "检查正常，指导使用")
TAKEN = ("压缩机故障，需带回修理", "主板烧毁，带回检测", "电机异响，带回更换", "需返厂维修")
# parts from stock are the on-site step's; the note is for what stock does not hold
PARTS_NOTES = ("",) * 12 + ("客户自备皮带", "旧件留给客户")
REASSIGN = ("原技术员请假", "就近安排", "客户要求换人", "技术员另有急件")
D_NOTES = {"inspection": "仓库商品检查", "parts": "零件盘点", "tools": "工具保养",
           "training": "新机型培训", "other": "整理资料"}


@dataclass
class _Plan:
    """The history one call gets: times, technician, outcome, and the call's new state."""

    call_id: int
    category: str
    tech: int
    dispatched: datetime
    deadline: datetime
    arrived: datetime | None
    completed: datetime | None
    outcome: str | None  # completed / taken_in / None (no visit yet)
    job_status: str
    call_status: str
    closed_at: datetime | None


def run(dc: DemoContext) -> None:
    if not dc.technician_ids:
        return
    with dc.read() as session:
        cal = cal_svc.load_calendar(session, dc.tz)
        hours = cal_svc.zone_hours(session)
        calls = session.execute(
            select(Call.id, Call.received_at, Call.status, Call.closed_at, Call.zone_id,
                   Call.category, Call.channel).order_by(Call.received_at, Call.id)).all()
    total = len(calls)
    for start in range(0, total, BATCH):
        chunk = calls[start:start + BATCH]
        plans = [p for row in chunk if (p := _plan(dc, cal, hours, row)) is not None]
        with dc.batch(reason="demo dispatch") as session:
            _write(dc, session, plans)
        dc.report(start + len(chunk), total, f"{start + len(chunk)}/{total}")
    _internal_work(dc, cal)


def _plan(dc: DemoContext, cal: BusinessCalendar, hours: dict[int, int],
          row: Any) -> _Plan | None:
    call_id, received, status, closed_at, zone_id, category, channel = row
    if channel == "walk_in" or status not in ("closed", "registered"):
        return None
    if status == "registered" and not _dispatch_now(dc, received):
        return None  # stays in today's queue (or as yesterday's leftover)
    rng = dc.rng
    deadline = cal_svc.dispatch_deadline(cal, received, hours.get(zone_id or 0))
    dispatched = cal.add_minutes(received, int(rng.uniform(5, 80)))
    if dispatched > dc.now:
        return None
    if rng.random() < LATE_SHARE:
        arrived = cal.add_minutes(deadline, int(rng.uniform(10, 150)))
    else:
        budget = max(25, cal.minutes_between(dispatched, deadline) - 5)
        arrived = cal.add_minutes(dispatched, int(rng.uniform(20, budget)))
    completed = arrived + timedelta(minutes=int(rng.triangular(20, 150, 50)))
    outcome = "taken_in" if rng.random() < TAKEN_IN_SHARE else "completed"
    plan = _Plan(call_id, category, rng.choice(dc.technician_ids), dispatched, deadline,
                 arrived, completed, outcome, "filed", "closed", closed_at)
    return _settle(dc, plan, status == "registered")


def _dispatch_now(dc: DemoContext, received: datetime) -> bool:
    """Recent calls: nearly all older ones were dispatched, most of yesterday's (the rest
    are the leftovers that go first, seed 002 §十八), and some of today's so far."""
    day = dc.local(received).date()
    share = 0.4 if day >= dc.today else 0.9 if day == dc.today - timedelta(days=1) else 0.995
    return dc.rng.random() < share


def _settle(dc: DemoContext, plan: _Plan, recent: bool) -> _Plan:
    """Cut the story at ``dc.now`` and decide the statuses of voucher and call."""
    now, rng = dc.now, dc.rng
    if plan.arrived is None or plan.arrived > now:
        plan.arrived = plan.completed = plan.outcome = None
        plan.job_status = plan.call_status = "dispatched"
        plan.closed_at = None
        return plan
    assert plan.completed is not None
    if plan.completed > now:
        plan.completed = plan.outcome = None
        plan.job_status = plan.call_status = "on_site"
        plan.closed_at = None
        return plan
    if recent and plan.outcome == "taken_in":
        plan.job_status = plan.call_status = "taken_in"  # the carry-in flow takes over
        plan.closed_at = None
    elif recent and rng.random() < 0.5:
        plan.job_status = plan.call_status = "completed"  # waits for the clerk (注销)
        plan.closed_at = None
    else:
        # the clerk closes it (注销) while the store is open, never before the visit ended
        close = max(dc.in_hours(plan.completed + timedelta(minutes=int(rng.uniform(20, 600)))),
                    plan.completed)
        plan.closed_at = max(plan.closed_at or close, close)
    return plan


def _write(dc: DemoContext, session: Any, plans: list[_Plan]) -> None:
    if not plans:
        return
    plans.sort(key=lambda p: (p.dispatched, p.call_id))
    numbers = _numbers(dc, session, plans)
    jobs: Table = Job.__table__  # type: ignore[assignment]
    rows = [_job_row(dc, p, n) for p, n in zip(plans, numbers, strict=True)]
    stmt = insert(jobs).returning(jobs.c.id, sort_by_parameter_order=True)
    ids = [int(r[0]) for r in session.execute(stmt, rows)]
    session.execute(insert(JobAssignment), _assignments(dc, plans, ids))
    visits = [_visit_row(dc, p, i) for p, i in zip(plans, ids, strict=True) if p.outcome]
    if visits:
        session.execute(insert(Visit), visits)
    calls: Table = Call.__table__  # type: ignore[assignment]
    session.execute(
        update(calls).where(calls.c.id == bindparam("cid"))
        .values(status=bindparam("st"), closed_at=bindparam("ca"), updated_at=bindparam("ua")),
        [{"cid": p.call_id, "st": p.call_status, "ca": p.closed_at,
          "ua": p.closed_at or p.completed or p.dispatched} for p in plans])
    dc.add_count("vouchers", len(plans))
    dc.add_count("visits", len(visits))
    dc.add_count("late arrivals", sum(p.arrived is not None and p.arrived > p.deadline
                                      for p in plans))
    taken = [p.call_id for p in plans if p.call_status == "taken_in"]
    dc.extras.setdefault("dispatch.taken_in_call_ids", []).extend(taken)


def _numbers(dc: DemoContext, session: Any, plans: list[_Plan]) -> list[str]:
    periods = [period_of(dc.local(p.dispatched).date()) for p in plans]
    serial = {p: reserve_block(session, "voucher", p, n) for p, n in Counter(periods).items()}
    out = []
    for period in periods:
        out.append(format_number("voucher", period, serial[period], dc.branch_code))
        serial[period] += 1
    return out


def _job_row(dc: DemoContext, p: _Plan, number: str) -> dict[str, Any]:
    supervisor = dc.ctx[Role.SUPERVISOR].actor.user_id if Role.SUPERVISOR in dc.ctx else None
    filed = p.closed_at if p.job_status == "filed" else None
    return {"number": number, "call_id": p.call_id, "technician_id": p.tech,
            "category": p.category, "status": p.job_status, "dispatched_at": p.dispatched,
            "dispatched_by_id": supervisor, "deadline_at": p.deadline, "arrived_at": p.arrived,
            "completed_at": p.completed if p.outcome == "completed" else None,
            "filed_at": filed, "created_at": p.dispatched,
            "updated_at": filed or p.completed or p.dispatched}


def _assignments(dc: DemoContext, plans: list[_Plan], ids: list[int]) -> list[dict[str, Any]]:
    rows = []
    for p, job_id in zip(plans, ids, strict=True):
        rows.append({"job_id": job_id, "technician_id": p.tech, "assigned_at": p.dispatched,
                     "reason": ""})
        others = [t for t in dc.technician_ids if t != p.tech]
        if others and dc.rng.random() < 0.03:  # reassigned before it left: the first one
            rows[-1]["technician_id"] = dc.rng.choice(others)
            rows.append({"job_id": job_id, "technician_id": p.tech,
                         "assigned_at": p.dispatched + timedelta(minutes=10),
                         "reason": dc.rng.choice(REASSIGN)})
    return rows


def _visit_row(dc: DemoContext, p: _Plan, job_id: int) -> dict[str, Any]:
    assert p.arrived is not None and p.completed is not None
    rng = dc.rng
    taken = p.outcome == "taken_in"
    return {"job_id": job_id, "technician_id": p.tech, "arrived_at": p.arrived,
            "completed_at": p.completed, "outcome": p.outcome,
            "work_done": rng.choice(TAKEN if taken else WORK),
            "parts_text": "" if taken else rng.choice(PARTS_NOTES),
            "labour_minutes": int((p.completed - p.arrived) / timedelta(minutes=1)),
            "customer_signed": True,
            "created_at": p.completed, "updated_at": p.completed}


def _internal_work(dc: DemoContext, cal: BusinessCalendar) -> None:
    """Category D work: about every other working day per technician."""
    rows = []
    for back in range(1, 366):
        day = dc.today - timedelta(days=back)
        if dc.local(dc.now).date() - day > timedelta(days=365) or not cal.is_working_day(day):
            continue
        for tech in dc.technician_ids:
            if dc.rng.random() < 0.5:
                kind = dc.rng.choice(list(D_NOTES))
                rows.append({"technician_id": tech, "day": day, "kind": kind,
                             "minutes": dc.rng.choice((30, 45, 60, 90, 120)),
                             "note": D_NOTES[kind], "recorded_by_id": tech})
    with dc.batch(reason="demo internal work") as session:
        if rows:
            session.execute(insert(InternalWork), rows)
    dc.add_count("internal work", len(rows))


STEP = Step("dispatch", run, weight=25)
