"""Monthly workbook export on a month of ~20,000 jobs: app time vs a bare openpyxl write.

    python benchmarks/bench_monthly_export.py [--runs 3]            # the bench_dispatch file
    python benchmarks/bench_monthly_export.py --db FILE [--month 2026-07]

Prints the report query time, the workbook write time (the app's XlsxWriter workbook with
every sheet, style, formula and chart), the time of a bare write-only openpyxl workbook with
the same cells (plain values: no styles, formulas or charts — the floor an openpyxl export
stands on; with lxml, as openpyxl writes fastest), and their ratio; medians of --runs.
Targets: issue 6, a month of ~20,000 jobs exported in ≤ 5 s and the write within 2× the bare
write; issue 14, the busiest month of the 1,000,000-call store (~116,000 jobs) in ≤ 10 s:

    python benchmarks/bench_monthly_export.py --db bench-data/bench_1000000.sqlite --target 10

``--profile FILE`` writes a cProfile of one month's report query.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import open_database  # noqa: E402
from app.export.monthly_workbook import write_monthly_workbook  # noqa: E402
from app.models import Base  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.services.context import Actor, ServiceContext  # noqa: E402
from app.services.monthly_dto import MonthlyReport  # noqa: E402
from app.services.monthly_report_service import monthly_report, parse_month  # noqa: E402


def busiest_month(path: Path) -> date:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT substr(dispatched_at, 1, 7) m FROM jobs GROUP BY m "
                           "ORDER BY count(*) DESC LIMIT 1").fetchone()
    return parse_month(row[0])


def bare_write(report: MonthlyReport, path: Path) -> None:
    """The same cells, plainly: the floor any openpyxl export stands on."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("summary")
    for figure in report.figures:
        ws.append([figure.label, figure.value])
    ws = wb.create_sheet("technicians")
    for t in report.technicians:
        ws.append([t.technician, t.jobs, *t.hours_by_category.values(), t.revenue_cents])
    ws = wb.create_sheet("models")
    for m in report.models:
        ws.append([m.model_code, m.model_name, m.category, m.calls, m.repairs, m.parts_cents])
    ws = wb.create_sheet("details")
    for d in report.details:
        ws.append([d.number, d.call_number, d.received_at.replace(tzinfo=None), d.customer,
                   d.phone, d.zone, d.channel, d.model, d.category, d.service_kind, d.technician,
                   d.dispatched_at.replace(tzinfo=None) if d.dispatched_at else None,
                   d.arrived_at.replace(tzinfo=None) if d.arrived_at else None, d.deadline_met,
                   d.outcome, d.labour_minutes, d.parts_cents, d.billed_cents, d.paid_cents])
    wb.save(path)


CPU_MS: dict[str, float] = {}  # the last run's CPU time per step (the machine is shared)


def timed(func: object, step: str = "") -> tuple[float, object]:
    start, cpu = time.perf_counter(), time.process_time()
    result = func()  # type: ignore[operator]
    CPU_MS[step] = (time.process_time() - cpu) * 1000
    return (time.perf_counter() - start) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path,
                        default=ROOT / "bench-data" / "bench_dispatch_200000.sqlite")
    parser.add_argument("--month")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--target", type=float, default=5.0, help="seconds for the export")
    parser.add_argument("--profile", type=Path, help="write a cProfile of one report query")
    parser.add_argument("--no-bare", action="store_true",
                        help="skip the bare openpyxl write (minutes on a busy machine)")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: build it with benchmarks/bench_dispatch.py", file=sys.stderr)
        return 2
    db = open_database(str(args.db))
    Base.metadata.create_all(db.engine)  # a bench file from an older build: add new tables
    ctx = ServiceContext(db, Actor(None, "bench", "bench", Role.ADMIN, "bench"))
    month = parse_month(args.month) if args.month else busiest_month(args.db)
    out = Path(tempfile.mkdtemp())
    monthly_report(ctx, month)  # warm: holidays data, caches
    if args.profile:
        import cProfile

        cProfile.runctx("monthly_report(ctx, month)", globals(),
                        {"ctx": ctx, "month": month}, str(args.profile))
    rows = []
    for run in range(args.runs):
        query_ms, report = timed(lambda: monthly_report(ctx, month), "query")
        mine, bare = out / f"m{run}.xlsx", out / f"b{run}.xlsx"
        write_ms, _ = timed(lambda r=report, f=mine: write_monthly_workbook(r, f), "write")
        bare_ms, _ = (float("nan"), None) if args.no_bare else timed(
            lambda r=report, f=bare: bare_write(r, f), "bare")
        rows.append((query_ms, write_ms, bare_ms))
        print(f"  run {run + 1}: query {query_ms:6.0f} ms (CPU {CPU_MS['query']:5.0f}), "
              f"write {write_ms:6.0f} ms (CPU {CPU_MS['write']:5.0f}), export "
              f"{query_ms + write_ms:6.0f} ms (CPU {CPU_MS['query'] + CPU_MS['write']:5.0f}); "
              f"load {os.getloadavg()[0]:.1f}", flush=True)
    query_ms, write_ms, bare_ms = (sorted(col)[len(col) // 2] for col in zip(*rows, strict=True))
    jobs = len(report.details)  # type: ignore[attr-defined]
    print(f"{args.db.name}, month {month:%Y-%m}: {jobs} jobs (median of {args.runs}); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"  report query      {query_ms:8.0f} ms   (last run's CPU {CPU_MS['query']:.0f} ms)")
    print(f"  workbook write    {write_ms:8.0f} ms   (last run's CPU {CPU_MS['write']:.0f} ms)")
    lxml = "with lxml" if openpyxl.LXML else "WITHOUT lxml: pip install lxml"
    print(f"  bare openpyxl     {bare_ms:8.0f} ms   ratio write/bare {write_ms / bare_ms:.2f}"
          f"   ({lxml})")
    total = query_ms + write_ms
    print(f"  export in all     {total:8.0f} ms   (target ≤ {args.target * 1000:.0f} ms)"
          f"   {'ok' if total <= args.target * 1000 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
