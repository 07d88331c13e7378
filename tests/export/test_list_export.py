"""List exports: the call-log book with its filter, phones masked by role, the file's look,
and every export on the audit trail."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlalchemy import select

from app.export.list_export import MONEY_FORMAT, export_rows
from app.export.sheets import excel_time
from app.models.audit import AuditEntry
from app.services import call_book_service as book
from app.services import export_service
from app.services.call_book_service import CallFilter
from tests.helpers.calls import three_calls

HEADERS = ["No.", "Received", "Customer", "Phone", "Fault"]


def _write(ctx, flt, path):
    rows = export_service.call_log_rows(ctx, flt)
    export_rows(path, title="Calls", headers=HEADERS,
                rows=[(r.number, ctx.local(r.received_at), r.customer_name, r.phone, r.fault)
                      for r in rows])
    export_service.record_export(ctx, "call_log", rows=len(rows), filter=flt)
    return rows


def test_call_log_export_has_only_the_filtered_rows_in_order(db, clerk, tmp_path):
    # given three calls, two of them about a leak
    three_calls(clerk)
    flt = CallFilter(search="漏水")
    # when the clerk exports the book filtered on 漏水
    rows = _write(clerk, flt, tmp_path / "calls.xlsx")
    # then the file holds exactly those two calls, newest first, as on screen
    shown = book.list_calls(clerk, flt).rows
    ws = openpyxl.load_workbook(tmp_path / "calls.xlsx").active
    values = list(ws.iter_rows(values_only=True))
    assert list(values[0]) == HEADERS
    assert [v[0] for v in values[1:]] == [r.number for r in shown] == [r.number for r in rows]
    assert len(values) == 3 and all("漏水" in v[4] for v in values[1:])
    # and the clerk (no full-phone permission) sees masked phones
    assert values[1][3] == "138****5678"
    # and the header is frozen, bold and filtered
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:E3"
    assert ws["A1"].font.b
    assert ws["B2"].number_format == "yyyy-mm-dd hh:mm"
    # and the export is on the audit trail with its filter and row count
    with db.read() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.table_name == "export")
                                ).one()
        assert entry.row_key == "call_log"
        detail = json.loads(entry.new_value)
        assert detail["rows"] == 2 and detail["filter"]["search"] == "漏水"


def test_supervisor_export_shows_full_phones(db, clerk, login, tmp_path):
    three_calls(clerk)
    rows = export_service.call_log_rows(login("super"), CallFilter())
    assert {r.phone for r in rows} == {"13812345678"}
    assert {r.phone for r in export_service.call_log_rows(clerk, CallFilter())} == {
        "138****5678"}


def test_all_matching_rows_not_one_page(db, clerk, monkeypatch):
    three_calls(clerk)
    monkeypatch.setattr(export_service, "PAGE", 1)
    assert len(export_service.call_log_rows(clerk, CallFilter())) == 3


def test_money_and_dates_have_number_formats(tmp_path):
    path = export_rows(tmp_path / "m.xlsx", title="Receivables", headers=["Bill", "Due", "Owed"],
                       rows=[("B1", date(2026, 10, 3), 123456), ("B2", date(2026, 10, 9), 5)],
                       money_columns=(2,), date_columns=(1,))
    ws = openpyxl.load_workbook(path).active
    assert ws["C2"].number_format == MONEY_FORMAT
    assert float(ws["C2"].value) == 1234.56
    assert ws["B2"].number_format == "yyyy-mm-dd"
    assert ws["B2"].value == datetime(2026, 10, 3)
    assert ws.column_dimensions["C"].width >= 10


def test_money_is_written_as_exact_decimal_text(tmp_path):
    # cents whose yuan have no exact binary float (0.07 prints as 0.07000000000000001)
    cents = [7, 56, 69, 81, 94, 123456, 9876299388818, 0, -5]
    path = export_rows(tmp_path / "m.xlsx", title="Money", headers=["Amount"],
                       rows=[(c,) for c in cents], money_columns=(0,))
    with zipfile.ZipFile(path) as xlsx:
        sheet = xlsx.read("xl/worksheets/sheet1.xml").decode()
    written = re.findall(r"<v>([^<]*)</v>", sheet)
    assert written == [str(Decimal(c).scaleb(-2)) for c in cents]
    ws = openpyxl.load_workbook(path).active
    assert [round(Decimal(repr(ws.cell(n, 1).value)) * 100) for n in range(2, 11)] == cents


def test_excel_time_is_what_xlsxwriter_would_store():
    """Dates go in as serial numbers (cheaper than write_datetime): the same numbers."""
    from xlsxwriter.utility import _datetime_to_excel_datetime as xlsxwriter_time

    berlin, shanghai = ZoneInfo("Europe/Berlin"), ZoneInfo("Asia/Shanghai")
    moments = [datetime(2026, 3, 29, 0, 30, tzinfo=UTC) + timedelta(minutes=37 * n)
               for n in range(200)]  # across a DST change in Berlin
    moments += [datetime(2026, 7, 1, 8, 43, 17, 770478, tzinfo=UTC)]
    for zone in (berlin, shanghai):
        for moment in moments:
            wall = moment.astimezone(zone).replace(tzinfo=None)
            assert excel_time(moment, zone) == pytest.approx(
                xlsxwriter_time(wall, False, False), abs=1e-9)
            assert excel_time(moment.astimezone(zone)) == pytest.approx(
                xlsxwriter_time(wall, False, False), abs=1e-9)
    # Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 (60): days before March
    # 1900 are one less than the count from 1899-12-30
    for day in (date(1900, 1, 1), date(1900, 2, 28), date(1900, 3, 1), date(2026, 10, 3)):
        assert excel_time(day) == xlsxwriter_time(day, False, False)
        assert excel_time(datetime.combine(day, time(12))) == excel_time(day) + 0.5
    assert excel_time(date(1900, 1, 1)) == 1 and excel_time(date(1900, 3, 1)) == 61


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    path = export_rows(tmp_path / "t.xlsx", title="Calls", headers=["Customer"],
                       rows=[("=HYPERLINK(\"http://x\",\"y\")",), ("+86 138",)])
    ws = openpyxl.load_workbook(path).active
    assert ws["A2"].data_type == "s" and ws["A2"].value.startswith("=HYPERLINK")
