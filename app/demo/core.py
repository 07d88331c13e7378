"""The demo generator's shared state (``DemoContext``) and the contract every step follows.

The step contract
-----------------
A step is one module in ``app/demo/`` that defines ``STEP = Step(name, run, weight)`` and is
listed once in ``app/demo/steps.py`` (one import + one list entry). ``generate`` runs the
steps in list order, each exactly once, with the same ``DemoContext``:

``run(dc: DemoContext) -> None``
    * Writes in **batches**: ``with dc.batch() as session:`` is one transaction (BEGIN
      IMMEDIATE on SQLite) that commits on leaving the block. Make every batch consistent
      on its own (a job with its voucher and its counter reservation, never half of it):
      a cancelled run keeps every committed batch and nothing else. Keep batches to a few
      thousand rows.
    * ``dc.batch()`` checks for cancellation before it opens; long loops also call
      ``dc.check_cancel()``. Do not catch ``Cancelled``.
    * Reports progress with ``dc.report(done, total, message)`` (step-local counts; the
      generator scales them into the overall bar).
    * Bulk rows go in with SQLAlchemy Core (``session.execute(insert(Model), rows)``), not
      one service call per row: the demo builds 200,000 calls in a few minutes. Core inserts
      bypass the ORM audit hook on purpose (the demo is not a user's action); record one
      ``record_event`` per step if the step wants a trace. Use a service call (through
      ``dc.ctx[Role.X]``) where the step creates only a handful of records and the service
      does real work (e.g. log-ins).
    * Document numbers: ``reserve_block(session, series, period, count)`` +
      ``format_number(series, period, serial, dc.branch_code)`` inside the batch that
      inserts the documents (gap-free, in time order per month, per branch).
    * Branches (``demo --branches N``): ``generate`` runs every step once per branch, each
      time on a fresh ``DemoContext`` of that branch (``dc.branch_id``, ``dc.branch_code``;
      its people in ``dc.ctx``). Read with ``dc.read()`` (the branch's rows only), never
      ``dc.db.read()``; ``dc.batch()`` stamps the branch on bulk inserts. Find staff by
      role (``dc.user_of(Role.X)``), not by user name. Shared lists (zones, models, parts)
      exist already when a later branch runs: reuse them.
    * Times are aware UTC (``dc.utc(local_naive)`` converts store-local wall-clock times);
      ``dc.now`` is the moment the demo treats as "now"; ``dc.today`` the store-local date.
      Nothing is ever dated after ``dc.now``.
    * Randomness only from ``dc.rng`` (seeded): the same seed gives the same store.
    * Shares what later steps need through the typed id lists below or ``dc.extras`` (keys
      prefixed with the step name, e.g. ``extras["dispatch.voucher_ids"]``), and adds its
      figures to ``dc.counts`` (shown in the summary, e.g. ``counts["vouchers"] = 1234``).

``generate`` runs on a database without business data (the ``demo`` command refuses one
that holds data, or with ``--force`` moves the file aside first), so a step need not cope
with an earlier demo in the same database.

What the foundation steps leave behind (in ``steps.py`` order: staff, store, catalogue,
customers, calls):
    * ``dc.ctx[role]``: a ``ServiceContext`` acting as the demo user of each ``Role``;
      ``dc.user_ids[username]``; ``dc.technician_ids`` (user ids of role technician).
    * ``dc.zone_ids``: zone name → id (district zones of kind city/suburb);
      ``dc.model_ids``: product model ids.
    * ``dc.customer_ids``, ``dc.item_ids``; ``dc.call_ids`` in received order.
    * ``dc.extras``: ``"staff.clerk_ids"`` (user ids), ``"catalogue.models"`` (model id →
      (code, name, category, warranty months, brand)), ``"customers.info"`` (customer id →
      (name, phone digits tuple, zone id)), ``"customers.items"`` (list of (purchase date,
      item id, customer id, model id, serial), sorted by purchase date).
    * Calls older than ``OPEN_DAYS`` days are ``closed`` (``closed_at`` set) or ``cancelled``
      (with a reason); recent ones are mostly ``registered``. Later steps (dispatch, carry-in,
      money, complaints) give the closed calls their history and may change their statuses.
"""

from __future__ import annotations

import contextvars
import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Insert, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.db.branch_scope import BRANCH_KEY
from app.db.database import AuditContext, Database
from app.models.enums import Role
from app.services.calendar_service import BusinessCalendar, load_calendar
from app.services.context import ServiceContext

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]

DEMO_WHO = AuditContext(None, "demo", "admin", "demo")
OPEN_DAYS = 7  # calls newer than this may still be open


# The branch the demo rows being written belong to (None: the first branch, the columns'
# default). Bulk Core inserts pass no ORM event, so ``_stamp_branch`` puts it on their rows.
_WRITING_BRANCH: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "demo_branch", default=None)


