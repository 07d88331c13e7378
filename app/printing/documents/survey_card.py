"""The customer opinion survey card (客户意见调查卡): A5, four items × four levels as tick boxes."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from app.printing.base import BaseDocument
from app.printing.documents.voice_letter import LetterBatch
from app.printing.flowables import Field, field_grid, fill_in_boxes, para, signature_line
from app.printing.formatting import fmt_date
from app.printing.styles import A5, INK, SHADE
from app.printing.text import N_P, pt
from app.services.survey_dto import SurveyCardDoc

ITEM_LABELS = (N_P("Attitude"), N_P("Skill"), N_P("Arrival time"),
               N_P("Follow-through on promises"))
LEVEL_LABELS = (N_P("Very satisfied"), N_P("Satisfied"), N_P("Fair rating"),
                N_P("Unsatisfied"))
# The same four ratings asked about the counter, for a call no technician served.
COUNTER_ITEM_LABELS = (N_P("Attitude"), N_P("Efficiency"), N_P("Waiting time"),
                       N_P("Follow-through on promises"))
BOX = "□"


def rating_table(doc: BaseDocument, counter: bool = False) -> Table:
    """Rows: the four items (评价项目); columns: the four levels, each a box to tick."""
    first = doc.width * 0.32
    other = (doc.width - first) / 4
    rows: list[list[Flowable | str]] = [
        [para(pt("Rated item"), doc.st.table_header),
         *[para(pt(level), doc.st.table_header) for level in LEVEL_LABELS]]]
    for item in COUNTER_ITEM_LABELS if counter else ITEM_LABELS:
        rows.append([para(pt(item), doc.st.body), *[para(BOX, doc.st.centre)] * 4])
    table = Table(rows, colWidths=[first] + [other] * 4, rowHeights=[None] + [8 * mm] * 4)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, INK),
                               ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("ALIGN", (1, 0), (-1, -1), "CENTER")]))
    return table


def card_story(doc: BaseDocument, card: SurveyCardDoc) -> list[Flowable]:
    c = card.card
    return [
        field_grid([
            Field(pt("Customer"), c.customer_name),
            Field(pt("Call No."), c.call_number),
            Field(pt("Item"), c.item_label or "—", wide=True),
            Field(pt("Served by"),
                  pt("Service counter") if card.counter else c.technician_name),
            Field(pt("Service date"), fmt_date(card.service_date)),
        ], width=doc.width, st=doc.st),
        Spacer(1, 2 * mm),
        para(pt("Please tick one box per line to rate our service counter.") if card.counter
             else pt("Please tick one box per line to rate the technician who served you."),
             doc.st.small),
        Spacer(1, 1 * mm),
        rating_table(doc, card.counter),
        Spacer(1, 2 * mm),
        fill_in_boxes([(pt("Suggestions or complaints"), 24)], width=doc.width, st=doc.st),
        Spacer(1, 3 * mm),
        signature_line([pt("Customer signature"), pt("Date")], width=doc.width, st=doc.st),
        Spacer(1, 2 * mm),
        para(pt("Thank you. Please post the card back or tell us by phone; every card is "
                "read by the service department."), doc.st.small),
    ]


class SurveyCardDocument(BaseDocument):
    pagesize = A5
    margins = (10 * mm, 10 * mm, 10 * mm, 12 * mm)
    font_size = 9.0
    title = "Customer opinion survey card"

    def __init__(self, card: SurveyCardDoc, **kw: Any) -> None:
        super().__init__(card.store, number=card.card.number, **kw)
        self.card = card

    def header_qr(self) -> str | None:
        return self.card.qr_payload

    def story(self) -> list[Flowable]:
        return card_story(self, self.card)


class SurveyCardBatch(LetterBatch):
    """A day's cards in one PDF, one card per A5 page, each with its own QR code."""

    pagesize = A5
    margins = SurveyCardDocument.margins
    font_size = 9.0
    title = "Customer opinion survey card"

    def __init__(self, cards: list[SurveyCardDoc], **kw: Any) -> None:
        if not cards:
            raise ValueError("no cards to print")
        super().__init__(cards[0].store, **kw)
        self.cards = cards
        self._qr = ""

    def header_qr(self) -> str | None:
        return self._qr or None

    def letters(self) -> Iterator[tuple[str, list[Flowable]]]:
        for card in self.cards:
            self._qr = card.qr_payload
            yield card.card.number, card_story(self, card)


def survey_cards_pdf(cards: list[SurveyCardDoc], reprinted: Collection[str] = ()) -> bytes:
    """One card, or a day's cards in one PDF; those in ``reprinted`` (card numbers) are
    marked as reprints."""
    if len(cards) == 1:
        number = cards[0].card.number
        return SurveyCardDocument(cards[0], reprint=number in reprinted).generate()
    return SurveyCardBatch(cards, reprinted=reprinted).generate()
