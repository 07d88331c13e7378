"""Log-in, accounts and lock-out: argon2id hashes, 5 failures in 15 minutes lock 15 minutes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.audit import record_event
from app.db.database import AuditContext, Database
from app.db.locking import NO_KEY_UPDATE
from app.errors import AuthError, NotFound, PermissionDenied, ValidationError
from app.i18n import N_
from app.models.branch import FIRST_BRANCH_ID, Branch
from app.models.enums import Role
from app.models.staff import User
from app.services.context import Actor, ServiceContext, system_clock
from app.services.permissions import Perm, require
from app.services.validation import (
    check_characters,
    check_version,
    clean_text,
    column_limit,
    normalise_phone,
)

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_TIME = timedelta(minutes=15)
MIN_PASSWORD = 6

_hasher = PasswordHasher()


def use_fast_hashing() -> None:
    """Cheap argon2id parameters for tests and demo data (never for real accounts)."""
    global _hasher
    _hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@dataclass(frozen=True)
class UserDTO:
    id: int
    username: str
    display_name: str
    role: Role
    phone: str
    active: bool
    locked: bool
    version: int
    branch_id: int | None = None  # None: the service department (服务部)


def _dto(user: User, now: datetime) -> UserDTO:
    locked = user.locked_until is not None and user.locked_until > now
    return UserDTO(user.id, user.username, user.display_name, Role(user.role), user.phone or "",
                   user.active, locked, user.version, user.branch_id)


def has_users(db: Database) -> bool:
    with db.read() as session:
        return bool(session.scalar(select(func.count(User.id))))


def _validate_account(username: str, display_name: str, password: str | None) -> tuple[str, str]:
    username = clean_text(username, field="username", max_len=40, required=True).lower()
    if not username.replace("_", "").replace(".", "").isalnum() or not username.isascii():
        raise ValidationError(N_("A user name uses letters, digits, '.' and '_' only."),
                              field="username")
    display_name = clean_text(display_name, field="display_name", max_len=40, required=True)
    if password is not None and len(password) < MIN_PASSWORD:
        raise ValidationError(N_("A password needs at least {n} characters."),
                              field="password", n=MIN_PASSWORD)
    if password is not None:
        check_characters(password, field="password")
    return username, display_name


def _staff_phone(phone: str) -> str:
    """A staff member's phone (optional): a real number, as short as its column."""
    if not phone.strip():
        return ""
    display = normalise_phone(phone, field="phone")[0]
    return clean_text(display, field="phone", max_len=column_limit(User.phone))


def _insert_user(session: Session, username: str, display_name: str, role: Role,
                 password: str, phone: str = "", branch_id: int | None = None) -> User:
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise ValidationError(N_("The user name {name} is taken."), field="username",
                              name=username)
    user = User(username=username, display_name=display_name, role=role.value,
                phone=phone, password_hash=_hasher.hash(password), branch_id=branch_id)
    session.add(user)
    session.flush()
    return user


def create_first_admin(db: Database, *, username: str, display_name: str, password: str) -> UserDTO:
    """First start: create the admin account. Refused once any account exists."""
    username, display_name = _validate_account(username, display_name, password)
    with db.write(None, reason="first start") as session:
        if session.scalar(select(func.count(User.id))):
            raise ValidationError(N_("An administrator already exists."), field="username")
        user = _insert_user(session, username, display_name, Role.ADMIN, password)
        return _dto(user, system_clock())


def create_user(ctx: ServiceContext, *, username: str, display_name: str, role: Role,
                password: str, phone: str = "", branch_id: int | None = None) -> UserDTO:
    """``branch_id``: the branch the user works in (None: the service department); a branch's
    administrator creates users of their own branch only (None there means their own)."""
    require(ctx.actor, Perm.USERS_MANAGE)
    own = ctx.actor.branch_id
    if own is not None:
        if branch_id is not None and branch_id != own:
            raise PermissionDenied(N_("create an account in another branch"))
        branch_id = own
    username, display_name = _validate_account(username, display_name, password)
    phone = _staff_phone(phone)
    with ctx.write() as session:
        _check_branch(session, branch_id)
        return _dto(_insert_user(session, username, display_name, role, password, phone,
                                 branch_id), ctx.now())


