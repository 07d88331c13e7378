"""A technician's and the team's worked day (2026-11-18) for the daily-report tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.models.customers import Customer, Item
from app.models.jobs import InternalWorkKind, VisitOutcome
from app.models.staff import User
from app.services import dispatch_service as dispatch
from app.services import visit_service as visits
from app.services.calls_service import CallInput, register_call

TZ = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 11, 18)


def at(h: int, m: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, h, m, tzinfo=TZ)


def clocked(ctx, moment: datetime):
    return replace(ctx, clock=lambda: moment)


def uid(db, username: str) -> int:
    with db.read() as session:
        return session.scalar(select(User.id).where(User.username == username))


@pytest.fixture
def worked_day(db, login):
    """Wednesday: three calls; one completed on site, one taken in, one left waiting;
    the technician also spent 90 minutes in training."""
    clerk, sup = clocked(login("clerk"), at(12)), clocked(login("super"), at(10, 30))
    tech = clocked(login("tech"), at(17))
    with db.read() as session:
        zhang = session.scalar(select(Customer.id).where(Customer.name == "张伟"))
        items = session.scalars(select(Item.id).where(Item.customer_id == zhang)).all()
    calls = [register_call(clerk, CallInput(fault=f, customer_id=zhang, item_id=i,
                                            received_at=at(h)))
             for f, i, h in (("不制冷", items[0], 9), ("不脱水", items[1], 10),
                             ("漏水", items[1], 11))]
    jobs = [dispatch.dispatch_call(sup, c.id, uid(db, "tech"), expected_version=c.version)
            for c in calls[:2]]
    visits.record_visit(tech, jobs[0].job_id, visits.VisitInput(
        at(11), at(11, 50), VisitOutcome.COMPLETED, "更换电容",
        customer_signed=True), expected_version=jobs[0].version)
    visits.record_visit(tech, jobs[1].job_id, visits.VisitInput(
        at(14), at(14, 30), VisitOutcome.TAKEN_IN, "电机故障，带回",
        customer_signed=True, taken=visits.MoneyTaken(Decimal("50"), "cash")),
        expected_version=jobs[1].version)
    visits.log_internal_work(tech, visits.InternalWorkInput(
        DAY, InternalWorkKind.TRAINING, 90, "新机型培训"))
    return calls, jobs
