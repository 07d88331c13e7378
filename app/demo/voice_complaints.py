"""Demo complaints (客户投诉) of every kind and stage, numbered per month, with reminders."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Table, insert, update

from app.db.numbering import format_number, next_number, period_of, reserve_block
from app.demo.core import DemoContext
from app.models.enums import Role
from app.models.voice import (
    Complaint,
    ComplaintLiaison,
    ComplaintReminder,
    FollowUp,
    SurveyCard,
)
from app.services.complaint_service import ROUTES
from app.services.voice_common import COMPLAINT_DEADLINE_DEFAULT
from app.services.warranty import add_months

STORIES = {
    "quality": ("空调修好后一周又不制冷", "冰箱压缩机异响，换过一次还响"),
    "function": ("洗衣机脱水时剧烈晃动", "遥控器与空调经常不匹配"),
    "packaging": ("送来的新机包装箱破损，外壳有划痕", "配件包装受潮"),
    "attitude": ("技术员态度生硬，不愿解释", "柜台人员接电话不耐烦"),
    "service": ("约好上午上门，下午才到", "答应送的配件一直没送"),
    "other": ("发票迟迟没有寄到", "收费标准不清楚"),
}
DEMANDS = ("换新机", "退款", "赔礼道歉", "尽快修好", "减免费用", "")
RESOLUTIONS = ("已上门重新维修并试机正常", "已为客户更换新机", "对责任人批评教育并赔礼道歉",
               "已补寄配件并致歉", "已减免本次上门费")


@dataclass
class ComplaintPlan:
    accepted_on: date
    source: str
    customer_id: int
    item_id: int | None
    call_id: int | None
    description: str
    card_number: str = ""
    followup_call: int | None = None
    kind: str = ""


def plan_complaints(dc: DemoContext, done: list[Any]) -> list[ComplaintPlan]:
    """Complaints by phone, letter and visit: about one per 150 completed calls."""
    if not done:
        return []
    count = max(12, len(done) // 150)
    kinds = list(STORIES)
    plans = []
    recent = max(6, count // 4)  # the last three weeks: open, overdue, resolved
    for i in range(count):
        call_id, customer_id, item_id, _tech, finished, *_ = dc.rng.choice(done)
        day = min(dc.today, dc.local(finished).date() + timedelta(days=dc.rng.randint(1, 20)))
        if i < recent:
            day = max(dc.today - timedelta(days=dc.rng.randint(0, 21)),
                      min(dc.today, dc.local(finished).date()))
        kind = kinds[i % len(kinds)]
        plans.append(ComplaintPlan(day, dc.rng.choice(("call", "call", "letter", "visit")),
                                   customer_id, item_id, call_id,
                                   dc.rng.choice(STORIES[kind]), kind=kind))
    return plans


def write_complaints(dc: DemoContext, plans: list[ComplaintPlan]) -> None:
    if not plans:
        return
    plans.sort(key=lambda p: (p.accepted_on, p.call_id or 0))
    with dc.batch(reason="demo complaints") as session:
        periods = [period_of(p.accepted_on) for p in plans]
        serial = {k: reserve_block(session, "complaint", k, n)
                  for k, n in Counter(periods).items()}
        table: Table = Complaint.__table__  # type: ignore[assignment]
        closed: list[tuple[int, dict[str, Any]]] = []
        late: list[tuple[int, dict[str, Any]]] = []
        liaisons = 0
        for plan, period in zip(plans, periods, strict=True):
            row = _row(dc, plan, format_number("complaint", period, serial[period], dc.branch_code))
            serial[period] += 1
            complaint_id = session.execute(insert(table).returning(table.c.id),
                                           [row]).scalar_one()
            _link(session, plan, complaint_id)
            _reminders(dc, session, complaint_id, row)
            if _liaison(dc, session, complaint_id, row):
                liaisons += 1
            elif row["status"] == "closed" and row["closed_on"] > row["deadline"]:
                late.append((complaint_id, row))
            if row["status"] == "closed":
                closed.append((complaint_id, row))
        if not liaisons and late:  # a small demo still shows one
            _liaison(dc, session, *late[0], force=True)
        if closed:
            _reject_one(dc, session, table, closed)
    dc.add_count("complaints", len(plans) + (1 if closed else 0))
    _produce_statistics(dc, plans[0].accepted_on)


def _produce_statistics(dc: DemoContext, first: date) -> None:
    """The complaint statistics of every ended month but the last were produced (frozen) by
    the 10th; the last one waits for the manager when today is before the 10th."""
    from app.services.voice_stats import produce_complaint_statistics

    manager = dc.ctx.get(Role.MANAGER)
    if manager is None:
        return
    month = date(first.year, first.month, 1)
    this_month = date(dc.today.year, dc.today.month, 1)
    last = add_months(this_month, -1 if dc.today.day > 10 else -2)
    while month <= last:
        produce_complaint_statistics(manager, month.year, month.month)
        dc.add_count("complaint statistics produced", 1)
        month = add_months(month, 1)


def _liaison(dc: DemoContext, session: Any, complaint_id: int, row: dict[str, Any], *,
             force: bool = False) -> bool:
    """Most complaints closed late got a liaison note (洽办单) to their department a few days
    after closing; most of those have the department's answer."""
    closed: date | None = row.get("closed_on")
    if row["status"] != "closed" or closed is None or closed <= row["deadline"]:
        return False
    day = min(dc.today, closed + timedelta(days=dc.rng.randint(1, 4)))
    if not force and (day == dc.today or dc.rng.random() > 0.8):
        return False
    answered = day + timedelta(days=dc.rng.randint(1, 5))
    reply = dc.rng.choice(LIAISON_REPLIES) if answered <= dc.today else ""
    session.execute(insert(_table(ComplaintLiaison)), [{
        "number": next_number(session, "liaison", day), "complaint_id": complaint_id,
        "department": row["department"], "issued_on": day,
        "days_late": (closed - row["deadline"]).days, "question": "请查明逾期结案原因并回复",
        "reply": reply, "replied_on": answered if reply else None,
        "issued_by_id": dc.ctx[Role.MANAGER].actor.user_id if Role.MANAGER in dc.ctx else None,
        "version": 1, "created_at": dc.now, "updated_at": dc.now}])
    dc.add_count("liaison notes", 1)
    return True


