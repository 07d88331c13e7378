"""Pieces every exported sheet shares: styled cells, widths, number formats (write-only)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MONEY = '"￥"#,##0.00'
PERCENT = "0.0%"
DECIMAL = "0.00"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
TITLE_FONT = Font(bold=True, size=14)


def yuan(cents: int) -> Decimal:
    """Cents as yuan for a cell (exact to the fen)."""
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def cell(ws: WriteOnlyWorksheet, value: Any, *, fmt: str | None = None,
         bold: bool = False) -> WriteOnlyCell:
    out = WriteOnlyCell(ws, value=value)
    if fmt:
        out.number_format = fmt
    if bold:
        out.font = HEADER_FONT
    return out


def header_row(ws: WriteOnlyWorksheet, headers: Sequence[str]) -> list[WriteOnlyCell]:
    row = []
    for text in headers:
        item = cell(ws, text, bold=True)
        item.fill = HEADER_FILL
        item.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        row.append(item)
    return row


def display_width(value: Any) -> int:
    """Characters as Excel shows them: a CJK character is two wide."""
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    text = str(value) if value is not None else ""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def set_widths(ws: WriteOnlyWorksheet, rows: Sequence[Sequence[Any]], *, minimum: int = 6,
               maximum: int = 48) -> None:
    """Widths that fit the content (set before the first row is written)."""
    widths: dict[int, int] = {}
    for row in rows:
        for index, value in enumerate(row):
            widths[index] = max(widths.get(index, 0), display_width(value))
    for index, width in widths.items():
        ws.column_dimensions[get_column_letter(index + 1)].width = \
            max(minimum, min(maximum, width + 2))


def local_naive(moment: datetime | None, tz: Any) -> datetime | None:
    """Excel has no time zones: the store's wall-clock time."""
    return moment.astimezone(tz).replace(tzinfo=None) if moment else None
