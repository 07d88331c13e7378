"""The repair card tag (修护卡) hung on the item: card number, QR, customer, item, fault."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from app.printing.base import LabelDocument
from app.printing.documents.carry_in_common import (
    copy_counter,
    copy_recorder,
    header_of,
    item_text,
    pack_by_number,
)
from app.printing.flowables import Field, QRCode, field_grid, para
from app.printing.formatting import fmt_date
from app.printing.registry import PrinterGroup, Rendered, register
from app.printing.styles import label_size
from app.printing.text import N_P, pt
from app.services.carry_in_dto import PrintPack
from app.services.context import ServiceContext


class RepairTag(LabelDocument):
    title = "Repair card"

    def __init__(self, pack: PrintPack, **kw: Any) -> None:
        width, height = pack.tag_size_mm
        super().__init__(header_of(pack.store), number=pack.job.card_number,
                         reprint=pack.reprint, void=not pack.job.in_store,
                         printed_at=pack.printed_at,
                         printed_by=pack.printed_by, pagesize=label_size(width, height), **kw)
        self.pack = pack

    def _fields(self) -> list[Field]:
        job = self.pack.job
        return [
            Field(pt("Receipt No."), job.receipt_number),
            Field(pt("Customer"), job.customer_name),
            Field(pt("Item"), item_text(job)),
            Field(pt("Serial No."), job.serial or "—"),
            Field(pt("Fault"), job.fault),
            Field(pt("Promised date"), fmt_date(job.promised_date)),
        ]

    def story(self) -> list[Flowable]:
        qr = min(24 * mm, self.width * 0.3)
        number = para(self.pack.job.card_number,
                      self.st.title.clone("sc-tag-no", alignment=0, spaceAfter=0))
        grid = field_grid(self._fields(), width=self.width - qr - 2 * mm, st=self.st,
                          columns=2)
        body = Table([[[number, grid], QRCode(self.pack.job.card_number, qr)]],
                     colWidths=[self.width - qr - 2 * mm, qr + 2 * mm])
        body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                  ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                  ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                  ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
        return [body]


def render_repair_tag(pack: PrintPack, *, reprint: bool = False) -> bytes:
    """The tag as PDF bytes, on the label size the store configured (100 × 70 mm default)."""
    document = RepairTag(pack)
    document.reprint = document.reprint or reprint
    return document.generate()


@register("repair-tag", title=N_P("Repair card"), group=PrinterGroup.TAGS,
          record_output=copy_recorder("repair-tag"), copies=copy_counter("repair-tag"))
def render_repair_tag_kind(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print repair-tag J2611-0001`` (a receipt number finds the tag too)."""
    pack = pack_by_number(ctx, number, "repair-tag")
    return Rendered(render_repair_tag(pack, reprint=reprint),
                    f"repair-tag-{pack.job.card_number}.pdf")
