"""The call-log book through the services: register, search, edit, cancel, numbering."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.errors import ConflictError, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.models.calls import Call
from app.models.customers import Customer
from app.models.enums import CallStatus, Channel
from app.services import call_book_service as book
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.context import ServiceContext


def _zhang(ctx: ServiceContext) -> tuple[int, int]:
    found = customers.find_customers(ctx, "5678")
    file = customers.get_customer(ctx, found[0].id)
    return file.id, file.items[0].id


def test_register_call_for_known_customer_numbers_and_proposes_warranty(clerk):
    customer_id, item_id = _zhang(clerk)
    call = calls.register_call(clerk, calls.CallInput(
        fault="不制冷，外机异响", customer_id=customer_id, item_id=item_id))
    assert call.number == f"C{clerk.today():%y%m}-0001"
    assert call.category == "C"  # bought 200 days ago, 36 months warranty
    second = calls.register_call(clerk, calls.CallInput(fault="漏水", customer_id=customer_id))
    assert second.number.endswith("-0002")
    assert second.category == "A"


def test_register_call_with_new_customer_is_one_transaction(clerk, db):
    newcomer = customers.CustomerInput("新客户", ("13900001111",))
    bad = calls.CallInput(fault="", new_customer=newcomer)
    with pytest.raises(ValidationError) as err:
        calls.register_call(clerk, bad)
    assert err.value.field == "fault"
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Customer.name == "新客户")) == 0
    ok = calls.register_call(clerk, calls.CallInput(
        fault="洗衣机不脱水😀", channel=Channel.WALK_IN,
        new_customer=customers.CustomerInput("欧阳喆", ("139-0000-1111",))))
    assert ok.customer_name == "欧阳喆" and ok.fault == "洗衣机不脱水😀"
    assert ok.phones == ("13900001111",)


def test_search_finds_two_character_chinese_terms_and_phone_parts(clerk):
    customer_id, item_id = _zhang(clerk)
    calls.register_call(clerk, calls.CallInput(fault="室内机漏水", customer_id=customer_id,
                                               item_id=item_id))
    calls.register_call(clerk, calls.CallInput(fault="遥控失灵", customer_id=customer_id))
    for term, expected in [("漏水", 1), ("遥控失灵", 1), ("2345", 2), ("GR2024", 1), ("张", 2),
                           ("不存在的词", 0)]:
        page = book.list_calls(clerk, book.CallFilter(search=term))
        assert len(page.rows) == expected, term


def test_keyset_paging_walks_the_whole_book_newest_first(clerk):
    customer_id, _ = _zhang(clerk)
    base = clerk.now() - timedelta(days=3)
    for i in range(7):
        calls.register_call(clerk, calls.CallInput(fault=f"故障{i}", customer_id=customer_id,
                                                   received_at=base + timedelta(hours=i)))
    seen, cursor = [], None
    while True:
        page = book.list_calls(clerk, book.CallFilter(), after=cursor, limit=3)
        seen += [r.fault for r in page.rows]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [f"故障{i}" for i in reversed(range(7))]


def test_cancel_needs_reason_and_is_audited(clerk, db):
    customer_id, _ = _zhang(clerk)
    call = calls.register_call(clerk, calls.CallInput(fault="不开机", customer_id=customer_id))
    with pytest.raises(ValidationError):
        calls.cancel_call(clerk, call.id, reason="  ", expected_version=call.version)
    done = calls.cancel_call(clerk, call.id, reason="客户已自行解决",
                             expected_version=call.version)
    assert done.status == CallStatus.CANCELLED
    with db.read() as s:
        assert s.get(Call, call.id) is not None  # nothing is ever deleted
        entry = s.scalar(select(AuditEntry).where(
            AuditEntry.table_name == "calls", AuditEntry.row_key == str(call.id),
            AuditEntry.field == "status").order_by(AuditEntry.id.desc()).limit(1))
        assert entry.action == "cancel" and entry.reason == "客户已自行解决"
        assert entry.username == "clerk" and entry.new_value == "cancelled"


def test_edit_against_stale_version_is_refused(clerk, login):
    customer_id, _ = _zhang(clerk)
    call = calls.register_call(clerk, calls.CallInput(fault="不开机", customer_id=customer_id))
    edit = calls.CallEdit("不开机，有焦味", Channel.PHONE, None, call.service_kind, call.urgency,
                          call.received_at)
    supervisor = login("super")
    calls.update_call(supervisor, call.id, edit, expected_version=call.version, reason="补充")
    with pytest.raises(ConflictError) as err:
        calls.update_call(clerk, call.id, edit, expected_version=call.version, reason="again")
    # Named as colleagues know each other, at the store's local time of that save.
    with supervisor.read() as session:
        saved = session.scalar(select(AuditEntry).where(
            AuditEntry.table_name == "calls", AuditEntry.row_key == str(call.id))
            .order_by(AuditEntry.id.desc()).limit(1))
        local = saved.at.astimezone(supervisor.tz)
    assert "陈主任" in err.value.text()
    assert f"{local:%Y-%m-%d %H:%M}" in err.value.text()


def test_technician_cannot_register_or_cancel(login, clerk):
    tech = login("tech")
    customer_id, _ = _zhang(clerk)
    with pytest.raises(PermissionDenied):
        calls.register_call(tech, calls.CallInput(fault="x", customer_id=customer_id))
