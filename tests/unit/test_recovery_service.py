"""A record changed by mistake is found in a backup and put back, on the audit trail."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import backup_file
from app.errors import PermissionDenied
from app.models.audit import AuditEntry
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services import recovery_service as recovery


def test_a_changed_customer_is_put_back_from_last_weeks_backup(db, clerk, admin, tmp_path,
                                                                sqlite_only):
    made = customers.create_customer(clerk, customers.CustomerInput(
        "陈静", ("13722223333",), "东风路 5 号"))
    info = backup_file.take_backup(Path(db.engine.url.database), tmp_path / "bk",
                                      kind="daily", now=datetime(2026, 11, 15, 8))
    customers.update_customer(clerk, made.id, customers.CustomerInput(
        "陈静", ("13722223333",), "（误删地址）"), expected_version=made.version, reason="误操作")
    backup = recovery.open_backup(info.path)
    diffs = recovery.compare(admin, backup, "customers", made.id)
    assert [(d.field, d.backup_value, d.live_value) for d in diffs] == [
        ("address", "东风路 5 号", "（误删地址）")]
    recovery.recover(admin, backup, "customers", made.id, backup_name=info.path.name)
    assert customers.get_customer(clerk, made.id).address == "东风路 5 号"
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "recover")).one()
        assert entry.field == "address" and info.path.name in entry.reason
    backup.dispose()


def test_a_call_is_found_in_a_backup_by_its_number(db, clerk, admin, tmp_path, sqlite_only):
    call = calls.register_call(clerk, calls.CallInput(fault="显示E1", new_customer=(
        customers.CustomerInput("刘洋", ("13722224444",)))))
    info = backup_file.take_backup(Path(db.engine.url.database), tmp_path / "bk",
                                      kind="daily", now=datetime(2026, 11, 15, 8))
    backup = recovery.open_backup(info.path)
    assert recovery.find_in_backup(backup, "calls", number=call.number) == call.id
    with pytest.raises(PermissionDenied):
        recovery.compare(clerk, backup, "calls", call.id)
    backup.dispose()


def _backup(db, tmp_path) -> Path:
    return backup_file.take_backup(Path(db.engine.url.database), tmp_path / "bk",
                                      kind="daily", now=datetime(2026, 11, 15, 8)).path


def _phones(clerk, customer_id: int) -> list[str]:
    return [p.phone for p in customers.get_customer(clerk, customer_id).phones]


def test_a_customer_comes_back_with_the_phones_removed_since(db, clerk, admin, tmp_path,
                                                             sqlite_only):
    made = customers.create_customer(clerk, customers.CustomerInput(
        "王芳", ("13722225555", "0371-66668888"), "建设路 8 号"))
    path = _backup(db, tmp_path)
    changed = customers.update_customer(clerk, made.id, customers.CustomerInput(
        "王芳", ("13722225555",), ""), expected_version=made.version, reason="误删")
    customers.update_customer(clerk, made.id, customers.CustomerInput(
        "王芳", ("13722225555", "13900001234"), ""), expected_version=changed.version)
    backup = recovery.open_backup(path)
    try:
        diffs = recovery.compare(admin, backup, "customers", made.id)
        shown = {(d.field.split("#")[0], d.live_value) for d in diffs}
        assert ("address", "") in shown and ("customer_phones", None) in shown
        assert any("0371-66668888" in str(d.backup_value) for d in diffs)
        recovery.recover(admin, backup, "customers", made.id, backup_name=path.name)
    finally:
        backup.dispose()
    # The removed phone is back, the phone added since stays, the address is restored.
    assert sorted(_phones(clerk, made.id)) == ["0371-66668888", "13722225555", "13900001234"]
    assert customers.get_customer(clerk, made.id).address == "建设路 8 号"
    assert [c.id for c in customers.find_customers(clerk, "03716666888")] == [made.id]
    with db.read() as s:  # on the trail, with the backup named as the reason
        trail = {(e.table_name, e.action, e.field, e.new_value) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.reason.contains(path.name)))}
    assert ("customer_phones", "insert", "phone", "0371-66668888") in trail
    assert ("customers", "recover", "address", "建设路 8 号") in trail


def test_a_deleted_phone_whose_id_was_reused_does_not_take_another_customers_row(
        db, clerk, admin, tmp_path, sqlite_only):
    made = customers.create_customer(clerk, customers.CustomerInput(
        "赵敏", ("13722226666", "13722227777"), ""))
    path = _backup(db, tmp_path)
    customers.update_customer(clerk, made.id, customers.CustomerInput(
        "赵敏", ("13722226666",), ""), expected_version=made.version)
    other = customers.create_customer(clerk, customers.CustomerInput("钱进", ("13822228888",)))
    backup = recovery.open_backup(path)
    try:
        recovery.recover(admin, backup, "customers", made.id, backup_name=path.name)
        assert recovery.compare(admin, backup, "customers", made.id) == []
    finally:
        backup.dispose()
    assert sorted(_phones(clerk, made.id)) == ["13722226666", "13722227777"]
    assert _phones(clerk, other.id) == ["13822228888"]


def test_a_bill_comes_back_with_its_own_lines(db, clerk, admin, login, tmp_path, sqlite_only):
    from decimal import Decimal

    from app.services import billing_service as billing
    from app.services.money_dto import LineInput
    from tests.helpers.on_site import on_site_job, visit

    call, job = on_site_job(clerk, login("super"))
    visit(login("tech"), job)
    first = billing.make_bill(clerk, call.id, extra=[
        LineInput("other", "上门清洗", Decimal(1), Decimal("35.00"))])
    path = _backup(db, tmp_path)
    billing.make_bill(clerk, call.id, extra=[
        LineInput("other", "误加的配件", Decimal(2), Decimal("80.00"))],
        expected_version=first.version)
    backup = recovery.open_backup(path)
    try:
        diffs = recovery.compare(admin, backup, "bills", first.id)
        assert any("上门清洗" in str(d.backup_value) for d in diffs)
        assert any("误加的配件" in str(d.live_value) for d in diffs)
        recovery.recover(admin, backup, "bills", first.id, backup_name=path.name)
        assert recovery.compare(admin, backup, "bills", first.id) == []
    finally:
        backup.dispose()
    now = billing.get_bill(clerk, call.id)
    assert now is not None and now.total_cents == first.total_cents
    assert sorted(ln.description for ln in now.lines) == sorted(
        ln.description for ln in first.lines)
    with db.read() as s:  # the replaced line is on the trail, not silently gone
        details = [e.new_value or "" for e in s.scalars(select(AuditEntry).where(
            AuditEntry.table_name == "bill_lines", AuditEntry.action == "recover"))]
    assert any("误加的配件" in d and d.startswith("replaced") for d in details)
