"""The maintenance expiry notice: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.printing.documents.expiry_notice import ExpiryNoticeDocument
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services import contract_service
from app.services.context import ServiceContext


@register(PrintKind.EXPIRY_NOTICE, title=N_P("Maintenance expiry notice"), group=PrinterGroup.FORMS,
          record_output=contract_service.notice_sent)
def render_expiry_notice(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print expiry-notice K2611-0001``; a notice that left is noted as sent."""
    contract = contract_service.find_contract(ctx, number)
    notices = contract_service.expiry_notices(ctx, [contract.id])
    return Rendered(ExpiryNoticeDocument(notices[0], reprint=reprint).generate(),
                    f"expiry-notice-{contract.number}.pdf")
