"""Shared givens for the customer-voice tests: clocks, completed calls with a technician."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from app.models.calls import Call
from app.models.jobs import Job
from app.models.staff import User
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.context import ServiceContext

TZ = ZoneInfo("Asia/Shanghai")


def at(ctx: ServiceContext, day: date, hour: int = 10) -> ServiceContext:
    """The same actor, with the clock stopped at ``day`` ``hour``:00 store time."""
    moment = datetime.combine(day, time(hour), tzinfo=TZ).astimezone(UTC)
    return replace(ctx, clock=lambda: moment)


def zhang(ctx: ServiceContext) -> tuple[int, int, int]:
    """张伟's id, his air conditioner (in warranty) and washing machine (out of warranty)."""
    found = customers.find_customers(ctx, "5678")
    file = customers.get_customer(ctx, found[0].id)
    return file.id, file.items[0].id, file.items[1].id


def user_id(ctx: ServiceContext, username: str) -> int:
    with ctx.read() as s:
        uid = s.scalar(select(User.id).where(User.username == username))
        assert uid is not None
        return uid


def completed_call(ctx: ServiceContext, *, item_id: int | None = None,
                   technician: str = "tech", done: datetime | None = None,
                   fault: str = "不制冷") -> int:
    """A call that a technician finished (job completed), as dispatch would leave it."""
    customer_id = zhang(ctx)[0]
    call = calls.register_call(ctx, calls.CallInput(fault=fault, customer_id=customer_id,
                                                    item_id=item_id))
    finished = done or ctx.now()
    tech = user_id(ctx, technician)
    with ctx.db.write(None) as s:
        row = s.get(Call, call.id)
        assert row is not None
        row.status = "completed"
        s.add(Job(number=f"V-{call.id}", call_id=call.id, technician_id=tech, category="A",
                  status="completed", dispatched_at=finished, deadline_at=finished,
                  arrived_at=finished, completed_at=finished))
    return call.id
