"""Demo step: the store profile and its district zones (city / suburb)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.core import DemoContext, Step
from app.demo.data import DISTRICTS, STORE_PROFILE
from app.models.store import Setting, Zone

PROFILE_KEY = "store.profile"


def run(dc: DemoContext) -> None:
    with dc.batch(reason="demo store") as session:
        _profile(session)
        zones = {z.name: z for z in session.scalars(select(Zone))}
        for name, (kind, hours, _streets) in DISTRICTS.items():
            if name not in zones:
                zones[name] = Zone(name=name, kind=kind, dispatch_hours=hours)
                session.add(zones[name])
                dc.add_count("zones", 1)
        session.flush()
        dc.zone_ids.update({name: zone.id for name, zone in zones.items()})


def _profile(session: Session) -> None:
    setting = session.get(Setting, PROFILE_KEY)
    current = json.loads(setting.value) if setting is not None else {}
    value = json.dumps({**current, **STORE_PROFILE}, ensure_ascii=False)
    if setting is None:
        session.add(Setting(key=PROFILE_KEY, value=value))
    else:
        setting.value = value


STEP = Step("store", run, weight=1)
