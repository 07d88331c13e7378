"""The customer goods in/out register (客户商品进出登记簿): written by take-in and return,
corrected only with a reason, read like the paper book (by month, in/out, overdue)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.orm import Session

from app.db.audit import record_event
from app.errors import NotFound, ValidationError
from app.i18n import N_
from app.models.carry_in import RegisterEntry
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.reference_service import letterhead_in
from app.services.register_dto import RegisterMonth, RegisterRow
from app.services.validation import check_version, clean_text

STATES = ("all", "in", "out", "overdue")


@dataclass(frozen=True)
class RegisterFilter:
    month: date | None = None  # any day of the month (date in)
    state: str = "all"  # all | in (still in the store) | out | overdue


@dataclass(frozen=True)
class RegisterPage:
    rows: list[RegisterRow]
    next_cursor: tuple[datetime, int] | None


@dataclass(frozen=True)
class RegisterCorrection:
    customer_name: str
    item_label: str
    accessories_text: str
    returned_to: str
    remark: str


def row_of(entry: RegisterEntry) -> RegisterRow:
    return RegisterRow(entry.id, entry.receipt_id, entry.date_in, entry.receipt_number,
                       entry.customer_name, entry.item_label, entry.accessories_text,
                       entry.taken_in_by, entry.promised_date, entry.date_out,
                       entry.returned_to, entry.returned_by, entry.remark, entry.version)


def write_in(session: Session, *, receipt_id: int, date_in: datetime, receipt_number: str,
             customer_name: str, item_label: str, accessories_text: str, taken_in_by: str,
             promised_date: date) -> RegisterEntry:
    """The take-in writes the 'in' half of the line (inside the take-in's transaction)."""
    entry = RegisterEntry(receipt_id=receipt_id, date_in=date_in,
                          receipt_number=receipt_number, customer_name=customer_name[:60],
                          item_label=item_label[:200], accessories_text=accessories_text[:400],
                          taken_in_by=taken_in_by[:40], promised_date=promised_date)
    session.add(entry)
    return entry


def write_out(session: Session, receipt_id: int, *, date_out: datetime, returned_to: str,
              returned_by: str, remark: str = "") -> RegisterEntry:
    """The return completes the line: date out, who collected, who handed it over."""
    entry = session.scalar(select(RegisterEntry).where(RegisterEntry.receipt_id == receipt_id))
    if entry is None:
        raise NotFound(N_("This item is not in the goods register."))
    entry.date_out, entry.returned_to = date_out, returned_to[:60]
    entry.returned_by = returned_by[:40]
    if remark:
        entry.remark = remark[:200]
    return entry


def _month_bounds(ctx: ServiceContext, month: date) -> tuple[datetime, datetime]:
    first = month.replace(day=1)
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return (datetime.combine(first, time.min, tzinfo=ctx.tz),
            datetime.combine(following, time.min, tzinfo=ctx.tz))


def _filtered(ctx: ServiceContext, flt: RegisterFilter) -> Select[RegisterEntry]:
    if flt.state not in STATES:
        raise ValidationError(N_("Unknown register filter."), field="state")
    query = select(RegisterEntry)
    if flt.month is not None:
        start, end = _month_bounds(ctx, flt.month)
        query = query.where(RegisterEntry.date_in >= start, RegisterEntry.date_in < end)
    if flt.state in ("in", "overdue"):
        query = query.where(RegisterEntry.date_out.is_(None))
    if flt.state == "out":
        query = query.where(RegisterEntry.date_out.is_not(None))
    if flt.state == "overdue":
        query = query.where(RegisterEntry.promised_date < ctx.today())
    return query


def list_register(ctx: ServiceContext, flt: RegisterFilter, *,
                  after: tuple[datetime, int] | None = None, limit: int = 100) -> RegisterPage:
    """One page of the book, newest entry first (keyset paging on date in, id)."""
    with ctx.read() as session:
        query = _filtered(ctx, flt)
        if after is not None:
            query = query.where(tuple_(RegisterEntry.date_in, RegisterEntry.id) < tuple_(*after))
        query = query.order_by(RegisterEntry.date_in.desc(), RegisterEntry.id.desc())
        entries = list(session.scalars(query.limit(limit + 1)))
        more = len(entries) > limit
        entries = entries[:limit]
        cursor = (entries[-1].date_in, entries[-1].id) if more and entries else None
        return RegisterPage([row_of(e) for e in entries], cursor)


def count_register(ctx: ServiceContext, flt: RegisterFilter) -> int:
    with ctx.read() as session:
        sub = _filtered(ctx, flt).with_only_columns(RegisterEntry.id).subquery()
        return int(session.scalar(select(func.count()).select_from(sub)) or 0)


def in_store_now(ctx: ServiceContext) -> list[RegisterRow]:
    """Every item in the store right now (no date out), oldest first."""
    with ctx.read() as session:
        query = (select(RegisterEntry).where(RegisterEntry.date_out.is_(None))
                 .order_by(RegisterEntry.date_in, RegisterEntry.id))
        return [row_of(e) for e in session.scalars(query)]


def month_book(ctx: ServiceContext, month: date) -> RegisterMonth:
    """All entries taken in during ``month``, oldest first, for the A4 print (audited)."""
    with ctx.write(action="print") as session:
        query = _filtered(ctx, RegisterFilter(month=month)).order_by(
            RegisterEntry.date_in, RegisterEntry.id)
        rows = [row_of(e) for e in session.scalars(query)]
        record_event(session, table="register_entries", row_key=month.strftime("%Y-%m"),
                     action="print", detail="register-month")
        return RegisterMonth(month.replace(day=1), letterhead_in(session), rows, ctx.now())


def correct_entry(ctx: ServiceContext, entry_id: int, data: RegisterCorrection, *,
                  reason: str, expected_version: int) -> RegisterRow:
    """The only hand edit of the book: a correction with a reason, on the audit trail."""
    require(ctx.actor, Perm.REGISTER_CORRECT)
    reason = clean_text(reason, field="reason", max_len=200, required=True)
    name = clean_text(data.customer_name, field="customer_name", max_len=60, required=True)
    item = clean_text(data.item_label, field="item_label", max_len=200, required=True)
    accessories = clean_text(data.accessories_text, field="accessories_text", max_len=400)
    returned_to = clean_text(data.returned_to, field="returned_to", max_len=60)
    remark = clean_text(data.remark, field="remark", max_len=200)
    with ctx.write(reason=reason, action="correct") as session:
        entry = session.get(RegisterEntry, entry_id)
        if entry is None:
            raise NotFound(N_("No such register entry."))
        check_version(session, entry, expected_version)
        if returned_to and entry.date_out is None:
            raise ValidationError(N_("The item has not gone out yet."), field="returned_to")
        entry.customer_name, entry.item_label = name, item
        entry.accessories_text, entry.returned_to, entry.remark = accessories, returned_to, remark
        session.flush()
        return row_of(entry)