LIAISON_REPLIES = ("厂家配件到货延误，已要求厂家缩短供货周期", "经办人休假未交接，已建立交接制度",
                   "配送车辆安排不及时，已调整排班")


def _row(dc: DemoContext, plan: ComplaintPlan, number: str) -> dict[str, Any]:
    rng = dc.rng
    kind = plan.kind or ("attitude" if plan.source == "card" else rng.choice(list(STORIES)))
    abroad = rng.random() < 0.05
    deadline = plan.accepted_on + timedelta(
        days=COMPLAINT_DEADLINE_DEFAULT["abroad" if abroad else "domestic"])
    row: dict[str, Any] = {
        "number": number, "source": plan.source, "customer_id": plan.customer_id,
        "item_id": plan.item_id, "call_id": plan.call_id, "description": plan.description,
        "demand": rng.choice(DEMANDS), "kind": kind, "department": ROUTES[kind],
        "severity": "serious" if rng.random() < 0.12 else "ordinary", "abroad": abroad,
        "accepted_on": plan.accepted_on, "deadline": deadline, "status": "open",
        "created_at": dc.now, "updated_at": dc.now,
    }
    _stage(dc, row, (dc.today - plan.accepted_on).days)
    return row


def _stage(dc: DemoContext, row: dict[str, Any], age: int) -> None:
    """Young ones mostly open; older ones mostly closed (some late); a few left overdue."""
    rng = dc.rng
    accepted: date = row["accepted_on"]
    supervisor = dc.ctx[Role.SUPERVISOR].actor if Role.SUPERVISOR in dc.ctx else None
    if age < 3 or (age < 13 and rng.random() < 0.6) or (age >= 13 and rng.random() < 0.03):
        if age >= 2 and rng.random() < 0.5:  # still open; half of them visited already
            row.update(visit_on=accepted + timedelta(days=rng.randint(1, min(age, 4))),
                       visit_by=supervisor.display_name if supervisor else "服务主任",
                       visit_notes="上门了解情况")
        return  # still open (overdue when old)
    if row["severity"] == "serious":
        manager = dc.ctx.get(Role.MANAGER)
        row.update(decision="请服务部上门致歉并妥善处理，三日内回复",
                   decided_by_id=manager.actor.user_id if manager else None,
                   decided_at=dc.utc(datetime.combine(accepted + timedelta(days=1), time(10))))
    visit = min(dc.today, accepted + timedelta(days=rng.randint(1, 4)))
    row.update(visit_on=visit, visit_by=supervisor.display_name if supervisor else "服务主任",
               visit_notes="上门了解情况并致歉")
    late = rng.random() < 0.15 or not dc.extras.get("complaints.closed_late")  # ≥ 1 late
    span = rng.randint(14, 19) if late else rng.randint(3, 12)
    resolved = min(dc.today, accepted + timedelta(days=span - 1))
    row.update(status="resolved", resolution=rng.choice(RESOLUTIONS), responsible="服务部",
               told_via=rng.choice(("letter", "phone")), resolved_on=resolved)
    closing = accepted + timedelta(days=span)
    if closing <= dc.today and rng.random() < 0.9:
        row.update(status="closed", closed_on=closing, outcome="客户接受处理结果")
        if closing > row["deadline"]:
            dc.extras["complaints.closed_late"] = True


