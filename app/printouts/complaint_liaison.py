"""The complaint liaison note: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.printing.documents.complaint_liaison import complaint_liaison_pdf
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services import complaint_service
from app.services.context import ServiceContext


@register(PrintKind.COMPLAINT_LIAISON, title=N_P("Complaint liaison note"),
          group=PrinterGroup.FORMS)
def render_complaint_liaison(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print complaint-liaison Q2611-001``."""
    doc = complaint_service.find_liaison(ctx, number)
    return Rendered(complaint_liaison_pdf(doc, reprint=reprint),
                    f"complaint-liaison-{doc.number}.pdf")
