"""The written reply to a complaining customer (处理结果函告客户): an A4 letter."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument
from app.printing.documents.voice_labels import kind_text
from app.printing.documents.voice_letter import body, recipient_block, salutation, sign_off
from app.printing.flowables import Field, field_grid
from app.printing.formatting import fmt_date
from app.printing.text import pt
from app.services.complaint_dto import ReplyLetter


class ComplaintReplyDocument(BaseDocument):
    title = "Reply to your complaint"

    def __init__(self, letter: ReplyLetter, **kw: Any) -> None:
        super().__init__(letter.store, number=letter.complaint.number, **kw)
        self.letter = letter

    def story(self) -> list[Flowable]:
        c = self.letter.complaint
        paragraphs = [
            pt("Thank you for telling us on {date} about the problem below (our reference "
               "{number}). We looked into it at once; this is what we have done.",
               date=fmt_date(c.accepted_on), number=c.number),
        ]
        return [
            *recipient_block(self, c.customer_name, c.customer_address, c.customer_phone),
            salutation(self, c.customer_name),
            *body(self, paragraphs),
            Spacer(1, 3 * mm),
            field_grid([
                Field(pt("Complaint No."), c.number),
                Field(pt("Kind of complaint"), kind_text(c.kind)),
                Field(pt("Item"), c.item_label or "—", wide=True),
                Field(pt("What happened"), c.description, wide=True),
                Field(pt("Your demand"), c.demand or "—", wide=True),
                Field(pt("What we did"), c.resolution, wide=True),
                Field(pt("Final outcome"), c.outcome or c.resolution, wide=True),
            ], width=self.width, st=self.st),
            *body(self, [pt("If you are not satisfied with this outcome, please call us: "
                            "your complaint will be taken up again at once."),
                         pt("We apologise for the trouble and thank you for helping us "
                            "improve our service.")]),
            *sign_off(self, self.letter.letter_date),
        ]


def complaint_reply_pdf(letter: ReplyLetter) -> bytes:
    return ComplaintReplyDocument(letter).generate()
