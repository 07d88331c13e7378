"""Permissions are enforced in the services, whatever the UI shows."""

from __future__ import annotations

import pytest

from app.errors import PermissionDenied
from app.services import calls_service as calls
from app.services import customers_service as customers
from app.services.permissions import ROLE_PERMISSIONS, Perm

NEW = customers.CustomerInput("测试", ("13600000000",))


@pytest.mark.parametrize("who", ["tech", "acct"])
def test_roles_without_the_counter_cannot_register_calls(login, who):
    with pytest.raises(PermissionDenied):
        calls.register_call(login(who), calls.CallInput(fault="x", new_customer=NEW))


@pytest.mark.parametrize("who", ["tech", "acct"])
def test_roles_without_customer_edit_cannot_create_customers(login, who):
    with pytest.raises(PermissionDenied):
        customers.create_customer(login(who), NEW)


@pytest.mark.parametrize("who", ["clerk", "super", "boss", "admin"])
def test_counter_roles_can_register_calls(login, who):
    newcomer = customers.CustomerInput("测试" + who, (f"1360000{len(who):04d}",))
    call = calls.register_call(login(who), calls.CallInput(fault="不开机", new_customer=newcomer))
    assert call.status == "registered"


def test_denial_leaves_the_call_unchanged(login, clerk):
    call = calls.register_call(clerk, calls.CallInput(fault="不开机", new_customer=NEW))
    with pytest.raises(PermissionDenied):
        calls.cancel_call(login("tech"), call.id, reason="x", expected_version=call.version)
    after = calls.get_call(clerk, call.id)
    assert after.status == "registered" and after.version == call.version


def test_role_table_matches_the_store_roles():
    from app.models.enums import Role

    assert ROLE_PERMISSIONS[Role.ADMIN] == frozenset(Perm)
    assert Perm.DISPATCH not in ROLE_PERMISSIONS[Role.CLERK]
    assert Perm.INVOICE in ROLE_PERMISSIONS[Role.ACCOUNTANT]
    assert Perm.CALL_REGISTER not in ROLE_PERMISSIONS[Role.TECHNICIAN]
