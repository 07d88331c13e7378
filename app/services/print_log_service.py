"""Prints on the record: every print, reprint and PDF copy of a document is in the audit trail.

Printed documents are legal-ish records (a voucher the customer signed, a receipt they hold),
so the trail says who printed which copy, when, on which workstation and printer. A preview
writes nothing: a copy is recorded when it leaves the app (printed or saved as PDF), and the
next copy of the document is a reprint.

The trail knows documents, not forms: the printing layer says which document a copy is of
(``PrintedDocument``: its one history, the kinds that print it on any paper, and the owning
service's note of a copy), so this module knows nothing of printing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from app.db.audit import record_event
from app.models.audit import AuditEntry
from app.services.context import ServiceContext
from app.services.print_log_dto import PrintedDocument

if TYPE_CHECKING:
    pass

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


def document_number(number: str) -> str:
    """The number as the document has it: ``v2611-0007@a4`` → ``V2611-0007`` (the paper
    chosen and the case typed make no other document)."""
    return number.strip().partition("@")[0].upper()


def row_key(document: PrintedDocument, number: str) -> str:
    """The print trail's key of one document: its history and its number, so the A5 copy of
    a receipt and a number typed in lower case share one history."""
    return f"{document.name}/{document_number(number)}"[:40]


def _keys(document: PrintedDocument, number: str) -> set[str]:
    """Its key and those older versions wrote (each paper its own kind, the number as typed)."""
    return {row_key(document, number)} | {
        f"{name}/{typed}"[:40] for name in document.papers | {document.name}
        for typed in (number, number.strip(), document_number(number))}


def record_print(ctx: ServiceContext, document: PrintedDocument, number: str, *, reprint: bool,
                 action: str = "print", detail: str = "") -> None:
    """Note one copy that left the app: printed (``reprint`` says which copy) or, with
    ``action="save_pdf"``, saved as a PDF; ``detail`` names the printer or file."""
    record_prints(ctx, document, [number], reprinted=[number] if reprint else (),
                  action=action, detail=detail)


def record_prints(ctx: ServiceContext, document: PrintedDocument, numbers: Sequence[str], *,
                  reprinted: Collection[str] = (), action: str = "print",
                  detail: str = "") -> None:
    """One copy each of documents ``numbers`` left the app (one PDF of a batch).

    One transaction: a print event per document ("reprint" for those in ``reprinted``): the
    one record that a copy was printed; for a document whose record keeps its own state,
    that state updated by its service (``record_output``).
    """
    own = document.record_output
    every = bool(numbers) and all(n in reprinted for n in numbers)
    with ctx.write(action=_event_action(action, every)) as session:
        for number in numbers:
            record_event(session, table=PRINT_TABLE, row_key=row_key(document, number),
                         action=_event_action(action, number in reprinted), detail=detail[:500])
            if own is not None:
                own(session, ctx, number)


def _event_action(action: str, reprint: bool) -> str:
    if action == SAVE_ACTION:
        return SAVE_ACTION
    return "reprint" if reprint else "print"


def was_printed(ctx: ServiceContext, document: PrintedDocument, number: str) -> bool:
    """True once a copy left the app (printed or saved as PDF): the next one is a reprint."""
    return bool(printed_before(ctx, document, [number]))


def printed_before(ctx: ServiceContext, document: PrintedDocument,
                   numbers: Sequence[str]) -> frozenset[str]:
    """Those of ``numbers`` of which a copy left the app: on the print trail, or counted by
    the document's own record (a receipt printed before the trail kept its prints)."""
    keys = {key: n for n in numbers for key in _keys(document, n)}
    with ctx.read() as session:
        found = session.scalars(
            select(AuditEntry.row_key).distinct().where(
                AuditEntry.table_name == PRINT_TABLE, AuditEntry.row_key.in_(list(keys)),
                AuditEntry.action.in_(OUTPUT_ACTIONS)))
        printed = {keys[key] for key in found}
    counted = document.copies
    if counted is not None:
        printed |= {n for n in numbers if n not in printed and counted(ctx, n) > 0}
    return frozenset(printed)


def print_history(ctx: ServiceContext, document: PrintedDocument,
                  number: str) -> list[PrintEvent]:
    """Prints and PDF copies of one document, oldest first."""
    with ctx.read() as session:
        rows = session.scalars(
            select(AuditEntry).where(AuditEntry.table_name == PRINT_TABLE,
                                     AuditEntry.row_key.in_(_keys(document, number)))
            .order_by(AuditEntry.id))
        return [PrintEvent(r.at, r.username, r.workstation, r.action, r.new_value or "")
                for r in rows]
