"""Reading the audit trail: a record's history, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.branch_scope import visible
from app.models.audit import AuditEntry
from app.models.branch import Branch
from app.models.customers import Customer
from app.models.staff import User
from app.models.store import ProductModel, Zone
from app.services.context import ServiceContext
from app.services.permissions import Perm, require


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    username: str
    role: str
    workstation: str
    table_name: str
    row_key: str
    action: str
    field: str
    old_value: str | None
    new_value: str | None
    reason: str
    person: str = ""  # the user's name (the log-in name if the account is gone)
    old_name: str | None = None  # a referenced record's name instead of its id
    new_name: str | None = None


# Fields that hold the id of another record, and the name that record is known by.
NAMED_IDS: dict[str, tuple[type[Any], Any]] = {
    "zone_id": (Zone, Zone.name),
    "branch_id": (Branch, Branch.name),
    "customer_id": (Customer, Customer.name),
    "product_model_id": (ProductModel, ProductModel.name),
    "created_by_id": (User, User.display_name),
    "technician_id": (User, User.display_name),
    "user_id": (User, User.display_name),
    "holder_id": (User, User.display_name),
}


def _names(session: Session, entries: list[AuditEntry]) -> dict[tuple[str, str], str]:
    """(field, stored id) → name, for the id fields of ``entries``; one query per kind."""
    wanted: dict[str, set[int]] = {}
    for e in entries:
        if e.field in NAMED_IDS:
            for value in (e.old_value, e.new_value):
                if value is not None and value.isdigit():
                    wanted.setdefault(e.field, set()).add(int(value))
    names: dict[tuple[str, str], str] = {}
    for field_name, ids in wanted.items():
        model, column = NAMED_IDS[field_name]
        for key, name in session.execute(select(model.id, column).where(model.id.in_(ids))):
            names[(field_name, str(key))] = str(name)
    return names


def history(ctx: ServiceContext, table: str, row_key: str | int, *,
            related: tuple[tuple[str, str], ...] = (), limit: int = 500) -> list[AuditRow]:
    """Every recorded change of one record (and optionally related ones), newest first."""
    require(ctx.actor, Perm.AUDIT_VIEW)
    keys = [(table, str(row_key)), *related]
    with ctx.read() as session:
        keys = [(t, k) for t, k in keys if visible(session, t, k)]  # not another branch's
        if not keys:
            return []
        cond = or_(*((AuditEntry.table_name == t) & (AuditEntry.row_key == k)
                     for t, k in keys))
        entries = list(session.scalars(
            select(AuditEntry).where(cond).order_by(AuditEntry.id.desc()).limit(limit)))
        people = dict(session.execute(select(User.username, User.display_name).where(
            User.username.in_({e.username for e in entries}))).all())
        names = _names(session, entries)
        return [AuditRow(e.at, e.username, e.role, e.workstation, e.table_name, e.row_key,
                         e.action, e.field, e.old_value, e.new_value, e.reason,
                         person=people.get(e.username, e.username),
                         old_name=names.get((e.field, e.old_value or "")),
                         new_name=names.get((e.field, e.new_value or "")))
                for e in entries]


def last_change(session: Session, table: str, row_key: str | int,
                field: str) -> tuple[datetime, str] | None:
    """When ``field`` of one record was last changed, and the reason given then."""
    row = session.execute(
        select(AuditEntry.at, AuditEntry.reason).where(AuditEntry.table_name == table,
                                                       AuditEntry.row_key == str(row_key),
                                                       AuditEntry.field == field)
        .order_by(AuditEntry.id.desc()).limit(1)).first()
    return (row[0], row[1]) if row is not None else None
