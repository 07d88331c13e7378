"""Two counters on one store: the list on screen follows what the other counter saved."""

from __future__ import annotations

from app.services import calls_service as calls
from app.services import customers_service as customers
from app.ui.main_window import REFRESH_SECONDS
from tests.helpers.ui_shell import open_window, settle


def test_a_call_registered_at_another_counter_appears_without_a_click(qtbot, db, login):
    window = open_window(qtbot, db, "clerk")
    settle()
    page = window.open_page("calls")
    before = page.model.rowCount()
    other_counter = login("clerk")  # a second log-in: another PC on the same store
    calls.register_call(other_counter, calls.CallInput(
        fault="另一柜台登记的叫修", new_customer=customers.CustomerInput("邻柜客户",
                                                                     ("13977776666",))))
    assert page.model.rowCount() == before  # nothing moved yet
    window.refresh_timer.setInterval(50)  # the 30 s timer, made short for the test
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1, timeout=5000)
    assert window.refresh_timer.isActive() and REFRESH_SECONDS <= 60
