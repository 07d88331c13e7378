"""The call-log table model: Qt's model contract, lazy keyset pages, filters in SQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.call_book_service import CallFilter
from app.services.context import ServiceContext
from app.ui.table_models.call_log_table_model import CallLogTableModel as Model
from app.ui.theme import STATUS_COLORS


def _book(ctx: ServiceContext, n: int) -> list[int]:
    zhang = customers.find_customers(ctx, "13812345678")[0].id
    li = customers.find_customers(ctx, "李娜")[0].id
    start = ctx.now() - timedelta(days=30)
    ids = []
    for i in range(n):
        call = calls.register_call(ctx, calls.CallInput(
            fault=f"故障 {i} " + ("漏水" if i % 10 == 0 else "不开机"),
            customer_id=li if i % 5 == 0 else zhang,
            received_at=start + timedelta(minutes=7 * i)))
        ids.append(call.id)
    return ids


def test_model_passes_qt_model_tester(qtmodeltester, clerk):
    _book(clerk, 12)
    model = Model(clerk)
    qtmodeltester.check(model)
    model.set_filter(CallFilter(search="漏水"))
    qtmodeltester.check(model)


def test_pages_of_one_hundred_fetched_on_demand_newest_first(clerk):
    ids = _book(clerk, 260)
    model = Model(clerk)
    assert model.rowCount() == 100 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 200
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 260 and not model.canFetchMore(QModelIndex())
    shown = [model.data(model.index(r, 0), Model.CALL_ID_ROLE) for r in range(260)]
    assert shown == list(reversed(ids))  # newest first, no gaps, no repeats
    assert model.count_matching() == 260


def test_cells_show_what_the_clerk_reads(clerk):
    [call_id] = _book(clerk, 1)
    model = Model(clerk)
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    dto = calls.get_call(clerk, call_id)
    assert row[Model.COL_NUMBER] == dto.number
    assert row[Model.COL_TIME] == clerk.local(dto.received_at).strftime("%Y-%m-%d %H:%M")
    assert row[Model.COL_CUSTOMER] == "李娜" and row[Model.COL_PHONE] == "0571-87654321"
    assert row[Model.COL_FAULT] == "故障 0 漏水" and row[Model.COL_CATEGORY] == "A"
    status = model.index(0, Model.COL_STATUS)
    background = model.data(status, Qt.ItemDataRole.BackgroundRole)
    assert background.name().upper() == STATUS_COLORS["registered"][0].upper()
    assert model.data(status, Model.STATUS_ROLE) == "registered"
    assert model.headerData(Model.COL_FAULT, Qt.Orientation.Horizontal) == "Fault"


@pytest.mark.parametrize(("flt", "expected"), [
    (CallFilter(search="漏水"), 3),
    (CallFilter(search="4321"), 6),
    (CallFilter(search="GR2024001"), 0),
])
def test_filter_change_requeries(clerk, flt, expected):
    _book(clerk, 30)
    model = Model(clerk)
    model.set_filter(flt)
    assert model.rowCount() == expected == model.count_matching()


def test_technician_sees_masked_phones(clerk, login):
    _book(clerk, 1)
    model = Model(login("tech"))
    assert model.data(model.index(0, Model.COL_PHONE)) == "057*****4321"