def install_branch_stamp(engine: Engine) -> None:
    """Stamp the branch being built on the rows of every bulk insert into a branch table."""
    if not event.contains(engine, "before_execute", _stamp_branch):
        event.listen(engine, "before_execute", _stamp_branch, retval=True)


def _stamp_branch(_conn: Any, element: Any, multiparams: Any, params: Any,
                  _options: Any) -> tuple[Any, Any, Any]:
    branch = _WRITING_BRANCH.get()
    if branch is None or not isinstance(element, Insert):
        return element, multiparams, params
    if "branch_id" not in element.table.c:
        return element, multiparams, params

    def stamped(row: Any) -> Any:
        return {**row, "branch_id": branch} if row.get("branch_id") is None else row

    if multiparams:
        return element, [stamped(row) for row in multiparams], params
    return element, multiparams, stamped(params)


class Cancelled(Exception):
    """The user cancelled the demo; every committed batch stays, consistent."""


def _last_open_moment(cal: BusinessCalendar, now: datetime) -> datetime:
    """The latest moment at or before ``now`` (store-local) when the store was open."""
    day = now.date()
    for _ in range(400):
        hours = cal.hours_on(day)
        if hours is not None:
            opens = datetime.combine(day, hours[0], tzinfo=now.tzinfo)
            if opens <= now:
                return min(now, datetime.combine(day, hours[1], tzinfo=now.tzinfo))
        day -= timedelta(days=1)
    return now


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[DemoContext], None]
    weight: int = 1  # share of the overall progress bar


@dataclass
class DemoContext:
    """Everything a demo step needs; see the module docstring for the contract."""

    db: Database
    rng: random.Random
    now: datetime
    tz: ZoneInfo
    calls: int  # the number of calls asked for (this branch's share)
    # The branch being built: None for the first (a single store: as before), else its id,
    # and the code its document numbers carry ("" for the first).
    branch_id: int | None = None
    branch_code: str = ""
    ctx: dict[Role, ServiceContext] = field(default_factory=dict)
    user_ids: dict[str, int] = field(default_factory=dict)
    technician_ids: list[int] = field(default_factory=list)
    zone_ids: dict[str, int] = field(default_factory=dict)
    model_ids: list[int] = field(default_factory=list)
    customer_ids: list[int] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)
    call_ids: list[int] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    on_progress: Callable[[float, str], None] = lambda _fraction, _message: None
    cancel: CancelFn = lambda: False
    _calendar: BusinessCalendar | None = None

    def calendar(self) -> BusinessCalendar:
        """The store's business calendar (read once, after the store step set it up)."""
        if self._calendar is None:
            with self.db.read() as session:
                self._calendar = load_calendar(session, self.tz)
        return self._calendar

    def in_hours(self, moment: datetime, *, spread: int = 420) -> datetime:
        """``moment`` as a store would have it: unchanged inside business hours, else the next
        opening plus up to ``spread`` working minutes (by default anywhere in that day);
        never after ``now`` (then the last business moment before it). Counter work,
        returns, closings and payments go through this."""
        cal = self.calendar()
        moved = cal.add_minutes(moment, 0)
        if moved != moment:
            moved = cal.add_minutes(moved, self.rng.randint(5, max(5, spread)))
        if moved > self.now:
            moved = _last_open_moment(cal, self.now.astimezone(self.tz))
        return moved.astimezone(UTC)

    def user_of(self, role: Role) -> int | None:
        """The user id of the branch's demo user of ``role`` (the first one of it)."""
        ctx = self.ctx.get(role)
        return ctx.actor.user_id if ctx is not None else None

    @property
    def today(self) -> date:
        """The store-local date of ``now``."""
        return self.now.astimezone(self.tz).date()

    def utc(self, local: datetime) -> datetime:
        """A store-local wall-clock time (naive or aware) as aware UTC."""
        aware = local if local.tzinfo else local.replace(tzinfo=self.tz)
        return aware.astimezone(UTC)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.tz)

    def report(self, done: int, total: int, message: str = "") -> None:
        """Progress inside the current step (``done`` of ``total``)."""
        self.on_progress(min(1.0, done / total) if total else 1.0, message)

    def check_cancel(self) -> None:
        if self.cancel():
            raise Cancelled()

    @contextmanager
    def batch(self, *, reason: str = "demo") -> Iterator[Session]:
        """One transaction of demo rows, of the branch being built; checks for cancellation
        first."""
        self.check_cancel()
        with self.db.write(DEMO_WHO, reason=reason) as session:
            session.info[BRANCH_KEY] = self.branch_id
            token = _WRITING_BRANCH.set(self.branch_id)
            try:
                yield session
            finally:
                _WRITING_BRANCH.reset(token)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read of the branch being built (its rows only)."""
        with self.db.read() as session:
            session.info[BRANCH_KEY] = self.branch_id
            yield session

    def add_count(self, key: str, n: int) -> None:
        self.counts[key] = self.counts.get(key, 0) + n
