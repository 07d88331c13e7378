"""The audit hook: one generic mechanism that records every change of an audited record.

It runs in ``after_flush`` (history is still there, primary keys are known) and writes
through the same connection, so the trail commits or rolls back with the change itself.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from app.db.database import AuditContext
from app.models.audit import AuditEntry
from app.models.base import Base, utcnow

_installed = False


def install_audit_hook() -> None:
    """Register the hook once per process for every Session."""
    global _installed
    if _installed:
        return
    event.listen(Session, "after_flush", _after_flush)
    _installed = True


def to_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | int | float):
        return str(value)
    return str(value)


def row_key_of(obj: Base) -> str:
    """The record's key as the audit trail stores it (``row_key``)."""
    # New rows have no identity key yet in after_flush, but their primary key is populated.
    values = inspect(obj).mapper.primary_key_from_instance(obj)
    return "/".join(str(part) for part in values)


def _base_row(session: Session, obj: Base, action: str) -> dict[str, Any]:
    who: AuditContext | None = session.info.get("audit")
    return {
        "at": utcnow(),
        "user_id": who.user_id if who else None,
        "username": who.username if who else "",
        "role": who.role if who else "",
        "workstation": who.workstation if who else "",
        "table_name": obj.__tablename__,
        "row_key": row_key_of(obj),
        "action": action,
        "reason": (session.info.get("reason") or "")[:200],
    }


def _changed_fields(obj: Base, *, new: bool) -> list[tuple[str, str | None, str | None]]:
    state = inspect(obj)
    changes: list[tuple[str, str | None, str | None]] = []
    for column_attr in state.mapper.column_attrs:
        name = column_attr.key
        if name in obj.__audit_exclude__ or name in ("version", "created_at", "updated_at"):
            continue
        hist = state.attrs[name].history
        if new:
            value = getattr(obj, name)
            if value is not None and value != "":
                changes.append((name, None, to_text(value)))
        elif hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new_value = hist.added[0] if hist.added else None
            if old != new_value:
                changes.append((name, to_text(old), to_text(new_value)))
    return changes


def _after_flush(session: Session, _flush: UOWTransaction) -> None:
    rows: list[dict[str, Any]] = []
    update_action = session.info.get("action") or "update"
    for obj in session.new:
        if isinstance(obj, Base) and obj.__audited__:
            rows += _rows_for(session, obj, "insert", new=True)
    for obj in session.dirty:
        if isinstance(obj, Base) and obj.__audited__ and session.is_modified(obj):
            rows += _rows_for(session, obj, update_action, new=False)
    for obj in session.deleted:
        if isinstance(obj, Base) and obj.__audited__:
            rows.append({**_base_row(session, obj, "delete"), "field": ""})
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def _rows_for(session: Session, obj: Base, action: str, *, new: bool) -> list[dict[str, Any]]:
    base = _base_row(session, obj, action)
    changes = _changed_fields(obj, new=new)
    if new and not changes:
        return [{**base, "field": "", "old_value": None, "new_value": None}]
    return [
        {**base, "field": field, "old_value": old, "new_value": new_value}
        for field, old, new_value in changes
    ]


def record_event(
    session: Session, *, table: str, row_key: str, action: str, detail: str = ""
) -> None:
    """Record a non-data event (log-in, print, export, unmasked view) in the trail."""
    who: AuditContext | None = session.info.get("audit")
    session.execute(
        insert(AuditEntry),
        [{
            "at": utcnow(),
            "user_id": who.user_id if who else None,
            "username": who.username if who else "",
            "role": who.role if who else "",
            "workstation": who.workstation if who else "",
            "table_name": table,
            "row_key": row_key,
            "action": action,
            "field": "",
            "old_value": None,
            "new_value": detail or None,
            "reason": (session.info.get("reason") or "")[:200],
        }],
    )
