"""First-start defaults: business hours, zones and store profile, written once."""

from __future__ import annotations

import json
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.database import Database
from app.models.enums import StoreKind, ZoneKind
from app.models.store import BusinessHours, Setting, Zone

DEFAULT_PROFILE = {
    "name": "售后服务中心",
    "address": "",
    "phone": "",
    "kind": StoreKind.SERVICE_CENTRE.value,
    "timezone": "Asia/Shanghai",
}


def ensure_defaults(db: Database) -> None:
    """Seed what a store needs before anyone configures anything (idempotent)."""
    with db.write(None, reason="defaults") as session:
        _hours(session)
        _zones(session)
        if session.get(Setting, "store.profile") is None:
            session.add(Setting(key="store.profile",
                                value=json.dumps(DEFAULT_PROFILE, ensure_ascii=False)))


def _hours(session: Session) -> None:
    if session.scalar(select(BusinessHours.weekday).limit(1)) is not None:
        return
    for weekday in range(7):
        session.add(BusinessHours(weekday=weekday, is_open=weekday < 5,
                                  opens_at=time(9, 0), closes_at=time(18, 0)))


def _zones(session: Session) -> None:
    if session.scalar(select(Zone.id).limit(1)) is not None:
        return
    session.add_all([
        Zone(name="市区", kind=ZoneKind.CITY.value, dispatch_hours=ZoneKind.CITY.dispatch_hours),
        Zone(name="郊区", kind=ZoneKind.SUBURB.value,
             dispatch_hours=ZoneKind.SUBURB.dispatch_hours),
    ])
