"""The reminder (催办单) for an overdue complaint, addressed to the responsible department."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument
from app.printing.documents.voice_labels import department_text, kind_text, severity_text
from app.printing.flowables import Field, field_grid, fill_in_boxes, para, signature_line
from app.printing.formatting import fmt_date
from app.printing.text import pt
from app.services.complaint_dto import ReminderDoc


class ComplaintReminderDocument(BaseDocument):
    title = "Complaint reminder"

    def __init__(self, doc: ReminderDoc, **kw: Any) -> None:
        super().__init__(doc.store, number=doc.complaint.number, printed_by=doc.issued_by,
                         **kw)
        self.doc = doc

    def story(self) -> list[Flowable]:
        d, c = self.doc, self.doc.complaint
        return [
            para(pt("To: {name}", name=department_text(c.department)), self.st.bold),
            Spacer(1, 2 * mm),
            para(pt("Complaint {number} has passed its deadline of {deadline} by {days} "
                    "days. Please deal with it at once and report the result to the service "
                    "department.", number=c.number, deadline=fmt_date(c.deadline),
                    days=d.days_overdue), self.st.body),
            Spacer(1, 3 * mm),
            field_grid([
                Field(pt("Complaint No."), c.number),
                Field(pt("Reminder count"), pt("No. {n}", n=d.serial)),
                Field(pt("Customer"), c.customer_name),
                Field(pt("Phone"), c.customer_phone),
                Field(pt("Item"), c.item_label or "—", wide=True),
                Field(pt("Kind of complaint"), kind_text(c.kind)),
                Field(pt("Severity"), severity_text(c.severity)),
                Field(pt("Accepted on"), fmt_date(c.accepted_on)),
                Field(pt("Closing deadline"), fmt_date(c.deadline)),
                Field(pt("Days overdue"), str(d.days_overdue)),
                Field(pt("Issued on"), fmt_date(d.issued_on)),
                Field(pt("What happened"), c.description, wide=True),
                Field(pt("Customer's demand"), c.demand or "—", wide=True),
            ], width=self.width, st=self.st),
            Spacer(1, 3 * mm),
            fill_in_boxes([(pt("Reason for the delay and measures taken"), 35)],
                          width=self.width, st=self.st),
            Spacer(1, 6 * mm),
            signature_line([pt("Department head"), pt("Date")], width=self.width,
                           st=self.st),
        ]


def complaint_reminder_pdf(doc: ReminderDoc) -> bytes:
    return ComplaintReminderDocument(doc).generate()
