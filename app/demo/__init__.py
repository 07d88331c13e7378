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

from sqlalchemy import func, select, update

from app.db.database import Database
from app.demo.core import (
    DEMO_WHO,
    CancelFn,
    Cancelled,
    DemoContext,
    ProgressFn,
    Step,
    install_branch_stamp,
)
from app.demo.data import STORE_PROFILE
from app.demo.staff import DEMO_ADMIN
from app.models.branch import FIRST_BRANCH_ID, Branch
from app.models.calls import Call
from app.models.customers import Customer
from app.models.staff import User
from app.services.branch_service import create_branch
from app.services.context import DEFAULT_TZ, ServiceContext

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


# The branches a company demo opens after the first (code "01", the Hangzhou store).
BRANCH_NAMES = ("宁波分公司", "温州分公司", "绍兴分公司", "嘉兴分公司", "湖州分公司",
                "金华分公司", "台州分公司", "丽水分公司")
MAX_BRANCHES = 1 + len(BRANCH_NAMES)


def split_calls(calls: int, branches: int) -> list[int]:
    """The ``calls`` total shared out over the branches (the first ones take the rest)."""
    share, rest = divmod(calls, branches)
    return [share + (1 if i < rest else 0) for i in range(branches)]


def generate(db: Database, *, calls: int, seed: int = DEFAULT_SEED,
             progress: ProgressFn | None = None, cancel: CancelFn | None = None,
             now: datetime | None = None, branches: int = 1) -> DemoSummary:
    """Fill ``db`` with a demo store of ``calls`` calls; ``progress(done, 1000, message)``.

    ``branches`` > 1 builds a company: the first branch as a single store, then each other
    branch (codes 02, 03…) opened by the service department and filled by the same steps
    acting as that branch's people, with its share of the calls (``split_calls``).

    Returns the summary; on cancellation the summary says ``cancelled`` and the database
    keeps the committed batches.
    """
    from app.demo.steps import STEPS

    if not 1 <= branches <= MAX_BRANCHES:
        raise ValueError(f"branches must be 1 to {MAX_BRANCHES}")
    started = time.perf_counter()
    moment = now or datetime.now(UTC)
    shares = split_calls(calls, branches)
    cancel_fn = cancel or (lambda: False)
    # one branch: a single store, as ever; a company: the first branch's people work in it
    dc = DemoContext(db=db, rng=random.Random(seed), now=moment,
                     tz=ZoneInfo(DEFAULT_TZ), calls=shares[0], cancel=cancel_fn,
                     branch_id=FIRST_BRANCH_ID if branches > 1 else None)
    department = ServiceContext(db, DEMO_ADMIN, tz=dc.tz, clock=lambda: moment)
    built = [dc]
    cancelled = False
    try:
        if branches > 1:
            install_branch_stamp(db.engine)
            _name_first_branch(db)
        _run_steps(dc, STEPS, _part(progress, 0, branches))
        for index in range(1, branches):
            code = f"{index + 1:02d}"
            opened = create_branch(department, code=code,
                                   name=BRANCH_NAMES[index - 1])
            built.append(DemoContext(
                db=db, rng=random.Random(seed * 100 + index), now=moment, tz=dc.tz,
                calls=shares[index], cancel=cancel_fn, branch_id=opened.id,
                branch_code=opened.code))
            _run_steps(built[-1], STEPS, _part(progress, index, branches))
    except Cancelled:
        cancelled = True
    counts: dict[str, int] = {"branches": len(built)} if branches > 1 else {}
    for part in built:
        _add(counts, part.counts)
    return DemoSummary(counts, time.perf_counter() - started, cancelled=cancelled)


def _name_first_branch(db: Database) -> None:
    """The first branch of a company demo is the Hangzhou store (a store made before branches
    has no name for it)."""
    with db.write(DEMO_WHO, reason="demo branches") as session:
        session.execute(update(Branch).where(Branch.id == FIRST_BRANCH_ID, Branch.name == "")
                        .values(name=STORE_PROFILE["name"]))


def _add(total: dict[str, int], more: dict[str, int]) -> None:
    for key, value in more.items():
        total[key] = total.get(key, 0) + value


def _part(progress: ProgressFn | None, index: int, parts: int) -> ProgressFn | None:
    """The progress of the ``index``-th of ``parts`` equal parts of the bar."""
    if progress is None or parts == 1:
        return progress
    report = progress

    def scaled(done: int, total: int, message: str) -> None:
        report((index * total + done) // parts, total, message)
    return scaled


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
