"""Prints on the record: every print, reprint and PDF copy of a document is in the audit trail.

Printed documents are legal-ish records (a voucher the customer signed, a receipt they hold),
so the trail says who printed which copy, when, on which workstation and printer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.db.audit import record_event
from app.models.audit import AuditEntry
from app.printing.header import StoreHeader
from app.printing.terms import terms_or_default
from app.services.context import ServiceContext
from app.services.reference_service import get_receipt_terms, get_store_profile

PRINT_TABLE = "print"  # audit_log.table_name of print events; row_key is "kind/number"
SAVE_ACTION = "save_pdf"
OUTPUT_ACTIONS = ("print", "reprint", SAVE_ACTION)  # every copy that left the app


@dataclass(frozen=True)
class PrintEvent:
    at: datetime
    username: str
    workstation: str
    action: str
    detail: str


def row_key(kind: str, number: str) -> str:
    return f"{kind}/{number}"[:40]


def record_print(ctx: ServiceContext, kind: str, number: str, *, reprint: bool,
                 action: str | None = None, detail: str = "") -> None:
    """Note one print (``reprint`` says which copy) or, with ``action="save_pdf"``, a PDF copy.

    ``detail`` names the printer or file. One short transaction of its own.
    """
    chosen = action or ("reprint" if reprint else "print")
    with ctx.write(action=chosen) as session:
        record_event(session, table=PRINT_TABLE, row_key=row_key(kind, number), action=chosen,
                     detail=detail[:500])


def was_printed(ctx: ServiceContext, kind: str, number: str) -> bool:
    """True once a copy left the app (printed or saved as PDF): the next one is a reprint."""
    return print_count(ctx, kind, number) > 0


def print_count(ctx: ServiceContext, kind: str, number: str) -> int:
    with ctx.read() as session:
        return int(session.scalar(
            select(func.count()).select_from(AuditEntry).where(
                AuditEntry.table_name == PRINT_TABLE,
                AuditEntry.row_key == row_key(kind, number),
                AuditEntry.action.in_(OUTPUT_ACTIONS))) or 0)


def print_history(ctx: ServiceContext, kind: str, number: str) -> list[PrintEvent]:
    """Prints and PDF copies of one document, oldest first."""
    with ctx.read() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == PRINT_TABLE,
                                     AuditEntry.row_key == row_key(kind, number))
            .order_by(AuditEntry.id))
        return [PrintEvent(r.at, r.username, r.workstation, r.action, r.new_value or "")
                for r in rows]


def store_header(ctx: ServiceContext) -> StoreHeader:
    """The store profile as the header of a printed form."""
    profile = get_store_profile(ctx)
    return StoreHeader(profile.name, profile.address, profile.phone, profile.timezone)


def receipt_terms(ctx: ServiceContext) -> str:
    """The terms printed on receipts: the store's setting "store.terms", else the default."""
    return terms_or_default(get_receipt_terms(ctx).text)
