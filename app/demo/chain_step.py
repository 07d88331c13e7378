"""Demo step: the job chain's records — late repairs that asked the supervisor for help
(some answered) or wait for parts with a new promised date (§十四), and the last working
days' daily reports in every state (§十五–十七): drafts, submitted, reviewed (核阅), the
supervisor's report submitted, signed by the manager and forwarded, and one reopened."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, update

from app.demo.core import DemoContext, Step
from app.models.carry_in import Escalation as EscalationRow
from app.models.carry_in import ItemReceipt, ItemReturn, PromiseChange
from app.models.enums import Role
from app.models.reports import DailyReportRecord, DailyReportStep, ReportKind, ReportStatus
from app.services import daily_report_service

HELP = ("电机异响找不到原因，请主任协助判断", "主板故障代码不在手册里", "压缩机更换需两人配合",
        "客户要求加急，需协调零件")
ANSWERS = ("陈主任一同检查：轴承损坏，已报料", "已联系厂家技术支持，按新代码表处理",
           "安排吴刚协助，下午一同更换", "已向仓库加急调货")
WAITING = ("压缩机缺货，厂家五日内到", "主板返厂更换，约一周", "原装门封条缺货，已订",
           "温控器型号停产，等替代件")
REOPEN = "漏记一张上门凭证，退回补填"
DAYS = 10  # working days of reports before today


def run(dc: DemoContext) -> None:
    _late_repairs(dc)
    _daily_reports(dc)
    dc.report(1, 1, "reports")


# ---- §十四 ------------------------------------------------------------------------------------

def _late_repairs(dc: DemoContext) -> None:
    """Items in the store past their promise, and items that went home late: every third
    asked for help (the open ones partly answered, the past ones answered), every third
    waited for parts with a new promised date (still waiting if in the store)."""
    supervisor = dc.user_of(Role.SUPERVISOR)
    with dc.batch(reason="demo late repairs") as session:
        late = session.execute(
            select(ItemReceipt.id, ItemReceipt.promised_date, ItemReceipt.technician_id,
                   ItemReturn.returned_at)
            .outerjoin(ItemReturn, ItemReturn.receipt_id == ItemReceipt.id)
            .where(ItemReceipt.promised_date < dc.today)
            .order_by(ItemReceipt.promised_date, ItemReceipt.id)).all()
        asks, waits = [], []
        counted = {True: 0, False: 0}  # items still here and items gone home, apart
        for receipt_id, promised, tech, returned in late:
            back = dc.local(returned).date() if returned is not None else None
            if back is not None and back <= promised:
                continue  # on time
            i = counted[back is None]
            counted[back is None] += 1
            if i % 3 == 0:
                asks.append(_ask(dc, receipt_id, promised, tech, supervisor,
                                 answered=back is not None or i % 2 == 1))
            elif i % 3 == 1:
                waits.append(_wait(dc, receipt_id, promised, tech, back))
        if asks:
            session.execute(insert(EscalationRow), asks)
        if waits:
            still = [row.pop("still_waiting") for row in waits]
            session.execute(insert(PromiseChange), waits)
            for row, waiting in zip(waits, still, strict=True):
                session.execute(update(ItemReceipt).where(ItemReceipt.id == row["receipt_id"])
                                .values(promised_date=row["new_date"],
                                        waiting_for_parts=waiting))
    dc.add_count("requests for help", len(asks))
    dc.add_count("waiting for parts", len(waits))


def _morning(dc: DemoContext, day: date, minutes: int) -> datetime:
    return dc.in_hours(dc.utc(datetime.combine(day, time(9, 0)) + timedelta(minutes=minutes)))


def _ask(dc: DemoContext, receipt_id: int, promised: date, tech: int, supervisor: int | None,
         *, answered: bool) -> dict[str, Any]:
    asked = _morning(dc, min(promised + timedelta(days=1), dc.today), dc.rng.randint(10, 120))
    done = answered and supervisor is not None and asked + timedelta(hours=2) < dc.now
    at = dc.in_hours(asked + timedelta(hours=dc.rng.uniform(0.5, 2))) if done else None
    return {"receipt_id": receipt_id, "asked_at": asked, "asked_by_id": tech,
            "note": dc.rng.choice(HELP), "answered_at": at,
            "answered_by_id": supervisor if done else None,
            "answer": dc.rng.choice(ANSWERS) if done else ""}


def _wait(dc: DemoContext, receipt_id: int, promised: date, tech: int,
          back: date | None) -> dict[str, Any]:
    """The new date: the day it went home (the parts came), or ahead for one still here."""
    new = back if back is not None else dc.today + timedelta(days=dc.rng.randint(2, 10))
    return {"receipt_id": receipt_id, "old_date": promised, "new_date": new,
            "waiting_for_parts": True, "reason": dc.rng.choice(WAITING),
            "at": _morning(dc, min(promised + timedelta(days=1), dc.today),
                           dc.rng.randint(10, 200)), "by_id": tech,
            "still_waiting": back is None}


# ---- §十五–十七 -----------------------------------------------------------------------------

def _days(dc: DemoContext) -> list[date]:
    """Today and the ``DAYS`` working days before it, oldest first."""
    cal, day = dc.calendar(), dc.today
    days: list[date] = []
    while len(days) < DAYS and day > dc.today - timedelta(days=60):
        day -= timedelta(days=1)
        if cal.is_working_day(day):
            days.append(day)
    return [*reversed(days), dc.today]


def _daily_reports(dc: DemoContext) -> None:
    if Role.SUPERVISOR not in dc.ctx:
        return
    days = _days(dc)
    with dc.batch(reason="demo daily reports") as session:
        for age, day in enumerate(reversed(days)):  # age 0 is today
            _one_day(dc, session, day, age)
    dc.add_count("daily reports", len(days) * (len(dc.technician_ids) + 1))


def _one_day(dc: DemoContext, session: Any, day: date, age: int) -> None:
    """Older days went the whole way; yesterday's wait for reviews, today's are drafts."""
    sup_ctx = dc.ctx[Role.SUPERVISOR]
    sup, boss = dc.user_of(Role.SUPERVISOR) or 0, dc.user_of(Role.MANAGER) or 0
    evening = datetime.combine(day, time(17, 20))
    for n, tech in enumerate(dc.technician_ids):
        minutes = daily_report_service.technician_report(sup_ctx, tech, day).total_minutes
        steps: list[tuple[str, int, str]] = []
        if age >= 1 or n == 0:
            steps.append(("submitted", tech, ""))
        if age >= 2 or (age == 1 and n % 2 == 0):
            steps.append(("reviewed", sup, ""))
        if age == 3 and n == 1:  # sent back for a missing voucher, then done again
            steps += [("reopened", sup, REOPEN), ("submitted", tech, ""), ("reviewed", sup, "")]
        _record(dc, session, ReportKind.TECHNICIAN, day, tech, minutes, steps,
                evening + timedelta(minutes=5 * n))
    team: list[tuple[str, int, str]] = []
    if age >= 2:
        team.append(("submitted", sup, ""))
    if age >= 3:
        team.append(("signed", boss, ""))
    if age >= 4:
        team.append(("forwarded", sup, ""))
    minutes = daily_report_service.supervisor_report(sup_ctx, day).total_minutes
    _record(dc, session, ReportKind.SUPERVISOR, day, None, minutes, team,
            evening + timedelta(minutes=40))


_STATUS = {"submitted": ReportStatus.SUBMITTED, "reviewed": ReportStatus.REVIEWED,
           "signed": ReportStatus.SIGNED, "forwarded": ReportStatus.FORWARDED,
           "reopened": ReportStatus.DRAFT}


def _record(dc: DemoContext, session: Any, kind: ReportKind, day: date, tech: int | None,
            minutes: int, steps: list[tuple[str, int, str]], first: datetime) -> None:
    """A report record and its steps, each step on a later moment of the store's hours."""
    status = _STATUS[steps[-1][0]] if steps else ReportStatus.DRAFT
    times, at = [], dc.utc(first)
    for _step in steps:
        at = min(dc.in_hours(at, spread=20), dc.now)
        times.append(at)
        at += timedelta(minutes=dc.rng.randint(15, 200))
    created = times[0] if times else min(dc.in_hours(dc.utc(first)), dc.now)
    record_id = session.execute(insert(DailyReportRecord).returning(DailyReportRecord.id), [{
        "kind": kind.value, "day": day, "technician_id": tech, "status": status.value,
        "total_minutes": minutes, "created_at": created,
        "updated_at": times[-1] if times else created}]).scalar_one()
    if steps:
        session.execute(insert(DailyReportStep), [
            {"report_id": record_id, "step": step, "at": when, "actor_id": actor, "note": note}
            for (step, actor, note), when in zip(steps, times, strict=True)])


STEP = Step("chain", run, weight=2)
