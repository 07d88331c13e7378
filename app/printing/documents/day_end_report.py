"""The day-end cash report (日结报表), A4: every payment of the day, per collector and method."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.printing.base import BaseDocument, StoreHeader
from app.printing.documents.payment_receipt import METHOD_TEXT
from app.printing.flowables import list_table, para, signature_line, totals_table
from app.printing.formatting import cents_to_decimal, fmt_datetime, money
from app.printing.text import N_P, pt
from app.services.money_dto import DayEndReport


def _method(name: str) -> str:
    return pt(METHOD_TEXT.get(name, name))


class DayEndDocument(BaseDocument):
    title = N_P("Day-end cash report")
    font_size = 9.5

    def __init__(self, header: StoreHeader, report: DayEndReport, **kw: Any) -> None:
        super().__init__(header, number=report.day.isoformat(), **kw)
        self.report = report

    def _payments(self) -> Flowable:
        w = self.width
        rows = [[p.number, fmt_datetime(p.collected_at, self.tz)[11:], p.call_number,
                 p.customer_name, p.collector, _method(p.method),
                 pt("On site") if p.place == "on_site" else pt("Counter"),
                 money(cents_to_decimal(p.amount_cents))] for p in self.report.payments]
        widths = [w * f for f in (0.14, 0.08, 0.13, 0.15, 0.12, 0.12, 0.10, 0.16)]
        headers = [pt("Receipt No."), pt("Time"), pt("Call No."), pt("Customer"),
                   pt("Collected by"), pt("Payment method"), pt("Where"), pt("Amount")]
        return list_table(headers, rows, widths=widths, st=self.st, numeric=(7,))

    def _collectors(self) -> Flowable:
        methods = sorted(self.report.by_method)
        rows = [[c.collector, str(c.count),
                 *(money(cents_to_decimal(c.by_method.get(m, 0))) for m in methods),
                 money(cents_to_decimal(c.total_cents))] for c in self.report.collectors]
        width = self.width / (3 + len(methods))
        headers = [pt("Collected by"), pt("Count"), *(_method(m) for m in methods),
                   pt("Total")]
        return list_table(headers, rows, widths=[width] * (3 + len(methods)), st=self.st,
                          numeric=tuple(range(1, 3 + len(methods))))

    def story(self) -> list[Flowable]:
        r = self.report
        totals = [(_method(m), cents_to_decimal(c)) for m, c in sorted(r.by_method.items())]
        totals += [(pt("Handed over to the accountant"), cents_to_decimal(r.handed_over_cents)),
                   (pt("Still held by technicians"), cents_to_decimal(r.still_held_cents))]
        return [
            para(pt("Payments"), self.st.subtitle), self._payments(), Spacer(1, 4 * mm),
            para(pt("Per collector"), self.st.subtitle), self._collectors(),
            Spacer(1, 4 * mm),
            totals_table(totals, width=self.width * 0.5, st=self.st,
                         total=(pt("Store total"), cents_to_decimal(r.total_cents))),
            Spacer(1, 8 * mm),
            signature_line([pt("Accountant"), pt("Supervisor")], width=self.width, st=self.st),
        ]
