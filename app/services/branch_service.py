"""Branches (分公司): the service department (服务部, a user of no branch) opens, renames,
closes and reopens them, and lists them; everyone else sees only their own. A closed branch's
people cannot log in; its records stay."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.locking import lock_name
from app.errors import NotFound, PermissionDenied, ValidationError
from app.i18n import N_
from app.models.branch import FIRST_BRANCH_ID, Branch
from app.models.enums import StoreKind
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.reference_service import copy_zones
from app.services.validation import check_version, clean_text, column_limit

CODE_SHAPE = re.compile(r"\d{2}")  # printed in the branch's document numbers: C02-2612-0001


@dataclass(frozen=True)
class BranchDTO:
    id: int
    code: str
    name: str
    kind: StoreKind
    active: bool
    version: int = 0


def _dto(row: Branch) -> BranchDTO:
    kind = row.kind if row.kind in set(StoreKind) else StoreKind.BRANCH
    return BranchDTO(row.id, row.code, row.name, StoreKind(kind), row.active, row.version)


def _office_only(ctx: ServiceContext, what: str) -> None:
    """Only the service department's administrators manage branches."""
    require(ctx.actor, Perm.USERS_MANAGE)
    if ctx.actor.branch_id is not None:
        raise PermissionDenied(what)


def _name(name: str) -> str:
    return clean_text(name, field="name", max_len=column_limit(Branch.name), required=True)


def create_branch(ctx: ServiceContext, *, code: str, name: str,
                  kind: StoreKind = StoreKind.BRANCH) -> BranchDTO:
    """Open a branch; only the service department's administrators may."""
    _office_only(ctx, N_("open a branch"))
    code = code.strip()
    if not code:
        raise ValidationError(N_("Enter the branch code (two digits, like 02)."), field="code")
    if not CODE_SHAPE.fullmatch(code):
        raise ValidationError(N_("A branch code is two digits, like 02."), field="code")
    name = _name(name)
    with ctx.write(action="branch.create") as session:
        lock_name(session, f"branch:{code}")  # two offices opening one code: the second is told
        if session.scalar(select(Branch.id).where(Branch.code == code)) is not None:
            raise ValidationError(N_("The branch code {code} is taken."), field="code",
                                  code=code)
        row = Branch(code=code, name=name, kind=kind.value)
        session.add(row)
        session.flush()
        copy_zones(session, FIRST_BRANCH_ID, row.id)  # its own zones, the company's to start
        return _dto(row)


def list_branches(ctx: ServiceContext) -> list[BranchDTO]:
    """Every branch for the service department; a branch's people see their own."""
    with ctx.read() as session:
        query = select(Branch).order_by(Branch.code)
        if ctx.actor.branch_id is not None:
            query = query.where(Branch.id == ctx.actor.branch_id)
        return [_dto(row) for row in session.scalars(query)]


def rename_branch(ctx: ServiceContext, branch_id: int, *, name: str,
                  expected_version: int) -> BranchDTO:
    """Give a branch a new name (its code, in its numbers, stays)."""
    _office_only(ctx, N_("rename a branch"))
    name = _name(name)
    with ctx.write(action="branch.rename") as session:
        row = _get(session, branch_id)
        check_version(session, row, expected_version)
        row.name = name
        session.flush()
        return _dto(row)


def set_active(ctx: ServiceContext, branch_id: int, *, active: bool,
               expected_version: int) -> BranchDTO:
    """Close a branch (its people can no longer log in; its records stay) or reopen it."""
    _office_only(ctx, N_("close or reopen a branch"))
    with ctx.write(action="branch.open" if active else "branch.close") as session:
        row = _get(session, branch_id)
        check_version(session, row, expected_version)
        row.active = active
        session.flush()
        return _dto(row)


def _get(session: Session, branch_id: int) -> Branch:
    row = session.get(Branch, branch_id)
    if row is None:
        raise NotFound(N_("No such branch."))
    return row
