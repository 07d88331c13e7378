"""Sheet.rows_of, the big sheets' fast path: the very XML XlsxWriter writes cell by cell,
and what openpyxl and LibreOffice read back from it is what was written."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.export.sheets import (
    DATETIME,
    MONEY,
    Column,
    ExcelClock,
    Sheet,
    excel_time,
    workbook,
)

LONGEST_NAME = "<&>" + "长" * 57  # a customer's name is at most 60 characters
OUTSIDE_BMP = "𠀀𠀁 陈"  # beyond GBK and beyond U+FFFF (two UTF-16 units each)
TOO_LONG = "𠀀" * 20_000  # 40,000 UTF-16 units: cut to Excel's 32,767, not inside a 𠀀
WHEN = datetime(2026, 7, 1, 13, 5)

# (shown text as written, time, text, minutes, money): each text a case XlsxWriter escapes
ROWS: list[tuple[Any, ...]] = [
    ("P2607-000001", excel_time(WHEN), "张三", 45, Decimal("12.34")),
    ("A&B <c> \"d\" 'e'", None, LONGEST_NAME, 0, Decimal("0.00")),
    (" leading", excel_time(datetime(2026, 7, 31, 23, 59)), "trailing ", 480,
     Decimal("-0.05")),
    ("line\nbreak", None, "\ttab", None, Decimal("1234567.89")),
    ("ctrl\x01char", None, "_x0041_ looks like an escape", 1, None),
    ("", None, OUTSIDE_BMP, 2, Decimal("100.00")),
    ("non\ufffechar", None, TOO_LONG, 3, Decimal("0.01")),
]


def _columns(book: Any) -> tuple[Column, ...]:
    return (Column(True), Column(False, book.style(DATETIME)), Column(True), Column(False),
            Column(False, book.style(MONEY)))


def _write(path: Path, *, fast: bool) -> Path:
    """The same sheet by rows_of, or by XlsxWriter's own write_string/write_number."""
    with workbook(path) as book:
        ws = book.sheet("明细")
        ws.header_row(["编号", "时间", "文字", "分钟", "金额"])
        columns = _columns(book)
        _fill(ws, ROWS, columns, fast=fast)
        ws.append(["合计", None, "", sum(r[3] or 0 for r in ROWS)])  # XlsxWriter goes on after
        ws.freeze("B2")
        ws.autofilter(5, len(ROWS) + 1)
        last = book.sheet("末行")  # the rows end the sheet: its dimension is theirs
        last.append(["编号"])
        _fill(last, ROWS[:2], columns, fast=fast)
    return path


def _fill(sheet: Sheet, rows: list[tuple[Any, ...]], columns: tuple[Column, ...], *,
          fast: bool) -> None:
    if fast:
        assert sheet.rows_of(iter(rows), columns) == len(rows)
        return
    for row, values in enumerate(rows, start=sheet.rows):
        for col, (column, value) in enumerate(zip(columns, values, strict=True)):
            if value is not None:
                write = sheet.ws.write_string if column.text else sheet.ws.write_number
                write(row, col, value, column.style)
    sheet.rows += len(rows)


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as xlsx:
        out = {name: xlsx.read(name) for name in xlsx.namelist()}
    out["docProps/core.xml"] = re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\w+>", b"",
                                      out["docProps/core.xml"])  # the times of writing
    return out


def test_rows_are_the_xml_xlsxwriter_writes(tmp_path: Path) -> None:
    fast, slow = _write(tmp_path / "fast.xlsx", fast=True), _write(tmp_path / "slow.xlsx",
                                                                      fast=False)
    assert _members(fast) == _members(slow)


def _expected_text(value: str) -> str:
    return value[:32767 // 2] if value is TOO_LONG else value  # 16,383 𠀀 fit in 32,767 units


def test_openpyxl_reads_back_what_was_written(tmp_path: Path) -> None:
    sheet = openpyxl.load_workbook(_write(tmp_path / "m.xlsx", fast=True))["明细"]
    rows = list(sheet.iter_rows(min_row=2, max_row=len(ROWS) + 1))
    assert sheet.dimensions == f"A1:E{len(ROWS) + 2}" and sheet.freeze_panes == "B2"
    for cells, written in zip(rows, ROWS, strict=True):
        number, when, text, minutes, money = (c.value for c in cells)
        # Excel's _xHHHH_ escapes (control characters, and text that looks like one) are
        # XlsxWriter's, byte for byte (above); openpyxl does not undo them in inline strings
        if written[0] not in ("ctrl\x01char", "non\ufffechar"):
            assert number == written[0]
        if not written[2].startswith("_x0041_"):
            assert text == _expected_text(written[2])
        assert minutes == written[3]
        if written[4] is None:
            assert money is None
        else:
            assert Decimal(repr(money)) == written[4] and cells[4].number_format == MONEY
        if written[1] is not None:
            assert cells[1].number_format == DATETIME
            assert abs(when - (WHEN if written is ROWS[0] else datetime(2026, 7, 31, 23, 59))
                       ).total_seconds() < 0.001
        else:
            assert when is None
    assert rows[1][2].value == LONGEST_NAME and rows[5][2].value == OUTSIDE_BMP
    assert len(rows[6][2].value) == 16_383 and set(rows[6][2].value) == {"𠀀"}
    assert [c.value for c in sheet[len(ROWS) + 2]] == ["合计", None, "", 531, None]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (libreoffice-calc) "
                    "is not installed; CI installs it")
def test_libreoffice_reads_back_what_was_written(tmp_path: Path) -> None:
    path = _write(tmp_path / "m.xlsx", fast=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76', "--outdir",
                    str(tmp_path / "csv"), str(path)], check=True, capture_output=True,
                   timeout=180)
    rows = list(csv.reader((tmp_path / "csv" / "m.csv").open(encoding="utf-8", newline="")))
    assert rows[0] == ["编号", "时间", "文字", "分钟", "金额"]
    assert rows[1] == ["P2607-000001", "2026-07-01 13:05", "张三", "45", "￥12.34"]
    assert rows[2] == ["A&B <c> \"d\" 'e'", "", LONGEST_NAME, "0", "￥0.00"]
    assert rows[3] == [" leading", "2026-07-31 23:59", "trailing ", "480", "-￥0.05"]
    assert rows[4] == ["line\nbreak", "", "\ttab", "", "￥1,234,567.89"]
    assert rows[5][2:4] == ["_x0041_ looks like an escape", "1"]
    assert rows[6] == ["", "", OUTSIDE_BMP, "2", "￥100.00"]
    assert rows[7][2] == _expected_text(TOO_LONG) and rows[7][3:] == ["3", "￥0.01"]
    assert rows[8][0] == "合计" and rows[8][3] == "531"


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York", "Australia/Lord_Howe",
                                  "UTC"])
def test_excel_clock_is_excel_time(zone: str) -> None:
    """The details' clock (an offset cached per UTC hour) gives excel_time's very number,
    across changes of offset too (Lord Howe's half-hour one is not on a UTC hour)."""
    from datetime import UTC, timedelta
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(zone)
    clock = ExcelClock(tz)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    moments = [start + timedelta(minutes=7 * n, seconds=n % 60, microseconds=n)
               for n in range(0, 80_000)]  # over a year, every 7 minutes
    moments += [datetime(1900, 2, 28, 12, tzinfo=UTC), datetime(1900, 3, 1, tzinfo=UTC)]
    assert [clock(m) for m in moments] == [excel_time(m, tz) for m in moments]
