"""Today: each role's home, with counts; Enter on a line opens its book."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services import calls_service, customers_service, today_service
from app.services.calls_service import CallInput
from app.ui.pages.today_page import line_text
from tests.helpers.ui_shell import IGNORE_OFFSCREEN, chinese, open_window, settle

pytestmark = [IGNORE_OFFSCREEN, pytest.mark.usefixtures("chinese")]
__all__ = ["chinese"]  # the fixture


def _overdue_call(clerk) -> str:
    zhang = customers_service.find_customers(clerk, "张伟")[0]
    return calls_service.register_call(clerk, CallInput(
        "不制冷", customer_id=zhang.id, received_at=clerk.now() - timedelta(days=3))).number


def test_each_role_sees_its_own_lines(login, clerk):
    _overdue_call(clerk)
    supervisor = {line.key: line for line in today_service.today(login("super"))}
    technician = {line.key for line in today_service.today(login("tech"))}
    assert supervisor["overdue_calls"].count == 1
    assert supervisor["leftovers"].count == 1
    assert "overdue_calls" not in technician  # not a technician's to dispatch


def test_today_is_home_and_enter_opens_the_board(qtbot: QtBot, db: Database, clerk):
    # given an overdue call, and the supervisor logging in
    number = _overdue_call(clerk)
    window = open_window(qtbot, db, "super")
    window.open_page("today")
    page = window.page("today")
    settle()
    # then Today lists it first, with its count and number, in the board's red
    first = page.list.item(0)
    assert "已超时的叫修：1" in first.text() and number in first.text()
    # and Enter on it opens the dispatch board
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert window.current_page_key() == "dispatch"


def test_today_is_the_first_book(qtbot: QtBot, db: Database):
    window = open_window(qtbot, db, "tech")
    assert window.visible_page_keys()[0] == "today"


def test_a_change_reads_again_only_the_lines_it_concerns(qtbot: QtBot, db: Database, clerk,
                                                          monkeypatch: pytest.MonkeyPatch):
    from app.services import dispatch_service, payments_service
    from app.ui.session import Topic

    window = open_window(qtbot, db, "super")
    window.open_page("today")
    page = window.page("today")
    settle()
    reads: list[str] = []
    for module, name in ((dispatch_service, "queue_summary"), (payments_service, "cash_held")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name,
                            lambda ctx, _real=real, _name=name: reads.append(_name) or _real(ctx))
    # money taken: the cash line is read again, the dispatch queue is not
    window.session.changed(Topic.MONEY)
    assert reads == ["cash_held"]
    # a call registered: the queue's lines show it, in the board's red, first
    number = _overdue_call(clerk)
    window.session.changed(Topic.CALLS)
    assert reads.count("queue_summary") == 1
    first = page.list.item(0)
    assert "已超时的叫修：1" in first.text() and number in first.text()
    assert [page.list.item(i).text() for i in range(page.list.count())] == [
        line_text(line) for line in today_service.today(window.session.ctx)]
