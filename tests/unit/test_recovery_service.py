"""A record changed by mistake is found in a backup and put back, on the audit trail."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models.audit import AuditEntry
from app.services import backup_service
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services import recovery_service as recovery
from app.services.errors import PermissionDenied


def test_a_changed_customer_is_put_back_from_last_weeks_backup(db, clerk, admin, tmp_path,
                                                                sqlite_only):
    made = customers.create_customer(clerk, customers.CustomerInput(
        "陈静", ("13722223333",), "东风路 5 号"))
    info = backup_service.take_backup(Path(db.engine.url.database), tmp_path / "bk",
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
    info = backup_service.take_backup(Path(db.engine.url.database), tmp_path / "bk",
                                      kind="daily", now=datetime(2026, 11, 15, 8))
    backup = recovery.open_backup(info.path)
    assert recovery.find_in_backup(backup, "calls", number=call.number) == call.id
    with pytest.raises(PermissionDenied):
        recovery.compare(clerk, backup, "calls", call.id)
    backup.dispose()
