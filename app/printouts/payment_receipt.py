"""The payment receipt (roll, A5): loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.printing.documents.payment_receipt import PaymentReceiptA5, PaymentReceiptThermal
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services.billing_service import bill_for_payment
from app.services.context import ServiceContext
from app.services.payments_service import find_payment
from app.services.reference_service import letterhead


def _render(ctx: ServiceContext, number: str, reprint: bool, paper: str) -> Rendered:
    payment = find_payment(ctx, number)
    bill = bill_for_payment(ctx, payment.bill_id)
    cls = PaymentReceiptThermal if paper == "thermal" else PaymentReceiptA5
    pdf = cls(letterhead(ctx, payment.branch_id), payment, bill, reprint=reprint).generate()
    suffix = "" if paper == "thermal" else "-a5"
    return Rendered(pdf, f"payment-receipt-{payment.number}{suffix}.pdf")


@register(PrintKind.PAYMENT_RECEIPT, title=N_P("Payment receipt"), group=PrinterGroup.RECEIPTS)
def render_payment_receipt(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print payment-receipt P2611-0001``: the 80 mm receipt."""
    return _render(ctx, number, reprint, "thermal")


@register(PrintKind.PAYMENT_RECEIPT_A5, title=N_P("Payment receipt (A5)"), group=PrinterGroup.FORMS,
          document=PrintKind.PAYMENT_RECEIPT)
def render_payment_receipt_a5(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    return _render(ctx, number, reprint, "a5")
