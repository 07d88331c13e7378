"""Call-log book on a 200,000-call demo store: the app's time against the bare SQL query.

    python benchmarks/bench_call_log.py            # builds bench-data/bench_200000.sqlite
    python benchmarks/bench_call_log.py --reuse    # reuses it if it is there

For each case it prints the median of ``--runs`` warm runs of
(1) "rows": the rows ready for the view — a new ``CallLogTableModel`` built with the
    filter (the statement, the first page of 100, the DTOs), as the page gets on every
    filter change; (2) "svc": ``calls_service.list_calls`` alone (no Qt); (3) "bare": the
    best plain sqlite3 query returning the same rows; and the ratio rows/bare;
(4) "shown": the real call-log page (offscreen, 1400×900) searching or refreshing and its
    table painted — the query, the model reset and every ``data()`` call the view makes for
    the visible cells (about 1,700 a paint), then the pixels.
The verdict: "shown" within the issue's target (150/50/100 ms) and "rows" within 3× bare.
Qt's per-cell calls are counted in "shown", not in the ratio: they are a fixed cost of the
painted cells (≈4 µs a call through PySide), not of the query path the ratio judges.
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
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import open_database  # noqa: E402
from app.db.database import Database  # noqa: E402
from app.services import auth_service  # noqa: E402
from app.services.call_book_service import CallFilter, count_calls  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402

if TYPE_CHECKING:
    from app.ui.pages.call_log_page import CallLogPage

TARGETS_MS = {"first rows": 150.0, "phone search": 50.0, "text search": 100.0}
MAX_RATIO = 3.0

# The bare query for one page of the book, written as well as we can in plain SQL: pick the
# page's ids on (received_at, id), then join what the table shows.
BARE_PAGE = """
SELECT c.id, c.number, c.received_at, cu.name,
       (SELECT p.phone FROM customer_phones p WHERE p.customer_id = c.customer_id
        ORDER BY p.id LIMIT 1),
       m.code, m.name, i.serial, c.fault, c.category, c.status, c.channel, z.name, c.urgency
FROM (SELECT c.id FROM calls c {where}
      ORDER BY c.received_at DESC, c.id DESC LIMIT 101) page
