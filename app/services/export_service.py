"""What the lists export: every matching row (not only the loaded ones), phones masked unless
the role may see them in full, and each export on the audit trail."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from app.db.audit import record_event
from app.services import (
    call_book_service,
    payments_service,
    register_service,
    repair_service,
)
from app.services.call_book_service import CallFilter
from app.services.context import ServiceContext
from app.services.dto import CallRow
from app.services.money_dto import InvoiceDTO, Receivable
from app.services.permissions import Perm, allowed, require
from app.services.register_dto import RegisterRow
from app.services.register_service import RegisterFilter
from app.services.repair_service import CardRow
from app.services.validation import mask_phone

PAGE = 1000


def full_phone(ctx: ServiceContext) -> bool:
    """Exports show full phone numbers only to roles that may see them."""
    return allowed(ctx.actor, Perm.CUSTOMER_FULL_PHONE)


def export_phone(phone: str, full: bool) -> str:
    return phone if full or "*" in phone else mask_phone(phone)


def call_log_rows(ctx: ServiceContext, flt: CallFilter) -> list[CallRow]:
    """Every call matching ``flt``, newest first (keyset pages of 1,000)."""
    require(ctx.actor, Perm.EXPORT)
    full = full_phone(ctx)
    rows: list[CallRow] = []
    after = None
    while True:
        page = call_book_service.list_calls(ctx, flt, after=after, limit=PAGE)
        rows.extend(dataclasses.replace(r, phone=export_phone(r.phone, full)) for r in page.rows)
        if page.next_cursor is None:
            return rows
        after = page.next_cursor


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    return str(value)


def record_export(ctx: ServiceContext, list_name: str, *, rows: int, filter: Any = None) -> None:
    """One audit entry per export: which list, how many rows, with which filter."""
    require(ctx.actor, Perm.EXPORT)
    detail = json.dumps({"rows": rows, "filter": _jsonable(filter)}, ensure_ascii=False)
    with ctx.write() as session:
        record_event(session, table="export", row_key=list_name, action="export", detail=detail)


def receivable_rows(ctx: ServiceContext) -> list[Receivable]:
    """Every open receivable (the list on screen, without its display limit)."""
    require(ctx.actor, Perm.EXPORT)
    return payments_service.receivables(ctx, limit=1_000_000)


def invoice_rows(ctx: ServiceContext, *, to_mail_only: bool = False) -> list[InvoiceDTO]:
    require(ctx.actor, Perm.EXPORT)
    return payments_service.invoices(ctx, to_mail_only=to_mail_only, limit=1_000_000)


def register_rows(ctx: ServiceContext, flt: RegisterFilter) -> list[RegisterRow]:
    """Every line of the goods in/out register matching ``flt`` (state "overdue" is the
    late-repairs list), newest first, in keyset pages."""
    require(ctx.actor, Perm.EXPORT)
    rows: list[RegisterRow] = []
    after = None
    while True:
        page = register_service.list_register(ctx, flt, after=after, limit=PAGE)
        rows.extend(page.rows)
        if page.next_cursor is None:
            return rows
        after = page.next_cursor


def repair_rows(ctx: ServiceContext, *, late_only: bool) -> list[CardRow]:
    """The carry-in repairs list (``late_only``: the late-repairs list), every row."""
    require(ctx.actor, Perm.EXPORT)
    rows: list[CardRow] = []
    after = None
    while True:
        page = repair_service.open_cards(ctx, late_only=late_only, after=after, limit=PAGE + 1)
        rows.extend(page[:PAGE])
        if len(page) <= PAGE:
            return rows
        last = page[PAGE - 1]
        after = (last.promised_date, last.receipt_id)
