"""The technicians' monthly appraisal (技术员月度考评表, seed 002 §二十三): one line per
technician — work done, late arrivals, complaints naming them, the customers' ratings."""

from __future__ import annotations

from typing import Any

from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument
from app.printing.flowables import list_table, para, signature_line
from app.printing.styles import A4
from app.printing.text import N_P, pt
from app.services.voice_dto import AppraisalMonth, TechnicianAppraisal

HEADERS = (N_P("Technician"), N_P("Jobs done"), N_P("Late arrivals"),
           N_P("Complaints naming them"), N_P("Cards issued"), N_P("Cards returned"),
           N_P("Attitude"), N_P("Skill"), N_P("Arrival time"),
           N_P("Follow-through on promises"), N_P("Unsatisfied ratings"))
WIDTHS = (26, 14, 14, 18, 14, 14, 14, 14, 14, 18, 16)


def appraisal_cells(row: TechnicianAppraisal) -> list[str]:
    """The figures of one line, as printed and exported."""
    r = row.ratings
    averages = ["—" if a is None else str(a) for a in r.averages] if r else ["—"] * 4
    return [row.technician_name, str(row.jobs_done), str(row.late_arrivals),
            str(row.complaints), str(r.sent if r else 0), str(r.returned if r else 0),
            *averages, str(r.unsatisfied if r else 0)]


class AppraisalDocument(BaseDocument):
    pagesize = landscape(A4)
    margins = (12 * mm, 12 * mm, 12 * mm, 14 * mm)
    font_size = 9.0
    title = "Technicians' monthly appraisal"

    def __init__(self, month: AppraisalMonth, **kw: Any) -> None:
        super().__init__(month.store, number=f"{month.year}-{month.month:02d}", **kw)
        self.month = month

    def story(self) -> list[Flowable]:
        unit = self.width / sum(WIDTHS)
        rows = [appraisal_cells(r) for r in self.month.rows]
        return [
            para(pt("Month {month}: {n} technicians. Ratings are the averages of the returned "
                    "survey cards (4 = very satisfied, 1 = unsatisfied).",
                    month=f"{self.month.year}-{self.month.month:02d}", n=len(rows)),
                 self.st.body),
            Spacer(1, 2 * mm),
            list_table([pt(h) for h in HEADERS], rows, widths=[w * unit for w in WIDTHS],
                       st=self.st, numeric=tuple(range(1, len(HEADERS)))),
            Spacer(1, 8 * mm),
            signature_line([pt("Service supervisor"), pt("Date")], width=self.width,
                           st=self.st),
        ]


def appraisal_pdf(month: AppraisalMonth, *, reprint: bool = False) -> bytes:
    return AppraisalDocument(month, reprint=reprint).generate()
