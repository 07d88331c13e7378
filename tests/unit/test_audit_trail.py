"""The audit trail: who changed which field from what to what, in the same transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.models.audit import AuditEntry
from app.services import audit_service
from app.services import customers_service as customers


def _entries(db, table, key):
    with db.read() as s:
        return [(e.action, e.field, e.old_value, e.new_value, e.username, e.reason)
                for e in s.scalars(select(AuditEntry).where(
                    AuditEntry.table_name == table, AuditEntry.row_key == str(key))
                    .order_by(AuditEntry.id))]


def test_insert_and_update_are_recorded_field_by_field(clerk, db):
    made = customers.create_customer(clerk, customers.CustomerInput("王芳", ("13700001234",),
                                                                    "人民路 1 号"))
    customers.update_customer(clerk, made.id, customers.CustomerInput(
        "王芳", ("13700001234",), "解放路 8 号"), expected_version=made.version,
        reason="客户搬家")
    rows = _entries(db, "customers", made.id)
    assert ("insert", "name", None, "王芳", "clerk", "") in rows
    assert ("update", "address", "人民路 1 号", "解放路 8 号", "clerk", "客户搬家") in rows
    assert not any(r[1] == "name" and r[0] == "update" for r in rows)  # unchanged: not logged


def test_a_failed_action_leaves_no_audit_rows(clerk, db):
    with db.read() as s:
        before = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    with pytest.raises(ValidationError):
        customers.create_customer(clerk, customers.CustomerInput("赵六", ("12345",)))
    with db.read() as s:
        after = s.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1))
    assert before == after


def test_history_reads_newest_first_and_needs_no_extra_rights(clerk, login):
    made = customers.create_customer(clerk, customers.CustomerInput("钱七", ("13700005678",)))
    customers.update_customer(clerk, made.id, customers.CustomerInput(
        "钱七七", ("13700005678",)), expected_version=made.version, reason="改名")
    rows = audit_service.history(login("tech"), "customers", made.id)
    assert rows[0].action == "update" and rows[0].new_value == "钱七七"
    assert rows[-1].action == "insert"


def test_passwords_never_reach_the_trail(db):
    with db.read() as s:
        fields = set(s.scalars(select(AuditEntry.field).where(AuditEntry.table_name == "users")))
    assert "password_hash" not in fields and "username" in fields
