"""The demo store: a believable shop generated step by step (each issue adds its step).

``generate`` runs the steps of ``app.demo.steps.STEPS`` in order on one ``DemoContext``
(contract in ``app.demo.core``). Each step writes in batches, one transaction each, so a
cancelled run leaves a consistent database holding the batches committed so far; we do not
generate into a temporary file because the generator must also fill an open database (the
GUI's) and PostgreSQL URLs, where there is no file to move into place.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.db.database import Database
from app.demo.core import CancelFn, Cancelled, DemoContext, ProgressFn, Step
from app.models.calls import Call
from app.models.customers import Customer
from app.models.staff import User
from app.services.context import DEFAULT_TZ

DEFAULT_SEED = 2611


@dataclass(frozen=True)
class DemoSummary:
    counts: dict[str, int]
    seconds: float
    cancelled: bool = False


def holds_data(db: Database) -> bool:
    """The store already has people, customers or calls (a demo is built only into an empty
    file)."""
    with db.read() as session:
        return any(session.scalar(select(func.count()).select_from(model)) for model in
                   (User, Customer, Call))


def generate(db: Database, *, calls: int, seed: int = DEFAULT_SEED,
             progress: ProgressFn | None = None, cancel: CancelFn | None = None,
             now: datetime | None = None) -> DemoSummary:
    """Fill ``db`` with a demo store of ``calls`` calls; ``progress(done, 1000, message)``.

    Returns the summary; on cancellation the summary says ``cancelled`` and the database
    keeps the committed batches.
    """
    from app.demo.steps import STEPS

    started = time.perf_counter()
    dc = DemoContext(db=db, rng=random.Random(seed), now=(now or datetime.now(UTC)),
                     tz=ZoneInfo(DEFAULT_TZ), calls=calls, cancel=cancel or (lambda: False))
    try:
        _run_steps(dc, STEPS, progress)
    except Cancelled:
        return DemoSummary(dict(dc.counts), time.perf_counter() - started, cancelled=True)
    return DemoSummary(dict(dc.counts), time.perf_counter() - started)


def _run_steps(dc: DemoContext, steps: list[Step], progress: ProgressFn | None) -> None:
    total = sum(step.weight for step in steps) or 1
    before = 0
    for step in steps:
        def scaled(fraction: float, message: str, _start: int = before,
                   _step: Step = step) -> None:
            if progress is not None:
                done = int(1000 * (_start + _step.weight * fraction) / total)
                progress(done, 1000, f"{_step.name}: {message}" if message else _step.name)

        dc.on_progress = scaled
        dc.check_cancel()
        scaled(0.0, "")
        step.run(dc)
        scaled(1.0, "")
        before += step.weight


__all__ = ["Cancelled", "DemoContext", "DemoSummary", "Step", "generate"]
