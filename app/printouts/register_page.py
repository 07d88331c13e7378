"""A month of the goods register: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from datetime import datetime

from app.errors import NotFound
from app.i18n import N_
from app.printing.documents.register_page import render_register_month
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services import register_service
from app.services.context import ServiceContext


@register(PrintKind.REGISTER_MONTH, title=N_P("Customer goods in/out register"),
          group=PrinterGroup.FORMS)
def render_register_month_kind(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print register-month 2026-11``: the month's pages of the book, read fresh
    from the data; a month printed before is marked as a reprint."""
    try:
        month = datetime.strptime(number.strip(), "%Y-%m").date()
    except ValueError:
        raise NotFound(N_("{value} is not a month (YYYY-MM)."), value=number) from None
    book = register_service.month_book(ctx, month)
    return Rendered(render_register_month(book, reprint=reprint),
                    f"register-{number.strip()}.pdf")
