"""The yearly workbook (年度统计报表.xlsx, 制度11 六): every figure of the monthly summary, one
column per month and the year's total as a formula (stored with its result, so a reader that
does not recalculate shows the same); rates and averages are not summed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from xlsxwriter.utility import xl_col_to_name

from app.export.monthly_workbook import figure_cell
from app.export.sheets import DECIMAL, MONEY, PERCENT, cell, formula, workbook, yuan
from app.printing.text import pt
from app.services.monthly_dto import Figure, MonthlyReport

ADDITIVE = ("count", "money")


def write_yearly_workbook(store_name: str, year: int, reports: list[MonthlyReport],
                          path: Path) -> Path:
    """``reports``: the year's months so far, in order."""
    with workbook(path) as book:
        book.properties(title=f"{store_name} {pt('Yearly summary')} {year}", subject=str(year),
                        keywords=store_name,
                        description=pt("After-sales service figures of {year}", year=year))
        ws = book.sheet(pt("Yearly summary"))
        ws.width(0, 40)
        for index in range(len(reports) + 1):
            ws.width(index + 1, 14)
        ws.freeze("B4")
        ws.print_setup(landscape=True, one_page=True)
        ws.title_row(f"{store_name} {pt('Yearly summary')} {year}")
        ws.append([pt("Made by Service Counter from the store's records")])
        ws.header_row([pt("Figure"), *[f"{r.month:%Y-%m}" for r in reports], pt("Year")])
        if not reports:
            return path
        last = xl_col_to_name(len(reports))  # B … the last month's column
        for row_index, figure in enumerate(reports[0].figures, start=4):
            monthly = [r.figure(figure.key) for r in reports]
            cells = [figure_cell(_with(figure, value)) for value in monthly]
            if figure.kind in ADDITIVE:
                total = sum(int(v) for v in monthly)
                shown = yuan(total) if figure.kind == "money" else total
                year_cell = formula(f"=SUM(B{row_index}:{last}{row_index})", shown,
                                    fmt=MONEY if figure.kind == "money" else None, bold=True)
            else:  # a rate or an average: the months' mean, as a formula too
                mean = sum(float(v) for v in monthly) / len(monthly)
                year_cell = formula(f"=AVERAGE(B{row_index}:{last}{row_index})", mean,
                                    fmt=PERCENT if figure.kind == "percent" else DECIMAL)
            ws.append([cell(pt(figure.label)), *cells, year_cell])
    return path


def _with(figure: Figure, value: int | float) -> Figure:
    return replace(figure, value=value)
