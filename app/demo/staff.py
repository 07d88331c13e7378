"""Demo step: a staff account for every role (real argon2id hashes: these are real log-ins)."""

from __future__ import annotations

from sqlalchemy import select

from app.demo.core import DemoContext, Step
from app.demo.data import STAFF
from app.models.enums import Role
from app.models.staff import User
from app.services import auth_service
from app.services.context import Actor, ServiceContext

DEMO_ADMIN = Actor(None, "demo", "演示数据", Role.ADMIN, "demo")


def run(dc: DemoContext) -> None:
    """Create the accounts of ``STAFF``; accounts that already exist are kept as they are."""
    maker = ServiceContext(dc.db, DEMO_ADMIN, tz=dc.tz, clock=lambda: dc.now)
    with dc.db.read() as session:
        existing = {row.username: (row.id, row.display_name, Role(row.role)) for row in
                    session.execute(select(User.id, User.username, User.display_name,
                                           User.role))}
    for done, (username, name, role_value, password) in enumerate(STAFF, start=1):
        dc.check_cancel()
        role = Role(role_value)
        known = existing.get(username)
        if known is None:
            dto = auth_service.create_user(maker, username=username, display_name=name,
                                           role=role, password=password)
            user_id, name = dto.id, dto.display_name
            dc.add_count("users", 1)
        else:
            user_id, name, role = known
        _remember(dc, username, user_id, name, role)
        dc.report(done, len(STAFF), username)


def _remember(dc: DemoContext, username: str, user_id: int, name: str, role: Role) -> None:
    dc.user_ids[username] = user_id
    if role not in dc.ctx:
        actor = Actor(user_id, username, name, role, "demo")
        dc.ctx[role] = ServiceContext(dc.db, actor, tz=dc.tz, clock=lambda: dc.now)
    if role is Role.TECHNICIAN:
        dc.technician_ids.append(user_id)
    if role is Role.CLERK:
        dc.extras.setdefault("staff.clerk_ids", []).append(user_id)


STEP = Step("staff", run, weight=3)
