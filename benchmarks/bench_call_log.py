"""Call-log book on a 200,000-call demo store: the app's time against the bare SQL query.

    python benchmarks/bench_call_log.py            # builds bench-data/bench_200000.sqlite
    python benchmarks/bench_call_log.py --reuse    # reuses it if it is there

For each case it prints the median of ``--runs`` warm runs of (1) "view": the real
``CallLogTableModel`` (offscreen Qt) — query, first page, ``data()`` of every visible cell;
(2) "svc": ``calls_service.list_calls`` alone (the data path, no Qt); (3) "bare": the best
plain sqlite3 query returning the same rows; then the ratios and the targets (the verdict
uses the view time: ≤ target ms and ≤ 3× bare).
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

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.bootstrap import open_database  # noqa: E402
from app.db.database import Database  # noqa: E402
from app.services import auth_service  # noqa: E402
from app.services.calls_service import CallFilter, count_calls  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402

VISIBLE_ROWS = 30  # rows on screen in a maximised window at the counter
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
# A common term reads best newest-first with the rowid hidden (see calls_service._fts_key).
FTS_COMMON_WHERE = "WHERE c.id + 0 IN (SELECT rowid FROM calls_fts WHERE calls_fts MATCH ?)"
LIKE_WHERE = "WHERE c.search_text LIKE ? ESCAPE '/'"


def build(path: Path, calls: int) -> None:
    from app.demo import generate

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(str(path))
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


def app_case(ctx: ServiceContext, flt: CallFilter) -> Callable[[], object]:
    """Construct the real table model, load its first page, read every visible cell."""
    from PySide6.QtCore import Qt

    from app.ui.table_models.call_log_table_model import CallLogTableModel

    def run() -> object:
        model = CallLogTableModel(ctx, flt=flt)
        cells = []
        for row in range(min(VISIBLE_ROWS, model.rowCount())):
            for col in range(model.columnCount()):
                index = model.index(row, col)
                cells.append(model.data(index, Qt.ItemDataRole.DisplayRole))
                cells.append(model.data(index, Qt.ItemDataRole.BackgroundRole))
        return cells

    return run


def service_case(ctx: ServiceContext, flt: CallFilter) -> Callable[[], object]:
    """The data path alone: calls_service.list_calls → CallRow DTOs (no Qt)."""
    from app.services.calls_service import list_calls

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


def report(db: Database, path: Path, runs: int) -> bool:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    actor = auth_service.log_in(db, "clerk", "clerk123", workstation="bench")
    ctx = ServiceContext(db, actor)
    conn = sqlite3.connect(path)
    clock = "CPU" if CLOCK is time.process_time else "wall-clock"
    print(f"\nSQLite {sqlite3.sqlite_version}, median {clock} time of {runs} warm runs, "
          f"{conn.execute('SELECT count(*) FROM calls').fetchone()[0]:,} calls\n")
    print(f"{'case':<14}{'query':<24}{'view ms':>8}{'svc ms':>8}{'bare ms':>8}"
          f"{'view/bare':>10}{'svc/bare':>9}  target")
    ok = True
    for name, label, flt, bare_run in cases(conn):
        view_ms = median_ms(app_case(ctx, flt), runs)
        svc_ms = median_ms(service_case(ctx, flt), runs)
        bare_ms = median_ms(bare_run, runs)
        met = view_ms <= TARGETS_MS[name] and view_ms <= MAX_RATIO * bare_ms
        ok &= met
        print(f"{name:<14}{label:<24}{view_ms:8.1f}{svc_ms:8.1f}{bare_ms:8.1f}"
              f"{view_ms / bare_ms:10.1f}{svc_ms / bare_ms:9.1f}  "
              f"≤{TARGETS_MS[name]:.0f} ms, ≤{MAX_RATIO:.0f}×  {'ok' if met else 'MISSED'}")
    print("\nThe page's match count (calls_service.count_calls, runs after the first rows):")
    for _name, label, flt, _bare in cases(conn):
        full = median_ms(lambda f=flt: count_calls(ctx, f), runs)
        capped = median_ms(lambda f=flt: count_calls(ctx, f, cap=1000), runs)
        print(f"  {label:<26} full {full:7.1f} ms   capped at 1000 {capped:7.1f} ms")
    conn.close()
    del app
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
