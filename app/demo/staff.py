"""Demo step: a staff account for every role (real argon2id hashes: these are real log-ins)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from app.demo.core import DemoContext, Step
from app.demo.data import FAMILY, GIVEN, STAFF
from app.models.branch import FIRST_BRANCH_CODE
from app.models.enums import Role
from app.models.staff import User
from app.services import auth_service
from app.services.context import Actor, ServiceContext

DEMO_ADMIN = Actor(None, "demo", "演示数据", Role.ADMIN, "demo")


def branch_staff(code: str) -> tuple[tuple[str, str, str, str], ...]:
    """The staff of a branch: ``STAFF`` for the first; another branch has everyone but the
    administrator (who stays in the service department), user names carrying its code
    (clerk02, clerk02_2, tech02_1) and names of its own."""
    if not code or code == FIRST_BRANCH_CODE:
        return STAFF
    shift = int(code) * 7
    out = []
    for i, (username, _name, role, password) in enumerate(STAFF):
        if role == Role.ADMIN.value:
            continue
        base = username.rstrip("0123456789")
        digits = username[len(base):]
        name = FAMILY[(shift + i * 5) % len(FAMILY)] + GIVEN[(shift + i * 3) % len(GIVEN)] \
            + GIVEN[(shift + i * 11 + 1) % len(GIVEN)]
        out.append((f"{base}{code}_{digits}" if digits else f"{base}{code}", name, role,
                    password))
    return tuple(out)


def run(dc: DemoContext) -> None:
    """Create the accounts of the branch's staff (``branch_staff``) in the branch; accounts
    that already exist are kept as they are."""
    maker = ServiceContext(dc.db, DEMO_ADMIN, tz=dc.tz, clock=lambda: dc.now)
    if dc.branch_id is not None:  # the branch's own steps act as the demo inside it
        dc.ctx[Role.ADMIN] = ServiceContext(dc.db, replace(DEMO_ADMIN, branch_id=dc.branch_id),
                                            tz=dc.tz, clock=lambda: dc.now)
    staff = branch_staff(dc.branch_code)
    with dc.read() as session:
        existing = {row.username: (row.id, row.display_name, Role(row.role)) for row in
                    session.execute(select(User.id, User.username, User.display_name,
                                           User.role))}
    for done, (username, name, role_value, password) in enumerate(staff, start=1):
        dc.check_cancel()
        role = Role(role_value)
        known = existing.get(username)
        if known is None:
            # the administrator stays in the service department (sees every branch)
            branch = None if role is Role.ADMIN else dc.branch_id
            dto = auth_service.create_user(maker, username=username, display_name=name,
                                           role=role, password=password, branch_id=branch)
            user_id, name = dto.id, dto.display_name
            dc.add_count("users", 1)
        else:
            user_id, name, role = known
        _remember(dc, username, user_id, name, role)
        dc.report(done, len(staff), username)


def _remember(dc: DemoContext, username: str, user_id: int, name: str, role: Role) -> None:
    dc.user_ids[username] = user_id
    if role not in dc.ctx:
        actor = Actor(user_id, username, name, role, "demo", branch_id=dc.branch_id)
        dc.ctx[role] = ServiceContext(dc.db, actor, tz=dc.tz, clock=lambda: dc.now)
    if role is Role.TECHNICIAN:
        dc.technician_ids.append(user_id)
    if role is Role.CLERK:
        dc.extras.setdefault("staff.clerk_ids", []).append(user_id)


STEP = Step("staff", run, weight=3)
