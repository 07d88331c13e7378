"""The service voucher (服务凭证), A5 or A4: what the technician carries and the customer signs."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument, StoreHeader, measure_height
from app.printing.flowables import Field, field_grid, fill_in_boxes, signature_line
from app.printing.formatting import fmt_date, fmt_datetime
from app.printing.styles import A4, A5, styles
from app.printing.text import N_P, pt
from app.services.voucher_dto import VoucherDTO

CATEGORY_TEXT = {
    "A": N_P("A Paid service"),
    "B": N_P("B Contract service"),
    "C": N_P("C Free (warranty)"),
    "D": N_P("D Internal work"),
}
WARRANTY_TEXT = {
    "in": N_P("In warranty"),
    "out": N_P("Out of warranty"),
    "unknown": N_P("Warranty unknown"),
}


class VoucherDocument(BaseDocument):
    title = N_P("Service voucher")
    pagesize = A5
    margins = (10 * mm, 10 * mm, 9 * mm, 11 * mm)
    font_size = 9.0
    header_qr_size = 18 * mm

    def __init__(self, header: StoreHeader, voucher: VoucherDTO, **kw: Any) -> None:
        super().__init__(header, number=voucher.number, void=voucher.void, **kw)
        self.voucher = voucher
        if self.pagesize == A4:
            self.font_size = 10.5
            self.margins = (16 * mm, 16 * mm, 12 * mm, 14 * mm)
            self.st = styles(self.font_size)

    def header_qr(self) -> str | None:
        return self.voucher.number  # ASCII: V2611-0007

    def _warranty(self) -> str:
        v = self.voucher
        text = pt(WARRANTY_TEXT.get(v.warranty_state, v.warranty_state))
        return f"{text} ({pt('until {day}', day=fmt_date(v.warranty_last_day))})" \
            if v.warranty_last_day else text

    def _fields(self, fault_lines: int = 0) -> list[Field]:
        """One page whatever was typed: the long fields shortened with "…" past their lines
        (the fault gets twice as many on A4, whose boxes to write in are larger too)."""
        v = self.voucher
        fault_lines = fault_lines or (4 if self.pagesize == A5 else 8)
        return [
            Field(pt("Call No."), v.call_number),
            Field(pt("Category"), pt(CATEGORY_TEXT.get(v.category, v.category))),
            Field(pt("Customer"), v.customer_name, lines=2),
            Field(pt("Phone"), "  ".join(v.phones), lines=2),
            Field(pt("Address"), f"{v.address}  {v.zone_name}".strip(), wide=True, lines=2),
            Field(pt("Item"), v.item_label or "—", lines=2),
            Field(pt("Serial No."), v.serial or "—", lines=2),
            Field(pt("Purchase date"), fmt_date(v.purchase_date) or "—"),
            Field(pt("Warranty"), self._warranty()),
            Field(pt("Fault"), v.fault, wide=True, lines=fault_lines),
            Field(pt("Technician"), v.technician_name),
            Field(pt("Received at"), fmt_datetime(v.received_at, self.tz)),
            Field(pt("Dispatched at"), fmt_datetime(v.dispatched_at, self.tz)),
            Field(pt("Arrive by"), fmt_datetime(v.deadline_at, self.tz)),
        ]

    def story(self) -> list[Flowable]:
        """The fields, the boxes the technician fills in and the signature: one page. The
        "work done" box takes what the header, marks and fields leave (at least its minimum;
        then the fault gives up lines)."""
        scale = 1.0 if self.pagesize == A5 else 1.5
        fields = field_grid(self._fields(), width=self.width, st=self.st)
        tail = [
            fill_in_boxes([(pt("Parts used"), 14 * scale)], width=self.width, st=self.st),
            fill_in_boxes([(pt("Labour time"), 9), (pt("Fee"), 9)], width=self.width,
                          st=self.st, columns=2),
            Spacer(1, 4 * mm),
            signature_line([pt("Customer signature"), pt("Date")], width=self.width,
                           st=self.st),
        ]
        head = [Spacer(1, 3 * mm),
                fill_in_boxes([(pt("Arrival time"), 9), (pt("Completion time"), 9)],
                              width=self.width, st=self.st, columns=2)]
        frame = self.pagesize[1] - self.margins[2] - self.margins[3] - 2  # rounding
        used = measure_height([*self.header_story(), fields, *head, *tail], self.width)
        work_mm = (frame - used) / mm
        if work_mm < 16 * scale:  # too little room: fewer lines of fault, the box at its least
            fields = field_grid(self._fields(fault_lines=2), width=self.width, st=self.st)
            used = measure_height([*self.header_story(), fields, *head, *tail], self.width)
            work_mm = max(16 * scale, (frame - used) / mm)
        work = fill_in_boxes([(pt("Work done"), min(work_mm, 60 * scale))], width=self.width,
                             st=self.st)
        return [fields, *head, work, *tail]


def render_voucher_pdf(header: StoreHeader, voucher: VoucherDTO, *, reprint: bool = False,
                       paper: str = "A5", printed_by: str = "") -> bytes:
    """The voucher as PDF bytes on A5 (default) or A4."""
    size = A4 if paper.upper() == "A4" else A5
    return VoucherDocument(header, voucher, reprint=reprint, pagesize=size,
                           printed_by=printed_by).generate()
