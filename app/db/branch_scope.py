"""The branch wall, in one place: a branch's people see and change only their branch's rows.

``ServiceContext`` puts the actor's branch on every session it opens
(``session.info[BRANCH_KEY]``; None: the service department, or a one-store database's
command line, which see every branch). Two session events then hold every ORM statement to
it (SQLAlchemy's "global filter" recipe):

- ``do_orm_execute`` adds ``with_loader_criteria(BranchOwned, branch_id == …)`` to every
  ORM SELECT, UPDATE and DELETE, joins and aliases included (and shows a branch's people
  only their branch's staff and the service department's);
- ``before_flush`` stamps the branch on new records and refuses a change to another
  branch's record (one loaded past the filter, or a branch set by hand).

Core statements on a connection (``ServiceContext.query``, ``session.connection()``) do
not pass through the ORM events: they take ``branch_clause`` explicitly (the connection
of ``ServiceContext.query`` carries the branch in ``info`` as a session does).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, event, inspect, or_, true
from sqlalchemy.orm import MANYTOONE, ORMExecuteState, Session, with_loader_criteria

from app.errors import PermissionDenied
from app.i18n import N_
from app.models.base import Base as BranchOwnedBase
from app.models.branch import BranchOwned
from app.models.staff import User

BRANCH_KEY = "branch_id"

_installed = False


def install_branch_scope() -> None:
    """Register the events once per process for every Session."""
    global _installed
    if _installed:
        return
    event.listen(Session, "do_orm_execute", _scope_statement)
    event.listen(Session, "before_flush", _stamp_and_check)
    _installed = True


def branch_of(holder: Session | Connection) -> int | None:
    """The branch a session or connection acts for (None: every branch)."""
    value = holder.info.get(BRANCH_KEY)
    return int(value) if value is not None else None


def branch_clause(owned: type[BranchOwned],
                  holder: Session | Connection) -> ColumnElement[bool]:
    """The branch condition on ``owned`` for a Core statement (true() for every branch)."""
    branch = branch_of(holder)
    if branch is None:
        return true()
    return owned.branch_id == branch


def owned_model(table: str) -> type[BranchOwned] | None:
    """The branch-owned model of a table name (None: the table has no branch)."""
    for mapper in BranchOwnedBase.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__tablename__", None) == table and issubclass(cls, BranchOwned):
            return cls
    return None


def visible(session: Session, table: str, row_key: str) -> bool:
    """Whether the session's branch may see the record ``row_key`` of ``table`` (as the
    audit trail names it): a record of a table with no branch always is."""
    model = owned_model(table)
    if model is None or branch_of(session) is None:
        return True
    if not row_key.isdigit():
        return False
    return session.get(model, int(row_key)) is not None


def _scope_statement(state: ORMExecuteState) -> None:
    branch = branch_of(state.session)
    if branch is None or state.is_column_load or state.is_relationship_load:
        return
    if not (state.is_select or state.is_update or state.is_delete):
        return
    state.statement = state.statement.options(
        with_loader_criteria(BranchOwned, lambda cls: cls.branch_id == branch,
                             include_aliases=True),
        # staff: the branch's own and the service department's (lists of technicians,
        # whom a voucher or a card may go to)
        with_loader_criteria(User, lambda cls: or_(cls.branch_id == branch,
                                                   cls.branch_id.is_(None)),
                             include_aliases=True))


def _stamp_and_check(session: Session, _context: Any, _instances: Any) -> None:
    branch = branch_of(session)
    if branch is None:
        _inherit_branch(session)
        return
    for obj in session.new:
        if isinstance(obj, BranchOwned):
            if obj.branch_id is None:
                obj.branch_id = branch
            elif obj.branch_id != branch:
                raise _refused()
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, BranchOwned) and obj.branch_id != branch:
            raise _refused()


def _inherit_branch(session: Session) -> None:
    """A session of every branch (the service department) writing a record for a branch's
    customer, call or bill: the new record belongs to that record's branch, not to the
    first branch the column defaults to (a survey card for branch 02's call is branch 02's)."""
    pending = [obj for obj in session.new
               if isinstance(obj, BranchOwned) and obj.branch_id is None]
    with session.no_autoflush:
        for _ in range(3):  # a new record may hang on another new record of this flush
            waiting = []
            for obj in pending:
                parent = _parent_branch(session, obj)
                if parent is None:
                    waiting.append(obj)
                else:
                    obj.branch_id = parent
            if len(waiting) == len(pending):
                break
            pending = waiting


def _parent_branch(session: Session, obj: Any) -> int | None:
    """The branch of the first branch-owned record ``obj`` refers to, if any is known."""
    mapper = inspect(obj).mapper
    for relation in mapper.relationships:
        if relation.direction is MANYTOONE:
            loaded = obj.__dict__.get(relation.key)
            if isinstance(loaded, BranchOwned) and loaded.branch_id is not None:
                return int(loaded.branch_id)
    for column in mapper.local_table.columns:
        for key in column.foreign_keys:
            model = owned_model(key.column.table.name)
            if model is None:
                continue
            value = getattr(obj, mapper.get_property_by_column(column).key, None)
            if value is None:
                continue
            parent = session.get(model, value)
            if parent is not None and parent.branch_id is not None:
                return int(parent.branch_id)
    return None


def _refused() -> PermissionDenied:
    return PermissionDenied(N_("a record of another branch"))