def _check_branch(session: Session, branch_id: int | None) -> None:
    """A user's branch must exist and be open (None: the service department)."""
    if branch_id is None:
        return
    branch = session.get(Branch, branch_id)
    if branch is None:
        raise ValidationError(N_("Choose the branch the account works in."), field="branch")
    if not branch.active:
        raise ValidationError(N_("The branch {name} is closed: reopen it first."),
                              field="branch", name=branch.name)


def _managed(ctx: ServiceContext, user: User) -> None:
    """A branch's people manage only their own branch's accounts (the service department's
    are visible to them, never theirs to change)."""
    own = ctx.actor.branch_id
    if own is not None and user.branch_id != own:
        raise PermissionDenied(N_("change an account of another branch"))


@dataclass(frozen=True)
class NewAccount:
    """One account of a batch (the first start's staff step); ``key`` prefixes the field
    names of its errors ("clerk.username")."""

    key: str
    username: str
    display_name: str
    role: Role
    password: str
    phone: str = ""


def create_users(ctx: ServiceContext, accounts: Sequence[NewAccount]) -> list[UserDTO]:
    """Create several accounts in one transaction: all of them or, on a bad one, none (its
    error names the field as ``key.field``). The same rules as ``create_user``.

    They are the store's counter staff (the first start's set-up): they work in the actor's
    branch or, for the service department's administrator (the first admin of a new store),
    in the store's first branch; the administrator alone stays in the service department."""
    require(ctx.actor, Perm.USERS_MANAGE)
    branch_id = ctx.actor.branch_id if ctx.actor.branch_id is not None else FIRST_BRANCH_ID
    checked = []
    for account in accounts:
        try:
            username, display_name = _validate_account(account.username, account.display_name,
                                                       account.password)
            phone = _staff_phone(account.phone)
        except ValidationError as err:
            raise _keyed(err, account.key) from None
        checked.append((account, username, display_name, phone))
    names = [username for _, username, _, _ in checked]
    for (account, username, _, _), earlier in zip(checked, range(len(checked)), strict=True):
        if username in names[:earlier]:
            raise ValidationError(N_("The user name {name} is taken."),
                                  field=f"{account.key}.username", name=username)
    with ctx.write() as session:
        _check_branch(session, branch_id)
        made = []
        for account, username, display_name, phone in checked:
            try:
                user = _insert_user(session, username, display_name, account.role,
                                    account.password, phone, branch_id)
            except ValidationError as err:
                raise _keyed(err, account.key) from None
            made.append(_dto(user, ctx.now()))
        return made


def _keyed(err: ValidationError, key: str) -> ValidationError:
    return ValidationError(err.message, field=f"{key}.{err.field or 'username'}", **err.params)


def list_users(ctx: ServiceContext, *, include_inactive: bool = False,
               managed_only: bool = False) -> list[UserDTO]:
    """The accounts the actor may see (a branch sees its own and the service department's);
    ``managed_only``: those the actor manages (a branch's administrator: their branch's)."""
    with ctx.read() as session:
        query = select(User).order_by(User.role, User.display_name)
        if not include_inactive:
            query = query.where(User.active.is_(True))
        if managed_only and ctx.actor.branch_id is not None:
            query = query.where(User.branch_id == ctx.actor.branch_id)
        return [_dto(u, ctx.now()) for u in session.scalars(query)]


KEEP: Literal["keep"] = "keep"


def update_user(ctx: ServiceContext, user_id: int, *, display_name: str, role: Role,
                phone: str, active: bool, expected_version: int,
                branch_id: int | Literal["keep"] | None = KEEP) -> UserDTO:
    """``branch_id``: move the account to a branch (None: the service department); only the
    service department's administrators move accounts, and never their own."""
    require(ctx.actor, Perm.USERS_MANAGE)
    display_name = clean_text(display_name, field="display_name", max_len=40, required=True)
    phone = _staff_phone(phone)
    with ctx.write() as session:
        user = _get(session, user_id)
        _managed(ctx, user)
        check_version(session, user, expected_version)
        if branch_id != KEEP and branch_id != user.branch_id:
            if ctx.actor.branch_id is not None:
                raise PermissionDenied(N_("move an account to another branch"))
            if user.id == ctx.actor.user_id:
                raise ValidationError(N_("Your own account stays where it is; another "
                                         "administrator can move it."), field="branch")
            _check_branch(session, branch_id)
            user.branch_id = branch_id
        user.display_name, user.role, user.phone, user.active = (
            display_name, role.value, phone, active)
        session.flush()
        return _dto(user, ctx.now())


