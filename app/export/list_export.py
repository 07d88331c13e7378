"""Any list of the app to a real .xlsx (openpyxl, write-only): bold frozen header row,
autofilter, fitted column widths, money in yuan from cents and dates as dates."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

MONEY_FORMAT = '"￥"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
MAX_WIDTH = 60
HEADER_FILL = PatternFill("solid", fgColor="DDE6F2")


def _width(value: Any) -> int:
    text = str(value) if value is not None else ""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK is two columns wide


def _cell(ws: Any, value: Any, column: int, money: set[int], dates: set[int]) -> Any:
    if column in money and isinstance(value, int):
        cell = WriteOnlyCell(ws, Decimal(value) / 100)
        cell.number_format = MONEY_FORMAT
        return cell
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value.replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    cell = WriteOnlyCell(ws, value)
    if column in dates or isinstance(value, date):
        cell.number_format = DATE_FORMAT
    return cell


def export_rows(path: Path, *, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                money_columns: Sequence[int] = (), date_columns: Sequence[int] = (),
                progress: Callable[[int, int, str], None] | None = None) -> Path:
    """Write ``rows`` under ``headers`` to ``path``. Columns are 0-based indexes; money
    columns hold integer cents; datetimes must already be in the store's local time."""
    money, dates = set(money_columns), set(date_columns)
    widths = [_width(h) for h in headers]
    for row in rows:
        for index, value in enumerate(row):
            shown = f"{value:,.2f}" if index in money and isinstance(value, int) else value
            widths[index] = max(widths[index], _width(shown) + (3 if index in money else 0))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title[:31])
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = min(width + 2, MAX_WIDTH)
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(headers), 1))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, text)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        header_cells.append(cell)
    ws.append(header_cells)
    total = len(rows)
    for done, row in enumerate(rows, start=1):
        ws.append([_cell(ws, v, i, money, dates) for i, v in enumerate(row)])
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total, "")
    partial = path.with_name(path.name + ".partial")
    try:
        wb.save(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path
