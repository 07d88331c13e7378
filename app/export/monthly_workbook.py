"""The monthly workbook (月度统计报表.xlsx): summary, technicians, models, daily jobs, details.

Totals are Excel formulas, so they recompute when a manager edits a figure; numbers carry
money, percent and date formats; header rows are frozen with autofilters; a chart shows jobs
per category per day and another the hours per technician. Written in openpyxl's write-only
mode (a month of 20,000 jobs in a few seconds, little memory), to a temporary file that is
moved into place only when complete.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from app.export.sheets import (
    DATETIME,
    DECIMAL,
    MONEY,
    PERCENT,
    TITLE_FONT,
    cell,
    header_row,
    local_naive,
    set_widths,
    yuan,
)
from app.export.voice_sheets import complaints_sheet, surveys_sheet
from app.printing.text import pt
from app.services.monthly_dto import Figure, MonthlyReport

Progress = Callable[[int, int, str], None]
CATEGORIES = ("A", "B", "C", "D")
TOTAL_PARTS = ("install_cost", "dispatch_cost", "bench_cost", "materials_cost",
               "transport_cost")
SHEETS = ("Summary", "Technicians", "Models", "Daily jobs", "Details")


class ExportCancelled(Exception):
    """The user cancelled; no file was left behind."""


def suggested_filename(report: MonthlyReport) -> str:
    safe = "".join(ch for ch in report.store_name if ch not in '\\/:*?"<>|').strip() or "store"
    return f"{safe}-{pt('Monthly summary')}-{report.month:%Y-%m}.xlsx"


def write_monthly_workbook(report: MonthlyReport, path: Path, *, progress: Progress | None = None,
                           is_cancelled: Callable[[], bool] | None = None,
                           tz: ZoneInfo | None = None) -> Path:
    """Write the workbook; returns ``path``. Raises ExportCancelled (and leaves no file)."""
    tz = tz or ZoneInfo("Asia/Shanghai")
    steps = len(SHEETS) + len(report.details) // 1000

    def tick(done: int, message: str) -> None:
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()
        if progress is not None:
            progress(min(done, steps), steps, message)

    wb = Workbook(write_only=True)
    _properties(wb, report)
    tick(0, pt("Summary"))
    _summary(wb, report)
    tick(1, pt("Technicians"))
    _technicians(wb, report)
    tick(2, pt("Models"))
    _models(wb, report)
    tick(3, pt("Daily jobs"))
    _daily(wb, report)
    surveys_sheet(wb, report)
    complaints_sheet(wb, report)
    tick(4, pt("Details"))
    _details(wb, report, tz, lambda n: tick(5 + n // 1000, pt("Details")))
    partial = path.with_name(path.name + ".partial")
    try:
        wb.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    tick(steps, pt("Done"))
    return path


def _properties(wb: Workbook, report: MonthlyReport) -> None:
    props = wb.properties
    props.title = f"{report.store_name} {pt('Monthly summary')} {report.month:%Y-%m}"
    props.subject = f"{report.month:%Y-%m}"
    props.creator = "Service Counter"
    props.keywords = report.store_name
    props.description = pt("After-sales service figures of {month}",
                           month=f"{report.month:%Y-%m}")


def _figure_cell(ws: WriteOnlyWorksheet, figure: Figure) -> Any:
    if figure.kind == "money":
        return cell(ws, yuan(int(figure.value)), fmt=MONEY)
    if figure.kind == "percent":
        return cell(ws, figure.value, fmt=PERCENT)
    if figure.kind in ("days", "hours"):
        return cell(ws, figure.value, fmt=DECIMAL)
    return cell(ws, figure.value)


def _summary(wb: Workbook, report: MonthlyReport) -> None:
    ws = wb.create_sheet(pt("Summary"))
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["B"].width = 18
    ws.freeze_panes = "A4"
    title = cell(ws, f"{report.store_name} {pt('Monthly summary')} {report.month:%Y-%m}")
    title.font = TITLE_FONT
    ws.append([title])
    ws.append([pt("Made by Service Counter from the store's records")])
    ws.append(header_row(ws, [pt("Figure"), pt("Value")]))
    rows = {figure.key: index + 4 for index, figure in enumerate(report.figures)}
    for figure in report.figures:
        value = _figure_cell(ws, figure)
        if figure.key == "total_cost":
            refs = ",".join(f"B{rows[key]}" for key in TOTAL_PARTS if key in rows)
            value = cell(ws, f"=SUM({refs})", fmt=MONEY, bold=True)
        ws.append([cell(ws, pt(figure.label), bold=figure.key == "total_cost"), value])
    ws.auto_filter.ref = f"A3:B{3 + len(report.figures)}"
    days = len(report.jobs_per_day)
    if days:
        chart = BarChart()
        chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
        chart.title = pt("Jobs per category per day")
        chart.y_axis.title = pt("Number of jobs")
        daily = pt("Daily jobs")
        chart.add_data(_ref(wb, daily, 2, 1, 5, days + 1), titles_from_data=True)
        chart.set_categories(_ref(wb, daily, 1, 2, 1, days + 1))
        chart.width, chart.height = 22, 10
        ws.add_chart(chart, "D3")


def _ref(wb: Workbook, sheet: str, min_col: int, min_row: int, max_col: int,
         max_row: int) -> Reference:
    """A reference to a sheet that may not be written yet (write-only workbooks)."""
    return Reference(worksheet=None, range_string=(
        f"'{sheet}'!${_col(min_col)}${min_row}:${_col(max_col)}${max_row}"))


def _col(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _technicians(wb: Workbook, report: MonthlyReport) -> None:
    ws = wb.create_sheet(pt("Technicians"))
    headers = [pt("Technician"), pt("Number of jobs"), *(pt("Hours {category}", category=c)
                                              for c in CATEGORIES),
               pt("Hours in all"), pt("Arrived in time"), pt("Arrivals due"),
               pt("In time"), pt("Revenue")]
    set_widths(ws, [headers, *([t.technician] for t in report.technicians)])
    ws.freeze_panes = "B2"
    ws.append(header_row(ws, headers))
    for n, tech in enumerate(report.technicians, start=2):
        hours = [cell(ws, tech.hours_by_category.get(c, 0.0), fmt=DECIMAL) for c in CATEGORIES]
        ws.append([tech.technician, tech.jobs, *hours,
                   cell(ws, f"=SUM(C{n}:F{n})", fmt=DECIMAL), tech.deadlines_met,
                   tech.deadlines_due, cell(ws, f'=IF(I{n}=0,"",H{n}/I{n})', fmt=PERCENT),
                   cell(ws, yuan(tech.revenue_cents), fmt=MONEY)])
    last = len(report.technicians) + 1
    formats = {**dict.fromkeys("CDEFG", DECIMAL), "K": MONEY}
    ws.append([cell(ws, pt("Total"), bold=True),
               *(cell(ws, f"=SUM({c}2:{c}{last})", fmt=formats.get(c), bold=True)
                 for c in "BCDEFGHI"),
               cell(ws, f'=IF(I{last + 1}=0,"",H{last + 1}/I{last + 1})', fmt=PERCENT,
                    bold=True),
               cell(ws, f"=SUM(K2:K{last})", fmt=MONEY, bold=True)])
    ws.auto_filter.ref = f"A1:K{last}"
    if report.technicians:
        chart = BarChart()
        chart.type, chart.grouping, chart.overlap = "bar", "stacked", 100
        chart.title = pt("Hours per technician")
        chart.add_data(Reference(ws, min_col=3, min_row=1, max_col=6, max_row=last),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
        chart.width, chart.height = 18, 8
        ws.add_chart(chart, f"A{last + 3}")


def _models(wb: Workbook, report: MonthlyReport) -> None:
    ws = wb.create_sheet(pt("Models"))
    headers = [pt("Model"), pt("Name"), pt("Product category"), pt("Calls"), pt("Repairs"),
               pt("Parts cost"), pt("Cost")]
    set_widths(ws, [headers, *([m.model_code, m.model_name, m.category] for m in report.models)])
    ws.freeze_panes = "A2"
    ws.append(header_row(ws, headers))
    for m in report.models:
        ws.append([m.model_code, m.model_name, m.category, m.calls, m.repairs,
                   cell(ws, yuan(m.parts_cents), fmt=MONEY),
                   cell(ws, yuan(m.cost_cents), fmt=MONEY)])
    last = len(report.models) + 1
    ws.append([cell(ws, pt("Total"), bold=True), "", "",
               *(cell(ws, f"=SUM({c}2:{c}{last})", fmt=MONEY if c in "FG" else None, bold=True)
                 for c in "DEFG")])
    ws.auto_filter.ref = f"A1:G{last}"


def _daily(wb: Workbook, report: MonthlyReport) -> None:
    ws = wb.create_sheet(pt("Daily jobs"))
    ws.column_dimensions["A"].width = 12
    ws.freeze_panes = "A2"
    ws.append(header_row(ws, [pt("Date"), *CATEGORIES, pt("Total")]))
    for n, (day, counts) in enumerate(sorted(report.jobs_per_day.items()), start=2):
        ws.append([cell(ws, day, fmt="yyyy-mm-dd"), *(counts.get(c, 0) for c in CATEGORIES),
                   cell(ws, f"=SUM(B{n}:E{n})")])
    last = len(report.jobs_per_day) + 1
    ws.append([cell(ws, pt("Total"), bold=True),
               *(cell(ws, f"=SUM({c}2:{c}{last})", bold=True) for c in "BCDEF")])


VALUE_TEXT = {
    "phone": "Phone", "letter": "Letter", "email": "E-mail", "walk_in": "Walk-in", "web": "Web",
    "repair": "Repair", "install": "Installation", "maintenance": "Maintenance",
    "inspection": "Inspection", "consult": "Consultation", "completed": "Completed on site",
    "taken_in": "Taken in", "unfinished": "Another visit needed", "": "Not visited yet",
}


def _value(code: str) -> str:
    return pt(VALUE_TEXT.get(code, code))


DETAIL_HEADERS = ("Job No.", "Call No.", "Received at", "Customer", "Phone", "Zone", "Channel",
                  "Model", "Category", "Kind of service", "Technician", "Dispatched at",
                  "Arrived at", "Deadline met", "Outcome", "Labour (min)", "Parts", "Billed",
                  "Paid")


def _details(wb: Workbook, report: MonthlyReport, tz: ZoneInfo,
             tick: Callable[[int], None]) -> None:
    ws = wb.create_sheet(pt("Details"))
    headers = [pt(h) for h in DETAIL_HEADERS]
    sample = [[d.number, d.call_number, d.received_at, d.customer, d.phone, d.zone, d.channel,
               d.model] for d in report.details[:300]]
    set_widths(ws, [headers, *sample])
    ws.freeze_panes = "C2"
    ws.append(header_row(ws, headers))
    yes, no = pt("yes"), pt("no")
    for n, d in enumerate(report.details):
        if n % 1000 == 0:
            tick(n)
        met = "" if d.deadline_met is None else (yes if d.deadline_met else no)
        ws.append([d.number, d.call_number, cell(ws, local_naive(d.received_at, tz), fmt=DATETIME),
                   d.customer, d.phone, d.zone, _value(d.channel), d.model, d.category,
                   _value(d.service_kind), d.technician,
                   cell(ws, local_naive(d.dispatched_at, tz), fmt=DATETIME),
                   cell(ws, local_naive(d.arrived_at, tz), fmt=DATETIME), met, _value(d.outcome),
                   d.labour_minutes, cell(ws, yuan(d.parts_cents), fmt=MONEY),
                   cell(ws, yuan(d.billed_cents), fmt=MONEY),
                   cell(ws, yuan(d.paid_cents), fmt=MONEY)])
    ws.auto_filter.ref = f"A1:S{len(report.details) + 1}"
