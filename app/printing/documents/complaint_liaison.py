"""The liaison note (洽办单, 客户投诉管理办法 十四) for a complaint closed after its deadline:
sent to the department at fault to trace why; its answer comes back on the lower half."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument
from app.printing.documents.voice_labels import department_text, kind_text
from app.printing.flowables import Field, field_grid, fill_in_boxes, para, signature_line
from app.printing.formatting import fmt_date
from app.printing.text import pt
from app.services.complaint_dto import LiaisonDoc


class ComplaintLiaisonDocument(BaseDocument):
    title = "Complaint liaison note"

    def __init__(self, doc: LiaisonDoc, **kw: Any) -> None:
        super().__init__(doc.store, number=doc.number, printed_by=doc.issued_by, **kw)
        self.doc = doc

    def story(self) -> list[Flowable]:
        d, c = self.doc, self.doc.complaint
        answer: list[Flowable] = (
            [field_grid([Field(pt("Department's answer"), d.reply, wide=True),
                         Field(pt("Answered on"), fmt_date(d.replied_on))],
                        width=self.width, st=self.st)] if d.reply else
            [fill_in_boxes([(pt("Reason for the delay and measures taken"), 40)],
                           width=self.width, st=self.st)])
        return [
            para(pt("To: {name}", name=department_text(d.department)), self.st.bold),
            Spacer(1, 2 * mm),
            para(pt("Complaint {number} was closed on {closed}, {days} days after its deadline "
                    "of {deadline}. Please find out why and answer on this note within three "
                    "days.", number=c.number, closed=fmt_date(c.closed_on),
                    days=d.days_late, deadline=fmt_date(c.deadline)), self.st.body),
            Spacer(1, 3 * mm),
            field_grid([
                Field(pt("Liaison note No."), d.number),
                Field(pt("Complaint No."), c.number),
                Field(pt("Customer"), c.customer_name),
                Field(pt("Kind of complaint"), kind_text(c.kind)),
                Field(pt("Accepted on"), fmt_date(c.accepted_on)),
                Field(pt("Closing deadline"), fmt_date(c.deadline)),
                Field(pt("Closed on"), fmt_date(c.closed_on)),
                Field(pt("Days late"), str(d.days_late)),
                Field(pt("What happened"), c.description, wide=True),
                Field(pt("Resolution"), c.resolution or "—", wide=True),
                Field(pt("Question"), d.question or "—", wide=True),
                Field(pt("Issued on"), fmt_date(d.issued_on)),
                Field(pt("Issued by"), d.issued_by or "—"),
            ], width=self.width, st=self.st),
            Spacer(1, 3 * mm),
            *answer,
            Spacer(1, 6 * mm),
            signature_line([pt("Department head"), pt("Date")], width=self.width,
                           st=self.st),
        ]


def complaint_liaison_pdf(doc: LiaisonDoc, *, reprint: bool = False) -> bytes:
    return ComplaintLiaisonDocument(doc, reprint=reprint).generate()
