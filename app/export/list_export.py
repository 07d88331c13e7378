"""Any list of the app to a real .xlsx (app.export.sheets, XlsxWriter): bold frozen header
row, autofilter, fitted column widths, money in yuan from cents and dates as dates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.export.sheets import (
    DATE,
    DATETIME,
    MONEY,
    cell,
    display_width,
    money_text,
    workbook,
    yuan,
)

MONEY_FORMAT = MONEY
DATE_FORMAT = DATE
DATETIME_FORMAT = DATETIME
MAX_WIDTH = 60


def _value(value: Any, column: int, money: set[int], dates: set[int]) -> Any:
    if column in money and isinstance(value, int):
        return cell(yuan(value), fmt=MONEY)
    if isinstance(value, datetime):
        return cell(value, fmt=DATETIME)  # the wall-clock time it shows (naive or aware)
    if column in dates or isinstance(value, date):
        return cell(value, fmt=DATE)
    return value


def export_rows(path: Path, *, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                money_columns: Sequence[int] = (), date_columns: Sequence[int] = (),
                progress: Callable[[int, int, str], None] | None = None) -> Path:
    """Write ``rows`` under ``headers`` to ``path``. Columns are 0-based indexes; money
    columns hold integer cents; datetimes must already be in the store's local time."""
    money, dates = set(money_columns), set(date_columns)
    widths = [display_width(h) for h in headers]
    for row in rows:
        for index, value in enumerate(row):
            shown = money_text(value) if index in money and isinstance(value, int) else value
            widths[index] = max(widths[index], display_width(shown) + (1 if index in money else 0))
    with workbook(path) as book:
        ws = book.sheet(title[:31])
        for index, width in enumerate(widths):
            ws.width(index, min(width + 2, MAX_WIDTH))
        ws.freeze("A2")
        ws.print_setup(landscape=len(headers) > 6, repeat_row=1)
        ws.autofilter(len(headers), len(rows) + 1)
        ws.header_row(headers)
        total = len(rows)
        for done, row in enumerate(rows, start=1):
            ws.append([_value(v, i, money, dates) for i, v in enumerate(row)])
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total, "")
    return path
