"""The PostgreSQL server goes away in the middle of a clerk's work, and comes back.

A private cluster (TLS, verify-full) is stopped with ``pg_ctl -m fast`` under a running app:
the save says the link is lost, nothing is written, and the next save after the server is
back works in the same process — one call, one number. A commit whose answer is lost (the
backend killed at COMMIT, or a proxy that drops the reply after the server committed) is
saved again without a second call.
"""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, event, func, select

from app.db.database import Database
from app.errors import ServerUnreachableError
from app.models.calls import Call
from app.models.customers import CustomerPhone
from app.models.numbering import DocumentCounter
from app.services import auth_service, calls_service, idempotency
from app.services.context import ServiceContext
from tests.helpers.seed import SEED_PASSWORD
from tests.pglink.cluster import Cluster, ReplyLosingProxy

pytestmark = [
    pytest.mark.postgres,
]


def clerk_on(db: Database) -> ServiceContext:
    return ServiceContext(db, auth_service.log_in(db, "clerk", SEED_PASSWORD,
                                                  workstation="counter-1"))


def zhang_id(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(CustomerPhone.customer_id)
                            .where(CustomerPhone.phone == "13812345678")))


def calls_about(db: Database, fault: str) -> list[str]:
    """The numbers of the calls with this fault."""
    with db.read() as s:
        return list(s.scalars(select(Call.number).where(Call.fault == fault)))


def call_counter(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.coalesce(func.sum(DocumentCounter.last_value), 0))
                            .where(DocumentCounter.series == "call")))


def assert_one_call_one_number(db: Database, fault: str, counter_before: int) -> str:
    """One call with this fault; its number used once; no number used up by a lost save."""
    [number] = calls_about(db, fault)
    assert call_counter(db) == counter_before + 1
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Call.number == number)) == 1
    return number


def test_save_while_server_down_says_so_saves_nothing_and_works_when_back(server, store):
    clerk = clerk_on(store)
    data = calls_service.CallInput(fault="服务器停机测试：空调不制冷", customer_id=zhang_id(store),
                                   token=idempotency.new_token())
    before = call_counter(store)
    server.stop()
    refused_at = time.monotonic()
    with pytest.raises(ServerUnreachableError) as lost:
        calls_service.register_call(clerk, data)
    print(f"the save said the server was gone after {time.monotonic() - refused_at:.3f} s")
    assert not lost.value.maybe_saved
    assert "lost" in lost.value.text() and "Nothing was saved" in lost.value.text()
    server.start()
    started = time.monotonic()
    saved = calls_service.register_call(clerk, data)  # the same process, the same pool
    reconnect = time.monotonic() - started
    call = assert_one_call_one_number(store, data.fault, before)
    assert call == saved.number
    print(f"first save after the server was back: {reconnect:.3f} s")


def _kill_backend_at_commit(db: Database, cluster: Cluster) -> None:
    """Before the COMMIT goes out, another connection ends this transaction's backend."""
    killer = create_engine(cluster.url("store"), isolation_level="AUTOCOMMIT")

    def at_commit(conn):  # type: ignore[no-untyped-def]
        pid = conn.connection.dbapi_connection.info.backend_pid
        with killer.connect() as k:
            k.exec_driver_sql(f"SELECT pg_terminate_backend({pid}, 5000)")

    event.listen(db.engine, "commit", at_commit, once=True)


def test_backend_killed_at_commit_then_saved_once(server, store):
    clerk = clerk_on(store)
    data = calls_service.CallInput(fault="提交时连接被断开：洗衣机漏水",
                                   customer_id=zhang_id(store), token=idempotency.new_token())
    before = call_counter(store)
    _kill_backend_at_commit(store, server)
    with pytest.raises(ServerUnreachableError) as lost:
        calls_service.register_call(clerk, data)
    assert lost.value.maybe_saved and "not be recorded twice" in lost.value.text()
    assert calls_about(store, data.fault) == []  # the server ended it before COMMIT
    calls_service.register_call(clerk, data)
    assert_one_call_one_number(store, data.fault, before)


def test_commit_kept_but_its_answer_lost_is_not_doubled(server, store):
    proxy = ReplyLosingProxy(server.port)
    far = Database(server.url("store", port=proxy.port))  # verify-full through the proxy
    try:
        clerk = clerk_on(far)
        data = calls_service.CallInput(fault="提交成功但回复丢失：冰箱异响",
                                       customer_id=zhang_id(far), token=idempotency.new_token())
        before = call_counter(store)

        def at_commit(_conn):  # type: ignore[no-untyped-def]
            proxy.lose_next_reply()

        event.listen(far.engine, "commit", at_commit, once=True)
        with pytest.raises(ServerUnreachableError) as lost:
            calls_service.register_call(clerk, data)
        assert lost.value.maybe_saved
        assert proxy.replies_lost == 1
        assert len(calls_about(store, data.fault)) == 1  # the server did keep it
        again = calls_service.register_call(clerk, data)  # the clerk clicks Save again
        call = assert_one_call_one_number(store, data.fault, before)
        assert again.number == call
    finally:
        far.dispose()
        proxy.close()


