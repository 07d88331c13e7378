"""The registers of seed 003 §6 printed: A4 landscape, the store's header, the filter, the
ruled list with its header on every page, page X of Y (BaseDocument's footer)."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument
from app.printing.documents.voice_labels import DEPARTMENTS, KINDS
from app.printing.flowables import list_table, para
from app.printing.formatting import fmt_date, money
from app.printing.styles import A4
from app.printing.text import N_P, pt
from app.services.voice_dto import COUNTER, RegisterSheet

PRINTED_CODES: dict[str, dict[str, str]] = {
    "kind": KINDS,
    "department": DEPARTMENTS,
    "complaint_status": {"open": N_P("Open complaint"), "resolved": N_P("Resolved complaint"),
                         "closed": N_P("Closed complaint")},
    "card_status": {"sent": N_P("Card sent"), "returned": N_P("Card returned")},
    "feedback_source": {"card": N_P("Survey card"), "complaint": N_P("Complaint"),
                        "followup": N_P("Follow-up call"), "other": N_P("Noted by hand")},
    "yes_no": {"yes": N_P("yes"), "no": N_P("no")},
    "served_by": {COUNTER: N_P("Service counter")},
    "expense_kind": {"travel": N_P("Travel"), "transport": N_P("Transport"),
                     "shipping": N_P("Shipping"), "other": N_P("Other expense")},
}


def printed_label(vocab: str, code: Any) -> str:
    """A code as the printed register names it (unknown codes and names print as they are)."""
    if vocab == "money":
        return money(int(code))
    source = PRINTED_CODES.get(vocab, {}).get(code)
    return pt(source) if source else code


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return fmt_date(value)
    return str(value)


def filter_text(sheet: RegisterSheet) -> str:
    f = sheet.flt
    parts = []
    if f.date_from or f.date_to:
        parts.append(pt("Period: {start} — {end}", start=fmt_date(f.date_from) if f.date_from
                        else "…", end=fmt_date(f.date_to) if f.date_to else "…"))
    if f.state:
        parts.append(pt("Showing: {state}", state=pt(STATE_NAMES.get(f.state, f.state))))
    if f.text.strip():
        parts.append(pt("Search: {text}", text=f.text.strip()))
    parts.append(pt("{n} lines", n=len(sheet.rows)))
    return "    ".join(parts)


STATE_NAMES = {
    "sent": N_P("Waiting to come back"), "returned": N_P("Returned"),
    "open": N_P("Not closed"), "overdue": N_P("Overdue complaints"),
    "unvisited": N_P("Not yet visited"), "closed": N_P("Closed complaints"),
    "unanalysed": N_P("Not yet analysed"), "satisfied": N_P("Satisfied"),
    "unsatisfied": N_P("Not satisfied"), "travel": N_P("Travel"),
    "transport": N_P("Transport"), "shipping": N_P("Shipping"), "other": N_P("Other expense"),
}


class RegisterSheetDocument(BaseDocument):
    pagesize = landscape(A4)
    margins = (10 * mm, 10 * mm, 10 * mm, 12 * mm)
    font_size = 8.0

    def __init__(self, sheet: RegisterSheet, **kw: Any) -> None:
        super().__init__(sheet.store, printed_at=sheet.printed_at, **kw)
        self.sheet = sheet
        self.title = sheet.title

    def story(self) -> list[Flowable]:
        columns = self.sheet.columns
        unit = self.width / sum(c.width for c in columns)
        rows = [[_text(v) for v in row] for row in self.sheet.cells(printed_label)]
        return [para(filter_text(self.sheet), self.st.body), Spacer(1, 2 * mm),
                list_table([pt(c.header) for c in columns], rows,
                           widths=[c.width * unit for c in columns], st=self.st)]


def register_sheet_pdf(sheet: RegisterSheet) -> bytes:
    return RegisterSheetDocument(sheet).generate()
