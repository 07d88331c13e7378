""""Export to Excel…" on the lists: what the page shows, with its filter, into a real file."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from app.ui import list_export_ui
from app.ui.pages.call_log_page import CallLogPage
from app.ui.session import AppSession
from tests.export.test_list_export import _three_calls
from tests.ui.helpers import type_text


def test_call_log_page_exports_its_filtered_rows(qtbot, db, clerk, login, tmp_path,
                                                 monkeypatch):
    # given three calls and a book filtered on 漏水
    _three_calls(clerk)
    opened: list[Path] = []
    monkeypatch.setattr(list_export_ui, "open_folder", opened.append)
    monkeypatch.setattr(list_export_ui, "ask_save_path", lambda _p, _d: tmp_path / "book.xlsx")
    page = CallLogPage(AppSession(db, login("super")))
    qtbot.addWidget(page)
    type_text(page.search_edit, "漏水")
    page.refresh()
    # when the supervisor exports
    page.action_export.trigger()
    qtbot.waitUntil(lambda: opened == [tmp_path], timeout=20000)
    # then the file holds the two leak calls with full phones
    rows = list(openpyxl.load_workbook(tmp_path / "book.xlsx").active.iter_rows(
        values_only=True))
    assert len(rows) == 3
    assert all("漏水" in row[5] for row in rows[1:])
    assert rows[1][3] == "13812345678"
