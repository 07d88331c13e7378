"""The printer test page: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.errors import NotFound
from app.i18n import N_
from app.printing.documents.printer_test_page import FORMATS, printer_test_page
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services.context import ServiceContext
from app.services.reference_service import letterhead


@register(PrintKind.TEST_PAGE, title=N_P("Printer test page"), group=PrinterGroup.FORMS)
def render_test_page(ctx: ServiceContext, fmt: str, reprint: bool) -> Rendered:
    """``print test-page a4|a5|thermal|label``: the number is the paper format."""
    if fmt not in FORMATS:
        raise NotFound(N_("Unknown test page format {value}: use one of {known}."),
                       value=fmt, known=", ".join(FORMATS))
    pdf = printer_test_page(letterhead(ctx), fmt, reprint=reprint,
                    printed_by=ctx.actor.display_name)
    return Rendered(pdf, f"test-page-{fmt}.pdf")
