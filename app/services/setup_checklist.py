"""The store's set-up checklist (what is left to do after the first start).

Each step is done when the store's data says so (the letterhead has an address and a
phone, a product model exists, a clerk, a supervisor and a technician can log in) or, for
what the first start fills with defaults (business hours, zones), when the owner accepted
them. The printers are this computer's (``app/ui``): the UI adds that step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.calls import Call
from app.models.enums import Role
from app.models.staff import User
from app.models.store import ProductModel
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.reference_service import DayHours, store_profile_in, write_business_hours
from app.services.settings_kv import load_setting, save_setting

PROGRESS_KEY = "setup.progress"
DEMO_KEY = "store.demo"  # the demo store (app/demo): made-up data
STEPS = ("profile", "hours", "zones", "catalogue", "staff")
CONFIRMED_STEPS = ("hours", "zones")  # filled with defaults: done once the owner accepts them
STAFF_ROLES = (Role.CLERK, Role.SUPERVISOR, Role.TECHNICIAN)


@dataclass(frozen=True)
class ChecklistItem:
    key: str  # one of STEPS
    done: bool


def checklist(ctx: ServiceContext) -> list[ChecklistItem]:
    """The set-up steps of the store, in the order of the set-up, each done or not."""
    with ctx.read() as session:
        confirmed = set(_confirmed(session)[0])
        profile = store_profile_in(session)
        has_model = session.scalar(select(ProductModel.id).limit(1)) is not None
        roles = set(session.scalars(select(User.role).where(User.active.is_(True))))
    done = {
        "profile": bool(profile.address and profile.phone),
        "hours": "hours" in confirmed,
        "zones": "zones" in confirmed,
        "catalogue": has_model or "catalogue" in confirmed,
        "staff": all(role.value in roles for role in STAFF_ROLES),
    }
    return [ChecklistItem(key, done[key]) for key in STEPS]


def missing_roles(ctx: ServiceContext) -> list[Role]:
    """The staff roles of the set-up that no active account has yet (the staff step)."""
    with ctx.read() as session:
        roles = set(session.scalars(select(User.role).where(User.active.is_(True))))
    return [role for role in STAFF_ROLES if role.value not in roles]


def shown(ctx: ServiceContext) -> bool:
    """Whether the checklist is for this store: one whose set-up began with the first start
    (``begin``), or a store with nothing in its book yet. A store at work before the
    set-up existed is not pestered."""
    with ctx.read() as session:
        if _confirmed(session)[1]:
            return True
        return session.scalar(select(Call.id).limit(1)) is None


def begin(ctx: ServiceContext) -> None:
    """The first start's set-up began: the checklist stays until every step is done."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    with ctx.write(action="setup_step") as session:
        steps, version = _confirmed(session)
        if not version:
            save_setting(session, PROGRESS_KEY, steps, 0)


def confirm(ctx: ServiceContext, step: str) -> None:
    """The owner accepted step ``step`` as it is (hours, zones: the defaults; the
    catalogue: none to import); one transaction."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    if step not in STEPS:
        raise ValueError(step)
    with ctx.write(action="setup_step") as session:
        _mark(session, step)


def _mark(session: Session, step: str) -> None:
    steps, version = _confirmed(session)
    if step not in steps:
        save_setting(session, PROGRESS_KEY, sorted({*steps, step}), version)


def _confirmed(session: Session) -> tuple[list[str], int]:
    value, version = load_setting(session, PROGRESS_KEY)
    return [str(v) for v in (value or [])], version


def accept_hours(ctx: ServiceContext, days: Sequence[DayHours]) -> list[DayHours]:
    """The set-up's hours step: save the business hours and tick the step, one transaction
    (the rules are ``reference_service``'s)."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    with ctx.write(action="business_hours") as session:
        saved = write_business_hours(session, days)
        _mark(session, "hours")
        return saved


def mark_demo(ctx: ServiceContext) -> None:
    """This database is the demo store (made-up data): every window on it says so."""
    require(ctx.actor, Perm.REFERENCE_MANAGE)
    with ctx.write(action="demo_store") as session:
        _, version = load_setting(session, DEMO_KEY)
        if not version:
            save_setting(session, DEMO_KEY, True, 0)


def is_demo(ctx: ServiceContext) -> bool:
    with ctx.read() as session:
        return bool(load_setting(session, DEMO_KEY)[0])