def set_password(ctx: ServiceContext, user_id: int, *, password: str) -> None:
    """Admins reset anyone's password; every user may change their own."""
    if user_id != ctx.actor.user_id:
        require(ctx.actor, Perm.USERS_MANAGE)
    if len(password) < MIN_PASSWORD:
        raise ValidationError(N_("A password needs at least {n} characters."),
                              field="password", n=MIN_PASSWORD)
    check_characters(password, field="password")
    with ctx.write(action="password") as session:
        user = _get(session, user_id)
        if user_id != ctx.actor.user_id:
            _managed(ctx, user)
        user.password_hash = _hasher.hash(password)
        record_event(session, table="users", row_key=str(user_id), action="password")


def unlock(ctx: ServiceContext, user_id: int) -> None:
    """A supervisor (or admin) lifts a lock-out."""
    require(ctx.actor, Perm.DISPATCH)
    with ctx.write() as session:
        user = _get(session, user_id)
        _managed(ctx, user)
        user.locked_until, user.failed_logins, user.first_failed_at = None, 0, None
        record_event(session, table="users", row_key=str(user_id), action="unlock")


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(N_("No such user."))
    return user


_REFUSED = N_("Wrong user name or password, or the account is locked for a while.")


def log_in(db: Database, username: str, password: str, *, workstation: str = "",
           now: datetime | None = None) -> Actor:
    """Check the password; count failures; lock after MAX_FAILURES within the window."""
    now = now or system_clock()
    username = username.strip().lower()
    if not _storable(username, password):  # no account has such a name: refused, not crashed
        raise AuthError(_REFUSED, field="password")
    with db.write(None) as session:
        # Locked: the same account logging in on several PCs at once takes turns, so the
        # failure count and the last log-in are never written over (nor refused as stale).
        user = session.scalar(select(User).where(User.username == username)
                              .with_for_update(**NO_KEY_UPDATE))
        ok = user is not None and user.active and _password_ok(user, password, now)
        closed = _closed_branch(session, user) if ok else None
        who = _audit_who(user, username, workstation)
        session.info["audit"] = who
        record_event(session, table="users", row_key=str(user.id) if user else username,
                     action="login" if ok and closed is None else "login_failed",
                     detail="branch closed" if closed is not None else "")
        if ok and user is not None and closed is None:
            user.failed_logins, user.first_failed_at, user.last_login_at = 0, None, now
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            actor = Actor(user.id, user.username, user.display_name, Role(user.role), workstation,
                          user.branch_id)
    if closed is not None:  # the right password: the person may know why
        raise AuthError(N_("Your branch {name} is closed; ask the service department."),
                        field="username", name=closed)
    if not ok:
        raise AuthError(_REFUSED, field="password")
    return actor


def _closed_branch(session: Session, user: User | None) -> str | None:
    """The name of the user's branch if it is closed (its people cannot log in)."""
    if user is None or user.branch_id is None:
        return None
    branch = session.get(Branch, user.branch_id)
    return branch.name if branch is not None and not branch.active else None


def _storable(username: str, password: str) -> bool:
    try:
        clean_text(username, field="username", max_len=column_limit(User.username))
        check_characters(password, field="password")
    except ValidationError:
        return False
    return True


def _password_ok(user: User, password: str, now: datetime) -> bool:
    if user.locked_until is not None and user.locked_until > now:
        return False
    try:
        _hasher.verify(user.password_hash, password)
        return True
    except (VerificationError, InvalidHashError):
        _count_failure(user, now)
        return False


def _count_failure(user: User, now: datetime) -> None:
    if user.first_failed_at is None or now - user.first_failed_at > FAILURE_WINDOW:
        user.first_failed_at, user.failed_logins = now, 0
    user.failed_logins += 1
    if user.failed_logins >= MAX_FAILURES:
        user.locked_until = now + LOCK_TIME
        user.failed_logins, user.first_failed_at = 0, None


def _audit_who(user: User | None, username: str, workstation: str) -> object:
    if user is None:
        return AuditContext(None, username[:40], "", workstation)
    return AuditContext(user.id, user.username, user.role, workstation)
