"""The monthly workbook's customer-voice sheets: survey ratings per technician, complaints."""

from __future__ import annotations

from openpyxl import Workbook

from app.export.sheets import DECIMAL, PERCENT, cell, header_row, set_widths
from app.printing.documents.voice_labels import department_text, kind_text
from app.printing.text import pt
from app.services.monthly_dto import MonthlyReport

ITEM_TITLES = ("Attitude", "Skill", "Arrival time", "Keeping promises")


def surveys_sheet(wb: Workbook, report: MonthlyReport) -> None:
    """One row per technician: cards sent and returned, return rate, average and lowest
    rating per item (4 = very satisfied … 1 = unsatisfied), unsatisfied ratings."""
    ws = wb.create_sheet(pt("Survey cards"))
    headers = [pt("Technician"), pt("Cards sent"), pt("Cards returned"), pt("Return rate"),
               *(pt("Average: {item}", item=pt(i)) for i in ITEM_TITLES),
               *(pt("Lowest: {item}", item=pt(i)) for i in ITEM_TITLES),
               pt("Unsatisfied ratings")]
    set_widths(ws, [headers, *([s.technician_name] for s in report.surveys)])
    ws.freeze_panes = "B2"
    ws.append(header_row(ws, headers))
    for n, s in enumerate(report.surveys, start=2):
        ws.append([s.technician_name or pt("Unassigned"), s.sent, s.returned,
                   cell(ws, f'=IF(B{n}=0,"",C{n}/B{n})', fmt=PERCENT),
                   *(cell(ws, float(a) if a is not None else None, fmt=DECIMAL)
                     for a in s.averages),
                   *s.lowest, s.unsatisfied])
    last = len(report.surveys) + 1
    total = last + 1
    ws.append([cell(ws, pt("Total"), bold=True),
               cell(ws, f"=SUM(B2:B{last})", bold=True), cell(ws, f"=SUM(C2:C{last})", bold=True),
               cell(ws, f'=IF(B{total}=0,"",C{total}/B{total})', fmt=PERCENT, bold=True),
               *[""] * 8, cell(ws, f"=SUM(M2:M{last})", bold=True)])
    ws.auto_filter.ref = f"A1:M{last}"


def complaints_sheet(wb: Workbook, report: MonthlyReport) -> None:
    """The month's complaint figures, then received complaints by kind and by department,
    each breakdown with a SUM total."""
    stats = report.complaints
    ws = wb.create_sheet(pt("Complaints"))
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 14
    ws.append(header_row(ws, [pt("Figure"), pt("Value")]))
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
        ws.append([label, cell(ws, value, fmt=fmt)])
    row = 1 + len(figures)
    for title, rows in ((pt("By kind"), [(kind_text(k), n) for k, n in stats.by_kind]),
                        (pt("By department"),
                         [(department_text(d), n) for d, n in stats.by_department])):
        ws.append([])
        ws.append(header_row(ws, [title, pt("Complaints")]))
        first = row + 3
        for label, count in rows:
            ws.append([label, count])
        row = first + len(rows) - 1
        ws.append([cell(ws, pt("Total"), bold=True),
                   cell(ws, f"=SUM(B{first}:B{row})", bold=True)])
        row += 1
