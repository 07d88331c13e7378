"""The customer item receipt (客户商品领取收据): 80 mm thermal roll or A5, number as QR."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument, ThermalDocument
from app.printing.documents.carry_in_common import (
    accessories_text,
    item_text,
    receipt_void,
    terms_text,
)
from app.printing.flowables import Field, field_grid, para, signature_line
from app.printing.formatting import fmt_date, fmt_datetime
from app.printing.styles import A5
from app.printing.text import pt
from app.services.carry_in_dto import PrintPack

PAPERS = ("thermal", "a5")
DOCUMENT = "item-receipt"  # both papers are copies of the one receipt, which counts them


def _fields(doc: BaseDocument, pack: PrintPack, *, fit: bool) -> list[Field]:
    """The receipt's fields; ``fit``: long values shortened so an A5 page holds the longest
    of each (the roll grows with its content and prints them whole)."""
    job = pack.job

    def lines(count: int) -> int:
        return count if fit else 0

    return [
        Field(pt("Customer"), job.customer_name, lines=lines(2)),
        Field(pt("Phone"), job.customer_phone),
        Field(pt("Item"), item_text(job), lines=lines(3)),
        Field(pt("Serial No."), job.serial or "—", lines=lines(2)),
        Field(pt("Accessories"), accessories_text(job), wide=True, lines=lines(3)),
        Field(pt("Condition"), job.condition or "—", wide=True, lines=lines(3)),
        Field(pt("Fault"), job.fault, wide=True, lines=lines(6)),
        Field(pt("Taken in at"), fmt_datetime(job.taken_in_at, doc.tz)),
        Field(pt("Taken in by"), job.technician_name),
        Field(pt("Promised date"), fmt_date(job.promised_date)),
        Field(pt("Call No."), job.call_number + (f" / {job.voucher_number}"
                                                 if job.voucher_number else "")),
    ]


def _signatures(doc: BaseDocument, *, columns: int) -> list[Flowable]:
    labels = [pt("Customer signature"), pt("Date")]
    if columns == 4:
        return [signature_line(labels, width=doc.width, st=doc.st)]
    # On the 72 mm roll each line gets the full width, or the label wraps.
    return [signature_line([text], width=doc.width, st=doc.st) for text in labels]


def _story(doc: BaseDocument, pack: PrintPack, *, columns: int) -> list[Flowable]:
    return [
        field_grid(_fields(doc, pack, fit=columns == 4), width=doc.width, st=doc.st,
                   columns=columns),
        Spacer(1, 2 * mm),
        para(pt("Terms"), doc.st.bold),
        para(terms_text(pack.terms), doc.st.small),
        Spacer(1, 4 * mm),
        *_signatures(doc, columns=columns),
    ]


class _ItemReceipt(BaseDocument):
    """What both papers print; the paper comes from the second base class."""

    title = "Customer item receipt"
    columns = 4

    def __init__(self, pack: PrintPack, **kw: Any) -> None:
        super().__init__(pack.store, number=pack.job.receipt_number, reprint=pack.reprint,
                         void=receipt_void(pack.job), printed_at=pack.printed_at,
                         printed_by=pack.printed_by, **kw)
        self.pack = pack

    def header_qr(self) -> str | None:
        return self.pack.job.receipt_number

    def story(self) -> list[Flowable]:
        return _story(self, self.pack, columns=self.columns)


class ItemReceiptThermal(_ItemReceipt, ThermalDocument):
    columns = 2


class ItemReceiptA5(_ItemReceipt):
    pagesize = A5
    margins = (10 * mm, 10 * mm, 10 * mm, 12 * mm)
    font_size = 9.0


def render_item_receipt(pack: PrintPack, paper: str = "thermal", *,
                        reprint: bool = False) -> bytes:
    """The receipt as PDF bytes on ``thermal`` (80 mm roll) or ``a5`` paper."""
    if paper not in PAPERS:
        raise ValueError(paper)
    cls = ItemReceiptThermal if paper == "thermal" else ItemReceiptA5
    document = cls(pack)
    document.reprint = document.reprint or reprint
    return document.generate()
