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
from sqlalchemy.orm import Session

from app.db.audit import record_event
from app.db.database import Database
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models import Base
from app.models.billing import BillLine
from app.services.context import ServiceContext
from app.services.permissions import Perm, require

_SKIP = {"version", "created_at", "updated_at"}
# Rows a service replaces as a whole when their record is edited (not tracked one by one).
_REPLACED_WHOLESALE: dict[str, tuple[type[Base], str]] = {"bills": (BillLine, "bill_id")}


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


@dataclass(frozen=True)
class _ChildPlan:
    """What copying a record back does to one of its child rows."""

    model: type[Base]
    action: str  # add / remove (a replaced-wholesale row that is not in the backup)
    values: dict[str, Any]  # the backup's values (add) or the live ones (remove)
    row_id: int


def _owned(model: type[Base]) -> list[tuple[type[Base], str, bool]]:
    """The child rows that belong to a record: (model, parent key, replaced wholesale)."""
    found = []
    mapper = inspect(model)
    for rel in mapper.relationships:
        if rel.cascade.delete_orphan:
            child = rel.mapper.class_
            (column,) = tuple(rel.remote_side)
            found.append((child, rel.mapper.get_property_by_column(column).key, False))
    extra = _REPLACED_WHOLESALE.get(model.__tablename__)
    if extra is not None:
        found.append((extra[0], extra[1], True))
    return found


def _content(values: dict[str, Any], parent_key: str) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in ("id", parent_key)}


def _plan_children(model: type[Base], old_session: Session, live_session: Session,
                   row_id: int) -> list[_ChildPlan]:
    plans: list[_ChildPlan] = []
    for child, key, wholesale in _owned(model):
        column = getattr(child, key)
        old_rows = [_values(c) for c in old_session.scalars(
            select(child).where(column == row_id).order_by(child.id))]  # type: ignore[attr-defined]
        live_rows = [_values(c) for c in live_session.scalars(
            select(child).where(column == row_id).order_by(child.id))]  # type: ignore[attr-defined]
        if wholesale:
            if sorted(map(repr, (_content(v, key) for v in old_rows))) != sorted(
                    map(repr, (_content(v, key) for v in live_rows))):
                plans += [_ChildPlan(child, "remove", v, v["id"]) for v in live_rows]
                plans += [_ChildPlan(child, "add", v, v["id"]) for v in old_rows]
            continue
        # A child is matched by what it holds, not by its id (SQLite may give a removed
        # row's id to the next new one): one the record no longer has comes back as a row
        # of its own; children added or changed since stay as they are.
        present = [_content(v, key) for v in live_rows]
        plans += [_ChildPlan(child, "add", old, old["id"]) for old in old_rows
                  if _content(old, key) not in present]
    return plans


def _summary(values: dict[str, Any], key: str) -> str:
    return ", ".join(f"{k}={v}" for k, v in _content(values, key).items())


def _child_diffs(plans: list[_ChildPlan], model: type[Base]) -> list[FieldDiff]:
    keys = {child: key for child, key, _w in _owned(model)}
    diffs = []
    for plan in plans:
        name = f"{plan.model.__tablename__}#{plan.row_id}"
        key = keys[plan.model]
        if plan.action == "add":
            diffs.append(FieldDiff(name, _summary(plan.values, key), None))
        else:
            diffs.append(FieldDiff(name, None, _summary(plan.values, key)))
    return diffs


def _compare(ctx: ServiceContext, backup: Database, table: str, row_id: int
             ) -> tuple[list[FieldDiff], list[_ChildPlan]]:
    require(ctx.actor, Perm.RESTORE)
    model = _model_for(table)
    with backup.read() as old_session, ctx.read() as live_session:
        old = old_session.get(model, row_id)
        if old is None:
            raise NotFound(N_("The backup holds no such record."))
        old_values = _values(old)
        live = live_session.get(model, row_id)
        live_values = _values(live) if live is not None else {}
        plans = _plan_children(model, old_session, live_session, row_id)
    own = [FieldDiff(k, v, live_values.get(k)) for k, v in old_values.items()
           if live is None or live_values.get(k) != v]
    return own, plans


def compare(ctx: ServiceContext, backup: Database, table: str, row_id: int) -> list[FieldDiff]:
    """Fields whose value in the backup differs from the live record (all, if it is gone),
    then the child rows that belong to it (phones, a bill's lines) and differ."""
    own, plans = _compare(ctx, backup, table, row_id)
    return own + _child_diffs(plans, _model_for(table))


def recover(ctx: ServiceContext, backup: Database, table: str, row_id: int, *,
            backup_name: str) -> list[FieldDiff]:
    """Put the backup's version of one record back into the live database, with the child
    rows that belong to it: those removed (or changed) since come back; children added since
    stay (nothing entered since is dropped), except rows a service replaces as a whole (a
    bill's lines), which become the backup's set, the replaced ones written on the trail."""
    own, plans = _compare(ctx, backup, table, row_id)
    if not own and not plans:
        return []
    model = _model_for(table)
    with ctx.write(reason=f"recovered from {backup_name}"[:200], action="recover") as session:
        live = session.get(model, row_id)
        if live is None:
            live = model(**{d.field: d.backup_value for d in own})
            session.add(live)
        else:
            for diff in own:
                setattr(live, diff.field, diff.backup_value)
        session.flush()
        _apply_children(session, plans, model, row_id)
        session.flush()
    return own + _child_diffs(plans, model)


def _apply_children(session: Session, plans: list[_ChildPlan], model: type[Base],
                    row_id: int) -> None:
    keys = {child: key for child, key, _w in _owned(model)}
    for plan in plans:
        key = keys[plan.model]
        if plan.action == "remove":
            gone = session.get(plan.model, plan.row_id)
            if gone is not None:
                session.delete(gone)
                session.flush()
                if not getattr(plan.model, "__audited__", False):
                    record_event(session, table=plan.model.__tablename__,
                                 row_key=str(plan.row_id), action="recover",
                                 detail=f"replaced: {_summary(plan.values, key)}")
            continue
        values = dict(_content(plan.values, key), **{key: row_id})
        if session.get(plan.model, plan.row_id) is None:
            values["id"] = plan.row_id  # the id is free: the record keeps its own
        session.add(plan.model(**values))
        session.flush()
        if not getattr(plan.model, "__audited__", False):
            record_event(session, table=plan.model.__tablename__, row_key=str(row_id),
                         action="recover", detail=f"added: {_summary(plan.values, key)}")


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
