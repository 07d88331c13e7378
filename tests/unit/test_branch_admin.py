"""Running branches (issue 17): the service department's administrator opens, renames, closes
and reopens branches; a closed branch's people cannot log in and its records stay; a branch's
administrator manages their own branch's accounts only; the set-up's staff work in branch 1.
Runs on SQLite and on PostgreSQL (SC_TEST_PG_URL)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from sqlalchemy import select

from app.errors import AuthError, ConflictError, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.models.enums import Role
from app.services import auth_service, branch_service, calls_service, customers_service
from app.services import reference_service as ref
from app.services.auth_service import NewAccount
from app.services.calls_service import CallInput
from app.services.context import ServiceContext
from tests.helpers.seed import SEED_PASSWORD

Login = Callable[[str], ServiceContext]


@pytest.fixture
def hangzhou(admin: ServiceContext) -> branch_service.BranchDTO:
    """Branch 02 with its administrator (boss_b2) and a clerk (clerk_b2)."""
    branch = branch_service.create_branch(admin, code="02", name="杭州分公司")
    for username, role in (("boss_b2", Role.ADMIN), ("clerk_b2", Role.CLERK)):
        auth_service.create_user(admin, username=username, display_name=username, role=role,
                                 password=SEED_PASSWORD, branch_id=branch.id)
    return branch


def _user(admin: ServiceContext, username: str) -> auth_service.UserDTO:
    return next(u for u in auth_service.list_users(admin, include_inactive=True)
                if u.username == username)


def _actions(ctx: ServiceContext, table: str) -> list[str]:
    with ctx.db.read() as session:
        return list(session.scalars(select(AuditEntry.action).where(
            AuditEntry.table_name == table).order_by(AuditEntry.id)))


# branches -----------------------------------------------------------------------------------
def test_a_branch_is_renamed_once_and_a_stale_form_is_refused(admin, hangzhou):
    renamed = branch_service.rename_branch(admin, hangzhou.id, name=" 杭州西湖分公司 ",
                                           expected_version=hangzhou.version)
    assert renamed.name == "杭州西湖分公司" and renamed.code == "02"
    assert [b.name for b in branch_service.list_branches(admin) if b.id == hangzhou.id] == [
        "杭州西湖分公司"]
    # a second form, opened before the rename, does not overwrite it
    with pytest.raises(ConflictError):
        branch_service.rename_branch(admin, hangzhou.id, name="旧表单",
                                     expected_version=hangzhou.version)
    assert "branch.rename" in _actions(admin, "branches")


def test_bad_branch_input_is_said_at_its_field(admin, hangzhou):
    cases = [(dict(code="", name="宁波分公司"), "code"),
             (dict(code="2", name="宁波分公司"), "code"),
             (dict(code="02", name="宁波分公司"), "code"),
             (dict(code="03", name="  "), "name")]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as err:
            branch_service.create_branch(admin, **kwargs)
        assert err.value.field == field, kwargs
    with pytest.raises(ValidationError) as err:
        branch_service.rename_branch(admin, hangzhou.id, name="", expected_version=hangzhou.version)
    assert err.value.field == "name"
    assert [b.code for b in branch_service.list_branches(admin)] == ["01", "02"]


def test_a_branchs_administrator_cannot_open_rename_or_close_branches(login: Login, hangzhou):
    boss = login("boss_b2")
    with pytest.raises(PermissionDenied):
        branch_service.rename_branch(boss, hangzhou.id, name="我的分公司",
                                     expected_version=hangzhou.version)
    with pytest.raises(PermissionDenied):
        branch_service.set_active(boss, hangzhou.id, active=False,
                                  expected_version=hangzhou.version)
    with pytest.raises(PermissionDenied):
        branch_service.create_branch(boss, code="03", name="宁波分公司")
    assert [b.code for b in branch_service.list_branches(boss)] == ["02"]


def test_a_closed_branchs_people_cannot_log_in_and_its_records_stay(db, admin, login: Login,
                                                                    hangzhou):
    clerk = login("clerk_b2")
    call = calls_service.register_call(clerk, CallInput("不制冷", new_customer=(
        customers_service.CustomerInput("杭州客户", ("13700000002",)))))
    # when the service department closes the branch
    closed = branch_service.set_active(admin, hangzhou.id, active=False,
                                       expected_version=hangzhou.version)
    assert not closed.active
    # then its clerk cannot log in, and is told why
    with pytest.raises(AuthError) as refused:
        auth_service.log_in(db, "clerk_b2", SEED_PASSWORD)
    assert "杭州分公司" in refused.value.text()
    # while a wrong password still says nothing about the branch
    with pytest.raises(AuthError) as wrong:
        auth_service.log_in(db, "clerk_b2", "not-the-password")
    assert "杭州分公司" not in wrong.value.text()
    # the branch's call is still there for the service department; branch 1 logs in as before
    assert calls_service.get_call(admin, call.id).number == call.number
    auth_service.log_in(db, "clerk", SEED_PASSWORD)
    # reopened, its people log in again
    branch_service.set_active(admin, hangzhou.id, active=True, expected_version=closed.version)
    assert auth_service.log_in(db, "clerk_b2", SEED_PASSWORD).branch_id == hangzhou.id
    assert {"branch.close", "branch.open"} <= set(_actions(admin, "branches"))


# accounts -----------------------------------------------------------------------------------
def test_a_branchs_administrator_creates_accounts_in_their_own_branch_only(admin, login: Login,
                                                                         hangzhou):
    boss = login("boss_b2")
    made = auth_service.create_user(boss, username="tech_b2", display_name="杭州师傅",
                                    role=Role.TECHNICIAN, password=SEED_PASSWORD)
    assert made.branch_id == hangzhou.id
    with pytest.raises(PermissionDenied):
        auth_service.create_user(boss, username="tech_b1", display_name="别店师傅",
                                 role=Role.TECHNICIAN, password=SEED_PASSWORD, branch_id=1)
    assert "tech_b1" not in {u.username for u in auth_service.list_users(admin)}


def test_a_branchs_administrator_cannot_change_the_service_departments_accounts(
        login: Login, admin, hangzhou):
    boss = login("boss_b2")
    office = _user(admin, "admin")
    # visible to the branch (whom work may go to), but not theirs to change
    assert "admin" in {u.username for u in auth_service.list_users(boss)}
    assert "admin" not in {u.username for u in auth_service.list_users(boss, managed_only=True)}
    with pytest.raises(PermissionDenied):
        auth_service.update_user(boss, office.id, display_name="改名", role=Role.CLERK,
                                 phone="", active=False, expected_version=office.version)
    with pytest.raises(PermissionDenied):
        auth_service.set_password(boss, office.id, password="taken-over-1")
    assert _user(admin, "admin").active
    auth_service.log_in(admin.db, "admin", SEED_PASSWORD)


def test_the_service_department_moves_an_account_to_a_branch(db, admin, login: Login,
                                                             hangzhou):
    clerk = _user(admin, "clerk")
    moved = auth_service.update_user(admin, clerk.id, display_name=clerk.display_name,
                                     role=clerk.role, phone=clerk.phone, active=True,
                                     expected_version=clerk.version, branch_id=hangzhou.id)
    assert moved.branch_id == hangzhou.id
    assert auth_service.log_in(db, "clerk", SEED_PASSWORD).branch_id == hangzhou.id
    # a branch's administrator cannot move anyone out of it; the admin cannot move themselves
    boss, now = login("boss_b2"), _user(admin, "clerk")
    with pytest.raises(PermissionDenied):
        auth_service.update_user(boss, now.id, display_name="前台", role=Role.CLERK, phone="",
                                 active=True, expected_version=now.version, branch_id=None)
    me = _user(admin, "admin")
    with pytest.raises(ValidationError) as err:
        auth_service.update_user(admin, me.id, display_name=me.display_name, role=me.role,
                                 phone="", active=True, expected_version=me.version,
                                 branch_id=hangzhou.id)
    assert err.value.field == "branch"


def test_no_account_is_made_in_a_closed_branch(admin, hangzhou):
    branch_service.set_active(admin, hangzhou.id, active=False,
                              expected_version=hangzhou.version)
    with pytest.raises(ValidationError) as err:
        auth_service.create_user(admin, username="late_b2", display_name="迟来", role=Role.CLERK,
                                 password=SEED_PASSWORD, branch_id=hangzhou.id)
    assert err.value.field == "branch"


def test_the_set_ups_staff_work_in_the_first_branch_and_the_admin_in_the_office(admin):
    made = auth_service.create_users(admin, [
        NewAccount("clerk", "clerk9", "新前台", Role.CLERK, "secret-88"),
        NewAccount("technician", "tech9", "新师傅", Role.TECHNICIAN, "secret-88")])
    assert [u.branch_id for u in made] == [1, 1]
    assert _user(admin, "admin").branch_id is None


def test_a_new_stores_first_branch_takes_the_stores_name_once(admin):
    """The first branch is made before the set-up asks the store's name: it is named by the
    first profile saved, and a later profile change does not undo a branch renamed since."""
    assert branch_service.list_branches(admin)[0].name == ""
    profile = ref.get_store_profile(admin)
    saved = ref.update_store_profile(admin, replace(profile, name="东城售后服务中心"),
                                     expected_version=profile.version)
    assert [b.name for b in branch_service.list_branches(admin)] == ["东城售后服务中心"]
    ref.update_store_profile(admin, replace(saved, name="东城维修部"),
                             expected_version=saved.version)
    assert [b.name for b in branch_service.list_branches(admin)] == ["东城售后服务中心"]