def test_reads_while_server_down_say_so(server, store):
    clerk = clerk_on(store)
    server.stop()
    with pytest.raises(ServerUnreachableError):
        calls_service.find_call_by_number(clerk, "C0000-0001")
    server.start()
    with pytest.raises(Exception) as after:  # back: the read runs (no such number)
        calls_service.find_call_by_number(clerk, "C0000-0001")
    assert not isinstance(after.value, ServerUnreachableError)


def test_dialog_keeps_what_the_clerk_typed(qtbot, server, store):
    from app.ui.dialogs.register_call_dialog import RegisterCallDialog
    from app.ui.session import AppSession
    from tests.helpers.ui import type_text

    dialog = RegisterCallDialog(AppSession(store, clerk_on(store)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.picker.lookup, "13812345678")
    qtbot.waitUntil(lambda: "张伟" in dialog.chosen_label.text())
    fault = "窗口里填写的内容：热水器不点火"
    type_text(dialog.fault_edit, fault)
    before = call_counter(store)
    server.stop()
    dialog.accept()
    assert dialog.isVisible() and dialog.result_call is None
    assert dialog.message.isVisible() and "lost" in dialog.message.text()
    assert dialog.fault_edit.text() == fault and "张伟" in dialog.chosen_label.text()
    server.start()
    assert calls_about(store, fault) == []
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    call = assert_one_call_one_number(store, fault, before)
    assert dialog.result_call is not None and dialog.result_call.number == call


def test_a_lost_commit_without_a_token_asks_the_clerk_to_look(server, store):
    from app.services import customers_service

    clerk = clerk_on(store)
    _kill_backend_at_commit(store, server)
    with pytest.raises(ServerUnreachableError) as lost:
        customers_service.create_customer(
            clerk, customers_service.CustomerInput("提交时断线的客户", ("13966667777",)))
    assert lost.value.maybe_saved
    assert "look whether it was saved" in lost.value.text()
    assert "not be recorded twice" not in lost.value.text()


def test_walk_in_take_in_whose_answer_is_lost_is_not_doubled(server, store):
    from datetime import timedelta

    from app.models.carry_in import ItemReceipt
    from app.models.staff import User
    from app.models.store import ProductModel
    from app.services import carry_in_service
    from app.services.carry_in_service import TakeInInput
    from app.services.customers_service import CustomerInput, ItemInput

    proxy = ReplyLosingProxy(server.port)
    far = Database(server.url("store", port=proxy.port))
    try:
        clerk = clerk_on(far)
        with far.read() as s:
            tech = int(s.scalar(select(User.id).where(User.username == "tech")))
            model = int(s.scalar(select(ProductModel.id).where(ProductModel.code == "XQB80")))
        fault = "取件时回复丢失：微波炉不加热"
        data = TakeInInput(
            technician_id=tech, promised_date=clerk.today() + timedelta(days=5),
            accessories=("电源线",), walk_in=calls_service.CallInput(
                fault=fault, new_customer=CustomerInput("回复丢失的客户", ("13955554444",)),
                new_item=ItemInput(model, "LOST-REPLY-1")),
            token=idempotency.new_token())
        event.listen(far.engine, "commit", lambda _c: proxy.lose_next_reply(), once=True)
        with pytest.raises(ServerUnreachableError) as lost:
            carry_in_service.take_in(clerk, data)
        assert lost.value.maybe_saved and "not be recorded twice" in lost.value.text()
        again = carry_in_service.take_in(clerk, data)  # Save again
        assert len(calls_about(store, fault)) == 1
        with store.read() as s:
            receipts = list(s.scalars(select(ItemReceipt.number)
                                      .where(ItemReceipt.fault == fault)))
        assert receipts == [again.receipt_number]
    finally:
        far.dispose()
        proxy.close()


def test_starting_while_the_server_is_down_offers_to_try_again(qtbot, server, store,
                                                               monkeypatch):
    from app.ui import app as gui

    server.stop()
    asked: list[str] = []

    def try_again(message: str, parent=None) -> bool:  # type: ignore[no-untyped-def]
        asked.append(message)
        server.start()  # meanwhile the server is switched back on
        return True

    monkeypatch.setattr(gui, "ask_retry", try_again)
    monkeypatch.setattr(gui, "show_startup_error", lambda message, parent=None: asked.append(
        f"refused: {message}"))
    db = gui.open_or_ask(server.url("store"))
    assert db is not None
    try:
        assert len(asked) == 1 and "cannot be reached" in asked[0]
        assert zhang_id(db) > 0  # the store is open and answers
    finally:
        db.dispose()
