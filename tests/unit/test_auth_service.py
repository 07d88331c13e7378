"""Log-in, lock-out and accounts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.errors import AuthError, PermissionDenied, ValidationError
from app.models.audit import AuditEntry
from app.models.enums import Role
from app.models.staff import User
from app.services import auth_service
from app.services.context import system_clock
from tests.helpers.seed import SEED_PASSWORD


def test_login_returns_the_actor_and_records_it(db):
    actor = auth_service.log_in(db, "Clerk ", SEED_PASSWORD, workstation="counter-1")
    assert actor.username == "clerk" and actor.role is Role.CLERK
    with db.read() as s:
        row = s.scalars(select(AuditEntry).where(AuditEntry.action == "login")
                        .order_by(AuditEntry.id.desc())).first()
        assert row is not None and row.username == "clerk" and row.workstation == "counter-1"


def test_refusal_does_not_say_whether_the_user_exists(db):
    with pytest.raises(AuthError) as unknown:
        auth_service.log_in(db, "nobody", "whatever1")
    with pytest.raises(AuthError) as wrong:
        auth_service.log_in(db, "clerk", "whatever1")
    assert unknown.value.text() == wrong.value.text()
    with db.read() as s:
        failed = s.scalars(select(AuditEntry.row_key).where(AuditEntry.action == "login_failed"))
        assert set(failed) >= {"nobody"}


def test_five_failures_lock_the_account_even_for_the_right_password(db):
    now = system_clock()
    for i in range(5):
        with pytest.raises(AuthError):
            auth_service.log_in(db, "clerk", "wrong-pass", now=now + timedelta(seconds=i))
    with pytest.raises(AuthError):
        auth_service.log_in(db, "clerk", SEED_PASSWORD, now=now + timedelta(minutes=1))
    actor = auth_service.log_in(db, "clerk", SEED_PASSWORD, now=now + timedelta(minutes=16))
    assert actor.username == "clerk"


def test_failures_spread_beyond_the_window_do_not_lock(db):
    now = system_clock()
    for i in range(6):
        with pytest.raises(AuthError):
            auth_service.log_in(db, "clerk", "wrong-pass", now=now + timedelta(minutes=4 * i))
    assert auth_service.log_in(db, "clerk", SEED_PASSWORD,
                               now=now + timedelta(minutes=25)).username == "clerk"


def test_supervisor_unlocks_a_locked_account(db, login):
    now = system_clock()
    for _ in range(5):
        with pytest.raises(AuthError):
            auth_service.log_in(db, "tech", "wrong-pass", now=now)
    supervisor = login("super")
    with db.read() as s:
        tech_id = s.scalar(select(User.id).where(User.username == "tech"))
    auth_service.unlock(supervisor, tech_id)
    assert auth_service.log_in(db, "tech", SEED_PASSWORD).username == "tech"


def test_passwords_are_stored_as_argon2id_hashes(db):
    with db.read() as s:
        stored = s.scalar(select(User.password_hash).where(User.username == "clerk"))
    assert stored.startswith("$argon2id$") and SEED_PASSWORD not in stored


def test_only_admin_manages_accounts(login):
    for name in ("clerk", "tech", "super", "acct", "boss"):
        with pytest.raises(PermissionDenied):
            auth_service.create_user(login(name), username="x1", display_name="新人",
                                     role=Role.CLERK, password="abcdef1")
    admin = login("admin")
    made = auth_service.create_user(admin, username="newbie", display_name="新人",
                                    role=Role.CLERK, password="abcdef1")
    assert made.role is Role.CLERK


def test_account_input_is_checked(admin):
    with pytest.raises(ValidationError) as short:
        auth_service.create_user(admin, username="shorty", display_name="短",
                                 role=Role.CLERK, password="123")
    assert short.value.field == "password"
    with pytest.raises(ValidationError) as taken:
        auth_service.create_user(admin, username="clerk", display_name="重复",
                                 role=Role.CLERK, password="abcdef1")
    assert taken.value.field == "username"


def test_first_admin_only_once(db):
    with pytest.raises(ValidationError):
        auth_service.create_first_admin(db, username="root", display_name="Root",
                                        password="abcdef1")
