"""The one module that writes .xlsx files (XlsxWriter): workbooks, styled cells, widths,
number formats, formulas with their results, charts; every export builds on it.

XlsxWriter runs in constant-memory mode: each sheet is written row by row to a temporary
file, so a month of 20,000 jobs needs little memory; rows must be appended in order. A format
is a workbook object, made once per (number format, bold) and shared by every cell. The big
sheets' rows can skip XlsxWriter's per-cell code (``Sheet.rows_of``): the same XML, made here.
The workbook goes to ``NAME.partial`` and is moved into place only when complete.
"""

from __future__ import annotations

import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

import xlsxwriter
import xlsxwriter.workbook
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name

from app.services.money import format_money

MONEY = '"￥"#,##0.00'
PERCENT = "0.0%"
DECIMAL = "0.00"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
HEADER_FILL = "#DDEBF7"
CM = 96 / 2.54  # chart sizes are given in cm, XlsxWriter wants pixels

_HEADER = {"bold": True, "bg_color": HEADER_FILL, "pattern": 1, "align": "center",
           "valign": "vcenter", "text_wrap": True}
_TITLE = {"bold": True, "font_size": 14}


def yuan(cents: int) -> Decimal:
    """Cents as yuan for a cell, exact to the fen: the file holds the decimal text
    (1234.56, never 1234.5599999999999), which Excel and LibreOffice read as that amount."""
    return Decimal(cents).scaleb(-2)


def money_text(cents: int) -> str:
    """An amount as a MONEY cell shows it (for fitting column widths)."""
    return format_money(cents)


class Formula(NamedTuple):
    """An Excel formula and its result, stored beside it for readers that do not
    recalculate (LibreOffice by default, previews); Excel recalculates on opening."""

    text: str
    result: Any


class Cell(NamedTuple):
    value: Any
    fmt: str | None = None
    bold: bool = False


def cell(value: Any, *, fmt: str | None = None, bold: bool = False) -> Cell:
    return Cell(value, fmt, bold)


def formula(text: str, result: Any, *, fmt: str | None = None, bold: bool = False) -> Cell:
    """``text`` such as ``=SUM(B2:B9)``; ``result`` its value from the report's own figures
    ("" for an empty IF)."""
    return Cell(Formula(text, result), fmt, bold)


def excel_time(moment: date | datetime, tz: tzinfo | None = None) -> float:
    """Excel's serial day number of ``moment``'s wall-clock time: an aware datetime in
    ``tz`` (the store's zone; Excel has no time zones) or its own zone, a naive one as it
    is, a date at midnight. The number XlsxWriter's write_datetime stores (from 1 March
    1900 on), about four times cheaper for an aware datetime (no naive copy, no timedelta
    arithmetic)."""
    if isinstance(moment, datetime):
        if moment.tzinfo is not None:
            local = moment.astimezone(tz) if tz is not None else moment
            offset = local.utcoffset()
            days = (moment.timestamp() + (offset.total_seconds() if offset else 0)) / 86400
            days += 25569.0  # 1970-01-01
        else:
            delta = moment - datetime(1899, 12, 30)
            days = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    else:
        days = float(moment.toordinal() - 693594)  # 693594: 1899-12-30
    return days if days >= 61 else days - 1  # Excel counts a 29 February 1900 (day 60)


