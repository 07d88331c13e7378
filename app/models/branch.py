"""Branches (分公司): every business record belongs to one; staff belong to one, or to the
service department (服务部, ``User.branch_id`` NULL), which sees them all.

A single store is branch 1 (code "01"): the migration that brought branches made every
record of an existing store its first branch, and a record written without a branch lands
there too (the column's server default), so a one-store database works as before.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.models.base import Base, Timestamped, Versioned

FIRST_BRANCH_ID = 1
FIRST_BRANCH_CODE = "01"


class Branch(Versioned, Timestamped, Base):
    __tablename__ = "branches"
    __audited__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(4), unique=True)  # "01", printed in numbers
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(16), default="branch")  # StoreKind
    active: Mapped[bool] = mapped_column(default=True)


class BranchOwned:
    """A record that belongs to one branch. The session events of ``app.db.branch_scope``
    show a branch's people only their branch's rows and stamp the branch on new ones."""

    @declared_attr
    def branch_id(cls) -> Mapped[int]:
        return mapped_column(ForeignKey("branches.id"), index=True, nullable=False,
                             server_default=text(str(FIRST_BRANCH_ID)))
