"""The service voucher: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.printing.documents.voucher import render_voucher_pdf
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services.context import ServiceContext
from app.services.reference_service import letterhead
from app.services.voucher_service import voucher_for_print


@register(PrintKind.VOUCHER, title=N_P("Service voucher"), group=PrinterGroup.FORMS)
def render_voucher(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print voucher V2611-0007``; ``V2611-0007@A4`` prints on A4."""
    number, _, paper = number.partition("@")
    voucher = voucher_for_print(ctx, number)
    pdf = render_voucher_pdf(letterhead(ctx, voucher.branch_id), voucher, reprint=reprint,
                             paper=paper or "A5", printed_by=ctx.actor.display_name)
    return Rendered(pdf, f"voucher-{voucher.number}.pdf")
