"""The registers' first page (seed 003 §6) on a 200,000-call demo store.

    python benchmarks/bench_registers.py            # the bench_call_log file (built if missing)
    python benchmarks/bench_registers.py --db FILE [--runs 7]

For each register, with the filter the page opens with (this month; the customer register
all dates) and with all dates, the median of ``--runs`` warm runs of (1) "svc":
``voice_registers.register_sheet(limit=PAGE)`` alone (no Qt); (2) "shown": the real
registers page (offscreen, 1400×900) refreshing and its table painted.
Target (issue 14): "shown" ≤ 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from app.bootstrap import open_database  # noqa: E402
from app.models.enums import Role  # noqa: E402
from app.services import voice_registers as registers  # noqa: E402
from app.services.context import Actor, ServiceContext  # noqa: E402

TARGET_MS = 150.0


def median_ms(func: Callable[[], object], runs: int) -> float:
    func()  # warm the cache and the code paths
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench-data" / "bench_200000.sqlite")
    parser.add_argument("--calls", type=int, default=200_000,
                        help="calls of the store built when --db is missing")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--profile", help="cProfile one register's page refresh (a kind)")
    args = parser.parse_args(argv)
    os.environ.setdefault("SERVICE_COUNTER_DATA", tempfile.mkdtemp(prefix="sc-bench-"))
    if not args.db.exists():
        from bench_call_log import build

        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.calls)
    from app.ui.app import create_application
    from app.ui.language import install_translator
    from app.ui.pages.voice_registers_page import VoiceRegistersPage
    from app.ui.session import AppSession

    app = create_application([])
    install_translator(app, "zh_CN")
    db = open_database(str(args.db))
    ctx = ServiceContext(db, Actor(None, "bench", "bench", Role.ADMIN, "bench"))
    page = VoiceRegistersPage(AppSession(db, ctx))
    page.resize(1400, 900)
    page.show()
    app.processEvents()
    print(f"{args.db.name}; median wall-clock ms of {args.runs} warm runs; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'register':<12}{'dates':<12}{'lines':>9}{'svc ms':>9}{'shown ms':>10}  target")
    ok = True
    for kind in registers.KINDS:
        page.set_register(kind)
        app.processEvents()
        for all_dates in (page.all_dates.isChecked(), not page.all_dates.isChecked()):
            page.all_dates.setChecked(all_dates)
            flt = page.current_filter()

            def shown() -> object:
                page.refresh()
                return page.table.viewport().grab()

            if args.profile == kind and all_dates:
                import cProfile

                cProfile.runctx("for _ in range(5): shown()", globals(), {"shown": shown},
                                f"registers-{kind}.prof")
            svc_ms = median_ms(lambda f=flt: registers.register_sheet(  # type: ignore[misc]
                ctx, f, limit=registers.PAGE), args.runs)
            shown_ms = median_ms(shown, args.runs)
            total = page.sheet.total if page.sheet else 0
            met = shown_ms <= TARGET_MS
            ok &= met
            print(f"{kind:<12}{'all' if all_dates else 'this month':<12}{total:>9,}"
                  f"{svc_ms:9.1f}{shown_ms:10.1f}  ≤{TARGET_MS:.0f} ms "
                  f"{'ok' if met else 'MISSED'}")
    page.close()  # before the interpreter ends: PySide may crash tearing a live page down
    page.deleteLater()
    app.processEvents()
    db.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
