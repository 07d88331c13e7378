"""The technicians' appraisal: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.errors import NotFound
from app.i18n import N_
from app.printing.documents.technician_appraisal import appraisal_pdf
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services.context import ServiceContext
from app.services.voice_stats import technician_appraisals


@register(PrintKind.TECHNICIAN_APPRAISAL, title=N_P("Technicians' monthly appraisal"),
          group=PrinterGroup.FORMS)
def render_appraisal(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print technician-appraisal 2026-11``: read fresh from the data."""
    try:
        year, month = (int(part) for part in number.strip().split("-"))
        if not 1 <= month <= 12:
            raise ValueError(month)
    except ValueError:
        raise NotFound(N_("{value} is not a month (YYYY-MM)."), value=number) from None
    return Rendered(appraisal_pdf(technician_appraisals(ctx, year, month), reprint=reprint),
                    f"technician-appraisal-{year}-{month:02d}.pdf")
