"""Demo step: the store profile and its district zones (city / suburb), through the services."""

from __future__ import annotations

from app.demo.core import DemoContext, Step
from app.demo.data import DISTRICTS, STORE_PROFILE
from app.models.branch import FIRST_BRANCH_ID
from app.models.enums import Role, StoreKind, ZoneKind
from app.services import branch_service, setup_checklist
from app.services import reference_service as reference
from app.services.reference_service import StoreProfile, ZoneInput


def run(dc: DemoContext) -> None:
    admin = dc.ctx[Role.ADMIN]
    current = reference.get_store_profile(admin)
    name = STORE_PROFILE["name"]
    branch = admin.actor.branch_id
    if branch not in (None, FIRST_BRANCH_ID):  # a company's other branch: its own letterhead
        name = next(b.name for b in branch_service.list_branches(admin) if b.id == branch)
    profile = StoreProfile(name, STORE_PROFILE["address"],
                           STORE_PROFILE["phone"], StoreKind(STORE_PROFILE["kind"]),
                           STORE_PROFILE["timezone"])
    reference.update_store_profile(admin, profile, expected_version=current.version)
    setup_checklist.mark_demo(admin)  # every window on this file says "demo store"
    zones = {z.name: z.id for z in reference.list_zones(admin, include_inactive=True)}
    for done, (name, (kind, hours, _places)) in enumerate(DISTRICTS.items(), start=1):
        dc.check_cancel()
        if name not in zones:
            zones[name] = reference.create_zone(admin, ZoneInput(name, ZoneKind(kind), hours)).id
            dc.add_count("zones", 1)
        dc.report(done, len(DISTRICTS), name)
    dc.zone_ids.update(zones)


STEP = Step("store", run, weight=1)
