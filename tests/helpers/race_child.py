"""Worker processes for the race tests: each runs real service calls against a shared database.

A pool of spawned processes (not forked: the test process may hold Qt and open connections)
waits on its inbox for ``(url, action, args)``, prepares (opens the database, logs in), meets
the others at a barrier and then acts at once, reporting what the user would have seen:
("ok", detail), ("refused", error class, message, params) for the services' clear refusals,
or ("error", traceback) for anything else — the generic apology.
"""

from __future__ import annotations

import multiprocessing as mp
import traceback
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

Outcome = tuple[Any, ...]
_DBS: dict[str, Any] = {}


def _db(url: str) -> Any:
    from app.bootstrap import open_database

    if url not in _DBS:
        for old in _DBS.values():  # one test's database at a time
            old.dispose()
        _DBS.clear()
        _DBS[url] = open_database(url, migrate=False)
    return _DBS[url]


def _ctx(url: str, args: dict[str, Any]) -> Any:
    """Acting as the user the test logged in (``args["actor"]``): no log-in in the race."""
    from app.services.context import ServiceContext

    return ServiceContext(_db(url), args["actor"])


# ---- the actions: each returns a callable that does the racing part ------------------------

def _collect(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    from app.services import payments_service

    ctx = _ctx(url, args)
    return lambda: payments_service.collect(ctx, args["bill_id"], amount=Decimal(args["amount"]),
                                            method="cash", place="counter").number


def _invoice(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    from app.services import payments_service

    ctx = _ctx(url, args)
    return lambda: payments_service.record_invoice(
        ctx, args["bill_id"], invoice_no=args["invoice_no"], amount=Decimal(args["amount"]),
        issued_on=ctx.today()).invoice_no


def _use_part(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    from app.services import carry_in_service, repair_service

    ctx = _ctx(url, args)
    card = carry_in_service.get_carry_in(ctx, args["receipt_id"])
    work = repair_service.WorkInput(minutes=10, note="换泵",
                                    parts=(repair_service.PartQty(args["part_id"], 1),))
    return lambda: repair_service.add_work(ctx, card.card_id, work,
                                           expected_version=card.card_version).card_version


def _visit_part(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    """A visit completed on site taking one part from the technician's van."""
    from app.models.jobs import VisitOutcome
    from app.services import parts_service, visit_service

    ctx = _ctx(url, args)
    data = visit_service.VisitInput(
        arrived_at=datetime.fromisoformat(args["arrived_at"]), completed_at=ctx.now(),
        outcome=VisitOutcome.COMPLETED, work_done="换泵", labour_minutes=30,
        customer_signed=True, part_uses=(parts_service.PartQty(args["part_id"], 1),))
    return lambda: visit_service.record_visit(ctx, args["job_id"], data,
                                              expected_version=args["version"]).id


def _register(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    from app.services import calls_service

    ctx = _ctx(url, args)
    data = calls_service.CallInput(fault="不制冷", customer_id=args["customer_id"])

    def act() -> list[str]:
        return [calls_service.register_call(ctx, data).number for _ in range(args["calls"])]
    return act


def _dispatch(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    from app.services import dispatch_service

    ctx = _ctx(url, args)
    return lambda: dispatch_service.dispatch_call(
        ctx, args["call_id"], args["technician_id"],
        expected_version=args["version"]).number


def _close_or_cancel(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    from app.services import calls_service, visit_service

    ctx = _ctx(url, args)
    if args["close"]:
        return lambda: visit_service.close_call(ctx, args["call_id"],
                                                expected_version=args["version"])
    return lambda: calls_service.cancel_call(ctx, args["call_id"], reason="客户撤销",
                                             expected_version=args["version"]).status


def _log_in(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    from app.services import auth_service

    db = _db(url)
    return lambda: auth_service.log_in(db, args["username"], args["password"],
                                       workstation=args["workstation"]).username


def _edit_call(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    from app.models.enums import Channel, ServiceKind, Urgency
    from app.services import calls_service

    ctx = _ctx(url, args)
    edit = calls_service.CallEdit(args["fault"], Channel.PHONE, None, ServiceKind.REPAIR,
                                  Urgency.NORMAL, datetime.fromisoformat(args["received_at"]))
    return lambda: calls_service.update_call(ctx, args["call_id"], edit, reason="补充",
                                             expected_version=args["version"]).fault


def _open_branch(url: str, args: dict[str, Any]) -> Callable[[], Any]:
    from app.services import branch_service

    ctx = _ctx(url, args)
    return lambda: branch_service.create_branch(ctx, code=args["code"], name=args["name"]).id


ACTIONS: dict[str, Callable[[str, dict[str, Any]], Callable[[], Any]]] = {
    "open_branch": _open_branch,
    "collect": _collect, "invoice": _invoice, "use_part": _use_part, "visit_part": _visit_part,
    "register": _register,
    "dispatch": _dispatch, "close_or_cancel": _close_or_cancel, "log_in": _log_in,
    "edit_call": _edit_call,
}


def _outcome(act: Callable[[], Any]) -> Outcome:
    from app.errors import UserError

    try:
        return ("ok", act())
    except UserError as err:
        return ("refused", type(err).__name__, err.text(), {k: str(v) for k, v in
                                                            err.params.items()})
    except Exception:  # the generic apology: anything but a clear refusal
        return ("error", traceback.format_exc()[-3000:])


def worker(index: int, inbox: Any, outbox: Any, barrier: Any) -> None:
    from app.services import auth_service

    auth_service.use_fast_hashing()
    while (task := inbox.get()) is not None:
        url, action, args = task
        try:
            act = ACTIONS[action](url, args)
        except Exception:
            act = None
            prepared: Outcome = ("error", "prepare: " + traceback.format_exc()[-3000:])
        barrier.wait(timeout=120)
        outbox.put((index, _outcome(act) if act is not None else prepared))
    for db in _DBS.values():
        db.dispose()


class Pool:
    """N worker processes that act together, once per ``race`` call."""

    def __init__(self, size: int) -> None:
        ctx = mp.get_context("spawn")
        self.size = size
        self.barrier = ctx.Barrier(size)
        self.outbox: Any = ctx.Queue()
        self.inboxes: list[Any] = [ctx.Queue() for _ in range(size)]
        self.procs = [ctx.Process(target=worker, args=(i, self.inboxes[i], self.outbox,
                                                       self.barrier), daemon=True)
                      for i in range(size)]
        for proc in self.procs:
            proc.start()

    def race(self, url: str, tasks: list[tuple[str, dict[str, Any]]]) -> list[Outcome]:
        """One round: worker i does tasks[i]; all act at the same moment."""
        assert len(tasks) == self.size
        for inbox, (action, args) in zip(self.inboxes, tasks, strict=True):
            inbox.put((url, action, args))
        results: list[Outcome | None] = [None] * self.size
        for _ in range(self.size):
            index, outcome = self.outbox.get(timeout=180)
            results[index] = outcome
        return [r for r in results if r is not None]

    def close(self) -> None:
        for inbox in self.inboxes:
            inbox.put(None)
        for proc in self.procs:
            proc.join(timeout=30)
            if proc.is_alive():
                proc.terminate()
