"""When the phone rings: the caller's file, open calls with time left, chases (催修)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.models.customers import Customer, Item
from app.services import dispatch_service as dispatch
from app.services import ring_service as rings
from app.services.call_book_service import CallFilter, list_calls
from app.services.calls_service import CallInput, cancel_call, register_call
from app.services.customers_service import CustomerInput, create_customer

NOW = datetime(2026, 11, 18, 10, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Wednesday


def at(ctx, moment=NOW):
    return replace(ctx, clock=lambda: moment)


def items_of(db, name: str) -> tuple[int, list[int]]:
    with db.read() as session:
        customer = session.scalar(select(Customer).where(Customer.name == name))
        return customer.id, list(session.scalars(
            select(Item.id).where(Item.customer_id == customer.id).order_by(Item.id)))


def call(clerk, name_db, name="张伟", *, item=0, hours_ago=1.0, fault="不制冷"):
    cid, items = items_of(name_db, name)
    return register_call(clerk, CallInput(fault=fault, customer_id=cid, item_id=items[item],
                                          received_at=clerk.now() - timedelta(hours=hours_ago)))


def test_known_caller_sees_open_calls_with_time_left_and_calls_this_week(db, clerk):
    clerk = at(clerk)
    open_call = call(clerk, db, hours_ago=1)
    old = call(clerk, db, item=1, hours_ago=24 * 10, fault="漏水")
    gone = call(clerk, db, item=1, hours_ago=2, fault="噪音")
    cancel_call(clerk, gone.id, reason="客户取消", expected_version=gone.version)
    card = rings.ring_card(clerk, "+86 138-1234-5678", line="1")
    assert card.known and [c.name for c in card.customers] == ["张伟"]
    assert [c.call_id for c in card.open_calls] == [open_call.id, old.id]
    first = card.open_calls[0]
    # received 09:00 on a working day, city zone: 6 business hours → 5 h left at 10:00
    assert first.state == "ok" and first.minutes_left == 5 * 60
    assert card.open_calls[1].state == "overdue"
    assert card.calls_last_7_days == 2  # the open one and the cancelled one, not the old one
    assert {i.warranty for i in card.customers[0].items} == {"in", "out"}


def test_landline_rung_with_area_code_finds_the_file_typed_without_it(db, clerk):
    create_customer(clerk, CustomerInput("王芳", ("88776655",), "市区解放路 1 号", None))
    card = rings.ring_card(clerk, "0571-88776655")
    assert [c.name for c in card.customers] == ["王芳"]


def test_new_number_shows_where_it_belongs(db, clerk):
    mobile = rings.ring_card(clerk, "13900001111")
    assert not mobile.known and mobile.place.kind == "mobile"
    assert mobile.place.place == "中国移动"
    landline = rings.ring_card(clerk, "075588889999")
    assert (landline.place.kind, landline.place.place) == ("landline", "深圳")
    assert rings.ring_card(clerk, "").place.kind == "unknown"


def test_repeat_call_about_the_same_item_is_a_chase_that_the_board_puts_first(db, clerk, login):
    clerk = at(clerk)
    first = call(clerk, db, hours_ago=0.5)
    other = call(clerk, db, item=1, hours_ago=1)  # older, so due sooner
    cid, items = items_of(db, "张伟")
    match = rings.open_call_for_item(clerk, cid, items[0])
    assert match is not None and match.call_id == first.id
    assert rings.open_call_for_item(clerk, cid, None) is None
    assert rings.record_chase(clerk, first.id, phone="13812345678", note="第二次来电") == 1
    assert rings.record_chase(clerk, first.id) == 2
    board = dispatch.board(at(login("super")))
    assert [r.call_id for r in board.queue] == [first.id, other.id]
    assert board.queue[0].chases == 2
    assert rings.ring_card(clerk, "13812345678").open_calls[0].chases == 2
    book = list_calls(clerk, CallFilter()).rows
    assert {r.id: r.chases for r in book} == {first.id: 2, other.id: 0}


def test_chase_refused_on_a_closed_call_and_for_a_technician(db, clerk, login):
    done = call(clerk, db)
    cancel_call(clerk, done.id, reason="客户取消", expected_version=done.version)
    with pytest.raises(ValidationError):
        rings.record_chase(clerk, done.id)
    live = call(clerk, db)
    with pytest.raises(PermissionDenied):
        rings.record_chase(login("tech"), live.id)
