"""The day-end cash report: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from datetime import date

from app.errors import NotFound
from app.printing.documents.day_end_report import DayEndDocument
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services.context import ServiceContext
from app.services.payments_service import day_end
from app.services.reference_service import letterhead


@register(PrintKind.DAY_END, title=N_P("Day-end cash report"), group=PrinterGroup.FORMS)
def render_day_end(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print day-end 2026-11-22``."""
    try:
        day = date.fromisoformat(number)
    except ValueError as exc:
        raise NotFound("Not a date: {number}", number=number) from exc
    report = day_end(ctx, day)
    pdf = DayEndDocument(letterhead(ctx), report, reprint=reprint).generate()
    return Rendered(pdf, f"day-end-{day.isoformat()}.pdf")