JOIN calls c ON c.id = page.id
JOIN customers cu ON cu.id = c.customer_id
LEFT JOIN items i ON i.id = c.item_id
LEFT JOIN product_models m ON m.id = i.product_model_id
LEFT JOIN zones z ON z.id = c.zone_id
ORDER BY c.received_at DESC, c.id DESC
"""
FTS_WHERE = "WHERE c.id IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)"
# A common term reads best newest-first with the rowid hidden (see call_book_service._match).
FTS_COMMON_WHERE = "WHERE c.id + 0 IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)"
LIKE_WHERE = "WHERE c.search_text LIKE ? ESCAPE '/'"


def build(path: Path, calls: int) -> None:
    from app.demo import generate

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(str(path), create="always")  # a fresh file, deliberately
    started = time.perf_counter()
    shown = [-1]

    def progress(done: int, total: int, message: str) -> None:
        if done * 20 // total != shown[0]:
            shown[0] = done * 20 // total
            print(f"  {done * 100 // total:3d}%  {message}", flush=True)

    summary = generate(db, calls=calls, progress=progress)
    db.dispose()
    print(f"built {path} in {time.perf_counter() - started:.0f} s: {summary.counts}")


CLOCK = time.perf_counter  # --cpu switches to process_time (a shared, busy machine)


def median_ms(func: Callable[[], object], runs: int) -> float:
    func()  # warm the cache and the code paths
    samples = []
    for _ in range(runs):
        started = CLOCK()
        func()
        samples.append((CLOCK() - started) * 1000)
    return statistics.median(samples)


def rows_case(ctx: ServiceContext, flt: CallFilter) -> Callable[[], object]:
    """A new table model with the filter: statement, first page, DTOs — the rows ready."""
    from app.ui.table_models.call_log_table_model import CallLogTableModel

    return lambda: CallLogTableModel(ctx, flt=flt)


def shown_case(page: CallLogPage, flt: CallFilter) -> Callable[[], object]:
    """The real page searches (or refreshes) and its table is painted."""

    def run() -> object:
        page.search(flt.search)
        return page.table.viewport().grab()

    return run


def service_case(ctx: ServiceContext, flt: CallFilter) -> Callable[[], object]:
    """The data path alone: calls_service.list_calls → CallRow DTOs (no Qt)."""
    from app.services.call_book_service import list_calls

    return lambda: list_calls(ctx, flt, limit=100)


def bare_case(conn: sqlite3.Connection, where: str, *params: str) -> Callable[[], object]:
    sql = BARE_PAGE.format(where=where)
    return lambda: conn.execute(sql, params).fetchall()


def sample_terms(conn: sqlite3.Connection) -> tuple[str, str]:
    """A phone fragment (middle 6 digits of a recent caller's mobile), and a 3-char fault."""
    digits = conn.execute(
        "SELECT p.digits FROM calls c JOIN customer_phones p ON p.customer_id = c.customer_id "
        "WHERE length(p.digits) = 11 ORDER BY c.received_at DESC LIMIT 1").fetchone()[0]
    return digits[3:9], "不制冷"


Case = tuple[str, str, CallFilter, Callable[[], object]]


def cases(conn: sqlite3.Connection) -> list[Case]:
    phone, long_term = sample_terms(conn)
    short_term = "漏水"
    return [
        ("first rows", "newest first, no filter", CallFilter(), bare_case(conn, "")),
        ("phone search", f"'{phone}'", CallFilter(search=phone),
         bare_case(conn, FTS_WHERE, f'"{phone}"')),
        ("text search", f"'{long_term}' (trigram)", CallFilter(search=long_term),
         bare_case(conn, FTS_COMMON_WHERE, f'"{long_term}"')),
        ("text search", f"'{short_term}' (2 chars)", CallFilter(search=short_term),
         bare_case(conn, LIKE_WHERE, f"%{short_term}%")),
    ]


def open_page(db: Database, ctx: ServiceContext) -> CallLogPage:
    from app.ui.pages.call_log_page import CallLogPage
    from app.ui.session import AppSession

    page = CallLogPage(AppSession(db, ctx))
    page.resize(1400, 900)
    page.show()
    return page


def report(db: Database, path: Path, runs: int) -> bool:
    from app.ui.app import create_application
    from app.ui.language import install_translator

    app = create_application([])  # the bundled font, the look and the Chinese of the app
    install_translator(app, "zh_CN")
    actor = auth_service.log_in(db, "clerk", "clerk123", workstation="bench")
    ctx = ServiceContext(db, actor)
    page = open_page(db, ctx)
    app.processEvents()
    conn = sqlite3.connect(path)
    clock = "CPU" if CLOCK is time.process_time else "wall-clock"
    print(f"\nSQLite {sqlite3.sqlite_version}, median {clock} time of {runs} warm runs, "
          f"{conn.execute('SELECT count(*) FROM calls').fetchone()[0]:,} calls, "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    print(f"{'case':<14}{'query':<24}{'rows ms':>8}{'svc ms':>8}{'bare ms':>8}"
          f"{'rows/bare':>10}{'shown ms':>9}  target")
    ok = True
    for name, label, flt, bare_run in cases(conn):
        rows_ms = median_ms(rows_case(ctx, flt), runs)
        svc_ms = median_ms(service_case(ctx, flt), runs)
        bare_ms = median_ms(bare_run, runs)
        shown_ms = median_ms(shown_case(page, flt), runs)
        app.processEvents()  # the deferred match count
        met = shown_ms <= TARGETS_MS[name] and rows_ms <= MAX_RATIO * bare_ms
        ok &= met
        print(f"{name:<14}{label:<24}{rows_ms:8.2f}{svc_ms:8.2f}{bare_ms:8.2f}"
              f"{rows_ms / bare_ms:10.1f}{shown_ms:9.1f}  "
              f"shown ≤{TARGETS_MS[name]:.0f} ms, rows ≤{MAX_RATIO:.0f}× bare  "
              f"{'ok' if met else 'MISSED'}")
    print("\nThe page's match count (calls_service.count_calls, runs after the first rows):")
    for _name, label, flt, _bare in cases(conn):
        full = median_ms(lambda f=flt: count_calls(ctx, f), runs)
        capped = median_ms(lambda f=flt: count_calls(ctx, f, cap=1000), runs)
        print(f"  {label:<26} full {full:7.1f} ms   capped at 1000 {capped:7.1f} ms")
    conn.close()
    page.close()  # before the interpreter ends: PySide may crash tearing a live page down
    page.deleteLater()
    app.processEvents()
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200_000)
    parser.add_argument("--dir", type=Path, default=ROOT / "bench-data")
    parser.add_argument("--reuse", action="store_true", help="reuse the database if present")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--cpu", action="store_true",
                        help="measure CPU time of this process instead of wall-clock time")
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = time.process_time if args.cpu else time.perf_counter
    args.dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SERVICE_COUNTER_DATA", tempfile.mkdtemp(prefix="sc-bench-"))
    path = args.dir / f"bench_{args.calls}.sqlite"
    if not (args.reuse and path.exists()):
        build(path, args.calls)
    db = open_database(str(path))
    try:
        return 0 if report(db, path, args.runs) else 1
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
