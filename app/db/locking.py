"""Row locks for check-then-write: a unit of work holds what it checked until it commits.

PostgreSQL's default READ COMMITTED lets two counters read the same "paid so far" and both
write (38 of 40 rounds in DATA-SAFETY.md). Locking the parent row (``SELECT … FOR NO KEY
UPDATE``) makes the second wait for the first to commit; its next statement then sees the
first one's work. FOR NO KEY UPDATE, not FOR UPDATE: inserting a child row (a payment under
the bill) still proceeds, only other check-then-writes on the same parent wait.
SQLite needs none of it: ``BEGIN IMMEDIATE`` already lets one writer in at a time.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

T = TypeVar("T")
NO_KEY_UPDATE: dict[str, Any] = {"key_share": True}


def row_locks(session: Session) -> bool:
    """True when the database needs explicit row locks (PostgreSQL)."""
    return session.get_bind().dialect.name == "postgresql"


def get_locked(session: Session, model: type[T], ident: Any) -> T | None:
    """``session.get`` that holds the row until the unit of work ends, as last committed."""
    if not row_locks(session):
        return session.get(model, ident)
    return session.get(model, ident, with_for_update=NO_KEY_UPDATE, populate_existing=True)


def lock(session: Session, obj: object) -> None:
    """Hold an already loaded record's row, reloading it as last committed.

    Call it before looking at what the decision depends on; unsaved changes on ``obj``
    are discarded, so lock first, then change.
    """
    if row_locks(session):
        session.refresh(obj, with_for_update=NO_KEY_UPDATE)


def lock_name(session: Session, *names: str) -> None:
    """Serialise check-then-inserts with no row to lock yet (a first entry for a key, a
    batch): a transaction-scoped advisory lock per name, taken in a fixed order."""
    if not row_locks(session):
        return
    for name in sorted(set(names)):
        session.execute(select(func.pg_advisory_xact_lock(func.hashtext(name))))
