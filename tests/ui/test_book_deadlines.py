"""The book shows each open call's deadline and time left in the board's colours, with a
legend; a call overdue is red in the book as on the board."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import calls_service, customers_service
from app.services.calls_service import CallInput
from app.ui.table_models.call_log_table_model import CallLogTableModel as Model
from app.ui.theme import status_background
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, open_window, settle

pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]
__all__ = ["chinese"]  # the fixture


def test_an_overdue_call_is_red_with_its_time_left(qtbot: QtBot, db: Database, clerk):
    # given a call received three days ago, never dispatched, and one just now
    zhang = customers_service.find_customers(clerk, "张伟")[0]
    old = calls_service.register_call(clerk, CallInput(
        "不制冷", customer_id=zhang.id, received_at=clerk.now() - timedelta(days=3)))
    calls_service.register_call(clerk, CallInput("漏水", customer_id=zhang.id))
    # when the book shows them
    window = open_window(qtbot, db, "clerk")
    book = window.open_page("calls")
    settle()
    model = book.model
    header = model.headerData(Model.COL_LEFT, Qt.Orientation.Horizontal)
    row = model.row_of(old.id)
    cell = model.index(row, Model.COL_LEFT)
    # then the old one says it is overdue, in the board's red, and tells when it was due
    assert header == "剩余时间"
    assert cell.data().startswith("已超时")
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == status_background("overdue")
    assert "最迟" in cell.data(Qt.ItemDataRole.ToolTipRole)
    # and a legend says what the colours mean
    assert book.legend.isVisible()
    assert book.legend.findChild(object, "legend_overdue").text() == "已超时"
