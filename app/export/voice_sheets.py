"""The monthly workbook's customer-voice sheets: survey ratings per technician, complaints."""

from __future__ import annotations

from app.export.sheets import DECIMAL, PERCENT, Book, cell, formula
from app.printing.documents.voice_labels import department_text, kind_text
from app.printing.text import pt
from app.services.monthly_dto import MonthlyReport

ITEM_TITLES = ("Attitude", "Skill", "Arrival time", "Keeping promises")


def _rate(returned: int, sent: int) -> float | str:
    """What =IF(sent=0,"",returned/sent) shows."""
    return returned / sent if sent else ""


def surveys_sheet(book: Book, report: MonthlyReport) -> None:
    """One row per technician: cards sent and returned, return rate, average and lowest
    rating per item (4 = very satisfied … 1 = unsatisfied), unsatisfied ratings."""
    ws = book.sheet(pt("Survey cards"))
    headers = [pt("Technician"), pt("Cards sent"), pt("Cards returned"), pt("Return rate"),
               *(pt("Average: {item}", item=pt(i)) for i in ITEM_TITLES),
               *(pt("Lowest: {item}", item=pt(i)) for i in ITEM_TITLES),
               pt("Unsatisfied ratings")]
    ws.fit_widths([headers, *([s.technician_name] for s in report.surveys)])
    ws.freeze("B2")
    ws.header_row(headers)
    for n, s in enumerate(report.surveys, start=2):
        ws.append([s.technician_name or pt("Unassigned"), s.sent, s.returned,
                   formula(f'=IF(B{n}=0,"",C{n}/B{n})', _rate(s.returned, s.sent),
                           fmt=PERCENT),
                   *(cell(float(a) if a is not None else None, fmt=DECIMAL)
                     for a in s.averages),
                   *s.lowest, s.unsatisfied])
    last = len(report.surveys) + 1
    total = last + 1
    sent = sum(s.sent for s in report.surveys)
    returned = sum(s.returned for s in report.surveys)
    ws.append([cell(pt("Total"), bold=True),
               formula(f"=SUM(B2:B{last})", sent, bold=True),
               formula(f"=SUM(C2:C{last})", returned, bold=True),
               formula(f'=IF(B{total}=0,"",C{total}/B{total})', _rate(returned, sent),
                       fmt=PERCENT, bold=True),
               *[""] * 8,
               formula(f"=SUM(M2:M{last})", sum(s.unsatisfied for s in report.surveys),
                       bold=True)])
    ws.autofilter(13, last)


def complaints_sheet(book: Book, report: MonthlyReport) -> None:
    """The month's complaint figures, then received complaints by kind and by department,
    each breakdown with a SUM total."""
    stats = report.complaints
    ws = book.sheet(pt("Complaints"))
    ws.width(0, 36)
    ws.width(1, 14)
    ws.header_row([pt("Figure"), pt("Value")])
    if stats is None:
        return
    days = float(stats.average_days_to_close) if stats.average_days_to_close is not None else None
    figures = ((pt("Complaints received"), stats.received, None),
               (pt("Complaints closed"), stats.closed, None),
               (pt("Average days to close"), days, DECIMAL),
               (pt("Closed after the deadline"), stats.closed_late, None),
               (pt("Open and overdue"), stats.open_overdue, None),
               (pt("Reopened as new complaints"), stats.reopened, None))
    for label, value, fmt in figures:
        ws.append([label, cell(value, fmt=fmt)])
    row = 1 + len(figures)
    for title, rows in ((pt("By kind"), [(kind_text(k), n) for k, n in stats.by_kind]),
                        (pt("By department"),
                         [(department_text(d), n) for d, n in stats.by_department])):
        ws.append([])
        ws.header_row([title, pt("Complaints")])
        first = row + 3
        for label, count in rows:
            ws.append([label, count])
        row = first + len(rows) - 1
        ws.append([cell(pt("Total"), bold=True),
                   formula(f"=SUM(B{first}:B{row})", sum(n for _label, n in rows), bold=True)])
        row += 1