class ExcelClock:
    """``excel_time(moment, tz)`` for many aware datetimes, the same number to the last bit,
    about three times cheaper: the zone's UTC offset is looked up once per hour of UTC
    time (an hour with a change of offset in it is looked up every time)."""

    def __init__(self, tz: tzinfo) -> None:
        self.tz = tz
        self._offsets: dict[int, float | None] = {}  # UTC hour → seconds (None: it changes)

    def _offset(self, hour: int) -> float | None:
        start, end = (datetime.fromtimestamp(hour * 3600 + s, self.tz).utcoffset()
                      for s in (0, 3599))
        return start.total_seconds() if start is not None and start == end else None

    def __call__(self, moment: datetime) -> float:
        if moment.tzinfo is None:
            return excel_time(moment, self.tz)
        stamp = moment.timestamp()
        hour = int(stamp // 3600)
        offsets = self._offsets
        offset = offsets[hour] if hour in offsets else offsets.setdefault(
            hour, self._offset(hour))
        if offset is None:
            return excel_time(moment, self.tz)
        days = (stamp + offset) / 86400 + 25569.0
        return days if days >= 61 else days - 1


def display_width(value: Any) -> int:
    """Characters as Excel shows them: a CJK character is two wide."""
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    text = str(value) if value is not None else ""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def local_naive(moment: datetime | None, tz: Any) -> datetime | None:
    """Excel has no time zones: the store's wall-clock time."""
    return moment.astimezone(tz).replace(tzinfo=None) if moment else None


# What makes a string need more than a plain <t>…</t>: XML's & < >, control characters and
# text that looks like Excel's own _xHHHH_ escape (XlsxWriter escapes both), leading or
# trailing white space (xml:space="preserve"), and more than Excel's 32,767 UTF-16 units.
_PLAIN_TEXT_LIMIT = 32767 // 2  # shorter strings cannot exceed the limit
_SPECIAL_TEXT = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$")
_ESCAPE_OF_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")
_LEADING_SPACE = re.compile(r"^\s")
_TRAILING_SPACE = re.compile(r"\s$")
_EXCEL_TEXT_MAX = 32767


def _inline_text(text: str) -> str:
    """The rest of an inline string cell after ``<t``, as XlsxWriter's constant-memory mode
    writes ``text``: ``>escaped text</t></is></c>``, with ``xml:space="preserve"`` where
    the text starts or ends with white space; too long a text is cut to Excel's limit."""
    if len(text) <= _PLAIN_TEXT_LIMIT and not _SPECIAL_TEXT.search(text):
        return f">{text}</t></is></c>"
    if len(text) > _PLAIN_TEXT_LIMIT and _utf16_len(text) > _EXCEL_TEXT_MAX:
        text = _utf16_truncate(text, _EXCEL_TEXT_MAX)
    text = _ESCAPE_OF_ESCAPE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda match: f"_x{ord(match.group(1)):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    preserve = _LEADING_SPACE.search(text) or _TRAILING_SPACE.search(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    space = ' xml:space="preserve"' if preserve else ""
    return f"{space}>{text}</t></is></c>"


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _utf16_truncate(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` UTF-16 units, never inside a character beyond U+FFFF."""
    length = 0
    for index, char in enumerate(text):
        length += 2 if ord(char) > 0xFFFF else 1
        if length > limit:
            return text[:index]
    return text


class Column(NamedTuple):
    """A column of ``Sheet.rows_of``: text (str) or number (int, float, Decimal) cells, and
    their format; None is an empty cell."""

    text: bool
    style: Format | None = None


class Book:
    """A workbook being written: its sheets, formats (made once) and properties."""

    def __init__(self, workbook: xlsxwriter.Workbook) -> None:
        self.workbook = workbook
        self._formats: dict[tuple[str | None, bool], Format | None] = {(None, False): None}
        self.header = workbook.add_format(_HEADER)
        self.title = workbook.add_format(_TITLE)

    def style(self, fmt: str | None = None, bold: bool = False) -> Format | None:
        """The shared format of a number format and/or bold (None: the default)."""
        key = (fmt, bold)
        if key not in self._formats:
            props: dict[str, Any] = {"bold": True} if bold else {}
            if fmt:
                props["num_format"] = fmt
            self._formats[key] = self.workbook.add_format(props)
        return self._formats[key]

    def sheet(self, name: str) -> Sheet:
        return Sheet(self, name)

    def properties(self, *, title: str, subject: str, keywords: str, description: str) -> None:
        self.workbook.set_properties({"title": title, "subject": subject,
                                      "author": "Service Counter", "keywords": keywords,
                                      "comments": description})


class _FastZipFile(zipfile.ZipFile):
    """The .xlsx zip deflated at level 1, not zlib's default 6: three times faster (the
    details sheet of the busiest month is 110 MB of XML: 0.4 s instead of 1.2), the file
    about a fifth bigger (17 MB instead of 14), every part the same bytes once unzipped."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compresslevel", 1)
        super().__init__(*args, **kwargs)


class _Workbook(xlsxwriter.Workbook):  # type: ignore[misc]
    def _store_workbook(self) -> None:
        # XlsxWriter has no option for the level: its module's ZipFile is ours while the
        # zip is made (looked up once, when the zip file is created). Two exports closing
        # at once could leave ours in place for good: harmless, every file only deflated
        # faster.
        plain = xlsxwriter.workbook.ZipFile
        xlsxwriter.workbook.ZipFile = _FastZipFile
        try:
            super()._store_workbook()
        finally:
            xlsxwriter.workbook.ZipFile = plain


@contextmanager
def workbook(path: Path) -> Iterator[Book]:
    """Write a workbook to ``path``: built inside the block, saved to ``NAME.partial`` and
    moved into place when the block ends; if it raises (ExportCancelled, an error) no file
    is left, neither the partial one nor XlsxWriter's temporary row files."""
    partial = path.with_name(path.name + ".partial")
    book = _Workbook(str(partial), {"constant_memory": True})
    try:
        try:
            yield Book(book)
        except BaseException:
            # Closing is what removes XlsxWriter's temporary files; the half-built book may
            # chart a sheet never written (a warning), and is deleted just below anyway.
            with warnings.catch_warnings(), suppress(Exception):
                warnings.simplefilter("ignore")
                book.close()
            raise
        book.close()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


class Sheet:
    """One worksheet, written row by row (``append``) from the top."""

    def __init__(self, book: Book, name: str) -> None:
        self.book = book
        self.name = name
        self.ws = book.workbook.add_worksheet(name)
        self.rows = 0  # rows written by append(): the next row's 0-based index
        # Direct writers for hot loops: (row, col, value[, style]), 0-based, rows in order.
        self.text = self.ws.write_string
        self.number = self.ws.write_number

    def append(self, values: Sequence[Any] = ()) -> None:
        """The next row: plain values, or ``cell(...)`` / ``formula(...)`` for styled ones.
        Strings are always text (a customer's "=…" stays text, never a formula)."""
        for col, value in enumerate(values):
            self.put(col, value)
        self.rows += 1

    def put(self, col: int, value: Any) -> None:
        """One cell of the current row."""
        fmt: str | None = None
        bold = False
        if isinstance(value, Cell):
            value, fmt, bold = value
        ws, row = self.ws, self.rows
        if isinstance(value, str):
            ws.write_string(row, col, value, self.book.style(fmt, bold))
        elif isinstance(value, Formula):
            ws.write_formula(row, col, value.text, self.book.style(fmt, bold), value.result)
        elif value is None:
            if fmt or bold:
                ws.write_blank(row, col, None, self.book.style(fmt, bold))
        elif isinstance(value, bool):
            ws.write_boolean(row, col, value, self.book.style(fmt, bold))
        elif isinstance(value, int | float | Decimal):
            ws.write_number(row, col, value, self.book.style(fmt, bold))
        elif isinstance(value, date):  # datetime too: both as serial numbers with a format
            shown = fmt or (DATETIME if isinstance(value, datetime) else DATE)
            ws.write_number(row, col, excel_time(value), self.book.style(shown, bold))
        else:
            ws.write_string(row, col, str(value), self.book.style(fmt, bold))

    def rows_of(self, rows: Iterable[Sequence[Any]], columns: Sequence[Column]) -> int:
        """Write ``rows`` (each a value per column of ``columns``) from the next row on and
        return how many were written: the big sheets' fast path. The cells are the XML that
        XlsxWriter's write_string / write_number would write in constant-memory mode, byte
        for byte (tests/export/test_sheet_rows.py), made here row by row and appended to
        the sheet's row file: XlsxWriter's per-cell code costs 4–5 µs a cell, a month of
        the busiest store has two million cells. Strings are always text."""
        ws = self.ws
        if not ws.constant_memory:  # the row file exists only in constant-memory mode
            raise RuntimeError("rows_of needs a constant-memory workbook")
        first = self.rows
        ws._write_single_row(first)  # XlsxWriter's pending row (a header) goes out first
        letters = [xl_col_to_name(col) for col in range(len(columns))]
        cells = [(f'<c r="{letter}', column.text,
                  f' s="{column.style._get_xf_index()}"' if column.style else "")
                 for letter, column in zip(letters, columns, strict=True)]
        texts: dict[str, str] = {}  # repeated values (zones, models, names) escaped once
        write, chunk, row = ws.fh.write, [], first
        for row, values in enumerate(rows, start=first + 1):  # row: the last one after
            chunk.append(f'<row r="{row}">')
            for (head, is_text, style), value in zip(cells, values, strict=True):
                if value is None:
                    continue
                if is_text:
                    shown = texts.get(value)
                    if shown is None:
                        shown = _inline_text(value)
                        if len(texts) < 50_000:
                            texts[value] = shown
                    chunk.append(f'{head}{row}"{style} t="inlineStr"><is><t{shown}')
                else:
                    chunk.append(f'{head}{row}"{style}><v>{value:.16G}</v></c>')
            chunk.append("</row>")
            if len(chunk) > 20_000:
                write("".join(chunk))
                chunk.clear()
        write("".join(chunk))
        written = row - first
        if written:
            ws._check_dimensions(first, 0)
            ws._check_dimensions(row - 1, len(columns) - 1)
        ws.previous_row = first + written  # XlsxWriter goes on from the row after them
        self.rows = first + written
        return written

    def header_row(self, headers: Sequence[str]) -> None:
        for col, text in enumerate(headers):
            self.ws.write_string(self.rows, col, text, self.book.header)
        self.rows += 1

    def title_row(self, text: str) -> None:
        self.ws.write_string(self.rows, 0, text, self.book.title)
        self.rows += 1

    def width(self, col: int, width: float) -> None:
        self.ws.set_column(col, col, width)

    def fit_widths(self, rows: Sequence[Sequence[Any]], *, minimum: int = 6,
                   maximum: int = 48) -> None:
        """Widths that fit the content (CJK counts two)."""
        widths: dict[int, int] = {}
        for row in rows:
            for index, value in enumerate(row):
                widths[index] = max(widths.get(index, 0), display_width(value))
        for index, width in widths.items():
            self.width(index, max(minimum, min(maximum, width + 2)))

    def print_setup(self, *, landscape: bool = False, one_page: bool = False,
                    fit_width: bool = False, repeat_row: int | None = None) -> None:
        """Printing: landscape; everything on one page, or every column on the page's
        width; ``repeat_row`` (1-based) on top of every page."""
        if landscape:
            self.ws.set_landscape()
        if one_page or fit_width:
            self.ws.fit_to_pages(1, 1 if one_page else 0)
        if repeat_row is not None:
            self.ws.repeat_rows(repeat_row - 1)

    def freeze(self, top_left: str) -> None:
        """Freeze the rows above and the columns left of ``top_left`` (e.g. "C2")."""
        self.ws.freeze_panes(top_left)

    def autofilter(self, columns: int, last_row: int, first_row: int = 1) -> None:
        """A filter on the header at ``first_row`` (1-based, as Excel shows rows) down to
        ``last_row`` over the first ``columns`` columns."""
        last = xl_col_to_name(max(columns, 1) - 1)
        self.ws.autofilter(f"A{first_row}:{last}{max(last_row, first_row)}")

    def stacked_bars(self, anchor: str, source: str, columns: tuple[int, int], last_row: int,
                     *, horizontal: bool, title: str, size_cm: tuple[float, float],
                     y_title: str | None = None, category_format: str | None = None) -> None:
        """A stacked bar chart at ``anchor`` of the ``source`` sheet's ``columns`` (0-based,
        first and last): series named by the header row 1, values from row 2 to
        ``last_row`` (1-based), categories in column A (shown in ``category_format``, e.g.
        dates: the chart has no copy of the cells' formats in constant-memory mode)."""
        chart = self.book.workbook.add_chart({"type": "bar" if horizontal else "column",
                                              "subtype": "stacked"})
        for col in range(columns[0], columns[1] + 1):
            chart.add_series({"name": [source, 0, col],
                              "categories": [source, 1, 0, last_row - 1, 0],
                              "values": [source, 1, col, last_row - 1, col]})
        chart.set_title({"name": title})
        if y_title:
            chart.set_y_axis({"name": y_title})
        if category_format:
            chart.set_x_axis({"num_format": category_format})
        chart.set_size({"width": round(size_cm[0] * CM), "height": round(size_cm[1] * CM)})
        self.ws.insert_chart(anchor, chart)
