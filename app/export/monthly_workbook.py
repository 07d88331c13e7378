"""The monthly workbook (月度统计报表.xlsx): summary, technicians, models, daily jobs, details.

Totals are Excel formulas, so they recompute when a manager edits a figure (each stored with
its result, for readers that do not recalculate); numbers carry money, percent and date
formats; header rows are frozen with autofilters; a chart shows jobs per category per day
and another the hours per technician. Written by XlsxWriter in constant-memory mode (little
memory), the details sheet's rows as XlsxWriter's own XML made directly (Sheet.rows_of: the
busiest month of a million-call store, 116,000 jobs, in about two seconds of CPU), to a
temporary file that is moved into place only when complete (app.export.sheets).

A company's service department (服务部) gets the same sheets as the company's totals, and
after the summary one sheet per branch ("02 杭州分公司") laid out as that branch's own
summary: a manager compares a branch's sheet with the workbook the branch sent, and the
totals keep the sheets (and formulas) every reader of a single store's workbook knows. A
branch's people, and a single store, get their own figures only (no branch sheets).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.export.sheets import (
    DATE,
    DATETIME,
    DECIMAL,
    MONEY,
    PERCENT,
    Book,
    Column,
    ExcelClock,
    Sheet,
    cell,
    formula,
    money_text,
    workbook,
    yuan,
)
from app.export.voice_sheets import complaints_sheet, surveys_sheet
from app.printing.text import pt
from app.services.monthly_dto import BranchMonth, Figure, MonthlyReport

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

    with workbook(path) as book:
        _properties(book, report)
        tick(0, pt("Summary"))
        _summary(book, report)
        for branch in report.branches:  # the service department's: a sheet per branch
            _branch_summary(book, report, branch)
        tick(1, pt("Technicians"))
        _technicians(book, report)
        tick(2, pt("Models"))
        _models(book, report)
        tick(3, pt("Daily jobs"))
        _daily(book, report)
        surveys_sheet(book, report)
        complaints_sheet(book, report)
        tick(4, pt("Details"))
        _details(book, report, tz, lambda n: tick(5 + n // 1000, pt("Details")))
        tick(steps, pt("Done"))  # the last chance to cancel: the file is saved after this
    return path


def _properties(book: Book, report: MonthlyReport) -> None:
    book.properties(
        title=f"{report.store_name} {pt('Monthly summary')} {report.month:%Y-%m}",
        subject=f"{report.month:%Y-%m}", keywords=report.store_name,
        description=pt("After-sales service figures of {month}", month=f"{report.month:%Y-%m}"))


def figure_cell(figure: Figure) -> Any:
    if figure.kind == "money":
        return cell(yuan(int(figure.value)), fmt=MONEY)
    if figure.kind == "percent":
        return cell(figure.value, fmt=PERCENT)
    if figure.kind in ("days", "hours"):
        return cell(figure.value, fmt=DECIMAL)
    return figure.value


def _summary(book: Book, report: MonthlyReport) -> None:
    ws = book.sheet(pt("Summary"))
    ws.width(0, 40)
    ws.width(1, 18)
    ws.freeze("A4")
    ws.print_setup(landscape=True, one_page=True)  # the figures and the chart on one sheet
    ws.title_row(f"{report.store_name} {pt('Monthly summary')} {report.month:%Y-%m}")
    ws.append([pt("Made by Service Counter from the store's records")])
    _figure_rows(ws, report.figures)
    days = len(report.jobs_per_day)
    if days:
        ws.stacked_bars("D3", pt("Daily jobs"), (1, len(CATEGORIES)), days + 1,
                        horizontal=False, title=pt("Jobs per category per day"),
                        y_title=pt("Number of jobs"), size_cm=(22, 10), category_format=DATE)


def _figure_rows(ws: Sheet, figures: tuple[Figure, ...]) -> None:
    """The figures from row 4 on, under their header; the total cost a formula."""
    ws.header_row([pt("Figure"), pt("Value")])
    rows = {figure.key: index + 4 for index, figure in enumerate(figures)}
    values = {figure.key: figure.value for figure in figures}
    for figure in figures:
        value = figure_cell(figure)
        if figure.key == "total_cost":
            parts = [key for key in TOTAL_PARTS if key in rows]
            value = formula(f"=SUM({','.join(f'B{rows[key]}' for key in parts)})",
                            yuan(sum(int(values[key]) for key in parts)), fmt=MONEY, bold=True)
        ws.append([cell(pt(figure.label), bold=figure.key == "total_cost"), value])
    ws.autofilter(2, 3 + len(figures), first_row=3)


def branch_sheet_name(branch: BranchMonth) -> str:
    """"02 杭州分公司": the code first (unique), then as much of the name as Excel allows
    (31 characters, none of []:*?/\\)."""
    name = "".join(ch for ch in branch.name if ch not in "[]:*?/\\'").strip()
    return f"{branch.code} {name}"[:31].strip()


def _branch_summary(book: Book, report: MonthlyReport, branch: BranchMonth) -> None:
    """One branch's figures, laid out as its own workbook's summary (the company's totals
    stay on the summary sheet: each of its count and money figures is these sheets' sum)."""
    ws = book.sheet(branch_sheet_name(branch))
    ws.width(0, 40)
    ws.width(1, 18)
    ws.freeze("A4")
    ws.print_setup(one_page=True)
    ws.title_row(f"{branch.name} {pt('Monthly summary')} {report.month:%Y-%m}")
    ws.append([pt("Branch {code}: figures of this branch only", code=branch.code)])
    _figure_rows(ws, branch.figures)


def _technicians(book: Book, report: MonthlyReport) -> None:
    ws = book.sheet(pt("Technicians"))
    headers = [pt("Technician"), pt("Number of jobs"), *(pt("Hours {category}", category=c)
                                              for c in CATEGORIES),
               pt("Hours in all"), pt("Arrived in time"), pt("Arrivals due"),
               pt("In time"), pt("Revenue")]
    revenue = sum(t.revenue_cents for t in report.technicians)
    ws.fit_widths([headers, *([t.technician, *[""] * 9, money_text(t.revenue_cents)]
                              for t in report.technicians), [""] * 10 + [money_text(revenue)]])
    ws.freeze("B2")
    ws.print_setup(landscape=True, one_page=True)  # the table and its chart
    ws.header_row(headers)
    for n, tech in enumerate(report.technicians, start=2):
        hours = [tech.hours_by_category.get(c, 0.0) for c in CATEGORIES]
        ws.append([tech.technician, tech.jobs, *(cell(h, fmt=DECIMAL) for h in hours),
                   formula(f"=SUM(C{n}:F{n})", sum(hours), fmt=DECIMAL), tech.deadlines_met,
                   tech.deadlines_due,
                   formula(f'=IF(I{n}=0,"",H{n}/I{n})', _ratio(tech.deadlines_met,
                                                                 tech.deadlines_due),
                           fmt=PERCENT),
                   cell(yuan(tech.revenue_cents), fmt=MONEY)])
    last = len(report.technicians) + 1
    techs = report.technicians
    totals: dict[str, Any] = {
        "B": sum(t.jobs for t in techs),
        **{col: sum(t.hours_by_category.get(c, 0.0) for t in techs)
           for col, c in zip("CDEF", CATEGORIES, strict=True)},
        "G": sum(sum(t.hours_by_category.get(c, 0.0) for c in CATEGORIES) for t in techs),
        "H": sum(t.deadlines_met for t in techs), "I": sum(t.deadlines_due for t in techs)}
    formats = dict.fromkeys("CDEFG", DECIMAL)
    ws.append([cell(pt("Total"), bold=True),
               *(formula(f"=SUM({c}2:{c}{last})", totals[c], fmt=formats.get(c), bold=True)
                 for c in "BCDEFGHI"),
               formula(f'=IF(I{last + 1}=0,"",H{last + 1}/I{last + 1})',
                       _ratio(totals["H"], totals["I"]), fmt=PERCENT, bold=True),
               formula(f"=SUM(K2:K{last})", yuan(revenue), fmt=MONEY, bold=True)])
    ws.autofilter(11, last)
    if report.technicians:
        ws.stacked_bars(f"A{last + 3}", ws.name, (2, 5), last, horizontal=True,
                        title=pt("Hours per technician"), size_cm=(18, 8))


def _ratio(part: int, whole: int) -> float | str:
    """What =IF(whole=0,"",part/whole) shows."""
    return part / whole if whole else ""


def _models(book: Book, report: MonthlyReport) -> None:
    ws = book.sheet(pt("Models"))
    headers = [pt("Model"), pt("Name"), pt("Product category"), pt("Calls"), pt("Repairs"),
               pt("Parts cost"), pt("Cost")]
    parts, cost = (sum(m.parts_cents for m in report.models),
                   sum(m.cost_cents for m in report.models))
    ws.fit_widths([headers, *([m.model_code, m.model_name or pt("No model recorded"),
                               m.category, "", "",
                               money_text(m.parts_cents), money_text(m.cost_cents)]
                              for m in report.models),
                   ["", "", "", "", "", money_text(parts), money_text(cost)]])
    ws.freeze("A2")
    ws.print_setup(fit_width=True, repeat_row=1)
    ws.header_row(headers)
    for m in report.models:
        ws.append([m.model_code, m.model_name or pt("No model recorded"), m.category, m.calls,
                   m.repairs,
                   cell(yuan(m.parts_cents), fmt=MONEY), cell(yuan(m.cost_cents), fmt=MONEY)])
    last = len(report.models) + 1
    totals = {"D": sum(m.calls for m in report.models),
              "E": sum(m.repairs for m in report.models), "F": yuan(parts), "G": yuan(cost)}
    ws.append([cell(pt("Total"), bold=True), "", "",
               *(formula(f"=SUM({c}2:{c}{last})", totals[c], fmt=MONEY if c in "FG" else None,
                         bold=True) for c in "DEFG")])
    ws.autofilter(7, last)


def _daily(book: Book, report: MonthlyReport) -> None:
    ws = book.sheet(pt("Daily jobs"))
    ws.width(0, 12)
    ws.freeze("A2")
    ws.header_row([pt("Date"), *CATEGORIES, pt("Total")])
    days = sorted(report.jobs_per_day.items())
    for n, (day, counts) in enumerate(days, start=2):
        jobs = [counts.get(c, 0) for c in CATEGORIES]
        ws.append([cell(day, fmt=DATE), *jobs, formula(f"=SUM(B{n}:E{n})", sum(jobs))])
    last = len(report.jobs_per_day) + 1
    totals = [sum(counts.get(c, 0) for _day, counts in days) for c in CATEGORIES]
    ws.append([cell(pt("Total"), bold=True),
               *(formula(f"=SUM({c}2:{c}{last})", total, bold=True)
                 for c, total in zip("BCDEF", [*totals, sum(totals)], strict=True))])


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


def _details(book: Book, report: MonthlyReport, tz: ZoneInfo,
             tick: Callable[[int], None]) -> None:
    """One row per job, 19 columns: the hot loop of the export (the busiest month of a big
    store is two million cells), so the rows go to the sheet's XML directly (rows_of)."""
    ws = book.sheet(pt("Details"))
    headers = [pt(h) for h in DETAIL_HEADERS]
    sample = [[d.number, d.call_number, d.received_at, d.customer, d.phone, d.zone, d.channel,
               d.model] for d in report.details[:300]]
    ws.fit_widths([headers, *sample])
    ws.freeze("C2")
    ws.print_setup(landscape=True, repeat_row=1)
    ws.header_row(headers)
    when, money = book.style(DATETIME), book.style(MONEY)
    met_text = {None: "", True: pt("yes"), False: pt("no")}
    shown = {code: _value(code) for code in VALUE_TEXT}
    yuan_of: dict[int, Decimal] = {}  # amounts repeat: each made once
    excel_time = ExcelClock(tz)

    def amount(cents: int) -> Decimal:
        value = yuan_of.get(cents)
        if value is None:
            value = yuan_of[cents] = yuan(cents)
        return value

    def rows() -> Iterator[tuple[Any, ...]]:
        for row, d in enumerate(report.details, start=1):
            if row % 1000 == 1:
                tick(row - 1)
            yield (d.number, d.call_number, excel_time(d.received_at), d.customer, d.phone,
                   d.zone, shown.get(d.channel) or _value(d.channel), d.model, d.category,
                   shown.get(d.service_kind) or _value(d.service_kind), d.technician,
                   None if d.dispatched_at is None else excel_time(d.dispatched_at),
                   None if d.arrived_at is None else excel_time(d.arrived_at),
                   met_text[d.deadline_met], shown.get(d.outcome) or _value(d.outcome),
                   d.labour_minutes, amount(d.parts_cents), amount(d.billed_cents),
                   amount(d.paid_cents))

    text = Column(text=True)
    ws.rows_of(rows(), (text, text, Column(False, when), *[text] * 8, Column(False, when),
                        Column(False, when), text, text, Column(False),
                        *[Column(False, money)] * 3))
    ws.autofilter(len(DETAIL_HEADERS), len(report.details) + 1)
