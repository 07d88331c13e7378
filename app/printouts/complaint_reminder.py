"""The complaint reminder: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.printing.documents.complaint_reminder import ComplaintReminderDocument
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services import complaint_service
from app.services.context import ServiceContext


@register(PrintKind.COMPLAINT_REMINDER, title=N_P("Complaint reminder"), group=PrinterGroup.FORMS)
def render_complaint_reminder(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print complaint-reminder 2611-007``: the latest reminder, printed again."""
    complaint = complaint_service.find_complaint(ctx, number)
    doc = complaint_service.last_reminder(ctx, complaint.id)
    return Rendered(ComplaintReminderDocument(doc, reprint=reprint).generate(),
                    f"complaint-reminder-{complaint.number}.pdf")
