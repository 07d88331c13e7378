"""List exports: the call-log book with its filter, phones masked by role, the file's look,
and every export on the audit trail."""

from __future__ import annotations

import json
from datetime import date, datetime

import openpyxl
from sqlalchemy import select

from app.export.list_export import MONEY_FORMAT, export_rows
from app.models.audit import AuditEntry
from app.models.enums import Channel
from app.services import calls_service as calls
from app.services import export_service
from app.services.calls_service import CallFilter
from tests.unit.test_calls_service import _zhang

HEADERS = ["No.", "Received", "Customer", "Phone", "Fault"]


def _three_calls(clerk) -> None:
    customer_id, _item = _zhang(clerk)
    calls.register_call(clerk, calls.CallInput(fault="漏水", customer_id=customer_id))
    calls.register_call(clerk, calls.CallInput(fault="不制冷", customer_id=customer_id,
                                               channel=Channel.WALK_IN))
    calls.register_call(clerk, calls.CallInput(fault="漏水严重", customer_id=customer_id))


def _write(ctx, flt, path):
    rows = export_service.call_log_rows(ctx, flt)
    export_rows(path, title="Calls", headers=HEADERS,
                rows=[(r.number, ctx.local(r.received_at), r.customer_name, r.phone, r.fault)
                      for r in rows])
    export_service.record_export(ctx, "call_log", rows=len(rows), filter=flt)
    return rows


def test_call_log_export_has_only_the_filtered_rows_in_order(db, clerk, tmp_path):
    # given three calls, two of them about a leak
    _three_calls(clerk)
    flt = CallFilter(search="漏水")
    # when the clerk exports the book filtered on 漏水
    rows = _write(clerk, flt, tmp_path / "calls.xlsx")
    # then the file holds exactly those two calls, newest first, as on screen
    shown = calls.list_calls(clerk, flt).rows
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
    _three_calls(clerk)
    rows = export_service.call_log_rows(login("super"), CallFilter())
    assert {r.phone for r in rows} == {"13812345678"}
    assert {r.phone for r in export_service.call_log_rows(clerk, CallFilter())} == {
        "138****5678"}


def test_all_matching_rows_not_one_page(db, clerk, monkeypatch):
    _three_calls(clerk)
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