def _link(session: Any, plan: ComplaintPlan, complaint_id: int) -> None:
    if plan.card_number:
        session.execute(update(SurveyCard).where(SurveyCard.number == plan.card_number)
                        .values(complaint_id=complaint_id))
    if plan.followup_call is not None:
        session.execute(update(FollowUp).where(FollowUp.call_id == plan.followup_call)
                        .values(complaint_id=complaint_id))


def _reminders(dc: DemoContext, session: Any, complaint_id: int, row: dict[str, Any]) -> None:
    """Open complaints past their deadline got a reminder (催办单) every few days."""
    if row["status"] == "closed":
        return
    day = row["deadline"] + timedelta(days=1)
    clerk = dc.ctx[Role.CLERK].actor.user_id if Role.CLERK in dc.ctx else None
    rows: list[dict[str, Any]] = []
    while day <= dc.today and len(rows) < 4:
        rows.append({"complaint_id": complaint_id, "days_overdue": (day - row["deadline"]).days,
                     "issued_at": dc.utc(datetime.combine(day, time(9, 30))),
                     "issued_by_id": clerk})
        day += timedelta(days=5)
    if rows:
        session.execute(insert(_table(ComplaintReminder)), rows)


def _reject_one(dc: DemoContext, session: Any, table: Table,
                closed: list[tuple[int, dict[str, Any]]]) -> None:
    """One customer rejects the outcome: a new complaint linked to the first."""
    first_id, first = closed[-1]
    day = min(dc.today, first["closed_on"] + timedelta(days=2))
    session.execute(update(table).where(table.c.id == first_id).values(rejected=True))
    row = {**{k: v for k, v in first.items() if k in (
        "source", "customer_id", "item_id", "call_id", "demand", "kind", "department",
        "severity", "abroad")},
        "number": format_number("complaint", period_of(day),
                                reserve_block(session, "complaint", period_of(day), 1),
                                dc.branch_code),
        "description": "客户不接受处理结果，要求换新机", "accepted_on": day,
        "deadline": day + timedelta(days=COMPLAINT_DEADLINE_DEFAULT["domestic"]),
        "status": "open", "reopened_from_id": first_id, "created_at": dc.now,
        "updated_at": dc.now}
    session.execute(insert(table), [row])


def _table(model: type[Any]) -> Table:
    """The model's Core table: plain executemany, no ORM bulk bookkeeping."""
    table: Table = model.__table__
    return table
