"""The store's set-up through the services: staff in one transaction, the checklist from the
store's data, the hours step saved and ticked together, the demo store's mark."""

from __future__ import annotations

from datetime import time

import pytest
from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.models.enums import Role
from app.models.staff import User
from app.services import auth_service, reference_service, setup_checklist
from app.services.auth_service import NewAccount
from app.services.reference_service import DayHours, StoreProfile


def _usernames(db) -> set[str]:
    with db.read() as session:
        return set(session.scalars(select(User.username)))


def test_staff_accounts_are_created_together_or_not_at_all(db, login):
    admin = login("admin")
    before = _usernames(db)
    good = NewAccount("clerk", "clerk9", "新前台", Role.CLERK, "secret-88")
    bad = NewAccount("supervisor", "super9", "新主管", Role.SUPERVISOR, "123")
    # a bad supervisor: nothing is created, the error names the supervisor's password
    with pytest.raises(ValidationError) as caught:
        auth_service.create_users(admin, [good, bad])
    assert caught.value.field == "supervisor.password"
    assert _usernames(db) == before
    # a name typed twice in one batch is refused at the second
    twice = NewAccount("technician", "clerk9", "新技术员", Role.TECHNICIAN, "secret-88")
    with pytest.raises(ValidationError) as caught:
        auth_service.create_users(admin, [good, twice])
    assert caught.value.field == "technician.username"
    # a good batch: all of them
    made = auth_service.create_users(admin, [good, NewAccount(
        "supervisor", "super9", "新主管", Role.SUPERVISOR, "secret-88")])
    assert [u.username for u in made] == ["clerk9", "super9"]
    assert auth_service.log_in(db, "super9", "secret-88").role is Role.SUPERVISOR
    # a clerk may not
    with pytest.raises(PermissionDenied):
        auth_service.create_users(login("clerk"), [twice])


def test_the_checklist_follows_the_store_and_the_owners_choices(db, login):
    admin = login("admin")
    profile = reference_service.get_store_profile(admin)
    reference_service.update_store_profile(admin, StoreProfile(
        profile.name, "", "", profile.kind, profile.timezone),
        expected_version=profile.version)
    left = {i.key for i in setup_checklist.checklist(admin) if not i.done}
    assert {"profile", "hours", "zones"} <= left  # the seeded store has models and staff
    # accepting the hours saves them and ticks the step in one go
    days = reference_service.list_business_hours(admin)
    saturday = days[5]
    saved = setup_checklist.accept_hours(admin, [DayHours(
        5, True, time(10, 0), time(16, 0), saturday.version)])
    assert saved[5].is_open and saved[5].opens_at == time(10, 0)
    setup_checklist.confirm(admin, "zones")
    left = {i.key for i in setup_checklist.checklist(admin) if not i.done}
    assert "hours" not in left and "zones" not in left and "profile" in left
    # bad hours: nothing saved, the step stays open
    with pytest.raises(ValidationError):
        setup_checklist.accept_hours(admin, [DayHours(6, True, time(18, 0), time(9, 0),
                                                      days[6].version)])
    assert not reference_service.list_business_hours(admin)[6].is_open
    # and a clerk cannot tick steps
    with pytest.raises(PermissionDenied):
        setup_checklist.confirm(login("clerk"), "catalogue")


def test_only_the_demo_store_is_marked(db, login):
    admin = login("admin")
    assert not setup_checklist.is_demo(admin)
    setup_checklist.mark_demo(admin)
    setup_checklist.mark_demo(admin)  # twice: still one mark
    assert setup_checklist.is_demo(admin)


def test_a_store_at_work_sees_the_checklist_only_once_its_set_up_began(db, login, clerk):
    from app.services import calls_service, customers_service
    from app.services.calls_service import CallInput

    admin = login("admin")
    customer = customers_service.find_customers(clerk, "张伟")[0]
    calls_service.register_call(clerk, CallInput("不制冷", customer_id=customer.id))
    # a store with calls in its book, from before the set-up existed: not pestered
    assert not setup_checklist.shown(admin)
    # once its set-up begins (a first start), the list stays until done
    setup_checklist.begin(admin)
    setup_checklist.begin(admin)
    assert setup_checklist.shown(admin)
