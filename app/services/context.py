"""Who acts, on which database, at what time: passed to every service call."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.db.branch_scope import BRANCH_KEY
from app.db.database import AuditContext, Database
from app.models.audit import AuditEntry
from app.models.enums import Role
from app.services.validation import STORE_TZ, clean_text, column_limit

DEFAULT_TZ = STORE_TZ


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Actor:
    """The logged-in user, as the services see them."""

    user_id: int | None
    username: str
    display_name: str
    role: Role
    workstation: str = ""
    # The branch the user works in; None: the service department (服务部), which sees all.
    branch_id: int | None = None

    def audit(self) -> AuditContext:
        return AuditContext(self.user_id, self.username, self.role.value, self.workstation)


SYSTEM = Actor(None, "system", "system", Role.ADMIN, "")


@dataclass
class ServiceContext:
    db: Database
    actor: Actor
    tz: ZoneInfo = field(default_factory=lambda: ZoneInfo(DEFAULT_TZ))
    clock: Callable[[], datetime] = system_clock

    def now(self) -> datetime:
        """Current time, aware, UTC."""
        return self.clock().astimezone(UTC)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def today(self) -> date:
        """The store's local date."""
        return self.local(self.now()).date()

    @contextmanager
    def write(self, *, reason: str | None = None, action: str | None = None) -> Iterator[Session]:
        """One unit of work on behalf of the actor; ``action`` names it on the audit trail.

        The ``reason`` goes on every audit row of the unit: refused (before anything is
        written) if it cannot be stored there, like any text a user types."""
        if reason:
            reason = clean_text(reason, field="reason", max_len=column_limit(AuditEntry.reason))
        with self.db.write(self.actor.audit(), reason=reason) as session:
            session.info[BRANCH_KEY] = self.actor.branch_id
            if action:
                session.info["action"] = action
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.db.read() as session:
            session.info[BRANCH_KEY] = self.actor.branch_id
            yield session

    @contextmanager
    def query(self) -> Iterator[Connection]:
        """A Core connection for a short read of a hot list (``Database.query``)."""
        with self.db.query() as conn:
            conn.info[BRANCH_KEY] = self.actor.branch_id  # read by branch_scope.branch_of
            try:
                yield conn
            finally:
                conn.info.pop(BRANCH_KEY, None)  # the GUI thread's connection is kept
