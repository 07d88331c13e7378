"""A form's one-time token, saved in the same transaction as the record it made.

The form makes the token when it opens and sends it with every save. A save whose commit
outcome is unknown (the link broke during the commit, ``ServerUnreachableError.maybe_saved``)
is simply saved again: if the first one was kept, ``already_saved`` finds its record and the
service returns it instead of recording it a second time.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.db.database import RETRY_SAFE
from app.models.tokens import ActionToken


def new_token() -> str:
    return str(uuid.uuid4())


def already_saved(session: Session, token: str | None, kind: str) -> int | None:
    """The id of the record saved with this token, or None (no token, or not saved yet)."""
    if not token:
        return None
    found = session.get(ActionToken, token)
    return found.record_id if found is not None and found.kind == kind else None


def note_saved(session: Session, token: str | None, kind: str, record_id: int) -> None:
    """Record the token with the record, inside the action's transaction."""
    if token:
        session.add(ActionToken(token=token, kind=kind, record_id=record_id))
        session.flush()
        session.info[RETRY_SAFE] = True
