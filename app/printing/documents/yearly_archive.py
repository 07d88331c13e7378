"""The yearly archive (年底装订成册, 制度11 六): the twelve monthly summaries in one PDF — each
month's figures, survey ratings per technician and complaint statistics on its own pages,
with the store's header and page X of Y."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from app.printing.base import BaseDocument
from app.printing.documents.voice_labels import department_text, kind_text
from app.printing.flowables import list_table, para
from app.printing.formatting import money
from app.printing.styles import A4
from app.printing.text import pt
from app.services.dto import StoreHeader
from app.services.monthly_dto import Figure, MonthlyReport


def _figure_text(figure: Figure) -> str:
    if figure.kind == "money":
        return money(int(figure.value))
    if figure.kind == "percent":
        return f"{float(figure.value) * 100:.1f}%"
    return str(figure.value)


class YearlyArchiveDocument(BaseDocument):
    pagesize = A4
    font_size = 8.0
    title = "Yearly archive of the monthly summaries"

    def __init__(self, store: StoreHeader, year: int, reports: list[MonthlyReport],
                 **kw: Any) -> None:
        super().__init__(store, number=str(year), **kw)
        self.year = year
        self.reports = reports

    def story(self) -> list[Flowable]:
        out: list[Flowable] = [
            para(pt("{n} monthly summaries of {year}", n=len(self.reports), year=self.year),
                 self.st.body),
            Spacer(1, 3 * mm),
            list_table([pt("Month"), pt("Calls received"), pt("Total after-sales cost"),
                        pt("Actual after-sales expenses (reimbursed)")],
                       [[f"{r.month:%Y-%m}", str(r.figure("calls"))
                         if _has(r, "calls") else "",
                         money(int(r.figure("total_cost"))),
                         money(int(r.figure("expense_total")))
                         if _has(r, "expense_total") else ""] for r in self.reports],
                       widths=[self.width * w for w in (0.2, 0.2, 0.3, 0.3)], st=self.st,
                       numeric=(1, 2, 3)),
        ]
        for report in self.reports:
            out += [PageBreak(), *self._month(report)]
        return out

    def _month(self, r: MonthlyReport) -> list[Flowable]:
        cells = [[pt(f.label), _figure_text(f)] for f in r.figures]
        half = (len(cells) + 1) // 2  # two columns of figures: a month on one page
        rows = [[*cells[i], *(cells[i + half] if i + half < len(cells) else ["", ""])]
                for i in range(half)]
        w = self.width
        out: list[Flowable] = [
            para(pt("Monthly summary") + f" {r.month:%Y-%m}", self.st.bold), Spacer(1, 2 * mm),
            list_table([pt("Figure"), pt("Value"), pt("Figure"), pt("Value")], rows,
                       widths=[w * 0.32, w * 0.18, w * 0.32, w * 0.18], st=self.st,
                       numeric=(1, 3))]
        if r.surveys:
            out += [Spacer(1, 3 * mm), para(pt("Ratings per technician"), self.st.bold),
                    list_table([pt("Technician"), pt("Cards issued"), pt("Cards returned"),
                                pt("Attitude"), pt("Skill"), pt("Arrival time"),
                                pt("Follow-through on promises")],
                               [[s.technician_name or pt("Service counter"), str(s.sent),
                                 str(s.returned),
                                 *["—" if a is None else str(a) for a in s.averages]]
                                for s in r.surveys],
                               widths=[self.width / 7] * 7, st=self.st,
                               numeric=(1, 2, 3, 4, 5, 6))]
        c = r.complaints
        if c is None:
            return out
        out += [Spacer(1, 3 * mm), para(pt("Complaint statistics"), self.st.bold),
                list_table([pt("Figure"), pt("Value")], [
                    [pt("Received in the month"), str(c.received)],
                    [pt("Closed in the month"), str(c.closed)],
                    [pt("Closed late"), str(c.closed_late)],
                    [pt("Open and overdue"), str(c.open_overdue)],
                    *[[kind_text(k), str(n)] for k, n in c.by_kind],
                    *[[pt("Responsible: {department}", department=department_text(d)),
                       f"{n} ({ratio}%)"] for d, n, ratio in c.responsibility]],
                    widths=[self.width * 0.7, self.width * 0.3], st=self.st, numeric=(1,))]
        return out


def _has(report: MonthlyReport, key: str) -> bool:
    return any(f.key == key for f in report.figures)


def yearly_archive_pdf(store: StoreHeader, year: int, reports: list[MonthlyReport]) -> bytes:
    return YearlyArchiveDocument(store, year, reports).generate()
