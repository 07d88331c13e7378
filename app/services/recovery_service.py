"""Finding a lost record: read a backup beside the live data and copy a record back.

The backup is opened read-only as a second ``Database``; the ordinary read services work on
it. Copying back goes through one unit of work on the live database, so the audit trail
records every field it puts back (action "recover", the backup's name as the reason).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select

from app.db.database import Database
from app.i18n import N_
from app.models import Base
from app.services.context import ServiceContext
from app.services.errors import NotFound, ValidationError
from app.services.permissions import Perm, require

_SKIP = {"version", "created_at", "updated_at"}


@dataclass(frozen=True)
class FieldDiff:
    field: str
    backup_value: Any
    live_value: Any


def open_backup(path: Path) -> Database:
    """A read-only view of a backup file (nothing can be written through it)."""
    if not path.is_file():
        raise NotFound(N_("No such backup file: {file}"), file=str(path))
    return Database(f"sqlite:///file:{path.resolve()}?mode=ro&uri=true", read_only=True)


def _model_for(table: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__tablename__", None) == table and cls.__audited__:
            return cls
    raise ValidationError(N_("Records of {table} cannot be recovered."), field="table",
                          table=table)


def _values(obj: Base) -> dict[str, Any]:
    return {a.key: getattr(obj, a.key) for a in inspect(obj).mapper.column_attrs
            if a.key not in _SKIP}


def compare(ctx: ServiceContext, backup: Database, table: str, row_id: int) -> list[FieldDiff]:
    """Fields whose value in the backup differs from the live record (all, if it is gone)."""
    require(ctx.actor, Perm.RESTORE)
    model = _model_for(table)
    with backup.read() as old_session, ctx.read() as live_session:
        old = old_session.get(model, row_id)
        if old is None:
            raise NotFound(N_("The backup holds no such record."))
        old_values = _values(old)
        live = live_session.get(model, row_id)
        live_values = _values(live) if live is not None else {}
    return [FieldDiff(k, v, live_values.get(k)) for k, v in old_values.items()
            if live is None or live_values.get(k) != v]


def recover(ctx: ServiceContext, backup: Database, table: str, row_id: int, *,
            backup_name: str) -> list[FieldDiff]:
    """Put the backup's version of one record back into the live database."""
    diffs = compare(ctx, backup, table, row_id)
    if not diffs:
        return []
    model = _model_for(table)
    with ctx.write(reason=f"recovered from {backup_name}"[:200], action="recover") as session:
        live = session.get(model, row_id)
        if live is None:
            live = model(**{d.field: d.backup_value for d in diffs})
            session.add(live)
        else:
            for diff in diffs:
                setattr(live, diff.field, diff.backup_value)
        session.flush()
    return diffs


def recoverable_tables() -> list[str]:
    return sorted(m.class_.__tablename__ for m in Base.registry.mappers
                  if getattr(m.class_, "__audited__", False))


def find_in_backup(backup: Database, table: str, *, number: str) -> int | None:
    """Id of the record with a document number (calls, vouchers, receipts …) in a backup."""
    model = _model_for(table)
    column = getattr(model, "number", None)
    if column is None:
        return None
    with backup.read() as session:
        found = session.scalar(select(column.class_.id).where(column == number))
        return int(found) if found is not None else None
