"""The survey card: loaded by number through the services, drawn by its form."""

from __future__ import annotations

from app.printing.documents.survey_card import SurveyCardDocument
from app.printing.registry import PrinterGroup, PrintKind, Rendered, register
from app.printing.text import N_P
from app.services import survey_service
from app.services.context import ServiceContext


@register(PrintKind.SURVEY_CARD, title=N_P("Customer opinion survey card"),
          group=PrinterGroup.FORMS)
def render_survey_card(ctx: ServiceContext, number: str, reprint: bool) -> Rendered:
    """``main.py print survey-card S2611-0001`` (or the call number)."""
    card = survey_service.find_card(ctx, number)
    docs = survey_service.card_documents(ctx, [card.id])
    return Rendered(SurveyCardDocument(docs[0], reprint=reprint).generate(),
                    f"survey-card-{card.number}.pdf")
