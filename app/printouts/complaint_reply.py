"""The reply letter to a complaint: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.printing.documents.complaint_reply import ComplaintReplyDocument
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services import complaint_service
from app.services.context import ServiceContext


@register(PrintKind.COMPLAINT_REPLY, title=N_P("Reply to your complaint"), group=PrinterGroup.FORMS)
def render_complaint_reply(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print complaint-reply 2611-007``."""
    complaint = complaint_service.find_complaint(ctx, number)
    letter = complaint_service.reply_letter(ctx, complaint.id)
    return Rendered(ComplaintReplyDocument(letter, reprint=reprint).generate(),
                    f"complaint-reply-{complaint.number}.pdf")
