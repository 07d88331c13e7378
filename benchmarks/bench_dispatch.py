"""Dispatch board on a 200,000-call demo store: open the board, dispatch a call, voucher PDF.

    python benchmarks/bench_dispatch.py            # builds bench-data/bench_dispatch_200000.sqlite
    python benchmarks/bench_dispatch.py --reuse    # reuses it if it is there

Prints the median of ``--runs`` warm runs of (1) opening the board — the real DispatchPage
(offscreen Qt: queue, technicians, the first one's vouchers) and the service alone (as the
page calls it; with every technician's vouchers; one technician's list, read when another
is selected); (2) dispatching
one call from the board (service + board refresh; each run dispatches a different call);
(3) one voucher PDF after the first (fonts registered). Targets: 150 / 150 / 100 ms.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_store import run_on_store  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from app.db.database import Database  # noqa: E402
from app.models.calls import Call  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.models.jobs import Job  # noqa: E402
from app.models.staff import User  # noqa: E402
from app.services import dispatch_service  # noqa: E402
from app.services.context import Actor, ServiceContext  # noqa: E402

TARGETS_MS = {"open board (page)": 150.0, "dispatch one call": 150.0, "voucher PDF": 100.0}


def timed_ms(func: Callable[[], object]) -> tuple[float, float]:
    """(wall, CPU) milliseconds: on a shared, busy machine the CPU time is the fairer one."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def median_ms(func: Callable[[], object], runs: int) -> tuple[float, float]:
    func()  # warm the cache and the code paths
    samples = [timed_ms(func) for _ in range(runs)]
    return (statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples))


def supervisor(db: Database) -> ServiceContext:
    with db.read() as session:
        user = session.scalar(select(User).where(User.role == Role.SUPERVISOR.value).limit(1))
        assert user is not None, "the demo store has no supervisor"
        actor = Actor(user.id, user.username, user.display_name, Role.SUPERVISOR, "bench")
    return ServiceContext(db, actor)


def ensure_queue(ctx: ServiceContext, needed: int) -> None:
    """Enough waiting calls for every dispatch run (the demo leaves today's queue)."""
    from app.services.calls_service import CallInput, register_call

    waiting = len(dispatch_service.dispatch_queue(ctx))
    with ctx.read() as session:
        customer = session.scalar(select(Call.customer_id).limit(1))
    for _ in range(max(0, needed - waiting)):
        register_call(ctx, CallInput(fault="bench: 不制冷", customer_id=customer))


def report(db: Database, runs: int) -> bool:
    from PySide6.QtWidgets import QApplication

    from app.printing import registry
    from app.ui.pages.dispatch_page import DispatchPage
    from app.ui.session import AppSession

    app = QApplication.instance() or QApplication([])
    ctx = supervisor(db)
    with db.read() as session:
        calls = session.scalar(select(func.count()).select_from(Call))
        jobs = session.scalar(select(func.count()).select_from(Job))
    ensure_queue(ctx, runs + 2)
    session_ = AppSession(db, ctx)
    page = DispatchPage(session_)
    page.print_check.setChecked(False)
    print(f"database: {calls} calls, {jobs} vouchers; queue {page.queue_model.total()} "
          f"({page.queue_model.rowCount()} read), technicians {page.tech_model.rowCount()}")
    first_tech = page.tech_model.all_rows()[0].user_id
    figures = {
        "open board (page)": median_ms(lambda: DispatchPage(session_).deleteLater(), runs),
        # what the page reads: the queue's first page and every waiting call's order and
        # count, every technician's counts, the first page of one's vouchers
        "open board (service)": median_ms(
            lambda: dispatch_service.board(ctx, jobs_of=[first_tech],
                                           page=dispatch_service.PAGE), runs),
        "queue's next page": median_ms(lambda: dispatch_service.queue_rows(
            ctx, page.queue_model.all_keys()[100:200]), runs),
        "one tech's first page": median_ms(
            lambda: dispatch_service.technician_jobs_page(ctx, first_tech), runs),
        # every list whole (what the board read before it read a page at a time)
        "every list whole": median_ms(lambda: dispatch_service.board(ctx), runs),
        "one tech's vouchers": median_ms(
            lambda: dispatch_service.technician_jobs(ctx, first_tech), runs),
    }

    def dispatch_one() -> None:
        page.queue_view.selectRow(0)
        assert page.dispatch_to(0), page.message.text()

    figures["dispatch one call"] = median_ms(dispatch_one, runs)
    job = page.selected_job()
    number = job.number if job else ""
    first = timed_ms(lambda: registry.render(ctx, "voucher", number, reprint=False))
    figures["voucher PDF (first)"] = first
    figures["voucher PDF"] = median_ms(
        lambda: registry.render(ctx, "voucher", number, reprint=False), runs)
    app.processEvents()
    ok = True
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; wall / CPU ms")
    for name, (wall, cpu) in figures.items():
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else ("  ok" if wall <= target else "  SLOW")
        ok = ok and (target is None or wall <= target)
        limit = f"(target ≤ {target:.0f} ms)" if target else ""
        print(f"  {name:<22} {wall:8.1f} / {cpu:7.1f} ms {limit}{verdict}")
    return ok


def main(argv: list[str] | None = None) -> int:
    return run_on_store(__doc__, "bench_dispatch", report, argv, runs=7)


if __name__ == "__main__":
    raise SystemExit(main())
