"""Reading the audit trail: a record's history, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models.audit import AuditEntry
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


def history(ctx: ServiceContext, table: str, row_key: str | int, *,
            related: tuple[tuple[str, str], ...] = (), limit: int = 500) -> list[AuditRow]:
    """Every recorded change of one record (and optionally related ones), newest first."""
    require(ctx.actor, Perm.AUDIT_VIEW)
    keys = [(table, str(row_key)), *related]
    cond = or_(*((AuditEntry.table_name == t) & (AuditEntry.row_key == k) for t, k in keys))
    with ctx.read() as session:
        entries = session.scalars(
            select(AuditEntry).where(cond).order_by(AuditEntry.id.desc()).limit(limit))
        return [AuditRow(e.at, e.username, e.role, e.workstation, e.table_name, e.row_key,
                         e.action, e.field, e.old_value, e.new_value, e.reason)
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
