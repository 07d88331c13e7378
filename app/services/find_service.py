"""Find any document by its number, as a clerk types or a scanner reads it.

``C2612-0090``, ``c2612-0090`` and ``2612-0090`` all find call C2612-0090 (``C02-2612-0090``
the call of branch 02); without its letter a
number may be a call's, a voucher's and a receipt's at once, and each is listed. Every lookup
is an equality on a unique number column (an index probe), so this stays fast at any size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.branch_import import PRINTED_BEFORE
from app.db.numbering import SERIES, branch_code
from app.models.billing import Bill, Invoice, Payment
from app.models.calls import Call
from app.models.carry_in import ItemReceipt, RepairCard
from app.models.contracts import MaintenanceContract
from app.models.jobs import Job
from app.models.store import Setting
from app.models.voice import Complaint, SurveyCard
from app.services.context import ServiceContext
from app.services.validation import searchable

# A document number: an optional series letter, the branch code and a dash (not for the
# first branch), the period YYMM, a dash, the serial.
NUMBER_SHAPE = re.compile(r"([A-Z]?)((?:\d{2}-)?\d{2}(?:0[1-9]|1[0-2])-\d{3,})")
# The order a number without its letter is listed in: what a counter looks for most first.
ORDER = ("call", "receipt", "repair", "voucher", "payment", "complaint", "contract", "survey")


@dataclass(frozen=True)
class Found:
    """One document: its series (call, voucher, receipt, repair, payment, complaint,
    contract, survey, invoice), its id and number, and the call it belongs to (if any)."""

    kind: str
    id: int
    number: str
    call_id: int | None


def _call_of(session: Session, kind: str, row: Any) -> int | None:
    if kind == "call":
        return int(row.id)
    if kind == "repair":
        return session.scalar(select(ItemReceipt.call_id).where(ItemReceipt.id == row.receipt_id))
    if kind in ("payment", "invoice"):
        return session.scalar(select(Bill.call_id).where(Bill.id == row.bill_id))
    if kind == "contract":
        return None
    call_id = getattr(row, "call_id", None)
    return int(call_id) if call_id is not None else None


MODELS: dict[str, Any] = {
    "call": Call, "voucher": Job, "receipt": ItemReceipt, "repair": RepairCard,
    "payment": Payment, "complaint": Complaint, "contract": MaintenanceContract,
    "survey": SurveyCard,
}


def normalise(text: str) -> str:
    """Trimmed, upper case, inner spaces gone (what a hand or a scanner typed)."""
    return "".join(searchable(text).upper().split())


def looks_like_number(text: str) -> bool:
    """A document number with or without its series letter (any case)."""
    return NUMBER_SHAPE.fullmatch(normalise(text)) is not None


def candidates(text: str) -> list[tuple[str, str]]:
    """(series, full number) the typed text can mean, most likely first."""
    match = NUMBER_SHAPE.fullmatch(normalise(text))
    if match is None:
        return []
    letter, body = match.groups()
    found = []
    for series in ORDER:
        prefix, width = SERIES[series]
        if letter and letter != prefix:
            continue
        serial = body.rsplit("-", 1)[1]
        if not letter and not prefix and len(serial) != width:
            continue
        found.append((series, prefix + body))
    return found


def find_by_number(ctx: ServiceContext, text: str) -> list[Found]:
    """Every document with this number (several when the letter was left off); [] if none."""
    wanted = candidates(text)
    typed = searchable(text).strip()
    with ctx.read() as session:
        wanted += printed_before(session, wanted)
        found: list[Found] = []
        for series, number in wanted:
            model = MODELS[series]
            row = session.scalar(select(model).where(model.number == number))
            if row is not None:
                found.append(Found(series, row.id, row.number, _call_of(session, series, row)))
        if typed:
            invoice = session.scalar(select(Invoice).where(Invoice.invoice_no.in_(
                {typed, typed.upper()})))
            if invoice is not None:
                found.append(Found("invoice", invoice.id, invoice.invoice_no,
                                   _call_of(session, "invoice", invoice)))
        return found


def printed_before(session: Session, wanted: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The numbers a store printed before it came into the company as this branch
    (``migrate-data --as-branch``): C2612-0001 on its paper is now C02-2612-0001. Only in
    such a branch, and only up to the month it came in."""
    code = branch_code(session)
    if not code:
        return []
    last = session.scalar(select(Setting.value).where(
        Setting.key == PRINTED_BEFORE.format(code=code)))
    if last is None:
        return []
    more = []
    for series, number in wanted:
        prefix = SERIES[series][0]
        body = number[len(prefix):]
        if body.count("-") == 1 and body[:4] <= last:
            more.append((series, f"{prefix}{code}-{body}"))
    return more


def call_number(text: str) -> str | None:
    """The call number ``text`` means if it is one (C2612-0090, c2612-0090, 2612-0090)."""
    for series, number in candidates(text):
        if series == "call":
            return number
    return None
