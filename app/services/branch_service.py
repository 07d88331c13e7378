"""Branches (分公司): the service department (服务部, a user of no branch) opens them and lists
them; everyone else sees only their own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from app.errors import PermissionDenied, ValidationError
from app.i18n import N_
from app.models.branch import FIRST_BRANCH_ID, Branch
from app.models.enums import StoreKind
from app.services.context import ServiceContext
from app.services.permissions import Perm, require
from app.services.reference_service import copy_zones
from app.services.validation import clean_text, column_limit

CODE_SHAPE = re.compile(r"\d{2}")  # printed in the branch's document numbers: C02-2612-0001


@dataclass(frozen=True)
class BranchDTO:
    id: int
    code: str
    name: str
    kind: StoreKind
    active: bool


def _dto(row: Branch) -> BranchDTO:
    kind = row.kind if row.kind in set(StoreKind) else StoreKind.BRANCH
    return BranchDTO(row.id, row.code, row.name, StoreKind(kind), row.active)


def create_branch(ctx: ServiceContext, *, code: str, name: str,
                  kind: StoreKind = StoreKind.BRANCH) -> BranchDTO:
    """Open a branch; only the service department's administrators may."""
    require(ctx.actor, Perm.USERS_MANAGE)
    if ctx.actor.branch_id is not None:
        raise PermissionDenied(N_("open a branch"))
    code = code.strip()
    if not CODE_SHAPE.fullmatch(code):
        raise ValidationError(N_("A branch code is two digits, like 02."), field="code")
    name = clean_text(name, field="name", max_len=column_limit(Branch.name), required=True)
    with ctx.write(action="branch.create") as session:
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
