"""Yearly workbook export (年度统计报表.xlsx, 制度11 六) on a 200,000-call demo store.

    python benchmarks/bench_yearly_export.py            # the bench_call_log file (built if missing)
    python benchmarks/bench_yearly_export.py --db FILE [--year 2025] [--runs 3]

Prints, as medians of --runs (wall-clock and CPU time of this process, the machine is shared):
(1) "reports": ``yearly_service.year_reports`` — the twelve months' figures the workbook and
the archive PDF are made of; (2) "workbook write": ``write_yearly_workbook``; (3) "bare
XlsxWriter": a bare XlsxWriter workbook with the same cells (plain values, no formats,
formulas or widths); (4) the archive PDF of the same reports (for information).
Targets (issue 14): reports + write ≤ 30 s and the write within 2× the bare write.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from app.bootstrap import open_database  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.services.context import Actor, ServiceContext  # noqa: E402
from app.services.monthly_dto import MonthlyReport  # noqa: E402

TARGET_MS = 30_000.0
MAX_RATIO = 2.0


def busiest_year(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT substr(received_at, 1, 4) y FROM calls GROUP BY y "
                           "ORDER BY count(*) DESC LIMIT 1").fetchone()
    return int(row[0])


def bare_write(year: int, reports: list[MonthlyReport], path: Path) -> None:
    """The same cells, plainly: title, note, header, a row per figure with its months and
    the year's value as a number."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = book.add_worksheet("year")
    ws.write_string(0, 0, f"{reports[0].store_name} {year}")
    ws.write_string(1, 0, "note")
    ws.write_row(2, 0, ["Figure", *[f"{r.month:%Y-%m}" for r in reports], "Year"])
    for row, figure in enumerate(reports[0].figures, start=3):
        values = [r.figure(figure.key) for r in reports]
        ws.write_string(row, 0, figure.label)
        for col, value in enumerate(values, start=1):
            ws.write_number(row, col, value)
        ws.write_number(row, len(values) + 1, sum(values))
    book.close()


def timed(func: Callable[[], object]) -> tuple[float, float, object]:
    """(wall ms, CPU ms, result)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = func()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench-data" / "bench_200000.sqlite")
    parser.add_argument("--calls", type=int, default=200_000,
                        help="calls of the store built when --db is missing")
    parser.add_argument("--year", type=int)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=Path, help="write a cProfile of one year's reports")
    args = parser.parse_args(argv)
    os.environ.setdefault("SERVICE_COUNTER_DATA", tempfile.mkdtemp(prefix="sc-bench-"))
    if not args.db.exists():
        from bench_call_log import build

        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.calls)
    from app.export.yearly_workbook import write_yearly_workbook
    from app.printing.documents.yearly_archive import yearly_archive_pdf
    from app.services import yearly_service
    from app.services.reference_service import letterhead

    db = open_database(str(args.db))
    ctx = ServiceContext(db, Actor(None, "bench", "bench", Role.ADMIN, "bench"))
    year = args.year or busiest_year(args.db)
    out = Path(tempfile.mkdtemp())
    if args.profile:
        import cProfile

        cProfile.runctx("yearly_service.year_reports(ctx, year)", globals(),
                        {"yearly_service": yearly_service, "ctx": ctx, "year": year},
                        str(args.profile))
    header = letterhead(ctx)

    def one_run(run: int) -> tuple[list[MonthlyReport], list[tuple[float, float]]]:
        query = timed(lambda: yearly_service.year_reports(ctx, year))
        got: list[MonthlyReport] = query[2]  # type: ignore[assignment]
        write = timed(lambda: write_yearly_workbook("bench", year, got, out / f"y{run}.xlsx"))
        bare = timed(lambda: bare_write(year, got, out / f"b{run}.xlsx"))
        pdf = timed(lambda: yearly_archive_pdf(header, year, got))
        return got, [(t[0], t[1]) for t in (query, write, bare, pdf)]

    yearly_service.year_reports(ctx, year)  # warm: the page cache, holidays, code paths
    samples = []
    reports: list[MonthlyReport] = []
    for run in range(args.runs):
        reports, sample = one_run(run)
        samples.append(sample)
    db.dispose()
    medians = [(statistics.median(s[i][0] for s in samples),
                statistics.median(s[i][1] for s in samples)) for i in range(4)]
    (query_ms, query_cpu), (write_ms, write_cpu), (bare_ms, bare_cpu), (pdf_ms, pdf_cpu) = medians
    with sqlite3.connect(args.db) as conn:
        calls = conn.execute("SELECT count(*) FROM calls").fetchone()[0]
        jobs = conn.execute("SELECT count(*) FROM jobs WHERE dispatched_at >= ? "
                            "AND dispatched_at < ?", (f"{year - 1}-12-31 16",
                                                      f"{year}-12-31 16")).fetchone()[0]
    print(f"{args.db.name}: {calls:,} calls; year {year}: {len(reports)} months, ~{jobs:,} jobs")
    print(f"median of {args.runs}, wall / CPU ms; load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} CPUs")
    total = query_ms + write_ms
    ratio = write_ms / bare_ms if bare_ms else float("inf")
    print(f"  year's reports    {query_ms:9.0f} / {query_cpu:9.0f}")
    print(f"  workbook write    {write_ms:9.0f} / {write_cpu:9.0f}")
    print(f"  bare XlsxWriter   {bare_ms:9.0f} / {bare_cpu:9.0f}   ratio write/bare {ratio:.2f} "
          f"(target ≤ {MAX_RATIO:.0f})")
    print(f"  workbook in all   {total:9.0f} / {query_cpu + write_cpu:9.0f}   "
          f"(target ≤ {TARGET_MS:.0f} ms)")
    print(f"  archive PDF       {pdf_ms:9.0f} / {pdf_cpu:9.0f}   (for information)")
    ok = total <= TARGET_MS and ratio <= MAX_RATIO
    print("  targets met" if ok else "  TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
