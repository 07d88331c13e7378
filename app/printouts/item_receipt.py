"""The customer item receipt (roll, A5): loaded by number through the services."""

from __future__ import annotations

from app.printing.documents.item_receipt import DOCUMENT, render_item_receipt
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.printouts.carry_in_common import copy_counter, copy_recorder, pack_by_number
from app.services.context import ServiceContext


def _by_number(ctx: ServiceContext, number: str, reprint: bool, paper: str) -> Rendered:
    pack = pack_by_number(ctx, number, DOCUMENT)
    pdf = render_item_receipt(pack, paper, reprint=reprint)
    return Rendered(pdf, f"item-receipt-{pack.job.receipt_number}.pdf")


@register(PrintKind.ITEM_RECEIPT, title=N_P("Customer item receipt"), group=PrinterGroup.RECEIPTS,
          record_output=copy_recorder(DOCUMENT), copies=copy_counter(DOCUMENT))
def render_item_receipt_thermal(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print item-receipt R2611-0001``: the 80 mm receipt."""
    return _by_number(ctx, number, reprint, "thermal")


@register(PrintKind.ITEM_RECEIPT_A5, title=N_P("Customer item receipt (A5)"),
          group=PrinterGroup.FORMS, record_output=copy_recorder(DOCUMENT),
          copies=copy_counter(DOCUMENT), document=PrintKind.ITEM_RECEIPT)
def render_item_receipt_a5(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    return _by_number(ctx, number, reprint, "a5")
