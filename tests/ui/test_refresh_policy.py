"""One refresh policy: the visible list is re-read every 30 s, but not the monthly summary,
whose month's query would block the screen; both are read when opened."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.db.database import Database
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, open_window

pytestmark = IGNORE_OFFSCREEN


def _count_refreshes(monkeypatch: pytest.MonkeyPatch, page: object) -> list[int]:
    calls: list[int] = []
    monkeypatch.setattr(page, "refresh", lambda: calls.append(1))
    return calls


def test_the_timer_skips_the_monthly_summary(qtbot: QtBot, db: Database,
                                             monkeypatch: pytest.MonkeyPatch):
    window = open_window(qtbot, db, "admin")
    reports = window.open_page("reports")
    refreshed = _count_refreshes(monkeypatch, reports)
    window.refresh_visible_page()  # what the 30-second timer does
    assert refreshed == []
    book = window.open_page("calls")
    refreshed = _count_refreshes(monkeypatch, book)
    window.refresh_visible_page()
    assert refreshed == [1]
